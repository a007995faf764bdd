import assert from 'node:assert/strict';
import { loadCorpus } from '../../../../src/core/corpus/load-corpus';
import { caseIdFromFileName, pathSegment } from '../../../../src/core/import/case-id';
import { importOptionsProblem, importTranscript, type ImportedTranscript, type ImportOptions, type TranscriptSource } from '../../../../src/core/import/import-transcript';
import { MemoryCorpusFiles } from '../../support/memory-files';

const codebook = `themes:
  - id: workforce
    name: Workforce
    codes:
      - id: locum-cover
        name: Locum cover
`;

function converted(source: TranscriptSource, options: ImportOptions = {}): ImportedTranscript {
  const r = importTranscript(source, options);
  assert.ok(r.transcript, JSON.stringify(r.problems));
  return r.transcript;
}

/** The documents, in a corpus with a codebook, as the corpus loader reads them. */
async function loaded(transcripts: readonly ImportedTranscript[]) {
  const files = new MemoryCorpusFiles({ 'qualframe.yaml': 'codebook: codebook.yaml\n', 'codebook.yaml': codebook });
  for (const t of transcripts) files.set(t.target, t.text);
  return loadCorpus(files);
}

describe('import: one transcript into one document', () => {
  it('writes case, wave and attributes as front matter above the turns, and the corpus loads it cleanly', async () => {
    const t = converted({ name: '/study/in/SH07.txt', text: 'Interviewer: What does the cluster do well?\r\nSH07: Peer review: we look at each other’s prescribing.\r\n' }, {
      wave: '2021', attributes: { role: 'Cluster quality lead', 'health-board': 'NHS Grampian', 'list-size': '8000' },
    });
    assert.equal(t.target, '2021/SH07.md');
    assert.equal(t.caseId, 'SH07');
    assert.equal(t.wave, '2021');
    assert.equal(t.text, [
      '---',
      'case: SH07',
      'wave: "2021"',
      'role: Cluster quality lead',
      'health-board: NHS Grampian',
      'list-size: "8000"',
      '---',
      'Interviewer: What does the cluster do well?',
      '',
      'SH07: Peer review: we look at each other’s prescribing.',
      '',
    ].join('\n'));
    const { corpus, problems } = await loaded([t]);
    assert.deepEqual(problems, []);
    const d = corpus.documents[0];
    assert.deepEqual([d.caseId, d.attributes.wave, d.attributes.role, d.attributes['list-size']], ['SH07', '2021', 'Cluster quality lead', '8000']);
    assert.equal(d.body, 'Interviewer: What does the cluster do well?\n\nSH07: Peer review: we look at each other’s prescribing.\n');
  });

  it('quotes attribute values YAML would misread, so they read back as typed', async () => {
    const attributes = { note: 'yes', sector: 'GP: salaried', topic: '#quality', quote: '"aye"', dash: '- not a list', colon: 'key: value' };
    const t = converted({ name: 'P1.txt', text: 'P1: Hello.\n' }, { attributes });
    const { corpus, problems } = await loaded([t]);
    assert.deepEqual(problems, []);
    for (const [key, value] of Object.entries(attributes)) assert.equal(corpus.documents[0].attributes[key], value, key);
  });

  it('names the case by the file name, made one safe path segment', () => {
    assert.equal(caseIdFromFileName('C:\\in\\SH07.docx'), 'SH07');
    assert.equal(caseIdFromFileName('in/SH07 interview (final).docx'), 'SH07-interview-final');
    assert.equal(caseIdFromFileName('P3 😀.txt'), 'P3');
    assert.equal(caseIdFromFileName('Seán Ó Briain.vtt'), 'Seán-Ó-Briain');
    assert.equal(caseIdFromFileName('Sea\u0301n.vtt'), 'Seán');
    assert.equal(caseIdFromFileName('..hidden..md'), 'hidden');
    assert.equal(caseIdFromFileName('2016_P3.v2.srt'), '2016_P3.v2');
    assert.equal(caseIdFromFileName('🎉.txt'), '');
    assert.equal(pathSegment('2021/22'), '2021-22');
    const t = converted({ name: 'SH 07  notes.txt', text: 'SH07: Aye.\n' });
    assert.deepEqual([t.caseId, t.target], ['SH-07-notes', 'SH-07-notes.md']);
    const none = importTranscript({ name: '🎉.txt', text: 'P1: Hi.\n' });
    assert.deepEqual(none.problems.map((p) => p.rule), ['no-case-id']);
  });

  it('keeps unicode and emoji in the body, and the loader reads them at the right offsets', async () => {
    const t = converted({ name: 'P5.txt', text: 'Interviewer: Ciamar a tha thu? 👋\nP5: Tha gu math — the Gàidhlig leaflet 🎉 helped.\n' });
    const { corpus, problems } = await loaded([t]);
    assert.deepEqual(problems, []);
    assert.equal(corpus.documents[0].body, 'Interviewer: Ciamar a tha thu? 👋\n\nP5: Tha gu math — the Gàidhlig leaflet 🎉 helped.\n');
  });

  it('reads subtitles and a Word document’s HTML into the same kind of document', async () => {
    const vtt = converted({ name: 'SH02.vtt', text: 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Interviewer>Hello.\n\n00:00:02.500 --> 00:00:04.000\n<v SH02>Hiya.\n' }, { wave: '2021', timestamps: 'keep' });
    assert.equal(vtt.text, '---\ncase: SH02\nwave: "2021"\n---\nInterviewer: [00:00:01] Hello.\n\nSH02: [00:00:02] Hiya.\n');
    const srt = converted({ name: 'SH03.srt', text: '1\n00:00:01,000 --> 00:00:02,000\nSH03: Aye.\n' }, { wave: '2021' });
    const docx = converted({ name: 'SH04.docx', docxHtml: '<p>Interviewer: Hello.</p><p>SH04: Hi<br />there.</p>' }, { wave: '2021' });
    assert.equal(docx.text, '---\ncase: SH04\nwave: "2021"\n---\nInterviewer: Hello.\n\nSH04: Hi there.\n');
    const { corpus, problems } = await loaded([vtt, srt, docx]);
    assert.deepEqual(problems, []);
    assert.deepEqual(corpus.cases.map((c) => c.id), ['SH02', 'SH03', 'SH04']);
  });

  it('passes a subtitle cue it had to leave out on as a located warning; the document is still made', () => {
    const r = importTranscript({ name: 'SH05.srt', text: '1\n00:00:01,000 --> 00:00:02,000\nSH05: Kept.\n\n2\n00:00:0x,000 --> 00:00:03,000\nSH05: Lost.\n' });
    assert.deepEqual(r.problems.map((p) => [p.severity, p.rule, p.line]), [['warning', 'subtitle-cue', 6]]);
    assert.equal(r.transcript?.text, '---\ncase: SH05\n---\nSH05: Kept.\n');
  });

  it('a .md with front matter keeps it, key for key, and gains only the missing case, wave and attributes', async () => {
    const md = '---\r\n# typed by the fieldworker\r\ntitle: "Cluster meeting notes"\r\ntype: notes\r\n---\r\nInterviewer: Arrived\r\nlate.\r\n';
    const t = converted({ name: 'in/P4-notes.md', text: md }, { wave: '2016', attributes: { type: 'interview', role: 'GP' } });
    assert.equal(t.text, [
      '---',
      'case: P4-notes',
      'wave: "2016"',
      'role: GP',
      '# typed by the fieldworker',
      'title: "Cluster meeting notes"',
      'type: notes',
      '---',
      'Interviewer: Arrived late.',
      '',
    ].join('\n'));
    const r = importTranscript({ name: 'in/P4-notes.md', text: md }, { wave: '2016', attributes: { type: 'interview', role: 'GP' } });
    assert.deepEqual(r.problems.map((p) => [p.severity, p.rule, p.message]), [['warning', 'kept-value', 'kept its own type "notes", not "interview" as given']]);
    const { problems } = await loaded([t]);
    assert.deepEqual(problems, []);
  });

  it('a .md keeps its own case and wave: the file is named by its case and goes in its own wave’s folder', async () => {
    const md = '---\ncase: P4\nwave: 2016\n---\nP4: Backfill was the issue.\n';
    const r = importTranscript({ name: 'interview four.md', text: md }, { wave: '2021' });
    assert.deepEqual(r.problems.map((p) => p.message), ['kept its own wave "2016", not "2021" as given']);
    assert.equal(r.transcript?.target, '2016/P4.md');
    assert.equal(r.transcript?.text, md);
    assert.equal(importTranscript({ name: 'x.md', text: md }).transcript?.target, 'P4.md');
  });

  it('a coded .md keeps its body byte for byte, so its annotations stay anchored', async () => {
    const body = 'Interviewer: And cover?\nP2: There was no locum\nto be had.\n';
    const entry = `  - {id: a1, code: locum-cover, start: ${body.indexOf('There was')}, quote: "There was no locum"}`;
    const md = `---\ncase: P2\ncodes:\n${entry}\n---\n${body}`;
    const t = converted({ name: 'P2.md', text: md }, { wave: '2016' });
    assert.equal(t.text, `---\nwave: "2016"\ncase: P2\ncodes:\n${entry}\n---\n${body}`);
    const { corpus, problems } = await loaded([t]);
    assert.deepEqual(problems, []);
    assert.equal(corpus.documents[0].annotations[0].anchor.method, 'exact');
  });

  it('refuses a .md whose front matter cannot be read, and a file with no text', () => {
    const bad = importTranscript({ name: 'P9.md', text: '---\ncase: [P9\n---\nP9: Hi.\n' });
    assert.deepEqual(bad.problems.map((p) => [p.severity, p.rule]), [['error', 'front-matter']]);
    assert.ok(bad.problems[0].line! > 1, 'located in the front matter');
    const js = importTranscript({ name: 'P9.md', text: '---js\n{}\n---\nP9: Hi.\n' });
    assert.deepEqual(js.problems.map((p) => p.rule), ['front-matter']);
    assert.equal(js.transcript, undefined);
    assert.deepEqual(importTranscript({ name: 'P9.vtt', text: 'WEBVTT\n\nNOTE nothing said\n' }).problems.map((p) => p.rule), ['empty-transcript']);
    assert.deepEqual(importTranscript({ name: 'P9.txt', text: '\n\n' }).problems.map((p) => p.rule), ['empty-transcript']);
  });

  it('refuses formats it does not read, saying what to convert them to', () => {
    const doc = importTranscript({ name: 'P1.doc', text: '' });
    assert.equal(doc.problems[0].rule, 'unsupported-format');
    assert.match(doc.problems[0].message, /save it as \.docx/);
    assert.match(importTranscript({ name: 'README', text: '' }).problems[0].message, /files without an extension/);
  });

  it('a body line that would read as a front matter delimiter never starts the body', async () => {
    const t = converted({ name: 'P8.txt', text: '---\ncase: not front matter\n---\nP8: Hello.\n' });
    assert.equal(t.text, '---\ncase: P8\n---\ncase: not front matter\n\n---\n\nP8: Hello.\n');
    const { corpus, problems } = await loaded([t]);
    assert.deepEqual(problems, []);
    assert.equal(corpus.documents[0].caseId, 'P8');
  });

  it('checks the options: wave, attribute names and values, timestamps', () => {
    assert.equal(importOptionsProblem({ wave: '2021', attributes: { role: 'GP' }, timestamps: 'keep' }), undefined);
    assert.match(importOptionsProblem({ wave: '  ' })!, /wave must be one line/);
    assert.match(importOptionsProblem({ wave: '???' })!, /cannot name a folder/);
    assert.match(importOptionsProblem({ attributes: { wave: '2016' } })!, /--wave/);
    assert.match(importOptionsProblem({ attributes: { case: 'P1' } })!, /file name/);
    assert.match(importOptionsProblem({ attributes: { codes: 'x' } })!, /not an attribute/);
    assert.match(importOptionsProblem({ attributes: { 'my role': 'x' } })!, /must start with a letter/);
    assert.match(importOptionsProblem({ attributes: { role: '' } })!, /needs a value/);
    assert.match(importOptionsProblem({ timestamps: 'sometimes' as 'keep' })!, /drop or keep/);
    assert.throws(() => importTranscript({ name: 'P1.txt', text: 'x' }, { wave: '' }), RangeError);
  });
});
