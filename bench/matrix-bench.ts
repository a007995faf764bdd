/**
 * The Framework Matrix, measured (docs/performance.md, "Framework Matrix"): what the host
 * computes and posts when the matrix panel opens on a large corpus. Run by `npm run bench`, or
 * alone:
 *
 *   npm run bench -- --measures matrix-model
 *
 * - `matrix-model`: a synthetic corpus of 1,000 cases, one interview each (so one row each),
 *   charted against 8 themes of 5 codes, loaded once with `loadCorpus` (not timed). Then, each
 *   timed on its own: `buildFrameworkMatrix` (against the issue's goal of 100 ms); the mapping
 *   of the matrix to the shape the panel posts (`toMatrixView` in
 *   src/extension/webview/matrix-view.ts, the panel's own code); and `JSON.stringify` of the posted message, whose size is reported
 *   too: plain, and as VS Code serialises a webview message (with a replacer, see
 *   {@link postMessageReplacer}).
 *
 * Absolute times, like the editor measures: there is no bare operation to compare with. Numbers
 * are reported, never asserted; the unit tests check only the corpus, the matrix and the message.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Corpus } from '../src/core/corpus/corpus';
import { loadCorpus, type LoadedCorpus } from '../src/core/corpus/load-corpus';
import { waveOf } from '../src/core/compare/document-wave';
import { buildFrameworkMatrix, type FrameworkMatrix } from '../src/core/matrix/framework-matrix';
import { formatProblem } from '../src/core/problems';
import { NodeCorpusFiles } from '../src/node/node-corpus-files';
import { toMatrixView } from '../src/extension/webview/matrix-view';
import type { MatrixMessage } from '../src/protocol/matrix-messages';
import { cachedCorpus, DEFAULT_CACHE_ROOT, type CorpusManifest, type CorpusOptions } from './generate-corpus';
import { fmtMs, markdownTable, round2, spreadOf, timeRuns, verdict, type Spread } from './timing';

// ---------------------------------------------------------------------------------------------
// The measure.

export interface MatrixMeasure {
  readonly name: string;
  readonly description: string;
}

export const MATRIX_MODEL: MatrixMeasure = {
  name: 'matrix-model',
  description: 'buildFrameworkMatrix, the mapping to the posted message, and JSON.stringify of it, on 1,000 cases × 8 themes (40,000 coded segments)',
};

/**
 * The replacer VS Code's extension host passes to `JSON.stringify` for a webview message
 * (`serializeWebviewMessage` in vs/workbench/api/common/extHostWebviewMessaging.ts, used for
 * extensions whose `engines.vscode` is 1.57 or later, as QualFrame's is): array buffers and
 * their views become references sent alongside. The matrix has none, so the text is the same
 * as without it; the cost of a function call per key is not.
 */
export function postMessageReplacer(_key: string, value: unknown): unknown {
  if (value instanceof ArrayBuffer) return { $$vscode_array_buffer_reference$$: true, index: 0 };
  if (ArrayBuffer.isView(value)) return { $$vscode_array_buffer_reference$$: true, index: 0, view: { byteLength: value.byteLength, byteOffset: value.byteOffset } };
  return value;
}

/** Every matrix measure, in the order they run. Selected with `--measures` like the corpus measures. */
export const MATRIX_MEASURES: readonly MatrixMeasure[] = [MATRIX_MODEL];

/** The issue's goal for building the matrix model of 1,000 cases × 8 themes. */
export const MATRIX_GOAL_MS = 100;

/** Tens of milliseconds a run: this many timed runs per `--runs` (30 by default). */
export const MATRIX_RUNS_PER_RUN = 6;

/** Untimed calls before each step's timed runs (JIT warm-up). */
export const MATRIX_WARM_UP = 3;

export const MATRIX_CASES = 1000;
export const MATRIX_THEMES = 8;
/**
 * Words of each interview. The matrix never reads a body (its quotes are the annotations'
 * own), so bodies shorter than the cold-load corpus's 8,000 words change nothing timed here;
 * they only make the corpus quicker to generate and load.
 */
export const MATRIX_WORDS_PER_DOCUMENT = 2000;

/**
 * The corpus of `matrix-model`: 1,000 cases of one interview each (no panel or notes cases, so
 * one row per case), 8 themes of 5 codes, 40 coded segments per interview (the generator's
 * defaults), and summaries of 0–4 themes per case.
 */
export function matrixCorpusOptions(seed: string, cases = MATRIX_CASES): CorpusOptions {
  return { documents: cases, seed, themes: MATRIX_THEMES, wordsPerDocument: MATRIX_WORDS_PER_DOCUMENT, oneDocumentPerCase: true };
}

export function isMatrixMeasure(name: string): boolean {
  return MATRIX_MEASURES.some((m) => m.name === name);
}

/** The matrix measures among `names` (all when none are given). */
export function selectMatrixMeasures(names?: readonly string[]): MatrixMeasure[] {
  if (names === undefined || names.length === 0) return [...MATRIX_MEASURES];
  return MATRIX_MEASURES.filter((m) => names.includes(m.name));
}

export type MatrixTiming = Spread;

/** One timed step of the measure. */
export interface MatrixStep {
  readonly step: string;
  readonly runs: number;
  readonly ms: MatrixTiming;
  /** The goal, when the issue states one: under this many ms. */
  readonly goalMs?: number;
  /** The median is under the goal. */
  readonly met?: boolean;
  /** The slowest run is under the goal too. */
  readonly metAtMax?: boolean;
}

/** The result of `matrix-model`: the corpus, the matrix, the message, and the timed steps. */
export interface MatrixResult {
  readonly measure: string;
  readonly corpus: {
    readonly cases: number;
    readonly documents: number;
    readonly themes: number;
    readonly codes: number;
    readonly annotations: number;
    readonly summaries: number;
    /** Size of the document files, in MB (10^6 bytes). */
    readonly megabytes: number;
  };
  readonly matrix: {
    readonly rows: number;
    readonly columns: number;
    /** Segments charted (in some cell) and summaries shown. */
    readonly quotes: number;
    readonly summaries: number;
    readonly maxSegments: number;
  };
  /** The message the panel posts: `JSON.stringify` of it, in MB (10^6 bytes of UTF-8). */
  readonly messageMb: number;
  readonly steps: MatrixStep[];
}

export interface MatrixRunOptions {
  readonly runs: number;
  readonly seed: string;
  /** Where generated corpora are cached (default bench/.corpora). */
  readonly cacheDir?: string;
  /** Cases in the corpus (default 1,000, the issue's size; a smoke run takes fewer). */
  readonly cases?: number;
  readonly log: (line: string) => void;
}

/** Runs the matrix measures: the corpus generated (or found in the cache) and loaded, checked, then timed. */
export async function runMatrixMeasures(measures: readonly MatrixMeasure[], options: MatrixRunOptions): Promise<MatrixResult[]> {
  const results: MatrixResult[] = [];
  for (const measure of measures) {
    if (measure.name !== MATRIX_MODEL.name) throw new Error(`unknown matrix measure "${measure.name}"`);
    const r = await matrixModel(options);
    for (const s of r.steps) {
      options.log(`  ${r.measure} (${s.step}): median ${fmtMs(s.ms.median)}, max ${fmtMs(s.ms.max)}${s.goalMs !== undefined ? ` (goal < ${s.goalMs} ms: ${verdict(s)})` : ''}`);
    }
    options.log(`  ${r.measure}: the posted message is ${r.messageMb.toFixed(1)} MB`);
    results.push(r);
  }
  return results;
}

async function matrixModel(options: MatrixRunOptions): Promise<MatrixResult> {
  const { dir, manifest, cached, generatedMs, loadedMs, loaded } = await loadMatrixCorpus(options.seed, options.cacheDir, options.cases);
  const { corpus } = loaded;

  // Checked before timing: a row per case and wave, a column per theme, every segment charted.
  const matrix = buildFrameworkMatrix(corpus);
  const facts = checkMatrix(corpus, matrix);
  const root = pathToFileURL(dir).toString();
  const name = path.basename(dir);
  const message = matrixMessage(corpus, matrix, { root, name });
  const json = JSON.stringify(message);
  if (JSON.stringify(message, postMessageReplacer) !== json) throw new Error('the replacer changed the message');
  const messageMb = Buffer.byteLength(json, 'utf8') / 1e6;
  options.log(
    `matrix: ${corpus.cases.length.toLocaleString('en')} cases, ${corpus.documents.length.toLocaleString('en')} documents, ${(manifest.documentBytes / 1e6).toFixed(1)} MB, ` +
      `${manifest.annotations.toLocaleString('en')} annotations, ${manifest.summaries.toLocaleString('en')} summaries; ${facts.rows.toLocaleString('en')} rows × ${facts.columns} themes ` +
      `(${cached ? 'cached' : `generated in ${fmtMs(generatedMs)}`}, loaded in ${fmtMs(loadedMs)}: ${dir})`,
  );

  const build = timeRuns(options.runs, MATRIX_WARM_UP, () => buildFrameworkMatrix(corpus));
  const view = timeRuns(options.runs, MATRIX_WARM_UP, () => matrixMessage(corpus, matrix, { root, name }));
  const stringify = timeRuns(options.runs, MATRIX_WARM_UP, () => JSON.stringify(message));
  const posted = timeRuns(options.runs, MATRIX_WARM_UP, () => JSON.stringify(message, postMessageReplacer));
  const step = (label: string, times: number[], goalMs?: number): MatrixStep => {
    const ms = spreadOf(times);
    return { step: label, runs: times.length, ms, ...(goalMs !== undefined ? { goalMs, met: ms.median < goalMs, metAtMax: ms.max < goalMs } : {}) };
  };
  return {
    measure: MATRIX_MODEL.name,
    corpus: {
      cases: corpus.cases.length,
      documents: corpus.documents.length,
      themes: corpus.codebook.themes.length,
      codes: corpus.codebook.themes.reduce((n, t) => n + t.codes.length, 0),
      annotations: manifest.annotations,
      summaries: manifest.summaries,
      megabytes: round2(manifest.documentBytes / 1e6),
    },
    matrix: facts,
    messageMb: round2(messageMb),
    steps: [
      step('buildFrameworkMatrix', build, MATRIX_GOAL_MS),
      step('to the posted message (toMatrixView)', view),
      step('JSON.stringify(message)', stringify),
      step('JSON.stringify(message, replacer) as postMessage', posted),
    ],
  };
}

/**
 * The corpus of `matrix-model`, generated under `cacheDir` when not there yet, and loaded with
 * `loadCorpus`. Throws when it loads with any problem: the measure would be meaningless.
 */
export async function loadMatrixCorpus(
  seed: string,
  cacheDir = DEFAULT_CACHE_ROOT,
  cases = MATRIX_CASES,
): Promise<{ dir: string; manifest: CorpusManifest; cached: boolean; generatedMs: number; loadedMs: number; loaded: LoadedCorpus }> {
  const t0 = performance.now();
  const { dir, manifest, cached } = cachedCorpus(matrixCorpusOptions(seed, cases), cacheDir);
  const t1 = performance.now();
  const loaded = await loadCorpus(new NodeCorpusFiles(dir));
  const t2 = performance.now();
  if (loaded.problems.length > 0) {
    throw new Error(`the matrix corpus ${dir} has ${loaded.problems.length} problem(s); the measure would be meaningless:\n${loaded.problems.slice(0, 5).map(formatProblem).join('\n')}`);
  }
  return { dir, manifest, cached, generatedMs: t1 - t0, loadedMs: t2 - t1, loaded };
}

/**
 * The matrix's shape, checked against the corpus: one row per case and value of the grouping
 * attribute among its documents, a cell per theme in every row, every annotation charted once
 * (the generator codes only with codes of the codebook) and every summary shown once.
 */
export function checkMatrix(corpus: Corpus, matrix: FrameworkMatrix): MatrixResult['matrix'] {
  const groups = new Set(corpus.documents.map((d) => JSON.stringify([d.caseId, waveOf(d, matrix.attribute) ?? ''])));
  const themeIds = corpus.codebook.themes.map((t) => t.id);
  let quotes = 0;
  let summaries = 0;
  for (const row of matrix.rows) {
    const ids = Object.keys(row.cells);
    if (ids.length !== themeIds.length || !themeIds.every((id) => ids.includes(id))) throw new Error(`row ${row.case} (${row.wave}) has cells for ${ids.join(', ')}, not every theme`);
    for (const cell of Object.values(row.cells)) {
      quotes += cell.segments;
      if (cell.summary !== undefined) summaries++;
    }
  }
  const annotations = corpus.documents.reduce((n, d) => n + d.annotations.length, 0);
  const caseSummaries = corpus.cases.reduce((n, c) => n + c.summaries.size, 0);
  if (matrix.rows.length !== groups.size || matrix.themes.length !== themeIds.length || quotes !== annotations || summaries !== caseSummaries) {
    throw new Error(
      `the matrix does not chart the corpus: ${matrix.rows.length} rows for ${groups.size} case × ${matrix.attribute} groups, ${matrix.themes.length} columns for ${themeIds.length} themes, ` +
        `${quotes} quotes for ${annotations} annotations, ${summaries} summaries for ${caseSummaries}`,
    );
  }
  return { rows: matrix.rows.length, columns: matrix.themes.length, quotes, summaries, maxSegments: matrix.maxSegments };
}

/** The message the matrix panel posts for `matrix` (src/extension/webview/matrix-panel.ts), built by the panel's own mapping. */
export function matrixMessage(corpus: Corpus, matrix: FrameworkMatrix, where: { root: string; name: string }): MatrixMessage {
  return { type: 'matrix', loading: false, data: toMatrixView(corpus, matrix, { ...where, readOnly: false, version: 1 }) };
}

// ---------------------------------------------------------------------------------------------
// Timing and the table.

/** The matrix results as a Markdown table, in the style of run-bench's: a line per timed step. */
export function formatMatrixTable(results: readonly MatrixResult[]): string {
  const header = ['measure', 'step', 'corpus', 'matrix', 'message', 'runs', 'median (min)', 'max', 'goal', 'met'];
  const rows = results.flatMap((r) =>
    r.steps.map((s) => [
      r.measure,
      s.step,
      `${r.corpus.cases.toLocaleString('en')} cases, ${r.corpus.annotations.toLocaleString('en')} segments`,
      `${r.matrix.rows.toLocaleString('en')} rows × ${r.matrix.columns} themes`,
      `${r.messageMb.toFixed(1)} MB`,
      String(s.runs),
      `${fmtMs(s.ms.median)} (${fmtMs(s.ms.min)})`,
      fmtMs(s.ms.max),
      s.goalMs !== undefined ? `< ${s.goalMs} ms` : '',
      verdict(s),
    ]),
  );
  return markdownTable(header, rows);
}
