import type { WaveSetting } from '../compare/comparison-setting';
import { buildWaveComparison, type CodeComparison, type WaveComparison, type WaveCount, type WaveTotals } from '../compare/wave-comparison';
import type { Corpus } from '../corpus/corpus';
import { count } from '../text/count';
import { namedSheets, paragraph, quoteRuns, textCell, waveLabel, type DocumentBlock, type DocumentCell, type OfficeDocument, type Sheet, type SheetCell, type SheetColumn, type Workbook } from './office-model';
import type { QuoteRow } from './quote-table';
import { noQuotesLine, percent, sideBySide, STATUS_WORDS, statusSentence, type ComparisonQuoteOptions, type ThemeQuotes } from './render-comparison';

/**
 * The wave comparison as a workbook: a sheet with a row per theme and per code (as the CSV:
 * status in words, first wave, and each wave's cases, share and segments as numbers), then,
 * unless `quotes` is false, a sheet of quotes side by side: per theme, row N holds the
 * baseline's Nth quote (predicted) and the follow-up's (reported), each with its case id.
 */
export function comparisonWorkbook(corpus: Corpus, setting: WaveSetting, options: ComparisonQuoteOptions = {}): Workbook {
  const comparison = buildWaveComparison(corpus, setting);
  const { baseline: b, followup: f } = comparison;
  const waveColumns = (wave: string): SheetColumn[] => [
    { header: `${wave} cases`, width: 10 },
    { header: `${wave} share`, width: 10, percent: true },
    { header: `${wave} segments`, width: 10 },
  ];
  const row = (theme: string, code: string, c: CodeComparison): SheetCell[] => [
    theme, code, c.name, STATUS_WORDS[c.status], c.firstWave ?? '', ...cells(c.baseline), ...cells(c.followup),
  ];
  const sheets: Sheet[] = [{
    name: 'Wave comparison',
    columns: [
      { header: 'theme', width: 16 }, { header: 'code', width: 22 }, { header: 'name', width: 34, wrap: true },
      { header: 'status', width: 22 }, { header: 'first wave', width: 10 }, ...waveColumns(b), ...waveColumns(f),
    ],
    rows: comparison.themes.flatMap((t) => [row(t.id, '', t), ...t.codes.map((c) => row(t.id, c.id, c))]),
  }];
  if (options.quotes !== false) {
    const quotes = sideBySide(corpus, setting, options);
    const baseline = waveLabel(setting.attribute, b);
    const followup = waveLabel(setting.attribute, f);
    sheets.push({
      name: 'Quotes',
      columns: [
        { header: 'theme', width: 24, wrap: true },
        { header: `${baseline} (predicted)`, width: 60, wrap: true }, { header: `${baseline}: case`, width: 10 },
        { header: `${followup} (reported)`, width: 60, wrap: true }, { header: `${followup}: case`, width: 10 },
      ],
      rows: comparison.themes.flatMap((t) => pairs(quotes.get(t.id)).map(([p, r]) => [t.name, p?.quote ?? '', p?.case ?? '', r?.quote ?? '', r?.case ?? ''])),
    });
  }
  return { title: comparisonTitle(comparison), sheets: namedSheets(sheets) };
}

/**
 * The wave comparison as a document, on landscape pages, laid out as the Markdown: the two
 * waves' sizes, the table of themes (in bold) and their codes (indented) with each wave's
 * cases, share and segments and the status in words; then, unless `quotes` is false, a
 * section per theme with its status and where it was first coded, and the baseline's
 * (predicted) and the follow-up's (reported) quotes side by side, each “quote” [CASE], ★
 * before an illustrative one and "(orphaned)" after one whose text is gone.
 */
export function comparisonDocument(corpus: Corpus, setting: WaveSetting, options: ComparisonQuoteOptions = {}): OfficeDocument {
  const comparison = buildWaveComparison(corpus, setting);
  const { attribute, baseline: b, followup: f, totals } = comparison;
  const header = ['Theme / code', `${b} cases`, `${b} share`, `${b} segments`, `${f} cases`, `${f} share`, `${f} segments`, 'Status'];
  const row = (c: CodeComparison, theme: boolean): DocumentCell[] => [
    textCell(theme ? c.name : `\u2003${c.name}`, { bold: theme }),
    ...[...texts(c.baseline), ...texts(c.followup)].map((t) => textCell(t)),
    textCell(STATUS_WORDS[c.status]),
  ];
  const blocks: DocumentBlock[] = [
    { kind: 'heading', level: 1, text: comparisonTitle(comparison) },
    paragraph(`Baseline (${attribute} ${b}): ${size(totals.baseline)}. Follow-up (${attribute} ${f}): ${size(totals.followup)}. ` +
      'Cases: cases with at least one coded segment; share: of the cases in that wave.'),
    {
      kind: 'table',
      header: header.map((h) => textCell(h, { bold: true })),
      rows: comparison.themes.flatMap((t) => [row(t, true), ...t.codes.map((c) => row(c, false))]),
      widths: [4, 1, 1, 1, 1, 1, 1, 3],
    },
  ];
  if (options.quotes !== false) {
    const quotes = sideBySide(corpus, setting, options);
    for (const theme of comparison.themes) {
      blocks.push({ kind: 'heading', level: 2, text: theme.name }, paragraph(statusSentence(theme, attribute)));
      const rows = pairs(quotes.get(theme.id));
      if (rows.length === 0) {
        blocks.push(paragraph(noQuotesLine(theme, options)));
        continue;
      }
      blocks.push({
        kind: 'table',
        header: [textCell(`${waveLabel(attribute, b)} (predicted)`, { bold: true }), textCell(`${waveLabel(attribute, f)} (reported)`, { bold: true })],
        rows: rows.map((pair) => pair.map((q) => (q ? [quoteRuns(q.quote, q.case, { illustrative: q.illustrative, orphaned: !q.anchored })] : []))),
      });
    }
  }
  return { title: comparisonTitle(comparison), landscape: true, blocks };
}

function comparisonTitle(c: WaveComparison): string {
  return `Wave comparison: ${c.attribute} ${c.baseline} and ${c.followup}`;
}

/** Row N: the baseline's Nth quote and the follow-up's, either missing when that wave has fewer. */
function pairs(q: ThemeQuotes | undefined): [QuoteRow | undefined, QuoteRow | undefined][] {
  if (!q) return [];
  return Array.from({ length: Math.max(q.baseline.length, q.followup.length) }, (_, i) => [q.baseline[i], q.followup[i]]);
}

function cells(c: WaveCount): SheetCell[] {
  return [c.cases, c.share, c.segments];
}

function texts(c: WaveCount): string[] {
  return [String(c.cases), percent(c.share), String(c.segments)];
}

function size(t: WaveTotals): string {
  return `${count(t.cases, 'case')}, ${count(t.documents, 'document')}`;
}
