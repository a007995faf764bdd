/**
 * Full-text search of a corpus: the shapes the search index answers in, shared by the CLI,
 * the extension's Search Corpus command and view, and auto-coding.
 *
 * The unit of search is the passage (docs/format.md): a paragraph of a document's body,
 * separated from the next by a blank line; a paragraph that begins `Name:` is a turn of that
 * speaker. Offsets are the body's (UTF-16 code units of the LF-normalised body), as
 * annotations count them.
 */

/** Which passages a search may return, besides matching its words. */
export interface SearchFilters {
  /**
   * Attribute values the passage's document must have: for each attribute named, one of the
   * values listed (`{ wave: ['2021'] }`). Values are compared as text.
   */
  readonly attributes?: Readonly<Record<string, readonly string[]>>;
  /** Only turns of these speakers (the name before the colon; compared ignoring case). */
  readonly speakers?: readonly string[];
  /** Never turns of these speakers (`Interviewer`, to leave the interviewer out). */
  readonly notSpeakers?: readonly string[];
  /** Only passages that overlap a segment coded with one of these codes; a theme's id stands for its codes. */
  readonly codes?: readonly string[];
  /** Only passages that overlap no segment coded with any of these codes (a theme's id stands for its codes). */
  readonly withoutCodes?: readonly string[];
  /** Only passages that overlap no coded segment at all. */
  readonly uncoded?: boolean;
}

export interface SearchOptions extends SearchFilters {
  /** Hits returned, best first (default 200); `total` still counts them all. */
  readonly limit?: number;
  /** Read the last word as a prefix too (results as you type). Default false. */
  readonly prefixLast?: boolean;
  /** Let words match with a typo or two (by length: none up to 3 letters, 1 up to 7, else 2). Default true. */
  readonly fuzzy?: boolean;
}

/** A body range, [start, end) in UTF-16 code units. */
export type OffsetRange = readonly [start: number, end: number];

export interface SearchHit {
  /** The document's path, relative to the corpus root. */
  readonly file: string;
  readonly case: string;
  /** The document's attributes (wave, role, ...). */
  readonly attributes: Readonly<Record<string, string>>;
  /** The passage's range in the body. */
  readonly start: number;
  readonly end: number;
  /** Where the passage's words begin: after `Name: ` for a speaker's turn, else `start`. */
  readonly textStart: number;
  /** The speaker of a turn, as written. */
  readonly speaker?: string;
  /** The passage as written (`body.slice(start, end)`). */
  readonly text: string;
  /** BM25 relevance; higher is better. Only comparable within one search. */
  readonly score: number;
  /** The words (and phrases) that matched, as body ranges inside the passage, in order. */
  readonly matches: readonly OffsetRange[];
  /** Codes of the anchored segments that overlap the passage, in codebook order. */
  readonly codes: readonly string[];
}

export interface SearchResult {
  /** The query as given. */
  readonly query: string;
  /** The best hits, best first (ties: path, then offset). */
  readonly hits: readonly SearchHit[];
  /** All the passages that matched, of which `hits` are the first `limit`. */
  readonly total: number;
  /** The query's words as searched: stop words and one-letter words are left out. */
  readonly terms: readonly string[];
  /** Why part of the query was not searched (a phrase of stop words only, ...). */
  readonly notes: readonly string[];
}

/** A speaker found in the corpus, and how many turns they have. */
export interface SpeakerCount {
  readonly name: string;
  readonly passages: number;
}

/** The index's size, for the status line and the benchmark. */
export interface SearchIndexStats {
  readonly documents: number;
  readonly passages: number;
  /** Distinct indexed words. */
  readonly terms: number;
  /** (word, passage) pairs stored. */
  readonly postings: number;
  /** An estimate of the memory the index's own structures take (the corpus text is not counted). */
  readonly bytes: number;
}
