/**
 * The Framework Matrix panel's logic that needs no page: checking saved state, filtering,
 * grouping rows by wave, shading and comparing summaries. Kept free of the DOM (and of Node)
 * so the unit tests run it in plain Node, and so the renderer only draws what this decides.
 */
import type { MatrixCellView, MatrixPanelState, MatrixRowView, MatrixViewData } from '../../src/protocol';

/** A cell by what survives a reload of the data: row indices and theme order may change. */
export interface CellKey {
  readonly case: string;
  readonly wave: string;
  readonly theme: string;
}

export function sameCell(a: CellKey | undefined, b: CellKey | undefined): boolean {
  return a !== undefined && b !== undefined && a.case === b.case && a.wave === b.wave && a.theme === b.theme;
}

/** One string per cell, for maps of drafts; NUL cannot occur in a case id, wave or theme id. */
export function cellKeyString(key: CellKey): string {
  return `${key.case}\u0000${key.wave}\u0000${key.theme}`;
}

const EMPTY_CELL: MatrixCellView = { quotes: [] };

/**
 * A row's cell of a theme. The host gives every theme a cell, but an own-property check keeps
 * a theme id such as `constructor` from reaching `Object.prototype`.
 */
export function cellOf(row: MatrixRowView, theme: string): MatrixCellView {
  return Object.hasOwn(row.cells, theme) ? row.cells[theme] : EMPTY_CELL;
}

/** Where `key` is in `data` now, or undefined if its row or theme is gone. */
export function locateCell(data: MatrixViewData, key: CellKey): { readonly row: number; readonly col: number } | undefined {
  const row = data.rows.findIndex((r) => r.case === key.case && r.wave === key.wave);
  const col = data.themes.findIndex((t) => t.id === key.theme);
  return row < 0 || col < 0 ? undefined : { row, col };
}

// ---------------------------------------------------------------------------------------------
// Saved state

function isString(value: unknown): value is string {
  return typeof value === 'string';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isQuote(value: unknown): boolean {
  return isRecord(value) && isString(value.file) && isString(value.id) && isString(value.code) && isString(value.quote)
    && typeof value.illustrative === 'boolean' && typeof value.anchored === 'boolean';
}

function isCell(value: unknown): boolean {
  return isRecord(value) && (value.summary === undefined || isString(value.summary)) && Array.isArray(value.quotes) && value.quotes.every(isQuote);
}

function isTheme(value: unknown): boolean {
  return isRecord(value) && isString(value.id) && isString(value.name) && Array.isArray(value.codes)
    && value.codes.every((c) => isRecord(c) && isString(c.id) && isString(c.name));
}

function isRow(value: unknown): boolean {
  return isRecord(value) && isString(value.case) && isString(value.wave) && Array.isArray(value.documents) && value.documents.every(isString)
    && isRecord(value.cells) && Object.values(value.cells).every(isCell);
}

/** The whole shape, cells included: drawing a malformed saved matrix would throw mid-page. */
export function isMatrixViewData(value: unknown): value is MatrixViewData {
  return isRecord(value) && isString(value.root) && isString(value.name) && isString(value.attribute)
    && Array.isArray(value.attributes) && value.attributes.every(isString)
    && Array.isArray(value.themes) && value.themes.every(isTheme)
    && Array.isArray(value.rows) && value.rows.every(isRow)
    && typeof value.maxSegments === 'number' && Number.isFinite(value.maxSegments) && typeof value.readOnly === 'boolean';
}

/**
 * Checks state saved by an earlier load of the page before drawing it: it may come from an
 * older version of the panel (or be anything at all).
 */
export function isMatrixPanelState(state: unknown): state is MatrixPanelState {
  if (!isRecord(state) || state.version !== 1) return false;
  if (state.data !== null && !isMatrixViewData(state.data)) return false;
  if (state.filter !== undefined && !isString(state.filter)) return false;
  const selected = state.selected;
  return selected === undefined || (isRecord(selected) && isString(selected.case) && isString(selected.wave) && isString(selected.theme));
}

// ---------------------------------------------------------------------------------------------
// Filtering and grouping

/** Lower-cased text of each row, computed once per matrix rather than once per keystroke. */
export interface SearchIndex {
  readonly rows: readonly { readonly case: string; readonly cells: readonly string[] }[];
}

// A separator no one types, so a filter never matches across a summary and a quote.
const SEPARATOR = '\u0000';

export function buildSearchIndex(data: MatrixViewData): SearchIndex {
  return {
    rows: data.rows.map((row) => ({
      case: row.case.toLowerCase(),
      cells: data.themes.map((theme) => {
        const cell = cellOf(row, theme.id);
        return [cell.summary ?? '', ...cell.quotes.map((q) => q.quote)].join(SEPARATOR).toLowerCase();
      }),
    })),
  };
}

/** The filter as matched: trimmed and lower-cased; `""` shows everything. */
export function normalizeFilter(filter: string): string {
  return filter.trim().toLowerCase();
}

export interface GroupItem {
  readonly kind: 'group';
  readonly wave: string;
  /** The group's rows (one per case). */
  readonly total: number;
  /** Of those, the rows the filter keeps. */
  readonly shown: number;
}

export interface RowItem {
  readonly kind: 'row';
  /** Index in `data.rows`. */
  readonly row: number;
  /** Per theme (in `data.themes` order), true where the cell does not match; null: none dimmed. */
  readonly dimmed: readonly boolean[] | null;
}

export type LayoutItem = GroupItem | RowItem;

/** What the grid shows, top to bottom: a group header per wave, then its matching rows. */
export interface MatrixLayout {
  readonly items: readonly LayoutItem[];
  /** The item index of each shown row, in display order: where the arrow keys go. */
  readonly rowItems: readonly number[];
  /** By `data.rows` index: its item index, or -1 when the filter hides it. */
  readonly itemOfRow: Int32Array;
  /** Rows the filter keeps (all rows when there is no filter). */
  readonly shownRows: number;
}

/**
 * Groups rows by wave, in the order waves first appear (the host sorts rows by wave, so this
 * keeps its order), and applies the filter: a row whose case id matches is kept whole; a row
 * with some matching cells is kept with the others dimmed; a row with no match is hidden, and
 * so is a group with no row left. `index` is called only when there is a filter: lower-casing
 * every quote of a large corpus is wasted on each update nobody filters.
 */
export function buildLayout(data: MatrixViewData, index: () => SearchIndex, filter: string): MatrixLayout {
  const needle = normalizeFilter(filter);
  const text = needle === '' ? undefined : index();
  const groups = new Map<string, number[]>();
  data.rows.forEach((row, i) => {
    const list = groups.get(row.wave);
    if (list) list.push(i);
    else groups.set(row.wave, [i]);
  });

  const items: LayoutItem[] = [];
  const rowItems: number[] = [];
  const itemOfRow = new Int32Array(data.rows.length).fill(-1);
  let shownRows = 0;
  for (const [wave, rows] of groups) {
    const kept: RowItem[] = [];
    for (const row of rows) {
      const item = matchRow(text?.rows[row], row, needle);
      if (item) kept.push(item);
    }
    if (kept.length === 0) continue;
    items.push({ kind: 'group', wave, total: rows.length, shown: kept.length });
    for (const item of kept) {
      itemOfRow[item.row] = items.length;
      rowItems.push(items.length);
      items.push(item);
    }
    shownRows += kept.length;
  }
  return { items, rowItems, itemOfRow, shownRows };
}

function matchRow(text: SearchIndex['rows'][number] | undefined, row: number, needle: string): RowItem | undefined {
  if (needle === '' || !text || text.case.includes(needle)) return { kind: 'row', row, dimmed: null };
  let any = false;
  const dimmed = text.cells.map((cell) => {
    const hit = cell.includes(needle);
    any ||= hit;
    return !hit;
  });
  return any ? { kind: 'row', row, dimmed } : undefined;
}

// ---------------------------------------------------------------------------------------------
// Drawing helpers

/** How strongly to shade a cell: its share of the busiest cell's segments, 0 to 1. */
export function cellDensity(segments: number, maxSegments: number): number {
  if (!(maxSegments > 0) || !(segments > 0)) return 0;
  return Math.min(1, segments / maxSegments);
}

/** A wave as people read it: "wave 2", or "no wave" for documents without the attribute. */
export function waveLabel(attribute: string, wave: string): string {
  return wave === '' ? `no ${attribute}` : `${attribute} ${wave}`;
}

/**
 * Whether two summaries say the same thing, ignoring what the host may change when it writes
 * one (line endings, trailing spaces, surrounding blank lines): after a save, the summary that
 * comes back then does not count as a change the person has yet to save.
 */
export function sameSummary(a: string, b: string): boolean {
  return normalizeSummary(a) === normalizeSummary(b);
}

function normalizeSummary(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/[ \t]+$/gm, '').trim();
}

/** "3 segments", "1 segment". */
export function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
