/**
 * The Framework Matrix's text filter: which rows (cases in a wave) and which of their cells
 * hold the words typed. Searched where the quotes are (the extension host), so the panel needs
 * only the matrix's counts and summaries, not every quote of the corpus.
 */
import type { FrameworkMatrix } from './framework-matrix';

/** Lower-cased text of each row, built once per matrix rather than once per keystroke. */
export interface MatrixSearchIndex {
  readonly rows: readonly {
    readonly case: string;
    readonly wave: string;
    /** Lower-cased case id. */
    readonly caseText: string;
    /** Per theme (in the matrix's theme order): its summary and quotes, lower-cased. */
    readonly cells: readonly string[];
  }[];
  readonly themes: readonly string[];
}

/** A row the filter keeps. */
export interface MatrixRowMatch {
  readonly case: string;
  readonly wave: string;
  /** The theme ids of its matching cells; null when the case id matches (the whole row is kept). */
  readonly themes: readonly string[] | null;
}

// A separator no one types, so a filter never matches across a summary and a quote.
const SEPARATOR = '\u0000';

export function matrixSearchIndex(matrix: FrameworkMatrix): MatrixSearchIndex {
  return {
    themes: matrix.themes.map((t) => t.id),
    rows: matrix.rows.map((row) => ({
      case: row.case,
      wave: row.wave,
      caseText: row.case.toLowerCase(),
      cells: matrix.themes.map((theme) => {
        const cell = row.cells[theme.id];
        return [cell.summary ?? '', ...cell.quotes.map((q) => q.quote)].join(SEPARATOR).toLowerCase();
      }),
    })),
  };
}

/** The filter as matched: trimmed and lower-cased; `""` keeps everything. */
export function normalizeFilter(filter: string): string {
  return filter.trim().toLowerCase();
}

/**
 * The rows that `filter` keeps, in matrix order: a row whose case id contains it whole, a row
 * with some cells whose summary or a quote contains it with those cells named. Rows without
 * any match are left out. Case-insensitive; an empty filter keeps every row whole.
 */
export function searchMatrix(index: MatrixSearchIndex, filter: string): MatrixRowMatch[] {
  const needle = normalizeFilter(filter);
  const out: MatrixRowMatch[] = [];
  for (const row of index.rows) {
    if (needle === '' || row.caseText.includes(needle)) {
      out.push({ case: row.case, wave: row.wave, themes: null });
      continue;
    }
    const themes: string[] = [];
    row.cells.forEach((text, i) => {
      if (text.includes(needle)) themes.push(index.themes[i]);
    });
    if (themes.length > 0) out.push({ case: row.case, wave: row.wave, themes });
  }
  return out;
}
