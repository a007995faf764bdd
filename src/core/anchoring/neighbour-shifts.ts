import type { AnchorResult, QuoteSelector } from './types';

/** How far an anchored annotation moved: its stored start and (new start − stored start). */
export interface Shift {
  readonly oldStart: number;
  readonly shift: number;
}

/**
 * The moves of every annotation the cheap steps anchored (exact or relocated), sorted by stored
 * start. An edit earlier in the body moves all later annotations alike, so an annotation's
 * neighbours tell where to look for it when its own text has changed.
 */
export function neighbourShifts(selectors: readonly QuoteSelector[], results: readonly (AnchorResult | undefined)[]): Shift[] {
  const shifts: Shift[] = [];
  selectors.forEach((selector, i) => {
    const result = results[i];
    if (result && result.method !== 'orphan') shifts.push({ oldStart: selector.start, shift: result.start - selector.start });
  });
  return shifts.sort((a, b) => a.oldStart - b.oldStart || a.shift - b.shift);
}

/**
 * Where an annotation stored at `start` is expected now: there, moved as its nearest anchored
 * neighbours before and after it moved, and moved by the body's net change in length if known.
 * Distinct values, the stored start first. `shifts` must be sorted by `oldStart`.
 */
export function expectedStarts(start: number, shifts: readonly Shift[], lengthDelta?: number): number[] {
  const after = firstAtOrAfter(shifts, start);
  const neighbours = [shifts[after - 1], shifts[after]].filter((s): s is Shift => s !== undefined);
  const moves = [0, ...neighbours.map((s) => s.shift), ...(lengthDelta !== undefined ? [lengthDelta] : [])];
  return [...new Set(moves.map((move) => start + move))];
}

// Binary search: the index of the first shift with oldStart >= start (shifts.length if none).
function firstAtOrAfter(shifts: readonly Shift[], start: number): number {
  let low = 0;
  let high = shifts.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (shifts[mid].oldStart < start) low = mid + 1;
    else high = mid;
  }
  return low;
}
