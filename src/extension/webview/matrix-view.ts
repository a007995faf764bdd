/**
 * The Framework Matrix as the panel receives it: the core model mapped to the protocol's
 * compact shape (counts and summaries), and the answers to the panel's requests (a cell's
 * quotes, the rows a filter keeps). Pure (no `vscode`), so the benchmark measures exactly
 * what the panel posts.
 */
import { describingAttributes } from '../../core/corpus/case-groups';
import type { Corpus } from '../../core/corpus/corpus';
import type { FrameworkMatrix } from '../../core/matrix/framework-matrix';
import { matrixSearchIndex, searchMatrix, type MatrixSearchIndex } from '../../core/matrix/matrix-search';
import type { MatrixCellKey, MatrixCellView, MatrixQuoteView, MatrixRowMatchView, MatrixViewData } from '../../protocol';

export function toMatrixView(
  corpus: Corpus,
  matrix: FrameworkMatrix,
  where: { root: string; name: string; readOnly: boolean; version: number },
): MatrixViewData {
  // The grouping shown is always offered, even when only one case has a value of it.
  const attributes = describingAttributes(corpus);
  const maxCodeSegments: Record<string, number> = Object.create(null) as Record<string, number>;
  const rows = matrix.rows.map((row) => ({
    case: row.case,
    wave: row.wave,
    documents: row.documents,
    cells: Object.fromEntries(Object.entries(row.cells).map(([theme, cell]): [string, MatrixCellView] => {
      // Null prototypes (then spread into plain objects): code ids are data, never keys of Object.prototype.
      const codes = Object.create(null) as Record<string, number>;
      for (const q of cell.quotes) codes[q.code] = (codes[q.code] ?? 0) + 1;
      for (const [code, n] of Object.entries(codes)) if (n > (maxCodeSegments[code] ?? 0)) maxCodeSegments[code] = n;
      return [theme, { ...(cell.summary !== undefined ? { summary: cell.summary } : {}), segments: cell.segments, codes: { ...codes } }];
    })),
  }));
  return {
    version: where.version,
    root: where.root,
    name: where.name,
    attribute: matrix.attribute,
    attributes: attributes.includes(matrix.attribute) ? attributes : [matrix.attribute, ...attributes],
    themes: matrix.themes,
    maxSegments: matrix.maxSegments,
    maxCodeSegments: { ...maxCodeSegments },
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

/**
 * The matrix with what answering the panel needs, built lazily: the search index only once
 * someone filters (lower-casing every quote of a large corpus is wasted otherwise).
 */
export class MatrixAnswers {
  private index: MatrixSearchIndex | undefined;

  constructor(
    readonly matrix: FrameworkMatrix,
    readonly view: MatrixViewData,
  ) {}

  quotes(key: MatrixCellKey): MatrixQuoteView[] | null {
    return cellQuotes(this.matrix, key);
  }

  search(text: string): MatrixRowMatchView[] {
    this.index ??= matrixSearchIndex(this.matrix);
    return searchMatrix(this.index, text);
  }
}
