import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lines, makeTemp, removeTemp, run, SAMPLE } from './run-cli';

interface JsonHit {
  file: string;
  case: string;
  wave: string | null;
  attributes: Record<string, string>;
  start: number;
  end: number;
  line: number;
  column: number;
  speaker?: string;
  text: string;
  score: number;
  codes: string[];
  matches: [number, number][];
}

interface JsonResult {
  query: string;
  total: number;
  terms: string[];
  filters: Record<string, unknown>;
  notes: string[];
  hits: JsonHit[];
}

/** `qualframe search ...args --json` on the sample study, parsed; stderr must stay empty. */
function searchJson(args: readonly string[], root = SAMPLE): { status: number | null; result: JsonResult; stderr: string } {
  const r = run(['search', '--root', root, '--json', ...args]);
  return { status: r.status, result: JSON.parse(r.stdout) as JsonResult, stderr: r.stderr };
}

/** The file's line `line` (1-based), from column `column` on. */
function fileTextAt(root: string, file: string, line: number, column: number): string {
  const text = fs.readFileSync(path.join(root, file), 'utf8').replace(/^\uFEFF/, '');
  return text.split('\n')[line - 1].slice(column - 1);
}

/** A theme of the sample study's codebook, and its codes. */
const SAMPLE_THEME = 'leadership';
const SAMPLE_THEME_CODES = ['cluster-leads', 'protected-time', 'leadership-skills'];

describe('qualframe search', function () {
  this.timeout(20000);

  describe('on the sample study', () => {
    it('--json prints the contract shape, with the added fields, exit 0', () => {
      const { status, result, stderr } = searchJson(['locum']);
      assert.equal(status, 0);
      assert.equal(stderr, '');
      assert.equal(result.query, 'locum');
      assert.ok(result.total >= result.hits.length && result.hits.length > 0);
      assert.deepEqual(result.terms, ['locum']);
      assert.deepEqual(result.notes, []);
      for (const hit of result.hits) {
        for (const key of ['file', 'case', 'wave', 'start', 'text', 'score', 'end', 'codes', 'matches', 'line', 'column', 'attributes']) {
          assert.ok(key in hit, `hit has ${key}`);
        }
        assert.match(hit.file, /^transcripts\/20(16|21)\/[^/]+\.md$/);
        assert.ok(hit.wave === '2016' || hit.wave === '2021');
        assert.equal(hit.wave, hit.attributes.wave);
        assert.equal(typeof hit.score, 'number');
        assert.equal(hit.end - hit.start, hit.text.length);
        assert.ok(hit.matches.length > 0);
        for (const [s, e] of hit.matches) {
          assert.ok(hit.start <= s && e <= hit.end);
          assert.equal(hit.text.slice(s - hit.start, e - hit.start).toLowerCase(), 'locum');
        }
        // A turn: the speaker is the name before the colon.
        if (hit.speaker !== undefined) assert.ok(hit.text.startsWith(`${hit.speaker}:`));
      }
      // Best first.
      const scores = result.hits.map((h) => h.score);
      assert.deepEqual(scores, [...scores].sort((a, b) => b - a));
    });

    it('line:col is where the passage starts in the file, front matter counted', () => {
      const { result } = searchJson(['clusters', '--limit', '30']);
      assert.ok(result.hits.length > 10);
      for (const hit of result.hits) {
        assert.ok(hit.line > 1, 'after the front matter');
        assert.ok(fileTextAt(SAMPLE, hit.file, hit.line, hit.column).startsWith(hit.text.split('\n')[0]), `${hit.file}:${hit.line}:${hit.column}`);
      }
    });

    it('text output: a block per hit (path:line:col, case, wave, speaker; the words with matches marked), then the count', () => {
      const r = run(['search', '--root', SAMPLE, 'locum']);
      assert.equal(r.status, 0);
      assert.equal(r.stderr, '');
      const json = searchJson(['locum']).result;
      const out = lines(r.stdout);
      assert.equal(out.length, 2 * json.hits.length + 1);
      json.hits.forEach((hit, i) => {
        const head = `${hit.file}:${hit.line}:${hit.column}  ${hit.case}  wave ${hit.wave}`;
        assert.ok(out[2 * i].startsWith(head), out[2 * i]);
        if (hit.speaker !== undefined) assert.ok(out[2 * i].includes(`  [${hit.speaker}]`));
        if (hit.codes.length > 0) assert.ok(out[2 * i].endsWith(`  codes: ${hit.codes.join(', ')}`));
        assert.match(out[2 * i + 1], /^ {2}\S.*\*\*locum\*\*/i);
        assert.ok(out[2 * i + 1].length < 130, 'the passage is shortened around the match');
      });
      assert.equal(out[out.length - 1], `${json.total} passages; 13 documents searched`);
    });

    it('--limit N prints the N best and says how many matched; --limit all prints every one', () => {
      const all = searchJson(['clusters', '--limit', 'all']).result;
      assert.ok(all.total > 20);
      assert.equal(all.hits.length, all.total);
      assert.equal(searchJson(['clusters']).result.hits.length, 20, 'default limit');
      const r = run(['search', '--root', SAMPLE, 'clusters', '--limit', '2']);
      assert.equal(r.status, 0);
      const out = lines(r.stdout);
      assert.equal(out.length, 5);
      assert.equal(out[4], `2 of ${all.total} passages; 13 documents searched; --limit all shows them all`);
      assert.deepEqual(searchJson(['clusters', '--limit', '2']).result.hits, all.hits.slice(0, 2));
    });

    it('several words are one query, as if quoted; all must match', () => {
      const quoted = searchJson(['protected time']).result;
      const words = searchJson(['protected', 'time']).result;
      assert.equal(words.query, 'protected time');
      assert.deepEqual(words.hits, quoted.hits);
      for (const hit of quoted.hits) assert.match(hit.text.toLowerCase(), /protected[\s\S]*time|time[\s\S]*protected/);
    });

    it('a "phrase" finds the words in order, and marks the phrase', () => {
      const phrase = searchJson(['"cluster leads"', '--limit', 'all']).result;
      const words = searchJson(['cluster leads', '--limit', 'all']).result;
      assert.ok(phrase.total > 0 && phrase.total < words.total, `${phrase.total} < ${words.total}`);
      for (const hit of phrase.hits) {
        assert.match(hit.text, /cluster\s+leads/i);
        assert.ok(hit.matches.some(([s, e]) => /^cluster\s+leads$/i.test(hit.text.slice(s - hit.start, e - hit.start))));
      }
      const r = run(['search', '--root', SAMPLE, '"cluster leads"']);
      assert.equal(lines(r.stdout).filter((l) => /\*\*cluster leads\*\*/i.test(l)).length, phrase.hits.length);
    });

    it('-word leaves passages out (inside the quoted QUERY, or after --)', () => {
      const all = searchJson(['locum', '--limit', 'all']).result;
      const without = searchJson(['locum -backfill', '--limit', 'all']).result;
      assert.ok(without.total < all.total);
      for (const hit of without.hits) assert.doesNotMatch(hit.text, /backfill/i);
      const r = run(['search', '--root', SAMPLE, '--json', '--limit', 'all', 'locum', '--', '-backfill']);
      assert.equal(r.status, 0);
      assert.deepEqual(JSON.parse(r.stdout).hits, without.hits);
    });

    it('--wave W keeps the documents of that wave (repeatable), as wave:W typed in QUERY does', () => {
      const all = searchJson(['locum', '--limit', 'all']).result;
      const w2016 = searchJson(['locum', '--wave', '2016', '--limit', 'all']).result;
      const w2021 = searchJson(['locum', '--wave', '2021', '--limit', 'all']).result;
      assert.ok(w2016.total > 0 && w2021.total > 0);
      assert.ok(w2016.hits.every((h) => h.wave === '2016'));
      assert.ok(w2021.hits.every((h) => h.wave === '2021'));
      assert.equal(w2016.total + w2021.total, all.total);
      assert.deepEqual(w2016.filters, { attributes: { wave: ['2016'] } });
      assert.equal(searchJson(['locum', '--wave', '2016', '--wave', '2021', '--limit', 'all']).result.total, all.total);
      const typed = searchJson(['wave:2016 locum', '--limit', 'all']).result;
      assert.equal(typed.query, 'wave:2016 locum');
      assert.deepEqual(typed.hits, w2016.hits);
    });

    it('--attribute NAME=VALUE keeps the documents with that attribute value', () => {
      const { result } = searchJson(['clusters', '--attribute', 'role=National stakeholder', '--limit', 'all']);
      assert.ok(result.total > 0);
      assert.ok(result.hits.every((h) => h.attributes.role === 'National stakeholder'));
    });

    it('--not-speaker Interviewer leaves the interviewer\'s turns out; --speaker keeps one speaker\'s', () => {
      const all = searchJson(['clusters', '--limit', 'all']).result;
      const interviewer = all.hits.filter((h) => h.speaker === 'Interviewer').length;
      assert.ok(interviewer > 0);
      const without = searchJson(['clusters', '--not-speaker', 'Interviewer', '--limit', 'all']).result;
      assert.equal(without.total, all.total - interviewer);
      assert.ok(without.hits.every((h) => h.speaker !== 'Interviewer'));
      const typed = searchJson(['clusters -speaker:interviewer', '--limit', 'all']).result;
      assert.deepEqual(typed.hits, without.hits);
      const sh01 = searchJson(['clusters', '--speaker', 'sh01', '--limit', 'all']).result;
      assert.ok(sh01.total > 0);
      assert.ok(sh01.hits.every((h) => h.speaker === 'SH01'));
      const both = searchJson(['clusters', '--speaker', 'SH01', '--speaker', 'SH02', '--limit', 'all']).result;
      assert.ok(both.total > sh01.total);
    });

    it('a speaker or wave no passage has is warned about on stderr (stdout stays JSON), exit 1 when nothing is left', () => {
      const r = run(['search', '--root', SAMPLE, '--json', 'clusters', '--wave', '2019', '--not-speaker', 'Interviewr']);
      assert.equal(r.status, 1);
      assert.equal(JSON.parse(r.stdout).total, 0);
      assert.match(r.stderr, /no document has wave "2019" \(values found: "2016", "2021"\)/);
      assert.match(r.stderr, /no passage is a turn of speaker "Interviewr"/);
    });

    it('--code ID keeps passages overlapping its segments; a theme stands for its codes; --without-code and --uncoded leave them out', () => {
      const all = searchJson(['time', '--limit', 'all']).result;
      const coded = searchJson(['time', '--code', 'protected-time', '--limit', 'all']).result;
      assert.ok(coded.total > 0);
      assert.ok(coded.hits.every((h) => h.codes.includes('protected-time')));
      const theme = searchJson(['time', '--code', SAMPLE_THEME, '--limit', 'all']).result;
      assert.ok(theme.total >= coded.total);
      assert.ok(theme.hits.every((h) => h.codes.some((c) => SAMPLE_THEME_CODES.includes(c))));
      const without = searchJson(['time', '--without-code', 'protected-time', '--limit', 'all']).result;
      assert.equal(without.total + coded.total, all.total);
      assert.ok(without.hits.every((h) => !h.codes.includes('protected-time')));
      const uncoded = searchJson(['time', '--uncoded', '--limit', 'all']).result;
      assert.ok(uncoded.total > 0 && uncoded.total < all.total);
      assert.equal(uncoded.total, all.hits.filter((h) => h.codes.length === 0).length);
      assert.ok(uncoded.hits.every((h) => h.codes.length === 0));
      assert.deepEqual(searchJson(['time is:uncoded', '--limit', 'all']).result.hits, uncoded.hits);
      assert.deepEqual(searchJson(['time code:protected-time', '--limit', 'all']).result.hits, coded.hits);
    });

    it('no passage found: exit 1, the count on stdout', () => {
      const r = run(['search', '--root', SAMPLE, 'zqxjkvw']);
      assert.equal(r.status, 1);
      assert.equal(r.stdout, 'no passages found; 13 documents searched\n');
      const j = searchJson(['zqxjkvw']);
      assert.equal(j.status, 1);
      assert.deepEqual(j.result.hits, []);
      assert.equal(j.result.total, 0);
    });

    it('a query of common words only: exit 1, with the reason (stderr in text, notes in JSON)', () => {
      const r = run(['search', '--root', SAMPLE, 'the and']);
      assert.equal(r.status, 1);
      assert.match(r.stderr, /only common words/);
      const j = searchJson(['the and']);
      assert.equal(j.status, 1);
      assert.equal(j.stderr, '');
      assert.equal(j.result.notes.length, 1);
    });

    it('--help prints the usage on stdout, exit 0', () => {
      const r = run(['search', '--help']);
      assert.equal(r.status, 0);
      assert.match(r.stdout, /^Usage: qualframe search QUERY /);
      assert.match(r.stdout, /--not-speaker NAME/);
    });
  });

  describe('usage errors (exit 2, message on stderr, nothing on stdout)', () => {
    const cases: readonly [string, string[], RegExp][] = [
      ['no QUERY', [], /give a QUERY/],
      ['an empty QUERY', [''], /give a QUERY/],
      ['a QUERY of filters only', ['wave:2021 -speaker:Interviewer'], /only filters/],
      ['an unknown option', ['locum', '--bogus'], /--bogus/],
      ['a -word outside the quotes', ['locum', '-money'], /-money: .*quoted QUERY.*--/],
      ['--limit 0', ['locum', '--limit', '0'], /--limit 0: give a whole number from 1, or all/],
      ['--limit abc', ['locum', '--limit', 'abc'], /--limit abc/],
      ['--attribute without =', ['locum', '--attribute', 'role'], /--attribute role: write NAME=VALUE/],
      ['an unknown --code', ['locum', '--code', 'fundng'], /unknown code "fundng": not a code or theme id in codebook\.yaml; .*qualframe validate/],
      ['an unknown --without-code', ['locum', '--without-code', 'nope'], /unknown code "nope"/],
      ['an unknown code: typed in QUERY', ['locum code:nope -code:nada'], /unknown codes "nope", "nada"/],
      ['--json contradicting --format', ['locum', '--json', '--format', 'text'], /--json and --format text/],
    ];
    for (const [what, args, message] of cases) {
      it(`${what}: qualframe search ${args.join(' ')}`, () => {
        const r = run(['search', '--root', SAMPLE, ...args]);
        assert.equal(r.status, 2, r.stderr);
        assert.equal(r.stdout, '');
        assert.match(r.stderr, message);
      });
    }
  });

  describe('on a small corpus (CRLF and BOM, indented passage, errors)', () => {
    let temp: string;
    const A1_BODY = [
      'Interviewer: How do patients reach the surgery?',
      '',
      'A1: Most of them drive. The bus runs twice a day,',
      'which is no use to anyone.',
      '',
      '  An indented note about the bus timetable.',
      '',
      'Interviewer: And staff?',
      '',
      'A1: Staff share lifts when the bus is late.',
      '',
    ].join('\n');
    const quote = 'The bus runs twice a day';
    const A1 = [
      '---',
      'case: A1',
      'wave: "2016"',
      'role: GP',
      'codes:',
      `  - {id: a1b2, code: travel, start: ${A1_BODY.indexOf(quote)}, quote: "${quote}"}`,
      '---',
      A1_BODY,
    ].join('\n');
    // Body from line 6 of the file; CRLF line endings and a BOM.
    const B1 = '\uFEFF' + ['---', 'case: B1', 'wave: "2021"', 'role: nurse', '---', 'B1: The bus stopped in 2019.', '', 'Interviewer: Which bus?', ''].join('\r\n');

    before(() => {
      temp = makeTemp();
      fs.writeFileSync(path.join(temp, 'qualframe.yaml'), 'documents: ["interviews/**/*.md"]\ncodebook: codebook.yaml\n');
      fs.writeFileSync(path.join(temp, 'codebook.yaml'), [
        'themes:',
        '  - id: access',
        '    name: Access',
        '    codes:',
        '      - id: travel',
        '        name: Travel',
        '      - id: cost',
        '        name: Cost',
        '',
      ].join('\n'));
      fs.mkdirSync(path.join(temp, 'interviews'));
      fs.writeFileSync(path.join(temp, 'interviews', 'A1.md'), A1);
      fs.writeFileSync(path.join(temp, 'interviews', 'B1.md'), B1);
    });
    after(() => removeTemp(temp));

    it('every passage mentioning bus, with its line and column in the file', () => {
      const { status, result, stderr } = searchJson(['bus', '--limit', 'all'], temp);
      assert.equal(status, 0);
      assert.equal(stderr, '');
      const where = result.hits.map((h) => `${h.file}:${h.line}:${h.column}`).sort();
      assert.deepEqual(where, ['interviews/A1.md:10:1', 'interviews/A1.md:13:3', 'interviews/A1.md:17:1', 'interviews/B1.md:6:1', 'interviews/B1.md:8:1']);
      for (const hit of result.hits) assert.ok(fileTextAt(temp, hit.file, hit.line, hit.column).startsWith(hit.text.split('\n')[0]));
      const indented = result.hits.find((h) => h.column === 3)!;
      assert.equal(indented.speaker, undefined);
      assert.equal(indented.text, 'An indented note about the bus timetable.');
      const coded = result.hits.find((h) => h.line === 10)!;
      assert.deepEqual(coded.codes, ['travel']);
      assert.equal(coded.speaker, 'A1');
      assert.equal(coded.start, A1_BODY.indexOf('A1: Most'));
      assert.equal(coded.text, 'A1: Most of them drive. The bus runs twice a day,\nwhich is no use to anyone.');
      // B1 is CRLF: offsets are those of the LF body.
      const b1 = result.hits.find((h) => h.file === 'interviews/B1.md' && h.line === 8)!;
      assert.equal(b1.start, 'B1: The bus stopped in 2019.\n\n'.length);
    });

    it('--not-speaker, --attribute and --code together', () => {
      const { result } = searchJson(['bus', '--not-speaker', 'interviewer', '--attribute', 'role=GP', '--code', 'access', '--limit', 'all'], temp);
      assert.deepEqual(result.hits.map((h) => `${h.file}:${h.line}`), ['interviews/A1.md:10']);
      assert.deepEqual(result.filters, { attributes: { role: ['GP'] }, notSpeakers: ['interviewer'], codes: ['access'] });
    });

    it('text output prints the file positions editors jump to', () => {
      const r = run(['search', '--root', temp, 'indented']);
      assert.equal(r.status, 0);
      assert.equal(r.stdout, 'interviews/A1.md:13:3  A1  wave 2016\n  An **indented** note about the bus timetable.\n\n1 passage; 2 documents searched\n');
    });

    it('a corpus with errors is searched all the same, with a hint on stderr; the exit status follows the hits', () => {
      fs.writeFileSync(path.join(temp, 'interviews', 'C1.md'), '---\ncase: [unclosed\n---\nC1: The bus.\n');
      try {
        const r = run(['search', '--root', temp, 'bus', '--json']);
        assert.equal(r.status, 0);
        assert.equal(JSON.parse(r.stdout).total, 5);
        assert.match(r.stderr, /1 error in the corpus \(1 document could not be read and was not searched\); run qualframe validate to see it/);
        const none = run(['search', '--root', temp, 'zqxjkvw']);
        assert.equal(none.status, 1);
        assert.match(none.stdout, /no passages found; 2 documents searched/);
        assert.match(none.stderr, /qualframe validate/);
      } finally {
        fs.rmSync(path.join(temp, 'interviews', 'C1.md'));
      }
    });
  });
});
