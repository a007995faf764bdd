import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import {
  buildCorpusFiles,
  cachedCorpus,
  corpusHash,
  generateCorpus,
  MANIFEST_FILE,
  Random,
  STOP_WORDS,
  type CorpusManifest,
} from '../../../bench/generate-corpus';
import { loadCorpus, type LoadedCorpus } from '../../../src/core/corpus/load-corpus';
import { computeStats } from '../../../src/core/corpus/stats';
import { CODEBOOK_ID } from '../../../src/core/ids';
import { formatProblem } from '../../../src/core/problems';
import { NodeCorpusFiles } from '../../../src/node/node-corpus-files';

/** Every file under `dir`, relative path to bytes. */
function snapshot(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (rel: string) => {
    for (const name of readdirSync(path.join(dir, rel)).sort()) {
      const r = rel ? `${rel}/${name}` : name;
      if (statSync(path.join(dir, r)).isDirectory()) walk(r);
      else out.set(r, readFileSync(path.join(dir, r)));
    }
  };
  walk('');
  return out;
}

/** The body's paragraphs and their speaker labels. */
function turns(body: string): { speaker?: string; text: string }[] {
  return body.split(/\n\n+/).filter((p) => p.trim() !== '').map((p) => {
    const m = /^([A-Za-z0-9]+): /.exec(p);
    return m ? { speaker: m[1], text: p.slice(m[0].length) } : { text: p };
  });
}

describe('bench: generate-corpus', () => {
  let scratch: string;
  before(() => {
    scratch = mkdtempSync(path.join(tmpdir(), 'qf-bench-gen-'));
  });
  after(() => rmSync(scratch, { recursive: true, force: true }));

  describe('a default-sized corpus (10 documents of ~8,000 words, 40 segments each)', () => {
    let dir: string;
    let manifest: CorpusManifest;
    let loaded: LoadedCorpus;
    before(async () => {
      dir = path.join(scratch, 'default');
      manifest = generateCorpus(dir, { documents: 10, seed: 'test' });
      loaded = await loadCorpus(new NodeCorpusFiles(dir));
    });

    it('loads with zero problems, every annotation anchored', () => {
      assert.deepEqual(loaded.problems.map(formatProblem), []);
      const stats = computeStats(loaded.corpus);
      assert.equal(stats.documents, 10);
      assert.equal(stats.annotations, 400);
      assert.equal(stats.orphans, 0);
      assert.equal(stats.codes, 40);
      assert.equal(stats.cases, manifest.cases);
      assert.deepEqual(Object.keys(stats.casesByWave), ['2016', '2021']);
      assert.equal(manifest.annotations, 400);
    });

    it('has the requested documents and segments, each document near the requested length', () => {
      assert.equal(loaded.corpus.documents.length, 10);
      for (const d of loaded.corpus.documents) {
        assert.equal(d.annotations.length, 40, d.path);
        const words = d.body.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
        const target = d.attributes.type === 'notes' ? 2000 : 8000;
        assert.ok(words >= target && words < target * 1.1, `${d.path}: ${words} words`);
      }
      assert.ok(manifest.documentBytes > 400_000, `${manifest.documentBytes} bytes`);
    });

    it('quotes sit at their UTF-16 offsets, in one paragraph, 5-40 words, with up to 32 characters of context', () => {
      for (const d of loaded.corpus.documents) {
        for (const a of d.annotations) {
          assert.equal(d.body.slice(a.start, a.start + a.quote.length), a.quote);
          assert.ok(!a.quote.includes('\n'), `${d.path}#${a.id} crosses a paragraph`);
          const words = a.quote.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
          assert.ok(words >= 5 && words <= 40, `${d.path}#${a.id}: ${words} words`);
          assert.equal(a.prefix, d.body.slice(Math.max(0, a.start - 32), a.start));
          assert.equal(a.suffix, d.body.slice(a.start + a.quote.length, a.start + a.quote.length + 32));
          assert.equal(a.by, d.attributes.interviewer);
        }
        const order = d.annotations.map((a) => `${String(a.start).padStart(10, '0')} ${a.id}`);
        assert.deepEqual(order, [...order].sort(), `${d.path}: sorted by start, then id`);
      }
      // Non-ASCII text before quotes, so UTF-16 offsets differ from byte offsets.
      assert.ok(loaded.corpus.documents.some((d) => d.annotations.some((a) => /[^\x00-\x7f]/.test(d.body.slice(0, a.start)))));
    });

    it('writes block-style codes entries in the spec order of keys', () => {
      const file = readFileSync(path.join(dir, loaded.corpus.documents[0].path), 'utf8');
      assert.match(file, /\ncodes:\n {2}- id: [0-9a-f]{4}\n {4}code: [a-z0-9-]+\n {4}start: \d+\n {4}quote: "[^\n]*"\n {4}prefix: "[^\n]*"\n {4}suffix: "[^\n]*"\n {4}by: [a-z]+\n/);
      assert.match(file, /^---\ncase: P\d+\nwave: "20(16|21)"\nrole: [^\n]+\nsector: [^\n]+\ntype: (interview|notes)\n/);
    });

    it('has 8 themes of 5 codes with valid ids, and attributes role and sector', () => {
      const { codebook } = loaded.corpus;
      assert.equal(codebook.themes.length, 8);
      for (const t of codebook.themes) {
        assert.match(t.id, CODEBOOK_ID);
        assert.equal(t.codes.length, 5);
        for (const c of t.codes) assert.match(c.id, CODEBOOK_ID);
      }
      for (const d of loaded.corpus.documents) {
        assert.ok(d.attributes.role && d.attributes.sector && d.attributes.date, d.path);
        assert.ok(['2016', '2021'].includes(d.attributes.wave), d.path);
      }
    });

    it('has cases with two documents: a panel case in both waves and an interview with notes', () => {
      const two = loaded.corpus.cases.filter((c) => c.documents.length === 2);
      assert.ok(two.length >= 2);
      const panel = two.find((c) => new Set(c.documents.map((d) => d.attributes.wave)).size === 2);
      assert.ok(panel, 'a panel case');
      assert.equal(panel.attributes.wave, undefined, 'a panel case has no shared wave');
      assert.equal(panel.attributes.role, panel.documents[0].attributes.role);
      assert.ok(two.some((c) => c.documents.some((d) => d.attributes.type === 'notes')), 'an interview with notes');
      assert.equal(manifest.panelCases, 1);
      assert.equal(manifest.notesCases, 1);
    });

    it('has summaries for some themes, some citing annotations', () => {
      const summaries = loaded.corpus.documents.flatMap((d) => d.summaries);
      assert.equal(summaries.length, manifest.summaries);
      assert.ok(summaries.length > 0);
      assert.ok(summaries.every((s) => loaded.corpus.codebook.themeById.has(s.theme)));
    });

    it('alternates speaker turns in interviews: Interviewer, then the participant (the case id)', () => {
      let interviews = 0;
      for (const d of loaded.corpus.documents) {
        const paragraphs = turns(d.body);
        if (d.attributes.type === 'notes') {
          assert.ok(paragraphs.every((p) => p.speaker === undefined), d.path);
          continue;
        }
        interviews++;
        assert.ok(paragraphs.length > 20, d.path);
        paragraphs.forEach((p, i) => assert.equal(p.speaker, i % 2 === 0 ? 'Interviewer' : d.caseId, `${d.path} paragraph ${i + 1}`));
        assert.equal(paragraphs.length % 2, 0, `${d.path} ends with the participant's answer`);
      }
      assert.ok(interviews >= 8);
    });

    it('draws words from a Zipf-like vocabulary led by function words', () => {
      const counts = new Map<string, number>();
      for (const d of loaded.corpus.documents) {
        for (const p of turns(d.body)) {
          for (const w of p.text.toLowerCase().split(/[^\p{L}’]+/u)) if (w) counts.set(w, (counts.get(w) ?? 0) + 1);
        }
      }
      const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
      const tokens = ranked.reduce((n, [, c]) => n + c, 0);
      assert.ok(ranked.length > 5000, `${ranked.length} distinct words`);
      assert.ok(ranked[0][1] > 10 * ranked[99][1], `top ${ranked[0][1]} vs 100th ${ranked[99][1]}`);
      assert.ok(ranked[9][1] > 5 * ranked[999][1], `10th ${ranked[9][1]} vs 1,000th ${ranked[999][1]}`);
      const stop = new Set(STOP_WORDS.map((w) => w.toLowerCase()));
      assert.ok(ranked.slice(0, 10).every(([w]) => stop.has(w)), `top ten: ${ranked.slice(0, 10).map(([w]) => w).join(' ')}`);
      const stopShare = ranked.filter(([w]) => stop.has(w)).reduce((n, [, c]) => n + c, 0) / tokens;
      assert.ok(stopShare > 0.3 && stopShare < 0.7, `function words are ${(stopShare * 100).toFixed(0)}% of tokens`);
    });
  });

  it('is deterministic: the same seed gives the same bytes, another seed other bytes', () => {
    const options = { documents: 6, wordsPerDocument: 500, segmentsPerDocument: 12, seed: 42 };
    const a = path.join(scratch, 'a');
    const b = path.join(scratch, 'b');
    const c = path.join(scratch, 'c');
    generateCorpus(a, options);
    generateCorpus(b, options);
    generateCorpus(c, { ...options, seed: 43 });
    const sa = snapshot(a);
    const sb = snapshot(b);
    assert.deepEqual([...sa.keys()], [...sb.keys()]);
    for (const [file, bytes] of sa) assert.ok(bytes.equals(sb.get(file)!), file);
    assert.ok([...sa.keys()].includes('qualframe.yaml') && [...sa.keys()].includes('codebook.yaml'));
    const sc = snapshot(c);
    assert.ok([...sa].some(([file, bytes]) => file.endsWith('.md') && file.startsWith('transcripts/') && !bytes.equals(sc.get(file) ?? Buffer.alloc(0))));
  });

  it('honours small sizes: requested documents and segments, zero problems', async () => {
    for (const documents of [1, 2, 3, 7]) {
      const dir = path.join(scratch, `small-${documents}`);
      const manifest = generateCorpus(dir, { documents, wordsPerDocument: 200, segmentsPerDocument: 5, seed: documents });
      const { corpus, problems } = await loadCorpus(new NodeCorpusFiles(dir));
      assert.deepEqual(problems.map(formatProblem), [], `${documents} documents`);
      const stats = computeStats(corpus);
      assert.equal(stats.documents, documents);
      assert.equal(stats.annotations, documents * 5);
      assert.equal(manifest.documents, documents);
    }
  });

  it('builds the same files in memory as on disk', () => {
    const options = { documents: 3, wordsPerDocument: 300, segmentsPerDocument: 4, seed: 'mem' };
    const dir = path.join(scratch, 'mem');
    generateCorpus(dir, options);
    const { files } = buildCorpusFiles(options);
    const disk = snapshot(dir);
    disk.delete(MANIFEST_FILE);
    assert.deepEqual([...disk.keys()], [...files.keys()]);
    for (const [file, text] of files) assert.equal(disk.get(file)!.toString('utf8'), text, file);
  });

  it('caches by parameters under <cache>/<params-hash>/ and reuses a complete corpus', () => {
    const cache = path.join(scratch, 'cache');
    const options = { documents: 2, wordsPerDocument: 200, segmentsPerDocument: 3, seed: 'cache' };
    const first = cachedCorpus(options, cache);
    assert.equal(first.cached, false);
    assert.equal(path.basename(first.dir), corpusHash(options));
    const mtime = statSync(path.join(first.dir, 'qualframe.yaml')).mtimeMs;
    const second = cachedCorpus(options, cache);
    assert.equal(second.cached, true);
    assert.equal(second.dir, first.dir);
    assert.deepEqual(second.manifest, first.manifest);
    assert.equal(statSync(path.join(first.dir, 'qualframe.yaml')).mtimeMs, mtime);
    // Other parameters, another folder; no temp folders left behind.
    const other = cachedCorpus({ ...options, segmentsPerDocument: 4 }, cache);
    assert.notEqual(other.dir, first.dir);
    assert.deepEqual(readdirSync(cache).sort(), [path.basename(first.dir), path.basename(other.dir)].sort());
    // A folder without its manifest (an interrupted run of an older layout) is regenerated.
    rmSync(path.join(first.dir, MANIFEST_FILE));
    const third = cachedCorpus(options, cache);
    assert.equal(third.cached, false);
    assert.ok(existsSync(path.join(third.dir, MANIFEST_FILE)));
  });

  it('seeds a PRNG whose streams are reproducible and independent by name', () => {
    const draw = (r: Random) => Array.from({ length: 5 }, () => r.nextUint32());
    assert.deepEqual(draw(new Random('x')), draw(new Random('x')));
    assert.notDeepEqual(draw(new Random('x')), draw(new Random('y')));
    assert.notDeepEqual(draw(new Random('x').fork('a')), draw(new Random('x').fork('b')));
    const r = new Random('range');
    for (let i = 0; i < 1000; i++) {
      const u = r.next();
      assert.ok(u >= 0 && u < 1);
      const n = r.int(5, 40);
      assert.ok(Number.isInteger(n) && n >= 5 && n <= 40);
    }
  });
});
