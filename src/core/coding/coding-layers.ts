/**
 * How coded text is drawn: overlapping segments go on different layers (so each keeps a
 * visible mark of its own), and every line with coding gets a stripe per code, in a stable
 * order, like NVivo's coding stripes. Pure, so the extension only turns the plan into
 * decorations.
 */

/** A coded span of text (offsets in the editor's text). */
export interface CodedSpan {
  readonly id: string;
  readonly code: string;
  readonly start: number;
  readonly end: number;
}

export interface LayeredSpan extends CodedSpan {
  /** 0 for a span that overlaps nothing drawn before it; each overlap takes the lowest free layer. */
  readonly layer: number;
}

/** The codes on one line, in the order of their stripes. */
export interface LineStripes {
  /** 0-based line. */
  readonly line: number;
  readonly codes: readonly string[];
}

export interface CodingLayers {
  readonly spans: readonly LayeredSpan[];
  readonly stripes: readonly LineStripes[];
}

/**
 * Assigns layers (interval-graph colouring: spans by start, longest first, each on the lowest
 * layer free at its start) and collects per-line stripes. `lineStarts` are the text offsets
 * of each line's first character, ascending, starting with 0. Stripes list a line's codes by
 * their first appearance in `codeOrder` (the codebook's order), so a line's stripe colours
 * never swap places when a segment is added elsewhere.
 */
export function codingLayers(spans: readonly CodedSpan[], lineStarts: readonly number[], codeOrder: readonly string[] = []): CodingLayers {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  /** The end of the span last placed on each layer. */
  const layerEnds: number[] = [];
  const layered: LayeredSpan[] = [];
  for (const s of sorted) {
    let layer = layerEnds.findIndex((end) => end <= s.start);
    if (layer === -1) layer = layerEnds.length;
    layerEnds[layer] = s.end;
    layered.push({ ...s, layer });
  }

  const rank = new Map(codeOrder.map((c, i) => [c, i]));
  const byLine = new Map<number, Set<string>>();
  for (const s of sorted) {
    const first = lineOf(lineStarts, s.start);
    // A span ending exactly at a line's start (selection to the start of the next line) does not cover that line.
    const last = Math.max(first, lineOf(lineStarts, Math.max(s.start, s.end - 1)));
    for (let line = first; line <= last; line++) {
      const codes = byLine.get(line) ?? new Set<string>();
      codes.add(s.code);
      byLine.set(line, codes);
    }
  }
  const order = (a: string, b: string) => (rank.get(a) ?? Infinity) - (rank.get(b) ?? Infinity) || (a < b ? -1 : a > b ? 1 : 0);
  const stripes = [...byLine.entries()]
    .sort(([a], [b]) => a - b)
    .map(([line, codes]) => ({ line, codes: [...codes].sort(order) }));
  return { spans: layered, stripes };
}

/** Offsets where each line starts in `text` (after `\n`, so CRLF lines too). */
export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** The 0-based line holding `offset`. */
export function lineOf(lineStarts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * A coding stripe image: one vertical bar per colour, side by side, for the editor's gutter.
 * At most `max` bars; more codes on a line than that end in a grey "more" bar.
 */
export function stripeSvg(colours: readonly string[], max = 4): string {
  const safe = colours.map((c) => (/^#[0-9a-fA-F]{3,8}$/.test(c) ? c : '#8c8c8c'));
  const shown = safe.length > max ? [...safe.slice(0, max - 1), '#8c8c8c'] : safe;
  const bar = 3;
  const gap = 1;
  const rects = shown.map((c, i) => `<rect x="${i * (bar + gap)}" y="0" width="${bar}" height="16" fill="${c}"/>`).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="0 0 16 16">${rects}</svg>`;
}
