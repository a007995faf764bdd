import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { CONFIG_FILE } from '../core/corpus/config';
import { listDocuments, loadCorpusSettings } from '../core/corpus/load-corpus';
import { formatImportProblem, type ImportProblem } from '../core/import/import-problem';
import { count } from '../core/text/count';
import { findCorpusRoot, toRootRelative } from '../node/find-root';
import { importOptionsProblem, planImport, writeImportPlan, type ImportOptions } from '../node/import/import-transcripts';
import { NodeCorpusFiles } from '../node/node-corpus-files';
import { resolveRoot } from './corpus-options';
import { EXIT_CANNOT_RUN, EXIT_CLEAN, UsageError, type CliIo } from './io';

export const IMPORT_DOCS_SUMMARY = 'import docs: transcripts (.docx, .txt, .md, .vtt, .srt) as corpus documents; never overwrites';

export const importDocsUsage = `Usage: qualframe import docs FILES... --into DIR [--wave W] [--attribute KEY=VALUE ...] [--timestamps drop|keep] [--dry-run] [--root DIR]

Turns transcripts into corpus documents: one Markdown file per transcript, DIR/CASE.md, or
DIR/W/CASE.md with --wave. The case is the file name without its extension (spaces and
symbols become "-": "SH07 interview.docx" is case SH07-interview); the case, the wave and
the attributes go in the front matter, and each speaker turn ("P3: ...") is one paragraph.
Subtitles (.vtt, .srt) become turns: consecutive cues of one speaker join into one. A .md
that has front matter keeps it; only missing keys are added.

All or nothing, and never overwrites: when a file cannot be read or converted, or any target
is already there, nothing is written and each one is listed.

Options:
  --into DIR              the folder to write into (created if missing)
  --wave W                the wave of every transcript: wave: W, and the documents go in DIR/W/
  --attribute KEY=VALUE   another attribute for every transcript (repeatable), e.g. role=GP
  --timestamps drop|keep  subtitle cue times: drop them (default), or keep each turn's start
                          as "P3: [00:01:23] ..."
  --dry-run               list what would be written; write nothing
  --root DIR              the corpus the documents join (default: the nearest folder upward
                          from DIR with qualframe.yaml), to check its documents patterns match them
  -h, --help              this help

Exit status: 0 written (with --dry-run: all could be written); 2 nothing written (bad
arguments, a transcript that cannot be read or converted, a target that is already there).`;

/**
 * `qualframe import docs`. `args` are those after `import docs`. Resolves to the exit status;
 * bad arguments are reported here (usage line, exit 2) rather than thrown.
 */
export async function runImportDocs(args: string[], io: CliIo): Promise<number> {
  try {
    return await importDocs(args, io);
  } catch (e) {
    if (e instanceof UsageError || isParseArgsError(e)) {
      io.err(`qualframe import docs: ${(e as Error).message}\n${importDocsUsage.split('\n')[0]}\n`);
      return EXIT_CANNOT_RUN;
    }
    throw e;
  }
}

async function importDocs(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      into: { type: 'string' },
      wave: { type: 'string' },
      attribute: { type: 'string', multiple: true },
      timestamps: { type: 'string' },
      'dry-run': { type: 'boolean' },
      root: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: true,
  });
  if (values.help) {
    io.out(`${importDocsUsage}\n`);
    return EXIT_CLEAN;
  }
  if (positionals.length === 0) throw new UsageError('name the transcripts to import (FILES...)');
  if (values.into === undefined || values.into.trim() === '') throw new UsageError('--into DIR is required: the folder the documents go into');
  const into = path.resolve(io.cwd, values.into);
  const options = importOptions(values);
  const root = values.root !== undefined ? resolveRoot(io, values.root) : undefined;
  if (root !== undefined && toRootRelative(root, into).startsWith('..')) throw new UsageError(`--into ${values.into} is not under the corpus root ${root}`);

  const shown = (file: string) => path.relative(io.cwd, file) || '.';
  const files = positionals.map((f) => path.resolve(io.cwd, f));
  const plan = await planImport(files, into, options);
  const report = (problems: readonly ImportProblem[]) => {
    for (const p of problems) io.err(`${formatImportProblem(p, shown(p.file))}\n`);
  };
  if (!plan.ready) {
    report(plan.problems);
    io.err('nothing was written\n');
    return EXIT_CANNOT_RUN;
  }
  const describe = (d: (typeof plan.documents)[number]) => `${shown(d.target)} (case ${d.caseId}${d.wave !== undefined ? `, wave ${d.wave}` : ''}) from ${shown(d.source)}`;
  if (values['dry-run']) {
    report(plan.problems);
    for (const d of plan.documents) io.out(`would write ${describe(d)}\n`);
    io.out(`${count(plan.documents.length, 'document')} would be written; nothing was written (--dry-run)\n`);
    return EXIT_CLEAN;
  }
  const result = await writeImportPlan(plan);
  report(result.problems);
  for (const d of plan.documents) if (result.written.includes(d.target)) io.out(`wrote ${describe(d)}\n`);
  if (result.written.length < plan.documents.length) {
    io.err(result.written.length === 0 ? 'nothing was written\n' : `${count(result.written.length, 'document')} written before the import stopped\n`);
    return EXIT_CANNOT_RUN;
  }
  io.out(`imported ${count(result.written.length, 'transcript')} into ${shown(into)}\n`);
  await adviseOnCorpus(io, root ?? findCorpusRoot(into), result.written, shown);
  return EXIT_CLEAN;
}

/** `--wave`, `--attribute KEY=VALUE ...`, `--timestamps`, checked as the core checks them. */
function importOptions(values: { wave?: string; attribute?: string[]; timestamps?: string }): ImportOptions {
  const attributes: Record<string, string> = Object.create(null);
  for (const pair of values.attribute ?? []) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new UsageError(`--attribute ${pair}: write it as KEY=VALUE (for example role=GP)`);
    const key = pair.slice(0, eq).trim();
    if (Object.prototype.hasOwnProperty.call(attributes, key)) throw new UsageError(`--attribute ${key} is given twice`);
    attributes[key] = pair.slice(eq + 1);
  }
  const timestamps = values.timestamps;
  if (timestamps !== undefined && timestamps !== 'drop' && timestamps !== 'keep') throw new UsageError(`--timestamps ${timestamps}: choose drop or keep`);
  const options: ImportOptions = {
    ...(values.wave !== undefined ? { wave: values.wave } : {}),
    ...(Object.keys(attributes).length > 0 ? { attributes } : {}),
    ...(timestamps !== undefined ? { timestamps } : {}),
  };
  const problem = importOptionsProblem(options);
  if (problem !== undefined) throw new UsageError(problem);
  return options;
}

/**
 * Says when the new documents will not be part of a corpus yet: no qualframe.yaml at or
 * above them, or `documents` patterns that do not match them. Advice only (stderr): the
 * import itself succeeded.
 */
async function adviseOnCorpus(io: CliIo, root: string, written: readonly string[], shown: (file: string) => string): Promise<void> {
  if (!existsSync(path.join(root, CONFIG_FILE))) {
    io.err(`no ${CONFIG_FILE} at or above ${shown(path.dirname(written[0]))}: run qualframe init on the study's folder to make it a corpus\n`);
    return;
  }
  const files = new NodeCorpusFiles(root);
  const { config } = await loadCorpusSettings(files);
  const documents = new Set((await listDocuments(files, config)).map((e) => e.path));
  const outside = written.filter((w) => !documents.has(toRootRelative(root, w)));
  if (outside.length > 0) {
    io.err(`${count(outside.length, 'document')} not matched by "documents" in ${shown(path.join(root, CONFIG_FILE))}, so not read as part of the corpus: ${outside.map(shown).join(', ')}\n`);
  }
}

function isParseArgsError(e: unknown): boolean {
  return typeof (e as { code?: unknown })?.code === 'string' && (e as { code: string }).code.startsWith('ERR_PARSE_ARGS');
}
