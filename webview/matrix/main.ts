/**
 * The Framework Matrix panel: cases by themes (expandable to their codes), grouped by wave,
 * each cell the case's summary of the theme and its number of coded segments. Redrawn whenever
 * the host sends the matrix (after every change); the selected cell, the filter, the sort, the
 * expanded themes and any summary being typed survive that. The host answers what the compact
 * matrix leaves out: the selected cell's quotes, and which rows a filter keeps.
 *
 * Beside the matrix, two more views (tabs): the same coding counted by value of the grouping
 * attribute (cases and segments per theme or code), and code co-occurrence (codes by codes,
 * overlapping pairs of segments). The host computes both for the matrix shown and sends the
 * counts; a selected cell's segments come on request, as the matrix's quotes do.
 */
import '@vscode-elements/elements/dist/vscode-badge/index.js';
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-progress-ring/index.js';
import '@vscode-elements/elements/dist/vscode-textarea/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import '../common/base.css';
import './matrix.css';
import type {
  CoOccurrenceResultMessage,
  CountsResultMessage,
  MatrixMessage,
  MatrixPanelState,
  MatrixPanelView,
  MatrixQueryBy,
  MatrixQueryKind,
  MatrixQuoteView,
  MatrixRowFilter,
  MatrixSort,
  MatrixToWebviewMessage,
  MatrixViewData,
  QueryCellKey,
  QueryResultMessage,
  QuerySegmentsMessage,
} from '../../src/protocol';
import { el, replaceContent, setAttribute, setText } from '../common/dom';
import { connectToHost } from '../common/vscode-api';
import {
  buildColumns,
  buildLayout,
  DEFAULT_SORT,
  isMatrixPanelState,
  locateCell,
  locateQueryCell,
  nextSort,
  NO_FILTER,
  PANEL_VIEWS,
  queryTable,
  rowFilterOptions,
  sameCell,
  type CellKey,
  type FilterResult,
  type MatrixColumn,
  type QueryTableModel,
} from './matrix-model';
import { CellDetail, type CellSegments } from './render-detail';
import { MatrixGrid } from './render-matrix';
import { QueryDetail, QueryGrid, type QueryPosition } from './render-query';

const root = document.getElementById('root');
if (!root) throw new Error('matrix: no #root element');

/**
 * State is saved after this pause, not at once: it holds the whole matrix (megabytes for a
 * large corpus), and the host may send several in a row, or the person type a filter.
 */
const SAVE_STATE_DELAY_MS = 250;

let data: MatrixViewData | null = null;
let loading = true;
let filterText = '';
/** The host's answer for the filter (for the text it names: while typing, the last answer). */
let filterResult: FilterResult = NO_FILTER;
let selected: CellKey | undefined;
/** The selected cell's segments as the host sent them for the matrix shown; undefined while asked. */
/** The selected cell's segments and its summary's citations, once the host has sent them. */
let quotes: CellSegments | undefined;
let expanded = new Set<string>();
/** Themes whose columns the person hid, and the attribute value rows are narrowed to. */
let hiddenThemes = new Set<string>();
let rowFilter: MatrixRowFilter | undefined;
let sort: MatrixSort = DEFAULT_SORT;
let columns: MatrixColumn[] = [];
/** Whether the filter hides every row (the note says so, in the matrix's view). */
let nothingMatches = false;

/** The view shown: the matrix, or one of the queries beside it. */
let view: MatrixPanelView = 'matrix';
/** The counts' columns. */
let countBy: MatrixQueryBy = 'theme';
/** The host's last answer per query (shown while a newer one is asked for). */
const results: { counts?: CountsResultMessage; cooccurrence?: CoOccurrenceResultMessage } = {};
/** Each query's selected cell, by identity (survives new answers). */
const querySelected: { counts?: QueryCellKey; cooccurrence?: QueryCellKey } = {};
/** Each query's selected cell's segments, as last received, with the cell they belong to. */
const queryQuotes: { [K in MatrixQueryKind]?: { readonly by: MatrixQueryBy; readonly key: QueryCellKey; readonly quotes: readonly MatrixQuoteView[] } } = {};
/** The requests last sent, not to send one twice: the query's, and each query's segments'. */
let askedQuery = '';
const askedSegments: { [K in MatrixQueryKind]?: string } = {};
/** The table of the query shown. */
let queryModel: QueryTableModel | null = null;

const VIEW_NAMES: Readonly<Record<MatrixPanelView, string>> = { matrix: 'Matrix', counts: 'Counts', cooccurrence: 'Co-occurrence' };

const title = el('h1', { testId: 'title', text: 'Framework Matrix' });
const filter = el('vscode-textfield', {
  className: 'filter',
  testId: 'filter',
  attrs: { type: 'search', placeholder: 'Filter by case, summary or quote' },
});
// The inner input's aria-label: a property only (the component ignores a `label` attribute).
filter.label = 'Filter by case, summary or quote';
// A native select: fully keyboard-accessible and themed by base.css, no component needed.
const groupBy = el('select', { className: 'group-by', testId: 'group-by', attrs: { 'aria-label': 'Group rows by' } });
const groupByLabel = el('label', { className: 'group-by-label' }, 'Rows by ', groupBy);
// Narrow the rows to one value of an attribute (role: GP), or hide themes' columns.
const rowFilterSelect = el('select', { className: 'row-filter', testId: 'row-filter', attrs: { 'aria-label': 'Show the rows of' } });
const rowFilterLabel = el('label', { className: 'group-by-label' }, 'Show ', rowFilterSelect);
const themesSummary = el('summary', { testId: 'themes-summary', text: 'Themes' });
const themesList = el('div', { className: 'themes-list', attrs: { role: 'group', 'aria-label': 'Themes shown as columns' } });
const themesMenu = el('details', { className: 'themes-menu', testId: 'themes-menu' }, themesSummary, themesList);
const countBySelect = el(
  'select',
  { className: 'group-by', testId: 'count-by', attrs: { 'aria-label': 'Count columns' } },
  el('option', { text: 'Themes', attrs: { value: 'theme' } }),
  el('option', { text: 'Codes', attrs: { value: 'code' } }),
);
const countByLabel = el('label', { className: 'group-by-label' }, 'Columns ', countBySelect);
// The views as tabs: one tab stop, arrow keys between tabs (activating them), one panel.
const tabs = PANEL_VIEWS.map((v) => el('button', {
  className: 'view-tab',
  testId: 'view-tab',
  text: VIEW_NAMES[v],
  attrs: { type: 'button', role: 'tab', id: `view-tab-${v}`, 'data-view': v, 'aria-controls': 'view-panel', 'aria-selected': 'false', tabindex: -1 },
}));
const tablist = el('div', { className: 'view-tabs', attrs: { role: 'tablist', 'aria-label': 'View' } }, ...tabs);
const refresh = el('vscode-button', { testId: 'refresh', text: 'Refresh', attrs: { secondary: true } });
const exportButton = el('vscode-button', {
  testId: 'export',
  text: 'Export…',
  attrs: { secondary: true, title: 'Export this matrix (its grouping) to Markdown or CSV' },
});
const ring = el('vscode-progress-ring', { attrs: { 'aria-hidden': 'true' } });
const statusText = el('span');
const status = el('p', { className: 'status', testId: 'status', attrs: { role: 'status' } }, ring, statusText);
const noMatch = el('p', { className: 'muted no-match', testId: 'no-match', attrs: { hidden: true } });

const grid = new MatrixGrid({
  onSelect: select,
  onSort: (column) => {
    sort = nextSort(sort, column);
    relayout();
    saveStateSoon();
  },
  onToggleTheme: (theme) => {
    if (expanded.has(theme)) expanded.delete(theme);
    else expanded.add(theme);
    expanded = new Set(expanded);
    // Hiding a theme's codes hides their cells: the selection moves to the theme's own cell.
    if (selected && selected.theme === theme && selected.code !== '' && !expanded.has(theme)) select({ ...selected, code: '' });
    // A sort by a hidden code's column goes back to case order.
    if (sort.code !== '' && !expanded.has(sort.theme)) sort = DEFAULT_SORT;
    relayout();
    saveStateSoon();
  },
});
const detail = new CellDetail({
  onSave: (key, summary) => {
    if (data) host.post({ type: 'saveSummary', root: data.root, case: key.case, theme: key.theme, summary });
  },
  onOpen: ({ file, id }) => {
    if (data) host.post({ type: 'openSegment', root: data.root, file, id });
  },
});
const queryGrid = new QueryGrid({ onSelect: selectQueryCell });
const queryDetail = new QueryDetail({
  onOpen: ({ file, id }) => {
    if (data) host.post({ type: 'openSegment', root: data.root, file, id });
  },
});
const queryNote = el('p', { className: 'muted query-note', testId: 'query-note' });
const queryView = el('div', { className: 'query-view', attrs: { hidden: true } }, queryNote, queryGrid.element);
queryDetail.element.hidden = true;
const layout = el(
  'div',
  { className: 'matrix-layout', attrs: { id: 'view-panel', role: 'tabpanel', 'aria-labelledby': 'view-tab-matrix' } },
  grid.element,
  queryView,
  detail.element,
  queryDetail.element,
);

replaceContent(
  root,
  el('header', { className: 'toolbar' }, title, tablist, el('div', { className: 'actions' }, groupByLabel, rowFilterLabel, themesMenu, countByLabel, filter, exportButton, refresh)),
  status,
  noMatch,
  layout,
);
root.setAttribute('aria-busy', 'false');

const host = connectToHost<MatrixToWebviewMessage, MatrixPanelState>({
  accepts: ['matrix', 'quotes', 'searchResult', 'queryResult', 'querySegments'],
  isState: isMatrixPanelState,
  onMessage: (message) => {
    switch (message.type) {
      case 'matrix':
        show(message);
        // The corpus shown is what a window reload restores the panel on: keep it at once.
        if (message.data && message.data.root !== shownRoot) saveStateNow();
        else saveStateSoon();
        return;
      case 'quotes':
        // Only the answer for the cell selected now, read from the matrix shown.
        if (!data || message.version !== data.version || !sameCell(message.key, selected)) return;
        quotes = { quotes: message.quotes ?? [], cited: message.cited ?? [] };
        detail.show(data, selected, quotes);
        return;
      case 'searchResult':
        if (message.text !== filterText) return;
        filterResult = { text: message.text, rows: message.rows };
        relayout();
        return;
      case 'queryResult':
        receiveQuery(message);
        return;
      case 'querySegments':
        receiveQuerySegments(message);
        return;
    }
  },
});

refresh.addEventListener('click', () => host.post({ type: 'refresh' }));
exportButton.addEventListener('click', () => {
  if (data) host.post({ type: 'exportMatrix', root: data.root });
});
groupBy.addEventListener('change', () => {
  // Rows change identity with the grouping: the selection would point at a row that is gone.
  selected = undefined;
  querySelected.counts = undefined;
  host.post({ type: 'setGrouping', attribute: groupBy.value });
});
countBySelect.addEventListener('change', () => {
  countBy = countBySelect.value === 'code' ? 'code' : 'theme';
  // Themes and codes are other columns: the selection would point at one that is gone.
  querySelected.counts = undefined;
  drawQuery();
  askQuery();
  saveStateSoon();
});
tablist.addEventListener('click', (event) => {
  const tab = event.target instanceof Element ? event.target.closest<HTMLElement>('[role="tab"]') : null;
  const next = PANEL_VIEWS.find((v) => v === tab?.dataset.view);
  if (next) setView(next);
});
tablist.addEventListener('keydown', (event) => {
  const at = tabs.findIndex((t) => t === event.target);
  if (at < 0 || event.altKey || event.ctrlKey || event.metaKey) return;
  let next: number;
  switch (event.key) {
    case 'ArrowRight': next = (at + 1) % tabs.length; break;
    case 'ArrowLeft': next = (at - 1 + tabs.length) % tabs.length; break;
    case 'Home': next = 0; break;
    case 'End': next = tabs.length - 1; break;
    default: return;
  }
  event.preventDefault();
  setView(PANEL_VIEWS[next]);
  tabs[next].focus();
});

/** The grouping picker's options: the attributes offered, the current one chosen. */
function showGrouping(matrix: MatrixViewData | null): void {
  if (!matrix) return;
  const options = matrix.attributes.map((a) => el('option', { text: a, attrs: { value: a } }));
  replaceContent(groupBy, ...options);
  groupBy.value = matrix.attribute;
  showRowFilter(matrix);
  showThemesMenu(matrix);
}

/**
 * The "Show" picker: every case, or the rows of one value of an attribute (grouped by
 * attribute). A filter whose value no row has any more (recoded, regrouped) is dropped.
 */
function showRowFilter(matrix: MatrixViewData): void {
  const groups = rowFilterOptions(matrix);
  if (rowFilter && !groups.some((g) => g.attribute === rowFilter!.attribute && g.values.includes(rowFilter!.value))) rowFilter = undefined;
  replaceContent(
    rowFilterSelect,
    el('option', { text: 'All cases', attrs: { value: '' } }),
    ...groups.map((g) => el('optgroup', { attrs: { label: g.attribute } }, ...g.values.map((v) => el('option', { text: `${g.attribute}: ${v}`, attrs: { value: JSON.stringify([g.attribute, v]) } })))),
  );
  rowFilterSelect.value = rowFilter ? JSON.stringify([rowFilter.attribute, rowFilter.value]) : '';
}

/** The "Themes" menu: a checkbox per theme, checked when its column is shown. */
function showThemesMenu(matrix: MatrixViewData): void {
  for (const id of [...hiddenThemes]) if (!matrix.themes.some((t) => t.id === id)) hiddenThemes.delete(id);
  const shown = matrix.themes.length - hiddenThemes.size;
  setText(themesSummary, hiddenThemes.size === 0 ? 'Themes' : `Themes (${shown} of ${matrix.themes.length})`);
  replaceContent(
    themesList,
    ...matrix.themes.map((t) => el(
      'label',
      { className: 'theme-toggle' },
      el('input', { testId: 'theme-toggle', attrs: { type: 'checkbox', 'data-theme': t.id, ...(hiddenThemes.has(t.id) ? {} : { checked: true }) } }),
      ` ${t.name}`,
    )),
  );
}

rowFilterSelect.addEventListener('change', () => {
  const value = rowFilterSelect.value;
  const parsed: unknown = value === '' ? undefined : JSON.parse(value);
  rowFilter = Array.isArray(parsed) && typeof parsed[0] === 'string' && typeof parsed[1] === 'string' ? { attribute: parsed[0], value: parsed[1] } : undefined;
  grid.scrollToTop();
  relayout();
  saveStateSoon();
});

themesList.addEventListener('change', (event) => {
  const box = event.target instanceof HTMLInputElement ? event.target : null;
  const theme = box?.dataset.theme;
  if (!box || theme === undefined || !data) return;
  if (box.checked) hiddenThemes.delete(theme);
  else hiddenThemes.add(theme);
  hiddenThemes = new Set(hiddenThemes);
  // A hidden theme's cells cannot stay selected, nor its column sort the rows.
  if (selected?.theme === theme && hiddenThemes.has(theme)) {
    selected = undefined;
    detail.show(data, undefined, undefined);
  }
  if (sort.theme === theme && hiddenThemes.has(theme)) sort = DEFAULT_SORT;
  showThemesMenu(data);
  // The list was redrawn: keep the keyboard on the same checkbox.
  themesList.querySelector<HTMLInputElement>(`input[data-theme="${CSS.escape(theme)}"]`)?.focus();
  relayout();
  saveStateSoon();
});

// Typing fires faster than frames: filter once per frame with the latest text.
let filterFrame = 0;
filter.addEventListener('input', () => {
  if (filterFrame !== 0) return;
  filterFrame = requestAnimationFrame(() => {
    filterFrame = 0;
    if (filter.value === filterText) return;
    filterText = filter.value;
    grid.scrollToTop();
    askFilter();
    relayout();
    saveStateSoon();
  });
});

function show(message: MatrixMessage): void {
  const newVersion = message.data?.version !== data?.version;
  if (data && message.data && data.root !== message.data.root) {
    // Another corpus: nothing of this one's view applies there.
    selected = undefined;
    expanded = new Set();
    sort = DEFAULT_SORT;
    rowFilter = undefined;
    hiddenThemes = new Set();
    delete results.counts;
    delete results.cooccurrence;
    querySelected.counts = querySelected.cooccurrence = undefined;
    delete queryQuotes.counts;
    delete queryQuotes.cooccurrence;
  }
  data = message.data;
  loading = message.loading;
  columns = data ? buildColumns(data, expanded, hiddenThemes) : [];
  // A cell whose row or column is gone (recoded, renamed) can no longer be selected.
  // (While no matrix is shown, as during a reload, the selection waits for the next one.)
  if (selected && data && !locateCell(data, columns, selected)) selected = undefined;
  if (newVersion && data) {
    // Answers about the previous matrix may be stale: ask again (keeping them shown meanwhile).
    if (filterText.trim() !== '') askFilter();
    if (selected) askQuotes(selected);
    askQuery();
  }

  setText(title, data ? `Framework Matrix — ${data.name}` : 'Framework Matrix');
  showGrouping(data);
  showView();
  showStatus();
  layout.hidden = data === null;
  setAttribute(layout, 'aria-busy', loading ? 'true' : 'false');
  relayout();
  grid.setSelected(selected);
  detail.show(data, selected, quotes);
}

function askFilter(): void {
  if (filterText.trim() === '') {
    filterResult = NO_FILTER;
    return;
  }
  if (data) host.post({ type: 'search', root: data.root, text: filterText });
}

function askQuotes(key: CellKey): void {
  if (data) host.post({ type: 'requestQuotes', root: data.root, ...key });
}

function showStatus(): void {
  let text = '';
  if (loading) text = data ? 'Reloading the corpus…' : 'Loading the corpus…';
  else if (!data) text = 'No corpus is open. Open a folder with a qualframe.yaml and a codebook.yaml to chart its transcripts.';
  else if (data.themes.length === 0) text = 'The codebook has no themes yet: add themes to codebook.yaml to chart them.';
  else if (data.rows.length === 0) text = 'This corpus has no transcripts yet.';
  ring.hidden = !loading;
  setText(statusText, text);
  status.hidden = text === '';
}

/** Lays the columns out, regroups, refilters and sorts the rows, and redraws the grid. */
function relayout(): void {
  columns = data ? buildColumns(data, expanded, hiddenThemes) : [];
  const result = filterText.trim() === '' ? NO_FILTER : filterResult;
  const matrixLayout = data ? buildLayout(data, columns, result, sort, rowFilter) : null;
  grid.show(data, columns, matrixLayout, sort);
  grid.setSelected(selected);
  // "Nothing matches" only once the host has answered for the text in the box.
  const nothing = matrixLayout !== null && data !== null && data.rows.length > 0 && matrixLayout.shownRows === 0 && result.text === filterText;
  nothingMatches = nothing;
  noMatch.hidden = !nothing || view !== 'matrix';
  if (nothing) setText(noMatch, `No case, summary or quote contains “${filterText.trim()}”.`);
}

function select(key: CellKey): void {
  if (!sameCell(key, selected)) {
    quotes = undefined;
    askQuotes(key);
  }
  selected = key;
  grid.setSelected(key);
  detail.show(data, key, quotes);
  saveStateSoon();
}

// ---------------------------------------------------------------------------------------------
// The queries beside the matrix

function setView(next: MatrixPanelView): void {
  if (next === view) return;
  view = next;
  showView();
  askQuery();
  saveStateSoon();
}

/** Shows the view chosen: its tab selected, its table and pane, and the controls that apply to it. */
function showView(): void {
  for (const tab of tabs) {
    const on = tab.dataset.view === view;
    setAttribute(tab, 'aria-selected', on ? 'true' : 'false');
    tab.tabIndex = on ? 0 : -1;
  }
  setAttribute(layout, 'aria-labelledby', `view-tab-${view}`);
  const matrix = view === 'matrix';
  grid.element.hidden = !matrix;
  detail.element.hidden = !matrix;
  queryView.hidden = matrix;
  queryDetail.element.hidden = matrix;
  filter.hidden = !matrix;
  rowFilterLabel.hidden = !matrix || rowFilterSelect.options.length < 2;
  themesMenu.hidden = !matrix || !data || data.themes.length < 2;
  noMatch.hidden = !matrix || !nothingMatches;
  // Exporting writes a file: not in Restricted Mode; and it writes the matrix, not the counts.
  exportButton.hidden = !matrix || !data || data.readOnly;
  // The grouping is the counts' rows too; co-occurrence has none.
  groupByLabel.hidden = !data || data.attributes.length < 2 || view === 'cooccurrence';
  countByLabel.hidden = view !== 'counts';
  countBySelect.value = countBy;
  drawQuery();
}

/** The last answer for the query `kind` as now asked (counts by the columns chosen), current or not. */
function resultFor(kind: MatrixQueryKind): QueryResultMessage | undefined {
  if (kind === 'counts') return results.counts?.by === countBy ? results.counts : undefined;
  return results.cooccurrence;
}

/** Asks the host for the query shown, unless its answer for this matrix is here or asked for. */
function askQuery(): void {
  if (!data || view === 'matrix') return;
  if (resultFor(view)?.version === data.version) return;
  const request = JSON.stringify([data.root, data.version, view, countBy]);
  if (request === askedQuery) return;
  askedQuery = request;
  host.post({ type: 'requestQuery', root: data.root, query: view, by: countBy });
}

function receiveQuery(message: QueryResultMessage): void {
  // Only answers about the matrix shown (and counts by the columns chosen now).
  if (!data || message.version !== data.version) return;
  if (message.query === 'counts') {
    if (message.by !== countBy) return;
    results.counts = message;
  } else {
    results.cooccurrence = message;
  }
  // A cell whose row or column is gone (recoded, renamed) can no longer be selected.
  const key = querySelected[message.query];
  if (key && !locateQueryCell(queryTable(message), key)) {
    querySelected[message.query] = undefined;
    delete queryQuotes[message.query];
  }
  if (message.query === view) drawQuery();
  saveStateSoon();
}

/** Redraws the query shown from its last answer, and asks for its selected cell's segments if need be. */
function drawQuery(): void {
  if (view === 'matrix') return;
  const result = resultFor(view);
  queryModel = result ? queryTable(result) : null;
  const pos = queryModel ? locateQueryCell(queryModel, querySelected[view]) : undefined;
  queryGrid.show(queryModel, pos);
  setText(queryNote, queryModel ? queryModel.note : data ? 'Counting…' : '');
  setAttribute(queryView, 'aria-busy', data !== null && result?.version !== data.version ? 'true' : 'false');
  showQueryDetail(pos);
}

function showQueryDetail(pos: QueryPosition | undefined): void {
  if (view === 'matrix') return;
  const key = querySelected[view];
  const got = queryQuotes[view];
  // The segments last received for this cell (of an older matrix while the new ones come).
  const quotes = got && key && got.key.row === key.row && got.key.col === key.col && (view !== 'counts' || got.by === countBy) ? got.quotes : undefined;
  queryDetail.show(queryModel, pos, quotes);
  const result = resultFor(view);
  if (!pos || !result || !data || result.version !== data.version) return;
  const request = JSON.stringify([data.root, result.version, result.by, pos.row, pos.col]);
  if (askedSegments[view] === request) return;
  askedSegments[view] = request;
  host.post({ type: 'requestQuerySegments', root: data.root, query: view, by: result.by, row: pos.row, col: pos.col });
}

function selectQueryCell(pos: QueryPosition): void {
  if (view === 'matrix' || !queryModel) return;
  const row = queryModel.rows[pos.row];
  const col = queryModel.columns[pos.col];
  if (!row || !col) return;
  const key = { row: row.id, col: col.id };
  const before = querySelected[view];
  if (!before || before.row !== key.row || before.col !== key.col) askedSegments[view] = '';
  querySelected[view] = key;
  queryGrid.setSelected(pos);
  showQueryDetail(pos);
  saveStateSoon();
}

function receiveQuerySegments(message: QuerySegmentsMessage): void {
  const kind = message.query;
  const result = resultFor(kind);
  // Only the answer for the cell selected now, in the answer shown, of the matrix shown.
  if (!data || !result || result.version !== data.version || message.version !== result.version || message.by !== result.by) return;
  const table = queryTable(result);
  const key = querySelected[kind];
  const pos = locateQueryCell(table, key);
  if (!key || !pos || pos.row !== message.row || pos.col !== message.col) return;
  queryQuotes[kind] = { by: result.by, key, quotes: message.quotes ?? [] };
  if (kind === view) showQueryDetail(locateQueryCell(queryModel ?? table, key));
}

// ---------------------------------------------------------------------------------------------
// Saved state: the matrix from the last message, the selection and the filter.

let saveTimer: ReturnType<typeof setTimeout> | undefined;
/** The corpus last shown: saved even while a corpus loads (no data), so a reload restores the panel on it. */
let shownRoot: string | undefined;

function saveStateSoon(): void {
  if (saveTimer === undefined) saveTimer = setTimeout(saveStateNow, SAVE_STATE_DELAY_MS);
}

function saveStateNow(): void {
  if (saveTimer !== undefined) clearTimeout(saveTimer);
  saveTimer = undefined;
  if (data) shownRoot = data.root;
  const state: MatrixPanelState = {
    version: 2,
    data,
    ...(shownRoot !== undefined ? { root: shownRoot } : {}),
    ...(selected ? { selected } : {}),
    ...(filterText ? { filter: filterText } : {}),
    ...(expanded.size > 0 ? { expanded: [...expanded] } : {}),
    ...(sort !== DEFAULT_SORT ? { sort } : {}),
    ...(rowFilter ? { rowFilter } : {}),
    ...(hiddenThemes.size > 0 ? { hiddenThemes: [...hiddenThemes] } : {}),
    ...(view !== 'matrix' ? { view } : {}),
    ...(countBy !== 'theme' ? { countBy } : {}),
    ...(querySelected.counts ? { countsSelected: querySelected.counts } : {}),
    ...(querySelected.cooccurrence ? { cooccurrenceSelected: querySelected.cooccurrence } : {}),
  };
  host.setState(state);
}

// A hidden panel's page may be discarded before the timer fires.
window.addEventListener('pagehide', () => {
  if (saveTimer !== undefined) saveStateNow();
});
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden' && saveTimer !== undefined) saveStateNow();
});

// Until the host answers `ready`, show what this panel showed before it was hidden or the
// window reloaded, or else the loading state.
const saved = host.getState();
if (saved) {
  shownRoot = saved.root ?? saved.data?.root;
  filterText = saved.filter ?? '';
  filter.value = filterText;
  selected = saved.selected;
  expanded = new Set(saved.expanded ?? []);
  sort = saved.sort ?? DEFAULT_SORT;
  rowFilter = saved.rowFilter;
  hiddenThemes = new Set(saved.hiddenThemes ?? []);
  view = saved.view ?? 'matrix';
  countBy = saved.countBy ?? 'theme';
  querySelected.counts = saved.countsSelected;
  querySelected.cooccurrence = saved.cooccurrenceSelected;
}
show({ type: 'matrix', data: saved?.data ?? null, loading: !saved?.data });
