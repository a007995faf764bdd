import * as path from 'node:path';
import type { LoadedCorpus } from '../core/corpus/load-corpus';
import { countErrors } from '../core/problems';
import { writeFileAtomic } from '../node/atomic-write';
import { EXIT_CLEAN, EXIT_FINDINGS, UsageError, type CliIo } from './io';
import { count } from '../core/text/count';

/**
 * Writes a command's output to `--out` (atomically, so a half-written table never replaces a
 * good one) or stdout, and turns corpus errors into a hint and exit status 1: the output is
 * made, but from a corpus that needs attention.
 */
export async function deliver(io: CliIo, loaded: LoadedCorpus, output: string | Uint8Array, out: string | undefined): Promise<number> {
  if (out === undefined) {
    // The bytes of an XLSX or DOCX file on a terminal help no one (requireOutForBinary says so first).
    if (typeof output !== 'string') throw new UsageError('this format writes a file: give --out FILE');
    io.out(output.endsWith('\n') ? output : output + '\n');
  } else {
    const file = path.resolve(io.cwd, out);
    try {
      await writeFileAtomic(file, typeof output === 'string' ? new TextEncoder().encode(output) : output);
    } catch (e) {
      throw new UsageError(`cannot write ${out}: ${(e as Error).message}`);
    }
    io.err(`wrote ${file}\n`);
  }
  const errors = countErrors(loaded.problems);
  if (errors > 0) io.err(`${count(errors, 'error')} in the corpus; run qualframe validate to see ${errors === 1 ? 'it' : 'them'}\n`);
  return errors > 0 ? EXIT_FINDINGS : EXIT_CLEAN;
}

/**
 * `--format xlsx|docx` writes a zip package: refused without `--out`, before the corpus is
 * read, since its bytes on a terminal help no one.
 */
export function requireOutForBinary(format: string, out: string | undefined): void {
  if (out === undefined && (format === 'xlsx' || format === 'docx')) {
    throw new UsageError(`--format ${format} writes a file: give --out FILE (for example --out export.${format})`);
  }
}
