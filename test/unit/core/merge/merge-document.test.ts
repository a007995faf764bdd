import assert from 'node:assert/strict';
import { parseCorpusDocument } from '../../../../src/core/corpus/document';
import {
  addAnnotation, recodeAnnotation, removeAnnotation, setAnnotationMemo, setDocumentMemo, setSummary, updateAnnotationAnchors,
  type AnnotationEntry,
} from '../../../../src/core/frontmatter/edit-front-matter';
import { mergeDocument, mergeDocumentAsync, splitDocument, type TextMerge } from '../../../../src/core/merge/merge-document';

// A small invented interview, written for these tests.
const body = `Interviewer: How did the first year of the network go?

R7: Slower than we hoped. The shared rota only started in the spring, and until then nobody had time to meet.

Interviewer: What helped in the end?

R7: An analyst from the board came once a month. That changed the conversations, because we finally had our own numbers in front of us.
`;

function entry(id: string, code: string, quote: string, extra: Partial<AnnotationEntry> = {}): AnnotationEntry {
  const start = body.indexOf(quote);
  assert.notEqual(start, -1, quote);
  return { id, code, start, quote, ...extra };
}

const early = entry('a1f0', 'pace', 'Slower than we hoped');
const late = entry('e9c2', 'numbers', 'we finally had our own numbers');
const middle = entry('c4d1', 'time', 'nobody had time to meet');

const base = `---
case: R7 # second round
wave: "2019"
role: practice manager
codes:
  - id: ${early.id}
    code: ${early.code}
    start: ${early.start}
    quote: "${early.quote}"
    by: jm
  - id: ${middle.id}
    code: ${middle.code}
    start: ${middle.start}
    quote: "${middle.quote}"
  - id: ${late.id}
    code: ${late.code}
    start: ${late.start}
    quote: "${late.quote}"
summaries:
  pace: Expected a slow start.
---
${body}`;

/** Both new annotations sit between c4d1 and e9c2: the same gap of the list. */
const ours1 = entry('b1a2', 'analyst-support', 'An analyst from the board', { by: 'jm' });
const theirs1 = entry('d7e8', 'rota', 'The shared rota only started', { by: 'sk' });
const gapOurs = entry('f0a3', 'analyst-support', 'came once a month', { by: 'jm' });
const gapTheirs = entry('f0b4', 'meeting', 'changed the conversations', { by: 'sk' });

const merge = (b: string, o: string, t: string, mergeText?: (b: string, o: string, t: string) => TextMerge) =>
  mergeDocument(b, o, t, { path: 'transcripts/R7.md', ...(mergeText ? { mergeText } : {}) });

function read(text: string) {
  const parsed = parseCorpusDocument('transcripts/R7.md', text);
  return { document: parsed.document!, problems: parsed.problems };
}
const ids = (text: string) => read(text).document.annotations.map((a) => a.id);

describe('merging two coders’ changes to one document by annotation id', () => {
  it('keeps both annotations added in the same gap of the list, in start order, with no conflict', () => {
    const ours = addAnnotation(base, gapOurs);
    const theirs = addAnnotation(base, gapTheirs);
    const merged = merge(base, ours, theirs);
    assert.deepEqual(merged.conflicts, []);
    assert.equal(merged.method, 'annotations');
    assert.deepEqual(ids(merged.text), ['a1f0', 'c4d1', 'f0a3', 'f0b4', 'e9c2']);
    assert.deepEqual(read(merged.text).problems, []);
    // The same document as if one coder had made both additions.
    assert.equal(merged.text, addAnnotation(addAnnotation(base, gapOurs), gapTheirs));
    // And the same whichever branch is merged into which.
    assert.deepEqual(ids(merge(base, theirs, ours).text), ['a1f0', 'c4d1', 'f0a3', 'f0b4', 'e9c2']);
  });

  it('keeps additions at the end of the list from both sides', () => {
    const atEnd = entry('aa01', 'numbers', 'in front of us');
    const alsoAtEnd = entry('ab02', 'numbers', 'our own numbers in front');
    const merged = merge(base, addAnnotation(base, atEnd), addAnnotation(base, alsoAtEnd));
    assert.deepEqual(merged.conflicts, []);
    assert.deepEqual(ids(merged.text), ['a1f0', 'c4d1', 'e9c2', 'ab02', 'aa01']);
  });

  it('makes both sides’ removals', () => {
    const merged = merge(base, removeAnnotation(base, 'a1f0'), removeAnnotation(base, 'e9c2'));
    assert.deepEqual(merged.conflicts, []);
    assert.deepEqual(ids(merged.text), ['c4d1']);
    assert.equal(merged.text, removeAnnotation(removeAnnotation(base, 'a1f0'), 'e9c2'));
  });

  it('removes the bare codes: line when the two sides removed every annotation between them', () => {
    const ours = removeAnnotation(base, 'a1f0');
    const theirs = removeAnnotation(removeAnnotation(base, 'c4d1'), 'e9c2');
    const merged = merge(base, ours, theirs);
    assert.deepEqual(merged.conflicts, []);
    assert.ok(!merged.text.includes('codes:'));
    assert.deepEqual(read(merged.text).problems, []);
  });

  it('takes a recode from one side and an addition from the other', () => {
    const ours = recodeAnnotation(base, 'c4d1', 'protected-time');
    const theirs = addAnnotation(base, theirs1);
    const merged = merge(base, ours, theirs);
    assert.deepEqual(merged.conflicts, []);
    const doc = read(merged.text).document;
    assert.equal(doc.annotations.find((a) => a.id === 'c4d1')!.code, 'protected-time');
    assert.deepEqual(ids(merged.text), ['a1f0', 'd7e8', 'c4d1', 'e9c2']);
    assert.equal(merged.text, addAnnotation(recodeAnnotation(base, 'c4d1', 'protected-time'), theirs1));
  });

  it('combines different fields of one annotation changed on each side', () => {
    const ours = setAnnotationMemo(base, 'c4d1', 'time is the bottleneck');
    const theirs = recodeAnnotation(base, 'c4d1', 'protected-time');
    const merged = merge(base, ours, theirs);
    assert.deepEqual(merged.conflicts, []);
    const a = read(merged.text).document.annotations.find((x) => x.id === 'c4d1')!;
    assert.equal(a.code, 'protected-time');
    assert.equal(a.memo, 'time is the bottleneck');
  });

  it('reports one located conflict for an annotation changed differently on both sides, and merges the rest', () => {
    const ours = setAnnotationMemo(recodeAnnotation(base, 'c4d1', 'protected-time'), 'a1f0', 'tone: frustrated');
    const theirs = addAnnotation(recodeAnnotation(base, 'c4d1', 'workload'), ours1);
    const merged = merge(base, ours, theirs);
    assert.equal(merged.conflicts.length, 1);
    const [conflict] = merged.conflicts;
    assert.equal(conflict.kind, 'annotation');
    assert.equal(conflict.name, 'c4d1');
    assert.match(conflict.message, /c4d1.*changed differently on both branches \(code\)/);
    const lines = merged.text.split('\n');
    assert.match(lines[conflict.line - 1], /^<<<<<<< ours \(annotation c4d1 /);
    // Only that entry sits between the markers: ours's version, then theirs's.
    const start = conflict.line - 1;
    const separator = lines.indexOf('=======', start);
    const end = lines.findIndex((l, i) => i > start && l.startsWith('>>>>>>> theirs'));
    assert.deepEqual(lines.slice(start + 1, separator), ['  - id: c4d1', '    code: protected-time', `    start: ${middle.start}`, `    quote: "${middle.quote}"`]);
    assert.deepEqual(lines.slice(separator + 1, end), ['  - id: c4d1', '    code: workload', `    start: ${middle.start}`, `    quote: "${middle.quote}"`]);
    // Everything else is merged: ours's memo, theirs's new annotation.
    assert.match(merged.text, /memo: "tone: frustrated"/);
    assert.match(merged.text, /id: b1a2/);
    // The file refuses to load until a person resolves it, with a located error.
    const problems = read(merged.text).problems;
    assert.equal(problems.length, 1);
    assert.equal(problems[0].rule, 'merge-conflict');
    assert.equal(problems[0].line, start + 1, 'at the first marker line');
    // Keeping ours's side resolves it into a document that reads cleanly.
    const resolved = [...lines.slice(0, start), ...lines.slice(start + 1, separator), ...lines.slice(end + 1)].join('\n');
    assert.deepEqual(read(resolved).problems, []);
  });

  it('adds an annotation added identically on both sides once', () => {
    const merged = merge(base, addAnnotation(base, ours1), addAnnotation(addAnnotation(base, ours1), theirs1));
    assert.deepEqual(merged.conflicts, []);
    assert.deepEqual(ids(merged.text), ['a1f0', 'd7e8', 'c4d1', 'b1a2', 'e9c2']);
  });

  it('reports a conflict when both sides added the same id with different content', () => {
    const merged = merge(base, addAnnotation(base, ours1), addAnnotation(base, { ...theirs1, id: ours1.id }));
    assert.equal(merged.conflicts.length, 1);
    assert.equal(merged.conflicts[0].name, 'b1a2');
    assert.match(merged.conflicts[0].message, /added on both branches with different content/);
  });

  it('keeps a real change over the other side’s removal, and says so; a refreshed position does not bring it back', () => {
    const recoded = merge(base, recodeAnnotation(base, 'c4d1', 'protected-time'), removeAnnotation(base, 'c4d1'));
    assert.deepEqual(recoded.conflicts, []);
    assert.deepEqual(ids(recoded.text), ['a1f0', 'c4d1', 'e9c2']);
    assert.match(recoded.notes.join('\n'), /"c4d1" was removed on theirs and changed on ours \(code\)/);

    const moved = updateAnnotationAnchors(base, [{ id: 'c4d1', start: middle.start + 5, quote: middle.quote }]);
    const removed = merge(base, moved, removeAnnotation(base, 'c4d1'));
    assert.deepEqual(removed.conflicts, []);
    assert.deepEqual(ids(removed.text), ['a1f0', 'e9c2']);
    assert.deepEqual(removed.notes, []);
  });

  it('takes attributes, summaries and the document memo changed on one side only', () => {
    const ours = addAnnotation(base, ours1);
    const theirs = setDocumentMemo(setSummary(setSummary(base.replace('role: practice manager', 'role: "practice manager (acting)"'), 'pace', 'Faster than feared.'), 'data', 'Wanted own numbers.'), 'Second visit planned.');
    const merged = merge(base, ours, theirs);
    assert.deepEqual(merged.conflicts, []);
    const doc = read(merged.text).document;
    assert.equal(doc.attributes.role, 'practice manager (acting)');
    assert.deepEqual(doc.summaries, [{ theme: 'pace', text: 'Faster than feared.' }, { theme: 'data', text: 'Wanted own numbers.' }]);
    assert.equal(doc.memo, 'Second visit planned.');
    assert.deepEqual(ids(merged.text), ['a1f0', 'c4d1', 'b1a2', 'e9c2']);
    assert.match(merged.text, /^case: R7 # second round$/m);
  });

  it('merges summaries theme by theme, and reports a theme summarised differently on both sides in place', () => {
    const ours = setSummary(setSummary(base, 'pace', 'Slow, then steady.'), 'data', 'Numbers changed the talk.');
    const theirs = setSummary(setSummary(base, 'pace', 'Slow because of the rota.'), 'time', 'No time to meet.');
    const merged = merge(base, ours, theirs);
    assert.equal(merged.conflicts.length, 1);
    assert.equal(merged.conflicts[0].kind, 'summary');
    assert.equal(merged.conflicts[0].name, 'pace');
    const lines = merged.text.split('\n');
    assert.deepEqual(lines.slice(merged.conflicts[0].line - 1, merged.conflicts[0].line + 4), [
      lines[merged.conflicts[0].line - 1],
      '  pace: Slow, then steady.',
      '=======',
      '  pace: Slow because of the rota.',
      '>>>>>>> theirs',
    ]);
    assert.match(merged.text, /^ {2}data: Numbers changed the talk\.$/m);
    assert.match(merged.text, /^ {2}time: No time to meet\.$/m);
  });

  it('reports an attribute changed differently on both sides in place', () => {
    const ours = base.replace('wave: "2019"', 'wave: "2020"');
    const theirs = addAnnotation(base.replace('wave: "2019"', 'wave: "2021"'), theirs1);
    const merged = merge(base, ours, theirs);
    assert.equal(merged.conflicts.length, 1);
    assert.equal(merged.conflicts[0].kind, 'key');
    assert.equal(merged.conflicts[0].name, 'wave');
    assert.equal(merged.conflicts[0].line, 3);
    assert.deepEqual(merged.text.split('\n').slice(2, 7), ['<<<<<<< ours ("wave" changed differently on both branches)', 'wave: "2020"', '=======', 'wave: "2021"', '>>>>>>> theirs']);
    assert.match(merged.text, /id: d7e8/);
  });

  it('keeps CRLF line endings, also for the lines taken from the other side', () => {
    const crlf = (s: string) => s.replace(/\n/g, '\r\n');
    const b = crlf(base);
    const merged = merge(b, addAnnotation(b, gapOurs), addAnnotation(b, gapTheirs));
    assert.deepEqual(merged.conflicts, []);
    assert.ok(!/[^\r]\n/.test(merged.text), 'every line break is CRLF');
    assert.equal(merged.text, crlf(addAnnotation(addAnnotation(base, gapOurs), gapTheirs)));
    const conflicted = merge(b, crlf(recodeAnnotation(base, 'c4d1', 'x')), crlf(recodeAnnotation(base, 'c4d1', 'y')));
    assert.equal(conflicted.conflicts.length, 1);
    assert.ok(!/[^\r]\n/.test(conflicted.text), 'markers end in CRLF too');
  });

  it('copies an added entry as its coder wrote it: unknown keys and quoting kept', () => {
    const handWritten = base.replace(`  - id: ${late.id}`, `  - id: ab9f\n    code: rota\n    start: ${theirs1.start}\n    quote: 'The shared rota only started'\n    confidence: low   # check with sk\n  - id: ${late.id}`);
    const merged = merge(base, addAnnotation(base, ours1), handWritten);
    assert.deepEqual(merged.conflicts, []);
    assert.match(merged.text, /quote: 'The shared rota only started'\n {4}confidence: low {3}# check with sk\n/);
  });

  it('follows a list written one entry per line', () => {
    const flow = `---\ncase: R7\ncodes:\n  - {id: ${early.id}, code: pace, start: ${early.start}, quote: "${early.quote}"}\n  - {id: ${late.id}, code: numbers, start: ${late.start}, quote: "${late.quote}"}\n---\n${body}`;
    const merged = merge(flow, setAnnotationMemo(addAnnotation(flow, gapOurs), early.id, 'first'), recodeAnnotation(addAnnotation(flow, gapTheirs), early.id, 'tempo'));
    assert.deepEqual(merged.conflicts, []);
    assert.deepEqual(ids(merged.text), ['a1f0', 'f0a3', 'f0b4', 'e9c2']);
    assert.match(merged.text, /\{id: a1f0, code: tempo, start: \d+, quote: "Slower than we hoped", memo: "first"\}/);
  });

  it('adds a first annotation list and first summaries to a document that had none', () => {
    const bare = `---\ncase: R7\nwave: "2019"\n---\n${body}`;
    const ours = addAnnotation(bare, ours1);
    const theirs = setSummary(addAnnotation(bare, theirs1), 'pace', 'Slow.');
    const merged = merge(bare, ours, theirs);
    assert.deepEqual(merged.conflicts, []);
    assert.deepEqual(ids(merged.text), ['d7e8', 'b1a2']);
    assert.deepEqual(read(merged.text).document.summaries, [{ theme: 'pace', text: 'Slow.' }]);
  });

  describe('bodies', () => {
    const edited = (text: string) => text.replace('Interviewer: What helped in the end?', 'Interviewer: And what helped, in the end?');

    it('takes a body edited on one side with the coding of the other', () => {
      const merged = merge(base, edited(base), addAnnotation(base, ours1));
      assert.deepEqual(merged.conflicts, []);
      assert.match(merged.text, /And what helped, in the end\?/);
      assert.match(merged.text, /id: b1a2/);
      // Starts are left as written; anchoring finds the quotes again.
      const doc = read(merged.text);
      assert.deepEqual(doc.problems, []);
      assert.ok(doc.document.annotations.every((a) => a.anchored));
    });

    it('hands bodies changed on both sides to the text merge, and reports its conflicts in the body', () => {
      const calls: string[][] = [];
      const mergeText = (b: string, o: string, t: string): TextMerge => {
        calls.push([b, o, t]);
        return { text: `${o}<<<<<<< ours\nmine\n=======\nyours\n>>>>>>> theirs\n`, conflicted: true };
      };
      const ours = edited(addAnnotation(base, ours1));
      const theirs = addAnnotation(base, theirs1) + 'Interviewer: Thank you.\n';
      const merged = merge(base, ours, theirs, mergeText);
      assert.equal(calls.length, 1);
      assert.deepEqual(calls[0], [splitDocument(base)!.body, splitDocument(ours)!.body, splitDocument(theirs)!.body]);
      assert.equal(merged.conflicts.length, 1);
      assert.equal(merged.conflicts[0].kind, 'body');
      assert.equal(merged.text.split('\n')[merged.conflicts[0].line - 1], '<<<<<<< ours');
      assert.deepEqual(ids(merged.text.split('<<<<<<<')[0]), ['a1f0', 'd7e8', 'c4d1', 'b1a2', 'e9c2']);
    });

    it('merges the whole text as text when a front matter cannot be read', () => {
      const broken = base.replace('role: practice manager', 'role: [unclosed');
      const merged = merge(base, addAnnotation(base, ours1), broken, (_b, o) => ({ text: o, conflicted: false }));
      assert.equal(merged.method, 'text');
      assert.match(merged.fallbackReason!, /cannot be read/);
      assert.deepEqual(merged.conflicts, []);
    });

    it('merges as text when a side uses one annotation id twice', () => {
      const twice = addAnnotation(base, ours1).replace('id: b1a2', 'id: c4d1');
      const merged = merge(base, addAnnotation(base, theirs1), twice, (_b, o) => ({ text: o, conflicted: false }));
      assert.equal(merged.method, 'text');
      assert.match(merged.fallbackReason!, /"c4d1" is used twice/);
    });

    it('runs an asynchronous text merge', async () => {
      const merged = await mergeDocumentAsync(base, edited(base) + 'Interviewer: Thanks.\n', base + 'R7: Bye.\n', {
        path: 'R7.md',
        mergeText: async (_b, o, t) => ({ text: o + t.slice(t.lastIndexOf('R7: Bye.')), conflicted: false }),
      });
      assert.deepEqual(merged.conflicts, []);
      assert.match(merged.text, /And what helped[\s\S]*Thanks\.\nR7: Bye\.\n$/);
    });
  });
});
