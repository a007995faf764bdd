/**
 * Positions at the REFI-QDA border. QualFrame counts annotation offsets in UTF-16 code units of
 * the LF-normalised body (as JavaScript and VS Code do); REFI-QDA's startPosition and
 * endPosition count Unicode characters (code points) of the source's plain text, which is how
 * QualCoder (Python strings) and the other tools read them. The two differ after every
 * character outside the Basic Multilingual Plane: an emoji, a rare CJK ideograph.
 */

/** Converts UTF-16 offsets of one text to code-point offsets. */
export function codePointCounter(text: string): (utf16: number) => number {
  // Offsets of the low surrogate of every astral character: each one is a UTF-16 unit that is
  // not a code point of its own.
  const lows: number[] = [];
  for (let i = 0; i < text.length - 1; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) lows.push(++i);
    }
  }
  return (utf16) => utf16 - countBelow(lows, utf16);
}

/**
 * Converts code-point offsets of a source's text, as another tool wrote them, to UTF-16 offsets
 * in its LF-normalised body. `crlfCountsTwo`: the tool counted a CRLF as two characters (NVivo
 * on Windows writes CRLF text and counts both); otherwise it counted the text with CRLF read as
 * one LF (ATLAS.ti, and every file written with LF only). Returns undefined beyond the end.
 */
export function utf16Locator(text: string, crlfCountsTwo: boolean): (codePoint: number) => number | undefined {
  const counted = crlfCountsTwo ? text : text.replace(/\r\n/g, '\n');
  // UTF-16 offset in `counted` of each code point, plus one past the end.
  const starts: number[] = [];
  for (let i = 0; i < counted.length; i++) {
    starts.push(i);
    const c = counted.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < counted.length) {
      const next = counted.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
  }
  starts.push(counted.length);
  // The `\r` of each CRLF in `counted` (none when already normalised): gone from the body.
  const crs: number[] = [];
  if (crlfCountsTwo) for (let i = counted.indexOf('\r\n'); i !== -1; i = counted.indexOf('\r\n', i + 2)) crs.push(i);
  return (codePoint) => {
    if (!Number.isInteger(codePoint) || codePoint < 0 || codePoint >= starts.length) return undefined;
    const offset = starts[codePoint];
    return offset - countBelow(crs, offset);
  };
}

/** How many of the sorted `values` are less than `limit`. */
function countBelow(values: readonly number[], limit: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid] < limit) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
