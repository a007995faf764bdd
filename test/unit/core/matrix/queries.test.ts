import assert from 'node:assert/strict';
import { loadCorpus } from '../../../../src/core/corpus/load-corpus';
import { codeCoOccurrence, crossTab, type CodeCoOccurrence } from '../../../../src/core/matrix/queries';
import { markdown, MemoryCorpusFiles } from '../../support/memory-files';
import { selectorFor } from '../anchoring/transcript';

/**
 * A small GP cluster study, counted by hand below:
 *
 * | document             | case | wave | role             | annotations (code)                                                        |
 * |----------------------|------|------|------------------|---------------------------------------------------------------------------|
 * | 2016/GP01-notes.md   | GP01 | 2016 | none             | n1 protected-time; n2 pharmacists, n3 funding inside it                   |
 * | 2016/GP01.md         | GP01 | 2016 | Cluster lead     | a1 lead-role overlaps a2 protected-time; a4 pharmacists inside a3 funding; a5 gp-recruitment touches a3 |
 * | 2021/GP01.md         | GP01 | 2021 | Cluster lead     | b1 remote-meetings, b2 lead-role, b3 gp-recruitment overlaps b4 funding   |
 * | 2021/PM02.md         | PM02 | 2021 | Practice manager | p1 pharmacists, p2 unknown code over it, p3 protected-time, p4 lead-role orphaned where p1 is |
 * | 2021/SH04.md         | SH04 | 2021 | Health board     | none                                                                      |
 * | misc/HB03.md         | HB03 | none | Health board     | h1 funding, h2 lead-role                                                  |
 *
 * GP01 has two documents in 2016 and is a panel case (2016 and 2021). `funding` is a theme
 * without codes, applied as a code; `locums` is never applied.
 */
const codebook = `themes:
  - id: leadership
    name: Cluster leadership
    codes:
      - id: lead-role
        name: Clinical lead role
      - id: protected-time
        name: Protected time
  - id: workforce
    name: Workforce
    codes:
      - id: gp-recruitment
        name: GP recruitment
      - id: locums
        name: Locum cover
      - id: pharmacists
        name: Cluster pharmacists
  - id: funding
    name: Funding flows
    codes: []
  - id: pandemic
    name: The pandemic
    codes:
      - id: remote-meetings
        name: Remote meetings
`;

const lead2016 = 'Interviewer: What does leading the cluster involve?\n\nGP: I chair the cluster meeting every month, with no protected time to prepare for it. The money for the pharmacist comes through the health board; we cannot plan a salaried GP post on a one-year budget.\n';
const notes2016 = 'Notes: The lead was late from morning surgery again. She said the pharmacist is shared by four practices.\n';
const lead2021 = 'Interviewer: Has anything changed since we last spoke?\n\nGP: The cluster meetings moved online during the pandemic, and I still chair them. We finally recruited a salaried GP across two practices.\n';
const manager2021 = 'Interviewer: How does the cluster work for the practice?\n\nPM: The pharmacist visits on Thursdays. Our GP partners never have time for cluster work.\n';
const board = 'Interviewer: Where does cluster money come from?\n\nHB: Each cluster gets an allocation, and we expect a plan for spending it.\n';
const board2021 = 'Interviewer: What do you hear from the clusters?\n\nHB: Mostly that the meetings are too long.\n';

/** A `codes` entry for `quote`, stored at its first occurrence in `body` unless `start` is given. */
function entry(body: string, id: string, code: string, quote: string, start = selectorFor(body, quote).start): string {
  return `  - {id: ${id}, code: ${code}, start: ${start}, quote: ${JSON.stringify(quote)}}`;
}

function doc(front: string, body: string, ...entries: [id: string, code: string, quote: string, start?: number][]): string {
  const codes = entries.length > 0 ? `\ncodes:\n${entries.map(([id, code, quote, start]) => entry(body, id, code, quote, start)).join('\n')}` : '';
  return markdown(`${front}${codes}`, body);
}

const studyFiles = (): Record<string, string> => ({
  'codebook.yaml': codebook,
  '2016/GP01-notes.md': doc('case: GP01\nwave: "2016"\ntype: notes', notes2016,
    ['n1', 'protected-time', 'late from morning surgery'],
    ['n2', 'pharmacists', 'the pharmacist is shared by four practices'],
    ['n3', 'funding', 'shared by four practices']),
  '2016/GP01.md': doc('case: GP01\nwave: 2016\nrole: Cluster lead', lead2016,
    ['a1', 'lead-role', 'I chair the cluster meeting every month'],
    ['a2', 'protected-time', 'every month, with no protected time'],
    ['a3', 'funding', 'The money for the pharmacist comes through the health board'],
    ['a4', 'pharmacists', 'the pharmacist'],
    ['a5', 'gp-recruitment', '; we cannot plan a salaried GP post']),
  '2021/GP01.md': doc('case: GP01\nwave: 2021\nrole: Cluster lead', lead2021,
    ['b1', 'remote-meetings', 'The cluster meetings moved online during the pandemic'],
    ['b2', 'lead-role', 'I still chair them'],
    ['b3', 'gp-recruitment', 'We finally recruited a salaried GP'],
    ['b4', 'funding', 'recruited a salaried GP across two practices']),
  '2021/PM02.md': doc('wave: 2021\nrole: Practice manager', manager2021,
    ['p1', 'pharmacists', 'The pharmacist visits on Thursdays'],
    ['p2', 'no-such-code', 'Thursdays'],
    ['p4', 'lead-role', 'We rotate the chair between the practices each year', manager2021.indexOf('The pharmacist')],
    ['p3', 'protected-time', 'never have time for cluster work']),
  '2021/SH04.md': doc('wave: 2021\nrole: Health board', board2021),
  'misc/HB03.md': doc('role: Health board', board,
    ['h1', 'funding', 'Each cluster gets an allocation'],
    ['h2', 'lead-role', 'we expect a plan for spending it']),
});

async function load(files: Record<string, string> = studyFiles()) {
  const { corpus, problems } = await loadCorpus(new MemoryCorpusFiles(files));
  return { corpus, rules: problems.map((p) => `${p.file}:${p.rule}`) };
}

async function loadStudy(extra: Record<string, string> = {}) {
  const { corpus, rules } = await load({ ...studyFiles(), ...extra });
  // The only problems are the ones the study means to have (and p1, p4 sort out of order).
  assert.deepEqual(rules.filter((r) => !r.endsWith(':unsorted-annotations')), ['2021/PM02.md:unknown-code', '2021/PM02.md:orphan']);
  return corpus;
}

const ref = (file: string, id: string) => ({ file, id });
const cell = (cases: number, ...refs: { file: string; id: string }[]) => ({ cases, segments: refs.length, refs });
const none = cell(0);

const counts = (table: CodeCoOccurrence) => table.cells.map((row) => row.map((c) => c.count));

describe('crossTab', () => {
  it('counts cases and segments per wave and theme, each case once per wave (worked by hand)', async () => {
    const table = crossTab(await loadStudy(), { by: 'theme' });
    assert.equal(table.attribute, 'wave');
    assert.equal(table.by, 'theme');
    assert.deepEqual(table.columns, [
      { id: 'leadership', name: 'Cluster leadership', theme: 'leadership' },
      { id: 'workforce', name: 'Workforce', theme: 'workforce' },
      { id: 'funding', name: 'Funding flows', theme: 'funding' },
      { id: 'pandemic', name: 'The pandemic', theme: 'pandemic' },
    ]);
    const notes = '2016/GP01-notes.md';
    const gp16 = '2016/GP01.md';
    const gp21 = '2021/GP01.md';
    const pm = '2021/PM02.md';
    assert.deepEqual(table.rows, [
      {
        // GP01's interview and notes of 2016: one case, segments from both, by file then start.
        value: '2016', cases: 1, documents: 2,
        cells: [
          cell(1, ref(notes, 'n1'), ref(gp16, 'a1'), ref(gp16, 'a2')),
          cell(1, ref(notes, 'n2'), ref(gp16, 'a4'), ref(gp16, 'a5')),
          // A theme applied as a code counts in its own column.
          cell(1, ref(notes, 'n3'), ref(gp16, 'a3')),
          none,
        ],
      },
      {
        // The panel case counts again in 2021; the uncoded SH04 counts in the row's cases only.
        // The orphan p4 still counts; the unknown code p2 does not.
        value: '2021', cases: 3, documents: 3,
        cells: [
          cell(2, ref(gp21, 'b2'), ref(pm, 'p4'), ref(pm, 'p3')),
          cell(2, ref(gp21, 'b3'), ref(pm, 'p1')),
          cell(1, ref(gp21, 'b4')),
          cell(1, ref(gp21, 'b1')),
        ],
      },
      // No wave: the row "", after the waves.
      { value: '', cases: 1, documents: 1, cells: [cell(1, ref('misc/HB03.md', 'h2')), none, cell(1, ref('misc/HB03.md', 'h1')), none] },
    ]);
  });

  it('by code: every code of the codebook in order, unused ones and themes without codes included', async () => {
    const table = crossTab(await loadStudy(), { by: 'code' });
    assert.deepEqual(table.columns, [
      { id: 'lead-role', name: 'Clinical lead role', theme: 'leadership' },
      { id: 'protected-time', name: 'Protected time', theme: 'leadership' },
      { id: 'gp-recruitment', name: 'GP recruitment', theme: 'workforce' },
      { id: 'locums', name: 'Locum cover', theme: 'workforce' },
      { id: 'pharmacists', name: 'Cluster pharmacists', theme: 'workforce' },
      { id: 'funding', name: 'Funding flows', theme: 'funding' },
      { id: 'remote-meetings', name: 'Remote meetings', theme: 'pandemic' },
    ]);
    assert.deepEqual(table.rows.map((r) => [r.value, r.cells.map((c) => `${c.cases}/${c.segments}`)]), [
      ['2016', ['1/1', '1/2', '1/1', '0/0', '1/2', '1/2', '0/0']],
      ['2021', ['2/2', '1/1', '1/1', '0/0', '1/1', '1/1', '1/1']],
      ['', ['1/1', '0/0', '0/0', '0/0', '0/0', '1/1', '0/0']],
    ]);
    // Protected time in 2016: the notes' segment and the interview's, one case.
    assert.deepEqual(table.rows[0].cells[1].refs, [ref('2016/GP01-notes.md', 'n1'), ref('2016/GP01.md', 'a2')]);
    // Each segment counts in exactly one column, whichever way the columns go.
    const byTheme = crossTab(await loadStudy(), { by: 'theme' });
    const sum = (t: typeof table) => t.rows.map((r) => r.cells.reduce((n, c) => n + c.segments, 0));
    assert.deepEqual(sum(table), sum(byTheme));
  });

  it('groups by another attribute: a panel case in one role over two waves is one case of it', async () => {
    const table = crossTab(await loadStudy(), { attribute: 'role', by: 'theme' });
    assert.equal(table.attribute, 'role');
    assert.deepEqual(table.rows.map((r) => [r.value, r.cases, r.documents, r.cells.map((c) => `${c.cases}/${c.segments}`)]), [
      ['Cluster lead', 1, 2, ['1/3', '1/3', '1/2', '1/1']],
      ['Health board', 2, 2, ['1/1', '0/0', '1/1', '0/0']],
      ['Practice manager', 1, 1, ['1/2', '1/1', '0/0', '0/0']],
      // The notes name no role.
      ['', 1, 1, ['1/1', '1/1', '1/1', '0/0']],
    ]);
    assert.deepEqual(table.rows[0].cells[0].refs, [ref('2016/GP01.md', 'a1'), ref('2016/GP01.md', 'a2'), ref('2021/GP01.md', 'b2')]);
  });

  it('groups by the comparison attribute of qualframe.yaml when none is given', async () => {
    const table = crossTab(await loadStudy({ 'qualframe.yaml': 'compare:\n  attribute: role\n' }), { by: 'theme' });
    assert.equal(table.attribute, 'role');
    assert.deepEqual(table.rows.map((r) => r.value), ['Cluster lead', 'Health board', 'Practice manager', '']);
  });

  it('orders values naturally and lists refs by start even when a file lists them out of order', async () => {
    const corpus = await loadStudy({
      '10/GP05.md': doc('wave: "10"', board, ['z', 'lead-role', 'we expect a plan'], ['y', 'lead-role', 'Each cluster']),
      '9/GP06.md': doc('wave: "9"', board),
    });
    const table = crossTab(corpus, { by: 'theme' });
    assert.deepEqual(table.rows.map((r) => r.value), ['9', '10', '2016', '2021', '']);
    assert.deepEqual(table.rows[1].cells[0].refs, [ref('10/GP05.md', 'y'), ref('10/GP05.md', 'z')]);
  });

  it('gives columns and no rows for a corpus without documents, and plain data throughout', async () => {
    const { corpus } = await load({ 'codebook.yaml': codebook });
    const table = crossTab(corpus, { by: 'theme' });
    assert.deepEqual([table.columns.length, table.rows], [4, []]);
    const study = crossTab(await loadStudy(), { by: 'code' });
    assert.deepEqual(JSON.parse(JSON.stringify(study)), study);
  });
});

describe('codeCoOccurrence', () => {
  it('counts overlapping segments of two codes, codes used in codebook order, own segments on the diagonal (worked by hand)', async () => {
    const table = codeCoOccurrence(await loadStudy());
    // locums is never applied: not listed. The theme applied as a code is listed as one.
    assert.deepEqual(table.codes, [
      { id: 'lead-role', name: 'Clinical lead role', theme: 'leadership' },
      { id: 'protected-time', name: 'Protected time', theme: 'leadership' },
      { id: 'gp-recruitment', name: 'GP recruitment', theme: 'workforce' },
      { id: 'pharmacists', name: 'Cluster pharmacists', theme: 'workforce' },
      { id: 'funding', name: 'Funding flows', theme: 'funding' },
      { id: 'remote-meetings', name: 'Remote meetings', theme: 'pandemic' },
    ]);
    assert.deepEqual(counts(table), [
      [3, 1, 0, 0, 0, 0],
      [1, 3, 0, 0, 0, 0],
      [0, 0, 2, 0, 1, 0],
      [0, 0, 0, 3, 2, 0],
      [0, 0, 1, 2, 4, 0],
      [0, 0, 0, 0, 0, 1],
    ]);
    assert.deepEqual(table.cells.map((row, i) => row[i].documents), [3, 3, 2, 3, 4, 1]);
    // "every month" is coded both lead role and protected time.
    assert.deepEqual(table.cells[0][1], { count: 1, documents: 1, refs: [{ file: '2016/GP01.md', a: 'a1', b: 'a2' }] });
    assert.deepEqual(table.cells[1][0].refs, [{ file: '2016/GP01.md', a: 'a2', b: 'a1' }]);
  });

  it('lists the pairs by file, with a of the row code and b of the column code, so both segments open', async () => {
    const table = codeCoOccurrence(await loadStudy());
    const [pharmacists, funding] = [3, 4];
    assert.deepEqual(table.cells[pharmacists][funding], {
      count: 2, documents: 2,
      refs: [{ file: '2016/GP01-notes.md', a: 'n2', b: 'n3' }, { file: '2016/GP01.md', a: 'a4', b: 'a3' }],
    });
    assert.deepEqual(table.cells[funding][pharmacists].refs, [{ file: '2016/GP01-notes.md', a: 'n3', b: 'n2' }, { file: '2016/GP01.md', a: 'a3', b: 'a4' }]);
  });

  it('does not count segments that only touch', async () => {
    const table = codeCoOccurrence(await loadStudy());
    // a3 (funding) ends where a5 (GP recruitment) begins: only b3 and b4 of 2021 overlap.
    assert.equal(lead2016.indexOf('; we cannot'), lead2016.indexOf('The money') + 'The money for the pharmacist comes through the health board'.length);
    assert.deepEqual(table.cells[2][4].refs, [{ file: '2021/GP01.md', a: 'b3', b: 'b4' }]);
  });

  it('leaves out orphans and unknown codes, and codes applied only as orphans', async () => {
    const { corpus, rules } = await load({
      ...studyFiles(),
      '2021/PM07.md': doc('wave: 2021', manager2021, ['o1', 'locums', 'A locum covered the cluster meeting', 0]),
    });
    assert.ok(rules.includes('2021/PM07.md:orphan'));
    assert.deepEqual(corpus.documents.find((d) => d.path === '2021/PM02.md')!.annotations.map((a) => [a.id, a.anchored]), [['p1', true], ['p2', true], ['p4', false], ['p3', true]]);
    const table = codeCoOccurrence(corpus);
    // p4 (lead role) was stored over p1 (pharmacists) but is orphaned: no pair; p2 is not a code.
    assert.equal(table.cells[0][3].count, 0);
    assert.equal(table.cells[0][0].count, 3);
    assert.equal(table.codes.some((c) => c.id === 'locums' || c.id === 'no-such-code'), false);
  });

  it('finds overlaps where the text stands now, after it moved', async () => {
    const body = 'Interviewer: Any news?\n\nGP: We now have a pharmacist two days a week, paid from the cluster budget.\n';
    const { corpus } = await load({
      'codebook.yaml': codebook,
      'GP08.md': doc('wave: 2021', body,
        ['x0', 'lead-role', 'two days a week, paid', 0],
        ['x1', 'pharmacists', 'a pharmacist two days a week'],
        ['x2', 'funding', 'paid from the cluster budget']),
    });
    assert.equal(corpus.documents[0].annotations[0].anchor.method, 'relocated');
    const table = codeCoOccurrence(corpus);
    assert.deepEqual(table.codes.map((c) => c.id), ['lead-role', 'pharmacists', 'funding']);
    assert.deepEqual(counts(table), [[1, 1, 1], [1, 1, 0], [1, 0, 1]]);
  });

  it('counts every overlapping pair once however segments nest, and none between segments of one code', async () => {
    const body = 'GP: The cluster pays for a pharmacist, a social prescriber and a paramedic between six practices.\n';
    const { corpus } = await load({
      'codebook.yaml': codebook,
      'GP09.md': doc('wave: 2021', body,
        ['f1', 'funding', 'The cluster pays for a pharmacist, a social prescriber and a paramedic'],
        ['w1', 'pharmacists', 'a pharmacist, a social prescriber'],
        ['w2', 'pharmacists', 'a social prescriber and a paramedic'],
        ['g1', 'gp-recruitment', 'a pharmacist, a social prescriber'],
        ['l1', 'lead-role', 'paramedic between six practices']),
    });
    const table = codeCoOccurrence(corpus);
    assert.deepEqual(table.codes.map((c) => c.id), ['lead-role', 'gp-recruitment', 'pharmacists', 'funding']);
    assert.deepEqual(counts(table), [
      // l1 overlaps w2 and f1 ("paramedic").
      [1, 0, 1, 1],
      // g1 has the same span as w1 and overlaps w2.
      [0, 1, 2, 1],
      // w1 and w2 overlap each other, but are of one code: no pair, two segments.
      [1, 2, 2, 2],
      [1, 1, 2, 1],
    ]);
    assert.deepEqual(table.cells[2][1].refs, [{ file: 'GP09.md', a: 'w1', b: 'g1' }, { file: 'GP09.md', a: 'w2', b: 'g1' }]);
  });

  it('agrees with comparing every pair, on many segments', async () => {
    const words = Array.from({ length: 400 }, (_, i) => `w${i}`);
    const body = `${words.join(' ')}\n`;
    const codes = ['lead-role', 'protected-time', 'pharmacists', 'funding'];
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const segments = Array.from({ length: 120 }, (_, i) => {
      const from = Math.floor(random() * 390);
      const to = Math.min(words.length, from + 1 + Math.floor(random() * 8));
      const quote = words.slice(from, to).join(' ');
      return { id: `s${i}`, code: codes[Math.floor(random() * codes.length)], start: body.indexOf(`${quote} `), quote };
    }).sort((a, b) => a.start - b.start || (a.id < b.id ? -1 : 1));
    const { corpus } = await load({
      'codebook.yaml': codebook,
      'GP10.md': doc('wave: 2021', body, ...segments.map((s): [string, string, string, number] => [s.id, s.code, s.quote, s.start])),
    });
    const expected = new Map<string, number>();
    for (const x of segments) {
      for (const y of segments) {
        if (x.code !== y.code && Math.max(x.start, y.start) < Math.min(x.start + x.quote.length, y.start + y.quote.length)) {
          expected.set(`${x.code} ${y.code}`, (expected.get(`${x.code} ${y.code}`) ?? 0) + 1);
        }
      }
    }
    const table = codeCoOccurrence(corpus);
    const ids = table.codes.map((c) => c.id);
    for (const [i, x] of ids.entries()) {
      for (const [j, y] of ids.entries()) {
        const want = i === j ? segments.filter((s) => s.code === x).length : expected.get(`${x} ${y}`) ?? 0;
        assert.equal(table.cells[i][j].count, want, `${x} × ${y}`);
      }
    }
    assert.ok(expected.size > 0);
  });

  it('gives an empty table for an uncoded corpus', async () => {
    const { corpus } = await load({ 'codebook.yaml': codebook, 'GP11.md': doc('wave: 2021', board) });
    assert.deepEqual(codeCoOccurrence(corpus), { codes: [], cells: [] });
  });
});
