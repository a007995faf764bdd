import { prefixAgreement, suffixAgreement } from './context-agreement';
import type { QuoteSelector } from './types';

/** A place the quote might be now; `similarity` is how closely its text matches the quote (0..1). */
export interface Candidate {
  readonly start: number;
  readonly end: number;
  readonly similarity: number;
}

// The Hypothesis client's weights (match-quote.ts): the quote itself counts most, each side of
// context a little less, and position only enough to separate otherwise equal candidates.
const QUOTE_WEIGHT = 50;
const PREFIX_WEIGHT = 20;
const SUFFIX_WEIGHT = 20;
const POSITION_WEIGHT = 2;

/**
 * The candidate whose text, context and position agree best with `selector`, or undefined when
 * there are none. Position is the distance to the nearest of `expectedStarts` (by default the
 * stored start). Ties go to the nearer candidate, then the earlier, then the longer (two ends of
 * one approximate match can cost the same edits: "buys th" and "buys the lunch" for "buys lunch";
 * the longer covers the changed words), so the choice never depends on the order candidates were
 * found in.
 */
export function bestCandidate<C extends Candidate>(
  body: string,
  selector: QuoteSelector,
  candidates: readonly C[],
  expectedStarts: readonly number[] = [selector.start],
): C | undefined {
  // Nearest first, so that once a candidate with agreeing context is found, farther ones can be
  // skipped without reading their context: even perfect context could not lift them above it.
  // A short, common quote ("Yes.") can otherwise cost thousands of context comparisons.
  const byDistance = candidates
    .map((candidate) => ({ candidate, distance: distanceTo(candidate.start, expectedStarts) }))
    .sort((a, b) => a.distance - b.distance);
  let best: Ranked<C> | undefined;
  for (const { candidate, distance } of byDistance) {
    const position = positionScore(body, distance);
    if (best && weightedScore(candidate.similarity, 1, 1, position) < best.score) continue;
    const score = scoreCandidate(body, selector, candidate, distance);
    const ranked = { candidate, score, distance };
    if (!best || isBetter(ranked, best)) best = ranked;
  }
  return best?.candidate;
}

/** Weighted agreement of a candidate `distance` away from where it was expected with the selector, from 0 to 1. */
export function scoreCandidate(body: string, selector: QuoteSelector, candidate: Candidate, distance: number): number {
  return weightedScore(
    candidate.similarity,
    prefixAgreement(body, candidate.start, selector.prefix),
    suffixAgreement(body, candidate.end, selector.suffix),
    positionScore(body, distance),
  );
}

interface Ranked<C extends Candidate> {
  readonly candidate: C;
  readonly score: number;
  readonly distance: number;
}

function weightedScore(quote: number, prefix: number, suffix: number, position: number): number {
  const raw = QUOTE_WEIGHT * quote + PREFIX_WEIGHT * prefix + SUFFIX_WEIGHT * suffix + POSITION_WEIGHT * position;
  return raw / (QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT);
}

// 1 at the expected place, 0 a body's length away (as the Hypothesis client scores position).
function positionScore(body: string, distance: number): number {
  return 1 - Math.min(1, distance / Math.max(1, body.length));
}

function distanceTo(start: number, expectedStarts: readonly number[]): number {
  return expectedStarts.reduce((nearest, expected) => Math.min(nearest, Math.abs(start - expected)), Infinity);
}

function isBetter(a: Ranked<Candidate>, b: Ranked<Candidate>): boolean {
  if (a.score !== b.score) return a.score > b.score;
  if (a.distance !== b.distance) return a.distance < b.distance;
  if (a.candidate.start !== b.candidate.start) return a.candidate.start < b.candidate.start;
  return a.candidate.end > b.candidate.end;
}
