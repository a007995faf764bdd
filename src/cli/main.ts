import { agreementCommand } from './agreement';
import { compareCommand, exportCommand, matrixCommand } from './analysis';
import { codeCommand, uncodeCommand } from './code';
import { diffCommand } from './diff';
import type { CliCommand } from './commands';
import { importCommand } from './import';
import { initCommand } from './init';
import { installMergeDriverCommand, mergeDriverCommand } from './merge-driver';
import { EXIT_CANNOT_RUN, UsageError, type CliIo } from './io';
import { searchCommand } from './search';
import { statsCommand } from './stats';
import { validateCommand } from './validate';

declare const QUALFRAME_VERSION: string;
const VERSION = typeof QUALFRAME_VERSION === 'string' ? QUALFRAME_VERSION : 'dev';

export const COMMANDS: readonly CliCommand[] = [initCommand, validateCommand, statsCommand, codeCommand, uncodeCommand, searchCommand, matrixCommand, compareCommand, exportCommand, importCommand, diffCommand, agreementCommand, mergeDriverCommand, installMergeDriverCommand];

function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return `qualframe ${VERSION}: Framework Method analysis of Markdown interview transcripts

Usage: qualframe <command> [options]

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

Every command takes --root DIR and --help. Run "qualframe <command> --help" for details.
Exit status: 0 done and clean, 1 done with findings, 2 could not run.
`;
}

/** Runs the command line; resolves to the exit status. Never calls process.exit. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h') {
    (name === undefined ? io.err : io.out)(usage());
    return name === undefined ? EXIT_CANNOT_RUN : 0;
  }
  if (name === '--version' || name === '-v') {
    io.out(`${VERSION}\n`);
    return 0;
  }
  const helpFor = name === 'help' ? rest[0] : undefined;
  if (name === 'help' && (helpFor === undefined || helpFor === 'help')) {
    io.out(usage());
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === (helpFor ?? name));
  if (!command) {
    io.err(`qualframe: unknown command "${helpFor ?? name}"; run qualframe --help\n`);
    return EXIT_CANNOT_RUN;
  }
  if (helpFor !== undefined || rest.includes('--help') || rest.includes('-h')) {
    io.out(command.usage + '\n');
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError || isParseArgsError(e)) {
      io.err(`qualframe ${command.name}: ${(e as Error).message}\n${command.usage.split('\n')[0]}\n`);
      return EXIT_CANNOT_RUN;
    }
    io.err(`qualframe ${command.name}: unexpected failure: ${(e as Error).stack ?? e}\n`);
    return EXIT_CANNOT_RUN;
  }
}

function isParseArgsError(e: unknown): boolean {
  return typeof (e as { code?: unknown })?.code === 'string' && (e as { code: string }).code.startsWith('ERR_PARSE_ARGS');
}

/** Entry point of the bundled CLI. */
export function main(): void {
  const io: CliIo = {
    cwd: process.cwd(),
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
  };
  runCli(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`qualframe: ${(e as Error).stack ?? e}\n`);
      process.exitCode = EXIT_CANNOT_RUN;
    },
  );
}
