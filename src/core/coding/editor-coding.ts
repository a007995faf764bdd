import { parseCorpusDocument, type Annotation } from '../corpus/document';
import type { Problem } from '../problems';
import { addAnnotation, removeAnnotation } from '../frontmatter/edit-front-matter';
import { readFrontMatter } from '../frontmatter/read-front-matter';
import { newAnnotationEntry, newAnnotationId } from './new-annotation';

/**
 * Coding in an editor: the editor's text is the whole file (without BOM, CRLF as written),
 * while annotation offsets count in the body with CRLF read as LF. `BodyOffsets` converts
 * between the two; the other functions plan edits as one minimal text replacement, so an
 * editor applies them to its buffer as a single undoable step.
 */
export class BodyOffsets {
  /** Where the body starts in the text. */
  readonly bodyStart: number;
  /** Text offsets of every `\r` of a CRLF in the body, ascending. */
  private readonly crs: number[] = [];

  /** `bodyStart` when the caller has parsed the text already (saves reading the front matter again). */
  constructor(readonly text: string, bodyStart?: number) {
    this.bodyStart = bodyStart ?? readFrontMatter(text).bodyOffset;
    for (let i = text.indexOf('\r\n', this.bodyStart); i !== -1; i = text.indexOf('\r\n', i + 2)) this.crs.push(i);
  }

  /** The body offset of a text offset (a position inside a CRLF counts as its LF). */
  toBody(textOffset: number): number {
    const before = this.count(textOffset);
    return Math.max(0, textOffset - this.bodyStart - before);
  }

  /** The text offset of a body offset. */
  toText(bodyOffset: number): number {
    // Each CR before the target adds one; walk the sorted list with a binary search on the
    // body offsets the CRs stand at (cr - bodyStart - index).
    let lo = 0;
    let hi = this.crs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.crs[mid] - this.bodyStart - mid < bodyOffset) lo = mid + 1;
      else hi = mid;
    }
    return this.bodyStart + bodyOffset + lo;
  }

  /** CRs strictly before a text offset. */
  private count(textOffset: number): number {
    let lo = 0;
    let hi = this.crs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.crs[mid] < textOffset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** One replacement that turns `before` into `after`: what changed, between common prefix and suffix. */
export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

export function minimalEdit(before: string, after: string): TextEdit {
  let head = 0;
  const max = Math.min(before.length, after.length);
  while (head < max && before.charCodeAt(head) === after.charCodeAt(head)) head++;
  let tail = 0;
  // Never split a surrogate pair: an editor widens such a range to the whole character while
  // the replacement holds only half of it.
  if (head > 0 && isHighSurrogate(before.charCodeAt(head - 1))) head--;
  while (tail < max - head && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  if (tail > 0 && isLowSurrogate(before.charCodeAt(before.length - tail))) tail--;
  return { start: head, end: before.length - tail, text: after.slice(head, after.length - tail) };
}

export type CodingResult =
  | { readonly ok: true; readonly edit: TextEdit; readonly ids: readonly string[] }
  | { readonly ok: false; readonly message: string };

/**
 * Codes each selection (text offsets, in any order) with `code`: one new annotation per
 * non-empty selection inside the body, whitespace at its ends left out. All of them become
 * one edit.
 */
export function codeSelections(
  path: string,
  text: string,
  selections: readonly { start: number; end: number }[],
  details: { code: string; by?: string; memo?: string; illustrative?: boolean },
  random: () => number = Math.random,
): CodingResult {
  const { document, problems } = parseCorpusDocument(path, text);
  if (!document) return { ok: false, message: problems[0]?.message ?? 'the front matter cannot be read' };
  const offsets = new BodyOffsets(text, document.bodyOffset);
  const taken = new Set(document.annotations.map((a) => a.id));
  const ids: string[] = [];
  let after = text;
  for (const sel of [...selections].sort((a, b) => a.start - b.start)) {
    const from = Math.max(sel.start, offsets.bodyStart);
    const start = offsets.toBody(from);
    const end = offsets.toBody(Math.max(from, sel.end));
    const raw = document.body.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const quote = raw.trim();
    if (quote === '') continue;
    const id = newAnnotationId(taken, random);
    taken.add(id);
    ids.push(id);
    after = addAnnotation(after, newAnnotationEntry(document.body, { start: start + lead, quote }, { id, ...details }));
  }
  if (ids.length === 0) return { ok: false, message: 'select the words to code in the transcript (below the front matter)' };
  return { ok: true, edit: minimalEdit(text, after), ids };
}

/**
 * Gives annotation `id` (an orphan, typically) the text of a selection (text offsets): its
 * start, quote and context become the selection's, whitespace at the ends left out. The entry
 * is taken out and put back, so the list stays sorted by start; its other fields are kept.
 */
export function reattachAnnotation(path: string, text: string, id: string, selection: { start: number; end: number }): CodingResult {
  const { document, problems } = parseCorpusDocument(path, text, { locateProblems: false });
  if (!document) return { ok: false, message: problems[0]?.message ?? 'the front matter cannot be read' };
  const annotation = document.annotations.find((a) => a.id === id);
  if (!annotation) return { ok: false, message: `no annotation with id "${id}"` };
  const offsets = new BodyOffsets(text, document.bodyOffset);
  const from = Math.max(selection.start, offsets.bodyStart);
  const start = offsets.toBody(from);
  const raw = document.body.slice(start, offsets.toBody(Math.max(from, selection.end)));
  const quote = raw.trim();
  if (quote === '') return { ok: false, message: 'select the passage in the transcript (below the front matter) first' };
  const at = start + raw.length - raw.trimStart().length;
  const { code, by, memo, illustrative } = annotation;
  const entry = newAnnotationEntry(document.body, { start: at, quote }, { id, code, ...(by !== undefined ? { by } : {}), ...(memo !== undefined ? { memo } : {}), ...(illustrative ? { illustrative } : {}) });
  return { ok: true, edit: minimalEdit(text, addAnnotation(removeAnnotation(text, id), entry)), ids: [id] };
}

/** Removes annotation `id` as one edit. */
export function uncodeAnnotation(text: string, id: string): TextEdit {
  return minimalEdit(text, removeAnnotation(text, id));
}

/** An anchored annotation with where it stands in the editor's text now. */
export interface AnnotationSpan {
  readonly annotation: Annotation;
  readonly start: number;
  readonly end: number;
}

/**
 * Where each annotation stands in the editor's text now, re-anchored in memory (so highlights
 * move with their text while it is edited); orphans are left out. Undefined when the front
 * matter cannot be read.
 */
export function annotationSpans(path: string, text: string): AnnotationSpan[] | undefined {
  return documentCoding(path, text)?.spans;
}

/**
 * The coding of an editor's text as it stands: where each anchored annotation is, and the
 * orphans (annotations whose text is gone) as problems at their front-matter entries, so an
 * unsaved deletion is reported at once. Undefined when the front matter cannot be read.
 */
export function documentCoding(path: string, text: string): { spans: AnnotationSpan[]; orphans: Problem[] } | undefined {
  // Re-worded quotes are common while typing and need no position here; only orphans (rare)
  // are located, which spares a second YAML parse on every keystroke burst.
  const { document, problems } = parseCorpusDocument(path, text, { locateProblems: false });
  if (!document) return undefined;
  const offsets = new BodyOffsets(text, document.bodyOffset);
  const spans: AnnotationSpan[] = [];
  for (const annotation of document.annotations) {
    const a = annotation.anchor;
    if (a.method !== 'orphan') spans.push({ annotation, start: offsets.toText(a.start), end: offsets.toText(a.end) });
  }
  // One orphan problem per orphaned annotation, in the same order.
  const orphaned = document.annotations.filter((a) => !a.anchored);
  const orphans = problems.filter((p) => p.rule === 'orphan').map((p, i) => ({ ...p, ...document.locate(['codes', orphaned[i].index, 'start']) }));
  return { spans, orphans };
}

/** The orphaned annotation whose front-matter entry a problem at `line` (1-based) points into. */
export function orphanAtLine(path: string, text: string, line: number): Annotation | undefined {
  const { document } = parseCorpusDocument(path, text);
  if (!document) return undefined;
  return document.annotations.find((a) => !a.anchored && document.locate(['codes', a.index, 'start']).line === line);
}

/** The annotations covering a text offset, innermost (shortest) first. */
export function spansAt(spans: readonly AnnotationSpan[], offset: number): AnnotationSpan[] {
  return spans.filter((s) => s.start <= offset && offset <= s.end).sort((a, b) => a.end - a.start - (b.end - b.start));
}
