import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { copyToTemp, FIXTURES, makeTemp, removeTemp, run, SAMPLE } from './run-cli';

describe('qualframe matrix / compare / export quotes', () => {
  let out: string;
  before(() => {
    out = makeTemp();
  });
  after(() => removeTemp(out));

  it('matrix --json has the cli.md shape: themes, and a row per case and wave (panel case twice)', () => {
    const r = run(['matrix', '--json', '--root', SAMPLE]);
    assert.equal(r.status, 0, r.stderr);
    const m = JSON.parse(r.stdout);
    assert.deepEqual(m.themes.map((t: { id: string }) => t.id), ['purpose', 'leadership', 'support', 'relationships', 'governance', 'evaluation', 'sustainability', 'workforce', 'expectations', 'covid-19']);
    assert.equal(m.rows.length, 13);
    assert.deepEqual(m.rows.filter((row: { case: string }) => row.case === 'P3').map((row: { wave: string }) => row.wave), ['2016', '2021']);
    const p3 = m.rows.find((row: { case: string; wave: string }) => row.case === 'P3' && row.wave === '2016');
    assert.match(p3.cells.support.summary, /analyst and administrative support/);
    assert.ok(p3.cells.support.quotes.every((q: Record<string, unknown>) => typeof q.file === 'string' && typeof q.id === 'string' && typeof q.code === 'string' && typeof q.quote === 'string'));
  });

  it('matrix writes Markdown to --out, and CSV when the file ends in .csv', () => {
    const md = path.join(out, 'matrix.md');
    assert.equal(run(['matrix', '--out', md, '--root', SAMPLE]).status, 0);
    const text = fs.readFileSync(md, 'utf8');
    assert.match(text, /^# Framework matrix/);
    assert.match(text, /## wave: 2016[\s\S]*## wave: 2021/);
    const csv = path.join(out, 'matrix.csv');
    assert.equal(run(['matrix', '--out', csv, '--root', SAMPLE]).status, 0);
    assert.ok(fs.readFileSync(csv, 'utf8').startsWith('\ufeff'), 'CSV for Excel starts with a BOM');
  });

  it('compare --json shows predicted, unreported and emergent themes of the sample study', () => {
    const r = run(['compare', '--json', '--root', SAMPLE]);
    assert.equal(r.status, 0, r.stderr);
    const c = JSON.parse(r.stdout);
    assert.deepEqual([c.attribute, c.baseline, c.followup], ['wave', '2016', '2021']);
    const status = Object.fromEntries(c.themes.map((t: { id: string; status: string }) => [t.id, t.status]));
    assert.equal(status.support, 'both');
    assert.equal(status.workforce, 'followup-only');
    assert.equal(status.expectations, 'followup-only');
    assert.equal(status['covid-19'], 'followup-only');
    const codes = Object.fromEntries(c.themes.flatMap((t: { codes: { id: string; status: string }[] }) => t.codes.map((k) => [k.id, k.status])));
    assert.equal(codes['information-governance'], 'baseline-only');
    assert.equal(codes['patient-involvement'], 'unused');
    const workforce = c.themes.find((t: { id: string }) => t.id === 'workforce');
    assert.deepEqual([workforce.baseline.cases, workforce.followup.cases > 0], [0, true]);
  });

  it('compare says in words what each status means, and refuses a wave that does not exist', () => {
    const md = run(['compare', '--root', SAMPLE]);
    assert.match(md.stdout, /\| \*\*Workforce shortages\*\* \|.*\| emergent \|/);
    assert.match(md.stdout, /Information governance \|.*\| predicted, not reported \|/);
    const bad = run(['compare', '--baseline', '1999', '--followup', '2021', '--root', SAMPLE]);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /1999/);
  });

  it('compare --quotes sets each theme\'s predicted and reported quotes side by side, after the unchanged table', () => {
    const plain = run(['compare', '--root', SAMPLE]);
    assert.doesNotMatch(plain.stdout, /\(predicted\)/, 'no quotes unless asked for');
    const r = run(['compare', '--quotes', '--root', SAMPLE]);
    assert.equal(r.status, 0, r.stderr);
    assert.ok(r.stdout.startsWith(plain.stdout.trimEnd()), 'the comparison table first, as without --quotes');
    assert.match(r.stdout, /\n## Workforce shortages\n\nEmergent; first coded in wave 2021\.\n\n\| wave 2016 \(predicted\) \| wave 2021 \(reported\) \|\n\| --- \| --- \|\n\|  \| “/);
    assert.match(r.stdout, /\|  \| ★ “we had clusters where half the practices were carrying a vacancy they simply could not fill” \[SH01\] \|/);
    assert.match(r.stdout, /## Support for clusters\n\nPredicted and reported; first coded in wave 2016\.\n\n\| wave 2016 \(predicted\) \| wave 2021 \(reported\) \|\n\| --- \| --- \|\n\| (★ )?“.+” \[P\d\] \| (★ )?“.+” \[[A-Z]+\d+\] \|/);
  });

  it('compare --quotes --max N keeps at most N quotes per theme and wave', () => {
    const tableRows = (md: string) => md.split('\n## ').slice(1).map((section) => section.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| wave') && !l.startsWith('| ---')).length);
    const all = tableRows(run(['compare', '--quotes', '--root', SAMPLE]).stdout);
    const few = tableRows(run(['compare', '--quotes', '--max', '1', '--root', SAMPLE]).stdout);
    assert.equal(few.length, 10, 'a section per theme');
    assert.ok(few.every((n) => n === 1), `one row per theme: ${few}`);
    assert.ok(all.some((n) => n > 1), `more without --max: ${all}`);

    const illustrative = run(['compare', '--quotes', '--illustrative', '--root', SAMPLE]).stdout;
    const quoteCells = illustrative.split('\n').filter((l) => l.includes('” [')).flatMap((l) => l.split(' | ').filter((c) => c.includes('” [')));
    assert.ok(quoteCells.length > 0 && quoteCells.every((c) => /^(\| )?★ “/.test(c)), 'only illustrative quotes');
  });

  it('compare --format csv: a row per theme and per code, with the quotes columns only with --quotes', () => {
    const r = run(['compare', '--format', 'csv', '--root', SAMPLE]);
    assert.equal(r.status, 0, r.stderr);
    const [header, first, second] = r.stdout.split('\n');
    assert.equal(header, '\ufefftheme,code,name,status,first wave,2016 cases,2016 share,2016 segments,2021 cases,2021 share,2021 segments');
    assert.match(first, /^purpose,,Purpose and role of clusters,predicted and reported,2016,\d+,\d+%,\d+,/);
    assert.match(second, /^purpose,[a-z-]+,/);
    assert.match(r.stdout, /\nworkforce,,Workforce shortages,emergent,2021,0,0%,0,/);

    const csv = path.join(out, 'compare.csv');
    const q = run(['compare', '--quotes', '--max', '2', '--out', csv, '--root', SAMPLE]);
    assert.equal(q.status, 0, q.stderr);
    const text = fs.readFileSync(csv, 'utf8');
    assert.ok(text.startsWith('\ufefftheme,code,name,status,first wave,2016 cases,2016 share,2016 segments,2021 cases,2021 share,2021 segments,2016 quotes,2021 quotes\n'), 'CSV from the .csv extension, with the quotes');
    assert.match(text, /\nworkforce,,Workforce shortages,emergent,2021,0,0%,0,\d+,\d+%,\d+,,"“[^"]+” \[\w+\]\n(★ )?“[^"]+” \[\w+\]"\n/, 'two quotes, one per line, each with its case');
  });

  it('compare refuses --quotes with JSON, and --max or --illustrative without --quotes', () => {
    const json = run(['compare', '--json', '--quotes', '--root', SAMPLE]);
    assert.equal(json.status, 2);
    assert.match(json.stderr, /--quotes is for --format md, csv, xlsx or docx/);
    const max = run(['compare', '--max', '2', '--root', SAMPLE]);
    assert.equal(max.status, 2);
    assert.match(max.stderr, /--max chooses quotes: add --quotes/);
    assert.match(run(['compare', '--illustrative', '--root', SAMPLE]).stderr, /--illustrative chooses quotes: add --quotes/);
    assert.match(run(['compare', '--quotes', '--max', '0', '--root', SAMPLE]).stderr, /--max must be a whole number from 1/);
  });

  it('export quotes: per theme and wave, each quote with its case id', () => {
    const md = path.join(out, 'quotes.md');
    const r = run(['export', 'quotes', '--out', md, '--theme', 'workforce', '--root', SAMPLE]);
    assert.equal(r.status, 0, r.stderr);
    const text = fs.readFileSync(md, 'utf8');
    assert.match(text, /## Workforce shortages/);
    assert.match(text, /> "we had clusters where half the practices were carrying a vacancy they simply could not fill" \[SH01\]/);
    assert.doesNotMatch(text, /## Support for clusters/);
  });

  it('export quotes --illustrative and --max limit the table', () => {
    const all = path.join(out, 'all.csv');
    const few = path.join(out, 'few.csv');
    run(['export', 'quotes', '--out', all, '--root', SAMPLE]);
    run(['export', 'quotes', '--out', few, '--illustrative', '--max', '1', '--root', SAMPLE]);
    const rows = (f: string) => fs.readFileSync(f, 'utf8').trim().split('\n').length - 1;
    assert.ok(rows(all) >= 67, `all quotes: ${rows(all)}`);
    assert.ok(rows(few) > 0 && rows(few) < rows(all) / 3, `illustrative, max 1: ${rows(few)}`);
  });

  it('neutralises a quote a spreadsheet would run as a formula', () => {
    const { temp, root } = copyToTemp(path.join(FIXTURES, 'good'));
    try {
      const doc = path.join(root, 'interviews', 'F1.md');
      fs.writeFileSync(doc, '---\ncase: F1\nwave: 2021\n---\nF1: =HYPERLINK("http://example.invalid","click") was typed here.\n');
      assert.equal(run(['code', doc, '--code', 'facilitation', '--quote', '=HYPERLINK("http://example.invalid","click")'], root).status, 0);
      const csv = path.join(out, 'formula.csv');
      assert.equal(run(['export', 'quotes', '--out', csv, '--root', root]).status, 0);
      const text = fs.readFileSync(csv, 'utf8');
      assert.match(text, /'=HYPERLINK/);
      assert.doesNotMatch(text, /(^|,)"?=HYPERLINK/m);
    } finally {
      removeTemp(temp);
    }
  });

  it('refuses what it cannot do yet, or at all, with exit 2', () => {
    assert.equal(run(['export', 'quotes', '--root', SAMPLE]).status, 2, 'no --out');
    assert.match(run(['export', 'quotes', '--out', path.join(out, 'x.pdf'), '--format', 'pdf', '--root', SAMPLE]).stderr, /--format pdf: choose one of md, csv, xlsx, docx/);
    assert.match(run(['export', 'quotes', '--out', path.join(out, 'x.md'), '--theme', 'nope', '--root', SAMPLE]).stderr, /unknown theme: nope/);
    assert.equal(run(['matrix', '--format', 'pdf', '--root', SAMPLE]).status, 2);
    assert.match(run(['export', 'pdf', '--root', SAMPLE]).stderr, /say what to export: export quotes, export codebook or export qdpx/);
    assert.match(run(['export', '--root', SAMPLE]).stderr, /say what to export: export quotes, export codebook or export qdpx/);
  });

  it('still produces the table from a corpus with errors, but exits 1 with a hint', () => {
    const r = run(['matrix', '--json', '--root', path.join(FIXTURES, 'bad')]);
    assert.equal(r.status, 1);
    assert.doesNotThrow(() => JSON.parse(r.stdout));
    assert.match(r.stderr, /run qualframe validate/);
  });
});
