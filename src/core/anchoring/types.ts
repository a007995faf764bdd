/**
 * What an annotation stores to be found again (see docs/format.md): `quote` at `start` in the
 * LF-normalised body (UTF-16 code units), with up to 32 characters of context either side.
 */
export interface QuoteSelector {
  readonly start: number;
  readonly quote: string;
  readonly prefix?: string;
  readonly suffix?: string;
}

/**
 * How an annotation was found: `exact` at its stored start, `relocated` to another exact
 * occurrence of its quote, `fuzzy` where the text now differs slightly from the quote.
 */
export type AnchorMethod = 'exact' | 'relocated' | 'fuzzy';

/** Where an annotation is now. `text` is the body text it covers now (differs from quote only for fuzzy). */
export interface Anchor {
  readonly method: AnchorMethod;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** 0..1, 1 for exact and relocated */
  readonly similarity: number;
}

/** An anchor, or an orphan: an annotation that could not be found, to be reported (never dropped). */
export type AnchorResult = Anchor | { readonly method: 'orphan' };
