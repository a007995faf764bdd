import { waveOf, wavesOf } from '../compare/document-wave';
import type { Corpus } from './corpus';

/** How often one code is applied within one wave. */
export interface WaveUsage {
  readonly wave: string;
  readonly segments: number;
  /** Distinct cases with at least one segment of the code in a document of this wave. */
  readonly cases: number;
}

/** How often one applicable code (a code, or a theme without codes) is applied. */
export interface CodeUsage {
  readonly segments: number;
  /** Distinct cases with at least one segment of the code. */
  readonly cases: number;
  /**
   * Every value of the comparison attribute in the corpus, in natural order, zeros included,
   * so that the waves line up across codes. Documents without a value count in the totals
   * only, as in `computeStats`.
   */
  readonly waves: readonly WaveUsage[];
}

/**
 * Segments and distinct cases per applicable code id, in total and per wave. The wave of a
 * document is its own value of the comparison attribute (`qualframe.yaml` `compare.attribute`
 * unless another is given), read by `waveOf` as the statistics and the wave comparison read it.
 *
 * Orphaned annotations count as segments: they are still coded, only their text cannot be
 * found; leaving them out would make a code look less used than the files say. Annotations of
 * codes the codebook does not have are left out (they are reported as problems elsewhere).
 */
export function codeUsage(corpus: Corpus, compareAttribute: string = corpus.config.compare.attribute): Map<string, CodeUsage> {
  const waves = wavesOf(corpus.documents, compareAttribute);
  const tallies = new Map<string, Tally>();
  for (const id of corpus.codebook.applicable.keys()) tallies.set(id, new Tally());
  for (const d of corpus.documents) {
    const wave = waveOf(d, compareAttribute);
    for (const a of d.annotations) tallies.get(a.code)?.add(d.caseId, wave);
  }
  const usage = new Map<string, CodeUsage>();
  for (const [id, t] of tallies) {
    usage.set(id, {
      segments: t.segments,
      cases: t.cases.size,
      waves: waves.map((wave) => ({ wave, segments: t.waveSegments.get(wave) ?? 0, cases: t.waveCases.get(wave)?.size ?? 0 })),
    });
  }
  return usage;
}

class Tally {
  segments = 0;
  readonly cases = new Set<string>();
  readonly waveSegments = new Map<string, number>();
  readonly waveCases = new Map<string, Set<string>>();

  add(caseId: string, wave: string | undefined): void {
    this.segments++;
    this.cases.add(caseId);
    if (wave === undefined) return;
    this.waveSegments.set(wave, (this.waveSegments.get(wave) ?? 0) + 1);
    let cases = this.waveCases.get(wave);
    if (!cases) this.waveCases.set(wave, (cases = new Set()));
    cases.add(caseId);
  }
}
