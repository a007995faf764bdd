/**
 * A hit shown on one line (a quick pick item, a tree row): the passage's words around its first
 * match, white space collapsed, with the matches' ranges in the line to highlight.
 */
import type { OffsetRange, SearchHit } from './types';

export interface Snippet {
  readonly text: string;
  /** Ranges in `text` to highlight. */
  readonly highlights: readonly OffsetRange[];
}

/** Characters of context kept before the first match. */
const LEAD = 30;

/**
 * The hit's words (without the `Name:` label) as one line of at most about `width` characters,
 * starting a little before the first match; `…` marks a cut.
 */
export function hitSnippet(hit: Pick<SearchHit, 'text' | 'start' | 'textStart' | 'matches'>, width = 100): Snippet {
  const base = hit.start;
  const wordsFrom = hit.textStart - base;
  const firstMatch = hit.matches.length > 0 ? hit.matches[0][0] - base : wordsFrom;
  let from = Math.max(wordsFrom, firstMatch - LEAD);
  // Start at a word's beginning.
  if (from > wordsFrom) {
    const space = hit.text.lastIndexOf(' ', from);
    if (space < wordsFrom) from = wordsFrom;
    else if (firstMatch - space <= LEAD + 15) from = space + 1;
    else {
      // A long word before the match: start at the next word instead of inside this one.
      const next = hit.text.indexOf(' ', from);
      from = next !== -1 && next < firstMatch ? next + 1 : firstMatch;
    }
  }
  let out = from > wordsFrom ? '…' : '';
  const map: number[] = []; // text index -> out index, for the characters kept
  let lastSpace = out.length > 0;
  let cut = false;
  for (let i = from; i < hit.text.length; i++) {
    if (out.length >= width) {
      cut = true;
      break;
    }
    const c = hit.text[i];
    if (c === ' ' || c === '\n' || c === '\t' || c === '\r') {
      map[i] = out.length;
      if (!lastSpace) out += ' ';
      lastSpace = true;
      continue;
    }
    map[i] = out.length;
    out += c;
    lastSpace = false;
  }
  if (cut) out = out.replace(/\s+$/, '');
  const shown = out.length;
  if (cut) out += '…';
  const highlights: OffsetRange[] = [];
  for (const [s, e] of hit.matches) {
    const a = s - base;
    const b = e - base;
    if (a < from || map[a] === undefined || map[a] >= shown) continue;
    const end = map[b - 1] !== undefined ? map[b - 1] + 1 : shown;
    highlights.push([map[a], Math.min(end, shown)]);
  }
  return { text: out, highlights };
}
