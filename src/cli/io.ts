/** Where a command writes; the real process in `bin`, buffers in tests. */
export interface CliIo {
  readonly cwd: string;
  out(text: string): void;
  err(text: string): void;
}

/** Exit statuses of cli.md. */
export const EXIT_CLEAN = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_CANNOT_RUN = 2;

/** A failure that means the command could not run (exit 2), with a message for stderr. */
export class UsageError extends Error {}
