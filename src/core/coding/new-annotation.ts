import type { AnnotationEntry } from '../frontmatter/edit-front-matter';
import { normaliseLineEndings } from '../text/positions';

/** Characters of context kept before and after a quote, for re-anchoring (as the Hypothesis client keeps). */
export const CONTEXT_LENGTH = 32;

export type QuoteSearch =
  | { readonly ok: true; readonly start: number }
  | { readonly ok: false; readonly reason: 'not-found' | 'ambiguous' | 'no-such-occurrence'; readonly occurrences: readonly number[] };

/**
 * Where `quote` stands in the (LF-normalised) body: the only occurrence, or occurrence
 * `occurrence` (counted from 1) when there are several.
 */
export function findQuote(body: string, quote: string, occurrence?: number): QuoteSearch {
  const needle = normaliseLineEndings(quote);
  const occurrences: number[] = [];
  if (needle.length > 0) {
    for (let i = body.indexOf(needle); i !== -1; i = body.indexOf(needle, i + 1)) occurrences.push(i);
  }
  if (occurrences.length === 0) return { ok: false, reason: 'not-found', occurrences };
  if (occurrence !== undefined) {
    const start = occurrences[occurrence - 1];
    return start === undefined ? { ok: false, reason: 'no-such-occurrence', occurrences } : { ok: true, start };
  }
  return occurrences.length === 1 ? { ok: true, start: occurrences[0] } : { ok: false, reason: 'ambiguous', occurrences };
}

/** The context of a span, clipped so it never splits a UTF-16 surrogate pair. */
export function quoteContext(body: string, start: number, end: number): { prefix: string; suffix: string } {
  let from = Math.max(0, start - CONTEXT_LENGTH);
  if (from > 0 && isLowSurrogate(body.charCodeAt(from))) from++;
  let to = Math.min(body.length, end + CONTEXT_LENGTH);
  if (to < body.length && isLowSurrogate(body.charCodeAt(to))) to--;
  return { prefix: body.slice(from, start), suffix: body.slice(end, to) };
}

const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/**
 * A new, unused annotation id: 4 hex digits, more when the file is crowded. Random rather
 * than sequential, so two coders adding annotations on branches do not pick the same id;
 * always starting with a letter, so no YAML reader takes it for a number (`8e90` is one).
 */
export function newAnnotationId(taken: ReadonlySet<string>, random: () => number = Math.random): string {
  for (let digits = 4; ; digits++) {
    for (let attempt = 0; attempt < 16; attempt++) {
      const id = Math.floor(random() * 16 ** digits).toString(16).padStart(digits, '0');
      if (!taken.has(id) && /^[a-f]/.test(id)) return id;
    }
  }
}

/** The entry for a new annotation of `body[start, start + quote.length)`. */
export function newAnnotationEntry(
  body: string,
  span: { start: number; quote: string },
  details: { id: string; code: string; by?: string; memo?: string; illustrative?: boolean },
): AnnotationEntry {
  const quote = normaliseLineEndings(span.quote);
  const { prefix, suffix } = quoteContext(body, span.start, span.start + quote.length);
  return {
    id: details.id,
    code: details.code,
    start: span.start,
    quote,
    prefix,
    suffix,
    ...(details.by !== undefined ? { by: details.by } : {}),
    ...(details.memo !== undefined ? { memo: details.memo } : {}),
    ...(details.illustrative ? { illustrative: true } : {}),
  };
}
