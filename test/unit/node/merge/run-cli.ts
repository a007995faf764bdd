// The merge-driver commands as a program, for the git tests: git runs
// `node -r <tsx/cjs> run-cli.ts merge-driver %O %A %B %P` through this file. It imports the
// command objects directly (the TypeScript sources, no build needed).
import { installMergeDriverCommand, mergeDriverCommand } from '../../../../src/cli/merge-driver';
import { UsageError, type CliIo } from '../../../../src/cli/io';

const [name, ...args] = process.argv.slice(2);
const command = [mergeDriverCommand, installMergeDriverCommand].find((c) => c.name === name);
const io: CliIo = { cwd: process.cwd(), out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) };
if (!command) {
  io.err(`run-cli: unknown command "${name}"\n`);
  process.exitCode = 2;
} else {
  command.run(args, io).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      io.err(`qualframe ${name}: ${e instanceof UsageError ? e.message : ((e as Error).stack ?? String(e))}\n`);
      process.exitCode = 2;
    },
  );
}
