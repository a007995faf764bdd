import assert from 'node:assert/strict';
import { spreadsheetCsv } from '../../../../src/core/export/spreadsheet-csv';

describe('spreadsheetCsv', () => {
  it('starts with a BOM and neutralises every cell a spreadsheet would run as a formula', () => {
    const csv = spreadsheetCsv(['text', 'n'], [['=SUM(A1)', 1], ['+1', 2], ['-2', -3], ['@x', 4], ['\tx', 5], ['＝x', 6], ['plain = fine', 7]]);
    assert.equal(csv, '\uFEFF' + [
      'text,n', "'=SUM(A1),1", "'+1,2", "'-2,-3", "'@x,4", "'\tx,5", "'＝x,6", 'plain = fine,7', '',
    ].join('\n'));
  });

  it('quotes a cell with a comma, a quotation mark or a line break', () => {
    assert.equal(spreadsheetCsv(['a'], [['x, "y"\nz']]), '\uFEFFa\n"x, ""y""\nz"\n');
  });
});
