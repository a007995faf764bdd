import * as vscode from 'vscode';
import { BodyOffsets, minimalEdit, orphanAtLine, reattachAnnotation } from '../../core/coding/editor-coding';
import { parseCorpusDocument } from '../../core/corpus/document';
import { removeAnnotation } from '../../core/frontmatter/edit-front-matter';
import type { Command } from '../command-manager';
import type { CorpusService } from '../corpus-service';
import { ensureTrusted } from '../user-errors';
import { applyToBuffer, corpusEditor } from './editor-context';
import { truncate } from './segment-target';

/**
 * Quick fixes for an orphaned annotation (its text was deleted): "Re-attach to selection" and
 * "Remove". An orphan is never dropped silently; these are the person's decision.
 */
export class OrphanFixes implements vscode.CodeActionProvider, vscode.Disposable {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];
  private readonly registration: vscode.Disposable;

  constructor(private readonly service: CorpusService) {
    this.registration = vscode.languages.registerCodeActionsProvider({ language: 'markdown', scheme: 'file' }, this, { providedCodeActionKinds: OrphanFixes.kinds });
  }

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const orphans = context.diagnostics.filter((d) => d.source === 'QualFrame' && d.code === 'orphan');
    if (orphans.length === 0 || !vscode.workspace.isTrusted) return [];
    const corpus = this.service.corpusOf(document.uri);
    if (!corpus) return [];
    const target = corpusEditor(this.service, vscode.window.visibleTextEditors.find((e) => e.document === document));
    if (!target) return [];
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of orphans) {
      const annotation = orphanAtLine(target.path, document.getText(), diagnostic.range.start.line + 1);
      if (!annotation) continue;
      const args = [document.uri.toString(), annotation.id];
      const reattach = new vscode.CodeAction(`Re-attach “${truncate(annotation.quote, 30)}” to the selected text`, vscode.CodeActionKind.QuickFix);
      reattach.command = { command: 'qualframe.reattachOrphan', title: 'Re-attach to selection', arguments: args };
      reattach.diagnostics = [diagnostic];
      reattach.isPreferred = true;
      const remove = new vscode.CodeAction(`Remove the orphaned annotation (${annotation.code})`, vscode.CodeActionKind.QuickFix);
      remove.command = { command: 'qualframe.removeOrphan', title: 'Remove', arguments: args };
      remove.diagnostics = [diagnostic];
      actions.push(reattach, remove);
    }
    return actions;
  }

  dispose(): void {
    this.registration.dispose();
  }
}

function editorFor(service: CorpusService, uri: unknown) {
  const editor = typeof uri === 'string' ? vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri) : vscode.window.activeTextEditor;
  return corpusEditor(service, editor);
}

/**
 * Gives an orphan the text now selected in the transcript: its start, quote and context
 * become the selection's. With no selection in the body yet, it asks for one and waits for the
 * person to select and confirm.
 */
export class ReattachOrphanCommand implements Command {
  readonly id = 'qualframe.reattachOrphan';

  constructor(private readonly service: CorpusService) {}

  async execute(uri?: unknown, id?: unknown): Promise<boolean> {
    if (!ensureTrusted('re-attach an annotation') || typeof id !== 'string') return false;
    const target = editorFor(this.service, uri);
    if (!target) return false;
    const { editor } = target;
    let selection = this.bodySelection(editor);
    if (!selection) {
      const quote = parseCorpusDocument(target.path, editor.document.getText()).document?.annotations.find((a) => a.id === id)?.quote ?? '';
      const choice = await vscode.window.showInformationMessage(
        `QualFrame: select the passage “${truncate(quote, 50)}” now belongs to, in the transcript, then press Re-attach.`,
        'Re-attach',
      );
      if (choice !== 'Re-attach') return false;
      selection = this.bodySelection(editor);
      if (!selection) {
        void vscode.window.showWarningMessage('QualFrame: no text is selected below the front matter; the annotation is kept as it is.');
        return false;
      }
    }
    const doc = editor.document;
    const result = reattachAnnotation(target.path, doc.getText(), id, { start: doc.offsetAt(selection.start), end: doc.offsetAt(selection.end) });
    if (!result.ok) {
      void vscode.window.showWarningMessage(`QualFrame: ${result.message}`);
      return false;
    }
    return applyToBuffer(editor, result.edit);
  }

  private bodySelection(editor: vscode.TextEditor): vscode.Selection | undefined {
    const text = editor.document.getText();
    const bodyStart = new BodyOffsets(text).bodyStart;
    const s = editor.selection;
    return !s.isEmpty && editor.document.offsetAt(s.start) >= bodyStart && text.slice(editor.document.offsetAt(s.start), editor.document.offsetAt(s.end)).trim() !== '' ? s : undefined;
  }
}

/** Removes an orphaned annotation, as one undoable edit of the buffer. */
export class RemoveOrphanCommand implements Command {
  readonly id = 'qualframe.removeOrphan';

  constructor(private readonly service: CorpusService) {}

  async execute(uri?: unknown, id?: unknown): Promise<boolean> {
    if (!ensureTrusted('remove an annotation') || typeof id !== 'string') return false;
    const target = editorFor(this.service, uri);
    if (!target) return false;
    const text = target.editor.document.getText();
    try {
      return await applyToBuffer(target.editor, minimalEdit(text, removeAnnotation(text, id)));
    } catch (e) {
      void vscode.window.showWarningMessage(`QualFrame: ${(e as Error).message}`);
      return false;
    }
  }
}
