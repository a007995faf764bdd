import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FILES, withoutFiles } from '../core/export/office-study';
import { cellText, readDocx, readXlsx, sheetValues, type DocxTable } from '../node/office-files';
import { FIXTURES, makeTemp, removeTemp, run, SAMPLE } from './run-cli';

/** Writes the synthetic GP cluster study to a folder, as a corpus on disk. */
function writeStudy(dir: string, files: Record<string, string> = FILES): string {
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

describe('qualframe exports to XLSX and DOCX, and export codebook', function () {
  this.timeout(60_000);
  let temp: string;
  let study: string;
  before(() => {
    temp = makeTemp();
    study = writeStudy(path.join(temp, 'study'));
  });
  after(() => removeTemp(temp));
  const file = (name: string) => path.join(temp, name);

  it('export quotes --format xlsx: a sheet per theme, quotes as text with their case ids, no formula', () => {
    const r = run(['export', 'quotes', '--format', 'xlsx', '--out', file('quotes.xlsx'), '--root', study]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /wrote .*quotes\.xlsx/);
    const xlsx = readXlsx(fs.readFileSync(file('quotes.xlsx')));
    assert.deepEqual(xlsx.sheets.map((s) => s.name), ['Protected time', 'Data and analysis', 'Remote and rural practice', 'Pandemic response']);
    const data = xlsx.sheets[1];
    assert.deepEqual(sheetValues(data)[1], ['=the dashboard was a spreadsheet someone emailed round', 'P1', '', '']);
    assert.equal(data.rows[1][0]?.type, 's');
    assert.equal(data.pane?.state, 'frozen');
    for (const sheet of xlsx.sheets) assert.doesNotMatch(sheet.xml, /<f[\s>/]/);
  });

  it('export quotes --layout sequential, the format from --out\'s extension: a heading and a table per wave', () => {
    const r = run(['export', 'quotes', '--out', file('quotes.docx'), '--layout', 'sequential', '--theme', 'pandemic', '--root', study]);
    assert.equal(r.status, 0, r.stderr);
    const docx = readDocx(fs.readFileSync(file('quotes.docx')));
    assert.deepEqual(docx.blocks.map((b) => (b.kind === 'table' ? b.rows.map((row) => row.map(cellText)) : b.text)), [
      'Quotes by theme and wave',
      'Pandemic response',
      'wave: 2016',
      'No quotes.',
      'wave: 2021',
      [['“the cluster became the group that ran the assessment hub” [P1]'], ['“@the hub we shared staff across four practices” [SH3]']],
    ]);
  });

  it('refuses --layout for md and csv, and a layout it does not know', () => {
    const md = run(['export', 'quotes', '--out', file('x.md'), '--layout', 'sequential', '--root', study]);
    assert.equal(md.status, 2);
    assert.match(md.stderr, /--layout is for --format xlsx or docx/);
    assert.match(run(['export', 'quotes', '--out', file('x.xlsx'), '--layout', 'diagonal', '--root', study]).stderr, /--layout diagonal: choose side-by-side or sequential/);
    assert.ok(!fs.existsSync(file('x.md')) && !fs.existsSync(file('x.xlsx')));
  });

  it('matrix and compare: --format xlsx|docx need --out, and say so before reading the corpus', () => {
    for (const args of [['matrix', '--format', 'xlsx'], ['compare', '--format', 'docx'], ['compare', '--quotes', '--format', 'xlsx']]) {
      const r = run([...args, '--root', study]);
      assert.equal(r.status, 2, args.join(' '));
      assert.equal(r.stdout, '', 'no bytes on the terminal');
      assert.match(r.stderr, /--format (xlsx|docx) writes a file: give --out FILE/);
    }
  });

  it('matrix --out m.xlsx: a sheet per wave; matrix --out m.docx: landscape, the quotes with their case ids', () => {
    assert.equal(run(['matrix', '--out', file('m.xlsx'), '--root', study]).status, 0);
    const xlsx = readXlsx(fs.readFileSync(file('m.xlsx')));
    assert.deepEqual(xlsx.sheets.map((s) => s.name), ['wave 2016', 'wave 2021']);
    assert.deepEqual(sheetValues(xlsx.sheets[0])[1].slice(0, 4), ['P1', 'transcripts/2016/P1.md', 'Unfunded; evenings only.', 1]);
    assert.equal(run(['matrix', '--out', file('m.docx'), '--root', study]).status, 0);
    const docx = readDocx(fs.readFileSync(file('m.docx')));
    assert.equal(docx.landscape, true);
    assert.ok(docx.blocks.some((b) => b.kind === 'paragraph' && b.text === '“Video calls made the islands feel closer” [SH3]'));
  });

  it('compare --quotes --out c.xlsx and c.docx: the counts, then the two waves\' quotes side by side', () => {
    assert.equal(run(['compare', '--quotes', '--out', file('c.xlsx'), '--root', study]).status, 0);
    const xlsx = readXlsx(fs.readFileSync(file('c.xlsx')));
    assert.deepEqual(xlsx.sheets.map((s) => s.name), ['Wave comparison', 'Quotes']);
    assert.deepEqual(sheetValues(xlsx.sheets[1])[0], ['theme', 'wave 2016 (predicted)', 'wave 2016: case', 'wave 2021 (reported)', 'wave 2021: case']);
    assert.equal(run(['compare', '--format', 'xlsx', '--out', file('c2.xlsx'), '--root', study]).status, 0);
    assert.deepEqual(readXlsx(fs.readFileSync(file('c2.xlsx'))).sheets.map((s) => s.name), ['Wave comparison'], 'no quotes without --quotes');

    assert.equal(run(['compare', '--quotes', '--illustrative', '--out', file('c.docx'), '--root', study]).status, 0);
    const docx = readDocx(fs.readFileSync(file('c.docx')));
    const quotes = docx.blocks.filter((b): b is DocxTable => b.kind === 'table').slice(1);
    assert.deepEqual(quotes.map((t) => t.rows.slice(1).map((r) => r.map(cellText))), [
      [['★ “we were doing it in our own time, evenings mostly” [P1]', '']],
      [['', '★ “@the hub we shared staff across four practices” [SH3]']],
    ]);
  });

  it('export codebook: md, csv, xlsx and docx, with the counts per wave', () => {
    for (const ext of ['md', 'csv', 'xlsx', 'docx']) {
      const r = run(['export', 'codebook', '--out', file(`codebook.${ext}`), '--root', study]);
      assert.equal(r.status, 0, `${ext}: ${r.stderr}`);
    }
    assert.match(fs.readFileSync(file('codebook.md'), 'utf8'), /### Backfill and funded sessions\n\n- \*\*Id:\*\* `backfill`\n- \*\*Definition:\*\* Whether cluster sessions/);
    const csv = fs.readFileSync(file('codebook.csv'), 'utf8').split('\n');
    assert.equal(csv[0], '\uFEFFtheme,code,name,description,include,exclude,example,status,first wave,2016 cases,2016 segments,2021 cases,2021 segments');
    assert.equal(csv.at(-2), 'pandemic,,Pandemic response,,,,,emergent,2021,0,0,2,2');
    const [sheet] = readXlsx(fs.readFileSync(file('codebook.xlsx'))).sheets;
    assert.deepEqual(sheetValues(sheet)[2], ['protected-time', 'backfill', 'Backfill and funded sessions', 'Whether cluster sessions are paid for and the surgery covered.', 'Locum cover, funded sessions, evenings given up.', 'Funding of the cluster as a whole.', 'we were doing it in our own time', 'predicted and reported', '2016', 1, 1, 1, 1]);
    const docx = readDocx(fs.readFileSync(file('codebook.docx')));
    assert.deepEqual(docx.blocks.filter((b) => b.kind === 'paragraph' && b.style === 'Heading2').map((b) => (b as { text: string }).text), ['Protected time', 'Data and analysis', 'Remote and rural practice', 'Pandemic response']);
  });

  it('export codebook of the sample study, by other waves, and refusals', () => {
    const sample = run(['export', 'codebook', '--format', 'xlsx', '--out', file('sample-codebook.xlsx'), '--root', SAMPLE]);
    assert.equal(sample.status, 0, sample.stderr);
    const rows = sheetValues(readXlsx(fs.readFileSync(file('sample-codebook.xlsx'))).sheets[0]);
    assert.ok(rows.some((r) => r[0] === 'workforce' && r[1] === '' && r[7] === 'emergent'), 'the emergent theme of the sample study');

    const swapped = run(['export', 'codebook', '--out', file('swapped.csv'), '--baseline', '2021', '--followup', '2016', '--root', study]);
    assert.equal(swapped.status, 0, swapped.stderr);
    assert.match(fs.readFileSync(file('swapped.csv'), 'utf8'), /,2021 cases,2021 segments,2016 cases,2016 segments\n/);

    assert.match(run(['export', 'codebook', '--root', study]).stderr, /--out FILE is required/);
    const missing = run(['export', 'codebook', '--out', file('x.csv'), '--baseline', '1999', '--root', study]);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /no document has wave "1999"/);
    assert.match(run(['export', 'codebook', '--out', file('x.json'), '--format', 'json', '--root', study]).stderr, /--format json: choose one of md, csv, xlsx, docx/);
  });

  it('export codebook of a single wave: the codebook without counts, and a note why', () => {
    const files = withoutFiles(FILES, 'transcripts/2021/P1.md', 'transcripts/2021/SH3.md');
    const single = writeStudy(path.join(temp, 'single'), { ...files, 'qualframe.yaml': 'documents: ["transcripts/**/*.md"]\n' });
    const r = run(['export', 'codebook', '--out', file('single.md'), '--root', single]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /no counts per wave: a comparison needs documents with two different values of "wave"/);
    assert.match(fs.readFileSync(file('single.md'), 'utf8'), /^# Codebook\n\nNo counts per wave: /);
  });

  it('still writes the file from a corpus with errors, but exits 1 with a hint', () => {
    const r = run(['matrix', '--out', file('bad.xlsx'), '--root', path.join(FIXTURES, 'bad')]);
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stderr, /run qualframe validate/);
    assert.ok(readXlsx(fs.readFileSync(file('bad.xlsx'))).sheets.length > 0);
  });
});
