import { lstat, mkdir, open, readdir, readFile, rm, rmdir, stat } from 'node:fs/promises';
import * as path from 'node:path';
import type { Corpus } from '../../core/corpus/corpus';
import { loadCorpus } from '../../core/corpus/load-corpus';
import { buildRefiExport, type OmittedItem, type RefiExport, type RefiExportOptions } from '../../core/exchange/corpus-to-refi';
import { QdpxError } from '../../core/exchange/refi-project';
import { corpusFromRefi, type RefiImport } from '../../core/exchange/refi-to-corpus';
import type { Problem } from '../../core/problems';
import { decodeText } from '../../core/text/decode';
import { writeFileAtomic } from '../atomic-write';
import { NodeCorpusFiles } from '../node-corpus-files';
import { DEFAULT_QDPX_LIMITS, readQdpxArchive, writeQdpxArchive, type QdpxLimits } from './qdpx-archive';
import { readProjectXml, writeProjectXml } from './qde-xml';

/**
 * REFI-QDA project exchange (`.qdpx`), the functions the CLI and the extension call. The
 * mapping itself is pure (`src/core/exchange`); this file adds the archive, the XML and the
 * files. See docs/refi-qda.md for what goes where and what is lost.
 */

export { QdpxError } from '../../core/exchange/refi-project';
export type { QdpxLimits } from './qdpx-archive';

/** A corpus as `.qdpx` bytes. */
export function exportQdpx(corpus: Corpus, options: RefiExportOptions): Uint8Array {
  return packRefiExport(buildRefiExport(corpus, options));
}

/** The archive of an export already mapped (when the caller also wants its counts and omissions). */
export function packRefiExport(exported: RefiExport): Uint8Array {
  return writeQdpxArchive(writeProjectXml(exported.project), exported.sourceFiles);
}

export interface QdpxExportResult {
  /** The absolute path written. */
  readonly file: string;
  readonly counts: RefiExport['counts'];
  /** What the export could not carry (orphaned annotations, unreadable documents). */
  readonly omitted: readonly OmittedItem[];
  /** The corpus's problems as loaded: the export is made anyway, as the other exports are. */
  readonly problems: readonly Problem[];
}

/**
 * Exports the corpus at `root` to `outPath` (written atomically: a reader never sees half an
 * archive). The project is named after the root folder unless `options.projectName` says.
 */
export async function exportQdpxFile(root: string, outPath: string, options: Partial<RefiExportOptions> = {}): Promise<QdpxExportResult> {
  const absoluteRoot = path.resolve(root);
  const loaded = await loadCorpus(new NodeCorpusFiles(absoluteRoot));
  const exported = buildRefiExport(loaded.corpus, { ...options, projectName: options.projectName ?? path.basename(absoluteRoot) });
  const file = path.resolve(outPath);
  await writeFileAtomic(file, packRefiExport(exported));
  return { file, counts: exported.counts, omitted: exported.omitted, problems: loaded.problems };
}

/** The files of a new corpus from `.qdpx` bytes; throws `QdpxError` (located) for input it will not read. */
export function importQdpx(bytes: Uint8Array, limits: Partial<QdpxLimits> = {}, label = 'archive'): RefiImport {
  const contents = readQdpxArchive(bytes, { ...DEFAULT_QDPX_LIMITS, ...limits }, label);
  try {
    const decoded = decodeText(contents.project);
    if (!decoded.ok) throw new QdpxError(`project.qde:${decoded.line}:${decoded.column}`, decoded.message);
    return corpusFromRefi(readProjectXml(decoded.text), contents.sources);
  } catch (e) {
    // Located inside the archive; say which archive.
    if (e instanceof QdpxError) throw new QdpxError(`${label}: ${e.where}`, e.problem);
    throw e;
  }
}

/** The import would overwrite files: nothing was written. */
export class ImportClashError extends Error {
  override name = 'ImportClashError';
  constructor(
    readonly root: string,
    /** Root-relative paths that are already taken (or that cannot be made: a file where a folder must go). */
    readonly clashes: readonly string[],
  ) {
    super(`${root} already has ${clashes.length === 1 ? 'a file the import would write' : `${clashes.length} files the import would write`}: ${clashes.slice(0, 10).join(', ')}${clashes.length > 10 ? ', ...' : ''}; nothing was written (import into a new or empty folder)`);
  }
}

export interface QdpxImportResult {
  /** The absolute folder imported into. */
  readonly root: string;
  /** Root-relative paths written. */
  readonly written: readonly string[];
  readonly warnings: readonly string[];
  readonly counts: RefiImport['counts'];
  /** The new corpus's problems, as `qualframe validate` would report them. */
  readonly problems: readonly Problem[];
}

/**
 * Imports the `.qdpx` at `file` into the folder `intoDir` (created when missing). Never
 * overwrites: when any file it would write exists, it throws `ImportClashError` listing them
 * and writes nothing. Paths come from the project's names, made safe (`ImportPaths`), and are
 * checked again here to stay inside `intoDir` and not to pass through a symbolic link.
 */
export async function importQdpxFile(file: string, intoDir: string, limits: Partial<QdpxLimits> = {}): Promise<QdpxImportResult> {
  const source = path.resolve(file);
  const max = limits.maxArchiveBytes ?? DEFAULT_QDPX_LIMITS.maxArchiveBytes;
  const size = (await stat(source)).size;
  if (size > max) throw new QdpxError(path.basename(source), `${(size / 1024 / 1024).toFixed(1)} MiB, over the ${(max / 1024 / 1024).toFixed(1)} MiB a project archive may have`);
  const imported = importQdpx(await readFile(source), limits, path.basename(source));

  const root = path.resolve(intoDir);
  const targets = imported.files.map((f) => ({ ...f, absolute: inside(root, f.path) }));
  const clashes: string[] = [];
  for (const t of targets) if (await blocked(root, t.absolute)) clashes.push(t.path);
  if (clashes.length > 0) throw new ImportClashError(root, clashes);

  const written: string[] = [];
  const createdFolders: string[] = [];
  try {
    for (const t of targets) {
      const folder = path.dirname(t.absolute);
      const made = await mkdir(folder, { recursive: true });
      if (made !== undefined) createdFolders.push(made);
      // 'wx' fails if the file appeared since the check: it is never overwritten.
      const handle = await open(t.absolute, 'wx', 0o644);
      try {
        await handle.writeFile(t.text);
      } finally {
        await handle.close();
      }
      written.push(t.path);
    }
  } catch (e) {
    // All or nothing: take back what this import wrote.
    for (const p of written.reverse()) await rm(inside(root, p), { force: true });
    for (const folder of createdFolders.reverse()) await removeEmptyFolders(folder, root);
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new ImportClashError(root, [toPosix(root, (e as NodeJS.ErrnoException).path ?? '')]);
    throw e;
  }
  const loaded = await loadCorpus(new NodeCorpusFiles(root));
  return { root, written, warnings: imported.warnings, counts: imported.counts, problems: loaded.problems };
}

function inside(root: string, relative: string): string {
  const absolute = path.resolve(root, ...relative.split('/'));
  if (!absolute.startsWith(root.endsWith(path.sep) ? root : root + path.sep)) throw new Error(`internal error: import path ${relative} leaves ${root}`);
  return absolute;
}

/** Whether writing `absolute` would overwrite something, or go through a symbolic link or a file. */
async function blocked(root: string, absolute: string): Promise<boolean> {
  const steps = path.relative(root, absolute).split(path.sep);
  let at = root;
  for (let i = 0; i < steps.length; i++) {
    at = path.join(at, steps[i]);
    const info = await lstat(at).catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT' || e.code === 'ENOTDIR') return undefined;
      throw e;
    });
    if (info === undefined) return false;
    const last = i === steps.length - 1;
    if (last || info.isSymbolicLink() || !info.isDirectory()) return true;
  }
  return false;
}

async function removeEmptyFolders(from: string, root: string): Promise<void> {
  // `mkdir -p` returned the first folder it made; remove it and everything it made below, if empty.
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) if (entry.isDirectory()) await walk(path.join(dir, entry.name));
    await rmdir(dir).catch(() => undefined);
  };
  if (from.startsWith(root + path.sep) || from === root) await walk(from);
}

function toPosix(root: string, absolute: string): string {
  return path.relative(root, absolute).split(path.sep).join('/');
}
