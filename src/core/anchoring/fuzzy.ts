import search from 'approx-string-match';
import { bestCandidate, type Candidate } from './rank-candidates';
import { widenToCodePoints, type Range } from './surrogates';
import type { Anchor, QuoteSelector } from './types';

/**
 * The least similarity (1 − edit distance ÷ quote length) at which changed text still counts as
 * the annotated passage: at most one character in five inserted, deleted or replaced. That keeps
 * a fixed typo, a corrected word or an inserted "(laughs)" in a sentence-length quote, and
 * rejects a passage rewritten in other words. The Hypothesis client accepts 0.5, which suits long
 * quotes on web pages but not codes: measured on the sample transcripts (95 kB, 13 interviews), a 40-character
 * piece of one interview matched somewhere in 60,000 characters of the others 80% of the time at
 * 0.5, 5% at 0.75 and 2% at 0.8. A code silently moved to the wrong passage is worse than an
 * orphan, which is reported and decided by a person.
 */
export const MIN_QUOTE_SIMILARITY = 0.8;

/**
 * Quotes shorter than this are not fuzzy-matched at all, only found exactly: a single changed
 * character is then most of the evidence. In the sample transcripts an 8-character piece of one
 * interview matched by chance inside a 520-character window of another 3% of the time, a
 * 5-character one 14%.
 */
export const MIN_FUZZY_QUOTE_LENGTH = 8;

/**
 * Quotes shorter than this are fuzzy-matched only near where they are expected, never across the
 * whole body: in 60,000 characters of the sample transcripts a 16-character piece of another
 * interview matched by chance 26% of the time at {@link MIN_QUOTE_SIMILARITY}, a 32-character
 * one 4%, a 48-character one 1%.
 */
export const MIN_WHOLE_BODY_QUOTE_LENGTH = 32;

/**
 * Characters searched either side of where a quote is expected. Edits between an annotation and
 * its anchored neighbours rarely move it further; beyond that the whole-body search takes over.
 */
export const WINDOW_MARGIN = 256;

/**
 * Cap on the edit distance searched for, as in the Hypothesis client: the search costs
 * O(length × ⌈errors ÷ 32⌉), so quotes over 1,280 characters must be proportionally closer.
 */
export const MAX_FUZZY_ERRORS = 256;

/**
 * Step three of anchoring, for a quote that no longer occurs exactly: the best approximate match
 * with similarity at least {@link MIN_QUOTE_SIMILARITY}, searched first in windows around
 * `expectedStarts` (by default the stored start) and only then, for quotes of at least
 * {@link MIN_WHOLE_BODY_QUOTE_LENGTH} characters, in the whole body. Candidates are ranked by
 * quote, context and position ({@link bestCandidate}). The range never splits a surrogate pair.
 * Undefined when nothing is close enough, or the quote is under {@link MIN_FUZZY_QUOTE_LENGTH}.
 */
export function fuzzyMatch(body: string, selector: QuoteSelector, expectedStarts: readonly number[] = [selector.start]): Anchor | undefined {
  const { quote } = selector;
  if (quote.length < MIN_FUZZY_QUOTE_LENGTH) return undefined;
  const maxErrors = maxErrorsFor(quote.length);
  const windows = searchWindows(body.length, quote.length, expectedStarts);
  let candidates = windows.flatMap((window) => approximateMatches(body, quote, maxErrors, window));
  const searchedAll = windows.length === 1 && windows[0].start === 0 && windows[0].end === body.length;
  if (candidates.length === 0 && quote.length >= MIN_WHOLE_BODY_QUOTE_LENGTH && !searchedAll) {
    candidates = approximateMatches(body, quote, maxErrors, { start: 0, end: body.length });
  }
  const best = bestCandidate(body, selector, candidates, expectedStarts);
  return best && { method: 'fuzzy', start: best.start, end: best.end, text: body.slice(best.start, best.end), similarity: best.similarity };
}

/** The most edits a quote of `length` code units may have and still be accepted. */
export function maxErrorsFor(length: number): number {
  // The epsilon keeps 10 × 0.2 from flooring to 1 through floating-point rounding.
  return Math.min(MAX_FUZZY_ERRORS, Math.floor(length * (1 - MIN_QUOTE_SIMILARITY) + 1e-9));
}

/**
 * Ranges of the body to search: each expected start, less {@link WINDOW_MARGIN}, to it plus the
 * quote's length and the margin, clipped to the body; overlapping ranges merged, in order.
 */
export function searchWindows(bodyLength: number, quoteLength: number, expectedStarts: readonly number[]): Range[] {
  const ranges = expectedStarts
    .map((expected) => ({
      start: Math.min(bodyLength, Math.max(0, expected - WINDOW_MARGIN)),
      end: Math.min(bodyLength, Math.max(0, expected + quoteLength + WINDOW_MARGIN)),
    }))
    .sort((a, b) => a.start - b.start);
  const merged: Range[] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range.start <= last.end) merged[merged.length - 1] = { start: last.start, end: Math.max(last.end, range.end) };
    else merged.push(range);
  }
  return merged;
}

/**
 * The lowest-error approximate matches of `quote` inside `window` of the body, as body offsets
 * widened to whole characters. Each code unit added by widening is counted as one more error, an
 * upper bound on the true distance, so the similarity reported is never flattering.
 */
function approximateMatches(body: string, quote: string, maxErrors: number, window: Range): Candidate[] {
  const byRange = new Map<string, Candidate>();
  for (const match of search(body.slice(window.start, window.end), quote, maxErrors)) {
    const raw = { start: window.start + match.start, end: window.start + match.end };
    const range = widenToCodePoints(body, raw);
    const errors = match.errors + (raw.start - range.start) + (range.end - raw.end);
    if (errors > maxErrors) continue;
    const key = `${range.start}:${range.end}`;
    const similarity = 1 - errors / quote.length;
    if ((byRange.get(key)?.similarity ?? -1) < similarity) byRange.set(key, { ...range, similarity });
  }
  return [...byRange.values()];
}
