/**
 * Draws the statistics. Every value from the host goes in as text; every count sits in an
 * element with a stable `data-testid` holding just the number, for end-to-end tests.
 */
import type { CorpusStatsView, StatsViewData } from '../../src/protocol';
import { el, replaceContent, setAttribute } from '../common/dom';

type CountKey = 'documents' | 'cases' | 'codes' | 'annotations' | 'orphans' | 'errors' | 'warnings';

const COUNT_ROWS: readonly { readonly key: CountKey; readonly label: string }[] = [
  { key: 'documents', label: 'Documents' },
  { key: 'cases', label: 'Cases' },
  { key: 'codes', label: 'Codes' },
  { key: 'annotations', label: 'Annotations' },
  { key: 'orphans', label: 'Orphaned annotations' },
  { key: 'errors', label: 'Errors' },
  { key: 'warnings', label: 'Warnings' },
];

export interface StatsView {
  readonly status: HTMLElement;
  readonly corpora: HTMLElement;
}

/** Shows `data`, replacing what was shown. */
export function renderStats(view: StatsView, data: StatsViewData): void {
  view.status.hidden = !data.loading;
  setAttribute(view.corpora, 'aria-busy', data.loading ? 'true' : 'false');
  if (data.corpora.length === 0) {
    replaceContent(
      view.corpora,
      el('p', {
        className: 'muted',
        testId: 'empty',
        text: data.loading
          ? 'Looking for corpora in the workspace…'
          : 'No corpus in this workspace. A corpus is a folder of Markdown transcripts with a qualframe.yaml and a codebook.yaml.',
      }),
    );
    return;
  }
  replaceContent(view.corpora, ...data.corpora.map((corpus, index) => corpusSection(corpus, index)));
}

function corpusSection(corpus: CorpusStatsView, index: number): HTMLElement {
  const headingId = `corpus-${index}`;
  const heading = el(
    'div',
    { className: 'corpus-heading' },
    el('h2', { testId: 'corpus-name', text: corpus.name, attrs: { id: headingId } }),
    ...problemBadges(corpus),
  );
  return el(
    'section',
    { className: 'corpus', testId: 'corpus', attrs: { 'aria-labelledby': headingId, 'data-root': corpus.root } },
    heading,
    el('p', { className: 'corpus-root', testId: 'corpus-root', text: corpus.root }),
    el('div', { className: 'tables' }, countsTable(corpus), casesByValueTable(corpus)),
  );
}

function problemBadges(corpus: CorpusStatsView): HTMLElement[] {
  const badges: HTMLElement[] = [];
  if (corpus.errors > 0) badges.push(el('vscode-badge', { text: plural(corpus.errors, 'error') }));
  if (corpus.warnings > 0) badges.push(el('vscode-badge', { text: plural(corpus.warnings, 'warning') }));
  return badges;
}

function countsTable(corpus: CorpusStatsView): HTMLTableElement {
  const rows = COUNT_ROWS.map(({ key, label }) => {
    const value = corpus[key];
    const emphasis = value > 0 && key === 'errors' ? ' error-text' : value > 0 && (key === 'warnings' || key === 'orphans') ? ' warning-text' : '';
    return el(
      'tr',
      {},
      el('th', { text: label, attrs: { scope: 'row' } }),
      el('td', { className: `number${emphasis}`, testId: key, text: count(value) }),
    );
  });
  return el('table', { testId: 'counts' }, el('caption', { text: 'Counts' }), el('tbody', {}, ...rows));
}

function casesByValueTable(corpus: CorpusStatsView): HTMLTableElement {
  const body =
    corpus.casesByValue.length === 0
      ? [el('tr', {}, el('td', { className: 'muted', testId: 'no-values', text: `No document has a ${corpus.attribute}.`, attrs: { colspan: 2 } }))]
      : corpus.casesByValue.map(({ value, cases }) =>
          el(
            'tr',
            { testId: 'value-row', attrs: { 'data-value': value } },
            el('th', { testId: 'value', text: value, attrs: { scope: 'row' } }),
            el('td', { className: 'number', testId: 'value-cases', text: count(cases) }),
          ),
        );
  return el(
    'table',
    { testId: 'cases-by-value' },
    el('caption', { text: `Cases by ${corpus.attribute}` }),
    el('thead', {}, el('tr', {}, el('th', { text: corpus.attribute, attrs: { scope: 'col' } }), el('th', { text: 'Cases', attrs: { scope: 'col' } }))),
    el('tbody', {}, ...body),
  );
}

function count(n: number): string {
  return Number.isSafeInteger(n) && n >= 0 ? String(n) : '–';
}

function plural(n: number, noun: string): string {
  return `${count(n)} ${noun}${n === 1 ? '' : 's'}`;
}
