import * as path from 'node:path';
import { loadCorpusSettings } from '../core/corpus/load-corpus';
import type { Codebook } from '../core/corpus/codebook';
import { NodeCorpusFiles } from '../node/node-corpus-files';
import { toRootRelative } from '../node/find-root';
import { UsageError, type CliIo } from './io';

/** A FILE argument: resolved against the current folder, and required to lie under the root. */
export function resolveDocument(io: CliIo, root: string, file: string | undefined): { absolute: string; relative: string } {
  if (file === undefined) throw new UsageError('name the document (FILE)');
  const absolute = path.resolve(io.cwd, file);
  const relative = toRootRelative(root, absolute);
  if (relative.startsWith('../') || relative === '..' || path.isAbsolute(relative)) throw new UsageError(`${file} is not under the corpus root ${root}`);
  if (!/\.md$/i.test(relative)) throw new UsageError(`${file} is not a Markdown document (.md)`);
  return { absolute, relative };
}

/** The codebook, refusing to go on when settings or codebook have errors (codes could not be checked). */
export async function loadCodebookFor(root: string): Promise<Codebook> {
  const { codebook, problems } = await loadCorpusSettings(new NodeCorpusFiles(root));
  const error = problems.find((p) => p.severity === 'error');
  if (error) throw new UsageError(`${error.file}:${error.line}:${error.column}: ${error.message}`);
  return codebook;
}
