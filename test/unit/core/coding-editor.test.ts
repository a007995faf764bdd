import assert from 'node:assert/strict';
import { annotationSpans, BodyOffsets, codeSelections, documentCoding, minimalEdit, orphanAtLine, reattachAnnotation, spansAt, uncodeAnnotation } from '../../../src/core/coding/editor-coding';
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

  it('re-attaches an orphan to a selection, keeping its code, coder and memo, and the list sorted', () => {
    let text = lf;
    for (const word of ['Hello', 'analyst']) {
      const at = text.lastIndexOf(word);
      const r = codeSelections('P3.md', text, [{ start: at, end: at + word.length }], { code: word.toLowerCase(), by: 'am', memo: `on ${word}` });
      assert.ok(r.ok);
      if (r.ok) text = apply(text, r.edit);
    }
    const analystId = parseCorpusDocument('P3.md', text).document!.annotations.find((a) => a.code === 'analyst')!.id;
    const cut = text.lastIndexOf('no analyst support'); // the body's; a context in the front matter holds it too
    const deleted = `${text.slice(0, cut)}no support${text.slice(cut + 'no analyst support'.length)}`;
    assert.equal(documentCoding('P3.md', deleted)!.orphans.length, 1);
    // The person selects " Interviewer" (with a space) near the top: before the other entry.
    const at = deleted.lastIndexOf('Interviewer:') - 1;
    const r = reattachAnnotation('P3.md', deleted, analystId, { start: at, end: at + 12 });
    assert.ok(r.ok);
    if (!r.ok) return;
    const after = apply(deleted, r.edit);
    const { document, problems } = parseCorpusDocument('P3.md', after);
    assert.deepEqual(problems, [], 'no orphan, and no unsorted-annotations warning');
    assert.deepEqual(document!.annotations.map((a) => [a.code, a.quote, a.by, a.memo]), [['analyst', 'Interviewer', 'am', 'on analyst'], ['hello', 'Hello', 'am', 'on Hello']]);
    assert.deepEqual(reattachAnnotation('P3.md', deleted, analystId, { start: 0, end: 3 }), { ok: false, message: 'select the passage in the transcript (below the front matter) first' });
  });

  it('never splits an emoji (a surrogate pair) between the kept text and the replacement', () => {
    for (const [a, b] of [['felt 😀 then', 'felt 😃 then'], ['😀x', '😃x'], ['x😀', 'x😃'], ['a😀😀b', 'a😀b']]) {
      const e = minimalEdit(a, b);
      assert.equal(apply(a, e), b);
      assert.ok(!/^[\udc00-\udfff]/.test(e.text) && !/[\ud800-\udbff]$/.test(e.text), JSON.stringify(e));
      assert.ok(!/[\ud800-\udbff]$/.test(a.slice(0, e.start)) && !/^[\udc00-\udfff]/.test(a.slice(e.end)), JSON.stringify(e));
    }
  });

  it('finds the smallest edit between two texts', () => {
    assert.deepEqual(minimalEdit('abcdef', 'abXYef'), { start: 2, end: 4, text: 'XY' });
    assert.deepEqual(minimalEdit('aaa', 'aaaa'), { start: 3, end: 3, text: 'a' });
  });
});
