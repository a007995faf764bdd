import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { loadCorpus } from '../../../src/core/corpus/load-corpus';
import { findCorpusRoot } from '../../../src/node/find-root';
import { NodeCorpusFiles } from '../../../src/node/node-corpus-files';

const good = path.resolve(__dirname, '../../fixtures/good');

describe('NodeCorpusFiles', () => {
  it('lists the fixture corpus in path order, sizes included', async () => {
    const files = new NodeCorpusFiles(good);
    const entries = await files.list(['**/*.md'], ['**/README.md', 'memos/**']);
    assert.deepEqual(entries.map((e) => e.path), [
      'interviews/A1-notes.md', 'interviews/A1.md', 'interviews/B2-2016.md', 'interviews/B2-2021.md', 'interviews/C3.md', 'interviews/nested/other.md',
    ]);
    assert.ok(entries.every((e) => e.size > 0 && e.mtimeMs > 0));
  });

  it('loads the fixture corpus: CRLF + BOM, astral characters, a two-document case, a panel case', async () => {
    const { corpus, problems } = await loadCorpus(new NodeCorpusFiles(good));
    assert.deepEqual(problems, []);
    assert.deepEqual(corpus.files, ['interviews/A1-notes.md', 'interviews/A1.md', 'interviews/B2-2016.md', 'interviews/B2-2021.md', 'interviews/C3.md']);
    assert.deepEqual(corpus.cases.map((c) => [c.id, c.documents.length]), [['A1', 2], ['B2', 2], ['C3', 1]]);
    const c3 = corpus.documents.find((d) => d.path === 'interviews/C3.md')!;
    assert.equal(c3.annotations[0].anchored, true);
    assert.equal(c3.body.includes('\r'), false);
    const a1 = corpus.documents.find((d) => d.path === 'interviews/A1.md')!;
    assert.equal(a1.body.slice(a1.annotations[0].start).startsWith('We had no analyst support at all'), true);
  });

  describe('on a scratch folder', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(path.join(tmpdir(), 'qf-node-'));
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('does not follow symbolic links out of the corpus', async () => {
      const outside = mkdtempSync(path.join(tmpdir(), 'qf-outside-'));
      try {
        writeFileSync(path.join(outside, 'secret.md'), 'private');
        mkdirSync(path.join(dir, 'docs'));
        writeFileSync(path.join(dir, 'docs', 'real.md'), 'text');
        symlinkSync(outside, path.join(dir, 'docs', 'linked'));
        symlinkSync(path.join(outside, 'secret.md'), path.join(dir, 'docs', 'secret.md'));
        const entries = await new NodeCorpusFiles(dir).list(['**/*.md'], []);
        assert.deepEqual(entries.map((e) => e.path), ['docs/real.md']);
      } finally {
        rmSync(outside, { recursive: true, force: true });
      }
    });

    it('refuses a path that leaves the root', async () => {
      const files = new NodeCorpusFiles(dir);
      await assert.rejects(files.read('../etc/passwd'), /outside the corpus root/);
      assert.equal(await files.stat('missing.yaml'), undefined);
    });

    it('finds the corpus root upward, else keeps the starting folder', () => {
      mkdirSync(path.join(dir, 'study', 'transcripts', '2016'), { recursive: true });
      writeFileSync(path.join(dir, 'study', 'qualframe.yaml'), '');
      assert.equal(findCorpusRoot(path.join(dir, 'study', 'transcripts', '2016')), path.join(dir, 'study'));
      assert.equal(findCorpusRoot(dir), dir);
    });
  });
});
