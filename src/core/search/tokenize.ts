/**
 * Words as the search index sees them: runs of letters and digits, lower-cased, accents
 * folded (`Café` and `cafe` are one word), one-letter words and English stop words left out of
 * the index. Offsets stay those of the text as written, so a hit can be highlighted there.
 */

/**
 * Words too common to search by: English function words, contractions' halves (`don't` is
 * read as `don` and `t`) and a transcript's fillers. A phrase may still contain them: phrases
 * are checked against the passage's words as written.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again against all am an and any are as at be because been before being below between both but by can could ' +
    'did do does doing down during each few for from further had has have having he her here hers herself him himself his how if in into ' +
    'is it its itself just me more most my myself no nor not now of off on once only or other our ours ourselves out over own same she ' +
    'should so some such than that the their theirs them themselves then there these they this those through to too under until up very ' +
    'was we were what when where which while who whom why will with would you your yours yourself yourselves ' +
    'don doesn didn isn wasn aren weren hasn haven hadn won wouldn shouldn couldn can cannot ve ll re ' +
    'um umm uh uhm er erm mm mhm hmm ah oh'
  ).split(' '),
);

const LETTER_OR_DIGIT = /^[\p{L}\p{N}\p{M}]$/u;
const MARKS = /\p{M}+/gu;

/** A word as indexed and searched: lower case, accents folded. */
export function normaliseWord(word: string): string {
  const lower = word.toLowerCase();
  return isAscii(lower) ? lower : foldAccents(lower);
}

function foldAccents(lower: string): string {
  return lower.normalize('NFKD').replace(MARKS, '').normalize('NFC');
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** Whether a normalised word is left out of the index. */
export function isIndexed(word: string): boolean {
  return word.length > 1 && !STOP_WORDS.has(word);
}

/** ASCII letters and digits. */
export function isAsciiWordCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
}

/** The length (1 or 2 code units) of the letter, digit or combining mark at `i`, or 0. */
function wordCodeAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0x80) return isAsciiWordCode(c) ? 1 : 0;
  const width = c >= 0xd800 && c <= 0xdbff && i + 1 < text.length ? 2 : 1;
  return LETTER_OR_DIGIT.test(text.slice(i, i + width)) ? width : 0;
}

/**
 * Calls `visit` with every word of `text[from, to)`: its normalised form and its range in
 * `text`. Stop words and one-letter words included (phrases need them); see {@link isIndexed}.
 * A word is a run of letters and digits (with the combining marks that follow them). A scan by
 * character code: the index reads every word of the corpus through here.
 */
export function forEachWord(text: string, from: number, to: number, visit: (word: string, start: number, end: number) => void): void {
  // Lower-casing the range once is cheaper than once per word; ASCII words are cut from it when
  // lower-casing kept every offset (it always does for ASCII, and nearly always otherwise).
  const range = text.slice(from, to);
  const lower = range.toLowerCase();
  const aligned = lower.length === range.length;
  let i = from;
  while (i < to) {
    let width = wordCodeAt(text, i);
    if (width === 0) {
      i++;
      continue;
    }
    const start = i;
    let ascii = width === 1 && text.charCodeAt(i) < 0x80;
    while (i < to && width > 0) {
      i += width;
      if (i >= to) break;
      const c = text.charCodeAt(i);
      if (c < 0x80) width = isAsciiWordCode(c) ? 1 : 0;
      else {
        width = wordCodeAt(text, i);
        ascii = false;
      }
    }
    const end = Math.min(i, to);
    visit(ascii && aligned ? lower.slice(start - from, end - from) : normaliseWord(text.slice(start, end)), start, end);
  }
}

/** The normalised words of `text`, in order (stop words included). */
export function words(text: string): string[] {
  const out: string[] = [];
  forEachWord(text, 0, text.length, (w) => out.push(w));
  return out;
}
