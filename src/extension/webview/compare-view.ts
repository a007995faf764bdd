/**
 * The wave comparison as the panel receives it: the core model (src/core/compare) mapped to the
 * protocol, and the answer to the panel's request for a theme's quotes in each wave. Pure (no
 * `vscode`), tested in plain Node.
 */
import { describingAttributes } from '../../core/corpus/case-groups';
import type { Corpus } from '../../core/corpus/corpus';
import type { WaveSetting } from '../../core/compare/comparison-setting';
import { wavesOf } from '../../core/compare/document-wave';
import type { WaveComparison } from '../../core/compare/wave-comparison';
import { buildQuoteTable, type QuoteRow, type QuoteTable } from '../../core/export/quote-table';
import type { CompareAttributeView, CompareQuoteView, CompareViewData } from '../../protocol';

/** The attributes a comparison can be made by: those with two or more values, each with its values. */
export function compareAttributes(corpus: Corpus, shown: string): CompareAttributeView[] {
  const names = describingAttributes(corpus);
  if (!names.includes(shown)) names.unshift(shown);
  return names.map((name) => ({ name, values: wavesOf(corpus.documents, name) })).filter((a) => a.values.length >= 2);
}

export function toCompareView(
  corpus: Corpus,
  comparison: WaveComparison,
  where: { root: string; name: string; readOnly: boolean; version: number },
): CompareViewData {
  const { themeById } = corpus.codebook;
  return {
    version: where.version,
    root: where.root,
    name: where.name,
    readOnly: where.readOnly,
    attribute: comparison.attribute,
    baseline: comparison.baseline,
    followup: comparison.followup,
    attributes: compareAttributes(corpus, comparison.attribute),
    totals: comparison.totals,
    themes: comparison.themes.map((t) => {
      const color = themeById.get(t.id)?.color;
      return { ...t, ...(color ? { color } : {}) };
    }),
  };
}

function quoteView(q: QuoteRow): CompareQuoteView {
  return { case: q.case, file: q.file, id: q.id, code: q.code, quote: q.quote, illustrative: q.illustrative, anchored: q.anchored };
}

/** The comparison with the quotes behind it, gathered once someone asks for them. */
export class CompareAnswers {
  private table: QuoteTable | undefined;

  constructor(
    readonly corpus: Corpus,
    readonly setting: WaveSetting,
    readonly view: CompareViewData,
  ) {}

  /**
   * The quotes of a theme (or of one of its codes, `code` not `""`) in the baseline and in the
   * follow-up, in quote-table order (case, then file and position); null when the codebook has
   * no such theme, or no such code in it.
   */
  quotes(theme: string, code: string): { baseline: CompareQuoteView[]; followup: CompareQuoteView[] } | null {
    const t = this.corpus.codebook.themeById.get(theme);
    if (!t || (code !== '' && !t.codes.some((c) => c.id === code))) return null;
    this.table ??= buildQuoteTable(this.corpus, { attribute: this.setting.attribute, waves: [this.setting.baseline, this.setting.followup] });
    const waves = this.table.themes.find((q) => q.theme.id === theme)?.waves ?? [];
    const of = (wave: string) => (waves.find((w) => w.wave === wave)?.quotes ?? []).filter((q) => code === '' || q.code === code).map(quoteView);
    return { baseline: of(this.setting.baseline), followup: of(this.setting.followup) };
  }
}
