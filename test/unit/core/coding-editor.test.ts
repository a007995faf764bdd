import assert from 'node:assert/strict';
import { annotationSpans, BodyOffsets, codeSelections, documentCoding, minimalEdit, orphanAtLine, spansAt, uncodeAnnotation } from '../../../src/core/coding/editor-coding';
import { parseCorpusDocument } from '../../../src/core/corpus/document';
import { lineDiff } from '../support/line-diff';

const apply = (text: string, e: { start: number; end: number; text: string }) => text.slice(0, e.start) + e.text + text.slice(e.end);

describe('coding in an editor', () => {
  const lf = '---\ncase: P3\nwave: 2016\n---\nInterviewer: Hello.\n\nP3: We had no analyst support at all.\n';
  const crlf = lf.replace(/\n/g, '\r\n');

  it('converts between editor offsets and body offsets, CRLF counted as one', () => {
    const o = new BodyOffsets(crlf);
    const textAt = crlf.indexOf('We had');
    const bodyAt = lf.slice(lf.indexOf('---\nI') + 4).indexOf('We had');
    assert.equal(o.toBody(textAt), bodyAt);
    assert.equal(o.toText(bodyAt), textAt);
    assert.equal(o.toText(0), crlf.indexOf('Interviewer'));
  });

  it('codes a selection as one edit adding exactly one entry, quote trimmed, then removes it as one edit', () => {
    for (const text of [lf, crlf]) {
      const start = text.indexOf(' no analyst support');
      const r = codeSelections('P3.md', text, [{ start, end: start + ' no analyst support '.length }], { code: 'data-support', by: 'am' });
      assert.ok(r.ok);
      if (!r.ok) return;
      const after = apply(text, r.edit);
      assert.equal(lineDiff(text, after).removed.length, 0);
      const doc = parseCorpusDocument('P3.md', after).document!;
      assert.deepEqual(doc.annotations.map((a) => [a.quote, a.anchored, a.by]), [['no analyst support', true, 'am']]);
      assert.equal(apply(after, uncodeAnnotation(after, r.ids[0])), text);
    }
  });

  it('codes several selections at once, and refuses a selection in the front matter only', () => {
    const a = lf.indexOf('Hello');
    const b = lf.indexOf('analyst');
    const r = codeSelections('P3.md', lf, [{ start: b, end: b + 7 }, { start: a, end: a + 5 }], { code: 'x' });
    assert.ok(r.ok && r.ids.length === 2);
    if (r.ok) assert.deepEqual(parseCorpusDocument('P3.md', apply(lf, r.edit)).document!.annotations.map((x) => x.quote), ['Hello', 'analyst']);
    const bad = codeSelections('P3.md', lf, [{ start: 4, end: 10 }], { code: 'x' });
    assert.equal(bad.ok, false);
  });

  it('places highlights at the text, following it when text is inserted before, in CRLF files too', () => {
    const r = codeSelections('P3.md', crlf, [{ start: crlf.indexOf('analyst'), end: crlf.indexOf('analyst') + 7 }], { code: 'x' });
    assert.ok(r.ok);
    if (!r.ok) return;
    const coded = apply(crlf, r.edit);
    const edited = coded.replace('Interviewer: Hello.', 'Interviewer: Hello, and welcome.');
    const spans = annotationSpans('P3.md', edited)!;
    assert.equal(edited.slice(spans[0].start, spans[0].end), 'analyst');
    assert.deepEqual(spansAt(spans, spans[0].start + 2).map((s) => s.annotation.code), ['x']);
    assert.deepEqual(spansAt(spans, 0), []);
  });

  it('reports a passage deleted in the editor as an orphan at its entry, where the quick fixes find it', () => {
    let text = lf;
    for (const word of ['Hello', 'analyst']) {
      const at = text.lastIndexOf(word); // the body's, after any quote of it in the front matter
      const r = codeSelections('P3.md', text, [{ start: at, end: at + word.length }], { code: word.toLowerCase() });
      assert.ok(r.ok);
      if (r.ok) text = apply(text, r.edit);
    }
    const deleted = text.replace('We had no analyst support at all.', 'We had none.');
    const coding = documentCoding('P3.md', deleted)!;
    assert.deepEqual(coding.spans.map((s) => s.annotation.code), ['hello']);
    assert.equal(coding.orphans.length, 1);
    const located = parseCorpusDocument('P3.md', deleted).problems.find((p) => p.rule === 'orphan')!;
    assert.deepEqual({ line: coding.orphans[0].line, column: coding.orphans[0].column }, { line: located.line, column: located.column });
    assert.equal(orphanAtLine('P3.md', deleted, located.line)?.code, 'analyst');
    assert.equal(orphanAtLine('P3.md', deleted, located.line - 1), undefined);
  });

  it('finds the smallest edit between two texts', () => {
    assert.deepEqual(minimalEdit('abcdef', 'abXYef'), { start: 2, end: 4, text: 'XY' });
    assert.deepEqual(minimalEdit('aaa', 'aaaa'), { start: 3, end: 3, text: 'a' });
  });
});
