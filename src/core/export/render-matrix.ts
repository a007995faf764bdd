import type { FrameworkMatrix, MatrixRow } from '../matrix/framework-matrix';
import { markdownTable, markdownText, waveHeading } from './markdown-text';
import { spreadsheetCsv } from './spreadsheet-csv';

/** The formats the matrix is written in: `qualframe matrix --format`, and the extension's export. */
export const MATRIX_FORMATS = ['md', 'csv', 'json'] as const;
export type MatrixFormat = (typeof MATRIX_FORMATS)[number];

/** The matrix in one of its formats, by the writers below. */
export function renderMatrix(matrix: FrameworkMatrix, format: MatrixFormat): string {
  switch (format) {
    case 'md':
      return renderMatrixMarkdown(matrix);
    case 'csv':
      return renderMatrixCsv(matrix);
    case 'json':
      return renderMatrixJson(matrix);
  }
}

/** What an empty summary cell shows. */
export const NO_SUMMARY = '—';

/**
 * The matrix as Markdown: a section per wave with a table (cases by themes; each cell the
 * summary, or "—", and the number of coded segments in brackets), followed by that wave's
 * quotes as a list per theme, each `"quote" [CASE]`, in case order.
 */
export function renderMatrixMarkdown(matrix: FrameworkMatrix): string {
  const out: string[] = [
    '# Framework matrix',
    '',
    `Cases by theme, per ${markdownText(matrix.attribute)}. Each cell: the summary (${NO_SUMMARY} when there is none), then the number of coded segments in brackets.`,
  ];
  for (const [wave, rows] of groupByWave(matrix.rows)) {
    out.push('', `## ${waveHeading(matrix.attribute, wave)}`, '');
    out.push(...markdownTable(
      ['Case', ...matrix.themes.map((t) => markdownText(t.name))],
      rows.map((r) => [markdownText(r.case), ...matrix.themes.map((t) => {
        const cell = r.cells[t.id];
        return `${cell.summary !== undefined ? markdownText(cell.summary) : NO_SUMMARY} (${cell.segments})`;
      })]),
    ));
    const themesWithQuotes = matrix.themes.filter((t) => rows.some((r) => r.cells[t.id].segments > 0));
    if (themesWithQuotes.length === 0) continue;
    out.push('', `### Quotes, ${waveHeading(matrix.attribute, wave)}`);
    for (const t of themesWithQuotes) {
      out.push('', `#### ${markdownText(t.name)}`, '');
      for (const r of rows) for (const q of r.cells[t.id].quotes) out.push(`- "${markdownText(q.quote)}" [${markdownText(r.case)}]`);
    }
  }
  return `${out.join('\n')}\n`;
}

/**
 * The matrix as CSV (UTF-8 with BOM, formulas neutralised): a line per case and wave, with
 * the case, the wave, the documents (one per line), and for each theme three columns: its
 * summary, its number of segments, and its quotes (one per line).
 */
export function renderMatrixCsv(matrix: FrameworkMatrix): string {
  const header = ['case', matrix.attribute, 'documents', ...matrix.themes.flatMap((t) => [t.name, `${t.name}: segments`, `${t.name}: quotes`])];
  const rows = matrix.rows.map((r) => [
    r.case, r.wave, r.documents.join('\n'),
    ...matrix.themes.flatMap((t) => {
      const cell = r.cells[t.id];
      return [cell.summary ?? '', cell.segments, cell.quotes.map((q) => q.quote.replace(/\s+/g, ' ').trim()).join('\n')];
    }),
  ]);
  return spreadsheetCsv(header, rows);
}

/**
 * The matrix as `qualframe matrix --format json` prints it (cli.md): `themes` and `rows`, each
 * cell with `summary` (null when there is none) and `quotes`; the model's other fields
 * (`attribute`, theme codes, row documents, segments, `maxSegments`) are added.
 */
export function renderMatrixJson(matrix: FrameworkMatrix): string {
  const json = {
    attribute: matrix.attribute,
    themes: matrix.themes,
    rows: matrix.rows.map((r) => ({
      case: r.case,
      wave: r.wave,
      documents: r.documents,
      cells: Object.fromEntries(Object.entries(r.cells).map(([id, cell]) => [id, {
        summary: cell.summary ?? null,
        ...(cell.summaryDocument !== undefined ? { summaryDocument: cell.summaryDocument } : {}),
        segments: cell.segments,
        quotes: cell.quotes,
      }])),
    })),
    maxSegments: matrix.maxSegments,
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}

/** The matrix's rows by wave, in the matrix's order (waves in natural order, `""` last). */
export function groupByWave(rows: readonly MatrixRow[]): Map<string, MatrixRow[]> {
  const groups = new Map<string, MatrixRow[]>();
  for (const r of rows) {
    const list = groups.get(r.wave);
    if (list) list.push(r);
    else groups.set(r.wave, [r]);
  }
  return groups;
}
