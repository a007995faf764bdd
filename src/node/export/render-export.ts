import type { WaveSetting } from '../../core/compare/comparison-setting';
import { buildWaveComparison } from '../../core/compare/wave-comparison';
import type { Corpus } from '../../core/corpus/corpus';
import { buildCodebookExport, codebookDocument, codebookWorkbook, renderCodebookCsv, renderCodebookMarkdown, type CodebookExportOptions } from '../../core/export/codebook-export';
import { codedDocumentOffice, renderCodedDocumentHtml } from '../../core/export/coded-document';
import { comparisonDocument, comparisonWorkbook } from '../../core/export/comparison-office';
import { matrixDocument, matrixWorkbook } from '../../core/export/matrix-office';
import type { OfficeDocument, Workbook } from '../../core/export/office-model';
import { buildQuoteTable, type QuoteTableOptions } from '../../core/export/quote-table';
import { quoteTableDocument, quoteTableWorkbook, type QuoteLayoutOptions } from '../../core/export/quote-table-office';
import { renderComparisonExport, renderComparisonJson, type ComparisonQuoteOptions } from '../../core/export/render-comparison';
import { renderMatrix } from '../../core/export/render-matrix';
import { renderQuoteTableCsv, renderQuoteTableMarkdown } from '../../core/export/render-quote-table';
import { buildFrameworkMatrix, chooseQuotes } from '../../core/matrix/framework-matrix';
import { loadOfficeWriters } from './load-office-writers';

/** Each export and the formats it is written in. */
export const EXPORT_FORMATS = {
  /** The quote table: per theme and wave, the quotes with their case ids. */
  quotes: ['md', 'csv', 'xlsx', 'docx'],
  /** The codebook: definitions, criteria and counts per wave. */
  codebook: ['md', 'csv', 'xlsx', 'docx'],
  /** The framework matrix: cases by themes, summaries and quotes. */
  matrix: ['md', 'csv', 'json', 'xlsx', 'docx'],
  /** The wave comparison: predicted against reported, with quotes side by side. */
  comparison: ['md', 'csv', 'json', 'xlsx', 'docx'],
  /** The coded document: transcripts with their coded segments highlighted and the codes beside them. */
  coded: ['html', 'docx'],
} as const;

export type ExportKind = keyof typeof EXPORT_FORMATS;
export type ExportFormat<K extends ExportKind = ExportKind> = (typeof EXPORT_FORMATS)[K][number];

/** The formats written as bytes (zip packages); every other format is text. */
export const BINARY_FORMATS = ['xlsx', 'docx'] as const;
export type BinaryFormat = (typeof BINARY_FORMATS)[number];

export function isBinaryFormat(format: string): format is BinaryFormat {
  return (BINARY_FORMATS as readonly string[]).includes(format);
}

/** What each export takes. */
export interface ExportOptions {
  /** Which quotes, and (xlsx, docx) the waves side by side or one after the other. */
  readonly quotes: QuoteTableOptions & QuoteLayoutOptions;
  /** The waves to count in (default: as `qualframe compare`; none: no counts). */
  readonly codebook: CodebookExportOptions;
  /** The attribute rows are grouped by (default: the comparison attribute). */
  readonly matrix: { readonly attribute?: string; readonly maxQuotes?: number; readonly illustrative?: boolean };
  /** The two waves (from `resolveComparison`) and the quotes beside the counts (default: all). */
  readonly comparison: ComparisonQuoteOptions & { readonly setting: WaveSetting };
  /** The documents (their paths in the corpus), in the order written: one transcript, or a case's. */
  readonly coded: { readonly paths: readonly string[] };
}

/**
 * An export of the corpus in one format, as the extension's export commands and the
 * `qualframe` command line write it: text (md, csv, json, html) as a string, xlsx and docx as the
 * file's bytes. The office writers are loaded only for xlsx and docx.
 *
 * @example
 *   await renderExport('quotes', corpus, { themes: ['workforce'], layout: 'sequential' }, 'docx')
 *   await renderExport('comparison', corpus, { setting, max: 3 }, 'xlsx')
 *   await renderExport('coded', corpus, { paths: ['2021/SH4.md'] }, 'docx')
 */
export async function renderExport<K extends ExportKind>(kind: K, corpus: Corpus, options: ExportOptions[K], format: ExportFormat<K>): Promise<string | Uint8Array> {
  // The switch narrows `kind`, not the options tied to it: the signature above keeps callers honest.
  switch (kind) {
    case 'quotes':
      return renderQuotesExport(corpus, options as ExportOptions['quotes'], format as ExportFormat<'quotes'>);
    case 'codebook':
      return renderCodebookExport(corpus, options as ExportOptions['codebook'], format as ExportFormat<'codebook'>);
    case 'matrix':
      return renderMatrixExport(corpus, options as ExportOptions['matrix'], format as ExportFormat<'matrix'>);
    case 'comparison':
      return renderComparisonFile(corpus, options as ExportOptions['comparison'], format as ExportFormat<'comparison'>);
    case 'coded':
      return renderCodedExport(corpus, options as ExportOptions['coded'], format as ExportFormat<'coded'>);
    default:
      throw new Error(`unknown export: ${String(kind)}`);
  }
}

/** The quote table; `unknownThemes` of the table is the caller's to check (buildQuoteTable). */
export async function renderQuotesExport(corpus: Corpus, options: ExportOptions['quotes'], format: ExportFormat<'quotes'>): Promise<string | Uint8Array> {
  const table = buildQuoteTable(corpus, options);
  switch (format) {
    case 'md':
      return renderQuoteTableMarkdown(table);
    case 'csv':
      return renderQuoteTableCsv(table);
    default:
      return writeOffice(format, () => quoteTableWorkbook(table, options), () => quoteTableDocument(table, options));
  }
}

export async function renderCodebookExport(corpus: Corpus, options: ExportOptions['codebook'], format: ExportFormat<'codebook'>): Promise<string | Uint8Array> {
  const codebook = buildCodebookExport(corpus, options);
  switch (format) {
    case 'md':
      return renderCodebookMarkdown(codebook);
    case 'csv':
      return renderCodebookCsv(codebook);
    default:
      return writeOffice(format, () => codebookWorkbook(codebook), () => codebookDocument(codebook));
  }
}

export async function renderMatrixExport(corpus: Corpus, options: ExportOptions['matrix'], format: ExportFormat<'matrix'>): Promise<string | Uint8Array> {
  const matrix = chooseQuotes(buildFrameworkMatrix(corpus, options.attribute !== undefined ? { attribute: options.attribute } : {}), {
    ...(options.maxQuotes !== undefined ? { max: options.maxQuotes } : {}),
    illustrative: Boolean(options.illustrative),
  });
  if (!isBinaryFormat(format)) return renderMatrix(matrix, format);
  return writeOffice(format, () => matrixWorkbook(matrix), () => matrixDocument(matrix));
}

export async function renderComparisonFile(corpus: Corpus, options: ExportOptions['comparison'], format: ExportFormat<'comparison'>): Promise<string | Uint8Array> {
  const { setting, ...quotes } = options;
  switch (format) {
    case 'json':
      return renderComparisonJson(buildWaveComparison(corpus, setting));
    case 'md':
    case 'csv':
      return renderComparisonExport(corpus, setting, format, quotes);
    default:
      return writeOffice(format, () => comparisonWorkbook(corpus, setting, quotes), () => comparisonDocument(corpus, setting, quotes));
  }
}

/**
 * The coded document of the documents at `paths`: an HTML page, or a Word document with each
 * coded segment shaded and a comment per annotation naming its code. Throws when no path is
 * given or one is not in the corpus (the caller checks the documents are still there).
 */
export async function renderCodedExport(corpus: Corpus, options: ExportOptions['coded'], format: ExportFormat<'coded'>): Promise<string | Uint8Array> {
  if (options.paths.length === 0) throw new Error('no document to export');
  const byPath = new Map(corpus.documents.map((d) => [d.path, d]));
  const missing = options.paths.filter((p) => !byPath.has(p));
  if (missing.length > 0) throw new Error(`not in the corpus: ${missing.join(', ')}`);
  const documents = options.paths.map((p) => byPath.get(p)!);
  if (format === 'html') return renderCodedDocumentHtml(documents, corpus.codebook);
  const writers = await loadOfficeWriters();
  return writers.writeDocx(codedDocumentOffice(documents, corpus.codebook));
}

/** Builds the model for the format asked (pure, in the core) and writes it with the lazily loaded writers. */
async function writeOffice(format: BinaryFormat, workbook: () => Workbook, document: () => OfficeDocument): Promise<Uint8Array> {
  const writers = await loadOfficeWriters();
  return format === 'xlsx' ? writers.writeXlsx(workbook()) : writers.writeDocx(document());
}
