import assert from 'node:assert/strict';
import { expectedStarts, neighbourShifts } from '../../../../src/core/anchoring/neighbour-shifts';
import type { AnchorResult } from '../../../../src/core/anchoring/types';

describe('neighbour shifts', () => {
  const anchor = (start: number): AnchorResult => ({ method: 'relocated', start, end: start + 3, text: 'abc', similarity: 1 });

  it('records how far each anchored annotation moved, by stored start', () => {
    const selectors = [300, 100, 200, 400].map((start) => ({ start, quote: 'abc' }));
    const results = [anchor(360), anchor(100), undefined, { method: 'orphan' } as const];
    assert.deepEqual(neighbourShifts(selectors, results), [
      { oldStart: 100, shift: 0 },
      { oldStart: 300, shift: 60 },
    ]);
  });

  it('expects an annotation where it was, and where its neighbours either side moved it', () => {
    const shifts = [
      { oldStart: 100, shift: 0 },
      { oldStart: 300, shift: 60 },
      { oldStart: 500, shift: 90 },
    ];
    assert.deepEqual(expectedStarts(200, shifts), [200, 260]);
    assert.deepEqual(expectedStarts(400, shifts), [400, 460, 490]);
    assert.deepEqual(expectedStarts(600, shifts), [600, 690]);
    assert.deepEqual(expectedStarts(50, shifts), [50]);
  });

  it('also expects it moved by the body\'s change in length, when known', () => {
    assert.deepEqual(expectedStarts(200, [], -40), [200, 160]);
    assert.deepEqual(expectedStarts(200, [], 0), [200]);
  });
});
