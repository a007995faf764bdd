import { decodeText } from '../text/decode';
import { compareProblems, problem, type Problem } from '../problems';
import type { CorpusFiles, FileEntry } from '../ports';
import { EMPTY_CODEBOOK, parseCodebook, type Codebook } from './codebook';
import { ALWAYS_IGNORED, CONFIG_FILE, DEFAULT_CONFIG, parseConfig, type CorpusConfig } from './config';
import { buildCorpus, checkCorpus, type Corpus } from './corpus';
import { parseCorpusDocument, type CorpusDocument } from './document';

/** A document larger than this is refused unread: it is not a transcript. */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;
/** Settings and codebook larger than this are refused unread. */
export const MAX_SETTINGS_BYTES = 1024 * 1024;
/** How many files are read at once. */
const READ_CONCURRENCY = 16;

export interface LoadedCorpus {
  readonly corpus: Corpus;
  /** Every problem found, sorted by file and position. */
  readonly problems: readonly Problem[];
  /** What the corpus was assembled from, kept so one document can be re-read alone. */
  readonly parts: CorpusParts;
}

/** A document file as last read. */
export interface DocumentPart {
  readonly entry: FileEntry;
  readonly document?: CorpusDocument;
  readonly problems: readonly Problem[];
}

export interface CorpusParts {
  readonly config: CorpusConfig;
  readonly codebook: Codebook;
  /** Problems of qualframe.yaml and the codebook. */
  readonly settingsProblems: readonly Problem[];
  /** Every matched document file, by path, in path order. */
  readonly documents: ReadonlyMap<string, DocumentPart>;
}

/**
 * Loads and checks a whole corpus: settings, codebook, every document. Never throws for bad
 * content (that is a problem in the result); throws only when the files cannot be listed.
 */
export async function loadCorpus(files: CorpusFiles): Promise<LoadedCorpus> {
  const { config, codebook, problems } = await loadCorpusSettings(files);
  const entries = await listDocuments(files, config);
  const results = await mapLimited(entries, READ_CONCURRENCY, (entry) => loadDocument(files, entry));
  const documents = new Map<string, DocumentPart>(entries.map((entry, i) => [entry.path, { entry, ...results[i] }]));
  return assemble({ config, codebook, settingsProblems: problems, documents });
}

/**
 * Brings a loaded corpus up to date after some document files changed, were created or were
 * deleted: only those files are read again (the cost of the change, not of the corpus), then
 * cases and the cross-document checks are rebuilt. `paths` are root-relative; a path that is
 * not (or no longer) a document of the corpus is dropped. Settings or codebook changes need a
 * full `loadCorpus`.
 */
export async function updateDocuments(files: CorpusFiles, loaded: LoadedCorpus, paths: readonly string[]): Promise<LoadedCorpus> {
  const documents = new Map(loaded.parts.documents);
  let relist = false;
  const changed: FileEntry[] = [];
  for (const path of new Set(paths)) {
    const entry = await files.stat(path);
    if (!entry) relist ||= documents.delete(path);
    else if (documents.has(path)) changed.push(entry);
    else relist = true;
  }
  if (relist) {
    // A file came or went: the listing (names only, nothing read) says which are documents.
    const listed = await listDocuments(files, loaded.parts.config);
    const now = new Set(listed.map((e) => e.path));
    for (const path of [...documents.keys()]) if (!now.has(path)) documents.delete(path);
    for (const entry of listed) if (!documents.has(entry.path) || paths.includes(entry.path)) changed.push(entry);
  }
  const unique = [...new Map(changed.map((e) => [e.path, e])).values()];
  const results = await mapLimited(unique, READ_CONCURRENCY, (entry) => loadDocument(files, entry));
  unique.forEach((entry, i) => documents.set(entry.path, { entry, ...results[i] }));
  const ordered = new Map([...documents.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return assemble({ ...loaded.parts, documents: ordered });
}

/** Builds the corpus from its parts: cases, then the checks that need the codebook or several documents. */
export function assemble(parts: CorpusParts): LoadedCorpus {
  const problems: Problem[] = [...parts.settingsProblems];
  const documents: CorpusDocument[] = [];
  for (const part of parts.documents.values()) {
    if (part.document) documents.push(part.document);
    problems.push(...part.problems);
  }
  const corpus = buildCorpus(parts.config, parts.codebook, [...parts.documents.keys()], documents);
  problems.push(...checkCorpus(corpus));
  return { corpus, problems: problems.sort(compareProblems), parts };
}

/** Settings and codebook only: what a command needs to edit one document. */
export async function loadCorpusSettings(files: CorpusFiles): Promise<{ config: CorpusConfig; codebook: Codebook; problems: Problem[] }> {
  const problems: Problem[] = [];
  const config = await loadConfig(files, problems);
  const codebook = await loadCodebook(files, config, problems);
  return { config, codebook, problems };
}

/** The corpus's documents: files the patterns match, less those of nested corpus roots. */
export async function listDocuments(files: CorpusFiles, config: CorpusConfig): Promise<FileEntry[]> {
  const listed = await files.list([...config.documents, `**/${CONFIG_FILE}`], ALWAYS_IGNORED);
  const nestedRoots = listed
    .filter((e) => e.path.endsWith(`/${CONFIG_FILE}`))
    .map((e) => e.path.slice(0, e.path.length - CONFIG_FILE.length));
  return listed.filter((e) => e.path.toLowerCase().endsWith('.md') && !nestedRoots.some((root) => e.path.startsWith(root)));
}

/** Reads one document file: size limit, UTF-8 check, front matter, annotations. */
export async function loadDocument(files: CorpusFiles, entry: FileEntry): Promise<{ document?: CorpusDocument; problems: Problem[] }> {
  if (entry.size > MAX_DOCUMENT_BYTES) {
    return { problems: [tooLarge(entry, MAX_DOCUMENT_BYTES, TOO_LARGE_ADVICE.document)] };
  }
  const decoded = decodeText(await files.read(entry.path));
  if (!decoded.ok) return { problems: [problem(entry.path, decoded, 'error', decoded.rule, decoded.message)] };
  return parseCorpusDocument(entry.path, decoded.text);
}

async function loadConfig(files: CorpusFiles, problems: Problem[]): Promise<CorpusConfig> {
  const text = await readSettingsFile(files, CONFIG_FILE, problems, false);
  if (text === undefined) return DEFAULT_CONFIG;
  const parsed = parseConfig(text, CONFIG_FILE);
  problems.push(...parsed.problems);
  return parsed.config;
}

async function loadCodebook(files: CorpusFiles, config: CorpusConfig, problems: Problem[]): Promise<Codebook> {
  const text = await readSettingsFile(files, config.codebook, problems, true);
  if (text === undefined) return EMPTY_CODEBOOK;
  const parsed = parseCodebook(text, config.codebook);
  problems.push(...parsed.problems);
  return parsed.codebook;
}

async function readSettingsFile(files: CorpusFiles, path: string, problems: Problem[], required: boolean): Promise<string | undefined> {
  const entry = await files.stat(path);
  if (!entry) {
    if (required) {
      problems.push(problem(path, { line: 1, column: 1 }, 'error', 'missing-file', `codebook not found: create ${path} (qualframe init writes an empty one) or set "codebook" in ${CONFIG_FILE}`));
    }
    return undefined;
  }
  if (entry.size > MAX_SETTINGS_BYTES) {
    problems.push(tooLarge(entry, MAX_SETTINGS_BYTES, TOO_LARGE_ADVICE.settings));
    return undefined;
  }
  const decoded = decodeText(await files.read(path));
  if (!decoded.ok) {
    problems.push(problem(path, decoded, 'error', decoded.rule, decoded.message));
    return undefined;
  }
  return decoded.text;
}

/** The advice of a document or settings file refused for its size. */
export const TOO_LARGE_ADVICE = {
  document: 'a transcript is far smaller; split it, or move it out of the corpus',
  settings: 'it is not a settings file QualFrame can read',
} as const;

/** A file over its size limit: reported, not read. */
export function tooLarge(entry: FileEntry, limit: number, advice: string): Problem {
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`;
  return problem(entry.path, { line: 1, column: 1 }, 'error', 'too-large', `file is ${mb(entry.size)}, over the ${mb(limit)} limit, and was not read; ${advice}`);
}

/** Maps with at most `limit` calls in flight, keeping the input order. */
async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
