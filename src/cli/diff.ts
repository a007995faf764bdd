import { parseArgs } from 'node:util';
import type { LoadedCorpus } from '../core/corpus/load-corpus';
import {
  CODING_CHANGE_KINDS,
  countCodingChanges,
  diffCoding,
  uncomparedFiles,
  type AnnotationChange,
  type CodebookChange,
  type CodingChange,
  type SummaryChange,
} from '../core/review/coding-diff';
import { count } from '../core/text/count';
import { GitError } from '../node/git/git';
import { loadCorpusAt } from '../node/git/revision-corpus';
import type { CliCommand } from './commands';
import { FORMAT_OPTIONS, resolveFormat, resolveRoot, ROOT_OPTION } from './corpus-options';
import { EXIT_CLEAN, EXIT_FINDINGS, UsageError, type CliIo } from './io';

/** Characters of a quote or summary shown on a line of the text output. */
const SHOWN_TEXT = 60;

interface Revision {
  readonly loaded: LoadedCorpus;
  readonly label: string;
  readonly commit?: string;
}

export const diffCommand: CliCommand = {
  name: 'diff',
  summary: 'the coding changes between two git revisions (REF_B: the working tree by default)',
  usage: `Usage: qualframe diff REF_A [REF_B] [--json] [--root DIR]

The coding changes between two git revisions of the corpus: REF_A and REF_B are commits,
branches, tags or HEAD~2; without REF_B, the working tree (the files as they are on disk).
Annotations added, removed, recoded (same id, another code), moved (anchored in another
passage; text inserted before an annotation moves nothing), re-worded (the text it covers
changed); summaries written, rewritten or deleted; codebook changes (themes and codes added,
removed, renamed, moved between themes, definitions and colours changed). Annotations are
matched by id, then by the text they cover and the nearest position.

Text output, a block per file (the codebook, documents), one line per change:
  + [code] ID line N "quote"                       added
  - [code] ID line N "quote"                       removed
  ~ [code] ID line N recoded OLD -> NEW "quote"
  ~ [code] ID line N reworded "old" -> "new"
  > [code] ID moved from line N to line M "quote"
  + / ~ / - summary CASE / THEME: "text"
  + / - / ~ / > code ID ...                        codebook entries
then a count per kind. Lines are the file's, in the revision the change is seen in.

Options:
  --format text|json, --json
                  json prints {"from", "to", "fromCommit", "toCommit", "counts", "changes":
                  [{"kind", "file", "id", "code", "fromCode", "quote", ...}],
                  "uncomparedFiles"} on stdout
  --root DIR      the corpus root (default: nearest folder upward with qualframe.yaml)
  -h, --help      this help

Exit status: 0 no coding changes; 1 changes found; 2 could not run (a ref that is not a
commit of the repository, a corpus outside a git repository, bad arguments).`,
  async run(args, io) {
    const { values, positionals } = parseArgs({ args, options: { ...ROOT_OPTION, ...FORMAT_OPTIONS }, strict: true, allowPositionals: true });
    const format = resolveFormat(values, ['text', 'json'] as const, 'text');
    if (positionals.length === 0) throw new UsageError('give REF_A, the revision to compare from (a commit, branch or tag)');
    if (positionals.length > 2) throw new UsageError(`give at most two revisions, REF_A and REF_B (got ${positionals.length}: ${positionals.join(' ')})`);
    const [refA, refB] = positionals;
    const root = resolveRoot(io, values.root);
    const from = await revision(root, refA);
    const to = await revision(root, refB);
    const changes = diffCoding(from.loaded.corpus, to.loaded.corpus);
    const uncompared = uncomparedFiles(from.loaded.corpus, to.loaded.corpus);
    for (const r of [from, to]) warnIfNoCorpus(io, r);
    for (const file of uncompared) {
      const where = [from, to].filter((r) => !r.loaded.corpus.documents.some((d) => d.path === file)).map((r) => r.label);
      io.err(`${file}: warning: could not be read at ${where.join(' and ')}; its coding was not compared (run qualframe validate there)\n`);
    }
    if (format === 'json') {
      const json = {
        from: from.label,
        to: to.label,
        fromCommit: from.commit ?? null,
        toCommit: to.commit ?? null,
        counts: countCodingChanges(changes),
        changes,
        uncomparedFiles: uncompared,
      };
      io.out(JSON.stringify(json, null, 2) + '\n');
    } else {
      io.out(renderText(from, to, changes));
    }
    return changes.length > 0 ? EXIT_FINDINGS : EXIT_CLEAN;
  },
};

/** The corpus at a revision; a ref git cannot resolve to a commit is a usage error naming it. */
async function revision(root: string, ref: string | undefined): Promise<Revision> {
  try {
    return await loadCorpusAt(root, ref);
  } catch (e) {
    if (e instanceof GitError) throw new UsageError(e.message);
    throw new UsageError(`cannot read the corpus at ${root}${ref === undefined ? '' : ` in ${ref}`}: ${(e as Error).message}`);
  }
}

/**
 * A revision without the corpus (before it was added, say) makes every annotation new, and a
 * codebook that cannot be read every code: say so.
 */
function warnIfNoCorpus(io: CliIo, r: Revision): void {
  const { corpus, problems } = r.loaded;
  const codebookErrors = problems.filter((p) => p.file === corpus.config.codebook && p.severity === 'error');
  if (corpus.files.length === 0 && codebookErrors.some((p) => p.rule === 'missing-file')) {
    io.err(`warning: the corpus has no codebook and no documents at ${r.label}\n`);
  } else if (codebookErrors.length > 0) {
    io.err(`${corpus.config.codebook}: warning: the codebook has errors at ${r.label}, so its changes may be misreported (run qualframe validate there)\n`);
  }
}

export function renderText(from: Revision, to: Revision, changes: readonly CodingChange[]): string {
  const name = (r: Revision) => (r.commit ? `${r.label} (${r.commit.slice(0, 7)})` : r.label);
  const out: string[] = [`Coding changes from ${name(from)} to ${name(to)}`];
  let file: string | undefined;
  for (const c of changes) {
    if (c.file !== file) {
      file = c.file;
      out.push('', file);
    }
    out.push(`  ${describe(c)}`);
  }
  if (changes.length > 0) out.push('');
  out.push(countLine(changes));
  return out.join('\n') + '\n';
}

function countLine(changes: readonly CodingChange[]): string {
  if (changes.length === 0) return 'no coding changes';
  const counts = countCodingChanges(changes);
  const parts = CODING_CHANGE_KINDS.filter((k) => counts[k] > 0).map((k) => `${counts[k]} ${k}`);
  return `${count(changes.length, 'change')}: ${parts.join(', ')}`;
}

function describe(c: CodingChange): string {
  switch (c.kind) {
    case 'summary':
      return describeSummary(c);
    case 'codebook':
      return describeCodebook(c);
    default:
      return describeAnnotation(c);
  }
}

function describeAnnotation(c: AnnotationChange): string {
  const head = `[${c.code}] ${c.id}`;
  const orphan = c.anchored ? '' : ' (orphaned)';
  const renamed = c.fromId !== undefined ? ` (was ${c.fromId})` : '';
  switch (c.kind) {
    case 'added':
      return `+ ${head} line ${c.line} ${shown(c.quote)}${orphan}`;
    case 'removed':
      return `- ${head} line ${c.fromLine} ${shown(c.quote)}${orphan}`;
    case 'recoded':
      return `~ ${head}${renamed} line ${c.line} recoded ${c.fromCode} -> ${c.code} ${shown(c.quote)}${orphan}`;
    case 'reworded':
      return `~ ${head}${renamed} line ${c.line} reworded ${shown(c.fromQuote ?? '')} -> ${shown(c.quote)}${orphan}`;
    case 'moved':
      return `> ${head}${renamed} moved from line ${c.fromLine} to line ${c.line} ${shown(c.quote)}${orphan}`;
  }
}

function describeSummary(c: SummaryChange): string {
  const head = `summary ${c.case} / ${c.theme}:`;
  const moved = c.fromFile !== undefined ? ` (was in ${c.fromFile})` : '';
  switch (c.change) {
    case 'added':
      return `+ ${head} ${shown(c.text ?? '')}`;
    case 'removed':
      return `- ${head} ${shown(c.fromText ?? '')}`;
    case 'changed':
      return `~ ${head} ${shown(c.fromText ?? '')} -> ${shown(c.text ?? '')}${moved}`;
  }
}

function describeCodebook(c: CodebookChange): string {
  const head = `${c.entry} ${c.id}`;
  const theme = c.entry === 'code' && c.theme !== undefined ? ` (theme ${c.theme})` : '';
  switch (c.change) {
    case 'added':
      return `+ ${head}${theme} ${shown(c.name)}`;
    case 'removed':
      return `- ${head}${theme} ${shown(c.name)}`;
    case 'renamed':
      if (c.fromId === undefined) return `~ ${head} renamed ${shown(c.fromName ?? '')} -> ${shown(c.name)}`;
      return c.fromName === c.name
        ? `~ ${head} renamed from ${c.fromId} (${shown(c.name)})`
        : `~ ${head} renamed from ${c.fromId}: ${shown(c.fromName ?? '')} -> ${shown(c.name)}`;
    case 'moved':
      return `> ${head} moved from theme ${c.fromTheme} to theme ${c.theme}`;
    case 'definition':
      return `~ ${head} definition changed: ${(c.fields ?? []).join(', ')}`;
    case 'colour':
      return `~ ${head} colour ${c.fromColor ?? 'none'} -> ${c.color ?? 'none'}`;
  }
}

/** A quote or summary on one line, in quotation marks, cut to a readable length. */
function shown(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = [...flat];
  return `"${chars.length > SHOWN_TEXT ? chars.slice(0, SHOWN_TEXT - 1).join('').trimEnd() + '…' : flat}"`;
}
