/**
 * The "Corpus Statistics" panel: one panel showing each corpus root's counts, updated live.
 * The composition root constructs it during activation (so the panel is restored after a
 * window reload) and calls {@link StatsPanelController.show} from "Show Corpus Statistics".
 */
import * as vscode from 'vscode';
import {
  STATS_VIEW_TYPE,
  type StatsFromWebviewMessage,
  type StatsToWebviewMessage,
  type StatsViewData,
  type WebviewCommandId,
} from '../../protocol';
import { PanelHost, type PanelRequest } from './panel-host';

/** Where the panel's data comes from: a snapshot on demand, and a signal when it changed. */
export interface StatsSource {
  /** The statistics now, `loading: true` while a corpus is being (re)loaded. */
  current(): StatsViewData;
  /** Fires whenever {@link current} would answer differently. */
  readonly onDidChange: vscode.Event<void>;
}

/** What the panel's buttons ask the extension to do; the host has validated the arguments. */
export interface StatsPanelHandlers {
  /** Run one of the allow-listed commands (`WEBVIEW_COMMANDS`). */
  runCommand(id: WebviewCommandId): void;
  /** Open `file` (relative, `/`-separated, no dot segments) of the corpus whose `root` string is given. */
  openFile(root: string, file: string): void;
}

export class StatsPanelController implements vscode.Disposable {
  static readonly viewType = STATS_VIEW_TYPE;
  static readonly title = 'Corpus Statistics';

  private readonly host: PanelHost<StatsToWebviewMessage, StatsFromWebviewMessage>;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    extensionUri: vscode.Uri,
    private readonly source: StatsSource,
    private readonly log: vscode.LogOutputChannel,
    private readonly handlers: StatsPanelHandlers,
  ) {
    this.host = new PanelHost<StatsToWebviewMessage, StatsFromWebviewMessage>({
      viewType: STATS_VIEW_TYPE,
      title: StatsPanelController.title,
      bundle: 'stats',
      extensionUri,
      log,
      accepts: ['refresh', 'runCommand', 'openFile'],
      onMessage: (message) => this.handle(message),
      onReady: () => this.postStats(),
    });
    this.subscriptions.push(
      this.host,
      this.host.registerSerializer(),
      source.onDidChange(() => this.postStats()),
    );
  }

  /** Opens the panel, or reveals it. */
  show(): void {
    this.host.show();
  }

  dispose(): void {
    for (const s of this.subscriptions.splice(0)) s.dispose();
  }

  private postStats(): void {
    // Nothing to draw on: a panel opened later asks for the data when it is ready.
    if (!this.host.isOpen) return;
    this.host.post({ type: 'stats', data: this.source.current() });
  }

  private handle(message: PanelRequest<StatsFromWebviewMessage>): void {
    switch (message.type) {
      case 'refresh':
        this.postStats();
        return;
      case 'runCommand':
        this.handlers.runCommand(message.command);
        return;
      case 'openFile':
        // Only the roots this panel was sent: the webview cannot name another folder.
        if (!this.source.current().corpora.some((c) => c.root === message.root)) {
          this.log.warn(`${STATS_VIEW_TYPE}: dropped openFile: not a corpus root shown in the panel`);
          return;
        }
        this.handlers.openFile(message.root, message.file);
        return;
    }
  }
}
