/**
 * The Framework Matrix panel: cases by themes (expandable to their codes), grouped by wave,
 * each cell the case's summary of the theme and its number of coded segments. Redrawn whenever
 * the host sends the matrix (after every change); the selected cell, the filter, the sort, the
 * expanded themes and any summary being typed survive that. The host answers what the compact
 * matrix leaves out: the selected cell's quotes, and which rows a filter keeps.
 */
import '@vscode-elements/elements/dist/vscode-badge/index.js';
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-progress-ring/index.js';
import '@vscode-elements/elements/dist/vscode-textarea/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import '../common/base.css';
import './matrix.css';
import type { MatrixMessage, MatrixPanelState, MatrixQuoteView, MatrixSort, MatrixToWebviewMessage, MatrixViewData } from '../../src/protocol';
import { el, replaceContent, setAttribute, setText } from '../common/dom';
import { connectToHost } from '../common/vscode-api';
import {
  buildColumns,
  buildLayout,
  DEFAULT_SORT,
  isMatrixPanelState,
  locateCell,
  nextSort,
  NO_FILTER,
  sameCell,
  type CellKey,
  type FilterResult,
  type MatrixColumn,
} from './matrix-model';
import { CellDetail } from './render-detail';
import { MatrixGrid } from './render-matrix';

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
let quotes: readonly MatrixQuoteView[] | undefined;
let expanded = new Set<string>();
let sort: MatrixSort = DEFAULT_SORT;
let columns: MatrixColumn[] = [];

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
const layout = el('div', { className: 'matrix-layout' }, grid.element, detail.element);

replaceContent(
  root,
  el('header', { className: 'toolbar' }, title, el('div', { className: 'actions' }, groupByLabel, filter, exportButton, refresh)),
  status,
  noMatch,
  layout,
);
root.setAttribute('aria-busy', 'false');

const host = connectToHost<MatrixToWebviewMessage, MatrixPanelState>({
  accepts: ['matrix', 'quotes', 'searchResult'],
  isState: isMatrixPanelState,
  onMessage: (message) => {
    switch (message.type) {
      case 'matrix':
        show(message);
        saveStateSoon();
        return;
      case 'quotes':
        // Only the answer for the cell selected now, read from the matrix shown.
        if (!data || message.version !== data.version || !sameCell(message.key, selected)) return;
        quotes = message.quotes ?? [];
        detail.show(data, selected, quotes);
        return;
      case 'searchResult':
        if (message.text !== filterText) return;
        filterResult = { text: message.text, rows: message.rows };
        relayout();
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
  host.post({ type: 'setGrouping', attribute: groupBy.value });
});

/** The grouping picker's options: the attributes offered, the current one chosen. */
function showGrouping(matrix: MatrixViewData | null): void {
  groupByLabel.hidden = !matrix || matrix.attributes.length < 2;
  if (!matrix) return;
  const options = matrix.attributes.map((a) => el('option', { text: a, attrs: { value: a } }));
  replaceContent(groupBy, ...options);
  groupBy.value = matrix.attribute;
}

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
  }
  data = message.data;
  loading = message.loading;
  columns = data ? buildColumns(data, expanded) : [];
  // A cell whose row or column is gone (recoded, renamed) can no longer be selected.
  // (While no matrix is shown, as during a reload, the selection waits for the next one.)
  if (selected && data && !locateCell(data, columns, selected)) selected = undefined;
  if (newVersion && data) {
    // Answers about the previous matrix may be stale: ask again (keeping them shown meanwhile).
    if (filterText.trim() !== '') askFilter();
    if (selected) askQuotes(selected);
  }

  setText(title, data ? `Framework Matrix — ${data.name}` : 'Framework Matrix');
  // Exporting writes a file: not in Restricted Mode.
  exportButton.hidden = !data || data.readOnly;
  showGrouping(data);
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
  columns = data ? buildColumns(data, expanded) : [];
  const result = filterText.trim() === '' ? NO_FILTER : filterResult;
  const matrixLayout = data ? buildLayout(data, columns, result, sort) : null;
  grid.show(data, columns, matrixLayout, sort);
  grid.setSelected(selected);
  // "Nothing matches" only once the host has answered for the text in the box.
  const nothing = matrixLayout !== null && data !== null && data.rows.length > 0 && matrixLayout.shownRows === 0 && result.text === filterText;
  noMatch.hidden = !nothing;
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
// Saved state: the matrix from the last message, the selection and the filter.

let saveTimer: ReturnType<typeof setTimeout> | undefined;

function saveStateSoon(): void {
  if (saveTimer === undefined) saveTimer = setTimeout(saveStateNow, SAVE_STATE_DELAY_MS);
}

function saveStateNow(): void {
  if (saveTimer !== undefined) clearTimeout(saveTimer);
  saveTimer = undefined;
  const state: MatrixPanelState = {
    version: 2,
    data,
    ...(selected ? { selected } : {}),
    ...(filterText ? { filter: filterText } : {}),
    ...(expanded.size > 0 ? { expanded: [...expanded] } : {}),
    ...(sort !== DEFAULT_SORT ? { sort } : {}),
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
  filterText = saved.filter ?? '';
  filter.value = filterText;
  selected = saved.selected;
  expanded = new Set(saved.expanded ?? []);
  sort = saved.sort ?? DEFAULT_SORT;
}
show({ type: 'matrix', data: saved?.data ?? null, loading: !saved?.data });
