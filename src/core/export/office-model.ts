/**
 * Format-neutral descriptions of the office exports: a workbook (XLSX) is sheets of a header
 * and rows of text or number cells; a document (DOCX) is headings, paragraphs and tables of
 * runs. The core builds them from its analysis models; src/node/export/office-writers.ts
 * turns them into files, so that the choice of what goes where stays pure and testable and
 * the heavy writers load only when someone exports.
 */

/** A spreadsheet cell: text (always written as text, never read as a formula) or a number. */
export type SheetCell = string | number;

/** A column of a sheet: its header and how it is shown. */
export interface SheetColumn {
  readonly header: string;
  /** Width in characters, as spreadsheets measure columns. */
  readonly width: number;
  /** Long text (quotes, summaries, definitions): wrapped and top-aligned, so a row shows it whole. */
  readonly wrap?: boolean;
  /** Numbers from 0 to 1, shown as whole percentages (a share of a wave's cases). */
  readonly percent?: boolean;
}

/** One sheet: the header row (bold and frozen when written) and the rows under it. */
export interface Sheet {
  /** Unique in its workbook and valid for Excel: see {@link sheetNames}. */
  readonly name: string;
  readonly columns: readonly SheetColumn[];
  /** Each row has at most one cell per column; a missing cell is left empty. */
  readonly rows: readonly (readonly SheetCell[])[];
}

/** A workbook: at least one sheet, since a spreadsheet cannot open a workbook without any. */
export interface Workbook {
  readonly title: string;
  readonly sheets: readonly Sheet[];
}

/** A run of text with its emphasis. */
export interface DocumentRun {
  /** Its text; a line break in it is a line break in the paragraph. */
  readonly text: string;
  readonly italic?: boolean;
  readonly bold?: boolean;
  /** A background colour behind the text, `#rgb` or `#rrggbb`; any other value is ignored (see {@link hexColour}). */
  readonly shading?: string;
  /** The comments in the margin on this run (Word's comments): see {@link RunComment}. */
  readonly comments?: readonly RunComment[];
}

/**
 * A comment in the margin. The runs carrying the same `id` are the text it is on: it spans
 * from the first of them to the last in reading order, across paragraphs if need be, and
 * comments may overlap.
 */
export interface RunComment {
  /** Unique in the document for each comment; its runs all carry it. */
  readonly id: string;
  /** What the margin shows; a line break in it starts a new paragraph of the comment. */
  readonly text: string;
}

/** A colour written as `#rgb` or `#rrggbb`, as `#rrggbb` in lower case; undefined for anything else. */
export function hexColour(value: string): string | undefined {
  const match = /^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/.exec(value);
  if (!match) return undefined;
  const digits = match[1].length === 3 ? [...match[1]].map((d) => d + d).join('') : match[1];
  return `#${digits.toLowerCase()}`;
}

/** A paragraph: its runs, in order. */
export type DocumentParagraph = readonly DocumentRun[];

/** A table cell: its paragraphs (none: an empty cell). */
export type DocumentCell = readonly DocumentParagraph[];

export type DocumentBlock =
  | { readonly kind: 'heading'; readonly level: 1 | 2 | 3 | 4; readonly text: string }
  | { readonly kind: 'paragraph'; readonly runs: DocumentParagraph }
  | {
      readonly kind: 'table';
      /** The header row, repeated on each page; none when a heading above already names the column. */
      readonly header?: readonly DocumentCell[];
      readonly rows: readonly (readonly DocumentCell[])[];
      /** Relative column widths (any unit); default: equal. */
      readonly widths?: readonly number[];
    };

/** A document: its title (the file's properties) and its blocks in reading order. */
export interface OfficeDocument {
  readonly title: string;
  /** Wide tables (a matrix of themes, a comparison's counts) read better on a landscape page. */
  readonly landscape?: boolean;
  readonly blocks: readonly DocumentBlock[];
}

/** Text on one line: line breaks and runs of white space become one space. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The marks a quote may carry, as the comparison prints them. */
export interface QuoteMarks {
  /** ★ before a quote marked illustrative. */
  readonly illustrative?: boolean;
  /** "(orphaned)" after a quote whose text is no longer in its transcript. */
  readonly orphaned?: boolean;
}

/**
 * A quote as papers print it: the participant's words in italics between quotation marks,
 * then the case id, `“…” [P3]`.
 */
export function quoteRuns(quote: string, caseId: string, marks: QuoteMarks = {}): DocumentParagraph {
  return [
    ...(marks.illustrative ? [{ text: '★ ' }] : []),
    { text: `“${oneLine(quote)}”`, italic: true },
    { text: ` [${caseId}]` },
    ...(marks.orphaned ? [{ text: ' (orphaned)' }] : []),
  ];
}

/** A paragraph of plain text. */
export function paragraph(text: string): DocumentBlock {
  return { kind: 'paragraph', runs: [{ text }] };
}

/** A cell of one plain paragraph (or none, for empty text). */
export function textCell(text: string, emphasis: { bold?: boolean; italic?: boolean } = {}): DocumentCell {
  return text === '' ? [] : [[{ text, ...emphasis }]];
}

/** A wave as a label: `wave 2016`, or `wave (none)` for documents without a value. */
export function waveLabel(attribute: string, wave: string): string {
  return `${attribute} ${wave === '' ? '(none)' : wave}`;
}

/** A wave as a heading: `wave: 2016`, as the Markdown exports head it. */
export function waveTitle(attribute: string, wave: string): string {
  return `${attribute}: ${wave === '' ? '(none)' : wave}`;
}

/** Excel's limit on a sheet name's length. */
export const SHEET_NAME_MAX = 31;

/**
 * Names for sheets, one per wanted name, that Excel accepts: none of `[ ] : * ? / \`, no
 * apostrophe at either end, 1 to 31 characters, not "History" (reserved), and unique without
 * regard to case (Excel's comparison), a clash getting " (2)", " (3)" and so on.
 */
export function sheetNames(wanted: readonly string[]): string[] {
  const taken = new Set<string>();
  return wanted.map((w) => {
    let base = oneLine(w.replace(/[[\]:*?/\\]/g, ' ')).replace(/^'+|'+$/g, '').trim();
    if (base === '' || base.toLowerCase() === 'history') base = base === '' ? 'Sheet' : `${base} sheet`;
    for (let n = 1; ; n++) {
      const suffix = n === 1 ? '' : ` (${n})`;
      const name = `${cutName(base, SHEET_NAME_MAX - suffix.length)}${suffix}`;
      if (!taken.has(name.toLowerCase())) {
        taken.add(name.toLowerCase());
        return name;
      }
    }
  });
}

/** The first `max` UTF-16 units, not splitting a surrogate pair, without a trailing space or apostrophe. */
function cutName(name: string, max: number): string {
  if (name.length <= max) return name;
  return name.slice(0, max).replace(/[\uD800-\uDBFF]$/, '').replace(/[\s']+$/, '') || 'Sheet';
}

/** Sheets with their names made valid and unique, in order. */
export function namedSheets(sheets: readonly Sheet[]): Sheet[] {
  const names = sheetNames(sheets.map((s) => s.name));
  return sheets.map((s, i) => ({ ...s, name: names[i] }));
}
