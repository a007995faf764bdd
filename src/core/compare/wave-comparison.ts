import type { Corpus } from '../corpus/corpus';
import { compareNatural } from '../corpus/corpus';
import type { WaveSetting } from './comparison-setting';
import { waveOf } from './document-wave';

/**
 * How a code or theme stands across the two waves: `both` (predicted and reported),
 * `baseline-only` (predicted, not reported), `followup-only` (emergent), `unused` (no segment
 * in either wave; it may still have segments in a third wave, which `firstWave` then shows).
 */
export type WaveStatus = 'both' | 'baseline-only' | 'followup-only' | 'unused';

/** One code's or theme's presence in one wave. */
export interface WaveCount {
  /** Distinct cases with at least one segment in a document of this wave. */
  readonly cases: number;
  /** Coded segments (annotations) in documents of this wave. */
  readonly segments: number;
  /** `cases` over the cases interviewed in this wave (0 to 1; 0 when the wave has no cases). */
  readonly share: number;
}

/** A code (or, with `codes`, a theme) compared across the two waves. */
export interface CodeComparison {
  readonly id: string;
  readonly name: string;
  readonly status: WaveStatus;
  /**
   * The lowest value of the attribute (natural order) among all documents coded with it,
   * whichever waves are compared; null when it has never been applied. Shows where the
   * framework came from: baseline codes built inductively, follow-up codes that emerged.
   */
  readonly firstWave: string | null;
  readonly baseline: WaveCount;
  readonly followup: WaveCount;
}

/** A theme: its own counts pool its codes and its direct applications (cases still distinct). */
export interface ThemeComparison extends CodeComparison {
  /** Its codes in codebook order; empty for a theme applied as a code of its own. */
  readonly codes: readonly CodeComparison[];
}

/** The size of one wave. */
export interface WaveTotals {
  /** Cases with at least one document in this wave (a panel case counts in each of its waves). */
  readonly cases: number;
  readonly documents: number;
}

/** The shape of `qualframe compare --json` (cli.md), with `totals`, `firstWave` and `share` added. */
export interface WaveComparison {
  readonly attribute: string;
  readonly baseline: string;
  readonly followup: string;
  readonly totals: { readonly baseline: WaveTotals; readonly followup: WaveTotals };
  readonly themes: readonly ThemeComparison[];
}

/** Where one applicable id (code, or theme without codes) was used. */
interface Usage {
  readonly cases: { baseline: Set<string>; followup: Set<string> };
  readonly segments: { baseline: number; followup: number };
  readonly waves: Set<string>;
}

/**
 * Compares the coding of two waves, theme by theme and code by code, in codebook order.
 * Annotations naming an unknown code are left out (validation reports them); documents
 * without a value of the attribute, or with a third value, count in neither wave.
 */
export function buildWaveComparison(corpus: Corpus, setting: WaveSetting): WaveComparison {
  const { attribute } = setting;
  const usage = new Map<string, Usage>();
  const waveCases = { baseline: new Set<string>(), followup: new Set<string>() };
  const waveDocuments = { baseline: 0, followup: 0 };

  for (const d of corpus.documents) {
    const wave = waveOf(d, attribute);
    const role = wave === setting.baseline ? 'baseline' : wave === setting.followup ? 'followup' : undefined;
    if (role) {
      waveCases[role].add(d.caseId);
      waveDocuments[role]++;
    }
    for (const a of d.annotations) {
      if (!corpus.codebook.applicable.has(a.code)) continue;
      let u = usage.get(a.code);
      if (!u) usage.set(a.code, (u = emptyUsage()));
      if (wave !== undefined) u.waves.add(wave);
      if (role) {
        u.cases[role].add(d.caseId);
        u.segments[role]++;
      }
    }
  }

  const totals = {
    baseline: { cases: waveCases.baseline.size, documents: waveDocuments.baseline },
    followup: { cases: waveCases.followup.size, documents: waveDocuments.followup },
  };
  const compared = (id: string, name: string, used: readonly Usage[]): CodeComparison => {
    const pooled = pool(used);
    const baseline = count(pooled, 'baseline', totals.baseline.cases);
    const followup = count(pooled, 'followup', totals.followup.cases);
    const firstWave = [...pooled.waves].sort(compareNatural)[0] ?? null;
    return { id, name, status: statusOf(baseline.segments, followup.segments), firstWave, baseline, followup };
  };

  const themes = corpus.codebook.themes.map((theme): ThemeComparison => {
    const codes = theme.codes.map((code) => compared(code.id, code.name, usageOf(usage, [code.id])));
    const ids = theme.codes.length === 0 ? [theme.id] : theme.codes.map((c) => c.id);
    return { ...compared(theme.id, theme.name, usageOf(usage, ids)), codes };
  });
  return { attribute, baseline: setting.baseline, followup: setting.followup, totals, themes };
}

/** Status from the segment counts of the two waves. */
export function statusOf(baselineSegments: number, followupSegments: number): WaveStatus {
  if (baselineSegments > 0) return followupSegments > 0 ? 'both' : 'baseline-only';
  return followupSegments > 0 ? 'followup-only' : 'unused';
}

function emptyUsage(): Usage {
  return { cases: { baseline: new Set(), followup: new Set() }, segments: { baseline: 0, followup: 0 }, waves: new Set() };
}

function usageOf(usage: ReadonlyMap<string, Usage>, ids: readonly string[]): Usage[] {
  return ids.flatMap((id) => {
    const u = usage.get(id);
    return u ? [u] : [];
  });
}

function pool(used: readonly Usage[]): Usage {
  const out = emptyUsage();
  for (const u of used) {
    for (const role of ['baseline', 'followup'] as const) {
      for (const c of u.cases[role]) out.cases[role].add(c);
      out.segments[role] += u.segments[role];
    }
    for (const w of u.waves) out.waves.add(w);
  }
  return out;
}

function count(u: Usage, role: 'baseline' | 'followup', waveCases: number): WaveCount {
  const cases = u.cases[role].size;
  return { cases, segments: u.segments[role], share: waveCases === 0 ? 0 : cases / waveCases };
}
