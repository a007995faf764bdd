import { existsSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { QdpxError } from '../core/exchange/refi-project';
import { countErrors, formatProblem } from '../core/problems';
import { count } from '../core/text/count';
import { exportQdpxFile, ImportClashError, importQdpxFile } from '../node/exchange/qdpx';
import { resolveRoot, ROOT_OPTION } from './corpus-options';
import { EXIT_CANNOT_RUN, EXIT_CLEAN, EXIT_FINDINGS, UsageError, type CliIo } from './io';

export const EXPORT_QDPX_USAGE = `Usage: qualframe export qdpx --out FILE [--root DIR]

Writes the corpus as a REFI-QDA project (.qdpx), the exchange format of NVivo, MAXQDA,
ATLAS.ti and QualCoder: themes and codes as the code tree, case attributes as variables,
cases with their documents, each document's text (without front matter) as a source with
its annotations as coded selections (positions in Unicode characters), memos and summaries
as notes. The same corpus always gives the same file, so two exports diff cleanly.
Orphaned annotations cannot be placed and are left out, each named on stderr. What the
format cannot hold is listed in docs/refi-qda.md.

Options:
  --out FILE      where to write the .qdpx (required; written atomically)
  --root DIR      the corpus root (default: nearest folder upward with qualframe.yaml)
  -h, --help      this help

Exit status: 0 done; 1 done, but the corpus has errors (see qualframe validate); 2 could
not run.`;

export const IMPORT_QDPX_USAGE = `Usage: qualframe import qdpx FILE --into DIR

Makes a new corpus in DIR (created if missing) from the REFI-QDA project FILE (.qdpx):
one Markdown document per text source, with its case, attributes, coded passages, memo and
summaries in the front matter; codebook.yaml from the code tree (a code with children is a
theme; a top-level code without children is a theme applied as a code); qualframe.yaml; notes
that belong to nothing else as memos under memos/imported/. Never overwrites: if any of those
files exists, nothing is written. What could not be carried over is listed on stderr.

Options:
  --into DIR      the folder of the new corpus (required)
  -h, --help      this help

Exit status: 0 imported; 1 refused because files would be overwritten (nothing written), or
imported but the new corpus has errors (see qualframe validate); 2 could not run (bad
arguments, a file that is not a readable REFI-QDA project; nothing written).`;

/** `qualframe export qdpx ARGS` (ARGS: what follows `export qdpx`). */
export async function runExportQdpx(args: string[], io: CliIo): Promise<number> {
  return guarded('export qdpx', EXPORT_QDPX_USAGE, io, async () => {
    if (wantsHelp(args)) {
      io.out(`${EXPORT_QDPX_USAGE}\n`);
      return EXIT_CLEAN;
    }
    const { values } = parseArgs({ args, options: { ...ROOT_OPTION, out: { type: 'string' } }, strict: true, allowPositionals: false });
    if (!values.out) throw new UsageError('--out FILE is required');
    const root = resolveRoot(io, values.root);
    const out = path.resolve(io.cwd, values.out);
    if (existsSync(out) && statSync(out).isDirectory()) throw new UsageError(`--out ${values.out} is a folder; name the .qdpx file to write`);
    let result;
    try {
      result = await exportQdpxFile(root, out);
    } catch (e) {
      throw new UsageError(`cannot export ${root} to ${values.out}: ${(e as Error).message}`);
    }
    for (const o of result.omitted) io.err(`${o.file}: warning: ${o.reason}; left out of the export\n`);
    const { documents, annotations, codes, cases } = result.counts;
    io.err(`wrote ${result.file}: ${count(documents, 'document')}, ${count(cases, 'case')}, ${count(codes, 'code')}, ${count(annotations, 'annotation')}\n`);
    const errors = countErrors(result.problems);
    if (errors > 0) io.err(`${count(errors, 'error')} in the corpus; run qualframe validate to see ${errors === 1 ? 'it' : 'them'}\n`);
    return errors > 0 ? EXIT_FINDINGS : EXIT_CLEAN;
  });
}

/** `qualframe import qdpx ARGS` (ARGS: what follows `import qdpx`). */
export async function runImportQdpx(args: string[], io: CliIo): Promise<number> {
  return guarded('import qdpx', IMPORT_QDPX_USAGE, io, async () => {
    if (wantsHelp(args)) {
      io.out(`${IMPORT_QDPX_USAGE}\n`);
      return EXIT_CLEAN;
    }
    const { values, positionals } = parseArgs({ args, options: { into: { type: 'string' } }, strict: true, allowPositionals: true });
    if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'name the .qdpx FILE to import' : 'import qdpx takes one FILE');
    if (!values.into) throw new UsageError('--into DIR is required: the folder of the new corpus');
    const file = path.resolve(io.cwd, positionals[0]);
    if (!existsSync(file) || !statSync(file).isFile()) throw new UsageError(`${positionals[0]}: no such file`);
    const into = path.resolve(io.cwd, values.into);
    if (existsSync(into) && !statSync(into).isDirectory()) throw new UsageError(`--into ${values.into} is a file, not a folder`);
    let result;
    try {
      result = await importQdpxFile(file, into);
    } catch (e) {
      if (e instanceof ImportClashError) {
        io.err(`qualframe import qdpx: ${e.message}\n`);
        return EXIT_FINDINGS;
      }
      if (e instanceof QdpxError) throw new UsageError(`${e.message}; nothing was written`);
      throw new UsageError(`cannot import ${positionals[0]} into ${values.into}: ${(e as Error).message}`);
    }
    for (const w of result.warnings) io.err(`warning: ${w}\n`);
    const { documents, annotations, codes, cases, memos } = result.counts;
    io.out(`imported ${positionals[0]} into ${result.root}: ${count(documents, 'document')}, ${count(cases, 'case')}, ${count(codes, 'code')}, ${count(annotations, 'annotation')}${memos > 0 ? `, ${count(memos, 'memo')}` : ''} (${count(result.written.length, 'file')} written)\n`);
    const errors = result.problems.filter((p) => p.severity === 'error');
    for (const p of errors) io.err(`${formatProblem(p)}\n`);
    return errors.length > 0 ? EXIT_FINDINGS : EXIT_CLEAN;
  });
}

function wantsHelp(args: readonly string[]): boolean {
  return args.includes('--help') || args.includes('-h');
}

/** Bad arguments and unreadable input end here as exit 2, with the command's usage line, as runCli reports them. */
async function guarded(name: string, usage: string, io: CliIo, run: () => Promise<number>): Promise<number> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof UsageError || isParseArgsError(e)) {
      io.err(`qualframe ${name}: ${(e as Error).message}\n${usage.split('\n')[0]}\n`);
      return EXIT_CANNOT_RUN;
    }
    io.err(`qualframe ${name}: unexpected failure: ${(e as Error).stack ?? e}\n`);
    return EXIT_CANNOT_RUN;
  }
}

function isParseArgsError(e: unknown): boolean {
  return typeof (e as { code?: unknown })?.code === 'string' && (e as { code: string }).code.startsWith('ERR_PARSE_ARGS');
}
