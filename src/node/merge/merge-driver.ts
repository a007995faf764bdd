/**
 * QualFrame's git merge driver at run time, and its installation in a repository. Git runs the
 * driver with the three versions of a document in temporary files (`%O` base, `%A` ours, `%B`
 * theirs); the merged document replaces `%A`, and the exit status says whether conflicts remain.
 */
import { execFile } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { driverCommand, MERGE_DRIVER, MERGE_DRIVER_NAME, updateGitattributes } from '../../core/merge/git-attributes';
import { mergeDocumentAsync, type MergeConflict, type TextMerge } from '../../core/merge/merge-document';
import { decodeText } from '../../core/text/decode';
import { positionAt } from '../../core/text/positions';
import { writeFileAtomic } from '../atomic-write';
import { gitEnvironment, GitError, runGit } from '../git/git';

export interface MergeDriverFiles {
  /** `%O`: the common ancestor. */
  readonly base: string;
  /** `%A`: ours; the merged result is written here. */
  readonly ours: string;
  /** `%B`: theirs. */
  readonly theirs: string;
}

export interface MergeDriverResult {
  readonly conflicts: readonly MergeConflict[];
  readonly notes: readonly string[];
  /** `annotations`: merged by id; `text`: the whole file by `git merge-file`, for `fallbackReason`. */
  readonly method: 'annotations' | 'text';
  readonly fallbackReason?: string;
}

export interface MergeDriverOptions {
  /** The document's path in the repository (git's `%P`), for messages; default: OURS's file name. */
  readonly path?: string;
  /** Where `git merge-file` runs (it reads the repository's `merge.conflictStyle`); default: the current folder. */
  readonly cwd?: string;
}

/**
 * Merges BASE, OURS and THEIRS of one document into OURS. Bodies changed on both sides, and
 * whole files that cannot be merged by annotation id (not UTF-8 text, front matter that does
 * not read), are merged by `git merge-file`, so no text is ever lost. OURS's BOM is kept.
 */
export async function runMergeDriver(files: MergeDriverFiles, options: MergeDriverOptions = {}): Promise<MergeDriverResult> {
  const cwd = options.cwd ?? process.cwd();
  const label = options.path ?? path.basename(files.ours);
  const [baseBytes, oursBytes, theirsBytes] = await Promise.all([readFile(files.base), readFile(files.ours), readFile(files.theirs)]);
  const [base, ours, theirs] = [baseBytes, oursBytes, theirsBytes].map(decodeText);

  const asText = async (reason: string): Promise<MergeDriverResult> => {
    const merged = await gitMergeFile(cwd, path.resolve(files.ours), path.resolve(files.base), path.resolve(files.theirs));
    await writeIfChanged(files.ours, merged.output, oursBytes);
    const text = new TextDecoder('utf-8').decode(merged.output);
    const conflicts: MergeConflict[] = [];
    for (const m of text.matchAll(/^<{7}(?: |\r?$)/gm)) {
      conflicts.push({ path: label, ...positionAt(text, m.index), kind: 'text', message: `merged as text (${reason}): resolve the conflict markers` });
    }
    if (merged.conflicts > 0 && conflicts.length === 0) conflicts.push({ path: label, line: 1, column: 1, kind: 'text', message: `merged as text (${reason}) with conflicts` });
    return { conflicts, notes: [], method: 'text', fallbackReason: reason };
  };

  if (!base.ok) return asText(`base is not UTF-8 text: ${base.message}`);
  if (!ours.ok) return asText(`ours is not UTF-8 text: ${ours.message}`);
  if (!theirs.ok) return asText(`theirs is not UTF-8 text: ${theirs.message}`);
  let merged;
  try {
    merged = await mergeDocumentAsync(base.text, ours.text, theirs.text, { path: label, mergeText: (b, o, t) => mergeTexts(cwd, b, o, t) });
  } catch (e) {
    if (e instanceof GitError) throw e;
    // Whatever went wrong in the merge by id, git's text merge still keeps every line.
    return asText(`could not merge by annotation id: ${(e as Error).message}`);
  }
  const output = new TextEncoder().encode((ours.bom ? '\ufeff' : '') + merged.text);
  await writeIfChanged(files.ours, output, oursBytes);
  return { conflicts: merged.conflicts, notes: merged.notes, method: merged.method, ...(merged.fallbackReason !== undefined ? { fallbackReason: merged.fallbackReason } : {}) };
}

async function writeIfChanged(file: string, data: Uint8Array, before: Uint8Array): Promise<void> {
  if (Buffer.compare(Buffer.from(data), Buffer.from(before)) === 0) return;
  await writeFileAtomic(file, data, before);
}

/** Three texts merged by `git merge-file` in a temporary folder that is removed afterwards. */
async function mergeTexts(cwd: string, base: string, ours: string, theirs: string): Promise<TextMerge> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'qualframe-merge-'));
  try {
    const [b, o, t] = ['base', 'ours', 'theirs'].map((name) => path.join(dir, name));
    await Promise.all([writeFile(b, base, 'utf8'), writeFile(o, ours, 'utf8'), writeFile(t, theirs, 'utf8')]);
    const merged = await gitMergeFile(cwd, o, b, t);
    return { text: new TextDecoder('utf-8').decode(merged.output), conflicted: merged.conflicts > 0 };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * `git merge-file -p` (no shell): the merged bytes and the number of conflicts. Its exit status
 * is that number, so a non-zero status with output is a result, not a failure.
 */
function gitMergeFile(cwd: string, ours: string, base: string, theirs: string): Promise<{ output: Buffer; conflicts: number }> {
  const args = ['merge-file', '-p', '-L', 'ours', '-L', 'base', '-L', 'theirs', ours, base, theirs];
  return new Promise((resolve, reject) => {
    execFile('git', args, { cwd, encoding: 'buffer', maxBuffer: 256 * 1024 * 1024, windowsHide: true, env: gitEnvironment() }, (error, stdout, stderr) => {
      if (!error) return resolve({ output: stdout, conflicts: 0 });
      const code = (error as NodeJS.ErrnoException & { code?: unknown }).code;
      if (code === 'ENOENT') return reject(new GitError('git is not installed or not on the PATH'));
      if (typeof code === 'number' && code > 0 && code < 128) return resolve({ output: stdout, conflicts: code });
      reject(new GitError(`git merge-file failed: ${(stderr.toString('utf8') || error.message).trim()}`, stderr.toString('utf8')));
    });
  });
}

// ---------------------------------------------------------------------------------------

export interface InstallMergeDriverOptions {
  /** How git starts QualFrame (default `qualframe`, which must then be on the PATH). */
  readonly command?: string;
}

export interface InstallMergeDriverResult {
  /** The `.gitattributes` file. */
  readonly gitattributes: string;
  /** Its driver lines: written now, or there already. */
  readonly added: readonly string[];
  readonly kept: readonly string[];
  /** The repository's config entries: `set` now, or `kept` (already had that value). */
  readonly config: readonly { readonly key: string; readonly value: string; readonly state: 'set' | 'kept' }[];
}

/**
 * Hands `patterns` (gitattributes patterns relative to `repoDir`) to the driver: a line
 * `PATTERN merge=qualframe` for each in the repository's top `.gitattributes` (added only when
 * missing), and the driver in the repository's own config (never the user's global one).
 * Running it again changes nothing.
 */
export async function installMergeDriver(repoDir: string, patterns: readonly string[], options: InstallMergeDriverOptions = {}): Promise<InstallMergeDriverResult> {
  const file = path.join(repoDir, '.gitattributes');
  let before: Buffer | undefined;
  try {
    before = await readFile(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  const decoded = before ? decodeText(before) : { ok: true as const, text: '', bom: false };
  if (!decoded.ok) throw new Error(`${file}: ${decoded.message}`);
  const update = updateGitattributes(decoded.text, patterns);
  if (update.added.length > 0) {
    await writeFileAtomic(file, new TextEncoder().encode((decoded.bom ? '\ufeff' : '') + update.text), before);
  }
  const wanted: [string, string][] = [
    [`merge.${MERGE_DRIVER}.name`, MERGE_DRIVER_NAME],
    [`merge.${MERGE_DRIVER}.driver`, driverCommand(options.command ?? 'qualframe')],
  ];
  const config: { key: string; value: string; state: 'set' | 'kept' }[] = [];
  for (const [key, value] of wanted) {
    const current = await runGit(repoDir, ['config', '--local', '--get', key]).then((v) => v.replace(/\r?\n$/, ''), () => undefined);
    if (current === value) config.push({ key, value, state: 'kept' });
    else {
      await runGit(repoDir, ['config', '--local', key, value]);
      config.push({ key, value, state: 'set' });
    }
  }
  return { gitattributes: file, added: update.added, kept: update.kept, config };
}

/** Whether `name` is a program on the PATH (git finds the driver there). */
export function isOnPath(name: string, env: NodeJS.ProcessEnv = process.env): boolean {
  const extensions = process.platform === 'win32' ? (env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';') : [''];
  return (env.PATH ?? '').split(path.delimiter).some((dir) =>
    dir !== '' && extensions.some((ext) => {
      const candidate = path.join(dir, name + ext);
      return existsSync(candidate) && statSync(candidate).isFile();
    }),
  );
}
