import * as vscode from 'vscode';
import { minimalEdit } from '../../core/coding/editor-coding';
import { parseCorpusDocument } from '../../core/corpus/document';
import { setDocumentMemo } from '../../core/frontmatter/edit-front-matter';
import { journalEntry } from '../../core/memos/journal';
import type { Command } from '../command-manager';
import { applyToBuffer, corpusEditor } from '../coding/editor-context';
import type { CorpusService } from '../corpus-service';
import { ensureTrusted } from '../user-errors';

/** The memo on the whole document (its top-level `memo:`), edited in the buffer: Ctrl+Z undoes it. */
export class EditDocumentMemoCommand implements Command {
  readonly id = 'qualframe.editDocumentMemo';

  constructor(private readonly service: CorpusService) {}

  async execute(): Promise<boolean> {
    if (!ensureTrusted('edit a memo')) return false;
    const target = corpusEditor(this.service, vscode.window.activeTextEditor);
    if (!target) {
      void vscode.window.showInformationMessage('QualFrame: open a transcript of the corpus to write its document memo.');
      return false;
    }
    const text = target.editor.document.getText();
    const { document, problems } = parseCorpusDocument(target.path, text);
    if (!document) {
      void vscode.window.showWarningMessage(`QualFrame: ${problems[0]?.message ?? 'the front matter cannot be read'}; mend it first.`);
      return false;
    }
    const memo = await vscode.window.showInputBox({
      title: `Document memo: ${target.path}`,
      prompt: 'A note on the whole document (context of the interview, impressions); empty removes it.',
      value: document.memo ?? '',
      ignoreFocusOut: true,
    });
    if (memo === undefined) return false;
    try {
      // The buffer as it is now: the person may have typed or saved while the box was open.
      const now = target.editor.document.getText();
      const after = setDocumentMemo(now, memo);
      return after !== now && (await applyToBuffer(target.editor, minimalEdit(now, after)));
    } catch (e) {
      void vscode.window.showWarningMessage(`QualFrame: ${(e as Error).message}`);
      return false;
    }
  }
}

/**
 * Opens today's entry of the analytic journal (`memos/journal/YYYY-MM-DD.md` under the
 * corpus root), creating it with a dated heading when it does not exist yet.
 */
export class OpenJournalCommand implements Command {
  readonly id = 'qualframe.openJournal';

  constructor(private readonly service: CorpusService, private readonly now: () => Date = () => new Date()) {}

  async execute(): Promise<vscode.Uri | undefined> {
    const active = vscode.window.activeTextEditor?.document.uri;
    const corpus = (active && this.service.corpusOf(active)) ?? this.service.corpora[0];
    if (!corpus) {
      void vscode.window.showInformationMessage('QualFrame: open a folder with a corpus (qualframe.yaml) to keep an analytic journal in it.');
      return undefined;
    }
    const entry = journalEntry(this.now());
    const uri = vscode.Uri.joinPath(corpus.root, ...entry.path.split('/'));
    let exists = true;
    try {
      await vscode.workspace.fs.stat(uri);
    } catch {
      exists = false;
    }
    if (!exists) {
      if (!ensureTrusted('start a journal entry')) return undefined;
      await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(entry.template));
    }
    const editor = await vscode.window.showTextDocument(uri, { preview: false });
    const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    editor.selection = new vscode.Selection(end, end);
    editor.revealRange(new vscode.Range(end, end));
    return uri;
  }
}
