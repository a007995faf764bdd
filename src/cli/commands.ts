import type { CliIo } from './io';

/** One subcommand of `qualframe`: its usage text and what it does. */
export interface CliCommand {
  readonly name: string;
  readonly summary: string;
  /** The full `--help` text. */
  readonly usage: string;
  run(args: string[], io: CliIo): Promise<number>;
}
