import type { CliCommand } from './commands';
import { IMPORT_DOCS_SUMMARY, importDocsUsage, runImportDocs } from './import-docs';
import { UsageError } from './io';
import { IMPORT_QDPX_USAGE, runImportQdpx } from './qdpx';

/** `qualframe import docs|qdpx ...`: bringing material into a corpus. */
export const importCommand: CliCommand = {
  name: 'import',
  summary: `${IMPORT_DOCS_SUMMARY}; import qdpx: a REFI-QDA project (NVivo, MAXQDA, ATLAS.ti, QualCoder) as a corpus`,
  usage: `${importDocsUsage}\n\n${IMPORT_QDPX_USAGE}`,
  async run(args, io) {
    const [what, ...rest] = args;
    if (what === 'docs') return runImportDocs(rest, io);
    if (what === 'qdpx') return runImportQdpx(rest, io);
    throw new UsageError('say what to import: import docs FILES... --into DIR, or import qdpx FILE --into DIR');
  },
};
