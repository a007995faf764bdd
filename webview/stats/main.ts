/**
 * The Corpus Statistics panel: each corpus root's counts, updated whenever the host sends
 * new statistics, with buttons to validate and reload the corpus.
 */
import '@vscode-elements/elements/dist/vscode-badge/index.js';
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-progress-ring/index.js';
import '../common/base.css';
import './stats.css';
import type { StatsPanelState, StatsToWebviewMessage, StatsViewData } from '../../src/protocol';
import { el, replaceContent } from '../common/dom';
import { connectToHost } from '../common/vscode-api';
import { renderStats, type StatsView } from './render-stats';

function isStatsPanelState(state: unknown): state is StatsPanelState {
  if (typeof state !== 'object' || state === null) return false;
  const { version, data } = state as { version?: unknown; data?: unknown };
  return version === 1 && typeof data === 'object' && data !== null
    && Array.isArray((data as { corpora?: unknown }).corpora)
    && typeof (data as { loading?: unknown }).loading === 'boolean';
}

const root = document.getElementById('root');
if (!root) throw new Error('stats: no #root element');

const validate = el('vscode-button', { testId: 'validate', text: 'Validate Corpus' });
const reload = el('vscode-button', { testId: 'reload', text: 'Reload Corpus', attrs: { secondary: true } });
const ring = el('vscode-progress-ring', { attrs: { 'aria-hidden': 'true' } });
const view: StatsView = {
  status: el('p', { className: 'status', testId: 'loading', attrs: { role: 'status' } }, ring, 'Loading the corpus…'),
  corpora: el('div', { className: 'corpora', testId: 'corpora' }),
};

replaceContent(
  root,
  el('header', { className: 'toolbar' }, el('h1', { text: 'Corpus Statistics' }), el('div', { className: 'actions' }, validate, reload)),
  view.status,
  view.corpora,
);
root.setAttribute('aria-busy', 'false');

const host = connectToHost<StatsToWebviewMessage, StatsPanelState>({
  accepts: ['stats'],
  isState: isStatsPanelState,
  onMessage: (message) => show(message.data),
});

validate.addEventListener('click', () => host.post({ type: 'runCommand', command: 'qualframe.validateCorpus' }));
reload.addEventListener('click', () => host.post({ type: 'runCommand', command: 'qualframe.reloadCorpus' }));

function show(data: StatsViewData): void {
  renderStats(view, data);
  host.setState({ version: 1, data });
}

// Until the host answers `ready`, show what this panel showed before it was hidden or the
// window reloaded, or else the loading state.
renderStats(view, host.getState()?.data ?? { corpora: [], loading: true });
