import assert from 'node:assert/strict';
import { resolveComparison, type WaveSetting } from '../../../src/core/compare/comparison-setting';
import type { Workbook } from '../../../src/core/export/office-model';
import { loadOfficeWriters } from '../../../src/node/export/load-office-writers';
import { CELL_TEXT_MAX } from '../../../src/node/export/office-writers';
import { isBinaryFormat, renderExport } from '../../../src/node/export/render-export';
import { loadOfficeStudy } from '../core/export/office-study';
import { cellText, readDocx, readXlsx, sheetValues, type DocxParagraph, type DocxTable } from './office-files';

async function studySetting(): Promise<WaveSetting> {
  const setting = resolveComparison(await loadOfficeStudy());
  if ('error' in setting) throw new Error(setting.error);
  return setting;
}

const bytes = (content: string | Uint8Array): Uint8Array => {
  assert.ok(content instanceof Uint8Array, 'an office format is written as bytes');
  return content;
};

describe('the XLSX and DOCX writers', function () {
  this.timeout(60_000);

  describe('XLSX', () => {
    it('writes the quote table a sheet per theme, each quote with its case id, the header bold and frozen', async () => {
      const file = readXlsx(bytes(await renderExport('quotes', await loadOfficeStudy(), {}, 'xlsx')));
      assert.deepEqual(file.sheets.map((s) => s.name), ['Protected time', 'Data and analysis', 'Remote and rural practice', 'Pandemic response']);
      for (const sheet of file.sheets) {
        assert.deepEqual(sheet.pane, { state: 'frozen', ySplit: '1', topLeftCell: 'A2' }, `${sheet.name}: header row frozen`);
        assert.ok(sheet.rows[0].every((c) => c !== undefined && file.bold(c.style)), `${sheet.name}: header row bold`);
        assert.deepEqual(sheet.widths, [60, 10, 60, 10]);
      }
      assert.deepEqual(sheetValues(file.sheets[0]), [
        ['wave 2016: quote', 'wave 2016: case', 'wave 2021: quote', 'wave 2021: case'],
        ['we were doing it in our own time, evenings mostly', 'P1', 'The sessions were funded by then', 'P1'],
        ['The day list always wins over the cluster meeting', 'P2', '', ''],
      ]);
      assert.ok(!file.bold(file.sheets[0].rows[1][0]!.style), 'quotes are not bold');
    });

    it('writes every cell as text or a number: no formula anywhere, a quote beginning = + - @ stays a string', async () => {
      const corpus = await loadOfficeStudy();
      const files = [
        readXlsx(bytes(await renderExport('quotes', corpus, { layout: 'sequential' }, 'xlsx'))),
        readXlsx(bytes(await renderExport('matrix', corpus, {}, 'xlsx'))),
        readXlsx(bytes(await renderExport('comparison', corpus, { setting: await studySetting() }, 'xlsx'))),
        readXlsx(bytes(await renderExport('codebook', corpus, {}, 'xlsx'))),
      ];
      for (const file of files) {
        for (const sheet of file.sheets) {
          assert.doesNotMatch(sheet.xml, /<f[\s>/]/, `${sheet.name}: no <f> element`);
          for (const row of sheet.rows) for (const c of row) if (c) assert.ok(!c.formula && c.type !== 'str', `${sheet.name} ${c.ref}: not a formula`);
        }
      }
      const quotes = files[0].sheets.flatMap((s) => s.rows.flatMap((r) => r.filter((c) => c !== undefined)));
      for (const said of ['=the dashboard was a spreadsheet someone emailed round', '-nobody had the data in a form we could use', '@the hub we shared staff across four practices']) {
        const cell = quotes.find((c) => c.value === said);
        assert.ok(cell, `${said} is in the file`);
        assert.equal(cell.type, 's', `${said} is a string cell`);
      }
      const codebook = files[3].sheets[0];
      const definition = codebook.rows.flat().find((c) => typeof c?.value === 'string' && c.value.startsWith('=Comparative'));
      assert.equal(definition?.type, 's', 'a definition beginning = is a string, not escaped with an apostrophe as in CSV');
    });

    it('writes counts as numbers, a share as a percentage', async () => {
      const corpus = await loadOfficeStudy();
      const comparison = readXlsx(bytes(await renderExport('comparison', corpus, { setting: await studySetting(), quotes: false }, 'xlsx')));
      assert.deepEqual(comparison.sheets.map((s) => s.name), ['Wave comparison']);
      const pandemic = comparison.sheets[0].rows.find((r) => r[0]?.value === 'pandemic')!;
      assert.deepEqual(pandemic.map((c) => c?.value ?? ''), ['pandemic', '', 'Pandemic response', 'emergent', '2021', 0, 0, 0, 2, 1, 2]);
      assert.equal(comparison.numberFormat(pandemic[9]!.style), '0%');
      const matrix = readXlsx(bytes(await renderExport('matrix', corpus, {}, 'xlsx')));
      assert.deepEqual(matrix.sheets.map((s) => s.name), ['wave 2016', 'wave 2021']);
      assert.equal(matrix.sheets[0].rows[1][3]?.value, 1, 'P1\'s protected-time segments');
      assert.notEqual(matrix.sheets[0].rows[1][3]?.type, 's');
    });

    it('keeps a cell a spreadsheet can open: control characters dropped, `_x0041_` kept literal, over-long text cut and marked', async () => {
      const { writeXlsx } = await loadOfficeWriters();
      const book: Workbook = {
        title: 'Edge cases',
        sheets: [{ name: 'Edges', columns: [{ header: 'text', width: 20 }], rows: [['bell\u0007 and form feed\u000C'], ['_x0041_ stays'], ['x'.repeat(CELL_TEXT_MAX + 10)], [Number.NaN]] }],
      };
      const [sheet] = readXlsx(await writeXlsx(book)).sheets;
      const values = sheetValues(sheet).map((r) => r[0]);
      assert.equal(values[1], 'bell and form feed');
      assert.equal(values[2], '_x005F_x0041_ stays', 'written escaped, so a spreadsheet shows _x0041_');
      assert.equal((values[3] as string).length, CELL_TEXT_MAX);
      assert.match(values[3] as string, /cut here: a spreadsheet cell holds at most 32,767 characters\]$/);
      assert.equal(values[4], 'NaN');
    });
  });

  describe('DOCX', () => {
    const paragraphs = (blocks: (DocxParagraph | DocxTable)[]) => blocks.filter((b): b is DocxParagraph => b.kind === 'paragraph');
    const tables = (blocks: (DocxParagraph | DocxTable)[]) => blocks.filter((b): b is DocxTable => b.kind === 'table');

    it('writes the quote table with a heading per theme and the waves side by side, quotes italic with the case id', async () => {
      const file = readDocx(bytes(await renderExport('quotes', await loadOfficeStudy(), {}, 'docx')));
      assert.equal(file.landscape, false);
      assert.deepEqual(paragraphs(file.blocks).filter((p) => p.style === 'Heading2').map((p) => p.text), ['Protected time', 'Data and analysis', 'Remote and rural practice', 'Pandemic response']);
      const [time] = tables(file.blocks);
      assert.deepEqual(time.headerRows, [true, false, false]);
      assert.deepEqual(time.rows.map((r) => r.map(cellText)), [
        ['wave: 2016', 'wave: 2021'],
        ['“we were doing it in our own time, evenings mostly” [P1]', '“The sessions were funded by then” [P1]'],
        ['“The day list always wins over the cluster meeting” [P2]', ''],
      ]);
      const [quote] = time.rows[1][0];
      assert.deepEqual(quote.runs.map((r) => [r.text, r.italic]), [['“we were doing it in our own time, evenings mostly”', true], [' [P1]', false]]);
      assert.ok(time.rows[0][0][0].runs.every((r) => r.bold), 'header bold');
    });

    it('writes the quote table sequentially: a heading and a table per wave', async () => {
      const file = readDocx(bytes(await renderExport('quotes', await loadOfficeStudy(), { themes: ['data-analysis'], layout: 'sequential' }, 'docx')));
      assert.deepEqual(file.blocks.map((b) => (b.kind === 'table' ? b.rows.map((r) => r.map(cellText)) : `${b.style ?? 'text'}: ${b.text}`)), [
        'Heading1: Quotes by theme and wave',
        'Heading2: Data and analysis',
        'Heading3: wave: 2016',
        [['“=the dashboard was a spreadsheet someone emailed round” [P1]'], ['“-nobody had the data in a form we could use” [P2]']],
        'Heading3: wave: 2021',
        'text: No quotes.',
      ]);
    });

    it('writes the matrix, the comparison and the codebook on landscape pages', async () => {
      const corpus = await loadOfficeStudy();
      const matrix = readDocx(bytes(await renderExport('matrix', corpus, {}, 'docx')));
      assert.equal(matrix.landscape, true);
      assert.ok(paragraphs(matrix.blocks).some((p) => p.text === '“Video calls made the islands feel closer” [SH3]' && p.runs[0].italic));

      const comparison = readDocx(bytes(await renderExport('comparison', corpus, { setting: await studySetting() }, 'docx')));
      assert.equal(comparison.landscape, true);
      assert.equal(paragraphs(comparison.blocks)[0].text, 'Wave comparison: wave 2016 and 2021');
      const pandemic = tables(comparison.blocks).at(-1)!;
      assert.deepEqual(pandemic.rows.map((r) => r.map(cellText)), [
        ['wave 2016 (predicted)', 'wave 2021 (reported)'],
        ['', '“the cluster became the group that ran the assessment hub” [P1]'],
        ['', '★ “@the hub we shared staff across four practices” [SH3]'],
      ]);

      const codebook = readDocx(bytes(await renderExport('codebook', corpus, {}, 'docx')));
      assert.equal(codebook.landscape, true);
      const [time] = tables(codebook.blocks);
      assert.deepEqual(time.rows[1].map(cellText).slice(0, 2), ['Backfill and funded sessions\nbackfill', 'Whether cluster sessions are paid for and the surgery covered.\nExample: we were doing it in our own time']);
      assert.ok(time.rows[1][1][1].runs[1].italic, 'the example in italics');
    });

    it('drops characters XML cannot hold rather than writing a file Word refuses', async () => {
      const { writeDocx } = await loadOfficeWriters();
      const file = readDocx(await writeDocx({ title: 'Edge\u0001', blocks: [{ kind: 'paragraph', runs: [{ text: 'a\u0000b\uD800c <&>' }] }] }));
      assert.equal((file.blocks[0] as DocxParagraph).text, 'abc <&>');
    });
  });

  describe('renderExport', () => {
    it('returns text for md, csv and json, bytes for xlsx and docx', async () => {
      const corpus = await loadOfficeStudy();
      const setting = await studySetting();
      const results = await Promise.all([
        renderExport('quotes', corpus, {}, 'md'),
        renderExport('quotes', corpus, {}, 'csv'),
        renderExport('codebook', corpus, {}, 'md'),
        renderExport('codebook', corpus, {}, 'csv'),
        renderExport('matrix', corpus, {}, 'json'),
        renderExport('comparison', corpus, { setting }, 'json'),
        renderExport('comparison', corpus, { setting, max: 1 }, 'md'),
      ]);
      for (const r of results) assert.equal(typeof r, 'string');
      assert.match(results[2] as string, /^# Codebook\n/);
      assert.match(results[6] as string, /\| wave 2016 \(predicted\) \| wave 2021 \(reported\) \|/, 'quotes by default, as the extension exports them');
      for (const format of ['xlsx', 'docx'] as const) {
        const out = await renderExport('codebook', corpus, {}, format);
        assert.ok(out instanceof Uint8Array && out[0] === 0x50 && out[1] === 0x4b, `${format}: a zip package`);
        assert.ok(isBinaryFormat(format));
      }
      assert.ok(!isBinaryFormat('csv'));
    });

    it('loads the writers once', async () => {
      assert.equal(await loadOfficeWriters(), await loadOfficeWriters());
    });
  });
});
