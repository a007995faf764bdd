// The XLSX and DOCX writers. exceljs and docx are large, so this module is its own bundle
// (dist/office-writers.js, see scripts/build.mjs) and is loaded only when someone exports to
// one of these formats, through load-office-writers.ts; nothing else may import it.
import ExcelJS from 'exceljs';
import {
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  Document,
  HeadingLevel,
  Packer,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ICommentOptions,
  type ParagraphChild,
} from 'docx';
import { hexColour, type DocumentBlock, type DocumentCell, type DocumentParagraph, type DocumentRun, type OfficeDocument, type SheetCell, type Workbook } from '../../core/export/office-model';

/** Excel holds at most this many characters in a cell; more, and it reports the file as damaged. */
export const CELL_TEXT_MAX = 32_767;
const CUT_NOTE = ' … [cut here: a spreadsheet cell holds at most 32,767 characters]';

/**
 * The workbook as an .xlsx file. Every cell is written as a text or a number value, never a
 * formula: a quote beginning `=`, `+`, `-` or `@` stays the participant's words. Each sheet's
 * header row is bold and frozen (it stays in view while scrolling through quotes), columns
 * get their widths, long text wraps.
 */
export async function writeXlsx(workbook: Workbook): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.creator = 'QualFrame';
  book.title = xmlText(workbook.title);
  const sheets = workbook.sheets.length > 0 ? workbook.sheets : [{ name: 'Sheet', columns: [], rows: [] }];
  for (const sheet of sheets) {
    const ws = book.addWorksheet(sheet.name, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
    sheet.columns.forEach((c, i) => {
      ws.getColumn(i + 1).width = c.width;
    });
    const header = ws.getRow(1);
    sheet.columns.forEach((c, i) => {
      const cell = header.getCell(i + 1);
      cell.value = cellText(c.header);
      cell.font = { name: 'Calibri', size: 11, bold: true };
      cell.alignment = { vertical: 'top', wrapText: true };
    });
    sheet.rows.forEach((values, r) => {
      const row = ws.getRow(r + 2);
      values.forEach((value, i) => {
        const cell = row.getCell(i + 1);
        // Set as a plain string or number: exceljs treats only an object with `formula` as a formula.
        cell.value = cellValue(value);
        const column = sheet.columns[i];
        if (column?.wrap) cell.alignment = { vertical: 'top', wrapText: true };
        else cell.alignment = { vertical: 'top' };
        if (column?.percent && typeof value === 'number') cell.numFmt = '0%';
      });
    });
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}

function cellValue(value: SheetCell): string | number {
  if (typeof value === 'number') return Number.isFinite(value) ? value : cellText(String(value));
  return cellText(value);
}

/**
 * Text as a cell can hold it: XML-safe, with a literal `_x0041_` kept literal (spreadsheets
 * read `_xHHHH_` in cell text as an escaped character), and cut, saying so, at Excel's limit.
 */
function cellText(text: string): string {
  const safe = xmlText(text).replace(/_x([0-9A-Fa-f]{4})_/g, '_x005F_x$1_');
  if (safe.length <= CELL_TEXT_MAX) return safe;
  return safe.slice(0, CELL_TEXT_MAX - CUT_NOTE.length).replace(/[\uD800-\uDBFF]$/, '') + CUT_NOTE;
}

/**
 * Text without the characters XML 1.0 cannot hold (control characters other than tab, line
 * feed and carriage return; lone surrogates; U+FFFE and U+FFFF): a transcript converted from
 * another format may carry them, and one of them makes Word or Excel refuse the whole file.
 */
export function xmlText(text: string): string {
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');
}

const HEADINGS = {
  1: HeadingLevel.HEADING_1,
  2: HeadingLevel.HEADING_2,
  3: HeadingLevel.HEADING_3,
  4: HeadingLevel.HEADING_4,
} as const;

/**
 * The document as a .docx file: headings as Word's heading styles (so the navigation pane
 * lists the themes), tables full width with a repeated header row, quotes in italics with
 * their case id after them, shaded runs on their colour, and comments in the margin.
 */
export async function writeDocx(document: OfficeDocument): Promise<Uint8Array> {
  const comments = new CommentWriter(document.blocks);
  const children = document.blocks.map((b) => block(b, comments));
  const doc = new Document({
    creator: 'QualFrame',
    title: xmlText(document.title),
    ...(comments.written.length > 0 ? { comments: { children: comments.written } } : {}),
    sections: [{
      properties: document.landscape ? { page: { size: { orientation: PageOrientation.LANDSCAPE } } } : {},
      children,
    }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/**
 * Places the comments of the runs: a comment's range opens before the first run carrying it
 * and closes, with its reference (the mark Word anchors the margin note to), after the last,
 * wherever in the document they are. Word numbers comments; they are numbered in the order
 * they open.
 */
class CommentWriter {
  /** The comments for the document's comments part, in the order they open. */
  readonly written: ICommentOptions[] = [];
  /** For each comment id, its number once open and how many of its runs are still to come. */
  private readonly comments = new Map<string, { number?: number; left: number }>();

  constructor(blocks: readonly DocumentBlock[]) {
    // Counting needs no particular order: a comment closes when its last run is written.
    const paragraphs = blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.runs] : b.kind === 'table' ? [...(b.header ?? []), ...b.rows.flat()].flat() : []));
    for (const runs of paragraphs) {
      for (const r of runs) {
        for (const id of new Set((r.comments ?? []).map((c) => c.id))) {
          const known = this.comments.get(id);
          if (known) known.left++;
          else this.comments.set(id, { left: 1 });
        }
      }
    }
  }

  /** The paragraph's children for one run: range starts, the run's text, then range ends and references. */
  run(r: DocumentRun, text: ParagraphChild[]): ParagraphChild[] {
    const before: ParagraphChild[] = [];
    const after: ParagraphChild[] = [];
    const seen = new Set<string>();
    for (const c of r.comments ?? []) {
      if (seen.has(c.id)) continue;
      seen.add(c.id);
      const state = this.comments.get(c.id)!;
      if (state.number === undefined) {
        state.number = this.written.length;
        this.written.push({
          id: state.number,
          author: 'QualFrame',
          initials: 'QF',
          children: c.text.split(/\r?\n/).map((line) => new Paragraph({ children: [new TextRun(xmlText(line))] })),
        });
        before.push(new CommentRangeStart(state.number));
      }
      state.left--;
      if (state.left === 0) after.push(new CommentRangeEnd(state.number), new TextRun({ children: [new CommentReference(state.number)] }));
    }
    return [...before, ...text, ...after];
  }
}

function block(b: DocumentBlock, comments: CommentWriter): Paragraph | Table {
  switch (b.kind) {
    case 'heading':
      return new Paragraph({ heading: HEADINGS[b.level], children: [new TextRun(xmlText(b.text))] });
    case 'paragraph':
      return paragraph(b.runs, comments);
    case 'table':
      return table(b, comments);
  }
}

function paragraph(runs: DocumentParagraph, comments: CommentWriter): Paragraph {
  return new Paragraph({ children: runs.flatMap((r) => comments.run(r, textRuns(r))) });
}

/** A run's text as Word runs: one per line, each after the first on a new line (a `<w:br/>`). */
function textRuns(r: DocumentRun): TextRun[] {
  const fill = r.shading !== undefined ? hexColour(r.shading) : undefined;
  // Emphasis only where set: some readers take `<w:b w:val="false"/>` for bold.
  const format = {
    ...(r.italic ? { italics: true } : {}),
    ...(r.bold ? { bold: true } : {}),
    ...(fill ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: fill.slice(1).toUpperCase() } } : {}),
  };
  return r.text.split(/\r?\n/).map((line, i) => new TextRun({ text: xmlText(line), ...(i > 0 ? { break: 1 } : {}), ...format }));
}

function table(b: Extract<DocumentBlock, { kind: 'table' }>, comments: CommentWriter): Table {
  const columns = Math.max(b.header?.length ?? 0, ...b.rows.map((r) => r.length), 1);
  const weights = b.widths && b.widths.length === columns ? b.widths : Array.from({ length: columns }, () => 1);
  const total = weights.reduce((a, w) => a + w, 0);
  const percents = weights.map((w) => Math.max(1, Math.round((w / total) * 100)));
  const row = (cells: readonly DocumentCell[], header: boolean) => new TableRow({
    // Only the header row says so: some readers take any `tblHeader`, even `off`, for a header.
    ...(header ? { tableHeader: true } : {}),
    children: Array.from({ length: columns }, (_, i) => new TableCell({
      width: { size: percents[i], type: WidthType.PERCENTAGE },
      // Word needs a paragraph in every cell, even an empty one.
      children: (cells[i] ?? []).length > 0 ? cells[i].map((p) => paragraph(p, comments)) : [new Paragraph({})],
    })),
  });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [...(b.header ? [row(b.header, true)] : []), ...b.rows.map((r) => row(r, false))],
  });
}
