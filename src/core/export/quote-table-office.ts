import { namedSheets, paragraph, quoteRuns, waveLabel, waveTitle, type DocumentBlock, type DocumentCell, type OfficeDocument, type Sheet, type SheetCell, type Workbook } from './office-model';
import type { QuoteTable, QuoteTheme, QuoteWave } from './quote-table';

/**
 * How a theme's waves are laid out: `side-by-side`, a column per wave, so that what was
 * predicted and what was reported can be read across; `sequential`, one wave after the other.
 */
export const QUOTE_LAYOUTS = ['side-by-side', 'sequential'] as const;
export type QuoteLayout = (typeof QUOTE_LAYOUTS)[number];

export interface QuoteLayoutOptions {
  /** Default `side-by-side`. */
  readonly layout?: QuoteLayout;
}

const QUOTE_WIDTH = 60;
const CASE_WIDTH = 10;

/**
 * The quote table as a workbook: a sheet per theme. Side by side, each wave has two columns,
 * the quote and its case id (`wave 2016: quote`, `wave 2016: case`), and row N holds each
 * wave's Nth quote; sequentially, the columns are the wave, the quote and the case id, one
 * row per quote. The quote keeps its own text, line breaks included; the case id has a column
 * of its own so that a spreadsheet can sort and filter by it.
 */
export function quoteTableWorkbook(table: QuoteTable, options: QuoteLayoutOptions = {}): Workbook {
  const sideBySide = (options.layout ?? 'side-by-side') === 'side-by-side';
  const sheetOf = (t: QuoteTheme): Sheet => (sideBySide ? sideBySideSheet(table.attribute, t) : sequentialSheet(table.attribute, t));
  const sheets = table.themes.map(sheetOf);
  // A workbook needs a sheet: a codebook without themes still gives the table's columns, empty.
  if (sheets.length === 0) sheets.push(sequentialSheet(table.attribute, { theme: { id: '', name: 'Quotes' }, waves: [] }));
  return { title: 'Quotes by theme and wave', sheets: namedSheets(sheets) };
}

function sideBySideSheet(attribute: string, t: QuoteTheme): Sheet {
  const columns = t.waves.flatMap((w) => [
    { header: `${waveLabel(attribute, w.wave)}: quote`, width: QUOTE_WIDTH, wrap: true },
    { header: `${waveLabel(attribute, w.wave)}: case`, width: CASE_WIDTH },
  ]);
  const rows = Array.from({ length: longest(t.waves) }, (_, i) => t.waves.flatMap((w): SheetCell[] => {
    const q = w.quotes[i];
    return q ? [q.quote, q.case] : ['', ''];
  }));
  return { name: t.theme.name, columns, rows };
}

function sequentialSheet(attribute: string, t: QuoteTheme): Sheet {
  return {
    name: t.theme.name,
    columns: [{ header: attribute, width: CASE_WIDTH }, { header: 'quote', width: QUOTE_WIDTH + 20, wrap: true }, { header: 'case', width: CASE_WIDTH }],
    rows: t.waves.flatMap((w) => w.quotes.map((q) => [w.wave === '' ? '(none)' : w.wave, q.quote, q.case])),
  };
}

/**
 * The quote table as a document for a paper's supplementary material: a section per theme
 * (`Theme` as a heading). Side by side, one table with a column per wave (headed `wave: 2016`)
 * whose row N holds each wave's Nth quote; sequentially, a heading per wave and a table of its
 * quotes. Each quote is italic between quotation marks, followed by its case id: “…” [P3]. A
 * theme or wave without quotes says so, since an absence is a finding too.
 */
export function quoteTableDocument(table: QuoteTable, options: QuoteLayoutOptions = {}): OfficeDocument {
  const sideBySide = (options.layout ?? 'side-by-side') === 'side-by-side';
  const blocks: DocumentBlock[] = [{ kind: 'heading', level: 1, text: 'Quotes by theme and wave' }];
  if (table.themes.length === 0) blocks.push(paragraph('No themes.'));
  for (const t of table.themes) {
    blocks.push({ kind: 'heading', level: 2, text: t.theme.name });
    if (sideBySide) {
      if (longest(t.waves) === 0) {
        blocks.push(paragraph(t.waves.length === 0 ? 'No waves.' : 'No quotes in any wave.'));
        continue;
      }
      blocks.push({
        kind: 'table',
        header: t.waves.map((w): DocumentCell => [[{ text: waveTitle(table.attribute, w.wave), bold: true }]]),
        rows: Array.from({ length: longest(t.waves) }, (_, i) => t.waves.map((w) => quoteCell(w, i))),
      });
      continue;
    }
    for (const w of t.waves) {
      blocks.push({ kind: 'heading', level: 3, text: waveTitle(table.attribute, w.wave) });
      blocks.push(w.quotes.length === 0 ? paragraph('No quotes.') : { kind: 'table', rows: w.quotes.map((_, i) => [quoteCell(w, i)]) });
    }
  }
  return { title: 'Quotes by theme and wave', blocks };
}

function quoteCell(w: QuoteWave, i: number): DocumentCell {
  const q = w.quotes[i];
  return q ? [quoteRuns(q.quote, q.case)] : [];
}

function longest(waves: readonly QuoteWave[]): number {
  return Math.max(0, ...waves.map((w) => w.quotes.length));
}
