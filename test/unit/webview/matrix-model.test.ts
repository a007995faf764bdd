import assert from 'node:assert/strict';
import type { CoOccurrenceResultMessage, CountsResultMessage, MatrixRowView, MatrixViewData } from '../../../src/protocol';
import {
  ariaSort,
  buildColumns,
  buildLayout,
  cellDensity,
  cellOf,
  columnMax,
  columnSegments,
  DEFAULT_SORT,
  isMatrixPanelState,
  locateCell,
  locateQueryCell,
  queryCellHeading,
  queryTable,
  valueLabel,
  gridMove,
  nextSort,
  rowFilterOptions,
  rowMatches,
  NO_FILTER,
  sameSummary,
  waveLabel,
  type RowItem,
} from '../../../webview/matrix/matrix-model';

function row(caseId: string, wave: string, cells: MatrixRowView['cells'], attributes: Record<string, string> = {}): MatrixRowView {
  return { case: caseId, wave, documents: [`${caseId}-${wave}.md`], attributes: { wave, ...attributes }, cells };
}

const none = { segments: 0, codes: {} };

const data: MatrixViewData = {
  version: 7,
  root: '/corpus',
  name: 'Study',
  attribute: 'wave',
  attributes: ['wave', 'role'],
  themes: [
    { id: 'access', name: 'Access', codes: [{ id: 'wait', name: 'Waiting' }, { id: 'travel', name: 'Travel' }] },
    { id: 'trust', name: 'Trust', codes: [] },
  ],
  rows: [
    row('P10', '1', { access: { summary: 'Long WAITS for the GP', segments: 3, codes: { wait: 1, travel: 2 } }, trust: none }),
    row('P2', '1', { access: { segments: 1, codes: { wait: 1 } }, trust: { segments: 2, codes: { trust: 2 } } }),
    row('P10', '2', { access: none, trust: { summary: 'Lost faith', segments: 0, codes: {} } }),
    row('P3', '', { access: none, trust: none }),
  ],
  maxSegments: 3,
  maxCodeSegments: { wait: 1, travel: 2, trust: 2 },
  readOnly: false,
};

const themesOnly = buildColumns(data, new Set());

describe('webview matrix model', () => {
  describe('columns', () => {
    it('has a column per theme, and a theme expands to a column per code', () => {
      assert.deepEqual(themesOnly.map((c) => [c.theme, c.code, c.expandable]), [['access', '', true], ['trust', '', false]]);
      const open = buildColumns(data, new Set(['access']));
      assert.deepEqual(open.map((c) => `${c.theme}/${c.code}`), ['access/', 'access/wait', 'access/travel', 'trust/']);
      assert.deepEqual(open.map((c) => columnSegments(data.rows[0], c)), [3, 1, 2, 0]);
      assert.deepEqual(open.map((c) => columnMax(data, c)), [3, 1, 2, 3]);
    });

    it('has nothing to expand for a theme without codes (applied as a code of its own)', () => {
      const open = buildColumns(data, new Set(['trust']));
      assert.deepEqual(open.map((c) => `${c.theme}/${c.code}:${c.expandable}`), ['access/:true', 'trust/:false']);
    });
  });

  describe('buildLayout', () => {
    it('groups rows by wave in the order they come, a header before each group', () => {
      const layout = buildLayout(data, themesOnly, NO_FILTER);
      assert.deepEqual(
        layout.items.map((i) => (i.kind === 'group' ? `group ${i.wave} ${i.shown}/${i.total}` : `row ${i.row}`)),
        ['group 1 2/2', 'row 0', 'row 1', 'group 2 1/1', 'row 2', 'group  1/1', 'row 3'],
      );
      assert.deepEqual(layout.rowItems, [1, 2, 4, 6]);
      assert.deepEqual([...layout.itemOfRow], [1, 2, 4, 6]);
      assert.equal(layout.shownRows, 4);
      assert.ok(layout.items.every((i) => i.kind === 'group' || i.dimmed === null));
    });

    it('keeps the rows the host found, whole for a case match, dimming the other columns of a cell match', () => {
      const open = buildColumns(data, new Set(['access']));
      const layout = buildLayout(data, open, { text: 'waits', rows: [{ case: 'P10', wave: '1', themes: ['access'] }, { case: 'P3', wave: '', themes: null }] });
      const rows = layout.items.filter((i): i is RowItem => i.kind === 'row');
      assert.deepEqual(rows.map((r) => [r.row, r.dimmed]), [[0, [false, false, false, true]], [3, null]]);
      assert.deepEqual([...layout.itemOfRow], [1, -1, -1, 3]);
      assert.deepEqual(layout.items.filter((i) => i.kind === 'group').map((g) => g.kind === 'group' && [g.wave, g.shown, g.total]), [['1', 1, 2], ['', 1, 1]]);
    });

    it('hides every row and group when the host found nothing; whitespace is no filter', () => {
      assert.equal(buildLayout(data, themesOnly, { text: 'zebra', rows: [] }).items.length, 0);
      assert.equal(buildLayout(data, themesOnly, { text: '  ', rows: [] }).shownRows, 4);
    });

    it('sorts each wave’s rows by a column’s segments, ties in the host’s case order; or by case, Z–A by natural order', () => {
      const order = (sort: typeof DEFAULT_SORT, columns = themesOnly) =>
        buildLayout(data, columns, NO_FILTER, sort).items.map((i) => (i.kind === 'group' ? '|' : data.rows[i.row].case)).join(' ');
      assert.equal(order(DEFAULT_SORT), '| P10 P2 | P10 | P3');
      assert.equal(order({ theme: 'trust', code: '', descending: true }), '| P2 P10 | P10 | P3');
      assert.equal(order({ theme: 'access', code: '', descending: false }), '| P2 P10 | P10 | P3');
      assert.equal(order({ theme: '', code: '', descending: false }, themesOnly), '| P10 P2 | P10 | P3');
      assert.equal(order({ theme: '', code: '', descending: true }), '| P10 P2 | P10 | P3');
      const open = buildColumns(data, new Set(['access']));
      assert.equal(order({ theme: 'access', code: 'wait', descending: true }, open), '| P10 P2 | P10 | P3');
      assert.equal(order({ theme: 'access', code: 'travel', descending: true }, open), '| P10 P2 | P10 | P3');
      assert.equal(order({ theme: 'access', code: 'travel', descending: false }, open), '| P2 P10 | P10 | P3');
    });

    it('cycles a column’s sort most-first, fewest-first, back to cases; the case column flips', () => {
      const access = { theme: 'access', code: '' };
      const first = nextSort(DEFAULT_SORT, access);
      assert.deepEqual(first, { theme: 'access', code: '', descending: true });
      assert.equal(ariaSort(first, access), 'descending');
      const second = nextSort(first, access);
      assert.equal(ariaSort(second, access), 'ascending');
      assert.deepEqual(nextSort(second, access), DEFAULT_SORT);
      assert.equal(ariaSort(DEFAULT_SORT, { theme: '', code: '' }), 'ascending');
      assert.deepEqual(nextSort(DEFAULT_SORT, { theme: '', code: '' }), { theme: '', code: '', descending: true });
      assert.equal(ariaSort(first, { theme: '', code: '' }), 'none');
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

  it('finds cells by case, wave, theme and code, and never reads an id off Object.prototype', () => {
    const open = buildColumns(data, new Set(['access']));
    assert.deepEqual(locateCell(data, open, { case: 'P10', wave: '2', theme: 'trust', code: '' }), { row: 2, col: 3 });
    assert.deepEqual(locateCell(data, open, { case: 'P10', wave: '1', theme: 'access', code: 'travel' }), { row: 0, col: 2 });
    assert.equal(locateCell(data, themesOnly, { case: 'P10', wave: '1', theme: 'access', code: 'travel' }), undefined);
    assert.equal(locateCell(data, open, { case: 'P10', wave: '3', theme: 'trust', code: '' }), undefined);
    assert.deepEqual(cellOf(data.rows[0], 'constructor'), { segments: 0, codes: {} });
    assert.equal(columnSegments(data.rows[0], { theme: 'access', code: 'toString', name: '', expandable: false }), 0);
  });

  it('labels waves, and documents without one', () => {
    assert.equal(waveLabel('wave', '2'), 'wave 2');
    assert.equal(waveLabel('site', ''), 'no site');
  });

  it('compares summaries as the host may rewrite them', () => {
    assert.ok(sameSummary('One.\r\nTwo.  \n', 'One.\nTwo.'));
    assert.ok(!sameSummary('One.', 'One'));
  });

  describe('showing some rows and columns', () => {
    const roles: MatrixViewData = {
      ...data,
      rows: [
        row('P10', '1', data.rows[0].cells, { role: 'GP' }),
        row('P2', '1', data.rows[1].cells, { role: 'Practice manager' }),
        row('P10', '2', data.rows[2].cells, { role: 'GP' }),
        row('P3', '', data.rows[3].cells),
      ],
    };

    it('offers each attribute with the values rows have, in natural order', () => {
      assert.deepEqual(rowFilterOptions(roles), [
        { attribute: 'wave', values: ['', '1', '2'] },
        { attribute: 'role', values: ['GP', 'Practice manager'] },
      ]);
    });

    it('keeps only the rows of the value chosen, counting groups among them', () => {
      const layout = buildLayout(roles, themesOnly, NO_FILTER, DEFAULT_SORT, { attribute: 'role', value: 'GP' });
      assert.deepEqual(
        layout.items.map((i) => (i.kind === 'group' ? `group ${i.wave} ${i.shown}/${i.total}` : `row ${i.row}`)),
        ['group 1 1/1', 'row 0', 'group 2 1/1', 'row 2'],
      );
      assert.ok(!rowMatches(roles.rows[3], { attribute: 'role', value: 'GP' }), 'a row without the attribute');
      assert.ok(!rowMatches(roles.rows[0], { attribute: 'toString', value: 'GP' }));
      assert.ok(rowMatches(roles.rows[3], undefined));
    });

    it('leaves hidden themes out of the columns, codes and all', () => {
      const columns = buildColumns(data, new Set(['access']), new Set(['access']));
      assert.deepEqual(columns.map((c) => `${c.theme}/${c.code}`), ['trust/']);
    });
  });

  it('moves the active cell of a grid by the keys, within its edges; Enter and Space activate it', () => {
    const size = { lastRow: 4, lastCol: 2, page: 3 };
    const at = { row: 1, col: 1 };
    assert.deepEqual(gridMove('ArrowDown', false, at, size), { row: 2, col: 1 });
    assert.deepEqual(gridMove('ArrowUp', false, { row: 0, col: 1 }, size), { row: 0, col: 1 });
    assert.deepEqual(gridMove('ArrowRight', false, { row: 1, col: 2 }, size), { row: 1, col: 2 });
    assert.deepEqual(gridMove('ArrowLeft', false, at, size), { row: 1, col: 0 });
    assert.deepEqual(gridMove('Home', false, at, size), { row: 1, col: 0 });
    assert.deepEqual(gridMove('End', true, at, size), { row: 4, col: 2 });
    assert.deepEqual(gridMove('Home', true, at, size), { row: 0, col: 0 });
    assert.deepEqual(gridMove('PageDown', false, at, size), { row: 4, col: 1 });
    assert.deepEqual(gridMove('PageUp', false, at, size), { row: 0, col: 1 });
    assert.equal(gridMove('Enter', false, at, size), 'activate');
    assert.equal(gridMove(' ', false, at, size), 'activate');
    assert.equal(gridMove('a', false, at, size), undefined);
  });

  describe('isMatrixPanelState', () => {
    it('accepts saved state of this version, with or without a matrix, selection, filter, expanded themes and sort', () => {
      assert.ok(isMatrixPanelState({ version: 2, data: null }));
      assert.ok(isMatrixPanelState({
        version: 2,
        data,
        selected: { case: 'P10', wave: '1', theme: 'access', code: 'wait' },
        filter: 'gp',
        expanded: ['access'],
        sort: { theme: 'access', code: '', descending: true },
        rowFilter: { attribute: 'role', value: 'GP' },
        hiddenThemes: ['trust'],
      }));
      assert.ok(isMatrixPanelState(JSON.parse(JSON.stringify({ version: 2, data }))));
      assert.ok(isMatrixPanelState({
        version: 2,
        data: null,
        view: 'counts',
        countBy: 'code',
        countsSelected: { row: '', col: 'wait' },
        cooccurrenceSelected: { row: 'wait', col: 'travel' },
      }));
      assert.ok(isMatrixPanelState({ version: 2, data: null, view: 'cooccurrence' }));
      assert.ok(isMatrixPanelState({ version: 2, data: null, view: 'matrix', countBy: 'theme' }));
      assert.ok(isMatrixPanelState({ version: 2, data: null, root: 'file:///w/pilot' }), 'the corpus kept while it loads');
    });

    it('refuses an unknown view or count-by, and a malformed query selection', () => {
      assert.ok(!isMatrixPanelState({ version: 2, data: null, view: 'chart' }));
      assert.ok(!isMatrixPanelState({ version: 2, data: null, countBy: 'case' }));
      assert.ok(!isMatrixPanelState({ version: 2, data: null, countsSelected: { row: 1, col: 'x' } }));
      assert.ok(!isMatrixPanelState({ version: 2, data: null, cooccurrenceSelected: ['a', 'b'] }));
      assert.ok(!isMatrixPanelState({ version: 2, data: null, root: 7 }));
    });

    it('refuses anything else: an older version, a malformed count or selection', () => {
      assert.ok(!isMatrixPanelState(undefined));
      assert.ok(!isMatrixPanelState({ version: 1, data: null }));
      assert.ok(!isMatrixPanelState({ version: 2 }));
      assert.ok(!isMatrixPanelState({ version: 2, data: null, filter: 3 }));
      assert.ok(!isMatrixPanelState({ version: 2, data: null, selected: { case: 'P01', wave: '1', theme: 'access' } }));
      assert.ok(!isMatrixPanelState({ version: 2, data: null, expanded: 'access' }));
      assert.ok(!isMatrixPanelState({ version: 2, data: null, sort: { theme: 'access' } }));
      assert.ok(!isMatrixPanelState({ version: 2, data: null, rowFilter: { attribute: 'role' } }));
      assert.ok(!isMatrixPanelState({ version: 2, data: null, hiddenThemes: [3] }));
      assert.ok(!isMatrixPanelState({ version: 2, data: { ...data, rows: [{ ...data.rows[0], attributes: { role: 1 } }] } }));
      assert.ok(!isMatrixPanelState({ version: 2, data: { ...data, readOnly: 'no' } }));
      const badCount = { ...data, rows: [row('P09', '1', { access: { segments: 1, codes: { wait: -1 } } })] };
      assert.ok(!isMatrixPanelState({ version: 2, data: badCount }));
    });
  });

  describe('the query tables', () => {
    const counts: CountsResultMessage = {
      type: 'queryResult',
      query: 'counts',
      version: 7,
      by: 'theme',
      attribute: 'role',
      columns: [{ id: 'access', name: 'Access', theme: 'access' }, { id: 'trust', name: 'Trust', theme: 'trust' }],
      rows: [
        { value: 'GP', cases: 3, documents: 4, cells: [{ cases: 2, segments: 4 }, { cases: 0, segments: 0 }] },
        { value: '', cases: 1, documents: 1, cells: [{ cases: 1, segments: 1 }, { cases: 1, segments: 2 }] },
      ],
      maxSegments: 4,
    };
    const cooccurrence: CoOccurrenceResultMessage = {
      type: 'queryResult',
      query: 'cooccurrence',
      version: 7,
      by: 'theme',
      attribute: 'role',
      codes: [{ id: 'wait', name: 'Waiting', theme: 'access' }, { id: 'travel', name: 'Travel', theme: 'access' }, { id: 'trust', name: 'Trust', theme: 'trust' }],
      counts: [[5, 2, 0], [2, 3, 1], [0, 1, 1]],
      documents: [[3, 1, 0], [1, 2, 1], [0, 1, 1]],
      maxCount: 2,
    };

    it('labels a value, or its absence', () => {
      assert.equal(valueLabel('role', 'GP'), 'GP');
      assert.equal(valueLabel('role', ''), 'no role');
    });

    it('lays the counts out: a row per value with its cases, a column per theme, cells shaded by segments', () => {
      const table = queryTable(counts);
      assert.equal(table.query, 'counts');
      assert.equal(table.corner, 'role');
      assert.deepEqual(table.rows.map((r) => [r.id, r.name, r.detail]), [['GP', 'GP', '3 cases'], ['', 'no role', '1 case']]);
      assert.deepEqual(table.columns.map((c) => c.id), ['access', 'trust']);
      assert.deepEqual(table.cells.map((row) => row.map((c) => [c.kind, c.cases, c.count, c.density])), [
        [['count', 2, 4, 1], ['count', 0, 0, 0]],
        [['count', 1, 1, 0.25], ['count', 1, 2, 0.5]],
      ]);
      assert.equal(table.cells[0][0].description, '4 segments in 2 of 3 cases');
      assert.equal(table.cells[0][1].description, 'No segment in 3 cases');
      assert.match(table.note, /each theme, by role/);
      assert.match(queryTable({ ...counts, by: 'code' }).note, /each code, by role/);
    });

    it('lays co-occurrence out code by code, the diagonal apart and unshaded, the pairs counted once in the note', () => {
      const table = queryTable(cooccurrence);
      assert.deepEqual(table.rows.map((r) => r.id), ['wait', 'travel', 'trust']);
      assert.deepEqual(table.columns, table.rows);
      assert.deepEqual(table.cells.map((row) => row.map((c) => c.kind)), [
        ['diagonal', 'pair', 'pair'],
        ['pair', 'diagonal', 'pair'],
        ['pair', 'pair', 'diagonal'],
      ]);
      assert.deepEqual(table.cells[0].map((c) => c.density), [0, 1, 0]);
      assert.equal(table.cells[1][2].density, 0.5);
      assert.equal(table.cells[0][1].description, '2 overlapping pairs of segments, in 1 document');
      assert.equal(table.cells[0][2].description, 'Waiting and Trust do not overlap');
      assert.equal(table.cells[0][0].description, 'The code’s own 5 segments, in 3 documents');
      assert.match(table.note, /3 overlapping pairs in all/);
      assert.match(queryTable({ ...cooccurrence, codes: [], counts: [], documents: [] }).note, /No code has an anchored segment/);
    });

    it('finds a selected cell again by its row and column, and names it for the side pane', () => {
      const table = queryTable(cooccurrence);
      assert.deepEqual(locateQueryCell(table, { row: 'travel', col: 'trust' }), { row: 1, col: 2 });
      assert.equal(locateQueryCell(table, { row: 'travel', col: 'gone' }), undefined);
      assert.equal(locateQueryCell(table, undefined), undefined);
      assert.equal(queryCellHeading(table, 0, 1), 'Waiting ∩ Travel');
      assert.equal(queryCellHeading(table, 2, 2), 'Trust: its segments');
      const countsTable = queryTable(counts);
      assert.deepEqual(locateQueryCell(countsTable, { row: '', col: 'trust' }), { row: 1, col: 1 });
      assert.equal(queryCellHeading(countsTable, 1, 1), 'no role · Trust');
      assert.equal(queryCellHeading(countsTable, 2, 0), '');
    });
  });
});
