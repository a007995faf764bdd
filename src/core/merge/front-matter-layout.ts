import { isMap, isScalar, isSeq, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { FrontMatterEditError, locateFrontMatter } from '../frontmatter/edit-front-matter';
import { FrontMatterProblem } from '../frontmatter/read-front-matter';
import { lineStart, nextLine } from '../text/lines';
import type { YamlValue } from '../yaml/safe-yaml';

/**
 * Where the parts of one revision's front matter sit in its text, as whole-line blocks, with
 * what each part means (read by the safe reader, every scalar as text). The merge compares
 * revisions by these blocks and splices theirs into ours line by line, so everything it does
 * not touch stays byte for byte (the same rule the surgical writer follows).
 */

/** The revisions cannot be merged by annotation id; the caller merges the whole text instead. */
export class UnmergeableError extends Error {}

/** Whole lines `[from, to)` of a revision's text. */
export interface LineSpan {
  readonly from: number;
  readonly to: number;
}

export interface LineBlock extends LineSpan {
  /** Column of the block's first line (the key, or the `-` of a list entry). */
  readonly indent: number;
  /** The lines with LF breaks and `indent` removed: what "unchanged" compares. */
  readonly raw: string;
}

/** A top-level key, or one theme under `summaries`. */
export interface KeyBlock extends LineBlock {
  readonly key: string;
  /** What it means (failsafe: every scalar is text). */
  readonly value: YamlValue;
}

export interface FieldLayout {
  readonly key: string;
  /** Offset of the key, and the range of its value (empty right after the colon for `memo:`). */
  readonly keyStart: number;
  readonly valueStart: number;
  readonly valueEnd: number;
  /** The key's lines, up to the end of its value. */
  readonly lines: LineSpan;
  /** The key sits on the entry's `- ` line (the first key of a block entry). */
  readonly onDashLine: boolean;
}

/** One annotation entry under `codes`. */
export interface EntryBlock extends LineBlock {
  readonly id: string;
  /** `start` as a number (NaN when it is not one: such an entry is placed last). */
  readonly start: number;
  /** Written as `- {id: ..., ...}`. */
  readonly flow: boolean;
  /** Column of the entry's keys. */
  readonly keyIndent: number;
  /** Offset of the entry's closing `}` (flow entries). */
  readonly flowClose: number;
  readonly fields: ReadonlyMap<string, FieldLayout>;
  readonly value: { readonly [key: string]: YamlValue };
}

export interface CodesLayout {
  /** The `codes:` key's block, when there is one. */
  readonly key?: KeyBlock;
  /** In file order; empty for no key, `codes:` or `codes: []`. */
  readonly entries: readonly EntryBlock[];
  readonly byId: ReadonlyMap<string, EntryBlock>;
}

export interface SummariesLayout {
  readonly key?: KeyBlock;
  readonly themes: readonly KeyBlock[];
  readonly byTheme: ReadonlyMap<string, KeyBlock>;
}

export interface FrontMatterLayout {
  readonly text: string;
  readonly hasFrontMatter: boolean;
  /** The line ending the front matter is written with (the file's first line break). */
  readonly eol: string;
  /** Where the body starts: the front matter is `text.slice(0, bodyOffset)`. */
  readonly bodyOffset: number;
  /** Where the closing `---` line starts (new lines go before it); 0 without front matter. */
  readonly closeLine: number;
  readonly keys: readonly KeyBlock[];
  readonly byKey: ReadonlyMap<string, KeyBlock>;
  /** The annotation list; throws {@link UnmergeableError} when it cannot be merged by id. */
  codes(): CodesLayout;
  /** The summaries by theme; throws {@link UnmergeableError} when they are not a block mapping. */
  summaries(): SummariesLayout;
}

type Ranged = { range?: [number, number, number] };


const columnOf = (text: string, at: number) => at - lineStart(text, at);

/** The lines `[from, to)` with LF breaks and `indent` leading spaces removed from each line. */
export function dedent(text: string, indent: number): string {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  return lines.map((line) => line.slice(Math.min(indent, /^ */.exec(line)![0].length))).join('\n');
}

/**
 * A dedented block written at `indent` with line ending `eol`. Blank lines stay blank (inside a
 * literal block they carry no indentation that matters). The block ends with a line break.
 */
export function indentBlock(raw: string, indent: number, eol: string): string {
  const body = raw.endsWith('\n') ? raw.slice(0, -1) : raw;
  const pad = ' '.repeat(indent);
  return body.split('\n').map((line) => (line === '' ? '' : pad + line)).join(eol) + eol;
}

/**
 * Reads one revision. Throws {@link UnmergeableError} when its front matter cannot be read
 * safely or located for editing: the merge then falls back to text.
 */
export function readLayout(text: string): FrontMatterLayout {
  let located;
  try {
    located = locateFrontMatter(text);
  } catch (e) {
    if (e instanceof FrontMatterProblem) throw new UnmergeableError(`front matter cannot be read (line ${e.position.line}: ${e.message})`);
    if (e instanceof FrontMatterEditError) throw new UnmergeableError(e.message);
    throw e;
  }
  const eolMatch = /\r?\n/.exec(text);
  const eol = eolMatch ? eolMatch[0] : '\n';
  if (!located) {
    return {
      text, hasFrontMatter: false, eol, bodyOffset: 0, closeLine: 0, keys: [], byKey: new Map(),
      codes: () => ({ entries: [], byId: new Map() }),
      summaries: () => ({ themes: [], byTheme: new Map() }),
    };
  }
  const { yamlStart, closeLine, root } = located;
  const data = located.data as { readonly [key: string]: YamlValue };

  const abs = (node: unknown) => {
    const r = (node as Ranged).range;
    if (!r) throw new UnmergeableError('a part of the front matter has no position');
    return { start: yamlStart + r[0], end: yamlStart + r[1] };
  };
  const lines = (from: number, to: number): LineSpan => ({ from: lineStart(text, from), to: Math.min(nextLine(text, to), closeLine) });
  const block = (span: LineSpan, indentAt: number): LineBlock => {
    const indent = columnOf(text, indentAt);
    return { ...span, indent, raw: dedent(text.slice(span.from, span.to), indent) };
  };
  const keyOf = (pair: Pair): string => {
    if (!isScalar(pair.key)) throw new UnmergeableError('the front matter has a key that is not plain text');
    return String(pair.key.value);
  };
  const pairBlock = (pair: Pair, value: YamlValue): KeyBlock => {
    const k = abs(pair.key);
    const end = pair.value ? abs(pair.value).end : k.end;
    return { key: keyOf(pair), value, ...block(lines(k.start, Math.max(end, k.end)), k.start) };
  };

  const rootMap = root as YAMLMap | null;
  const keys = (rootMap?.items ?? []).map((pair) => pairBlock(pair as Pair, data[keyOf(pair as Pair)] ?? null));
  const byKey = new Map(keys.map((k) => [k.key, k]));
  const pairOf = (key: string) => rootMap?.items.find((p) => isScalar(p.key) && String(p.key.value) === key) as Pair | undefined;
  const isEmptyValue = (value: unknown) => value === null || value === undefined || (isScalar(value) && value.value === null);

  const codes = (): CodesLayout => {
    const pair = pairOf('codes');
    const key = byKey.get('codes');
    if (!pair || isEmptyValue(pair.value)) return { key, entries: [], byId: new Map() };
    if (!isSeq(pair.value)) throw new UnmergeableError('"codes" is not a list');
    const seq = pair.value as YAMLSeq;
    if (seq.flow) {
      if (seq.items.length === 0) return { key, entries: [], byId: new Map() };
      throw new UnmergeableError('"codes" is written as a one-line [ ] list');
    }
    const values = data.codes as YamlValue[];
    const entries = seq.items.map((item, index): EntryBlock => {
      const value = values[index];
      if (!isMap(item) || value === null || typeof value !== 'object' || Array.isArray(value)) throw new UnmergeableError(`entry ${index + 1} under "codes" is not a mapping`);
      const id = value.id;
      if (typeof id !== 'string' || id === '') throw new UnmergeableError(`entry ${index + 1} under "codes" has no id`);
      const map = item as YAMLMap;
      const r = abs(map);
      const dash = text.lastIndexOf('-', r.start);
      const span = lines(dash, r.end);
      const fields = new Map<string, FieldLayout>();
      for (const p of map.items as Pair[]) {
        const k = abs(p.key);
        const v = p.value ? abs(p.value) : { start: k.end + 1, end: k.end + 1 };
        fields.set(keyOf(p), {
          key: keyOf(p), keyStart: k.start, valueStart: v.start, valueEnd: v.end,
          lines: lines(k.start, Math.max(v.end, k.end)),
          onDashLine: lineStart(text, k.start) === lineStart(text, dash),
        });
      }
      const firstKey = map.items[0] ? abs((map.items[0] as Pair).key).start : r.start;
      return {
        id, start: typeof value.start === 'string' && /^\d+$/.test(value.start.trim()) ? Number(value.start) : Number.NaN,
        flow: Boolean(map.flow), keyIndent: columnOf(text, firstKey), flowClose: map.flow ? text.lastIndexOf('}', r.end) : -1,
        fields, value, ...block(span, dash),
      };
    });
    const byId = new Map<string, EntryBlock>();
    for (const e of entries) {
      if (byId.has(e.id)) throw new UnmergeableError(`annotation id "${e.id}" is used twice`);
      byId.set(e.id, e);
    }
    return { key, entries, byId };
  };

  const summaries = (): SummariesLayout => {
    const pair = pairOf('summaries');
    const key = byKey.get('summaries');
    if (!pair || isEmptyValue(pair.value)) return { key, themes: [], byTheme: new Map() };
    if (!isMap(pair.value) || (pair.value as YAMLMap).flow) throw new UnmergeableError('"summaries" is not a block mapping');
    const values = data.summaries as { readonly [key: string]: YamlValue };
    const themes = (pair.value as YAMLMap).items.map((p) => pairBlock(p as Pair, values[keyOf(p as Pair)] ?? null));
    return { key, themes, byTheme: new Map(themes.map((t) => [t.key, t])) };
  };

  return { text, hasFrontMatter: true, eol, bodyOffset: located.bodyOffset, closeLine, keys, byKey, codes, summaries };
}
