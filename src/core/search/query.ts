/**
 * The search box's language: words (all must match, in any order), `"exact phrases"`,
 * `-word` or `-"phrase"` to leave passages out, `word*` for a prefix. Filters can be typed too:
 * `wave:2021` (any attribute), `speaker:SH01`, `-speaker:Interviewer`, `code:funding`,
 * `-code:funding` and `is:uncoded`.
 */
import type { SearchFilters } from './types';
import { isIndexed, words } from './tokenize';

/** One part of a query: a word (maybe a prefix) or a phrase, wanted or excluded. */
export type QueryClause =
  | { readonly kind: 'word'; readonly word: string; readonly prefix: boolean; readonly negated: boolean }
  | { readonly kind: 'phrase'; readonly words: readonly string[]; readonly negated: boolean };

export interface ParsedQuery {
  readonly clauses: readonly QueryClause[];
  /** Parts that search nothing, said in words. */
  readonly notes: readonly string[];
}

const PART = /(-?)"([^"]*)"?|(\S+)/g;

/**
 * Reads the words and phrases of a query (filters are read by {@link parseSearchInput}).
 * Stop words and one-letter words are dropped from words (they are kept inside phrases).
 * With `prefixLast` (results as you type), the query's last word, if it ends the text, is also
 * a prefix: even a stop word, which may be the start of another (`the` on the way to `therapy`).
 */
export function parseQuery(text: string, options: { readonly prefixLast?: boolean } = {}): ParsedQuery {
  const clauses: QueryClause[] = [];
  const notes: string[] = [];
  const parts = [...text.matchAll(PART)];
  const typing = options.prefixLast === true ? parts[parts.length - 1] : undefined;
  for (const m of parts) {
    if (m[3] === undefined) {
      const phrase = words(m[2]);
      if (phrase.length === 0) continue;
      if (!phrase.some(isIndexed)) {
        notes.push(`"${m[2].trim()}" has only common words; it was not searched`);
        continue;
      }
      const negated = m[1] === '-';
      if (phrase.length === 1) clauses.push({ kind: 'word', word: phrase[0], prefix: false, negated });
      else clauses.push({ kind: 'phrase', words: phrase, negated });
      continue;
    }
    const raw = m[3];
    const negated = raw.startsWith('-') && raw.length > 1;
    const body = negated ? raw.slice(1) : raw;
    const prefix = body.endsWith('*');
    const tokenWords = words(prefix ? body.slice(0, -1) : body);
    // `out-of-hours` or `GP's`: the words of one token, as a phrase.
    if (tokenWords.length > 1) {
      if (tokenWords.some(isIndexed)) clauses.push({ kind: 'phrase', words: tokenWords, negated });
      continue;
    }
    const word = tokenWords[0];
    if (word === undefined) continue;
    if ((prefix || (m === typing && !negated)) && word.length >= 2) clauses.push({ kind: 'word', word, prefix: true, negated });
    else if (isIndexed(word)) clauses.push({ kind: 'word', word, prefix: false, negated });
  }
  return { clauses, notes };
}

/** A query with the filters typed in it taken out. */
export interface SearchInput {
  /** The query without its filters. */
  readonly query: string;
  readonly filters: SearchFilters;
}

const FILTER = /(^|\s)(-?)([\p{L}\p{N}_.-]+):(?:"([^"]*)"|(\S+))/gu;

/**
 * Takes the filters out of what was typed: `speaker:`, `code:` (each maybe negated with `-`),
 * `is:uncoded`, and `NAME:VALUE` for an attribute named in `attributes` (`wave:2021`). Anything
 * else stays in the query. Several values of one filter: any of them.
 */
export function parseSearchInput(text: string, attributes: readonly string[]): SearchInput {
  const attrs: Record<string, string[]> = Object.create(null);
  const speakers: string[] = [];
  const notSpeakers: string[] = [];
  const codes: string[] = [];
  const withoutCodes: string[] = [];
  let uncoded = false;
  const known = new Map(attributes.map((a) => [a.toLowerCase(), a]));
  const query = text.replace(FILTER, (whole, lead: string, minus: string, key: string, quoted: string | undefined, plain: string | undefined) => {
    const value = quoted ?? plain ?? '';
    const k = key.toLowerCase();
    const negated = minus === '-';
    if (k === 'speaker') (negated ? notSpeakers : speakers).push(value);
    else if (k === 'code') (negated ? withoutCodes : codes).push(value);
    else if (k === 'is' && value.toLowerCase() === 'uncoded' && !negated) uncoded = true;
    else if (known.has(k) && !negated) (attrs[known.get(k)!] ??= []).push(value);
    else return whole;
    return lead;
  });
  const filters: SearchFilters = {
    ...(Object.keys(attrs).length > 0 ? { attributes: attrs } : {}),
    ...(speakers.length > 0 ? { speakers } : {}),
    ...(notSpeakers.length > 0 ? { notSpeakers } : {}),
    ...(codes.length > 0 ? { codes } : {}),
    ...(withoutCodes.length > 0 ? { withoutCodes } : {}),
    ...(uncoded ? { uncoded } : {}),
  };
  return { query: query.replace(/\s+/g, ' ').trim(), filters };
}
