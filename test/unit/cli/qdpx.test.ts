import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EXPORT_QDPX_USAGE, IMPORT_QDPX_USAGE, runExportQdpx, runImportQdpx } from '../../../src/cli/qdpx';
import type { CliIo } from '../../../src/cli/io';
import { clusterStudyFiles } from '../support/cluster-study';
import { archive, minimalProject, SOURCE_GUID } from '../support/qdpx-archives';
import { hashTree, listFiles, makeTemp, removeTemp, SAMPLE } from './run-cli';

/** A CliIo that keeps what is printed. */
function testIo(cwd: string): CliIo & { stdout: string; stderr: string } {
  const io = {
    cwd,
    stdout: '',
    stderr: '',
    out(text: string) {
      io.stdout += text;
    },
    err(text: string) {
      io.stderr += text;
    },
  };
  return io;
}

describe('qualframe export qdpx / import qdpx (run functions)', () => {
  let temp: string;
  beforeEach(() => {
    temp = makeTemp();
  });
  afterEach(() => removeTemp(temp));

  it('print their usage with --help (exit 0) and refuse missing arguments with the usage line (exit 2)', async () => {
    let io = testIo(temp);
    assert.equal(await runExportQdpx(['--help'], io), 0);
    assert.equal(io.stdout, `${EXPORT_QDPX_USAGE}\n`);
    io = testIo(temp);
    assert.equal(await runImportQdpx(['-h'], io), 0);
    assert.match(io.stdout, /^Usage: qualframe import qdpx FILE --into DIR/);
    io = testIo(temp);
    assert.equal(await runExportQdpx(['--root', SAMPLE], io), 2);
    assert.equal(io.stderr, `qualframe export qdpx: --out FILE is required\n${EXPORT_QDPX_USAGE.split('\n')[0]}\n`);
    io = testIo(temp);
    assert.equal(await runImportQdpx(['study.qdpx'], io), 2);
    assert.equal(io.stderr, `qualframe import qdpx: --into DIR is required: the folder of the new corpus\n${IMPORT_QDPX_USAGE.split('\n')[0]}\n`);
    io = testIo(temp);
    assert.equal(await runImportQdpx(['--into', 'x', '--bogus'], io), 2);
    assert.match(io.stderr, /--bogus/);
  });

  it('export the sample study (exit 0), import it into a new folder (exit 0), and refuse a second import there (exit 1, nothing written)', async () => {
    let io = testIo(temp);
    assert.equal(await runExportQdpx(['--out', 'study.qdpx', '--root', SAMPLE], io), 0, io.stderr);
    assert.match(io.stderr, new RegExp(`^wrote ${path.join(temp, 'study.qdpx').replace(/[.\\]/g, '\\$&')}: 13 documents, 12 cases, 27 codes, 67 annotations\n$`));
    io = testIo(temp);
    assert.equal(await runImportQdpx(['study.qdpx', '--into', 'again'], io), 0, io.stderr);
    assert.match(io.stdout, /^imported study\.qdpx into .*again: 13 documents, 12 cases, 27 codes, 67 annotations \(15 files written\)\n$/);
    assert.equal(io.stderr, '');
    assert.ok(listFiles(path.join(temp, 'again')).includes('transcripts/2021/SH06-notes.md'));

    const before = hashTree(path.join(temp, 'again'));
    io = testIo(temp);
    assert.equal(await runImportQdpx(['study.qdpx', '--into', 'again'], io), 1);
    assert.match(io.stderr, /^qualframe import qdpx: .*again already has 15 files the import would write: qualframe\.yaml, codebook\.yaml, transcripts\/2016\/P1\.md, .*; nothing was written/);
    assert.deepEqual(hashTree(path.join(temp, 'again')), before);
  });

  it('export a corpus with an orphan: warns which annotation was left out, and exits 1 for the corpus error', async () => {
    const root = path.join(temp, 'clusters');
    for (const [file, text] of Object.entries(clusterStudyFiles())) {
      fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      fs.writeFileSync(path.join(root, file), text);
    }
    const io = testIo(root);
    assert.equal(await runExportQdpx(['--out', '../clusters.qdpx'], io), 1);
    assert.match(io.stderr, /^interviews\/2017\/PQL07\.md: warning: annotation "b8e7" \(facilitation\) is orphaned: its text is not in the document any more; left out of the export\n/m);
    assert.match(io.stderr, /^1 error in the corpus; run qualframe validate to see it$/m);
    assert.ok(fs.existsSync(path.join(temp, 'clusters.qdpx')));
  });

  it('refuse a hostile archive with a located message (exit 2) and write nothing', async () => {
    fs.writeFileSync(path.join(temp, 'bad.qdpx'), archive({
      'project.qde': minimalProject(SOURCE_GUID, { prolog: '<!DOCTYPE Project [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n', name: '&x;' }),
      [`Sources/${SOURCE_GUID}.txt`]: 'Hello\n',
    }));
    const io = testIo(temp);
    assert.equal(await runImportQdpx(['bad.qdpx', '--into', 'corpus'], io), 2);
    assert.match(io.stderr, /^qualframe import qdpx: bad\.qdpx: project\.qde:2:1: a DOCTYPE declaration is not allowed .*; nothing was written\n/);
    assert.deepEqual(listFiles(temp), ['bad.qdpx']);
    assert.equal(await runImportQdpx(['missing.qdpx', '--into', 'corpus'], testIo(temp)), 2);
  });
});
