import matter from 'gray-matter';
import type { Position } from '../problems';
import { loadSafeYaml, YamlProblem, type YamlRule, type YamlValue } from '../yaml/safe-yaml';

/** Front matter larger than this is refused: a transcript's coding never comes near it. */
export const MAX_FRONT_MATTER_BYTES = 1024 * 1024;

export interface FrontMatter {
  /** The parsed keys (every scalar as text); empty when the file has no front matter. */
  readonly data: { readonly [key: string]: YamlValue };
  readonly hasFrontMatter: boolean;
  /** The YAML between the delimiters, as written. Its line N is line N of the file. */
  readonly yamlText: string;
  /** The body exactly as written (line endings untouched): everything after the closing `---` line. */
  readonly body: string;
  /** UTF-16 offset in the (BOM-less) file text where the body starts. */
  readonly bodyOffset: number;
}

export type FrontMatterRule =
  | YamlRule
  | 'executable-front-matter'
  | 'front-matter-language'
  | 'unclosed-front-matter'
  | 'front-matter-too-large'
  | 'merge-conflict'
  | 'invalid-value';

export class FrontMatterProblem extends Error {
  constructor(
    readonly rule: FrontMatterRule,
    message: string,
    /** 1-based, in the file. */
    readonly position: Position,
  ) {
    super(message);
  }
}

const refuseToRun = (): never => {
  throw new FrontMatterProblem(
    'executable-front-matter',
    'JavaScript front matter is never run; write the front matter as YAML (a plain `---` line)',
    { line: 1, column: 1 },
  );
};

// Always passed, so gray-matter never caches (its cache is keyed by the whole input and
// shares the parsed object); `js`/`javascript` replaced because `engines: {js: false}` does
// not stop gray-matter's eval.
const MATTER_OPTIONS = {
  language: 'yaml',
  delimiters: '---',
  excerpt: false,
  engines: {
    yaml: { parse: (str: string) => loadSafeYaml(str) as object, stringify: () => '' },
    js: { parse: refuseToRun, stringify: refuseToRun },
    javascript: { parse: refuseToRun, stringify: refuseToRun },
  },
};

const EXECUTABLE_LANGUAGES = new Set(['js', 'javascript', 'coffee', 'coffeescript', 'cson', 'ts', 'typescript']);

/** A line git writes around the two sides of a conflict (`<<<<<<< ours`, `=======`, `>>>>>>> theirs`). */
const CONFLICT_MARKER = /^(?:<{7}|={7}|>{7})(?:[ \t]|\r?$)/;

/**
 * Refuses a front matter that still holds a merge conflict's markers, at the first marker line:
 * said as a conflict to resolve, not as the YAML error the marker would otherwise cause.
 */
function refuseMergeConflict(text: string, firstBreak: number, closing: number): void {
  const lines = text.slice(text.indexOf('\n', firstBreak) + 1, closing).split('\n');
  const at = lines.findIndex((line) => CONFLICT_MARKER.test(line));
  if (at === -1) return;
  throw new FrontMatterProblem(
    'merge-conflict',
    'an unresolved merge conflict: keep the version you want between the <<<<<<< and >>>>>>> lines, delete the three marker lines, and save (docs/team-workflow.md)',
    { line: at + 2, column: 1 },
  );
}

/**
 * Reads a document's front matter safely. `text` is the decoded file without its BOM.
 * Throws `FrontMatterProblem` (located in the file) for anything it will not read.
 */
export function readFrontMatter(text: string): FrontMatter {
  if (!text.startsWith('---') || text.charAt(3) === '-') {
    return { data: {}, hasFrontMatter: false, yamlText: '', body: text, bodyOffset: 0 };
  }
  const firstBreak = text.search(/\r?\n/);
  const language = (firstBreak === -1 ? text.slice(3) : text.slice(3, firstBreak)).trim();
  if (language !== '' && language !== 'yaml' && language !== 'yml') {
    if (EXECUTABLE_LANGUAGES.has(language.toLowerCase())) {
      throw new FrontMatterProblem(
        'executable-front-matter',
        `front matter in "${language}" is executable and is never run; write it as YAML (a plain \`---\` line)`,
        { line: 1, column: 4 },
      );
    }
    throw new FrontMatterProblem(
      'front-matter-language',
      `front matter language "${language}" is not supported; QualFrame reads YAML front matter (a plain \`---\` line)`,
      { line: 1, column: 4 },
    );
  }
  if (firstBreak === -1 || text.indexOf('\n---', firstBreak) === -1) {
    throw new FrontMatterProblem(
      'unclosed-front-matter',
      'front matter is not closed: add a line `---` after the last key, before the transcript',
      { line: 1, column: 1 },
    );
  }
  const closing = text.indexOf('\n---', firstBreak);
  if (closing > MAX_FRONT_MATTER_BYTES || utf8Length(text.slice(0, closing)) > MAX_FRONT_MATTER_BYTES) {
    throw new FrontMatterProblem(
      'front-matter-too-large',
      `front matter is larger than ${MAX_FRONT_MATTER_BYTES / 1024 / 1024} MiB; split the document or move long memos to memos/`,
      { line: 1, column: 1 },
    );
  }
  refuseMergeConflict(text, firstBreak, closing);
  // gray-matter copies its whole input into a Buffer; given only the front matter (through the
  // closing `---`), it parses the same YAML without copying the transcript.
  let file: { data: unknown; matter: string };
  try {
    file = matter(text.slice(0, closing + 4), MATTER_OPTIONS) as unknown as typeof file;
  } catch (e) {
    if (e instanceof FrontMatterProblem) throw e;
    if (e instanceof YamlProblem) throw new FrontMatterProblem(e.rule, e.message, e.position);
    throw e;
  }
  const data = file.data ?? {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new FrontMatterProblem('invalid-value', 'front matter must be a mapping of keys (`case: P1`, `wave: "2016"`, ...)', { line: 2, column: 1 });
  }
  // Where gray-matter starts the body: after the closing `---`, one `\r`, then one `\n`.
  let bodyOffset = closing + 4;
  if (text[bodyOffset] === '\r') bodyOffset++;
  if (text[bodyOffset] === '\n') bodyOffset++;
  return {
    data: data as FrontMatter['data'],
    hasFrontMatter: true,
    yamlText: file.matter,
    body: text.slice(bodyOffset),
    bodyOffset,
  };
}

function utf8Length(s: string): number {
  if (s.length * 3 <= MAX_FRONT_MATTER_BYTES) return s.length;
  return new TextEncoder().encode(s).length;
}
