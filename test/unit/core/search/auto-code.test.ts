import assert from 'node:assert/strict';
import { buildCorpus, type Corpus } from '../../../../src/core/corpus/corpus';
import { parseCorpusDocument } from '../../../../src/core/corpus/document';
import { loadCorpus } from '../../../../src/core/corpus/load-corpus';
import { removeAnnotation } from '../../../../src/core/frontmatter/edit-front-matter';
import { applyAutoCode, planAutoCode, SearchIndex, type AutoCodeAddition, type SearchHit } from '../../../../src/core/search';
import { MemoryCorpusFiles } from '../../support/memory-files';
import { documentText, loadStudy, offsetOf, P3_2016_BODY, P3_2021_BODY, readDocument, SH01_BODY, studyFiles, type Study } from './gp-cluster-corpus';

const P3_2016 = 'transcripts/2016/P3.md';
const P3_2021 = 'transcripts/2021/P3.md';
const SH01 = 'transcripts/2021/SH01.md';

/** A corpus like `corpus` with some documents replaced or left out. */
function withDocuments(corpus: Corpus, change: (path: string) => ReturnType<typeof readDocument> | 'gone' | undefined): Corpus {
  const documents = corpus.documents.flatMap((d) => {
    const next = change(d.path);
    return next === 'gone' ? [] : [next ?? d];
  });
  return buildCorpus(corpus.config, corpus.codebook, documents.map((d) => d.path), documents);
}

/** Each file's text after applying its additions. */
function applyAll(files: Record<string, string>, additions: readonly AutoCodeAddition[]): Record<string, string> {
  const out = { ...files };
  for (const path of new Set(additions.map((a) => a.file))) {
    out[path] = applyAutoCode(files[path], additions.filter((a) => a.file === path).map((a) => a.entry));
  }
  return out;
}

describe('auto-coding search hits: the plan', () => {
  let study: Study;
  before(async () => {
    study = await loadStudy();
  });

  it('codes each hit’s passage words, without the speaker’s `Name:` label, with context for re-anchoring', () => {
    const hits = study.index.search('backfill').hits;
    const plan = planAutoCode(study.loaded.corpus, hits, 'locum-cover', { by: 'am' });
    assert.deepEqual(plan.skipped, []);
    const quote2016 = 'Protected time was promised, but without backfill the waiting list grows while we sit in a room.';
    const quote2021 = 'Locums are scarce and the rates doubled. Backfill money exists on paper only.';
    assert.deepEqual(
      plan.additions.map((a) => ({ file: a.file, start: a.entry.start, quote: a.entry.quote, code: a.entry.code, by: a.entry.by })).sort((a, b) => (a.file < b.file ? -1 : 1)),
      [
        { file: P3_2016, start: offsetOf(P3_2016_BODY, quote2016), quote: quote2016, code: 'locum-cover', by: 'am' },
        { file: P3_2021, start: offsetOf(P3_2021_BODY, quote2021), quote: quote2021, code: 'locum-cover', by: 'am' },
      ],
    );
    const entry = plan.additions.find((a) => a.file === P3_2016)!.entry;
    assert.equal(entry.prefix, P3_2016_BODY.slice(entry.start - 32, entry.start));
    assert.ok(entry.prefix!.endsWith('\n\nP3: '));
    assert.equal(entry.suffix, P3_2016_BODY.slice(entry.start + entry.quote.length, entry.start + entry.quote.length + 32));
    assert.match(entry.id, /^[a-f][0-9a-f]{3,}$/);
    assert.equal(plan.additions.every((a, i) => a.hit === hits[i]), true, 'additions keep the hits’ order and carry their hit');
  });

  it('quotes a passage that is not a turn from its first character', () => {
    const [hit] = study.index.search('Inverness').hits;
    const [addition] = planAutoCode(study.loaded.corpus, [hit], 'shortages').additions;
    assert.equal(addition.entry.quote, 'Notes written after the visit to the practice in Inverness.');
    assert.equal(addition.entry.start, 0);
    assert.equal(addition.entry.by, undefined);
  });

  it('skips a passage already coded with that code, but not one coded with another', () => {
    const hits = study.index.search('partners').hits;
    const plan = planAutoCode(study.loaded.corpus, hits, 'shortages');
    assert.deepEqual(plan.skipped.map((s) => [s.file, s.reason, s.hit]), [[P3_2021, 'already-coded', hits.find((h) => h.file === P3_2021)]]);
    assert.deepEqual(plan.additions.map((a) => a.file), [P3_2016]);
    assert.equal(planAutoCode(study.loaded.corpus, hits, 'funding').additions.length, 2);
  });

  it('counts a segment covering only part of the passage as coded', () => {
    // Only "Locum cover, mostly." of the long turn is coded locum-cover.
    const [hit] = study.index.search('afternoon').hits;
    assert.deepEqual(planAutoCode(study.loaded.corpus, [hit], 'locum-cover').skipped.map((s) => s.reason), ['already-coded']);
  });

  it('gives one addition for a passage hit twice (two searches put together)', () => {
    const hits = [...study.index.search('backfill').hits, ...study.index.search('locums').hits];
    const plan = planAutoCode(study.loaded.corpus, hits, 'funding');
    assert.deepEqual(plan.additions.map((a) => a.entry.quote.slice(0, 20)).sort(), ['Locum cover, mostly.', 'Locums are scarce an', 'Protected time was p']);
    assert.deepEqual(plan.skipped, []);
  });

  it('skips hits of a document no longer in the corpus', () => {
    const hits = study.index.search('funding').hits;
    const corpus = withDocuments(study.loaded.corpus, (p) => (p === SH01 ? 'gone' : undefined));
    const plan = planAutoCode(corpus, hits, 'protected-time');
    assert.deepEqual(plan.skipped.map((s) => [s.file, s.reason]), [[SH01, 'document-gone']]);
    assert.deepEqual(plan.additions.map((a) => a.file), [P3_2016]);
  });

  it('skips hits whose text has changed since the search, and codes the passages still where they were', () => {
    const hits = [...study.index.search('scarce').hits, ...study.index.search('burnout').hits];
    // The last turn was edited after the search; the burnout turn, before it, has not moved.
    const edited = P3_2021_BODY.replace('Locums are scarce', 'Locums are very scarce');
    const corpus = withDocuments(study.loaded.corpus, (p) => (p === P3_2021 ? readDocument(p, documentText('wave: 2021', edited)) : undefined));
    const plan = planAutoCode(corpus, hits, 'funding');
    assert.deepEqual(plan.skipped.map((s) => [s.file, s.reason, s.hit]), [[P3_2021, 'text-changed', hits[0]]]);
    assert.deepEqual(plan.additions.map((a) => [a.file, a.entry.quote.slice(0, 14)]), [[P3_2021, 'Tired. Burnout']]);
    assert.equal(edited.startsWith(plan.additions[0].entry.quote, plan.additions[0].entry.start), true);
  });

  it('skips a hit that points past the end of a document that shrank', () => {
    const [hit] = study.index.search('scarce').hits;
    const corpus = withDocuments(study.loaded.corpus, (p) => (p === P3_2021 ? readDocument(p, documentText('wave: 2021', 'P3: Short now.')) : undefined));
    assert.deepEqual(planAutoCode(corpus, [hit], 'funding').skipped.map((s) => s.reason), ['text-changed']);
  });

  it('skips a hit with no words to quote', () => {
    const [hit] = study.index.search('scarce').hits;
    const wordless: SearchHit = { ...hit, textStart: hit.end };
    assert.deepEqual(planAutoCode(study.loaded.corpus, [wordless], 'funding').skipped.map((s) => s.reason), ['empty']);
  });

  it('refuses an empty code with a clear error, and leaves an unknown code to the caller', () => {
    const hits = study.index.search('backfill').hits;
    assert.throws(() => planAutoCode(study.loaded.corpus, hits, ''), /code/);
    assert.throws(() => planAutoCode(study.loaded.corpus, hits, '   '), /code/);
    assert.equal(planAutoCode(study.loaded.corpus, hits, 'not-in-the-codebook').additions.length, 2);
  });

  it('plans nothing for no hits', () => {
    assert.deepEqual(planAutoCode(study.loaded.corpus, [], 'funding'), { additions: [], skipped: [] });
  });

  it('gives ids unique within each file: not the file’s own, not one given earlier in the same plan', async () => {
    const files = studyFiles();
    // P3's 2016 interview already holds an annotation with the id the first draw gives (0.75 → c000).
    files[P3_2016] = documentText('case: P3\nwave: "2016"', P3_2016_BODY, [{ id: 'c000', code: 'funding', quote: 'The board did find some funding in the spring.' }]);
    const own = await loadStudy(files);
    const hits = own.index.search('protected time').hits;
    assert.equal(hits.length, 3);
    const plan = planAutoCode(own.loaded.corpus, hits, 'protected-time', { random: () => 0.75 });
    const ids = (path: string) => plan.additions.filter((a) => a.file === path).map((a) => a.entry.id).sort();
    assert.deepEqual(ids(P3_2016), ['c0000', 'c00000']);
    assert.deepEqual(ids(SH01), ['c000']);
  });
});

describe('auto-coding search hits: writing the plan', () => {
  it('adds segments that the loader reads back anchored exactly, and a second plan finds them coded', async () => {
    const files = studyFiles();
    const study = await loadStudy(files);
    const hits = study.index.search('"protected time"').hits;
    const plan = planAutoCode(study.loaded.corpus, hits, 'protected-time', { by: 'am' });
    assert.equal(plan.additions.length, 3);
    const written = applyAll(files, plan.additions);
    const loaded = await loadCorpus(new MemoryCorpusFiles(written));
    assert.deepEqual(loaded.problems, []);
    for (const { file, entry } of plan.additions) {
      const annotation = loaded.corpus.documents.find((d) => d.path === file)!.annotations.find((a) => a.id === entry.id)!;
      assert.equal(annotation.anchor.method, 'exact');
      assert.deepEqual({ code: annotation.code, start: annotation.start, quote: annotation.quote, by: annotation.by }, { code: 'protected-time', start: entry.start, quote: entry.quote, by: 'am' });
    }
    const index = new SearchIndex(loaded.corpus.codebook);
    index.sync(loaded.corpus.documents);
    const again = index.search('"protected time"').hits;
    assert.ok(again.every((h) => h.codes.includes('protected-time')));
    const second = planAutoCode(loaded.corpus, again, 'protected-time');
    assert.deepEqual(second.additions, []);
    assert.deepEqual(second.skipped.map((s) => s.reason), ['already-coded', 'already-coded', 'already-coded']);
  });

  it('can be undone entry by entry: removing each added entry gives back the original text byte for byte', async () => {
    const files = studyFiles();
    const study = await loadStudy(files);
    const plan = planAutoCode(study.loaded.corpus, study.index.search('cluster*').hits, 'shortages');
    const touched = new Set(plan.additions.map((a) => a.file));
    assert.ok(touched.has(P3_2016) && touched.has(SH01), 'a file with codes and a file without');
    for (const path of touched) {
      const entries = plan.additions.filter((a) => a.file === path).map((a) => a.entry);
      const written = applyAutoCode(files[path], entries);
      assert.notEqual(written, files[path]);
      // Undo in any order.
      let undone = written;
      for (const entry of [...entries].reverse()) undone = removeAnnotation(undone, entry.id);
      assert.equal(undone, files[path], path);
      undone = written;
      for (const entry of entries) undone = removeAnnotation(undone, entry.id);
      assert.equal(undone, files[path], path);
    }
  });

  it('leaves existing annotations, the rest of the front matter and the body untouched, and keeps entries sorted', async () => {
    const files = studyFiles();
    const study = await loadStudy(files);
    const before = study.doc(P3_2016);
    const plan = planAutoCode(study.loaded.corpus, [...study.index.search('cluster', { attributes: { wave: ['2016'] } }).hits, ...study.index.search('protected').hits], 'burnout');
    const entries = plan.additions.filter((a) => a.file === P3_2016).map((a) => a.entry);
    assert.equal(entries.length, 3);
    // Given last first, still written in start order.
    const written = applyAutoCode(files[P3_2016], [...entries].sort((a, b) => b.start - a.start));
    const { document, problems } = readDocumentWithProblems(P3_2016, written);
    assert.deepEqual(problems, []);
    assert.equal(document.body, before.body);
    assert.deepEqual({ ...document.attributes }, { ...before.attributes });
    for (const old of before.annotations) {
      const now = document.annotations.find((a) => a.id === old.id)!;
      assert.deepEqual({ ...now, index: 0 }, { ...old, index: 0 });
    }
    const starts = document.annotations.map((a) => a.start);
    assert.deepEqual(starts, [...starts].sort((a, b) => a - b));
    // Only lines were added: every original line is still there, in order.
    const originalLines = files[P3_2016].split('\n');
    const newLines = written.split('\n');
    let at = 0;
    for (const line of newLines) if (line === originalLines[at]) at++;
    assert.equal(at, originalLines.length);
  });

  it('keeps a CRLF file’s line endings, with offsets counted in the LF body', async () => {
    const crlf = documentText('case: SH01\nwave: "2021"', SH01_BODY, [{ id: 'f00d', code: 'shortages', quote: 'Workforce shortages got in the way of that' }], '\r\n');
    const files = { ...studyFiles(), [SH01]: crlf };
    const study = await loadStudy(files);
    const plan = planAutoCode(study.loaded.corpus, study.index.search('boards').hits, 'funding');
    assert.equal(plan.additions.length, 1);
    const written = applyAutoCode(crlf, plan.additions.map((a) => a.entry));
    assert.equal(/(?<!\r)\n/.test(written), false, 'no bare LF');
    assert.equal(written.endsWith(crlf.slice(crlf.indexOf('\r\n---\r\n'))), true, 'the body is untouched');
    const { document } = readDocumentWithProblems(SH01, written);
    const added = document.annotations.find((a) => a.id === plan.additions[0].entry.id)!;
    assert.equal(added.anchor.method, 'exact');
    assert.equal(added.quote, 'In some boards the hours of the cluster lead were never backfilled at all.');
    assert.equal(removeAnnotation(written, added.id), crlf);
  });

  it('writes a passage of several lines as one quote that anchors exactly', async () => {
    const body = 'Interviewer: And funding?\n\nP3: The money came late\nand went on a facilitator,\nnot on backfill.\n';
    const files = { 'codebook.yaml': studyFiles()['codebook.yaml'], 'multi.md': documentText('wave: "2016"', body) };
    const study = await loadStudy(files);
    const plan = planAutoCode(study.loaded.corpus, study.index.search('facilitator').hits, 'funding');
    assert.equal(plan.additions[0].entry.quote, 'The money came late\nand went on a facilitator,\nnot on backfill.');
    const written = applyAutoCode(files['multi.md'], plan.additions.map((a) => a.entry));
    assert.equal(readDocumentWithProblems('multi.md', written).document.annotations[0].anchor.method, 'exact');
  });

  it('follows the style of the list it joins (one `{...}` entry per line)', () => {
    const text = '---\nwave: "2016"\ncodes:\n  - {id: a1f0, code: funding, start: 4, quote: "Funding"}\n---\nP3: Funding, then backfill.\n';
    const written = applyAutoCode(text, [{ id: 'b2c3', code: 'locum-cover', start: 4, quote: 'Funding, then backfill.' }]);
    assert.equal(written, '---\nwave: "2016"\ncodes:\n  - {id: a1f0, code: funding, start: 4, quote: "Funding"}\n  - {id: b2c3, code: locum-cover, start: 4, quote: "Funding, then backfill."}\n---\nP3: Funding, then backfill.\n');
  });

  it('returns the text unchanged for no entries', () => {
    const text = studyFiles()[SH01];
    assert.equal(applyAutoCode(text, []), text);
  });
});

/** A document read as the loader reads it, with its problems. */
function readDocumentWithProblems(path: string, text: string) {
  const { document, problems } = parseCorpusDocument(path, text);
  return { document: document!, problems };
}
