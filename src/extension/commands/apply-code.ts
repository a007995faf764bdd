import * as vscode from 'vscode';
import { codeSelections } from '../../core/coding/editor-coding';
import type { Command } from '../command-manager';
import type { CodePicker } from '../coding/code-picker';
import { applyToBuffer, corpusEditor, coder } from '../coding/editor-context';
import type { CorpusService } from '../corpus-service';
import { ensureTrusted } from '../user-errors';

/**
 * Codes the selection(s) of the active transcript with a code picked from the codebook (or
 * created on the way). The new entries are one edit of the editor's buffer, so Ctrl+Z undoes
 * them.
 */
export class ApplyCodeCommand implements Command {
  readonly id = 'qualframe.applyCode';

  constructor(
    private readonly service: CorpusService,
    private readonly picker: CodePicker,
  ) {}

  async execute(): Promise<string[] | undefined> {
    if (!ensureTrusted('code')) return undefined;
    const target = corpusEditor(this.service, vscode.window.activeTextEditor);
    if (!target) {
      void vscode.window.showInformationMessage('QualFrame: open a transcript of the corpus and select the words to code.');
      return undefined;
    }
    if (target.editor.selections.every((s) => s.isEmpty)) {
      void vscode.window.showInformationMessage('QualFrame: select the words to code first.');
      return undefined;
    }
    const code = await this.picker.pick(target.corpus, { title: 'Apply Code', placeHolder: 'Code to apply to the selection' });
    if (!code) return undefined;
    return codeSelectionsWith(target.editor, target.path, code);
  }
}

/** Codes every non-empty selection of `editor` with `code`, as one undoable edit of its buffer; the new ids, or undefined (with a message) when nothing was coded. */
export async function codeSelectionsWith(editor: vscode.TextEditor, path: string, code: string): Promise<string[] | undefined> {
  const doc = editor.document;
  const selections = editor.selections.filter((s) => !s.isEmpty);
  const by = coder();
  const result = codeSelections(path, doc.getText(), selections.map((s) => ({ start: doc.offsetAt(s.start), end: doc.offsetAt(s.end) })), { code, ...(by ? { by } : {}) });
  if (!result.ok) {
    void vscode.window.showWarningMessage(`QualFrame: ${result.message}`);
    return undefined;
  }
  if (!(await applyToBuffer(editor, result.edit))) {
    void vscode.window.showWarningMessage('QualFrame: the editor refused the edit; nothing changed.');
    return undefined;
  }
  return [...result.ids];
}
