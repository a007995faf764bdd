/**
 * The Compare Waves panel: for each theme and code, its cases and segments in the baseline and
 * in the follow-up, the share of each wave's cases (drawn as a diverging bar: baseline left,
 * follow-up right), the wave it was first applied in, and its status (predicted and reported,
 * predicted only, emergent, unused); filtered by status and sorted; a row's quotes of the two
 * waves side by side, each with its case id and opening its segment. Everything from the
 * corpus is inserted as text.
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-progress-ring/index.js';
import '../common/base.css';
import './compare.css';
import {
  COMPARE_STATUSES,
  type CompareMessage,
  type ComparePanelState,
  type CompareQuoteView,
  type CompareQuotesMessage,
  type CompareSort,
  type CompareStatus,
  type CompareToWebviewMessage,
  type CompareViewData,
} from '../../src/protocol';
import { el, replaceContent, setAttribute, setText, svgEl } from '../common/dom';
import { connectToHost } from '../common/vscode-api';
import {
  caseTag,
  divergingBar,
  isComparePanelState,
  keyOfRow,
  percent,
  sameKey,
  SORTS,
  STATUS_LABELS,
  statusSet,
  visibleRows,
  type CompareKey,
  type CompareRow,
} from './compare-model';

const CHART_WIDTH = 120;
const CHART_HEIGHT = 14;

const root = document.getElementById('root');
if (!root) throw new Error('compare: no #root element');

// ---------------------------------------------------------------------------------------------
// State

let data: CompareViewData | null = null;
let loading = true;
let problem: string | undefined;
let selected: CompareKey | undefined;
let statuses = statusSet(undefined);
let sort: CompareSort = 'codebook';
/** The quotes of the selected row, once the host has sent them. */
let quotes: { readonly key: CompareKey; readonly baseline: readonly CompareQuoteView[] | null; readonly followup: readonly CompareQuoteView[] | null } | undefined;

// ---------------------------------------------------------------------------------------------
// The page

const title = el('h1', { testId: 'title', text: 'Compare Waves' });
const attributeSelect = el('select', { testId: 'attribute', attrs: { 'aria-label': 'Compare by attribute' } });
const baselineSelect = el('select', { testId: 'baseline', attrs: { 'aria-label': 'Baseline (predictions)' } });
const followupSelect = el('select', { testId: 'followup', attrs: { 'aria-label': 'Follow-up (reports)' } });
const groups = el(
  'div',
  { className: 'groups', testId: 'groups' },
  el('label', {}, 'Compare ', attributeSelect),
  el('label', {}, ' ', baselineSelect),
  el('span', { text: ' with ' }),
  el('label', {}, followupSelect),
);
const exportButton = el('vscode-button', { testId: 'export', text: 'Export…', attrs: { secondary: true, title: 'Export the comparison with its quotes side by side (Markdown or CSV)' } });
const refresh = el('vscode-button', { testId: 'refresh', text: 'Refresh', attrs: { secondary: true } });
const ring = el('vscode-progress-ring', { attrs: { 'aria-hidden': 'true' } });
const status = el('p', { className: 'status', testId: 'status', attrs: { role: 'status' } });

const statusBoxes = new Map<CompareStatus, HTMLInputElement>();
const filters = el(
  'fieldset',
  { className: 'filters', testId: 'status-filter' },
  el('legend', { text: 'Show' }),
  ...COMPARE_STATUSES.map((s) => {
    const box = el('input', { testId: `show-${s}`, attrs: { type: 'checkbox', value: s, checked: true } });
    statusBoxes.set(s, box);
    return el('label', { className: `filter status-${s}` }, box, ` ${STATUS_LABELS[s]}`);
  }),
);
const sortSelect = el('select', { testId: 'sort', attrs: { 'aria-label': 'Order of the themes' } }, ...SORTS.map((s) => el('option', { text: s.label, attrs: { value: s.sort } })));
const options = el('div', { className: 'options' }, filters, el('label', { className: 'sort' }, 'Order ', sortSelect));

const table = el('table', { className: 'compare-table', testId: 'comparison' });
const nothing = el('p', { className: 'muted', testId: 'nothing-shown', attrs: { hidden: true } });
const quotesHeading = el('h2', { className: 'detail-heading', testId: 'quotes-heading', text: 'Quotes', attrs: { id: 'quotes-heading' } });
const quotesHint = el('p', { className: 'muted', testId: 'no-selection', text: 'Select a theme or code to read its quotes of both waves side by side.' });
const baselineColumn = quoteColumn('baseline');
const followupColumn = quoteColumn('followup');
const sideBySide = el('div', { className: 'side-by-side', attrs: { hidden: true } }, baselineColumn.element, followupColumn.element);
const quotesPane = el(
  'aside',
  { className: 'quotes-pane', testId: 'quotes-pane', attrs: { 'aria-labelledby': 'quotes-heading', 'aria-live': 'polite' } },
  quotesHeading,
  quotesHint,
  sideBySide,
);
const layout = el('div', { className: 'compare-layout' }, el('div', { className: 'table-wrap' }, table, nothing), quotesPane);

replaceContent(
  root,
  el('header', { className: 'toolbar' }, title, el('div', { className: 'actions' }, groups, exportButton, refresh)),
  status,
  options,
  layout,
);
root.setAttribute('aria-busy', 'false');

function quoteColumn(role: 'baseline' | 'followup') {
  const heading = el('h3', { className: 'wave-heading', testId: `${role}-heading` });
  const list = el('ul', { className: 'quotes', testId: `${role}-quotes` });
  return { element: el('section', { className: `wave-quotes ${role}`, testId: `${role}-column` }, heading, list), heading, list };
}

// ---------------------------------------------------------------------------------------------
// The host

const host = connectToHost<CompareToWebviewMessage, ComparePanelState>({
  accepts: ['compare', 'compareQuotes'],
  isState: isComparePanelState,
  onMessage: (message) => {
    if (message.type === 'compare') receive(message);
    else receiveQuotes(message);
  },
});

function receive(message: CompareMessage): void {
  const before = data;
  data = message.data;
  loading = message.loading;
  problem = message.problem;
  // Another comparison (new data, other waves): the quotes shown are of the old one.
  if (!data || !before || data.version !== before.version) quotes = undefined;
  if (selected && data && !data.themes.some((t) => t.id === selected!.theme && (selected!.code === '' || t.codes.some((c) => c.id === selected!.code)))) selected = undefined;
  draw();
  if (selected && !quotes) askQuotes(selected);
  saveState();
}

function receiveQuotes(message: CompareQuotesMessage): void {
  if (!data || message.version !== data.version || !sameKey(selected, { theme: message.theme, code: message.code })) return;
  quotes = { key: { theme: message.theme, code: message.code }, baseline: message.baseline, followup: message.followup };
  drawQuotes();
}

function askQuotes(key: CompareKey): void {
  if (data) host.post({ type: 'requestCompareQuotes', root: data.root, theme: key.theme, code: key.code });
}

function select(key: CompareKey): void {
  if (!sameKey(key, selected)) {
    selected = key;
    quotes = undefined;
    askQuotes(key);
  }
  drawTable();
  drawQuotes();
  saveState();
}

// ---------------------------------------------------------------------------------------------
// Drawing

function draw(): void {
  drawToolbar();
  drawTable();
  drawQuotes();
}

function drawToolbar(): void {
  const shown = data ? `Compare Waves — ${data.name}` : 'Compare Waves';
  if (title.textContent !== shown) setText(title, shown);
  groups.hidden = !data;
  exportButton.hidden = !data || data.readOnly;
  options.hidden = !data;
  if (data) {
    fillSelect(attributeSelect, data.attributes.map((a) => a.name), data.attribute);
    const values = data.attributes.find((a) => a.name === data!.attribute)?.values ?? [data.baseline, data.followup];
    fillSelect(baselineSelect, values, data.baseline);
    fillSelect(followupSelect, values, data.followup);
  }
  if (loading && !data) replaceContent(status, ring, 'Loading the corpus…');
  else if (problem !== undefined) setText(status, `Nothing to compare: ${problem}.`);
  else if (!data) setText(status, 'No corpus is open. Open a folder with a qualframe.yaml and a codebook.yaml to compare its waves.');
  else {
    const { attribute, baseline, followup, totals } = data;
    const size = (t: { cases: number; documents: number }) => `${t.cases} ${t.cases === 1 ? 'case' : 'cases'}, ${t.documents} ${t.documents === 1 ? 'document' : 'documents'}`;
    setText(status, `Baseline (${attribute} ${baseline}, predicted): ${size(totals.baseline)}. Follow-up (${attribute} ${followup}, reported): ${size(totals.followup)}.${loading ? ' Updating…' : ''}`);
  }
  setAttribute(status, 'aria-busy', loading);
}

function fillSelect(select: HTMLSelectElement, values: readonly string[], value: string): void {
  const same = select.options.length === values.length && values.every((v, i) => select.options[i].value === v);
  if (!same) replaceContent(select, ...values.map((v) => el('option', { text: v, attrs: { value: v } })));
  select.value = value;
}

function drawTable(): void {
  table.hidden = !data;
  if (!data) {
    nothing.hidden = true;
    replaceContent(table);
    return;
  }
  const { baseline, followup, attribute } = data;
  const rows = visibleRows(data, statuses, sort);
  const head = el(
    'thead',
    {},
    el(
      'tr',
      {},
      el('th', { text: 'Theme / code', attrs: { scope: 'col' } }),
      el('th', { text: 'First applied', attrs: { scope: 'col', title: `The ${attribute} it was first applied in` } }),
      el('th', { className: 'number', text: `${baseline} cases`, attrs: { scope: 'col', title: 'Cases with a segment (share of the wave’s cases)' } }),
      el('th', { className: 'number', text: `${baseline} segs`, attrs: { scope: 'col', title: `Coded segments in ${baseline}` } }),
      el('th', { attrs: { scope: 'col', title: 'Share of each wave’s cases' } }, el('div', { className: 'chart-head' }, el('span', { className: 'baseline-key', text: `◀ ${baseline}` }), el('span', { className: 'followup-key', text: `${followup} ▶` }))),
      el('th', { className: 'number', text: `${followup} cases`, attrs: { scope: 'col', title: 'Cases with a segment (share of the wave’s cases)' } }),
      el('th', { className: 'number', text: `${followup} segs`, attrs: { scope: 'col', title: `Coded segments in ${followup}` } }),
      el('th', { text: 'Status', attrs: { scope: 'col' } }),
    ),
  );
  replaceContent(table, el('caption', { className: 'visually-hidden', text: `Themes and codes: ${attribute} ${baseline} (predicted) against ${followup} (reported)` }), head, el('tbody', {}, ...rows.map((r) => rowElement(r, data!))));
  nothing.hidden = rows.length > 0;
  if (rows.length === 0) setText(nothing, 'No theme or code has the statuses ticked under Show.');
}

function rowElement(row: CompareRow, shown: CompareViewData): HTMLTableRowElement {
  const { item } = row;
  const key = keyOfRow(row);
  const isSelected = sameKey(key, selected);
  const nameButton = el('button', {
    className: 'row-select',
    testId: 'row-select',
    text: item.name,
    attrs: { type: 'button', 'aria-pressed': isSelected, title: `Show the quotes of “${item.name}” in ${shown.baseline} and ${shown.followup}` },
  });
  const cases = (c: { cases: number; share: number }) => `${c.cases} (${percent(c.share)})`;
  const bar = divergingBar(item.baseline.share, item.followup.share, CHART_WIDTH);
  const chart = svgEl(
    'svg',
    { class: 'bar', width: CHART_WIDTH, height: CHART_HEIGHT, role: 'img', 'aria-label': `${shown.baseline}: ${percent(item.baseline.share)} of cases; ${shown.followup}: ${percent(item.followup.share)}` },
    svgEl('rect', { class: 'bar-baseline', x: bar.middle - bar.left, y: 2, width: bar.left, height: CHART_HEIGHT - 4 }),
    svgEl('rect', { class: 'bar-followup', x: bar.middle, y: 2, width: bar.right, height: CHART_HEIGHT - 4 }),
    svgEl('line', { class: 'bar-axis', x1: bar.middle, x2: bar.middle, y1: 0, y2: CHART_HEIGHT }),
  );
  return el(
    'tr',
    {
      className: `${row.kind}-row${isSelected ? ' selected' : ''}`,
      testId: 'compare-row',
      attrs: { 'data-theme': row.theme.id, 'data-code': key.code, 'data-status': item.status, 'data-kind': row.kind },
    },
    el('th', { className: 'name', attrs: { scope: 'row' } }, nameButton),
    el('td', { className: 'first-wave', testId: 'first-wave', text: item.firstWave ?? '—' }),
    el('td', { className: 'number', testId: 'baseline-cases', text: cases(item.baseline) }),
    el('td', { className: 'number', text: String(item.baseline.segments) }),
    el('td', { className: 'chart' }, chart),
    el('td', { className: 'number', testId: 'followup-cases', text: cases(item.followup) }),
    el('td', { className: 'number', text: String(item.followup.segments) }),
    el('td', {}, el('span', { className: `status-tag status-${item.status}`, testId: 'row-status', text: STATUS_LABELS[item.status] })),
  );
}

function drawQuotes(): void {
  const row = data && selected ? findRow(data, selected) : undefined;
  if (!data || !selected || !row) {
    setText(quotesHeading, 'Quotes');
    quotesHint.hidden = false;
    sideBySide.hidden = true;
    return;
  }
  quotesHint.hidden = true;
  sideBySide.hidden = false;
  const heading = row.code ? `${row.theme} › ${row.code}` : row.theme;
  if (quotesHeading.textContent !== heading) setText(quotesHeading, heading);
  setText(baselineColumn.heading, `${data.attribute} ${data.baseline} · predicted`);
  setText(followupColumn.heading, `${data.attribute} ${data.followup} · reported`);
  fillQuotes(baselineColumn.list, quotes?.baseline, `No quote in ${data.baseline}.`);
  fillQuotes(followupColumn.list, quotes?.followup, `No quote in ${data.followup}.`);
}

function findRow(shown: CompareViewData, key: CompareKey): { theme: string; code: string } | undefined {
  const theme = shown.themes.find((t) => t.id === key.theme);
  if (!theme) return undefined;
  if (key.code === '') return { theme: theme.name, code: '' };
  const code = theme.codes.find((c) => c.id === key.code);
  return code ? { theme: theme.name, code: code.name } : undefined;
}

function fillQuotes(list: HTMLUListElement, items: readonly CompareQuoteView[] | null | undefined, empty: string): void {
  setAttribute(list, 'aria-busy', items === undefined);
  if (items === undefined) {
    replaceContent(list, el('li', { className: 'muted', text: 'Loading the quotes…' }));
    return;
  }
  if (items === null || items.length === 0) {
    replaceContent(list, el('li', { className: 'muted', testId: 'no-quotes', text: items === null ? 'This is no longer in the codebook.' : empty }));
    return;
  }
  replaceContent(list, ...items.map((q) => el('li', {}, quoteButton(q))));
}

function quoteButton(q: CompareQuoteView): HTMLElement {
  const parts = [
    ...(q.illustrative ? [el('span', { className: 'star', text: '★ ', attrs: { title: 'Illustrative quote' } })] : []),
    el('span', { className: 'quote-text', testId: 'quote-text', text: `“${q.quote}”` }),
    ' ',
    el('span', { className: 'case-tag', testId: 'case-tag', text: caseTag(q.case) }),
    el('span', { className: 'quote-meta', text: `${q.code} · ${q.file}${q.anchored ? '' : ' · orphaned'}` }),
  ];
  if (!q.anchored) return el('div', { className: 'quote orphan', testId: 'quote', attrs: { title: 'Orphaned: this text is no longer in the document.' } }, ...parts);
  return el('button', { className: 'quote', testId: 'quote', attrs: { type: 'button', 'data-file': q.file, 'data-id': q.id, title: `Open ${q.file} at this segment` } }, ...parts);
}

// ---------------------------------------------------------------------------------------------
// Input

refresh.addEventListener('click', () => host.post({ type: 'refresh' }));
exportButton.addEventListener('click', () => {
  if (data) host.post({ type: 'exportComparison', root: data.root });
});

function setWaves(attribute: string, baseline: string, followup: string): void {
  if (baseline === followup) return;
  selected = undefined;
  quotes = undefined;
  host.post({ type: 'setWaves', attribute, baseline, followup });
}

attributeSelect.addEventListener('change', () => {
  const values = data?.attributes.find((a) => a.name === attributeSelect.value)?.values ?? [];
  if (values.length >= 2) setWaves(attributeSelect.value, values[0], values[1]);
});
baselineSelect.addEventListener('change', () => {
  if (!data) return;
  // Choosing the value the other side holds swaps the two.
  const followup = followupSelect.value === baselineSelect.value ? data.baseline : followupSelect.value;
  setWaves(data.attribute, baselineSelect.value, followup);
});
followupSelect.addEventListener('change', () => {
  if (!data) return;
  const baseline = baselineSelect.value === followupSelect.value ? data.followup : baselineSelect.value;
  setWaves(data.attribute, baseline, followupSelect.value);
});

for (const [value, box] of statusBoxes) {
  box.addEventListener('change', () => {
    if (box.checked) statuses.add(value);
    else statuses.delete(value);
    drawTable();
    saveState();
  });
}
sortSelect.addEventListener('change', () => {
  sort = SORTS.find((s) => s.sort === sortSelect.value)?.sort ?? 'codebook';
  drawTable();
  saveState();
});

table.addEventListener('click', (event) => {
  const button = event.target instanceof Element ? event.target.closest('button.row-select') : null;
  const row = button?.closest('tr');
  if (row?.dataset.theme !== undefined) select({ theme: row.dataset.theme, code: row.dataset.code ?? '' });
  // The table was redrawn: keep the focus on the row chosen.
  if (row) focusRow(row.dataset.theme ?? '', row.dataset.code ?? '');
});

// Up and down move between the rows' buttons; Home and End to the first and last.
table.addEventListener('keydown', (event) => {
  const current = event.target instanceof Element ? event.target.closest('button.row-select') : null;
  if (!current || event.altKey || event.ctrlKey || event.metaKey) return;
  const buttons = [...table.querySelectorAll<HTMLButtonElement>('button.row-select')];
  const at = buttons.indexOf(current as HTMLButtonElement);
  const next = event.key === 'ArrowDown' ? at + 1 : event.key === 'ArrowUp' ? at - 1 : event.key === 'Home' ? 0 : event.key === 'End' ? buttons.length - 1 : -2;
  if (next === -2) return;
  event.preventDefault();
  buttons[Math.max(0, Math.min(buttons.length - 1, next))]?.focus();
});

function focusRow(theme: string, code: string): void {
  for (const tr of table.querySelectorAll<HTMLTableRowElement>('tbody tr')) {
    if (tr.dataset.theme === theme && tr.dataset.code === code) tr.querySelector<HTMLButtonElement>('button.row-select')?.focus();
  }
}

for (const column of [baselineColumn, followupColumn]) {
  column.list.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target.closest<HTMLElement>('button.quote') : null;
    const file = target?.dataset.file;
    const id = target?.dataset.id;
    if (data && file !== undefined && id !== undefined) host.post({ type: 'openSegment', root: data.root, file, id });
  });
}

// ---------------------------------------------------------------------------------------------
// Saved state: redraws at once after the panel is hidden or the window reloads.

/** The corpus last shown: saved even while a corpus loads (no data), so a reload restores the panel on it. */
let shownRoot: string | undefined;

function saveState(): void {
  if (data) shownRoot = data.root;
  const state: ComparePanelState = {
    version: 1,
    data,
    ...(shownRoot !== undefined ? { root: shownRoot } : {}),
    ...(selected ? { selected } : {}),
    ...(statuses.size < COMPARE_STATUSES.length ? { statuses: COMPARE_STATUSES.filter((s) => statuses.has(s)) } : {}),
    ...(sort !== 'codebook' ? { sort } : {}),
  };
  host.setState(state);
}

const saved = host.getState();
if (saved) {
  data = saved.data;
  shownRoot = saved.root ?? saved.data?.root;
  selected = saved.selected;
  statuses = statusSet(saved.statuses);
  sort = saved.sort ?? 'codebook';
}
for (const [value, box] of statusBoxes) box.checked = statuses.has(value);
sortSelect.value = sort;
loading = !data;
draw();
