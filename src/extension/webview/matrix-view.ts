/**
 * The Framework Matrix as the panel receives it: the core model mapped to the protocol's
 * shape. Pure (no `vscode`), so the benchmark measures exactly what the panel posts.
 */
import { describingAttributes } from '../../core/corpus/case-groups';
import type { Corpus } from '../../core/corpus/corpus';
import type { FrameworkMatrix } from '../../core/matrix/framework-matrix';
import type { MatrixViewData } from '../../protocol';

export function toMatrixView(corpus: Corpus, matrix: FrameworkMatrix, where: { root: string; name: string; readOnly: boolean }): MatrixViewData {
  // The grouping shown is always offered, even when only one case has a value of it.
  const attributes = describingAttributes(corpus);
  return {
    root: where.root,
    name: where.name,
    attribute: matrix.attribute,
    attributes: attributes.includes(matrix.attribute) ? attributes : [matrix.attribute, ...attributes],
    themes: matrix.themes,
    maxSegments: matrix.maxSegments,
    readOnly: where.readOnly,
    rows: matrix.rows.map((row) => ({
      case: row.case,
      wave: row.wave,
      documents: row.documents,
      cells: Object.fromEntries(Object.entries(row.cells).map(([theme, cell]) => [theme, {
        ...(cell.summary !== undefined ? { summary: cell.summary } : {}),
        quotes: cell.quotes.map((q) => ({ file: q.file, id: q.id, code: q.code, quote: q.quote, illustrative: q.illustrative, anchored: q.anchored })),
      }])),
    })),
  };
}
