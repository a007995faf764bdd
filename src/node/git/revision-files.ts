/**
 * The files of a corpus as they were in one commit, read from git's object store without
 * touching the working tree: the listing from one `git ls-tree`, the contents through one
 * long-lived `git cat-file --batch` per instance (one process for the whole corpus, not one
 * per file). Git runs without a shell; the commit goes after `--end-of-options`; blobs are
 * asked for by object id, so no path ever travels through the batch protocol.
 */
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { realpathSync } from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import type { CorpusFiles, FileEntry } from '../../core/ports';
import { GitError, runGit, startGit } from './git';

/** A regular file of the commit's tree under the corpus folder. */
interface TreeFile {
  readonly entry: FileEntry;
  readonly oid: string;
}

/** File modes of regular files; symbolic links (120000) and submodules (160000) are left out. */
const REGULAR_FILE_MODES: ReadonlySet<string> = new Set(['100644', '100755']);

export class GitRevisionFiles implements CorpusFiles {
  readonly rootLabel: string;
  /** The corpus folder relative to the repository's top, POSIX; '' at the top itself. */
  private readonly prefix: string;
  private tree?: Promise<Map<string, TreeFile>>;
  private readonly reader: BlobReader;

  /**
   * @param repoRoot the repository's top folder (`git rev-parse --show-toplevel`)
   * @param commit a commit, already verified (see `verifyCommit`); a full hash is best
   * @param corpusRoot the absolute corpus folder, inside the repository
   */
  constructor(
    readonly repoRoot: string,
    readonly commit: string,
    readonly corpusRoot: string,
  ) {
    if (commit === '' || commit.startsWith('-') || /[\0\n]/.test(commit)) throw new GitError(`"${commit}" is not a commit`);
    this.prefix = corpusPrefix(repoRoot, corpusRoot);
    this.rootLabel = `${corpusRoot} at ${commit.slice(0, 12)}`;
    this.reader = new BlobReader(repoRoot);
  }

  async list(patterns: readonly string[], ignore: readonly string[]): Promise<FileEntry[]> {
    // As fast-glob matches (see NodeCorpusFiles): patterns without dot files, ignore
    // patterns with them (fast-glob compiles its negative patterns with `dot: true`).
    const match = picomatch([...patterns], { dot: false });
    const skip = ignore.length > 0 ? picomatch([...ignore], { dot: true }) : () => false;
    const files = await this.files();
    return [...files.values()]
      .map((f) => f.entry)
      .filter((e) => match(e.path) && !skip(e.path))
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  async stat(relative: string): Promise<FileEntry | undefined> {
    return (await this.files()).get(normalise(relative))?.entry;
  }

  async read(relative: string): Promise<Uint8Array> {
    const file = (await this.files()).get(normalise(relative));
    if (!file) {
      throw Object.assign(new Error(`${relative} is not a file of ${this.rootLabel}`), { code: 'ENOENT' });
    }
    return this.reader.read(file.oid, relative);
  }

  /** Ends the `git cat-file` child, if one was started. Reads after this fail. */
  dispose(): void {
    this.reader.dispose();
  }

  /** Every regular file under the corpus folder in the commit, by corpus-relative path. */
  private files(): Promise<Map<string, TreeFile>> {
    this.tree ??= this.readTree();
    return this.tree;
  }

  private async readTree(): Promise<Map<string, TreeFile>> {
    // Literal pathspecs: a folder named `*` or `:x` is a folder, not a pattern or magic.
    const output = await runGit(
      this.repoRoot,
      ['ls-tree', '-r', '-z', '-l', '--full-tree', '--end-of-options', this.commit, '--', this.prefix === '' ? '.' : this.prefix],
      { env: { GIT_LITERAL_PATHSPECS: '1' } },
    );
    const files = new Map<string, TreeFile>();
    const under = this.prefix === '' ? '' : `${this.prefix}/`;
    for (const record of output.split('\0')) {
      if (record === '') continue;
      // `<mode> SP <type> SP <oid> SP <size, padded>\t<path>`
      const tab = record.indexOf('\t');
      if (tab < 0) continue;
      const [mode, type, oid, size] = record.slice(0, tab).split(/ +/);
      const full = record.slice(tab + 1);
      if (type !== 'blob' || !REGULAR_FILE_MODES.has(mode) || !full.startsWith(under)) continue;
      const relative = full.slice(under.length);
      files.set(relative, { oid, entry: { path: relative, size: Number(size), mtimeMs: 0 } });
    }
    return files;
  }
}

/** The corpus folder relative to the repository's top, POSIX; symbolic links resolved on both sides. */
function corpusPrefix(repoRoot: string, corpusRoot: string): string {
  const real = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      return path.resolve(p);
    }
  };
  const relative = path.relative(real(repoRoot), real(corpusRoot));
  if (relative === '') return '';
  if (relative.startsWith('..') || path.isAbsolute(relative)) throw new GitError(`${corpusRoot} is not inside the repository ${repoRoot}`);
  return relative.split(path.sep).join('/');
}

function normalise(relative: string): string {
  const p = path.posix.normalize(relative.split('\\').join('/'));
  return p.startsWith('./') ? p.slice(2) : p;
}

interface PendingRead {
  readonly oid: string;
  readonly label: string;
  resolve(bytes: Uint8Array): void;
  reject(error: Error): void;
}

/**
 * One `git cat-file --batch` conversation: object ids in on standard input, one per line;
 * answers out in the same order, each `<oid> blob <size>\n<content>\n` (or `<oid> missing\n`).
 * Started on the first read. While nothing is asked the child does not keep Node running, so
 * a forgotten `dispose` cannot hang a command at its end.
 */
class BlobReader {
  private child?: ChildProcessWithoutNullStreams;
  private readonly queue: PendingRead[] = [];
  private buffered: Buffer = Buffer.alloc(0);
  /** The size of the content being received, once its header was read. */
  private contentSize?: number;
  private failure?: Error;
  private disposed = false;
  private stderr = '';

  constructor(private readonly repoRoot: string) {}

  read(oid: string, label: string): Promise<Uint8Array> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.disposed) return Promise.reject(new GitError(`cannot read ${label}: the revision's files were already closed`));
    if (!/^[0-9a-f]{40}(?:[0-9a-f]{24})?$/.test(oid)) return Promise.reject(new GitError(`cannot read ${label}: "${oid}" is not an object id`));
    const child = this.start();
    return new Promise((resolve, reject) => {
      this.queue.push({ oid, label, resolve, reject });
      if (this.queue.length === 1) this.hold(true);
      child.stdin.write(`${oid}\n`);
    });
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    const closed = new GitError('the revision\'s files were closed before the read finished');
    for (const p of this.queue.splice(0)) p.reject(closed);
    this.hold(false);
    if (this.child) {
      this.child.stdin.end();
      // git exits when its input ends; a child stuck anyway is not left behind.
      if (this.child.exitCode === null) this.child.kill();
    }
  }

  private start(): ChildProcessWithoutNullStreams {
    if (this.child) return this.child;
    const child = startGit(this.repoRoot, ['cat-file', '--batch']);
    this.child = child;
    child.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
    child.stderr.on('data', (chunk: Buffer) => {
      if (this.stderr.length < 4096) this.stderr += chunk.toString('utf8');
    });
    child.on('error', (e: NodeJS.ErrnoException) => {
      this.fail(e.code === 'ENOENT' ? new GitError('git is not installed or not on the PATH') : new GitError(`git cat-file failed: ${e.message}`));
    });
    child.on('close', (code) => {
      if (!this.disposed) this.fail(new GitError(`git cat-file ended unexpectedly (exit ${code ?? 'by signal'}): ${this.stderr.trim()}`, this.stderr));
    });
    // Writing to a child that died is reported by 'close'; the EPIPE itself is not news.
    child.stdin.on('error', () => {});
    this.hold(false);
    return child;
  }

  /** Whether the child keeps Node's event loop alive: only while an answer is awaited. */
  private hold(on: boolean): void {
    const child = this.child;
    if (!child) return;
    for (const handle of [child, child.stdout, child.stdin, child.stderr] as { ref?(): void; unref?(): void }[]) {
      if (on) handle.ref?.();
      else handle.unref?.();
    }
  }

  private receive(chunk: Buffer): void {
    this.buffered = this.buffered.length === 0 ? chunk : Buffer.concat([this.buffered, chunk]);
    for (;;) {
      const pending = this.queue[0];
      if (!pending) {
        if (this.buffered.length > 0) this.fail(new GitError('git cat-file answered a question that was not asked'));
        return;
      }
      if (this.contentSize === undefined) {
        const newline = this.buffered.indexOf(0x0a);
        if (newline < 0) return;
        const header = this.buffered.subarray(0, newline).toString('utf8');
        this.buffered = this.buffered.subarray(newline + 1);
        const parts = header.split(' ');
        if (parts.length === 2 && parts[1] === 'missing') {
          this.answered().reject(Object.assign(new GitError(`cannot read ${pending.label}: object ${pending.oid} is missing from the repository`), { code: 'ENOENT' }));
          continue;
        }
        if (parts.length !== 3 || parts[0] !== pending.oid || !/^\d+$/.test(parts[2])) {
          this.fail(new GitError(`git cat-file answered "${header}" when asked for ${pending.oid}`));
          return;
        }
        this.contentSize = Number(parts[2]);
      }
      const size = this.contentSize;
      if (this.buffered.length < size + 1) return;
      // A copy: the chunk it came in is reused by the stream.
      const content = new Uint8Array(this.buffered.subarray(0, size));
      this.buffered = this.buffered.subarray(size + 1);
      this.contentSize = undefined;
      this.answered().resolve(content);
    }
  }

  /** Takes the first pending read off the queue, releasing the event loop when none is left. */
  private answered(): PendingRead {
    const pending = this.queue.shift()!;
    if (this.queue.length === 0) this.hold(false);
    return pending;
  }

  private fail(error: Error): void {
    this.failure ??= error;
    const waiting = this.queue.splice(0);
    this.hold(false);
    for (const p of waiting) p.reject(error);
    if (this.child && this.child.exitCode === null && !this.disposed) {
      this.disposed = true;
      this.child.stdin.end();
      this.child.kill();
    }
  }
}
