import assert from 'node:assert/strict';
import { buildWaveComparison, statusOf } from '../../../../src/core/compare/wave-comparison';
import { markdown } from '../../support/memory-files';
import { body, loadStudy, q } from './two-wave-study';

const zero = { cases: 0, segments: 0, share: 0 };
const setting = { attribute: 'wave', baseline: '2016', followup: '2021' };

describe('buildWaveComparison', () => {
  it('counts cases, segments and shares per wave, theme by theme and code by code (worked by hand)', async () => {
    const comparison = buildWaveComparison(await loadStudy(), setting);
    assert.deepEqual(comparison, {
      attribute: 'wave',
      baseline: '2016',
      followup: '2021',
      // 2016: P1 (two documents), P2. 2021: P2 (panel), SH1, SH10. X1 has no wave.
      totals: { baseline: { cases: 2, documents: 3 }, followup: { cases: 3, documents: 3 } },
      themes: [
        {
          id: 'support', name: 'Support for clusters', status: 'both', firstWave: '2016',
          baseline: { cases: 2, segments: 4, share: 1 },
          followup: { cases: 2, segments: 2, share: 2 / 3 },
          codes: [
            // P1 coded three times over two documents: one case.
            { id: 'data-support', name: 'Data support', status: 'both', firstWave: '2016', baseline: { cases: 1, segments: 3, share: 0.5 }, followup: { cases: 2, segments: 2, share: 2 / 3 } },
            { id: 'facilitation', name: 'Facilitation', status: 'baseline-only', firstWave: '2016', baseline: { cases: 1, segments: 1, share: 0.5 }, followup: zero },
            // Used only in a document without a wave: in neither wave, and no first wave.
            { id: 'funding', name: 'Funding', status: 'unused', firstWave: null, baseline: zero, followup: zero },
          ],
        },
        {
          id: 'governance', name: 'Governance', status: 'baseline-only', firstWave: '2016',
          baseline: { cases: 1, segments: 1, share: 0.5 }, followup: zero,
          codes: [
            { id: 'information-governance', name: 'Information governance', status: 'baseline-only', firstWave: '2016', baseline: { cases: 1, segments: 1, share: 0.5 }, followup: zero },
            { id: 'accountability', name: 'Accountability', status: 'unused', firstWave: null, baseline: zero, followup: zero },
          ],
        },
        {
          id: 'expectations', name: 'Unrealistic expectations', status: 'followup-only', firstWave: '2021',
          baseline: zero, followup: { cases: 1, segments: 1, share: 1 / 3 }, codes: [],
        },
        {
          id: 'covid-19', name: 'The pandemic', status: 'followup-only', firstWave: '2021',
          baseline: zero, followup: { cases: 1, segments: 1, share: 1 / 3 },
          codes: [
            { id: 'remote-working', name: 'Remote meetings', status: 'followup-only', firstWave: '2021', baseline: zero, followup: { cases: 1, segments: 1, share: 1 / 3 } },
          ],
        },
      ],
    });
  });

  it('counts a panel case once in each of its waves', async () => {
    const comparison = buildWaveComparison(await loadStudy({
      '2016/P3.md': markdown(`case: P3\nwave: 2016\ncodes:\n${q('x', 'remote-working', 'Hello')}`, body),
      '2021/P3.md': markdown(`case: P3\nwave: 2021\ncodes:\n${q('y', 'remote-working', 'Hello')}\n${q('z', 'remote-working', 'analyst')}`, body),
    }), setting);
    assert.deepEqual(comparison.totals, { baseline: { cases: 3, documents: 4 }, followup: { cases: 4, documents: 4 } });
    const remote = comparison.themes[3].codes[0];
    assert.deepEqual([remote.status, remote.firstWave, remote.baseline, remote.followup], [
      'both', '2016', { cases: 1, segments: 1, share: 1 / 3 }, { cases: 2, segments: 3, share: 2 / 4 },
    ]);
  });

  it('pools a theme over its codes with each case counted once', async () => {
    // P1 has data-support in 2016 and now facilitation too: the theme still counts P1 once.
    const comparison = buildWaveComparison(await loadStudy({
      '2016/P1-more.md': markdown(`case: P1\nwave: 2016\ncodes:\n${q('m', 'facilitation', 'Hello')}`, body),
    }), setting);
    const support = comparison.themes[0];
    assert.deepEqual(support.baseline, { cases: 2, segments: 5, share: 1 });
    assert.deepEqual(support.codes[1].baseline, { cases: 2, segments: 2, share: 1 });
  });

  it('takes the first wave from every document, compared or not', async () => {
    const comparison = buildWaveComparison(await loadStudy({
      '2009/P9.md': markdown(`wave: "2009"\ncodes:\n${q('k', 'accountability', 'Hello')}`, body),
    }), setting);
    const governance = comparison.themes[1];
    assert.equal(governance.firstWave, '2009');
    assert.deepEqual([governance.codes[1].status, governance.codes[1].firstWave], ['unused', '2009']);
    assert.deepEqual(comparison.totals.baseline, { cases: 2, documents: 3 });
  });

  it('gives a share of 0 for a wave without cases', async () => {
    const comparison = buildWaveComparison(await loadStudy(), { attribute: 'wave', baseline: '2016', followup: '2030' });
    assert.deepEqual(comparison.totals.followup, { cases: 0, documents: 0 });
    assert.deepEqual(comparison.themes[0].followup, zero);
    assert.equal(comparison.themes[2].status, 'unused');
  });

  it('names the status from the two segment counts', () => {
    assert.deepEqual([statusOf(1, 1), statusOf(2, 0), statusOf(0, 3), statusOf(0, 0)], ['both', 'baseline-only', 'followup-only', 'unused']);
  });
});
