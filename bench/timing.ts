/**
 * What every measure of `npm run bench` shares: timing a call repeatedly, summarising the
 * times, and printing results as a Markdown table (also readable in a terminal).
 */

/** The spread of a step's timed calls, in milliseconds (rounded to 0.01). */
export interface Spread {
  readonly min: number;
  readonly median: number;
  readonly max: number;
}

/** The median (the mean of the middle two for an even count); NaN for no values. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Rounded to 0.01: what a report keeps of a measurement. */
export function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

export function spreadOf(values: readonly number[]): Spread {
  return { min: round2(Math.min(...values)), median: round2(median(values)), max: round2(Math.max(...values)) };
}

/** Holds the last result, so no call's work can be optimised away. */
let sink: unknown;

/** The value the last timed call returned (for tests: proof that the work was kept). */
export const lastResult = (): unknown => sink;

/**
 * `runs` timed calls after `warmUp` untimed ones. No garbage collection is forced between
 * them: a call that triggers one pays for it, as it would in the extension host.
 */
export function timeRuns(runs: number, warmUp: number, fn: () => unknown): number[] {
  for (let i = 0; i < warmUp; i++) sink = fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    sink = fn();
    times.push(performance.now() - t0);
  }
  sink = undefined;
  return times;
}

export function fmtMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`;
}

/** Whether a goal is met: `yes` (every call under it), `median only`, `NO`; empty without a goal. */
export function verdict(r: { readonly met?: boolean; readonly metAtMax?: boolean }): string {
  if (r.met === undefined) return '';
  return r.met ? (r.metAtMax ? 'yes' : 'median only') : 'NO';
}

/** A Markdown table with its columns padded to line up. */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: readonly string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}
