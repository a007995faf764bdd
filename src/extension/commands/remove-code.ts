import * as vscode from 'vscode';
import { spansAt, uncodeAnnotation } from '../../core/coding/editor-coding';
import type { Command } from '../command-manager';
import type { CodingDecorations } from '../coding/coding-decorations';
import { applyToBuffer, corpusEditor } from '../coding/editor-context';
import type { CorpusService } from '../corpus-service';

/**
 * Removes a code from the passage under the cursor (a pick when several overlap), or the
 * annotation a hover's "Remove" link names. One edit of the buffer: Ctrl+Z brings it back.
 */
export class RemoveCodeCommand implements Command {
  readonly id = 'qualframe.removeCode';

  constructor(
    private readonly service: CorpusService,
    private readonly decorations: CodingDecorations,
  ) {}

  async execute(uri?: unknown, id?: unknown): Promise<boolean> {
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showWarningMessage('QualFrame: this workspace is in Restricted Mode, so QualFrame only reads it.');
      return false;
    }
    const editor = typeof uri === 'string'
      ? vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri)
      : vscode.window.activeTextEditor;
    const target = corpusEditor(this.service, editor);
    if (!target) return false;
    const doc = target.editor.document;
    let annotationId = typeof id === 'string' ? id : undefined;
    if (!annotationId) {
      const here = spansAt(this.decorations.spansOf(doc), doc.offsetAt(target.editor.selection.active));
      if (here.length === 0) {
        void vscode.window.showInformationMessage('QualFrame: no code at the cursor.');
        return false;
      }
      const { codebook } = target.corpus.loaded.corpus;
      const picked = here.length === 1
        ? here[0]
        : (await vscode.window.showQuickPick(
            here.map((s) => ({ label: codebook.codeById.get(s.annotation.code)?.name ?? s.annotation.code, description: `“${s.annotation.quote.slice(0, 60)}”`, span: s })),
            { title: 'Remove Code', placeHolder: 'Which code to remove from this passage' },
          ))?.span;
      if (!picked) return false;
      annotationId = picked.annotation.id;
    }
    try {
      return await applyToBuffer(target.editor, uncodeAnnotation(doc.getText(), annotationId));
    } catch (e) {
      void vscode.window.showWarningMessage(`QualFrame: ${(e as Error).message}`);
      return false;
    }
  }
}
