/**
 * Git, run as a program: `execFile('git', args)` with no shell, so nothing in a ref, a path or
 * a message is ever read by a shell; every ref a person typed is verified as a commit before use
 * (`rev-parse --verify --end-of-options REF^{commit}`), so a ref can never be read as an option.
 */
import { execFile, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

/** Git failed, or was asked for something that is not there; `message` says what in words. */
export class GitError extends Error {
  constructor(
    message: string,
    readonly stderr = '',
  ) {
    super(message);
    this.name = 'GitError';
  }
}

export interface GitOptions {
  /** Bytes of output accepted (default 256 MB: a corpus file list or a large transcript). */
  readonly maxBuffer?: number;
  /** Written to git's standard input. */
  readonly input?: string;
  /** Extra environment (merged over the process's). */
  readonly env?: Readonly<Record<string, string>>;
}

/** Runs `git ARGS` in `cwd`; resolves with its standard output, rejects with a {@link GitError}. */
export function runGit(cwd: string, args: readonly string[], options: GitOptions = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      'git',
      [...args],
      {
        cwd,
        encoding: 'utf8',
        maxBuffer: options.maxBuffer ?? 256 * 1024 * 1024,
        windowsHide: true,
        env: gitEnvironment(options.env),
      },
      (error, stdout, stderr) => {
        if (!error) return resolve(stdout);
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') return reject(new GitError('git is not installed or not on the PATH'));
        reject(new GitError(`git ${args[0]} failed: ${(stderr || error.message).trim()}`, stderr));
      },
    );
    if (options.input !== undefined) child.stdin?.end(options.input);
  });
}

/** The environment git runs in: no pager, no prompts, no translated messages (they are shown to people as they are). */
export function gitEnvironment(extra: Readonly<Record<string, string>> = {}): NodeJS.ProcessEnv {
  return { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_PAGER: 'cat', LC_ALL: 'C', ...extra };
}

/**
 * Starts `git ARGS` in `cwd` as a long-lived child with piped standard streams (spawn, no
 * shell), for a conversation such as `cat-file --batch`. The caller ends it.
 */
export function startGit(cwd: string, args: readonly string[], env: Readonly<Record<string, string>> = {}): ChildProcessWithoutNullStreams {
  return spawn('git', [...args], { cwd, shell: false, windowsHide: true, stdio: ['pipe', 'pipe', 'pipe'], env: gitEnvironment(env) });
}

/** The top folder of the repository holding `cwd`; a clear error outside one. */
export async function repositoryRoot(cwd: string): Promise<string> {
  try {
    return (await runGit(cwd, ['rev-parse', '--show-toplevel'])).trim();
  } catch (e) {
    if (e instanceof GitError && /not a git repository/i.test(e.stderr)) throw new GitError(`${cwd} is not inside a git repository`, e.stderr);
    throw e;
  }
}

/**
 * The commit a ref names (a branch, a tag, a commit, `HEAD~2`), as a full hash. A ref that does
 * not exist, or names something other than a commit, is a {@link GitError} naming it.
 */
export async function verifyCommit(cwd: string, ref: string): Promise<string> {
  if (ref === '' || /[\0\n]/.test(ref)) throw new GitError(`"${ref}" is not a git revision`);
  try {
    return (await runGit(cwd, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`])).trim();
  } catch (e) {
    if (e instanceof GitError) throw new GitError(`"${ref}" is not a commit, branch or tag of this repository (git rev-parse found no commit)`, e.stderr);
    throw e;
  }
}
