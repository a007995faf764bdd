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
  const path = toRootRelative(corpus.root.fsPath, editor.document.uri.fsPath);
  // Only the corpus' documents: not README.md, not memos/ or the journal, not what the
  // `documents` patterns leave out.
  return documentPaths(corpus).has(path) ? { editor, corpus, path } : undefined;
}

const pathSets = new WeakMap<CorpusEntry['loaded'], ReadonlySet<string>>();

/** The corpus' document paths as a set, made once per load. */
function documentPaths(corpus: CorpusEntry): ReadonlySet<string> {
  let paths = pathSets.get(corpus.loaded);
  if (!paths) {
    paths = new Set(corpus.loaded.corpus.files);
    pathSets.set(corpus.loaded, paths);
  }
  return paths;
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
