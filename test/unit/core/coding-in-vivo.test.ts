import assert from 'node:assert/strict';
import { inVivoName } from '../../../src/core/coding/in-vivo';

describe('in-vivo code names', () => {
  it('keeps the participant’s words, on one line, without surrounding quotes and punctuation', () => {
    assert.equal(inVivoName('  “nobody told us\n what clusters were for.”  '), 'nobody told us what clusters were for');
    assert.equal(inVivoName('"a talking shop",'), 'a talking shop');
  });

  it('keeps punctuation inside the words', () => {
    assert.equal(inVivoName('post-COVID, it’s different'), 'post-COVID, it’s different');
  });

  it('cuts a long selection at a word boundary', () => {
    const name = inVivoName('we were promised pharmacists and physios and link workers and none of them arrived in our cluster', 40);
    assert.equal(name, 'we were promised pharmacists and physios');
    assert.ok(name.length <= 40);
  });

  it('gives an empty name for a selection of punctuation only', () => {
    assert.equal(inVivoName(' ... '), '');
  });
});
