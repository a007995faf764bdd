import assert from 'node:assert/strict';
import { isExactAt } from '../../../../src/core/anchoring/exact';
import { TRANSCRIPT } from './transcript';

describe('isExactAt', () => {
  it('holds when the body at start still reads the quote', () => {
    const start = TRANSCRIPT.indexOf('the protected time');
    assert.equal(isExactAt(TRANSCRIPT, start, 'the protected time'), true);
  });

  it('fails when the text there has changed or the start is off by one', () => {
    const start = TRANSCRIPT.indexOf('the protected time');
    assert.equal(isExactAt(TRANSCRIPT, start + 1, 'the protected time'), false);
    assert.equal(isExactAt(TRANSCRIPT, start, 'the protected times'), false);
  });

  it('never anchors an empty quote', () => {
    assert.equal(isExactAt(TRANSCRIPT, 0, ''), false);
  });
});
