import { parseCorpusDocument, RESERVED_KEYS } from '../corpus/document';
import { MAX_DOCUMENT_BYTES } from '../corpus/load-corpus';
import { FrontMatterProblem, readFrontMatter } from '../frontmatter/read-front-matter';
import { yamlScalar } from '../frontmatter/yaml-scalar';
import { caseIdFromFileName, pathSegment } from './case-id';
import { docxHtmlParagraphs } from './docx-html';
import { importProblem, type ImportProblem } from './import-problem';
import { bodyOf, plainTextBody } from './plain-text';
import { renderTurn, type TimestampChoice } from './speaker-turns';
import { readSubRip } from './subrip';
import { readWebVtt } from './webvtt';

/**
 * One transcript into one corpus document (docs/import.md): the body as speaker turns, the
 * case, wave and attributes in new front matter, or added to the front matter a .md has.
 * Pure: the caller reads the file (and has mammoth turn a .docx into HTML) and writes the result.
 */

export type TranscriptFormat = 'docx' | 'txt' | 'md' | 'vtt' | 'srt';

const FORMATS: Readonly<Record<string, TranscriptFormat>> = {
  docx: 'docx', txt: 'txt', text: 'txt', md: 'md', markdown: 'md', vtt: 'vtt', srt: 'srt',
};

/** Formats people try that need converting first, with the advice. */
const CONVERT_FIRST: Readonly<Record<string, string>> = {
  doc: 'save it as .docx (Word: File > Save As > Word Document)',
  odt: 'save it as .docx or .txt',
  rtf: 'save it as .docx or .txt',
  pdf: 'export the text as .txt or .docx first (a PDF has no reliable paragraphs)',
  pages: 'export it as .docx',
};

export function transcriptFormat(fileName: string): TranscriptFormat | undefined {
  const m = /\.([A-Za-z0-9]+)$/.exec(fileName);
  return m ? FORMATS[m[1].toLowerCase()] : undefined;
}

export interface ImportOptions {
  /** The wave of every transcript: written as `wave:` (a .md keeps its own), and the folder imported into. */
  readonly wave?: string;
  /** Further attributes for every transcript (`role: GP`); a .md keeps values of its own. */
  readonly attributes?: Readonly<Record<string, string>>;
  /** Subtitle cue times: dropped (default), or kept as `[hh:mm:ss]` after each turn's speaker. */
  readonly timestamps?: TimestampChoice;
}

/** What a transcript is, as the caller read it: text (.txt, .md, .vtt, .srt), or a .docx's HTML from mammoth. */
export type TranscriptSource =
  | { readonly name: string; readonly text: string }
  | { readonly name: string; readonly docxHtml: string };

export interface ImportedTranscript {
  readonly caseId: string;
  /** The document's wave, when it has one. */
  readonly wave?: string;
  /** POSIX path relative to the folder imported into: `<case>.md`, or `<wave>/<case>.md` when a wave is given. */
  readonly target: string;
  /** The whole document: front matter and body, LF line endings, UTF-8 without BOM when written. */
  readonly text: string;
}

const ATTRIBUTE_KEY = /^\p{L}[\p{L}\p{N}_.-]*$/u;

/** What is wrong with the options, in words for the researcher; undefined when nothing is. */
export function importOptionsProblem(options: ImportOptions): string | undefined {
  if (options.wave !== undefined) {
    if (options.wave.trim() === '' || /[\r\n]/.test(options.wave)) return 'the wave must be one line of text, not empty';
    if (pathSegment(options.wave.trim()) === '') return `wave "${options.wave}" cannot name a folder; use letters or digits (for example 2021)`;
  }
  for (const [key, value] of Object.entries(options.attributes ?? {})) {
    if (key === 'wave') return 'give the wave with --wave (the option), not as an attribute';
    if (RESERVED_KEYS.has(key)) {
      return key === 'case'
        ? 'the case comes from each file name (rename the file to change it), not from an attribute'
        : `"${key}" is not an attribute: it holds the coding, summaries or memo of a document`;
    }
    if (!ATTRIBUTE_KEY.test(key) || key.length > 64) return `attribute name "${key}" must start with a letter and hold only letters, digits, "_", "." or "-"`;
    if (value.trim() === '' || /[\r\n]/.test(value)) return `attribute ${key} needs a value on one line`;
  }
  if (options.timestamps !== undefined && options.timestamps !== 'drop' && options.timestamps !== 'keep') return 'timestamps must be drop or keep';
  return undefined;
}

/** Converts one transcript. `problems` holds every finding; `transcript` is undefined when one of them is an error. */
export function importTranscript(source: TranscriptSource, options: ImportOptions = {}): { transcript?: ImportedTranscript; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const file = source.name;
  const fail = (rule: ImportProblem['rule'], message: string, line?: number) => {
    problems.push(importProblem(file, 'error', rule, message, line));
    return { problems };
  };
  const optionsProblem = importOptionsProblem(options);
  if (optionsProblem !== undefined) throw new RangeError(optionsProblem);
  const format = transcriptFormat(file);
  if (format === undefined) {
    const extension = /\.([A-Za-z0-9]+)$/.exec(file)?.[1]?.toLowerCase() ?? '';
    const advice = CONVERT_FIRST[extension];
    return fail('unsupported-format', `${extension ? `.${extension} files` : 'files without an extension'} cannot be imported${advice ? `: ${advice}` : ''}; QualFrame imports .docx, .txt, .md, .vtt and .srt`);
  }
  if (('docxHtml' in source) !== (format === 'docx')) throw new TypeError(`${file}: a .docx is given as HTML, every other format as text`);
  const stemCase = caseIdFromFileName(file);
  const timestamps = options.timestamps ?? 'drop';

  let existing: ExistingFrontMatter | undefined;
  let body: string;
  if ('docxHtml' in source) {
    body = plainTextBody(docxHtmlParagraphs(source.docxHtml, timestamps).join('\n\n'), { timestamps });
  } else {
    const text = source.text.replace(/^\ufeff/, '');
    if (format === 'vtt' || format === 'srt') {
      const read = format === 'vtt' ? readWebVtt(text) : readSubRip(text);
      for (const note of read.notes) problems.push(importProblem(file, 'warning', 'subtitle-cue', note.message, note.line));
      body = bodyOf(read.turns.map((t) => renderTurn(t, timestamps)));
    } else if (format === 'md') {
      const lf = text.replace(/\r\n?/g, '\n');
      let fm;
      try {
        fm = readFrontMatter(lf);
      } catch (e) {
        if (!(e instanceof FrontMatterProblem)) throw e;
        return fail('front-matter', `its front matter cannot be read: ${e.message}; correct it (or remove it) and import again`, e.position.line);
      }
      if (fm.hasFrontMatter) {
        existing = { text: lf, data: fm.data, bodyOffset: fm.bodyOffset };
        // Annotations count their offsets in the body: a coded document keeps its body exactly.
        body = Object.prototype.hasOwnProperty.call(fm.data, 'codes') ? fm.body : plainTextBody(fm.body, { markdown: true, timestamps });
      } else {
        body = plainTextBody(lf, { markdown: true, timestamps });
      }
    } else {
      body = plainTextBody(text, { timestamps });
    }
  }
  if (body.trim() === '') return fail('empty-transcript', 'no transcript text was found in it; is it the right file?');

  const composed = existing ? addToFrontMatter(existing, body, stemCase, options, file, problems) : newDocument(body, stemCase, options);
  if (!composed) return { problems };
  const segment = pathSegment(composed.caseId);
  if (segment === '') {
    return fail('no-case-id', existing && composed.caseId !== stemCase
      ? `its case "${composed.caseId}" cannot name a file; give it a case with letters or digits`
      : 'its file name has no letters or digits to name the case by; rename the file (for example SH07.docx)');
  }
  const waveFolder = options.wave === undefined ? undefined : pathSegment(composed.wave ?? '') || pathSegment(options.wave.trim());
  const target = `${waveFolder !== undefined ? `${waveFolder}/` : ''}${segment}.md`;
  if (new TextEncoder().encode(composed.text).length > MAX_DOCUMENT_BYTES) {
    return fail('unreadable', `it would make a document over ${MAX_DOCUMENT_BYTES / 1024 / 1024} MiB, larger than QualFrame reads; split it`);
  }

  // The document as the corpus loader will read it: anything it would refuse is refused here,
  // before a file is written.
  const read = parseCorpusDocument(target, composed.text);
  if (!read.document) {
    const p = read.problems[0];
    return fail('front-matter', existing
      ? `could not add ${composed.added.join(', ')} to its front matter (${p.message}); add them by hand and import again`
      : `the document would not read back: ${p.message}`, p.line);
  }
  for (const p of read.problems) {
    // A .md's own coding is the researcher's to correct; qualframe validate will show it again.
    if (existing) problems.push(importProblem(file, 'warning', 'invalid-document', `kept as written: ${p.message} (line ${p.line} of the document)`));
    else problems.push(importProblem(file, 'error', 'invalid-document', `the document would not read back cleanly: ${p.message}`));
  }
  if (problems.some((p) => p.severity === 'error')) return { problems };
  return { transcript: { caseId: read.document.caseId, ...(composed.wave !== undefined ? { wave: composed.wave } : {}), target, text: composed.text }, problems };
}

interface ExistingFrontMatter {
  /** The .md with LF line endings. */
  readonly text: string;
  readonly data: { readonly [key: string]: unknown };
  readonly bodyOffset: number;
}

interface Composed {
  readonly caseId: string;
  readonly wave?: string;
  readonly text: string;
  /** Keys added to a .md's own front matter. */
  readonly added: string[];
}

function frontMatterLine(key: string, value: string): string {
  return `${yamlScalar(key)}: ${yamlScalar(value)}\n`;
}

/** New front matter: `case`, then `wave`, then the attributes in the order given. */
function newDocument(body: string, caseId: string, options: ImportOptions): Composed {
  const wave = options.wave?.trim();
  const entries: [string, string][] = [['case', caseId]];
  if (wave !== undefined) entries.push(['wave', wave]);
  for (const [key, value] of Object.entries(options.attributes ?? {})) entries.push([key, value.trim()]);
  return { caseId, ...(wave !== undefined ? { wave } : {}), text: `---\n${entries.map(([k, v]) => frontMatterLine(k, v)).join('')}---\n${body}`, added: [] };
}

/**
 * A .md's own front matter keeps every key and value it has; the missing ones of `case`,
 * `wave` and the attributes are added as new lines right under the opening `---`. A value
 * that differs from the one given is kept, with a warning.
 */
function addToFrontMatter(existing: ExistingFrontMatter, body: string, stemCase: string, options: ImportOptions, file: string, problems: ImportProblem[]): Composed {
  const { data } = existing;
  const has = (key: string) => Object.prototype.hasOwnProperty.call(data, key);
  const textOf = (key: string) => (typeof data[key] === 'string' && (data[key] as string).trim() !== '' ? (data[key] as string).trim() : undefined);
  const additions: [string, string][] = [];
  const wanted: [string, string][] = [
    ...(options.wave !== undefined ? [['wave', options.wave.trim()] as [string, string]] : []),
    ...Object.entries(options.attributes ?? {}).map(([k, v]): [string, string] => [k, v.trim()]),
  ];
  if (!has('case')) additions.push(['case', stemCase]);
  for (const [key, value] of wanted) {
    if (!has(key)) additions.push([key, value]);
    else if (textOf(key) !== value) {
      problems.push(importProblem(file, 'warning', 'kept-value', `kept its own ${key} ${JSON.stringify(data[key])}, not ${JSON.stringify(value)} as given`));
    }
  }
  let front = existing.text.slice(0, existing.bodyOffset);
  if (!front.endsWith('\n')) front += '\n';
  const afterOpening = front.indexOf('\n') + 1;
  const text = front.slice(0, afterOpening) + additions.map(([k, v]) => frontMatterLine(k, v)).join('') + front.slice(afterOpening) + body;
  const wave = textOf('wave') ?? options.wave?.trim();
  return { caseId: textOf('case') ?? stemCase, ...(wave !== undefined ? { wave } : {}), text, added: additions.map(([k]) => k) };
}
