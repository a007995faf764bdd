import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { diffCommand } from '../../../src/cli/diff';
import { EXIT_CANNOT_RUN, UsageError, type CliIo } from '../../../src/cli/io';
import { makeTempRepo, type TempRepo } from '../node/git/temp-repo';
import { makeTemp, removeTemp, SAMPLE } from './run-cli';

interface Result {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `qualframe diff ...args` in-process, turning usage errors into exit 2 as the CLI's dispatcher does. */
async function runDiff(args: readonly string[], cwd: string): Promise<Result> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { cwd, out: (t) => (stdout += t), err: (t) => (stderr += t) };
  try {
    const status = await diffCommand.run([...args], io);
    return { status, stdout, stderr };
  } catch (e) {
    const parseError = typeof (e as { code?: unknown }).code === 'string' && (e as { code: string }).code.startsWith('ERR_PARSE_ARGS');
    if (!(e instanceof UsageError) && !parseError) throw e;
    return { status: EXIT_CANNOT_RUN, stdout, stderr: stderr + `qualframe diff: ${(e as Error).message}\n` };
  }
}

interface JsonChange {
  kind: string;
  file: string;
  id: string;
  code: string;
  quote: string;
  fromCode?: string;
  [key: string]: unknown;
}

interface JsonDiff {
  from: string;
  to: string;
  fromCommit: string | null;
  toCommit: string | null;
  counts: Record<string, number>;
  changes: JsonChange[];
  uncomparedFiles: string[];
}

const P1 = 'transcripts/2016/P1.md';
const NEW_QUOTE = "We're trusting the profession to lead its own improvement";

/** Offset of `quote` in the body of a document's text (after the closing `---` line). */
function bodyOffset(text: string, quote: string): number {
  const body = text.slice(text.indexOf('\n---\n', 4) + 5);
  const at = body.indexOf(quote);
  assert.ok(at >= 0, quote);
  return at;
}

describe('qualframe diff', function () {
  this.timeout(30000);
  let repo: TempRepo;
  let root: string;
  let first: string;
  let second: string;

  const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');
  const write = (file: string, text: string) => fs.writeFileSync(path.join(root, file), text);
  const edit = (file: string, from: string | RegExp, to: string) => {
    const text = read(file);
    const next = text.replace(from, to);
    assert.notEqual(next, text, `edit of ${file} changed nothing`);
    write(file, next);
  };

  before(() => {
    repo = makeTempRepo();
    root = path.join(repo.dir, 'study');
    fs.cpSync(SAMPLE, root, { recursive: true });
    first = repo.commit('the sample study');
    // The second commit: in P1, a paragraph inserted at the top of the body (stored starts
    // left as they were: every annotation relocates, none moves), 84df recoded, b519 removed,
    // one annotation added, the leadership summary rewritten; a code renamed in the codebook.
    edit(P1, '\n---\nInterviewer: Thanks for agreeing', '\n---\nInterviewer: (Recording started late; the first minute is paraphrased.)\n\nInterviewer: Thanks for agreeing');
    edit(P1, /(  - id: 84df\n    code: )protected-time/, '$1funding');
    edit(P1, /  - id: b519\n(    .*\n)+?(?=  - id: 2190)/, '');
    const text = read(P1);
    edit(P1, '\nsummaries:\n', `\n  - {id: e1a7, code: autonomy, start: ${bodyOffset(text, NEW_QUOTE)}, quote: "${NEW_QUOTE}"}\nsummaries:\n`);
    edit(P1, /  leadership: Expected protected time.*\n/, '  leadership: Expected funded protected time for leads, and feared backfill would decide whether it happened.\n');
    edit('codebook.yaml', 'name: Protected time\n', 'name: Protected time for cluster work\n');
    second = repo.commit('coding of P1 revised');
  });

  after(() => repo?.dispose());

  afterEach(() => {
    // Each test starts from a clean working tree.
    repo.git('checkout', '-q', '--', '.');
  });

  it('--json: the changes between two commits, in the contract shape, exit 1', async () => {
    const r = await runDiff(['HEAD~1', 'HEAD', '--root', root, '--json'], repo.dir);
    assert.equal(r.stderr, '');
    assert.equal(r.status, 1);
    const json = JSON.parse(r.stdout) as JsonDiff;
    assert.equal(json.from, 'HEAD~1');
    assert.equal(json.to, 'HEAD');
    assert.equal(json.fromCommit, first);
    assert.equal(json.toCommit, second);
    assert.deepEqual(json.uncomparedFiles, []);
    for (const c of json.changes) {
      for (const key of ['kind', 'file', 'id', 'code', 'quote']) assert.ok(key in c, `${key} in ${JSON.stringify(c)}`);
    }
    assert.deepEqual(json.changes.map((c) => [c.kind, c.file, c.id, c.code, c.fromCode ?? null]), [
      ['codebook', 'codebook.yaml', 'protected-time', 'protected-time', null],
      ['recoded', P1, '84df', 'funding', 'protected-time'],
      ['removed', P1, 'b519', 'accountability', null],
      ['added', P1, 'e1a7', 'autonomy', null],
      ['summary', P1, 'leadership', 'leadership', null],
    ]);
    const [renamed, recoded, removed, added, summary] = json.changes;
    assert.equal(renamed.change, 'renamed');
    assert.equal(renamed.fromName, 'Protected time');
    assert.equal(renamed.name, 'Protected time for cluster work');
    assert.match(recoded.quote, /^If there isn't a locum to cover the surgery/);
    assert.match(removed.quote, /^somebody will eventually ask who is responsible/);
    assert.equal(added.quote, NEW_QUOTE);
    assert.equal(summary.change, 'changed');
    assert.equal(summary.case, 'P1');
    assert.match(String(summary.fromText), /^Expected protected time for leads to be funded/);
    assert.match(String(summary.text), /^Expected funded protected time/);
    assert.deepEqual(json.counts, { added: 1, removed: 1, recoded: 1, moved: 0, reworded: 0, summary: 1, codebook: 1 });
  });

  it('text: a block per file, a line per change, then the counts', async () => {
    const r = await runDiff(['HEAD~1', 'HEAD', '--root', root], repo.dir);
    assert.equal(r.status, 1);
    assert.equal(r.stderr, '');
    const lines = r.stdout.split('\n');
    assert.equal(lines[0], `Coding changes from HEAD~1 (${first.slice(0, 7)}) to HEAD (${second.slice(0, 7)})`);
    assert.deepEqual(lines.slice(1, 4), ['', 'codebook.yaml', '  ~ code protected-time renamed "Protected time" -> "Protected time for cluster work"']);
    assert.equal(lines[5], P1);
    assert.match(lines[6], /^ {2}~ \[funding\] 84df line \d+ recoded protected-time -> funding "If there isn't a locum to cover the surgery, the protected…"$/);
    assert.match(lines[7], /^ {2}- \[accountability\] b519 line \d+ "somebody will eventually ask who is responsible when a clus…"$/);
    assert.match(lines[8], /^ {2}\+ \[autonomy\] e1a7 line \d+ "We're trusting the profession to lead its own improvement"$/);
    assert.match(lines[9], /^ {2}~ summary P1 \/ leadership: "Expected protected time for leads to be funded, but warned…" -> "Expected funded protected time for leads, and feared backfi…"$/);
    assert.deepEqual(lines.slice(10), ['', '5 changes: 1 added, 1 removed, 1 recoded, 1 summary, 1 codebook', '']);
    // The same revisions give the same bytes.
    assert.equal((await runDiff(['HEAD~1', 'HEAD', '--root', root], repo.dir)).stdout, r.stdout);
  });

  it('no changes: exit 0, an empty list', async () => {
    const json = await runDiff(['HEAD', 'main', '--root', root, '--json'], repo.dir);
    assert.equal(json.status, 0);
    assert.deepEqual((JSON.parse(json.stdout) as JsonDiff).changes, []);
    const text = await runDiff([second, '--root', root], root);
    assert.equal(text.status, 0);
    assert.equal(text.stdout, `Coding changes from ${second} (${second.slice(0, 7)}) to working tree\nno coding changes\n`);
  });

  it('REF_B defaults to the working tree, uncommitted edits included', async () => {
    edit(P1, /(  - id: ec82\n    code: )quality-improvement/, '$1shared-learning');
    const r = await runDiff(['HEAD', '--json'], root);
    assert.equal(r.status, 1);
    const json = JSON.parse(r.stdout) as JsonDiff;
    assert.equal(json.to, 'working tree');
    assert.equal(json.toCommit, null);
    assert.deepEqual(json.changes.map((c) => [c.kind, c.id, c.code, c.fromCode]), [['recoded', 'ec82', 'shared-learning', 'quality-improvement']]);
    const both = JSON.parse((await runDiff([first, '--json', '--root', root], repo.dir)).stdout) as JsonDiff;
    assert.equal(both.changes.length, 6);
  });

  it('an annotation re-anchored into another passage is a move', async () => {
    // 84df pointed at words of P1's last answer instead.
    const text = read(P1);
    const later = bodyOffset(text, "a spreadsheet didn't move");
    edit(P1, /(  - id: 84df\n    code: funding\n    start: )\d+\n    quote: .*\n    prefix: .*\n    suffix: .*\n/, `$1${later}\n    quote: "a spreadsheet didn't move"\n`);
    const json = JSON.parse((await runDiff(['HEAD', '--json', '--root', root], repo.dir)).stdout) as JsonDiff;
    assert.deepEqual(json.changes.map((c) => c.kind).sort(), ['moved', 'reworded']);
  });

  it('a ref that is not a commit: exit 2, naming it', async () => {
    for (const args of [['no-such-branch'], ['HEAD', 'v9.9'], ['HEAD^{tree}']]) {
      const r = await runDiff([...args, '--root', root], repo.dir);
      assert.equal(r.status, 2, args.join(' '));
      assert.equal(r.stdout, '');
      const bad = args.length === 2 ? args[1] : args[0];
      assert.match(r.stderr, new RegExp(`"${bad.replace(/[\^{}]/g, '\\$&')}" is not a commit, branch or tag`));
    }
  });

  it('bad arguments and a corpus outside git: exit 2', async () => {
    assert.equal((await runDiff(['--root', root], repo.dir)).status, 2);
    assert.match((await runDiff(['--root', root], repo.dir)).stderr, /give REF_A/);
    assert.equal((await runDiff(['a', 'b', 'c', '--root', root], repo.dir)).status, 2);
    assert.equal((await runDiff(['HEAD', '--format', 'csv', '--root', root], repo.dir)).status, 2);
    const lone = makeTemp();
    try {
      fs.cpSync(SAMPLE, lone, { recursive: true });
      const r = await runDiff(['HEAD', '--root', lone], lone);
      assert.equal(r.status, 2);
      assert.match(r.stderr, /not inside a git repository/);
    } finally {
      removeTemp(lone);
    }
  });

  it('warns when the codebook of a revision has errors', async () => {
    write('codebook.yaml', 'themes: [\n');
    const r = await runDiff(['HEAD', '--json'], root);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /^codebook\.yaml: warning: the codebook has errors at working tree/);
  });

  it('warns when a revision had no corpus yet', async () => {
    const empty = makeTempRepo();
    try {
      empty.write('README.txt', 'before the study');
      empty.commit('empty');
      fs.cpSync(SAMPLE, path.join(empty.dir, 'study'), { recursive: true });
      const r = await runDiff(['HEAD', '--json', '--root', path.join(empty.dir, 'study')], empty.dir);
      assert.equal(r.status, 1);
      assert.match(r.stderr, /no codebook and no documents at HEAD/);
      const json = JSON.parse(r.stdout) as JsonDiff;
      assert.ok(json.counts.added > 50);
      assert.equal(json.counts.removed, 0);
    } finally {
      empty.dispose();
    }
  });
});
