import { lstat, mkdir, open, stat, unlink, readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { MAX_DOCUMENT_BYTES } from '../../core/corpus/load-corpus';
import { importProblem, type ImportProblem } from '../../core/import/import-problem';
import { importOptionsProblem, importTranscript, transcriptFormat, type ImportOptions, type TranscriptSource } from '../../core/import/import-transcript';
import { decodeTranscript } from '../../core/import/transcript-bytes';
import { writeFileAtomic } from '../atomic-write';
import { docxToHtml } from './docx-html';

export { importOptionsProblem, type ImportOptions };

/**
 * `qualframe import docs` and the extension's import: transcripts into documents of a folder,
 * all or nothing, never overwriting. `planImport` converts everything and finds every clash
 * without writing (the extension shows it and asks); `writeImportPlan` writes a plan that is
 * ready; `importTranscripts` does both.
 */

/** A .docx holds images and styles besides its text; past this it is not an interview. */
const MAX_DOCX_BYTES = 100 * 1024 * 1024;

export interface PlannedDocument {
  /** The transcript, as the caller named it. */
  readonly source: string;
  /** Where the document goes (absolute). */
  readonly target: string;
  /** `target` relative to the folder imported into, POSIX: `SH07.md`, `2021/SH07.md`. */
  readonly relativeTarget: string;
  readonly caseId: string;
  readonly wave?: string;
  /** The document to write. */
  readonly text: string;
}

/** A document that cannot be written without losing something. */
export interface ImportClash {
  /** The target (absolute). */
  readonly target: string;
  /** The transcripts that would be written there. */
  readonly sources: readonly string[];
  /** `exists`: a file is already there; `same-target`: two transcripts would become one document. */
  readonly reason: 'exists' | 'same-target';
}

export interface ImportPlan {
  /** The folder imported into (absolute). */
  readonly intoDir: string;
  /** Every transcript that converted, in the order given. */
  readonly documents: readonly PlannedDocument[];
  readonly clashes: readonly ImportClash[];
  /** Every finding, clashes included (as `target-exists` / `same-target` errors). */
  readonly problems: readonly ImportProblem[];
  /** No errors and no clashes: `writeImportPlan` would write every document. */
  readonly ready: boolean;
}

export interface ImportResult {
  /** The documents written (absolute paths), in the order given. */
  readonly written: string[];
  readonly problems: ImportProblem[];
  readonly clashes: ImportClash[];
}

/** Converts every transcript and finds every clash; writes nothing. Throws a RangeError for unusable options. */
export async function planImport(files: readonly string[], intoDir: string, options: ImportOptions = {}): Promise<ImportPlan> {
  const optionsProblem = importOptionsProblem(options);
  if (optionsProblem !== undefined) throw new RangeError(optionsProblem);
  const into = path.resolve(intoDir);
  const problems: ImportProblem[] = [];
  const documents: PlannedDocument[] = [];
  const seen = new Set<string>();
  for (const file of files) {
    // The same file named twice (overlapping shell globs) is one transcript, not a clash.
    if (seen.has(path.resolve(file))) continue;
    seen.add(path.resolve(file));
    const read = await readTranscript(file);
    if ('problem' in read) {
      problems.push(read.problem);
      continue;
    }
    problems.push(...read.problems);
    let converted;
    try {
      converted = importTranscript(read.source, options);
    } catch (e) {
      problems.push(importProblem(file, 'error', 'unreadable', `could not be converted: ${(e as Error).message}`));
      continue;
    }
    problems.push(...converted.problems);
    const t = converted.transcript;
    if (!t) continue;
    documents.push({
      source: file,
      target: path.join(into, ...t.target.split('/')),
      relativeTarget: t.target,
      caseId: t.caseId,
      ...(t.wave !== undefined ? { wave: t.wave } : {}),
      text: t.text,
    });
  }
  const intoProblem = await folderProblem(into);
  if (intoProblem) problems.push(intoProblem);
  // Into a folder that cannot be one, every target would clash: the folder's problem says it once.
  const clashes = intoProblem ? [] : await findClashes(documents);
  problems.push(...clashes.map(clashProblem));
  return { intoDir: into, documents, clashes, problems, ready: !problems.some((p) => p.severity === 'error') };
}

/**
 * Writes a ready plan: every target is checked again first (time passes while a person
 * decides), then each document is written atomically into a name reserved with an exclusive
 * create, so a file that appears meanwhile is never overwritten. A plan that is not ready
 * writes nothing.
 */
export async function writeImportPlan(plan: ImportPlan): Promise<ImportResult> {
  const problems = [...plan.problems];
  if (!plan.ready) return { written: [], problems, clashes: [...plan.clashes] };
  const clashes = await findClashes(plan.documents);
  if (clashes.length > 0) return { written: [], problems: [...problems, ...clashes.map(clashProblem)], clashes };
  const written: string[] = [];
  for (const doc of plan.documents) {
    try {
      await writeNew(doc.target, new TextEncoder().encode(doc.text));
      written.push(doc.target);
    } catch (e) {
      // The rest is not written: the researcher sorts out this one and imports what is left.
      const left = plan.documents.slice(plan.documents.indexOf(doc) + 1).map((d) => d.target);
      const stopped = left.length > 0 ? `; stopped there, not written: ${left.join(', ')}` : '';
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') {
        const clash: ImportClash = { target: doc.target, sources: [doc.source], reason: 'exists' };
        clashes.push(clash);
        const p = clashProblem(clash);
        problems.push({ ...p, message: `appeared while importing${stopped}; ${p.message}` });
      } else {
        problems.push(importProblem(doc.target, 'error', 'unreadable', `could not be written: ${(e as Error).message}${stopped}`));
      }
      break;
    }
  }
  return { written, problems, clashes };
}

/** Converts and writes, all or nothing: nothing is written when a transcript fails or any target clashes. */
export async function importTranscripts(files: readonly string[], intoDir: string, options: ImportOptions = {}): Promise<ImportResult> {
  return writeImportPlan(await planImport(files, intoDir, options));
}

async function readTranscript(file: string): Promise<{ source: TranscriptSource; problems: ImportProblem[] } | { problem: ImportProblem }> {
  const fail = (rule: ImportProblem['rule'], message: string, line?: number) => ({ problem: importProblem(file, 'error', rule, message, line) });
  let size: number;
  try {
    const s = await stat(file);
    if (s.isDirectory()) return fail('unreadable', 'is a folder; name the transcripts in it (for example folder/*.docx)');
    size = s.size;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return fail('unreadable', code === 'ENOENT' ? 'no such file' : `cannot be read: ${(e as Error).message}`);
  }
  const format = transcriptFormat(file);
  // Refused by name, unread: the core says why and what to convert it to.
  if (format === undefined) return { source: { name: file, text: '' }, problems: [] };
  const limit = format === 'docx' ? MAX_DOCX_BYTES : MAX_DOCUMENT_BYTES;
  if (size > limit) return fail('unreadable', `is ${(size / 1024 / 1024).toFixed(1)} MiB, over the ${limit / 1024 / 1024} MiB a transcript can be; split it`);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (e) {
    return fail('unreadable', `cannot be read: ${(e as Error).message}`);
  }
  if (format === 'docx') {
    try {
      const { html, messages } = await docxToHtml(bytes);
      return { source: { name: file, docxHtml: html }, problems: messages.map((m) => importProblem(file, 'warning', 'docx-message', `Word conversion: ${m}`)) };
    } catch (e) {
      return fail('unreadable', `is not a Word document (.docx) that can be read: ${(e as Error).message}`);
    }
  }
  const decoded = decodeTranscript(bytes);
  if (!decoded.ok) return fail(decoded.rule, decoded.message, decoded.line);
  return { source: { name: file, text: decoded.text }, problems: [] };
}

/** The folder imported into must be a folder, or not there yet (it is created). */
async function folderProblem(into: string): Promise<ImportProblem | undefined> {
  try {
    const s = await stat(into);
    return s.isDirectory() ? undefined : importProblem(into, 'error', 'target-exists', 'is a file, not a folder to import into');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? undefined : importProblem(into, 'error', code === 'ENOTDIR' ? 'target-exists' : 'unreadable', `cannot import into it: ${(e as Error).message}`);
  }
}

/**
 * Targets that are already there, and targets two transcripts share. Names are compared
 * ignoring letter case, as the file systems of macOS and Windows do: `sh07.txt` and
 * `SH07.txt` would be one file there.
 */
async function findClashes(documents: readonly PlannedDocument[]): Promise<ImportClash[]> {
  const clashes: ImportClash[] = [];
  const byTarget = new Map<string, PlannedDocument[]>();
  for (const d of documents) {
    const key = d.target.toLowerCase();
    const list = byTarget.get(key);
    if (list) list.push(d);
    else byTarget.set(key, [d]);
  }
  for (const group of byTarget.values()) {
    if (group.length > 1) clashes.push({ target: group[0].target, sources: group.map((d) => d.source), reason: 'same-target' });
    if (await occupied(group[0].target)) clashes.push({ target: group[0].target, sources: group.map((d) => d.source), reason: 'exists' });
  }
  return clashes;
}

/** Anything at the path (a file, a folder, a link, even a broken one) occupies it. */
async function occupied(target: string): Promise<boolean> {
  try {
    await lstat(target);
    return true;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return false;
    // A file where a wave folder should be: the target cannot be written either.
    if (code === 'ENOTDIR') return true;
    throw e;
  }
}

function clashProblem(c: ImportClash): ImportProblem {
  return c.reason === 'exists'
    ? importProblem(c.target, 'error', 'target-exists', `is already there; QualFrame never overwrites a document: move it away, or import ${c.sources.map((s) => path.basename(s)).join(', ')} into another folder`)
    : importProblem(c.target, 'error', 'same-target', `${c.sources.map((s) => path.basename(s)).join(' and ')} would all become this one document; rename all but one (the case comes from the file name)`);
}

/** Writes a new file: the name is reserved with an exclusive create, then filled atomically. */
async function writeNew(target: string, bytes: Uint8Array): Promise<void> {
  await mkdir(path.dirname(target), { recursive: true });
  const handle = await open(target, 'wx');
  await handle.close();
  try {
    // Expecting the empty file just reserved: anything else written there meanwhile is kept.
    await writeFileAtomic(target, bytes, new Uint8Array(0));
  } catch (e) {
    const left = await stat(target).catch(() => undefined);
    if (left?.size === 0) await unlink(target).catch(() => undefined);
    throw e;
  }
}
