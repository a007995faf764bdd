import { parseArgs } from 'node:util';
import { computeStats } from '../core/corpus/stats';
import type { CliCommand } from './commands';
import { FORMAT_OPTIONS, loadCorpusAt, resolveFormat, resolveRoot, ROOT_OPTION } from './corpus-options';
import { deliver } from './output';

export const statsCommand: CliCommand = {
  name: 'stats',
  summary: 'count documents, cases (per wave), codes, annotations and orphans',
  usage: `Usage: qualframe stats [--root DIR] [--json]

Counts documents (files matched), cases (distinct case values), cases per value of the
comparison attribute (compare.attribute in qualframe.yaml, default wave), codes (codes, and
themes without codes), annotations and orphans.

Options:
  --root DIR      the corpus root (default: nearest folder upward with qualframe.yaml)
  --format text|json, --json
                  json prints {"documents", "cases", "codes", "annotations", "orphans",
                  "casesByWave": {"<value>": n}} on stdout
  -h, --help      this help

Exit status: 0 counted, corpus clean; 1 counted, but the corpus has errors (run
qualframe validate to see them); 2 could not run.`,
  async run(args, io) {
    const { values } = parseArgs({ args, options: { ...ROOT_OPTION, ...FORMAT_OPTIONS }, strict: true, allowPositionals: false });
    const format = resolveFormat(values, ['text', 'json'] as const, 'text');
    const root = resolveRoot(io, values.root);
    const loaded = await loadCorpusAt(root);
    const { corpus } = loaded;
    const stats = computeStats(corpus);
    let output: string;
    if (format === 'json') {
      output = JSON.stringify(stats, null, 2) + '\n';
    } else {
      const rows: [string, number][] = [
        ['Documents', stats.documents],
        ['Cases', stats.cases],
        ...Object.entries(stats.casesByWave).map(([value, n]): [string, number] => [`  ${corpus.config.compare.attribute} ${value}`, n]),
        ['Codes', stats.codes],
        ['Annotations', stats.annotations],
        ['Orphans', stats.orphans],
      ];
      const width = Math.max(...rows.map(([label]) => label.length));
      output = `Corpus ${root}\n` + rows.map(([label, n]) => `${label.padEnd(width)}  ${String(n).padStart(5)}`).join('\n') + '\n';
    }
    return deliver(io, loaded, output, undefined);
  },
};
