import { parseArgs } from 'node:util';
import { countErrors, formatProblem } from '../core/problems';
import type { CliCommand } from './commands';
import { FORMAT_OPTIONS, loadCorpusAt, resolveFormat, resolveRoot, ROOT_OPTION } from './corpus-options';
import { EXIT_CLEAN, EXIT_FINDINGS } from './io';
import { count } from '../core/text/count';

export const validateCommand: CliCommand = {
  name: 'validate',
  summary: 'load and check the whole corpus; change nothing',
  usage: `Usage: qualframe validate [--root DIR] [--json]

Loads the settings, the codebook and every document, and prints every problem as
path:line:col: error|warning: message (on stderr). Changes nothing.

Options:
  --root DIR      the corpus root (default: nearest folder upward with qualframe.yaml)
  --format text|json, --json
                  json prints {"root", "documents", "errors", "warnings", "problems": [{"file",
                  "line", "column", "severity", "rule", "message"}]} on stdout
  -h, --help      this help

Exit status: 0 no errors (warnings may be printed), 1 errors found, 2 could not run.`,
  async run(args, io) {
    const { values } = parseArgs({ args, options: { ...ROOT_OPTION, ...FORMAT_OPTIONS }, strict: true, allowPositionals: false });
    const format = resolveFormat(values, ['text', 'json'] as const, 'text');
    const root = resolveRoot(io, values.root);
    const { corpus, problems } = await loadCorpusAt(root);
    const errors = countErrors(problems);
    const warnings = problems.length - errors;
    if (format === 'json') {
      io.out(JSON.stringify({ root, documents: corpus.files.length, errors, warnings, problems }, null, 2) + '\n');
    } else {
      for (const p of problems) io.err(formatProblem(p) + '\n');
      const what = `${count(corpus.files.length, 'document')}, ${corpus.codebook.applicable.size} codes`;
      io.out(errors === 0 && warnings === 0
        ? `${what}: no problems\n`
        : `${what}: ${count(errors, 'error')}, ${count(warnings, 'warning')}\n`);
    }
    return errors > 0 ? EXIT_FINDINGS : EXIT_CLEAN;
  },
};
