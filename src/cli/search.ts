import { parseArgs } from 'node:util';
import { waveOf, wavesOf } from '../core/compare/document-wave';
import type { Codebook } from '../core/corpus/codebook';
import type { CorpusDocument } from '../core/corpus/document';
import type { LoadedCorpus } from '../core/corpus/load-corpus';
import { countErrors } from '../core/problems';
import { parseSearchInput, SearchIndex, type SearchFilters, type SearchHit, type SearchResult } from '../core/search';
import { hitSnippet } from '../core/search/snippet';
import { count } from '../core/text/count';
import { positionAt } from '../core/text/positions';
import type { CliCommand } from './commands';
import { FORMAT_OPTIONS, loadCorpusAt, resolveFormat, resolveRoot, ROOT_OPTION } from './corpus-options';
import { EXIT_CLEAN, EXIT_FINDINGS, UsageError, type CliIo } from './io';

/** Hits printed unless --limit says otherwise: a screenful of text, the best of them. */
export const DEFAULT_SEARCH_LIMIT = 20;
/** Characters of a passage shown on a hit's second line (before the match marks). */
const SNIPPET_WIDTH = 100;

const SEARCH_OPTIONS = {
  ...ROOT_OPTION,
  ...FORMAT_OPTIONS,
  wave: { type: 'string', multiple: true },
  attribute: { type: 'string', multiple: true },
  code: { type: 'string', multiple: true },
  'without-code': { type: 'string', multiple: true },
  uncoded: { type: 'boolean' },
  speaker: { type: 'string', multiple: true },
  'not-speaker': { type: 'string', multiple: true },
  limit: { type: 'string' },
} as const;

export const searchCommand: CliCommand = {
  name: 'search',
  summary: 'full-text search of the passages (paragraphs, speakers\' turns), best first',
  usage: `Usage: qualframe search QUERY [--wave W] [--attribute NAME=VALUE] [--code ID] [--without-code ID] [--uncoded] [--speaker NAME] [--not-speaker NAME] [--limit N|all] [--json] [--root DIR]

Searches the passages of the corpus (its paragraphs; a paragraph beginning "Name:" is a
turn of that speaker) and prints the best first, each as path:line:col of the passage in
the file, its case, wave and speaker, and its words around the first match with the
matches marked **like this**; then how many passages matched.

QUERY is one argument (quote it) or several words: all the words must match, in any order;
"exact phrase" (in the shell: '"cluster leads" funding'), -word or -"phrase" to leave
passages out, word* for a prefix; a word found nowhere matches words a letter or two away.
Filters can be typed in QUERY too: wave:2021 (any attribute), speaker:NAME, -speaker:NAME,
code:ID, -code:ID, is:uncoded. A -word outside the quoted QUERY must come after --:
  qualframe search "locum -money"      qualframe search locum -- -money

Options (filters repeatable: several values of one, any of them; different ones, all):
  --wave W          documents whose comparison attribute (compare.attribute in
                    qualframe.yaml, default wave) is W
  --attribute NAME=VALUE
                    documents whose attribute NAME is VALUE
  --code ID         passages overlapping a segment coded ID (a theme: any of its codes)
  --without-code ID passages overlapping no segment coded ID (a theme: none of its codes)
  --uncoded         passages overlapping no coded segment at all
  --speaker NAME    turns of speaker NAME (ignoring case)
  --not-speaker NAME
                    no turns of speaker NAME (--not-speaker Interviewer)
  --limit N|all     the N best passages (default ${DEFAULT_SEARCH_LIMIT}, text and JSON); the count
                    says how many matched
  --format text|json, --json
                    json prints {"query", "total", "terms", "filters", "notes", "hits":
                    [{"file", "case", "wave", "attributes", "start", "end", "line", "column",
                    "speaker", "text", "score", "codes", "matches"}]} on stdout
  --root DIR        the corpus root (default: nearest folder upward with qualframe.yaml)
  -h, --help        this help

Exit status: 0 passages found; 1 none found; 2 could not run (no QUERY, an unknown option
or code, a bad --limit). A corpus with errors is searched all the same (documents that
cannot be read are left out), with a hint on stderr to run qualframe validate.`,
  async run(args, io) {
    refuseDashWords(args);
    const { values, positionals } = parseArgs({ args, options: SEARCH_OPTIONS, strict: true, allowPositionals: true });
    const format = resolveFormat(values, ['text', 'json'] as const, 'text');
    const input = positionals.join(' ').trim();
    if (input === '') throw new UsageError('give a QUERY: the words to search for');
    const limit = parseLimit(values.limit);
    const attributeOptions = (values.attribute ?? []).map(parseAttribute);
    const root = resolveRoot(io, values.root);
    const loaded = await loadCorpusAt(root);
    const { corpus } = loaded;

    const typed = parseSearchInput(input, attributeNames(corpus.documents));
    if (typed.query === '') throw new UsageError(`"${input}" holds only filters: add the words to search for`);
    const waveAttribute = corpus.config.compare.attribute;
    const filters = mergeFilters(typed.filters, {
      attributes: [...(values.wave ?? []).map((w): [string, string] => [waveAttribute, w]), ...attributeOptions],
      speakers: values.speaker ?? [],
      notSpeakers: values['not-speaker'] ?? [],
      codes: values.code ?? [],
      withoutCodes: values['without-code'] ?? [],
      uncoded: Boolean(values.uncoded),
    });
    checkCodes(corpus.codebook, corpus.config.codebook, [...(filters.codes ?? []), ...(filters.withoutCodes ?? [])]);

    const index = new SearchIndex(corpus.codebook);
    index.sync(corpus.documents);
    warnAboutFilters(io, corpus.documents, index, filters);
    const result = index.search(typed.query, { ...filters, limit });
    const documents = new Map(corpus.documents.map((d) => [d.path, d]));
    const hits = result.hits.map((hit) => describeHit(hit, documents.get(hit.file)!, waveAttribute));

    if (format === 'json') {
      io.out(JSON.stringify({ query: input, total: result.total, terms: result.terms, filters, notes: result.notes, hits }, null, 2) + '\n');
    } else {
      for (const note of result.notes) io.err(`qualframe search: ${note}\n`);
      io.out(renderText(result, hits, index.documentCount, waveAttribute));
    }
    reportCorpusErrors(io, loaded);
    return result.total > 0 ? EXIT_CLEAN : EXIT_FINDINGS;
  },
};

/** A hit as printed: the core's, with its document's wave and its position in the file. */
interface HitOut {
  readonly file: string;
  readonly case: string;
  /** The document's value of the comparison attribute; null when it has none. */
  readonly wave: string | null;
  readonly attributes: Readonly<Record<string, string>>;
  readonly start: number;
  readonly end: number;
  /** 1-based line and column of the passage's start in the file (front matter counted). */
  readonly line: number;
  readonly column: number;
  readonly speaker?: string;
  readonly text: string;
  readonly score: number;
  readonly codes: readonly string[];
  readonly matches: readonly (readonly [number, number])[];
}

function describeHit(hit: SearchHit, document: CorpusDocument, waveAttribute: string): HitOut {
  const at = positionAt(document.body, hit.start);
  return {
    file: hit.file,
    case: hit.case,
    wave: waveOf(document, waveAttribute) ?? null,
    attributes: { ...hit.attributes },
    start: hit.start,
    end: hit.end,
    line: document.bodyLine + at.line - 1,
    column: at.column,
    ...(hit.speaker !== undefined ? { speaker: hit.speaker } : {}),
    text: hit.text,
    score: hit.score,
    codes: hit.codes,
    matches: hit.matches,
  };
}

/**
 * A block per hit, grep-like: `path:line:col  CASE  wave W  [speaker]  codes: ...`, then the
 * passage's words around the first match (`**` around each match), then the count.
 */
function renderText(result: SearchResult, hits: readonly HitOut[], documents: number, waveAttribute: string): string {
  const blocks = hits.map((h, i) => {
    const head = [
      `${h.file}:${h.line}:${h.column}`,
      h.case,
      ...(h.wave !== null ? [`${waveAttribute} ${h.wave}`] : []),
      ...(h.speaker !== undefined ? [`[${h.speaker}]`] : []),
      ...(h.codes.length > 0 ? [`codes: ${h.codes.join(', ')}`] : []),
    ].join('  ');
    return `${head}\n  ${marked(result.hits[i])}\n\n`;
  });
  const searched = `${count(documents, 'document')} searched`;
  const shown = hits.length;
  const summary = result.total === 0
    ? `no passages found; ${searched}`
    : shown < result.total
      ? `${shown} of ${result.total} passages; ${searched}; --limit all shows them all`
      : `${count(result.total, 'passage')}; ${searched}`;
  return blocks.join('') + summary + '\n';
}

/** The hit's one-line snippet with `**` around each match. */
function marked(hit: SearchHit): string {
  const { text, highlights } = hitSnippet(hit, SNIPPET_WIDTH);
  let out = '';
  let at = 0;
  for (const [s, e] of highlights) {
    out += `${text.slice(at, s)}**${text.slice(s, e)}**`;
    at = e;
  }
  return out + text.slice(at);
}

/** `--limit N` (a whole number from 1) or `all`. */
function parseLimit(value: string | undefined): number {
  if (value === undefined) return DEFAULT_SEARCH_LIMIT;
  if (value === 'all') return Number.MAX_SAFE_INTEGER;
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new UsageError(`--limit ${value}: give a whole number from 1, or all`);
  return Number(value);
}

/** `--attribute NAME=VALUE`. */
function parseAttribute(value: string): [string, string] {
  const eq = value.indexOf('=');
  const name = eq === -1 ? '' : value.slice(0, eq).trim();
  if (name === '') throw new UsageError(`--attribute ${value}: write NAME=VALUE (for example --attribute role=GP)`);
  return [name, value.slice(eq + 1).trim()];
}

/**
 * A `-word` outside the quoted QUERY reads as an option and fails with a puzzling message
 * (`Unknown option '-m'`); say how to write it instead. After `--`, anything is QUERY.
 */
function refuseDashWords(args: readonly string[]): void {
  for (const arg of args) {
    if (arg === '--') return;
    if (/^-[^-]/.test(arg) && arg !== '-h') {
      throw new UsageError(`${arg}: to leave a word out, put it inside the quoted QUERY ("locum ${arg}") or after -- (qualframe search locum -- ${arg})`);
    }
  }
}

/** The attribute names of the documents: what `name:value` in QUERY may filter by. */
function attributeNames(documents: readonly CorpusDocument[]): string[] {
  const names = new Set<string>();
  for (const d of documents) for (const k of Object.keys(d.attributes)) names.add(k);
  return [...names].sort();
}

interface OptionFilters {
  readonly attributes: readonly (readonly [string, string])[];
  readonly speakers: readonly string[];
  readonly notSpeakers: readonly string[];
  readonly codes: readonly string[];
  readonly withoutCodes: readonly string[];
  readonly uncoded: boolean;
}

/** The filters typed in QUERY and those given as options, together (values of one filter: any of them). */
function mergeFilters(typed: SearchFilters, options: OptionFilters): SearchFilters {
  const attributes: Record<string, string[]> = Object.create(null);
  for (const [name, values] of Object.entries(typed.attributes ?? {})) attributes[name] = [...values];
  for (const [name, value] of options.attributes) {
    const list = (attributes[name] ??= []);
    if (!list.includes(value)) list.push(value);
  }
  const join = (a: readonly string[] | undefined, b: readonly string[]) => [...new Set([...(a ?? []), ...b])];
  const speakers = join(typed.speakers, options.speakers);
  const notSpeakers = join(typed.notSpeakers, options.notSpeakers);
  const codes = join(typed.codes, options.codes);
  const withoutCodes = join(typed.withoutCodes, options.withoutCodes);
  return {
    // A plain object, so that the JSON output shows it like any other.
    ...(Object.keys(attributes).length > 0 ? { attributes: { ...attributes } } : {}),
    ...(speakers.length > 0 ? { speakers } : {}),
    ...(notSpeakers.length > 0 ? { notSpeakers } : {}),
    ...(codes.length > 0 ? { codes } : {}),
    ...(withoutCodes.length > 0 ? { withoutCodes } : {}),
    ...(typed.uncoded || options.uncoded ? { uncoded: true } : {}),
  };
}

/** Codes and themes the codebook does not have are refused: a typo would otherwise find nothing, or everything. */
function checkCodes(codebook: Codebook, codebookFile: string, ids: readonly string[]): void {
  const unknown = [...new Set(ids)].filter((id) => !codebook.applicable.has(id) && !codebook.themeById.has(id));
  if (unknown.length === 0) return;
  const names = unknown.map((id) => `"${id}"`).join(', ');
  throw new UsageError(`unknown code${unknown.length === 1 ? '' : 's'} ${names}: not a code or theme id in ${codebookFile}; check the id there, or run qualframe validate`);
}

/** Warns (stderr) about filter values no document or turn has: most likely a typo. */
function warnAboutFilters(io: CliIo, documents: readonly CorpusDocument[], index: SearchIndex, filters: SearchFilters): void {
  for (const [name, values] of Object.entries(filters.attributes ?? {})) {
    const found = wavesOf(documents, name);
    for (const value of values) {
      if (found.includes(value.trim())) continue;
      const listed = found.length === 0 ? `no document has a ${name} attribute` : `values found: ${found.map((v) => `"${v}"`).join(', ')}`;
      io.err(`qualframe search: warning: no document has ${name} "${value}" (${listed})\n`);
    }
  }
  const speakers = new Set(index.speakers().map((s) => s.name.toLowerCase()));
  for (const name of [...(filters.speakers ?? []), ...(filters.notSpeakers ?? [])]) {
    if (!speakers.has(name.trim().toLowerCase())) io.err(`qualframe search: warning: no passage is a turn of speaker "${name}"\n`);
  }
}

/** The search ran; errors in the corpus are pointed out, as the other commands do, without changing the exit status. */
function reportCorpusErrors(io: CliIo, loaded: LoadedCorpus): void {
  const errors = countErrors(loaded.problems);
  if (errors === 0) return;
  const unread = loaded.corpus.files.length - loaded.corpus.documents.length;
  const left = unread > 0 ? ` (${count(unread, 'document')} could not be read and ${unread === 1 ? 'was' : 'were'} not searched)` : '';
  io.err(`${count(errors, 'error')} in the corpus${left}; run qualframe validate to see ${errors === 1 ? 'it' : 'them'}\n`);
}
