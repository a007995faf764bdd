import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { importDocsUsage, runImportDocs } from '../../../src/cli/import-docs';
import type { CliIo } from '../../../src/cli/io';
import { validateCommand } from '../../../src/cli/validate';
import { listFiles, makeTemp, removeTemp } from './run-cli';

/** A CliIo that keeps what a command prints. */
function memoryIo(cwd: string): CliIo & { stdout: string; stderr: string } {
  const io = { cwd, stdout: '', stderr: '', out: (t: string) => { io.stdout += t; }, err: (t: string) => { io.stderr += t; } };
  return io;
}

describe('qualframe import docs', () => {
  let temp: string | undefined;
  let dir: string;
  beforeEach(() => {
    dir = temp = makeTemp();
    fs.writeFileSync(path.join(dir, 'qualframe.yaml'), 'documents: ["transcripts/**/*.md"]\ncodebook: codebook.yaml\n');
    fs.writeFileSync(path.join(dir, 'codebook.yaml'), 'themes:\n  - id: workforce\n    codes:\n      - id: locum-cover\n');
    fs.mkdirSync(path.join(dir, 'in'));
    fs.writeFileSync(path.join(dir, 'in', 'SH01.txt'), 'Interviewer: How often does the cluster meet?\nSH01: Every six weeks, in the community hospital.\n');
    fs.writeFileSync(path.join(dir, 'in', 'SH02 second visit.srt'), '1\n00:01:05,000 --> 00:01:07,000\nInterviewer: And the agenda?\n\n2\n00:01:07,500 --> 00:01:09,000\nSH02: Prescribing data,\n\n3\n00:01:09,000 --> 00:01:10,000\nmostly.\n');
  });
  afterEach(() => {
    removeTemp(temp);
    temp = undefined;
  });

  it('writes one document per transcript, says where, and the corpus validates clean', async () => {
    const io = memoryIo(dir);
    const status = await runImportDocs(['in/SH01.txt', 'in/SH02 second visit.srt', '--into', 'transcripts', '--wave', '2021', '--attribute', 'role=GP', '--attribute', 'board=NHS Highland', '--timestamps', 'keep'], io);
    assert.equal(status, 0, io.stderr);
    assert.equal(io.stderr, '');
    assert.equal(io.stdout, [
      `wrote ${path.join('transcripts', '2021', 'SH01.md')} (case SH01, wave 2021) from ${path.join('in', 'SH01.txt')}`,
      `wrote ${path.join('transcripts', '2021', 'SH02-second-visit.md')} (case SH02-second-visit, wave 2021) from ${path.join('in', 'SH02 second visit.srt')}`,
      'imported 2 transcripts into transcripts',
      '',
    ].join('\n'));
    assert.equal(fs.readFileSync(path.join(dir, 'transcripts', '2021', 'SH02-second-visit.md'), 'utf8'),
      '---\ncase: SH02-second-visit\nwave: "2021"\nrole: GP\nboard: NHS Highland\n---\nInterviewer: [00:01:05] And the agenda?\n\nSH02: [00:01:07] Prescribing data, mostly.\n');
    const v = memoryIo(dir);
    assert.equal(await validateCommand.run(['--root', dir], v), 0);
    assert.equal(v.stdout, '2 documents, 1 codes: no problems\n');
    assert.equal(v.stderr, '');
  });

  it('refuses with exit 2, lists every clash, and writes nothing when a target exists', async () => {
    fs.mkdirSync(path.join(dir, 'transcripts'));
    fs.writeFileSync(path.join(dir, 'transcripts', 'SH01.md'), '---\ncase: SH01\n---\nAlready coded.\n');
    const before = listFiles(dir);
    const io = memoryIo(dir);
    const status = await runImportDocs(['in/SH01.txt', 'in/SH02 second visit.srt', '--into', 'transcripts'], io);
    assert.equal(status, 2);
    assert.equal(io.stdout, '');
    assert.equal(io.stderr, `${path.join('transcripts', 'SH01.md')}:1:1: error: is already there; QualFrame never overwrites a document: move it away, or import SH01.txt into another folder\nnothing was written\n`);
    assert.deepEqual(listFiles(dir), before);
    assert.equal(fs.readFileSync(path.join(dir, 'transcripts', 'SH01.md'), 'utf8'), '---\ncase: SH01\n---\nAlready coded.\n');
  });

  it('reports transcripts it cannot read at their place, exit 2, nothing written', async () => {
    fs.writeFileSync(path.join(dir, 'in', 'P1.doc'), 'old word');
    const io = memoryIo(dir);
    assert.equal(await runImportDocs(['in/SH01.txt', 'in/P1.doc', 'in/missing.vtt', '--into', 'transcripts'], io), 2);
    assert.deepEqual(io.stderr.split('\n'), [
      `${path.join('in', 'P1.doc')}:1:1: error: .doc files cannot be imported: save it as .docx (Word: File > Save As > Word Document); QualFrame imports .docx, .txt, .md, .vtt and .srt`,
      `${path.join('in', 'missing.vtt')}:1:1: error: no such file`,
      'nothing was written',
      '',
    ]);
    assert.equal(fs.existsSync(path.join(dir, 'transcripts')), false);
  });

  it('--dry-run lists the documents and writes nothing', async () => {
    const io = memoryIo(dir);
    assert.equal(await runImportDocs(['in/SH01.txt', '--into', 'transcripts', '--dry-run'], io), 0);
    assert.equal(io.stdout, `would write ${path.join('transcripts', 'SH01.md')} (case SH01) from ${path.join('in', 'SH01.txt')}\n1 document would be written; nothing was written (--dry-run)\n`);
    assert.equal(fs.existsSync(path.join(dir, 'transcripts')), false);
  });

  it('says when the documents land outside the corpus’s documents patterns, or outside any corpus', async () => {
    const io = memoryIo(dir);
    assert.equal(await runImportDocs(['in/SH01.txt', '--into', 'elsewhere'], io), 0);
    assert.equal(io.stderr, `1 document not matched by "documents" in qualframe.yaml, so not read as part of the corpus: ${path.join('elsewhere', 'SH01.md')}\n`);
    const outside = makeTemp();
    try {
      const io2 = memoryIo(outside);
      assert.equal(await runImportDocs([path.join(dir, 'in', 'SH01.txt'), '--into', 'study'], io2), 0);
      assert.match(io2.stderr, /^no qualframe\.yaml at or above study: run qualframe init/);
    } finally {
      removeTemp(outside);
    }
  });

  it('refuses bad arguments with exit 2 and the usage line', async () => {
    const usageLine = importDocsUsage.split('\n')[0];
    const cases: [string[], RegExp][] = [
      [['in/SH01.txt'], /--into DIR is required/],
      [['--into', 'transcripts'], /name the transcripts/],
      [['in/SH01.txt', '--into', 't', '--timestamps', 'sometimes'], /--timestamps sometimes: choose drop or keep/],
      [['in/SH01.txt', '--into', 't', '--attribute', 'role'], /write it as KEY=VALUE/],
      [['in/SH01.txt', '--into', 't', '--attribute', 'role=GP', '--attribute', 'role=Nurse'], /--attribute role is given twice/],
      [['in/SH01.txt', '--into', 't', '--attribute', 'wave=2016'], /--wave/],
      [['in/SH01.txt', '--into', 't', '--wave', ''], /wave must be one line/],
      [['in/SH01.txt', '--into', 't', '--bogus'], /bogus/],
      [['in/SH01.txt', '--into', '../t', '--root', '.'], /is not under the corpus root/],
    ];
    for (const [args, message] of cases) {
      const io = memoryIo(dir);
      assert.equal(await runImportDocs(args, io), 2, args.join(' '));
      assert.match(io.stderr, message);
      assert.ok(io.stderr.startsWith('qualframe import docs: ') && io.stderr.endsWith(`${usageLine}\n`), io.stderr);
    }
    assert.deepEqual(fs.readdirSync(dir).sort(), ['codebook.yaml', 'in', 'qualframe.yaml']);
  });

  it('prints its usage with --help', async () => {
    const io = memoryIo(dir);
    assert.equal(await runImportDocs(['--help'], io), 0);
    assert.equal(io.stdout, `${importDocsUsage}\n`);
    assert.match(importDocsUsage, /^Usage: qualframe import docs FILES\.\.\. --into DIR/);
  });
});
