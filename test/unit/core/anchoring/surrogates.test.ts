import assert from 'node:assert/strict';
import { widenToCodePoints } from '../../../../src/core/anchoring/surrogates';

describe('widenToCodePoints', () => {
  // 😀 and 𝒜 are two UTF-16 code units each.
  const text = 'a😀b𝒜c';

  it('leaves a range of whole characters as it is', () => {
    assert.deepEqual(widenToCodePoints(text, { start: 1, end: 3 }), { start: 1, end: 3 });
    assert.deepEqual(widenToCodePoints(text, { start: 0, end: text.length }), { start: 0, end: text.length });
  });

  it('moves a start on the second half of a pair back to the first', () => {
    assert.deepEqual(widenToCodePoints(text, { start: 2, end: 4 }), { start: 1, end: 4 });
  });

  it('moves an end after the first half of a pair past the second', () => {
    assert.deepEqual(widenToCodePoints(text, { start: 3, end: 5 }), { start: 3, end: 6 });
  });

  it('leaves lone surrogates (broken text) and the text ends alone', () => {
    assert.deepEqual(widenToCodePoints('\uDE00x\uD83D', { start: 0, end: 3 }), { start: 0, end: 3 });
    assert.deepEqual(widenToCodePoints('', { start: 0, end: 0 }), { start: 0, end: 0 });
  });
});
