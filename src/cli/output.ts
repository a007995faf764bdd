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
export async function deliver(io: CliIo, loaded: LoadedCorpus, output: string, out: string | undefined): Promise<number> {
  if (out === undefined) io.out(output.endsWith('\n') ? output : output + '\n');
  else {
    const file = path.resolve(io.cwd, out);
    try {
      await writeFileAtomic(file, new TextEncoder().encode(output));
    } catch (e) {
      throw new UsageError(`cannot write ${out}: ${(e as Error).message}`);
    }
    io.err(`wrote ${file}\n`);
  }
  const errors = countErrors(loaded.problems);
  if (errors > 0) io.err(`${count(errors, 'error')} in the corpus; run qualframe validate to see ${errors === 1 ? 'it' : 'them'}\n`);
  return errors > 0 ? EXIT_FINDINGS : EXIT_CLEAN;
}
