import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ChangedOnDiskError, writeFileAtomic } from '../../../src/node/atomic-write';
import { editDocumentFile } from '../../../src/node/document-writer';

describe('writing files without losing anyone’s text', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'qf-write-'));
    file = path.join(dir, 'P3.md');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('replaces the file and leaves no temporary file behind', async () => {
    writeFileSync(file, 'old');
    await writeFileAtomic(file, Buffer.from('new'), Buffer.from('old'));
    assert.equal(readFileSync(file, 'utf8'), 'new');
    assert.deepEqual(readdirSync(dir), ['P3.md']);
  });

  it('refuses to overwrite a file changed on disk since it was read, and keeps the other version', async () => {
    writeFileSync(file, 'what I read');
    writeFileSync(file, 'what a teammate pulled meanwhile');
    await assert.rejects(writeFileAtomic(file, Buffer.from('my edit'), Buffer.from('what I read')), ChangedOnDiskError);
    assert.equal(readFileSync(file, 'utf8'), 'what a teammate pulled meanwhile');
    assert.deepEqual(readdirSync(dir), ['P3.md']);
  });

  it('refuses when the file was deleted meanwhile', async () => {
    await assert.rejects(writeFileAtomic(file, Buffer.from('x'), Buffer.from('was here')), /changed on disk/);
  });

  it('keeps the file’s permissions', async () => {
    writeFileSync(file, 'a');
    chmodSync(file, 0o600);
    await writeFileAtomic(file, Buffer.from('b'));
    assert.equal(statSync(file).mode & 0o777, 0o600);
  });

  it('edits a document keeping its BOM, and does not touch it when nothing changes', async () => {
    writeFileSync(file, '\ufeff---\r\ncase: P3\r\n---\r\nBody\r\n');
    const before = statSync(file).mtimeMs;
    const same = await editDocumentFile(file, (t) => t);
    assert.equal(same.written, false);
    assert.equal(statSync(file).mtimeMs, before);
    await editDocumentFile(file, (t) => t.replace('P3', 'P4'));
    assert.equal(readFileSync(file, 'utf8'), '\ufeff---\r\ncase: P4\r\n---\r\nBody\r\n');
  });

  it('refuses to edit a file that is not UTF-8, writing nothing', async () => {
    writeFileSync(file, Buffer.from([0x63, 0x61, 0x66, 0xe9]));
    await assert.rejects(editDocumentFile(file, (t) => t + 'x'), /not UTF-8/);
    assert.deepEqual([...readFileSync(file)], [0x63, 0x61, 0x66, 0xe9]);
  });
});
