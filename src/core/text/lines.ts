/** Whole-line positions in a text, for the editors that splice whole lines (front matter, codebook, merges). */

/** The start of the line holding `at`. */
export const lineStart = (text: string, at: number): number => text.lastIndexOf('\n', at - 1) + 1;

/** The start of the line after the one holding `at - 1`; `at` itself when it is a line start. */
export function nextLine(text: string, at: number): number {
  if (at > 0 && text[at - 1] === '\n') return at;
  const nl = text.indexOf('\n', at);
  return nl === -1 ? text.length : nl + 1;
}
