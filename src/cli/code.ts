import { parseArgs } from 'node:util';
import { findQuote, newAnnotationEntry, newAnnotationId } from '../core/coding/new-annotation';
import { refreshAnchors, type AnchorRefresh } from '../core/coding/refresh-anchors';
import { parseCorpusDocument } from '../core/corpus/document';
import { addAnnotation, FrontMatterEditError, removeAnnotation } from '../core/frontmatter/edit-front-matter';
import { formatProblem, problem } from '../core/problems';
import { positionAt } from '../core/text/positions';
import { ChangedOnDiskError } from '../node/atomic-write';
import { editDocumentFile } from '../node/document-writer';
import type { CliCommand } from './commands';
import { resolveRoot, ROOT_OPTION } from './corpus-options';
import { loadCodebookFor, resolveDocument } from './document-options';
import { EXIT_CLEAN, EXIT_FINDINGS, UsageError } from './io';
import { count } from '../core/text/count';

/** An edit refused for a reason in the corpus (exit 1), as opposed to bad arguments (exit 2). */
export class RefusedEdit extends Error {}

export const codeCommand: CliCommand = {
  name: 'code',
  summary: 'add one annotation to a document, by the exact text it covers',
  usage: `Usage: qualframe code FILE --code ID --quote TEXT [--occurrence N] [--by NAME] [--memo TEXT] [--illustrative] [--root DIR]

Adds one annotation to FILE covering the exact text TEXT (line breaks in TEXT match the
document's, CRLF or LF) with code ID from the codebook, and prints the new annotation's id.
Only the new entry's lines are added to the front matter; nothing else in the file changes.

Options:
  --code ID         a code (or a theme without codes) from the codebook
  --quote TEXT      the exact text to code
  --occurrence N    which occurrence of TEXT, counted from 1, when it occurs more than once
  --by NAME         who coded it
  --memo TEXT       a memo on the segment
  --illustrative    mark the quote as chosen for publication
  --root DIR        the corpus root (default: nearest folder upward with qualframe.yaml)
  -h, --help        this help

Exit status: 0 added; 1 refused (unknown code, quote not found or ambiguous without
--occurrence, a document that cannot be read, a file changed meanwhile), nothing written;
2 could not run.`,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      options: {
        ...ROOT_OPTION,
        code: { type: 'string' },
        quote: { type: 'string' },
        occurrence: { type: 'string' },
        by: { type: 'string' },
        memo: { type: 'string' },
        illustrative: { type: 'boolean' },
      },
      strict: true,
      allowPositionals: true,
    });
    if (positionals.length > 1) throw new UsageError('code takes one FILE');
    if (!values.code) throw new UsageError('--code ID is required');
    if (!values.quote) throw new UsageError('--quote TEXT is required');
    const occurrence = values.occurrence === undefined ? undefined : Number(values.occurrence);
    if (occurrence !== undefined && !(Number.isInteger(occurrence) && occurrence >= 1)) throw new UsageError('--occurrence must be a whole number from 1');
    const root = resolveRoot(io, values.root);
    const file = resolveDocument(io, root, positionals[0]);
    const codebook = await loadCodebookFor(root);
    const code = values.code;
    if (!codebook.applicable.has(code)) {
      const hint = codebook.themeById.has(code) ? `"${code}" is a theme with codes; use one of its codes` : 'add it to the codebook first';
      return refuse(io, formatProblem(problem(file.relative, { line: 1, column: 1 }, 'error', 'unknown-code', `unknown code "${code}": ${hint}`)));
    }
    let added: { id: string; start: number; line: number } | undefined;
    let refreshed: AnchorRefresh[] = [];
    try {
      await editDocumentFile(file.absolute, (original) => {
        ({ text: original, refreshed } = refreshAnchors(file.relative, original));
        const text = original;
        const { document, problems } = parseCorpusDocument(file.relative, text);
        if (!document) throw new RefusedEdit(problems.map(formatProblem).join('\n'));
        const found = findQuote(document.body, values.quote!, occurrence);
        if (!found.ok) throw new RefusedEdit(describeMiss(file.relative, found, document.body, document.bodyLine, occurrence));
        const id = newAnnotationId(new Set(document.annotations.map((a) => a.id)));
        const entry = newAnnotationEntry(document.body, { start: found.start, quote: values.quote! }, {
          id, code, by: values.by, memo: values.memo, illustrative: values.illustrative,
        });
        added = { id, start: found.start, line: document.bodyLine + positionAt(document.body, found.start).line - 1 };
        return addAnnotation(text, entry);
      });
    } catch (e) {
      return refuseOrThrow(io, file.relative, e);
    }
    reportRefreshed(io, file.relative, refreshed);
    io.out(`${added!.id}\n`);
    io.err(`coded ${file.relative}:${added!.line} as ${code} (id ${added!.id}, offset ${added!.start})\n`);
    return EXIT_CLEAN;
  },
};

export const uncodeCommand: CliCommand = {
  name: 'uncode',
  summary: 'remove one annotation from a document',
  usage: `Usage: qualframe uncode FILE --id ID [--root DIR]

Removes annotation ID from FILE: only that entry's lines are removed.

Exit status: 0 removed; 1 no such annotation, or the file changed meanwhile (nothing written);
2 could not run.`,
  async run(args, io) {
    const { values, positionals } = parseArgs({ args, options: { ...ROOT_OPTION, id: { type: 'string' } }, strict: true, allowPositionals: true });
    if (positionals.length > 1) throw new UsageError('uncode takes one FILE');
    if (!values.id) throw new UsageError('--id ID is required');
    const root = resolveRoot(io, values.root);
    const file = resolveDocument(io, root, positionals[0]);
    let refreshed: AnchorRefresh[] = [];
    try {
      await editDocumentFile(file.absolute, (original) => {
        const { document, problems } = parseCorpusDocument(file.relative, original);
        if (!document) throw new RefusedEdit(problems.map(formatProblem).join('\n'));
        const fresh = refreshAnchors(file.relative, original);
        refreshed = fresh.refreshed;
        return removeAnnotation(fresh.text, values.id!);
      });
    } catch (e) {
      return refuseOrThrow(io, file.relative, e);
    }
    reportRefreshed(io, file.relative, refreshed);
    io.err(`removed annotation ${values.id} from ${file.relative}\n`);
    return EXIT_CLEAN;
  },
};

function refuse(io: { err(t: string): void }, message: string): number {
  io.err(`${message}\nnothing was written\n`);
  return EXIT_FINDINGS;
}

/** Refusals (the corpus says no) exit 1 with a located message; anything else is a failure to run. */
function refuseOrThrow(io: { err(t: string): void }, file: string, e: unknown): number {
  if (e instanceof RefusedEdit) return refuse(io, e.message);
  if (e instanceof FrontMatterEditError) return refuse(io, `${file}:1:1: error: ${e.message}`);
  if (e instanceof ChangedOnDiskError) return refuse(io, `${file}:1:1: error: ${e.message}`);
  throw e;
}

function describeMiss(file: string, found: { reason: string; occurrences: readonly number[] }, body: string, bodyLine: number, occurrence?: number): string {
  const where = (offset: number) => {
    const at = positionAt(body, offset);
    return { line: bodyLine + at.line - 1, column: at.column };
  };
  const first = found.occurrences.length > 0 ? where(found.occurrences[0]) : { line: bodyLine, column: 1 };
  const message = found.reason === 'not-found'
    ? 'the quote is not in the document; copy it exactly (spaces and punctuation included)'
    : found.reason === 'no-such-occurrence'
      ? `--occurrence ${occurrence}, but the quote occurs ${count(found.occurrences.length, 'time')}`
      : `the quote occurs ${found.occurrences.length} times (${linesList(found.occurrences.map((o) => where(o).line))}); choose one with --occurrence 1..${found.occurrences.length}`;
  return `${file}:${first.line}:${first.column}: error: ${message}`;
}

function linesList(lines: readonly number[]): string {
  const unique = [...new Set(lines)];
  const shown = unique.slice(0, 10).join(', ');
  return `line${unique.length === 1 ? '' : 's'} ${shown}${unique.length > 10 ? `, and ${unique.length - 10} more lines` : ''}`;
}

/** Says which stored positions and quotes a write brought up to date, so a diff never surprises. */
function reportRefreshed(io: { err(t: string): void }, file: string, refreshed: readonly AnchorRefresh[]): void {
  for (const r of refreshed) {
    io.err(r.kind === 'moved'
      ? `updated ${file}: annotation ${r.id} moved from ${r.from.start} to ${r.to.start}\n`
      : `updated ${file}: annotation ${r.id} re-worded to ${JSON.stringify(r.to.quote)}\n`);
  }
}
