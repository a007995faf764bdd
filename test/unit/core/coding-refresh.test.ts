import assert from 'node:assert/strict';
import { refreshAnchors } from '../../../src/core/coding/refresh-anchors';
import { parseCorpusDocument } from '../../../src/core/corpus/document';

describe('refreshAnchors (on every write)', () => {
  const front = (start1: number, start2: number) => `---
case: P3
codes:
  - id: a1
    code: x
    start: ${start1}
    quote: "no analyst support"
    prefix: "P3: We had "
    suffix: " at all."
  - {id: a2, code: y, start: ${start2}, quote: "the data came late"}
---
`;
  const body = 'P3: We had no analyst support at all. And the data came late.\n';

  it('changes nothing when every annotation is exact', () => {
    const text = front(11, 42) + body;
    assert.equal(parseCorpusDocument('P3.md', text).problems.length, 0);
    assert.deepEqual(refreshAnchors('P3.md', text), { text, refreshed: [] });
  });

  it('moves starts after text inserted before them, changing only their start and context', () => {
    const edited = 'Interviewer: Go on.\n\n' + body;
    const text = front(11, 42) + edited;
    const { text: out, refreshed } = refreshAnchors('P3.md', text);
    assert.deepEqual(refreshed.map((r) => [r.id, r.kind, r.to.start]), [['a1', 'moved', 32], ['a2', 'moved', 63]]);
    const doc = parseCorpusDocument('P3.md', out);
    assert.deepEqual(doc.problems, []);
    assert.deepEqual(doc.document!.annotations.map((a) => a.anchor.method), ['exact', 'exact']);
    assert.match(out, /prefix: "Interviewer: Go on\.\\n\\nP3: We had "/);
    assert.ok(!/prefix/.test(out.split('\n').find((l) => l.includes('id: a2'))!), 'no context added where there was none');
  });

  it('stores the new wording of a re-worded quote, and then validates clean', () => {
    const text = front(11, 42) + body.replace('no analyst support', 'no analytic support');
    const { text: out, refreshed } = refreshAnchors('P3.md', text);
    assert.deepEqual(refreshed.map((r) => [r.id, r.kind, r.to.start, r.to.quote]), [
      ['a1', 'reworded', 11, 'no analytic support'],
      ['a2', 'moved', 43, 'the data came late'],
    ]);
    assert.deepEqual(parseCorpusDocument('P3.md', out).problems, []);
  });

  it('leaves an orphan untouched', () => {
    const text = front(11, 42) + 'P3: Something else entirely was said here today.\n';
    assert.equal(refreshAnchors('P3.md', text).text, text);
  });
});
