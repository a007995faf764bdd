/**
 * Step one of anchoring: the annotation is where it says it is when the body's text at
 * `start` still equals its quote. `body` is LF-normalised (offsets count CRLF as one LF).
 * The later steps (nearest occurrence by context, fuzzy match) build on this.
 */
export function isExactAt(body: string, start: number, quote: string): boolean {
  return quote.length > 0 && body.startsWith(quote, start);
}
