import assert from 'node:assert/strict';
import { groupCases } from '../../../../src/core/corpus/corpus';
import { parseCorpusDocument } from '../../../../src/core/corpus/document';

import { summaryDocumentFor } from '../../../../src/core/corpus/summary-document';

const doc = (path: string, front: string) => parseCorpusDocument(path, `---\ncase: P3\n${front}---\nP3: Words.\n`).document!;

describe('where a case’s summary is written', () => {
  it('to the document holding that summary, else the first holding any, else the first document', () => {
    const interview = doc('2016/P3.md', 'wave: "2016"\n');
    const notes = doc('2016/P3-notes.md', 'wave: "2016"\nsummaries:\n  support: Wants analysts.\n');
    const later = doc('2021/P3.md', 'wave: "2021"\nsummaries:\n  workforce: Short of GPs.\n');
    const [withSummaries] = groupCases([interview, notes, later]);
    assert.equal(summaryDocumentFor(withSummaries, 'workforce'), '2021/P3.md');
    assert.equal(summaryDocumentFor(withSummaries, 'support'), '2016/P3-notes.md');
    assert.equal(summaryDocumentFor(withSummaries, 'purpose'), '2016/P3-notes.md');
    const [without] = groupCases([interview]);
    assert.equal(summaryDocumentFor(without, 'purpose'), '2016/P3.md');
  });
});
