import assert from 'node:assert/strict';
import { codeUsage } from '../../../../src/core/corpus/code-usage';
import { markdown } from '../../support/memory-files';
import { body, loadStudy, q } from '../compare/two-wave-study';

// Counts worked out by hand from the table in two-wave-study.ts.
describe('codeUsage', () => {
  it('counts segments and distinct cases per code, in total and per wave', async () => {
    const usage = codeUsage(await loadStudy());
    assert.deepEqual(usage.get('data-support'), {
      segments: 5,
      cases: 3,
      waves: [
        { wave: '2016', segments: 3, cases: 1 },
        { wave: '2021', segments: 2, cases: 2 },
      ],
    });
    assert.deepEqual(usage.get('facilitation'), { segments: 1, cases: 1, waves: [{ wave: '2016', segments: 1, cases: 1 }, { wave: '2021', segments: 0, cases: 0 }] });
  });

  it('lists every applicable code, unused ones and themes applied as codes included, and nothing else', async () => {
    const usage = codeUsage(await loadStudy());
    assert.deepEqual([...usage.keys()].sort(), ['accountability', 'data-support', 'expectations', 'facilitation', 'funding', 'information-governance', 'remote-working']);
    assert.deepEqual(usage.get('accountability'), { segments: 0, cases: 0, waves: [{ wave: '2016', segments: 0, cases: 0 }, { wave: '2021', segments: 0, cases: 0 }] });
    assert.equal(usage.get('expectations')!.segments, 1);
    assert.equal(usage.has('no-such-code'), false);
    assert.equal(usage.has('support'), false);
  });

  it('counts documents without a wave in the totals only', async () => {
    const funding = codeUsage(await loadStudy()).get('funding')!;
    assert.equal(funding.segments, 1);
    assert.equal(funding.cases, 1);
    assert.deepEqual(funding.waves.map((w) => w.segments), [0, 0]);
  });

  it('counts a case once per wave however many of its documents code it', async () => {
    const corpus = await loadStudy({ '2021/P2-notes.md': markdown(`case: P2\nwave: "2021"\ncodes:\n${q('k', 'data-support', 'Hello')}`, body) });
    const dataSupport = codeUsage(corpus).get('data-support')!;
    assert.equal(dataSupport.segments, 6);
    assert.equal(dataSupport.cases, 3);
    assert.deepEqual(dataSupport.waves[1], { wave: '2021', segments: 3, cases: 2 });
  });

  it('counts orphaned segments: they are still coded', async () => {
    const corpus = await loadStudy({ '2021/P9.md': markdown('wave: 2021\ncodes:\n  - {id: z, code: accountability, start: 0, quote: "words that were deleted"}', body) });
    assert.equal(corpus.documents.find((d) => d.path === '2021/P9.md')!.annotations[0].anchored, false);
    assert.deepEqual(codeUsage(corpus).get('accountability'), { segments: 1, cases: 1, waves: [{ wave: '2016', segments: 0, cases: 0 }, { wave: '2021', segments: 1, cases: 1 }] });
  });

  it('groups by the configured comparison attribute, or the one given', async () => {
    const corpus = await loadStudy({ 'qualframe.yaml': 'compare:\n  attribute: type\n' });
    assert.deepEqual(codeUsage(corpus).get('data-support')!.waves, [{ wave: 'notes', segments: 2, cases: 1 }]);
    assert.deepEqual(codeUsage(corpus, 'role').get('data-support')!.waves, [{ wave: 'GP', segments: 1, cases: 1 }]);
    assert.deepEqual(codeUsage(corpus, 'cohort').get('data-support')!.waves, []);
  });
});
