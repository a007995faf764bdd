import assert from 'node:assert/strict';
import { resolveComparison, type WaveSetting } from '../../../../src/core/compare/comparison-setting';
import { buildWaveComparison } from '../../../../src/core/compare/wave-comparison';
import { loadCorpus } from '../../../../src/core/corpus/load-corpus';
import { CompareAnswers, compareAttributes, toCompareView } from '../../../../src/extension/webview/compare-view';
import { markdown, MemoryCorpusFiles } from '../../support/memory-files';

// The comparison as the Compare Waves panel receives it, and a theme's quotes in each wave.

const codebook = `themes:
  - id: workload
    name: Workload
    color: "#cc6633"
    codes:
      - id: sessions
        name: Lost sessions
      - id: vacancies
        name: Vacancies
  - id: pandemic
    name: The pandemic
    codes: []
`;

function doc(front: string, body: string, ...codes: [id: string, code: string, quote: string][]): string {
  const entries = codes.map(([id, code, quote]) => `  - {id: ${id}, code: ${code}, start: ${body.indexOf(quote)}, quote: ${JSON.stringify(quote)}}`);
  return markdown(`${front}\ncodes:\n${entries.join('\n')}`, body);
}

const p1 = 'P1: Leads will lose clinical sessions to cluster meetings.\n';
const p2 = 'P2: Nobody expects vacancies to matter much.\n';
const sh1 = 'SH1: We lost sessions every week, then the lockdown stopped everything.\n';
const sh2 = 'SH2: Two of our partners left and the vacancies stayed open.\n';

async function answers(override = {}) {
  const { corpus } = await loadCorpus(new MemoryCorpusFiles({
    'codebook.yaml': codebook,
    '2016/P1.md': doc('case: P1\nwave: "2016"\nrole: Lead', p1, ['a1', 'sessions', 'lose clinical sessions']),
    '2016/P2.md': doc('case: P2\nwave: "2016"\nrole: Manager', p2, ['b1', 'vacancies', 'vacancies to matter']),
    '2021/SH1.md': doc('case: SH1\nwave: "2021"\nrole: Lead', sh1, ['c2', 'pandemic', 'the lockdown stopped everything'], ['c1', 'sessions', 'lost sessions every week']),
    '2021/SH2.md': doc('case: SH2\nwave: "2021"\nrole: Manager', sh2, ['d1', 'vacancies', 'the vacancies stayed open']),
  }));
  const setting = resolveComparison(corpus, override) as WaveSetting;
  const view = toCompareView(corpus, buildWaveComparison(corpus, setting), { root: 'file:///study', name: 'Study', readOnly: false, version: 7 });
  return { corpus, answers: new CompareAnswers(corpus, setting, view) };
}

describe('the wave comparison as the panel receives it', () => {
  it('carries the groups, the attributes to choose from, each theme’s colour and status', async () => {
    const { answers: a } = await answers();
    const { view } = a;
    assert.deepEqual([view.attribute, view.baseline, view.followup, view.version, view.root], ['wave', '2016', '2021', 7, 'file:///study']);
    assert.deepEqual(view.attributes, [{ name: 'wave', values: ['2016', '2021'] }, { name: 'role', values: ['Lead', 'Manager'] }]);
    assert.deepEqual(view.themes.map((t) => [t.id, t.status, t.color ?? null, t.firstWave]), [['workload', 'both', '#cc6633', '2016'], ['pandemic', 'followup-only', null, '2021']]);
    assert.deepEqual(view.totals, { baseline: { cases: 2, documents: 2 }, followup: { cases: 2, documents: 2 } });
  });

  it('lists a theme’s quotes of each wave, in case order, with their case ids', async () => {
    const { answers: a } = await answers();
    const quotes = a.quotes('workload', '');
    assert.deepEqual(quotes?.baseline.map((q) => [q.case, q.code, q.quote]), [['P1', 'sessions', 'lose clinical sessions'], ['P2', 'vacancies', 'vacancies to matter']]);
    assert.deepEqual(quotes?.followup.map((q) => [q.case, q.id]), [['SH1', 'c1'], ['SH2', 'd1']]);
    assert.deepEqual(a.quotes('workload', 'vacancies')?.followup.map((q) => q.file), ['2021/SH2.md']);
    assert.deepEqual(a.quotes('pandemic', ''), { baseline: [], followup: [{ case: 'SH1', file: '2021/SH1.md', id: 'c2', code: 'pandemic', quote: 'the lockdown stopped everything', illustrative: false, anchored: true }] });
  });

  it('answers null for a theme or code the codebook does not have', async () => {
    const { answers: a } = await answers();
    assert.equal(a.quotes('nowhere', ''), null);
    assert.equal(a.quotes('workload', 'pandemic'), null, 'a code of another theme');
  });

  it('follows the groups chosen: by role, Lead against Manager', async () => {
    const { answers: a } = await answers({ attribute: 'role' });
    assert.deepEqual([a.view.attribute, a.view.baseline, a.view.followup], ['role', 'Lead', 'Manager']);
    assert.deepEqual(a.quotes('workload', '')?.baseline.map((q) => q.case), ['P1', 'SH1']);
  });

  it('offers only attributes with two values or more', async () => {
    const { corpus } = await answers();
    assert.deepEqual(compareAttributes(corpus, 'case').map((a) => a.name), ['wave', 'role'], 'one value per case: nothing to compare');
  });
});
