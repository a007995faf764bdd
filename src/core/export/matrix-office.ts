import type { FrameworkMatrix } from '../matrix/framework-matrix';
import { namedSheets, oneLine, paragraph, quoteRuns, textCell, waveLabel, waveTitle, type DocumentBlock, type OfficeDocument, type Sheet, type SheetColumn, type Workbook } from './office-model';
import { groupByWave, NO_SUMMARY } from './render-matrix';

/**
 * The matrix as a workbook: a sheet per wave (as the Framework Method charts each wave), a
 * row per case, with the case, its documents (one per line), and for each theme three
 * columns as in the CSV: the summary, the number of segments (a number, so it can be summed
 * and shaded), and the quotes, one per line.
 */
export function matrixWorkbook(matrix: FrameworkMatrix): Workbook {
  const columns: SheetColumn[] = [
    { header: 'case', width: 12 },
    { header: 'documents', width: 24, wrap: true },
    ...matrix.themes.flatMap((t): SheetColumn[] => [
      { header: t.name, width: 40, wrap: true },
      { header: `${t.name}: segments`, width: 10 },
      { header: `${t.name}: quotes`, width: 60, wrap: true },
    ]),
  ];
  const sheets: Sheet[] = [...groupByWave(matrix.rows)].map(([wave, rows]) => ({
    name: waveLabel(matrix.attribute, wave),
    columns,
    rows: rows.map((r) => [
      r.case,
      r.documents.join('\n'),
      ...matrix.themes.flatMap((t) => {
        const cell = r.cells[t.id];
        return [cell.summary ?? '', cell.segments, cell.quotes.map((q) => oneLine(q.quote)).join('\n')];
      }),
    ]),
  }));
  if (sheets.length === 0) sheets.push({ name: 'Framework matrix', columns, rows: [] });
  return { title: 'Framework matrix', sheets: namedSheets(sheets) };
}

/**
 * The matrix as a document, on landscape pages for its width, laid out as the Markdown: a
 * section per wave with a table (cases by themes; each cell the summary, or "—", and the
 * number of coded segments in brackets), then that wave's quotes under a heading per theme,
 * each “quote” [CASE] in case order.
 */
export function matrixDocument(matrix: FrameworkMatrix): OfficeDocument {
  const blocks: DocumentBlock[] = [
    { kind: 'heading', level: 1, text: 'Framework matrix' },
    paragraph(`Cases by theme, per ${matrix.attribute}. Each cell: the summary (${NO_SUMMARY} when there is none), then the number of coded segments in brackets.`),
  ];
  if (matrix.rows.length === 0) blocks.push(paragraph('No cases.'));
  for (const [wave, rows] of groupByWave(matrix.rows)) {
    blocks.push({ kind: 'heading', level: 2, text: waveTitle(matrix.attribute, wave) });
    blocks.push({
      kind: 'table',
      header: [textCell('Case', { bold: true }), ...matrix.themes.map((t) => textCell(t.name, { bold: true }))],
      rows: rows.map((r) => [
        textCell(r.case, { bold: true }),
        ...matrix.themes.map((t) => {
          const cell = r.cells[t.id];
          return [[{ text: cell.summary !== undefined ? oneLine(cell.summary) : NO_SUMMARY }, { text: ` (${cell.segments})` }]];
        }),
      ]),
      widths: [1, ...matrix.themes.map(() => 3)],
    });
    const themesWithQuotes = matrix.themes.filter((t) => rows.some((r) => r.cells[t.id].segments > 0));
    if (themesWithQuotes.length === 0) continue;
    blocks.push({ kind: 'heading', level: 3, text: `Quotes, ${waveTitle(matrix.attribute, wave)}` });
    for (const t of themesWithQuotes) {
      blocks.push({ kind: 'heading', level: 4, text: t.name });
      for (const r of rows) for (const q of r.cells[t.id].quotes) blocks.push({ kind: 'paragraph', runs: quoteRuns(q.quote, r.case) });
    }
  }
  return { title: 'Framework matrix', landscape: true, blocks };
}
