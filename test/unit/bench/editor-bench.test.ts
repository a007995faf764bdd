import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import {
  anchorCounts,
  applyEdits,
  changedChars,
  decorationDocument,
  EDIT_PLACES,
  EDIT_SIZE,
  EDITOR_MEASURES,
  EDITOR_RUNS_PER_RUN,
  formatEditorTable,
  planEdits,
  reanchorDocument,
  selectEditorMeasures,
  shiftedOffset,
  type BodyEdit,
  type EditorDocument,
} from '../../../bench/editor-bench';
import { runBench, selectMeasures } from '../../../bench/run-bench';
import { refreshAnchors } from '../../../src/core/coding/refresh-anchors';
import { parseCorpusDocument } from '../../../src/core/corpus/document';
import { addAnnotation } from '../../../src/core/frontmatter/edit-front-matter';

// The documents and the edit of the editor measures; nothing here times anything.
describe('bench: editor-bench', () => {
  const seed = 'qualframe-bench';
  let decoration: EditorDocument;
  let reanchor: EditorDocument;
  let edits: BodyEdit[];
  let edited: string;
  before(() => {
    decoration = decorationDocument(seed);
    reanchor = reanchorDocument(seed);
    edits = planEdits(reanchor, seed);
    edited = applyEdits(reanchor, edits);
  });

  it('builds the same documents and edits for a seed, others for another seed', () => {
    assert.equal(decorationDocument(seed).text, decoration.text);
    assert.equal(reanchorDocument(seed).text, reanchor.text);
    assert.deepEqual(planEdits(reanchor, seed), edits);
    assert.notEqual(decorationDocument('other', 2000, 30).text, decorationDocument(seed, 2000, 30).text);
  });

  it('decoration-ranges: ~20,000 words, 300 annotations over 10–25 codes, some overlapping, some spanning lines, no problems', () => {
    assert.ok(decoration.words >= 20_000 && decoration.words < 20_300, String(decoration.words));
    const { document, problems } = parseCorpusDocument(decoration.path, decoration.text);
    assert.deepEqual(problems, []);
    assert.equal(document!.annotations.length, 300);
    assert.equal(document!.body, decoration.body);
    assert.ok(decoration.codesUsed >= 10 && decoration.codesUsed <= 25 && decoration.codesUsed <= decoration.codeIds.length, String(decoration.codesUsed));
    assert.ok(decoration.overlapping > 0 && decoration.overlapping < 300, String(decoration.overlapping));
    assert.ok(decoration.multiLine > 0 && decoration.multiLine < 300, String(decoration.multiLine));
    assert.deepEqual(anchorCounts(decoration.path, decoration.text), { exact: 300, relocated: 0, fuzzy: 0, orphaned: 0 });
  });

  it('reanchor-edit: 60,000 characters give or take a sentence end, 200 annotations, no problems', () => {
    assert.ok(Math.abs(reanchor.body.length - 60_000) <= 200, String(reanchor.body.length));
    const { document, problems } = parseCorpusDocument(reanchor.path, reanchor.text);
    assert.deepEqual(problems, []);
    assert.equal(document!.annotations.length, 200);
    assert.ok(reanchor.overlapping > 0 && reanchor.multiLine > 0);
  });

  it('writes the codes as addAnnotation does', () => {
    const small = decorationDocument(seed, 600, 6);
    let text = small.text.replace(/^codes:\n(?: {2}.*\n)*/m, '');
    assert.ok(!text.includes('codes:'));
    for (const a of [...small.annotations].reverse()) {
      text = addAnnotation(text, { id: a.id, code: a.code, start: a.start, quote: a.quote, prefix: a.prefix, suffix: a.suffix, by: a.by });
    }
    assert.equal(text, small.text);
  });

  it('plans 10 edits changing 600 characters, one in each tenth of the body', () => {
    assert.equal(edits.length, EDIT_PLACES);
    assert.equal(changedChars(edits), 600);
    for (const e of edits) {
      assert.equal(Math.max(e.remove, e.insert.length), EDIT_SIZE);
      if (e.kind === 'insertion') assert.equal(e.remove, 0);
      if (e.kind === 'deletion') assert.equal(e.insert, '');
      if (e.kind === 'replacement') assert.notEqual(reanchor.body.slice(e.at, e.at + e.remove), e.insert);
    }
    const tenth = Math.floor(reanchor.body.length / EDIT_PLACES);
    assert.deepEqual(edits.map((e) => Math.min(EDIT_PLACES - 1, Math.floor(e.at / tenth))), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    edits.slice(1).forEach((e, i) => assert.ok(edits[i].at + edits[i].remove < e.at, 'edits do not overlap'));
    const count = (purpose: BodyEdit['purpose']) => edits.filter((e) => e.purpose === purpose).length;
    assert.deepEqual([count('between'), count('in-quote'), count('delete-quote')], [6, 3, 1]);
    assert.equal(new Set(edits.map((e) => e.kind)).size, 3);
    const net = edits.reduce((n, e) => n + e.insert.length - e.remove, 0);
    assert.equal(edited.length, reanchor.text.length + net);
  });

  it('after the edit every annotation is found where its text went, except the quote deleted on purpose', () => {
    const { document, problems } = parseCorpusDocument(reanchor.path, edited);
    const deleted = edits.filter((e) => e.purpose === 'delete-quote').map((e) => e.target);
    const reworded = edits.filter((e) => e.purpose === 'in-quote').map((e) => e.target).sort();
    const byMethod = (method: string) => document!.annotations.filter((a) => a.anchor.method === method).map((a) => a.id);
    assert.deepEqual(byMethod('orphan'), deleted);
    assert.deepEqual(byMethod('fuzzy').sort(), reworded);
    assert.deepEqual(problems.map((p) => p.rule).sort(), ['orphan', 'reworded', 'reworded', 'reworded']);
    for (const a of document!.annotations) {
      if (a.anchor.method === 'orphan') continue;
      const expected = shiftedOffset(edits, a.start);
      if (a.anchor.method === 'fuzzy') {
        assert.ok(Math.abs(a.anchor.start - expected) <= EDIT_SIZE, `${a.id} re-worded, found at ${a.anchor.start}, expected near ${expected}`);
        continue;
      }
      assert.equal(a.anchor.start, expected, `${a.id} (${a.anchor.method})`);
      assert.equal(a.anchor.method, expected === a.start ? 'exact' : 'relocated', a.id);
    }
    const counts = anchorCounts(reanchor.path, edited);
    assert.equal(counts.exact + counts.relocated + counts.fuzzy + counts.orphaned, 200);
    assert.ok(counts.relocated > 0 && counts.exact > 0, JSON.stringify(counts));
  });

  it('after refreshAnchors (the save) every annotation but the deleted one is exact', () => {
    const { text, refreshed } = refreshAnchors(reanchor.path, edited);
    const counts = anchorCounts(reanchor.path, edited);
    assert.equal(refreshed.length, counts.relocated + counts.fuzzy);
    assert.deepEqual(anchorCounts(reanchor.path, text), { exact: 199, relocated: 0, fuzzy: 0, orphaned: 1 });
  });

  it('is selected by --measures alongside the corpus measures', () => {
    assert.deepEqual(EDITOR_MEASURES.map((m) => m.name), ['decoration-ranges', 'reanchor-edit']);
    assert.deepEqual(selectEditorMeasures().map((m) => m.name), ['decoration-ranges', 'reanchor-edit']);
    assert.deepEqual(selectEditorMeasures(['cold-load']), []);
    assert.deepEqual(selectEditorMeasures(['reanchor-edit']).map((m) => m.name), ['reanchor-edit']);
    assert.deepEqual(selectMeasures(['reanchor-edit', 'decoration-ranges']), []);
    assert.deepEqual(selectMeasures(['cold-load', 'reanchor-edit']).map((m) => m.name), ['cold-load']);
    assert.throws(() => selectMeasures(['nope']), /known: cold-load, search-build, search-query, search-reindex, decoration-ranges, reanchor-edit/);
  });

  it('runs alone without a corpus, and reports its rows in the report and the table', async function () {
    this.timeout(60_000);
    const scratch = mkdtempSync(path.join(tmpdir(), 'qf-bench-editor-'));
    try {
      const cacheDir = path.join(scratch, 'cache');
      const lines: string[] = [];
      const report = await runBench({ sizes: [10], runs: 1, measures: ['decoration-ranges', 'reanchor-edit'], cacheDir, log: (l) => lines.push(l) });
      assert.equal(report.results.length, 0);
      assert.ok(!existsSync(cacheDir), 'no corpus generated');
      const rows = report.editor!;
      assert.deepEqual(rows.map((r) => r.measure), ['decoration-ranges', 'reanchor-edit', 'reanchor-edit', 'reanchor-edit']);
      assert.ok(rows.every((r) => r.runs === EDITOR_RUNS_PER_RUN && r.ms.min > 0 && r.ms.min <= r.ms.median && r.ms.median <= r.ms.max));
      assert.deepEqual([rows[0].annotations, rows[1].annotations], [300, 200]);
      assert.deepEqual(rows[2].edit, { places: 10, changedChars: 600 });
      assert.deepEqual(rows[2].anchors, rows[3].anchors);
      assert.equal(rows[2].anchors!.orphaned, 1);
      assert.deepEqual(rows.map((r) => r.goalMs), [undefined, undefined, 50, 50]);
      assert.ok(rows.slice(2).every((r) => r.met === r.ms.median < 50 && r.metAtMax === r.ms.max < 50));
      const printed = lines.join('\n');
      assert.match(printed, /^\| measure +\| step/m);
      assert.match(printed, /^\| reanchor-edit +\| refreshAnchors after the edit/m);
      assert.doesNotMatch(printed, /^corpus:/m);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });

  it('formats its table', () => {
    const table = formatEditorTable([
      { measure: 'reanchor-edit', step: 'documentCoding after the edit', chars: 60_000, words: 9_100, annotations: 200, codes: 20, overlapping: 150, multiLine: 26, edit: { places: 10, changedChars: 600 }, anchors: { exact: 70, relocated: 126, fuzzy: 3, orphaned: 1 }, runs: 50, ms: { min: 30, median: 45, max: 80 }, goalMs: 50, met: true, metAtMax: false },
    ]);
    assert.match(table, /\| reanchor-edit \| documentCoding after the edit \| 9,100 words, 60,000 chars, 600 changed in 10 places \| 200 \(20 codes\) \| 70\/126\/3\/1 +\| 50 +\| 45\.0 ms \(30\.0 ms\) \| 80\.0 ms \| < 50 ms \| median only \|/);
  });
});
