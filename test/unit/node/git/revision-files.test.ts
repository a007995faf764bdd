import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ALWAYS_IGNORED } from '../../../../src/core/corpus/config';
import { loadCorpus } from '../../../../src/core/corpus/load-corpus';
import { GitError } from '../../../../src/node/git/git';
import { loadCorpusAt, WORKING_TREE_LABEL } from '../../../../src/node/git/revision-corpus';
import { GitRevisionFiles } from '../../../../src/node/git/revision-files';
import { NodeCorpusFiles } from '../../../../src/node/node-corpus-files';
import { makeTempRepo, type TempRepo } from './temp-repo';

const CODEBOOK = `themes:
  - id: staffing
    name: Staffing the practice
    codes:
      - id: locum-cover
        name: Locum cover
`;

function transcript(caseId: string, said: string, coded = ''): string {
  return `---
case: ${caseId}
wave: "2019"
${coded}---
Interviewer: What changed this year?

${caseId}: ${said}
`;
}

describe('GitRevisionFiles', function () {
  this.timeout(20000);
  let repo: TempRepo;
  let first: string;
  let second: string;
  const opened: GitRevisionFiles[] = [];
  const open = (commit: string, folder = 'study [2019]') => {
    const files = new GitRevisionFiles(repo.dir, commit, path.join(repo.dir, folder));
    opened.push(files);
    return files;
  };

  before(() => {
    repo = makeTempRepo();
    // A corpus in a folder whose name is a glob pattern, beside files that are not its own.
    repo.write('outside.md', transcript('X1', 'Not part of the study.'));
    repo.write('study [2019]/qualframe.yaml', 'documents: ["**/*.md"]\n');
    repo.write('study [2019]/codebook.yaml', CODEBOOK);
    repo.write('study [2019]/interviews/R1.md', transcript('R1', 'We could not find locum cover for the winter.'));
    repo.write('study [2019]/interviews/R2.md', transcript('R2', 'Cover was easier once the hub opened.').replace(/\n/g, '\r\n'));
    repo.write('study [2019]/interviews/run.md', '#!/bin/sh\n');
    fs.chmodSync(path.join(repo.dir, 'study [2019]/interviews/run.md'), 0o755);
    repo.write('study [2019]/interviews/.draft.md', 'a dot file');
    repo.write('study [2019]/.hidden/R9.md', 'in a dot folder');
    repo.write('study [2019]/memos/journal.md', 'memo');
    repo.write('study [2019]/README.md', 'readme');
    repo.write('study [2019]/empty.md', '');
    repo.write('study [2019]/bytes.bin', new Uint8Array([0, 255, 10, 13, 10, 1]));
    fs.symlinkSync('interviews/R1.md', path.join(repo.dir, 'study [2019]/link.md'));
    first = repo.commit('first');
    repo.write('study [2019]/interviews/R1.md', transcript('R1', 'Locum cover is settled now.'));
    repo.remove('study [2019]/interviews/R2.md');
    repo.write('study [2019]/interviews/R3.md', transcript('R3', 'New this year.'));
    second = repo.commit('second');
    // The working tree moves on, uncommitted: the revisions must not see it.
    repo.write('study [2019]/interviews/R1.md', transcript('R1', 'Uncommitted words.'));
  });

  after(() => {
    for (const f of opened) f.dispose();
    repo.dispose();
  });

  it('lists the regular files of the commit, relative to the corpus folder, as fast-glob would', async () => {
    const files = open(first);
    const listed = await files.list(['**/*.md'], ALWAYS_IGNORED);
    assert.deepEqual(listed.map((e) => e.path), ['empty.md', 'interviews/R1.md', 'interviews/R2.md', 'interviews/run.md']);
    assert.ok(listed.every((e) => e.mtimeMs === 0));
    const r2 = listed.find((e) => e.path === 'interviews/R2.md')!;
    assert.equal(r2.size, Buffer.byteLength(transcript('R2', 'Cover was easier once the hub opened.').replace(/\n/g, '\r\n')));
    assert.equal(listed.find((e) => e.path === 'empty.md')!.size, 0);
  });

  it('matches the patterns and ignore lists as NodeCorpusFiles does on the same tree', async () => {
    const dir = path.join(repo.dir, 'study [2019]');
    repo.git('stash', '-q');
    try {
      repo.git('checkout', '-q', first);
      for (const [patterns, ignore] of [
        [['**/*.md'], ALWAYS_IGNORED],
        [['interviews/*.md', '*.bin'], []],
        [['**/*'], ['interviews/**']],
        [['**/R{1,2}.md'], []],
      ] as const) {
        const fromGit = (await open(first).list(patterns, ignore)).map((e) => [e.path, e.size]);
        const fromDisk = (await new NodeCorpusFiles(dir).list(patterns, ignore)).map((e) => [e.path, e.size]);
        assert.deepEqual(fromGit, fromDisk, `patterns ${patterns.join(', ')}`);
      }
    } finally {
      repo.git('checkout', '-q', 'main');
      repo.git('stash', 'pop', '-q');
    }
  });

  it('leaves out symbolic links and files outside the corpus folder', async () => {
    const files = open(first);
    assert.equal(await files.stat('link.md'), undefined);
    assert.equal(await files.stat('../outside.md'), undefined);
    assert.deepEqual((await files.list(['*.md'], [])).map((e) => e.path), ['README.md', 'empty.md']);
  });

  it('stats a file of the commit; a missing one is undefined', async () => {
    const files = open(second);
    assert.deepEqual(await files.stat('codebook.yaml'), { path: 'codebook.yaml', size: Buffer.byteLength(CODEBOOK), mtimeMs: 0 });
    assert.deepEqual(await files.stat('./interviews/R3.md'), { path: 'interviews/R3.md', size: Buffer.byteLength(transcript('R3', 'New this year.')), mtimeMs: 0 });
    assert.equal(await files.stat('interviews/R2.md'), undefined);
    assert.equal(await files.stat('interviews'), undefined);
  });

  it('reads the bytes of each revision exactly, many reads at once answered in order', async () => {
    const old = open(first);
    const now = open(second);
    const names = ['interviews/R1.md', 'interviews/R2.md', 'bytes.bin', 'empty.md', 'codebook.yaml', 'interviews/run.md'];
    const many = await Promise.all([...names, ...names, ...names].map((n) => old.read(n)));
    for (const [i, bytes] of many.entries()) {
      const name = names[i % names.length];
      const expected = repo.git('show', `${first}:study [2019]/${name}`);
      if (name === 'bytes.bin') assert.deepEqual([...bytes], [0, 255, 10, 13, 10, 1]);
      else assert.equal(new TextDecoder().decode(bytes).trimEnd(), expected, name);
    }
    assert.match(new TextDecoder().decode(await old.read('interviews/R1.md')), /winter/);
    assert.match(new TextDecoder().decode(await now.read('interviews/R1.md')), /settled now/);
    assert.equal((await old.read('empty.md')).length, 0);
  });

  it('refuses to read a file the commit does not have', async () => {
    const files = open(second);
    await assert.rejects(files.read('interviews/R2.md'), (e: NodeJS.ErrnoException) => e.code === 'ENOENT' && /interviews\/R2\.md/.test(e.message));
    await assert.rejects(files.read('link.md'), /link\.md/);
  });

  it('ends its git cat-file child on dispose; later reads fail clearly', async () => {
    const files = new GitRevisionFiles(repo.dir, second, path.join(repo.dir, 'study [2019]'));
    await files.read('codebook.yaml');
    files.dispose();
    files.dispose();
    await assert.rejects(files.read('codebook.yaml'), /closed/);
  });

  it('refuses a commit that could be read as an option', () => {
    assert.throws(() => new GitRevisionFiles(repo.dir, '--output=x', repo.dir), GitError);
  });

  it('refuses a corpus folder outside the repository', () => {
    assert.throws(() => new GitRevisionFiles(repo.dir, second, path.dirname(repo.dir)), /not inside the repository/);
  });

  it('serves a corpus at the top of the repository too', async () => {
    const files = open(first, '');
    const listed = await files.list(['*.md'], []);
    assert.deepEqual(listed.map((e) => e.path), ['outside.md']);
  });

  it('loads the corpus of a revision with the same loader as the working tree', async () => {
    const files = open(first);
    const { corpus, problems } = await loadCorpus(files);
    assert.deepEqual(corpus.files, ['empty.md', 'interviews/R1.md', 'interviews/R2.md', 'interviews/run.md']);
    assert.deepEqual(corpus.codebook.themes.map((t) => t.id), ['staffing']);
    const r2 = corpus.documents.find((d) => d.path === 'interviews/R2.md')!;
    assert.equal(r2.caseId, 'R2');
    assert.equal(r2.body.includes('\r'), false);
    assert.ok(problems.every((p) => p.severity !== 'error' || p.file !== 'interviews/R1.md'));
  });
});

describe('loadCorpusAt', function () {
  this.timeout(20000);
  let repo: TempRepo;
  let root: string;

  before(() => {
    repo = makeTempRepo();
    root = path.join(repo.dir, 'corpus');
    repo.write('corpus/qualframe.yaml', 'documents: ["transcripts/*.md"]\n');
    repo.write('corpus/codebook.yaml', CODEBOOK);
    repo.write('corpus/transcripts/R1.md', transcript('R1', 'First words.'));
    repo.commit('one');
    repo.git('tag', '-a', 'v1', '-m', 'annotated tag');
    repo.git('branch', 'coder-b');
    repo.write('corpus/transcripts/R2.md', transcript('R2', 'Second words.'));
    repo.commit('two');
    repo.write('corpus/transcripts/R3.md', transcript('R3', 'Not committed.'));
  });

  after(() => repo.dispose());

  it('reads the working tree when no ref is given', async () => {
    const at = await loadCorpusAt(root, undefined);
    assert.equal(at.label, WORKING_TREE_LABEL);
    assert.equal(at.commit, undefined);
    assert.deepEqual(at.loaded.corpus.files, ['transcripts/R1.md', 'transcripts/R2.md', 'transcripts/R3.md']);
  });

  it('reads a branch, a tag (annotated) and a relative ref, keeping the label as typed', async () => {
    const head = await loadCorpusAt(root, 'HEAD');
    assert.deepEqual(head.loaded.corpus.files, ['transcripts/R1.md', 'transcripts/R2.md']);
    assert.equal(head.commit, repo.git('rev-parse', 'HEAD'));
    for (const ref of ['v1', 'coder-b', 'HEAD~1', 'main~1']) {
      const at = await loadCorpusAt(root, ref);
      assert.equal(at.label, ref);
      assert.equal(at.commit, repo.git('rev-parse', 'HEAD~1'));
      assert.deepEqual(at.loaded.corpus.files, ['transcripts/R1.md'], ref);
      assert.deepEqual(at.loaded.problems, [], ref);
    }
  });

  it('refuses a ref that is not a commit, naming it', async () => {
    for (const ref of ['no-such-branch', 'HEAD^{tree}', '--upload-pack=touch x', 'HEAD:corpus/codebook.yaml']) {
      await assert.rejects(loadCorpusAt(root, ref), (e: Error) => e instanceof GitError && e.message.includes(`"${ref}"`), ref);
    }
  });

  it('refuses a folder outside any repository', async () => {
    const lone = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'qf-lone-')));
    try {
      await assert.rejects(loadCorpusAt(lone, 'HEAD'), /not inside a git repository/);
    } finally {
      fs.rmSync(lone, { recursive: true, force: true });
    }
  });
});
