import { isExactAt } from './exact';
import { fuzzyMatch } from './fuzzy';
import { expectedStarts, neighbourShifts } from './neighbour-shifts';
import { relocate } from './relocate';
import type { Anchor, AnchorResult, QuoteSelector } from './types';

/** What the caller may know about the edit, to search in the right place first. */
export interface AnchorOptions {
  /**
   * The body's net change in length since the annotations were made (new length − old length).
   * Fuzzy search then also looks around `start + lengthDelta`, where an annotation after every
   * edit would now be.
   */
  readonly lengthDelta?: number;
}

/**
 * Finds one annotation in the (LF-normalised) body, in the order the format spec gives: exactly
 * at its stored start; else at the exact occurrence whose context and position agree best
 * ({@link relocate}); else by fuzzy match ({@link fuzzyMatch}); else it is an orphan.
 */
export function anchorQuote(body: string, selector: QuoteSelector, options: AnchorOptions = {}): AnchorResult {
  return (
    anchorCheaply(body, selector) ??
    fuzzyMatch(body, selector, expectedStarts(selector.start, [], options.lengthDelta)) ??
    { method: 'orphan' }
  );
}

/**
 * Finds every annotation of one body, one result per selector in the same order. The cheap
 * steps (exact, relocated) run for all first; the fuzzy search, far dearer than an indexOf, runs
 * only for the rest, and looks first where their anchored neighbours' moves say they went. So
 * each result is what {@link anchorQuote} gives, except that a fuzzy match may be found near
 * its neighbours where anchorQuote alone would look only around the stored start.
 */
export function anchorAll(body: string, selectors: readonly QuoteSelector[], options: AnchorOptions = {}): AnchorResult[] {
  const cheap = selectors.map((selector) => anchorCheaply(body, selector));
  const shifts = neighbourShifts(selectors, cheap);
  return selectors.map(
    (selector, i) =>
      cheap[i] ??
      fuzzyMatch(body, selector, expectedStarts(selector.start, shifts, options.lengthDelta)) ??
      { method: 'orphan' },
  );
}

// Steps one and two. A start that is not a whole, non-negative offset cannot be exact
// (String#startsWith would read -5 as 0), but the quote may still be found elsewhere.
function anchorCheaply(body: string, selector: QuoteSelector): Anchor | undefined {
  const { start, quote } = selector;
  if (Number.isInteger(start) && start >= 0 && isExactAt(body, start, quote)) {
    return { method: 'exact', start, end: start + quote.length, text: quote, similarity: 1 };
  }
  return relocate(body, selector);
}
