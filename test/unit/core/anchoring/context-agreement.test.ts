import assert from 'node:assert/strict';
import { leadingEditDistance, prefixAgreement, suffixAgreement } from '../../../../src/core/anchoring/context-agreement';

describe('context agreement', () => {
  const body = 'We meet every six weeks, and the practices take turns to host.';
  const quote = 'the practices';
  const start = body.indexOf(quote);
  const end = start + quote.length;

  it('is 1 when the text either side still reads the stored context', () => {
    assert.equal(prefixAgreement(body, start, 'six weeks, and '), 1);
    assert.equal(suffixAgreement(body, end, ' take turns'), 1);
  });

  it('is 1 when no context was stored, so position alone decides', () => {
    assert.equal(prefixAgreement(body, start, undefined), 1);
    assert.equal(suffixAgreement(body, end, ''), 1);
  });

  it('loses one edit in the context length for a one-word change next to the quote', () => {
    const edited = body.replace('and the', 'so the');
    const at = edited.indexOf(quote);
    // "and " -> "so ": one character deleted and two replaced.
    assert.equal(prefixAgreement(edited, at, 'six weeks, and '), 1 - 3 / 15);
  });

  it('wants the context right against the quote, not somewhere nearby', () => {
    const pushedAway = body.replace('and the practices', 'and then, quite separately, the practices');
    const at = pushedAway.indexOf(quote);
    assert.ok(prefixAgreement(pushedAway, at, 'six weeks, and ') < 0.2);
  });

  it('is 0 for a prefix when the candidate is at the very start of the body', () => {
    assert.equal(prefixAgreement(body, 0, 'anything'), 0);
    assert.equal(suffixAgreement(body, body.length, 'anything'), 0);
  });

  it('measures the distance to the closest beginning of the text', () => {
    assert.equal(leadingEditDistance('abc', 'abcdef'), 0);
    assert.equal(leadingEditDistance('abc', 'axc'), 1);
    assert.equal(leadingEditDistance('abc', 'xabc'), 1);
    assert.equal(leadingEditDistance('abc', ''), 3);
    assert.equal(leadingEditDistance('', 'abc'), 0);
  });
});
