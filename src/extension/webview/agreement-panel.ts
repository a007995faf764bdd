/**
 * The "Intercoder Agreement" panel: one panel showing the agreement last computed by
 * "QualFrame: Intercoder Agreement…". The controller keeps the two coders' corpora of that run
 * in memory (the {@link AgreementSession}), so switching "count only coded text" recomputes
 * without reading git again, and a range where the coders differ opens where its text is now.
 * After a window reload the host holds no session: the webview shows what it saved, as no longer
 * current, until the command is run again.
 */
import * as vscode from 'vscode';
import { BodyOffsets } from '../../core/coding/editor-coding';
import { parseCorpusDocument } from '../../core/corpus/document';
import type { AgreementReport } from '../../core/review/agreement';
import {
  AGREEMENT_VIEW_TYPE,
  type AgreementFromWebviewMessage,
  type AgreementSide,
  type AgreementToWebviewMessage,
  type AgreementViewData,
} from '../../protocol';
import type { CorpusService } from '../corpus-service';
import { locateRange, toAgreementView, type AgreementSubject } from './agreement-view';
import { PanelHost, type PanelRequest } from './panel-host';

/** One run of the command: what was compared, and how to compute it again. */
export interface AgreementSession {
  /** The corpus root. */
  readonly root: vscode.Uri;
  /** The corpus, the coders and the mode, as the panel names them (`subject.root` is `root` as a string). */
  readonly subject: AgreementSubject;
  /** The agreement of the corpora held, counting whole bodies or only coded text. */
  compute(codedOnly: boolean): AgreementReport;
  /** A document's body as the given coder's side holds it (the text whose offsets the report counts). */
  body(side: AgreementSide, file: string): string | undefined;
}

/** What the panel asks the extension to do; the host has validated the arguments. */
export interface AgreementPanelHandlers {
  /** The corpus root a `root` string from the webview names, if it is one QualFrame knows. */
  corpusRoot(root: string): vscode.Uri | undefined;
  /**
   * Open `file` of the working tree at body offsets `start`–`end`, looking for `text` (the text
   * compared) near there when the body changed since; `text` undefined: not known (a restored panel).
   */
  openRange(root: vscode.Uri, file: string, range: { readonly start: number; readonly end: number }, text: string | undefined, coder: string): Promise<void>;
}

export class AgreementPanelController implements vscode.Disposable {
  static readonly viewType = AGREEMENT_VIEW_TYPE;
  static readonly title = 'Intercoder Agreement';

  private readonly host: PanelHost<AgreementToWebviewMessage, AgreementFromWebviewMessage>;
  private readonly subscriptions: vscode.Disposable[] = [];
  private session: AgreementSession | undefined;
  private view: AgreementViewData | undefined;
  private loading = false;
  private problem: string | undefined;
  /** Counting only coded text: kept for this panel, and used by the next run of the command. */
  private codedOnlySetting = false;
  /** Numbers the computations, so a slower, older one never replaces a newer one. */
  private generation = 0;

  constructor(
    extensionUri: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
    private readonly handlers: AgreementPanelHandlers,
  ) {
    this.host = new PanelHost<AgreementToWebviewMessage, AgreementFromWebviewMessage>({
      viewType: AGREEMENT_VIEW_TYPE,
      title: AgreementPanelController.title,
      bundle: 'agreement',
      extensionUri,
      log,
      accepts: ['refresh', 'openRange', 'setCodedOnly'],
      onMessage: (message) => this.handle(message),
      onReady: () => this.post(),
    });
    this.subscriptions.push(
      this.host,
      this.host.registerSerializer(),
      // Closed: the corpora of the run are no longer needed (two whole corpora can be large).
      this.host.onDidClose(() => this.forget()),
    );
  }

  /** Whether the last run counted only coded text (the default of the next run). */
  get codedOnly(): boolean {
    return this.codedOnlySetting;
  }

  /** The agreement shown, as the webview received it (for tests and scripts). */
  get current(): AgreementViewData | undefined {
    return this.view;
  }

  /** Says in the open panel that a new agreement is being computed. */
  computing(): void {
    this.loading = true;
    this.problem = undefined;
    this.generation++;
    this.post();
  }

  /** Shows the agreement of a run (computed with `report.codedOnly`), opening or revealing the panel. */
  show(session: AgreementSession, report: AgreementReport): AgreementViewData {
    this.generation++;
    this.session = session;
    this.codedOnlySetting = report.codedOnly;
    this.view = toAgreementView(report, session.subject);
    this.loading = false;
    this.problem = undefined;
    this.host.show();
    this.post();
    return this.view;
  }

  /** The run ended without an agreement (cancelled, or a bad ref): stop saying it is computing. */
  idle(): void {
    if (!this.loading) return;
    this.loading = false;
    this.post();
  }

  dispose(): void {
    for (const s of this.subscriptions.splice(0)) s.dispose();
  }

  private forget(): void {
    this.session = undefined;
    this.view = undefined;
    this.loading = false;
    this.problem = undefined;
    this.generation++;
  }

  private post(): void {
    // Nothing to draw on: a panel opened later asks for the data when it is ready.
    if (!this.host.isOpen) return;
    this.host.post({
      type: 'agreement',
      data: this.view ?? null,
      ...(this.loading ? { loading: true } : {}),
      ...(this.problem !== undefined ? { problem: this.problem } : {}),
    });
  }

  private handle(message: PanelRequest<AgreementFromWebviewMessage>): void {
    switch (message.type) {
      case 'refresh':
        this.post();
        return;
      case 'setCodedOnly':
        this.setCodedOnly(message.codedOnly);
        return;
      case 'openRange': {
        const session = this.session?.subject.root === message.root ? this.session : undefined;
        // Only corpus roots: the webview cannot name another folder.
        const root = session?.root ?? this.handlers.corpusRoot(message.root);
        if (!root) {
          this.log.warn(`${AGREEMENT_VIEW_TYPE}: dropped openRange: not a corpus root`);
          return;
        }
        const text = session?.body(message.side, message.file)?.slice(message.start, message.end);
        const side = message.side.toUpperCase();
        const coder = session ? `${side} (${message.side === 'a' ? session.subject.a : session.subject.b})` : side;
        this.handlers.openRange(root, message.file, message, text, coder).catch((error: unknown) => {
          this.log.error(`${AGREEMENT_VIEW_TYPE}: opening ${message.file} failed: ${error instanceof Error ? error.message : String(error)}`);
          void vscode.window.showWarningMessage(`QualFrame: cannot open ${message.file}: ${error instanceof Error ? error.message : String(error)}`);
        });
        return;
      }
    }
  }

  private setCodedOnly(codedOnly: boolean): void {
    const session = this.session;
    if (!session) {
      // A restored panel: its corpora are gone with the window that computed them.
      this.problem = 'Run QualFrame: Intercoder Agreement… to recompute';
      this.post();
      return;
    }
    this.codedOnlySetting = codedOnly;
    if (this.view?.codedOnly === codedOnly && !this.problem) {
      this.post();
      return;
    }
    const mine = ++this.generation;
    this.loading = true;
    this.problem = undefined;
    this.post();
    // Let the loading state reach the webview before the (synchronous) count runs.
    setTimeout(() => {
      if (mine !== this.generation || this.session !== session) return;
      try {
        this.view = toAgreementView(session.compute(codedOnly), session.subject);
      } catch (error) {
        this.log.error(`${AGREEMENT_VIEW_TYPE}: recomputing the agreement failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        this.problem = 'the agreement could not be recomputed (see the QualFrame log)';
      }
      this.loading = false;
      this.post();
    }, 0);
  }
}

/**
 * The Intercoder Agreement panel. Built during activation, because its constructor registers
 * the serializer that restores the panel after a window reload; "QualFrame: Intercoder
 * Agreement…" (IntercoderAgreementCommand) fills it.
 */
export function createAgreementPanel(context: vscode.ExtensionContext, service: CorpusService, log: vscode.LogOutputChannel): AgreementPanelController {
  return new AgreementPanelController(context.extensionUri, log, {
    corpusRoot: (root) => service.corpora.find((c) => c.root.toString() === root)?.root,
    openRange: openWorkingTreeRange,
  });
}

/**
 * Opens a document of the working tree beside the panel with a range selected: where the body
 * offsets point if the text there is the text compared, else the nearest place that text is now;
 * says so when it is gone.
 */
async function openWorkingTreeRange(root: vscode.Uri, file: string, range: { readonly start: number; readonly end: number }, text: string | undefined, coder: string): Promise<void> {
  const uri = vscode.Uri.joinPath(root, ...file.split('/'));
  let document: vscode.TextDocument;
  try {
    document = await vscode.workspace.openTextDocument(uri);
  } catch {
    void vscode.window.showWarningMessage(`QualFrame: ${file} is not in the working tree, so the text ${coder} coded cannot be shown there.`);
    return;
  }
  const content = document.getText();
  const parsed = parseCorpusDocument(file, content, { locateProblems: false }).document;
  const found = parsed ? locateRange(parsed.body, range, text) : undefined;
  let selection: vscode.Range | undefined;
  if (parsed && found) {
    const offsets = new BodyOffsets(content, parsed.bodyOffset);
    selection = new vscode.Range(document.positionAt(offsets.toText(found.start)), document.positionAt(offsets.toText(found.end)));
  }
  const editor = await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, ...(selection ? { selection } : {}) });
  if (!selection) {
    void vscode.window.showInformationMessage(`QualFrame: the text ${coder} coded is no longer in ${file} in the working tree; the document was edited since.`);
    return;
  }
  editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  if (text === undefined) vscode.window.setStatusBarMessage('QualFrame: this agreement was computed before the window reloaded; the selection is where the range was then.', 6000);
}
