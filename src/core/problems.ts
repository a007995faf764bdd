/**
 * A finding about the corpus, located in a file, as every QualFrame surface reports it:
 * `path:line:col: error: message` in the terminal, a diagnostic in VS Code.
 */
export type Severity = 'error' | 'warning';

export interface Problem {
  /** POSIX path relative to the corpus root. */
  readonly file: string;
  /** 1-based line. */
  readonly line: number;
  /** 1-based column, in UTF-16 code units as editors count. */
  readonly column: number;
  readonly severity: Severity;
  /** What is wrong and what to do about it. */
  readonly message: string;
  /** A stable identifier of the rule that found it (for tests, filters and quick fixes). */
  readonly rule: ProblemRule;
}

export type ProblemRule =
  | 'not-utf8'
  | 'binary-file'
  | 'too-large'
  | 'front-matter-too-large'
  | 'executable-front-matter'
  | 'front-matter-language'
  | 'unclosed-front-matter'
  | 'yaml-syntax'
  | 'merge-conflict'
  | 'yaml-alias'
  | 'yaml-tag'
  | 'invalid-value'
  | 'invalid-id'
  | 'unknown-code'
  | 'unknown-theme'
  | 'duplicate-annotation-id'
  | 'duplicate-codebook-id'
  | 'duplicate-summary'
  | 'orphan'
  | 'reworded'
  | 'unsorted-annotations'
  | 'broken-citation'
  | 'missing-file'
  | 'unknown-key';

export interface Position {
  readonly line: number;
  readonly column: number;
}

export function problem(
  file: string,
  at: Position,
  severity: Severity,
  rule: ProblemRule,
  message: string,
): Problem {
  return { file, line: at.line, column: at.column, severity, rule, message };
}

/**
 * The one textual form of a problem, shared by the CLI and logs: always one line, so that
 * tools reading `path:line:col:` (editors, CI annotations, grep) see one problem per line.
 */
export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}:${p.column}: ${p.severity}: ${p.message.replace(/\r?\n/g, '\\n')}`;
}

/** Orders problems by file, then position, so output is stable across runs. */
export function compareProblems(a: Problem, b: Problem): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || a.column - b.column;
}

export function countErrors(problems: readonly Problem[]): number {
  let n = 0;
  for (const p of problems) if (p.severity === 'error') n++;
  return n;
}
