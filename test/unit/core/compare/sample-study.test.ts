import assert from 'node:assert/strict';
import * as path from 'node:path';
import { isWaveSettingError, resolveComparison } from '../../../../src/core/compare/comparison-setting';
import { buildWaveComparison, type CodeComparison } from '../../../../src/core/compare/wave-comparison';
import { loadCorpus } from '../../../../src/core/corpus/load-corpus';
import { buildQuoteTable } from '../../../../src/core/export/quote-table';
import { buildFrameworkMatrix } from '../../../../src/core/matrix/framework-matrix';
import { NodeCorpusFiles } from '../../../../src/node/node-corpus-files';

const sample = path.resolve(__dirname, '../../../../sample-workspace');

describe('the sample study (Cluster Futures)', () => {
  it('compares 2016 with 2021: three emergent themes, a prediction not reported, a code never used', async () => {
    const { corpus } = await loadCorpus(new NodeCorpusFiles(sample));
    const setting = resolveComparison(corpus);
    assert.ok(!isWaveSettingError(setting));
    assert.deepEqual(setting, { attribute: 'wave', baseline: '2016', followup: '2021' });
    const comparison = buildWaveComparison(corpus, setting);
    assert.deepEqual(comparison.totals, { baseline: { cases: 6, documents: 6 }, followup: { cases: 7, documents: 7 } });

    const all = new Map<string, CodeComparison>();
    for (const t of comparison.themes) for (const c of [t, ...t.codes]) all.set(c.id, c);
    const facts = (id: string) => [all.get(id)!.status, all.get(id)!.firstWave];
    for (const id of ['workforce', 'expectations', 'covid-19']) assert.deepEqual(facts(id), ['followup-only', '2021'], id);
    assert.deepEqual(facts('information-governance'), ['baseline-only', '2016']);
    assert.deepEqual(facts('patient-involvement'), ['unused', null]);
    assert.deepEqual(facts('purpose'), ['both', '2016']);
  });

  it('charts 13 rows: 6 baseline and 7 follow-up, the panel case P3 in both; each summary once', async () => {
    const { corpus } = await loadCorpus(new NodeCorpusFiles(sample));
    const matrix = buildFrameworkMatrix(corpus);
    assert.equal(matrix.rows.length, 13);
    assert.equal(matrix.rows.filter((r) => r.wave === '2016').length, 6);
    assert.equal(matrix.rows.filter((r) => r.wave === '2021').length, 7);
    assert.deepEqual(matrix.rows.filter((r) => r.case === 'P3').map((r) => [r.wave, r.documents]), [
      ['2016', ['transcripts/2016/P3.md']],
      ['2021', ['transcripts/2021/P3-2021.md']],
    ]);
    const shown = matrix.rows.reduce((n, r) => n + Object.values(r.cells).filter((c) => c.summary !== undefined).length, 0);
    const held = corpus.cases.reduce((n, c) => n + c.summaries.size, 0);
    assert.equal(shown, held);
  });

  it('quotes each theme per wave with the case after each quote', async () => {
    const { corpus } = await loadCorpus(new NodeCorpusFiles(sample));
    const table = buildQuoteTable(corpus, { themes: ['support'], max: 2 });
    assert.deepEqual(table.themes[0].waves.map((w) => [w.wave, w.quotes.map((q) => q.case)]), [['2016', ['P3', 'P3']], ['2021', ['P3', 'SH03']]]);
    assert.equal(table.themes[0].waves[0].quotes[0].quote, "We'll need somebody who can turn raw practice data into something a tired GP can read in five minutes");
  });
});
