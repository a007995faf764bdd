import assert from 'node:assert/strict';
import { buildFrameworkMatrix } from '../../../../src/core/matrix/framework-matrix';
import { markdown } from '../../support/memory-files';
import { body, loadStudy, q } from '../compare/two-wave-study';

const empty = { quotes: [], segments: 0 };
const quote = (file: string, id: string, code: string, text: string, illustrative = false) => ({
  file, id, code, quote: text, start: body.indexOf(text), illustrative, anchored: true,
});

describe('buildFrameworkMatrix', () => {
  it('charts one row per case and wave, a cell per theme, summaries where they are held (worked by hand)', async () => {
    const matrix = buildFrameworkMatrix(await loadStudy());
    assert.equal(matrix.attribute, 'wave');
    assert.deepEqual(matrix.themes, [
      { id: 'support', name: 'Support for clusters', codes: [{ id: 'data-support', name: 'Data support' }, { id: 'facilitation', name: 'Facilitation' }, { id: 'funding', name: 'Funding' }] },
      { id: 'governance', name: 'Governance', codes: [{ id: 'information-governance', name: 'Information governance' }, { id: 'accountability', name: 'Accountability' }] },
      { id: 'expectations', name: 'Unrealistic expectations', codes: [] },
      { id: 'covid-19', name: 'The pandemic', codes: [{ id: 'remote-working', name: 'Remote meetings' }] },
    ]);
    assert.deepEqual(matrix.rows, [
      {
        // Two documents of one case in one wave: one row, quotes by file then start.
        case: 'P1', wave: '2016', documents: ['2016/P1-notes.md', '2016/P1.md'],
        cells: {
          support: {
            summary: 'Wants analysts.', summaryDocument: '2016/P1-notes.md', segments: 3,
            quotes: [
              quote('2016/P1-notes.md', 'n1', 'data-support', 'Hello'),
              quote('2016/P1-notes.md', 'n2', 'data-support', 'no analyst support'),
              quote('2016/P1.md', 'a', 'data-support', 'We had no analyst support', true),
            ],
          },
          governance: { quotes: [quote('2016/P1.md', 'b', 'information-governance', 'at all', true)], segments: 1 },
          expectations: empty,
          'covid-19': empty,
        },
      },
      {
        // A panel case: a row in 2016 ...
        case: 'P2', wave: '2016', documents: ['2016/P2.md'],
        cells: { support: { quotes: [quote('2016/P2.md', 'd', 'facilitation', 'analyst')], segments: 1 }, governance: empty, expectations: empty, 'covid-19': empty },
      },
      {
        // ... and one in 2021, which holds its summary.
        case: 'P2', wave: '2021', documents: ['2021/P2.md'],
        cells: {
          support: { quotes: [quote('2021/P2.md', 'e', 'data-support', 'analyst support')], segments: 1 },
          governance: empty,
          expectations: empty,
          'covid-19': { summary: 'Met online.', summaryDocument: '2021/P2.md', quotes: [quote('2021/P2.md', 'f', 'remote-working', 'Hello')], segments: 1 },
        },
      },
      {
        // A theme applied directly fills its own cell; the unknown code is left out.
        case: 'SH1', wave: '2021', documents: ['2021/SH1.md'],
        cells: {
          support: { quotes: [quote('2021/SH1.md', 'h', 'data-support', 'support')], segments: 1 },
          governance: empty,
          expectations: { quotes: [quote('2021/SH1.md', 'g', 'expectations', 'Interviewer')], segments: 1 },
          'covid-19': empty,
        },
      },
      // An uncoded case still has its row, every cell empty; SH10 after SH1 (natural order).
      { case: 'SH10', wave: '2021', documents: ['2021/SH10.md'], cells: { support: empty, governance: empty, expectations: empty, 'covid-19': empty } },
      // A document without a wave: a row with wave "", after the waves.
      { case: 'X1', wave: '', documents: ['misc/X1.md'], cells: { support: { quotes: [quote('misc/X1.md', 'j', 'funding', 'We had')], segments: 1 }, governance: empty, expectations: empty, 'covid-19': empty } },
    ]);
    assert.equal(matrix.maxSegments, 3);
  });

  it('shows each summary once: in the row of the wave whose document holds it', async () => {
    const matrix = buildFrameworkMatrix(await loadStudy({
      '2016/P4.md': markdown(`case: P4\nwave: 2016\nsummaries:\n  governance: Predicted delays.`, body),
      '2021/P4.md': markdown(`case: P4\nwave: 2021\nsummaries:\n  support: Got an analyst.\ncodes:\n${q('s', 'accountability', 'Hello')}`, body),
    }));
    const p4 = matrix.rows.filter((r) => r.case === 'P4');
    assert.deepEqual(p4.map((r) => [r.wave, r.cells.governance.summary, r.cells.support.summary, r.cells.governance.segments]), [
      ['2016', 'Predicted delays.', undefined, 0],
      ['2021', undefined, 'Got an analyst.', 1],
    ]);
  });

  it('orders quotes by start even when a file lists them out of order', async () => {
    const matrix = buildFrameworkMatrix(await loadStudy({
      '2021/P5.md': markdown(`wave: 2021\ncodes:\n${q('z', 'funding', 'at all')}\n${q('y', 'funding', 'Hello')}`, body),
    }));
    assert.deepEqual(matrix.rows.find((r) => r.case === 'P5')!.cells.support.quotes.map((x) => x.id), ['y', 'z']);
  });

  it('groups rows by another attribute when asked', async () => {
    const matrix = buildFrameworkMatrix(await loadStudy(), { attribute: 'role' });
    assert.equal(matrix.attribute, 'role');
    // P1's interview has role GP, its notes none: P1 is split over two rows.
    assert.deepEqual(matrix.rows.map((r) => [r.case, r.wave, r.documents.length]), [
      ['P1', 'GP', 1], ['P1', '', 1], ['P2', '', 2], ['SH1', '', 1], ['SH10', '', 1], ['X1', '', 1],
    ]);
  });

  it('gives an empty matrix for an empty corpus', async () => {
    const matrix = buildFrameworkMatrix(await loadStudy({ 'qualframe.yaml': 'documents: ["none/**"]\n' }));
    assert.deepEqual([matrix.rows, matrix.themes.length, matrix.maxSegments], [[], 4, 0]);
  });
});
