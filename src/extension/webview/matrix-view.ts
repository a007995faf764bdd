/**
 * The Framework Matrix as the panel receives it: the core model mapped to the protocol's
 * compact shape (counts and summaries), and the answers to the panel's requests (a cell's
 * quotes, the rows a filter keeps, the queries beside the matrix and their segments). Pure (no
 * `vscode`), so the benchmark measures exactly what the panel posts.
 */
import { describingAttributes } from '../../core/corpus/case-groups';
import { citations, type Corpus } from '../../core/corpus/corpus';
import type { FrameworkMatrix } from '../../core/matrix/framework-matrix';
import type { Annotation } from '../../core/corpus/document';
import { matrixSearchIndex, searchMatrix, type MatrixSearchIndex } from '../../core/matrix/matrix-search';
import { codeCoOccurrence, crossTab, type CodeCoOccurrence, type CrossTab, type SegmentRef } from '../../core/matrix/queries';
import type {
  CoOccurrenceResultMessage,
  CountsResultMessage,
  MatrixCellKey,
  MatrixCellView,
  MatrixCitationView,
  MatrixQueryBy,
  MatrixQueryKind,
  MatrixQuoteView,
  MatrixRowMatchView,
  MatrixViewData,
  QueryResultMessage,
} from '../../protocol';

export function toMatrixView(
  corpus: Corpus,
  matrix: FrameworkMatrix,
  where: { root: string; name: string; readOnly: boolean; version: number },
): MatrixViewData {
  // The grouping shown is always offered, even when only one case has a value of it.
  const attributes = describingAttributes(corpus);
  // Plain objects keyed by code id are safe: codebook ids are lower-case words and dashes
  // (core/ids.ts), never a key of Object.prototype such as `__proto__`.
  const maxCodeSegments: Record<string, number> = {};
  const offered = attributes.includes(matrix.attribute) ? attributes : [matrix.attribute, ...attributes];
  const documentAt = new Map(corpus.documents.map((d) => [d.path, d]));
  const rows = matrix.rows.map((row) => {
    const documents = row.documents.map((p) => documentAt.get(p)).filter((d) => d !== undefined);
    // Values every document of the row shares (an interview and its notes may differ).
    // Null prototype, then spread: attribute names are the researcher's front-matter keys.
    const values = Object.create(null) as Record<string, string>;
    for (const key of offered) {
      const v = documents[0]?.attributes[key];
      if (v !== undefined && documents.every((d) => d.attributes[key] === v)) values[key] = v;
    }
    const cells: Record<string, MatrixCellView> = {};
    for (const theme of matrix.themes) {
      const cell = row.cells[theme.id];
      const codes: Record<string, number> = {};
      for (const q of cell.quotes) codes[q.code] = (codes[q.code] ?? 0) + 1;
      for (const code in codes) if (codes[code] > (maxCodeSegments[code] ?? 0)) maxCodeSegments[code] = codes[code];
      cells[theme.id] = cell.summary !== undefined ? { summary: cell.summary, segments: cell.segments, codes } : { segments: cell.segments, codes };
    }
    return { case: row.case, wave: row.wave, documents: row.documents, attributes: { ...values }, cells };
  });
  return {
    version: where.version,
    root: where.root,
    name: where.name,
    attribute: matrix.attribute,
    attributes: offered,
    themes: matrix.themes,
    maxSegments: matrix.maxSegments,
    maxCodeSegments,
    readOnly: where.readOnly,
    rows,
  };
}

/** The segments of a cell (of one code when `key.code` is set), or null if the cell is gone. */
export function cellQuotes(matrix: FrameworkMatrix, key: MatrixCellKey): MatrixQuoteView[] | null {
  const row = matrix.rows.find((r) => r.case === key.case && r.wave === key.wave);
  if (!row || !Object.hasOwn(row.cells, key.theme)) return null;
  return row.cells[key.theme].quotes
    .filter((q) => key.code === '' || q.code === key.code)
    .map((q) => ({ file: q.file, id: q.id, code: q.code, quote: q.quote, illustrative: q.illustrative, anchored: q.anchored }));
}

/** The counts as the panel receives them: without the segments' refs. */
export function toCountsResult(tab: CrossTab, version: number): CountsResultMessage {
  let maxSegments = 0;
  const rows = tab.rows.map((r) => ({
    value: r.value,
    cases: r.cases,
    documents: r.documents,
    cells: r.cells.map((c) => {
      if (c.segments > maxSegments) maxSegments = c.segments;
      return { cases: c.cases, segments: c.segments };
    }),
  }));
  return { type: 'queryResult', query: 'counts', version, by: tab.by, attribute: tab.attribute, columns: tab.columns, rows, maxSegments };
}

/** The co-occurrence table as the panel receives it: counts only (`by` and `attribute` are echoed). */
export function toCoOccurrenceResult(table: CodeCoOccurrence, where: { version: number; by: MatrixQueryBy; attribute: string }): CoOccurrenceResultMessage {
  let maxCount = 0;
  table.cells.forEach((row, i) => row.forEach((c, j) => {
    if (i !== j && c.count > maxCount) maxCount = c.count;
  }));
  return {
    type: 'queryResult',
    query: 'cooccurrence',
    version: where.version,
    by: where.by,
    attribute: where.attribute,
    codes: table.codes,
    counts: table.cells.map((row) => row.map((c) => c.count)),
    documents: table.cells.map((row) => row.map((c) => c.documents)),
    maxCount,
  };
}

/** The corpus's annotations by file and id, to turn a query's refs into quotes. */
export type AnnotationIndex = ReadonlyMap<string, ReadonlyMap<string, Annotation>>;

export function annotationIndex(corpus: Corpus): AnnotationIndex {
  return new Map(corpus.documents.map((d) => [d.path, new Map(d.annotations.map((a) => [a.id, a]))]));
}

function quoteView(file: string, a: Annotation): MatrixQuoteView {
  return { file, id: a.id, code: a.code, quote: a.quote, illustrative: a.illustrative, anchored: a.anchored };
}

/**
 * The segments `refs` name, as quotes, in their order, each once (a segment of two overlapping
 * pairs is listed once). A ref whose annotation is not in the corpus is left out (it cannot
 * happen for refs of the same corpus).
 */
export function refsToQuotes(index: AnnotationIndex, refs: readonly SegmentRef[]): MatrixQuoteView[] {
  const seen = new Set<string>();
  const quotes: MatrixQuoteView[] = [];
  for (const { file, id } of refs) {
    const key = `${file}\u0000${id}`;
    const a = index.get(file)?.get(id);
    if (!a || seen.has(key)) continue;
    seen.add(key);
    quotes.push(quoteView(file, a));
  }
  return quotes;
}

/** A code's own anchored segments (what the co-occurrence diagonal counts), by file then stored start. */
export function codeSegments(corpus: Corpus, code: string): MatrixQuoteView[] {
  const quotes: MatrixQuoteView[] = [];
  for (const d of corpus.documents) {
    const own = d.annotations.filter((a) => a.code === code && a.anchor.method !== 'orphan');
    own.sort((a, b) => a.start - b.start || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    for (const a of own) quotes.push(quoteView(d.path, a));
  }
  return quotes;
}

/**
 * The matrix with what answering the panel needs, built lazily: the search index only once
 * someone filters (lower-casing every quote of a large corpus is wasted otherwise), each query
 * once it is asked for (then kept for this matrix: a new state of the corpus is a new matrix).
 */
export class MatrixAnswers {
  private index: MatrixSearchIndex | undefined;
  private readonly tabs = new Map<MatrixQueryBy, CrossTab>();
  private coOccurrence: CodeCoOccurrence | undefined;
  private annotations: AnnotationIndex | undefined;

  constructor(
    readonly corpus: Corpus,
    readonly matrix: FrameworkMatrix,
    readonly view: MatrixViewData,
  ) {}

  quotes(key: MatrixCellKey): MatrixQuoteView[] | null {
    return cellQuotes(this.matrix, key);
  }

  /** The segments a theme cell's summary cites, each once, in the summary's order; [] for a code's cell or no summary. */
  cited(key: MatrixCellKey): MatrixCitationView[] {
    if (key.code !== '') return [];
    const row = this.matrix.rows.find((r) => r.case === key.case && r.wave === key.wave);
    const summary = row && Object.hasOwn(row.cells, key.theme) ? row.cells[key.theme].summary : undefined;
    if (summary === undefined) return [];
    const seen = new Set<string>();
    const cited: MatrixCitationView[] = [];
    for (const { path, id } of citations(summary)) {
      const at = `${path}#${id}`;
      if (seen.has(at)) continue;
      seen.add(at);
      const a = this.annotationIndex().get(path)?.get(id);
      cited.push({ file: path, id, quote: a ? quoteView(path, a) : null });
    }
    return cited;
  }

  search(text: string): MatrixRowMatchView[] {
    this.index ??= matrixSearchIndex(this.matrix);
    return searchMatrix(this.index, text);
  }

  /** The counts of a query, rows by the matrix's grouping attribute. */
  query(query: MatrixQueryKind, by: MatrixQueryBy): QueryResultMessage {
    const version = this.view.version;
    if (query === 'counts') return toCountsResult(this.crossTab(by), version);
    return toCoOccurrenceResult(this.codeCoOccurrence(), { version, by, attribute: this.matrix.attribute });
  }

  /** The segments behind a query's cell (see `QuerySegmentsMessage`), or null if there is no such cell. */
  querySegments(query: MatrixQueryKind, by: MatrixQueryBy, row: number, col: number): MatrixQuoteView[] | null {
    if (query === 'counts') {
      const cell = this.crossTab(by).rows[row]?.cells[col];
      return cell ? refsToQuotes(this.annotationIndex(), cell.refs) : null;
    }
    const table = this.codeCoOccurrence();
    const cell = table.cells[row]?.[col];
    if (!cell) return null;
    if (row === col) return codeSegments(this.corpus, table.codes[row].id);
    return refsToQuotes(this.annotationIndex(), cell.refs.flatMap((p) => [{ file: p.file, id: p.a }, { file: p.file, id: p.b }]));
  }

  private crossTab(by: MatrixQueryBy): CrossTab {
    let tab = this.tabs.get(by);
    if (!tab) this.tabs.set(by, (tab = crossTab(this.corpus, { attribute: this.matrix.attribute, by })));
    return tab;
  }

  private codeCoOccurrence(): CodeCoOccurrence {
    return (this.coOccurrence ??= codeCoOccurrence(this.corpus));
  }

  private annotationIndex(): AnnotationIndex {
    return (this.annotations ??= annotationIndex(this.corpus));
  }
}
