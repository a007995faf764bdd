import { existsSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { loadCorpus, type LoadedCorpus } from '../core/corpus/load-corpus';
import { findCorpusRoot } from '../node/find-root';
import { NodeCorpusFiles } from '../node/node-corpus-files';
import { UsageError, type CliIo } from './io';

export const ROOT_OPTION = { root: { type: 'string' } } as const;
export const FORMAT_OPTIONS = { format: { type: 'string' }, json: { type: 'boolean' } } as const;

/** `--root DIR`, else the nearest folder upward holding qualframe.yaml, else the current folder. */
export function resolveRoot(io: CliIo, root: string | undefined): string {
  if (root === undefined) return findCorpusRoot(io.cwd);
  const abs = path.resolve(io.cwd, root);
  if (!existsSync(abs) || !statSync(abs).isDirectory()) throw new UsageError(`--root ${root}: no such folder`);
  return abs;
}

/**
 * The output format asked for: `--format`, or `--json` (short for `--format json`), else the
 * `--out` file's extension when it names an allowed format, else `fallback`. Formats in
 * `later` are in the contract but not built yet, and are refused as such.
 */
export function resolveFormat<F extends string>(
  values: { format?: string; json?: boolean; out?: string },
  allowed: readonly F[],
  fallback: F,
  later: readonly string[] = [],
): F {
  const known = allowed as readonly string[];
  if (values.json) {
    if (values.format !== undefined && values.format !== 'json') throw new UsageError(`--json and --format ${values.format} contradict each other`);
    if (!known.includes('json')) throw new UsageError('this command has no JSON output');
    return 'json' as F;
  }
  const fromExtension = values.out ? path.extname(values.out).slice(1).toLowerCase().replace(/^markdown$/, 'md') : undefined;
  const format = values.format ?? (fromExtension && known.includes(fromExtension) ? fromExtension : fallback);
  if (later.includes(format)) throw new UsageError(`--format ${format} is not available in this version yet; choose ${allowed.join(', ')}`);
  if (!known.includes(format)) throw new UsageError(`--format ${format}: choose one of ${allowed.join(', ')}`);
  return format as F;
}

export async function loadCorpusAt(root: string): Promise<LoadedCorpus> {
  try {
    return await loadCorpus(new NodeCorpusFiles(root));
  } catch (e) {
    throw new UsageError(`cannot read the corpus at ${root}: ${(e as Error).message}`);
  }
}
