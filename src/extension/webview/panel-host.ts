/**
 * The host side of one webview panel, shared by every QualFrame panel: it creates or reveals
 * its panel, takes over one restored after a window reload, waits for the
 * webview's `ready` before posting (and again after every reload of the webview), posts typed
 * messages, and lets through only the messages from the webview that pass
 * {@link checkFromWebviewMessage} and that this panel accepts.
 */
import * as vscode from 'vscode';
import type { FromWebviewMessage, ReadyMessage, ToWebviewMessage } from '../../protocol';
import { ReadyGate } from './ready-gate';
import { checkFromWebviewMessage } from './validate-message';
import { WEBVIEW_ASSETS_DIR, createNonce, panelAssetFiles, renderPanelHtml } from './webview-html';

/** A message from the webview that a panel acts on: anything but the handshake. */
export type PanelRequest<TFrom extends FromWebviewMessage> = Exclude<TFrom, ReadyMessage>;

export interface PanelHostOptions<TFrom extends FromWebviewMessage> {
  /** The panel's view type, e.g. `qualframe.stats` (also the serializer's key). */
  readonly viewType: string;
  /** The panel's tab title. */
  readonly title: string;
  /** The webview bundle: `media/webview/<bundle>.js` and `.css`, built from `webview/<bundle>/main.ts`. */
  readonly bundle: string;
  readonly extensionUri: vscode.Uri;
  readonly log: vscode.LogOutputChannel;
  /** The message types this panel acts on; valid messages of other types are dropped. */
  readonly accepts: readonly PanelRequest<TFrom>['type'][];
  /** Called with each accepted message, already validated. */
  readonly onMessage: (message: PanelRequest<TFrom>) => void;
  /**
   * Called each time the webview (re)loads and says `ready`, before queued messages are
   * sent: post the panel's full current data here. Messages posted here are queued, so they
   * replace older queued messages of the same type.
   */
  readonly onReady?: () => void;
  /** Where a new panel opens; default the active editor group. */
  readonly viewColumn?: vscode.ViewColumn;
}

/** The extension's folder of built webview assets: the only local resource a panel may load. */
export function webviewAssetsRoot(extensionUri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, ...WEBVIEW_ASSETS_DIR);
}

/** The webview options every panel uses, also re-applied to a panel restored after reload. */
export function panelWebviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return {
    enableScripts: true,
    enableForms: false,
    enableCommandUris: false,
    localResourceRoots: [webviewAssetsRoot(extensionUri)],
  };
}

/** Panels keep no context when hidden: the webview redraws from its state and fresh data. */
const PANEL_OPTIONS: vscode.WebviewPanelOptions = { retainContextWhenHidden: false, enableFindWidget: true };

export class PanelHost<TTo extends ToWebviewMessage = ToWebviewMessage, TFrom extends FromWebviewMessage = FromWebviewMessage>
  implements vscode.Disposable
{
  private panel: vscode.WebviewPanel | undefined;
  private panelSubscriptions: vscode.Disposable[] = [];
  /** Holds messages until the webview's page says `ready`; the latest of each type. */
  private readonly gate: ReadyGate<TTo>;
  private readonly closed = new vscode.EventEmitter<void>();
  private title: string;

  /** Fires when the user closes the panel (or it is disposed). */
  readonly onDidClose: vscode.Event<void> = this.closed.event;

  constructor(private readonly options: PanelHostOptions<TFrom>) {
    this.title = options.title;
    this.gate = new ReadyGate<TTo>(
      (message) => this.panel?.webview.postMessage(message) ?? Promise.resolve(false),
      (message, error) => options.log.error(`${options.viewType}: could not post ${message.type}: ${describe(error)}`),
    );
  }

  get viewType(): string {
    return this.options.viewType;
  }

  /** The tab title, now and for a panel opened later. */
  setTitle(title: string): void {
    if (this.title === title) return;
    this.title = title;
    if (this.panel) this.panel.title = title;
  }

  /** Whether the panel exists (open in some editor group, visible or not). */
  get isOpen(): boolean {
    return this.panel !== undefined;
  }

  /** Opens the panel, or reveals it where it is. */
  show(preserveFocus = false): void {
    if (this.panel) {
      this.panel.reveal(undefined, preserveFocus);
      return;
    }
    const panel = vscode.window.createWebviewPanel(
      this.options.viewType,
      this.title,
      { viewColumn: this.options.viewColumn ?? vscode.ViewColumn.Active, preserveFocus },
      { ...panelWebviewOptions(this.options.extensionUri), ...PANEL_OPTIONS },
    );
    this.adopt(panel);
  }

  /**
   * Takes over a panel VS Code restored after a window reload. The webview redraws from its
   * own `getState()`; the host re-applies the current options and sends fresh data on `ready`.
   */
  restore(panel: vscode.WebviewPanel): void {
    if (this.panel) {
      // One panel per host: a second one (restored late, or twice) is closed.
      this.options.log.warn(`${this.options.viewType}: a restored panel was closed; the panel is already open`);
      panel.dispose();
      return;
    }
    panel.webview.options = panelWebviewOptions(this.options.extensionUri);
    panel.title = this.title;
    this.adopt(panel);
  }

  /**
   * Registers the serializer that restores this panel after a window reload, for a view type
   * with one panel. Call it during activation; the manifest needs the
   * `onWebviewPanel:<viewType>` activation event.
   */
  registerSerializer(): vscode.Disposable {
    // The state is the webview's own (from setState) and is read back there with getState().
    return registerPanelSerializer(this.options.viewType, this.options.log, (panel) => this.restore(panel));
  }

  /**
   * Sends a message to the webview, or queues it until the webview is ready. Without an
   * open panel the message is dropped: a panel opened later gets fresh data from `onReady`.
   */
  post(message: TTo): void {
    if (this.panel) this.gate.post(message);
  }

  dispose(): void {
    this.panel?.dispose();
    this.closed.dispose();
  }

  private adopt(panel: vscode.WebviewPanel): void {
    this.panel = panel;
    this.gate.reset();
    this.panelSubscriptions = [
      panel.webview.onDidReceiveMessage((raw: unknown) => this.receive(raw)),
      panel.onDidChangeViewState(() => {
        // Without retainContextWhenHidden a hidden webview is torn down; it says `ready`
        // again when it is shown and reloaded.
        if (!panel.visible) this.gate.lost();
      }),
      panel.onDidDispose(() => this.panelClosed(panel)),
    ];
    panel.webview.html = this.html(panel.webview);
  }

  private panelClosed(panel: vscode.WebviewPanel): void {
    if (this.panel !== panel) return;
    for (const s of this.panelSubscriptions) s.dispose();
    this.panelSubscriptions = [];
    this.panel = undefined;
    this.gate.reset();
    this.closed.fire();
  }

  private receive(raw: unknown): void {
    const { viewType, log, accepts } = this.options;
    const check = checkFromWebviewMessage(raw);
    if (!check.ok) {
      log.warn(`${viewType}: dropped a malformed message from the webview: ${check.reason}`);
      return;
    }
    const message = check.message;
    if (message.type === 'ready') {
      this.handshake();
      return;
    }
    if (!(accepts as readonly string[]).includes(message.type)) {
      log.warn(`${viewType}: dropped a ${message.type} message: this panel does not accept it`);
      return;
    }
    try {
      this.options.onMessage(message as PanelRequest<TFrom>);
    } catch (error) {
      log.error(`${viewType}: handling ${message.type} failed: ${describe(error)}`);
    }
  }

  /** The webview (re)loaded: let the panel post its current data, then send what waits. */
  private handshake(): void {
    this.options.log.debug(`${this.options.viewType}: webview ready`);
    try {
      this.gate.opened(this.options.onReady);
    } catch (error) {
      this.options.log.error(`${this.options.viewType}: preparing the panel's data failed: ${describe(error)}`);
    }
  }

  private html(webview: vscode.Webview): string {
    const root = webviewAssetsRoot(this.options.extensionUri);
    const files = panelAssetFiles(this.options.bundle);
    return renderPanelHtml({
      nonce: createNonce(),
      cspSource: webview.cspSource,
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(root, files.script)).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(root, files.style)).toString(),
      title: this.options.title,
      panel: this.options.bundle,
    });
  }
}

/**
 * Registers the serializer of a view type: `restore` takes over each panel VS Code brings back
 * after a window reload, with the state its webview last saved. That state comes from the
 * webview: untrusted, to be checked before use.
 */
export function registerPanelSerializer(
  viewType: string,
  log: vscode.LogOutputChannel,
  restore: (panel: vscode.WebviewPanel, state: unknown) => void,
): vscode.Disposable {
  return vscode.window.registerWebviewPanelSerializer(viewType, {
    deserializeWebviewPanel: async (panel, state: unknown) => {
      log.debug(`${viewType}: restoring panel`);
      restore(panel, state);
    },
  });
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
