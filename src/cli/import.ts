import type { CliCommand } from './commands';
import { IMPORT_DOCS_SUMMARY, importDocsUsage, runImportDocs } from './import-docs';
import { UsageError } from './io';

/** `qualframe import docs ...`: bringing material into a corpus. */
export const importCommand: CliCommand = {
  name: 'import',
  summary: IMPORT_DOCS_SUMMARY,
  usage: importDocsUsage,
  async run(args, io) {
    const [what, ...rest] = args;
    if (what === 'docs') return runImportDocs(rest, io);
    throw new UsageError(what === 'qdpx'
      ? 'import qdpx is not available in this version yet; available: import docs'
      : 'say what to import: import docs FILES... --into DIR');
  },
};
