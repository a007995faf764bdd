import type { Position } from '../problems';

/**
 * 1-based line and column of a UTF-16 offset in `text`. Counts `\n` as the line break, so a
 * CRLF line's `\r` sits at the end of its line and never shifts the next line's columns.
 */
export function positionAt(text: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: end - lineStart + 1 };
}

/** Shifts a position found inside an excerpt that starts at `origin` of a larger text. */
export function offsetPosition(origin: Position, inner: Position): Position {
  return inner.line === 1
    ? { line: origin.line, column: origin.column + inner.column - 1 }
    : { line: origin.line + inner.line - 1, column: inner.column };
}

/**
 * The body as annotation offsets count it: every CRLF as one LF (see the format spec), so a
 * Windows and a Linux checkout of the same file agree.
 */
export function normaliseLineEndings(text: string): string {
  return text.indexOf('\r\n') === -1 ? text : text.replace(/\r\n/g, '\n');
}

/** The line ending a file mostly uses; writes keep it. */
export function detectLineEnding(text: string): '\n' | '\r\n' {
  const lf = text.indexOf('\n');
  return lf > 0 && text.charCodeAt(lf - 1) === 13 ? '\r\n' : '\n';
}
