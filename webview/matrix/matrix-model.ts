/**
 * The Framework Matrix panel's logic that needs no page: checking saved state, the columns
 * (themes, expanded to their codes), grouping rows by wave, filtering and sorting them,
 * shading and comparing summaries. Kept free of the DOM (and of Node) so the unit tests run it
 * in plain Node, and so the renderer only draws what this decides.
 */
import type { MatrixCellKey, MatrixCellView, MatrixPanelState, MatrixRowMatchView, MatrixRowView, MatrixSort, MatrixViewData } from '../../src/protocol';

/** A cell by what survives a reload of the data: row indices and column order may change. */
export type CellKey = MatrixCellKey;

export function sameCell(a: CellKey | undefined, b: CellKey | undefined): boolean {
  return a !== undefined && b !== undefined && a.case === b.case && a.wave === b.wave && a.theme === b.theme && a.code === b.code;
}

/** One string per cell, for maps of drafts and answers; NUL cannot occur in an id or wave. */
export function cellKeyString(key: CellKey): string {
  return `${key.case}\u0000${key.wave}\u0000${key.theme}\u0000${key.code}`;
}

const EMPTY_CELL: MatrixCellView = { segments: 0, codes: {} };

/**
 * A row's cell of a theme. The host gives every theme a cell, but an own-property check keeps
 * a theme id such as `constructor` from reaching `Object.prototype`.
 */
export function cellOf(row: MatrixRowView, theme: string): MatrixCellView {
  return Object.hasOwn(row.cells, theme) ? row.cells[theme] : EMPTY_CELL;
}

// ---------------------------------------------------------------------------------------------
// Columns

/** A column of the grid: a theme, or (when the theme is expanded) one of its codes. */
export interface MatrixColumn {
  readonly theme: string;
  /** `""` for the theme's own column. */
  readonly code: string;
  readonly name: string;
  /** For a theme: whether it has codes to expand to (a column per code). */
  readonly expandable: boolean;
}

function own(record: Readonly<Record<string, number>>, key: string): number {
  return Object.hasOwn(record, key) ? record[key] : 0;
}

/**
 * The grid's columns: each theme, followed, when it is in `expanded`, by a column per code. (A
 * theme is applied as a code of its own only when it has no codes: it has nothing to expand.)
 */
export function buildColumns(data: MatrixViewData, expanded: ReadonlySet<string>): MatrixColumn[] {
  const columns: MatrixColumn[] = [];
  for (const theme of data.themes) {
    columns.push({ theme: theme.id, code: '', name: theme.name, expandable: theme.codes.length > 0 });
    if (!expanded.has(theme.id)) continue;
    for (const code of theme.codes) columns.push({ theme: theme.id, code: code.id, name: code.name, expandable: false });
  }
  return columns;
}

/** The segments a column counts in a row: the theme's, or one code's. */
export function columnSegments(row: MatrixRowView, column: MatrixColumn): number {
  const cell = cellOf(row, column.theme);
  return column.code === '' ? cell.segments : own(cell.codes, column.code);
}

/** The most segments in one cell of the column, for shading it. */
export function columnMax(data: MatrixViewData, column: MatrixColumn): number {
  return column.code === '' ? data.maxSegments : own(data.maxCodeSegments, column.code);
}

export function keyOf(row: MatrixRowView, column: MatrixColumn): CellKey {
  return { case: row.case, wave: row.wave, theme: column.theme, code: column.code };
}

/** Where `key` is in `data` and `columns` now, or undefined if its row or column is gone. */
export function locateCell(data: MatrixViewData, columns: readonly MatrixColumn[], key: CellKey): { readonly row: number; readonly col: number } | undefined {
  const row = data.rows.findIndex((r) => r.case === key.case && r.wave === key.wave);
  const col = columns.findIndex((c) => c.theme === key.theme && c.code === key.code);
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

function isCount(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function isCounts(value: unknown): boolean {
  return isRecord(value) && Object.values(value).every(isCount);
}

function isCell(value: unknown): boolean {
  return isRecord(value) && (value.summary === undefined || isString(value.summary)) && isCount(value.segments) && isCounts(value.codes);
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
  return isRecord(value) && typeof value.version === 'number' && isString(value.root) && isString(value.name) && isString(value.attribute)
    && Array.isArray(value.attributes) && value.attributes.every(isString)
    && Array.isArray(value.themes) && value.themes.every(isTheme)
    && Array.isArray(value.rows) && value.rows.every(isRow)
    && isCount(value.maxSegments) && isCounts(value.maxCodeSegments) && typeof value.readOnly === 'boolean';
}

function isCellKey(value: unknown): boolean {
  return isRecord(value) && isString(value.case) && isString(value.wave) && isString(value.theme) && isString(value.code);
}

function isSort(value: unknown): value is MatrixSort {
  return isRecord(value) && isString(value.theme) && isString(value.code) && typeof value.descending === 'boolean';
}

/**
 * Checks state saved by an earlier load of the page before drawing it: it may come from an
 * older version of the panel (or be anything at all).
 */
export function isMatrixPanelState(state: unknown): state is MatrixPanelState {
  if (!isRecord(state) || state.version !== 2) return false;
  if (state.data !== null && !isMatrixViewData(state.data)) return false;
  if (state.filter !== undefined && !isString(state.filter)) return false;
  if (state.expanded !== undefined && !(Array.isArray(state.expanded) && state.expanded.every(isString))) return false;
  if (state.sort !== undefined && !isSort(state.sort)) return false;
  return state.selected === undefined || isCellKey(state.selected);
}

// ---------------------------------------------------------------------------------------------
// Filtering, sorting and grouping

/** The rows the host's search kept (see src/core/matrix/matrix-search.ts), for one filter text. */
export interface FilterResult {
  /** The text searched; `""`: no filter. */
  readonly text: string;
  readonly rows: readonly MatrixRowMatchView[];
}

export const NO_FILTER: FilterResult = { text: '', rows: [] };

/** The case column, ascending: the host's order. */
export const DEFAULT_SORT: MatrixSort = { theme: '', code: '', descending: false };

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
  /** Per column, true where the cell does not match; null: none dimmed. */
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

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/**
 * Groups rows by wave, in the order waves first appear (the host sorts rows by wave, so this
 * keeps its order), sorts each group's rows by `sort` (ties keep the host's case order), and
 * applies the filter: a row whose case id matched is kept whole; a row with some matching
 * cells is kept with the others dimmed; a row the search did not keep is hidden, and so is a
 * group with no row left. While the answer for newly typed text is on its way, the panel
 * passes the last answer, so the rows do not flicker.
 */
export function buildLayout(
  data: MatrixViewData,
  columns: readonly MatrixColumn[],
  filter: FilterResult,
  sort: MatrixSort = DEFAULT_SORT,
): MatrixLayout {
  const filtering = filter.text.trim() !== '';
  const matches = new Map<string, readonly string[] | null>();
  if (filtering) for (const m of filter.rows) matches.set(`${m.case}\u0000${m.wave}`, m.themes);

  const groups = new Map<string, number[]>();
  data.rows.forEach((row, i) => {
    const list = groups.get(row.wave);
    if (list) list.push(i);
    else groups.set(row.wave, [i]);
  });
  const sortColumn = sort.theme === '' ? undefined : columns.find((c) => c.theme === sort.theme && c.code === sort.code);
  const direction = sort.descending ? -1 : 1;
  const order = (a: number, b: number): number => {
    if (sortColumn) {
      const diff = columnSegments(data.rows[a], sortColumn) - columnSegments(data.rows[b], sortColumn);
      return diff !== 0 ? diff * direction : a - b;
    }
    return (collator.compare(data.rows[a].case, data.rows[b].case) || a - b) * direction;
  };

  const items: LayoutItem[] = [];
  const rowItems: number[] = [];
  const itemOfRow = new Int32Array(data.rows.length).fill(-1);
  let shownRows = 0;
  for (const [wave, rows] of groups) {
    const kept: RowItem[] = [];
    for (const row of rows) {
      const r = data.rows[row];
      if (!filtering) {
        kept.push({ kind: 'row', row, dimmed: null });
        continue;
      }
      const key = `${r.case}\u0000${r.wave}`;
      if (!matches.has(key)) continue;
      const themes = matches.get(key);
      kept.push({ kind: 'row', row, dimmed: themes ? columns.map((c) => !themes.includes(c.theme)) : null });
    }
    if (kept.length === 0) continue;
    if (sortColumn || sort.descending) kept.sort((a, b) => order(a.row, b.row));
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

/**
 * The next order when a column's header is activated: a count column sorts most-coded first,
 * then fewest first, then back to case order; the case column flips between A–Z and Z–A.
 */
export function nextSort(current: MatrixSort, column: { theme: string; code: string }): MatrixSort {
  const same = current.theme === column.theme && current.code === column.code;
  if (column.theme === '') return { ...DEFAULT_SORT, descending: same ? !current.descending : false };
  if (!same) return { theme: column.theme, code: column.code, descending: true };
  return current.descending ? { ...current, descending: false } : DEFAULT_SORT;
}

/** How a column is sorted, for its header's `aria-sort`. */
export function ariaSort(sort: MatrixSort, column: { theme: string; code: string }): 'ascending' | 'descending' | 'none' {
  if (sort.theme !== column.theme || sort.code !== column.code) return 'none';
  return sort.descending ? 'descending' : 'ascending';
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
