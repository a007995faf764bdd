/**
 * `npm run bench`: QualFrame's performance goals, measured against a baseline on synthetic
 * corpora (bench/generate-corpus.ts) of several sizes. See docs/performance.md.
 *
 *   npm run bench -- [--sizes 10,100,1000] [--runs 5] [--measures cold-load] [--smoke] [--out FILE]
 *
 * Each measure is one function in MEASURES: it times QualFrame and its baseline in the same
 * process, alternating, after a warm-up of each, and reports minima, medians and the ratio of
 * the medians against its goal. Add a measure by adding an entry to MEASURES.
 *
 * The editor measures (bench/editor-bench.ts: decoration-ranges, reanchor-edit) time one
 * document each, in absolute milliseconds; they run after the corpus sizes and are selected
 * with the same --measures.
 *
 * The search measures (bench/search-bench.ts: search-build, search-query, search-reindex) build
 * the search index of each corpus size, query it against ripgrep and re-index one document;
 * they run after the corpus measures, at the same sizes, selected with the same --measures.
 *
 * The matrix measure (bench/matrix-bench.ts: matrix-model) times the Framework Matrix model of
 * one corpus of 1,000 cases, in absolute milliseconds; it runs last, also selected with --measures.
 *
 * The paint measure (bench/matrix-paint.ts: matrix-paint) opens the Framework Matrix panel in a
 * real VS Code (code-server and Chromium, `npm run setup:vscode`) on the same corpus. It is slow
 * and needs a browser, so it runs only when asked: `--paint` (alone), or `--measures` naming it.
 */
import fg from 'fast-glob';
import { mkdirSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { ALWAYS_IGNORED, CONFIG_FILE, DEFAULT_CODEBOOK } from '../src/core/corpus/config';
import { loadCorpus } from '../src/core/corpus/load-corpus';
import { isWaveSettingError, resolveComparison } from '../src/core/compare/comparison-setting';
import { buildWaveComparison } from '../src/core/compare/wave-comparison';
import { buildFrameworkMatrix } from '../src/core/matrix/framework-matrix';
import { computeStats } from '../src/core/corpus/stats';
import { formatProblem } from '../src/core/problems';
import { NodeCorpusFiles } from '../src/node/node-corpus-files';
import { cachedCorpus, DEFAULT_CACHE_ROOT, DOCUMENT_PATTERNS, type CorpusManifest } from './generate-corpus';
import { fmtMs, markdownTable, median, verdict } from './timing';
import { EDITOR_MEASURES, EDITOR_RUNS_PER_RUN, formatEditorTable, isEditorMeasure, runEditorMeasures, selectEditorMeasures, type EditorResult } from './editor-bench';
import { formatMatrixTable, isMatrixMeasure, MATRIX_MEASURES, MATRIX_RUNS_PER_RUN, runMatrixMeasures, selectMatrixMeasures, type MatrixResult } from './matrix-bench';
import { formatPaintTable, isPaintMeasure, MATRIX_PAINT, runPaintMeasure, type PaintResult } from './matrix-paint';
import { formatSearchTable, isSearchMeasure, runSearchMeasures, SEARCH_MEASURES, SEARCH_REINDEX_RUNS_PER_RUN, selectSearchMeasures, type SearchResultLine } from './search-bench';

export const DEFAULT_SIZES: readonly number[] = [10, 100, 1000];
export const DEFAULT_RUNS = 5;
export const DEFAULT_OUT = path.join(__dirname, 'results.json');
/** The seed of every benchmark corpus: the same corpora on every machine. */
export const BENCH_SEED = 'qualframe-bench';

export interface Timing {
  readonly min: number;
  readonly median: number;
}

/** One line of the results: a measure at one corpus size. */
export interface MeasureResult {
  readonly measure: string;
  readonly documents: number;
  /** Size of the document files, in MB (10^6 bytes). */
  readonly megabytes: number;
  readonly annotations: number;
  readonly runs: number;
  readonly baselineMs: Timing;
  readonly qualframeMs: Timing;
  /** QualFrame's median over the baseline's median. */
  readonly ratio: number;
  /** The median of the per-pair ratios (each QualFrame run over the baseline run next to it). */
  readonly pairRatio: number;
  /** The goal: ratio at most this. */
  readonly goal: number;
  readonly met: boolean;
  /** Heap in use after a load with the result still held, garbage collected first when possible (MB). */
  readonly heapUsedMb?: number;
  /** The part of that held by the loaded corpus (heap after minus heap before, MB). */
  readonly heapRetainedMb?: number;
}

export interface BenchReport {
  readonly machine: { readonly node: string; readonly cpus: number; readonly cpuModel: string; readonly platform: string; readonly arch: string; readonly memoryGb: number };
  readonly date: string;
  readonly settings: { readonly runs: number; readonly seed: string; readonly gc: GcKind };
  readonly results: MeasureResult[];
  /** The search measures (bench/search-bench.ts), when any ran: a line per measure and size. */
  readonly search?: SearchResultLine[];
  /** The editor measures (bench/editor-bench.ts), when any ran. */
  readonly editor?: EditorResult[];
  /** The matrix measures (bench/matrix-bench.ts), when any ran. */
  readonly matrix?: MatrixResult[];
  /** The panel's first paint in code-server (bench/matrix-paint.ts), when asked for. */
  readonly paint?: PaintResult[];
}

/** What a measure gets: one generated corpus and how many timed pairs to run. */
export interface MeasureContext {
  readonly corpusDir: string;
  readonly manifest: CorpusManifest;
  readonly runs: number;
  readonly log: (line: string) => void;
}

export interface Measure {
  readonly name: string;
  /** One line for the table's legend and the docs. */
  readonly description: string;
  readonly goal: number;
  run(ctx: MeasureContext): Promise<MeasureResult>;
}

// ---------------------------------------------------------------------------------------------
// Measures.

/**
 * Cold load: settings, codebook, every document parsed and its annotations anchored, and the
 * analysis models a panel opens with (the framework matrix and the wave comparison).
 */
async function loadWithModels(files: NodeCorpusFiles): ReturnType<typeof loadCorpus> {
  const loaded = await loadCorpus(files);
  buildFrameworkMatrix(loaded.corpus);
  const setting = resolveComparison(loaded.corpus);
  if (!isWaveSettingError(setting)) buildWaveComparison(loaded.corpus, setting);
  return loaded;
}

export const coldLoad: Measure = {
  name: 'cold-load',
  description: 'loadCorpus (settings, codebook, documents, anchoring) + matrix and comparison models vs fast-glob + readFile(utf8) of the same files',
  goal: 4,
  async run(ctx) {
    const files = () => new NodeCorpusFiles(ctx.corpusDir);
    const qualframe = async () => loadWithModels(files());
    const baseline = () => bareRead(ctx.corpusDir);

    // Warm-up, one of each (a warm OS file cache for both), and the correctness check. Only
    // numbers leave this call, so no loaded corpus sits in the heap during the timed runs.
    const checked = await warmUpColdLoad(ctx.corpusDir, baseline, qualframe);
    const pairs = await alternate(ctx.runs, baseline, qualframe);
    const memory = await heapAfter(qualframe);
    return result(this, ctx, {
      ...checked,
      pairs,
      ...memory,
    });
  },
};

async function warmUpColdLoad(
  root: string,
  baseline: () => ReturnType<typeof bareRead>,
  qualframe: () => ReturnType<typeof loadCorpus>,
): Promise<{ megabytes: number; annotations: number }> {
  const read = await baseline();
  const loaded = await qualframe();
  if (loaded.problems.length > 0) {
    throw new Error(`the benchmark corpus ${root} has ${loaded.problems.length} problem(s); the measure would be meaningless:\n${loaded.problems.slice(0, 5).map(formatProblem).join('\n')}`);
  }
  if (read.documents !== loaded.corpus.files.length) {
    throw new Error(`the bare read found ${read.documents} documents, loadCorpus ${loaded.corpus.files.length}: they must read the same files`);
  }
  return { megabytes: read.documentBytes / 1e6, annotations: computeStats(loaded.corpus).annotations };
}

/** Every measure, in the order they run. Later work adds warm load, re-index, search, matrix, re-anchoring, activation. */
export const MEASURES: readonly Measure[] = [coldLoad];

/**
 * The baseline of a cold load: what any tool must do at least. The same document list
 * (fast-glob, same patterns and exclusions), every file read as UTF-8, settings and codebook
 * included, all reads in flight at once.
 */
export async function bareRead(root: string): Promise<{ documents: number; documentBytes: number; chars: number }> {
  const paths = await fg([...DOCUMENT_PATTERNS], { cwd: root, ignore: [...ALWAYS_IGNORED], onlyFiles: true, followSymbolicLinks: false, stats: true });
  const [settings, codebook, ...texts] = await Promise.all([
    readFile(path.join(root, CONFIG_FILE), 'utf8'),
    readFile(path.join(root, DEFAULT_CODEBOOK), 'utf8'),
    ...paths.map((e) => readFile(path.join(root, e.path), 'utf8')),
  ]);
  let chars = settings.length + codebook.length;
  for (const t of texts) chars += t.length;
  const documentBytes = paths.reduce((sum, e) => sum + (e.stats?.size ?? 0), 0);
  return { documents: paths.length, documentBytes, chars };
}

// ---------------------------------------------------------------------------------------------
// Timing.

export interface Pair {
  readonly baselineMs: number;
  readonly qualframeMs: number;
}

/**
 * `runs` timed pairs, alternating which goes first (A B, B A, ...) so neither always runs
 * after the other's garbage. A collection before each timed call, when gc is available.
 */
export async function alternate(runs: number, baseline: () => Promise<unknown>, qualframe: () => Promise<unknown>): Promise<Pair[]> {
  const pairs: Pair[] = [];
  for (let i = 0; i < runs; i++) {
    let b = 0;
    let q = 0;
    if (i % 2 === 0) {
      b = await timed(baseline);
      q = await timed(qualframe);
    } else {
      q = await timed(qualframe);
      b = await timed(baseline);
    }
    pairs.push({ baselineMs: b, qualframeMs: q });
  }
  return pairs;
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  collectGarbage();
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

/**
 * Heap in use after one more call with its result still held; collected before and after
 * when gc is available (then also the part the result retains).
 */
async function heapAfter(fn: () => Promise<unknown>): Promise<{ heapUsedMb: number; heapRetainedMb?: number }> {
  collectGarbage();
  const before = process.memoryUsage().heapUsed;
  holder.value = await fn();
  collectGarbage();
  const after = process.memoryUsage().heapUsed;
  holder.value = undefined;
  return gcKind() === 'none' ? { heapUsedMb: after / 1e6 } : { heapUsedMb: after / 1e6, heapRetainedMb: (after - before) / 1e6 };
}

/** Holds a result through a collection, so that the heap measured includes it. */
const holder: { value?: unknown } = {};

export { median };

function timing(values: readonly number[]): Timing {
  return { min: Math.min(...values), median: median(values) };
}

function result(measure: Measure, ctx: MeasureContext, r: { megabytes: number; annotations: number; pairs: readonly Pair[]; heapUsedMb?: number; heapRetainedMb?: number }): MeasureResult {
  const baselineMs = timing(r.pairs.map((p) => p.baselineMs));
  const qualframeMs = timing(r.pairs.map((p) => p.qualframeMs));
  const ratio = qualframeMs.median / baselineMs.median;
  return {
    measure: measure.name,
    documents: ctx.manifest.documents,
    megabytes: round(r.megabytes, 2),
    annotations: r.annotations,
    runs: r.pairs.length,
    baselineMs: { min: round(baselineMs.min, 2), median: round(baselineMs.median, 2) },
    qualframeMs: { min: round(qualframeMs.min, 2), median: round(qualframeMs.median, 2) },
    ratio: round(ratio, 2),
    pairRatio: round(median(r.pairs.map((p) => p.qualframeMs / p.baselineMs)), 2),
    goal: measure.goal,
    met: ratio <= measure.goal,
    ...(r.heapUsedMb !== undefined ? { heapUsedMb: round(r.heapUsedMb, 1) } : {}),
    ...(r.heapRetainedMb !== undefined ? { heapRetainedMb: round(r.heapRetainedMb, 1) } : {}),
  };
}

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

// ---------------------------------------------------------------------------------------------
// Garbage collection: `global.gc` when node runs with --expose-gc, else the same function
// obtained through a V8 flag (so `npm run bench` needs no node options).

export type GcKind = 'exposed' | 'v8-flag' | 'none';
let gcFn: (() => void) | undefined;
let gcSource: GcKind | undefined;

function gcKind(): GcKind {
  if (gcSource === undefined) {
    const exposed = (globalThis as { gc?: () => void }).gc;
    if (typeof exposed === 'function') {
      gcFn = exposed;
      gcSource = 'exposed';
    } else {
      try {
        setFlagsFromString('--expose-gc');
        const fn = runInNewContext('gc') as unknown;
        if (typeof fn === 'function') {
          gcFn = fn as () => void;
          gcSource = 'v8-flag';
        } else gcSource = 'none';
      } catch {
        gcSource = 'none';
      }
    }
  }
  return gcSource;
}

function collectGarbage(): void {
  if (gcKind() !== 'none') gcFn!();
}

// ---------------------------------------------------------------------------------------------
// The run.

/** A smoke run checks that the matrix measure works, not how fast it is at the issue's size. */
export const SMOKE_MATRIX_CASES = 20;

export interface BenchOptions {
  readonly sizes: readonly number[];
  readonly runs: number;
  /** Measure names (default: all). */
  readonly measures?: readonly string[];
  /** Where to write the JSON report; none when undefined. */
  readonly out?: string;
  /** Where generated corpora are cached (default bench/.corpora). */
  readonly cacheDir?: string;
  /** Cases of the matrix-model corpus (default 1,000; --smoke takes 20). */
  readonly matrixCases?: number;
  readonly seed?: string;
  readonly wordsPerDocument?: number;
  readonly segmentsPerDocument?: number;
  readonly log?: (line: string) => void;
}

export async function runBench(options: BenchOptions): Promise<BenchReport> {
  const log = options.log ?? ((line: string) => console.log(line));
  const measures = selectMeasures(options.measures);
  const searchMeasures = selectSearchMeasures(options.measures);
  const editorMeasures = selectEditorMeasures(options.measures);
  const matrixMeasures = selectMatrixMeasures(options.measures);
  // Never by default: it needs code-server and a browser, and takes a minute or more.
  const paintSelected = options.measures?.some(isPaintMeasure) ?? false;
  if (options.sizes.length === 0 || options.sizes.some((s) => !Number.isInteger(s) || s < 1)) throw new Error(`sizes must be whole numbers >= 1 (got ${options.sizes.join(',')})`);
  if (!Number.isInteger(options.runs) || options.runs < 1) throw new Error(`runs must be a whole number >= 1 (got ${options.runs})`);
  const seed = options.seed ?? BENCH_SEED;
  const results: MeasureResult[] = [];
  for (const size of measures.length > 0 ? options.sizes : []) {
    const t0 = performance.now();
    const { dir, manifest, cached } = cachedCorpus(
      { documents: size, seed, wordsPerDocument: options.wordsPerDocument, segmentsPerDocument: options.segmentsPerDocument },
      options.cacheDir ?? DEFAULT_CACHE_ROOT,
    );
    log(`corpus: ${size} documents, ${(manifest.documentBytes / 1e6).toFixed(1)} MB, ${manifest.annotations} annotations (${cached ? 'cached' : `generated in ${((performance.now() - t0) / 1000).toFixed(1)} s`}: ${dir})`);
    for (const measure of measures) {
      const r = await measure.run({ corpusDir: dir, manifest, runs: options.runs, log });
      log(`  ${r.measure}: baseline ${fmtMs(r.baselineMs.median)}, QualFrame ${fmtMs(r.qualframeMs.median)}, ${r.ratio.toFixed(2)}× (goal ≤ ${r.goal}×)`);
      results.push(r);
    }
  }
  const search = await runSearchMeasures(searchMeasures, {
    sizes: options.sizes,
    runs: options.runs,
    seed,
    cacheDir: options.cacheDir ?? DEFAULT_CACHE_ROOT,
    ...(options.wordsPerDocument !== undefined ? { wordsPerDocument: options.wordsPerDocument } : {}),
    ...(options.segmentsPerDocument !== undefined ? { segmentsPerDocument: options.segmentsPerDocument } : {}),
    log,
    collectGarbage,
    collects: gcKind() !== 'none',
  });
  const editor = editorMeasures.length > 0 ? runEditorMeasures(editorMeasures, { runs: options.runs * EDITOR_RUNS_PER_RUN, seed, log }) : [];
  const matrix = matrixMeasures.length > 0 ? await runMatrixMeasures(matrixMeasures, { runs: options.runs * MATRIX_RUNS_PER_RUN, seed, cacheDir: options.cacheDir ?? DEFAULT_CACHE_ROOT, log, ...(options.matrixCases ? { cases: options.matrixCases } : {}) }) : [];
  const paint = paintSelected ? [await runPaintMeasure({ runs: options.runs, seed, cacheDir: options.cacheDir ?? DEFAULT_CACHE_ROOT, log, ...(options.matrixCases ? { cases: options.matrixCases } : {}) })] : [];
  for (const r of paint) {
    for (const s of r.steps) {
      log(`  ${r.measure} (${s.step}): median ${fmtMs(s.ms.median)}, max ${fmtMs(s.ms.max)}${s.firstMs !== undefined ? `, first open ${fmtMs(s.firstMs)}` : ''}${s.goalMs !== undefined ? ` (goal < ${s.goalMs} ms: ${verdict(s)})` : ''}`);
    }
  }
  const cpus = os.cpus();
  const report: BenchReport = {
    machine: {
      node: process.version,
      cpus: cpus.length,
      cpuModel: cpus[0]?.model.trim() ?? 'unknown',
      platform: process.platform,
      arch: process.arch,
      memoryGb: round(os.totalmem() / 1024 ** 3, 1),
    },
    date: new Date().toISOString(),
    settings: { runs: options.runs, seed, gc: gcKind() },
    results,
    ...(search.length > 0 ? { search } : {}),
    ...(editor.length > 0 ? { editor } : {}),
    ...(matrix.length > 0 ? { matrix } : {}),
    ...(paint.length > 0 ? { paint } : {}),
  };
  log('');
  log(formatTable(report));
  if (options.out !== undefined) {
    mkdirSync(path.dirname(path.resolve(options.out)), { recursive: true });
    writeFileSync(options.out, JSON.stringify(report, null, 2) + '\n');
    log(`\nwrote ${options.out}`);
  }
  return report;
}

/** Every measure's name, in the order they run: what --measures accepts. */
export const ALL_MEASURE_NAMES: readonly string[] = [...MEASURES, ...SEARCH_MEASURES, ...EDITOR_MEASURES, ...MATRIX_MEASURES, MATRIX_PAINT].map((m) => m.name);

export function selectMeasures(names?: readonly string[]): Measure[] {
  if (names === undefined || names.length === 0) return [...MEASURES];
  return names.filter((name) => !isSearchMeasure(name) && !isEditorMeasure(name) && !isMatrixMeasure(name) && !isPaintMeasure(name)).map((name) => {
    const m = MEASURES.find((x) => x.name === name);
    if (!m) throw new Error(`unknown measure "${name}" (known: ${ALL_MEASURE_NAMES.join(', ')})`);
    return m;
  });
}


/** The results as a Markdown table (also readable in a terminal). */
export function formatTable(report: BenchReport): string {
  const header = ['measure', 'size', 'MB', 'annotations', 'baseline median (min)', 'QualFrame median (min)', 'ratio', 'pair ratio', 'goal', 'met', 'heap MB'];
  const rows = report.results.map((r) => [
    r.measure,
    `${r.documents} docs`,
    r.megabytes.toFixed(1),
    String(r.annotations),
    `${fmtMs(r.baselineMs.median)} (${fmtMs(r.baselineMs.min)})`,
    `${fmtMs(r.qualframeMs.median)} (${fmtMs(r.qualframeMs.min)})`,
    `${r.ratio.toFixed(2)}×`,
    `${r.pairRatio.toFixed(2)}×`,
    `≤ ${r.goal}×`,
    r.met ? 'yes' : 'NO',
    r.heapUsedMb === undefined ? '' : r.heapRetainedMb === undefined ? r.heapUsedMb.toFixed(0) : `${r.heapUsedMb.toFixed(0)} (+${r.heapRetainedMb.toFixed(0)})`,
  ]);
  return [
    ...(rows.length > 0 || (!report.search?.length && !report.editor?.length && !report.matrix?.length && !report.paint?.length) ? [markdownTable(header, rows), ''] : []),
    ...(report.search?.length ? [formatSearchTable(report.search), ''] : []),
    ...(report.editor?.length ? [formatEditorTable(report.editor), ''] : []),
    ...(report.matrix?.length ? [formatMatrixTable(report.matrix), ''] : []),
    ...(report.paint?.length ? [formatPaintTable(report.paint), ''] : []),
    `${report.machine.platform} ${report.machine.arch}, ${report.machine.cpus} × ${report.machine.cpuModel}, node ${report.machine.node}, ${report.settings.runs} run(s), gc: ${report.settings.gc}, ${report.date}`,
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------
// Command line.

export const USAGE = `usage: npm run bench -- [--sizes 10,100,1000] [--runs 5] [--measures ${ALL_MEASURE_NAMES.join(',')}] [--paint] [--smoke] [--out FILE]

  --sizes N,N,...   corpus sizes in documents (default ${DEFAULT_SIZES.join(',')})
  --runs N          timed pairs per measure and size, after one warm-up of each (default ${DEFAULT_RUNS});
                    the editor measures time ${EDITOR_RUNS_PER_RUN} × N runs, matrix-model ${MATRIX_RUNS_PER_RUN} × N runs of each step;
                    search-build N builds, search-query N rounds of its 50 queries, search-reindex ${SEARCH_REINDEX_RUNS_PER_RUN} × N re-indexes
  --measures A,B    which measures (default: all but ${MATRIX_PAINT.name})
  --paint           the matrix panel's first paint in code-server (${MATRIX_PAINT.name}, N + 1 opens; needs
                    \`npm run setup:vscode\`); alone, or with the measures --measures names
  --smoke           the smallest size only, 1 run, no results file unless --out is given
                    (search-query reports ripgrep as skipped, with the reason, when rg is not installed)
  --out FILE        where to write the JSON results (default bench/results.json)
  --cache DIR       where generated corpora are kept (default bench/.corpora)`;

export function parseBenchArgs(argv: readonly string[]): BenchOptions & { help: boolean } {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      sizes: { type: 'string' },
      runs: { type: 'string' },
      measures: { type: 'string' },
      smoke: { type: 'boolean', default: false },
      paint: { type: 'boolean', default: false },
      out: { type: 'string' },
      cache: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  const list = (s: string) => s.split(',').map((x) => x.trim()).filter((x) => x !== '');
  const whole = (s: string, flag: string) => {
    if (!/^\d+$/.test(s) || Number(s) < 1) throw new Error(`${flag} takes whole numbers >= 1 (got "${s}")`);
    return Number(s);
  };
  let sizes = values.sizes !== undefined ? list(values.sizes).map((s) => whole(s, '--sizes')) : [...DEFAULT_SIZES];
  if (sizes.length === 0) throw new Error('--sizes needs at least one size');
  let runs = values.runs !== undefined ? whole(values.runs, '--runs') : DEFAULT_RUNS;
  let out: string | undefined = values.out ?? DEFAULT_OUT;
  let measures = values.measures !== undefined ? list(values.measures) : undefined;
  if (values.paint && !measures?.some(isPaintMeasure)) measures = [...(measures ?? []), MATRIX_PAINT.name];
  if (values.smoke) {
    sizes = [Math.min(...sizes)];
    runs = 1;
    out = values.out;
  }
  return {
    sizes,
    runs,
    ...(measures !== undefined ? { measures } : {}),
    ...(out !== undefined ? { out } : {}),
    ...(values.smoke ? { matrixCases: SMOKE_MATRIX_CASES } : {}),
    ...(values.cache !== undefined ? { cacheDir: values.cache } : {}),
    help: values.help,
  };
}

async function main(): Promise<void> {
  let options;
  try {
    options = parseBenchArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`${(e as Error).message}\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  if (options.help) {
    console.log(USAGE);
    return;
  }
  const report = await runBench(options);
  // A paint measure asked for but not run (code-server or Chromium missing) is said above; the exit code says it too.
  if (report.paint?.some((r) => r.skipped !== undefined)) process.exitCode = 1;
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : e);
    process.exitCode = 1;
  });
}
