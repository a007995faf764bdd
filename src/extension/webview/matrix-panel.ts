/**
 * The "Framework Matrix" panels: the charting of one corpus, cases by themes, with summaries and
 * the quotes behind them; a quote opens its segment, a summary is edited in place. Beside the
 * matrix, the same coding counted by value of the grouping attribute, and code co-occurrence. One
 * panel per corpus, restored after a window reload (see corpus-panels.ts).
 */
import type * as vscode from 'vscode';
import {
  MATRIX_VIEW_TYPE,
  type MatrixFromWebviewMessage,
  type MatrixToWebviewMessage,
} from '../../protocol';
import { CorpusPanel, CorpusPanels, type PanelCorpora } from './corpus-panels';
import type { MatrixAnswers } from './matrix-view';
import type { PanelRequest } from './panel-host';

/** Where the panels' data comes from. */
export interface MatrixSource extends PanelCorpora {
  /**
   * The matrix of the corpus at `root`, rows grouped by `attribute` (default: the comparison
   * attribute); null when no corpus has that root (yet: see `loading`).
   */
  current(root: string, attribute?: string): MatrixAnswers | null;
}

/** What a panel asks of the extension; arguments are validated and the root is the one shown. */
export interface MatrixPanelHandlers {
  openSegment(root: string, file: string, id: string): void;
  saveSummary(root: string, caseId: string, theme: string, summary: string): Promise<void>;
  /** Export the matrix of `root`, rows grouped by `attribute` (undefined: the comparison attribute). */
  exportMatrix(root: string, attribute: string | undefined): void;
}

/** The Framework Matrix panels, one per corpus. Build during activation (it registers the serializer). */
export function createMatrixPanelSet(
  extensionUri: vscode.Uri,
  source: MatrixSource,
  log: vscode.LogOutputChannel,
  handlers: MatrixPanelHandlers,
): CorpusPanels<MatrixPanel> {
  return new CorpusPanels(MATRIX_VIEW_TYPE, source, log, (root, elsewhere) => new MatrixPanel(extensionUri, source, log, handlers, root, elsewhere));
}

/** One corpus's matrix. */
export class MatrixPanel extends CorpusPanel<MatrixToWebviewMessage, MatrixFromWebviewMessage> {
  /** The grouping chosen in the panel; the comparison attribute when undefined. */
  private attribute: string | undefined;

  constructor(
    extensionUri: vscode.Uri,
    private readonly source: MatrixSource,
    private readonly log: vscode.LogOutputChannel,
    private readonly handlers: MatrixPanelHandlers,
    root: string | undefined,
    elsewhere: () => ReadonlySet<string>,
  ) {
    super(
      {
        viewType: MATRIX_VIEW_TYPE,
        title: 'Framework Matrix',
        bundle: 'matrix',
        extensionUri,
        log,
        accepts: ['refresh', 'openSegment', 'saveSummary', 'setGrouping', 'exportMatrix', 'requestQuotes', 'search', 'requestQuery', 'requestQuerySegments'],
      },
      source,
      root,
      elsewhere,
    );
  }

  protected data(): MatrixToWebviewMessage {
    return { type: 'matrix', data: this.current()?.view ?? null, loading: this.source.loading };
  }

  private current(): MatrixAnswers | null {
    const root = this.root();
    return root === undefined ? null : this.source.current(root, this.attribute);
  }

  protected async handle(message: PanelRequest<MatrixFromWebviewMessage>): Promise<void> {
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
