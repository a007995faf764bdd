// Opens XLSX and DOCX files as a spreadsheet or a word processor would see them: unzip the
// package, parse its XML, resolve shared strings and relationships. For the tests of the
// office writers and of the command line that writes them.
import assert from 'node:assert/strict';
import { strFromU8, unzipSync } from 'fflate';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** Every part of a zip package, as text. */
export function unzipText(bytes: Uint8Array): Record<string, string> {
  const parts = unzipSync(bytes);
  return Object.fromEntries(Object.entries(parts).map(([name, data]) => [name, strFromU8(data)]));
}

const ARRAYS = new Set(['sheet', 'Relationship', 'si', 'r', 'row', 'c', 'col', 'font', 'xf', 'numFmt']);
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  isArray: (name, _path, _leaf, isAttribute) => !isAttribute && ARRAYS.has(name),
});

/** Parses one XML part, after checking it is well-formed. */
function parse(xml: string, part: string): Record<string, unknown> {
  const valid = XMLValidator.validate(xml);
  assert.equal(valid, true, `${part} is well-formed XML: ${JSON.stringify(valid)}`);
  return parser.parse(xml) as Record<string, unknown>;
}

type Node = Record<string, unknown>;
const list = (v: unknown): Node[] => (v === undefined ? [] : Array.isArray(v) ? (v as Node[]) : [v as Node]);
const text = (v: unknown): string => (v === undefined ? '' : typeof v === 'string' ? v : String((v as Node)['#text'] ?? ''));

export interface XlsxCell {
  /** `A1` and so on. */
  readonly ref: string;
  /** The cell's `t`: `s` (shared string), `inlineStr`, `str` (a formula's text), `n` or undefined (number). */
  readonly type: string | undefined;
  /** Text for a string cell, a number for a number cell. */
  readonly value: string | number;
  readonly formula: boolean;
  /** The index of its format in styles.xml's cellXfs. */
  readonly style: number;
}

export interface XlsxSheet {
  readonly name: string;
  readonly xml: string;
  /** Row by row, each cell at its column's index (0 for A). */
  readonly rows: (XlsxCell | undefined)[][];
  readonly pane: { readonly state?: string; readonly ySplit?: string; readonly topLeftCell?: string } | undefined;
  readonly widths: number[];
}

export interface XlsxFile {
  readonly parts: Record<string, string>;
  readonly sheets: XlsxSheet[];
  /** Whether the format at this cellXfs index has a bold font. */
  bold(style: number): boolean;
  /** The number format code at this cellXfs index (`0%`); undefined for General and other built-in formats. */
  numberFormat(style: number): string | undefined;
}

/** Column letters to a 0-based index: `A` 0, `Z` 25, `AA` 26. */
function columnIndex(ref: string): number {
  const letters = /^[A-Z]+/.exec(ref)![0];
  return [...letters].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) - 1;
}

export function readXlsx(bytes: Uint8Array): XlsxFile {
  const parts = unzipText(bytes);
  for (const name of Object.keys(parts)) if (name.endsWith('.xml') || name.endsWith('.rels')) parse(parts[name], name);
  const workbook = parse(parts['xl/workbook.xml'], 'workbook') as { workbook: { sheets: { sheet: Node[] } } };
  const rels = parse(parts['xl/_rels/workbook.xml.rels'], 'rels') as { Relationships: { Relationship: Node[] } };
  const target = new Map(rels.Relationships.Relationship.map((r) => [r['@_Id'] as string, r['@_Target'] as string]));
  const shared = parts['xl/sharedStrings.xml']
    ? list((parse(parts['xl/sharedStrings.xml'], 'sharedStrings') as { sst: { si?: Node[] } }).sst.si).map((si) =>
        si.t !== undefined ? text(si.t) : list(si.r).map((r) => text(r.t)).join(''))
    : [];
  const styles = parse(parts['xl/styles.xml'], 'styles') as { styleSheet: { fonts: { font: Node[] }; cellXfs: { xf: Node[] }; numFmts?: { numFmt: Node[] } } };
  const xfs = styles.styleSheet.cellXfs.xf;
  const fonts = styles.styleSheet.fonts.font;
  // Built-in formats have an id and no entry of their own: the percentages among them.
  const formats = new Map([['9', '0%'], ['10', '0.00%'], ...list(styles.styleSheet.numFmts?.numFmt).map((f): [string, string] => [f['@_numFmtId'] as string, f['@_formatCode'] as string])]);

  const sheets = workbook.workbook.sheets.sheet.map((s): XlsxSheet => {
    const path = `xl/${target.get(s['@_r:id'] as string)!.replace(/^\/?xl\//, '')}`;
    const xml = parts[path];
    const ws = (parse(xml, path) as { worksheet: Node }).worksheet;
    // An empty `<sheetData/>` parses as ''.
    const rows = list(typeof ws.sheetData === 'object' ? (ws.sheetData as Node).row : undefined).map((row) => {
      const cells: (XlsxCell | undefined)[] = [];
      for (const c of list(row.c)) {
        const type = c['@_t'] as string | undefined;
        const raw = text(c.v);
        const value = type === 's' ? shared[Number(raw)] : type === 'inlineStr' ? text((c.is as Node).t) : type === 'str' ? raw : Number(raw);
        cells[columnIndex(c['@_r'] as string)] = { ref: c['@_r'] as string, type, value, formula: c.f !== undefined, style: Number(c['@_s'] ?? 0) };
      }
      return cells;
    });
    const view = list((ws.sheetViews as Node | undefined)?.sheetView)[0];
    const pane = view?.pane as Node | undefined;
    return {
      name: s['@_name'] as string,
      xml,
      rows,
      pane: pane && { state: pane['@_state'] as string, ySplit: pane['@_ySplit'] as string, topLeftCell: pane['@_topLeftCell'] as string },
      widths: list((ws.cols as Node | undefined)?.col).map((col) => Number(col['@_width'])),
    };
  });
  return {
    parts,
    sheets,
    bold: (style) => {
      const font = fonts[Number(xfs[style]?.['@_fontId'] ?? 0)];
      return font !== undefined && font.b !== undefined;
    },
    numberFormat: (style) => formats.get(String(xfs[style]?.['@_numFmtId'])),
  };
}

/** The values of a sheet, row by row (empty cells as ''). */
export function sheetValues(sheet: XlsxSheet): (string | number)[][] {
  return sheet.rows.map((r) => Array.from(r, (c) => c?.value ?? ''));
}

export interface DocxRun {
  readonly text: string;
  readonly italic: boolean;
  readonly bold: boolean;
  /** The fill of its shading (`<w:shd w:fill>`), as written: `F2C14E`. */
  readonly shading: string | undefined;
  /** The ids of the comments whose ranges are open around it. */
  readonly comments: string[];
  /** The id of the comment it references (the mark a margin note hangs on), if it does. */
  readonly commentReference: string | undefined;
}

export interface DocxParagraph {
  readonly kind: 'paragraph';
  /** The paragraph style: `Heading1` and so on; undefined for body text. */
  readonly style: string | undefined;
  readonly runs: DocxRun[];
  readonly text: string;
}

export interface DocxTable {
  readonly kind: 'table';
  /** Rows of cells of paragraphs. */
  readonly rows: DocxParagraph[][][];
  /** Which rows repeat as a header. */
  readonly headerRows: boolean[];
}

/** A comment of word/comments.xml and the text of the body its range covers. */
export interface DocxComment {
  readonly id: string;
  readonly author: string | undefined;
  /** Its paragraphs, joined by line breaks. */
  readonly text: string;
  /** The body's text between its range's start and end, paragraphs joined by line breaks. */
  readonly covers: string;
  /** Whether its range was opened, closed after, and referenced after it closed, as Word needs. */
  readonly wellFormed: boolean;
}

export interface DocxFile {
  readonly parts: Record<string, string>;
  /** The body's paragraphs and tables in reading order. */
  readonly blocks: (DocxParagraph | DocxTable)[];
  readonly landscape: boolean;
  /** The comments, in the order of word/comments.xml (none without that part). */
  readonly comments: DocxComment[];
}

const ordered = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  preserveOrder: true,
});

type OrderedNode = Record<string, unknown> & { ':@'?: Record<string, string> };
const tagOf = (n: OrderedNode) => Object.keys(n).find((k) => k !== ':@')!;
const childrenOf = (n: OrderedNode) => (n[tagOf(n)] as OrderedNode[]) ?? [];
const child = (n: OrderedNode, tag: string) => childrenOf(n).find((c) => tagOf(c) === tag);
/** A toggle such as `<w:i/>`: on unless its value says off. */
const on = (n: OrderedNode | undefined) => n !== undefined && !['false', '0', 'off'].includes(n[':@']?.['@_w:val'] ?? 'true');

/** Where the comment ranges stand while the body is read in order. */
interface CommentRanges {
  readonly open: Set<string>;
  /** Per comment: the text covered so far, and its markers in the order met. */
  readonly seen: Map<string, { covers: string; markers: string[] }>;
}

const newRanges = (): CommentRanges => ({ open: new Set(), seen: new Map() });

function docxParagraph(p: OrderedNode, ranges: CommentRanges = newRanges()): DocxParagraph {
  const style = child(child(p, 'w:pPr') ?? { x: [] }, 'w:pStyle')?.[':@']?.['@_w:val'];
  const comment = (id: string) => {
    if (!ranges.seen.has(id)) ranges.seen.set(id, { covers: '', markers: [] });
    return ranges.seen.get(id)!;
  };
  const runs: DocxRun[] = [];
  for (const c of childrenOf(p)) {
    const id = c[':@']?.['@_w:id'];
    if (tagOf(c) === 'w:commentRangeStart') {
      ranges.open.add(id!);
      comment(id!).markers.push('start');
    } else if (tagOf(c) === 'w:commentRangeEnd') {
      ranges.open.delete(id!);
      comment(id!).markers.push('end');
    } else if (tagOf(c) === 'w:r') {
      const props = child(c, 'w:rPr');
      const t = childrenOf(c).map((x) => (tagOf(x) === 'w:t' ? childrenOf(x).map((y) => String(y['#text'] ?? '')).join('') : tagOf(x) === 'w:tab' ? '\t' : tagOf(x) === 'w:br' ? '\n' : '')).join('');
      const reference = child(c, 'w:commentReference')?.[':@']?.['@_w:id'];
      if (reference !== undefined) comment(reference).markers.push('reference');
      for (const open of ranges.open) comment(open).covers += t;
      runs.push({
        text: t,
        italic: on(props && child(props, 'w:i')),
        bold: on(props && child(props, 'w:b')),
        shading: (props && child(props, 'w:shd'))?.[':@']?.['@_w:fill'],
        comments: [...ranges.open],
        commentReference: reference,
      });
    }
  }
  for (const open of ranges.open) comment(open).covers += '\n';
  return { kind: 'paragraph', style, runs, text: runs.map((r) => r.text).join('') };
}

export function readDocx(bytes: Uint8Array): DocxFile {
  const parts = unzipText(bytes);
  for (const name of Object.keys(parts)) if (name.endsWith('.xml') || name.endsWith('.rels')) parse(parts[name], name);
  const root = (ordered.parse(parts['word/document.xml']) as OrderedNode[]).find((n) => tagOf(n) === 'w:document')!;
  const body = child(root, 'w:body')!;
  const ranges = newRanges();
  const blocks = childrenOf(body).flatMap((n): (DocxParagraph | DocxTable)[] => {
    if (tagOf(n) === 'w:p') return [docxParagraph(n, ranges)];
    if (tagOf(n) !== 'w:tbl') return [];
    const rows = childrenOf(n).filter((r) => tagOf(r) === 'w:tr');
    return [{
      kind: 'table',
      rows: rows.map((r) => childrenOf(r).filter((c) => tagOf(c) === 'w:tc').map((c) => childrenOf(c).filter((p) => tagOf(p) === 'w:p').map((p) => docxParagraph(p, ranges)))),
      headerRows: rows.map((r) => on(child(child(r, 'w:trPr') ?? { x: [] }, 'w:tblHeader'))),
    }];
  });
  const size = child(child(body, 'w:sectPr') ?? { x: [] }, 'w:pgSz');
  const commentsPart = parts['word/comments.xml'];
  const comments = commentsPart === undefined ? [] : childrenOf((ordered.parse(commentsPart) as OrderedNode[]).find((n) => tagOf(n) === 'w:comments')!)
    .filter((c) => tagOf(c) === 'w:comment')
    .map((c): DocxComment => {
      const id = c[':@']!['@_w:id'];
      const seen = ranges.seen.get(id);
      return {
        id,
        author: c[':@']!['@_w:author'],
        text: childrenOf(c).filter((p) => tagOf(p) === 'w:p').map((p) => docxParagraph(p).text).join('\n'),
        covers: seen?.covers ?? '',
        wellFormed: seen?.markers.join(' ') === 'start end reference',
      };
    });
  return { parts, blocks, landscape: size?.[':@']?.['@_w:orient'] === 'landscape', comments };
}

/** A cell's text, its paragraphs joined by line breaks. */
export function cellText(cell: DocxParagraph[]): string {
  return cell.map((p) => p.text).join('\n');
}
