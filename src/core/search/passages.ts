/**
 * Passages (docs/format.md): the body's paragraphs, separated by blank lines; a paragraph that
 * begins `Name:` is a turn of that speaker. Ranges are body offsets (UTF-16 code units of the
 * LF-normalised body).
 */

export interface Passage {
  /** The paragraph's first character that is not white space. */
  readonly start: number;
  /** Just after its last character that is not white space. */
  readonly end: number;
  /** Where its words begin: after `Name: ` for a turn, else `start`. */
  readonly textStart: number;
  /** The speaker of a turn, as written. */
  readonly speaker?: string;
}

/**
 * `Name:` at the start of a paragraph, then a space: a short name (up to four words and 40
 * characters, beginning with a letter or digit), so neither a sentence ending in a colon nor
 * `https://` reads as a speaker.
 */
const SPEAKER = /^([\p{L}\p{N}][\p{L}\p{N}.'’()\-]*(?:[ \t][\p{L}\p{N}.'’()\-]+){0,3})[ \t]*:[ \t]+(?=\S)/u;
const MAX_SPEAKER_LENGTH = 40;

/** The body's passages, in order. */
export function splitPassages(body: string): Passage[] {
  const passages: Passage[] = [];
  const blank = /\n[ \t]*\n\s*/g;
  let from = 0;
  const push = (rawStart: number, rawEnd: number) => {
    let start = rawStart;
    let end = rawEnd;
    while (start < end && isSpace(body.charCodeAt(start))) start++;
    while (end > start && isSpace(body.charCodeAt(end - 1))) end--;
    if (start === end) return;
    const line = body.slice(start, Math.min(end, start + MAX_SPEAKER_LENGTH + 8));
    const m = SPEAKER.exec(line);
    if (m && m[1].length <= MAX_SPEAKER_LENGTH) passages.push({ start, end, textStart: start + m[0].length, speaker: m[1] });
    else passages.push({ start, end, textStart: start });
  };
  for (let m = blank.exec(body); m !== null; m = blank.exec(body)) {
    push(from, m.index);
    from = m.index + m[0].length;
  }
  push(from, body.length);
  return passages;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0xfeff;
}
