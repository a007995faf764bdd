import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { buildCorpusFiles, generateCorpus, Random } from '../../../bench/generate-corpus';
import { ALL_MEASURE_NAMES, selectMeasures, USAGE } from '../../../bench/run-bench';
import {
  formatSearchTable,
  memoryFigure,
  patternRoot,
  percentile,
  percentiles,
  reindexDocument,
  rgAvailable,
  rgCommand,
  rgMatchCount,
  runRg,
  settledMemory,
  runSearchMeasures,
  searchDictionary,
  SEARCH_MEASURES,
  SEARCH_PHRASE_QUERIES,
  SEARCH_QUERY_COUNT,
  SEARCH_TWO_WORD_QUERIES,
  selectQueries,
  selectSearchMeasures,
  speedRatio,
  spreadRanks,
  type SearchBuildResult,
  type SearchQueryResult,
  type SearchReindexResult,
} from '../../../bench/search-bench';
import { parseCorpusDocument } from '../../../src/core/corpus/document';
import { SearchIndex } from '../../../src/core/search';

// The query selection, the arithmetic and the ripgrep command of the search measures; nothing
// here asserts a time.
describe('bench: search-bench', () => {
  const seed = 'qualframe-bench';
  // Six documents of 1,500 words: a few thousand distinct words, quick to read.
  const documents = [...buildCorpusFiles({ documents: 6, wordsPerDocument: 1500, segmentsPerDocument: 2, seed }).files]
    .filter(([p]) => p.startsWith('transcripts/'))
    .map(([p, text]) => parseCorpusDocument(p, text).document!);
  const bodies = documents.map((d) => d.body);
  const dictionary = searchDictionary(bodies);
  let scratch: string;
  before(() => {
    scratch = mkdtempSync(path.join(tmpdir(), 'qf-bench-search-'));
  });
  after(() => rmSync(scratch, { recursive: true, force: true }));

  describe('the dictionary and the queries', () => {
    it('reads the dictionary as the index does: the same words, each with its passages', () => {
      const index = new SearchIndex();
      index.sync(documents);
      assert.equal(dictionary.length, index.stats().terms);
      for (let i = 1; i < dictionary.length; i++) assert.ok(dictionary[i - 1].passages >= dictionary[i].passages, 'most frequent first');
      for (const w of [dictionary[0], dictionary[Math.floor(dictionary.length / 2)], dictionary[dictionary.length - 1]]) {
        assert.equal(index.search(w.word, { fuzzy: false, limit: 0 }).total, w.passages, w.word);
      }
      assert.ok(dictionary.some((w) => !w.ascii), 'the generator writes some words with an accent');
    });

    it('selects 50 queries: 44 single words, 5 two-word queries and a phrase, the same for the same seed', () => {
      const queries = selectQueries(bodies, seed);
      assert.equal(SEARCH_QUERY_COUNT, 50);
      assert.equal(queries.length, 50);
      const kinds = (k: string) => queries.filter((q) => q.kind === k);
      assert.equal(kinds('two words').length, SEARCH_TWO_WORD_QUERIES);
      assert.equal(kinds('phrase').length, SEARCH_PHRASE_QUERIES);
      assert.equal(kinds('word').length, 50 - SEARCH_TWO_WORD_QUERIES - SEARCH_PHRASE_QUERIES);
      assert.equal(new Set(queries.map((q) => q.text)).size, queries.length, 'no query twice');
      assert.deepEqual(selectQueries(bodies, seed), queries, 'deterministic');
      assert.deepEqual(selectQueries(bodies, seed, { dictionary }), queries, 'the same with the dictionary given');
      assert.notDeepEqual(selectQueries(bodies, 'another seed'), queries, 'the seed matters');
      assert.equal(selectQueries(bodies, seed, { count: 10 }).length, 10);
    });

    it('spreads the single words over the frequencies, from the most common word to words of one passage', () => {
      const words = selectQueries(bodies, seed).filter((q) => q.kind === 'word');
      const ascii = dictionary.filter((w) => w.ascii);
      const n = ascii.length;
      const ranks = words.map((q) => q.rank!).sort((a, b) => a - b);
      assert.equal(new Set(ranks).size, ranks.length);
      assert.equal(ranks[0], 0, 'the most frequent word');
      assert.ok(ranks[ranks.length - 1] >= Math.ceil(n ** (43 / 44)) - 1, 'a word from the last bin, among the rarest');
      for (const q of words) assert.equal(q.passages, ascii[q.rank!].passages);
      const dfs = words.map((q) => q.passages!);
      assert.equal(Math.max(...dfs), ascii[0].passages);
      assert.equal(Math.min(...dfs), 1, 'some words are found in a single passage');
      // Every tenth of the ranks on a log scale holding at least 3 ranks gets at least 2 of the words.
      for (let decile = 0; decile < 10; decile++) {
        const lo = Math.ceil(n ** (decile / 10)) - 1;
        const hi = Math.ceil(n ** ((decile + 1) / 10)) - 1;
        if (hi - lo < 3) continue;
        const inside = ranks.filter((r) => r >= lo && r < hi).length;
        assert.ok(inside >= 2, `ranks [${lo}, ${hi}) got ${inside}: ${ranks.join(' ')}`);
      }
      // Frequencies from the top to the bottom: the middle of the selection is neither.
      const sortedDfs = [...dfs].sort((a, b) => a - b);
      assert.ok(sortedDfs[22] > 1 && sortedDfs[22] < ascii[0].passages / 4, `median passages ${sortedDfs[22]}`);
    });

    it('makes two-word queries and a phrase that find passages, and gives ripgrep the words as typed', () => {
      const index = new SearchIndex();
      index.sync(documents);
      for (const q of selectQueries(bodies, seed)) {
        assert.ok(index.search(q.text).total > 0, q.text);
        for (const p of q.patterns) assert.match(p, /^[\x20-\x7e]+$/, 'ASCII, as written in the corpus');
        if (q.kind === 'two words') {
          assert.equal(q.patterns.length, 2);
          assert.notEqual(q.patterns[0], q.patterns[1]);
          assert.equal(q.text, q.patterns.join(' '));
        }
        if (q.kind === 'phrase') {
          assert.equal(q.patterns.length, 1);
          assert.equal(q.patterns[0].split(' ').length, 3);
          assert.equal(q.text, `"${q.patterns[0]}"`);
          assert.ok(bodies.some((b) => b.toLowerCase().includes(q.patterns[0])), 'the phrase is in a body as written');
        }
      }
    });

    it('spreads ranks on a log scale, distinct and increasing', () => {
      const ranks = spreadRanks(1000, 44, new Random('r'));
      assert.equal(ranks.length, 44);
      assert.equal(ranks[0], 0);
      for (let i = 1; i < ranks.length; i++) assert.ok(ranks[i] > ranks[i - 1]);
      assert.ok(ranks[43] >= Math.ceil(1000 ** (43 / 44)) - 1 && ranks[43] <= 999);
      assert.ok(ranks.filter((r) => r < 32).length >= 20, 'half the words from the first √n ranks');
      assert.deepEqual(spreadRanks(1000, 44, new Random('r')), ranks);
      assert.deepEqual(spreadRanks(5, 8, new Random('r')), [0, 1, 2, 3, 4]);
      assert.deepEqual(spreadRanks(50, 50, new Random('r')), Array.from({ length: 50 }, (_, i) => i));
      assert.deepEqual(spreadRanks(10, 0, new Random('r')), []);
      const tight = spreadRanks(60, 50, new Random('t'));
      assert.equal(new Set(tight).size, 50);
      assert.ok(tight.every((r) => r >= 0 && r < 60));
    });
  });

  describe('the arithmetic', () => {
    it('takes nearest-rank percentiles', () => {
      const hundred = Array.from({ length: 100 }, (_, i) => 100 - i);
      assert.equal(percentile(hundred, 95), 95);
      assert.equal(percentile(hundred, 50), 50);
      assert.equal(percentile(hundred, 100), 100);
      assert.equal(percentile(hundred, 0), 1);
      const fifty = Array.from({ length: 50 }, (_, i) => i + 1);
      assert.equal(percentile(fifty, 95), 48, 'the 48th of 50: ceil(0.95 × 50)');
      assert.equal(percentile([7], 95), 7);
      assert.ok(Number.isNaN(percentile([], 95)));
      assert.throws(() => percentile([1], 101), /between 0 and 100/);
      assert.deepEqual(percentiles([3, 1, 2, 10]), { median: 2.5, p95: 10, min: 1, max: 10 });
      assert.deepEqual(percentiles([0.12345]), { median: 0.123, p95: 0.123, min: 0.123, max: 0.123 });
    });

    it('computes speed ratios (baseline over QualFrame) and memory over the text', () => {
      assert.equal(speedRatio(150, 10), 15);
      assert.equal(speedRatio(5, 10), 0.5);
      assert.equal(speedRatio(5, 0), Infinity);
      assert.equal(speedRatio(0, 0), 1);
      assert.throws(() => speedRatio(-1, 2), />= 0/);
      assert.throws(() => speedRatio(NaN, 2), />= 0/);
      assert.deepEqual(memoryFigure(246e6, 54e6), { mb: 246, ratio: 4.56 });
      assert.deepEqual(memoryFigure(1_234_567, 1e6), { mb: 1.23, ratio: 1.23 });
      assert.throws(() => memoryFigure(1, 0), /size/);
    });
  });

  describe('memory readings', () => {
    it('collects until two readings agree (array buffers are freed after the collection), or reads once without a collector', async () => {
      const readings = [500e6, 300e6, 200e6, 200.1e6, 1];
      let collections = 0;
      const settled = await settledMemory(() => collections++, true, () => readings.shift()!);
      assert.equal(settled, 200.1e6);
      assert.equal(collections, 4);
      assert.equal(await settledMemory(() => assert.fail('no collector'), false, () => 42), 42);
      let rounds = 0;
      assert.equal(await settledMemory(() => undefined, true, () => (rounds++ % 2 === 0 ? 1e6 : 2e6)), 2e6, 'gives up after 10 rounds');
      assert.equal(rounds, 10);
    });
  });

  describe('the ripgrep command', () => {
    it('is an argument list for execFile: whole words, ignoring case, fixed strings, counting matches, over the document files', () => {
      const c = rgCommand({ patterns: ['think'] }, '/corpus');
      assert.equal(c.file, 'rg');
      assert.deepEqual(c.args, [
        '--no-config',
        '--no-ignore',
        '--fixed-strings',
        '--ignore-case',
        '--word-regexp',
        '--count-matches',
        '--glob=transcripts/**/*.md',
        '-e',
        'think',
        '--',
        'transcripts',
      ]);
      assert.equal(c.options.shell, false);
      assert.equal(c.options.cwd, '/corpus');
      assert.deepEqual(rgCommand({ patterns: ['money', 'practice'] }, '/c').args.slice(7, 11), ['-e', 'money', '-e', 'practice']);
      assert.deepEqual(rgCommand({ patterns: ['a b c'] }, '/c', ['interviews/*.md', 'notes/**/*.md']).args.slice(6), [
        '--glob=interviews/*.md',
        '--glob=notes/**/*.md',
        '-e',
        'a b c',
        '--',
        'interviews',
        'notes',
      ]);
      assert.throws(() => rgCommand({ patterns: [] }, '/c'), /at least one pattern/);
    });

    it('passes shell syntax and leading dashes through as one argument each, never as a shell line', () => {
      const odd = ['$(touch pwned)', "it's; rm -rf x", '-v', '`id` | cat'];
      const c = rgCommand({ patterns: odd }, '/c');
      for (const p of odd) assert.equal(c.args[c.args.indexOf(p) - 1], '-e', p);
      assert.ok(c.args.indexOf('--') > c.args.lastIndexOf('-e'), 'paths after --');
      assert.ok(!c.args.some((a) => a.includes(' ') && !odd.includes(a)), 'no argument joins others');
    });

    it('finds the root folder of a glob and adds up the counts', () => {
      assert.equal(patternRoot('transcripts/**/*.md'), 'transcripts');
      assert.equal(patternRoot('data/interviews/*.md'), 'data/interviews');
      assert.equal(patternRoot('**/*.md'), '.');
      assert.equal(patternRoot('wave-{1,2}/*.md'), '.');
      assert.equal(rgMatchCount('transcripts/2016/P001.md:3\ntranscripts/2021/P002.md:14\n'), 17);
      assert.equal(rgMatchCount('odd:name.md:2\r\n'), 2);
      assert.equal(rgMatchCount(''), 0);
    });

    it('says why the comparison is skipped when ripgrep is not installed', async function () {
      const missing = await rgAvailable(path.join(scratch, 'no-such-dir', 'rg'));
      assert.ok('skipped' in missing, JSON.stringify(missing));
      assert.match(missing.skipped, /ripgrep\) is not installed.*npm run setup:vscode/);
    });

    it('runs ripgrep without a shell (npm test installs it with the setup)', async function () {
      const available = await rgAvailable();
      assert.ok('version' in available, `ripgrep should be installed by the project's setup: ${JSON.stringify(available)}`);
      assert.match(available.version, /^ripgrep \d/);
      const dir = path.join(scratch, 'rg');
      generateCorpus(dir, { documents: 2, wordsPerDocument: 600, segmentsPerDocument: 2, seed });
      const [word] = selectQueries(
        [...buildCorpusFiles({ documents: 2, wordsPerDocument: 600, segmentsPerDocument: 2, seed }).files].filter(([p]) => p.startsWith('transcripts/')).map(([p, t]) => parseCorpusDocument(p, t).document!.body),
        seed,
        { count: 1 },
      );
      const found = await runRg(rgCommand(word, dir));
      assert.equal(found.code, 0);
      assert.ok(rgMatchCount(found.stdout) > 0, found.stdout);
      const none = await runRg(rgCommand({ patterns: ['$(touch pwned)'] }, dir));
      assert.equal(none.code, 1, 'exit 1: nothing found, not a failure');
      assert.equal(rgMatchCount(none.stdout), 0);
      assert.ok(!existsSync(path.join(dir, 'pwned')), 'no shell ran the pattern');
    });
  });

  describe('the measures', () => {
    it('are registered with the others: selectable by name, listed in the usage', () => {
      assert.deepEqual(SEARCH_MEASURES.map((m) => m.name), ['search-build', 'search-query', 'search-reindex']);
      assert.deepEqual(selectSearchMeasures().length, 3);
      assert.deepEqual(selectSearchMeasures(['search-query', 'cold-load']).map((m) => m.name), ['search-query']);
      assert.deepEqual(selectMeasures(['search-query', 'cold-load']).map((m) => m.name), ['cold-load']);
      assert.deepEqual(selectMeasures(['search-build']), []);
      for (const m of SEARCH_MEASURES) {
        assert.ok(ALL_MEASURE_NAMES.includes(m.name));
        assert.ok(USAGE.includes(m.name), m.name);
      }
    });

    it('makes the same re-index document at every size, under the path it replaces', () => {
      const a = reindexDocument(seed, 'transcripts/2016/P010.md', 1500);
      const b = reindexDocument(seed, 'transcripts/2021/P500.md', 1500);
      assert.equal(a.path, 'transcripts/2016/P010.md');
      assert.equal(b.path, 'transcripts/2021/P500.md');
      assert.equal(a.body, b.body);
      assert.ok(a.body.length > 5000 && a.annotations.length > 0);
    });

    it('run on a small corpus and print their tables', async function () {
      this.timeout(60_000);
      const lines: string[] = [];
      const results = await runSearchMeasures(SEARCH_MEASURES, {
        sizes: [2, 4],
        runs: 1,
        seed,
        cacheDir: path.join(scratch, 'cache'),
        wordsPerDocument: 1500,
        segmentsPerDocument: 2,
        log: (l) => lines.push(l),
        collectGarbage: () => undefined,
        collects: false,
      });
      assert.deepEqual(results.map((r) => `${r.measure} ${r.corpus.documents}`), ['search-build 2', 'search-query 2', 'search-reindex 2', 'search-build 4', 'search-query 4', 'search-reindex 4']);
      const build = results[3] as SearchBuildResult;
      assert.equal(build.goal, 4);
      assert.equal(build.laterGoal, 3);
      assert.ok(build.corpus.textMb > 0 && build.corpus.textMb <= build.corpus.filesMb && build.corpus.passages > 0);
      assert.ok(build.memory.stats.mb > 0 && build.memory.stats.ratio > 0);
      assert.equal(build.memory.collected, false);
      const query = results[4] as SearchQueryResult;
      assert.equal(query.queries.length, 50);
      assert.deepEqual(query.mix, { words: 44, twoWords: 5, phrases: 1 });
      assert.ok(query.queries.every((q) => q.passages > 0 && q.qualframeMs >= 0));
      assert.ok(query.qualframeMs.p95 >= query.qualframeMs.median);
      if (query.skipped === undefined) {
        assert.ok(query.rg && query.ratio! > 0 && typeof query.met === 'boolean');
        assert.ok(query.queries.every((q) => q.rgMatches! > 0));
        assert.equal(query.rg.example[0], 'rg');
      } else assert.equal(query.met, undefined);
      const small = results[2] as SearchReindexResult;
      const large = results[5] as SearchReindexResult;
      assert.equal(small.growth, undefined);
      assert.equal(large.growth?.fromDocuments, 2);
      assert.equal(large.growth?.goal, 1.5);
      assert.equal(small.document.chars, large.document.chars, 'the same document at both sizes');
      assert.deepEqual(large.steps.map((s) => [s.step, s.runs]), [['index.add', 20], ['index.sync, one document changed', 20]]);
      assert.equal(large.steps[0].goalMs, 10);

      const table = formatSearchTable(results);
      assert.match(table, /^\| search-build +\| 4 docs +\|/m);
      assert.match(table, /^\| search-query +\| 4 docs +\| 50 \(44 \+ 5 \+ 1\)/m);
      assert.match(table, /^\| search-reindex \| index\.add +\| 4 docs/m);
      assert.match(table, /index\.add at 4 documents over 2: .*goal ≤ 1\.5/);
      assert.ok(lines.some((l) => l.startsWith('search: 4 documents')));
    });

    it('says in the table why ripgrep was skipped', () => {
      const corpus = { documents: 10, filesMb: 0.6, textMb: 0.5, passages: 1500, terms: 12000, postings: 60000 };
      const p = { median: 1, p95: 2, min: 0.5, max: 3 };
      const table = formatSearchTable([
        { measure: 'search-query', corpus, runs: 1, mix: { words: 44, twoWords: 5, phrases: 1 }, qualframeMs: p, asYouTypeMs: p, goal: 10, skipped: 'rg (ripgrep) is not installed', queries: [] },
      ]);
      assert.match(table, /skipped: rg \(ripgrep\) is not installed/);
      assert.match(table, /\| skipped \|$/m);
    });
  });
});
