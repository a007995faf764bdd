/** A range of UTF-16 code units, `end` exclusive. */
export interface Range {
  readonly start: number;
  readonly end: number;
}

/**
 * Widens `range` so it does not split a surrogate pair (an astral character such as 😀 or 𝒜 is
 * two code units): it may not start on the second half of a pair nor end after the first half.
 * Widening rather than narrowing keeps the whole character the researcher sees.
 */
export function widenToCodePoints(text: string, range: Range): Range {
  const start = isLowSurrogate(text, range.start) && isHighSurrogate(text, range.start - 1) ? range.start - 1 : range.start;
  const end = isHighSurrogate(text, range.end - 1) && isLowSurrogate(text, range.end) ? range.end + 1 : range.end;
  return { start, end };
}

function isHighSurrogate(text: string, index: number): boolean {
  const unit = text.charCodeAt(index);
  return unit >= 0xd800 && unit <= 0xdbff;
}

function isLowSurrogate(text: string, index: number): boolean {
  const unit = text.charCodeAt(index);
  return unit >= 0xdc00 && unit <= 0xdfff;
}
