import assert from 'node:assert/strict';
import { bestCandidate, scoreCandidate } from '../../../../src/core/anchoring/rank-candidates';

describe('bestCandidate', () => {
  // Two identical answers to different questions.
  const body = 'Q: Funding?\nA: Yes, I agree.\nQ: Trust?\nA: Yes, I agree.\nQ: Time?\nA: Yes, I agree.\n';
  const quote = 'Yes, I agree.';
  const starts = [body.indexOf(quote), body.indexOf(quote, 20), body.lastIndexOf(quote)];
  const candidates = starts.map((start) => ({ start, end: start + quote.length, similarity: 1 }));

  it('prefers the candidate whose context agrees, even when another is nearer', () => {
    const selector = { start: starts[0]!, quote, prefix: 'Q: Trust?\nA: ' };
    assert.equal(bestCandidate(body, selector, candidates)?.start, starts[1]);
  });

  it('takes the nearest when the context agrees equally', () => {
    const selector = { start: starts[2]! - 3, quote };
    assert.equal(bestCandidate(body, selector, candidates)?.start, starts[2]);
  });

  it('measures distance to the nearest expected start when given several', () => {
    const selector = { start: 0, quote };
    assert.equal(bestCandidate(body, selector, candidates, [0, starts[1]! + 2])?.start, starts[1]);
  });

  it('breaks an exact tie by the earlier start, whatever order the candidates come in', () => {
    const middle = (starts[0]! + starts[1]!) / 2;
    const selector = { start: middle, quote };
    const tied = [candidates[1]!, candidates[0]!];
    assert.equal(bestCandidate(body, selector, tied)?.start, starts[0]);
    assert.equal(bestCandidate(body, selector, [...tied].reverse())?.start, starts[0]);
  });

  it('prefers the longer of two equally good ends of one match, covering the changed words', () => {
    const text = 'the host buys the lunch.';
    const selector = { start: 0, quote: 'the host buys lunch' };
    const short = { start: 0, end: 15, similarity: 0.8 };
    const long = { start: 0, end: 23, similarity: 0.8 };
    assert.equal(bestCandidate(text, selector, [short, long]), long);
    assert.equal(bestCandidate(text, selector, [long, short]), long);
  });

  it('weighs the quote itself above its context', () => {
    const selector = { start: 0, quote, prefix: 'Q: Trust?\nA: ' };
    const closeText = { start: starts[0]!, end: starts[0]! + quote.length, similarity: 1 };
    const closeContext = { start: starts[1]!, end: starts[1]! + quote.length, similarity: 0.5 };
    assert.ok(scoreCandidate(body, selector, closeText, 0) > scoreCandidate(body, selector, closeContext, 0));
  });

  it('has nothing to choose from no candidates', () => {
    assert.equal(bestCandidate(body, { start: 0, quote }, []), undefined);
  });
});
