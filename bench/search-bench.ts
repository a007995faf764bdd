/**
 * Full-text search, measured (docs/performance.md, "Search"): the search index of
 * src/core/search on the benchmark corpora, at every size of the run. Run by `npm run bench`,
 * or alone:
 *
 *   npm run bench -- --measures search-build,search-query,search-reindex
 *
 * Each corpus is generated (or found in the cache) by bench/generate-corpus.ts and loaded with
 * `loadCorpus`, as the cold-load measure loads it (not timed); the index is built from the
 * loaded documents and codebook.
 *
 * - `search-build`: `new SearchIndex(codebook)` + `index.sync(documents)` over the whole corpus
 *   (min, median, max of the runs, after one untimed build), and the memory the index holds:
 *   heap + array buffers grown across a build, read once garbage is gone ({@link settledMemory});
 *   again after the first as-you-type search (which builds the dictionary's radix tree); and the
 *   index's own estimate, `stats().bytes`. Each as a ratio to the corpus text (the documents'
 *   bodies, UTF-8: what is indexed), against the issue's goal of at most 4× (3× later).
 * - `search-query`: 50 queries of mixed frequency (see {@link selectQueries}), on a warm
 *   index, each timed `runs` times against ripgrep searching the corpus's document files for
 *   the same words (see {@link rgCommand}), run as a child process with `execFile` (no shell),
 *   process start included, as a person would run it. The median and 95th percentile over the
 *   queries of each query's median time, and ripgrep's median over QualFrame's (goal: at least
 *   10×). Without `rg` the comparison is reported as skipped, with the reason.
 * - `search-reindex`: `index.add` of a new document object for a path already indexed (what a
 *   saved edit costs), 20 × `runs` times, and `index.sync` with that one document changed (what
 *   the extension runs); against the issue's goal of under 10 ms, and the ratio of the largest
 *   corpus's median to the smallest's (goal at most 1.5).
 *
 * Numbers are reported, never asserted; the unit tests check the query selection, the
 * arithmetic and the ripgrep command.
 */
import { execFile, type ExecFileOptions } from 'node:child_process';
import { loadCorpus } from '../src/core/corpus/load-corpus';
import { parseCorpusDocument, type CorpusDocument } from '../src/core/corpus/document';
import type { Codebook } from '../src/core/corpus/codebook';
import { formatProblem } from '../src/core/problems';
import { SearchIndex, splitPassages, forEachWord, isIndexed, type SearchIndexStats } from '../src/core/search';
import { NodeCorpusFiles } from '../src/node/node-corpus-files';
import { buildCorpusFiles, cachedCorpus, DEFAULT_CACHE_ROOT, DOCUMENT_PATTERNS, Random, type CorpusManifest } from './generate-corpus';
import { fmtMs, markdownTable, median, round2, spreadOf, timeRuns, verdict, type Spread } from './timing';

// ---------------------------------------------------------------------------------------------
// The measures.

export interface SearchMeasure {
  readonly name: string;
  readonly description: string;
}

export const SEARCH_BUILD: SearchMeasure = {
  name: 'search-build',
  description: 'new SearchIndex + sync(documents) over the whole corpus: time, and memory (heap + array buffers; stats().bytes) as a ratio to the text',
};

export const SEARCH_QUERY: SearchMeasure = {
  name: 'search-query',
  description: '50 queries of mixed frequency on a warm index vs ripgrep (whole words, ignoring case) over the document files, process start included',
};

export const SEARCH_REINDEX: SearchMeasure = {
  name: 'search-reindex',
  description: 'index.add of a new object for an indexed document (and sync with it changed), at each corpus size',
};

/** Every search measure, in the order they run. Selected with `--measures` like the corpus measures. */
export const SEARCH_MEASURES: readonly SearchMeasure[] = [SEARCH_BUILD, SEARCH_QUERY, SEARCH_REINDEX];

/** The issue's goals. */
export const SEARCH_MEMORY_GOAL = 4;
export const SEARCH_MEMORY_LATER_GOAL = 3;
export const SEARCH_QUERY_GOAL = 10;
export const SEARCH_REINDEX_GOAL_MS = 10;
export const SEARCH_REINDEX_GROWTH_GOAL = 1.5;

/** The query mix: 50 in all, of which a few two-word queries and one phrase; the rest single words. */
export const SEARCH_QUERY_COUNT = 50;
export const SEARCH_TWO_WORD_QUERIES = 5;
export const SEARCH_PHRASE_QUERIES = 1;

/** Re-indexing takes milliseconds, and varies from call to call: this many timed calls per `--runs` (100 by default). */
export const SEARCH_REINDEX_RUNS_PER_RUN = 20;
/** Untimed re-indexes before the timed ones (JIT warm-up). */
export const SEARCH_REINDEX_WARM_UP = 3;

/** The search view's hit limit (src/extension/search/search-results.ts), for the as-you-type figure. */
export const AS_YOU_TYPE_LIMIT = 1000;

export function isSearchMeasure(name: string): boolean {
  return SEARCH_MEASURES.some((m) => m.name === name);
}

/** The search measures among `names` (all when none are given). */
export function selectSearchMeasures(names?: readonly string[]): SearchMeasure[] {
  if (names === undefined || names.length === 0) return [...SEARCH_MEASURES];
  return SEARCH_MEASURES.filter((m) => names.includes(m.name));
}

// ---------------------------------------------------------------------------------------------
// Results.

/** The corpus a search result was measured on. */
export interface SearchCorpusFacts {
  readonly documents: number;
  /** Size of the document files, in MB (10^6 bytes). */
  readonly filesMb: number;
  /** Size of the documents' bodies (UTF-8), in MB: the text the index reads. */
  readonly textMb: number;
  readonly passages: number;
  /** Distinct indexed words. */
  readonly terms: number;
  readonly postings: number;
}

export interface MemoryFigure {
  readonly mb: number;
  /** Over the corpus text (the bodies, UTF-8). */
  readonly ratio: number;
}

export interface SearchBuildResult {
  readonly measure: 'search-build';
  readonly corpus: SearchCorpusFacts;
  readonly runs: number;
  readonly ms: Spread;
  readonly memory: {
    /** heapUsed + arrayBuffers after the build minus before it, each after a forced collection. */
    readonly built: MemoryFigure;
    /** The same after the first as-you-type search (prefixLast), which builds the dictionary's radix tree. */
    readonly searched: MemoryFigure;
    /** The index's own estimate of its structures (`stats().bytes`). */
    readonly stats: MemoryFigure;
    /** Whether a collection could be forced; without one the figures are rough. */
    readonly collected: boolean;
  };
  /** The goal, held against `memory.searched` (the index as the extension holds it): at most this × the text. */
  readonly goal: number;
  readonly met: boolean;
  /** The later, stricter goal. */
  readonly laterGoal: number;
  readonly metLater: boolean;
}

/** One query of the mix, as planned by {@link selectQueries}. */
export interface PlannedQuery {
  /** What is typed into QualFrame's search (a phrase in double quotes). */
  readonly text: string;
  readonly kind: 'word' | 'two words' | 'phrase';
  /** What ripgrep is given: one pattern per word, or the phrase as written. */
  readonly patterns: readonly string[];
  /** A single word's rank in the dictionary, most frequent first (0-based). */
  readonly rank?: number;
  /** Passages the query matches (the dictionary's count for a word; from the index for the others). */
  readonly passages?: number;
}

export interface QueryTiming {
  readonly text: string;
  readonly kind: PlannedQuery['kind'];
  /** Passages QualFrame found, and ripgrep's count of matches over the files. */
  readonly passages: number;
  readonly rgMatches?: number;
  /** This query's median over the runs. */
  readonly qualframeMs: number;
  readonly rgMs?: number;
}

export interface Percentiles {
  readonly median: number;
  readonly p95: number;
  readonly min: number;
  readonly max: number;
}

export interface SearchQueryResult {
  readonly measure: 'search-query';
  readonly corpus: SearchCorpusFacts;
  readonly runs: number;
  readonly mix: { readonly words: number; readonly twoWords: number; readonly phrases: number };
  /** Over the queries, of each query's median: `index.search(text)` with the default options (whole words, 200 hits). */
  readonly qualframeMs: Percentiles;
  /** The same queries as the search view runs them: `prefixLast: true, limit: 1000` (not held against the goal). */
  readonly asYouTypeMs: Percentiles;
  /** Ripgrep's side, unless skipped. */
  readonly rg?: { readonly version: string; /** The command of one single-word query, as run in the corpus folder. */ readonly example: readonly string[]; readonly ms: Percentiles };
  /** rg's median over QualFrame's median (higher is better). */
  readonly ratio?: number;
  /** The median over the queries of each query's rg time over its QualFrame time. */
  readonly pairRatio?: number;
  /** The goal: ratio at least this. */
  readonly goal: number;
  readonly met?: boolean;
  /** Why ripgrep was not run. */
  readonly skipped?: string;
  readonly queries: readonly QueryTiming[];
}

export interface ReindexStep {
  readonly step: string;
  readonly runs: number;
  readonly ms: Spread;
  readonly goalMs?: number;
  readonly met?: boolean;
  readonly metAtMax?: boolean;
}

export interface SearchReindexResult {
  readonly measure: 'search-reindex';
  readonly corpus: SearchCorpusFacts;
  /** The document re-indexed: the path it replaces, and its body. */
  readonly document: { readonly path: string; readonly chars: number; readonly passages: number; readonly annotations: number };
  readonly steps: readonly ReindexStep[];
  /** On the largest corpus of a run of several sizes: its `add` median over the smallest's. */
  readonly growth?: { readonly fromDocuments: number; readonly ratio: number; readonly goal: number; readonly met: boolean };
}

export type SearchResultLine = SearchBuildResult | SearchQueryResult | SearchReindexResult;

// ---------------------------------------------------------------------------------------------
// Arithmetic.

/** The nearest-rank percentile (`p` in 0–100) of `values`: the smallest value with at least p% of the values at or below it. NaN for none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  if (!(p >= 0 && p <= 100)) throw new Error(`a percentile is between 0 and 100 (got ${p})`);
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

export function percentiles(values: readonly number[]): Percentiles {
  return { median: round3(median(values)), p95: round3(percentile(values, 95)), min: round3(Math.min(...values)), max: round3(Math.max(...values)) };
}

/** How many times faster QualFrame is: the baseline's time over QualFrame's (Infinity when QualFrame's is 0). */
export function speedRatio(baselineMs: number, qualframeMs: number): number {
  if (!(baselineMs >= 0) || !(qualframeMs >= 0)) throw new Error(`times must be numbers >= 0 (got ${baselineMs}, ${qualframeMs})`);
  if (qualframeMs === 0) return baselineMs === 0 ? 1 : Infinity;
  return baselineMs / qualframeMs;
}

/** Memory over the text it indexes. */
export function memoryFigure(bytes: number, textBytes: number): MemoryFigure {
  if (!(textBytes > 0)) throw new Error(`the text must have a size (got ${textBytes})`);
  return { mb: round2(bytes / 1e6), ratio: round2(bytes / textBytes) };
}

function round3(n: number): number {
  return Math.round(n * 1000) / 1000;
}

// ---------------------------------------------------------------------------------------------
// The queries.

/** A word of the index's dictionary: how many passages hold it, and whether it is ever written in ASCII. */
export interface DictionaryWord {
  readonly word: string;
  readonly passages: number;
  readonly ascii: boolean;
}

/**
 * The index's dictionary, read from the bodies with the index's own reading (`splitPassages`,
 * `forEachWord`, `isIndexed`): every indexed word and the passages holding it (its document
 * frequency), most frequent first, ties in word order. `ascii` tells whether the word is ever
 * written in plain ASCII: ripgrep can then find it as typed (the index folds accents, ripgrep's
 * `--ignore-case` does not).
 */
export function searchDictionary(bodies: readonly string[]): DictionaryWord[] {
  const counts = new Map<string, { passages: number; stamp: number; ascii: boolean }>();
  let stamp = 0;
  for (const body of bodies) {
    for (const passage of splitPassages(body)) {
      stamp++;
      forEachWord(body, passage.textStart, passage.end, (word, start, end) => {
        if (!isIndexed(word)) return;
        let entry = counts.get(word);
        if (!entry) {
          entry = { passages: 0, stamp: 0, ascii: false };
          counts.set(word, entry);
        }
        if (entry.stamp !== stamp) {
          entry.stamp = stamp;
          entry.passages++;
        }
        if (!entry.ascii && isAsciiText(body, start, end)) entry.ascii = true;
      });
    }
  }
  const out: DictionaryWord[] = [];
  for (const [word, e] of counts) out.push({ word, passages: e.passages, ascii: e.ascii });
  return out.sort((a, b) => b.passages - a.passages || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0));
}

function isAsciiText(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

/**
 * The bench's queries, deterministic for a seed: `count` in all (50), of which
 * {@link SEARCH_TWO_WORD_QUERIES} two-word queries and {@link SEARCH_PHRASE_QUERIES} phrase, the
 * rest single words.
 *
 * - Single words spread over the dictionary's frequencies: its ranks (most frequent first) are
 *   cut into as many bins as words wanted, evenly on a log scale (under Zipf's law, frequency
 *   falls as the rank grows, so the bins spread frequencies evenly too: from the most common
 *   words to words found in one passage), and one word is drawn from each bin.
 * - Two-word queries: two different words drawn from the words of a passage drawn at random
 *   (so frequent words more often, and the two words always meet at least once).
 * - The phrase: three consecutive words of a passage drawn at random, separated by single
 *   spaces, the first and last indexed (the middle one may be a stop word).
 *
 * Only words written in ASCII somewhere are drawn, so ripgrep can be given them as typed. The
 * queries are returned shuffled (frequent and rare interleaved).
 */
export function selectQueries(bodies: readonly string[], seed: string, options: { count?: number; dictionary?: readonly DictionaryWord[] } = {}): PlannedQuery[] {
  const count = options.count ?? SEARCH_QUERY_COUNT;
  const rng = new Random(`${seed}/search-queries`);
  const dictionary = (options.dictionary ?? searchDictionary(bodies)).filter((w) => w.ascii);
  const twoWords = Math.min(SEARCH_TWO_WORD_QUERIES, Math.max(0, count - 1));
  const phrases = Math.min(SEARCH_PHRASE_QUERIES, Math.max(0, count - twoWords));
  const singles = count - twoWords - phrases;
  if (dictionary.length < singles) throw new Error(`the corpus has ${dictionary.length} words to search for; ${singles} are needed`);

  const queries: PlannedQuery[] = [];
  for (const rank of spreadRanks(dictionary.length, singles, rng.fork('words'))) {
    const w = dictionary[rank];
    queries.push({ text: w.word, kind: 'word', patterns: [w.word], rank, passages: w.passages });
  }

  const passages = bodies.flatMap((body, b) => splitPassages(body).map((p) => ({ b, from: p.textStart, to: p.end })));
  const wordsOf = (p: { b: number; from: number; to: number }) => {
    const found: { word: string; start: number; end: number; ascii: boolean }[] = [];
    forEachWord(bodies[p.b], p.from, p.to, (word, start, end) => found.push({ word, start, end, ascii: isAsciiText(bodies[p.b], start, end) }));
    return found;
  };
  const pairRng = rng.fork('two words');
  for (let made = 0, tries = 0; made < twoWords; tries++) {
    if (tries > 10_000) throw new Error('found no passage with two different words to search for');
    const candidates = wordsOf(pairRng.pick(passages)).filter((w) => w.ascii && isIndexed(w.word));
    const first = candidates.length > 0 ? pairRng.pick(candidates).word : undefined;
    const others = candidates.filter((w) => w.word !== first);
    if (first === undefined || others.length === 0) continue;
    const second = pairRng.pick(others).word;
    queries.push({ text: `${first} ${second}`, kind: 'two words', patterns: [first, second] });
    made++;
  }

  const phraseRng = rng.fork('phrase');
  for (let made = 0, tries = 0; made < phrases; tries++) {
    if (tries > 10_000) throw new Error('found no passage with a three-word phrase to search for');
    const passage = phraseRng.pick(passages);
    const body = bodies[passage.b];
    const words = wordsOf(passage);
    const starts: number[] = [];
    for (let i = 0; i + 2 < words.length; i++) {
      const [a, b, c] = [words[i], words[i + 1], words[i + 2]];
      if (a.ascii && b.ascii && c.ascii && isIndexed(a.word) && isIndexed(c.word) && body.slice(a.end, b.start) === ' ' && body.slice(b.end, c.start) === ' ') starts.push(i);
    }
    if (starts.length === 0) continue;
    const i = phraseRng.pick(starts);
    const phrase = `${words[i].word} ${words[i + 1].word} ${words[i + 2].word}`;
    queries.push({ text: `"${phrase}"`, kind: 'phrase', patterns: [phrase] });
    made++;
  }
  return rng.fork('order').shuffle(queries);
}

/**
 * `k` distinct ranks out of `n` (0 = most frequent), increasing, one drawn from each of `k` bins
 * cut evenly on a log scale: bin i holds the ranks r with n^(i/k) <= r + 1 < n^((i+1)/k) (the
 * last also r = n - 1). A bin too narrow to hold a rank not drawn yet is moved up by one, so the
 * first bins, the most frequent words, become ranks 0, 1, 2, ... and the last holds the rarest.
 */
export function spreadRanks(n: number, k: number, rng: Random): number[] {
  if (k <= 0) return [];
  if (k >= n) return Array.from({ length: n }, (_, i) => i);
  const ranks: number[] = [];
  let previous = -1;
  for (let i = 0; i < k; i++) {
    // Leave room for the bins after this one.
    const room = n - (k - i);
    const lo = Math.min(Math.max(previous + 1, Math.ceil(n ** (i / k)) - 1), room);
    const binEnd = i === k - 1 ? n - 1 : Math.ceil(n ** ((i + 1) / k)) - 2;
    const hi = Math.max(lo, Math.min(binEnd, room));
    const rank = rng.int(lo, hi);
    ranks.push(rank);
    previous = rank;
  }
  return ranks;
}

// ---------------------------------------------------------------------------------------------
// ripgrep.

export interface RgCommand {
  readonly file: 'rg';
  readonly args: readonly string[];
  readonly options: ExecFileOptions & { readonly cwd: string; readonly shell: false };
}

/**
 * The ripgrep equivalent of a query, as a person would run it in the corpus folder:
 * `rg --fixed-strings --ignore-case --word-regexp --count-matches`, each word (or the phrase)
 * as its own `-e` pattern, over the document files only (the globs of `qualframe.yaml`'s
 * `documents`, here `transcripts/**\/*.md`). `--no-config` so no `RIPGREP_CONFIG_PATH` changes it,
 * and `--no-ignore` because the bench corpora sit in a folder git ignores (ripgrep would
 * otherwise skip every file). Two words are given as two patterns: ripgrep finds either (it has
 * no "both in one paragraph"), the same scan of every file. Meant for `execFile`: an argument
 * list, never a shell line.
 */
export function rgCommand(query: Pick<PlannedQuery, 'patterns'>, corpusDir: string, documentPatterns: readonly string[] = DOCUMENT_PATTERNS): RgCommand {
  if (query.patterns.length === 0) throw new Error('a query needs at least one pattern');
  const roots = [...new Set(documentPatterns.map(patternRoot))];
  const globs = documentPatterns.map((p) => `--glob=${p}`);
  return {
    file: 'rg',
    args: [
      '--no-config',
      '--no-ignore',
      '--fixed-strings',
      '--ignore-case',
      '--word-regexp',
      '--count-matches',
      ...globs,
      ...query.patterns.flatMap((p) => ['-e', p]),
      '--',
      ...roots,
    ],
    options: { cwd: corpusDir, shell: false, maxBuffer: 64 * 1024 * 1024, windowsHide: true },
  };
}

/** The folder a glob starts from: its path up to the first part with a wildcard (`transcripts/**\/*.md` → `transcripts`). */
export function patternRoot(pattern: string): string {
  const parts = pattern.split('/');
  const fixed: string[] = [];
  for (const part of parts) {
    if (/[*?[\]{}!]/.test(part)) break;
    fixed.push(part);
  }
  return fixed.length === 0 ? '.' : fixed.join('/');
}

/** The matches of `rg --count-matches` output: the sum of each `path:count` line's count. */
export function rgMatchCount(stdout: string): number {
  let total = 0;
  for (const line of stdout.split('\n')) {
    const m = /:(\d+)$/.exec(line.trimEnd());
    if (m) total += Number(m[1]);
  }
  return total;
}

/** Runs ripgrep; exit 1 (nothing found) is an answer, not a failure. */
export function runRg(command: RgCommand): Promise<{ stdout: string; code: number }> {
  return new Promise((resolve, reject) => {
    execFile(command.file, [...command.args], { ...command.options, encoding: 'utf8' }, (error, stdout, stderr) => {
      if (!error) return resolve({ stdout, code: 0 });
      // A child that ran and exited has its exit status here (a number); one that could not start, an errno string.
      const code = (error as { code?: unknown }).code;
      if (code === 1) return resolve({ stdout, code: 1 });
      reject(Object.assign(new Error(`rg ${command.args.join(' ')} failed: ${error.message}${stderr ? `\n${stderr}` : ''}`), { code }));
    });
  });
}

/** ripgrep's version line, or why it cannot be run. */
/** Whether ripgrep runs (`command`: the program, `rg` on the PATH by default), and its version or why not. */
export async function rgAvailable(command = 'rg'): Promise<{ version: string } | { skipped: string }> {
  return new Promise((resolve) => {
    execFile(command, ['--version'], { shell: false, encoding: 'utf8' }, (error, stdout) => {
      if (!error) return resolve({ version: stdout.split('\n')[0].trim() });
      const code = (error as NodeJS.ErrnoException).code;
      resolve({
        skipped:
          code === 'ENOENT'
            ? 'rg (ripgrep) is not installed: `npm run setup:vscode` installs it (Debian package ripgrep)'
            : `rg --version failed: ${error.message}`,
      });
    });
  });
}

// ---------------------------------------------------------------------------------------------
// The run.

export interface SearchRunOptions {
  readonly sizes: readonly number[];
  readonly runs: number;
  readonly seed: string;
  readonly cacheDir?: string;
  readonly wordsPerDocument?: number;
  readonly segmentsPerDocument?: number;
  readonly log: (line: string) => void;
  /** A full collection (run-bench's), and whether it really collects. */
  readonly collectGarbage: () => void;
  readonly collects: boolean;
}

/** Runs the search measures at every size: corpus generated or cached, loaded, checked, then measured. */
export async function runSearchMeasures(measures: readonly SearchMeasure[], options: SearchRunOptions): Promise<SearchResultLine[]> {
  if (measures.length === 0) return [];
  const want = (m: SearchMeasure) => measures.some((x) => x.name === m.name);
  const rg = want(SEARCH_QUERY) ? await rgAvailable() : undefined;
  if (rg && 'skipped' in rg) options.log(`search: ripgrep comparison skipped: ${rg.skipped}`);
  const results: SearchResultLine[] = [];
  const reindex: SearchReindexResult[] = [];
  for (const size of options.sizes) {
    // Each size in a call of its own: once it returns, nothing of that corpus or index is held
    // (a suspended async function keeps its locals), so the next size's memory is its own.
    const lines = await measureSize(size, want, rg, options);
    results.push(...lines);
    reindex.push(...lines.filter((r): r is SearchReindexResult => r.measure === 'search-reindex'));
  }
  // The growth from the smallest corpus to the largest, on the line of the largest.
  if (reindex.length >= 2) {
    const smallest = reindex.reduce((a, b) => (b.corpus.documents < a.corpus.documents ? b : a));
    const largest = reindex.reduce((a, b) => (b.corpus.documents > a.corpus.documents ? b : a));
    if (largest !== smallest) {
      const ratio = round2(speedRatio(largest.steps[0].ms.median, smallest.steps[0].ms.median));
      const growth = { fromDocuments: smallest.corpus.documents, ratio, goal: SEARCH_REINDEX_GROWTH_GOAL, met: ratio <= SEARCH_REINDEX_GROWTH_GOAL };
      results[results.indexOf(largest)] = { ...largest, growth };
      options.log(`  search-reindex: ${largest.corpus.documents} documents over ${smallest.corpus.documents}: ${ratio.toFixed(2)}× (goal ≤ ${SEARCH_REINDEX_GROWTH_GOAL}: ${growth.met ? 'met' : 'NOT met'})`);
    }
  }
  return results;
}

/** The search measures on the corpus of `size` documents. */
async function measureSize(size: number, want: (m: SearchMeasure) => boolean, rg: { version: string } | { skipped: string } | undefined, options: SearchRunOptions): Promise<SearchResultLine[]> {
  const results: SearchResultLine[] = [];
  const t0 = performance.now();
  const { dir, manifest, cached } = cachedCorpus(
    { documents: size, seed: options.seed, wordsPerDocument: options.wordsPerDocument, segmentsPerDocument: options.segmentsPerDocument },
    options.cacheDir ?? DEFAULT_CACHE_ROOT,
  );
  const t1 = performance.now();
  const loaded = await loadCorpus(new NodeCorpusFiles(dir));
  if (loaded.problems.length > 0) {
    throw new Error(`the benchmark corpus ${dir} has ${loaded.problems.length} problem(s); the measure would be meaningless:\n${loaded.problems.slice(0, 5).map(formatProblem).join('\n')}`);
  }
  const { documents, codebook } = loaded.corpus;
  const textBytes = documents.reduce((n, d) => n + Buffer.byteLength(d.body, 'utf8'), 0);
  options.log(
    `search: ${size} documents, ${(manifest.documentBytes / 1e6).toFixed(1)} MB of files, ${(textBytes / 1e6).toFixed(1)} MB of text ` +
      `(${cached ? 'cached' : `generated in ${fmtMs(t1 - t0)}`}, loaded in ${fmtMs(performance.now() - t1)}: ${dir})`,
  );
  const ctx: SizeContext = { dir, manifest, documents, codebook, textBytes, options };
  // The index the query and re-index measures use; built (and measured) by search-build when it runs.
  let index: SearchIndex;
  if (want(SEARCH_BUILD)) {
    const built = await measureBuild(ctx);
    index = built.index;
    results.push(built.result);
    const r = built.result;
    options.log(
      `  search-build: median ${fmtMs(r.ms.median)}; heap + buffers +${r.memory.built.mb.toFixed(1)} MB (${r.memory.built.ratio.toFixed(2)}× the text), ` +
        `${r.memory.searched.mb.toFixed(1)} MB after a prefix search (${r.memory.searched.ratio.toFixed(2)}×), stats ${r.memory.stats.mb.toFixed(1)} MB (${r.memory.stats.ratio.toFixed(2)}×) (goal ≤ ${r.goal}×: ${r.met ? 'met' : 'NOT met'})`,
    );
  } else index = buildIndex(documents, codebook);
  if (want(SEARCH_QUERY)) {
    const r = await measureQueries(ctx, index, rg!);
    results.push(r);
    options.log(
      `  search-query: QualFrame median ${fmtMs(r.qualframeMs.median)}, p95 ${fmtMs(r.qualframeMs.p95)}` +
        (r.rg ? `; rg median ${fmtMs(r.rg.ms.median)}, p95 ${fmtMs(r.rg.ms.p95)}; ${fmtRatio(r.ratio!)} (goal ≥ ${r.goal}×: ${r.met ? 'met' : 'NOT met'})` : `; rg skipped: ${r.skipped}`),
    );
  }
  if (want(SEARCH_REINDEX)) {
    const r = measureReindex(ctx, index);
    results.push(r);
    for (const s of r.steps) options.log(`  search-reindex (${s.step}): median ${fmtMs(s.ms.median)}, max ${fmtMs(s.ms.max)}${s.goalMs !== undefined ? ` (goal < ${s.goalMs} ms: ${verdict(s)})` : ''}`);
  }
  return results;
}

interface SizeContext {
  readonly dir: string;
  readonly manifest: CorpusManifest;
  readonly documents: readonly CorpusDocument[];
  readonly codebook: Codebook;
  readonly textBytes: number;
  readonly options: SearchRunOptions;
}

function buildIndex(documents: readonly CorpusDocument[], codebook: Codebook): SearchIndex {
  const index = new SearchIndex(codebook);
  index.sync(documents);
  return index;
}

function corpusFacts(ctx: SizeContext, stats: SearchIndexStats): SearchCorpusFacts {
  return {
    documents: ctx.documents.length,
    filesMb: round2(ctx.manifest.documentBytes / 1e6),
    textMb: round2(ctx.textBytes / 1e6),
    passages: stats.passages,
    terms: stats.terms,
    postings: stats.postings,
  };
}

/** heapUsed + arrayBuffers: the index keeps its postings in typed arrays, outside the heap once large. */
function memoryInUse(): number {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

/**
 * Memory in use once garbage is gone: a collection, then a pause, repeated until two readings
 * agree (within 0.1%, at most 10 rounds). One collection is not enough: V8 frees the memory of
 * dead array buffers in a sweeper that runs after it, concurrently, so `arrayBuffers` read right
 * after `gc()` still counts buffers already dead (the first run of this bench read 16 MB for
 * an index of 4.9 million postings that way).
 */
export async function settledMemory(collect: () => void, collects: boolean, read: () => number = memoryInUse): Promise<number> {
  if (!collects) return read();
  let last = NaN;
  for (let round = 0; round < 10; round++) {
    collect();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const now = read();
    if (Math.abs(now - last) <= 0.001 * now) return now;
    last = now;
  }
  return last;
}

/** One untimed build (JIT warm-up), then `runs` timed ones, each after a collection; none is kept. Synchronous, so no suspended frame holds one. */
function timeBuilds(ctx: SizeContext): number[] {
  const { documents, codebook, options } = ctx;
  buildIndex(documents, codebook);
  const times: number[] = [];
  for (let i = 0; i < options.runs; i++) {
    options.collectGarbage();
    const t0 = performance.now();
    const index = buildIndex(documents, codebook);
    times.push(performance.now() - t0);
    if (index.documentCount !== documents.length) throw new Error(`the index holds ${index.documentCount} documents of ${documents.length}`);
  }
  return times;
}

async function measureBuild(ctx: SizeContext): Promise<{ result: SearchBuildResult; index: SearchIndex }> {
  const { documents, codebook, options } = ctx;
  const times = timeBuilds(ctx);
  // Memory: one more build, held.
  const before = await settledMemory(options.collectGarbage, options.collects);
  const index = buildIndex(documents, codebook);
  const built = (await settledMemory(options.collectGarbage, options.collects)) - before;
  const stats = index.stats();
  // The first search as the view runs it builds the dictionary's radix tree and the search scratch.
  index.search('th', { prefixLast: true, limit: AS_YOU_TYPE_LIMIT });
  const searched = (await settledMemory(options.collectGarbage, options.collects)) - before;
  const memory = {
    built: memoryFigure(built, ctx.textBytes),
    searched: memoryFigure(searched, ctx.textBytes),
    stats: memoryFigure(stats.bytes, ctx.textBytes),
    collected: options.collects,
  };
  return {
    index,
    result: {
      measure: 'search-build',
      corpus: corpusFacts(ctx, stats),
      runs: times.length,
      ms: spreadOf(times),
      memory,
      goal: SEARCH_MEMORY_GOAL,
      met: memory.searched.ratio <= SEARCH_MEMORY_GOAL,
      laterGoal: SEARCH_MEMORY_LATER_GOAL,
      metLater: memory.searched.ratio <= SEARCH_MEMORY_LATER_GOAL,
    },
  };
}

async function measureQueries(ctx: SizeContext, index: SearchIndex, rg: { version: string } | { skipped: string }): Promise<SearchQueryResult> {
  const { documents, options } = ctx;
  const dictionary = searchDictionary(documents.map((d) => d.body));
  const stats = index.stats();
  if (dictionary.length !== stats.terms) throw new Error(`the bench's reading of the dictionary has ${dictionary.length} words, the index ${stats.terms}`);
  const planned = selectQueries(
    documents.map((d) => d.body),
    options.seed,
    { dictionary },
  );
  const commands = planned.map((q) => rgCommand(q, ctx.dir));
  const useRg = 'version' in rg;

  // Warm-up, one of each, and the checks: a word finds the passages the dictionary counts; every
  // query finds something; ripgrep finds something wherever QualFrame does.
  const found: number[] = [];
  const rgFound: number[] = [];
  for (let i = 0; i < planned.length; i++) {
    const q = planned[i];
    const r = index.search(q.text);
    index.search(q.text, { prefixLast: true, limit: AS_YOU_TYPE_LIMIT });
    if (q.kind === 'word' && r.total !== q.passages) throw new Error(`"${q.text}": the index found ${r.total} passages, the dictionary counts ${q.passages}`);
    if (r.total === 0) throw new Error(`"${q.text}" (${q.kind}) finds nothing in the index`);
    found.push(r.total);
    if (useRg) {
      const matches = rgMatchCount((await runRg(commands[i])).stdout);
      if (matches === 0) throw new Error(`rg ${commands[i].args.join(' ')} (in ${ctx.dir}) found nothing where QualFrame found ${r.total} passages: it does not search the same files`);
      rgFound.push(matches);
    }
  }

  // Timed: every query `runs` times; in each round the queries in turn, QualFrame and rg
  // alternating which goes first. The as-you-type variant after, on its own.
  const qf: number[][] = planned.map(() => []);
  const grep: number[][] = planned.map(() => []);
  for (let round = 0; round < options.runs; round++) {
    for (let i = 0; i < planned.length; i++) {
      const timeQf = () => {
        const t0 = performance.now();
        sink = index.search(planned[i].text);
        qf[i].push(performance.now() - t0);
      };
      const timeRg = async () => {
        if (!useRg) return;
        const t0 = performance.now();
        await runRg(commands[i]);
        grep[i].push(performance.now() - t0);
      };
      if ((round + i) % 2 === 0) {
        timeQf();
        await timeRg();
      } else {
        await timeRg();
        timeQf();
      }
    }
  }
  const asYouType = planned.map((q) => median(timeRuns(options.runs, 0, () => index.search(q.text, { prefixLast: true, limit: AS_YOU_TYPE_LIMIT }))));
  sink = undefined;

  const qfMedians = qf.map((t) => median(t));
  const rgMedians = useRg ? grep.map((t) => median(t)) : [];
  const qualframeMs = percentiles(qfMedians);
  const queries: QueryTiming[] = planned.map((q, i) => ({
    text: q.text,
    kind: q.kind,
    passages: found[i],
    ...(useRg ? { rgMatches: rgFound[i] } : {}),
    qualframeMs: round3(qfMedians[i]),
    ...(useRg ? { rgMs: round3(rgMedians[i]) } : {}),
  }));
  const mix = { words: planned.filter((q) => q.kind === 'word').length, twoWords: planned.filter((q) => q.kind === 'two words').length, phrases: planned.filter((q) => q.kind === 'phrase').length };
  const base = { measure: 'search-query' as const, corpus: corpusFacts(ctx, stats), runs: options.runs, mix, qualframeMs, asYouTypeMs: percentiles(asYouType), goal: SEARCH_QUERY_GOAL };
  if (!useRg) return { ...base, skipped: rg.skipped, queries };
  const rgMs = percentiles(rgMedians);
  const ratio = round2(speedRatio(median(rgMedians), median(qfMedians)));
  return {
    ...base,
    rg: { version: rg.version, example: ['rg', ...commands[planned.findIndex((q) => q.kind === 'word')].args], ms: rgMs },
    ratio,
    pairRatio: round2(median(planned.map((_, i) => speedRatio(rgMedians[i], qfMedians[i])))),
    met: ratio >= SEARCH_QUERY_GOAL,
    queries,
  };
}

/** Holds the last search result, so no timed call can be optimised away. */
let sink: unknown;

/** The last timed search's result (for tests: proof that the work was kept). */
export const lastSearchResult = (): unknown => sink;

/**
 * The document re-indexed at every size: one interview made by the generator from the bench
 * seed (the corpora's vocabulary; the same body at every size, so the sizes are compared on the
 * same work), parsed as the loader parses it, given the path of a document of the corpus.
 */
export function reindexDocument(seed: string, path: string, wordsPerDocument?: number): CorpusDocument {
  const { files } = buildCorpusFiles({ documents: 1, seed, ...(wordsPerDocument !== undefined ? { wordsPerDocument } : {}) });
  const [source, text] = [...files].find(([p]) => p.startsWith('transcripts/'))!;
  const { document, problems } = parseCorpusDocument(source, text);
  if (!document || problems.length > 0) throw new Error(`the re-index document does not parse cleanly: ${problems.map(formatProblem).join('; ')}`);
  return { ...document, path };
}

function measureReindex(ctx: SizeContext, index: SearchIndex): SearchReindexResult {
  const { documents, options } = ctx;
  // The middle document by path: a path the index holds.
  const target = documents[documents.length >> 1];
  const replacement = reindexDocument(options.seed, target.path, options.wordsPerDocument);
  const fresh = () => ({ ...replacement });
  const runs = options.runs * SEARCH_REINDEX_RUNS_PER_RUN;
  // The first replaces the corpus's own document (untimed); the timed ones replace the same body again, a new object each time.
  index.add(fresh());
  // A clean heap before each series (not between calls: a call that triggers a collection pays for it, as in the extension host).
  options.collectGarbage();
  const add = timeRuns(runs, SEARCH_REINDEX_WARM_UP, () => index.add(fresh()));
  index.compact();
  // sync, as the extension calls it: every document compared, the changed one re-indexed, dead passages compacted when they outnumber the living.
  const current = documents.map((d) => (d.path === target.path ? fresh() : d));
  const at = current.findIndex((d) => d.path === target.path);
  options.collectGarbage();
  const sync = timeRuns(runs, SEARCH_REINDEX_WARM_UP, () => {
    current[at] = fresh();
    index.sync(current);
  });
  if (index.documentAt(target.path) !== current[at] || index.documentCount !== documents.length) throw new Error('re-indexing did not replace the document');
  const step = (label: string, times: number[], goalMs?: number): ReindexStep => {
    const ms = spreadOf(times);
    return { step: label, runs: times.length, ms, ...(goalMs !== undefined ? { goalMs, met: ms.median < goalMs, metAtMax: ms.max < goalMs } : {}) };
  };
  return {
    measure: 'search-reindex',
    corpus: corpusFacts(ctx, index.stats()),
    document: { path: target.path, chars: replacement.body.length, passages: splitPassages(replacement.body).length, annotations: replacement.annotations.length },
    steps: [step('index.add', add, SEARCH_REINDEX_GOAL_MS), step('index.sync, one document changed', sync)],
  };
}

// ---------------------------------------------------------------------------------------------
// The tables.

function fmtRatio(r: number): string {
  return Number.isFinite(r) ? `${r.toFixed(r >= 100 ? 0 : 1)}×` : '∞';
}

function fmtMem(m: MemoryFigure): string {
  return `${m.mb.toFixed(1)} (${m.ratio.toFixed(2)}×)`;
}

function sizeLabel(c: SearchCorpusFacts): string {
  return `${c.documents.toLocaleString('en')} docs`;
}

/** The search results as Markdown tables, one per measure, in the style of run-bench's. */
export function formatSearchTable(results: readonly SearchResultLine[]): string {
  const tables: string[] = [];
  const builds = results.filter((r): r is SearchBuildResult => r.measure === 'search-build');
  if (builds.length > 0) {
    const header = ['measure', 'size', 'text MB (files)', 'passages', 'words', 'runs', 'build median (min)', 'heap + buffers MB (× text)', 'after a prefix search', 'stats().bytes MB', 'goal', 'met'];
    tables.push(
      markdownTable(
        header,
        builds.map((r) => [
          r.measure,
          sizeLabel(r.corpus),
          `${r.corpus.textMb.toFixed(1)} (${r.corpus.filesMb.toFixed(1)})`,
          r.corpus.passages.toLocaleString('en'),
          r.corpus.terms.toLocaleString('en'),
          String(r.runs),
          `${fmtMs(r.ms.median)} (${fmtMs(r.ms.min)})`,
          fmtMem(r.memory.built),
          fmtMem(r.memory.searched),
          fmtMem(r.memory.stats),
          `≤ ${r.goal}× (later ≤ ${r.laterGoal}×)`,
          r.met ? (r.metLater ? 'yes, both' : `yes; not ≤ ${r.laterGoal}×`) : 'NO',
        ]),
      ),
    );
  }
  const queries = results.filter((r): r is SearchQueryResult => r.measure === 'search-query');
  if (queries.length > 0) {
    const header = ['measure', 'size', 'queries', 'runs', 'QualFrame median', 'p95', 'as you type median (p95)', 'rg median', 'rg p95', 'ratio rg / QualFrame', 'pair ratio', 'goal', 'met'];
    tables.push(
      markdownTable(
        header,
        queries.map((r) => [
          r.measure,
          sizeLabel(r.corpus),
          `${r.queries.length} (${r.mix.words} + ${r.mix.twoWords} + ${r.mix.phrases})`,
          String(r.runs),
          fmtMs(r.qualframeMs.median),
          fmtMs(r.qualframeMs.p95),
          `${fmtMs(r.asYouTypeMs.median)} (${fmtMs(r.asYouTypeMs.p95)})`,
          r.rg ? fmtMs(r.rg.ms.median) : `skipped: ${r.skipped}`,
          r.rg ? fmtMs(r.rg.ms.p95) : '',
          r.ratio !== undefined ? fmtRatio(r.ratio) : '',
          r.pairRatio !== undefined ? fmtRatio(r.pairRatio) : '',
          `≥ ${r.goal}×`,
          r.met === undefined ? 'skipped' : r.met ? 'yes' : 'NO',
        ]),
      ),
    );
  }
  const reindex = results.filter((r): r is SearchReindexResult => r.measure === 'search-reindex');
  if (reindex.length > 0) {
    const header = ['measure', 'step', 'size', 'document', 'runs', 'median (min)', 'max', 'goal', 'met'];
    const rows = reindex.flatMap((r) =>
      r.steps.map((s) => [
        r.measure,
        s.step,
        sizeLabel(r.corpus),
        `${r.document.chars.toLocaleString('en')} chars, ${r.document.passages} passages`,
        String(s.runs),
        `${fmtMs(s.ms.median)} (${fmtMs(s.ms.min)})`,
        fmtMs(s.ms.max),
        s.goalMs !== undefined ? `< ${s.goalMs} ms` : '',
        verdict(s),
      ]),
    );
    const growth = reindex.filter((r) => r.growth).map((r) => `search-reindex: index.add at ${r.corpus.documents.toLocaleString('en')} documents over ${r.growth!.fromDocuments.toLocaleString('en')}: ${r.growth!.ratio.toFixed(2)}× (goal ≤ ${r.growth!.goal}: ${r.growth!.met ? 'met' : 'NOT met'})`);
    tables.push([markdownTable(header, rows), ...growth].join('\n'));
  }
  return tables.join('\n\n');
}
