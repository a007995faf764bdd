/**
 * The "Framework Matrix" panel: the charting of one corpus, cases by themes, with summaries and
 * the quotes behind them; a quote opens its segment, a summary is edited in place. Beside the
 * matrix, the same coding counted by value of the grouping attribute, and code co-occurrence. One panel,
 * showing the corpus it was opened on (restored after a window reload by the serializer).
 */
import * as vscode from 'vscode';
import {
  MATRIX_VIEW_TYPE,
  type MatrixFromWebviewMessage,
  type MatrixToWebviewMessage,
} from '../../protocol';
import type { MatrixAnswers } from './matrix-view';
import { PanelHost, type PanelRequest } from './panel-host';

/** Where the panel's data comes from. */
export interface MatrixSource {
  /**
   * The matrix of the corpus at `root` (a URI string; the first corpus when undefined), rows
   * grouped by `attribute` (default: the comparison attribute); null without a corpus.
   */
  current(root: string | undefined, attribute?: string): MatrixAnswers | null;
  readonly loading: boolean;
  /** Fires whenever {@link current} would answer differently. */
  readonly onDidChange: vscode.Event<void>;
}

/** What the panel asks of the extension; arguments are validated and the root is the one shown. */
export interface MatrixPanelHandlers {
  openSegment(root: string, file: string, id: string): void;
  saveSummary(root: string, caseId: string, theme: string, summary: string): Promise<void>;
  /** Export the matrix of `root`, rows grouped by `attribute` (undefined: the comparison attribute). */
  exportMatrix(root: string, attribute: string | undefined): void;
}

export class MatrixPanelController implements vscode.Disposable {
  static readonly title = 'Framework Matrix';

  private readonly host: PanelHost<MatrixToWebviewMessage, MatrixFromWebviewMessage>;
  private readonly subscriptions: vscode.Disposable[] = [];
  /** The corpus shown (its root as a URI string); the first corpus when undefined. */
  private root: string | undefined;
  /** The grouping chosen in the panel; the comparison attribute when undefined. */
  private attribute: string | undefined;

  constructor(
    extensionUri: vscode.Uri,
    private readonly source: MatrixSource,
    private readonly log: vscode.LogOutputChannel,
    private readonly handlers: MatrixPanelHandlers,
  ) {
    this.host = new PanelHost<MatrixToWebviewMessage, MatrixFromWebviewMessage>({
      viewType: MATRIX_VIEW_TYPE,
      title: MatrixPanelController.title,
      bundle: 'matrix',
      extensionUri,
      log,
      accepts: ['refresh', 'openSegment', 'saveSummary', 'setGrouping', 'exportMatrix', 'requestQuotes', 'search', 'requestQuery', 'requestQuerySegments'],
      onMessage: (message) => void this.handle(message),
      onReady: () => this.post(),
    });
    this.subscriptions.push(this.host, this.host.registerSerializer(), source.onDidChange(() => this.post()));
  }

  /** Opens the panel on the corpus at `root` (or the first corpus), or reveals it there. */
  show(root?: string): void {
    if (root !== this.root) this.attribute = undefined;
    this.root = root;
    this.host.show();
    this.post();
  }

  dispose(): void {
    for (const s of this.subscriptions.splice(0)) s.dispose();
  }

  private post(): void {
    if (!this.host.isOpen) return;
    this.host.post({ type: 'matrix', data: this.current()?.view ?? null, loading: this.source.loading });
  }

  private current(): MatrixAnswers | null {
    return this.source.current(this.root, this.attribute);
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
        this.host.post({ type: 'quotes', version: current.view.version, key, quotes: current.quotes(key) });
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
