import { isMap, isScalar, isSeq, parseDocument, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { doubleQuoted, yamlScalar } from '../frontmatter/yaml-scalar';
import { CODEBOOK_ID } from '../ids';
import { lineStart, nextLine } from '../text/lines';

/**
 * Surgical edits of `codebook.yaml`, in the manner of `frontmatter/edit-front-matter.ts`: the
 * `yaml` package only locates entries, and the edit is a splice of whole lines (or of one
 * value) of the original text, so comments, quoting, key order, blank lines and line endings
 * of everything else stay byte for byte. Every function takes the text without its BOM and
 * throws `CodebookEditError` rather than return a text it cannot vouch for.
 */

export class CodebookEditError extends Error {
  override name = 'CodebookEditError';
}

export type CodeField = 'name' | 'description' | 'include' | 'exclude' | 'example' | 'color';
export interface NewCode { readonly id: string; readonly name: string; readonly description?: string; readonly include?: string; readonly exclude?: string; readonly example?: string; readonly color?: string }
export interface NewTheme { readonly id: string; readonly name: string; readonly description?: string }

const FIELDS: readonly string[] = ['name', 'description', 'include', 'exclude', 'example', 'color'] satisfies CodeField[];
const COLOR = /^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;
const MAX_ID = 40;

interface Parsed { readonly text: string; readonly root: YAMLMap | null; readonly eol: string }
interface Entry { readonly kind: 'theme' | 'code'; readonly map: YAMLMap; readonly list: YAMLSeq; readonly theme: YAMLMap }
/** Columns of an entry's `-` and of its keys. */
interface ListStyle { readonly dash: number; readonly key: number }

function parse(text: string): Parsed {
  // Failsafe: every scalar is text, as the reader (`codebook.ts`) sees it.
  const doc = parseDocument(text, { schema: 'failsafe' });
  if (doc.errors.length > 0) throw new CodebookEditError(`codebook.yaml is not valid YAML (${doc.errors[0].message.split('\n')[0]}); fix it by hand first`);
  const root = doc.contents;
  if (root !== null && !isMap(root)) throw new CodebookEditError('codebook.yaml must be a mapping with a "themes" list; fix it by hand first');
  return { text, root: root as YAMLMap | null, eol: /\r?\n/.exec(text)?.[0] ?? '\n' };
}

/** A safety net: an edit that would leave the file unreadable is refused, not returned. */
function checked(text: string): string {
  try {
    parse(text);
  } catch {
    throw new CodebookEditError('this edit would leave codebook.yaml invalid, so it was not made; make the change by hand');
  }
  return text;
}

const splice = (text: string, from: number, to: number, insert: string) => text.slice(0, from) + insert + text.slice(to);
/** The line starting at `from`, with its line break. */
const lineAt = (text: string, from: number) => text.slice(from, nextLine(text, from + 1));
const column = (text: string, at: number) => at - lineStart(text, at);
function range(node: unknown): { start: number; end: number } {
  const r = (node as { range?: [number, number, number] } | null)?.range;
  if (!r) throw new CodebookEditError('an entry of codebook.yaml has no position; fix it by hand first');
  return { start: r[0], end: r[1] };
}

/** Inserts whole lines; at the end of a file without a final line break, the break moves before them (so a later removal restores the bytes). */
function insertLines(text: string, at: number, lines: string, eol: string): string {
  if (at === text.length && text !== '' && !text.endsWith('\n')) return text + eol + lines.slice(0, -eol.length);
  return splice(text, at, at, lines);
}
/** Removes whole lines, mirroring `insertLines` at the end of the file. */
function removeLines(text: string, from: number, to: number): string {
  if (to === text.length && from > 0 && !text.endsWith('\n')) from -= text[from - 2] === '\r' ? 2 : 1;
  return splice(text, from, to, '');
}

const pairOf = (map: YAMLMap, key: string) => map.items.find((p) => isScalar(p.key) && String(p.key.value) === key) as Pair | undefined;
function idOf(map: YAMLMap): string | undefined {
  const v = pairOf(map, 'id')?.value;
  return isScalar(v) ? String(v.value) : undefined;
}

function listOf(map: YAMLMap, key: string): { pair?: Pair; seq?: YAMLSeq } {
  const pair = pairOf(map, key);
  if (!pair) return {};
  const r = range(pair.value);
  if (isScalar(pair.value) && r.start === r.end) return { pair };
  if (!isSeq(pair.value)) throw new CodebookEditError(`"${key}" must be a list (lines starting with "- "); fix codebook.yaml by hand first`);
  return { pair, seq: pair.value as YAMLSeq };
}
const flowList = (key: string) => new CodebookEditError(`"${key}" is written as a one-line [ ... ] list; write one entry per line ("- id: ...") to let QualFrame edit it`);
const flowMap = (id: string) => new CodebookEditError(`"${id}" is written as a one-line { ... } entry; write one key per line to let QualFrame edit it`);

function entries(p: Parsed): Entry[] {
  const themes = p.root ? listOf(p.root, 'themes').seq : undefined;
  const out: Entry[] = [];
  for (const theme of themes?.items ?? []) {
    if (!isMap(theme)) continue;
    out.push({ kind: 'theme', map: theme, list: themes!, theme });
    const codes = listOf(theme, 'codes').seq;
    for (const code of codes?.items ?? []) if (isMap(code)) out.push({ kind: 'code', map: code, list: codes!, theme });
  }
  return out;
}

function find(p: Parsed, id: string, kind?: Entry['kind']): Entry {
  const entry = entries(p).find((e) => idOf(e.map) === id);
  if (!entry) throw new CodebookEditError(`codebook.yaml has no ${kind ?? 'theme or code'} with id "${id}"; it may have been renamed or removed, so reload and try again`);
  if (kind && entry.kind !== kind) throw new CodebookEditError(`"${id}" is a ${entry.kind}, not a ${kind}`);
  return entry;
}

function checkNewId(p: Parsed, id: string): void {
  if (!CODEBOOK_ID.test(id)) throw new CodebookEditError(`"${id}" is not a valid id: use lower-case letters and digits, words joined by single hyphens (e.g. "data-support")`);
  if (entries(p).some((e) => idOf(e.map) === id)) throw new CodebookEditError(`id "${id}" is already used by a theme or code; ids must be unique across both, so choose another`);
}

function render(key: string, value: string): string {
  if (key === 'color') {
    if (!COLOR.test(value)) throw new CodebookEditError(`colour "${value}" is not "#rgb" or "#rrggbb"`);
    return doubleQuoted(value);
  }
  return yamlScalar(value);
}

function renderEntry(fields: Record<string, string | undefined>, style: ListStyle, eol: string): string {
  const lines = Object.entries(fields).filter((f): f is [string, string] => f[1] !== undefined);
  return lines.map(([k, v], i) => `${i === 0 ? `${' '.repeat(style.dash)}-${' '.repeat(style.key - style.dash - 1)}` : ' '.repeat(style.key)}${k}: ${render(k, v)}${eol}`).join('');
}

/** The lines of a list item: from its `-` line to its last line, with any deeper-indented comment lines that close it. */
function itemSpan(text: string, item: unknown): { from: number; to: number; dash: number } {
  const r = range(item);
  let from = lineStart(text, r.start);
  while (!/^ *-(?:[ \t]|\r?\n|$)/.test(lineAt(text, from))) {
    if (from === 0) throw new CodebookEditError('a list entry of codebook.yaml could not be located; fix it by hand first');
    from = lineStart(text, from - 1);
  }
  const dash = /^ */.exec(lineAt(text, from))![0].length;
  let to = nextLine(text, r.end);
  for (let m; (m = /^( *)#/.exec(lineAt(text, to))) && m[1].length > dash; ) to = nextLine(text, to + 1);
  return { from, to, dash };
}

const keyColumn = (text: string, map: YAMLMap) => column(text, range(map.items[0].key).start);

function styleOf(text: string, seq: YAMLSeq | undefined): ListStyle | undefined {
  const first = seq?.items.find((item) => isMap(item) && !item.flow && item.items.length > 0) as YAMLMap | undefined;
  if (!first) return undefined;
  const dash = itemSpan(text, first).dash;
  return { dash, key: Math.max(keyColumn(text, first), dash + 2) };
}

/** A theme's first codes copy how other themes lay theirs out relative to their `codes:` key. */
function codeStyleFor(p: Parsed, theme: YAMLMap): ListStyle {
  const col = keyColumn(p.text, theme);
  for (const e of entries(p)) {
    if (e.kind !== 'theme' || e.map.flow) continue;
    const { pair, seq } = listOf(e.map, 'codes');
    const s = styleOf(p.text, seq);
    if (!s || !pair) continue;
    const k = column(p.text, range(pair.key).start);
    if (s.dash >= k) return { dash: col + s.dash - k, key: col + s.key - k };
  }
  return { dash: col + 2, key: col + 4 };
}

/** Appends `body` (whole lines) as the last items of the list under `pair`. */
function appendTo(p: Parsed, key: string, pair: Pair, seq: YAMLSeq | undefined, body: string): string {
  const { text, eol } = p;
  if (!seq) return insertLines(text, nextLine(text, range(pair.key).end), body, eol);
  if (seq.flow) {
    if (seq.items.length > 0) throw flowList(key);
    // `key: []` becomes `key:` with the items below; a comment after the `[]` stays.
    const r = range(seq);
    const out = insertLines(text, nextLine(text, r.end), body, eol);
    return splice(out, r.start - (text[r.start - 1] === ' ' ? 1 : 0), r.end, '');
  }
  return insertLines(text, itemSpan(text, seq.items[seq.items.length - 1]).to, body, eol);
}

function appendCode(text: string, themeId: string, body: (style: ListStyle, eol: string) => string): string {
  const p = parse(text);
  const theme = find(p, themeId, 'theme').map;
  if (theme.flow) throw flowMap(themeId);
  const { pair, seq } = listOf(theme, 'codes');
  const lines = body(styleOf(text, seq) ?? codeStyleFor(p, theme), p.eol);
  if (pair) return checked(appendTo(p, 'codes', pair, seq, lines));
  const codesKey = `${' '.repeat(keyColumn(text, theme))}codes:${p.eol}`;
  return checked(insertLines(text, nextLine(text, range(theme).end), codesKey + lines, p.eol));
}

/** Removes a code's lines, and its theme's `codes:` line when that list is left empty and the line holds nothing else. */
function cut(p: Parsed, code: Entry): string {
  const { text } = p;
  if (code.list.flow) throw flowList('codes');
  const span = itemSpan(text, code.map);
  const out = removeLines(text, span.from, span.to);
  if (code.list.items.length > 1) return out;
  const key = range(pairOf(code.theme, 'codes')!.key);
  const from = lineStart(text, key.start);
  const to = nextLine(text, key.end);
  if (!/^ *codes:[ \t]*\r?\n?$/.test(text.slice(from, to)) || to > span.from) return out;
  return removeLines(out, from, Math.min(to, out.length));
}

/** A new id from a human name, unique against `taken`; always matches CODEBOOK_ID. */
export function codebookId(name: string, taken: ReadonlySet<string>): string {
  // Letters NFKD does not decompose into an ASCII base.
  const fold: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };
  const words = name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[ßæœøłđðþı]/g, (c) => fold[c]).split(/[^a-z0-9]+/).filter(Boolean);
  let base = '';
  for (const word of words) {
    const next = base ? `${base}-${word}` : word;
    if (next.length > MAX_ID && base) break;
    base = next.slice(0, MAX_ID);
  }
  base ||= 'code';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

/** Appends a theme at the end of `themes` (creating `themes:` if the file is empty or has no such key). */
export function addTheme(text: string, theme: NewTheme): string {
  const p = parse(text);
  checkNewId(p, theme.id);
  const { pair, seq } = p.root ? listOf(p.root, 'themes') : {};
  const lines = renderEntry({ id: theme.id, name: theme.name, description: theme.description }, styleOf(text, seq) ?? { dash: 2, key: 4 }, p.eol);
  if (pair) return checked(appendTo(p, 'themes', pair, seq, lines));
  if (p.root?.flow) throw new CodebookEditError('codebook.yaml is written as one { ... } mapping; write one key per line to let QualFrame edit it');
  return checked(insertLines(text, text.length, `themes:${p.eol}${lines}`, p.eol));
}

/** Appends a code as the last code of theme `themeId` (adding a `codes:` key to a theme that has none). */
export function addCode(text: string, themeId: string, code: NewCode): string {
  checkNewId(parse(text), code.id);
  const { id, name, description, include, exclude, example, color } = code;
  return appendCode(text, themeId, (style, eol) => renderEntry({ id, name, description, include, exclude, example, color }, style, eol));
}

/**
 * Sets fields of a theme or code (found by id); `undefined` removes the key's line(s); a missing
 * key is added as the entry's last key (before its `codes:` key when the entry is a theme that
 * has one). Only the touched values/lines change.
 */
export function setCodebookFields(text: string, id: string, fields: Partial<Record<CodeField, string | undefined>>): string {
  for (const [key, value] of Object.entries(fields)) {
    if (!FIELDS.includes(key)) throw new CodebookEditError(`"${key}" is not a field QualFrame can set (${FIELDS.join(', ')})`);
    if (value !== undefined) render(key, value);
  }
  find(parse(text), id);
  let out = text;
  for (const key of FIELDS) if (Object.hasOwn(fields, key)) out = setField(out, id, key, fields[key as CodeField]);
  return out === text ? text : checked(out);
}

function setField(text: string, id: string, key: string, value: string | undefined): string {
  const p = parse(text);
  const { kind, map } = find(p, id);
  const pair = pairOf(map, key);
  const line = (v: string) => `${key}: ${render(key, v)}${p.eol}`;
  if (pair && value !== undefined) {
    const k = range(pair.key);
    const v = range(pair.value);
    // `key:` with no value: the value goes right after the colon, before any comment.
    const colon = text.indexOf(':', k.end) + 1;
    if (v.start === v.end) return splice(text, colon, colon, ` ${render(key, value)}`);
    if (!text.slice(k.start, v.end).includes('\n')) return splice(text, v.start, v.end, render(key, value));
    if (map.flow) throw flowMap(id);
    return splice(text, k.start, nextLine(text, v.end), line(value));
  }
  if (value === undefined && !pair) return text;
  if (map.flow) throw flowMap(id);
  if (pair) {
    const k = range(pair.key);
    const from = lineStart(text, k.start);
    if (text.slice(from, k.start).trim() !== '') throw new CodebookEditError(`"${key}" of "${id}" is on the "- " line of its entry; put "id:" first to let QualFrame remove it`);
    return removeLines(text, from, nextLine(text, range(pair.value).end));
  }
  const codesAt = kind === 'theme' ? map.items.findIndex((it) => isScalar(it.key) && String(it.key.value) === 'codes') : -1;
  const before = codesAt > 0 ? map.items[codesAt - 1] : undefined;
  if (codesAt === 0) throw new CodebookEditError(`theme "${id}" starts with "codes:"; put "id:" first to let QualFrame edit it`);
  const at = nextLine(text, before ? range(before.value ?? before.key).end : range(map).end);
  return insertLines(text, at, ' '.repeat(keyColumn(text, map)) + line(value!), p.eol);
}

/** Changes the `id:` value of a theme or code; throws when newId is invalid or taken. */
export function renameCodebookId(text: string, oldId: string, newId: string): string {
  const p = parse(text);
  const { map } = find(p, oldId);
  if (newId === oldId) return text;
  checkNewId(p, newId);
  const v = range(pairOf(map, 'id')!.value);
  return checked(splice(text, v.start, v.end, yamlScalar(newId)));
}

/**
 * Moves a code's lines under another theme (as its last code), re-indented to fit there; its
 * own text, comments included, is otherwise kept. A source `codes:` list left empty loses its
 * `codes:` line (see `cut`). Moving a code to the theme it is in changes nothing.
 */
export function moveCode(text: string, codeId: string, toThemeId: string): string {
  const p = parse(text);
  const code = find(p, codeId, 'code');
  const target = find(p, toThemeId, 'theme');
  if (target.map === code.theme) return text;
  if (target.map.flow) throw flowMap(toThemeId);
  const span = itemSpan(text, code.map);
  const lines = text.slice(span.from, span.to) + (text.endsWith('\n') || span.to < text.length ? '' : p.eol);
  return appendCode(cut(p, code), toThemeId, (style) => reindent(lines, style.dash - span.dash));
}

function reindent(lines: string, delta: number): string {
  if (delta === 0) return lines;
  return lines.replace(/^( *)(?=[^\r\n])/gm, (lead) => (delta > 0 ? ' '.repeat(delta) + lead : lead.slice(Math.min(-delta, lead.length))));
}

/** Removes a code's lines (used when merging one code into another). */
export function removeCode(text: string, codeId: string): string {
  const p = parse(text);
  return checked(cut(p, find(p, codeId, 'code')));
}
