/**
 * Case ids from file names. The id names the case in front matter, in quote tables (`[SH07]`)
 * and, as `<case>.md`, the document's file, so it must be one safe path segment on every
 * system a team uses: letters and digits of any script, `_`, `.` and `-`, nothing else.
 */

const MAX_SEGMENT_LENGTH = 100;

/**
 * `value` as one path segment: NFC (a macOS file name and a Windows one agree), every run of
 * other characters (spaces, punctuation, symbols, emoji) becomes one `-`, no `-`, `.` or `_`
 * at either end (no hidden files, no `..`), at most 100 characters. `SH07 interview (final)`
 * → `SH07-interview-final`; `Seán Ó Briain` stays readable. Empty when nothing is left.
 */
export function pathSegment(value: string): string {
  const segment = value
    .normalize('NFC')
    .replace(/[^\p{L}\p{M}\p{N}_.-]+/gu, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-._]+|[-._]+$/g, '');
  const chars = [...segment];
  return chars.length <= MAX_SEGMENT_LENGTH ? segment : chars.slice(0, MAX_SEGMENT_LENGTH).join('').replace(/[-._]+$/, '');
}

/** The file's name without folders and without its last extension: `in/SH07.docx` → `SH07`. */
export function fileStem(fileName: string): string {
  const name = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

/** The case a transcript's file name gives: its stem as a path segment; empty when none can be made. */
export function caseIdFromFileName(fileName: string): string {
  return pathSegment(fileStem(fileName));
}
