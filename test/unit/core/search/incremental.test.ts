import assert from 'node:assert/strict';
import type { CorpusDocument } from '../../../../src/core/corpus/document';
import { loadCorpus, updateDocuments } from '../../../../src/core/corpus/load-corpus';
import { SearchIndex, type SearchResult } from '../../../../src/core/search';
import { MemoryCorpusFiles } from '../../support/memory-files';
import { documentText, loadStudy, P3_2021_BODY, readDocument, studyFiles } from './gp-cluster-corpus';

const P3_2021 = 'transcripts/2021/P3.md';
const SH01 = 'transcripts/2021/SH01.md';

const QUERIES = ['locum', 'locum*', 'backfill', '"out of hours"', 'cluster -lead', 'workforse', 'agency', 'partners', 'board funding', 'prot', 'scarce'];

/** What a search answers, for comparing two indexes. */
function answers(index: SearchIndex): SearchResult[] {
  return QUERIES.flatMap((q) => [index.search(q), index.search(q, { prefixLast: true, notSpeakers: ['interviewer'] }), index.search(q, { codes: ['workforce'] }), index.search(q, { uncoded: true })]);
}

function fresh(documents: readonly CorpusDocument[], codebook = undefined as ConstructorParameters<typeof SearchIndex>[0]): SearchIndex {
  const index = new SearchIndex(codebook);
  index.sync(documents);
  return index;
}

/** The 2021 P3 interview with its last turn reworded. */
const EDITED_BODY = P3_2021_BODY.replace('P3: Locums are scarce and the rates doubled. Backfill money exists on paper only.', 'P3: The agency sends locums from Glasgow now, when it can.');

describe('search index: following the corpus', () => {
  it('drops the old text of a replaced document and finds its new text', async () => {
    const study = await loadStudy();
    const { index } = study;
    assert.equal(index.search('scarce').total, 1);
    assert.equal(index.search('agency').total, 1, 'the notes of P7 mention the agency');
    const edited = readDocument(P3_2021, documentText('case: P3\nwave: 2021', EDITED_BODY));
    const documents = study.loaded.corpus.documents.map((d) => (d.path === P3_2021 ? edited : d));
    assert.equal([...index.syncSteps(documents)].length, 1, 'only the changed document is indexed again');
    assert.deepEqual(index.search('scarce').hits, []);
    assert.deepEqual(index.search('agency').hits.map((h) => h.file).sort(), ['transcripts/2016/notes-P7.md', P3_2021]);
    const [glasgow] = index.search('glasgow').hits;
    assert.equal(glasgow.text, 'P3: The agency sends locums from Glasgow now, when it can.');
    assert.equal(edited.body.slice(glasgow.matches[0][0], glasgow.matches[0][1]), 'Glasgow');
    assert.equal(index.documentAt(P3_2021), edited);
  });

  it('follows a replaced document’s codes: the code filter sees the new coding only', async () => {
    const study = await loadStudy();
    assert.equal(study.index.search('partners', { codes: ['shortages'] }).total, 1);
    const recoded = readDocument(P3_2021, documentText('case: P3\nwave: 2021', P3_2021_BODY, [{ id: 'e5b4', code: 'funding', quote: 'Backfill money exists on paper only.' }]));
    study.index.sync(study.loaded.corpus.documents.map((d) => (d.path === P3_2021 ? recoded : d)));
    assert.equal(study.index.search('partners', { codes: ['shortages'] }).total, 0);
    assert.equal(study.index.search('partners', { uncoded: true }).total, 1);
    assert.deepEqual(study.index.search('backfill', { codes: ['resources'] }).hits.map((h) => h.file), [P3_2021]);
  });

  it('forgets a removed document: its hits and its speakers', async () => {
    const study = await loadStudy();
    const { index } = study;
    assert.equal(index.search('workforce').total, 2);
    index.sync(study.loaded.corpus.documents.filter((d) => d.path !== SH01));
    assert.deepEqual(index.search('workforce').hits.map((h) => h.file), ['transcripts/2016/notes-P7.md']);
    assert.equal(index.search('frankly').total, 0);
    assert.ok(!index.speakers().some((s) => s.name === 'SH01'));
    assert.equal(index.documentAt(SH01), undefined);
    assert.equal(index.documentCount, 3);
    assert.equal(index.stats().documents, 3);
  });

  it('costs nothing to sync with the same document objects', async () => {
    const study = await loadStudy();
    const before = study.index.stats();
    assert.deepEqual([...study.index.syncSteps(study.loaded.corpus.documents)], []);
    assert.deepEqual(study.index.stats(), before);
  });

  it('re-indexes only the file the loader re-read after a save', async () => {
    const files = new MemoryCorpusFiles(studyFiles());
    const loaded = await loadCorpus(files);
    const index = fresh(loaded.corpus.documents, loaded.corpus.codebook);
    files.set(P3_2021, documentText('case: P3\nwave: 2021', EDITED_BODY));
    const updated = await updateDocuments(files, loaded, [P3_2021]);
    const steps = [...index.syncSteps(updated.corpus.documents)];
    assert.deepEqual(steps, [{ done: 1, total: 1 }]);
    assert.equal(index.search('glasgow').total, 1);
  });

  it('reports progress step by step: removals, then changed documents', async () => {
    const study = await loadStudy();
    const documents = study.loaded.corpus.documents.filter((d) => d.path !== SH01).map((d) => (d.path === P3_2021 ? readDocument(P3_2021, documentText('wave: 2021', EDITED_BODY)) : d));
    const added = readDocument('transcripts/2021/P9.md', documentText('wave: 2021', 'P9: Burnout, and more burnout.'));
    assert.deepEqual([...study.index.syncSteps([...documents, added])], [
      { done: 1, total: 3 },
      { done: 2, total: 3 },
      { done: 3, total: 3 },
    ]);
    assert.deepEqual(study.index.search('burnout').hits.map((h) => h.file), ['transcripts/2021/P9.md', P3_2021]);
  });

  it('answers as an index built afresh after many replacements, before and after compact()', async () => {
    const study = await loadStudy();
    const { index } = study;
    let documents = study.loaded.corpus.documents;
    // Edit every document several times: each edit leaves the previous version's postings dead.
    for (let round = 0; round < 5; round++) {
      documents = documents.map((d, i) => {
        const text = documentText(`wave: "${round % 2 === 0 ? '2016' : '2021'}"`, `${d.body}\nP${i}: Round ${round} of edits: locum agency notes.\n`);
        return readDocument(d.path, text);
      });
      index.sync(documents);
    }
    const rebuilt = fresh(documents, study.loaded.corpus.codebook);
    const expected = answers(rebuilt);
    assert.deepEqual(answers(index), expected);
    const before = index.stats();
    index.compact();
    const after = index.stats();
    assert.deepEqual(answers(index), expected);
    assert.ok(after.postings < before.postings, 'dead postings are dropped');
    assert.equal(after.postings, rebuilt.stats().postings);
    assert.equal(after.passages, rebuilt.stats().passages);
    assert.equal(after.documents, 4);
    assert.deepEqual(index.speakers(), rebuilt.speakers());
  });

  it('keeps working after compact(): documents can be added, replaced and removed again', async () => {
    const study = await loadStudy();
    const { index } = study;
    const edited = readDocument(P3_2021, documentText('wave: 2021', EDITED_BODY));
    index.sync(study.loaded.corpus.documents.map((d) => (d.path === P3_2021 ? edited : d)));
    index.compact();
    const back = study.doc(P3_2021);
    index.sync(study.loaded.corpus.documents);
    assert.equal(index.documentAt(P3_2021), back);
    assert.equal(index.search('glasgow').total, 0);
    assert.equal(index.search('scarce').total, 1);
    index.compact();
    assert.deepEqual(answers(index), answers(fresh(study.loaded.corpus.documents, study.loaded.corpus.codebook)));
  });

  it('drops dead postings by itself once the dead passages outnumber the living', () => {
    const turns = (word: string) => Array.from({ length: 1100 }, (_, i) => `P${i % 7}: Turn ${i} about ${word} and rotas.`).join('\n\n');
    const index = fresh([readDocument('big.md', documentText('wave: "2016"', turns('locums')))]);
    const once = index.stats().postings;
    index.sync([readDocument('big.md', documentText('wave: "2016"', turns('backfill')))]);
    assert.equal(index.stats().postings, once, 'the first version’s postings are gone');
    assert.equal(index.search('locums').total, 0);
    assert.equal(index.search('backfill').total, 1100);
  });

  it('expands theme ids with the codebook it is given later (setCodebook)', async () => {
    const study = await loadStudy();
    const bare = fresh(study.loaded.corpus.documents);
    assert.equal(bare.search('partners', { codes: ['workforce'] }).total, 0, 'without a codebook a theme id is only itself');
    bare.setCodebook(study.loaded.corpus.codebook);
    assert.equal(bare.search('partners', { codes: ['workforce'] }).total, 2);
  });

  it('gives the same results whatever order the documents are indexed in', async () => {
    const study = await loadStudy();
    const reversed = fresh([...study.loaded.corpus.documents].reverse(), study.loaded.corpus.codebook);
    assert.deepEqual(answers(reversed), answers(study.index));
  });
});
