import type { Corpus } from './corpus';
import { compareNatural } from './corpus';
import { waveOf } from '../compare/document-wave';

/** The shape of `qualframe stats --json` (cli.md). Fields may be added, never renamed. */
export interface CorpusStats {
  readonly documents: number;
  readonly cases: number;
  readonly codes: number;
  readonly annotations: number;
  readonly orphans: number;
  /** Cases per value of the comparison attribute (each document's own value: a panel case counts once in each wave). */
  readonly casesByWave: Readonly<Record<string, number>>;
}

export function computeStats(corpus: Corpus): CorpusStats {
  let annotations = 0;
  let orphans = 0;
  const attribute = corpus.config.compare.attribute;
  const casesByValue = new Map<string, Set<string>>();
  for (const d of corpus.documents) {
    annotations += d.annotations.length;
    for (const a of d.annotations) if (!a.anchored) orphans++;
    const value = waveOf(d, attribute);
    if (value === undefined) continue;
    let set = casesByValue.get(value);
    if (!set) casesByValue.set(value, (set = new Set()));
    set.add(d.caseId);
  }
  // fromEntries defines own properties: a wave called "__proto__" stays data.
  const casesByWave: Record<string, number> = Object.fromEntries(
    [...casesByValue.keys()].sort(compareNatural).map((value) => [value, casesByValue.get(value)!.size]),
  );
  return {
    documents: corpus.files.length,
    cases: corpus.cases.length,
    codes: corpus.codebook.applicable.size,
    annotations,
    orphans,
    casesByWave,
  };
}
