// Helpers for the CLI tests: run the real `bin/qualframe.js` in a child process, and make,
// copy, hash and remove temporary folders. The build must exist (`node scripts/build.mjs`).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const REPO = path.resolve(__dirname, '../../..');
export const BIN = path.join(REPO, 'bin', 'qualframe.js');
export const FIXTURES = path.join(REPO, 'test', 'fixtures');
export const SAMPLE = path.join(REPO, 'sample-workspace');

export interface CliResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `qualframe ...args` with the given working folder (default: the repository). */
export function run(args: readonly string[], cwd: string = REPO): CliResult {
  if (!fs.existsSync(path.join(REPO, 'dist', 'cli.js'))) {
    throw new Error('dist/cli.js is missing: run "node scripts/build.mjs" before the CLI tests');
  }
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8' });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A new empty temporary folder (its real path, so it compares with what the child sees as cwd). */
export function makeTemp(): string {
  return fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'qf-')));
}

/** A temporary copy of `src`, as `<temp>/<basename of src>`; remove the returned `temp`. */
export function copyToTemp(src: string): { temp: string; root: string } {
  const temp = makeTemp();
  const root = path.join(temp, path.basename(src));
  fs.cpSync(src, root, { recursive: true });
  return { temp, root };
}

export function removeTemp(dir: string | undefined): void {
  if (dir !== undefined) fs.rmSync(dir, { recursive: true, force: true });
}

/** Every file under `dir` (POSIX, relative), sorted. */
export function listFiles(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

/** Relative path → sha256 of every file under `dir`. */
export function hashTree(dir: string): Record<string, string> {
  const hashes: Record<string, string> = {};
  for (const f of listFiles(dir)) hashes[f] = createHash('sha256').update(fs.readFileSync(path.join(dir, f))).digest('hex');
  return hashes;
}

/** The non-empty lines of a text. */
export function lines(text: string): string[] {
  return text.split(/\r?\n/).filter((l) => l !== '');
}
