// A small synthetic study for the search tests: GP quality clusters in Scotland, interviewed in
// 2016 and again in 2021 (locum cover, backfill, protected time, workforce shortages, burnout,
// funding). Every sentence is invented for these tests.
import assert from 'node:assert/strict';
import { parseCorpusDocument, type CorpusDocument } from '../../../../src/core/corpus/document';
import { loadCorpus, type LoadedCorpus } from '../../../../src/core/corpus/load-corpus';
import { SearchIndex } from '../../../../src/core/search';
import { MemoryCorpusFiles } from '../../support/memory-files';

export const CODEBOOK = `themes:
  - id: workforce
    name: Workforce
    codes:
      - id: locum-cover
        name: Locum cover and backfill
      - id: shortages
        name: Workforce shortages
  - id: resources
    name: Resources for clusters
    codes:
      - id: funding
        name: Funding
      - id: protected-time
        name: Protected time
  - id: burnout
    name: Burnout and wellbeing
`;

export const P3_2016_BODY = `Interviewer: How did the practices in the cluster find cover for the meetings?

P3: Locum cover, mostly. We paid the locums out of practice income, and one afternoon of a locum costs more than some partners think the meeting is worth.

Interviewer: Was there protected time for cluster work?

P3: Protected time was promised, but without backfill the waiting list grows while we sit in a room.

P3: The board did find some funding in the spring. It went on a facilitator, not on cover.
`;

export const P3_2021_BODY = `Interviewer: Five years on, how is the cluster doing?

P3: Tired. Burnout is everywhere; two of our partners went part-time last year and we could not recruit.

P3: Out of hours is the worst of it. Nobody wants the out of hours shifts now, and the hours are long.

Interviewer: And locum cover?

P3: Locums are scarce and the rates doubled. Backfill money exists on paper only.
`;

export const SH01_BODY = `Interviewer: What did the national programme expect from clusters?

SH01: We expected clusters to share learning across practices. Workforce shortages got in the way of that, frankly.

SH01: Funding followed the quality leads, not the practices, and protected time was left to each health board.

SH01: In some boards the hours of the cluster lead were never backfilled at all.
`;

export const P7_NOTES_BODY = `Notes written after the visit to the practice in Inverness.

The practice manager showed me the rota; see https://example.org/rota for the board's template.

She said the workforce is "stretched thin" and the locum agency phones every week.
`;

/** An annotation to write into a document's front matter: `quote` found in the body (its `nth` occurrence, from 1). */
export interface Coding {
  readonly id: string;
  readonly code: string;
  readonly quote: string;
  readonly nth?: number;
}

/** A document's text: front matter lines, its codings as block entries, then the body. */
export function documentText(front: string, body: string, codings: readonly Coding[] = [], eol = '\n'): string {
  const lines = front.trim().split('\n');
  if (codings.length > 0) {
    lines.push('codes:');
    const entries = codings.map((c) => ({ ...c, start: offsetOf(body, c.quote, c.nth ?? 1) })).sort((a, b) => a.start - b.start || (a.id < b.id ? -1 : 1));
    for (const c of entries) lines.push(`  - id: ${c.id}`, `    code: ${c.code}`, `    start: ${c.start}`, `    quote: ${JSON.stringify(c.quote)}`);
  }
  return `---${eol}${lines.join(eol)}${eol}---${eol}${body.replace(/\n/g, eol)}`;
}

/** Where the `nth` occurrence of `quote` starts in `body` (LF). */
export function offsetOf(body: string, quote: string, nth = 1): number {
  let at = -1;
  for (let i = 0; i < nth; i++) {
    at = body.indexOf(quote, at + 1);
    if (at === -1) throw new Error(`test data: ${JSON.stringify(quote)} is not in the body ${nth} times`);
  }
  return at;
}

/** The study's files, root-relative. */
export function studyFiles(): Record<string, string> {
  return {
    'codebook.yaml': CODEBOOK,
    'transcripts/2016/P3.md': documentText('case: P3\nwave: "2016"\nrole: GP cluster lead', P3_2016_BODY, [
      { id: 'a1f0', code: 'locum-cover', quote: 'Locum cover, mostly.' },
      { id: 'b2e1', code: 'funding', quote: 'The board did find some funding in the spring.' },
    ]),
    'transcripts/2021/P3.md': documentText('case: P3\nwave: 2021\nrole: GP cluster lead', P3_2021_BODY, [
      { id: 'c3d2', code: 'burnout', quote: 'Burnout is everywhere' },
      { id: 'd4c3', code: 'shortages', quote: 'two of our partners went part-time last year and we could not recruit' },
    ]),
    'transcripts/2021/SH01.md': documentText('wave: "2021"\nrole: National stakeholder', SH01_BODY),
    'transcripts/2016/notes-P7.md': documentText('case: P7\nwave: "2016"\ntype: notes', P7_NOTES_BODY),
  };
}

export interface Study {
  readonly loaded: LoadedCorpus;
  readonly index: SearchIndex;
  /** A document of the corpus by path. */
  doc(path: string): CorpusDocument;
}

/** Loads `files` with the project's loader (no errors allowed) and indexes every document. */
export async function loadStudy(files: Record<string, string> = studyFiles()): Promise<Study> {
  const loaded = await loadCorpus(new MemoryCorpusFiles(files));
  assert.deepEqual(
    loaded.problems.filter((p) => p.severity === 'error').map((p) => `${p.file}: ${p.message}`),
    [],
  );
  const index = new SearchIndex(loaded.corpus.codebook);
  index.sync(loaded.corpus.documents);
  return {
    loaded,
    index,
    doc(path) {
      const d = loaded.corpus.documents.find((x) => x.path === path);
      if (!d) throw new Error(`test data: no document ${path}`);
      return d;
    },
  };
}

/** A new document object for `path`, read from `text` as the loader reads it. */
export function readDocument(path: string, text: string): CorpusDocument {
  const { document, problems } = parseCorpusDocument(path, text);
  assert.deepEqual(problems.filter((p) => p.severity === 'error'), []);
  return document!;
}

/** Documents with only bodies (no front matter beyond a wave), indexed without a codebook: for ranking. */
export function indexOfBodies(bodies: Record<string, string>): { index: SearchIndex; docs: CorpusDocument[] } {
  const docs = Object.entries(bodies).map(([path, body]) => readDocument(path, documentText('wave: "2021"', body)));
  const index = new SearchIndex();
  index.sync(docs);
  return { index, docs };
}
