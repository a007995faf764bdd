import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { copyToTemp, FIXTURES, hashTree, lines, listFiles, removeTemp, run, SAMPLE, type CliResult } from './run-cli';

interface JsonProblem {
  file: string;
  line: number;
  column: number;
  severity: string;
  rule: string;
  message: string;
}

interface ValidateJson {
  root: string;
  documents: number;
  errors: number;
  warnings: number;
  problems: JsonProblem[];
}

/** One line of the text form: `path:line:col: error|warning: message`. */
const PROBLEM_LINE = /^[^\s:][^:]*:\d+:\d+: (error|warning): \S/;

/** The 13 located errors of test/fixtures/bad: file, line, column, rule, a key phrase of the message. */
const BAD_ERRORS: readonly [string, number, number, string, string][] = [
  ['codebook.yaml', 5, 13, 'duplicate-codebook-id', 'code id "data-support" is already used by the code on line 4'],
  ['codebook.yaml', 6, 9, 'duplicate-codebook-id', 'theme id "support" is already used by the theme on line 2'],
  ['codebook.yaml', 8, 9, 'invalid-id', 'theme id "Bad_Theme" is not a valid id'],
  ['docs/alias-bomb.md', 2, 4, 'yaml-alias', 'YAML anchors and aliases are not allowed'],
  ['docs/custom-tag.md', 3, 7, 'yaml-tag', 'YAML tag "!python/object:os.system" is not allowed'],
  ['docs/duplicate-id.md', 9, 9, 'duplicate-annotation-id', 'annotation id "d1" is already used on line 4'],
  ['docs/js-engine.md', 1, 4, 'executable-front-matter', 'is executable and is never run'],
  ['docs/latin1.md', 4, 8, 'not-utf8', 'is not UTF-8'],
  ['docs/orphan.md', 6, 12, 'orphan', 'annotation "o1" (data-support) is orphaned'],
  ['docs/summary-b.md', 4, 3, 'duplicate-summary', 'case P7 already has a summary of "support" in docs/summary-a.md'],
  ['docs/unclosed.md', 1, 1, 'unclosed-front-matter', 'front matter is not closed'],
  ['docs/unknown-code.md', 5, 11, 'unknown-code', 'unknown code "no-such-code"'],
  ['docs/yaml-syntax.md', 4, 1, 'yaml-syntax', 'malformed YAML'],
];

function parseJson(r: CliResult): ValidateJson {
  return JSON.parse(r.stdout) as ValidateJson;
}

describe('qualframe validate', () => {
  describe('on the good fixture', () => {
    it('exits 0, prints the one-line summary on stdout and nothing on stderr', () => {
      const r = run(['validate', '--root', path.join(FIXTURES, 'good')]);
      assert.equal(r.stderr, '');
      assert.equal(r.stdout, '5 documents, 4 codes: no problems\n');
      assert.equal(r.status, 0);
    });
  });

  describe('on the sample workspace', () => {
    it('exits 0 with no problems', () => {
      const r = run(['validate', '--root', SAMPLE]);
      assert.equal(r.stderr, '');
      assert.equal(r.stdout, '13 documents, 27 codes: no problems\n');
      assert.equal(r.status, 0);
    });
  });

  describe('on the bad fixture (a temporary copy, run from inside it)', () => {
    let temp: string;
    let root: string;
    let hashesBefore: Record<string, string>;
    let text: CliResult;
    let json: CliResult;
    let report: ValidateJson;

    before(() => {
      ({ temp, root } = copyToTemp(path.join(FIXTURES, 'bad')));
      hashesBefore = hashTree(temp);
      // No --root: the root is found from the working folder (the root itself, then a subfolder).
      text = run(['validate'], root);
      json = run(['validate', '--json'], path.join(root, 'docs'));
      report = parseJson(json);
    });
    after(() => removeTemp(temp));

    it('exits 1 and prints the summary on stdout', () => {
      assert.equal(text.status, 1, text.stderr);
      assert.equal(text.stdout, '11 documents, 1 codes: 13 errors, 0 warnings\n');
    });

    it('prints exactly 13 problems on stderr, one per line, as path:line:col: error: message', () => {
      const errLines = lines(text.stderr);
      for (const l of errLines) assert.match(l, PROBLEM_LINE);
      assert.equal(errLines.length, BAD_ERRORS.length, text.stderr);
    });

    for (const [file, line, column, rule, phrase] of BAD_ERRORS) {
      it(`reports ${file}:${line}:${column} (${rule}) in text and JSON`, () => {
        const prefix = `${file}:${line}:${column}: error: `;
        const hit = lines(text.stderr).filter((l) => l.startsWith(prefix));
        assert.equal(hit.length, 1, `expected one line starting ${prefix} in:\n${text.stderr}`);
        assert.ok(hit[0].includes(phrase), `"${hit[0]}" should say "${phrase}"`);
        const p = report.problems.filter((q) => q.file === file && q.line === line && q.column === column);
        assert.equal(p.length, 1, `expected one JSON problem at ${file}:${line}:${column}`);
        assert.equal(p[0].severity, 'error');
        assert.equal(p[0].rule, rule);
        assert.ok(p[0].message.includes(phrase), `"${p[0].message}" should say "${phrase}"`);
      });
    }

    it('--json prints one JSON document whose counts match, with POSIX root-relative files', () => {
      assert.equal(json.status, 1);
      assert.deepEqual(Object.keys(report).sort(), ['documents', 'errors', 'problems', 'root', 'warnings']);
      assert.equal(report.root, root);
      assert.equal(report.documents, 11);
      assert.equal(report.errors, 13);
      assert.equal(report.warnings, 0);
      assert.equal(report.problems.length, report.errors + report.warnings);
      assert.equal(report.problems.filter((p) => p.severity === 'error').length, report.errors);
      for (const p of report.problems) {
        assert.deepEqual(Object.keys(p).sort(), ['column', 'file', 'line', 'message', 'rule', 'severity']);
        assert.ok(!path.isAbsolute(p.file) && !p.file.includes('\\') && !p.file.startsWith('..'), `not POSIX-relative: ${p.file}`);
        assert.ok(fs.existsSync(path.join(root, ...p.file.split('/'))), `${p.file} is not a file of the root`);
        assert.ok(Number.isInteger(p.line) && p.line >= 1 && Number.isInteger(p.column) && p.column >= 1);
      }
    });

    it('changes nothing: every file of the copy has the same hash, and no file was added', () => {
      assert.deepEqual(hashTree(temp), hashesBefore);
    });

    it('never runs the JavaScript front matter of docs/js-engine.md', () => {
      const pwned = listFiles(temp).filter((f) => f.includes('PWNED-BY-FRONT-MATTER'));
      assert.deepEqual(pwned, []);
      assert.equal(fs.existsSync(path.join(process.cwd(), 'PWNED-BY-FRONT-MATTER')), false);
    });
  });

  describe('root discovery and --root', () => {
    let temp: string;
    let root: string;
    before(() => ({ temp, root } = copyToTemp(path.join(FIXTURES, 'good'))));
    after(() => removeTemp(temp));

    it('without --root, finds the root from a subfolder (interviews/)', () => {
      const r = run(['validate', '--json'], path.join(root, 'interviews'));
      const report = parseJson(r);
      assert.equal(report.root, root);
      assert.equal(report.documents, 5);
      assert.deepEqual(report.problems, []);
      assert.equal(r.stderr, '');
      assert.equal(r.status, 0);
    });

    it('takes the nearest folder upward with qualframe.yaml (the nested corpus from inside it)', () => {
      const nested = path.join(root, 'interviews', 'nested');
      const report = parseJson(run(['validate', '--json'], nested));
      assert.equal(report.root, nested);
      assert.equal(report.documents, 1);
    });

    it('--root to a missing folder exits 2 with a message on stderr and nothing on stdout', () => {
      const missing = path.join(temp, 'no-such-folder');
      const r = run(['validate', '--json', '--root', missing]);
      assert.equal(r.status, 2);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, /no such folder/);
      assert.ok(r.stderr.includes('no-such-folder'), r.stderr);
    });
  });

  describe('problems in a CRLF + BOM document (good copy, C3 quote replaced by words not in the text)', () => {
    let temp: string;
    let root: string;
    let text: CliResult;
    let json: CliResult;
    before(() => {
      ({ temp, root } = copyToTemp(path.join(FIXTURES, 'good')));
      const c3 = path.join(root, 'interviews', 'C3.md');
      const bytes = fs.readFileSync(c3, 'latin1');
      const quote = 'quote: "We moved meetings online \xe2\x80\x94\\nand attendance went up"';
      assert.ok(bytes.includes(quote), 'fixture quote as expected');
      fs.writeFileSync(c3, bytes.replace(quote, 'quote: "Nobody wanted to meet by video \xe2\x80\x94\\nso attendance fell away"'), 'latin1');
      text = run(['validate'], root);
      json = run(['validate', '--json'], root);
    });
    after(() => removeTemp(temp));

    it('locates the orphan at interviews/C3.md:9:12 (BOM and CR not counted)', () => {
      assert.equal(json.status, 1);
      const report = parseJson(json);
      assert.deepEqual(
        report.problems.map((p) => [p.file, p.line, p.column, p.rule]),
        [['interviews/C3.md', 9, 12, 'orphan']],
      );
      assert.equal(text.status, 1);
      assert.ok(text.stderr.startsWith('interviews/C3.md:9:12: error: annotation "c1" (remote-working) is orphaned'), text.stderr);
    });

    it('prints the problem on one line of stderr even though its quote spans two lines', () => {
      // The quote of c1 contains a line break; the text form must stay one problem per line.
      const errLines = lines(text.stderr);
      for (const l of errLines) assert.match(l, PROBLEM_LINE);
      assert.equal(errLines.length, 1, text.stderr);
    });
  });

  describe('annotations that survive edits (good copy)', () => {
    let temp: string;
    let root: string;
    beforeEach(() => {
      ({ temp, root } = copyToTemp(path.join(FIXTURES, 'good')));
    });
    afterEach(() => removeTemp(temp));

    it('finds an annotation again after text is inserted before it: no problem reported', () => {
      const a1 = path.join(root, 'interviews', 'A1.md');
      fs.writeFileSync(a1, fs.readFileSync(a1, 'utf8').replace('Honestly,', 'Honestly, and I have said this before,'));
      const r = run(['validate'], root);
      assert.equal(r.stderr, '');
      assert.equal(r.status, 0);
    });

    it('reports a re-worded quote as a warning with its new wording, exit 0', () => {
      const a1 = path.join(root, 'interviews', 'A1.md');
      const text = fs.readFileSync(a1, 'utf8');
      const bodyStart = text.indexOf('\n---\n') + 5;
      fs.writeFileSync(a1, text.slice(0, bodyStart) + text.slice(bodyStart).replace('We had no analyst support at all', 'We had no analytic support at all'));
      const r = run(['validate'], root);
      assert.equal(r.status, 0);
      assert.match(r.stderr, /^interviews\/A1\.md:\d+:\d+: warning: annotation "a1x1" \(data-support\): its text was re-worded and now reads "We had no analytic support at all"/m);
    });
  });
});
