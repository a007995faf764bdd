import * as vscode from 'vscode';
import { spansAt, type AnnotationSpan } from '../../core/coding/editor-coding';
import type { CorpusService } from '../corpus-service';
import type { CodingDecorations } from './coding-decorations';
import { corpusEditor, type CorpusEditor } from './editor-context';

/** A coded segment a command acts on, in the editor that shows it. */
export interface SegmentTarget extends CorpusEditor {
  readonly span: AnnotationSpan;
}

/**
 * The segment a segment command acts on: the one a hover link names (`uri`, `id`), else the
 * one under the cursor, with a pick when several codes overlap there. Says why when there is
 * none.
 */
export async function segmentTarget(
  service: CorpusService,
  decorations: CodingDecorations,
  args: { uri?: unknown; id?: unknown; title: string; placeHolder: string },
): Promise<SegmentTarget | undefined> {
  const editor = typeof args.uri === 'string'
    ? vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === args.uri)
    : vscode.window.activeTextEditor;
  const target = corpusEditor(service, editor);
  if (!target) {
    void vscode.window.showInformationMessage('QualFrame: open a transcript of the corpus and put the cursor in a coded passage.');
    return undefined;
  }
  const doc = target.editor.document;
  const spans = decorations.spansOf(doc);
  if (typeof args.id === 'string') {
    const span = spans.find((s) => s.annotation.id === args.id);
    if (!span) void vscode.window.showInformationMessage('QualFrame: that segment is not in the transcript any more.');
    return span ? { ...target, span } : undefined;
  }
  const here = spansAt(spans, doc.offsetAt(target.editor.selection.active));
  if (here.length === 0) {
    void vscode.window.showInformationMessage('QualFrame: no code at the cursor; put the cursor in a highlighted passage.');
    return undefined;
  }
  if (here.length === 1) return { ...target, span: here[0] };
  const { codebook } = target.corpus.loaded.corpus;
  const picked = await vscode.window.showQuickPick(
    here.map((span) => ({
      label: codebook.codeById.get(span.annotation.code)?.name ?? codebook.themeById.get(span.annotation.code)?.name ?? span.annotation.code,
      description: `“${truncate(span.annotation.quote, 60)}”`,
      span,
    })),
    { title: args.title, placeHolder: args.placeHolder },
  );
  return picked ? { ...target, span: picked.span } : undefined;
}

export function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
