import assert from 'node:assert/strict';
import type { CompareCodeView, CompareStatus, CompareThemeView, CompareViewData } from '../../../src/protocol';
import { caseTag, divergingBar, isComparePanelState, percent, statusSet, visibleRows } from '../../../webview/compare/compare-model';

// What the Compare Waves table shows: rows by status, in the order asked; the bar geometry.

const count = (cases: number, share: number, segments = cases) => ({ cases, share, segments });
const code = (id: string, status: CompareStatus, b: number, f: number): CompareCodeView =>
  ({ id, name: id, status, firstWave: b > 0 ? '2016' : f > 0 ? '2021' : null, baseline: count(b, b / 4), followup: count(f, f / 4) });
const theme = (id: string, status: CompareStatus, b: number, f: number, codes: CompareCodeView[] = []): CompareThemeView => ({ ...code(id, status, b, f), codes });

const data: CompareViewData = {
  version: 1, root: 'file:///study', name: 'Study', readOnly: false, attribute: 'wave', baseline: '2016', followup: '2021',
  attributes: [{ name: 'wave', values: ['2016', '2021'] }],
  totals: { baseline: { cases: 4, documents: 4 }, followup: { cases: 4, documents: 4 } },
  themes: [
    theme('purpose', 'both', 3, 1, [code('quality', 'both', 2, 1), code('voice', 'baseline-only', 1, 0)]),
    theme('workforce', 'followup-only', 0, 4, [code('vacancies', 'followup-only', 0, 3)]),
    theme('governance', 'baseline-only', 2, 0, [code('reporting', 'baseline-only', 2, 0), code('patients', 'unused', 0, 0)]),
  ],
};
const ALL = statusSet(undefined);
const ids = (rows: ReturnType<typeof visibleRows>) => rows.map((r) => (r.kind === 'theme' ? r.item.id : `  ${r.item.id}`));

describe('the Compare Waves table', () => {
  it('lists themes in codebook order, each followed by its codes', () => {
    assert.deepEqual(ids(visibleRows(data, ALL, 'codebook')), ['purpose', '  quality', '  voice', 'workforce', '  vacancies', 'governance', '  reporting', '  patients']);
  });

  it('keeps a theme whose code matches the statuses shown, so a code never shows without its theme', () => {
    assert.deepEqual(ids(visibleRows(data, new Set<CompareStatus>(['baseline-only']), 'codebook')), ['purpose', '  voice', 'governance', '  reporting']);
    assert.deepEqual(ids(visibleRows(data, new Set<CompareStatus>(['followup-only']), 'codebook')), ['workforce', '  vacancies']);
    assert.deepEqual(ids(visibleRows(data, new Set<CompareStatus>(), 'codebook')), []);
  });

  it('sorts by a wave’s share, most first, or by status, codebook order breaking ties', () => {
    assert.deepEqual(ids(visibleRows(data, ALL, 'followup')).filter((r) => !r.startsWith(' ')), ['workforce', 'purpose', 'governance']);
    assert.deepEqual(ids(visibleRows(data, ALL, 'baseline')), ['purpose', '  quality', '  voice', 'governance', '  reporting', '  patients', 'workforce', '  vacancies']);
    assert.deepEqual(ids(visibleRows(data, ALL, 'status')).filter((r) => !r.startsWith(' ')), ['purpose', 'governance', 'workforce']);
  });

  it('draws the baseline left of the middle and the follow-up right, a non-zero share at least one unit', () => {
    assert.deepEqual(divergingBar(0.5, 1, 160), { left: 40, right: 80, middle: 80 });
    assert.deepEqual(divergingBar(0, 0.001, 160), { left: 0, right: 1, middle: 80 });
    assert.deepEqual(divergingBar(2, Number.NaN, 160), { left: 80, right: 0, middle: 80 });
  });

  it('prints shares and case ids as the paper does', () => {
    assert.equal(percent(2 / 3), '67%');
    assert.equal(caseTag('SH01'), '[SH01]');
  });

  it('restores saved state only when every field checks out', () => {
    assert.equal(isComparePanelState({ version: 1, data, selected: { theme: 'purpose', code: '' }, statuses: ['both'], sort: 'followup' }), true);
    assert.equal(isComparePanelState({ version: 1, data: null }), true);
    assert.equal(isComparePanelState({ version: 2, data: null }), false);
    assert.equal(isComparePanelState({ version: 1, data: null, statuses: ['maybe'] }), false);
    assert.equal(isComparePanelState({ version: 1, data: null, sort: 'alphabet' }), false);
    assert.equal(isComparePanelState({ version: 1, data: { ...data, themes: [{ id: 'x' }] } }), false);
  });
});
