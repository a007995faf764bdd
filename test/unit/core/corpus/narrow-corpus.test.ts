import assert from 'node:assert/strict';
import { narrowCorpus } from '../../../../src/core/corpus/narrow-corpus';
import { buildFrameworkMatrix } from '../../../../src/core/matrix/framework-matrix';
import { loadStudy } from '../compare/two-wave-study';

// An export of chosen themes and waves: the corpus narrowed, every model unchanged.

describe('narrowCorpus', () => {
  it('keeps the chosen themes in codebook order, and the segments of the others count nowhere', async () => {
    const corpus = await loadStudy();
    const narrowed = narrowCorpus(corpus, { themes: ['covid-19', 'support'] });
    assert.deepEqual(narrowed.codebook.themes.map((t) => t.id), ['support', 'covid-19']);
    assert.equal(narrowed.codebook.applicable.has('information-governance'), false);
    const matrix = buildFrameworkMatrix(narrowed);
    assert.deepEqual(matrix.themes.map((t) => t.id), ['support', 'covid-19']);
    assert.equal(corpus.codebook.themes.length, 4, 'the corpus itself is untouched');
  });

  it('keeps the documents of the chosen waves, and their cases only', async () => {
    const corpus = await loadStudy();
    const narrowed = narrowCorpus(corpus, { waves: ['2021'] });
    assert.deepEqual(narrowed.documents.map((d) => d.path), ['2021/P2.md', '2021/SH1.md', '2021/SH10.md']);
    assert.deepEqual(narrowed.cases.map((c) => c.id).sort(), ['P2', 'SH1', 'SH10']);
    assert.deepEqual(narrowCorpus(corpus, { waves: [''] }).documents.map((d) => d.path), ['misc/X1.md'], '"" is the documents without a wave');
  });

  it('returns the corpus itself when nothing is narrowed', async () => {
    const corpus = await loadStudy();
    assert.equal(narrowCorpus(corpus, {}), corpus);
  });
});
