import assert from 'node:assert/strict';
import { loadCorpus } from '../../../../src/core/corpus/load-corpus';
import { agreementByCoder, compareCoders, type AgreementFigures, type AgreementReport, type Disagreement } from '../../../../src/core/review/agreement';
import { AGREEMENT_VIEW_LIMITS, cutText, locateRange, toAgreementView, type AgreementSubject } from '../../../../src/extension/webview/agreement-view';
import { markdown, MemoryCorpusFiles } from '../../support/memory-files';

// The agreement as the Intercoder Agreement panel receives it: the report mapped, the
// disagreements capped; and a compared range found again in the working tree.

const subject: AgreementSubject = { root: 'file:///study', name: 'Study', mode: 'revisions', a: 'main', b: 'working tree' };

const figures = (over: Partial<AgreementFigures> = {}): AgreementFigures => ({ agreement: 1, kappa: 1, alpha: 1, aChars: 0, bChars: 0, bothChars: 0, totalChars: 10, ...over });

function report(disagreements: Disagreement[], over: Partial<AgreementReport> = {}): AgreementReport {
  return {
    unit: 'character',
    codedOnly: false,
    codes: [],
    overall: figures(),
    documents: [],
    excludedDocuments: [],
    excluded: [],
    disagreements,
    uncounted: [],
    ...over,
  };
}

const range = (start: number, length = 5) => ({ start, end: start + length, text: 'x'.repeat(length) });
const ranges = (n: number, from = 0) => Array.from({ length: n }, (_, i) => range(from + i * 10));

const CODEBOOK = `themes:
  - id: organisation
    name: How the cluster is organised
    codes:
      - id: meetings
        name: Cluster meetings
      - id: funding
        name: Funding for cover
`;
const BODY = 'Lead GP: we met monthly at first; then the locum money dried up, and our meetings slid to quarterly.\n';

function doc(segments: [id: string, code: string, quote: string, by: string][]): string {
  const lines = segments.map(([id, code, quote, by]) => `  - {id: ${id}, code: ${code}, start: ${BODY.indexOf(quote)}, quote: ${JSON.stringify(quote)}, by: ${by}}`);
  return markdown(`case: P1\ncodes:\n${lines.join('\n')}`, BODY);
}

async function corpus(files: Record<string, string>) {
  return (await loadCorpus(new MemoryCorpusFiles({ 'qualframe.yaml': 'documents: ["docs/**/*.md"]\n', 'codebook.yaml': CODEBOOK, ...files }))).corpus;
}

describe('the agreement panel’s data', () => {
  it('maps a report of two coders of one revision', async () => {
    const c = await corpus({
      'docs/p1.md': doc([
        ['a1', 'meetings', 'we met monthly at first', 'am'],
        ['b1', 'meetings', 'we met monthly', 'jk'],
        ['b2', 'funding', 'the locum money dried up', 'jk'],
      ]),
      'docs/p2.md': doc([['a9', 'meetings', 'our meetings', 'am']]),
    });
    const view = toAgreementView(agreementByCoder(c, 'am', 'jk'), { ...subject, mode: 'coders', a: 'am', b: 'jk', revision: 'working tree' });
    assert.equal(view.mode, 'coders');
    assert.equal(view.revision, 'working tree');
    assert.equal(view.codedOnly, false);
    assert.equal(view.compared, 1);
    assert.deepEqual(view.excluded, [{ file: 'docs/p2.md', reason: 'not-coded-by-both' }]);
    assert.deepEqual(view.codes.map((x) => [x.code, x.name, x.aChars, x.bChars, x.bothChars, x.totalChars]), [
      ['meetings', 'Cluster meetings', 23, 14, 14, BODY.length],
      ['funding', 'Funding for cover', 0, 24, 0, BODY.length],
    ]);
    assert.equal(view.overall.totalChars, 2 * BODY.length);
    for (const f of [...view.codes, view.overall]) for (const k of ['agreement', 'kappa', 'alpha'] as const) assert.equal(typeof f[k], 'number');
    assert.deepEqual(view.disagreements, [
      { file: 'docs/p1.md', code: 'meetings', onlyA: [{ start: BODY.indexOf(' at first'), end: BODY.indexOf(';'), text: ' at first' }], onlyB: [], omitted: 0 },
      { file: 'docs/p1.md', code: 'funding', onlyA: [], onlyB: [{ start: BODY.indexOf('the locum'), end: BODY.indexOf(', and'), text: 'the locum money dried up' }], omitted: 0 },
    ]);
    assert.equal(view.omittedRanges, 0);
    assert.equal(view.uncounted, 0);
    assert.equal(view.textLimit, AGREEMENT_VIEW_LIMITS.textLimit);
    // It travels as JSON: structured clone keeps it as is.
    assert.deepEqual(JSON.parse(JSON.stringify(view)), view);
  });

  it('maps a report of two revisions, with coded-only and the documents left out', async () => {
    const a = await corpus({ 'docs/p1.md': doc([['a1', 'meetings', 'we met monthly', 'am']]), 'docs/gone.md': doc([]) });
    const b = await corpus({ 'docs/p1.md': doc([['b1', 'meetings', 'we met monthly', 'jk']]) });
    const view = toAgreementView(compareCoders(a, b, { codedOnly: true }), subject);
    assert.equal(view.codedOnly, true);
    assert.equal(view.a, 'main');
    assert.equal(view.b, 'working tree');
    assert.equal('revision' in view, false);
    assert.deepEqual(view.excluded, [{ file: 'docs/gone.md', reason: 'only-in-a' }]);
    assert.deepEqual(view.overall, { agreement: 1, kappa: 1, alpha: 1, aChars: 14, bChars: 14, bothChars: 14, totalChars: 14 });
    assert.deepEqual(view.disagreements, []);
  });

  it('sends null for figures that are not numbers, and counts orphans', () => {
    const view = toAgreementView(
      report([], {
        codes: [{ code: 'x', ...figures({ agreement: null, kappa: Number.NaN, alpha: Number.POSITIVE_INFINITY }) }],
        uncounted: [{ file: 'a.md', id: 'c1', code: 'x', coder: 'a' }, { file: 'a.md', id: 'c2', code: 'x', coder: 'b' }],
      }),
      subject,
    );
    assert.deepEqual([view.codes[0].agreement, view.codes[0].kappa, view.codes[0].alpha], [null, null, null]);
    assert.equal('name' in view.codes[0], false);
    assert.equal(view.uncounted, 2);
  });

  describe('caps', () => {
    it('cuts each range’s text to the limit, keeping its offsets', () => {
      const long = { start: 100, end: 1100, text: 'y'.repeat(1000) };
      const view = toAgreementView(report([{ file: 'a.md', code: 'x', onlyA: [long], onlyB: [range(0)] }]), subject);
      assert.deepEqual(view.disagreements[0].onlyA, [{ start: 100, end: 1100, text: 'y'.repeat(300) }]);
      assert.deepEqual(view.disagreements[0].onlyB, [range(0)]);
    });

    it('never cuts a surrogate pair in half', () => {
      assert.equal(cutText('ab😀cd', 3), 'ab');
      assert.equal(cutText('ab😀cd', 4), 'ab😀');
      assert.equal(cutText('abc', 3), 'abc');
      assert.equal(cutText('abc', 0), '');
    });

    it('lists at most the maximum of ranges and counts the rest', () => {
      const limits = { textLimit: 300, maxRanges: 10 };
      const view = toAgreementView(
        report([
          { file: 'a.md', code: 'x', onlyA: ranges(3), onlyB: ranges(2) },
          { file: 'a.md', code: 'y', onlyA: ranges(4), onlyB: ranges(4) },
          { file: 'b.md', code: 'x', onlyA: ranges(6), onlyB: [] },
        ]),
        subject,
        limits,
      );
      const listed = view.disagreements.reduce((n, d) => n + d.onlyA.length + d.onlyB.length, 0);
      assert.equal(listed, 10);
      assert.equal(view.omittedRanges, 3 + 6);
      assert.deepEqual(view.disagreements.map((d) => [d.file, d.code, d.onlyA.length, d.onlyB.length, d.omitted]), [
        ['a.md', 'x', 3, 2, 0],
        // Five ranges left: shared between the sides.
        ['a.md', 'y', 3, 2, 3],
      ]);
    });

    it('gives the room a side does not need to the other', () => {
      const view = toAgreementView(report([{ file: 'a.md', code: 'x', onlyA: ranges(10), onlyB: ranges(1) }]), subject, { textLimit: 300, maxRanges: 6 });
      assert.deepEqual([view.disagreements[0].onlyA.length, view.disagreements[0].onlyB.length, view.disagreements[0].omitted, view.omittedRanges], [5, 1, 5, 5]);
    });

    it('keeps within the default cap for a corpus coded very differently', () => {
      const many = Array.from({ length: 200 }, (_, i) => ({ file: `d${i}.md`, code: 'x', onlyA: ranges(3), onlyB: ranges(3) }));
      const view = toAgreementView(report(many), subject);
      const listed = view.disagreements.reduce((n, d) => n + d.onlyA.length + d.onlyB.length, 0);
      assert.equal(listed, AGREEMENT_VIEW_LIMITS.maxRanges);
      assert.equal(view.omittedRanges, 1200 - AGREEMENT_VIEW_LIMITS.maxRanges);
    });
  });

  describe('locateRange', () => {
    const body = 'one two three two one';

    it('keeps the offsets when the text there is unchanged', () => {
      assert.deepEqual(locateRange(body, { start: 4, end: 7 }, 'two'), { start: 4, end: 7 });
    });

    it('finds the text nearest to where it was when the body changed', () => {
      assert.deepEqual(locateRange(`xx${body}`, { start: 4, end: 7 }, 'two'), { start: 6, end: 9 });
      assert.deepEqual(locateRange(body, { start: 12, end: 15 }, 'two'), { start: 14, end: 17 });
      assert.deepEqual(locateRange(body, { start: 0, end: 3 }, 'one'), { start: 0, end: 3 });
      assert.deepEqual(locateRange(body, { start: 19, end: 22 }, 'one'), { start: 18, end: 21 });
    });

    it('answers undefined when the text is gone', () => {
      assert.equal(locateRange(body, { start: 4, end: 8 }, 'four'), undefined);
    });

    it('takes the offsets as they are without a text to look for, when inside the body', () => {
      assert.deepEqual(locateRange(body, { start: 4, end: 7 }, undefined), { start: 4, end: 7 });
      assert.equal(locateRange(body, { start: 20, end: 40 }, undefined), undefined);
    });
  });
});
