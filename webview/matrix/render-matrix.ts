/**
 * The matrix itself: a `<table role="grid">` of cases by themes, grouped by wave. A large
 * matrix is drawn only around what is scrolled into view, so a corpus of a thousand rows and
 * forty themes stays quick to scroll, filter and refresh (the host sends the whole matrix
 * after every change).
 *
 * Windowing: every row has the same height (CSS clamps the cells' text) and so has every
 * group header, both measured from the page, so each item's offset is known without laying it
 * out; the rows above and below the window are two spacer rows of that height. Rows are built
 * once per matrix-and-filter and reused while scrolling. All listeners sit on the scroller,
 * none on cells. Text from the corpus only ever goes in as text (`el`, `textContent`).
 */
import type { MatrixSort, MatrixViewData } from '../../src/protocol';
import { el, setAttribute } from '../common/dom';
import {
  ariaSort,
  cellDensity,
  cellOf,
  columnMax,
  columnSegments,
  DEFAULT_SORT,
  gridMove,
  keyOf,
  locateCell,
  plural,
  waveLabel,
  type CellKey,
  type GroupItem,
  type MatrixColumn,
  type MatrixLayout,
  type RowItem,
} from './matrix-model';

export interface MatrixGridOptions {
  /** A cell was chosen: clicked, or Enter or Space on it. */
  readonly onSelect: (key: CellKey) => void;
  /** A column's header was activated: sort by it (`theme` `""`: the case column). */
  readonly onSort: (column: { readonly theme: string; readonly code: string }) => void;
  /** A theme's expand button was activated: show or hide its codes as columns. */
  readonly onToggleTheme: (theme: string) => void;
}

/** A cell by its indices in the current `data.rows` and columns. */
interface Position {
  readonly row: number;
  readonly col: number;
}

/** How far beyond the visible area rows are drawn, so a short scroll shows no gap. */
const OVERSCAN_PX = 400;
/**
 * Up to this many cells, every row is drawn: windowing pays off only for large matrices, and a
 * small one drawn whole lets find-in-page and tests reach every cell without scrolling.
 */
const DRAW_ALL_CELLS = 2500;
/** Guesses until the first rows are measured (CSS sets the real heights). */
const DEFAULT_ROW_HEIGHT = 100;
const DEFAULT_GROUP_HEIGHT = 32;

export class MatrixGrid {
  /** The scroll container holding the table; main.ts places it. */
  readonly element: HTMLDivElement;

  private readonly table: HTMLTableElement;
  private readonly colgroup: HTMLTableColElement;
  private readonly headRow: HTMLTableRowElement;
  private readonly thead: HTMLTableSectionElement;
  private readonly tbody: HTMLTableSectionElement;
  private readonly topSpacer: HTMLTableRowElement;
  private readonly bottomSpacer: HTMLTableRowElement;

  private data: MatrixViewData | null = null;
  private columns: readonly MatrixColumn[] = [];
  private layout: MatrixLayout | null = null;
  private sort: MatrixSort = DEFAULT_SORT;
  /** What the header was built for (as JSON), to rebuild it only when that changes. */
  private headerSignature = '';

  /** `tops[i]`: item i's offset from the top of the body; `tops[items.length]`: the total. */
  private tops = new Float64Array(1);
  private rowHeight = DEFAULT_ROW_HEIGHT;
  private groupHeight = DEFAULT_GROUP_HEIGHT;
  private rowMeasured = false;
  private groupMeasured = false;

  /** The items drawn: [start, end). */
  private start = 0;
  private end = 0;
  /** Built rows by item index, valid for the current data and filter. */
  private readonly cache = new Map<number, HTMLTableRowElement>();

  /** The cell the arrow keys move from (the roving tabindex), kept by key across new data. */
  private active: CellKey | undefined;
  private selected: CellKey | undefined;
  /** Cells given tabindex 0 or aria-selected, to reset before marking others. */
  private readonly marked = new Set<HTMLElement>();
  private frame = 0;

  constructor(private readonly options: MatrixGridOptions) {
    this.colgroup = el('colgroup');
    this.headRow = el('tr', { attrs: { 'aria-rowindex': 1 } });
    this.thead = el('thead', {}, this.headRow);
    this.topSpacer = spacerRow();
    this.bottomSpacer = spacerRow();
    this.tbody = el('tbody', {}, this.topSpacer, this.bottomSpacer);
    this.table = el(
      'table',
      { className: 'matrix', testId: 'matrix', attrs: { role: 'grid', 'aria-label': 'Framework matrix: cases by themes' } },
      this.colgroup,
      this.thead,
      this.tbody,
    );
    // Focusable from script only: when scrolling removes the focused cell, focus moves here so
    // the arrow keys keep working from the active cell.
    this.element = el('div', { className: 'grid-scroll', attrs: { tabindex: -1 } }, this.table);

    this.element.addEventListener('scroll', () => this.schedule(), { passive: true });
    this.element.addEventListener('keydown', (event) => this.onKeyDown(event));
    this.tbody.addEventListener('click', (event) => this.onClick(event));
    this.tbody.addEventListener('focusin', (event) => this.onFocusIn(event));
    this.thead.addEventListener('click', (event) => this.onHeaderClick(event));
    // A resized panel shows more or fewer rows; a changed font or zoom changes their height.
    new ResizeObserver(() => {
      this.rowMeasured = false;
      this.groupMeasured = false;
      this.schedule();
    }).observe(this.element);
  }

  /** Draws `data` in `columns` as laid out (grouped, filtered, sorted) by `layout`; null clears the grid. */
  show(data: MatrixViewData | null, columns: readonly MatrixColumn[], layout: MatrixLayout | null, sort: MatrixSort): void {
    this.data = data;
    this.columns = data ? columns : [];
    this.layout = data ? layout : null;
    this.sort = sort;
    this.cache.clear();
    this.buildHeader();
    this.computeTops();
    this.start = this.end = 0;
    this.render(true);
  }

  /** Back to the first rows: after a new filter, the old offset means nothing. */
  scrollToTop(): void {
    this.element.scrollTop = 0;
  }

  /** Highlights `key`'s cell as the selected one (and moves the roving tabindex there). */
  setSelected(key: CellKey | undefined): void {
    this.selected = key;
    if (key) this.active = key;
    this.applyMarks();
  }

  // -------------------------------------------------------------------------------------------
  // Drawing

  private buildHeader(): void {
    const columns = this.columns;
    const themes = this.data?.themes ?? [];
    const signature = JSON.stringify([themes, columns, this.sort]);
    if (signature === this.headerSignature) return;
    this.headerSignature = signature;
    const expanded = new Set(columns.filter((c) => c.code !== '').map((c) => c.theme));
    this.colgroup.replaceChildren(
      el('col', { className: 'case-col' }),
      ...columns.map((c) => el('col', { className: c.code === '' ? 'theme-col' : 'code-col' })),
    );
    this.headRow.replaceChildren(
      // No `scope`: `th[scope="col"]` are the columns of counts alone (tests count them); a
      // <th> in <thead> is a column header all the same.
      el('th', { className: 'corner', attrs: { 'aria-sort': ariaSort(this.sort, { theme: '', code: '' }) } }, sortButton('Case', 'Sort by case', '', '')),
      ...columns.map((column) => {
        const sorted = ariaSort(this.sort, column);
        if (column.code !== '') {
          return el(
            'th',
            { className: 'code-head', testId: 'code', attrs: { scope: 'col', 'data-theme': column.theme, 'data-code': column.code, 'aria-sort': sorted, title: `${column.name} (${column.code})` } },
            sortButton(column.name, `Sort by segments of ${column.name}`, column.theme, column.code),
          );
        }
        const theme = themes.find((t) => t.id === column.theme);
        const codes = !theme || theme.codes.length === 0 ? 'No codes' : `Codes: ${theme.codes.map((c) => `${c.name} (${c.id})`).join(', ')}`;
        const isOpen = expanded.has(column.theme);
        return el(
          'th',
          { testId: 'theme', attrs: { scope: 'col', 'data-theme': column.theme, 'aria-sort': sorted, title: `${column.name}\n${codes}` } },
          el(
            'div',
            { className: 'theme-head' },
            sortButton(column.name, `Sort by segments of ${column.name}`, column.theme, ''),
            ...(column.expandable
              ? [el('button', {
                className: 'expand',
                testId: 'expand',
                text: isOpen ? '−' : '+',
                attrs: {
                  type: 'button',
                  'data-theme': column.theme,
                  'aria-expanded': isOpen ? 'true' : 'false',
                  'aria-label': `${isOpen ? 'Hide' : 'Show'} the codes of ${column.name}`,
                  title: `${isOpen ? 'Hide' : 'Show'} the codes of ${column.name} as columns`,
                },
              })]
              : []),
          ),
        );
      }),
    );
    // The table's width is the sum of fixed column widths (table-layout: fixed), so columns
    // keep their width whatever rows the window holds.
    this.table.style.setProperty('--themes', String(columns.filter((c) => c.code === '').length));
    this.table.style.setProperty('--codes', String(columns.filter((c) => c.code !== '').length));
    for (const spacer of [this.topSpacer, this.bottomSpacer]) setAttribute(spacer.cells[0], 'colspan', columns.length + 1);
  }

  private computeTops(): void {
    const items = this.layout?.items ?? [];
    const tops = new Float64Array(items.length + 1);
    for (let i = 0; i < items.length; i++) tops[i + 1] = tops[i] + (items[i].kind === 'row' ? this.rowHeight : this.groupHeight);
    this.tops = tops;
    setAttribute(this.table, 'aria-rowcount', items.length + 1);
  }

  private schedule(): void {
    if (this.frame !== 0) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.render(false);
    });
  }

  /**
   * Brings the drawn rows in line with the scroll position. Rows that stay are left in place,
   * so a focused cell keeps its focus while the window slides; `rebuild` redraws them all.
   */
  private render(rebuild: boolean): void {
    const hadFocus = this.tbody.contains(document.activeElement);
    const items = this.layout?.items ?? [];
    const { start, end } = this.visibleRange();
    const total = this.tops[items.length];
    this.topSpacer.style.setProperty('--spacer-height', `${this.tops[start]}px`);
    this.bottomSpacer.style.setProperty('--spacer-height', `${total - this.tops[end]}px`);

    if (rebuild || end <= this.start || start >= this.end) {
      const fragment = document.createDocumentFragment();
      for (let i = start; i < end; i++) fragment.append(this.rowElement(i));
      this.tbody.replaceChildren(this.topSpacer, fragment, this.bottomSpacer);
    } else if (start !== this.start || end !== this.end) {
      for (let i = this.start; i < start; i++) this.cache.get(i)?.remove();
      for (let i = end; i < this.end; i++) this.cache.get(i)?.remove();
      const before = document.createDocumentFragment();
      for (let i = start; i < this.start; i++) before.append(this.rowElement(i));
      this.topSpacer.after(before);
      const after = document.createDocumentFragment();
      for (let i = this.end; i < end; i++) after.append(this.rowElement(i));
      this.bottomSpacer.before(after);
    }
    const changed = rebuild || start !== this.start || end !== this.end;
    this.start = start;
    this.end = end;
    if (changed) {
      this.applyMarks();
      // Removing the focused cell's row dropped focus on <body>, where keys reach no one.
      if (hadFocus) this.restoreFocus();
    }
    if (this.measure()) this.render(false);
  }

  /** The items overlapping the visible area plus the overscan, as [start, end). */
  private visibleRange(): { start: number; end: number } {
    const count = this.layout?.items.length ?? 0;
    if (count === 0) return { start: 0, end: 0 };
    if (count * (this.columns.length + 1) <= DRAW_ALL_CELLS) return { start: 0, end: count };
    const headHeight = this.thead.offsetHeight;
    // A hidden panel has no height yet: draw a screenful rather than nothing.
    const viewHeight = this.element.clientHeight || 1000;
    const top = this.element.scrollTop - headHeight - OVERSCAN_PX;
    const bottom = this.element.scrollTop + viewHeight - headHeight + OVERSCAN_PX;
    const start = Math.max(0, this.itemAt(top));
    const end = Math.min(count, this.itemAt(bottom) + 1);
    return { start, end: Math.max(end, start) };
  }

  /** The item whose span holds offset `y` (clamped to the first and last). */
  private itemAt(y: number): number {
    let lo = 0;
    let hi = this.tops.length - 2;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.tops[mid] <= y) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /**
   * Takes the real heights of a drawn row and group header (CSS decides them: font, zoom) and
   * recomputes the offsets if a guess was wrong. True if they changed.
   */
  private measure(): boolean {
    if (this.rowMeasured && this.groupMeasured) return false;
    const items = this.layout?.items ?? [];
    let changed = false;
    for (let i = this.start; i < this.end && !(this.rowMeasured && this.groupMeasured); i++) {
      const isRow = items[i].kind === 'row';
      if (isRow ? this.rowMeasured : this.groupMeasured) continue;
      const height = this.cache.get(i)?.getBoundingClientRect().height ?? 0;
      if (height <= 0) continue; // not laid out (hidden panel): measure next time
      if (isRow) {
        this.rowMeasured = true;
        changed ||= Math.abs(height - this.rowHeight) > 0.01;
        this.rowHeight = height;
      } else {
        this.groupMeasured = true;
        changed ||= Math.abs(height - this.groupHeight) > 0.01;
        this.groupHeight = height;
      }
    }
    if (changed) this.computeTops();
    return changed;
  }

  private rowElement(index: number): HTMLTableRowElement {
    let row = this.cache.get(index);
    if (!row) {
      const item = this.layout!.items[index];
      row = item.kind === 'group' ? this.groupRow(item, index) : this.dataRow(item, index);
      this.cache.set(index, row);
    }
    return row;
  }

  private groupRow(item: GroupItem, index: number): HTMLTableRowElement {
    const data = this.data!;
    const filtered = item.shown !== item.total;
    return el(
      'tr',
      { className: 'group', testId: 'group', attrs: { 'data-wave': item.wave, 'aria-rowindex': index + 2 } },
      el(
        'th',
        { attrs: { colspan: this.columns.length + 1, role: 'rowheader' } },
        // The label sticks to the left edge so it stays in view when scrolled sideways.
        el(
          'span',
          { className: 'group-label' },
          el('span', { className: 'group-name', testId: 'group-name', text: waveLabel(data.attribute, item.wave) }),
          el('span', { className: 'group-count muted' }, el('span', { testId: 'group-count', text: String(item.shown) }), filtered ? ` of ${plural(item.total, 'case')}` : item.total === 1 ? ' case' : ' cases'),
        ),
      ),
    );
  }

  private dataRow(item: RowItem, index: number): HTMLTableRowElement {
    const data = this.data!;
    const row = data.rows[item.row];
    const header = el(
      'th',
      { testId: 'case', attrs: { scope: 'row', title: [row.case, ...row.documents].join('\n') } },
      el(
        'div',
        { className: 'case-box' },
        el('span', { className: 'case-id', text: row.case }),
        el('span', { className: 'documents', testId: 'documents', text: row.documents.join(', ') }),
      ),
    );
    const cells = this.columns.map((column, col) => {
      const segments = columnSegments(row, column);
      const summary = column.code === '' ? cellOf(row, column.theme).summary ?? '' : '';
      const dim = item.dimmed?.[col] === true;
      const className = `cell${column.code !== '' ? ' code-cell' : ''}${segments === 0 && summary === '' ? ' empty' : ''}${dim ? ' dim' : ''}`;
      const td = el(
        'td',
        {
          className,
          testId: 'cell',
          attrs: {
            'data-case': row.case,
            'data-wave': row.wave,
            'data-theme': column.theme,
            ...(column.code !== '' ? { 'data-code': column.code } : {}),
            'data-row': item.row,
            'data-col': col,
            'aria-selected': 'false',
            tabindex: -1,
          },
        },
        // Only what the cell has: an empty cell is an empty box. Plain spans rather than
        // vscode-badge: a window of rows holds over a thousand cells, and a custom element with a
        // shadow root each would make scrolling stutter.
        el(
          'div',
          { className: 'cell-box' },
          ...(segments > 0 ? [el('span', { className: 'count', testId: 'cell-count', text: String(segments), attrs: { title: plural(segments, 'segment') } })] : []),
          ...(summary !== '' ? [el('div', { className: 'cell-summary', testId: 'cell-summary', text: summary })] : []),
        ),
      );
      const density = cellDensity(segments, columnMax(data, column));
      // CSSOM, not a style attribute: the page's CSP has no 'unsafe-inline' for styles.
      if (density > 0) td.style.setProperty('--density', density.toFixed(3));
      return td;
    });
    return el('tr', { testId: 'row', attrs: { 'data-case': row.case, 'data-wave': row.wave, 'aria-rowindex': index + 2 } }, header, ...cells);
  }

  // -------------------------------------------------------------------------------------------
  // Focus and selection

  private position(key: CellKey | undefined): Position | undefined {
    return this.data && key ? locateCell(this.data, this.columns, key) : undefined;
  }

  private keyAt(pos: Position): CellKey {
    return keyOf(this.data!.rows[pos.row], this.columns[pos.col]);
  }

  /** The drawn `<td>` of a position, if its row is in the window. */
  private cellElement(pos: Position | undefined): HTMLElement | undefined {
    if (!pos || !this.layout) return undefined;
    const item = this.layout.itemOfRow[pos.row] ?? -1;
    if (item < this.start || item >= this.end) return undefined;
    return this.cache.get(item)?.cells[pos.col + 1];
  }

  /**
   * The roving tabindex and the selection. When the active cell is scrolled out of the window,
   * the first drawn cell takes tabindex 0 so Tab still reaches the grid.
   */
  private applyMarks(): void {
    for (const cell of this.marked) {
      cell.tabIndex = -1;
      setAttribute(cell, 'aria-selected', 'false');
    }
    this.marked.clear();
    const tabStop = this.cellElement(this.position(this.active)) ?? this.firstDrawnCell();
    if (tabStop) {
      tabStop.tabIndex = 0;
      this.marked.add(tabStop);
    }
    const selected = this.cellElement(this.position(this.selected));
    if (selected) {
      setAttribute(selected, 'aria-selected', 'true');
      this.marked.add(selected);
    }
  }

  private firstDrawnCell(): HTMLElement | undefined {
    const items = this.layout?.items ?? [];
    for (let i = this.start; i < this.end; i++) {
      if (items[i].kind === 'row') return this.cache.get(i)?.cells[1];
    }
    return undefined;
  }

  /** After a redraw replaced the focused cell: focus its successor, or the scroller. */
  private restoreFocus(): void {
    if (this.tbody.contains(document.activeElement)) return;
    const cell = this.cellElement(this.position(this.active));
    (cell ?? this.element).focus({ preventScroll: true });
  }

  /** Makes `pos` the active cell, scrolls it into view (clear of the sticky header and column) and focuses it. */
  private focusCell(pos: Position): void {
    this.active = this.keyAt(pos);
    const item = this.layout!.itemOfRow[pos.row];
    this.revealItem(item);
    this.render(false);
    const cell = this.cellElement(pos);
    if (cell) {
      this.revealColumn(cell);
      cell.focus({ preventScroll: true });
    }
    this.applyMarks();
  }

  private revealItem(item: number): void {
    const headHeight = this.thead.offsetHeight;
    const viewHeight = this.element.clientHeight - headHeight;
    const items = this.layout!.items;
    // Show the wave's header too when moving onto its first row, if both fit.
    const withGroup = item > 0 && items[item - 1].kind === 'group' ? item - 1 : item;
    const top = this.tops[item];
    const bottom = this.tops[item + 1];
    if (top < this.element.scrollTop) {
      this.element.scrollTop = bottom - this.tops[withGroup] <= viewHeight ? this.tops[withGroup] : top;
    } else if (bottom > this.element.scrollTop + viewHeight) {
      this.element.scrollTop = bottom - viewHeight;
    }
  }

  private revealColumn(cell: HTMLElement): void {
    const row = cell.parentElement as HTMLTableRowElement;
    const stickyWidth = row.cells[0].offsetWidth;
    const left = this.table.offsetLeft + cell.offsetLeft;
    const right = left + cell.offsetWidth;
    if (left - stickyWidth < this.element.scrollLeft) this.element.scrollLeft = left - stickyWidth;
    else if (right > this.element.scrollLeft + this.element.clientWidth) this.element.scrollLeft = right - this.element.clientWidth;
  }

  // -------------------------------------------------------------------------------------------
  // Events (delegated: none per cell)

  private cellFromEvent(event: Event): HTMLElement | undefined {
    const target = event.target;
    if (!(target instanceof Element)) return undefined;
    const cell = target.closest<HTMLElement>('td[data-testid="cell"]');
    return cell && this.tbody.contains(cell) ? cell : undefined;
  }

  private positionOf(cell: HTMLElement): Position | undefined {
    const row = Number(cell.dataset.row);
    const col = Number(cell.dataset.col);
    const data = this.data;
    if (!data || !Number.isInteger(row) || !Number.isInteger(col) || !data.rows[row] || !this.columns[col]) return undefined;
    return { row, col };
  }

  private onClick(event: MouseEvent): void {
    const cell = this.cellFromEvent(event);
    const pos = cell && this.positionOf(cell);
    if (!pos) return;
    this.active = this.keyAt(pos);
    this.options.onSelect(this.keyAt(pos));
  }

  private onHeaderClick(event: MouseEvent): void {
    const button = event.target instanceof Element ? event.target.closest<HTMLButtonElement>('button') : null;
    if (!button || !this.thead.contains(button)) return;
    const theme = button.dataset.theme ?? '';
    if (button.classList.contains('expand')) this.options.onToggleTheme(theme);
    else if (button.classList.contains('sort')) this.options.onSort({ theme, code: button.dataset.code ?? '' });
  }

  private onFocusIn(event: FocusEvent): void {
    const cell = this.cellFromEvent(event);
    const pos = cell && this.positionOf(cell);
    if (!pos) return;
    this.active = this.keyAt(pos);
    this.applyMarks();
  }

  private onKeyDown(event: KeyboardEvent): void {
    const layout = this.layout;
    const data = this.data;
    if (!layout || !data || layout.rowItems.length === 0 || this.columns.length === 0 || event.altKey) return;
    // Only from a cell or the scroller itself: keys typed elsewhere are not grid moves.
    if (event.target !== this.element && !this.cellFromEvent(event)) return;

    const current = this.position(this.active);
    const currentItem = current ? layout.itemOfRow[current.row] : -1;
    // The active cell may be hidden by the filter: start from the first shown row.
    const nav = currentItem >= 0 ? lowerBound(layout.rowItems, currentItem) : 0;
    const col = current?.col ?? 0;
    const lastRow = layout.rowItems.length - 1;
    const lastCol = this.columns.length - 1;
    const pageRows = Math.max(1, Math.floor((this.element.clientHeight - this.thead.offsetHeight) / this.rowHeight) - 1);
    const ctrl = event.ctrlKey || event.metaKey;

    const move = gridMove(event.key, ctrl, { row: nav, col }, { lastRow, lastCol, page: pageRows });
    if (move === undefined) return;
    event.preventDefault();
    if (move === 'activate') {
      const row = layout.items[layout.rowItems[nav]] as RowItem;
      const pos = { row: row.row, col: Math.min(col, lastCol) };
      this.focusCell(pos);
      this.options.onSelect(this.keyAt(pos));
      return;
    }
    const target = layout.items[layout.rowItems[move.row]] as RowItem;
    this.focusCell({ row: target.row, col: move.col });
  }
}

/** A column header's button: activating it sorts the rows by the column. */
function sortButton(label: string, title: string, theme: string, code: string): HTMLButtonElement {
  return el('button', {
    className: 'sort',
    testId: 'sort',
    attrs: { type: 'button', title, 'data-theme': theme, 'data-code': code },
  }, el('span', { className: code === '' && theme !== '' ? 'theme-name' : 'column-name', text: label }));
}

function spacerRow(): HTMLTableRowElement {
  return el('tr', { className: 'spacer', attrs: { 'aria-hidden': 'true' } }, el('td'));
}

/** The first index of sorted `list` whose value is ≥ `value`. */
function lowerBound(list: readonly number[], value: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
