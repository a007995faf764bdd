import { stringify } from 'csv-stringify/sync';

/** A CSV cell: text, or a number (never formula-escaped, since it cannot be a formula). */
export type CsvCell = string | number;

/**
 * CSV that a spreadsheet opens safely: UTF-8 with a BOM (so Excel reads accents and curly
 * quotes right), every field quoted as needed, and any text cell that a spreadsheet would run
 * as a formula (starting `=`, `+`, `-`, `@`, tab or CR, or their full-width forms) prefixed
 * with `'`. Transcript text is data, never a formula.
 */
export function spreadsheetCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return stringify([[...header], ...rows.map((r) => [...r])], { bom: true, escape_formulas: true });
}
