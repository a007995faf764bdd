/**
 * Panels that show one corpus each (the Framework Matrix, the wave comparison): one panel per
 * corpus (per workspace folder, or per corpus folder inside one), named in its tab when the
 * workspace holds several, each restored after a window reload on the corpus its webview last
 * showed. The panel kinds differ only in their messages: {@link CorpusPanel} is their base.
 */
import * as vscode from 'vscode';
import type { FromWebviewMessage, ToWebviewMessage } from '../../protocol';
import { corpusForPanel, corpusPanelTitle, rootInSavedState, type PanelCorpus } from './corpus-panel-choice';
import { PanelHost, registerPanelSerializer, type PanelHostOptions, type PanelRequest } from './panel-host';


/** The corpora of the workspace, as the panels need to know them. */
export interface PanelCorpora {
  /** The corpora now, in their order (the first is the default). */
  readonly corpora: readonly PanelCorpus[];
  readonly loading: boolean;
  /** Fires whenever the corpora, or anything a panel shows of them, change. */
  readonly onDidChange: vscode.Event<void>;
}

/** The host's options a corpus panel sets (`title`: before any corpus is named); it handles messages and `ready` itself. */
export type CorpusPanelOptions<TFrom extends FromWebviewMessage> = Pick<PanelHostOptions<TFrom>, 'viewType' | 'title' | 'bundle' | 'extensionUri' | 'log' | 'accepts'>;

/** One corpus's panel: the host, the corpus it shows, and posting its data. */
export abstract class CorpusPanel<TTo extends ToWebviewMessage, TFrom extends FromWebviewMessage> implements OneCorpusPanel {
  protected readonly host: PanelHost<TTo, TFrom>;
  readonly onDidClose: vscode.Event<void>;
  /** The tab's title when VS Code restored the panel after a reload. */
  private restoredTitle: string | undefined;

  /**
   * @param fixedRoot The corpus shown; undefined only for a panel restored without one (its
   *   webview had no data yet): it takes the first corpus not shown elsewhere once one loads.
   * @param elsewhere The corpora other panels of this kind show.
   */
  constructor(
    private readonly options: CorpusPanelOptions<TFrom>,
    protected readonly catalog: PanelCorpora,
    public fixedRoot: string | undefined,
    private readonly elsewhere: () => ReadonlySet<string>,
  ) {
    this.host = new PanelHost<TTo, TFrom>({
      viewType: options.viewType,
      title: corpusPanelTitle(options.title, catalog.corpora, fixedRoot),
      bundle: options.bundle,
      extensionUri: options.extensionUri,
      log: options.log,
      accepts: options.accepts,
      onMessage: (message) => void this.receive(message),
      onReady: () => this.post(),
    });
    this.onDidClose = this.host.onDidClose;
  }

  /** The corpus shown, fixing it for a panel that had none when a corpus is there to take. */
  root(): string | undefined {
    if (this.fixedRoot === undefined) this.fixedRoot = corpusForPanel(this.options.title, this.catalog.corpora, this.elsewhere(), this.restoredTitle);
    return this.fixedRoot;
  }

  show(): void {
    this.host.show();
    this.post();
  }

  restore(panel: vscode.WebviewPanel): void {
    // Hidden tabs are restored only when shown, so the other panels cannot say which corpora
    // are taken yet: the title the tab kept names this one's.
    this.restoredTitle = panel.title;
    this.host.restore(panel);
  }

  /** Sends the panel's whole current data (when open), and names the corpus in the tab. */
  post(): void {
    if (!this.host.isOpen) return;
    this.host.setTitle(corpusPanelTitle(this.options.title, this.catalog.corpora, this.root()));
    this.host.post(this.data());
  }

  dispose(): void {
    this.host.dispose();
  }

  /** The message with everything the panel draws. */
  protected abstract data(): TTo;

  /** Acts on a validated request from the webview. */
  protected abstract handle(message: PanelRequest<TFrom>): Promise<void> | void;

  private async receive(message: PanelRequest<TFrom>): Promise<void> {
    try {
      await this.handle(message);
    } catch (error) {
      this.options.log.error(`${this.options.viewType}: handling ${message.type} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  }
}

/** What {@link CorpusPanels} needs of a panel (what {@link CorpusPanel} is, whatever its messages). */
export interface OneCorpusPanel extends vscode.Disposable {
  readonly fixedRoot: string | undefined;
  root(): string | undefined;
  show(): void;
  restore(panel: vscode.WebviewPanel): void;
  post(): void;
  readonly onDidClose: vscode.Event<void>;
}

/** The panels of one kind, one per corpus, and the serializer that restores them. */
export class CorpusPanels<P extends OneCorpusPanel> implements vscode.Disposable {
  private readonly panels = new Set<P>();
  private readonly subscriptions: vscode.Disposable[] = [];

  /**
   * @param create Makes the panel of a corpus (`root`), given the corpora other panels show.
   *   Call during activation: this registers the serializer of `viewType`.
   */
  constructor(
    private readonly viewType: string,
    private readonly catalog: PanelCorpora,
    private readonly log: vscode.LogOutputChannel,
    private readonly create: (root: string | undefined, elsewhere: () => ReadonlySet<string>) => P,
  ) {
    this.subscriptions.push(
      registerPanelSerializer(viewType, log, (panel, state) => this.restore(panel, rootInSavedState(state))),
      catalog.onDidChange(() => {
        for (const p of this.panels) p.post();
      }),
    );
  }

  /** Opens the panel of the corpus at `root` (default: the first corpus), or reveals it. */
  show(root?: string): void {
    const target = root ?? this.catalog.corpora[0]?.root;
    const open = [...this.panels].find((p) => p.root() === target);
    (open ?? this.add(target)).show();
  }

  dispose(): void {
    for (const s of this.subscriptions.splice(0)) s.dispose();
    for (const p of this.panels) p.dispose();
    this.panels.clear();
  }

  private restore(webviewPanel: vscode.WebviewPanel, root: string | undefined): void {
    // The same corpus restored twice: keep one.
    if (root !== undefined && [...this.panels].some((p) => p.fixedRoot === root)) {
      this.log.warn(`${this.viewType}: a restored panel was closed; its corpus is open in another`);
      webviewPanel.dispose();
      return;
    }
    this.add(root).restore(webviewPanel);
  }

  private add(root: string | undefined): P {
    const panel: P = this.create(root, () => this.shownRoots(panel));
    this.panels.add(panel);
    panel.onDidClose(() => {
      this.panels.delete(panel);
      panel.dispose();
    });
    return panel;
  }

  /** The corpora shown by the panels other than `except`. */
  private shownRoots(except: P): Set<string> {
    const roots = new Set<string>();
    for (const p of this.panels) if (p !== except && p.fixedRoot !== undefined) roots.add(p.fixedRoot);
    return roots;
  }
}
