import assert from 'node:assert/strict';
import type { Corpus } from '../../../../src/core/corpus/corpus';
import { loadCorpus } from '../../../../src/core/corpus/load-corpus';
import { agreementByCoder, coders, compareCoders, union, type AgreementFigures, type AgreementReport, type CodeAgreement } from '../../../../src/core/review/agreement';
import { cohensKappa, krippendorffAlpha, measure, percentAgreement } from '../../../../src/core/review/agreement-measures';
import { markdown, MemoryCorpusFiles } from '../../support/memory-files';

// A 100-character body (the worked example of the agreement notes counts in a document of
// exactly 100 characters), written for these tests.
const BODY = 'Lead GP: we met monthly at first; then the locum money dried up, and our meetings slid to quarterly.';
assert.equal(BODY.length, 100);

const CODEBOOK = `themes:
  - id: organisation
    name: How the cluster is organised
    codes:
      - id: meetings
        name: Cluster meetings
      - id: funding
        name: Funding for cover
      - id: membership
        name: Who takes part
  - id: wellbeing
    name: Wellbeing
`;

/** One segment: [id, code, start, end, by?]. */
type Segment = readonly [id: string, code: string, start: number, end: number, by?: string];

/** A document's text: front matter with the segments (quotes taken from the body), then the body. */
function documentText(body: string, segments: readonly Segment[], extra = ''): string {
  const lines = [...segments]
    .sort((x, y) => x[2] - y[2] || (x[0] < y[0] ? -1 : 1))
    .map(([id, code, start, end, by]) => `  - {id: ${id}, code: ${code}, start: ${start}, quote: ${JSON.stringify(body.slice(start, end))}${by ? `, by: ${by}` : ''}}`);
  return markdown(`case: X1${extra}${lines.length ? `\ncodes:\n${lines.join('\n')}` : ''}`, body);
}

async function corpusOf(documents: Record<string, string>): Promise<Corpus> {
  const files = new MemoryCorpusFiles({ 'qualframe.yaml': 'documents: ["docs/**/*.md"]\n', 'codebook.yaml': CODEBOOK, ...documents });
  const loaded = await loadCorpus(files);
  return loaded.corpus;
}

function code(report: AgreementReport, id: string): CodeAgreement {
  const found = report.codes.find((c) => c.code === id);
  assert.ok(found, `code ${id} in the report`);
  return found;
}

function assertFigures(actual: AgreementFigures, expected: { agreement: number; kappa: number; alpha: number; aChars: number; bChars: number; bothChars: number; totalChars: number }): void {
  for (const key of ['agreement', 'kappa', 'alpha'] as const) {
    const value = actual[key];
    assert.ok(value !== null && Math.abs(value - expected[key]) < 1e-7, `${key}: ${value} should be ${expected[key]}`);
  }
  assert.deepEqual(
    { aChars: actual.aChars, bChars: actual.bChars, bothChars: actual.bothChars, totalChars: actual.totalChars },
    { aChars: expected.aChars, bChars: expected.bChars, bothChars: expected.bothChars, totalChars: expected.totalChars },
  );
}

// The worked example: meetings (X) A [10,40), B [20,50); funding (Y) A [60,70), B [60,70)+[80,90).
const CODER_A: Segment[] = [['a1', 'meetings', 10, 40], ['a2', 'funding', 60, 70]];
const CODER_B: Segment[] = [['b1', 'meetings', 20, 50], ['b2', 'funding', 60, 70], ['b3', 'funding', 80, 90]];

describe('intercoder agreement (core)', () => {
  describe('measures of a 2×2 table', () => {
    it('computes the worked example from its counts', () => {
      const x = { both: 20, aOnly: 10, bOnly: 10, neither: 60 };
      assert.equal(percentAgreement(x), 0.8);
      assert.ok(Math.abs(cohensKappa(x)! - 22 / 42) < 1e-12);
      assert.ok(Math.abs(krippendorffAlpha(x)! - 0.5261905) < 1e-7);
      const y = { both: 10, aOnly: 0, bOnly: 10, neither: 80 };
      assert.equal(percentAgreement(y), 0.9);
      assert.ok(Math.abs(cohensKappa(y)! - 16 / 26) < 1e-12);
      assert.ok(Math.abs(krippendorffAlpha(y)! - 0.6098039) < 1e-7);
    });

    it('reports kappa and alpha 1 when both coders coded nothing, or everything (expected agreement 1)', () => {
      assert.deepEqual(measure({ both: 0, aOnly: 0, bOnly: 0, neither: 100 }), { agreement: 1, kappa: 1, alpha: 1 });
      assert.deepEqual(measure({ both: 100, aOnly: 0, bOnly: 0, neither: 0 }), { agreement: 1, kappa: 1, alpha: 1 });
    });

    it('reports null when there are no characters at all', () => {
      assert.deepEqual(measure({ both: 0, aOnly: 0, bOnly: 0, neither: 0 }), { agreement: null, kappa: null, alpha: null });
    });

    it('gives kappa 0 when one coder codes nothing and the other something, and a negative kappa for opposite coding', () => {
      assert.equal(cohensKappa({ both: 0, aOnly: 10, bOnly: 0, neither: 90 }), 0);
      assert.ok(cohensKappa({ both: 0, aOnly: 50, bOnly: 50, neither: 0 })! < 0);
    });

    it('stays finite on counts whose products pass 2^53', () => {
      const big = { both: 3e9, aOnly: 1e9, bOnly: 1e9, neither: 5e9 };
      // n = 2e10 values, n1 = 8e9, n0 = 1.2e10: alpha = 1 − (2e10 − 1)·2e9 / (1.2e10·8e9) ≈ 7/12.
      assert.ok(Math.abs(krippendorffAlpha(big)! - 7 / 12) < 1e-9);
      assert.ok(Math.abs(cohensKappa(big)! - 7 / 12) < 1e-12);
    });
  });

  describe('union of one coder\'s segments', () => {
    it('merges overlapping and touching ranges, drops empty ones', () => {
      assert.deepEqual(union([[30, 50], [10, 40], [50, 55], [70, 70], [80, 90]]), [[10, 55], [80, 90]]);
    });
  });

  describe('compareCoders (two revisions)', () => {
    it('reproduces the worked example per code, pools the overall, and lists the disagreements', async () => {
      const a = await corpusOf({ 'docs/P1.md': documentText(BODY, CODER_A) });
      const b = await corpusOf({ 'docs/P1.md': documentText(BODY, CODER_B) });
      const report = compareCoders(a, b);
      assert.equal(report.unit, 'character');
      assert.equal(report.codedOnly, false);
      assert.deepEqual(report.codes.map((c) => c.code), ['meetings', 'funding'], 'codebook order; unused codes left out');
      assert.equal(code(report, 'meetings').name, 'Cluster meetings');
      assertFigures(code(report, 'meetings'), { agreement: 0.8, kappa: 0.5238095, alpha: 0.5261905, aChars: 30, bChars: 30, bothChars: 20, totalChars: 100 });
      assertFigures(code(report, 'funding'), { agreement: 0.9, kappa: 0.6153846, alpha: 0.6098039, aChars: 10, bChars: 20, bothChars: 10, totalChars: 100 });
      // Pooled: both 30, A only 10, B only 20, neither 140 of 200.
      // kappa = (0.85 − 0.65) / 0.35 = 4/7; alpha = 1 − 399·30 / (310·90).
      assertFigures(report.overall, { agreement: 0.85, kappa: 4 / 7, alpha: 1 - (399 * 30) / (310 * 90), aChars: 40, bChars: 50, bothChars: 30, totalChars: 200 });
      assert.deepEqual(report.excludedDocuments, []);
      assert.deepEqual(report.disagreements, [
        { file: 'docs/P1.md', code: 'meetings', onlyA: [{ start: 10, end: 20, text: BODY.slice(10, 20) }], onlyB: [{ start: 40, end: 50, text: BODY.slice(40, 50) }] },
        { file: 'docs/P1.md', code: 'funding', onlyA: [], onlyB: [{ start: 80, end: 90, text: BODY.slice(80, 90) }] },
      ]);
      assert.equal(report.documents.length, 1);
      assert.deepEqual(report.documents[0].overall, report.overall);
      assert.deepEqual(report.uncounted, []);
    });

    it('is symmetric in kappa and alpha when the coders are swapped', async () => {
      const a = await corpusOf({ 'docs/P1.md': documentText(BODY, CODER_A) });
      const b = await corpusOf({ 'docs/P1.md': documentText(BODY, CODER_B) });
      const ab = compareCoders(a, b);
      const ba = compareCoders(b, a);
      assert.equal(ab.overall.kappa, ba.overall.kappa);
      assert.equal(ab.overall.alpha, ba.overall.alpha);
      assert.equal(code(ba, 'funding').aChars, 20);
    });

    it('counts overlapping segments of one coder once', async () => {
      const a = await corpusOf({ 'docs/P1.md': documentText(BODY, [['a1', 'meetings', 10, 40], ['a9', 'meetings', 30, 50], ['a8', 'meetings', 12, 20]]) });
      const b = await corpusOf({ 'docs/P1.md': documentText(BODY, [['b1', 'meetings', 10, 50]]) });
      const report = compareCoders(a, b);
      assertFigures(code(report, 'meetings'), { agreement: 1, kappa: 1, alpha: 1, aChars: 40, bChars: 40, bothChars: 40, totalChars: 100 });
      assert.deepEqual(report.disagreements, []);
    });

    it('with codedOnly counts only the characters either coder coded with any code', async () => {
      const a = await corpusOf({ 'docs/P1.md': documentText(BODY, CODER_A) });
      const b = await corpusOf({ 'docs/P1.md': documentText(BODY, CODER_B) });
      const report = compareCoders(a, b, { codedOnly: true });
      assert.equal(report.codedOnly, true);
      // Coded by someone: [10,50) ∪ [60,70) ∪ [80,90) = 60 characters, the same for every code.
      assert.equal(report.documents[0].chars, 60);
      // meetings: both 20, A only 10, B only 10, neither 20: po 2/3, pe 1/2, kappa 1/3.
      // alpha = 1 − 119·20 / (60·60).
      assertFigures(code(report, 'meetings'), { agreement: 40 / 60, kappa: 1 / 3, alpha: 1 - (119 * 20) / (60 * 60), aChars: 30, bChars: 30, bothChars: 20, totalChars: 60 });
      // funding: both 10, A only 0, B only 10, neither 40: po 5/6, pe 2200/3600, kappa 800/1400.
      assertFigures(code(report, 'funding'), { agreement: 50 / 60, kappa: 800 / 1400, alpha: 1 - (119 * 10) / (90 * 30), aChars: 10, bChars: 20, bothChars: 10, totalChars: 60 });
      assert.equal(report.overall.totalChars, 120);
    });

    it('pools the overall over codes and documents, and gives per-document figures', async () => {
      const other = 'P2: nobody told us what the cluster was for, so we used the time to talk about prescribing instead.';
      const a = await corpusOf({
        'docs/P1.md': documentText(BODY, CODER_A),
        'docs/P2.md': documentText(other, [['c1', 'meetings', 0, 30], ['c2', 'membership', 40, 60]]),
      });
      const b = await corpusOf({
        'docs/P1.md': documentText(BODY, CODER_B),
        'docs/P2.md': documentText(other, [['d1', 'meetings', 0, 30]]),
      });
      const report = compareCoders(a, b);
      assert.deepEqual(report.codes.map((c) => c.code), ['meetings', 'funding', 'membership']);
      // meetings pools P1 (20, 10, 10, 60) and P2 (30, 0, 0, L − 30).
      const meetings = code(report, 'meetings');
      assert.deepEqual([meetings.aChars, meetings.bChars, meetings.bothChars, meetings.totalChars], [60, 60, 50, 100 + other.length]);
      // membership: only A coded it, in P2; in P1 it counts as coded by neither.
      const membership = code(report, 'membership');
      assert.deepEqual([membership.aChars, membership.bChars, membership.bothChars], [20, 0, 0]);
      assert.equal(membership.kappa, 0);
      // The overall is the sum of every table: 3 codes × (100 + L) characters.
      assert.equal(report.overall.totalChars, 3 * (100 + other.length));
      assert.equal(report.overall.aChars, 30 + 10 + 30 + 20);
      assert.equal(report.overall.bChars, 30 + 20 + 30);
      assert.equal(report.overall.bothChars, 20 + 10 + 30);
      // Per document: only the codes used there are listed; its overall pools all three.
      assert.deepEqual(report.documents.map((d) => [d.file, d.codes.map((c) => c.code), d.overall.totalChars]), [
        ['docs/P1.md', ['meetings', 'funding'], 300],
        ['docs/P2.md', ['meetings', 'membership'], 3 * other.length],
      ]);
      const sum = report.documents.reduce((n, d) => n + d.overall.bothChars, 0);
      assert.equal(sum, report.overall.bothChars);
    });

    it('leaves out and lists documents whose bodies differ, documents in one revision only and unreadable ones', async () => {
      const a = await corpusOf({
        'docs/P1.md': documentText(BODY, CODER_A),
        'docs/P2.md': documentText(BODY, CODER_A),
        'docs/P3.md': documentText(BODY, CODER_A),
        'docs/P4.md': documentText(BODY, CODER_A),
        'docs/P6.md': documentText(BODY, CODER_A),
      });
      const b = await corpusOf({
        'docs/P1.md': documentText(BODY, CODER_B),
        'docs/P2.md': documentText(BODY.replace('monthly', 'weekly!'), []),
        'docs/P4.md': '---\ncodes: [\n---\nbroken front matter\n',
        'docs/P5.md': documentText(BODY, CODER_B),
        // Same body, CRLF line endings in the file and different front matter: compared.
        'docs/P6.md': documentText(BODY, CODER_B, '\nrole: GP').replace(/\n/g, '\r\n'),
      });
      const report = compareCoders(a, b);
      assert.deepEqual(report.excluded, [
        { file: 'docs/P2.md', reason: 'body-differs' },
        { file: 'docs/P3.md', reason: 'only-in-a' },
        { file: 'docs/P4.md', reason: 'unreadable-in-b' },
        { file: 'docs/P5.md', reason: 'only-in-b' },
      ]);
      assert.deepEqual(report.excludedDocuments, ['docs/P2.md', 'docs/P3.md', 'docs/P4.md', 'docs/P5.md']);
      assert.deepEqual(report.documents.map((d) => d.file), ['docs/P1.md', 'docs/P6.md']);
      // P1 and P6 pooled: kappa as in one document; alpha's small-sample factor (n − 1)/n moves:
      // 1 − 399·40 / (280·120).
      assertFigures(code(report, 'meetings'), { agreement: 0.8, kappa: 0.5238095, alpha: 0.525, aChars: 60, bChars: 60, bothChars: 40, totalChars: 200 });
    });

    it('lists orphaned annotations as uncounted', async () => {
      const orphan = markdown('codes:\n  - {id: zz01, code: meetings, start: 5, quote: "a sentence that is not in this body at all"}', BODY);
      const a = await corpusOf({ 'docs/P1.md': orphan });
      const b = await corpusOf({ 'docs/P1.md': documentText(BODY, CODER_B) });
      const report = compareCoders(a, b);
      assert.deepEqual(report.uncounted, [{ file: 'docs/P1.md', id: 'zz01', code: 'meetings', coder: 'a' }]);
      assert.equal(code(report, 'meetings').aChars, 0);
    });

    it('reports no codes and null figures when nobody coded anything', async () => {
      const a = await corpusOf({ 'docs/P1.md': documentText(BODY, []) });
      const report = compareCoders(a, a);
      assert.deepEqual(report.codes, []);
      assert.deepEqual([report.overall.agreement, report.overall.kappa, report.overall.alpha, report.overall.totalChars], [null, null, null, 0]);
    });

    it('with codedOnly and a document nobody coded, that document counts no characters', async () => {
      const a = await corpusOf({ 'docs/P1.md': documentText(BODY, CODER_A), 'docs/P2.md': documentText(BODY, []) });
      const b = await corpusOf({ 'docs/P1.md': documentText(BODY, CODER_B), 'docs/P2.md': documentText(BODY, []) });
      const report = compareCoders(a, b, { codedOnly: true });
      assert.deepEqual(report.documents.map((d) => d.chars), [60, 0]);
      assert.equal(report.documents[1].overall.kappa, null);
      assert.equal(code(report, 'meetings').totalChars, 60);
    });
  });

  describe('agreementByCoder (one revision, the by field)', () => {
    async function sharedCorpus(): Promise<Corpus> {
      return corpusOf({
        'docs/P1.md': documentText(BODY, [
          ...CODER_A.map(([id, c, s, e]): Segment => [id, c, s, e, 'am']),
          ...CODER_B.map(([id, c, s, e]): Segment => [id, c, s, e, 'jk']),
          ['n1', 'membership', 0, 5],
          ['t1', 'wellbeing', 90, 100, 'rs'],
        ]),
        'docs/P2.md': documentText(BODY, [['a7', 'meetings', 0, 10, 'am']]),
        'docs/P3.md': documentText(BODY, []),
        'docs/P4.md': '---\ncodes: [\n---\nbroken front matter\n',
      });
    }

    it('lists the coders found in the by fields', async () => {
      assert.deepEqual(coders(await sharedCorpus()), ['am', 'jk', 'rs']);
    });

    it('compares the two coders\' annotations, ignoring others and those without by', async () => {
      const report = agreementByCoder(await sharedCorpus(), 'am', 'jk');
      assert.deepEqual(report.codes.map((c) => c.code), ['meetings', 'funding']);
      assertFigures(code(report, 'meetings'), { agreement: 0.8, kappa: 0.5238095, alpha: 0.5261905, aChars: 30, bChars: 30, bothChars: 20, totalChars: 100 });
      assertFigures(code(report, 'funding'), { agreement: 0.9, kappa: 0.6153846, alpha: 0.6098039, aChars: 10, bChars: 20, bothChars: 10, totalChars: 100 });
      assert.deepEqual(report.excluded, [
        { file: 'docs/P2.md', reason: 'not-coded-by-both' },
        { file: 'docs/P3.md', reason: 'not-coded-by-both' },
        { file: 'docs/P4.md', reason: 'unreadable' },
      ]);
    });

    it('with allDocuments compares every document, a document only one coder coded included', async () => {
      const report = agreementByCoder(await sharedCorpus(), 'am', 'jk', { allDocuments: true });
      assert.deepEqual(report.excluded, [{ file: 'docs/P4.md', reason: 'unreadable' }]);
      assert.deepEqual(report.documents.map((d) => d.file), ['docs/P1.md', 'docs/P2.md', 'docs/P3.md']);
      assertFigures(code(report, 'meetings'), { agreement: 0.9, kappa: measure({ both: 20, aOnly: 20, bOnly: 10, neither: 250 }).kappa!, alpha: measure({ both: 20, aOnly: 20, bOnly: 10, neither: 250 }).alpha!, aChars: 40, bChars: 30, bothChars: 20, totalChars: 300 });
    });

    it('with codedOnly, the characters coded by a third coder are not counted', async () => {
      const report = agreementByCoder(await sharedCorpus(), 'am', 'jk', { codedOnly: true });
      assert.equal(report.documents[0].chars, 60);
    });
  });
});
