import assert from 'node:assert/strict';
import { parseCorpusDocument } from '../../../../src/core/corpus/document';
import {
  addAnnotation, FrontMatterEditError, recodeAnnotation, removeAnnotation, setIllustrative, setSummary, updateAnnotationAnchors,
} from '../../../../src/core/frontmatter/edit-front-matter';
import { lineDiff as changedLines } from '../../support/line-diff';

const body = 'Interviewer: What will clusters need?\n\nP3: We had no analyst support at all, and the data came late.\n';
const at = (quote: string) => body.indexOf(quote);

const block = `---
case: P3 # panel participant
wave: "2016"
codes:
  # coded in the first pass
  - id: a1
    code: data-support
    start: ${at('no analyst')}
    quote: 'no analyst'
    by: am
  - id: a3
    code: timeliness
    start: ${at('the data came late')}
    quote: "the data came late"
summaries:
  support: Wants analysts.
---
${body}`;

const flow = `---
case: P5
codes:
  - {id: f1, code: data-support, start: ${at('no analyst')}, quote: "no analyst"}
  - {id: f2, code: timeliness, start: ${at('the data came late')}, quote: "the data came late"}
---
${body}`;

const entry = { id: 'a2', code: 'analysts', start: at('analyst support'), quote: 'analyst support', prefix: 'We had no ', suffix: ' at all', by: 'rk' };

function readBack(text: string) {
  const { document, problems } = parseCorpusDocument('P3.md', text);
  assert.deepEqual(problems.filter((p) => p.severity === 'error'), []);
  return document!;
}

describe('surgical front-matter edits', () => {
  describe('addAnnotation', () => {
    it('adds only the new entry’s lines, in start order, in the list’s block style', () => {
      const after = addAnnotation(block, entry);
      assert.deepEqual(changedLines(block, after), {
        removed: [],
        added: ['  - id: a2', '    code: analysts', `    start: ${entry.start}`, '    quote: "analyst support"', '    prefix: "We had no "', '    suffix: " at all"', '    by: rk'],
      });
      assert.deepEqual(readBack(after).annotations.map((a) => [a.id, a.anchored]), [['a1', true], ['a2', true], ['a3', true]]);
      assert.ok(after.includes('case: P3 # panel participant\n') && after.includes("    quote: 'no analyst'\n") && after.endsWith(body));
    });

    it('adds one line to a one-entry-per-line list', () => {
      const after = addAnnotation(flow, { id: 'f3', code: 'late', start: at('came late'), quote: 'came late', illustrative: true });
      assert.deepEqual(changedLines(flow, after), {
        removed: [],
        added: [`  - {id: f3, code: late, start: ${at('came late')}, quote: "came late", illustrative: true}`],
      });
      assert.deepEqual(readBack(after).annotations.map((a) => a.id), ['f1', 'f2', 'f3']);
    });

    it('orders equal starts by id, and appends after the last entry', () => {
      const first = addAnnotation(block, { id: 'a0', code: 'x', start: at('no analyst'), quote: 'no' });
      assert.deepEqual(readBack(first).annotations.map((a) => a.id), ['a0', 'a1', 'a3']);
      const last = addAnnotation(block, { id: 'z9', code: 'x', start: at('late.'), quote: 'late' });
      assert.deepEqual(readBack(last).annotations.map((a) => a.id), ['a1', 'a3', 'z9']);
      assert.deepEqual(changedLines(block, last).removed, []);
    });

    it('then removeAnnotation restores the file byte for byte', () => {
      for (const [text, e] of [[block, entry], [flow, { ...entry, id: 'f9' }]] as const) {
        assert.equal(removeAnnotation(addAnnotation(text, e), e.id), text);
      }
    });

    it('creates the list in a document without codes, and removing the entry removes it again', () => {
      const plain = '---\ncase: P1\nwave: 2016\n---\n' + body;
      const after = addAnnotation(plain, entry);
      assert.deepEqual(changedLines(plain, after).removed, []);
      assert.equal(changedLines(plain, after).added[0], 'codes:');
      assert.equal(readBack(after).annotations[0].anchored, true);
      assert.equal(removeAnnotation(after, 'a2'), plain);
    });

    it('turns `codes: []` into a list, changing only that line', () => {
      const empty = '---\ncase: P1\ncodes: []\nrole: GP\n---\n' + body;
      const after = addAnnotation(empty, entry);
      assert.deepEqual(changedLines(empty, after).removed, ['codes: []']);
      assert.equal(readBack(after).attributes.role, 'GP');
    });

    it('adds front matter to a document that has none; the body stays where offsets count from', () => {
      const after = addAnnotation(body, entry);
      assert.ok(after.endsWith(body));
      assert.equal(readBack(after).annotations[0].anchored, true);
    });

    it('keeps CRLF line endings and astral characters; read back at the same offsets', () => {
      const astralBody = 'P3: 😀 we had 𝒜 lot of analyst support\r\n\r\nwell, not really.\r\n';
      const crlf = `---\r\ncase: P3\r\ncodes:\r\n  - id: k1\r\n    code: x\r\n    start: 0\r\n    quote: "P3:"\r\n---\r\n${astralBody}`;
      const lf = astralBody.replace(/\r\n/g, '\n');
      const e = { id: 'k2', code: 'y', start: lf.indexOf('analyst support'), quote: 'analyst support', prefix: lf.slice(lf.indexOf('analyst support') - 8, lf.indexOf('analyst support')) };
      const after = addAnnotation(crlf, e);
      assert.equal(after.replace(/\r\n/g, '').includes('\n'), false, 'no bare LF was written');
      assert.deepEqual(readBack(after).annotations.map((a) => [a.id, a.start, a.anchored]), [['k1', 0, true], ['k2', e.start, true]]);
      assert.equal(removeAnnotation(after, 'k2'), crlf);
    });

    it('escapes quotes, backslashes and line breaks of transcript text', () => {
      const tricky = 'P3: she said "no" \\ then\nleft: # not a comment\n';
      const text = addAnnotation(`---\ncase: P3\n---\n${tricky}`, { id: 't1', code: 'x', start: 4, quote: tricky.slice(4, tricky.length - 1) });
      assert.equal(readBack(text).annotations[0].quote, tricky.slice(4, tricky.length - 1));
      assert.equal(readBack(text).annotations[0].anchored, true);
    });

    it('refuses an id already in the file', () => {
      assert.throws(() => addAnnotation(block, { ...entry, id: 'a1' }), FrontMatterEditError);
    });
  });

  describe('removeAnnotation', () => {
    it('removes only that entry’s lines and keeps the comment above the list', () => {
      const after = removeAnnotation(block, 'a3');
      assert.deepEqual(changedLines(block, after), {
        removed: ['  - id: a3', '    code: timeliness', `    start: ${at('the data came late')}`, '    quote: "the data came late"'],
        added: [],
      });
      assert.ok(removeAnnotation(block, 'a1').includes('  # coded in the first pass\n'));
    });

    it('says which id is missing', () => {
      assert.throws(() => removeAnnotation(block, 'nope'), /no annotation with id "nope"/);
    });
  });

  describe('recode, illustrative, re-anchoring', () => {
    it('recodes by changing only the code value', () => {
      assert.deepEqual(changedLines(block, recodeAnnotation(block, 'a1', 'staffing')), { removed: ['    code: data-support'], added: ['    code: staffing'] });
      assert.deepEqual(changedLines(flow, recodeAnnotation(flow, 'f1', 'staffing')).added, [`  - {id: f1, code: staffing, start: ${at('no analyst')}, quote: "no analyst"}`]);
    });

    it('marks and unmarks illustrative, in block and flow style, restoring the file', () => {
      const marked = setIllustrative(block, 'a1', true);
      assert.deepEqual(changedLines(block, marked), { removed: [], added: ['    illustrative: true'] });
      assert.equal(readBack(marked).annotations[0].illustrative, true);
      assert.equal(setIllustrative(marked, 'a1', false), block);
      const flowMarked = setIllustrative(flow, 'f2', true);
      assert.equal(readBack(flowMarked).annotations[1].illustrative, true);
      assert.equal(setIllustrative(flowMarked, 'f2', false), flow);
      assert.equal(setIllustrative(block, 'a1', false), block);
    });

    it('updates the stored start and quote of a re-worded annotation, in its own lines only', () => {
      const after = updateAnnotationAnchors(block, [{ id: 'a3', start: 70, quote: 'the data came very late', prefix: 'not written: a3 has no prefix' }]);
      assert.deepEqual(changedLines(block, after), {
        removed: [`    start: ${at('the data came late')}`, '    quote: "the data came late"'],
        added: ['    start: 70', '    quote: "the data came very late"'],
      });
    });
  });

  it('updates several annotations in one pass, each in its own values only', () => {
    const after = updateAnnotationAnchors(flow, [
      { id: 'f1', start: 100, quote: 'no analysts' },
      { id: 'f2', start: 200, quote: 'the data came late' },
    ]);
    assert.deepEqual(changedLines(flow, after).added, [
      '  - {id: f1, code: data-support, start: 100, quote: "no analysts"}',
      '  - {id: f2, code: timeliness, start: 200, quote: "the data came late"}',
    ]);
    assert.throws(() => updateAnnotationAnchors(flow, [{ id: 'zz', start: 1, quote: 'x' }]), /no annotation with id "zz"/);
  });

  describe('setSummary', () => {
    it('replaces one theme’s summary line', () => {
      assert.deepEqual(changedLines(block, setSummary(block, 'support', 'Wants analysts: urgently.')), {
        removed: ['  support: Wants analysts.'],
        added: ['  support: "Wants analysts: urgently."'],
      });
    });

    it('adds a theme to the summaries, and removing it restores the file', () => {
      const after = setSummary(block, 'covid-19', 'Moved online.');
      assert.deepEqual(changedLines(block, after), { removed: [], added: ['  covid-19: Moved online.'] });
      assert.equal(setSummary(after, 'covid-19', undefined), block);
    });

    it('writes a multi-line summary as a literal block and reads it back', () => {
      const after = setSummary(block, 'support', 'First point.\nSecond point, citing P3.md#a1.');
      const doc = readBack(after);
      assert.equal(doc.summaries.find((s) => s.theme === 'support')!.text, 'First point.\nSecond point, citing P3.md#a1.');
    });

    it('creates summaries in a document without them, and removes the key with the last one', () => {
      const plain = '---\r\ncase: P1\r\n---\r\nBody\r\n';
      const after = setSummary(plain, 'support', 'Wants analysts.');
      assert.equal(after, '---\r\ncase: P1\r\nsummaries:\r\n  support: Wants analysts.\r\n---\r\nBody\r\n');
      assert.equal(setSummary(after, 'support', undefined), plain);
    });
  });
});
