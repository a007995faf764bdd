import assert from 'node:assert/strict';
import { resolveComparison, type WaveSetting } from '../../../src/core/compare/comparison-setting';
import { renderCodedDocumentHtml, tint } from '../../../src/core/export/coded-document';
import type { Workbook } from '../../../src/core/export/office-model';
import { loadOfficeWriters } from '../../../src/node/export/load-office-writers';
import { CELL_TEXT_MAX } from '../../../src/node/export/office-writers';
import { isBinaryFormat, renderExport } from '../../../src/node/export/render-export';
import { loadCodedStudy } from '../core/export/coded-study';
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

    it('writes shading and comments only where runs carry them: a comment over its runs across paragraphs, a bad colour left out', async () => {
      const { writeDocx } = await loadOfficeWriters();
      const note = { id: 'n', text: 'First line\nsecond <line>' };
      const file = readDocx(await writeDocx({
        title: 'Comments',
        blocks: [
          { kind: 'paragraph', runs: [{ text: 'before ' }, { text: 'shaded', shading: '#abc', comments: [note] }, { text: ' red', shading: 'red' }] },
          { kind: 'paragraph', runs: [{ text: 'one\ntwo', comments: [note] }, { text: ' after' }] },
        ],
      }));
      const [first, second] = paragraphs(file.blocks);
      assert.deepEqual(first.runs.filter((r) => r.text !== '').map((r) => [r.text, r.shading]), [['before ', undefined], ['shaded', 'AABBCC'], [' red', undefined]]);
      assert.equal(second.text, 'one\ntwo after', 'a line break in a run is a line break');
      assert.deepEqual(file.comments.map((c) => [c.id, c.author, c.text, c.covers, c.wellFormed]), [['0', 'QualFrame', 'First line\nsecond <line>', 'shaded red\none\ntwo', true]]);

      const plain = readDocx(await writeDocx({ title: 'Plain', blocks: [{ kind: 'paragraph', runs: [{ text: 'no comments' }] }] }));
      assert.deepEqual(plain.comments, []);
      assert.ok(!/w:shd/.test(plain.parts['word/document.xml']));
    });

    describe('the coded document', () => {
      const coded = async () => {
        const { corpus, sh4, sh4b } = await loadCodedStudy();
        return readDocx(bytes(await renderExport('coded', corpus, { paths: [sh4.path, sh4b.path] }, 'docx')));
      };

      it('writes each transcript under its case, path and attributes, its paragraphs as the body’s, the transcript’s markup as text', async () => {
        const file = await coded();
        const texts = paragraphs(file.blocks).map((p) => `${p.style ?? 'text'}: ${p.text}`);
        assert.deepEqual(texts, [
          'Heading1: SH4',
          'text: 2021/SH4.md',
          'text: wave: 2021',
          'text: role: Practice manager',
          'text: Interviewer: What changed?',
          'text: SH4: Two partners left <script>alert(1)</script> and the lists grew.',
          'text: SH4: Then the pandemic stopped the meetings.',
          'Heading2: Orphaned annotations',
          'text: Their text is no longer in the transcript; they are kept in its front matter.',
          'text: “nobody said this” — The pandemic',
          'Heading1: SH4',
          'text: 2021/SH4b.md',
          'text: wave: 2021',
          'text: Interviewer: And now?',
          'text: SH4: The lists grew again.\nEvery week, more.',
          'text: SH4: Nobody came back after the pandemic.',
        ]);
        const xml = file.parts['word/document.xml'];
        assert.ok(!xml.includes('<script>'), 'the transcript’s markup is never XML');
        assert.ok(xml.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
        const orphan = paragraphs(file.blocks)[9];
        assert.deepEqual(orphan.runs.map((r) => [r.text, r.italic]), [['“nobody said this”', true], [' — The pandemic', false]]);
      });

      it('shades each coded run in its code’s colour, as the HTML tints it, and leaves the rest plain', async () => {
        const file = await coded();
        const runs = paragraphs(file.blocks).flatMap((p) => p.runs).filter((r) => r.commentReference === undefined);
        const fill = (text: string) => {
          const found = runs.filter((r) => r.text === text);
          assert.equal(found.length, 1, `one run "${text}"`);
          return found[0].shading;
        };
        const workforce = tint('#d08770', 0.45).slice(1).toUpperCase();
        assert.equal(workforce, 'EAC9BF');
        assert.equal(fill('Two '), workforce);
        assert.equal(fill('partners left'), workforce, 'overlapping segments: the first code’s colour');
        assert.equal(fill(' <script>alert(1)</script> and the lists grew'), workforce);
        assert.equal(fill('the pandemic stopped the meetings'), tint('#d3a4c9', 0.45).slice(1).toUpperCase(), 'a theme applied as a code, without a colour: the third of the fixed few');
        assert.equal(fill('more.'), tint('#33aa77', 0.45).slice(1).toUpperCase(), '#3a7 read as #33aa77');
        for (const plain of ['SH4: ', '.', 'Interviewer: What changed?', 'SH4: Then ']) assert.equal(runs.find((r) => r.text === plain)?.shading, undefined, `${plain} is not shaded`);
        const wave = runs.filter((r) => r.text === '2021');
        assert.ok(wave.length === 2 && wave.every((r) => r.shading === undefined));
      });

      it('writes a comment per annotation naming its code over the annotation’s whole text, overlapping where the segments do', async () => {
        const file = await coded();
        assert.deepEqual(file.comments.map((c) => [c.text, c.covers]), [
          ['Vacancies', 'Two partners left'],
          ['Workload <pressure>', 'partners left <script>alert(1)</script> and the lists grew'],
          ['The pandemic', 'the pandemic stopped the meetings'],
          ['Vacancies', 'The lists grew again.\nEvery week'],
          ['Waiting lists', 'more.\nSH4: Nobody came back'],
        ]);
        assert.deepEqual(file.comments.map((c) => c.id), ['0', '1', '2', '3', '4'], 'unique, though both documents have an a1');
        assert.ok(file.comments.every((c) => c.wellFormed && c.author === 'QualFrame'), 'each range opened, closed and referenced');
        const overlap = paragraphs(file.blocks).flatMap((p) => p.runs).find((r) => r.text === 'partners left')!;
        assert.deepEqual(overlap.comments, ['0', '1']);
        assert.ok(file.parts['word/comments.xml'].includes('Workload &lt;pressure&gt;'));
        assert.match(file.parts['word/_rels/document.xml.rels'], /Target="comments\.xml"/, 'the comments part is linked from the document');
        assert.match(file.parts['[Content_Types].xml'], /PartName="\/word\/comments\.xml"/);
      });

      it('renders the HTML as the command always has, and refuses paths not in the corpus', async () => {
        const { corpus, sh4 } = await loadCodedStudy();
        assert.equal(await renderExport('coded', corpus, { paths: [sh4.path] }, 'html'), renderCodedDocumentHtml([sh4], corpus.codebook));
        await assert.rejects(renderExport('coded', corpus, { paths: [sh4.path, 'gone.md'] }, 'docx'), /not in the corpus: gone\.md/);
        await assert.rejects(renderExport('coded', corpus, { paths: [] }, 'html'), /no document/);
      });
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
        renderExport('coded', corpus, { paths: [corpus.documents[0].path] }, 'html'),
      ]);
      for (const r of results) assert.equal(typeof r, 'string');
      assert.match(results[2] as string, /^# Codebook\n/);
      assert.match(results[6] as string, /\| wave 2016 \(predicted\) \| wave 2021 \(reported\) \|/, 'quotes by default, as the extension exports them');
      assert.match(results[7] as string, /^<!DOCTYPE html>/);
      const coded = await renderExport('coded', corpus, { paths: [corpus.documents[0].path] }, 'docx');
      assert.ok(coded instanceof Uint8Array && coded[0] === 0x50 && coded[1] === 0x4b, 'coded docx: a zip package');
      for (const format of ['xlsx', 'docx'] as const) {
        const out = await renderExport('codebook', corpus, {}, format);
        assert.ok(out instanceof Uint8Array && out[0] === 0x50 && out[1] === 0x4b, `${format}: a zip package`);
        assert.ok(isBinaryFormat(format));
      }
      assert.ok(!isBinaryFormat('csv'));
      assert.ok(!isBinaryFormat('html'));
    });

    it('loads the writers once', async () => {
      assert.equal(await loadOfficeWriters(), await loadOfficeWriters());
    });
  });
});
