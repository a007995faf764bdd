import * as path from 'node:path';
import type { LoadedCorpus } from '../core/corpus/load-corpus';
import { countErrors } from '../core/problems';
import { count } from '../core/text/count';
import { writeFileAtomic } from '../node/atomic-write';
import { EXIT_CLEAN, EXIT_FINDINGS, UsageError, type CliIo } from './io';
import { deliver } from './output';

/**
 * `--format xlsx|docx` writes a zip package: refused without `--out`, before the corpus is
 * read, since its bytes on a terminal help no one.
 */
export function requireOutForBinary(format: string, out: string | undefined): void {
  if (out === undefined && (format === 'xlsx' || format === 'docx')) {
    throw new UsageError(`--format ${format} writes a file: give --out FILE (for example --out export.${format})`);
  }
}

/**
 * As `deliver`, for text or for the bytes of an XLSX or DOCX file: bytes go to `--out`
 * only, atomically, and corpus errors still give the hint and exit status 1.
 */
export async function deliverExport(io: CliIo, loaded: LoadedCorpus, content: string | Uint8Array, out: string | undefined): Promise<number> {
  if (typeof content === 'string') return deliver(io, loaded, content, out);
  if (out === undefined) throw new UsageError('this format writes a file: give --out FILE');
  const file = path.resolve(io.cwd, out);
  try {
    await writeFileAtomic(file, content);
  } catch (e) {
    throw new UsageError(`cannot write ${out}: ${(e as Error).message}`);
  }
  io.err(`wrote ${file}\n`);
  const errors = countErrors(loaded.problems);
  if (errors > 0) io.err(`${count(errors, 'error')} in the corpus; run qualframe validate to see ${errors === 1 ? 'it' : 'them'}\n`);
  return errors > 0 ? EXIT_FINDINGS : EXIT_CLEAN;
}
