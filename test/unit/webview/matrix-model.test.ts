import assert from 'node:assert/strict';
import type { MatrixRowView, MatrixViewData } from '../../../src/protocol';
import {
  buildLayout,
  buildSearchIndex,
  cellDensity,
  cellOf,
  isMatrixPanelState,
  locateCell,
  sameSummary,
  waveLabel,
  type RowItem,
} from '../../../webview/matrix/matrix-model';

function quote(text: string, overrides: Partial<{ anchored: boolean; illustrative: boolean }> = {}) {
  return { file: 'a.md', id: 'x1', code: 'c', quote: text, illustrative: false, anchored: true, ...overrides };
}

function row(caseId: string, wave: string, cells: MatrixRowView['cells']): MatrixRowView {
  return { case: caseId, wave, documents: [`${caseId}-${wave}.md`], cells };
}

const data: MatrixViewData = {
  root: '/corpus',
  name: 'Study',
  attribute: 'wave',
  attributes: ['wave', 'role'],
  themes: [
    { id: 'access', name: 'Access', codes: [{ id: 'wait', name: 'Waiting' }] },
    { id: 'trust', name: 'Trust', codes: [] },
  ],
  rows: [
    row('P01', '1', { access: { summary: 'Long WAITS for the GP', quotes: [quote('six weeks')] }, trust: { quotes: [] } }),
    row('P02', '1', { access: { quotes: [] }, trust: { quotes: [quote('I trust her'), quote('she listens')] } }),
    row('P01', '2', { access: { quotes: [] }, trust: { summary: 'Lost faith', quotes: [] } }),
    row('P03', '', { access: { quotes: [] }, trust: { quotes: [] } }),
  ],
  maxSegments: 2,
  readOnly: false,
};

describe('webview matrix model', () => {
  describe('buildLayout', () => {
    it('groups rows by wave in the order they come, a header before each group', () => {
      const layout = buildLayout(data, () => buildSearchIndex(data), '');
      assert.deepEqual(
        layout.items.map((i) => (i.kind === 'group' ? `group ${i.wave} ${i.shown}/${i.total}` : `row ${i.row}`)),
        ['group 1 2/2', 'row 0', 'row 1', 'group 2 1/1', 'row 2', 'group  1/1', 'row 3'],
      );
      assert.deepEqual(layout.rowItems, [1, 2, 4, 6]);
      assert.deepEqual([...layout.itemOfRow], [1, 2, 4, 6]);
      assert.equal(layout.shownRows, 4);
      assert.ok(layout.items.every((i) => i.kind === 'group' || i.dimmed === null));
      assert.equal(buildLayout(data, () => assert.fail('no filter, no index'), ' ').shownRows, 4);
    });

    it('keeps rows whose case id matches whole, case-insensitively', () => {
      const layout = buildLayout(data, () => buildSearchIndex(data), '  p01 ');
      const rows = layout.items.filter((i): i is RowItem => i.kind === 'row');
      assert.deepEqual(rows.map((r) => [r.row, r.dimmed]), [[0, null], [2, null]]);
      assert.deepEqual([...layout.itemOfRow], [1, -1, 3, -1]);
    });

    it('keeps rows with a matching summary or quote, dimming the cells that do not match', () => {
      const index = () => buildSearchIndex(data);
      const bySummary = buildLayout(data, index, 'waits');
      assert.deepEqual(bySummary.items.filter((i) => i.kind === 'row'), [{ kind: 'row', row: 0, dimmed: [false, true] }]);
      const byQuote = buildLayout(data, index, 'LISTENS');
      assert.deepEqual(byQuote.items, [
        { kind: 'group', wave: '1', total: 2, shown: 1 },
        { kind: 'row', row: 1, dimmed: [true, false] },
      ]);
    });

    it('hides every row and group when nothing matches, and never matches across a summary and a quote', () => {
      const index = () => buildSearchIndex(data);
      assert.equal(buildLayout(data, index, 'zebra').items.length, 0);
      assert.equal(buildLayout(data, index, 'gp six').shownRows, 0);
    });
  });

  it('shades by the share of the busiest cell, 0 when nothing is coded', () => {
    assert.equal(cellDensity(1, 2), 0.5);
    assert.equal(cellDensity(2, 2), 1);
    assert.equal(cellDensity(5, 2), 1);
    assert.equal(cellDensity(0, 2), 0);
    assert.equal(cellDensity(0, 0), 0);
    assert.equal(cellDensity(3, Number.NaN), 0);
  });

  it('finds cells by case, wave and theme, and never reads a theme id off Object.prototype', () => {
    assert.deepEqual(locateCell(data, { case: 'P01', wave: '2', theme: 'trust' }), { row: 2, col: 1 });
    assert.equal(locateCell(data, { case: 'P01', wave: '3', theme: 'trust' }), undefined);
    assert.equal(locateCell(data, { case: 'P01', wave: '1', theme: 'gone' }), undefined);
    assert.deepEqual(cellOf(data.rows[0], 'constructor'), { quotes: [] });
  });

  it('labels waves, and documents without one', () => {
    assert.equal(waveLabel('wave', '2'), 'wave 2');
    assert.equal(waveLabel('site', ''), 'no site');
  });

  it('compares summaries as the host may rewrite them', () => {
    assert.ok(sameSummary('One.\r\nTwo.  \n', 'One.\nTwo.'));
    assert.ok(!sameSummary('One.', 'One'));
  });

  describe('isMatrixPanelState', () => {
    it('accepts saved state of this version, with or without a matrix, selection and filter', () => {
      assert.ok(isMatrixPanelState({ version: 1, data: null }));
      assert.ok(isMatrixPanelState({ version: 1, data, selected: { case: 'P01', wave: '1', theme: 'access' }, filter: 'gp' }));
      assert.ok(isMatrixPanelState(JSON.parse(JSON.stringify({ version: 1, data }))));
    });

    it('refuses anything else, down to a malformed quote', () => {
      assert.ok(!isMatrixPanelState(undefined));
      assert.ok(!isMatrixPanelState({ version: 2, data: null }));
      assert.ok(!isMatrixPanelState({ version: 1 }));
      assert.ok(!isMatrixPanelState({ version: 1, data: null, filter: 3 }));
      assert.ok(!isMatrixPanelState({ version: 1, data: null, selected: { case: 'P01' } }));
      assert.ok(!isMatrixPanelState({ version: 1, data: { ...data, readOnly: 'no' } }));
      const badQuote = { ...data, rows: [{ ...row('P09', '1', {}), cells: { access: { quotes: [{ ...quote('x'), anchored: 'yes' }] } } }] };
      assert.ok(!isMatrixPanelState({ version: 1, data: badQuote }));
    });
  });
});
