import assert from 'node:assert/strict';
import { buildFrameworkMatrix, chooseQuotes } from '../../../../src/core/matrix/framework-matrix';
import { loadStudy } from '../compare/two-wave-study';

// An export's "first N" or "illustrative only" quotes per cell: fewer quotes, the same counts.

describe('chooseQuotes', () => {
  it('keeps the first N quotes of each cell and every count', async () => {
    const matrix = buildFrameworkMatrix(await loadStudy());
    const p1 = (m: typeof matrix) => m.rows.find((r) => r.case === 'P1')!.cells.support;
    assert.equal(p1(matrix).quotes.length, 3);
    const first = chooseQuotes(matrix, { max: 1 });
    assert.deepEqual(p1(first).quotes.map((q) => q.id), [p1(matrix).quotes[0].id]);
    assert.equal(p1(first).segments, 3, 'the count is of all segments');
  });

  it('keeps only the illustrative quotes when asked, and the matrix itself when nothing is', async () => {
    const matrix = buildFrameworkMatrix(await loadStudy());
    const chosen = chooseQuotes(matrix, { illustrative: true });
    assert.ok(chosen.rows.every((r) => Object.values(r.cells).every((c) => c.quotes.every((q) => q.illustrative))));
    assert.deepEqual(chosen.rows.find((r) => r.case === 'P1')!.cells.support.quotes.map((q) => q.id), ['a']);
    assert.equal(chooseQuotes(matrix, {}), matrix);
  });
});
