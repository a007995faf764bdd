import assert from 'node:assert/strict';
import { loadCorpus } from '../../../../src/core/corpus/load-corpus';
import type { Corpus } from '../../../../src/core/corpus/corpus';
import { countCodingChanges, diffCoding, uncomparedFiles, type AnnotationChange, type CodingChange } from '../../../../src/core/review/coding-diff';
import { markdown, MemoryCorpusFiles } from '../../support/memory-files';

// A small synthetic study of rural dental practices, newly written for these tests.
const CODEBOOK = `themes:
  - id: staffing
    name: Staffing the practice
    description: Who is there to see patients.
    codes:
      - id: locum-cover
        name: Locum cover
        description: Finding dentists to cover sessions.
      - id: protected-time
        name: Protected time
        description: Time kept free of patients for audit and training.
  - id: money
    name: Money
    codes:
      - id: funding
        name: Funding
        description: Where the money for the practice comes from.
        color: "#59a14f"
      - id: fees
        name: Patient fees
`;

const BODY = `Interviewer: How did the winter go?

D1: We could not find locum cover for the winter, so two sessions a week simply closed.

Interviewer: And the training days?

D1: The training days went first. Protected time is the first thing to go when the list is full.

Interviewer: Anything else?

D1: The grant arrived late, and the locum cover we booked was paid from savings.
`;

interface Coding {
  readonly id: string;
  readonly code: string;
  readonly quote: string;
  /** Which occurrence of the quote (from 1); default the first. */
  readonly occurrence?: number;
  /** A stored start to write instead of the quote's offset (a stale one, or an orphan's). */
  readonly start?: number;
}

function offsetOf(body: string, quote: string, occurrence = 1): number {
  let at = -1;
  for (let n = 0; n < occurrence; n++) {
    at = body.indexOf(quote, at + 1);
    if (at < 0) throw new Error(`"${quote}" occurs fewer than ${occurrence} times`);
  }
  return at;
}

/** A document whose annotations are written with their start where their quote is in `body`. */
function transcript(caseId: string, body: string, codings: readonly Coding[], summaries: Record<string, string> = {}): string {
  const codes = codings
    .map((c) => ({ ...c, at: c.start ?? offsetOf(body, c.quote, c.occurrence) }))
    .sort((x, y) => x.at - y.at || (x.id < y.id ? -1 : 1))
    .map((c) => `  - {id: ${c.id}, code: ${c.code}, start: ${c.at}, quote: ${JSON.stringify(c.quote)}}`);
  const summaryLines = Object.entries(summaries).map(([theme, text]) => `  ${theme}: ${JSON.stringify(text)}`);
  return markdown(
    [`case: ${caseId}`, 'wave: "2022"', ...(codes.length ? ['codes:', ...codes] : []), ...(summaryLines.length ? ['summaries:', ...summaryLines] : [])].join('\n'),
    body,
  );
}

async function corpusOf(files: Record<string, string>, codebook = CODEBOOK): Promise<Corpus> {
  return (await loadCorpus(new MemoryCorpusFiles({ 'codebook.yaml': codebook, ...files }))).corpus;
}

const LOCUM: Coding = { id: 'a1f0', code: 'locum-cover', quote: 'We could not find locum cover for the winter' };
const TIME: Coding = { id: 'b2e1', code: 'protected-time', quote: 'Protected time is the first thing to go' };
const GRANT: Coding = { id: 'c3d2', code: 'funding', quote: 'The grant arrived late' };

async function diffOf(before: Record<string, string>, after: Record<string, string>, codebooks: [string?, string?] = []): Promise<CodingChange[]> {
  return diffCoding(await corpusOf(before, codebooks[0]), await corpusOf(after, codebooks[1]));
}

/** Only the fields the contract names, and those that say what changed. */
function brief(changes: readonly CodingChange[]): Record<string, unknown>[] {
  return changes.map((c) => {
    const out: Record<string, unknown> = { kind: c.kind, file: c.file, id: c.id, code: c.code };
    for (const key of ['fromCode', 'fromQuote', 'fromId', 'change', 'fromText', 'text', 'fromName', 'fromTheme', 'theme', 'fields'] as const) {
      if (key in c) out[key] = (c as unknown as Record<string, unknown>)[key];
    }
    return out;
  });
}

describe('diffCoding', () => {
  const base = { 'dental/D1.md': transcript('D1', BODY, [LOCUM, TIME, GRANT]) };

  it('finds no changes between equal revisions', async () => {
    assert.deepEqual(await diffOf(base, base), []);
  });

  it('an annotation added: its id, code, quote, position and line', async () => {
    const fees: Coding = { id: 'd4c3', code: 'fees', quote: 'paid from savings' };
    const changes = await diffOf(base, { 'dental/D1.md': transcript('D1', BODY, [LOCUM, TIME, GRANT, fees]) });
    const start = BODY.indexOf('paid from savings');
    // Front matter: ---, case, wave, codes:, 4 entries, --- => the body starts on line 10.
    const line = 10 + BODY.slice(0, start).split('\n').length - 1;
    assert.deepEqual(changes, [{ kind: 'added', file: 'dental/D1.md', id: 'd4c3', code: 'fees', quote: 'paid from savings', start, line, anchored: true }]);
  });

  it('an annotation removed: its position in the first revision', async () => {
    const changes = await diffOf(base, { 'dental/D1.md': transcript('D1', BODY, [LOCUM, GRANT]) });
    const fromStart = BODY.indexOf(TIME.quote);
    assert.deepEqual(changes, [{ kind: 'removed', file: 'dental/D1.md', id: 'b2e1', code: 'protected-time', quote: TIME.quote, fromStart, fromLine: 8 + 7, anchored: true }]);
  });

  it('an annotation recoded: same id, another code', async () => {
    const changes = await diffOf(base, { 'dental/D1.md': transcript('D1', BODY, [{ ...LOCUM, code: 'funding' }, TIME, GRANT]) });
    assert.deepEqual(brief(changes), [{ kind: 'recoded', file: 'dental/D1.md', id: 'a1f0', code: 'funding', fromCode: 'locum-cover' }]);
    assert.equal(changes[0].quote, LOCUM.quote);
  });

  it('an annotation re-worded: same id and code, the text it covers changed (and not moved: its passage was edited in place)', async () => {
    const body = BODY.replace('We could not find locum cover for the winter', 'We never found locum cover for the winter');
    const changes = await diffOf(base, { 'dental/D1.md': transcript('D1', body, [{ ...LOCUM, quote: 'We never found locum cover for the winter' }, TIME, GRANT]) });
    assert.deepEqual(brief(changes), [{ kind: 'reworded', file: 'dental/D1.md', id: 'a1f0', code: 'locum-cover', fromQuote: LOCUM.quote }]);
    assert.equal(changes[0].quote, 'We never found locum cover for the winter');
  });

  it('a re-wording found by fuzzy anchoring (the stored quote not yet brought up to date) is a re-wording', async () => {
    const body = BODY.replace('Protected time is the first thing to go', 'Protected time is the very first thing to go');
    const changes = await diffOf(base, { 'dental/D1.md': transcript('D1', body, [LOCUM, { ...TIME, start: BODY.indexOf(TIME.quote) }, GRANT]) });
    assert.deepEqual(brief(changes), [{ kind: 'reworded', file: 'dental/D1.md', id: 'b2e1', code: 'protected-time', fromQuote: TIME.quote }]);
    assert.equal(changes[0].quote, 'Protected time is the very first thing to go');
  });

  it('text inserted before an annotation is not a move: a new paragraph, or words earlier in its own paragraph', async () => {
    const paragraph = BODY.replace('Interviewer: How did the winter go?', 'Interviewer: Thank you for seeing me.\n\nD1: Of course.\n\nInterviewer: How did the winter go?');
    const words = BODY.replace('D1: The training days went first.', 'D1: Honestly, the training days went first, and quickly.');
    for (const body of [paragraph, words]) {
      // Stored starts brought up to date (as a write does), and left stale (relocated on reading).
      for (const stale of [false, true]) {
        const codings = [LOCUM, TIME, GRANT].map((c) => (stale ? { ...c, start: BODY.indexOf(c.quote) } : c));
        const changes = await diffOf(base, { 'dental/D1.md': transcript('D1', body, codings) });
        assert.deepEqual(changes, [], `${body === paragraph ? 'paragraph' : 'words'} inserted, stale ${stale}`);
      }
    }
  });

  it('paragraphs deleted before an annotation, or one split in two around it, are not moves either', async () => {
    const deleted = BODY.replace('Interviewer: How did the winter go?\n\nD1: We could not find locum cover for the winter, so two sessions a week simply closed.\n\n', '');
    assert.deepEqual(await diffOf(base, { 'dental/D1.md': transcript('D1', deleted, [TIME, GRANT]) }).then(brief), [
      { kind: 'removed', file: 'dental/D1.md', id: 'a1f0', code: 'locum-cover' },
    ]);
    const split = BODY.replace('D1: The training days went first. ', 'D1: The training days went first.\n\n');
    assert.deepEqual(await diffOf(base, { 'dental/D1.md': transcript('D1', split, [LOCUM, TIME, GRANT]) }), []);
  });

  it('an annotation re-anchored into another passage is a move', async () => {
    // "locum cover" is said twice: the coder moved the annotation to the second time.
    const locum: Coding = { id: 'e5b4', code: 'locum-cover', quote: 'locum cover' };
    const before = { 'dental/D1.md': transcript('D1', BODY, [locum]) };
    const changes = await diffOf(before, { 'dental/D1.md': transcript('D1', BODY, [{ ...locum, occurrence: 2 }]) });
    assert.deepEqual(brief(changes), [{ kind: 'moved', file: 'dental/D1.md', id: 'e5b4', code: 'locum-cover' }]);
    const [moved] = changes as AnnotationChange[];
    assert.equal(moved.fromStart, offsetOf(BODY, 'locum cover', 1));
    assert.equal(moved.start, offsetOf(BODY, 'locum cover', 2));
    // The body starts on line 7; the two "locum cover" are on its lines 3 and 11.
    assert.equal(moved.fromLine, 9);
    assert.equal(moved.line, 17);
  });

  it('a move that also changed the words and the code is three changes, in a fixed order', async () => {
    const changes = await diffOf(base, { 'dental/D1.md': transcript('D1', BODY, [{ ...LOCUM, code: 'funding', quote: 'the locum cover we booked' }, TIME, GRANT]) });
    assert.deepEqual(changes.map((c) => c.kind), ['recoded', 'reworded', 'moved']);
  });

  it('a move is still found when the passage it left was edited as well', async () => {
    const body = BODY.replace('so two sessions a week simply closed', 'so three sessions closed');
    const changes = await diffOf(base, { 'dental/D1.md': transcript('D1', body, [{ ...LOCUM, quote: 'locum cover', occurrence: 2 }, TIME, GRANT]) });
    assert.deepEqual(changes.map((c) => c.kind), ['reworded', 'moved']);
  });

  it('matches annotations by their text when the id changed: the same coding is no change, another code is a recoding', async () => {
    assert.deepEqual(await diffOf(base, { 'dental/D1.md': transcript('D1', BODY, [{ ...LOCUM, id: 'f6a5' }, TIME, GRANT]) }), []);
    const changes = await diffOf(base, { 'dental/D1.md': transcript('D1', BODY, [{ ...LOCUM, id: 'f6a5', code: 'fees' }, TIME, GRANT]) });
    assert.deepEqual(brief(changes), [{ kind: 'recoded', file: 'dental/D1.md', id: 'f6a5', code: 'fees', fromCode: 'locum-cover', fromId: 'a1f0' }]);
  });

  it('of several codings of one quote, the same code is matched first', async () => {
    const twice = (ids: [string, string], codes: [string, string]) => [
      { id: ids[0], code: codes[0], quote: GRANT.quote },
      { id: ids[1], code: codes[1], quote: GRANT.quote },
    ];
    const before = { 'dental/D1.md': transcript('D1', BODY, twice(['a001', 'a002'], ['funding', 'fees'])) };
    const after = { 'dental/D1.md': transcript('D1', BODY, twice(['b001', 'b002'], ['fees', 'locum-cover'])) };
    assert.deepEqual(brief(await diffOf(before, after)), [
      { kind: 'recoded', file: 'dental/D1.md', id: 'b002', code: 'locum-cover', fromCode: 'funding', fromId: 'a001' },
    ]);
  });

  it('a document only one revision has: each of its annotations added or removed', async () => {
    const other = { 'dental/D2.md': transcript('D2', BODY, [GRANT, TIME]) };
    assert.deepEqual(brief(await diffOf(base, { ...base, ...other })), [
      { kind: 'added', file: 'dental/D2.md', id: 'b2e1', code: 'protected-time' },
      { kind: 'added', file: 'dental/D2.md', id: 'c3d2', code: 'funding' },
    ]);
    assert.deepEqual(brief(await diffOf({ ...base, ...other }, base)), [
      { kind: 'removed', file: 'dental/D2.md', id: 'b2e1', code: 'protected-time' },
      { kind: 'removed', file: 'dental/D2.md', id: 'c3d2', code: 'funding' },
    ]);
  });

  it('orphans are compared by what they store', async () => {
    const lost: Coding = { id: 'a9e8', code: 'fees', quote: 'charges went up for every patient on the list', start: 40 };
    const before = { 'dental/D1.md': transcript('D1', BODY, [LOCUM, lost]) };
    assert.deepEqual(await diffOf(before, before), []);
    // Re-attached by hand: a new quote and start.
    const fixed = { 'dental/D1.md': transcript('D1', BODY, [LOCUM, { ...lost, quote: 'paid from savings', start: undefined }]) };
    const changes = await diffOf(before, fixed);
    assert.deepEqual(changes.map((c) => c.kind), ['reworded', 'moved']);
    assert.equal(changes[0].quote, 'paid from savings');
    assert.equal((changes[0] as { anchored: boolean }).anchored, true);
    // Its text edited away in the body, the stored fields unchanged: nothing to report here (validate reports the orphan).
    const gone = BODY.replace(GRANT.quote, 'The money came');
    assert.deepEqual(await diffOf(base, { 'dental/D1.md': transcript('D1', gone, [LOCUM, TIME, { ...GRANT, start: BODY.indexOf(GRANT.quote) }]) }), []);
  });

  it('summaries written, rewritten and deleted, per case and theme', async () => {
    const before = {
      'dental/D1.md': transcript('D1', BODY, [], { staffing: 'Short of locums all winter.', money: 'Grant late.' }),
      'dental/D2.md': transcript('D2', BODY, [], { money: 'No worries about money.' }),
    };
    const after = {
      'dental/D1.md': transcript('D1', BODY, [], { staffing: 'Short of locums; sessions closed.' }),
      'dental/D2.md': transcript('D2', BODY, [], { money: 'No worries about money.', staffing: 'Fully staffed.' }),
    };
    assert.deepEqual(brief(await diffOf(before, after)), [
      { kind: 'summary', file: 'dental/D1.md', id: 'staffing', code: 'staffing', change: 'changed', fromText: 'Short of locums all winter.', text: 'Short of locums; sessions closed.', theme: 'staffing' },
      { kind: 'summary', file: 'dental/D1.md', id: 'money', code: 'money', change: 'removed', fromText: 'Grant late.', theme: 'money' },
      { kind: 'summary', file: 'dental/D2.md', id: 'staffing', code: 'staffing', change: 'added', text: 'Fully staffed.', theme: 'staffing' },
    ]);
    const changes = await diffOf(before, after);
    assert.equal((changes[0] as { case: string }).case, 'D1');
  });

  it('a summary moved to another document of its case, unchanged, is no change', async () => {
    const before = {
      'dental/D1.md': transcript('D1', BODY, [], { staffing: 'Short of locums.' }),
      'dental/D1-notes.md': transcript('D1', BODY, []),
    };
    const after = {
      'dental/D1.md': transcript('D1', BODY, []),
      'dental/D1-notes.md': transcript('D1', BODY, [], { staffing: 'Short of locums.' }),
    };
    assert.deepEqual(await diffOf(before, after), []);
  });

  describe('the codebook', () => {
    const codebookChanges = async (after: string, files = base, filesAfter = base) =>
      (await diffOf(files, filesAfter, [CODEBOOK, after])).filter((c) => c.kind === 'codebook');

    it('a code added, one removed', async () => {
      const after = CODEBOOK.replace('      - id: fees\n        name: Patient fees\n', '      - id: grants\n        name: Grants\n');
      assert.deepEqual(brief(await codebookChanges(after)), [
        { kind: 'codebook', file: 'codebook.yaml', id: 'grants', code: 'grants', change: 'added', theme: 'money' },
        { kind: 'codebook', file: 'codebook.yaml', id: 'fees', code: 'fees', change: 'removed', theme: 'money' },
      ]);
    });

    it('a code renamed (same id, new name), a theme renamed', async () => {
      const after = CODEBOOK.replace('name: Funding', 'name: Funding streams').replace('name: Money', 'name: Money and resources');
      assert.deepEqual(brief(await codebookChanges(after)), [
        { kind: 'codebook', file: 'codebook.yaml', id: 'money', code: 'money', change: 'renamed', fromName: 'Money' },
        { kind: 'codebook', file: 'codebook.yaml', id: 'funding', code: 'funding', change: 'renamed', fromName: 'Funding', theme: 'money' },
      ]);
    });

    it('a code moved to another theme', async () => {
      const after = CODEBOOK.replace('      - id: fees\n        name: Patient fees\n', '').replace('  - id: money', '      - id: fees\n        name: Patient fees\n  - id: money');
      assert.deepEqual(brief(await codebookChanges(after)), [
        { kind: 'codebook', file: 'codebook.yaml', id: 'fees', code: 'fees', change: 'moved', theme: 'staffing', fromTheme: 'money' },
      ]);
    });

    it('a definition changed, naming the fields; a colour changed', async () => {
      const after = CODEBOOK.replace('Finding dentists to cover sessions.', 'Finding dentists to cover sessions.\n        exclude: Permanent recruitment.').replace('#59a14f', '#e15759');
      const changes = await codebookChanges(after);
      assert.deepEqual(brief(changes), [
        { kind: 'codebook', file: 'codebook.yaml', id: 'locum-cover', code: 'locum-cover', change: 'definition', theme: 'staffing', fields: ['exclude'] },
        { kind: 'codebook', file: 'codebook.yaml', id: 'funding', code: 'funding', change: 'colour', theme: 'money' },
      ]);
      assert.deepEqual([(changes[1] as { fromColor?: string }).fromColor, (changes[1] as { color?: string }).color], ['#59a14f', '#e15759']);
    });

    it('a code whose id changed with its annotations is renamed, from the old id; its annotations are recoded', async () => {
      const after = CODEBOOK.replace('id: locum-cover\n        name: Locum cover', 'id: locums\n        name: Locums');
      const filesAfter = { 'dental/D1.md': transcript('D1', BODY, [{ ...LOCUM, code: 'locums' }, TIME, GRANT]) };
      const changes = await diffOf(base, filesAfter, [CODEBOOK, after]);
      assert.deepEqual(brief(changes), [
        { kind: 'codebook', file: 'codebook.yaml', id: 'locums', code: 'locums', fromCode: 'locum-cover', fromId: 'locum-cover', change: 'renamed', fromName: 'Locum cover', theme: 'staffing' },
        { kind: 'recoded', file: 'dental/D1.md', id: 'a1f0', code: 'locums', fromCode: 'locum-cover' },
      ]);
    });

    it('a code without annotations whose id changed is renamed when its definition is the same', async () => {
      const after = CODEBOOK.replace('id: protected-time\n        name: Protected time', 'id: protected-sessions\n        name: Protected sessions');
      const filesBefore = { 'dental/D1.md': transcript('D1', BODY, [LOCUM]) };
      assert.deepEqual(brief(await codebookChanges(after, filesBefore, filesBefore)), [
        { kind: 'codebook', file: 'codebook.yaml', id: 'protected-sessions', code: 'protected-sessions', fromCode: 'protected-time', fromId: 'protected-time', change: 'renamed', fromName: 'Protected time', theme: 'staffing' },
      ]);
    });

    it('two codes merged into a new one are removed and added, not renamed', async () => {
      const after = CODEBOOK.replace(/      - id: funding[\s\S]*$/, '      - id: income\n        name: Income\n');
      const filesAfter = { 'dental/D1.md': transcript('D1', BODY, [LOCUM, TIME, { ...GRANT, code: 'income' }, { id: 'd4c3', code: 'income', quote: 'paid from savings' }]) };
      const filesBefore = { 'dental/D1.md': transcript('D1', BODY, [LOCUM, TIME, GRANT, { id: 'd4c3', code: 'fees', quote: 'paid from savings' }]) };
      assert.deepEqual(
        brief(await codebookChanges(after, filesBefore, filesAfter)).map((c) => [c.change, c.id]),
        [['added', 'income'], ['removed', 'funding'], ['removed', 'fees']],
      );
    });
  });

  it('lists changes by file, then by position, and counts them per kind', async () => {
    const fees: Coding = { id: 'd4c3', code: 'fees', quote: 'paid from savings' };
    const before = {
      'dental/D1.md': transcript('D1', BODY, [LOCUM, TIME, GRANT], { money: 'Grant late.' }),
      'dental/D0.md': transcript('D0', BODY, [GRANT]),
    };
    const after = {
      'dental/D1.md': transcript('D1', BODY, [fees, { ...TIME, code: 'funding' }, LOCUM], { money: 'Grant late; savings used.' }),
      'dental/D0.md': transcript('D0', BODY, []),
    };
    const changes = await diffOf(before, after, [CODEBOOK, CODEBOOK.replace('name: Patient fees', 'name: Fees')]);
    assert.deepEqual(changes.map((c) => `${c.file} ${c.kind} ${c.id}`), [
      'codebook.yaml codebook fees',
      'dental/D0.md removed c3d2',
      'dental/D1.md recoded b2e1',
      'dental/D1.md removed c3d2',
      'dental/D1.md added d4c3',
      'dental/D1.md summary money',
    ]);
    assert.deepEqual(countCodingChanges(changes), { added: 1, removed: 2, recoded: 1, moved: 0, reworded: 0, summary: 1, codebook: 1 });
    assert.deepEqual(countCodingChanges([]), { added: 0, removed: 0, recoded: 0, moved: 0, reworded: 0, summary: 0, codebook: 0 });
  });

  it('does not compare a document one revision could not read', async () => {
    const a = await corpusOf(base);
    const b = await corpusOf({ 'dental/D1.md': '---\ncodes: [\n---\nbroken front matter\n' });
    assert.deepEqual(uncomparedFiles(a, b), ['dental/D1.md']);
    assert.deepEqual(diffCoding(a, b), []);
  });
});
