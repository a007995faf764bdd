import { compareWaves, waveOf } from '../compare/document-wave';
import type { Case, Corpus } from './corpus';
import type { CorpusDocument } from './document';

export interface CaseInGroup {
  readonly case: Case;
  /** The case's documents with this group's value. */
  readonly documents: readonly CorpusDocument[];
  /** Values of the describing attributes these documents share, in attribute order. */
  readonly description: readonly { readonly key: string; readonly value: string }[];
}

export interface CaseGroup {
  /** The attribute's value; `""` for documents without one. */
  readonly value: string;
  readonly cases: readonly CaseInGroup[];
}

/**
 * Cases grouped by each document's own value of `attribute` (a panel case appears in each of
 * its waves), groups in natural order with `""` last, cases in natural order. Each case is
 * described by the attributes that describe more than one case (role, sector, type: not a
 * date or an id that every case has its own of), other than the grouping attribute.
 */
export function groupCasesBy(corpus: Corpus, attribute: string): CaseGroup[] {
  const describing = describingAttributes(corpus).filter((k) => k !== attribute);
  const groups = new Map<string, CaseInGroup[]>();
  for (const c of corpus.cases) {
    const byValue = new Map<string, CorpusDocument[]>();
    for (const d of c.documents) {
      const value = waveOf(d, attribute) ?? '';
      byValue.set(value, [...(byValue.get(value) ?? []), d]);
    }
    for (const [value, documents] of byValue) {
      const description = describing.flatMap((key) => {
        const v = documents[0].attributes[key];
        return v !== undefined && documents.every((d) => d.attributes[key] === v) ? [{ key, value: v }] : [];
      });
      groups.set(value, [...(groups.get(value) ?? []), { case: c, documents, description }]);
    }
  }
  return [...groups.entries()].sort(([a], [b]) => compareWaves(a, b)).map(([value, cases]) => ({ value, cases }));
}

/** Attributes with at least one value shared by two or more cases, in first-seen order. */
export function describingAttributes(corpus: Corpus): string[] {
  const casesByValue = new Map<string, Map<string, Set<string>>>();
  for (const d of corpus.documents) {
    for (const key of Object.keys(d.attributes)) {
      let values = casesByValue.get(key);
      if (!values) casesByValue.set(key, (values = new Map()));
      const v = d.attributes[key];
      let cases = values.get(v);
      if (!cases) values.set(v, (cases = new Set()));
      cases.add(d.caseId);
    }
  }
  return [...casesByValue.entries()].filter(([, values]) => [...values.values()].some((cases) => cases.size > 1)).map(([key]) => key);
}
