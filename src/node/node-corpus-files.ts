import fg from 'fast-glob';
import { readFile, stat } from 'node:fs/promises';
import * as path from 'node:path';
import type { CorpusFiles, FileEntry } from '../core/ports';

/** The files of a corpus root on the local file system. */
export class NodeCorpusFiles implements CorpusFiles {
  readonly rootLabel: string;

  constructor(readonly root: string) {
    this.root = path.resolve(root);
    this.rootLabel = this.root;
  }

  async list(patterns: readonly string[], ignore: readonly string[]): Promise<FileEntry[]> {
    const entries = await fg([...patterns], {
      cwd: this.root,
      ignore: [...ignore],
      onlyFiles: true,
      dot: false,
      followSymbolicLinks: false,
      stats: true,
      unique: true,
    });
    return entries
      .filter((e) => e.stats?.isFile())
      .map((e) => ({ path: e.path, size: e.stats!.size, mtimeMs: e.stats!.mtimeMs }))
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  async stat(relative: string): Promise<FileEntry | undefined> {
    try {
      const s = await stat(this.resolve(relative));
      return s.isFile() ? { path: relative, size: s.size, mtimeMs: s.mtimeMs } : undefined;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT' || (e as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined;
      throw e;
    }
  }

  async read(relative: string): Promise<Uint8Array> {
    return readFile(this.resolve(relative));
  }

  /** The absolute path of a root-relative one; refuses paths that leave the root. */
  resolve(relative: string): string {
    const abs = path.resolve(this.root, relative);
    if (abs !== this.root && !abs.startsWith(this.root + path.sep)) {
      throw new Error(`${relative} is outside the corpus root ${this.root}`);
    }
    return abs;
  }
}
