import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { loadCorpus } from '../../../src/core/corpus/load-corpus';
import { importTranscripts, planImport, writeImportPlan } from '../../../src/node/import/import-transcripts';
import { NodeCorpusFiles } from '../../../src/node/node-corpus-files';

const codebook = `themes:
  - id: workforce
    name: Workforce
    codes:
      - id: locum-cover
      - id: link-workers
`;

/** Every file under `dir` (POSIX, relative) with its content: what a refused import must leave as it was. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[]) {
    if (e.isFile()) out[path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/')] = fs.readFileSync(path.join(e.parentPath, e.name), 'utf8');
  }
  return out;
}

/** A small interview as Word writes it: bold speaker labels, a manual line break, a speaker | text table. */
async function interviewDocx(): Promise<Buffer> {
  const turn = (speaker: string, ...lines: string[]) => new Paragraph({
    children: [new TextRun({ text: `${speaker}:`, bold: true }), ...lines.map((l, i) => new TextRun({ text: i === 0 ? ` ${l}` : l, ...(i > 0 ? { break: 1 } : {}) }))],
  });
  const cell = (text: string) => new TableCell({ children: [new Paragraph(text)] });
  const doc = new Document({
    sections: [{
      children: [
        new Paragraph({ text: 'Cluster interview, SH09', heading: HeadingLevel.HEADING_1 }),
        turn('Interviewer', 'How has the cluster used its link workers?'),
        turn('SH09', 'We share two community link workers across five practices,', 'and the waiting list is about three weeks 😬.'),
        new Paragraph(''),
        turn('Interviewer', 'Is that sustainable?'),
        new Table({ rows: [new TableRow({ children: [cell('SH09'), cell('Not without locum cover for the GP sessions – that’s the gap.')] })] }),
      ],
    }],
  });
  return Packer.toBuffer(doc);
}

describe('importing transcripts into a folder', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'qf-import-')));
    fs.writeFileSync(path.join(dir, 'qualframe.yaml'), 'documents: ["transcripts/**/*.md"]\ncodebook: codebook.yaml\n');
    fs.writeFileSync(path.join(dir, 'codebook.yaml'), codebook);
    fs.mkdirSync(path.join(dir, 'incoming'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const incoming = (name: string, content: string | Uint8Array) => {
    const file = path.join(dir, 'incoming', name);
    fs.writeFileSync(file, content);
    return file;
  };
  const into = () => path.join(dir, 'transcripts');

  it('imports a real .docx through mammoth: one paragraph per turn, line breaks joined, table rows as turns', async () => {
    const file = incoming('SH09.docx', await interviewDocx());
    const result = await importTranscripts([file], into(), { wave: '2021', attributes: { role: 'Practice manager' } });
    assert.deepEqual(result.problems, []);
    assert.deepEqual(result.written, [path.join(into(), '2021', 'SH09.md')]);
    assert.equal(fs.readFileSync(result.written[0], 'utf8'), [
      '---',
      'case: SH09',
      'wave: "2021"',
      'role: Practice manager',
      '---',
      'Cluster interview, SH09',
      '',
      'Interviewer: How has the cluster used its link workers?',
      '',
      'SH09: We share two community link workers across five practices, and the waiting list is about three weeks 😬.',
      '',
      'Interviewer: Is that sustainable?',
      '',
      'SH09: Not without locum cover for the GP sessions – that’s the gap.',
      '',
    ].join('\n'));
    const { corpus, problems } = await loadCorpus(new NodeCorpusFiles(dir));
    assert.deepEqual(problems, []);
    assert.deepEqual(corpus.files, ['transcripts/2021/SH09.md']);
  });

  it('imports every format side by side into DIR/<wave>/<case>.md, and the corpus loads without problems', async () => {
    const files = [
      incoming('SH09.docx', await interviewDocx()),
      incoming('SH10 follow up.txt', 'Interviewer: Has anything changed?\r\nSH10: The health board\r\nfunded a second facilitator.\r\n'),
      incoming('SH11.vtt', 'WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v Interviewer>And the pharmacists?\n\n00:00:03.500 --> 00:00:06.000\n<v SH11>Shared across the cluster,\nthree days a week.\n'),
      incoming('SH12.srt', '1\n00:00:01,000 --> 00:00:02,000\nInterviewer: Protected time?\n\n2\n00:00:02,500 --> 00:00:05,000\nSH12: Two sessions a month,\n\n3\n00:00:05,000 --> 00:00:06,000\nif we can get a locum.\n'),
      incoming('SH13.md', '---\ncase: SH13\nrole: GP partner\n---\n# SH13\nInterviewer: Hello.\nSH13: Hiya.\n'),
    ];
    const result = await importTranscripts(files, into(), { wave: '2021', timestamps: 'keep' });
    assert.deepEqual(result.problems, []);
    assert.deepEqual(result.written.map((w) => path.relative(into(), w).split(path.sep).join('/')), ['2021/SH09.md', '2021/SH10-follow-up.md', '2021/SH11.md', '2021/SH12.md', '2021/SH13.md']);
    assert.equal(fs.readFileSync(path.join(into(), '2021', 'SH12.md'), 'utf8'), '---\ncase: SH12\nwave: "2021"\n---\nInterviewer: [00:00:01] Protected time?\n\nSH12: [00:00:02] Two sessions a month, if we can get a locum.\n');
    assert.equal(fs.readFileSync(path.join(into(), '2021', 'SH13.md'), 'utf8'), '---\nwave: "2021"\ncase: SH13\nrole: GP partner\n---\n# SH13\n\nInterviewer: Hello.\n\nSH13: Hiya.\n');
    const { corpus, problems } = await loadCorpus(new NodeCorpusFiles(dir));
    assert.deepEqual(problems, []);
    assert.deepEqual(corpus.cases.map((c) => [c.id, c.attributes.wave]), [['SH09', '2021'], ['SH10-follow-up', '2021'], ['SH11', '2021'], ['SH12', '2021'], ['SH13', '2021']]);
  });

  it('without a wave writes DIR/<case>.md', async () => {
    const result = await importTranscripts([incoming('P7.txt', 'P7: Hello.\n')], into());
    assert.deepEqual(result.written, [path.join(into(), 'P7.md')]);
  });

  it('never overwrites: when one target exists, nothing at all is written and the clash is named', async () => {
    fs.mkdirSync(path.join(into(), '2021'), { recursive: true });
    const existing = path.join(into(), '2021', 'SH10.md');
    fs.writeFileSync(existing, '---\ncase: SH10\n---\nSomeone’s coded transcript.\n');
    const before = snapshot(dir);
    const files = [incoming('SH09.txt', 'SH09: One.\n'), incoming('SH10.txt', 'SH10: Two.\n'), incoming('SH11.txt', 'SH11: Three.\n')];
    const plan = await planImport(files, into(), { wave: '2021' });
    assert.equal(plan.ready, false);
    assert.deepEqual(plan.clashes, [{ target: existing, sources: [files[1]], reason: 'exists' }]);
    assert.deepEqual(plan.documents.map((d) => d.relativeTarget), ['2021/SH09.md', '2021/SH10.md', '2021/SH11.md']);
    const result = await importTranscripts(files, into(), { wave: '2021' });
    assert.deepEqual(result.written, []);
    assert.deepEqual(result.problems.map((p) => [p.file, p.rule]), [[existing, 'target-exists']]);
    assert.deepEqual(snapshot(dir), { ...before, 'incoming/SH09.txt': 'SH09: One.\n', 'incoming/SH10.txt': 'SH10: Two.\n', 'incoming/SH11.txt': 'SH11: Three.\n' });
  });

  it('refuses two transcripts that would become one document, also when only letter case differs', async () => {
    const files = [incoming('SH07.txt', 'SH07: a\n'), incoming('SH07.vtt', 'WEBVTT\n\n00:01.000 --> 00:02.000\nSH07: b\n'), incoming('sh08.txt', 'x\n'), incoming('SH08.srt', '1\n00:00:01,000 --> 00:00:02,000\ny\n')];
    const result = await importTranscripts(files, into());
    assert.deepEqual(result.written, []);
    assert.deepEqual(result.clashes.map((c) => [path.basename(c.target), c.reason, c.sources.map((s) => path.basename(s))]), [
      ['SH07.md', 'same-target', ['SH07.txt', 'SH07.vtt']],
      ['sh08.md', 'same-target', ['sh08.txt', 'SH08.srt']],
    ]);
    assert.equal(fs.existsSync(into()), false);
  });

  it('all or nothing: a transcript that cannot be read stops the whole import', async () => {
    const files = [
      incoming('P1.txt', 'P1: fine\n'),
      incoming('P2.txt', Buffer.from([0x50, 0x32, 0x3a, 0x20, 0xe9, 0x0a])),
      incoming('P3.docx', 'this is not a zip'),
      path.join(dir, 'incoming', 'P4.txt'),
      path.join(dir, 'incoming'),
      incoming('P5.pdf', '%PDF'),
    ];
    const result = await importTranscripts(files, into());
    assert.deepEqual(result.written, []);
    assert.deepEqual(result.problems.map((p) => [path.basename(p.file), p.severity, p.rule]), [
      ['P2.txt', 'error', 'not-utf8'],
      ['P3.docx', 'error', 'unreadable'],
      ['P4.txt', 'error', 'unreadable'],
      ['incoming', 'error', 'unreadable'],
      ['P5.pdf', 'error', 'unsupported-format'],
    ]);
    assert.equal(fs.existsSync(into()), false);
  });

  it('reads UTF-16 transcripts (with a byte order mark) and writes UTF-8', async () => {
    const text = 'Interviewer: Cò?\r\nP6: Mise 👋\r\n';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const result = await importTranscripts([incoming('P6.txt', le)], into());
    assert.deepEqual(result.problems, []);
    assert.equal(fs.readFileSync(result.written[0], 'utf8'), '---\ncase: P6\n---\nInterviewer: Cò?\n\nP6: Mise 👋\n');
  });

  it('the same file named twice is imported once', async () => {
    const file = incoming('P1.txt', 'P1: once\n');
    const result = await importTranscripts([file, path.join(dir, 'incoming', '.', 'P1.txt')], into());
    assert.deepEqual(result.written, [path.join(into(), 'P1.md')]);
  });

  it('a plan is checked again when written: a target that appeared meanwhile stops it, nothing written', async () => {
    const files = [incoming('P1.txt', 'P1: a\n'), incoming('P2.txt', 'P2: b\n')];
    const plan = await planImport(files, into());
    assert.equal(plan.ready, true);
    assert.equal(fs.existsSync(into()), false, 'planning writes nothing');
    fs.mkdirSync(into());
    fs.writeFileSync(path.join(into(), 'P2.md'), 'a teammate’s file\n');
    const result = await writeImportPlan(plan);
    assert.deepEqual(result.written, []);
    assert.deepEqual(result.clashes.map((c) => path.basename(c.target)), ['P2.md']);
    assert.deepEqual(fs.readdirSync(into()), ['P2.md']);
    assert.equal(fs.readFileSync(path.join(into(), 'P2.md'), 'utf8'), 'a teammate’s file\n');
  });

  it('refuses a folder to import into that is a file', async () => {
    fs.writeFileSync(path.join(dir, 'notafolder'), '');
    const plan = await planImport([incoming('P1.txt', 'P1: a\n')], path.join(dir, 'notafolder'));
    assert.equal(plan.ready, false);
    assert.deepEqual(plan.problems.map((p) => p.rule), ['target-exists']);
  });

  it('throws for options that cannot be used (callers check them first)', async () => {
    await assert.rejects(planImport([], into(), { attributes: { codes: 'x' } }), RangeError);
  });
});
