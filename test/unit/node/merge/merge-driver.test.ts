import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { newAnnotationEntry } from '../../../../src/core/coding/new-annotation';
import { parseCorpusDocument } from '../../../../src/core/corpus/document';
import { loadCorpus } from '../../../../src/core/corpus/load-corpus';
import { addAnnotation, recodeAnnotation } from '../../../../src/core/frontmatter/edit-front-matter';
import { attributePatterns } from '../../../../src/core/merge/git-attributes';
import { installMergeDriver, runMergeDriver } from '../../../../src/node/merge/merge-driver';
import { NodeCorpusFiles } from '../../../../src/node/node-corpus-files';

const REPO = path.resolve(__dirname, '../../../..');
const RUNNER = path.join(__dirname, 'run-cli.ts');
const TSX_CJS = require.resolve('tsx/cjs');
const sq = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
/** How git starts the driver in these tests: the TypeScript command through tsx, no build needed. */
const DRIVER_COMMAND = `${sq(process.execPath)} -r ${sq(TSX_CJS)} ${sq(RUNNER)}`;

const DOC = 'study/transcripts/2016/P1.md';

function git(cwd: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' } });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
function gitOk(cwd: string, ...args: string[]): string {
  const r = git(cwd, ...args);
  assert.equal(r.status, 0, `git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

/** One coder's new annotation on `quote` of the document's body. */
function codeQuote(text: string, id: string, code: string, quote: string, by: string): string {
  const doc = parseCorpusDocument(DOC, text).document!;
  const start = doc.body.indexOf(quote);
  assert.notEqual(start, -1, quote);
  return addAnnotation(text, newAnnotationEntry(doc.body, { start, quote }, { id, code, by }));
}

describe('the merge driver in a git repository', function () {
  this.timeout(60000);
  let dir: string;
  let file: string;
  const read = () => fs.readFileSync(file, 'utf8');
  const write = (text: string) => fs.writeFileSync(file, text);
  const commitAll = (message: string) => {
    gitOk(dir, 'add', '-A');
    gitOk(dir, 'commit', '-q', '-m', message);
  };
  /** Two branches from main, each changed by its own coder and committed. */
  const branches = (a: (text: string) => string, b: (text: string) => string) => {
    gitOk(dir, 'checkout', '-q', '-b', 'coder-a', 'main');
    write(a(read()));
    commitAll('coder a');
    gitOk(dir, 'checkout', '-q', '-b', 'coder-b', 'main');
    write(b(read()));
    commitAll('coder b');
    gitOk(dir, 'checkout', '-q', 'coder-a');
  };
  const install = async () => {
    const { patterns } = attributePatterns('study', ['transcripts/**/*.md']);
    await installMergeDriver(dir, patterns, { command: DRIVER_COMMAND });
    commitAll('merge driver');
  };

  beforeEach(() => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'qf-merge-')));
    fs.cpSync(path.join(REPO, 'sample-workspace'), path.join(dir, 'study'), { recursive: true });
    file = path.join(dir, DOC);
    gitOk(dir, 'init', '-q', '-b', 'main');
    gitOk(dir, 'config', '--local', 'user.name', 'Test Coder');
    gitOk(dir, 'config', '--local', 'user.email', 'coder@example.org');
    gitOk(dir, 'config', '--local', 'commit.gpgsign', 'false');
    commitAll('corpus');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  // Both quotes lie between the annotations ec82 and ad15: the same gap of the list.
  const codeA = (t: string) => codeQuote(t, 'a1b2', 'quality-improvement', 'look at their own data and decide what actually matters locally', 'am');
  const codeB = (t: string) => codeQuote(t, 'b3c4', 'role-clarity', 'it turned quality into a box-ticking exercise', 'rk');

  it('two coders coding the same gap conflict in plain git, and merge cleanly and completely with the driver', async () => {
    branches(codeA, codeB);
    const plain = git(dir, 'merge', '--no-edit', 'coder-b');
    assert.notEqual(plain.status, 0, 'without the driver git reports a conflict');
    assert.match(plain.stdout, /CONFLICT \(content\): Merge conflict in study\/transcripts\/2016\/P1\.md/);
    assert.match(read(), /^<<<<<<< /m);
    gitOk(dir, 'merge', '--abort');

    await install();
    const merged = git(dir, 'merge', '--no-edit', 'coder-b');
    assert.equal(merged.status, 0, merged.stdout + merged.stderr);
    assert.doesNotMatch(read(), /^(<<<<<<<|=======|>>>>>>>)/m);
    const loaded = await loadCorpus(new NodeCorpusFiles(path.join(dir, 'study')));
    assert.deepEqual(loaded.problems, []);
    const doc = loaded.corpus.documents.find((d) => d.path === 'transcripts/2016/P1.md')!;
    assert.deepEqual(doc.annotations.map((a) => a.id), ['ec82', 'b3c4', 'a1b2', 'ad15', '84df', 'b519', '2190']);
    assert.equal(gitOk(dir, 'status', '--porcelain'), '');
  });

  it('merges a body edit on one branch with coding on the other, and body edits with coding on both', async () => {
    await install();
    const editEarly = (t: string) => t.replace('Could you start by describing your role?', 'Could you start by describing your current role?');
    const editLate = (t: string) => t.replace('before that I was in health workforce policy', 'before that I worked in health workforce policy');
    branches(editEarly, codeB);
    let merged = git(dir, 'merge', '--no-edit', 'coder-b');
    assert.equal(merged.status, 0, merged.stdout + merged.stderr);
    assert.match(read(), /describing your current role\?/);
    assert.match(read(), /id: b3c4/);
    assert.deepEqual((await loadCorpus(new NodeCorpusFiles(path.join(dir, 'study')))).problems, []);

    gitOk(dir, 'checkout', '-q', 'main');
    gitOk(dir, 'branch', '-q', '-D', 'coder-a', 'coder-b');
    branches((t) => codeA(editEarly(t)), (t) => codeB(editLate(t)));
    merged = git(dir, 'merge', '--no-edit', 'coder-b');
    assert.equal(merged.status, 0, merged.stdout + merged.stderr);
    const text = read();
    assert.match(text, /describing your current role\?/);
    assert.match(text, /before that I worked in health workforce policy/);
    const loaded = await loadCorpus(new NodeCorpusFiles(path.join(dir, 'study')));
    assert.deepEqual(loaded.problems.filter((p) => p.severity === 'error'), []);
    const doc = loaded.corpus.documents.find((d) => d.path === 'transcripts/2016/P1.md')!;
    assert.ok(['a1b2', 'b3c4'].every((id) => doc.annotations.some((a) => a.id === id && a.anchored)));
  });

  it('leaves one located conflict, around the annotation both coders changed, and exits non-zero', async () => {
    await install();
    branches((t) => codeA(recodeAnnotation(t, 'ad15', 'purpose')), (t) => recodeAnnotation(codeB(t), 'ad15', 'accountability'));
    const merged = git(dir, 'merge', '--no-edit', 'coder-b');
    assert.notEqual(merged.status, 0);
    assert.match(merged.stderr + merged.stdout, /study\/transcripts\/2016\/P1\.md:\d+:1: error: annotation "ad15" was changed differently on both branches \(code\)/);
    const text = read();
    assert.equal(text.match(/^<<<<<<< /gm)!.length, 1);
    const lines = text.split('\n');
    const open = lines.findIndex((l) => l.startsWith('<<<<<<< ours (annotation ad15 '));
    assert.deepEqual([lines[open + 1], lines[open + 2]], ['  - id: ad15', '    code: purpose']);
    assert.ok(text.includes('id: a1b2') && text.includes('id: b3c4'), 'the rest is merged');
    assert.match(gitOk(dir, 'status', '--porcelain'), /^UU study\/transcripts\/2016\/P1\.md$/m);
    const problems = parseCorpusDocument(DOC, text).problems;
    assert.equal(problems[0].rule, 'merge-conflict');
    assert.equal(problems[0].line, open + 1, 'at the marker line');
  });
});

describe('runMergeDriver on files', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qf-driver-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  const files = (base: string | Buffer, ours: string | Buffer, theirs: string | Buffer) => {
    const f = { base: path.join(dir, 'O'), ours: path.join(dir, 'A'), theirs: path.join(dir, 'B') };
    fs.writeFileSync(f.base, base);
    fs.writeFileSync(f.ours, ours);
    fs.writeFileSync(f.theirs, theirs);
    return f;
  };
  const body = 'R2: We met every second week, and that kept the group together.\n';
  const doc = (codes: string) => `\ufeff---\r\ncase: R2\r\n${codes}---\r\n${body.replace(/\n/g, '\r\n')}`;
  const e = (id: string, quote: string) => `  - id: ${id}\r\n    code: meetings\r\n    start: ${body.indexOf(quote)}\r\n    quote: "${quote}"\r\n`;

  it('writes the merge into OURS, keeping its BOM and CRLF line endings, and leaves no temporary file', async () => {
    const f = files(doc('codes:\r\n'), doc(`codes:\r\n${e('c1', 'every second week')}`), doc(`codes:\r\n${e('c2', 'kept the group together')}`));
    const result = await runMergeDriver(f, { path: 'R2.md', cwd: dir });
    assert.deepEqual(result.conflicts, []);
    assert.equal(fs.readFileSync(f.ours, 'utf8'), doc(`codes:\r\n${e('c1', 'every second week')}${e('c2', 'kept the group together')}`));
    assert.deepEqual(fs.readdirSync(dir).sort(), ['A', 'B', 'O']);
  });

  it('merges a file that is not UTF-8 as text with git merge-file, keeping every line', async () => {
    const latin1 = (s: string) => Buffer.from(s, 'latin1');
    const f = files(latin1('caf\xe9\nline 2\nline 3\n'), latin1('caf\xe9 au lait\nline 2\nline 3\n'), latin1('caf\xe9\nline 2\nline 3 and more\n'));
    const result = await runMergeDriver(f, { path: 'notes.md', cwd: dir });
    assert.equal(result.method, 'text');
    assert.deepEqual(result.conflicts, []);
    assert.deepEqual(fs.readFileSync(f.ours), latin1('caf\xe9 au lait\nline 2\nline 3 and more\n'));
  });

  it('merges bodies changed on both sides with git merge-file and reports a body conflict where they collide', async () => {
    const text = (line1: string, codes = '') => `---\ncase: R2\n${codes}---\n${line1}\n\nR2: unchanged middle.\n\nR2: last line.\n`;
    const coded = 'codes:\n  - id: c9\n    code: meetings\n    start: 20\n    quote: "unchanged middle"\n';
    const f = files(text('R2: first line.'), text('R2: first line, said ours.'), text('R2: first line, said theirs.', coded));
    const result = await runMergeDriver(f, { path: 'R2.md', cwd: dir });
    assert.equal(result.method, 'annotations');
    assert.equal(result.conflicts.length, 1);
    assert.equal(result.conflicts[0].kind, 'body');
    const merged = fs.readFileSync(f.ours, 'utf8');
    assert.match(merged, /id: c9/);
    assert.equal(merged.split('\n')[result.conflicts[0].line - 1], '<<<<<<< ours');
    assert.match(merged, /^<<<<<<< ours\nR2: first line, said ours\.\n=======\nR2: first line, said theirs\.\n>>>>>>> theirs\n/m);
  });
});

describe('installing the merge driver', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'qf-install-')));
    gitOk(dir, 'init', '-q');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes .gitattributes and the repository’s config once; running it again changes nothing', async () => {
    fs.writeFileSync(path.join(dir, '.gitattributes'), '*.png binary');
    const patterns = attributePatterns('my study', ['transcripts/{2016,2021}/*.md']).patterns;
    const first = await installMergeDriver(dir, patterns);
    assert.deepEqual(first.added, ['"my study/transcripts/2016/*.md" merge=qualframe', '"my study/transcripts/2021/*.md" merge=qualframe']);
    assert.deepEqual(first.config.map((c) => c.state), ['set', 'set']);
    const attributes = fs.readFileSync(path.join(dir, '.gitattributes'), 'utf8');
    assert.equal(attributes, `*.png binary\n\n# QualFrame: merge coded documents by annotation id (qualframe install-merge-driver)\n${first.added.join('\n')}\n`);
    assert.equal(gitOk(dir, 'config', '--local', '--get', 'merge.qualframe.driver').trim(), 'qualframe merge-driver %O %A %B %P');
    assert.equal(gitOk(dir, 'config', '--local', '--get', 'merge.qualframe.name').trim(), 'QualFrame annotation merge');
    fs.mkdirSync(path.join(dir, 'my study', 'transcripts', '2021'), { recursive: true });
    assert.match(gitOk(dir, 'check-attr', 'merge', '--', 'my study/transcripts/2021/P3.md'), /merge: qualframe$/m);

    const again = await installMergeDriver(dir, patterns);
    assert.deepEqual(again.added, []);
    assert.deepEqual(again.kept, first.added);
    assert.deepEqual(again.config.map((c) => c.state), ['kept', 'kept']);
    assert.equal(fs.readFileSync(path.join(dir, '.gitattributes'), 'utf8'), attributes);
  });
});
