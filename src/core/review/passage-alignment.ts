/**
 * Which passages of two versions of a body are the same place in the text. Passages whose
 * text is unchanged are aligned by a longest common subsequence (so inserting or deleting
 * paragraphs shifts nothing else); between two aligned passages, the passages that changed
 * are matched in order when both versions have as many of them (each was edited in place),
 * and are otherwise one place together (a paragraph split, joined or rewritten: what was
 * there is still there, re-worded). Offsets are body offsets, as in `splitPassages`.
 */
import { splitPassages, type Passage } from '../search/passages';

/** Above this many cells the middle is aligned by passages unique on both sides (patience) instead of a full LCS table. */
const MAX_LCS_CELLS = 4_000_000;

export class PassageAlignment {
  private readonly aPassages: readonly Passage[];
  private readonly bPassages: readonly Passage[];
  /** For each passage of `a`, its passage in `b` (-1: none of its own). */
  private readonly aToB: Int32Array;
  /** For passages that are part of a changed stretch without a partner of their own: the stretch. */
  private readonly aStretch: Int32Array;
  private readonly bStretch: Int32Array;

  constructor(aBody: string, bBody: string) {
    this.aPassages = splitPassages(aBody);
    this.bPassages = aBody === bBody ? this.aPassages : splitPassages(bBody);
    const aTexts = this.aPassages.map((p) => aBody.slice(p.start, p.end));
    const bTexts = this.bPassages.map((p) => bBody.slice(p.start, p.end));
    this.aToB = new Int32Array(aTexts.length).fill(-1);
    this.aStretch = new Int32Array(aTexts.length).fill(-1);
    this.bStretch = new Int32Array(bTexts.length).fill(-1);
    const anchors = alignTexts(aTexts, bTexts);
    for (const [i, j] of anchors) this.aToB[i] = j;
    // The changed stretches between aligned passages (and before the first, after the last).
    let stretch = 0;
    let prevA = -1;
    let prevB = -1;
    for (const [i, j] of [...anchors, [aTexts.length, bTexts.length] as const]) {
      const aCount = i - prevA - 1;
      const bCount = j - prevB - 1;
      if (aCount > 0 && aCount === bCount) {
        for (let k = 0; k < aCount; k++) this.aToB[prevA + 1 + k] = prevB + 1 + k;
      } else if (aCount > 0 || bCount > 0) {
        for (let k = prevA + 1; k < i; k++) this.aStretch[k] = stretch;
        for (let k = prevB + 1; k < j; k++) this.bStretch[k] = stretch;
        stretch++;
      }
      prevA = i;
      prevB = j;
    }
  }

  /** Index of the passage holding offset `offset` of a body (in the blank between two: the next one); -1 for a body without passages. */
  static passageAt(passages: readonly Passage[], offset: number): number {
    if (passages.length === 0) return -1;
    let lo = 0;
    let hi = passages.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (passages[mid].end > offset) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /** Whether offset `aOffset` of the first body and `bOffset` of the second lie in the same passage. */
  samePassage(aOffset: number, bOffset: number): boolean {
    const i = PassageAlignment.passageAt(this.aPassages, aOffset);
    const j = PassageAlignment.passageAt(this.bPassages, bOffset);
    if (i < 0 || j < 0) return i === j;
    if (this.aToB[i] >= 0) return this.aToB[i] === j;
    return this.aStretch[i] >= 0 && this.aStretch[i] === this.bStretch[j];
  }
}

/** Pairs `[i, j]` of equal texts, increasing in both, as many as can be found. */
function alignTexts(a: readonly string[], b: readonly string[]): [number, number][] {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const pairs: [number, number][] = [];
  for (let k = 0; k < head; k++) pairs.push([k, k]);
  const aMid = a.slice(head, a.length - tail);
  const bMid = b.slice(head, b.length - tail);
  const middle = aMid.length * bMid.length <= MAX_LCS_CELLS ? longestCommon(aMid, bMid) : uniqueCommon(aMid, bMid);
  for (const [i, j] of middle) pairs.push([head + i, head + j]);
  for (let k = tail; k > 0; k--) pairs.push([a.length - k, b.length - k]);
  return pairs;
}

/** A longest common subsequence, by the table (small middles: a few thousand passages). */
function longestCommon(a: readonly string[], b: readonly string[]): [number, number][] {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0) return [];
  // Lengths of the LCS of a[i..] and b[j..], row by row.
  const table = new Uint32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i * (m + 1) + j] = a[i] === b[j] ? table[(i + 1) * (m + 1) + j + 1] + 1 : Math.max(table[(i + 1) * (m + 1) + j], table[i * (m + 1) + j + 1]);
    }
  }
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      pairs.push([i, j]);
      i++;
      j++;
    } else if (table[(i + 1) * (m + 1) + j] >= table[i * (m + 1) + j + 1]) i++;
    else j++;
  }
  return pairs;
}

/** Patience alignment: texts occurring once on each side, the longest increasing run of them. */
function uniqueCommon(a: readonly string[], b: readonly string[]): [number, number][] {
  const count = (texts: readonly string[]) => {
    const seen = new Map<string, number>();
    texts.forEach((t, i) => seen.set(t, seen.has(t) ? -1 : i));
    return seen;
  };
  const aOnce = count(a);
  const bOnce = count(b);
  const candidates: [number, number][] = [];
  for (const [text, i] of aOnce) {
    const j = bOnce.get(text);
    if (i >= 0 && j !== undefined && j >= 0) candidates.push([i, j]);
  }
  candidates.sort((x, y) => x[0] - y[0]);
  // Longest increasing subsequence of j, O(n log n).
  const tails: number[] = [];
  const previous = new Int32Array(candidates.length).fill(-1);
  for (let k = 0; k < candidates.length; k++) {
    const j = candidates[k][1];
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (candidates[tails[mid]][1] < j) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[k] = tails[lo - 1];
    tails[lo] = k;
  }
  const pairs: [number, number][] = [];
  for (let k = tails.length > 0 ? tails[tails.length - 1] : -1; k >= 0; k = previous[k]) pairs.push(candidates[k]);
  return pairs.reverse();
}
