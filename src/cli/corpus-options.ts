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

/** `--json` is short for `--format json`. */
export function resolveFormat<F extends string>(values: { format?: string; json?: boolean }, allowed: readonly F[], fallback: F): F {
  if (values.json) {
    if (values.format !== undefined && values.format !== 'json') throw new UsageError(`--json and --format ${values.format} contradict each other`);
    if (!allowed.includes('json' as F)) throw new UsageError('this command has no JSON output');
    return 'json' as F;
  }
  if (values.format === undefined) return fallback;
  if (!allowed.includes(values.format as F)) throw new UsageError(`--format ${values.format}: choose one of ${allowed.join(', ')}`);
  return values.format as F;
}

export async function loadCorpusAt(root: string): Promise<LoadedCorpus> {
  try {
    return await loadCorpus(new NodeCorpusFiles(root));
  } catch (e) {
    throw new UsageError(`cannot read the corpus at ${root}: ${(e as Error).message}`);
  }
}
