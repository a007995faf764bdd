/**
 * Coding in the editor, measured (docs/performance.md, "Coding in the editor"): what runs while
 * a transcript is open, on one synthetic document at a time. Run by `npm run bench`, or alone:
 *
 *   npm run bench -- --measures decoration-ranges,reanchor-edit
 *
 * - `decoration-ranges`: `documentCoding` + `codingLayers` (what the editor runs, debounced,
 *   after every edit to draw highlights and gutter stripes) on a 20,000-word transcript with
 *   300 annotations, some overlapping, some spanning lines.
 * - `reanchor-edit`: a 60,000-character transcript with 200 annotations gets 10 edits of 60
 *   characters (1% of it): between annotations (so those after move), inside three long quotes
 *   (re-worded: the fuzzy step) and one deleting a whole quote (an orphan, on purpose). Then
 *   `documentCoding` (the in-memory re-anchoring) and `refreshAnchors` (what a save runs) are
 *   timed on the edited text, against the issue's goal of 50 ms.
 *
 * These are absolute times, not ratios to a baseline: there is no bare operation to compare
 * with. Numbers are reported, never asserted; the unit tests check only the documents and edits.
 * The bodies come from the corpus generator (bench/generate-corpus.ts: seeded, synthetic words);
 * the annotations and edits are planned here, from the same seeded PRNG.
 */
import { codingLayers, lineStartsOf } from '../src/core/coding/coding-layers';
import { documentCoding } from '../src/core/coding/editor-coding';
import { newAnnotationEntry, newAnnotationId } from '../src/core/coding/new-annotation';
import { refreshAnchors } from '../src/core/coding/refresh-anchors';
import { parseCorpusDocument } from '../src/core/corpus/document';
import type { AnnotationEntry } from '../src/core/frontmatter/edit-front-matter';
import { doubleQuoted, yamlScalar } from '../src/core/frontmatter/yaml-scalar';
import { buildCorpusFiles, Random, Vocabulary } from './generate-corpus';
import { fmtMs, markdownTable, spreadOf, timeRuns, verdict, type Spread } from './timing';

// ---------------------------------------------------------------------------------------------
// The measures.

export interface EditorMeasure {
  readonly name: string;
  readonly description: string;
}

export const DECORATION_RANGES: EditorMeasure = {
  name: 'decoration-ranges',
  description: 'documentCoding + codingLayers (highlight and stripe ranges) on a 20,000-word transcript with 300 annotations',
};

export const REANCHOR_EDIT: EditorMeasure = {
  name: 'reanchor-edit',
  description: 'documentCoding (in-memory re-anchoring) and refreshAnchors (on save) after 10 edits of 60 characters to a 60,000-character transcript with 200 annotations',
};

/** Every editor measure, in the order they run. Selected with `--measures` like the corpus measures. */
export const EDITOR_MEASURES: readonly EditorMeasure[] = [DECORATION_RANGES, REANCHOR_EDIT];

/** The issue's goal for re-anchoring after a 1% edit. */
export const REANCHOR_GOAL_MS = 50;

/** The editor measures take milliseconds a run, not seconds: this many timed runs per `--runs` (30 by default). */
export const EDITOR_RUNS_PER_RUN = 6;

/** Untimed calls before the timed runs (JIT warm-up; the checks before them have run each step once already). */
export const EDITOR_WARM_UP = 3;

export function isEditorMeasure(name: string): boolean {
  return EDITOR_MEASURES.some((m) => m.name === name);
}

/** The editor measures among `names` (all when none are given). */
export function selectEditorMeasures(names?: readonly string[]): EditorMeasure[] {
  if (names === undefined || names.length === 0) return [...EDITOR_MEASURES];
  return EDITOR_MEASURES.filter((m) => names.includes(m.name));
}

export type EditorTiming = Spread;

export interface AnchorCounts {
  readonly exact: number;
  readonly relocated: number;
  readonly fuzzy: number;
  readonly orphaned: number;
}

/** One line of the editor results: one timed step of a measure. */
export interface EditorResult {
  readonly measure: string;
  /** What was timed. */
  readonly step: string;
  /** The transcript: characters and words of its body, its annotations and the codes they use. */
  readonly chars: number;
  readonly words: number;
  readonly annotations: number;
  readonly codes: number;
  /** Annotations overlapping another, and whose quote spans lines. */
  readonly overlapping: number;
  readonly multiLine: number;
  /** The edit made before timing (reanchor-edit). */
  readonly edit?: { readonly places: number; readonly changedChars: number };
  /** How the annotations were found in the timed text (`anchor.method` of the parsed document). */
  readonly anchors?: AnchorCounts;
  readonly runs: number;
  readonly ms: EditorTiming;
  /** The goal, when the issue states one: under this many ms. */
  readonly goalMs?: number;
  /** The median is under the goal. */
  readonly met?: boolean;
  /** The slowest run is under the goal too. */
  readonly metAtMax?: boolean;
}

export interface EditorRunOptions {
  readonly runs: number;
  readonly seed: string;
  readonly log: (line: string) => void;
}

/** Runs the editor measures: one document each, built and checked first, then timed. */
export function runEditorMeasures(measures: readonly EditorMeasure[], options: EditorRunOptions): EditorResult[] {
  const results: EditorResult[] = [];
  for (const measure of measures) {
    const rows = measure.name === DECORATION_RANGES.name ? decorationRanges(options) : reanchorEdit(options);
    for (const r of rows) {
      options.log(`  ${r.measure} (${r.step}): median ${fmtMs(r.ms.median)}, max ${fmtMs(r.ms.max)}${r.goalMs !== undefined ? ` (goal < ${r.goalMs} ms: ${verdict(r)})` : ''}`);
      results.push(r);
    }
  }
  return results;
}

function decorationRanges(options: EditorRunOptions): EditorResult[] {
  const t0 = performance.now();
  const doc = decorationDocument(options.seed);
  const path = doc.path;
  // Checked before timing: every annotation drawn, none orphaned.
  const coding = documentCoding(path, doc.text);
  if (!coding || coding.spans.length !== doc.annotations.length || coding.orphans.length > 0) {
    throw new Error(`the decoration-ranges document does not anchor cleanly (${coding?.spans.length ?? 'no'} spans of ${doc.annotations.length}, ${coding?.orphans.length ?? '?'} orphans)`);
  }
  const layers = draw(path, doc.text, doc.codeIds);
  const deepest = Math.max(...layers.spans.map((s) => s.layer)) + 1;
  options.log(`editor: ${describe(doc)}; ${deepest} layers, ${layers.stripes.length} striped lines (built in ${fmtMs(performance.now() - t0)})`);
  const times = timeRuns(options.runs, EDITOR_WARM_UP, () => draw(path, doc.text, doc.codeIds));
  return [{ measure: DECORATION_RANGES.name, step: 'documentCoding + codingLayers', ...documentFacts(doc), runs: times.length, ms: spreadOf(times) }];
}

/** What the editor computes to draw a document's coding (coding-decorations.ts, less the vscode calls). */
function draw(path: string, text: string, codeOrder: readonly string[]): ReturnType<typeof codingLayers> {
  const coding = documentCoding(path, text)!;
  return codingLayers(
    coding.spans.map((s) => ({ id: s.annotation.id, code: s.annotation.code, start: s.start, end: s.end })),
    lineStartsOf(text),
    codeOrder,
  );
}

function reanchorEdit(options: EditorRunOptions): EditorResult[] {
  const t0 = performance.now();
  const doc = reanchorDocument(options.seed);
  const edits = planEdits(doc, options.seed);
  const edited = applyEdits(doc, edits);
  const path = doc.path;
  const before = anchorCounts(path, doc.text);
  const after = anchorCounts(path, edited);
  const deleted = edits.filter((e) => e.purpose === 'delete-quote').length;
  if (before.exact !== doc.annotations.length || after.orphaned !== deleted) {
    throw new Error(`the reanchor-edit document does not anchor as planned (before the edit ${JSON.stringify(before)}, after ${JSON.stringify(after)}, ${deleted} quote(s) deleted on purpose)`);
  }
  const edit = { places: edits.length, changedChars: changedChars(edits) };
  options.log(`editor: ${describe(doc)}; ${edit.places} edits, ${edit.changedChars} characters changed: ${after.exact} exact, ${after.relocated} relocated, ${after.fuzzy} fuzzy, ${after.orphaned} orphaned (built in ${fmtMs(performance.now() - t0)})`);
  const facts = documentFacts(doc);
  const unedited = timeRuns(options.runs, EDITOR_WARM_UP, () => documentCoding(path, doc.text));
  const coding = timeRuns(options.runs, EDITOR_WARM_UP, () => documentCoding(path, edited));
  const save = timeRuns(options.runs, EDITOR_WARM_UP, () => refreshAnchors(path, edited));
  const goal = (ms: EditorTiming) => ({ goalMs: REANCHOR_GOAL_MS, met: ms.median < REANCHOR_GOAL_MS, metAtMax: ms.max < REANCHOR_GOAL_MS });
  const row = (step: string, times: number[], anchors: AnchorCounts, withGoal: boolean): EditorResult => {
    const ms = spreadOf(times);
    return { measure: REANCHOR_EDIT.name, step, ...facts, ...(withGoal ? { edit } : {}), anchors, runs: times.length, ms, ...(withGoal ? goal(ms) : {}) };
  };
  return [
    row('documentCoding, unedited (reference)', unedited, before, false),
    row('documentCoding after the edit', coding, after, true),
    row('refreshAnchors after the edit', save, after, true),
  ];
}

function documentFacts(doc: EditorDocument) {
  return {
    chars: doc.body.length,
    words: doc.words,
    annotations: doc.annotations.length,
    codes: doc.codesUsed,
    overlapping: doc.overlapping,
    multiLine: doc.multiLine,
  };
}

function describe(doc: EditorDocument): string {
  return `${doc.words.toLocaleString('en')} words, ${doc.body.length.toLocaleString('en')} characters, ${doc.annotations.length} annotations (${doc.codesUsed} codes, ${doc.overlapping} overlapping another, ${doc.multiLine} spanning lines)`;
}

/** The editor results as a Markdown table, in the style of run-bench's. */
export function formatEditorTable(results: readonly EditorResult[]): string {
  const header = ['measure', 'step', 'transcript', 'annotations', 'anchors (exact/relocated/fuzzy/orphan)', 'runs', 'median (min)', 'max', 'goal', 'met'];
  const rows = results.map((r) => [
    r.measure,
    r.step,
    `${r.words.toLocaleString('en')} words, ${r.chars.toLocaleString('en')} chars${r.edit ? `, ${r.edit.changedChars} changed in ${r.edit.places} places` : ''}`,
    `${r.annotations} (${r.codes} codes)`,
    r.anchors ? `${r.anchors.exact}/${r.anchors.relocated}/${r.anchors.fuzzy}/${r.anchors.orphaned}` : '',
    String(r.runs),
    `${fmtMs(r.ms.median)} (${fmtMs(r.ms.min)})`,
    fmtMs(r.ms.max),
    r.goalMs !== undefined ? `< ${r.goalMs} ms` : '',
    verdict(r),
  ]);
  return markdownTable(header, rows);
}

// ---------------------------------------------------------------------------------------------
// The documents.

export interface PlannedAnnotation extends AnnotationEntry {
  /** How it was planned: within one participant turn, overlapping another, across turns. */
  readonly kind: 'turn' | 'overlap' | 'lines';
  readonly end: number;
}

export interface EditorDocument {
  /** Corpus-relative path. */
  readonly path: string;
  /** The whole file: front matter (attributes, summaries, `codes`) and body. */
  readonly text: string;
  readonly body: string;
  /** Where the body starts in `text`. */
  readonly bodyStart: number;
  /** The codebook's codes, in its order (the order of the gutter stripes). */
  readonly codeIds: readonly string[];
  /** Sorted by start, then id, as written. */
  readonly annotations: readonly PlannedAnnotation[];
  readonly words: number;
  readonly codesUsed: number;
  readonly overlapping: number;
  readonly multiLine: number;
}

export const DECORATION_WORDS = 20_000;
export const DECORATION_ANNOTATIONS = 300;
export const REANCHOR_CHARS = 60_000;
export const REANCHOR_ANNOTATIONS = 200;
/** 4 themes × 5 codes: a frame of 20 codes. */
const THEMES = 4;
const CODES_PER_THEME = 5;

/** The 20,000-word transcript with 300 annotations of `decoration-ranges`. */
export function decorationDocument(seed: string, words = DECORATION_WORDS, annotations = DECORATION_ANNOTATIONS): EditorDocument {
  const { path, front, body, codeIds } = generatedTranscript(`${seed}/decoration-ranges`, words);
  return codedDocument(path, front, body, codeIds, annotations, new Random(`${seed}/decoration-ranges/annotations`));
}

/** The 60,000-character transcript (give or take the end of a sentence) with 200 annotations of `reanchor-edit`. */
export function reanchorDocument(seed: string, chars = REANCHOR_CHARS, annotations = REANCHOR_ANNOTATIONS): EditorDocument {
  // About 6.5 characters a word: generate enough, then cut at the last sentence end that fits.
  const { path, front, body: long, codeIds } = generatedTranscript(`${seed}/reanchor-edit`, Math.ceil(chars / 5.5));
  if (long.length < chars) throw new Error(`the generated transcript has ${long.length} characters, fewer than ${chars}`);
  let cut = chars - 1;
  while (cut > 0 && !(/[.?]/.test(long[cut - 1]) && /\s/.test(long[cut]))) cut--;
  const body = long.slice(0, cut) + '\n';
  return codedDocument(path, front, body, codeIds, annotations, new Random(`${seed}/reanchor-edit/annotations`));
}

/** One interview from the corpus generator, without annotations: its path, front-matter lines and body. */
function generatedTranscript(seed: string, words: number): { path: string; front: string; body: string; codeIds: string[] } {
  const { files } = buildCorpusFiles({ documents: 1, wordsPerDocument: words, segmentsPerDocument: 0, seed, themes: THEMES, codesPerTheme: CODES_PER_THEME });
  const [path, text] = [...files].find(([p]) => p.startsWith('transcripts/'))!;
  const close = text.indexOf('\n---\n', 3);
  const codeIds = [...files.get('codebook.yaml')!.matchAll(/^ {6}- id: (\S+)$/gm)].map((m) => m[1]);
  return { path, front: text.slice(0, close + 1), body: text.slice(close + 5), codeIds };
}

function codedDocument(path: string, front: string, body: string, codeIds: readonly string[], count: number, rng: Random): EditorDocument {
  const annotations = planAnnotations(rng, body, codeIds, count);
  // `codes:` last, as addAnnotation adds it to a front matter without one; entries in its block style.
  const text = `${front}${renderCodes(annotations)}---\n${body}`;
  const overlapping = annotations.filter((a) => annotations.some((b) => b !== a && b.start < a.end && a.start < b.end)).length;
  return {
    path,
    text,
    body,
    bodyStart: text.length - body.length,
    codeIds,
    annotations,
    words: paragraphsOf(body).reduce((n, p) => n + p.words.length, 0),
    codesUsed: new Set(annotations.map((a) => a.code)).size,
    overlapping,
    multiLine: annotations.filter((a) => a.quote.includes('\n')).length,
  };
}

/** The entries as edit-front-matter.ts writes them (block style, its scalar rules). */
function renderCodes(annotations: readonly AnnotationEntry[]): string {
  const lines = ['codes:'];
  for (const a of annotations) {
    lines.push(`  - id: ${yamlScalar(a.id)}`, `    code: ${yamlScalar(a.code)}`, `    start: ${a.start}`, `    quote: ${doubleQuoted(a.quote)}`);
    if (a.prefix !== undefined) lines.push(`    prefix: ${doubleQuoted(a.prefix)}`);
    if (a.suffix !== undefined) lines.push(`    suffix: ${doubleQuoted(a.suffix)}`);
    if (a.by !== undefined) lines.push(`    by: ${yamlScalar(a.by)}`);
  }
  return lines.join('\n') + '\n';
}

interface Paragraph {
  readonly start: number;
  readonly end: number;
  readonly speaker?: string;
  /** [start, end) of each word, in body offsets (labels and punctuation excluded). */
  readonly words: readonly (readonly [number, number])[];
}

/** The body's paragraphs (blank-line separated), their speakers and words. */
export function paragraphsOf(body: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let at = 0;
  for (const chunk of body.split('\n\n')) {
    const text = chunk.replace(/\n+$/, '');
    const label = /^([A-Za-z][\w ]*): /.exec(text);
    const words: [number, number][] = [];
    const from = label ? label[0].length : 0;
    for (const m of text.slice(from).matchAll(/[\p{L}\p{N}’']+/gu)) words.push([at + from + m.index, at + from + m.index + m[0].length]);
    paragraphs.push({ start: at, end: at + text.length, ...(label ? { speaker: label[1] } : {}), words });
    at += chunk.length + 2;
  }
  return paragraphs;
}

/**
 * `count` annotations: 80% quotes of 5–40 words within one participant turn (as the corpus
 * generator codes), 10% starting inside one of those and running 3–15 words past its end,
 * 10% running from a participant turn into the next paragraph or the one after (a question
 * and answer coded whole: quotes of several hundred characters, across blank lines). Codes by
 * a Zipf-like preference, ids as the extension makes them, 32 characters of context.
 */
function planAnnotations(rng: Random, body: string, codeIds: readonly string[], count: number): PlannedAnnotation[] {
  const paragraphs = paragraphsOf(body);
  const words = paragraphs.flatMap((p) => p.words);
  const firstWord: number[] = [];
  paragraphs.reduce((n, p) => (firstWord.push(n), n + p.words.length), 0);
  const turns = paragraphs
    .map((p, i) => ({ p, i }))
    .filter(({ p }) => p.speaker !== undefined && p.speaker !== 'Interviewer' && p.words.length >= 5);
  if (turns.length === 0) throw new Error('the transcript has no participant turns to code');

  const lines = Math.round(count * 0.1);
  const overlaps = Math.round(count * 0.1);
  const spans: { first: number; last: number; kind: PlannedAnnotation['kind'] }[] = [];
  for (let n = 0; n < count - lines - overlaps; n++) {
    const { p, i } = rng.pick(turns);
    const length = rng.int(5, Math.min(40, p.words.length));
    const first = firstWord[i] + rng.int(0, p.words.length - length);
    spans.push({ first, last: first + length - 1, kind: 'turn' });
  }
  const turnSpans = [...spans];
  for (let n = 0; n < overlaps; n++) {
    const base = rng.pick(turnSpans);
    const first = base.first + rng.int(1, base.last - base.first);
    spans.push({ first, last: Math.min(words.length - 1, base.last + rng.int(3, 15)), kind: 'overlap' });
  }
  for (let n = 0; n < lines; n++) {
    const { p, i } = rng.pick(turns);
    let to = Math.min(paragraphs.length - 1, i + rng.int(1, 2));
    while (to > i && paragraphs[to].words.length === 0) to--;
    const first = firstWord[i] + rng.int(0, p.words.length - 1);
    const last = to > i ? firstWord[to] + rng.int(0, paragraphs[to].words.length - 1) : firstWord[i] + p.words.length - 1;
    spans.push({ first, last, kind: 'lines' });
  }

  // A Zipf-like preference among codes, as the corpus generator has: some far more used than others.
  const order = rng.shuffle([...codeIds]);
  const weights = order.map((_, r) => 1 / (r + 1.5));
  const total = weights.reduce((a, b) => a + b, 0);
  const pickCode = () => {
    let u = rng.next() * total;
    for (let r = 0; r < order.length; r++) if ((u -= weights[r]) < 0) return order[r];
    return order[order.length - 1];
  };
  const taken = new Set<string>();
  const annotations = spans.map(({ first, last, kind }): PlannedAnnotation => {
    const start = words[first][0];
    const end = words[last][1];
    const id = newAnnotationId(taken, () => rng.next());
    taken.add(id);
    return { ...newAnnotationEntry(body, { start, quote: body.slice(start, end) }, { id, code: pickCode(), by: 'am' }), kind, end };
  });
  return annotations.sort((a, b) => a.start - b.start || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

// ---------------------------------------------------------------------------------------------
// The edit.

/** One edit of the body: `remove` characters at `at` replaced by `insert`. */
export interface BodyEdit {
  readonly at: number;
  readonly remove: number;
  readonly insert: string;
  readonly kind: 'insertion' | 'deletion' | 'replacement';
  /**
   * `between`: in text no annotation covers (those after it move: relocated); `in-quote`: inside
   * one long quote and no other (re-worded: found by the fuzzy step); `delete-quote`: a deletion
   * taking a whole quote of 32–60 characters (orphaned on purpose: the dearest search, the whole
   * body, and still not found).
   */
  readonly purpose: 'between' | 'in-quote' | 'delete-quote';
  /** The annotation an in-quote or delete-quote edit is aimed at. */
  readonly target?: string;
}

export const EDIT_PLACES = 10;
export const EDIT_SIZE = 60;
/** An in-quote edit goes only into quotes this long, so 60 changed characters stay under the fuzzy step's 20%. */
const LONG_QUOTE = 400;

/** Characters an edit changes: those inserted or removed (a replacement of 60 by 60 changes 60). */
export function changedChars(edits: readonly BodyEdit[]): number {
  return edits.reduce((n, e) => n + Math.max(e.remove, e.insert.length), 0);
}

/**
 * Ten edits of 60 characters (600 in all: 1% of 60,000), one in each tenth of the body: six
 * between annotations (insertion, deletion, replacement, twice each), three inside long quotes
 * (a replacement, an insertion, a deletion) and one deleting a whole quote. Sorted by position.
 */
export function planEdits(doc: EditorDocument, seed: string, places = EDIT_PLACES, size = EDIT_SIZE): BodyEdit[] {
  const rng = new Random(`${seed}/reanchor-edit/edits`);
  const vocabulary = new Vocabulary(rng.fork('vocabulary'), 2000);
  const { body, annotations } = doc;
  const slice = Math.floor(body.length / places);
  const tenths = Array.from({ length: places }, (_, i) => ({ from: i * slice, to: i === places - 1 ? body.length : (i + 1) * slice }));
  /** Annotations overlapping [from, to) (for an insertion, from = to: those strictly around it). */
  const touching = (from: number, to: number) => annotations.filter((a) => (from === to ? a.start < from && from < a.end : a.start < to && from < a.end));
  const noBreak = (from: number, to: number) => !body.slice(from, to).includes('\n');
  const text = (): string => {
    let s = '';
    while (s.length < size) s += ' ' + vocabulary.word(rng);
    return s.slice(0, size);
  };
  /** Word boundaries (a space before a word) within [from, to). */
  const spaces = (from: number, to: number) => {
    const out: number[] = [];
    for (let i = body.indexOf(' ', from); i !== -1 && i < to; i = body.indexOf(' ', i + 1)) out.push(i);
    return out;
  };

  const used = new Set<number>();
  const edits: BodyEdit[] = [];
  const order = rng.shuffle(tenths.map((_, i) => i));

  // One deletion of a whole quote of 32–60 characters that nothing else overlaps and that occurs only once.
  const deleting = (t: (typeof tenths)[number]) =>
    annotations
      .filter((a) => a.quote.length >= 32 && a.quote.length <= size && body.indexOf(a.quote) === body.lastIndexOf(a.quote))
      .map((a) => ({ a, at: a.start - Math.floor((size - a.quote.length) / 2) }))
      .filter(({ a, at }) => at >= t.from && at + size <= t.to && noBreak(at, at + size) && touching(at, at + size).every((b) => b === a));
  const d = order.find((i) => deleting(tenths[i]).length > 0);
  if (d === undefined) throw new Error('no quote of 32–60 characters stands alone: cannot plan the deletion of a whole quote');
  const del = rng.pick(deleting(tenths[d]));
  edits.push({ at: del.at, remove: size, insert: '', kind: 'deletion', purpose: 'delete-quote', target: del.a.id });
  used.add(d);

  // Three edits inside long quotes, each in one quote only, away from its ends.
  const targets = new Set<string>();
  for (const kind of ['replacement', 'insertion', 'deletion'] as const) {
    const span = kind === 'insertion' ? 0 : size;
    const within = (t: (typeof tenths)[number]) =>
      annotations
        .filter((a) => a.quote.length >= LONG_QUOTE && !targets.has(a.id))
        .flatMap((a) => spaces(Math.max(a.start + 40, t.from), Math.min(a.end - 40 - span, t.to - span)).map((at) => ({ a, at })))
        .filter(({ a, at }) => noBreak(at, at + span) && touching(at, at + span).every((b) => b === a) && (span > 0 || touching(at, at).length === 1));
    const i = order.find((x) => !used.has(x) && within(tenths[x]).length > 0);
    if (i === undefined) throw new Error(`no long quote to make an in-quote ${kind} in`);
    const { a, at } = rng.pick(within(tenths[i]));
    edits.push({ at, remove: span, insert: kind === 'deletion' ? '' : text(), kind, purpose: 'in-quote', target: a.id });
    targets.add(a.id);
    used.add(i);
  }

  // The rest between annotations, at least 2 characters clear of any.
  const kinds = ['insertion', 'deletion', 'replacement'] as const;
  let k = 0;
  for (const i of order.filter((x) => !used.has(x)).sort((a, b) => a - b)) {
    const kind = kinds[k++ % kinds.length];
    const span = kind === 'insertion' ? 0 : size;
    const t = tenths[i];
    const free = spaces(t.from, t.to - span).filter((at) => noBreak(at, at + span) && touching(at - 2, at + span + 2).length === 0);
    if (free.length === 0) throw new Error(`no text free of annotations in tenth ${i + 1} of the body for a ${kind}`);
    edits.push({ at: rng.pick(free), remove: span, insert: kind === 'deletion' ? '' : text(), kind, purpose: 'between' });
    used.add(i);
  }
  return edits.sort((a, b) => a.at - b.at);
}

/** The document's text with the body edits made (from the last, so earlier offsets hold). */
export function applyEdits(doc: EditorDocument, edits: readonly BodyEdit[]): string {
  let text = doc.text;
  for (const e of [...edits].sort((a, b) => b.at - a.at)) {
    const at = doc.bodyStart + e.at;
    text = text.slice(0, at) + e.insert + text.slice(at + e.remove);
  }
  return text;
}

/** Where a body offset not inside an edit is after the edits. */
export function shiftedOffset(edits: readonly BodyEdit[], offset: number): number {
  let shift = 0;
  for (const e of edits) if (e.at + e.remove <= offset) shift += e.insert.length - e.remove;
  return offset + shift;
}

/** How the annotations of `text` are anchored: by `anchor.method` of the parsed document. */
export function anchorCounts(path: string, text: string): AnchorCounts {
  const { document } = parseCorpusDocument(path, text);
  if (!document) throw new Error(`${path}: the front matter cannot be read`);
  const count = (method: string) => document.annotations.filter((a) => a.anchor.method === method).length;
  return { exact: count('exact'), relocated: count('relocated'), fuzzy: count('fuzzy'), orphaned: count('orphan') };
}
