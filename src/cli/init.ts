import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { initCorpus } from '../node/init-corpus';
import type { CliCommand } from './commands';
import { ROOT_OPTION } from './corpus-options';
import { EXIT_CLEAN, UsageError } from './io';

export const initCommand: CliCommand = {
  name: 'init',
  summary: 'make a folder a corpus: write qualframe.yaml and an empty codebook.yaml if missing',
  usage: `Usage: qualframe init [DIR] [--root DIR]

Makes DIR (default: --root, else the current folder; created if missing) a corpus: writes
qualframe.yaml and an empty codebook.yaml where they are missing. Never overwrites a file.

Options:
  --root DIR      the folder, when DIR is not given
  -h, --help      this help

Exit status: 0 done (also when both files were already there), 2 could not run.`,
  async run(args, io) {
    const { values, positionals } = parseArgs({ args, options: { ...ROOT_OPTION }, strict: true, allowPositionals: true });
    if (positionals.length > 1) throw new UsageError('init takes one folder at most');
    const target = path.resolve(io.cwd, positionals[0] ?? values.root ?? '.');
    let result;
    try {
      result = await initCorpus(target);
    } catch (e) {
      throw new UsageError(`cannot initialise ${target}: ${(e as Error).message}`);
    }
    for (const f of result.written) io.out(`wrote ${path.join(result.root, f)}\n`);
    for (const f of result.kept) io.out(`kept ${path.join(result.root, f)} (already there)\n`);
    io.out(result.written.length === 0 ? `${result.root} is already a corpus; nothing written\n` : `${result.root} is a corpus; add transcripts (.md) and codes to codebook.yaml\n`);
    return EXIT_CLEAN;
  },
};
