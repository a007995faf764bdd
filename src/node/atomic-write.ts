import { randomBytes } from 'node:crypto';
import { chmod, open, readFile, rename, stat, unlink } from 'node:fs/promises';
import * as path from 'node:path';

/** The file changed on disk after it was read: writing now would lose someone's work. */
export class ChangedOnDiskError extends Error {
  constructor(readonly file: string) {
    super(`${file} changed on disk since it was read; nothing was written. Reload it and try again.`);
  }
}

const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && Buffer.compare(a, b) === 0;

async function currentBytes(file: string): Promise<Uint8Array | undefined> {
  try {
    return await readFile(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

/**
 * Replaces `file` with `data` so that a reader (or a crash) sees either the old file or the
 * new one, never half of each: the data goes to a temporary file in the same folder, is
 * flushed to disk, and is renamed over the original. With `expected`, the bytes the caller
 * read before editing, the write is refused (`ChangedOnDiskError`) when the file no longer
 * holds them: another program (a git checkout, a teammate's pull, an editor) changed it.
 */
export async function writeFileAtomic(file: string, data: Uint8Array, expected?: Uint8Array): Promise<void> {
  const check = async () => {
    if (expected === undefined) return;
    const now = await currentBytes(file);
    if (now === undefined || !sameBytes(now, expected)) throw new ChangedOnDiskError(file);
  };
  await check();
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.qualframe-tmp`);
  const handle = await open(tmp, 'wx', 0o644);
  try {
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    const mode = await stat(file).then((s) => s.mode & 0o777, () => undefined);
    if (mode !== undefined) await chmod(tmp, mode);
    // Checked again just before the rename, to keep the window for a lost update small.
    await check();
    await rename(tmp, file);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
}
