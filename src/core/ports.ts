/**
 * What the pure core needs from the outside world. `src/node` implements these over the file
 * system; tests use small in-memory implementations.
 */

export interface FileEntry {
  /** POSIX path relative to the corpus root. */
  readonly path: string;
  /** Size in bytes. */
  readonly size: number;
  /** Modification time, ms since the epoch. */
  readonly mtimeMs: number;
}

/** The files of one corpus root. Every path is POSIX and relative to the root. */
export interface CorpusFiles {
  /** A display name of the root (its absolute path or URI), for messages. */
  readonly rootLabel: string;
  /**
   * Regular files matching any of `patterns` (fast-glob syntax) and none of `ignore`, sorted
   * by path. Symbolic links are not followed.
   */
  list(patterns: readonly string[], ignore: readonly string[]): Promise<FileEntry[]>;
  /** The entry of one file, or undefined when there is no such regular file. */
  stat(path: string): Promise<FileEntry | undefined>;
  /** The whole content of one file. */
  read(path: string): Promise<Uint8Array>;
}

/** Where the core reports progress and diagnostics of its own (not findings about the corpus). */
export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
}

export const nullLogger: Logger = { debug() {}, info() {}, warn() {} };
