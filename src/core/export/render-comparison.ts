import type { WaveSetting } from '../compare/comparison-setting';
import { buildWaveComparison, type CodeComparison, type ThemeComparison, type WaveComparison, type WaveCount, type WaveStatus } from '../compare/wave-comparison';
import type { Corpus } from '../corpus/corpus';
import { markdownTable, markdownText } from './markdown-text';
import { buildQuoteTable, type QuoteRow, type QuoteTheme } from './quote-table';
import { spreadsheetCsv, type CsvCell } from './spreadsheet-csv';

/** A status in the words of a two-wave study: the baseline predicts, the follow-up reports. */
export const STATUS_WORDS: Readonly<Record<WaveStatus, string>> = {
  both: 'predicted and reported',
  'baseline-only': 'predicted, not reported',
  'followup-only': 'emergent',
  unused: 'unused',
};

/**
 * The comparison as Markdown: the two waves' sizes, then one table with a row per theme (in
 * bold) and its codes indented beneath it; for each wave the cases, their share of the wave's
 * cases and the segments; then the status in words.
 */
export function renderComparisonMarkdown(comparison: WaveComparison): string {
  const { attribute, baseline, followup, totals } = comparison;
  const a = markdownText(attribute);
  const b = markdownText(baseline);
  const f = markdownText(followup);
  const size = (t: { cases: number; documents: number }) => `${t.cases} ${t.cases === 1 ? 'case' : 'cases'}, ${t.documents} ${t.documents === 1 ? 'document' : 'documents'}`;
  const row = (label: string, c: CodeComparison) => [label, ...counts(c.baseline), ...counts(c.followup), STATUS_WORDS[c.status]];
  const rows = comparison.themes.flatMap((t) => [
    row(`**${markdownText(t.name)}**`, t),
    ...t.codes.map((c) => row(`&emsp;${markdownText(c.name)}`, c)),
  ]);
  const out = [
    `# Wave comparison: ${a} ${b} and ${f}`,
    '',
    `Baseline (${a} ${b}): ${size(totals.baseline)}. Follow-up (${a} ${f}): ${size(totals.followup)}. ` +
      'Cases: cases with at least one coded segment; share: of the cases in that wave.',
    '',
    ...markdownTable(
      ['Theme / code', `${b} cases`, `${b} share`, `${b} segments`, `${f} cases`, `${f} share`, `${f} segments`, 'Status'],
      rows,
      ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'left'],
    ),
  ];
  return `${out.join('\n')}\n`;
}

/** The comparison as `qualframe compare --json` prints it (cli.md), with the model's added fields. */
export function renderComparisonJson(comparison: WaveComparison): string {
  return `${JSON.stringify(comparison, null, 2)}\n`;
}

/** The comparison's export formats; JSON stays the command line's own, since it has no quotes. */
export const COMPARISON_FORMATS = ['md', 'csv'] as const;
export type ComparisonFormat = (typeof COMPARISON_FORMATS)[number];

/** Which quotes go beside the counts. */
export interface ComparisonQuoteOptions {
  /** Quotes side by side per theme; default true (false: the counts alone). */
  readonly quotes?: boolean;
  /** At most this many quotes per theme and wave: the first in quote-table order. */
  readonly max?: number;
  /** Only quotes marked `illustrative: true`. */
  readonly illustrative?: boolean;
}

/**
 * The wave comparison for a paper, with what each wave said beside what it predicted or
 * reported: in Markdown, the comparison table then a section per theme with the baseline's
 * and the follow-up's quotes in two columns; in CSV, a row per theme and per code with the
 * counts and, for each wave, its quotes in one cell.
 */
export function renderComparisonExport(corpus: Corpus, setting: WaveSetting, format: ComparisonFormat, options: ComparisonQuoteOptions = {}): string {
  const comparison = buildWaveComparison(corpus, setting);
  if (options.quotes === false) return format === 'csv' ? renderComparisonCsv(comparison) : renderComparisonMarkdown(comparison);
  const quotes = sideBySide(corpus, setting, options);
  if (format === 'md') return renderComparisonMarkdownWithQuotes(comparison, quotes, options);
  // A code's row takes its own first N, not its share of the theme's first N, which could
  // leave a code with segments showing no quote at all.
  const uncapped = options.max === undefined ? quotes : sideBySide(corpus, setting, { ...options, max: undefined });
  return renderComparisonCsv(comparison, { quotes, uncapped, max: options.max });
}

/** One theme's quotes, the baseline's and the follow-up's. */
export interface ThemeQuotes {
  readonly baseline: readonly QuoteRow[];
  readonly followup: readonly QuoteRow[];
}

/** Each theme's quotes in the two waves, by theme id, chosen as `options` says (from the quote table). */
export function sideBySide(corpus: Corpus, setting: WaveSetting, options: ComparisonQuoteOptions): Map<string, ThemeQuotes> {
  const table = buildQuoteTable(corpus, {
    attribute: setting.attribute,
    waves: [setting.baseline, setting.followup],
    max: options.max,
    illustrative: Boolean(options.illustrative),
  });
  const inWave = (t: QuoteTheme, wave: string) => t.waves.find((w) => w.wave === wave)?.quotes ?? [];
  return new Map(table.themes.map((t) => [t.theme.id, { baseline: inWave(t, setting.baseline), followup: inWave(t, setting.followup) }]));
}

function renderComparisonMarkdownWithQuotes(comparison: WaveComparison, quotes: ReadonlyMap<string, ThemeQuotes>, options: ComparisonQuoteOptions): string {
  const head = renderComparisonMarkdown(comparison);
  const { attribute, baseline, followup } = comparison;
  const a = markdownText(attribute);
  const out: string[] = [];
  for (const theme of comparison.themes) {
    const q = quotes.get(theme.id) ?? { baseline: [], followup: [] };
    out.push('', `## ${markdownText(theme.name)}`, '', statusSentence(theme, attribute, markdownText), '');
    if (q.baseline.length === 0 && q.followup.length === 0) {
      out.push(noQuotesLine(theme, options));
      continue;
    }
    const rows = Array.from({ length: Math.max(q.baseline.length, q.followup.length) }, (_, i) => [
      q.baseline[i] ? quoteMarkdown(q.baseline[i]) : '',
      q.followup[i] ? quoteMarkdown(q.followup[i]) : '',
    ]);
    out.push(...markdownTable([`${a} ${markdownText(baseline)} (predicted)`, `${a} ${markdownText(followup)} (reported)`], rows));
  }
  return `${head}${out.join('\n')}\n`;
}

/**
 * The status in words, and where the theme entered the framework: "Emergent; first coded in
 * wave 2021." `text` escapes the attribute and wave for the output (Markdown; none for a document).
 */
export function statusSentence(theme: CodeComparison, attribute: string, text: (s: string) => string = (s) => s): string {
  const status = STATUS_WORDS[theme.status];
  const first = theme.firstWave === null ? 'never coded' : `first coded in ${text(attribute)} ${text(theme.firstWave)}`;
  return `${status.charAt(0).toUpperCase()}${status.slice(1)}; ${first}.`;
}

/**
 * Why a theme shows no quotes: it has none in these waves, or none passed the choice asked for
 * (an absence of illustrative quotes is not an absence of data).
 */
export function noQuotesLine(theme: ThemeComparison, options: ComparisonQuoteOptions): string {
  if (theme.baseline.segments + theme.followup.segments === 0) return 'No coded segments in either wave.';
  return options.illustrative ? 'No quote marked illustrative in either wave.' : 'No quotes shown.';
}

/** `“quote” [P3]`, as papers print them; ★ before an illustrative quote, "(orphaned)" after one whose text is gone. */
function quoteMarkdown(q: QuoteRow): string {
  return `${q.illustrative ? '★ ' : ''}“${markdownText(q.quote)}” [${markdownText(q.case)}]${q.anchored ? '' : ' (orphaned)'}`;
}

/** The same in a spreadsheet cell: one line per quote, so line breaks inside it become spaces. */
function quoteText(q: QuoteRow): string {
  return `${q.illustrative ? '★ ' : ''}“${q.quote.replace(/\s+/g, ' ').trim()}” [${q.case}]${q.anchored ? '' : ' (orphaned)'}`;
}

/** The quotes of a CSV with quotes: capped per theme, and uncapped to cap per code. */
interface CsvQuotes {
  readonly quotes: ReadonlyMap<string, ThemeQuotes>;
  readonly uncapped: ReadonlyMap<string, ThemeQuotes>;
  readonly max: number | undefined;
}

/**
 * The comparison as CSV (UTF-8 with BOM, formulas neutralised): a row per theme, then one per
 * each of its codes (`code` empty on the theme's row), with the status in words, the first
 * wave and each wave's cases, share and segments; with quotes, each wave's quotes one per
 * line: the theme's on its row, that code's alone on a code's row (at most `max` on each).
 */
function renderComparisonCsv(comparison: WaveComparison, withQuotes?: CsvQuotes): string {
  const { baseline: b, followup: f } = comparison;
  const header = ['theme', 'code', 'name', 'status', 'first wave', `${b} cases`, `${b} share`, `${b} segments`, `${f} cases`, `${f} share`, `${f} segments`];
  if (withQuotes) header.push(`${b} quotes`, `${f} quotes`);
  const none: ThemeQuotes = { baseline: [], followup: [] };
  const row = (theme: string, code: string, c: CodeComparison, q: ThemeQuotes | undefined): CsvCell[] => [
    theme, code, c.name, STATUS_WORDS[c.status], c.firstWave ?? '',
    ...csvCounts(c.baseline), ...csvCounts(c.followup),
    ...(q ? [q.baseline.map(quoteText).join('\n'), q.followup.map(quoteText).join('\n')] : []),
  ];
  const rows = comparison.themes.flatMap((t) => {
    const q = withQuotes && (withQuotes.quotes.get(t.id) ?? none);
    const all = withQuotes && (withQuotes.uncapped.get(t.id) ?? none);
    const ofCode = (id: string): ThemeQuotes | undefined => all && {
      baseline: capped(all.baseline.filter((x) => x.code === id), withQuotes.max),
      followup: capped(all.followup.filter((x) => x.code === id), withQuotes.max),
    };
    return [row(t.id, '', t, q), ...t.codes.map((c) => row(t.id, c.id, c, ofCode(c.id)))];
  });
  return spreadsheetCsv(header, rows);
}

/** The first `max` quotes, counted as buildQuoteTable counts them (a negative max: all). */
function capped(quotes: readonly QuoteRow[], max: number | undefined): readonly QuoteRow[] {
  return max !== undefined && max >= 0 ? quotes.slice(0, Math.floor(max)) : quotes;
}

function csvCounts(c: WaveCount): CsvCell[] {
  return [c.cases, percent(c.share), c.segments];
}

/** A share as a whole percentage: `0.5` → `50%`. */
export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

function counts(c: WaveCount): string[] {
  return [String(c.cases), percent(c.share), String(c.segments)];
}
