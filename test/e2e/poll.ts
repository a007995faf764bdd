// Polling instead of sleeping or timing: the UI catches up with the extension host a moment later.

export interface PollOptions {
  /** Give up after this many milliseconds (default 30 s). */
  timeout?: number;
  /** Pause between attempts (default 250 ms). */
  interval?: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `attempt` until it stops throwing and returns its value; rethrows its last error (with
 * how long it was tried) when the time is up. Put the assertions inside `attempt`.
 */
export async function eventually<T>(attempt: () => T | Promise<T>, options: PollOptions = {}): Promise<T> {
  const timeout = options.timeout ?? 30_000;
  const interval = options.interval ?? 250;
  const deadline = Date.now() + timeout;
  for (;;) {
    try {
      return await attempt();
    } catch (e) {
      if (Date.now() >= deadline) {
        if (e instanceof Error) {
          e.message = `${e.message}\n(still failing after ${Math.round(timeout / 1000)} s of retries)`;
          throw e;
        }
        throw new Error(`still failing after ${Math.round(timeout / 1000)} s: ${String(e)}`);
      }
    }
    await sleep(interval);
  }
}
