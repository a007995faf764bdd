/**
 * The Intercoder Agreement panel: who was compared with whom, per code and overall the
 * percentage agreement, Cohen's kappa and Krippendorff's alpha (a kappa below 0.6 flagged in
 * words as well as colour), the documents left out and why, and, document by document and code
 * by code, the text only A coded beside the text only B coded, each opening where it is in the
 * working tree. Everything from the corpus is inserted as text.
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-progress-ring/index.js';
import '../common/base.css';
import './agreement.css';
import type {
  AgreementFiguresView,
  AgreementMessage,
  AgreementPanelState,
  AgreementRangeView,
  AgreementSide,
  AgreementToWebviewMessage,
  AgreementViewData,
} from '../../src/protocol';
import { el, replaceContent, setAttribute, setText } from '../common/dom';
import { connectToHost } from '../common/vscode-api';
import {
  codeLabel,
  exclusionText,
  formatChars,
  formatFigure,
  groupDisagreements,
  isAgreementPanelState,
  isCut,
  isLowKappa,
  LOW_KAPPA_TEXT,
  rangeCount,
  rangeLabel,
  scopeText,
  subjectText,
  type DisagreementItem,
} from './agreement-model';

const COMMAND_TITLE = 'QualFrame: Intercoder Agreement…';

const root = document.getElementById('root');
if (!root) throw new Error('agreement: no #root element');

// ---------------------------------------------------------------------------------------------
// State

/** The agreement shown: the host's, or the one saved before a reload. */
let data: AgreementViewData | null = null;
/**
 * Whether the host holds `data`: false when it was saved before the window reloaded (it cannot
 * be recomputed), undefined until the host first answers.
 */
let current: boolean | undefined;
let loading = false;
let problem: string | undefined;

// ---------------------------------------------------------------------------------------------
// The page

const title = el('h1', { testId: 'title', text: 'Intercoder Agreement' });
const codedOnlyBox = el('input', { testId: 'coded-only', attrs: { type: 'checkbox', id: 'coded-only' } });
const codedOnlyLabel = el(
  'label',
  { className: 'coded-only', attrs: { for: 'coded-only', title: 'Count only the characters either coder coded (with any code), not whole documents: uncoded talk no longer inflates agreement' } },
  codedOnlyBox,
  ' Count only coded text',
);
const refresh = el('vscode-button', { testId: 'refresh', text: 'Refresh', attrs: { secondary: true } });
const subject = el('p', { className: 'subject', testId: 'subject' });
const ring = el('vscode-progress-ring', { attrs: { 'aria-hidden': 'true' } });
const status = el('p', { className: 'status', testId: 'status', attrs: { role: 'status' } });
const content = el('div', { className: 'agreement-content', testId: 'content' });

replaceContent(
  root,
  el('header', { className: 'toolbar' }, title, el('div', { className: 'actions' }, codedOnlyLabel, refresh)),
  subject,
  status,
  content,
);
root.setAttribute('aria-busy', 'false');

// ---------------------------------------------------------------------------------------------
// The host

const host = connectToHost<AgreementToWebviewMessage, AgreementPanelState>({
  accepts: ['agreement'],
  isState: isAgreementPanelState,
  onMessage: (message) => receive(message),
});

function receive(message: AgreementMessage): void {
  loading = message.loading === true;
  problem = message.problem;
  if (message.data) {
    data = message.data;
    current = true;
    drawContent();
    host.setState({ version: 1, data });
  } else {
    // The host holds no agreement (a reload): keep what was saved, marked as not current.
    current = false;
  }
  drawHeader();
}

// ---------------------------------------------------------------------------------------------
// Drawing

function drawHeader(): void {
  const shown = data ? `Intercoder Agreement — ${data.name}` : 'Intercoder Agreement';
  if (title.textContent !== shown) setText(title, shown);
  codedOnlyLabel.hidden = !data;
  if (data) codedOnlyBox.checked = data.codedOnly;
  codedOnlyBox.disabled = current !== true || loading;
  setAttribute(codedOnlyLabel, 'aria-disabled', codedOnlyBox.disabled ? 'true' : undefined);
  subject.hidden = !data;
  if (data) {
    const words = subjectText(data);
    replaceContent(
      subject,
      el('span', { className: 'coder coder-a', testId: 'coder-a', text: words.a }),
      el('span', { className: 'versus', text: ' vs ' }),
      el('span', { className: 'coder coder-b', testId: 'coder-b', text: words.b }),
      el('span', { className: 'mode-tag', testId: 'mode', text: words.mode }),
    );
  }
  const lines: (string | Node)[] = [];
  if (loading) lines.push(ring, 'Computing the agreement…');
  else if (problem !== undefined) lines.push(`${problem}.`);
  else if (!data) lines.push(`No agreement computed yet. Run ${COMMAND_TITLE} from the Command Palette to compare two coders: two revisions (a branch each) or two names in the “by” field.`);
  else if (current === false) lines.push(`This is the agreement shown before the window reloaded. Run ${COMMAND_TITLE} to recompute.`);
  else lines.push(scopeText(data));
  replaceContent(status, ...lines);
  setAttribute(status, 'aria-busy', loading);
  setAttribute(content, 'aria-busy', loading ? 'true' : 'false');
}

function drawContent(): void {
  if (!data) {
    replaceContent(content);
    return;
  }
  replaceContent(content, figuresTable(data), ...excludedSection(data), ...uncountedNote(data), disagreementsSection(data));
}

function figuresTable(shown: AgreementViewData): HTMLTableElement {
  const head = el(
    'thead',
    {},
    el(
      'tr',
      {},
      el('th', { text: 'Code', attrs: { scope: 'col' } }),
      el('th', { className: 'number', text: 'Agreement', attrs: { scope: 'col', title: 'Percentage agreement, as a fraction: characters both coded or both left uncoded, of all counted' } }),
      el('th', { className: 'number', text: 'Kappa', attrs: { scope: 'col', title: `Cohen’s kappa; below 0.6 is marked “${LOW_KAPPA_TEXT}”` } }),
      el('th', { className: 'number', text: 'Alpha', attrs: { scope: 'col', title: 'Krippendorff’s alpha (nominal)' } }),
      el('th', { className: 'number', text: 'A chars', attrs: { scope: 'col', title: `Characters A (${shown.a}) coded` } }),
      el('th', { className: 'number', text: 'B chars', attrs: { scope: 'col', title: `Characters B (${shown.b}) coded` } }),
      el('th', { className: 'number', text: 'Both', attrs: { scope: 'col', title: 'Characters both coded' } }),
    ),
  );
  const body = shown.codes.length > 0
    ? shown.codes.map((c) => figuresRow(codeLabel(c), c, { code: c.code, title: c.name !== undefined && c.name !== c.code ? c.code : undefined }))
    : [el('tr', {}, el('td', { className: 'muted', testId: 'no-codes', text: 'Neither coder coded anything in the documents compared.', attrs: { colspan: 7 } }))];
  return el(
    'table',
    { className: 'figures', testId: 'figures' },
    el('caption', { text: 'Agreement per code, over characters' }),
    head,
    el('tbody', {}, ...body),
    el('tfoot', {}, figuresRow('Overall (pooled)', shown.overall, { overall: true })),
  );
}

function figuresRow(label: string, f: AgreementFiguresView, options: { code?: string; title?: string; overall?: boolean }): HTMLTableRowElement {
  const low = isLowKappa(f.kappa);
  const kappaCell = el(
    'td',
    { className: `number kappa${low ? ' low-kappa' : ''}`, attrs: { 'data-low': low ? 'true' : undefined } },
    ...(low ? [el('span', { className: 'flag', testId: 'low-kappa', text: `⚠ ${LOW_KAPPA_TEXT}` }), ' '] : []),
    el('span', { testId: 'kappa', text: formatFigure(f.kappa) }),
  );
  return el(
    'tr',
    { className: options.overall ? 'overall-row' : 'code-row', testId: options.overall ? 'overall-row' : 'code-row', attrs: { 'data-code': options.code } },
    el('th', { className: 'name', testId: 'code-name', text: label, attrs: { scope: 'row', title: options.title } }),
    el('td', { className: 'number', testId: 'agreement', text: formatFigure(f.agreement) }),
    kappaCell,
    el('td', { className: 'number', testId: 'alpha', text: formatFigure(f.alpha) }),
    el('td', { className: 'number', testId: 'a-chars', text: formatChars(f.aChars) }),
    el('td', { className: 'number', testId: 'b-chars', text: formatChars(f.bChars) }),
    el('td', { className: 'number', testId: 'both-chars', text: formatChars(f.bothChars) }),
  );
}

function excludedSection(shown: AgreementViewData): HTMLElement[] {
  if (shown.excluded.length === 0) return [];
  return [
    el(
      'details',
      { className: 'excluded', testId: 'excluded' },
      el('summary', { text: `Documents left out (${shown.excluded.length})` }),
      el(
        'ul',
        { className: 'excluded-list' },
        ...shown.excluded.map((e) =>
          el('li', { testId: 'excluded-document', attrs: { 'data-file': e.file } }, el('span', { className: 'file', text: e.file }), el('span', { className: 'muted', text: ` — ${exclusionText(e.reason)}` })),
        ),
      ),
    ),
  ];
}

function uncountedNote(shown: AgreementViewData): HTMLElement[] {
  if (shown.uncounted === 0) return [];
  const n = shown.uncounted;
  return [el('p', { className: 'warning-text', testId: 'uncounted', text: `${n} ${n === 1 ? 'annotation is' : 'annotations are'} orphaned (the quote is no longer in the document) and counted nowhere.` })];
}

function disagreementsSection(shown: AgreementViewData): HTMLElement {
  const heading = el('h2', { text: 'Where the coders differ', attrs: { id: 'disagreements-heading' } });
  const section = el('section', { className: 'disagreements', testId: 'disagreements', attrs: { 'aria-labelledby': 'disagreements-heading' } }, heading);
  const groups = groupDisagreements(shown);
  if (groups.length === 0) {
    section.append(el('p', { className: 'muted', testId: 'no-disagreements', text: shown.compared > 0 ? 'Nowhere: the two coders coded the same text with the same codes.' : 'No document was compared.' }));
    return section;
  }
  section.append(el('p', { className: 'muted', text: `Text one coder coded with a code and the other did not. Select a text to open it in the working tree.` }));
  if (shown.omittedRanges > 0) {
    const listed = rangeCount(shown.disagreements);
    section.append(el('p', { className: 'warning-text', testId: 'omitted-ranges', text: `The first ${listed} ranges are listed; ${shown.omittedRanges} more are left out.` }));
  }
  for (const group of groups) {
    section.append(
      el(
        'section',
        { className: 'document', testId: 'disagreement-document', attrs: { 'data-file': group.file } },
        el('h3', { className: 'file', text: group.file }),
        ...group.items.map((item) => disagreementItem(group.file, item, shown)),
      ),
    );
  }
  return section;
}

function disagreementItem(file: string, item: DisagreementItem, shown: AgreementViewData): HTMLElement {
  return el(
    'div',
    { className: 'code-disagreement', testId: 'disagreement', attrs: { 'data-code': item.code } },
    el('h4', { className: 'code-heading', text: item.label }),
    el('div', { className: 'side-by-side' }, sideColumn(file, 'a', item.onlyA, shown), sideColumn(file, 'b', item.onlyB, shown)),
    ...(item.omitted > 0 ? [el('p', { className: 'muted', text: `… and ${item.omitted} more not listed.` })] : []),
  );
}

function sideColumn(file: string, side: AgreementSide, ranges: readonly AgreementRangeView[], shown: AgreementViewData): HTMLElement {
  const who = side === 'a' ? shown.a : shown.b;
  const heading = `Only ${side.toUpperCase()} coded (${who})`;
  const items = ranges.length > 0
    ? ranges.map((r) => el('li', {}, rangeButton(file, side, r)))
    : [el('li', { className: 'muted', text: 'Nothing.' })];
  return el('div', { className: `side side-${side}`, testId: `only-${side}` }, el('h5', { className: 'side-heading', text: heading }), el('ul', { className: 'quotes' }, ...items));
}

function rangeButton(file: string, side: AgreementSide, range: AgreementRangeView): HTMLButtonElement {
  return el(
    'button',
    {
      className: 'quote range',
      testId: 'range',
      attrs: { type: 'button', 'data-file': file, 'data-side': side, 'data-start': range.start, 'data-end': range.end, title: `Open ${file} at this text (characters ${range.start}–${range.end})` },
    },
    el('span', { className: 'quote-text', text: rangeLabel(range) }),
    ...(isCut(range) ? [el('span', { className: 'quote-meta', text: `${range.end - range.start} characters; the start shown` })] : []),
  );
}

// ---------------------------------------------------------------------------------------------
// Input

refresh.addEventListener('click', () => host.post({ type: 'refresh' }));

codedOnlyBox.addEventListener('change', () => {
  if (!data || current !== true) return;
  host.post({ type: 'setCodedOnly', codedOnly: codedOnlyBox.checked });
});

// A button's click comes from the mouse and from Enter or Space on the focused button.
content.addEventListener('click', (event) => {
  const button = event.target instanceof Element ? event.target.closest<HTMLButtonElement>('button.range') : null;
  if (!button || !data) return;
  const { file, side, start, end } = button.dataset;
  if (file === undefined || (side !== 'a' && side !== 'b')) return;
  const from = Number(start);
  const to = Number(end);
  if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to)) return;
  host.post({ type: 'openRange', root: data.root, file, start: from, end: to, side });
});

// ---------------------------------------------------------------------------------------------
// Saved state: redraws at once after the panel is hidden or the window reloads; the host's
// answer then says whether it still holds this agreement.

const saved = host.getState();
if (saved?.data) data = saved.data;
drawContent();
drawHeader();
