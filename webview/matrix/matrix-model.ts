/**
 * The Framework Matrix panel's logic that needs no page: checking saved state, the columns
 * (themes, expanded to their codes), grouping rows by wave, filtering and sorting them,
 * shading and comparing summaries, and the tables of the queries beside the matrix. Kept free of the DOM (and of Node) so the unit tests run it
 * in plain Node, and so the renderer only draws what this decides.
 */
import type {
  MatrixCellKey,
  MatrixCellView,
  MatrixPanelState,
  MatrixPanelView,
  MatrixQueryKind,
  MatrixRowFilter,
  MatrixRowMatchView,
  MatrixRowView,
  MatrixSort,
  MatrixViewData,
  QueryCellKey,
  QueryResultMessage,
} from '../../src/protocol';

/** Case ids and attribute values in natural order (P2 before P10). */
const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

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

const NONE: ReadonlySet<string> = new Set();

/**
 * The grid's columns: each theme not `hidden`, followed, when it is in `expanded`, by a column per code. (A
 * theme is applied as a code of its own only when it has no codes: it has nothing to expand.)
 */
export function buildColumns(data: MatrixViewData, expanded: ReadonlySet<string>, hidden: ReadonlySet<string> = NONE): MatrixColumn[] {
  const columns: MatrixColumn[] = [];
  for (const theme of data.themes) {
    if (hidden.has(theme.id)) continue;
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
    && isRecord(value.attributes) && Object.values(value.attributes).every(isString)
    && isRecord(value.cells) && Object.values(value.cells).every(isCell);
}

/** Whether the row has `filter`'s value (no filter: every row). */
export function rowMatches(row: MatrixRowView, filter: MatrixRowFilter | undefined): boolean {
  return !filter || (Object.hasOwn(row.attributes, filter.attribute) && row.attributes[filter.attribute] === filter.value);
}

/** The values rows may be filtered by: per attribute offered, the values rows have, in natural order. */
export function rowFilterOptions(data: MatrixViewData): { readonly attribute: string; readonly values: readonly string[] }[] {
  return data.attributes.flatMap((attribute) => {
    const values = new Set<string>();
    for (const row of data.rows) if (Object.hasOwn(row.attributes, attribute)) values.add(row.attributes[attribute]);
    return values.size > 1 ? [{ attribute, values: [...values].sort((a, b) => collator.compare(a, b)) }] : [];
  });
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

function isQueryCellKey(value: unknown): value is QueryCellKey {
  return isRecord(value) && isString(value.row) && isString(value.col);
}

export const PANEL_VIEWS: readonly MatrixPanelView[] = ['matrix', 'counts', 'cooccurrence'];

/**
 * Checks state saved by an earlier load of the page before drawing it: it may come from an
 * older version of the panel (or be anything at all).
 */
export function isMatrixPanelState(state: unknown): state is MatrixPanelState {
  if (!isRecord(state) || state.version !== 2) return false;
  if (state.data !== null && !isMatrixViewData(state.data)) return false;
  if (state.root !== undefined && !isString(state.root)) return false;
  if (state.filter !== undefined && !isString(state.filter)) return false;
  if (state.expanded !== undefined && !(Array.isArray(state.expanded) && state.expanded.every(isString))) return false;
  if (state.sort !== undefined && !isSort(state.sort)) return false;
  if (state.hiddenThemes !== undefined && !(Array.isArray(state.hiddenThemes) && state.hiddenThemes.every(isString))) return false;
  if (state.rowFilter !== undefined && !(isRecord(state.rowFilter) && isString(state.rowFilter.attribute) && isString(state.rowFilter.value))) return false;
  if (state.view !== undefined && !(PANEL_VIEWS as readonly unknown[]).includes(state.view)) return false;
  if (state.countBy !== undefined && state.countBy !== 'theme' && state.countBy !== 'code') return false;
  if (state.countsSelected !== undefined && !isQueryCellKey(state.countsSelected)) return false;
  if (state.cooccurrenceSelected !== undefined && !isQueryCellKey(state.cooccurrenceSelected)) return false;
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
  rowFilter?: MatrixRowFilter,
): MatrixLayout {
  const filtering = filter.text.trim() !== '';
  const matches = new Map<string, readonly string[] | null>();
  if (filtering) for (const m of filter.rows) matches.set(`${m.case}\u0000${m.wave}`, m.themes);

  const groups = new Map<string, number[]>();
  data.rows.forEach((row, i) => {
    // Rows of another value are not part of this view at all (nor of its "n of m" counts).
    if (!rowMatches(row, rowFilter)) return;
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

// ---------------------------------------------------------------------------------------------
// The queries beside the matrix

/** A value of the grouping attribute as a counts row's header: the value, or "no role". */
export function valueLabel(attribute: string, value: string): string {
  return value === '' ? `no ${attribute}` : value;
}

/** A row or column of a query's table, by its identity (a value, a theme or code id). */
export interface QueryHeader {
  readonly id: string;
  readonly name: string;
  /** Shown under the name (a counts row: its number of cases). */
  readonly detail?: string;
  /** Its tooltip. */
  readonly title: string;
}

export interface QueryCellModel {
  /** `count`: a counts cell; `pair`: two codes; `diagonal`: one code's own segments. */
  readonly kind: 'count' | 'pair' | 'diagonal';
  /** Counts: the cases with segments here; otherwise 0. */
  readonly cases: number;
  /** Counts: the segments; co-occurrence: the overlapping pairs, or on the diagonal the code's segments. */
  readonly count: number;
  /** Documents holding them (co-occurrence); 0 for counts. */
  readonly documents: number;
  /** Shading, 0 to 1 (none on the diagonal). */
  readonly density: number;
  /** What the cell counts, in words (after its heading: the side pane's line, and with the heading its tooltip). */
  readonly description: string;
}

/** What a query's table draws: headers and cells, `cells[row][col]`. */
export interface QueryTableModel {
  readonly query: MatrixQueryKind;
  /** The grid's accessible name. */
  readonly label: string;
  /** The corner header. */
  readonly corner: string;
  /** A line above the table: what it counts. */
  readonly note: string;
  readonly rows: readonly QueryHeader[];
  readonly columns: readonly QueryHeader[];
  readonly cells: readonly (readonly QueryCellModel[])[];
}

/** The table of a query's answer. */
export function queryTable(result: QueryResultMessage): QueryTableModel {
  if (result.query === 'counts') {
    const { attribute } = result;
    const unit = result.by === 'theme' ? 'theme' : 'code';
    return {
      query: 'counts',
      label: `Counts: ${attribute} by ${unit}s, cases and segments`,
      corner: attribute,
      note: `Cases and segments coded with each ${unit}, by ${attribute}. Select a cell to list its segments.`,
      columns: result.columns.map((c) => ({ id: c.id, name: c.name, title: c.id === c.theme ? `${c.name} (${c.id})` : `${c.name} (${c.id}), theme ${c.theme}` })),
      rows: result.rows.map((r) => ({
        id: r.value,
        name: valueLabel(attribute, r.value),
        detail: plural(r.cases, 'case'),
        title: `${valueLabel(attribute, r.value)}: ${plural(r.cases, 'case')}, ${plural(r.documents, 'document')}`,
      })),
      cells: result.rows.map((r) => r.cells.map((c): QueryCellModel => {
        return {
          kind: 'count',
          cases: c.cases,
          count: c.segments,
          documents: 0,
          density: cellDensity(c.segments, result.maxSegments),
          description: c.segments === 0
            ? `No segment in ${plural(r.cases, 'case')}`
            : `${plural(c.segments, 'segment')} in ${c.cases} of ${plural(r.cases, 'case')}`,
        };
      })),
    };
  }
  const headers = result.codes.map((c) => ({ id: c.id, name: c.name, title: `${c.name} (${c.id}), theme ${c.theme}` }));
  // Each pair is counted twice, once either side of the diagonal.
  const pairs = result.counts.reduce((n, row, i) => n + row.reduce((m, count, j) => m + (i < j ? count : 0), 0), 0);
  return {
    query: 'cooccurrence',
    label: 'Code co-occurrence: overlapping segments of two codes',
    corner: 'Code',
    note: result.codes.length === 0
      ? 'No code has an anchored segment yet.'
      : `Segments of two codes that overlap in the same document: ${plural(pairs, 'overlapping pair')} in all. The diagonal holds each code’s own segments. Select a cell to list them.`,
    columns: headers,
    rows: headers,
    cells: result.codes.map((a, i) => result.codes.map((b, j): QueryCellModel => {
      const count = result.counts[i]?.[j] ?? 0;
      const documents = result.documents[i]?.[j] ?? 0;
      if (i === j) {
        return {
          kind: 'diagonal',
          cases: 0,
          count,
          documents,
          density: 0,
          description: `The code’s own ${plural(count, 'segment')}, in ${plural(documents, 'document')}`,
        };
      }
      return {
        kind: 'pair',
        cases: 0,
        count,
        documents,
        density: cellDensity(count, result.maxCount),
        description: count === 0
          ? `${a.name} and ${b.name} do not overlap`
          : `${plural(count, 'overlapping pair')} of segments, in ${plural(documents, 'document')}`,
      };
    })),
  };
}

/** Where a query's cell is in `table` now, or undefined if its row or column is gone. */
export function locateQueryCell(table: QueryTableModel, key: QueryCellKey | undefined): { readonly row: number; readonly col: number } | undefined {
  if (!key) return undefined;
  const row = table.rows.findIndex((r) => r.id === key.row);
  const col = table.columns.findIndex((c) => c.id === key.col);
  return row < 0 || col < 0 ? undefined : { row, col };
}

/** The side pane's heading for a query's cell: where it is, or which codes overlap. */
export function queryCellHeading(table: QueryTableModel, row: number, col: number): string {
  const r = table.rows[row];
  const c = table.columns[col];
  if (!r || !c) return '';
  if (table.query === 'counts') return `${r.name} · ${c.name}`;
  return row === col ? `${r.name}: its segments` : `${r.name} ∩ ${c.name}`;
}

// ---------------------------------------------------------------------------------------------
// Keyboard moves in a grid

/**
 * Where a key takes the active cell of a grid of `lastRow + 1` rows by `lastCol + 1` columns
 * (rows counted as shown): the arrows, Home and End (with Ctrl: the first or last cell), Page
 * Up and Down by `page` rows, clamped to the grid; `'activate'` for Enter and Space;
 * undefined for any other key.
 */
export function gridMove(
  key: string,
  ctrl: boolean,
  at: { readonly row: number; readonly col: number },
  size: { readonly lastRow: number; readonly lastCol: number; readonly page: number },
): { row: number; col: number } | 'activate' | undefined {
  const { row, col } = at;
  const { lastRow, lastCol, page } = size;
  let next: { row: number; col: number };
  switch (key) {
    case 'ArrowDown': next = { row: row + 1, col }; break;
    case 'ArrowUp': next = { row: row - 1, col }; break;
    case 'ArrowRight': next = { row, col: col + 1 }; break;
    case 'ArrowLeft': next = { row, col: col - 1 }; break;
    case 'Home': next = ctrl ? { row: 0, col: 0 } : { row, col: 0 }; break;
    case 'End': next = ctrl ? { row: lastRow, col: lastCol } : { row, col: lastCol }; break;
    case 'PageDown': next = { row: row + page, col }; break;
    case 'PageUp': next = { row: row - page, col }; break;
    case 'Enter':
    case ' ':
      return 'activate';
    default:
      return undefined;
  }
  return { row: clamp(next.row, 0, lastRow), col: clamp(next.col, 0, lastCol) };
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, n));
}
