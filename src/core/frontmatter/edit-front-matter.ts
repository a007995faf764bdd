import { isMap, isScalar, isSeq, parseDocument, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { lineStart, nextLine } from '../text/lines';
import { readFrontMatter } from './read-front-matter';
import { doubleQuoted, yamlScalar } from './yaml-scalar';

/**
 * Surgical edits of a document's front matter (format spec, "Writing rules"): each edit
 * changes only the lines of the entry it touches, and keeps line endings, comments, quoting,
 * key order and the body byte for byte. Every function takes the document text without its
 * BOM and returns the new text; the caller keeps the BOM (see `src/node/document-writer.ts`).
 * They throw `FrontMatterEditError` when the edit cannot be made safely.
 */

export class FrontMatterEditError extends Error {}

/** What an annotation entry holds in the file (read by `corpus/document.ts`, written here). */
export interface AnnotationEntry {
  /** Stable, unique within the file, never reused. */
  readonly id: string;
  /** A code id, or the id of a theme that has no codes. */
  readonly code: string;
  /** UTF-16 offset of the quote in the LF-normalised body. */
  readonly start: number;
  readonly quote: string;
  /** Up to 32 characters before and after the quote, for re-anchoring. */
  readonly prefix?: string;
  readonly suffix?: string;
  /** Who coded it. */
  readonly by?: string;
  readonly memo?: string;
  /** Chosen for publication. */
  readonly illustrative?: boolean;
}

/** A front matter located in its text, for editors of whole lines (this writer, the merge driver). */
export interface LocatedFrontMatter {
  readonly text: string;
  /** Offset in `text` where the YAML parsed by `yaml` begins (the line break after `---`): its ranges are relative to this. */
  readonly yamlStart: number;
  /**
   * Offset where the closing `---` line starts. Every front-matter line before it ends with its
   * own line break (the break before `---` ends the last YAML line), so edits are whole-line
   * splices at or before this offset.
   */
  readonly closeLine: number;
  readonly root: YAMLMap | null;
  readonly eol: string;
  /** What the safe reader read (every scalar as text). */
  readonly data: unknown;
  /** Where the body starts (after the closing `---` line). */
  readonly bodyOffset: number;
}

type Parsed = LocatedFrontMatter;

/**
 * Locates the front matter's YAML in `text` and parses it with positions; null without front
 * matter. Throws `FrontMatterProblem` when the safe reader refuses it, `FrontMatterEditError`
 * when it cannot be located or is not a mapping.
 */
export function locateFrontMatter(text: string): LocatedFrontMatter | null {
  return parse(text);
}

function parse(text: string): Parsed | null {
  const fm = readFrontMatter(text);
  if (!fm.hasFrontMatter) return null;
  const yamlStart = text.search(/\r?\n/);
  const yamlEnd = yamlStart + fm.yamlText.length;
  if (text.slice(yamlStart, yamlEnd) !== fm.yamlText || text[yamlEnd] !== '\n') {
    throw new FrontMatterEditError('front matter could not be located for editing');
  }
  // A CRLF front matter's YAML ends in a lone `\r` (its `\n` precedes the closing `---`),
  // which `yaml` rejects; it is at the very end, so dropping it moves no range.
  const doc = parseDocument(fm.yamlText.replace(/\r$/, ''), { uniqueKeys: false });
  if (doc.errors.length > 0) throw new FrontMatterEditError(`front matter is not valid YAML: ${doc.errors[0].message}`);
  const root = doc.contents;
  if (root !== null && !isMap(root)) throw new FrontMatterEditError('front matter is not a mapping');
  const eol = text.slice(0, yamlStart + 2).includes('\r\n') ? '\r\n' : '\n';
  return { text, yamlStart, closeLine: yamlEnd + 1, root: (root as YAMLMap | null) ?? null, eol, data: fm.data, bodyOffset: fm.bodyOffset };
}

type Ranged = { range: [number, number, number] };

function pairOf(map: YAMLMap | null, key: string): Pair | undefined {
  return map?.items.find((p) => isScalar(p.key) && String(p.key.value) === key) as Pair | undefined;
}

const indentOf = (text: string, at: number) => /^[ ]*/.exec(text.slice(lineStart(text, at)))![0];
const splice = (text: string, from: number, to: number, insert: string) => text.slice(0, from) + insert + text.slice(to);
/** Absolute offsets of a node's range. */
const abs = (p: Parsed, node: unknown) => {
  const r = (node as Partial<Ranged>).range;
  if (!r) throw new FrontMatterEditError('an entry of the front matter has no position');
  return { start: p.yamlStart + r[0], end: p.yamlStart + r[1] };
};
/** The whole lines from the one holding `from` to the one holding `to - 1`. */
const linesOf = (p: Parsed, from: number, to: number) => ({ from: lineStart(p.text, from), to: Math.min(nextLine(p.text, to), p.closeLine) });

/** The lines an annotation entry occupies: from its `-` line to the end of its last line. */
function entrySpan(p: Parsed, seq: YAMLSeq, index: number): { from: number; to: number } {
  const r = abs(p, seq.items[index]);
  return linesOf(p, p.text.lastIndexOf('-', r.start), r.end);
}

function codesSeq(p: Parsed): { pair?: Pair; seq?: YAMLSeq } {
  const pair = pairOf(p.root, 'codes');
  if (!pair) return {};
  if (pair.value === null || (isScalar(pair.value) && pair.value.value === null)) return { pair };
  if (!isSeq(pair.value)) throw new FrontMatterEditError('"codes" is not a list');
  return { pair, seq: pair.value as YAMLSeq };
}

function entryIndex(seq: YAMLSeq | undefined, id: string): number {
  const index = seq?.items.findIndex((item) => isMap(item) && String((item as YAMLMap).get('id')) === id) ?? -1;
  if (index === -1) throw new FrontMatterEditError(`no annotation with id "${id}"`);
  return index;
}

/** Renders an entry in the style of the list it joins: block (the spec's default) or one-line flow. */
function renderEntry(entry: AnnotationEntry, style: EntryStyle, eol: string): string {
  const fields: [string, string][] = [
    ['id', yamlScalar(entry.id)],
    ['code', yamlScalar(entry.code)],
    ['start', String(entry.start)],
    ['quote', doubleQuoted(entry.quote)],
  ];
  if (entry.prefix !== undefined) fields.push(['prefix', doubleQuoted(entry.prefix)]);
  if (entry.suffix !== undefined) fields.push(['suffix', doubleQuoted(entry.suffix)]);
  if (entry.by !== undefined) fields.push(['by', yamlScalar(entry.by)]);
  if (entry.memo !== undefined) fields.push(['memo', doubleQuoted(entry.memo)]);
  if (entry.illustrative) fields.push(['illustrative', 'true']);
  if (style.flow) return `${style.dashIndent}- {${fields.map(([k, v]) => `${k}: ${v}`).join(', ')}}${eol}`;
  return fields.map(([k, v], i) => `${i === 0 ? `${style.dashIndent}- ` : style.keyIndent}${k}: ${v}${eol}`).join('');
}

interface EntryStyle { readonly flow: boolean; readonly dashIndent: string; readonly keyIndent: string }
const DEFAULT_STYLE: EntryStyle = { flow: false, dashIndent: '  ', keyIndent: '    ' };

function listStyle(p: Parsed, seq: YAMLSeq | undefined): EntryStyle {
  const first = seq?.items[0] as YAMLMap | undefined;
  if (!first) return DEFAULT_STYLE;
  const at = abs(p, first).start;
  return { flow: Boolean(first.flow), dashIndent: indentOf(p.text, p.text.lastIndexOf('-', at)), keyIndent: ' '.repeat(at - lineStart(p.text, at)) };
}

const isAfter = (a: YAMLMap, start: number, id: string) => {
  const s = Number(String(a.get('start')));
  return s > start || (s === start && String(a.get('id')) > id);
};

/** A front matter holding only `lines`, for a document that has none. */
function newFrontMatter(text: string, lines: string): string {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return `---${eol}${lines.replace(/\r?\n/g, eol)}---${eol}${text}`;
}

/** Adds one annotation, in `start` then `id` order, as new lines only. */
export function addAnnotation(text: string, entry: AnnotationEntry): string {
  const p = parse(text);
  if (!p) return newFrontMatter(text, `codes:\n${renderEntry(entry, DEFAULT_STYLE, '\n')}`);
  const { pair, seq } = codesSeq(p);
  if (seq?.items.some((item) => isMap(item) && String((item as YAMLMap).get('id')) === entry.id)) {
    throw new FrontMatterEditError(`annotation id "${entry.id}" is already in use`);
  }
  const lines = renderEntry(entry, listStyle(p, seq), p.eol);
  if (!pair) return splice(text, p.closeLine, p.closeLine, `codes:${p.eol}${lines}`);
  if (!seq) return splice(text, nextLine(text, abs(p, pair.key).end), nextLine(text, abs(p, pair.key).end), lines);
  if (seq.flow) {
    if (seq.items.length > 0) throw new FrontMatterEditError('"codes" is written as a one-line [ ] list; write one entry per line to let QualFrame edit it');
    // `codes: []` becomes `codes:` followed by the entry: the key's line changes, nothing else.
    const r = abs(p, seq);
    return splice(text, r.start - (text[r.start - 1] === ' ' ? 1 : 0), nextLine(text, r.end), p.eol + lines);
  }
  const before = seq.items.findIndex((item) => isAfter(item as YAMLMap, entry.start, entry.id));
  const at = before === -1 ? entrySpan(p, seq, seq.items.length - 1).to : entrySpan(p, seq, before).from;
  return splice(text, at, at, lines);
}

/** Removes one annotation's lines; a `codes:` key left empty goes too, so add-then-remove is the identity. */
export function removeAnnotation(text: string, id: string): string {
  const p = parse(text);
  if (!p) throw new FrontMatterEditError(`no annotation with id "${id}"`);
  const { pair, seq } = codesSeq(p);
  const span = entrySpan(p, seq!, entryIndex(seq, id));
  if (seq!.items.length === 1) {
    const key = linesOf(p, abs(p, pair!.key).start, abs(p, pair!.key).end);
    if (/^codes:[ \t]*\r?\n$/.test(text.slice(key.from, key.to)) && key.to === span.from) return splice(text, key.from, span.to, '');
  }
  return splice(text, span.from, span.to, '');
}

/** Changes the code of one annotation: only its `code` value changes. */
export function recodeAnnotation(text: string, id: string, code: string): string {
  return setEntryValue(text, id, 'code', yamlScalar(code));
}

export interface AnchorUpdate {
  readonly id: string;
  readonly start: number;
  readonly quote: string;
  /** Written only where the entry already has a prefix (or suffix): no context is added. */
  readonly prefix?: string;
  readonly suffix?: string;
}

/**
 * Replaces the stored position and quote (and the context it already has) of annotations
 * whose text was edited: only those values change. One parse for all of them, spliced from
 * the end of the file backwards so earlier offsets stay valid: an edit near the top of a
 * transcript moves every annotation, and this runs on every write.
 */
export function updateAnnotationAnchors(text: string, updates: readonly AnchorUpdate[]): string {
  if (updates.length === 0) return text;
  const p = parse(text);
  if (!p) throw new FrontMatterEditError(`no annotation with id "${updates[0].id}"`);
  const { seq } = codesSeq(p);
  const splices: { from: number; to: number; value: string }[] = [];
  const byId = new Map<string, YAMLMap>();
  for (const item of seq?.items ?? []) {
    const id = isMap(item) ? String((item as YAMLMap).get('id')) : undefined;
    if (id !== undefined && !byId.has(id)) byId.set(id, item as YAMLMap);
  }
  for (const u of updates) {
    const item = byId.get(u.id);
    if (!item) throw new FrontMatterEditError(`no annotation with id "${u.id}"`);
    const values: [string, string | undefined][] = [
      ['start', String(u.start)],
      ['quote', doubleQuoted(u.quote)],
      ['prefix', u.prefix === undefined ? undefined : doubleQuoted(u.prefix)],
      ['suffix', u.suffix === undefined ? undefined : doubleQuoted(u.suffix)],
    ];
    for (const [key, value] of values) {
      const pair = pairOf(item, key);
      if (value === undefined || !pair?.value) {
        if (key === 'start' || key === 'quote') throw new FrontMatterEditError(`annotation "${u.id}" has no "${key}"`);
        continue;
      }
      const r = abs(p, pair.value);
      splices.push({ from: r.start, to: r.end, value });
    }
  }
  return spliceAll(text, splices);
}

/**
 * Applies non-overlapping replacements in one pass: the text is copied once, not once per
 * replacement (an edit near the top of a long transcript moves hundreds of entries).
 */
function spliceAll(text: string, splices: readonly { from: number; to: number; value: string }[]): string {
  const sorted = [...splices].sort((a, b) => a.from - b.from);
  const parts: string[] = [];
  let at = 0;
  for (const sp of sorted) {
    parts.push(text.slice(at, sp.from), sp.value);
    at = sp.to;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/** Marks or unmarks one annotation as illustrative (chosen for publication). */
export function setIllustrative(text: string, id: string, illustrative: boolean): string {
  return illustrative ? setEntryValue(text, id, 'illustrative', 'true', true) : removeEntryKey(text, id, 'illustrative');
}

/** Sets one annotation's memo (double-quoted, one line), or removes it when `memo` is undefined or blank. */
export function setAnnotationMemo(text: string, id: string, memo: string | undefined): string {
  return memo === undefined || memo.trim() === '' ? removeEntryKey(text, id, 'memo') : setEntryValue(text, id, 'memo', doubleQuoted(memo), true);
}

/** Changes the code of every annotation coded `from` to `to` (renaming or merging codes): only those values change. */
export function recodeAll(text: string, from: string, to: string): string {
  const p = parse(text);
  const { seq } = p ? codesSeq(p) : {};
  if (!p || !seq) return text;
  const splices: { start: number; end: number }[] = [];
  for (const item of seq.items) {
    if (!isMap(item)) continue;
    const pair = pairOf(item as YAMLMap, 'code');
    if (pair?.value && isScalar(pair.value) && String(pair.value.value) === from) splices.push(abs(p, pair.value));
  }
  const value = yamlScalar(to);
  return spliceAll(text, splices.map((r) => ({ from: r.start, to: r.end, value })));
}

/**
 * Sets the document memo (the top-level `memo:`), or removes it when `memo` is undefined or
 * blank. A multi-line memo is written as a literal block, like a summary.
 */
export function setDocumentMemo(text: string, memo: string | undefined): string {
  const remove = memo === undefined || memo.trim() === '';
  const p = parse(text);
  if (!p) return remove ? text : newFrontMatter(text, renderBlockValue('memo', memo!, '', '\n'));
  const pair = pairOf(p.root, 'memo');
  if (pair) {
    const key = abs(p, pair.key);
    const lines = linesOf(p, key.start, pair.value ? abs(p, pair.value).end : key.end);
    return splice(text, lines.from, lines.to, remove ? '' : renderBlockValue('memo', memo!, '', p.eol));
  }
  return remove ? text : splice(text, p.closeLine, p.closeLine, renderBlockValue('memo', memo!, '', p.eol));
}

function removeEntryKey(text: string, id: string, key: string): string {
  const p = parse(text);
  if (!p) throw new FrontMatterEditError(`no annotation with id "${id}"`);
  const { seq } = codesSeq(p);
  const item = seq!.items[entryIndex(seq, id)] as YAMLMap;
  const pair = pairOf(item, key);
  if (!pair) return text;
  const k = abs(p, pair.key);
  const value = pair.value ? abs(p, pair.value) : k;
  if (item.flow) return splice(text, text.lastIndexOf(',', k.start), value.end, '');
  const lines = linesOf(p, k.start, value.end);
  return splice(text, lines.from, lines.to, '');
}

/**
 * Sets `key` of annotation `id` to the already-rendered YAML `value`: the old value's range
 * is replaced; with `add`, a missing key becomes the entry's last key.
 */
function setEntryValue(text: string, id: string, key: string, value: string, add = false): string {
  const p = parse(text);
  if (!p) throw new FrontMatterEditError(`no annotation with id "${id}"`);
  const { seq } = codesSeq(p);
  const item = seq!.items[entryIndex(seq, id)] as YAMLMap;
  const pair = pairOf(item, key);
  if (pair?.value) {
    const r = abs(p, pair.value);
    // An empty value (`memo:` with nothing after it) has an empty range right after the colon.
    return splice(text, r.start, r.end, r.start === r.end && text[r.start - 1] === ':' ? ` ${value}` : value);
  }
  if (!add) throw new FrontMatterEditError(`annotation "${id}" has no "${key}"`);
  if (item.flow) {
    const close = text.lastIndexOf('}', abs(p, item).end);
    return splice(text, close, close, `, ${key}: ${value}`);
  }
  const lastKey = abs(p, (item.items[item.items.length - 1] as Pair).key).start;
  const at = nextLine(text, abs(p, item).end);
  return splice(text, Math.min(at, p.closeLine), Math.min(at, p.closeLine), `${' '.repeat(lastKey - lineStart(text, lastKey))}${key}: ${value}${p.eol}`);
}

/**
 * Sets the summary of one theme in this document's `summaries`, or removes it when `summary`
 * is undefined. A multi-line summary is written as a literal block.
 */
export function setSummary(text: string, theme: string, summary: string | undefined): string {
  const p = parse(text);
  if (!p) return summary === undefined ? text : newFrontMatter(text, `summaries:\n${renderBlockValue(theme, summary, '  ', '\n')}`);
  const summariesPair = pairOf(p.root, 'summaries');
  const value = summariesPair?.value;
  const map = isMap(value) ? (value as YAMLMap) : undefined;
  if (summariesPair && !map && !(value === null || (isScalar(value) && value.value === null))) throw new FrontMatterEditError('"summaries" is not a mapping');
  const pair = map ? pairOf(map, theme) : undefined;
  if (pair) {
    const key = abs(p, pair.key);
    const lines = linesOf(p, key.start, abs(p, pair.value).end);
    if (summary !== undefined) return splice(text, lines.from, lines.to, renderBlockValue(theme, summary, indentOf(text, key.start), p.eol));
    if (map!.items.length > 1) return splice(text, lines.from, lines.to, '');
    const keyLines = linesOf(p, abs(p, summariesPair!.key).start, abs(p, summariesPair!.key).end);
    return /^summaries:[ \t]*\r?\n$/.test(text.slice(keyLines.from, keyLines.to)) && keyLines.to === lines.from
      ? splice(text, keyLines.from, lines.to, '')
      : splice(text, lines.from, lines.to, '');
  }
  if (summary === undefined) return text;
  if (map) {
    const indent = indentOf(text, abs(p, map.items[0].key).start);
    const at = nextLine(text, abs(p, map.items[map.items.length - 1].value ?? map.items[map.items.length - 1].key).end);
    return splice(text, Math.min(at, p.closeLine), Math.min(at, p.closeLine), renderBlockValue(theme, summary, indent, p.eol));
  }
  if (summariesPair) {
    const at = nextLine(text, abs(p, summariesPair.key).end);
    return splice(text, at, at, renderBlockValue(theme, summary, '  ', p.eol));
  }
  return splice(text, p.closeLine, p.closeLine, `summaries:${p.eol}${renderBlockValue(theme, summary, '  ', p.eol)}`);
}

/** `key: value` at `indent`; a multi-line value as a literal block. */
function renderBlockValue(key: string, value: string, indent: string, eol: string): string {
  const text = value.replace(/\r\n/g, '\n');
  if (!text.includes('\n')) return `${indent}${key}: ${yamlScalar(text)}${eol}`;
  const chomp = text.endsWith('\n') ? '' : '-';
  const lines = text.replace(/\n$/, '').split('\n').map((l) => (l === '' ? '' : `${indent}  ${l}`));
  return `${indent}${key}: |${chomp}${eol}${lines.join(eol)}${eol}`;
}
