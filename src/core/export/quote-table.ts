import type { Corpus } from '../corpus/corpus';
import { compareNatural } from '../corpus/corpus';
import { compareWaves, waveOf, wavesOf } from '../compare/document-wave';

/** What to put in a quote table. */
export interface QuoteTableOptions {
  /** The attribute quotes are grouped by; default: the comparison attribute of `qualframe.yaml`. */
  readonly attribute?: string;
  /**
   * The waves, in the order given; default: every value found, in natural order, then `""`
   * (documents without a value) when there are such documents.
   */
  readonly waves?: readonly string[];
  /** Theme ids; default: every theme. Themes always come in codebook order. */
  readonly themes?: readonly string[];
  /** At most this many quotes per theme and wave: the first in table order. */
  readonly max?: number;
  /** Only quotes marked `illustrative: true`. */
  readonly illustrative?: boolean;
  /** The document attributes each quote carries (the CSV's attribute columns); default: all. */
  readonly attributes?: readonly string[];
}

/** One quote with what a reader needs to place it. */
export interface QuoteRow {
  readonly quote: string;
  readonly case: string;
  /** The code applied (or the theme, when applied as a code of its own). */
  readonly code: string;
  readonly codeName: string;
  readonly file: string;
  /** The annotation's id in its file. */
  readonly id: string;
  readonly start: number;
  readonly illustrative: boolean;
  readonly anchored: boolean;
  /** The coder. */
  readonly by?: string;
  readonly memo?: string;
  /** The attributes of the quote's own document (for a panel case, those of that wave's document). */
  readonly attributes: Readonly<Record<string, string>>;
}

/** The quotes of one theme in one wave. */
export interface QuoteWave {
  /** The value of the attribute; `""` for documents without one. */
  readonly wave: string;
  /** By case (natural order), then file, then start. */
  readonly quotes: readonly QuoteRow[];
}

/** The quotes of one theme, wave by wave. */
export interface QuoteTheme {
  readonly theme: { readonly id: string; readonly name: string };
  readonly waves: readonly QuoteWave[];
}

/** The quote table: per theme and wave, the quotes with their case ids, as papers print them. */
export interface QuoteTable {
  readonly attribute: string;
  readonly themes: readonly QuoteTheme[];
  /** Requested theme ids the codebook does not have (left out of `themes`). */
  readonly unknownThemes: readonly string[];
}

/**
 * Gathers the quotes of each requested theme (its codes' segments and its direct
 * applications) per wave. Annotations naming an unknown code are left out; orphans are kept
 * (their quote is still the researcher's), flagged by `anchored`.
 */
export function buildQuoteTable(corpus: Corpus, options: QuoteTableOptions = {}): QuoteTable {
  const attribute = options.attribute ?? corpus.config.compare.attribute;
  const { codebook } = corpus;
  const waves = options.waves ? [...options.waves] : defaultWaves(corpus, attribute);
  const requested = options.themes ? new Set(options.themes) : undefined;
  const unknownThemes = options.themes ? [...new Set(options.themes)].filter((id) => !codebook.themeById.has(id)) : [];
  const themes = codebook.themes.filter((t) => !requested || requested.has(t.id));

  const byThemeAndWave = new Map<string, QuoteRow[]>();
  const key = (theme: string, wave: string) => `${theme}\u0000${wave}`;
  for (const d of corpus.documents) {
    const wave = waveOf(d, attribute) ?? '';
    for (const a of d.annotations) {
      const theme = codebook.applicable.get(a.code);
      if (!theme || (options.illustrative && !a.illustrative)) continue;
      const codeName = codebook.codeById.get(a.code)?.name ?? theme.name;
      const row: QuoteRow = {
        quote: a.quote, case: d.caseId, code: a.code, codeName, file: d.path, id: a.id, start: a.start,
        illustrative: a.illustrative, anchored: a.anchored,
        ...(a.by !== undefined ? { by: a.by } : {}),
        ...(a.memo !== undefined ? { memo: a.memo } : {}),
        attributes: options.attributes ? pickAttributes(d.attributes, options.attributes) : { ...d.attributes },
      };
      const k = key(theme.id, wave);
      const list = byThemeAndWave.get(k);
      if (list) list.push(row);
      else byThemeAndWave.set(k, [row]);
    }
  }

  const limit = options.max !== undefined && options.max >= 0 ? Math.floor(options.max) : Infinity;
  return {
    attribute,
    unknownThemes,
    themes: themes.map((t) => ({
      theme: { id: t.id, name: t.name },
      waves: waves.map((wave) => ({ wave, quotes: (byThemeAndWave.get(key(t.id, wave)) ?? []).sort(compareQuoteRows).slice(0, limit) })),
    })),
  };
}

/** Table order: case (natural), then file (path order), then start, then id. */
export function compareQuoteRows(a: QuoteRow, b: QuoteRow): number {
  return compareNatural(a.case, b.case) || compareCodeUnits(a.file, b.file) || a.start - b.start || compareCodeUnits(a.id, b.id);
}

function pickAttributes(attributes: Readonly<Record<string, string>>, keys: readonly string[]): Record<string, string> {
  // Null prototype: attribute names are the researcher's front-matter keys.
  const kept = Object.create(null) as Record<string, string>;
  for (const k of keys) if (Object.prototype.hasOwnProperty.call(attributes, k)) kept[k] = attributes[k];
  return { ...kept };
}

function defaultWaves(corpus: Corpus, attribute: string): string[] {
  const waves = wavesOf(corpus.documents, attribute);
  if (corpus.documents.some((d) => waveOf(d, attribute) === undefined)) waves.push('');
  return waves.sort(compareWaves);
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
