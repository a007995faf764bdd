import assert from 'node:assert/strict';
import { parseCorpusDocument } from '../../../../src/core/corpus/document';
import { recodeAll, setAnnotationMemo, setDocumentMemo } from '../../../../src/core/frontmatter/edit-front-matter';
import { lineDiff } from '../../support/line-diff';

const body = 'Interviewer: What will clusters need?\n\nP3: We had no analyst support at all, and the data came late.\n';
const at = (quote: string) => body.indexOf(quote);

const block = `---
case: P3 # panel participant
wave: "2016"
codes:
  - id: a1
    code: data-support
    start: ${at('no analyst')}
    quote: "no analyst"
    by: am
  - id: a3
    code: timeliness
    start: ${at('the data came late')}
    quote: "the data came late"
    memo: "late again"
  - {id: a4, code: data-support, start: ${at('data came')}, quote: "data came"}
---
${body}`;

const read = (text: string) => {
  const { document, problems } = parseCorpusDocument('P3.md', text);
  assert.deepEqual(problems.filter((p) => p.severity === 'error'), []);
  return document!;
};

describe('memo and recode edits', () => {
  it('adds a segment memo as one new line and reads it back', () => {
    const after = setAnnotationMemo(block, 'a1', 'Says "no" twice: check tone');
    assert.deepEqual(lineDiff(block, after), { removed: [], added: ['    memo: "Says \\"no\\" twice: check tone"'] });
    assert.equal(read(after).annotations.find((a) => a.id === 'a1')!.memo, 'Says "no" twice: check tone');
  });

  it('changes an existing memo in place and removes it when blank, giving back the same bytes', () => {
    const changed = setAnnotationMemo(block, 'a3', 'late, every month');
    assert.deepEqual(lineDiff(block, changed), { removed: ['    memo: "late again"'], added: ['    memo: "late, every month"'] });
    const removed = setAnnotationMemo(block, 'a3', '  ');
    assert.deepEqual(lineDiff(block, removed), { removed: ['    memo: "late again"'], added: [] });
    assert.equal(setAnnotationMemo(removed, 'a3', 'late again'), block);
  });

  it('fills an emptied `memo:` key with valid YAML', () => {
    const emptied = block.replace('    memo: "late again"', '    memo:');
    const after = setAnnotationMemo(emptied, 'a3', 'back again');
    assert.deepEqual(lineDiff(emptied, after), { removed: ['    memo:'], added: ['    memo: "back again"'] });
    assert.equal(read(after).annotations.find((a) => a.id === 'a3')!.memo, 'back again');
  });

  it('adds a memo to a one-line entry inside its braces', () => {
    const after = setAnnotationMemo(block, 'a4', 'flow entry');
    assert.equal(read(after).annotations.find((a) => a.id === 'a4')!.memo, 'flow entry');
    assert.equal(lineDiff(block, after).added.length, 1);
    assert.equal(setAnnotationMemo(after, 'a4', undefined), block);
  });

  it('recodes every segment of one code and nothing else', () => {
    const after = recodeAll(block, 'data-support', 'analytic-support');
    const doc = read(after);
    assert.deepEqual(doc.annotations.map((a) => a.code), ['analytic-support', 'timeliness', 'analytic-support']);
    const before = block.split('\n');
    const changed = after.split('\n').filter((line, i) => line !== before[i]);
    assert.deepEqual(changed, ['    code: analytic-support', `  - {id: a4, code: analytic-support, start: ${at('data came')}, quote: "data came"}`]);
    assert.equal(recodeAll(after, 'analytic-support', 'data-support'), block);
    assert.equal(recodeAll(block, 'unused', 'other'), block);
  });

  it('writes a document memo as the last front-matter key, multi-line as a block, and removes it again', () => {
    const one = setDocumentMemo(block, 'Interview ran short.');
    assert.deepEqual(lineDiff(block, one), { removed: [], added: ['memo: Interview ran short.'] });
    assert.equal(read(one).memo, 'Interview ran short.');
    const many = setDocumentMemo(one, 'First line.\nSecond: with colon.');
    assert.equal(read(many).memo, 'First line.\nSecond: with colon.');
    assert.equal(setDocumentMemo(many, undefined), block);
  });

  it('gives a document without front matter one holding the memo, keeping CRLF', () => {
    const crlf = 'P9: Just talk.\r\n';
    const after = setDocumentMemo(crlf, 'Notes only');
    assert.equal(after, '---\r\nmemo: Notes only\r\n---\r\nP9: Just talk.\r\n');
  });
});
