/**
 * The search index of a corpus: every passage's words, kept current document by document.
 *
 * Words live in a dictionary (a JavaScript Map for exact look-ups, and minisearch's radix tree,
 * `SearchableMap`, for prefixes and typos); each word's postings (the passages holding it, and
 * how often) live in typed arrays that grow by half when full. A search scores passages with
 * BM25 and keeps the best `limit` in a heap, so a common word costs a pass over its postings,
 * not a sort of all of them. Replacing a document marks its passages dead and appends the new
 * ones: the cost of that document only. Dead postings are dropped when they outnumber the
 * living ones (a pass over the postings, rare; see {@link SearchIndex.compact}).
 *
 * minisearch's own `MiniSearch` class was measured on the benchmark corpus first (1,000
 * transcripts, 64 MB): 148 MB of heap, 16 s to build, queries at a median of 11 ms (p95 86 ms),
 * slower than ripgrep scanning the files. Its map of maps per word is what costs; see
 * docs/search.md.
 */
import SearchableMap from 'minisearch/SearchableMap';
import type { Codebook } from '../corpus/codebook';
import type { CorpusDocument } from '../corpus/document';
import { splitPassages } from './passages';
import { parseQuery, type QueryClause } from './query';
import { forEachWord, isAsciiWordCode, isIndexed } from './tokenize';
import { unionRanges } from '../text/ranges';
import type { OffsetRange, SearchHit, SearchIndexStats, SearchOptions, SearchResult, SpeakerCount } from './types';

const DEFAULT_LIMIT = 200;
const BM25_K1 = 1.2;
const BM25_B = 0.7;
/** A prefix's completions count less than the word itself, a typo's even less. */
const PREFIX_WEIGHT = 0.5;
const FUZZY_WEIGHT = 0.4;
/** The completions of a prefix searched: the most frequent ones. */
const MAX_PREFIX_TERMS = 64;
const MAX_TF = 0xffff;
/** Separates passages in a slot's `termsPerPassage`. */
const NEXT_PASSAGE = 0xffffffff;

/** A growable column of numbers. */
class Column<A extends Int32Array | Uint32Array | Uint16Array | Uint8Array | Float64Array> {
  length = 0;
  constructor(public data: A) {}
  push(value: number): void {
    if (this.length === this.data.length) this.grow(this.length + 1);
    this.data[this.length++] = value;
  }
  grow(min: number): void {
    const next = new (this.data.constructor as new (n: number) => A)(Math.max(min, Math.ceil(this.data.length * 1.5), 4));
    next.set(this.data);
    this.data = next;
  }
}

/** Where a document's passages are. */
interface DocumentSlot {
  readonly document: CorpusDocument;
  /** Its passages' ids: `first` to `first + count - 1`. */
  readonly first: number;
  readonly count: number;
  /** Each passage's distinct words, passages separated by {@link NEXT_PASSAGE}: what removal takes off the word counts. */
  readonly termsPerPassage: Uint32Array;
  alive: boolean;
}

/** A word of the query as searched: the dictionary words it stands for, and their weights. */
interface Expansion {
  readonly terms: readonly number[];
  readonly weights: readonly number[];
}

export class SearchIndex {
  // Dictionary.
  private readonly termIds = new Map<string, number>();
  private readonly termText: string[] = [];
  private tree: SearchableMap<number> | undefined;
  // Postings, per word: passage ids (ascending) and counts.
  private readonly postIds: Column<Uint32Array>[] = [];
  private readonly postTfs: Column<Uint16Array>[] = [];
  /** Living passages holding each word. */
  private readonly df = new Column(new Int32Array(1024));
  // Passages, by id.
  private readonly pSlot = new Column(new Int32Array(1024));
  private readonly pStart = new Column(new Int32Array(1024));
  private readonly pEnd = new Column(new Int32Array(1024));
  private readonly pTextStart = new Column(new Int32Array(1024));
  private readonly pLength = new Column(new Uint16Array(1024));
  private readonly pSpeaker = new Column(new Int32Array(1024));
  private readonly pAlive = new Column(new Uint8Array(1024));
  /** Codes of the segments overlapping a passage (only passages that have some). */
  private readonly pCodes = new Map<number, readonly string[]>();
  // Documents.
  private readonly slots: DocumentSlot[] = [];
  private readonly slotByPath = new Map<string, number>();
  // Speakers: by lower-cased name; the name as first written; living turns.
  private readonly speakerIds = new Map<string, number>();
  private readonly speakerNames: string[] = [];
  private readonly speakerTurns: number[] = [];
  // Totals over living passages.
  private alivePassages = 0;
  private deadPassages = 0;
  private totalLength = 0;
  private postingCount = 0;
  // Scratch for searches and indexing, grown with the passages and the dictionary.
  private stamp = new Uint32Array(0);
  private stampValue = 0;
  private scores = new Float64Array(0);
  private clauseScores = new Float64Array(0);
  private termStamp = new Int32Array(0);
  private termCount = new Uint16Array(0);

  constructor(private codebook?: Codebook) {}

  /** Documents indexed. */
  get documentCount(): number {
    return this.slotByPath.size;
  }

  /** The document indexed at `path`, if any: the object given to {@link add}. */
  documentAt(path: string): CorpusDocument | undefined {
    const slot = this.slotByPath.get(path);
    return slot === undefined ? undefined : this.slots[slot].document;
  }

  /** The codebook theme ids are expanded with (to their codes) in code filters. */
  setCodebook(codebook: Codebook | undefined): void {
    this.codebook = codebook;
  }

  /**
   * The steps that bring the index to `documents`: each yields after indexing or removing one
   * document, so a caller can spread the work over time (the extension does, between events).
   * Documents are compared by identity: an unchanged one costs nothing.
   */
  *syncSteps(documents: readonly CorpusDocument[]): Generator<{ readonly done: number; readonly total: number }, void, void> {
    const wanted = new Map(documents.map((d) => [d.path, d]));
    const removed = [...this.slotByPath.keys()].filter((p) => !wanted.has(p));
    const changed = documents.filter((d) => this.documentAt(d.path) !== d);
    const total = removed.length + changed.length;
    let done = 0;
    for (const path of removed) {
      this.remove(path);
      yield { done: ++done, total };
    }
    for (const document of changed) {
      this.add(document);
      yield { done: ++done, total };
    }
    this.compactIfWorthIt();
  }

  /** Brings the index to `documents` at once (see {@link syncSteps}). */
  sync(documents: readonly CorpusDocument[]): void {
    const steps = this.syncSteps(documents);
    while (!steps.next().done) {
      // each step does its work
    }
  }

  /** Indexes a document, replacing the one at its path. */
  add(document: CorpusDocument): void {
    if (this.slotByPath.has(document.path)) this.remove(document.path);
    const passages = splitPassages(document.body);
    const first = this.pSlot.length;
    const slot = this.slots.length;
    const perPassage: number[] = [];
    const body = document.body;
    for (const passage of passages) {
      const id = this.pSlot.length;
      this.ensureTermScratch();
      let length = 0;
      const distinct: number[] = [];
      forEachWord(body, passage.textStart, passage.end, (word) => {
        if (!isIndexed(word)) return;
        length++;
        const term = this.termId(word);
        if (term >= this.termStamp.length) this.ensureTermScratch();
        if (this.termStamp[term] !== id + 1) {
          this.termStamp[term] = id + 1;
          this.termCount[term] = 1;
          distinct.push(term);
        } else if (this.termCount[term] < MAX_TF) this.termCount[term]++;
      });
      for (const term of distinct) {
        this.postIds[term].push(id);
        this.postTfs[term].push(this.termCount[term]);
        this.df.data[term]++;
        perPassage.push(term);
      }
      this.postingCount += distinct.length;
      this.pSlot.push(slot);
      this.pStart.push(passage.start);
      this.pEnd.push(passage.end);
      this.pTextStart.push(passage.textStart);
      this.pLength.push(Math.min(length, MAX_TF));
      this.pSpeaker.push(passage.speaker === undefined ? -1 : this.speakerId(passage.speaker));
      this.pAlive.push(1);
      this.totalLength += length;
      this.alivePassages++;
      // A separator between passages' words, so removal knows which passage each run belongs to.
      perPassage.push(NEXT_PASSAGE);
    }
    this.noteCodes(document, first, passages.length);
    this.slots.push({ document, first, count: passages.length, termsPerPassage: Uint32Array.from(perPassage), alive: true });
    this.slotByPath.set(document.path, slot);
  }

  /** Forgets the document at `path` (its postings are dropped at the next compaction). */
  remove(path: string): void {
    const slotIndex = this.slotByPath.get(path);
    if (slotIndex === undefined) return;
    const slot = this.slots[slotIndex];
    this.slotByPath.delete(path);
    slot.alive = false;
    for (const term of slot.termsPerPassage) if (term !== NEXT_PASSAGE) this.df.data[term]--;
    for (let id = slot.first; id < slot.first + slot.count; id++) {
      this.pAlive.data[id] = 0;
      this.totalLength -= this.pLength.data[id];
      const speaker = this.pSpeaker.data[id];
      if (speaker >= 0) this.speakerTurns[speaker]--;
      this.pCodes.delete(id);
    }
    this.alivePassages -= slot.count;
    this.deadPassages += slot.count;
    // The slot's document is no longer needed.
    (this.slots as (DocumentSlot | undefined)[])[slotIndex] = { ...slot, document: EMPTY_DOCUMENT, termsPerPassage: new Uint32Array(0), alive: false };
  }

  /** Drops dead passages' postings once they are at least as many as the living ones. */
  compactIfWorthIt(): void {
    if (this.deadPassages > 1024 && this.deadPassages >= this.alivePassages) this.compact();
  }

  /** Drops every dead passage's postings (a pass over all postings). */
  compact(): void {
    let count = 0;
    for (let term = 0; term < this.postIds.length; term++) {
      const ids = this.postIds[term];
      const tfs = this.postTfs[term];
      let w = 0;
      for (let r = 0; r < ids.length; r++) {
        const id = ids.data[r];
        if (this.pAlive.data[id] === 1) {
          ids.data[w] = id;
          tfs.data[w] = tfs.data[r];
          w++;
        }
      }
      ids.length = w;
      tfs.length = w;
      if (ids.data.length > 2 * w + 4) {
        ids.data = ids.data.slice(0, w + 4);
        tfs.data = tfs.data.slice(0, w + 4);
      }
      count += w;
    }
    this.postingCount = count;
    this.deadPassages = 0;
  }

  /** The speakers of the living passages, most turns first. */
  speakers(): SpeakerCount[] {
    const out: SpeakerCount[] = [];
    this.speakerNames.forEach((name, i) => {
      if (this.speakerTurns[i] > 0) out.push({ name, passages: this.speakerTurns[i] });
    });
    return out.sort((a, b) => b.passages - a.passages || (a.name < b.name ? -1 : 1));
  }

  stats(): SearchIndexStats {
    let bytes = 0;
    for (let t = 0; t < this.postIds.length; t++) bytes += this.postIds[t].data.byteLength + this.postTfs[t].data.byteLength + 64;
    for (const term of this.termText) bytes += 2 * term.length + 48;
    bytes += this.pSlot.data.byteLength * 5 + this.pLength.data.byteLength + this.pAlive.data.byteLength + this.df.data.byteLength;
    for (const slot of this.slots) bytes += slot.termsPerPassage.byteLength + 64;
    bytes += this.pCodes.size * 48;
    return { documents: this.slotByPath.size, passages: this.alivePassages, terms: this.termIds.size, postings: this.postingCount, bytes };
  }

  /** The passages matching `query` (see query.ts for its language), best first. */
  search(query: string, options: SearchOptions = {}): SearchResult {
    const parsed = parseQuery(query, { prefixLast: options.prefixLast });
    const notes = [...parsed.notes];
    const limit = Math.max(0, options.limit ?? DEFAULT_LIMIT);
    const wanted: { clause: QueryClause; expansion: Expansion }[] = [];
    const excluded: { clause: QueryClause; expansion: Expansion }[] = [];
    for (const clause of parsed.clauses) {
      const prefix = clause.kind === 'word' && clause.prefix;
      const expansion = this.expand(clause, prefix, options.fuzzy !== false && !clause.negated);
      (clause.negated ? excluded : wanted).push({ clause, expansion });
    }
    const terms = wanted.flatMap(({ clause }) => (clause.kind === 'word' ? [clause.word] : clause.words.filter(isIndexed)));
    if (wanted.length === 0) {
      if (query.trim() !== '' && parsed.notes.length === 0) notes.push(excluded.length > 0 ? 'only words to leave out: say what to search for too' : 'only common words; nothing was searched');
      return { query, hits: [], total: 0, terms, notes };
    }
    this.ensureSearchScratch();
    // Phrases score as their words; the phrase itself is checked on the passages left.
    const scored = wanted.flatMap(({ clause, expansion }) => (clause.kind === 'phrase' ? clause.words.filter(isIndexed).map((w) => this.exactExpansion(w)) : [expansion]));
    scored.sort((a, b) => this.size(a) - this.size(b));
    let candidates = this.scoreClauses(scored);
    if (candidates.length === 0) return { query, hits: [], total: 0, terms, notes };
    const accept = this.filter(options);
    // A left-out phrase is checked as a phrase below: its words alone leave nothing out.
    const excludedIds = this.excludedPassages(excluded.filter(({ clause }) => clause.kind === 'word').map((e) => e.expansion));
    const phrases = wanted.filter(({ clause }) => clause.kind === 'phrase').map(({ clause }) => (clause as { words: readonly string[] }).words);
    const negatedPhrases = excluded.filter(({ clause }) => clause.kind === 'phrase').map(({ clause }) => (clause as { words: readonly string[] }).words);
    if (accept || excludedIds.size > 0 || phrases.length > 0 || negatedPhrases.length > 0) {
      candidates = candidates.filter(
        (id) =>
          !excludedIds.has(id) &&
          (accept === undefined || accept(id)) &&
          phrases.every((p) => this.phraseRanges(id, p).length > 0) &&
          !negatedPhrases.some((p) => this.phraseRanges(id, p).length > 0),
      );
    }
    const best = this.best(candidates, limit);
    // A phrase's words are highlighted where the phrase stands, not wherever each one occurs.
    const matchTerms = new Set(wanted.flatMap(({ clause, expansion }) => (clause.kind === 'word' ? expansion.terms.map((t) => this.termText[t]) : [])));
    const hits = best.map((id) => this.hit(id, this.scores[id], matchTerms, phrases));
    return { query, hits, total: candidates.length, terms, notes };
  }

  // -------------------------------------------------------------------------------------------
  // Indexing

  private termId(word: string): number {
    let id = this.termIds.get(word);
    if (id === undefined) {
      id = this.termText.length;
      this.termIds.set(word, id);
      this.termText.push(word);
      this.postIds.push(new Column(new Uint32Array(2)));
      this.postTfs.push(new Column(new Uint16Array(2)));
      this.df.push(0);
      this.tree?.set(word, id);
    }
    return id;
  }

  private speakerId(name: string): number {
    const key = name.toLowerCase();
    let id = this.speakerIds.get(key);
    if (id === undefined) {
      id = this.speakerNames.length;
      this.speakerIds.set(key, id);
      this.speakerNames.push(name);
      this.speakerTurns.push(0);
    }
    this.speakerTurns[id]++;
    return id;
  }

  /** Records which codes' segments overlap each passage of a document just added. */
  private noteCodes(document: CorpusDocument, first: number, count: number): void {
    const segments = document.annotations.flatMap((a) => (a.anchor.method === 'orphan' ? [] : [{ start: a.anchor.start, end: a.anchor.end, code: a.code }]));
    if (segments.length === 0) return;
    for (let id = first; id < first + count; id++) {
      const start = this.pStart.data[id];
      const end = this.pEnd.data[id];
      const codes = segments.filter((s) => s.start < end && s.end > start).map((s) => s.code);
      if (codes.length > 0) this.pCodes.set(id, [...new Set(codes)]);
    }
  }

  private ensureTermScratch(): void {
    const need = this.termText.length + 1;
    if (this.termStamp.length >= need) return;
    const size = Math.max(need, this.termStamp.length * 2, 1024);
    const stamp = new Int32Array(size);
    stamp.set(this.termStamp);
    const count = new Uint16Array(size);
    count.set(this.termCount);
    this.termStamp = stamp;
    this.termCount = count;
  }

  // -------------------------------------------------------------------------------------------
  // Searching

  private ensureSearchScratch(): void {
    const need = this.pSlot.length;
    if (this.stamp.length >= need) return;
    const size = Math.max(need, Math.ceil(this.stamp.length * 1.5), 1024);
    this.stamp = new Uint32Array(size);
    this.stampValue = 0;
    this.scores = new Float64Array(size);
    this.clauseScores = new Float64Array(size);
  }

  private nextStamp(): number {
    if (this.stampValue === 0xffffffff) {
      this.stamp.fill(0);
      this.stampValue = 0;
    }
    return ++this.stampValue;
  }

  private exactExpansion(word: string): Expansion {
    const id = this.termIds.get(word);
    return id === undefined ? { terms: [], weights: [] } : { terms: [id], weights: [1] };
  }

  /** The dictionary words a clause stands for: the word; its completions; a word one or two edits away if it is found nowhere. */
  private expand(clause: QueryClause, prefix: boolean, fuzzy: boolean): Expansion {
    if (clause.kind === 'phrase') return { terms: clause.words.filter(isIndexed).flatMap((w) => this.exactExpansion(w).terms), weights: [] };
    const word = clause.word;
    const exact = this.termIds.get(word);
    const terms: number[] = [];
    const weights: number[] = [];
    if (exact !== undefined && this.df.data[exact] > 0) {
      terms.push(exact);
      weights.push(1);
    }
    if (prefix) {
      const completions: number[] = [];
      this.dictionaryTree()
        .atPrefix(word)
        .forEach((_key, id) => {
          if (id !== exact && this.df.data[id] > 0) completions.push(id);
        });
      completions.sort((a, b) => this.df.data[b] - this.df.data[a]);
      for (const id of completions.slice(0, MAX_PREFIX_TERMS)) {
        terms.push(id);
        weights.push(PREFIX_WEIGHT * (word.length / this.termText[id].length));
      }
    }
    if (fuzzy && terms.length === 0 && word.length >= 4) {
      const distance = word.length <= 7 ? 1 : 2;
      for (const [key, [id, d]] of this.dictionaryTree().fuzzyGet(word, distance)) {
        if (d === 0 || this.df.data[id] === 0 || !isIndexed(key)) continue;
        terms.push(id);
        weights.push(FUZZY_WEIGHT * (1 - d / (word.length + 1)));
      }
    }
    return { terms, weights };
  }

  private dictionaryTree(): SearchableMap<number> {
    if (!this.tree) {
      this.tree = new SearchableMap<number>();
      this.termText.forEach((word, id) => this.tree!.set(word, id));
    }
    return this.tree;
  }

  private size(expansion: Expansion): number {
    let n = 0;
    for (const t of expansion.terms) n += this.postIds[t].length;
    return n;
  }

  /**
   * Scores the passages that match every clause (each clause: any of its words), summing the
   * clauses' BM25 scores (a clause's best word counts). Returns the passages' ids.
   */
  private scoreClauses(clauses: readonly Expansion[]): Int32Array {
    const n = Math.max(this.alivePassages, 1);
    const averageLength = Math.max(this.totalLength / n, 1);
    // The hot loop reads locals only.
    const stamps = this.stamp;
    const alive = this.pAlive.data;
    const lengths = this.pLength.data;
    const clauseScores = this.clauseScores;
    const scores = this.scores;
    let touched = new Int32Array(0);
    let count = 0;
    let previous = 0;
    for (let c = 0; c < clauses.length; c++) {
      const { terms, weights } = clauses[c];
      if (terms.length === 0) return new Int32Array(0);
      // A passage is a candidate of this clause if the previous clause stamped it (every
      // clause's stamp is new, so nothing needs clearing between searches).
      const stamp = this.nextStamp();
      let capacity = 0;
      for (const term of terms) capacity += this.postIds[term].length;
      const next = new Int32Array(c === 0 ? capacity : Math.min(capacity, count));
      let nextCount = 0;
      for (let k = 0; k < terms.length; k++) {
        const term = terms[k];
        const df = this.df.data[term];
        const weight = (weights[k] ?? 1) * Math.log(1 + (n - df + 0.5) / (df + 0.5));
        const ids = this.postIds[term].data;
        const tfs = this.postTfs[term].data;
        const postings = this.postIds[term].length;
        const k1 = BM25_K1 * (1 - BM25_B);
        const k2 = (BM25_K1 * BM25_B) / averageLength;
        for (let i = 0; i < postings; i++) {
          const id = ids[i];
          const seen = stamps[id];
          if (seen !== stamp && ((c > 0 && seen !== previous) || alive[id] === 0)) continue;
          const tf = tfs[i];
          const score = (weight * tf * (BM25_K1 + 1)) / (tf + k1 + k2 * lengths[id]);
          if (seen === stamp) {
            if (score > clauseScores[id]) clauseScores[id] = score;
            continue;
          }
          stamps[id] = stamp;
          clauseScores[id] = score;
          next[nextCount++] = id;
        }
      }
      for (let i = 0; i < nextCount; i++) {
        const id = next[i];
        scores[id] = c === 0 ? clauseScores[id] : scores[id] + clauseScores[id];
      }
      touched = next;
      count = nextCount;
      previous = stamp;
      if (count === 0) break;
    }
    return touched.subarray(0, count);
  }

  /** A test for each candidate passage: its document's attributes, its speaker, its codes. */
  private filter(options: SearchOptions): ((id: number) => boolean) | undefined {
    const tests: ((id: number) => boolean)[] = [];
    const attributes = Object.entries(options.attributes ?? {}).filter(([, values]) => values.length > 0);
    if (attributes.length > 0) {
      const verdict = new Map<number, boolean>();
      tests.push((id) => {
        const slot = this.pSlot.data[id];
        let ok = verdict.get(slot);
        if (ok === undefined) {
          const attrs = this.slots[slot].document.attributes;
          ok = attributes.every(([name, values]) => Object.prototype.hasOwnProperty.call(attrs, name) && values.includes(attrs[name]));
          verdict.set(slot, ok);
        }
        return ok;
      });
    }
    const speakers = (names: readonly string[] | undefined) => new Set((names ?? []).map((s) => this.speakerIds.get(s.trim().toLowerCase()) ?? -2));
    if (options.speakers && options.speakers.length > 0) {
      const only = speakers(options.speakers);
      tests.push((id) => only.has(this.pSpeaker.data[id]));
    }
    if (options.notSpeakers && options.notSpeakers.length > 0) {
      const never = speakers(options.notSpeakers);
      tests.push((id) => !never.has(this.pSpeaker.data[id]));
    }
    if (options.codes && options.codes.length > 0) {
      const codes = this.expandCodes(options.codes);
      tests.push((id) => this.pCodes.get(id)?.some((c) => codes.has(c)) ?? false);
    }
    if (options.withoutCodes && options.withoutCodes.length > 0) {
      const codes = this.expandCodes(options.withoutCodes);
      tests.push((id) => !(this.pCodes.get(id)?.some((c) => codes.has(c)) ?? false));
    }
    if (options.uncoded) tests.push((id) => !this.pCodes.has(id));
    if (tests.length === 0) return undefined;
    return (id) => tests.every((t) => t(id));
  }

  /** Code ids, a theme's id standing for itself and its codes. */
  private expandCodes(ids: readonly string[]): Set<string> {
    const out = new Set<string>();
    for (const id of ids) {
      out.add(id);
      for (const code of this.codebook?.themeById.get(id)?.codes ?? []) out.add(code.id);
    }
    return out;
  }

  private excludedPassages(expansions: readonly Expansion[]): Set<number> {
    const out = new Set<number>();
    for (const { terms } of expansions) {
      for (const term of terms) {
        const ids = this.postIds[term];
        for (let i = 0; i < ids.length; i++) out.add(ids.data[i]);
      }
    }
    return out;
  }

  /** The ranges of a phrase's occurrences in a passage: its words in order, stop words included. */
  private phraseRanges(id: number, phrase: readonly string[]): OffsetRange[] {
    const body = this.slots[this.pSlot.data[id]].document.body;
    const from = this.pTextStart.data[id];
    const to = this.pEnd.data[id];
    const text = body.slice(from, to);
    if (!hasNonAsciiWordChar(text)) {
      // Words are runs of ASCII letters and digits here: a regular expression finds the phrase.
      const ranges: OffsetRange[] = [];
      const re = phraseExpression(phrase);
      const lower = text.toLowerCase();
      for (let m = re.exec(lower); m !== null; m = re.exec(lower)) ranges.push([from + m.index, from + m.index + m[0].length]);
      return ranges;
    }
    const found: { word: string; start: number; end: number }[] = [];
    forEachWord(body, from, to, (word, start, end) => found.push({ word, start, end }));
    const ranges: OffsetRange[] = [];
    for (let i = 0; i + phrase.length <= found.length; i++) {
      let k = 0;
      while (k < phrase.length && found[i + k].word === phrase[k]) k++;
      if (k === phrase.length) ranges.push([found[i].start, found[i + k - 1].end]);
    }
    return ranges;
  }

  /** The `limit` best candidates, best first; ties by document path, then position. */
  private best(candidates: ArrayLike<number>, limit: number): number[] {
    const better = (a: number, b: number) => {
      const d = this.scores[b] - this.scores[a];
      if (d !== 0) return d < 0;
      return this.order(a, b) < 0;
    };
    if (limit === 0) return [];
    // A heap of the best `limit` so far, worst at the top.
    const heap: number[] = [];
    const up = (i: number) => {
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!better(heap[parent], heap[i])) break;
        [heap[parent], heap[i]] = [heap[i], heap[parent]];
        i = parent;
      }
    };
    const down = (i: number) => {
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let worst = i;
        if (l < heap.length && better(heap[worst], heap[l])) worst = l;
        if (r < heap.length && better(heap[worst], heap[r])) worst = r;
        if (worst === i) return;
        [heap[worst], heap[i]] = [heap[i], heap[worst]];
        i = worst;
      }
    };
    for (let i = 0; i < candidates.length; i++) {
      const id = candidates[i];
      if (heap.length < limit) {
        heap.push(id);
        up(heap.length - 1);
      } else if (better(id, heap[0])) {
        heap[0] = id;
        down(0);
      }
    }
    return heap.sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0));
  }

  private order(a: number, b: number): number {
    const pa = this.slots[this.pSlot.data[a]].document.path;
    const pb = this.slots[this.pSlot.data[b]].document.path;
    if (pa !== pb) return pa < pb ? -1 : 1;
    return this.pStart.data[a] - this.pStart.data[b];
  }

  private hit(id: number, score: number, matchTerms: ReadonlySet<string>, phrases: readonly (readonly string[])[]): SearchHit {
    const document = this.slots[this.pSlot.data[id]].document;
    const start = this.pStart.data[id];
    const end = this.pEnd.data[id];
    const textStart = this.pTextStart.data[id];
    const ranges = wordRanges(document.body, textStart, end, matchTerms);
    for (const phrase of phrases) ranges.push(...this.phraseRanges(id, phrase));
    const speaker = this.pSpeaker.data[id];
    const order = this.codebook ? codebookOrder(this.codebook) : undefined;
    const codes = [...(this.pCodes.get(id) ?? [])].sort((a, b) => (order?.get(a) ?? Infinity) - (order?.get(b) ?? Infinity) || (a < b ? -1 : a > b ? 1 : 0));
    return {
      file: document.path,
      case: document.caseId,
      attributes: document.attributes,
      start,
      end,
      textStart,
      ...(speaker >= 0 ? { speaker: document.body.slice(start, textStart).replace(/\s*:\s*$/, '') } : {}),
      text: document.body.slice(start, end),
      score: Math.round(score * 1000) / 1000,
      matches: unionRanges(ranges),
      codes,
    };
  }
}

const codebookOrders = new WeakMap<Codebook, Map<string, number>>();

function codebookOrder(codebook: Codebook): Map<string, number> {
  let order = codebookOrders.get(codebook);
  if (!order) {
    order = new Map();
    let i = 0;
    for (const theme of codebook.themes) {
      order.set(theme.id, i++);
      for (const code of theme.codes) order.set(code.id, i++);
    }
    codebookOrders.set(codebook, order);
  }
  return order;
}

/**
 * Where the words of `terms` stand in `body[from, to)`. An ASCII passage is searched for each
 * word directly (a hit list is built for every keystroke); any other is read word by word, as
 * the index read it (accents folded, case changes that alter lengths).
 */
function wordRanges(body: string, from: number, to: number, terms: ReadonlySet<string>): OffsetRange[] {
  const ranges: OffsetRange[] = [];
  const text = body.slice(from, to);
  if (!hasNonAsciiWordChar(text)) {
    const lower = text.toLowerCase();
    for (const term of terms) {
      for (let at = lower.indexOf(term); at !== -1; at = lower.indexOf(term, at + term.length)) {
        const end = at + term.length;
        if ((at === 0 || !isAsciiWordCode(lower.charCodeAt(at - 1))) && (end === lower.length || !isAsciiWordCode(lower.charCodeAt(end)))) ranges.push([from + at, from + end]);
      }
    }
    return ranges;
  }
  forEachWord(body, from, to, (word, s, e) => {
    if (terms.has(word)) ranges.push([s, e]);
  });
  return ranges;
}

const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;

/** Whether `text` has a letter, digit or mark outside ASCII: a passage with none is read by the fast paths. */
function hasNonAsciiWordChar(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // Punctuation (dashes, quotes) is common in transcripts and needs no look-up.
    if (c > 0x7f && !(c >= 0x2000 && c <= 0x206f) && (WORD_CHAR.test(text[i]) || (c >= 0xd800 && c <= 0xdfff))) return true;
  }
  return false;
}

const phraseExpressions = new Map<string, RegExp>();

/** A phrase's words in lower-case ASCII text: whole words, anything but letters and digits between them. */
function phraseExpression(phrase: readonly string[]): RegExp {
  const key = phrase.join(' ');
  let re = phraseExpressions.get(key);
  if (!re) {
    const escaped = phrase.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    re = new RegExp(`(?<![a-z0-9])${escaped.join('[^a-z0-9]+')}(?![a-z0-9])`, 'g');
    if (phraseExpressions.size > 256) phraseExpressions.clear();
    phraseExpressions.set(key, re);
  }
  re.lastIndex = 0;
  return re;
}



const EMPTY_DOCUMENT: CorpusDocument = Object.freeze({
  path: '',
  caseId: '',
  attributes: Object.freeze(Object.create(null) as Record<string, string>),
  annotations: [],
  summaries: [],
  body: '',
  bodyLine: 1,
  bodyOffset: 0,
  locate: () => undefined,
}) as unknown as CorpusDocument;
