import assert from 'node:assert/strict';
import { defaultCaseId, parseCorpusDocument } from '../../../../src/core/corpus/document';
import { formatProblem } from '../../../../src/core/problems';
import { markdown } from '../../support/memory-files';

function parse(text: string, path = 'interviews/P3.md') {
  return parseCorpusDocument(path, text);
}

describe('parseCorpusDocument', () => {
  it('reads the case, attributes as text, and a document memo', () => {
    const { document, problems } = parse(markdown('case: P3\nwave: 2016\nrole: National stakeholder\ndate: 2016-05-12\nmemo: Declined recording.\ntags: [a, b]', 'Body'));
    assert.deepEqual(problems, []);
    assert.equal(document!.caseId, 'P3');
    assert.deepEqual({ ...document!.attributes }, { wave: '2016', role: 'National stakeholder', date: '2016-05-12' });
    assert.equal(document!.memo, 'Declined recording.');
  });

  it('takes the case from the file name when none is given', () => {
    assert.equal(parse(markdown('wave: 2021', 'Body'), 'transcripts/2021/SH01.md').document!.caseId, 'SH01');
    assert.equal(defaultCaseId('a/b/SH02.MD'), 'SH02');
  });

  it('keeps a __proto__ attribute as data', () => {
    const { document } = parse(markdown('__proto__: x\nwave: 2016', 'Body'));
    assert.equal(Object.getPrototypeOf(document!.attributes), null);
    assert.equal(document!.attributes['__proto__'], 'x');
  });

  it('anchors annotations whose quote is at start, in either list style', () => {
    const body = 'Interviewer: Hi.\n\nP3: We had no analyst support at all.\n';
    const start = body.indexOf('no analyst');
    const text = markdown(
      `codes:\n  - id: a1\n    code: data-support\n    start: ${start}\n    quote: "no analyst support"\n    by: am\n    memo: key quote\n    illustrative: true\n  - {id: a2, code: facilitation, start: ${start + 3}, quote: "analyst"}`,
      body,
    );
    const { document, problems } = parse(text);
    assert.deepEqual(problems, []);
    assert.deepEqual(document!.annotations.map((a) => [a.id, a.code, a.start, a.anchored, a.illustrative, a.by, a.memo]), [
      ['a1', 'data-support', start, true, true, 'am', 'key quote'],
      ['a2', 'facilitation', start + 3, true, false, undefined, undefined],
    ]);
  });

  it('counts offsets in UTF-16 units with CRLF as LF, after a BOM-less text', () => {
    const bodyLf = 'Interviewer: 😀 hello\n\nP3: 𝒜 quote here\n';
    const start = bodyLf.indexOf('quote here');
    assert.equal(start, 30); // 😀 and 𝒜 are two UTF-16 units each
    const crlf = markdown(`codes:\n  - {id: c1, code: x, start: ${start}, quote: "quote here"}`, bodyLf).replace(/\n/g, '\r\n');
    const { document, problems } = parse(crlf);
    assert.deepEqual(problems, []);
    assert.equal(document!.annotations[0].anchored, true);
    assert.equal(document!.body, bodyLf);
    assert.equal(document!.bodyLine, 5);
  });

  it('reports an orphan at its start and keeps it, when the quote is gone', () => {
    const body = 'P3: We had no analyst support at all.\n';
    const { document, problems } = parse(markdown('codes:\n  - id: o1\n    code: data-support\n    start: 0\n    quote: "nobody planned the budget"', body));
    assert.equal(document!.annotations.length, 1);
    assert.equal(document!.annotations[0].anchored, false);
    assert.deepEqual(document!.annotations[0].anchor, { method: 'orphan' });
    assert.deepEqual(problems.map((p) => [p.rule, p.line, p.column]), [['orphan', 5, 12]]);
    assert.match(problems[0].message, /"o1" \(data-support\) is orphaned: "nobody planned the budget" is not in the body any more/);
  });

  it('finds a quote again where edits before it moved it, without a problem', () => {
    const body = 'P3: Well. We had no analyst support at all.\n';
    const { document, problems } = parse(markdown('codes:\n  - {id: m1, code: x, start: 4, quote: "We had no analyst", prefix: "P3: "}', body));
    assert.deepEqual(problems, []);
    assert.deepEqual(document!.annotations[0].anchor, { method: 'relocated', start: 10, end: 27, text: 'We had no analyst', similarity: 1 });
  });

  it('warns that a re-worded quote will be updated, naming the new wording', () => {
    const body = 'P3: We had no analytic support at all, none.\n';
    const { document, problems } = parse(markdown('codes:\n  - {id: r1, code: x, start: 4, quote: "We had no analyst support at all"}', body));
    assert.equal(document!.annotations[0].anchor.method, 'fuzzy');
    assert.deepEqual(problems.map((p) => [p.severity, p.rule]), [['warning', 'reworded']]);
    assert.match(problems[0].message, /now reads "We had no analytic support at all"/);
  });

  it('refuses a duplicate annotation id, naming the first line', () => {
    const { problems } = parse(markdown('codes:\n  - {id: d1, code: x, start: 0, quote: "Body"}\n  - {id: d1, code: y, start: 0, quote: "Bo"}', 'Body'));
    assert.deepEqual(problems.map((p) => [p.rule, p.line]), [['duplicate-annotation-id', 4]]);
    assert.match(problems[0].message, /already used on line 3/);
  });

  it('reports each malformed annotation field at its value', () => {
    const { document, problems } = parse(markdown(
      'codes:\n  - {id: "bad id", code: Data, start: -1, quote: ""}\n  - {id: ok, code: x, start: 0, quote: "B", illustrative: maybe}\n  - just text\n  - {code: x, start: 0, quote: "B"}',
      'Body',
    ));
    assert.deepEqual(problems.map((p) => [p.rule, p.line, p.column]), [
      ['invalid-id', 3, 10],
      ['invalid-id', 3, 26],
      ['invalid-value', 3, 39],
      ['invalid-value', 3, 50],
      ['invalid-value', 4, 59],
      ['invalid-value', 5, 5],
      ['invalid-value', 6, 5],
    ]);
    assert.deepEqual(document!.annotations.map((a) => a.id), ['ok']);
  });

  it('warns when annotations are not sorted by start, then id', () => {
    const { problems } = parse(markdown('codes:\n  - {id: b, code: x, start: 2, quote: "dy"}\n  - {id: a, code: x, start: 0, quote: "Bo"}', 'Body'));
    assert.deepEqual(problems.map((p) => [p.severity, p.rule, p.line]), [['warning', 'unsorted-annotations', 4]]);
  });

  it('reads summaries per theme', () => {
    const { document } = parse(markdown('summaries:\n  support: Wants analysts.\n  covid-19: |\n    Two lines\n    of summary.', 'Body'));
    assert.deepEqual(document!.summaries, [{ theme: 'support', text: 'Wants analysts.' }, { theme: 'covid-19', text: 'Two lines\nof summary.\n' }]);
  });

  it('returns no document, only a located problem, when the front matter cannot be read', () => {
    const r = parse('---\ncase: [P3\n---\nBody');
    assert.equal(r.document, undefined);
    assert.equal(r.problems[0].rule, 'yaml-syntax');
    assert.equal(r.problems[0].file, 'interviews/P3.md');
  });
});

describe('problem messages', () => {
  it('quote a multi-line quote on one line, so each problem stays one line of output', () => {
    const body = 'A1: We moved online —\nand attendance went up.\n';
    const { problems } = parseCorpusDocument('C3.md', markdown('codes:\n  - {id: c1, code: x, start: 1, quote: "nobody met by video —\\nso it all stopped"}', body));
    assert.equal(problems[0].rule, 'orphan');
    assert.match(problems[0].message, /"nobody met by video —\\nso it all stopped"/);
    assert.equal(formatProblem({ ...problems[0], message: 'two\nlines' }), 'C3.md:3:30: error: two\\nlines');
  });
});
