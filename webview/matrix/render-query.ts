/**
 * The queries beside the matrix: a table of counts (values of the grouping attribute by themes
 * or codes) or of code co-occurrence (codes by codes), as a `<table role="grid">` with a sticky
 * header row and column, a roving tabindex and the matrix's arrow keys; and the side pane
 * listing a selected cell's segments. Both tables are small (values × columns, codes × codes),
 * so they are drawn whole. Text from the corpus only ever goes in as text (`el`).
 */
import type { MatrixQuoteView } from '../../src/protocol';
import { el, setAttribute, setText, type Child } from '../common/dom';
import { gridMove, queryCellHeading, type QueryCellModel, type QueryTableModel } from './matrix-model';
import { listenForQuoteOpen, renderQuoteList } from './render-detail';

/** A cell by its indices in the table shown. */
export interface QueryPosition {
  readonly row: number;
  readonly col: number;
}

export interface QueryGridOptions {
  /** A cell was chosen: clicked, or Enter or Space on it. */
  readonly onSelect: (pos: QueryPosition) => void;
}

export class QueryGrid {
  /** The scroll container holding the table; main.ts places it. */
  readonly element: HTMLDivElement;

  private readonly table: HTMLTableElement;
  private readonly thead: HTMLTableSectionElement;
  private readonly tbody: HTMLTableSectionElement;
  private model: QueryTableModel | null = null;
  /** The cell the arrow keys move from (the roving tabindex). */
  private active: QueryPosition | undefined;
  private selected: QueryPosition | undefined;

  constructor(private readonly options: QueryGridOptions) {
    this.thead = el('thead');
    this.tbody = el('tbody');
    this.table = el('table', { className: 'query-table', attrs: { role: 'grid' } }, this.thead, this.tbody);
    this.element = el('div', { className: 'grid-scroll query-scroll' }, this.table);
    this.element.addEventListener('keydown', (event) => this.onKeyDown(event));
    this.tbody.addEventListener('click', (event) => {
      const pos = this.positionOf(event.target);
      if (!pos) return;
      this.active = pos;
      this.options.onSelect(pos);
    });
    this.tbody.addEventListener('focusin', (event) => {
      const pos = this.positionOf(event.target);
      if (pos) this.active = pos;
      this.applyMarks();
    });
  }

  /** Draws `model` (null: nothing), the cell at `selected` marked as selected. */
  show(model: QueryTableModel | null, selected: QueryPosition | undefined): void {
    const hadFocus = this.tbody.contains(document.activeElement);
    this.model = model;
    this.selected = selected;
    if (!model) {
      this.thead.replaceChildren();
      this.tbody.replaceChildren();
      this.table.hidden = true;
      return;
    }
    this.table.hidden = false;
    this.table.className = `query-table ${model.query}`;
    this.table.dataset.testid = model.query === 'counts' ? 'counts' : 'cooccurrence';
    setAttribute(this.table, 'aria-label', model.label);
    setAttribute(this.table, 'aria-rowcount', model.rows.length + 1);
    setAttribute(this.table, 'aria-colcount', model.columns.length + 1);
    this.thead.replaceChildren(el(
      'tr',
      {},
      el('th', { className: 'corner', text: model.corner }),
      ...model.columns.map((c) => el(
        'th',
        { testId: 'query-column', attrs: { scope: 'col', 'data-col': c.id, title: c.title } },
        el('span', { className: 'query-column-name', text: c.name }),
      )),
    ));
    this.tbody.replaceChildren(...model.rows.map((r, i) => el(
      'tr',
      { testId: 'query-row', attrs: { 'data-row': r.id } },
      el(
        'th',
        { attrs: { scope: 'row', title: r.title } },
        el('span', { className: 'query-row-name', testId: 'query-row-name', text: r.name }),
        ...(r.detail !== undefined ? [el('span', { className: 'query-row-detail muted', testId: 'query-row-detail', text: r.detail })] : []),
      ),
      ...model.columns.map((c, j) => cellElement(model.cells[i]?.[j], r.id, c.id, queryCellHeading(model, i, j))),
    )));
    // Clamp the active cell into the new table (or start at the first cell).
    const rows = model.rows.length;
    const cols = model.columns.length;
    this.active = selected ?? (this.active && this.active.row < rows && this.active.col < cols ? this.active : undefined);
    this.applyMarks();
    if (hadFocus) this.cellAt(this.active)?.focus({ preventScroll: true });
  }

  /** Marks the cell at `pos` as the selected one (and moves the roving tabindex there). */
  setSelected(pos: QueryPosition | undefined): void {
    this.selected = pos;
    if (pos) this.active = pos;
    this.applyMarks();
  }

  private cellAt(pos: QueryPosition | undefined): HTMLTableCellElement | undefined {
    if (!pos) return undefined;
    return this.tbody.rows[pos.row]?.cells[pos.col + 1];
  }

  private positionOf(target: EventTarget | null): QueryPosition | undefined {
    if (!(target instanceof Element)) return undefined;
    const cell = target.closest<HTMLTableCellElement>('td[data-testid="query-cell"]');
    if (!cell || !this.tbody.contains(cell)) return undefined;
    const row = (cell.parentElement as HTMLTableRowElement).sectionRowIndex;
    return { row, col: cell.cellIndex - 1 };
  }

  /** The roving tabindex (the active cell, or the first) and the selection. */
  private applyMarks(): void {
    for (const cell of this.tbody.querySelectorAll<HTMLElement>('td[tabindex="0"], td[aria-selected="true"]')) {
      cell.tabIndex = -1;
      setAttribute(cell, 'aria-selected', 'false');
    }
    const tabStop = this.cellAt(this.active) ?? this.cellAt({ row: 0, col: 0 });
    if (tabStop) tabStop.tabIndex = 0;
    const selected = this.cellAt(this.selected);
    if (selected) setAttribute(selected, 'aria-selected', 'true');
  }

  private onKeyDown(event: KeyboardEvent): void {
    const model = this.model;
    if (!model || model.rows.length === 0 || model.columns.length === 0 || event.altKey) return;
    if (!this.positionOf(event.target)) return;
    const { row, col } = this.active ?? { row: 0, col: 0 };
    const lastRow = model.rows.length - 1;
    const lastCol = model.columns.length - 1;
    const ctrl = event.ctrlKey || event.metaKey;
    const page = Math.max(1, Math.floor(this.element.clientHeight / Math.max(1, this.tbody.rows[0]?.offsetHeight ?? 1)) - 2);
    const move = gridMove(event.key, ctrl, { row, col }, { lastRow, lastCol, page });
    if (move === undefined) return;
    event.preventDefault();
    if (move === 'activate') this.options.onSelect({ row, col });
    else this.focus(move);
  }

  private focus(pos: QueryPosition): void {
    this.active = pos;
    this.applyMarks();
    const cell = this.cellAt(pos);
    if (!cell) return;
    this.reveal(cell);
    cell.focus({ preventScroll: true });
  }

  /** Scrolls `cell` into view clear of the sticky header row and column. */
  private reveal(cell: HTMLTableCellElement): void {
    const scroller = this.element;
    const row = cell.parentElement as HTMLTableRowElement;
    const stickyWidth = row.cells[0].offsetWidth;
    const stickyHeight = this.thead.offsetHeight;
    const left = this.table.offsetLeft + cell.offsetLeft;
    const right = left + cell.offsetWidth;
    const top = this.table.offsetTop + row.offsetTop;
    const bottom = top + row.offsetHeight;
    if (left - stickyWidth < scroller.scrollLeft) scroller.scrollLeft = left - stickyWidth;
    else if (right > scroller.scrollLeft + scroller.clientWidth) scroller.scrollLeft = right - scroller.clientWidth;
    if (top - stickyHeight < scroller.scrollTop) scroller.scrollTop = top - stickyHeight;
    else if (bottom > scroller.scrollTop + scroller.clientHeight) scroller.scrollTop = bottom - scroller.clientHeight;
  }
}

/** A cell: "C cases · S segments" for counts, the number of pairs (or own segments) for co-occurrence. */
function cellElement(cell: QueryCellModel | undefined, row: string, col: string, heading: string): HTMLTableCellElement {
  const count = cell?.count ?? 0;
  let content: Child[] = [];
  if (cell && cell.kind === 'count' && count > 0) {
    content = [
      el('span', { testId: 'cell-cases', text: String(cell.cases) }),
      cell.cases === 1 ? ' case · ' : ' cases · ',
      el('span', { testId: 'cell-segments', text: String(count) }),
      count === 1 ? ' segment' : ' segments',
    ];
  } else if (cell && cell.kind !== 'count' && count > 0) {
    content = [el('span', { testId: 'cell-count', text: String(count) })];
  }
  const td = el(
    'td',
    {
      className: `query-cell${cell?.kind === 'diagonal' ? ' diagonal' : ''}${count === 0 ? ' empty' : ''}`,
      testId: 'query-cell',
      attrs: { 'data-row': row, 'data-col': col, 'aria-selected': 'false', tabindex: -1, title: cell ? `${heading}\n${cell.description}` : heading },
    },
    ...content,
  );
  const density = cell?.density ?? 0;
  // CSSOM, not a style attribute: the page's CSP has no 'unsafe-inline' for styles.
  if (density > 0) td.style.setProperty('--density', density.toFixed(3));
  return td;
}

export interface QueryDetailOptions {
  /** Open a document at a segment. */
  readonly onOpen: (quote: { readonly file: string; readonly id: string }) => void;
}

/** The side pane of the queries: the selected cell in words, and its segments. */
export class QueryDetail {
  readonly element: HTMLElement;

  private readonly heading: HTMLHeadingElement;
  private readonly placeholder: HTMLParagraphElement;
  private readonly body: HTMLDivElement;
  private readonly description: HTMLParagraphElement;
  private readonly quoteCount: HTMLElementTagNameMap['vscode-badge'];
  private readonly quoteList: HTMLUListElement;
  /** What is drawn, to redraw (and so make the live region speak) only when it changes. */
  private signature = '';

  constructor(options: QueryDetailOptions) {
    this.heading = el('h2', { className: 'detail-heading', testId: 'query-detail-heading', text: 'Cell', attrs: { id: 'query-detail-heading' } });
    this.placeholder = el('p', { className: 'muted', testId: 'no-query-selection', text: 'Select a cell to read its segments here.' });
    this.description = el('p', { className: 'muted', testId: 'query-detail-description' });
    this.quoteCount = el('vscode-badge', { testId: 'quote-count', text: '0', attrs: { variant: 'counter' } });
    this.quoteList = el('ul', { className: 'quotes', testId: 'quotes' });
    this.body = el(
      'div',
      { className: 'detail-body', attrs: { hidden: true } },
      this.description,
      el('h3', { className: 'detail-subheading' }, 'Segments ', this.quoteCount),
      this.quoteList,
    );
    this.element = el(
      'aside',
      { className: 'cell-detail', testId: 'query-detail', attrs: { 'aria-live': 'polite', 'aria-labelledby': 'query-detail-heading' } },
      this.heading,
      this.placeholder,
      this.body,
    );
    listenForQuoteOpen(this.quoteList, options.onOpen);
  }

  /**
   * Shows the cell at `pos` of `table` (or the hint to select one) with its segments: `quotes`,
   * or undefined while they are on their way from the host.
   */
  show(table: QueryTableModel | null, pos: QueryPosition | undefined, quotes: readonly MatrixQuoteView[] | undefined): void {
    const cell = table && pos ? table.cells[pos.row]?.[pos.col] : undefined;
    if (!table || !pos || !cell) {
      if (this.signature === '') return;
      this.signature = '';
      setText(this.heading, 'Cell');
      this.placeholder.hidden = false;
      this.body.hidden = true;
      return;
    }
    const heading = queryCellHeading(table, pos.row, pos.col);
    const signature = JSON.stringify([heading, cell.description, quotes ?? null]);
    if (signature === this.signature) return;
    this.signature = signature;
    if (this.heading.textContent !== heading) setText(this.heading, heading);
    setText(this.description, cell.description);
    this.placeholder.hidden = true;
    this.body.hidden = false;
    // The segments listed: for a pair, both codes' segments (each once), so not the count of pairs.
    setText(this.quoteCount, quotes ? String(quotes.length) : cell.kind === 'pair' ? '…' : String(cell.count));
    const empty = cell.kind === 'pair' ? 'These codes do not overlap.' : cell.kind === 'diagonal' ? 'This code has no anchored segment.' : 'No segment here.';
    renderQuoteList(this.quoteList, quotes, empty);
  }
}
