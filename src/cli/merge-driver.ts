import { existsSync, realpathSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { CONFIG_FILE, DEFAULT_CONFIG } from '../core/corpus/config';
import { loadCorpusSettings } from '../core/corpus/load-corpus';
import { attributePatterns, driverCommand } from '../core/merge/git-attributes';
import { formatProblem } from '../core/problems';
import { GitError, repositoryRoot } from '../node/git/git';
import { installMergeDriver, isOnPath, runMergeDriver } from '../node/merge/merge-driver';
import { NodeCorpusFiles } from '../node/node-corpus-files';
import type { CliCommand } from './commands';
import { resolveRoot, ROOT_OPTION } from './corpus-options';
import { EXIT_CLEAN, EXIT_FINDINGS, UsageError } from './io';

export const mergeDriverCommand: CliCommand = {
  name: 'merge-driver',
  summary: 'git merge driver: merge two branches’ coding of a document by annotation id',
  usage: `Usage: qualframe merge-driver BASE OURS THEIRS [PATH]

The git merge driver for corpus documents; git runs it (after qualframe install-merge-driver)
as "qualframe merge-driver %O %A %B %P" with the common ancestor, our and their version of a
document in temporary files, and PATH the document's path (for messages). The merged document
replaces OURS.

Annotations are merged by id: both sides' additions are kept (also in the same place of the
list), both sides' removals made, fields changed on one side taken from it. Attributes, the
document memo and other keys are merged key by key, summaries theme by theme. Only the same
annotation, key or summary changed differently on both sides is a conflict: both versions are
kept between git's markers (<<<<<<< ours ... ======= ... >>>>>>> theirs) around that entry
alone, and the file will not load until a person resolves them. A body changed on both sides is
merged by "git merge-file"; so is a whole file whose front matter cannot be read.

Options:
  -h, --help      this help

Exit status: 0 merged cleanly; 1 merged, with conflicts left for a person (each listed on
stderr as PATH:LINE:COL: error: ...); 2 could not run (OURS left as it was).`,
  async run(args, io) {
    const { positionals } = parseArgs({ args, options: { ...ROOT_OPTION }, strict: true, allowPositionals: true });
    if (positionals.length < 3 || positionals.length > 4) throw new UsageError('merge-driver takes BASE OURS THEIRS and, optionally, PATH');
    const [base, ours, theirs] = positionals.slice(0, 3).map((f) => path.resolve(io.cwd, f));
    for (const file of [base, ours, theirs]) {
      if (!existsSync(file) || !statSync(file).isFile()) throw new UsageError(`${file}: no such file`);
    }
    const label = positionals[3] ?? path.basename(ours);
    let result;
    try {
      result = await runMergeDriver({ base, ours, theirs }, { path: label, cwd: io.cwd });
    } catch (e) {
      throw new UsageError(`cannot merge ${label}: ${(e as Error).message}`);
    }
    if (result.method === 'text' && result.fallbackReason) io.err(`${label}: warning: merged as text, not by annotation id: ${result.fallbackReason}\n`);
    for (const note of result.notes) io.err(`${label}: warning: ${note}\n`);
    for (const c of result.conflicts) io.err(`${c.path}:${c.line}:${c.column}: error: ${c.message}\n`);
    if (result.conflicts.length > 0) {
      io.err(`${label}: ${result.conflicts.length === 1 ? '1 conflict' : `${result.conflicts.length} conflicts`} to resolve; then run qualframe validate and git add ${label}\n`);
      return EXIT_FINDINGS;
    }
    return EXIT_CLEAN;
  },
};

export const installMergeDriverCommand: CliCommand = {
  name: 'install-merge-driver',
  summary: 'make git merge corpus documents by annotation id (.gitattributes and the repository’s config)',
  usage: `Usage: qualframe install-merge-driver [--root DIR] [--command CMD]

Makes git merge the corpus's documents with "qualframe merge-driver": adds a line
"PATTERN merge=qualframe" to the repository's top .gitattributes for each "documents" pattern
of qualframe.yaml (relative to the repository root; lines already there are kept), and sets
merge.qualframe.name and merge.qualframe.driver in the repository's own config (.git/config,
never your global config). Running it again changes nothing.

Commit .gitattributes so that everyone's merges use the driver. Git does not copy its config
with a clone: everyone runs this command once in their clone.

Options:
  --root DIR      the corpus root (default: nearest folder upward with qualframe.yaml)
  --command CMD   how git starts QualFrame (default: qualframe, which must be on the PATH;
                  e.g. "npx --no-install qualframe" in a project that has it installed)
  -h, --help      this help

Exit status: 0 installed (or already installed); 2 could not run (not in a git repository).`,
  async run(args, io) {
    const { values, positionals } = parseArgs({ args, options: { ...ROOT_OPTION, command: { type: 'string' } }, strict: true, allowPositionals: true });
    if (positionals.length > 0) throw new UsageError('install-merge-driver takes no arguments');
    const command = values.command ?? 'qualframe';
    if (command.trim() === '') throw new UsageError('--command must not be empty');
    const root = resolveRoot(io, values.root);
    let documents = DEFAULT_CONFIG.documents;
    if (existsSync(path.join(root, CONFIG_FILE))) {
      const settings = await loadCorpusSettings(new NodeCorpusFiles(root));
      for (const p of settings.problems.filter((p) => p.file === CONFIG_FILE)) io.err(`${formatProblem(p)}\n`);
      documents = settings.config.documents;
    } else {
      io.err(`warning: no ${CONFIG_FILE} in ${root}; the default document pattern ${documents.join(', ')} is used\n`);
    }
    let repo: string;
    try {
      repo = await repositoryRoot(root);
    } catch (e) {
      if (e instanceof GitError) throw new UsageError(e.message);
      throw e;
    }
    const corpusDir = path.relative(realpathSync(repo), realpathSync(root)).split(path.sep).join('/');
    const { patterns, skipped } = attributePatterns(corpusDir, documents);
    for (const s of skipped) io.err(`warning: document pattern "${s.pattern}" is left out of .gitattributes: ${s.reason}\n`);
    if (patterns.length === 0) throw new UsageError('no document pattern of qualframe.yaml can be written to .gitattributes');
    let result;
    try {
      result = await installMergeDriver(repo, patterns, { command });
    } catch (e) {
      throw new UsageError(`cannot install the merge driver in ${repo}: ${(e as Error).message}`);
    }
    const shown = path.relative(io.cwd, result.gitattributes) || result.gitattributes;
    for (const line of result.added) io.out(`wrote ${shown}: ${line}\n`);
    for (const line of result.kept) io.out(`kept ${shown}: ${line} (already there)\n`);
    for (const c of result.config) io.out(`${c.state === 'set' ? 'set' : 'kept'} ${c.key} = ${c.value}${c.state === 'kept' ? ' (already set)' : ''}\n`);
    const program = command.trim().split(/\s+/)[0];
    if (values.command === undefined && !isOnPath(program)) {
      io.err(`warning: "${program}" is not on the PATH, so git cannot run the driver yet; install QualFrame's command line globally, or run again with --command "npx --no-install qualframe" (driver: ${driverCommand(command)})\n`);
    }
    if (result.added.length > 0) io.out(`commit ${shown} so that everyone's merges use the driver; each clone runs qualframe install-merge-driver once\n`);
    return EXIT_CLEAN;
  },
};
