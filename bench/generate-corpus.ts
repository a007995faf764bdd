/**
 * Synthetic corpora for the benchmarks: deterministic (a seeded PRNG; the same parameters give
 * the same bytes), written to disk in the corpus format (docs/format.md), and realistic where
 * it matters for speed: Zipf-distributed words (English function words plus ~20,000 made-up
 * words), sentences and paragraphs, alternating speaker turns, two waves, attributes, cases
 * with two documents (interview + notes, and panel cases interviewed in both waves), block-style
 * annotations anchored at their UTF-16 offsets, and summaries citing `path#id`.
 *
 * Every generated corpus loads with zero problems through `loadCorpus` (the tests check it).
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

/** Bump when the output for the same parameters changes: cached corpora are then regenerated. */
export const GENERATOR_VERSION = 1;

/** The `documents` patterns written to `qualframe.yaml` (a bare read globs the same). */
export const DOCUMENT_PATTERNS: readonly string[] = ['transcripts/**/*.md'];

/** Where `npm run bench` keeps its corpora (ignored by git). */
export const DEFAULT_CACHE_ROOT = path.join(__dirname, '.corpora');

/** The file in each corpus root describing how it was made. */
export const MANIFEST_FILE = 'bench-corpus.json';

export const WAVES = ['2016', '2021'] as const;

export interface CorpusOptions {
  /** How many document files (interviews, interviewer notes, both waves of panel cases). */
  readonly documents: number;
  /** Words in an interview's body (interviewer notes get a quarter). */
  readonly wordsPerDocument?: number;
  /** Annotations in every document. */
  readonly segmentsPerDocument?: number;
  readonly seed: number | string;
  readonly themes?: number;
  readonly codesPerTheme?: number;
  /**
   * Every case one interview in one wave: no panel cases (interviewed in both waves) and no
   * interviewer's notes, so there are as many cases as documents. Off by default; when off it
   * is left out of the manifest and the cache key, so existing corpora keep their bytes and folders.
   */
  readonly oneDocumentPerCase?: boolean;
}

/** The options with their defaults filled in (`oneDocumentPerCase` only when set). */
export type ResolvedCorpusOptions = Required<Omit<CorpusOptions, 'oneDocumentPerCase'>> & { readonly oneDocumentPerCase?: true };

export interface CorpusManifest {
  readonly generator: number;
  readonly options: ResolvedCorpusOptions;
  readonly documents: number;
  readonly cases: number;
  readonly panelCases: number;
  readonly notesCases: number;
  readonly annotations: number;
  readonly summaries: number;
  /** Bytes of the document files (what `documents` matches). */
  readonly documentBytes: number;
  readonly words: number;
}

export function withDefaults(options: CorpusOptions): ResolvedCorpusOptions {
  const o = {
    documents: options.documents,
    wordsPerDocument: options.wordsPerDocument ?? 8000,
    segmentsPerDocument: options.segmentsPerDocument ?? 40,
    seed: options.seed,
    themes: options.themes ?? 8,
    codesPerTheme: options.codesPerTheme ?? 5,
    ...(options.oneDocumentPerCase === true ? { oneDocumentPerCase: true as const } : {}),
  };
  for (const key of ['documents', 'wordsPerDocument', 'segmentsPerDocument', 'themes', 'codesPerTheme'] as const) {
    if (!Number.isInteger(o[key]) || o[key] < 0) throw new Error(`${key} must be a whole number >= 0 (got ${o[key]})`);
  }
  if (o.themes < 1 || o.codesPerTheme < 1) throw new Error('themes and codesPerTheme must be at least 1');
  return o;
}

/** A short stable hash of everything that determines a corpus's bytes. */
export function corpusHash(options: CorpusOptions): string {
  const o = withDefaults(options);
  const key = JSON.stringify([
    GENERATOR_VERSION, o.documents, o.wordsPerDocument, o.segmentsPerDocument, String(o.seed), typeof o.seed, o.themes, o.codesPerTheme,
    // Only when set: the corpora made without it keep their hash.
    ...(o.oneDocumentPerCase ? ['oneDocumentPerCase'] : []),
  ]);
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}

/**
 * Writes a corpus to `dir` (replacing whatever is there). It is written to a sibling temp
 * folder first and renamed into place when complete, so `dir` never holds half a corpus.
 */
export function generateCorpus(dir: string, options: CorpusOptions): CorpusManifest {
  const target = path.resolve(dir);
  mkdirSync(path.dirname(target), { recursive: true });
  const temp = `${target}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    const { files, manifest } = buildCorpusFiles(options);
    for (const [relative, text] of files) {
      const abs = path.join(temp, ...relative.split('/'));
      mkdirSync(path.dirname(abs), { recursive: true });
      writeFileSync(abs, text);
    }
    writeFileSync(path.join(temp, MANIFEST_FILE), JSON.stringify(manifest, null, 2) + '\n');
    rmSync(target, { recursive: true, force: true });
    renameSync(temp, target);
    return manifest;
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

/**
 * The corpus for these options under `cacheRoot/<params-hash>/`, generated only when it is
 * not there yet. A folder there is always complete (see `generateCorpus`).
 */
export function cachedCorpus(options: CorpusOptions, cacheRoot = DEFAULT_CACHE_ROOT): { dir: string; manifest: CorpusManifest; cached: boolean } {
  const dir = path.join(path.resolve(cacheRoot), corpusHash(options));
  const manifestPath = path.join(dir, MANIFEST_FILE);
  if (existsSync(manifestPath)) {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as CorpusManifest;
    if (manifest.generator === GENERATOR_VERSION) return { dir, manifest, cached: true };
  }
  return { dir, manifest: generateCorpus(dir, options), cached: false };
}

// ---------------------------------------------------------------------------------------------
// Building the files (pure: options in, path -> text out).

interface CaseSpec {
  readonly id: string;
  readonly kind: 'single' | 'panel' | 'notes';
  readonly role: string;
  readonly sector: string;
  /** The wave of a single or notes case. */
  readonly wave: string;
  readonly interviewer: string;
}

interface DocSpec {
  readonly path: string;
  readonly caseSpec: CaseSpec;
  readonly wave: string;
  readonly type: 'interview' | 'notes';
  /** Holds the case's summaries. */
  readonly summaries: boolean;
}

/** Every file of the corpus, in path order, and its manifest. */
export function buildCorpusFiles(options: CorpusOptions): { files: Map<string, string>; manifest: CorpusManifest } {
  const o = withDefaults(options);
  const rng = new Random(`${o.seed}`);
  const vocabulary = new Vocabulary(rng.fork('vocabulary'));
  const codebook = buildCodebook(rng.fork('codebook'), vocabulary, o.themes, o.codesPerTheme);
  const cases = planCases(rng.fork('cases'), o.documents, o.oneDocumentPerCase === true);
  const docs = planDocuments(cases);

  const files = new Map<string, string>();
  files.set('qualframe.yaml', settingsYaml());
  files.set('codebook.yaml', codebook.yaml);
  files.set('README.md', '# Synthetic benchmark corpus\n\nGenerated by bench/generate-corpus.ts; not real data. README files are never documents.\n');
  files.set('memos/journal.md', '# Analytic journal\n\nMemos are not coded documents: the loader never lists them.\n');

  let annotations = 0;
  let summaries = 0;
  let documentBytes = 0;
  let words = 0;
  for (const doc of docs) {
    const docRng = rng.fork(`document:${doc.path}`);
    const wordTarget = doc.type === 'interview' ? o.wordsPerDocument : Math.floor(o.wordsPerDocument / 4);
    const body = doc.type === 'interview'
      ? interviewBody(docRng, vocabulary, doc.caseSpec.id, wordTarget)
      : notesBody(docRng, vocabulary, doc.caseSpec.id, wordTarget);
    const coded = codeSegments(docRng, body, codebook.codeIds, o.segmentsPerDocument, doc.caseSpec.interviewer);
    const summaryThemes = doc.summaries ? pickSummaryThemes(docRng, codebook.themeIds) : [];
    const text = documentText(doc, body.text, coded, summaryThemes, docRng, vocabulary);
    files.set(doc.path, text);
    annotations += coded.length;
    summaries += summaryThemes.length;
    documentBytes += Buffer.byteLength(text, 'utf8');
    words += body.words;
  }
  const sorted = new Map([...files.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return {
    files: sorted,
    manifest: {
      generator: GENERATOR_VERSION,
      options: o,
      documents: docs.length,
      cases: cases.length,
      panelCases: cases.filter((c) => c.kind === 'panel').length,
      notesCases: cases.filter((c) => c.kind === 'notes').length,
      annotations,
      summaries,
      documentBytes,
      words,
    },
  };
}

function settingsYaml(): string {
  return [
    '# Synthetic benchmark corpus (bench/generate-corpus.ts).',
    `documents: ${JSON.stringify(DOCUMENT_PATTERNS)}`,
    'codebook: codebook.yaml',
    'compare:',
    '  attribute: wave',
    `  baseline: "${WAVES[0]}"`,
    `  followup: "${WAVES[1]}"`,
    '',
  ].join('\n');
}

const ROLES = ['GP', 'Practice manager', 'Practice nurse', 'Cluster lead', 'Pharmacist', 'National stakeholder', 'Health board manager', 'Allied health professional'];
const SECTORS = ['NHS', 'Government', 'Local authority', 'Third sector', 'Independent contractor', 'Professional body'];
const INTERVIEWERS = ['am', 'rk', 'jt'];

/**
 * Cases for exactly `documents` files: mostly single interviews, some panel and notes cases
 * (none with `oneDocumentPerCase`: then every case is a single interview).
 */
function planCases(rng: Random, documents: number, oneDocumentPerCase: boolean): CaseSpec[] {
  const panel = !oneDocumentPerCase && documents >= 2 ? Math.max(1, Math.floor(documents / 20)) : 0;
  const notes = !oneDocumentPerCase && documents >= 4 ? Math.max(1, Math.floor(documents / 25)) : 0;
  const single = documents - 2 * panel - 2 * notes;
  const kinds: CaseSpec['kind'][] = [
    ...Array<CaseSpec['kind']>(single).fill('single'),
    ...Array<CaseSpec['kind']>(panel).fill('panel'),
    ...Array<CaseSpec['kind']>(notes).fill('notes'),
  ];
  rng.shuffle(kinds);
  const width = Math.max(3, String(kinds.length).length);
  return kinds.map((kind, i) => ({
    id: `P${String(i + 1).padStart(width, '0')}`,
    kind,
    role: rng.pick(ROLES),
    sector: rng.pick(SECTORS),
    wave: rng.next() < 0.5 ? WAVES[0] : WAVES[1],
    interviewer: rng.pick(INTERVIEWERS),
  }));
}

function planDocuments(cases: readonly CaseSpec[]): DocSpec[] {
  const docs: DocSpec[] = [];
  for (const c of cases) {
    if (c.kind === 'panel') {
      docs.push({ path: `transcripts/${WAVES[0]}/${c.id}.md`, caseSpec: c, wave: WAVES[0], type: 'interview', summaries: true });
      docs.push({ path: `transcripts/${WAVES[1]}/${c.id}.md`, caseSpec: c, wave: WAVES[1], type: 'interview', summaries: false });
    } else {
      docs.push({ path: `transcripts/${c.wave}/${c.id}.md`, caseSpec: c, wave: c.wave, type: 'interview', summaries: true });
      if (c.kind === 'notes') docs.push({ path: `transcripts/${c.wave}/${c.id}-notes.md`, caseSpec: c, wave: c.wave, type: 'notes', summaries: false });
    }
  }
  return docs.sort((a, b) => (a.path < b.path ? -1 : 1));
}

// ---------------------------------------------------------------------------------------------
// Codebook.

const THEME_IDS = ['purpose', 'leadership', 'resources', 'data', 'relationships', 'governance', 'workforce', 'outcomes', 'culture', 'policy', 'patients', 'estates'];
const PALETTE = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];

interface GeneratedCodebook {
  readonly yaml: string;
  readonly themeIds: readonly string[];
  readonly codeIds: readonly string[];
}

function buildCodebook(rng: Random, vocabulary: Vocabulary, themes: number, codesPerTheme: number): GeneratedCodebook {
  const lines = ['# Synthetic coding frame (bench/generate-corpus.ts).', 'themes:'];
  const themeIds: string[] = [];
  const codeIds: string[] = [];
  const used = new Set<string>();
  for (let t = 0; t < themes; t++) {
    const themeId = t < THEME_IDS.length ? THEME_IDS[t] : `theme-${t + 1}`;
    themeIds.push(themeId);
    used.add(themeId);
    lines.push(`  - id: ${themeId}`, `    name: ${JSON.stringify(capitalise(themeId.replace(/-/g, ' ')))}`, `    description: ${JSON.stringify(vocabulary.sentence(rng, 8, 14))}`, '    codes:');
    for (let c = 0; c < codesPerTheme; c++) {
      let word = vocabulary.contentWordAscii(rng);
      while (used.has(`${themeId}-${word}`)) word = vocabulary.contentWordAscii(rng);
      const codeId = `${themeId}-${word}`;
      used.add(codeId);
      codeIds.push(codeId);
      lines.push(`      - id: ${codeId}`, `        name: ${JSON.stringify(capitalise(word))}`, `        description: ${JSON.stringify(vocabulary.sentence(rng, 6, 16))}`);
      if (rng.next() < 0.5) lines.push(`        include: ${JSON.stringify(vocabulary.sentence(rng, 5, 10))}`);
      if (rng.next() < 0.3) lines.push(`        example: ${JSON.stringify(vocabulary.phrase(rng, 5, 9))}`);
      if (c === 0) lines.push(`        color: "${PALETTE[t % PALETTE.length]}"`);
    }
  }
  return { yaml: lines.join('\n') + '\n', themeIds, codeIds };
}

// ---------------------------------------------------------------------------------------------
// Bodies: paragraphs with the offsets of their words.

interface Paragraph {
  /** Offset of the paragraph in the body. */
  readonly start: number;
  /** The speaker label (`Interviewer`, the case id), or undefined for a plain paragraph. */
  readonly speaker?: string;
  /** [start, end) of each word, in body offsets (punctuation and labels excluded). */
  readonly words: readonly (readonly [number, number])[];
}

export interface GeneratedBody {
  readonly text: string;
  readonly paragraphs: readonly Paragraph[];
  readonly words: number;
}

class BodyBuilder {
  private readonly parts: string[] = [];
  private length = 0;
  readonly paragraphs: Paragraph[] = [];
  words = 0;

  paragraph(speaker: string | undefined, sentences: readonly string[][], endings: readonly string[]): void {
    if (this.parts.length > 0) this.append('\n\n');
    const start = this.length;
    const spans: [number, number][] = [];
    if (speaker !== undefined) this.append(`${speaker}: `);
    sentences.forEach((tokens, s) => {
      if (s > 0) this.append(' ');
      tokens.forEach((token, i) => {
        if (i > 0) this.append(' ');
        if (token === '–') {
          this.append('–');
          return;
        }
        // A token is a word, optionally followed by a comma.
        const comma = token.endsWith(',');
        const word = comma ? token.slice(0, -1) : token;
        spans.push([this.length, this.length + word.length]);
        this.append(word);
        if (comma) this.append(',');
      });
      this.append(endings[s]);
    });
    this.words += spans.length;
    this.paragraphs.push({ start, ...(speaker !== undefined ? { speaker } : {}), words: spans });
  }

  finish(): GeneratedBody {
    this.append('\n');
    return { text: this.parts.join(''), paragraphs: this.paragraphs, words: this.words };
  }

  private append(s: string): void {
    this.parts.push(s);
    this.length += s.length;
  }
}

/** Alternating turns, `Interviewer:` first: short questions, longer answers. */
function interviewBody(rng: Random, vocabulary: Vocabulary, caseId: string, wordTarget: number): GeneratedBody {
  const b = new BodyBuilder();
  let interviewer = true;
  while (b.words < wordTarget || b.paragraphs.length === 0 || !interviewer) {
    const count = interviewer ? rng.int(1, 2) : rng.int(2, 9);
    const sentences: string[][] = [];
    const endings: string[] = [];
    for (let s = 0; s < count; s++) {
      sentences.push(vocabulary.sentenceTokens(rng, interviewer ? 5 : 4, interviewer ? 16 : 26));
      endings.push(interviewer && s === count - 1 ? '?' : rng.next() < 0.03 ? '?' : '.');
    }
    b.paragraph(interviewer ? 'Interviewer' : caseId, sentences, endings);
    interviewer = !interviewer;
  }
  return b.finish();
}

/** Interviewer's notes: prose paragraphs, no speakers. */
function notesBody(rng: Random, vocabulary: Vocabulary, _caseId: string, wordTarget: number): GeneratedBody {
  const b = new BodyBuilder();
  while (b.words < wordTarget || b.paragraphs.length === 0) {
    const count = rng.int(2, 6);
    const sentences: string[][] = [];
    for (let s = 0; s < count; s++) sentences.push(vocabulary.sentenceTokens(rng, 6, 22));
    b.paragraph(undefined, sentences, sentences.map(() => '.'));
  }
  return b.finish();
}

// ---------------------------------------------------------------------------------------------
// Annotations.

interface Segment {
  readonly id: string;
  readonly code: string;
  readonly start: number;
  readonly quote: string;
  readonly prefix: string;
  readonly suffix: string;
  readonly by: string;
}

const CONTEXT = 32;

function codeSegments(rng: Random, body: GeneratedBody, codeIds: readonly string[], count: number, by: string): Segment[] {
  // Participants' turns are what gets coded; notes have no speakers, so all their paragraphs.
  const candidates = body.paragraphs.filter((p) => p.speaker !== 'Interviewer' && p.words.length > 0);
  const pool = candidates.length > 0 ? candidates : body.paragraphs.filter((p) => p.words.length > 0);
  if (pool.length === 0 || count === 0) return [];
  const ids = new Set<string>();
  const idLength = count > 1000 ? 8 : 4;
  // A Zipf-like preference among codes: some are applied far more often than others.
  const codeWeights = cumulative(codeIds.map((_, r) => 1 / (r + 1.5)));
  const codeOrder = rng.shuffle([...codeIds]);
  const segments: Segment[] = [];
  for (let n = 0; n < count; n++) {
    const p = rng.pick(pool);
    const length = Math.min(p.words.length, rng.int(5, 40));
    const first = rng.int(0, p.words.length - length);
    const start = p.words[first][0];
    const end = p.words[first + length - 1][1];
    let id: string;
    do id = rng.hex(idLength);
    while (ids.has(id));
    ids.add(id);
    segments.push({
      id,
      code: codeOrder[sampleCumulative(codeWeights, rng.next())],
      start,
      quote: body.text.slice(start, end),
      prefix: safeSlice(body.text, Math.max(0, start - CONTEXT), start),
      suffix: safeSlice(body.text, end, Math.min(body.text.length, end + CONTEXT)),
      by,
    });
  }
  // Sorted by start, then id, compared as the loader compares them.
  return segments.sort((a, b) => a.start - b.start || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** A slice that does not split a surrogate pair at either end. */
function safeSlice(text: string, from: number, to: number): string {
  const isLow = (i: number) => i > 0 && i < text.length && (text.charCodeAt(i) & 0xfc00) === 0xdc00;
  if (isLow(from)) from++;
  if (isLow(to)) to--;
  return text.slice(from, to);
}

function pickSummaryThemes(rng: Random, themeIds: readonly string[]): string[] {
  const k = rng.int(0, Math.min(4, themeIds.length));
  return rng.shuffle([...themeIds]).slice(0, k).sort((a, b) => themeIds.indexOf(a) - themeIds.indexOf(b));
}

function documentText(doc: DocSpec, body: string, segments: readonly Segment[], summaryThemes: readonly string[], rng: Random, vocabulary: Vocabulary): string {
  const c = doc.caseSpec;
  const year = Number(doc.wave);
  const date = `${year}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
  const lines = [
    '---',
    `case: ${c.id}`,
    `wave: "${doc.wave}"`,
    `role: ${c.role}`,
    `sector: ${c.sector}`,
    `type: ${doc.type}`,
    `date: ${date}`,
    `interviewer: ${c.interviewer}`,
  ];
  if (segments.length > 0) {
    lines.push('codes:');
    for (const s of segments) {
      lines.push(
        `  - id: ${s.id}`,
        `    code: ${s.code}`,
        `    start: ${s.start}`,
        `    quote: ${JSON.stringify(s.quote)}`,
        `    prefix: ${JSON.stringify(s.prefix)}`,
        `    suffix: ${JSON.stringify(s.suffix)}`,
        `    by: ${s.by}`,
      );
    }
  }
  if (summaryThemes.length > 0) {
    lines.push('summaries:');
    for (const theme of summaryThemes) {
      let text = vocabulary.sentence(rng, 12, 30);
      if (segments.length > 0 && rng.next() < 0.5) text += ` (see ${doc.path}#${rng.pick(segments).id})`;
      lines.push(`  ${theme}: ${JSON.stringify(text)}`);
    }
  }
  lines.push('---');
  return lines.join('\n') + '\n' + body;
}

// ---------------------------------------------------------------------------------------------
// Vocabulary: English function words and made-up content words, ranked, Zipf weights.

/** Function words of spoken English, roughly by frequency. Curly apostrophes, as transcribed. */
export const STOP_WORDS: readonly string[] = [
  'the', 'I', 'and', 'to', 'that', 'a', 'of', 'it', 'you', 'we', 'in', 'is', 'was', 'they', 'so', 'but', 'think', 'know',
  'for', 'on', 'there', 'what', 'it’s', 'with', 'have', 'be', 'just', 'this', 'not', 'about', 'do', 'are', 'like', 'all',
  'at', 'if', 'or', 'because', 'very', 'really', 'as', 'them', 'people', 'were', 'my', 'can', 'from',
  'one', 'some', 'don’t', 'would', 'had', 'our', 'more', 'I’m', 'been', 'then', 'get', 'an', 'when', 'sort', 'yeah', 'well',
  'going', 'me', 'their', 'which', 'who', 'how', 'much', 'lot', 'there’s', 'up', 'out', 'has', 'will', 'by', 'time', 'actually',
  'mean', 'say', 'could', 'no', 'other', 'things', 'see', 'quite', 'into', 'we’re', 'they’re', 'only', 'also', 'than',
  'where', 'now', 'those', 'these', 'any', 'still', 'even', 'way', 'got', 'thing', 'said', 'something', 'did', 'here', 'again',
  'always', 'never', 'over', 'between', 'before', 'after', 'should', 'might', 'same', 'both', 'each', 'less', 'most',
];

const ONSETS = ['', '', 'b', 'c', 'd', 'f', 'g', 'h', 'j', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'w', 'z', 'br', 'cl', 'dr', 'fl', 'gr', 'pl', 'st', 'str', 'th', 'sh', 'ch', 'tr', 'sp', 'sk', 'bl', 'cr', 'qu'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'a', 'e', 'i', 'o', 'ai', 'ea', 'ou', 'io', 'ee', 'oa'];
const CODAS = ['', '', '', 'n', 'r', 's', 't', 'l', 'm', 'nd', 'st', 'ng', 'ck', 'rt', 'x', 'sh', 'ct'];
const SYLLABLES = cumulative([0.15, 0.45, 0.3, 0.1]);

export class Vocabulary {
  /** Ranked, most frequent first. */
  readonly words: readonly string[];
  private readonly weights: Float64Array;
  private readonly content: readonly string[];

  constructor(rng: Random, contentWords = 20_000) {
    const stop = new Set(STOP_WORDS.map((w) => w.toLowerCase()));
    const made = new Set<string>();
    const keyed: { word: string; key: number }[] = [];
    while (keyed.length < contentWords) {
      const syllables = sampleCumulative(SYLLABLES, rng.next()) + 1;
      let word = '';
      for (let s = 0; s < syllables; s++) word += rng.pick(ONSETS) + rng.pick(VOWELS) + rng.pick(CODAS);
      // A few borrowed words with an accent: the body is not plain ASCII, as real transcripts are not.
      if (rng.next() < 0.01) word = word.replace(/e/, 'é');
      if (word.length < 2 || stop.has(word) || made.has(word)) continue;
      made.add(word);
      // Frequent words tend to be short.
      keyed.push({ word, key: syllables + rng.next() * 2.5 });
    }
    keyed.sort((a, b) => a.key - b.key);
    this.content = keyed.map((k) => k.word);
    const ranked: string[] = [];
    let c = 0;
    STOP_WORDS.forEach((w, i) => {
      ranked.push(w);
      if (i >= 12 && i % 3 === 0) ranked.push(this.content[c++]);
    });
    while (c < this.content.length) ranked.push(this.content[c++]);
    this.words = ranked;
    // Zipf-Mandelbrot: weight of rank r is 1 / (r + 2.7).
    this.weights = cumulative(ranked.map((_, r) => 1 / (r + 2.7)));
  }

  word(rng: Random): string {
    return this.words[sampleCumulative(this.weights, rng.next())];
  }

  /** A made-up word of plain lower-case letters (for ids). */
  contentWordAscii(rng: Random): string {
    for (;;) {
      const w = this.content[Math.floor(rng.next() * Math.min(this.content.length, 3000))];
      if (/^[a-z]+$/.test(w) && w.length <= 12) return w;
    }
  }

  /** Words of one sentence; some followed by a comma, now and then a dash between clauses. */
  sentenceTokens(rng: Random, min: number, max: number): string[] {
    const n = rng.int(min, max);
    const tokens: string[] = [];
    for (let i = 0; i < n; i++) {
      let w = this.word(rng);
      if (i === 0) w = capitalise(w);
      if (i > 0 && i < n - 2 && rng.next() < 0.02) tokens.push('–');
      if (i < n - 1 && rng.next() < 0.07) w += ',';
      tokens.push(w);
    }
    return tokens;
  }

  sentence(rng: Random, min: number, max: number): string {
    return this.sentenceTokens(rng, min, max).join(' ') + '.';
  }

  phrase(rng: Random, min: number, max: number): string {
    const n = rng.int(min, max);
    return Array.from({ length: n }, () => this.word(rng)).join(' ');
  }
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function cumulative(weights: readonly number[]): Float64Array {
  const out = new Float64Array(weights.length);
  let sum = 0;
  weights.forEach((w, i) => (out[i] = sum += w));
  for (let i = 0; i < out.length; i++) out[i] /= sum;
  return out;
}

/** The index whose cumulative share first exceeds u (u in [0, 1)). */
function sampleCumulative(cdf: Float64Array, u: number): number {
  let lo = 0;
  let hi = cdf.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cdf[mid] > u) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

// ---------------------------------------------------------------------------------------------
// PRNG: sfc32 seeded by a string hash (cyrb128). Forks give independent, named streams, so
// adding a draw in one part of the generator does not shift every other part.

export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  private readonly seedText: string;

  constructor(seed: string) {
    [this.a, this.b, this.c, this.d] = cyrb128(seed);
    this.seedText = seed;
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  fork(name: string): Random {
    return new Random(`${this.seedText}/${name}`);
  }

  nextUint32(): number {
    this.a >>>= 0; this.b >>>= 0; this.c >>>= 0; this.d >>>= 0;
    let t = (this.a + this.b) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.d = (this.d + 1) | 0;
    t = (t + this.d) | 0;
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Uniform whole number in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  hex(length: number): string {
    let s = '';
    while (s.length < length) s += this.nextUint32().toString(16).padStart(8, '0');
    return s.slice(0, length);
  }

  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j], items[i]];
    }
    return items;
  }
}

function cyrb128(str: string): [number, number, number, number] {
  let h1 = 1779033703, h2 = 3144134277, h3 = 1013904242, h4 = 2773480762;
  for (let i = 0; i < str.length; i++) {
    const k = str.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}
