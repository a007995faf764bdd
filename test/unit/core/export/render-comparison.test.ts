import assert from 'node:assert/strict';
import { buildWaveComparison } from '../../../../src/core/compare/wave-comparison';
import { percent, renderComparisonJson, renderComparisonMarkdown } from '../../../../src/core/export/render-comparison';
import { loadRenderStudy } from './render-study';

const setting = { attribute: 'wave', baseline: '2016', followup: '2021' };

describe('rendering the wave comparison', () => {
  it('writes Markdown: a row per theme, its codes indented beneath, the status in words', async () => {
    const md = renderComparisonMarkdown(buildWaveComparison(await loadRenderStudy(), setting));
    assert.equal(md, `# Wave comparison: wave 2016 and 2021

Baseline (wave 2016): 1 case, 1 document. Follow-up (wave 2021): 2 cases, 2 documents. Cases: cases with at least one coded segment; share: of the cases in that wave.

| Theme / code | 2016 cases | 2016 share | 2016 segments | 2021 cases | 2021 share | 2021 segments | Status |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |
| **Support \\| help** | 1 | 100% | 1 | 1 | 50% | 3 | predicted and reported |
| &emsp;Data support | 1 | 100% | 1 | 1 | 50% | 3 | predicted and reported |
| **Expectations** | 0 | 0% | 0 | 2 | 100% | 2 | emergent |
`);
  });

  it("writes JSON in the shape of cli.md's compare --json, with the added fields", async () => {
    const json = JSON.parse(renderComparisonJson(buildWaveComparison(await loadRenderStudy(), setting)));
    assert.deepEqual([json.attribute, json.baseline, json.followup], ['wave', '2016', '2021']);
    assert.deepEqual(json.totals, { baseline: { cases: 1, documents: 1 }, followup: { cases: 2, documents: 2 } });
    assert.deepEqual(json.themes[0], {
      id: 'support', name: 'Support | help', status: 'both', firstWave: '2016',
      baseline: { cases: 1, segments: 1, share: 1 }, followup: { cases: 1, segments: 3, share: 0.5 },
      codes: [{ id: 'data-support', name: 'Data support', status: 'both', firstWave: '2016', baseline: { cases: 1, segments: 1, share: 1 }, followup: { cases: 1, segments: 3, share: 0.5 } }],
    });
    assert.deepEqual([json.themes[1].status, json.themes[1].firstWave, json.themes[1].codes], ['followup-only', '2021', []]);
  });

  it('rounds shares to whole percentages', () => {
    assert.deepEqual([percent(0), percent(1 / 3), percent(2 / 3), percent(1)], ['0%', '33%', '67%', '100%']);
  });
});
