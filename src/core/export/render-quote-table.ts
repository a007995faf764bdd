import { compareNatural } from '../corpus/corpus';
import type { QuoteTable } from './quote-table';
import { markdownText, waveHeading } from './markdown-text';
import { spreadsheetCsv, type CsvCell } from './spreadsheet-csv';

/**
 * The quote table as Markdown for a paper's supplementary material: `## Theme`, then
 * `### wave: 2016`, then each quote as its own block quote, `> "quote" [P3]`. A wave without
 * quotes says so, since an absence is a finding too.
 */
export function renderQuoteTableMarkdown(table: QuoteTable): string {
  const out: string[] = ['# Quotes by theme and wave'];
  for (const t of table.themes) {
    out.push('', `## ${markdownText(t.theme.name)}`);
    for (const w of t.waves) {
      out.push('', `### ${waveHeading(table.attribute, w.wave)}`, '');
      if (w.quotes.length === 0) out.push('_No quotes._');
      else out.push(w.quotes.map((q) => `> "${markdownText(q.quote)}" [${markdownText(q.case)}]`).join('\n\n'));
    }
  }
  return `${out.join('\n')}\n`;
}

/** The fixed columns of the CSV quote table; attribute columns go between `case` and `theme`. */
const LEADING = ['document', 'case'] as const;
const TRAILING = ['theme', 'code', 'quote', 'start', 'coder', 'memo', 'illustrative', 'theme name', 'code name', 'annotation'] as const;

/**
 * The quote table as CSV (UTF-8 with BOM; a cell a spreadsheet would run as a formula is
 * neutralised): one line per quote, with its document, case, the document's attributes (a
 * column per attribute found, in natural order; named `attribute: key` if a key clashes with a
 * fixed column), theme id, code id, quote, start, coder, memo, illustrative (`true`/`false`),
 * then the theme's and code's names and the annotation id.
 */
export function renderQuoteTableCsv(table: QuoteTable): string {
  const keys = new Set<string>();
  for (const t of table.themes) for (const w of t.waves) for (const q of w.quotes) for (const k of Object.keys(q.attributes)) keys.add(k);
  const attributeKeys = [...keys].sort(compareNatural);
  const fixed = new Set<string>([...LEADING, ...TRAILING]);
  const header = [...LEADING, ...attributeKeys.map((k) => (fixed.has(k) ? `attribute: ${k}` : k)), ...TRAILING];
  const rows: CsvCell[][] = [];
  for (const t of table.themes) {
    for (const w of t.waves) {
      for (const q of w.quotes) {
        rows.push([
          q.file, q.case,
          ...attributeKeys.map((k) => (Object.prototype.hasOwnProperty.call(q.attributes, k) ? q.attributes[k] : '')),
          t.theme.id, q.code, q.quote, q.start, q.by ?? '', q.memo ?? '', String(q.illustrative),
          t.theme.name, q.codeName, q.id,
        ]);
      }
    }
  }
  return spreadsheetCsv(header, rows);
}
