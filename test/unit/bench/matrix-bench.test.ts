import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { buildCorpusFiles, corpusHash, withDefaults } from '../../../bench/generate-corpus';
import {
  checkMatrix,
  formatMatrixTable,
  loadMatrixCorpus,
  MATRIX_CASES,
  MATRIX_GOAL_MS,
  MATRIX_MEASURES,
  MATRIX_RUNS_PER_RUN,
  MATRIX_THEMES,
  matrixCorpusOptions,
  matrixMessage,
  postMessageReplacer,
  selectMatrixMeasures,
  type MatrixResult,
} from '../../../bench/matrix-bench';
import { runBench, selectMeasures, type BenchReport } from '../../../bench/run-bench';
import { computeStats } from '../../../src/core/corpus/stats';
import type { LoadedCorpus } from '../../../src/core/corpus/load-corpus';
import { buildFrameworkMatrix, type FrameworkMatrix } from '../../../src/core/matrix/framework-matrix';

// The corpus, the matrix and the message of matrix-model; nothing here asserts a time.
describe('bench: matrix-bench', () => {
  const seed = 'qualframe-bench';
  let scratch: string;
  let cacheDir: string;
  let loaded: LoadedCorpus;
  let matrix: FrameworkMatrix;
  before(async function () {
    this.timeout(120_000);
    scratch = mkdtempSync(path.join(tmpdir(), 'qf-bench-matrix-'));
    cacheDir = path.join(scratch, 'cache');
    ({ loaded } = await loadMatrixCorpus(seed, cacheDir));
    matrix = buildFrameworkMatrix(loaded.corpus);
  });
  after(() => rmSync(scratch, { recursive: true, force: true }));

  it('generates 1,000 cases of one interview each, 8 themes of 5 codes, and loads them with no problem', () => {
    assert.equal(MATRIX_CASES, 1000);
    assert.equal(MATRIX_THEMES, 8);
    assert.deepEqual(loaded.problems, []);
    const { corpus } = loaded;
    assert.equal(corpus.cases.length, 1000);
    assert.equal(corpus.documents.length, 1000);
    assert.ok(corpus.cases.every((c) => c.documents.length === 1));
    assert.equal(corpus.codebook.themes.length, 8);
    assert.ok(corpus.codebook.themes.every((t) => t.codes.length === 5));
    const stats = computeStats(corpus);
    assert.equal(stats.annotations, 40_000);
    assert.equal(stats.orphans, 0);
    assert.deepEqual(Object.keys(stats.casesByWave).sort(), ['2016', '2021']);
  });

  it('charts 1,000 rows (one per case: each has one document in one wave) × 8 theme columns, every segment and summary once', () => {
    assert.equal(matrix.attribute, 'wave');
    assert.equal(matrix.rows.length, 1000);
    assert.equal(new Set(matrix.rows.map((r) => r.case)).size, 1000);
    assert.deepEqual(matrix.themes.map((t) => t.id), loaded.corpus.codebook.themes.map((t) => t.id));
    for (const row of matrix.rows) assert.deepEqual(Object.keys(row.cells), matrix.themes.map((t) => t.id), row.case);
    const facts = checkMatrix(loaded.corpus, matrix);
    assert.deepEqual([facts.rows, facts.columns, facts.quotes], [1000, 8, 40_000]);
    assert.ok(facts.summaries > 1000 && facts.summaries < 4000, String(facts.summaries));
    assert.ok(facts.maxSegments > 5, String(facts.maxSegments));
  });

  it('builds the message the panel posts: compact, counts per cell and code without the quotes, a summary where the case has one', () => {
    const message = matrixMessage(loaded.corpus, matrix, { root: 'file:///corpus', name: 'corpus' });
    assert.equal(message.type, 'matrix');
    assert.equal(message.loading, false);
    assert.ok(message.data);
    assert.equal(message.data.rows.length, 1000);
    assert.deepEqual(message.data.themes, matrix.themes);
    assert.ok(message.data.attributes.includes('wave'));
    const cells = message.data.rows.flatMap((r) => Object.values(r.cells));
    assert.equal(cells.reduce((n, c) => n + c.segments, 0), 40_000);
    assert.equal(cells.reduce((n, c) => n + Object.values(c.codes).reduce((a, b) => a + b, 0), 0), 40_000);
    assert.equal(cells.some((c) => 'quotes' in c), false);
    const first = matrix.rows[0];
    const theme = matrix.themes.find((t) => first.cells[t.id].summary !== undefined) ?? matrix.themes[0];
    assert.equal(message.data.rows[0].cells[theme.id].summary, first.cells[theme.id].summary);
    assert.equal('summaryDocument' in message.data.rows[0].cells[theme.id], false);
    // Plain JSON data, as postMessage sends it: nothing lost in the round trip (no undefined
    // fields), and VS Code's replacer leaves it as it is (no array buffers).
    const json = JSON.stringify(message);
    assert.deepEqual(JSON.parse(json), message);
    assert.equal(JSON.stringify(message, postMessageReplacer), json);
    assert.deepEqual(JSON.parse(JSON.stringify({ b: new Uint8Array(2) }, postMessageReplacer)), { b: { $$vscode_array_buffer_reference$$: true, index: 0, view: { byteLength: 2, byteOffset: 0 } } });
  });

  it('adds oneDocumentPerCase to the generator without changing its corpora made without it', () => {
    const options = { documents: 30, wordsPerDocument: 100, segmentsPerDocument: 2, seed: 'one' };
    assert.equal(corpusHash({ ...options, oneDocumentPerCase: false }), corpusHash(options));
    assert.notEqual(corpusHash({ ...options, oneDocumentPerCase: true }), corpusHash(options));
    assert.equal('oneDocumentPerCase' in withDefaults(options), false);
    const mixed = buildCorpusFiles(options).manifest;
    const single = buildCorpusFiles({ ...options, oneDocumentPerCase: true }).manifest;
    assert.ok(mixed.cases < 30 && mixed.panelCases > 0 && mixed.notesCases > 0);
    assert.deepEqual([single.documents, single.cases, single.panelCases, single.notesCases], [30, 30, 0, 0]);
    assert.equal(single.options.oneDocumentPerCase, true);
    assert.deepEqual(matrixCorpusOptions(seed), { documents: 1000, seed, themes: 8, wordsPerDocument: 2000, oneDocumentPerCase: true });
  });

  it('is selected by --measures alongside the others', () => {
    assert.deepEqual(MATRIX_MEASURES.map((m) => m.name), ['matrix-model']);
    assert.deepEqual(selectMatrixMeasures().map((m) => m.name), ['matrix-model']);
    assert.deepEqual(selectMatrixMeasures(['cold-load', 'reanchor-edit']), []);
    assert.deepEqual(selectMatrixMeasures(['matrix-model']).map((m) => m.name), ['matrix-model']);
    assert.deepEqual(selectMeasures(['matrix-model']), []);
    assert.deepEqual(selectMeasures(['cold-load', 'matrix-model']).map((m) => m.name), ['cold-load']);
    assert.throws(() => selectMeasures(['nope']), /known: cold-load, search-build, search-query, search-reindex, decoration-ranges, reanchor-edit, matrix-model/);
  });

  it('runs alone on its cached corpus, and reports under "matrix" in the JSON and in the table', async function () {
    this.timeout(120_000);
    const out = path.join(scratch, 'out', 'matrix.json');
    const lines: string[] = [];
    const report = await runBench({ sizes: [10], runs: 1, measures: ['matrix-model'], cacheDir, out, log: (l) => lines.push(l) });
    assert.equal(report.results.length, 0);
    assert.equal(report.editor, undefined);
    const [r] = report.matrix!;
    assert.equal(report.matrix!.length, 1);
    assert.equal(r.measure, 'matrix-model');
    assert.deepEqual([r.corpus.cases, r.corpus.documents, r.corpus.themes, r.corpus.codes, r.corpus.annotations], [1000, 1000, 8, 40, 40_000]);
    assert.deepEqual([r.matrix.rows, r.matrix.columns, r.matrix.quotes], [1000, 8, 40_000]);
    assert.ok(r.messageMb > 1, String(r.messageMb));
    assert.deepEqual(r.steps.map((s) => s.step), ['buildFrameworkMatrix', 'to the posted message (toMatrixView)', 'JSON.stringify(message)', 'JSON.stringify(message, replacer) as postMessage']);
    assert.ok(r.steps.every((s) => s.runs === MATRIX_RUNS_PER_RUN && s.ms.min > 0 && s.ms.min <= s.ms.median && s.ms.median <= s.ms.max));
    assert.deepEqual(r.steps.map((s) => s.goalMs), [MATRIX_GOAL_MS, undefined, undefined, undefined]);
    assert.equal(r.steps[0].met, r.steps[0].ms.median < 100);
    const written = JSON.parse(readFileSync(out, 'utf8')) as BenchReport;
    assert.deepEqual(written.matrix, JSON.parse(JSON.stringify(report.matrix)));
    const printed = lines.join('\n');
    assert.match(printed, /\(cached, loaded in /);
    assert.match(printed, /^\| measure +\| step +\| corpus/m);
    assert.match(printed, /^\| matrix-model \| buildFrameworkMatrix +\| 1,000 cases, 40,000 segments \| 1,000 rows × 8 themes \|/m);
    assert.doesNotMatch(printed, /^corpus:/m);
    assert.doesNotMatch(printed, /^\| measure +\| size/m);
    assert.ok(existsSync(cacheDir));
  });

  it('formats its table', () => {
    const result: MatrixResult = {
      measure: 'matrix-model',
      corpus: { cases: 1000, documents: 1000, themes: 8, codes: 40, annotations: 40_000, summaries: 1990, megabytes: 26.8 },
      matrix: { rows: 1000, columns: 8, quotes: 40_000, summaries: 1990, maxSegments: 30 },
      messageMb: 12.34,
      steps: [
        { step: 'buildFrameworkMatrix', runs: 30, ms: { min: 40, median: 55, max: 120 }, goalMs: 100, met: true, metAtMax: false },
        { step: 'JSON.stringify(message)', runs: 30, ms: { min: 60, median: 70, max: 90 } },
      ],
    };
    const table = formatMatrixTable([result]);
    assert.match(table, /\| matrix-model \| buildFrameworkMatrix +\| 1,000 cases, 40,000 segments \| 1,000 rows × 8 themes \| 12\.3 MB \| 30 +\| 55\.0 ms \(40\.0 ms\) \| 120\.0 ms \| < 100 ms \| median only \|/);
    assert.match(table, /\| JSON\.stringify\(message\) +\| .* \| 70\.0 ms \(60\.0 ms\) \| 90\.0 ms +\| +\| +\|$/m);
  });
});
