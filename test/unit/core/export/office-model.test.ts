import assert from 'node:assert/strict';
import { resolveComparison, type WaveSetting } from '../../../../src/core/compare/comparison-setting';
import { buildCodebookExport, codebookDocument, codebookWorkbook, renderCodebook } from '../../../../src/core/export/codebook-export';
import { comparisonDocument, comparisonWorkbook } from '../../../../src/core/export/comparison-office';
import { matrixDocument, matrixWorkbook } from '../../../../src/core/export/matrix-office';
import { quoteRuns, sheetNames, type DocumentBlock, type DocumentCell, type OfficeDocument } from '../../../../src/core/export/office-model';
import { buildQuoteTable } from '../../../../src/core/export/quote-table';
import { quoteTableDocument, quoteTableWorkbook } from '../../../../src/core/export/quote-table-office';
import { buildFrameworkMatrix } from '../../../../src/core/matrix/framework-matrix';
import { FILES, loadOfficeStudy, withoutFiles } from './office-study';

/** A cell's text, its paragraphs on separate lines. */
const cellText = (cell: DocumentCell) => cell.map((p) => p.map((r) => r.text).join('')).join('\n');
const headings = (doc: OfficeDocument, level: number) => doc.blocks.filter((b) => b.kind === 'heading' && b.level === level).map((b) => (b as { text: string }).text);
const tables = (doc: OfficeDocument) => doc.blocks.filter((b): b is Extract<DocumentBlock, { kind: 'table' }> => b.kind === 'table');
const texts = (doc: OfficeDocument) => doc.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.runs.map((r) => r.text).join('')] : []));

async function studySetting(): Promise<WaveSetting> {
  const setting = resolveComparison(await loadOfficeStudy());
  if ('error' in setting) throw new Error(setting.error);
  return setting;
}

describe('office export models', () => {
  describe('sheet names', () => {
    it('are what Excel accepts: no [ ] : * ? / \\, 31 characters at most, unique without regard to case', () => {
      assert.deepEqual(
        sheetNames(['Support: data / analysts?', 'A'.repeat(40), 'a'.repeat(40), 'Quotes', 'quotes', '', "'Quoted'", 'History']),
        ['Support data analysts', 'A'.repeat(31), `${'a'.repeat(27)} (2)`, 'Quotes', 'quotes (2)', 'Sheet', 'Quoted', 'History sheet'],
      );
    });

    it('never split a surrogate pair when cutting', () => {
      const [name] = sheetNames([`${'x'.repeat(30)}😀`]);
      assert.equal(name, 'x'.repeat(30));
    });
  });

  it('print a quote in italics between quotation marks, then its case id', () => {
    assert.deepEqual(quoteRuns('we were doing it\nin our own time', 'P1'), [{ text: '“we were doing it in our own time”', italic: true }, { text: ' [P1]' }]);
    assert.deepEqual(quoteRuns('q', 'SH3', { illustrative: true, orphaned: true }).map((r) => r.text), ['★ ', '“q”', ' [SH3]', ' (orphaned)']);
  });

  describe('the quote table', () => {
    it('as a workbook: a sheet per theme, the waves side by side, each quote with its case id in the next column', async () => {
      const book = quoteTableWorkbook(buildQuoteTable(await loadOfficeStudy()));
      assert.deepEqual(book.sheets.map((s) => s.name), ['Protected time', 'Data and analysis', 'Remote and rural practice', 'Pandemic response']);
      const [time, data] = book.sheets;
      assert.deepEqual(time.columns.map((c) => c.header), ['wave 2016: quote', 'wave 2016: case', 'wave 2021: quote', 'wave 2021: case']);
      assert.deepEqual(time.rows, [
        ['we were doing it in our own time, evenings mostly', 'P1', 'The sessions were funded by then', 'P1'],
        ['The day list always wins over the cluster meeting', 'P2', '', ''],
      ]);
      assert.equal(data.rows[0][0], '=the dashboard was a spreadsheet someone emailed round', 'the quote as said: a workbook cell is text, never a formula');
      assert.ok(time.columns[0].wrap && time.columns[0].width > time.columns[1].width);
    });

    it('as a workbook, sequentially: the wave, the quote and the case, a row per quote', async () => {
      const book = quoteTableWorkbook(buildQuoteTable(await loadOfficeStudy()), { layout: 'sequential' });
      assert.deepEqual(book.sheets[0].columns.map((c) => c.header), ['wave', 'quote', 'case']);
      assert.deepEqual(book.sheets[0].rows, [
        ['2016', 'we were doing it in our own time, evenings mostly', 'P1'],
        ['2016', 'The day list always wins over the cluster meeting', 'P2'],
        ['2021', 'The sessions were funded by then', 'P1'],
      ]);
    });

    it('as a workbook from a codebook without themes: one empty sheet, since a workbook needs one', async () => {
      const corpus = await loadOfficeStudy({ ...FILES, 'codebook.yaml': 'themes: []\n', 'transcripts/2016/P1.md': '---\ncase: P1\nwave: "2016"\n---\nText.\n', 'transcripts/2016/P2.md': '---\nwave: "2016"\n---\n', 'transcripts/2021/P1.md': '---\nwave: "2021"\n---\n', 'transcripts/2021/SH3.md': '---\nwave: "2021"\n---\n' });
      const book = quoteTableWorkbook(buildQuoteTable(corpus));
      assert.deepEqual(book.sheets.map((s) => [s.name, s.rows.length]), [['Quotes', 0]]);
    });

    it('as a document: a section per theme, a column per wave, each quote italic with its case id', async () => {
      const doc = quoteTableDocument(buildQuoteTable(await loadOfficeStudy()));
      assert.deepEqual(headings(doc, 2), ['Protected time', 'Data and analysis', 'Remote and rural practice', 'Pandemic response']);
      const [time] = tables(doc);
      assert.deepEqual(time.header?.map(cellText), ['wave: 2016', 'wave: 2021']);
      assert.deepEqual(time.rows[0][0], [[{ text: '“we were doing it in our own time, evenings mostly”', italic: true }, { text: ' [P1]' }]]);
      assert.deepEqual(time.rows[1].map(cellText), ['“The day list always wins over the cluster meeting” [P2]', '']);
    });

    it('as a document, sequentially: a heading and a table per wave, and a wave without quotes says so', async () => {
      const doc = quoteTableDocument(buildQuoteTable(await loadOfficeStudy(), { themes: ['pandemic'] }), { layout: 'sequential' });
      assert.deepEqual(doc.blocks.slice(1).map((b) => (b.kind === 'table' ? b.rows.map((r) => r.map(cellText)) : b.kind === 'heading' ? b.text : texts({ title: '', blocks: [b] })[0])), [
        'Pandemic response',
        'wave: 2016',
        'No quotes.',
        'wave: 2021',
        [['“the cluster became the group that ran the assessment hub” [P1]'], ['“@the hub we shared staff across four practices” [SH3]']],
      ]);
    });
  });

  it('the matrix: a sheet per wave with the segments as numbers; a landscape document with a table per wave and its quotes', async () => {
    const matrix = buildFrameworkMatrix(await loadOfficeStudy());
    const book = matrixWorkbook(matrix);
    assert.deepEqual(book.sheets.map((s) => s.name), ['wave 2016', 'wave 2021']);
    const [y2016] = book.sheets;
    assert.deepEqual(y2016.columns.slice(0, 5).map((c) => c.header), ['case', 'documents', 'Protected time', 'Protected time: segments', 'Protected time: quotes']);
    assert.deepEqual(y2016.rows[0].slice(0, 5), ['P1', 'transcripts/2016/P1.md', 'Unfunded; evenings only.', 1, 'we were doing it in our own time, evenings mostly']);

    const doc = matrixDocument(matrix);
    assert.equal(doc.landscape, true);
    assert.deepEqual(headings(doc, 2), ['wave: 2016', 'wave: 2021']);
    assert.deepEqual(tables(doc)[0].rows[1].map(cellText), ['P2', '— (1)', '— (1)', '— (0)', '— (0)']);
    assert.ok(texts(doc).includes('“=the dashboard was a spreadsheet someone emailed round” [P1]'));
  });

  describe('the wave comparison', () => {
    it('as a workbook: the counts as numbers (shares as percentages), then the quotes side by side with their case ids', async () => {
      const book = comparisonWorkbook(await loadOfficeStudy(), await studySetting());
      const [counts, quotes] = book.sheets;
      assert.deepEqual(book.sheets.map((s) => s.name), ['Wave comparison', 'Quotes']);
      assert.deepEqual(counts.rows.find((r) => r[0] === 'pandemic'), ['pandemic', '', 'Pandemic response', 'emergent', '2021', 0, 0, 0, 2, 1, 2]);
      assert.ok(counts.columns[6].percent, '2016 share');
      assert.deepEqual(quotes.columns.map((c) => c.header), ['theme', 'wave 2016 (predicted)', 'wave 2016: case', 'wave 2021 (reported)', 'wave 2021: case']);
      assert.deepEqual(quotes.rows.filter((r) => r[0] === 'Pandemic response'), [
        ['Pandemic response', '', '', 'the cluster became the group that ran the assessment hub', 'P1'],
        ['Pandemic response', '', '', '@the hub we shared staff across four practices', 'SH3'],
      ]);
      assert.deepEqual(comparisonWorkbook(await loadOfficeStudy(), await studySetting(), { quotes: false }).sheets.map((s) => s.name), ['Wave comparison']);
    });

    it('as a document: the counts table, then per theme its status and the two waves\' quotes side by side', async () => {
      const doc = comparisonDocument(await loadOfficeStudy(), await studySetting(), { illustrative: true });
      assert.equal(doc.landscape, true);
      const [counts, ...quotes] = tables(doc);
      assert.deepEqual(counts.rows[0].map(cellText), ['Protected time', '2', '100%', '2', '1', '50%', '1', 'predicted and reported']);
      assert.deepEqual(counts.rows[1].map(cellText)[0], '\u2003Backfill and funded sessions');
      assert.ok(texts(doc).includes('Emergent; first coded in wave 2021.'));
      assert.ok(texts(doc).includes('No quote marked illustrative in either wave.'), 'data and analysis has quotes, none illustrative');
      assert.deepEqual(quotes.map((t) => t.rows.map((r) => r.map(cellText))), [
        [['★ “we were doing it in our own time, evenings mostly” [P1]', '']],
        [['', '★ “@the hub we shared staff across four practices” [SH3]']],
      ]);
    });
  });

  describe('the codebook', () => {
    it('in Markdown: each theme and code with its id, definition, criteria, example and counts per wave', async () => {
      const md = renderCodebook(await loadOfficeStudy(), 'md');
      assert.ok(md.startsWith('# Codebook\n\nCoded: the cases with at least one coded segment, and the coded segments, in wave 2016 (the baseline, 2 cases) and wave 2021 (the follow-up, 2 cases);'));
      assert.ok(md.includes(`### Backfill and funded sessions

- **Id:** \`backfill\`
- **Definition:** Whether cluster sessions are paid for and the surgery covered.
- **Include:** Locum cover, funded sessions, evenings given up.
- **Exclude:** Funding of the cluster as a whole.
- **Example:** we were doing it in our own time
- **Coded:** wave 2016: 1 case, 1 segment; wave 2021: 1 case, 1 segment (predicted and reported)
`), md);
      assert.ok(md.includes('## Pandemic response\n\n- **Id:** `pandemic`\n- **Coded:** wave 2016: 0 cases, 0 segments; wave 2021: 2 cases, 2 segments (emergent)\n'));
    });

    it('in CSV: a row per theme and per code, counts per wave, formulas neutralised, with a BOM', async () => {
      const csv = renderCodebook(await loadOfficeStudy(), 'csv');
      assert.equal(csv, '\uFEFF' + [
        'theme,code,name,description,include,exclude,example,status,first wave,2016 cases,2016 segments,2021 cases,2021 segments',
        'protected-time,,Protected time,Time set aside from surgery for cluster work.,,,,predicted and reported,2016,2,2,1,1',
        'protected-time,backfill,Backfill and funded sessions,Whether cluster sessions are paid for and the surgery covered.,"Locum cover, funded sessions, evenings given up.",Funding of the cluster as a whole.,we were doing it in our own time,predicted and reported,2016,1,1,1,1',
        'protected-time,competing-demands,Competing demands,Cluster work squeezed out by the day list.,,,,"predicted, not reported",2016,1,1,0,0',
        'data-analysis,,Data and analysis,,,,,"predicted, not reported",2016,2,2,0,0',
        `data-analysis,dashboards,Dashboards and practice data,'=Comparative data on the cluster's practices,"'+ talk of dashboards, audits, prescribing data",,,"predicted, not reported",2016,2,2,0,0`,
        'remote-rural,,Remote and rural practice,"Distance, islands and travel between practices.",,,,predicted and reported,2016,1,1,1,1',
        'pandemic,,Pandemic response,,,,,emergent,2021,0,0,2,2',
        '',
      ].join('\n'));
    });

    it('from a single wave: without counts, saying why', async () => {
      const corpus = await loadOfficeStudy(withoutFiles(FILES, 'transcripts/2021/P1.md', 'transcripts/2021/SH3.md'));
      const model = buildCodebookExport(corpus);
      assert.equal(model.waves, undefined);
      assert.match(model.noCounts ?? '', /no document has wave "2021"/);
      const md = renderCodebook(corpus, 'md');
      assert.match(md, /^# Codebook\n\nNo counts per wave: no document has wave "2021"/);
      assert.doesNotMatch(md, /Coded:/);
      assert.equal(renderCodebook(corpus, 'csv').split('\n')[0], '\uFEFFtheme,code,name,description,include,exclude,example');
      assert.deepEqual(tables(codebookDocument(model)).map((t) => t.header?.map(cellText)), [
        ['Code', 'Definition', 'Include', 'Exclude'],
        ['Code', 'Definition', 'Include', 'Exclude'],
      ]);
    });

    it('as a workbook and a document: the CSV\'s columns with numbers; a table of codes per theme', async () => {
      const model = buildCodebookExport(await loadOfficeStudy());
      const [sheet] = codebookWorkbook(model).sheets;
      assert.equal(sheet.name, 'Codebook');
      assert.deepEqual(sheet.rows[1].slice(7), ['predicted and reported', '2016', 1, 1, 1, 1]);
      const doc = codebookDocument(model);
      assert.deepEqual(headings(doc, 2), ['Protected time', 'Data and analysis', 'Remote and rural practice', 'Pandemic response']);
      const [time] = tables(doc);
      assert.deepEqual(time.header?.map(cellText), ['Code', 'Definition', 'Include', 'Exclude', 'wave 2016', 'wave 2021', 'Status']);
      assert.deepEqual(time.rows[0].map(cellText), [
        'Backfill and funded sessions\nbackfill',
        'Whether cluster sessions are paid for and the surgery covered.\nExample: we were doing it in our own time',
        'Locum cover, funded sessions, evenings given up.',
        'Funding of the cluster as a whole.',
        '1 case\n1 segment',
        '1 case\n1 segment',
        'predicted and reported',
      ]);
    });
  });
});
