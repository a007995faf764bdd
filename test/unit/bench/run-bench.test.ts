import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { generateCorpus } from '../../../bench/generate-corpus';
import {
  alternate,
  bareRead,
  DEFAULT_OUT,
  DEFAULT_RUNS,
  DEFAULT_SIZES,
  formatTable,
  MEASURES,
  median,
  parseBenchArgs,
  runBench,
  selectMeasures,
  type BenchReport,
} from '../../../bench/run-bench';

describe('bench: run-bench', () => {
  let scratch: string;
  before(() => {
    scratch = mkdtempSync(path.join(tmpdir(), 'qf-bench-run-'));
  });
  after(() => rmSync(scratch, { recursive: true, force: true }));

  it('smoke run at the smallest size: a cold-load result with positive numbers, and valid JSON when asked', async () => {
    const out = path.join(scratch, 'out', 'results.json');
    const lines: string[] = [];
    const report = await runBench({ sizes: [10], runs: 1, matrixCases: 20, cacheDir: path.join(scratch, 'cache'), out, log: (l) => lines.push(l) });
    assert.equal(report.results.length, 1);
    const r = report.results[0];
    assert.equal(r.measure, 'cold-load');
    assert.equal(r.documents, 10);
    assert.equal(r.annotations, 400);
    assert.equal(r.runs, 1);
    assert.equal(r.goal, 4);
    assert.equal(typeof r.met, 'boolean');
    for (const n of [r.megabytes, r.baselineMs.min, r.baselineMs.median, r.qualframeMs.min, r.qualframeMs.median, r.ratio, r.pairRatio, r.heapUsedMb!]) {
      assert.ok(Number.isFinite(n) && n > 0, String(n));
    }
    assert.equal(report.machine.node, process.version);
    assert.ok(report.machine.cpus >= 1);
    assert.ok(!Number.isNaN(Date.parse(report.date)));

    const written = JSON.parse(readFileSync(out, 'utf8')) as BenchReport;
    assert.deepEqual(written, JSON.parse(JSON.stringify(report)));
    assert.deepEqual(Object.keys(written.machine).slice(0, 3), ['node', 'cpus', 'cpuModel']);
    for (const key of ['measure', 'documents', 'megabytes', 'annotations', 'baselineMs', 'qualframeMs', 'ratio', 'goal', 'met']) {
      assert.ok(key in written.results[0], key);
    }
    const printed = lines.join('\n');
    assert.match(printed, /^\| measure +\| size/m, 'prints the table');
    assert.match(printed, /^\| cold-load \| 10 docs \|/m, 'prints the result row');
    // The search measures run in the default run too, at the same size (bench/search-bench.ts).
    assert.deepEqual(report.search?.map((s) => `${s.measure} ${s.corpus.documents}`), ['search-build 10', 'search-query 10', 'search-reindex 10']);
    assert.deepEqual(written.search, JSON.parse(JSON.stringify(report.search)));
    assert.match(printed, /^\| search-build +\| 10 docs \|/m);
    assert.match(printed, /^\| search-query +\| 10 docs \|/m);
    assert.match(printed, /^\| search-reindex \| index\.add +\| 10 docs \|/m);
  });

  it('writes no file without out, and reuses the cached corpus', async () => {
    const cacheDir = path.join(scratch, 'cache');
    const lines: string[] = [];
    const report = await runBench({ sizes: [10], runs: 1, matrixCases: 20, cacheDir, log: (l) => lines.push(l) });
    assert.equal(report.results.length, 1);
    assert.ok(lines.some((l) => l.includes('(cached:')), lines.join('\n'));
    assert.ok(!lines.some((l) => l.startsWith('wrote ')));
  });

  it('parses its flags: defaults, --sizes, --runs, --smoke, --out', () => {
    const d = parseBenchArgs([]);
    assert.deepEqual(d.sizes, DEFAULT_SIZES);
    assert.equal(d.runs, DEFAULT_RUNS);
    assert.equal(d.out, DEFAULT_OUT);
    assert.equal(path.basename(DEFAULT_OUT), 'results.json');
    assert.deepEqual(parseBenchArgs(['--sizes', '100,10', '--runs', '3']).sizes, [100, 10]);
    assert.equal(parseBenchArgs(['--runs', '3']).runs, 3);
    const smoke = parseBenchArgs(['--smoke', '--sizes', '100,10,1000']);
    assert.deepEqual([smoke.sizes, smoke.runs, smoke.out], [[10], 1, undefined]);
    assert.equal(parseBenchArgs(['--smoke', '--out', 'x.json']).out, 'x.json');
    assert.deepEqual(parseBenchArgs(['--measures', 'cold-load']).measures, ['cold-load']);
    assert.deepEqual(parseBenchArgs(['--smoke', '--measures', 'search-build,search-query,search-reindex']).measures, ['search-build', 'search-query', 'search-reindex']);
    assert.throws(() => parseBenchArgs(['--runs', '0']), /--runs/);
    assert.throws(() => parseBenchArgs(['--sizes', '10,x']), /--sizes/);
    assert.throws(() => parseBenchArgs(['--bogus']));
  });

  it('has a registry of measures, selectable by name', () => {
    assert.deepEqual(MEASURES.map((m) => m.name), ['cold-load']);
    assert.equal(selectMeasures().length, MEASURES.length);
    assert.deepEqual(selectMeasures(['cold-load']).map((m) => m.goal), [4]);
    assert.throws(() => selectMeasures(['nope']), /unknown measure "nope"/);
  });

  it('alternates which of the baseline and QualFrame goes first', async () => {
    const order: string[] = [];
    const pairs = await alternate(
      4,
      async () => order.push('b'),
      async () => order.push('q'),
    );
    assert.equal(pairs.length, 4);
    assert.deepEqual(order.join(''), 'bqqbbqqb');
    assert.ok(pairs.every((p) => p.baselineMs >= 0 && p.qualframeMs >= 0));
  });

  it('reads the same document list as the loader in its bare read', async () => {
    const dir = path.join(scratch, 'bare');
    const manifest = generateCorpus(dir, { documents: 4, wordsPerDocument: 200, segmentsPerDocument: 2, seed: 'bare' });
    const read = await bareRead(dir);
    assert.equal(read.documents, 4);
    assert.equal(read.documentBytes, manifest.documentBytes);
    assert.ok(read.chars > 0);
  });

  it('computes medians and formats a table', () => {
    assert.equal(median([3, 1, 2]), 2);
    assert.equal(median([4, 1, 2, 3]), 2.5);
    const table = formatTable({
      machine: { node: 'v20', cpus: 2, cpuModel: 'cpu', platform: 'linux', arch: 'x64', memoryGb: 4 },
      date: '2025-01-01T00:00:00.000Z',
      settings: { runs: 5, seed: 's', gc: 'none' },
      results: [{ measure: 'cold-load', documents: 10, megabytes: 0.6, annotations: 400, runs: 5, baselineMs: { min: 5, median: 6 }, qualframeMs: { min: 20, median: 21 }, ratio: 3.5, pairRatio: 3.4, goal: 4, met: true }],
    });
    assert.match(table, /\| cold-load \| 10 docs \| 0\.6 +\| 400 +\| 6\.0 ms \(5\.0 ms\) +\| 21\.0 ms \(20\.0 ms\) +\| 3\.50× \| 3\.40× +\| ≤ 4× \| yes \|/);
    assert.ok(!existsSync(path.join(scratch, 'results.json')));
  });
});
