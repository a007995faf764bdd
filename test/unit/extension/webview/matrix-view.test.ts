import assert from 'node:assert/strict';
import { loadCorpus } from '../../../../src/core/corpus/load-corpus';
import { buildFrameworkMatrix } from '../../../../src/core/matrix/framework-matrix';
import { codeCoOccurrence, crossTab } from '../../../../src/core/matrix/queries';
import {
  annotationIndex,
  MatrixAnswers,
  refsToQuotes,
  toCoOccurrenceResult,
  toCountsResult,
  toMatrixView,
} from '../../../../src/extension/webview/matrix-view';
import { markdown, MemoryCorpusFiles } from '../../support/memory-files';

// The queries beside the matrix as the panel receives them: counts without refs, and the
// segments behind a cell mapped to quotes (text from the annotations, orphans flagged).

const codebook = `themes:
  - id: leadership
    name: Cluster leadership
    codes:
      - id: lead-role
        name: Clinical lead role
      - id: protected-time
        name: Protected time
  - id: funding
    name: Funding flows
    codes: []
`;

const lead = 'GP: I chair the cluster meeting every month, with no protected time to prepare for it. The money comes through the health board.\n';
const manager = 'PM: Our GP partners never have time for cluster work, and the money is late.\n';

/** A `codes` entry stored where `quote` is in `body` (or at 0 for an orphan). */
function entry(body: string, id: string, code: string, quote: string): string {
  return `  - {id: ${id}, code: ${code}, start: ${Math.max(0, body.indexOf(quote))}, quote: ${JSON.stringify(quote)}}`;
}

function doc(front: string, body: string, ...entries: [id: string, code: string, quote: string][]): string {
  return markdown(`${front}\ncodes:\n${entries.map(([id, code, quote]) => entry(body, id, code, quote)).join('\n')}`, body);
}

/**
 * GP01 (Cluster lead): a1 lead-role overlaps a2 and a3 (protected-time), a4 funding.
 * PM02 (Practice manager): p1 protected-time, p2 lead-role orphaned, p3 funding.
 */
const files = {
  'codebook.yaml': codebook,
  '2021/GP01.md': doc('case: GP01\nwave: "2021"\nrole: Cluster lead', lead,
    ['a1', 'lead-role', 'I chair the cluster meeting every month, with no protected time'],
    ['a2', 'protected-time', 'every month'],
    ['a3', 'protected-time', 'no protected time to prepare'],
    ['a4', 'funding', 'The money comes through the health board']),
  '2021/PM02.md': doc('case: PM02\nwave: "2021"\nrole: Practice manager', manager,
    ['p1', 'protected-time', 'never have time for cluster work'],
    ['p2', 'lead-role', 'We rotate the chair every year'],
    ['p3', 'funding', 'the money is late']),
};

async function answers(attribute = 'role') {
  const { corpus } = await loadCorpus(new MemoryCorpusFiles(files));
  const matrix = buildFrameworkMatrix(corpus, { attribute });
  const view = toMatrixView(corpus, matrix, { root: '/study', name: 'Study', readOnly: false, version: 42 });
  return { corpus, answers: new MatrixAnswers(corpus, matrix, view) };
}

const quote = (file: string, id: string, code: string, text: string, anchored = true) =>
  ({ file, id, code, quote: text, illustrative: false, anchored });

describe('the queries beside the matrix (host side)', () => {
  it('gives each row its values of the attributes offered, for showing one value’s rows', async () => {
    const { answers: a } = await answers();
    assert.deepEqual(a.view.attributes, ['role', 'wave']);
    assert.deepEqual(a.view.rows.map((r) => [r.case, r.attributes]), [
      ['GP01', { role: 'Cluster lead', wave: '2021' }],
      ['PM02', { role: 'Practice manager', wave: '2021' }],
    ]);
  });

  it('counts by the matrix’s grouping attribute, without the refs, with the busiest cell for shading', async () => {
    const { corpus, answers: a } = await answers();
    const result = a.query('counts', 'theme');
    assert.deepEqual(result, {
      type: 'queryResult',
      query: 'counts',
      version: 42,
      by: 'theme',
      attribute: 'role',
      columns: [
        { id: 'leadership', name: 'Cluster leadership', theme: 'leadership' },
        { id: 'funding', name: 'Funding flows', theme: 'funding' },
      ],
      rows: [
        { value: 'Cluster lead', cases: 1, documents: 1, cells: [{ cases: 1, segments: 3 }, { cases: 1, segments: 1 }] },
        // The orphan counts: it is still the researcher's coding.
        { value: 'Practice manager', cases: 1, documents: 1, cells: [{ cases: 1, segments: 2 }, { cases: 1, segments: 1 }] },
      ],
      maxSegments: 3,
    });
    assert.deepEqual(toCountsResult(crossTab(corpus, { attribute: 'role', by: 'theme' }), 42), result);
    const byCode = a.query('counts', 'code');
    assert.equal(byCode.query === 'counts' && byCode.columns.map((c) => c.id).join(' '), 'lead-role protected-time funding');
    assert.equal(JSON.stringify(byCode).includes('refs'), false);
  });

  it('maps a counts cell’s refs to quotes, orphans flagged, and answers null for a cell that is not there', async () => {
    const { answers: a } = await answers();
    assert.deepEqual(a.querySegments('counts', 'theme', 1, 0), [
      // By file then stored start: the orphan was stored at 0.
      quote('2021/PM02.md', 'p2', 'lead-role', 'We rotate the chair every year', false),
      quote('2021/PM02.md', 'p1', 'protected-time', 'never have time for cluster work'),
    ]);
    assert.deepEqual(a.querySegments('counts', 'code', 0, 1), [
      quote('2021/GP01.md', 'a2', 'protected-time', 'every month'),
      quote('2021/GP01.md', 'a3', 'protected-time', 'no protected time to prepare'),
    ]);
    assert.equal(a.querySegments('counts', 'theme', 2, 0), null);
    assert.equal(a.querySegments('counts', 'theme', 0, 2), null);
  });

  it('counts co-occurrence without refs, the diagonal left out of the shading', async () => {
    const { corpus, answers: a } = await answers();
    const result = a.query('cooccurrence', 'code');
    assert.deepEqual(result, {
      type: 'queryResult',
      query: 'cooccurrence',
      version: 42,
      by: 'code',
      attribute: 'role',
      codes: [
        { id: 'lead-role', name: 'Clinical lead role', theme: 'leadership' },
        { id: 'protected-time', name: 'Protected time', theme: 'leadership' },
        { id: 'funding', name: 'Funding flows', theme: 'funding' },
      ],
      // lead-role: only a1 is anchored; it overlaps a2 and a3.
      counts: [[1, 2, 0], [2, 3, 0], [0, 0, 2]],
      documents: [[1, 1, 0], [1, 2, 0], [0, 0, 2]],
      maxCount: 2,
    });
    assert.deepEqual(toCoOccurrenceResult(codeCoOccurrence(corpus), { version: 42, by: 'code', attribute: 'role' }), result);
  });

  it('lists both segments of each overlapping pair, each segment once, and a code’s own anchored segments on the diagonal', async () => {
    const { answers: a } = await answers();
    const a1 = quote('2021/GP01.md', 'a1', 'lead-role', 'I chair the cluster meeting every month, with no protected time');
    const a2 = quote('2021/GP01.md', 'a2', 'protected-time', 'every month');
    const a3 = quote('2021/GP01.md', 'a3', 'protected-time', 'no protected time to prepare');
    assert.deepEqual(a.querySegments('cooccurrence', 'theme', 0, 1), [a1, a2, a3]);
    assert.deepEqual(a.querySegments('cooccurrence', 'theme', 1, 0), [a2, a1, a3]);
    assert.deepEqual(a.querySegments('cooccurrence', 'theme', 0, 2), []);
    // The orphan p2 is not among lead-role's segments: the diagonal counts anchored ones.
    assert.deepEqual(a.querySegments('cooccurrence', 'theme', 0, 0), [a1]);
    assert.deepEqual(a.querySegments('cooccurrence', 'theme', 2, 2), [
      quote('2021/GP01.md', 'a4', 'funding', 'The money comes through the health board'),
      quote('2021/PM02.md', 'p3', 'funding', 'the money is late'),
    ]);
    assert.equal(a.querySegments('cooccurrence', 'theme', 3, 0), null);
    assert.equal(a.querySegments('cooccurrence', 'theme', 0, 3), null);
  });

  it('follows the grouping: the counts of a matrix grouped by wave have a row per wave', async () => {
    const { answers: a } = await answers('wave');
    const result = a.query('counts', 'theme');
    assert.equal(result.attribute, 'wave');
    assert.deepEqual(result.query === 'counts' && result.rows.map((r) => [r.value, r.cases]), [['2021', 2]]);
  });

  it('leaves out refs it cannot find and repeats of one segment', async () => {
    const { corpus } = await answers();
    const index = annotationIndex(corpus);
    const quotes = refsToQuotes(index, [
      { file: '2021/GP01.md', id: 'a4' },
      { file: '2021/GP01.md', id: 'zz' },
      { file: 'nowhere.md', id: 'a4' },
      { file: '2021/GP01.md', id: 'a4' },
    ]);
    assert.deepEqual(quotes.map((q) => q.id), ['a4']);
  });
});

describe('the segments a summary cites (host side)', () => {
  async function cited(summary: string) {
    const front = `case: GP01\nwave: "2021"\nrole: Cluster lead\nsummaries:\n  funding: ${JSON.stringify(summary)}`;
    const { corpus } = await loadCorpus(
      new MemoryCorpusFiles({
        ...files,
        '2021/GP01.md': doc(front, lead, ['a1', 'lead-role', 'I chair the cluster meeting every month'], ['a4', 'funding', 'The money comes through the health board']),
      }),
    );
    const matrix = buildFrameworkMatrix(corpus, { attribute: 'role' });
    const view = toMatrixView(corpus, matrix, { root: '/study', name: 'Study', readOnly: false, version: 1 });
    return new MatrixAnswers(corpus, matrix, view);
  }
  const funding = { case: 'GP01', wave: 'Cluster lead', theme: 'funding', code: '' };

  it('resolves each cited segment once, in the summary’s order, and marks one that is not there', async () => {
    const a = await cited('Funds arrive via the board (2021/GP01.md#a4); late for practices (2021/PM02.md#p3), as 2021/GP01.md#a4 says; 2021/GP01.md#gone.');
    assert.deepEqual(a.cited(funding), [
      { file: '2021/GP01.md', id: 'a4', quote: quote('2021/GP01.md', 'a4', 'funding', 'The money comes through the health board') },
      { file: '2021/PM02.md', id: 'p3', quote: quote('2021/PM02.md', 'p3', 'funding', 'the money is late') },
      { file: '2021/GP01.md', id: 'gone', quote: null },
    ]);
  });

  it('cites nothing for a code’s cell, a summary without citations, or a cell that is not there', async () => {
    const a = await cited('Funds arrive via the board (2021/GP01.md#a4).');
    assert.deepEqual(a.cited({ ...funding, code: 'lead-role' }), []);
    assert.deepEqual(a.cited({ ...funding, theme: 'leadership' }), []);
    assert.deepEqual(a.cited({ ...funding, case: 'XX' }), []);
    assert.deepEqual((await cited('No evidence cited.')).cited(funding), []);
  });
});
