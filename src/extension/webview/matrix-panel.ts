/**
 * The "Framework Matrix" panels: the charting of one corpus, cases by themes, with summaries and
 * the quotes behind them; a quote opens its segment, a summary is edited in place. Beside the
 * matrix, the same coding counted by value of the grouping attribute, and code co-occurrence. One
 * panel per corpus (per workspace folder, or per corpus folder inside one), each restored after
 * a window reload by the serializer on the corpus its webview last showed.
 */
import * as vscode from 'vscode';
import {
  MATRIX_VIEW_TYPE,
  type MatrixFromWebviewMessage,
  type MatrixToWebviewMessage,
} from '../../protocol';
import type { MatrixAnswers } from './matrix-view';
import { PanelHost, registerPanelSerializer, type PanelRequest } from './panel-host';

/** A corpus the panels can show: its root (a URI string) and its name. */
export interface MatrixCorpus {
  readonly root: string;
  readonly name: string;
}

/** Where the panels' data comes from. */
export interface MatrixSource {
  /** The corpora of the workspace now, in their order (the first is the default). */
  readonly corpora: readonly MatrixCorpus[];
  /**
   * The matrix of the corpus at `root`, rows grouped by `attribute` (default: the comparison
   * attribute); null when no corpus has that root (yet: see {@link loading}).
   */
  current(root: string, attribute?: string): MatrixAnswers | null;
  readonly loading: boolean;
  /** Fires whenever {@link current} or {@link corpora} would answer differently. */
  readonly onDidChange: vscode.Event<void>;
}

/** What a panel asks of the extension; arguments are validated and the root is the one shown. */
export interface MatrixPanelHandlers {
  openSegment(root: string, file: string, id: string): void;
  saveSummary(root: string, caseId: string, theme: string, summary: string): Promise<void>;
  /** Export the matrix of `root`, rows grouped by `attribute` (undefined: the comparison attribute). */
  exportMatrix(root: string, attribute: string | undefined): void;
}

const TITLE = 'Framework Matrix';

/** The tab title: the corpus named once the workspace has more than one. */
export function matrixTitle(corpora: readonly MatrixCorpus[], root: string | undefined): string {
  const name = corpora.length > 1 ? corpora.find((c) => c.root === root)?.name : undefined;
  return name ? `${TITLE}: ${name}` : TITLE;
}

/**
 * The corpus a restored panel showed, from the state its webview saved (`data.root`, see
 * MatrixPanelState). The state is the webview's: only a string is taken, and it names a corpus
 * only if one has that root.
 */
export function rootInSavedState(state: unknown): string | undefined {
  if (typeof state !== 'object' || state === null) return undefined;
  const data = (state as { data?: unknown }).data;
  if (typeof data !== 'object' || data === null) return undefined;
  const root = (data as { root?: unknown }).root;
  return typeof root === 'string' && root.length > 0 && root.length <= 4096 ? root : undefined;
}

/** The panels, one per corpus, and the serializer that restores them. */
export class MatrixPanels implements vscode.Disposable {
  private readonly panels = new Set<MatrixPanel>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly source: MatrixSource,
    private readonly log: vscode.LogOutputChannel,
    private readonly handlers: MatrixPanelHandlers,
  ) {
    this.subscriptions.push(
      registerPanelSerializer(MATRIX_VIEW_TYPE, log, (panel, state) => this.restore(panel, rootInSavedState(state))),
      source.onDidChange(() => {
        for (const p of this.panels) p.post();
      }),
    );
  }

  /** Opens the panel of the corpus at `root` (default: the first corpus), or reveals it. */
  show(root?: string): void {
    const target = root ?? this.source.corpora[0]?.root;
    const open = [...this.panels].find((p) => p.root(this.shownRoots(p)) === target);
    if (open) {
      open.show();
      return;
    }
    const panel = this.create(target);
    panel.show();
  }

  /** The corpora whose panels are open (for a panel without a root yet: where not to go). */
  private shownRoots(except: MatrixPanel): Set<string> {
    return new Set([...this.panels].filter((p) => p !== except && p.fixedRoot).map((p) => p.fixedRoot!));
  }

  private restore(webviewPanel: vscode.WebviewPanel, root: string | undefined): void {
    // The same corpus restored twice (two windows' states): keep one.
    if (root !== undefined && [...this.panels].some((p) => p.fixedRoot === root)) {
      this.log.warn(`${MATRIX_VIEW_TYPE}: a restored panel was closed; its corpus is open in another`);
      webviewPanel.dispose();
      return;
    }
    this.create(root).restore(webviewPanel);
  }

  private create(root: string | undefined): MatrixPanel {
    const panel = new MatrixPanel(this.extensionUri, this.source, this.log, this.handlers, root, (except) => this.shownRoots(except));
    this.panels.add(panel);
    panel.onDidClose(() => {
      this.panels.delete(panel);
      panel.dispose();
    });
    return panel;
  }

  dispose(): void {
    for (const s of this.subscriptions.splice(0)) s.dispose();
    for (const p of this.panels) p.dispose();
    this.panels.clear();
  }
}

/** One corpus's panel. */
class MatrixPanel implements vscode.Disposable {
  private readonly host: PanelHost<MatrixToWebviewMessage, MatrixFromWebviewMessage>;
  /** The grouping chosen in the panel; the comparison attribute when undefined. */
  private attribute: string | undefined;

  readonly onDidClose: vscode.Event<void>;

  /**
   * @param fixedRoot The corpus shown; undefined only for a panel restored without one (its
   *   webview had no matrix yet): it takes the first corpus not shown elsewhere once one loads.
   */
  constructor(
    extensionUri: vscode.Uri,
    private readonly source: MatrixSource,
    private readonly log: vscode.LogOutputChannel,
    private readonly handlers: MatrixPanelHandlers,
    public fixedRoot: string | undefined,
    private readonly elsewhere: (except: MatrixPanel) => Set<string>,
  ) {
    this.host = new PanelHost<MatrixToWebviewMessage, MatrixFromWebviewMessage>({
      viewType: MATRIX_VIEW_TYPE,
      title: matrixTitle(source.corpora, fixedRoot),
      bundle: 'matrix',
      extensionUri,
      log,
      accepts: ['refresh', 'openSegment', 'saveSummary', 'setGrouping', 'exportMatrix', 'requestQuotes', 'search', 'requestQuery', 'requestQuerySegments'],
      onMessage: (message) => void this.handle(message),
      onReady: () => this.post(),
    });
    this.onDidClose = this.host.onDidClose;
  }

  /** The corpus shown, fixing it for a panel that had none when a corpus is there to take. */
  root(elsewhere = this.elsewhere(this)): string | undefined {
    if (this.fixedRoot === undefined) {
      const corpora = this.source.corpora;
      this.fixedRoot = (corpora.find((c) => !elsewhere.has(c.root)) ?? corpora[0])?.root;
    }
    return this.fixedRoot;
  }

  show(): void {
    this.host.show();
    this.post();
  }

  restore(panel: vscode.WebviewPanel): void {
    this.host.restore(panel);
  }

  post(): void {
    if (!this.host.isOpen) return;
    this.host.setTitle(matrixTitle(this.source.corpora, this.root()));
    this.host.post({ type: 'matrix', data: this.current()?.view ?? null, loading: this.source.loading });
  }

  dispose(): void {
    this.host.dispose();
  }

  private current(): MatrixAnswers | null {
    const root = this.root();
    return root === undefined ? null : this.source.current(root, this.attribute);
  }

  private async handle(message: PanelRequest<MatrixFromWebviewMessage>): Promise<void> {
    if (message.type === 'refresh') {
      this.post();
      return;
    }
    if (message.type === 'setGrouping') {
      // Only an attribute offered: anything else would chart nothing useful.
      if (!this.current()?.view.attributes.includes(message.attribute)) return;
      this.attribute = message.attribute;
      this.post();
      return;
    }
    // Not accepted by this panel (see `accepts`); narrows the type to the requests about a corpus.
    if (message.type === 'runCommand' || message.type === 'openFile') return;
    // Only the corpus this panel shows: the webview cannot name another folder.
    const current = this.current();
    if (!current || message.root !== current.view.root) {
      this.log.warn(`${MATRIX_VIEW_TYPE}: dropped ${message.type}: not the corpus shown in the panel`);
      return;
    }
    switch (message.type) {
      case 'openSegment':
        this.handlers.openSegment(message.root, message.file, message.id);
        return;
      case 'saveSummary':
        await this.handlers.saveSummary(message.root, message.case, message.theme, message.summary);
        return;
      case 'requestQuotes': {
        const key = { case: message.case, wave: message.wave, theme: message.theme, code: message.code };
        this.host.post({ type: 'quotes', version: current.view.version, key, quotes: current.quotes(key), cited: current.cited(key) });
        return;
      }
      case 'search':
        this.host.post({ type: 'searchResult', version: current.view.version, text: message.text, rows: current.search(message.text) });
        return;
      case 'exportMatrix':
        this.handlers.exportMatrix(message.root, this.attribute);
        return;
      case 'requestQuery':
        this.host.post(current.query(message.query, message.by));
        return;
      case 'requestQuerySegments': {
        const { query, by, row, col } = message;
        this.host.post({ type: 'querySegments', version: current.view.version, query, by, row, col, quotes: current.querySegments(query, by, row, col) });
        return;
      }
    }
  }
}
