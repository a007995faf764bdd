import { isWaveSettingError, resolveComparison, type WaveSetting } from '../compare/comparison-setting';
import { buildWaveComparison, type CodeComparison, type ThemeComparison, type WaveComparison, type WaveCount } from '../compare/wave-comparison';
import type { Corpus } from '../corpus/corpus';
import type { Code } from '../corpus/codebook';
import { count } from '../text/count';
import { markdownText } from './markdown-text';
import { namedSheets, oneLine, paragraph, textCell, waveLabel, type DocumentBlock, type DocumentCell, type DocumentParagraph, type OfficeDocument, type SheetCell, type SheetColumn, type Workbook } from './office-model';
import { STATUS_WORDS } from './render-comparison';
import { spreadsheetCsv } from './spreadsheet-csv';

/** A code as the codebook defines it (definition, what to code and what not), with how it was used in the two waves. */
export type CodebookCode = Pick<Code, 'id' | 'name' | 'description' | 'include' | 'exclude' | 'example'> & {
  /** Cases and segments per wave, status and first wave; absent without two waves to count in. */
  readonly counts?: CodeComparison;
};

/** A theme with its codes; its counts pool its codes and its direct applications. */
export interface CodebookTheme {
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  readonly counts?: CodeComparison;
  /** Empty for a theme applied as a code of its own. */
  readonly codes: readonly CodebookCode[];
}

/** The codebook for a paper's appendix or a second coder: definitions, criteria and counts. */
export interface CodebookExport {
  readonly themes: readonly CodebookTheme[];
  /** The two waves counted in (the wave comparison's setting and sizes); absent without counts. */
  readonly waves?: Pick<WaveComparison, 'attribute' | 'baseline' | 'followup' | 'totals'>;
  /** Why there are no counts (for example, only one wave coded so far). */
  readonly noCounts?: string;
}

export interface CodebookExportOptions {
  /**
   * The waves to count in; default: those `qualframe compare` would compare (`compare` in
   * qualframe.yaml, else the two lowest values). Without two waves the codebook has no counts.
   */
  readonly setting?: WaveSetting;
}

/**
 * The codebook in codebook order with each theme's and code's definitions and criteria, and
 * the counts of the wave comparison: the cases and segments in the baseline and the
 * follow-up, the status and the first wave. A codebook exported before any coding, or from a
 * single wave, is still a codebook: it comes without counts, and says why.
 */
export function buildCodebookExport(corpus: Corpus, options: CodebookExportOptions = {}): CodebookExport {
  const setting = options.setting ?? resolveComparison(corpus);
  const noCounts = isWaveSettingError(setting) ? setting.error : undefined;
  const comparison = isWaveSettingError(setting) ? undefined : buildWaveComparison(corpus, setting);
  const compared = new Map(comparison?.themes.map((t) => [t.id, t]));
  const themes = corpus.codebook.themes.map((theme): CodebookTheme => {
    const counted = compared.get(theme.id);
    const codeCounts = new Map(counted?.codes.map((c) => [c.id, c]));
    return {
      id: theme.id,
      name: theme.name,
      ...(theme.description !== undefined ? { description: theme.description } : {}),
      ...(counted ? { counts: withoutCodes(counted) } : {}),
      codes: theme.codes.map((code): CodebookCode => {
        const counts = codeCounts.get(code.id);
        return {
          id: code.id,
          name: code.name,
          ...(code.description !== undefined ? { description: code.description } : {}),
          ...(code.include !== undefined ? { include: code.include } : {}),
          ...(code.exclude !== undefined ? { exclude: code.exclude } : {}),
          ...(code.example !== undefined ? { example: code.example } : {}),
          ...(counts ? { counts } : {}),
        };
      }),
    };
  });
  if (!comparison) return { themes, ...(noCounts !== undefined ? { noCounts } : {}) };
  const { attribute, baseline, followup, totals } = comparison;
  return { themes, waves: { attribute, baseline, followup, totals } };
}

/** A theme's own counts: its codes' are given with each code. */
function withoutCodes(theme: ThemeComparison): CodeComparison {
  const { id, name, status, firstWave, baseline, followup } = theme;
  return { id, name, status, firstWave, baseline, followup };
}

/** The codebook's text formats; xlsx and docx are written by src/node/export. */
export const CODEBOOK_TEXT_FORMATS = ['md', 'csv'] as const;
export type CodebookTextFormat = (typeof CODEBOOK_TEXT_FORMATS)[number];

/** The codebook as Markdown or CSV (see {@link renderCodebookMarkdown}, {@link renderCodebookCsv}). */
export function renderCodebook(corpus: Corpus, format: CodebookTextFormat, options: CodebookExportOptions = {}): string {
  const codebook = buildCodebookExport(corpus, options);
  return format === 'csv' ? renderCodebookCsv(codebook) : renderCodebookMarkdown(codebook);
}

/** What the counts are, in a sentence. */
function countsNote(codebook: CodebookExport): string {
  const w = codebook.waves;
  if (!w) return `No counts per wave: ${codebook.noCounts ?? 'no two waves to compare'}.`;
  return `Coded: the cases with at least one coded segment, and the coded segments, in ${waveLabel(w.attribute, w.baseline)} ` +
    `(the baseline, ${count(w.totals.baseline.cases, 'case')}) and ${waveLabel(w.attribute, w.followup)} (the follow-up, ` +
    `${count(w.totals.followup.cases, 'case')}); then whether it was predicted and reported, predicted but not reported, emergent, or unused.`;
}

/** `wave 2016: 3 cases, 4 segments; wave 2021: 0 cases, 0 segments (predicted, not reported)`. */
function countsText(codebook: CodebookExport, c: CodeComparison): string {
  const w = codebook.waves!;
  const inWave = (wave: string, n: WaveCount) => `${waveLabel(w.attribute, wave)}: ${count(n.cases, 'case')}, ${count(n.segments, 'segment')}`;
  return `${inWave(w.baseline, c.baseline)}; ${inWave(w.followup, c.followup)} (${STATUS_WORDS[c.status]})`;
}

/**
 * The codebook as Markdown: what the counts are, then a section per theme (`## Theme`) and
 * per code (`### Code`), each a list of its id, definition, inclusion and exclusion
 * criteria, example, and counts; a field the codebook leaves empty is left out.
 */
export function renderCodebookMarkdown(codebook: CodebookExport): string {
  const out: string[] = ['# Codebook', '', markdownText(countsNote(codebook))];
  if (codebook.themes.length === 0) out.push('', 'The codebook has no themes yet.');
  const item = (label: string, text: string | undefined) => (text === undefined || text.trim() === '' ? [] : [`- **${label}:** ${markdownText(text)}`]);
  const coded = (c: CodeComparison | undefined) => (c ? item('Coded', countsText(codebook, c)) : []);
  for (const t of codebook.themes) {
    out.push('', `## ${markdownText(t.name)}`, '', `- **Id:** \`${t.id}\``, ...item('Description', t.description), ...coded(t.counts));
    for (const c of t.codes) {
      out.push('', `### ${markdownText(c.name)}`, '', `- **Id:** \`${c.id}\``,
        ...item('Definition', c.description), ...item('Include', c.include), ...item('Exclude', c.exclude), ...item('Example', c.example),
        ...coded(c.counts));
    }
  }
  return `${out.join('\n')}\n`;
}

/** The codebook's columns, as the CSV and the workbook share them. */
function codebookColumns(codebook: CodebookExport): SheetColumn[] {
  const columns: SheetColumn[] = [
    { header: 'theme', width: 16 }, { header: 'code', width: 22 }, { header: 'name', width: 30, wrap: true },
    { header: 'description', width: 50, wrap: true }, { header: 'include', width: 40, wrap: true },
    { header: 'exclude', width: 40, wrap: true }, { header: 'example', width: 40, wrap: true },
  ];
  const w = codebook.waves;
  if (w) {
    columns.push({ header: 'status', width: 22 }, { header: 'first wave', width: 10 },
      { header: `${w.baseline} cases`, width: 10 }, { header: `${w.baseline} segments`, width: 10 },
      { header: `${w.followup} cases`, width: 10 }, { header: `${w.followup} segments`, width: 10 });
  }
  return columns;
}

/** A row per theme, then one per each of its codes (`code` empty on the theme's row). */
function codebookRows(codebook: CodebookExport): SheetCell[][] {
  const counts = (c: CodeComparison | undefined): SheetCell[] => {
    if (!codebook.waves) return [];
    if (!c) return ['', '', '', '', '', ''];
    return [STATUS_WORDS[c.status], c.firstWave ?? '', c.baseline.cases, c.baseline.segments, c.followup.cases, c.followup.segments];
  };
  return codebook.themes.flatMap((t) => [
    [t.id, '', t.name, t.description ?? '', '', '', '', ...counts(t.counts)],
    ...t.codes.map((c) => [t.id, c.id, c.name, c.description ?? '', c.include ?? '', c.exclude ?? '', c.example ?? '', ...counts(c.counts)]),
  ]);
}

/**
 * The codebook as CSV (UTF-8 with BOM, formulas neutralised): a row per theme, then one per
 * each of its codes, with `theme`, `code` (empty on the theme's row), `name`, `description`,
 * `include`, `exclude`, `example`, and with counts `status` (in words), `first wave` and each
 * wave's `cases` and `segments` (named `2016 cases` and so on).
 */
export function renderCodebookCsv(codebook: CodebookExport): string {
  return spreadsheetCsv(codebookColumns(codebook).map((c) => c.header), codebookRows(codebook));
}

/** The codebook as a workbook: one sheet with the CSV's columns, the counts as numbers. */
export function codebookWorkbook(codebook: CodebookExport): Workbook {
  return { title: 'Codebook', sheets: namedSheets([{ name: 'Codebook', columns: codebookColumns(codebook), rows: codebookRows(codebook) }]) };
}

/**
 * The codebook as a document, on landscape pages: what the counts are, then a section per
 * theme with its description, id and counts, and a table of its codes: the code (name and
 * id), its definition (and example, in italics), inclusion and exclusion criteria, and with
 * counts each wave's cases and segments and the status.
 */
export function codebookDocument(codebook: CodebookExport): OfficeDocument {
  const w = codebook.waves;
  const blocks: DocumentBlock[] = [{ kind: 'heading', level: 1, text: 'Codebook' }, paragraph(countsNote(codebook))];
  if (codebook.themes.length === 0) blocks.push(paragraph('The codebook has no themes yet.'));
  const waveCell = (n: WaveCount): DocumentCell => [[{ text: count(n.cases, 'case') }], [{ text: count(n.segments, 'segment') }]];
  const labelled = (label: string, text: string): DocumentParagraph => [{ text: `${label}: `, bold: true }, { text: oneLine(text) }];
  for (const t of codebook.themes) {
    blocks.push({ kind: 'heading', level: 2, text: t.name });
    if (t.description !== undefined) blocks.push(paragraph(oneLine(t.description)));
    blocks.push({ kind: 'paragraph', runs: labelled('Id', t.id) });
    if (t.counts) blocks.push({ kind: 'paragraph', runs: labelled('Coded', countsText(codebook, t.counts)) });
    if (t.codes.length === 0) continue;
    const header = ['Code', 'Definition', 'Include', 'Exclude', ...(w ? [waveLabel(w.attribute, w.baseline), waveLabel(w.attribute, w.followup), 'Status'] : [])];
    blocks.push({
      kind: 'table',
      header: header.map((h) => textCell(h, { bold: true })),
      rows: t.codes.map((c) => [
        [[{ text: c.name, bold: true }], [{ text: c.id }]],
        [
          ...(c.description !== undefined ? [[{ text: oneLine(c.description) }]] : []),
          ...(c.example !== undefined ? [[{ text: 'Example: ' }, { text: oneLine(c.example), italic: true }]] : []),
        ],
        textCell(oneLine(c.include ?? '')),
        textCell(oneLine(c.exclude ?? '')),
        ...(w && c.counts ? [waveCell(c.counts.baseline), waveCell(c.counts.followup), textCell(STATUS_WORDS[c.counts.status])] : w ? [[], [], []] : []),
      ]),
      widths: w ? [3, 5, 4, 4, 2, 2, 2] : [3, 5, 4, 4],
    });
  }
  return { title: 'Codebook', landscape: true, blocks };
}
