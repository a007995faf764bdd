import assert from 'node:assert/strict';
import { listDocuments, loadCorpus, MAX_DOCUMENT_BYTES } from '../../../../src/core/corpus/load-corpus';
import { DEFAULT_CONFIG } from '../../../../src/core/corpus/config';
import { citations } from '../../../../src/core/corpus/corpus';
import { computeStats } from '../../../../src/core/corpus/stats';
import { markdown, MemoryCorpusFiles } from '../../support/memory-files';

const codebook = `themes:
  - id: support
    codes:
      - id: data-support
      - id: facilitation
  - id: expectations
    codes: []
  - id: covid-19
    codes:
      - id: remote-working
`;

const body = 'Interviewer: Hello.\n\nP: We had no analyst support at all.\n';
const q = (id: string, code: string, quote = 'no analyst support') => `  - {id: ${id}, code: ${code}, start: ${body.indexOf(quote)}, quote: "${quote}"}`;

function study(extra: Record<string, string> = {}) {
  return new MemoryCorpusFiles({
    'codebook.yaml': codebook,
    '2016/P1.md': markdown(`case: P1\nwave: 2016\nrole: GP\ncodes:\n${q('a', 'data-support')}`, body),
    '2016/P1-notes.md': markdown(`case: P1\nwave: "2016"\nrole: Manager\ntype: notes\nsummaries:\n  support: Wants analysts (2016/P1.md#a).`, body),
    '2016/P2.md': markdown(`wave: 2016\ncodes:\n${q('b', 'expectations')}`, body),
    '2021/P2.md': markdown(`case: P2\nwave: 2021\nsummaries:\n  covid-19: Met online.\ncodes:\n${q('c', 'remote-working')}\n${q('d', 'facilitation', 'analyst')}`, body),
    '2021/SH01.md': markdown(`wave: 2021\ncodes:\n  - {id: e, code: data-support, start: 0, quote: "moved away"}`, body),
    'README.md': '# About this study',
    'memos/journal.md': '# Journal',
    ...extra,
  });
}

describe('loadCorpus', () => {
  it('groups documents into cases: two documents of one case, a panel case over two waves', async () => {
    const { corpus } = await loadCorpus(study());
    assert.deepEqual(corpus.files, ['2016/P1-notes.md', '2016/P1.md', '2016/P2.md', '2021/P2.md', '2021/SH01.md']);
    assert.deepEqual(corpus.cases.map((c) => [c.id, c.documents.map((d) => d.path)]), [
      ['P1', ['2016/P1-notes.md', '2016/P1.md']],
      ['P2', ['2016/P2.md', '2021/P2.md']],
      ['SH01', ['2021/SH01.md']],
    ]);
  });

  it("gives a case the attribute values its documents share, and each document its own", async () => {
    const { corpus } = await loadCorpus(study());
    assert.deepEqual({ ...corpus.caseById.get('P1')!.attributes }, { wave: '2016' });
    assert.deepEqual({ ...corpus.caseById.get('P2')!.attributes }, {});
    assert.deepEqual(corpus.caseById.get('P2')!.documents.map((d) => d.attributes.wave), ['2016', '2021']);
  });

  it('gathers summaries per case and theme from whichever document holds them', async () => {
    const { corpus } = await loadCorpus(study());
    assert.deepEqual([...corpus.caseById.get('P1')!.summaries], [['support', { text: 'Wants analysts (2016/P1.md#a).', document: '2016/P1-notes.md' }]]);
    assert.deepEqual([...corpus.caseById.get('P2')!.summaries.keys()], ['covid-19']);
  });

  it('counts as the stats command reports: a panel case once in each wave, orphans', async () => {
    const { corpus, problems } = await loadCorpus(study());
    assert.deepEqual(computeStats(corpus), {
      documents: 5, cases: 3, codes: 4, annotations: 5, orphans: 1, casesByWave: { '2016': 2, '2021': 2 },
    });
    assert.deepEqual(problems.map((p) => [p.file, p.rule]), [['2021/SH01.md', 'orphan']]);
  });

  it('counts cases by the configured comparison attribute', async () => {
    const files = study({ 'qualframe.yaml': 'compare:\n  attribute: role\n' });
    const { corpus } = await loadCorpus(files);
    assert.deepEqual(computeStats(corpus).casesByWave, { GP: 1, Manager: 1 });
  });

  it('reports unknown codes, summaries of unknown themes or of codes, and broken citations', async () => {
    const { problems } = await loadCorpus(study({
      '2021/SH02.md': markdown(`summaries:\n  nothing: x\n  data-support: y\n  support: See 2016/P1.md#zz and 2016/none.md#a.\ncodes:\n${q('f', 'no-such')}\n${q('g', 'support', 'analyst')}`, body),
    }));
    const found = problems.filter((p) => p.file === '2021/SH02.md').map((p) => [p.rule, p.severity, p.line]);
    assert.deepEqual(found, [
      ['unknown-theme', 'error', 3],
      ['unknown-theme', 'error', 4],
      ['broken-citation', 'warning', 5],
      ['broken-citation', 'warning', 5],
      ['unknown-code', 'error', 7],
      ['unknown-code', 'error', 8],
    ]);
    const messages = problems.map((p) => p.message).join('\n');
    assert.match(messages, /"data-support" is a code; summaries are kept per theme \(its theme is "support"\)/);
    assert.match(messages, /"support" is a theme with codes; apply one of its codes/);
  });

  it('refuses the same theme summarised twice in one case, even across documents', async () => {
    const { problems } = await loadCorpus(study({
      '2021/P1.md': markdown('case: P1\nwave: 2021\nsummaries:\n  support: Again.', body),
    }));
    const dup = problems.filter((p) => p.rule === 'duplicate-summary');
    assert.deepEqual(dup.map((p) => [p.file, p.line, p.column]), [['2021/P1.md', 5, 3]]);
    assert.match(dup[0].message, /case P1 already has a summary of "support" in 2016\/P1-notes.md/);
  });

  it('leaves out READMEs, memos and the documents of nested corpora', async () => {
    const files = study({ 'sub/qualframe.yaml': '', 'sub/X.md': markdown('case: X', 'Body'), 'subway/Y.md': markdown('case: Y', 'Body') });
    assert.deepEqual((await listDocuments(files, DEFAULT_CONFIG)).map((e) => e.path), [
      '2016/P1-notes.md', '2016/P1.md', '2016/P2.md', '2021/P2.md', '2021/SH01.md', 'subway/Y.md',
    ]);
  });

  it('follows the documents patterns of qualframe.yaml', async () => {
    const { corpus } = await loadCorpus(study({ 'qualframe.yaml': 'documents: ["2021/**/*.md"]\n' }));
    assert.deepEqual(corpus.files, ['2021/P2.md', '2021/SH01.md']);
  });

  it('refuses a document far larger than a transcript without reading it', async () => {
    const files = study();
    const big = new Uint8Array(MAX_DOCUMENT_BYTES + 1).fill(0x61);
    files.set('2021/huge.md', big);
    const { problems, corpus } = await loadCorpus(files);
    const p = problems.find((x) => x.file === '2021/huge.md')!;
    assert.equal(p.rule, 'too-large');
    assert.match(p.message, /over the 20\.0 MiB limit/);
    assert.equal(files.reads.includes('2021/huge.md'), false);
    assert.equal(corpus.files.includes('2021/huge.md'), true);
  });

  it('reports a file that is not UTF-8 and goes on with the others', async () => {
    const files = study();
    files.set('2021/latin1.md', Uint8Array.from([0x63, 0x61, 0x66, 0xe9]));
    const { problems, corpus } = await loadCorpus(files);
    assert.deepEqual(problems.filter((p) => p.file === '2021/latin1.md').map((p) => [p.rule, p.line, p.column]), [['not-utf8', 1, 4]]);
    assert.equal(corpus.cases.length, 3);
  });

  it('reports a missing codebook, and every code as unknown', async () => {
    const files = new MemoryCorpusFiles({ 'a.md': markdown(`codes:\n${q('a', 'data-support')}`, body) });
    const { problems } = await loadCorpus(files);
    assert.deepEqual(problems.map((p) => [p.file, p.rule]), [['a.md', 'unknown-code'], ['codebook.yaml', 'missing-file']]);
  });

  it('reads the codebook named in qualframe.yaml, and reports bad settings', async () => {
    const files = new MemoryCorpusFiles({
      'qualframe.yaml': 'codebook: frame/codes.yaml\nextra: 1\n',
      'frame/codes.yaml': 'themes:\n  - id: only\n',
    });
    const { corpus, problems } = await loadCorpus(files);
    assert.deepEqual([...corpus.codebook.applicable.keys()], ['only']);
    assert.deepEqual(problems.map((p) => [p.file, p.rule, p.line]), [['qualframe.yaml', 'unknown-key', 2]]);
  });
});

describe('citations in summaries', () => {
  it('finds path#id references', () => {
    assert.deepEqual(citations('See transcripts/2016/P3.md#c7f2, and (P1.md#a1).'), [
      { path: 'transcripts/2016/P3.md', id: 'c7f2' },
      { path: 'P1.md', id: 'a1' },
    ]);
  });
});
