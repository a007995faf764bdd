import type { Corpus } from '../corpus/corpus';
import { compareNatural } from '../corpus/corpus';
import type { CorpusDocument } from '../corpus/document';
import { compareWaves, waveOf } from '../compare/document-wave';

/** A column of the matrix: a theme, with its codes so a view can expand it. */
export interface MatrixTheme {
  readonly id: string;
  readonly name: string;
  readonly codes: readonly { readonly id: string; readonly name: string }[];
}

/** One coded segment shown in a cell. */
export interface MatrixQuote {
  /** The document's path, relative to the corpus root. */
  readonly file: string;
  /** The annotation's id in that file. */
  readonly id: string;
  /** The code (or the theme applied as a code) of the annotation. */
  readonly code: string;
  readonly quote: string;
  readonly start: number;
  readonly illustrative: boolean;
  /** False for an orphan: shown, since it is still the researcher's coding, but flagged. */
  readonly anchored: boolean;
}

/** The charting of one theme for one case in one wave. */
export interface MatrixCell {
  /** The researcher's summary, shown in the row of the document that holds it. */
  readonly summary?: string;
  /** The document holding the summary (where an edit of it goes). */
  readonly summaryDocument?: string;
  /** The theme's segments in this row's documents, by file then start. */
  readonly quotes: readonly MatrixQuote[];
  /** How many segments: `quotes.length`. */
  readonly segments: number;
}

/** A case in one wave. */
export interface MatrixRow {
  readonly case: string;
  /** The documents' value of the attribute; `""` for the case's documents that have none. */
  readonly wave: string;
  /** The row's documents, in path order. */
  readonly documents: readonly string[];
  /** A cell for every theme, keyed by theme id. */
  readonly cells: Readonly<Record<string, MatrixCell>>;
}

/** The framework matrix: cases (one row per case and wave) by themes. */
export interface FrameworkMatrix {
  /** The attribute the rows are grouped by. */
  readonly attribute: string;
  readonly themes: readonly MatrixTheme[];
  /** Sorted by wave (natural order, `""` last), then case id (natural order). */
  readonly rows: readonly MatrixRow[];
  /** The most segments in any one cell (0 for an uncoded corpus): for shading cells. */
  readonly maxSegments: number;
}

/**
 * Charts the corpus: a row per case and value of the attribute (default: the comparison
 * attribute of `qualframe.yaml`), taken from each document's own value, so a panel case has a
 * row in each of its waves and a case's interview and notes of one wave share a row. Documents
 * without a value form a row of their own with wave `""`. Each theme's cell holds the
 * segments coded with its codes or with the theme itself, and the case's summary of the theme
 * in the row of the document that holds it, so each summary appears once. Annotations naming
 * an unknown code are left out (validation reports them), as are summaries of unknown themes.
 */
export function buildFrameworkMatrix(corpus: Corpus, options: { attribute?: string } = {}): FrameworkMatrix {
  const attribute = options.attribute ?? corpus.config.compare.attribute;
  const { codebook } = corpus;
  const themes: MatrixTheme[] = codebook.themes.map((t) => ({ id: t.id, name: t.name, codes: t.codes.map((c) => ({ id: c.id, name: c.name })) }));

  const groups: { case: string; wave: string; documents: CorpusDocument[] }[] = [];
  for (const c of corpus.cases) {
    const byWave = new Map<string, CorpusDocument[]>();
    for (const d of c.documents) {
      const wave = waveOf(d, attribute) ?? '';
      const list = byWave.get(wave);
      if (list) list.push(d);
      else byWave.set(wave, [d]);
    }
    for (const [wave, documents] of byWave) groups.push({ case: c.id, wave, documents });
  }
  groups.sort((a, b) => compareWaves(a.wave, b.wave) || compareNatural(a.case, b.case));

  let maxSegments = 0;
  const rows = groups.map((g): MatrixRow => {
    const quotes = new Map<string, MatrixQuote[]>(themes.map((t) => [t.id, []]));
    for (const d of g.documents) {
      const ordered = [...d.annotations].sort((a, b) => a.start - b.start || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      for (const a of ordered) {
        const theme = codebook.applicable.get(a.code);
        if (!theme) continue;
        quotes.get(theme.id)!.push({ file: d.path, id: a.id, code: a.code, quote: a.quote, start: a.start, illustrative: a.illustrative, anchored: a.anchored });
      }
    }
    const paths = new Set(g.documents.map((d) => d.path));
    const summaries = corpus.caseById.get(g.case)!.summaries;
    const cells = Object.fromEntries(themes.map((t): [string, MatrixCell] => {
      const list = quotes.get(t.id)!;
      maxSegments = Math.max(maxSegments, list.length);
      const summary = summaries.get(t.id);
      const here = summary !== undefined && paths.has(summary.document);
      return [t.id, { ...(here ? { summary: summary.text, summaryDocument: summary.document } : {}), quotes: list, segments: list.length }];
    }));
    return { case: g.case, wave: g.wave, documents: g.documents.map((d) => d.path), cells };
  });
  return { attribute, themes, rows, maxSegments };
}

/**
 * The matrix an export prints when asked for fewer quotes: in each cell only the illustrative
 * ones, and/or the first `max` (in cell order). The counts stay those of all the segments.
 */
export function chooseQuotes(matrix: FrameworkMatrix, choice: { readonly max?: number; readonly illustrative?: boolean }): FrameworkMatrix {
  if (choice.max === undefined && !choice.illustrative) return matrix;
  const limit = choice.max !== undefined && choice.max >= 0 ? Math.floor(choice.max) : Infinity;
  const rows = matrix.rows.map((row) => {
    const cells: Record<string, MatrixCell> = {};
    for (const [theme, cell] of Object.entries(row.cells)) {
      cells[theme] = { ...cell, quotes: cell.quotes.filter((q) => !choice.illustrative || q.illustrative).slice(0, limit) };
    }
    return { ...row, cells };
  });
  return { ...matrix, rows };
}
