import { compareNatural } from '../corpus/corpus';
import type { CorpusDocument } from '../corpus/document';

/**
 * A document's own value of the grouping attribute (`wave` by default), trimmed; undefined when
 * the document has none or an empty one. Grouping always uses each document's own value, so a
 * panel case belongs to each wave it was interviewed in.
 */
export function waveOf(document: CorpusDocument, attribute: string): string | undefined {
  if (!Object.prototype.hasOwnProperty.call(document.attributes, attribute)) return undefined;
  const value = document.attributes[attribute].trim();
  return value === '' ? undefined : value;
}

/** The distinct values of the attribute among the documents, in natural order (`2`, `10`, `P2`, `P10`). */
export function wavesOf(documents: readonly CorpusDocument[], attribute: string): string[] {
  const values = new Set<string>();
  for (const d of documents) {
    const value = waveOf(d, attribute);
    if (value !== undefined) values.add(value);
  }
  return [...values].sort(compareNatural);
}

/**
 * Orders wave values naturally, with `""` (documents without a value) last: the unassigned
 * group follows the waves rather than leading them.
 */
export function compareWaves(a: string, b: string): number {
  if (a === b) return 0;
  if (a === '') return 1;
  if (b === '') return -1;
  return compareNatural(a, b);
}
