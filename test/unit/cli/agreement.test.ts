import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { agreementCommand } from '../../../src/cli/agreement';
import { UsageError, type CliIo } from '../../../src/cli/io';
import { copyToTemp, removeTemp, SAMPLE } from './run-cli';

/** A CliIo that keeps what a command prints. */
function memoryIo(cwd: string): CliIo & { stdout: string; stderr: string } {
  const io = { cwd, stdout: '', stderr: '', out: (t: string) => { io.stdout += t; }, err: (t: string) => { io.stderr += t; } };
  return io;
}

/** Runs `qualframe agreement ...args` in this process, turning refusals into exit 2 as main.ts does. */
async function agreement(args: readonly string[], cwd: string): Promise<{ status: number; stdout: string; stderr: string }> {
  const io = memoryIo(cwd);
  let status: number;
  try {
    status = await agreementCommand.run([...args], io);
  } catch (e) {
    const parseError = typeof (e as { code?: unknown }).code === 'string' && (e as { code: string }).code.startsWith('ERR_PARSE_ARGS');
    if (!(e instanceof UsageError) && !parseError) throw e;
    io.err(`qualframe agreement: ${(e as Error).message}\n`);
    status = 2;
  }
  return { status, stdout: io.stdout, stderr: io.stderr };
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' } });
}

/** Replaces exactly one occurrence of `from` in a file. */
function edit(file: string, from: string, to: string): void {
  const text = fs.readFileSync(file, 'utf8');
  assert.equal(text.split(from).length, 2, `${from} occurs once in ${file}`);
  fs.writeFileSync(file, text.replace(from, to));
}

interface JsonCode {
  code: string;
  agreement: number;
  kappa: number;
  alpha: number;
  aChars: number;
  bChars: number;
  bothChars: number;
  totalChars: number;
}

// The sample study in a repository of its own: `main` as committed, then two coders' branches.
// coder-a cut the role-clarity quote of P1 short; coder-b recoded P1's protected-time segment
// as funding, edited P2's body and added a document.
const P1 = 'transcripts/2016/P1.md';
const ROLE_FULL = "if people can't say in one sentence what their cluster is for, they'll fill the gap with whatever worries them most";
const ROLE_SHORT = "if people can't say in one sentence what their cluster is for";
const RECODED = 'If there isn\'t a locum to cover the surgery, the protected time will quietly get eaten by clinical work';

describe('qualframe agreement', function () {
  this.timeout(30000);
  let temp: string | undefined;
  let root: string;

  before(() => {
    ({ temp, root } = copyToTemp(SAMPLE));
    git(root, 'init', '--quiet', '--initial-branch=main');
    git(root, 'config', 'user.name', 'Agreement Test');
    git(root, 'config', 'user.email', 'agreement-test@example.invalid');
    git(root, 'config', 'commit.gpgsign', 'false');
    git(root, 'add', '-A');
    git(root, 'commit', '--quiet', '-m', 'sample study');

    git(root, 'checkout', '--quiet', '-b', 'coder-a');
    edit(path.join(root, P1), `quote: "${ROLE_FULL}"`, `quote: "${ROLE_SHORT}"`);
    git(root, 'commit', '--quiet', '-am', 'coder A: role clarity narrower');

    git(root, 'checkout', '--quiet', 'main');
    git(root, 'checkout', '--quiet', '-b', 'coder-b');
    edit(path.join(root, P1), '    code: protected-time\n', '    code: funding\n');
    fs.appendFileSync(path.join(root, 'transcripts/2016/P2.md'), '\nInterviewer: Thank you, that is everything I wanted to ask.\n');
    fs.writeFileSync(path.join(root, 'transcripts/2021/SH07.md'), '---\ncase: SH07\nwave: "2021"\n---\nInterviewer: How did the cluster change after the pandemic?\n\nSH07: It met online, and more people came.\n');
    git(root, 'add', '-A');
    git(root, 'commit', '--quiet', '-m', 'coder B: recode, P2 ending, SH07');
    git(root, 'checkout', '--quiet', 'main');
  });
  after(() => removeTemp(temp));

  it('--json: per code and overall, excluded documents listed, the coders\' differences counted', async () => {
    const r = await agreement(['coder-a', 'coder-b', '--json'], root);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stderr, '');
    const json = JSON.parse(r.stdout);
    assert.equal(json.unit, 'character');
    assert.deepEqual(json.excludedDocuments, ['transcripts/2016/P2.md', 'transcripts/2021/SH07.md']);
    assert.deepEqual(json.excluded.map((e: { reason: string }) => e.reason), ['body-differs', 'only-in-b']);
    assert.deepEqual(Object.keys(json.overall).slice(0, 3), ['agreement', 'kappa', 'alpha']);
    assert.equal(json.a.ref, 'coder-a');
    assert.match(json.a.commit, /^[0-9a-f]{40}$/);
    assert.equal(json.b.label, 'coder-b');

    const codes = new Map<string, JsonCode>(json.codes.map((c: JsonCode) => [c.code, c]));
    for (const c of codes.values()) {
      for (const key of ['code', 'agreement', 'kappa', 'alpha', 'aChars', 'bChars', 'bothChars']) assert.ok(key in c, `${c.code} has ${key}`);
    }
    const total = codes.get('role-clarity')!.totalChars;
    assert.ok([...codes.values()].every((c) => c.totalChars === total), 'every code counts the same characters');

    const role = codes.get('role-clarity')!;
    assert.equal(role.bChars - role.aChars, ROLE_FULL.length - ROLE_SHORT.length);
    assert.equal(role.bothChars, role.aChars);
    assert.ok(Math.abs(role.agreement - (1 - (ROLE_FULL.length - ROLE_SHORT.length) / total)) < 1e-12);
    assert.ok(role.kappa > 0 && role.kappa < 1);

    const protectedTime = codes.get('protected-time')!;
    assert.equal(protectedTime.aChars - protectedTime.bChars, RECODED.length);
    assert.equal(protectedTime.bothChars, protectedTime.bChars);
    const funding = codes.get('funding')!;
    assert.equal(funding.bChars - funding.aChars, RECODED.length);
    assert.equal(funding.bothChars, funding.aChars);

    for (const c of codes.values()) {
      if (['role-clarity', 'protected-time', 'funding'].includes(c.code)) continue;
      assert.deepEqual([c.code, c.agreement, c.kappa, c.alpha], [c.code, 1, 1, 1]);
    }
    assert.ok(json.overall.kappa > 0.9 && json.overall.kappa < 1);

    const disagreements = json.disagreements.map((d: { file: string; code: string; onlyA: { text: string }[]; onlyB: { text: string }[] }) => [d.file, d.code, d.onlyA.map((x) => x.text), d.onlyB.map((x) => x.text)]);
    assert.deepEqual(disagreements, [
      [P1, 'role-clarity', [], [ROLE_FULL.slice(ROLE_SHORT.length)]],
      [P1, 'protected-time', [RECODED], []],
      [P1, 'funding', [], [RECODED]],
    ]);
  });

  it('--coded-only counts fewer characters and lowers agreement', async () => {
    const all = JSON.parse((await agreement(['coder-a', 'coder-b', '--json'], root)).stdout);
    const coded = JSON.parse((await agreement(['coder-a', 'coder-b', '--json', '--coded-only'], root)).stdout);
    assert.equal(coded.codedOnly, true);
    assert.ok(coded.overall.totalChars < all.overall.totalChars / 5);
    assert.ok(coded.overall.agreement < all.overall.agreement);
  });

  it('text output: a table per code with overall, and the documents left out', async () => {
    const r = await agreement(['coder-a', 'coder-b'], path.join(root, 'transcripts'));
    assert.equal(r.status, 0, r.stderr);
    const lines = r.stdout.split('\n');
    assert.match(lines[0], /^Intercoder agreement by character: A = coder-a \([0-9a-f]{12}\), B = coder-b \([0-9a-f]{12}\)$/);
    assert.equal(lines[1], '12 documents compared, counting every character of each body');
    assert.match(r.stdout, /^code +agreement +kappa +alpha +A chars +B chars +both$/m);
    assert.match(r.stdout, /^role-clarity +0\.\d{3} +0\.\d{3} +0\.\d{3} +\d+ +\d+ +\d+$/m);
    assert.match(r.stdout, /^quality-improvement +1\.000 +1\.000 +1\.000 /m);
    // Nearly every character agrees: shown as just short of 1, not rounded up to 1.000.
    assert.match(r.stdout, /^overall +>0\.999 +0\.\d{3} +0\.\d{3} +\d+ +\d+ +\d+$/m);
    assert.match(r.stdout, /Left out \(2 documents\):\n {2}transcripts\/2016\/P2\.md {2}\(the bodies differ\)\n {2}transcripts\/2021\/SH07\.md {2}\(only in B\)\n$/);
  });

  it('--min-kappa: exit 1 naming each code below it, exit 0 when all reach it', async () => {
    const strict = await agreement(['coder-a', 'coder-b', '--min-kappa', '0.99', '--json'], root);
    assert.equal(strict.status, 1);
    const json = JSON.parse(strict.stdout);
    assert.equal(json.minKappa, 0.99);
    assert.deepEqual(json.belowMinKappa.filter((c: string) => c !== 'overall'), ['role-clarity', 'protected-time', 'funding'].filter((c) => json.codes.some((x: JsonCode) => x.code === c && x.kappa < 0.99)));
    assert.match(strict.stderr, /^kappa below 0\.99: .*role-clarity 0\.\d{3}/m);
    const lenient = await agreement(['coder-a', 'coder-b', '--min-kappa', '0.2'], root);
    assert.equal(lenient.status, 0, lenient.stderr);
    assert.equal(lenient.stderr, '');
    const same = await agreement(['main', 'main', '--min-kappa', '1'], root);
    assert.equal(same.status, 0, same.stderr);
  });

  it('a ref that is not a commit: exit 2, naming it', async () => {
    const r = await agreement(['coder-a', 'no-such-branch', '--json'], root);
    assert.equal(r.status, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /"no-such-branch" is not a commit, branch or tag/);
    const option = await agreement(['coder-a', '--output=/tmp/x'], root);
    assert.equal(option.status, 2);
  });

  it('refuses bad arguments with exit 2', async () => {
    for (const args of [['coder-a'], ['a', 'b', 'c'], ['coder-a', 'coder-b', '--min-kappa', '2'], ['coder-a', 'coder-b', '--min-kappa', 'high'], ['--by', 'am'], ['--by', 'am,am'], ['coder-a', 'coder-b', '--all-documents']]) {
      const r = await agreement(args, root);
      assert.equal(r.status, 2, args.join(' '));
      assert.equal(r.stdout, '');
    }
  });

  it('outside a git repository: exit 2', async () => {
    const { temp: other, root: plain } = copyToTemp(SAMPLE);
    try {
      const r = await agreement(['main', 'main', '--root', plain], other);
      assert.equal(r.status, 2);
      assert.match(r.stderr, /not inside a git repository|not a git repository/);
    } finally {
      removeTemp(other);
    }
  });

  describe('--by: two coders in one revision', () => {
    before(() => {
      // A second coder (rk) codes part of the passage am coded in P1, in the working tree.
      const file = path.join(root, P1);
      edit(file, '    by: am\n  - id: ad15\n', '    by: am\n  - id: rk01\n    code: quality-improvement\n    start: 834\n    quote: "we want clusters to be the place where practices take ownership"\n    by: rk\n  - id: ad15\n');
    });
    after(() => git(root, 'checkout', '--quiet', '--', P1));

    it('compares the documents both coded, in the working tree by default', async () => {
      const r = await agreement(['--by', 'am,rk', '--json'], root);
      assert.equal(r.status, 0, r.stderr);
      const json = JSON.parse(r.stdout);
      assert.deepEqual(json.documents.map((d: { file: string }) => d.file), [P1, 'transcripts/2021/SH03.md']);
      assert.equal(json.a.coder, 'am');
      assert.equal(json.b.coder, 'rk');
      assert.equal(json.a.ref, null);
      const qi = json.codes.find((c: JsonCode) => c.code === 'quality-improvement');
      assert.equal(qi.bothChars, 'we want clusters to be the place where practices take ownership'.length);
      assert.ok(json.excludedDocuments.includes('transcripts/2016/P2.md'));
    });

    it('reads a revision when one is given (main has no rk coding in P1)', async () => {
      const json = JSON.parse((await agreement(['--by', 'am,rk', 'main', '--json'], root)).stdout);
      assert.deepEqual(json.documents.map((d: { file: string }) => d.file), ['transcripts/2021/SH03.md']);
      assert.equal(json.a.ref, 'main');
    });

    it('names the coders found when one asked for has no annotation', async () => {
      const r = await agreement(['--by', 'am,zz'], root);
      assert.equal(r.status, 2);
      assert.match(r.stderr, /no annotation in working tree is by "zz"; coders found: am, rk/);
    });
  });
});
