import { bestCandidate } from './rank-candidates';
import type { Anchor, QuoteSelector } from './types';

/**
 * Step two of anchoring, for when the body at `start` no longer reads the quote: every exact
 * occurrence of the quote, ranked by how well its prefix and suffix agree with the stored context
 * and then by distance to the stored start (see {@link bestCandidate}). Returns the best as a
 * `relocated` anchor, or undefined when the quote does not occur in the body at all.
 */
export function relocate(body: string, selector: QuoteSelector): Anchor | undefined {
  const { quote } = selector;
  const candidates = occurrences(body, quote).map((start) => ({ start, end: start + quote.length, similarity: 1 }));
  const best = bestCandidate(body, selector, candidates);
  return best && { method: 'relocated', start: best.start, end: best.end, text: quote, similarity: 1 };
}

/**
 * Every offset where `quote` occurs in `body`, overlapping occurrences included ("aa" occurs
 * twice in "aaa"), in increasing order. None for an empty quote.
 */
export function occurrences(body: string, quote: string): number[] {
  const found: number[] = [];
  if (quote.length === 0) return found;
  for (let at = body.indexOf(quote); at !== -1; at = body.indexOf(quote, at + 1)) found.push(at);
  return found;
}
