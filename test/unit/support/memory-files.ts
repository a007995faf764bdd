import picomatch from 'picomatch';
import type { CorpusFiles, FileEntry } from '../../../src/core/ports';

/** A corpus held in memory: paths (POSIX, root-relative) to text or bytes. */
export class MemoryCorpusFiles implements CorpusFiles {
  readonly rootLabel = 'memory:';
  readonly reads: string[] = [];
  private readonly files = new Map<string, Uint8Array>();

  constructor(files: Record<string, string | Uint8Array> = {}) {
    for (const [path, content] of Object.entries(files)) this.set(path, content);
  }

  set(path: string, content: string | Uint8Array): this {
    this.files.set(path, typeof content === 'string' ? new TextEncoder().encode(content) : content);
    return this;
  }

  async list(patterns: readonly string[], ignore: readonly string[]): Promise<FileEntry[]> {
    const match = picomatch([...patterns], { dot: false });
    const skip = picomatch([...ignore], { dot: true });
    return [...this.files.keys()]
      .filter((p) => match(p) && !skip(p))
      .sort()
      .map((p) => this.entry(p));
  }

  async stat(path: string): Promise<FileEntry | undefined> {
    return this.files.has(path) ? this.entry(path) : undefined;
  }

  async read(path: string): Promise<Uint8Array> {
    const bytes = this.files.get(path);
    if (!bytes) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
    this.reads.push(path);
    return bytes;
  }

  private entry(path: string): FileEntry {
    return { path, size: this.files.get(path)!.length, mtimeMs: 0 };
  }
}

/** A document's text from front matter lines and a body. */
export function markdown(front: string, body: string): string {
  return `---\n${front.trim()}\n---\n${body}`;
}
