import assert from 'node:assert/strict';
import { isWaveSettingError, resolveComparison } from '../../../../src/core/compare/comparison-setting';
import { markdown } from '../../support/memory-files';
import { body, loadStudy } from './two-wave-study';

const wave2019 = { '2019/P7.md': markdown('wave: "2019"\nrole: GP', body) };

describe('resolveComparison', () => {
  it('defaults to the two lowest values of the attribute, ascending', async () => {
    assert.deepEqual(resolveComparison(await loadStudy()), { attribute: 'wave', baseline: '2016', followup: '2021' });
    assert.deepEqual(resolveComparison(await loadStudy({ ...wave2019, '2009/P8.md': markdown('wave: 2009', body) })), { attribute: 'wave', baseline: '2009', followup: '2016' });
  });

  it('orders values naturally: 9 before 10', async () => {
    const corpus = await loadStudy({ 'qualframe.yaml': 'compare:\n  attribute: round\n', 'a.md': markdown('round: "10"', body), 'b.md': markdown('round: "9"', body), 'c.md': markdown('round: "11"', body) });
    assert.deepEqual(resolveComparison(corpus), { attribute: 'round', baseline: '9', followup: '10' });
  });

  it('follows qualframe.yaml, even against the natural order', async () => {
    const corpus = await loadStudy({ ...wave2019, 'qualframe.yaml': 'compare:\n  attribute: wave\n  baseline: "2021"\n  followup: "2016"\n' });
    assert.deepEqual(resolveComparison(corpus), { attribute: 'wave', baseline: '2021', followup: '2016' });
  });

  it('lets an override win over qualframe.yaml, part by part', async () => {
    const corpus = await loadStudy({ ...wave2019, 'qualframe.yaml': 'compare:\n  baseline: "2016"\n  followup: "2021"\n' });
    assert.deepEqual(resolveComparison(corpus, { followup: '2019' }), { attribute: 'wave', baseline: '2016', followup: '2019' });
    assert.deepEqual(resolveComparison(corpus, { baseline: '2019', followup: '2016' }), { attribute: 'wave', baseline: '2019', followup: '2016' });
  });

  it('fills an unnamed side with the lowest value not already named', async () => {
    const corpus = await loadStudy(wave2019);
    assert.deepEqual(resolveComparison(corpus, { baseline: '2021' }), { attribute: 'wave', baseline: '2021', followup: '2016' });
    assert.deepEqual(resolveComparison(corpus, { followup: '2016' }), { attribute: 'wave', baseline: '2019', followup: '2016' });
  });

  it('does not carry the configured waves over to another attribute', async () => {
    const corpus = await loadStudy({ ...wave2019, 'qualframe.yaml': 'compare:\n  baseline: "2016"\n  followup: "2021"\n' });
    assert.deepEqual(resolveComparison(corpus, { attribute: 'type' }), { error: 'a comparison needs documents with two different values of "type"; values found: "notes"' });
    assert.deepEqual(resolveComparison(corpus, { attribute: 'role' }), { error: 'a comparison needs documents with two different values of "role"; values found: "GP"' });
  });

  it('refuses a comparison of one wave, a wave no document has, and the same wave twice', async () => {
    const oneWave = await loadStudy({ 'qualframe.yaml': 'documents: ["2016/**"]\n' });
    const single = resolveComparison(oneWave);
    assert.ok(isWaveSettingError(single));
    assert.equal(single.error, 'a comparison needs documents with two different values of "wave"; values found: "2016"');

    const corpus = await loadStudy();
    assert.deepEqual(resolveComparison(corpus, { followup: '2030' }), { error: 'no document has wave "2030" (the follow-up asked for); values found: "2016", "2021"' });
    assert.deepEqual(resolveComparison(corpus, { attribute: 'cohort' }), { error: 'a comparison needs documents with two different values of "cohort"; values found: none' });
    assert.deepEqual(resolveComparison(corpus, { baseline: '2021', followup: '2021' }), { error: 'baseline and follow-up are both wave "2021"; name two different values' });
    assert.equal(isWaveSettingError(resolveComparison(corpus)), false);

    const configured = await loadStudy({ 'qualframe.yaml': 'compare:\n  baseline: "2016"\n  followup: "2022"\n' });
    assert.deepEqual(resolveComparison(configured), { error: 'no document has wave "2022" (the follow-up set in qualframe.yaml); values found: "2016", "2021"' });
  });
});
