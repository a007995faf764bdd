import assert from 'node:assert/strict';
import { loadCorpus, updateDocuments } from '../../../../src/core/corpus/load-corpus';
import { computeStats } from '../../../../src/core/corpus/stats';
import { markdown, MemoryCorpusFiles } from '../../support/memory-files';

const codebook = 'themes:\n  - id: support\n    codes:\n      - id: data-support\n';
const body = 'P: We had no analyst support at all.\n';
const coded = (id: string, code = 'data-support') => markdown(`wave: 2016\ncodes:\n  - {id: ${id}, code: ${code}, start: 3, quote: "We had no analyst"}`, body);

function corpus() {
  return new MemoryCorpusFiles({ 'codebook.yaml': codebook, 'A.md': coded('a'), 'B.md': coded('b'), 'C.md': coded('c') });
}

describe('updateDocuments: re-reading only what changed', () => {
  it('re-reads only the changed file and gives what a full load gives', async () => {
    const files = corpus();
    const loaded = await loadCorpus(files);
    files.set('B.md', coded('b', 'no-such'));
    files.reads.length = 0;
    const updated = await updateDocuments(files, loaded, ['B.md']);
    assert.deepEqual(files.reads, ['B.md']);
    const full = await loadCorpus(files);
    assert.deepEqual(updated.problems, full.problems);
    assert.deepEqual(updated.problems.map((p) => [p.file, p.rule]), [['B.md', 'unknown-code']]);
    assert.deepEqual(computeStats(updated.corpus), computeStats(full.corpus));
  });

  it('fixing the file clears its problem', async () => {
    const files = corpus();
    files.set('B.md', coded('b', 'no-such'));
    const broken = await loadCorpus(files);
    files.set('B.md', coded('b'));
    assert.deepEqual((await updateDocuments(files, broken, ['B.md'])).problems, []);
  });

  it('adds a created document and drops a deleted one, reading only the new file', async () => {
    const files = new MemoryCorpusFiles({ 'codebook.yaml': codebook, 'A.md': coded('a'), 'B.md': coded('b') });
    const loaded = await loadCorpus(files);
    files.set('D.md', markdown('case: A\nwave: 2021', body));
    files.reads.length = 0;
    const added = await updateDocuments(files, loaded, ['D.md']);
    assert.deepEqual(files.reads, ['D.md']);
    assert.deepEqual(added.corpus.files, ['A.md', 'B.md', 'D.md']);
    assert.deepEqual(added.corpus.caseById.get('A')!.documents.map((d) => d.path), ['A.md', 'D.md']);
    const withoutB = new MemoryCorpusFiles({ 'codebook.yaml': codebook, 'A.md': coded('a'), 'D.md': markdown('case: A\nwave: 2021', body) });
    const removed = await updateDocuments(withoutB, added, ['B.md']);
    assert.deepEqual(removed.corpus.files, ['A.md', 'D.md']);
  });

  it('ignores a changed file that is not a document (a README, a memo)', async () => {
    const files = corpus();
    const loaded = await loadCorpus(files);
    files.set('README.md', '# notes');
    const updated = await updateDocuments(files, loaded, ['README.md']);
    assert.deepEqual(updated.corpus.files, ['A.md', 'B.md', 'C.md']);
  });
});
