// Prefix and suffix are at most 32 characters, so a plain dynamic-programming edit distance is
// cheap (about 2,000 cells) and, unlike an unanchored search, it insists that the context sits
// right against the candidate: a prefix found 20 characters further away is not agreement.

/**
 * How well the text just before `start` agrees with the stored `prefix`, from 0 to 1: one minus
 * the edit distance between `prefix` and the text ending at `start`, over the prefix's length.
 * 1 when no prefix was stored, so a selector without context is ranked by position alone.
 */
export function prefixAgreement(body: string, start: number, prefix: string | undefined): number {
  if (!prefix) return 1;
  if (body.endsWith(prefix, start)) return 1;
  // Read backwards from the candidate, so the free end of the alignment is the far end.
  const before = body.slice(Math.max(0, start - 2 * prefix.length), start);
  return 1 - leadingEditDistance(reverse(prefix), reverse(before)) / prefix.length;
}

/**
 * How well the text just after `end` agrees with the stored `suffix`, from 0 to 1 (as
 * {@link prefixAgreement}, reading forwards). 1 when no suffix was stored.
 */
export function suffixAgreement(body: string, end: number, suffix: string | undefined): number {
  if (!suffix) return 1;
  if (body.startsWith(suffix, end)) return 1;
  const after = body.slice(end, end + 2 * suffix.length);
  return 1 - leadingEditDistance(suffix, after) / suffix.length;
}

/**
 * Levenshtein distance between `expected` and the beginning of `text` that it is closest to
 * (the alignment must start at `text`'s first character but may end anywhere). At most
 * `expected.length`. Compares UTF-16 code units.
 */
export function leadingEditDistance(expected: string, text: string): number {
  // Two rows of the usual table, in typed arrays: a short, common quote can have thousands of
  // occurrences, each scored on both sides.
  let previous = new Uint32Array(text.length + 1);
  let current = new Uint32Array(text.length + 1);
  for (let j = 0; j <= text.length; j++) previous[j] = j;
  for (let i = 1; i <= expected.length; i++) {
    current[0] = i;
    const ch = expected.charCodeAt(i - 1);
    for (let j = 1; j <= text.length; j++) {
      const substitution = previous[j - 1] + (ch === text.charCodeAt(j - 1) ? 0 : 1);
      const gap = Math.min(previous[j], current[j - 1]) + 1;
      current[j] = substitution < gap ? substitution : gap;
    }
    [previous, current] = [current, previous];
  }
  let best = expected.length;
  for (let j = 0; j <= text.length; j++) if (previous[j] < best) best = previous[j];
  return best;
}

// Code-unit reversal is safe here: both sides are reversed the same way and only compared.
function reverse(text: string): string {
  return text.split('').reverse().join('');
}
