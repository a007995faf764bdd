import { anchorAll } from '../anchoring/anchor';
import type { AnchorResult } from '../anchoring/types';
import type { AnnotationEntry } from '../frontmatter/edit-front-matter';
import { FrontMatterProblem, readFrontMatter } from '../frontmatter/read-front-matter';
import { ANNOTATION_ID, CODEBOOK_ID } from '../ids';
import { problem, type Problem } from '../problems';
import { normaliseLineEndings, positionAt } from '../text/positions';
import { createYamlLocator, type YamlLocator, type YamlPath } from '../yaml/safe-yaml';
import { isMap, YamlFields } from '../yaml/yaml-fields';

/** An annotation as read: its entry in the file, and where it stands in the body now. */
export interface Annotation extends AnnotationEntry {
  readonly illustrative: boolean;
  /** Index in the file's `codes` list. */
  readonly index: number;
  /** Whether the quote was found in the body (an orphan otherwise: reported, kept in the file). */
  readonly anchored: boolean;
  /**
   * Where it is now: `exact` at `start`; `relocated` (same quote, elsewhere: text was edited
   * before it); `fuzzy` (the quote itself was re-worded; `text` is the new wording); `orphan`.
   * A write refreshes relocated and fuzzy annotations' stored start and quote.
   */
  readonly anchor: AnchorResult;
}

export interface Summary {
  readonly theme: string;
  readonly text: string;
}

export interface CorpusDocument {
  /** POSIX path relative to the corpus root. */
  readonly path: string;
  readonly caseId: string;
  /** Every other scalar key of the front matter, as text. Null prototype: keys are data. */
  readonly attributes: Readonly<Record<string, string>>;
  readonly annotations: readonly Annotation[];
  readonly summaries: readonly Summary[];
  readonly memo?: string;
  /** The body with CRLF read as LF: the text annotation offsets count in. */
  readonly body: string;
  /** 1-based line of the file where the body starts. */
  readonly bodyLine: number;
  /** Offset in the text (without BOM) where the body starts. */
  readonly bodyOffset: number;
  /** Locates a front-matter key path in the file (lazy, for reporting). */
  readonly locate: YamlLocator;
}

/** Keys with a meaning of their own; every other scalar key is an attribute. */
export const RESERVED_KEYS: ReadonlySet<string> = new Set(['case', 'codes', 'summaries', 'memo']);

/** The file name without `.md`: a document's case when it names none. */
export function defaultCaseId(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return name.replace(/\.md$/i, '');
}

/**
 * Reads one document from its decoded text (BOM removed). Everything that can be checked
 * without the codebook or the other documents is checked here; `document` is undefined
 * only when the front matter cannot be read at all. With `locateProblems: false` the
 * problems of a readable front matter are all placed at 1:1, which saves a second YAML
 * parse for callers that only need the document (`document.locate` still finds anything).
 */
export function parseCorpusDocument(path: string, text: string, options: { locateProblems?: boolean } = {}): { document?: CorpusDocument; problems: Problem[] } {
  let fm;
  try {
    fm = readFrontMatter(text);
  } catch (e) {
    if (e instanceof FrontMatterProblem) return { problems: [problem(path, e.position, 'error', e.rule, e.message)] };
    throw e;
  }
  const locate = fm.hasFrontMatter ? createYamlLocator(fm.yamlText) : () => ({ line: 1, column: 1 });
  const f = new YamlFields(path, fm.yamlText, options.locateProblems === false ? () => ({ line: 1, column: 1 }) : locate);
  const data = fm.data;
  const body = normaliseLineEndings(fm.body);

  const attributes: Record<string, string> = Object.create(null);
  for (const key of Object.keys(data)) {
    const v = data[key];
    if (!RESERVED_KEYS.has(key) && typeof v === 'string') attributes[key] = v;
  }
  const caseId = (f.text(data, 'case', []) ?? '').trim() || defaultCaseId(path);
  const memo = f.text(data, 'memo', []);

  const annotations = readAnnotations(f, data, body);
  const summaries = readSummaries(f, data);

  return {
    document: {
      path,
      caseId,
      attributes,
      annotations,
      summaries,
      ...(memo !== undefined ? { memo } : {}),
      body,
      bodyLine: positionAt(text, fm.bodyOffset).line,
      bodyOffset: fm.bodyOffset,
      locate,
    },
    problems: f.problems,
  };
}

function readAnnotations(f: YamlFields, data: Parameters<YamlFields['list']>[0], body: string): Annotation[] {
  const pending: Omit<Annotation, 'anchored' | 'anchor'>[] = [];
  const ids = new Map<string, number>();
  let previous: { start: number; id: string } | undefined;
  f.list(data, 'codes', []).forEach((entry, index) => {
    const path: YamlPath = ['codes', index];
    if (!isMap(entry)) {
      f.error(path, 'invalid-value', 'each entry under "codes" must be a mapping (id, code, start, quote)');
      return;
    }
    const id = f.id(entry, 'id', path, ANNOTATION_ID, 'annotation id');
    const code = f.id(entry, 'code', path, CODEBOOK_ID, 'code');
    const start = f.offset(entry, 'start', path);
    const quote = f.text(entry, 'quote', path, true);
    const prefix = f.text(entry, 'prefix', path);
    const suffix = f.text(entry, 'suffix', path);
    const by = f.text(entry, 'by', path);
    const memo = f.text(entry, 'memo', path);
    const illustrative = f.flag(entry, 'illustrative', path);
    if (id === undefined || code === undefined || start === undefined || quote === undefined) return;
    const firstIndex = ids.get(id);
    if (firstIndex !== undefined) {
      const firstLine = f.position(['codes', firstIndex, 'id']).line;
      f.error([...path, 'id'], 'duplicate-annotation-id', `annotation id "${id}" is already used on line ${firstLine}; give this annotation a new id (ids are never reused)`);
      return;
    }
    ids.set(id, index);
    if (previous && (start < previous.start || (start === previous.start && id < previous.id))) {
      f.report([...path, 'start'], 'warning', 'unsorted-annotations', `annotations are not sorted by start, then id ("${id}" at ${start} comes after "${previous.id}" at ${previous.start}); QualFrame keeps them sorted so that merges stay clean`);
    }
    previous = { start, id };
    pending.push({
      id, code, start, quote, illustrative, index,
      ...(prefix !== undefined ? { prefix } : {}),
      ...(suffix !== undefined ? { suffix } : {}),
      ...(by !== undefined ? { by } : {}),
      ...(memo !== undefined ? { memo } : {}),
    });
  });
  // Anchored together: the fuzzy step runs only for those the cheap steps missed, and looks
  // where their neighbours moved.
  const anchors = anchorAll(body, pending);
  const annotations: Annotation[] = pending.map((a, i) => {
    const anchor = anchors[i];
    const path: YamlPath = ['codes', a.index];
    if (anchor.method === 'orphan') {
      f.error([...path, 'start'], 'orphan', `annotation "${a.id}" (${a.code}) is orphaned: ${JSON.stringify(truncate(a.quote))} is not in the body any more, not even re-worded; correct start and quote, or remove the annotation. It is kept as it is until then`);
    } else if (anchor.method === 'fuzzy') {
      f.report([...path, 'quote'], 'warning', 'reworded', `annotation "${a.id}" (${a.code}): its text was re-worded and now reads ${JSON.stringify(truncate(anchor.text))} (${Math.round(anchor.similarity * 100)}% alike); the stored quote is updated on the next write`);
    }
    return { ...a, anchored: anchor.method !== 'orphan', anchor };
  });
  return annotations;
}

function readSummaries(f: YamlFields, data: Parameters<YamlFields['map']>[0]): Summary[] {
  const map = f.map(data, 'summaries', []);
  if (!map) return [];
  const summaries: Summary[] = [];
  for (const theme of Object.keys(map)) {
    const text = f.text(map, theme, ['summaries']);
    if (text === undefined) continue;
    summaries.push({ theme, text });
  }
  return summaries;
}

function truncate(s: string): string {
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}
