import type { Corpus } from '../corpus/corpus';
import { wavesOf } from './document-wave';

/** The two groups a wave comparison sets side by side: values of one document attribute. */
export interface WaveSetting {
  readonly attribute: string;
  /** The wave whose codes form the framework (the predictions). */
  readonly baseline: string;
  /** The wave coded deductively with it (what was reported). */
  readonly followup: string;
}

/** What a person asked for on the command line or in the panel; each part optional. */
export interface WaveSettingOverride {
  readonly attribute?: string;
  readonly baseline?: string;
  readonly followup?: string;
}

/** Why no comparison can be made, in words for the person who asked. */
export interface WaveSettingError {
  readonly error: string;
}

/**
 * Decides which two waves to compare. Each part comes from the override, else from
 * `qualframe.yaml` (`compare`), else from the data: the attribute's lowest values among the
 * documents in natural order, ascending, that are not already named.
 *
 * The configured baseline and follow-up apply only to the configured attribute: an override
 * naming another attribute compares that attribute's two lowest values unless it names values
 * too. Errors: fewer than two values to choose from, a named value no document has, or the
 * same value named twice.
 */
export function resolveComparison(corpus: Corpus, override: WaveSettingOverride = {}): WaveSetting | WaveSettingError {
  const configured = corpus.config.compare;
  const attribute = clean(override.attribute) ?? configured.attribute;
  const fromConfig = attribute === configured.attribute;
  const named = {
    baseline: clean(override.baseline) ?? (fromConfig ? clean(configured.baseline) : undefined),
    followup: clean(override.followup) ?? (fromConfig ? clean(configured.followup) : undefined),
  };
  const values = wavesOf(corpus.documents, attribute);
  const listed = values.length === 0 ? 'none' : values.map((v) => `"${v}"`).join(', ');
  for (const role of ['baseline', 'followup'] as const) {
    const value = named[role];
    if (value !== undefined && !values.includes(value)) {
      const where = clean(override[role]) !== undefined ? 'asked for' : 'set in qualframe.yaml';
      return { error: `no document has ${attribute} "${value}" (the ${role === 'baseline' ? 'baseline' : 'follow-up'} ${where}); values found: ${listed}` };
    }
  }
  if (named.baseline !== undefined && named.baseline === named.followup) {
    return { error: `baseline and follow-up are both ${attribute} "${named.baseline}"; name two different values` };
  }
  const free = values.filter((v) => v !== named.baseline && v !== named.followup);
  const baseline = named.baseline ?? free.shift();
  const followup = named.followup ?? free.shift();
  if (baseline === undefined || followup === undefined) {
    return { error: `a comparison needs documents with two different values of "${attribute}"; values found: ${listed}` };
  }
  return { attribute, baseline, followup };
}

/** Whether resolving failed. */
export function isWaveSettingError(result: WaveSetting | WaveSettingError): result is WaveSettingError {
  return 'error' in result;
}

function clean(value: string | undefined): string | undefined {
  const v = value?.trim();
  return v === undefined || v === '' ? undefined : v;
}
