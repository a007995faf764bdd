import * as vscode from 'vscode';
import { BodyOffsets } from '../../core/coding/editor-coding';
import { parseCorpusDocument } from '../../core/corpus/document';
import type { SearchHit } from '../../core/search';

/**
 * Opens a hit's document with its first match selected (the passage when nothing matched), in
 * the buffer as it stands: if the text was edited since it was indexed, the passage is looked
 * for near where it was.
 */
export async function openHit(root: vscode.Uri, hit: SearchHit, options: { beside?: boolean; preview?: boolean; preserveFocus?: boolean } = {}): Promise<vscode.TextEditor> {
  const uri = vscode.Uri.joinPath(root, ...hit.file.split('/'));
  const document = await vscode.workspace.openTextDocument(uri);
  const text = document.getText();
  const parsed = parseCorpusDocument(hit.file, text, { locateProblems: false }).document;
  let range: vscode.Range | undefined;
  if (parsed) {
    const body = parsed.body;
    const shift = passageShift(body, hit);
    if (shift !== undefined) {
      const offsets = new BodyOffsets(text, parsed.bodyOffset);
      const [s, e] = hit.matches[0] ?? [hit.textStart, hit.end];
      range = new vscode.Range(document.positionAt(offsets.toText(s + shift)), document.positionAt(offsets.toText(e + shift)));
    }
  }
  const editor = await vscode.window.showTextDocument(document, {
    ...(range ? { selection: range } : {}),
    ...(options.beside ? { viewColumn: vscode.ViewColumn.Beside } : {}),
    ...(options.preview !== undefined ? { preview: options.preview } : {}),
    ...(options.preserveFocus ? { preserveFocus: true } : {}),
  });
  if (range) editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  else void vscode.window.showInformationMessage(`QualFrame: the passage is no longer in ${hit.file}; it was edited since the search.`);
  return editor;
}

/** How far the passage moved in `body` since it was indexed: 0 when unchanged, undefined when gone. */
export function passageShift(body: string, hit: Pick<SearchHit, 'start' | 'text'>): number | undefined {
  if (body.startsWith(hit.text, hit.start)) return 0;
  let best: number | undefined;
  for (let at = body.indexOf(hit.text); at !== -1; at = body.indexOf(hit.text, at + 1)) {
    if (best === undefined || Math.abs(at - hit.start) < Math.abs(best - hit.start)) best = at;
  }
  return best === undefined ? undefined : best - hit.start;
}
