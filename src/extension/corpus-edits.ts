import * as vscode from 'vscode';
import { minimalEdit } from '../core/coding/editor-coding';
import { toRootRelative } from '../node/find-root';
import type { CorpusEntry } from './corpus-service';

/** An edit the editor refused, or that could not be placed safely: nothing was changed. */
export class CorpusEditRefused extends Error {}

/** A change to one file of a corpus: its root-relative path and how its text changes. */
export interface FileChange {
  readonly path: string;
  /** The new text from the current one (the editor's buffer when the file is open); throws when the change cannot be made. */
  readonly change: (text: string) => string;
}

export interface CorpusEditResult {
  /** Files that changed. */
  readonly changed: readonly string[];
  /** Of those, the ones left unsaved because they had unsaved changes of the person's before. */
  readonly unsaved: readonly string[];
}

/**
 * Changes several files of a corpus as ONE workspace edit, so a single Undo (Ctrl+Z, which
 * offers to undo in every file) takes the whole operation back. Every file is changed in its
 * text buffer, never behind an editor's back: a file with unsaved changes keeps them and is
 * left unsaved; the others are saved, so the corpus on disk (and every view of it) is current.
 * Nothing is applied when any change throws.
 */
export async function editCorpusFiles(
  entry: CorpusEntry,
  changes: readonly FileChange[],
  options: { readonly label: string; readonly progress?: vscode.Progress<{ message?: string; increment?: number }> },
): Promise<CorpusEditResult> {
  const edit = new vscode.WorkspaceEdit();
  const touched: { path: string; document: vscode.TextDocument; wasDirty: boolean; version: number }[] = [];
  const step = changes.length ? 100 / changes.length : 0;
  for (const { path, change } of changes) {
    const uri = vscode.Uri.joinPath(entry.root, ...path.split('/'));
    const document = await vscode.workspace.openTextDocument(uri);
    const before = document.getText();
    const after = change(before);
    options.progress?.report({ message: path, increment: step });
    if (after === before) continue;
    const { start, end, text } = minimalEdit(before, after);
    edit.replace(uri, new vscode.Range(document.positionAt(start), document.positionAt(end)), text, { label: options.label, needsConfirmation: false });
    touched.push({ path, document, wasDirty: document.isDirty, version: document.version });
  }
  if (touched.length === 0) return { changed: [], unsaved: [] };
  // Opening the files took time: a document typed in meanwhile would get edits placed by its old text.
  const moved = touched.find((t) => t.document.version !== t.version);
  if (moved) throw new CorpusEditRefused(`${moved.path} changed while the edit (${options.label}) was prepared; try again`);
  if (!(await vscode.workspace.applyEdit(edit))) throw new CorpusEditRefused(`the editor refused the change (${options.label})`);
  const unsaved: string[] = [];
  for (const t of touched) {
    if (t.wasDirty) unsaved.push(t.path);
    else await t.document.save();
  }
  return { changed: touched.map((t) => t.path), unsaved };
}

/** The codebook's root-relative path. */
export function codebookPath(entry: CorpusEntry): string {
  return entry.loaded.corpus.config.codebook;
}

/** The documents whose saved text or open buffer may hold annotations of `code`: every candidate for a corpus-wide recode. */
export function documentsCoding(entry: CorpusEntry, code: string): string[] {
  const paths = new Set(entry.loaded.corpus.documents.filter((d) => d.annotations.some((a) => a.code === code)).map((d) => d.path));
  const files = new Set(entry.loaded.corpus.files);
  for (const doc of vscode.workspace.textDocuments) {
    if (doc.uri.scheme !== 'file' || !doc.isDirty) continue;
    const path = toRootRelative(entry.root.fsPath, doc.uri.fsPath);
    if (files.has(path)) paths.add(path);
  }
  return [...paths].sort();
}
