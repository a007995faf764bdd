import { mkdir, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { initialCorpusFiles } from '../core/corpus/init';

export interface InitResult {
  readonly root: string;
  readonly written: string[];
  readonly kept: string[];
}

/** Writes the files that make `dir` a corpus, each only if missing: nothing is ever overwritten. */
export async function initCorpus(dir: string): Promise<InitResult> {
  const root = path.resolve(dir);
  await mkdir(root, { recursive: true });
  const written: string[] = [];
  const kept: string[] = [];
  for (const file of initialCorpusFiles()) {
    try {
      // 'wx' fails when the file exists, so a file created meanwhile is never clobbered.
      await writeFile(path.join(root, file.path), file.text, { flag: 'wx' });
      written.push(file.path);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      kept.push(file.path);
    }
  }
  return { root, written, kept };
}
