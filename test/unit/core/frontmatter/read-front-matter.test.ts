import assert from 'node:assert/strict';
import { FrontMatterProblem, MAX_FRONT_MATTER_BYTES, readFrontMatter } from '../../../../src/core/frontmatter/read-front-matter';

function problemOf(text: string): FrontMatterProblem {
  try {
    readFrontMatter(text);
  } catch (e) {
    if (e instanceof FrontMatterProblem) return e;
    throw e;
  }
  assert.fail('expected a front matter problem');
}

describe('readFrontMatter', () => {
  it('splits front matter and body; the body is everything after the closing line', () => {
    const text = '---\ncase: P1\nwave: 2016\n---\nInterviewer: Hello.\n';
    const fm = readFrontMatter(text);
    assert.deepEqual(fm.data, { case: 'P1', wave: '2016' });
    assert.equal(fm.body, 'Interviewer: Hello.\n');
    assert.equal(text.slice(fm.bodyOffset), fm.body);
  });

  it('keeps CRLF in the body and finds it after a CRLF closing line', () => {
    const text = '---\r\ncase: P1\r\n---\r\nLine one\r\nLine two\r\n';
    const fm = readFrontMatter(text);
    assert.equal(fm.body, 'Line one\r\nLine two\r\n');
    assert.equal(text.slice(fm.bodyOffset), fm.body);
  });

  it('reads a document without front matter as all body', () => {
    const fm = readFrontMatter('Just a transcript.\n---\nwith a rule');
    assert.equal(fm.hasFrontMatter, false);
    assert.equal(fm.body, 'Just a transcript.\n---\nwith a rule');
  });

  it('reads comment-only front matter as empty', () => {
    assert.deepEqual(readFrontMatter('---\n# nothing yet\n---\nBody').data, {});
  });

  it('numbers YAML lines as the file does', () => {
    const p = problemOf('---\ncase: P1\nwave: [2016\nrole: x\n---\nBody');
    assert.equal(p.rule, 'yaml-syntax');
    assert.ok(p.position.line >= 3, `line ${p.position.line}`);
  });

  it('never runs JavaScript front matter', () => {
    const g = globalThis as { __qualframeRan?: boolean };
    delete g.__qualframeRan;
    for (const lang of ['js', 'javascript', ' js']) {
      const p = problemOf(`---${lang}\n{ ran: (globalThis.__qualframeRan = true) }\n---\nBody`);
      assert.equal(p.rule, 'executable-front-matter');
      assert.deepEqual(p.position, { line: 1, column: 4 });
    }
    assert.equal(g.__qualframeRan, undefined);
  });

  it('refuses other front-matter languages with a clear message', () => {
    const p = problemOf('---toml\ncase = "P1"\n---\nBody');
    assert.equal(p.rule, 'front-matter-language');
    assert.match(p.message, /"toml" is not supported/);
    assert.equal(problemOf('---coffee\ncase: 1\n---\n').rule, 'executable-front-matter');
  });

  it('accepts an explicit yaml language', () => {
    assert.deepEqual(readFrontMatter('---yaml\ncase: P1\n---\nBody').data, { case: 'P1' });
  });

  it('refuses unclosed front matter instead of reading the transcript as YAML', () => {
    const p = problemOf('---\ncase: P1\n\nP1: no closing line here\n');
    assert.equal(p.rule, 'unclosed-front-matter');
    assert.match(p.message, /add a line `---`/);
  });

  it('refuses a merge conflict left in the front matter, at its first marker line, whatever the line endings', () => {
    const text = '---\ncase: P1\ncodes:\n<<<<<<< ours (annotation a1b2)\n  - {id: a1b2, code: funding, start: 0, quote: "We"}\n=======\n  - {id: a1b2, code: workload, start: 0, quote: "We"}\n>>>>>>> theirs\n---\nWe met.\n';
    for (const t of [text, text.replace(/\n/g, '\r\n')]) {
      const p = problemOf(t);
      assert.equal(p.rule, 'merge-conflict');
      assert.deepEqual(p.position, { line: 4, column: 1 });
      assert.match(p.message, /delete the three marker lines/);
    }
    assert.equal(readFrontMatter('---\nmemo: "a line of ======= is fine"\n---\nBody').data.memo, 'a line of ======= is fine', 'only whole marker lines count');
  });

  it('refuses front matter over 1 MiB', () => {
    const big = `---\nmemo: "${'x'.repeat(MAX_FRONT_MATTER_BYTES)}"\n---\nBody`;
    assert.equal(problemOf(big).rule, 'front-matter-too-large');
    const multiByte = `---\nmemo: "${'é'.repeat(MAX_FRONT_MATTER_BYTES / 2 + 10)}"\n---\nBody`;
    assert.equal(problemOf(multiByte).rule, 'front-matter-too-large');
  });

  it('refuses front matter that is a list, not a mapping', () => {
    assert.equal(problemOf('---\n- a\n- b\n---\nBody').rule, 'invalid-value');
  });

  it('does not cache: the same input parsed twice gives independent objects', () => {
    const text = '---\ncodes:\n  - {id: a, code: b, start: 0, quote: x}\n---\nx';
    const first = readFrontMatter(text).data as { codes: unknown[] };
    first.codes.push('mutated');
    const second = readFrontMatter(text).data as { codes: unknown[] };
    assert.equal(second.codes.length, 1);
  });
});
