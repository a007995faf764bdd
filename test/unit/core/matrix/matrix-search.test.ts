import assert from 'node:assert/strict';
import type { FrameworkMatrix, MatrixCell } from '../../../../src/core/matrix/framework-matrix';
import { matrixSearchIndex, normalizeFilter, searchMatrix } from '../../../../src/core/matrix/matrix-search';

function cell(summary: string | undefined, ...quotes: string[]): MatrixCell {
  return {
    ...(summary !== undefined ? { summary, summaryDocument: 'x.md' } : {}),
    quotes: quotes.map((quote, i) => ({ file: 'x.md', id: `q${i}`, code: 'c', quote, start: i, illustrative: false, anchored: true })),
    segments: quotes.length,
  };
}

const matrix: FrameworkMatrix = {
  attribute: 'wave',
  themes: [
    { id: 'funding', name: 'Funding', codes: [] },
    { id: 'workforce', name: 'Workforce', codes: [] },
  ],
  rows: [
    { case: 'SH01', wave: '2016', documents: ['a.md'], cells: { funding: cell('No ring-fenced MONEY for clusters'), workforce: cell(undefined, 'we had no pharmacists') } },
    { case: 'SH02', wave: '2016', documents: ['b.md'], cells: { funding: cell(undefined), workforce: cell('Leads were stretched', 'the money went on locums') } },
    { case: 'SH01', wave: '2021', documents: ['c.md'], cells: { funding: cell(undefined), workforce: cell(undefined) } },
  ],
  maxSegments: 1,
};

describe('matrix search', () => {
  const index = matrixSearchIndex(matrix);

  it('keeps a row whose case id matches whole, case-insensitively and trimmed', () => {
    assert.deepEqual(searchMatrix(index, '  sh01 '), [
      { case: 'SH01', wave: '2016', themes: null },
      { case: 'SH01', wave: '2021', themes: null },
    ]);
  });

  it('names the cells whose summary or quote holds the words', () => {
    assert.deepEqual(searchMatrix(index, 'money'), [
      { case: 'SH01', wave: '2016', themes: ['funding'] },
      { case: 'SH02', wave: '2016', themes: ['workforce'] },
    ]);
    assert.deepEqual(searchMatrix(index, 'PHARMACISTS'), [{ case: 'SH01', wave: '2016', themes: ['workforce'] }]);
  });

  it('finds nothing across a summary and a quote, or where nothing matches', () => {
    assert.deepEqual(searchMatrix(index, 'stretched the money'), []);
    assert.deepEqual(searchMatrix(index, 'zebra'), []);
  });

  it('keeps every row whole for an empty filter', () => {
    assert.equal(searchMatrix(index, ' ').length, 3);
    assert.ok(searchMatrix(index, '').every((r) => r.themes === null));
    assert.equal(normalizeFilter('  Ab '), 'ab');
  });
});
