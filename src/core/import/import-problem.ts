/**
 * What importing a transcript found. Errors mean the transcript cannot be imported as it is
 * (and, because an import is all or nothing, nothing is written); warnings say what was
 * decided on the researcher's behalf.
 */
export type ImportRule =
  /** Not one of .docx, .txt, .md, .vtt, .srt. */
  | 'unsupported-format'
  /** Missing, a folder, too large, or not a readable Word file. */
  | 'unreadable'
  /** Text that is not UTF-8 (or UTF-16 with a byte order mark). */
  | 'not-utf8'
  /** Nothing in the file name (or the `case` of a .md) can name the case. */
  | 'no-case-id'
  /** A .md whose front matter cannot be read or added to. */
  | 'front-matter'
  /** No transcript text at all: probably the wrong file. */
  | 'empty-transcript'
  /** A subtitle cue whose times cannot be read (left out), or text found after a blank line inside a cue (kept with it). */
  | 'subtitle-cue'
  /** A .md kept a value of its own where the import gave another. */
  | 'kept-value'
  /** The converted document would not read back cleanly as a corpus document. */
  | 'invalid-document'
  /** The target file is already there: nothing is overwritten. */
  | 'target-exists'
  /** Two transcripts would become the same document. */
  | 'same-target'
  /** Something the Word converter reported. */
  | 'docx-message';

export interface ImportProblem {
  /** The transcript (or, for a clash, the target) as the caller named it. */
  readonly file: string;
  /** 1-based line in the transcript, when the problem has a place in it. */
  readonly line?: number;
  readonly severity: 'error' | 'warning';
  readonly rule: ImportRule;
  readonly message: string;
}

export function importProblem(file: string, severity: ImportProblem['severity'], rule: ImportRule, message: string, line?: number): ImportProblem {
  return { file, severity, rule, message, ...(line !== undefined ? { line } : {}) };
}

/** `file:line:col: error: message`, the one form every QualFrame surface prints. */
export function formatImportProblem(p: ImportProblem, file = p.file): string {
  return `${file}:${p.line ?? 1}:1: ${p.severity}: ${p.message.replace(/\r?\n/g, '\\n')}`;
}
