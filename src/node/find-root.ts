import { existsSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE } from '../core/corpus/config';

/** The nearest folder at or above `from` holding `qualframe.yaml`, else `from` itself (cli.md). */
export function findCorpusRoot(from: string): string {
  const start = path.resolve(from);
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, CONFIG_FILE)) && statSync(path.join(dir, CONFIG_FILE)).isFile()) return dir;
    if (path.dirname(dir) === dir) return start;
  }
}

/** POSIX form of a path relative to the root, as JSON output and messages use. */
export function toRootRelative(root: string, absolute: string): string {
  return path.relative(root, absolute).split(path.sep).join('/');
}
