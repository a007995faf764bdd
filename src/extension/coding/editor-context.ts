import * as vscode from 'vscode';
import { toRootRelative } from '../../node/find-root';
import type { CorpusEntry, CorpusService } from '../corpus-service';

/** A Markdown document of a loaded corpus, open in an editor. */
export interface CorpusEditor {
  readonly editor: vscode.TextEditor;
  readonly corpus: CorpusEntry;
  /** Root-relative POSIX path. */
  readonly path: string;
}

export function corpusEditor(service: CorpusService, editor: vscode.TextEditor | undefined): CorpusEditor | undefined {
  if (!editor || editor.document.languageId !== 'markdown' || editor.document.uri.scheme !== 'file') return undefined;
  const corpus = service.corpusOf(editor.document.uri);
  if (!corpus) return undefined;
  return { editor, corpus, path: toRootRelative(corpus.root.fsPath, editor.document.uri.fsPath) };
}

/** Applies a planned text edit to the editor's buffer: one undoable step, never behind the editor's back. */
export async function applyToBuffer(editor: vscode.TextEditor, edit: { start: number; end: number; text: string }): Promise<boolean> {
  const doc = editor.document;
  const range = new vscode.Range(doc.positionAt(edit.start), doc.positionAt(edit.end));
  return editor.edit((builder) => builder.replace(range, edit.text));
}

/** Who codes: the `qualframe.coder` setting, when set. */
export function coder(): string | undefined {
  const name = vscode.workspace.getConfiguration('qualframe').get<string>('coder', '').trim();
  return name === '' ? undefined : name;
}
