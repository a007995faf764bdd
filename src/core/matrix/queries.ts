import type { Corpus } from '../corpus/corpus';
import type { Annotation } from '../corpus/document';
import { compareWaves, waveOf } from '../compare/document-wave';

/** A column of a query: a theme, or a code (a theme without codes applied as a code of its own). */
export interface QueryColumn {
  readonly id: string;
  readonly name: string;
  /** The theme it belongs to (its own id for a theme). */
  readonly theme: string;
}

/** A coded segment a view can open: the document (root-relative path) and the annotation's id. */
export interface SegmentRef {
  readonly file: string;
  readonly id: string;
}

/** One value of the attribute by one theme or code. */
export interface CrossTabCell {
  /** Distinct cases with at least one segment here in a document with this value. */
  readonly cases: number;
  /** How many segments: `refs.length`. */
  readonly segments: number;
  /** The segments, by file then stored start (then id): the order of the matrix's quotes. */
  readonly refs: readonly SegmentRef[];
}

/** One value of the attribute. */
export interface CrossTabRow {
  /** The documents' value; `""` for documents without one. */
  readonly value: string;
  /** Distinct cases with a document of this value, coded or not: the base for the cells' cases. */
  readonly cases: number;
  /** Documents with this value. */
  readonly documents: number;
  /** A cell per column, in the columns' order. */
  readonly cells: readonly CrossTabCell[];
}

/** Counts of the coding by value of an attribute: plain data (arrays only), ready to post or serialise. */
export interface CrossTab {
  readonly attribute: string;
  readonly by: 'theme' | 'code';
  readonly columns: readonly QueryColumn[];
  /** Sorted by value in natural order, `""` last. */
  readonly rows: readonly CrossTabRow[];
}

/**
 * The Framework Matrix in numbers: how many cases and segments each theme (or code) has for
 * each value of an attribute (default: the comparison attribute of `qualframe.yaml`). As in
 * the matrix, a document counts under its own value, so a panel case counts once in each of
 * its waves, a case's interview and notes of one wave count as one case, and documents
 * without a value form the row `""`, after the others. A row's `cases` counts every case with
 * a document of that value, coded or not, so a cell's cases can be read as "so many of so many".
 *
 * By theme, a segment counts in the theme of its code, or in the theme itself when the theme
 * (one without codes) was applied directly. By code, the columns are every applicable code of
 * the codebook in codebook order: each code, and each theme without codes in its theme's place,
 * whether applied or not, so unused codes show as empty columns and the columns do not change
 * when the first segment is coded. Either way each segment counts in exactly one column.
 *
 * Orphaned annotations count (they are still the researcher's coding, only their text is
 * gone); annotations naming an unknown code are left out (validation reports them).
 */
export function crossTab(corpus: Corpus, options: { attribute?: string; by: 'theme' | 'code' }): CrossTab {
  const attribute = options.attribute ?? corpus.config.compare.attribute;
  const { by } = options;
  const { codebook } = corpus;
  const columns: QueryColumn[] = [];
  const columnOf = new Map<string, number>();
  if (by === 'theme') {
    for (const t of codebook.themes) columns.push({ id: t.id, name: t.name, theme: t.id });
    for (const [id, theme] of codebook.applicable) columnOf.set(id, codebook.themes.indexOf(theme));
  } else {
    for (const [id, theme] of codebook.applicable) {
      columnOf.set(id, columns.length);
      columns.push({ id, name: codebook.codeById.get(id)?.name ?? theme.name, theme: theme.id });
    }
  }

  const rows = new Map<string, { cases: Set<string>; documents: number; cells: { cases: Set<string>; refs: SegmentRef[] }[] }>();
  // Documents come in path order and each one's segments by start, so refs end up by file then start.
  for (const d of corpus.documents) {
    const value = waveOf(d, attribute) ?? '';
    let row = rows.get(value);
    if (!row) rows.set(value, (row = { cases: new Set(), documents: 0, cells: columns.map(() => ({ cases: new Set(), refs: [] })) }));
    row.cases.add(d.caseId);
    row.documents++;
    for (const a of byStart(d.annotations)) {
      const column = columnOf.get(a.code);
      if (column === undefined) continue;
      const cell = row.cells[column];
      cell.cases.add(d.caseId);
      cell.refs.push({ file: d.path, id: a.id });
    }
  }
  return {
    attribute,
    by,
    columns,
    rows: [...rows].sort(([a], [b]) => compareWaves(a, b)).map(([value, r]) => ({
      value,
      cases: r.cases.size,
      documents: r.documents,
      cells: r.cells.map((c) => ({ cases: c.cases.size, segments: c.refs.length, refs: c.refs })),
    })),
  };
}

/** Two overlapping segments of different codes: `a` of the row's code, `b` of the column's. */
export interface PairRef {
  readonly file: string;
  readonly a: string;
  readonly b: string;
}

/** Where two codes overlap (off the diagonal), or one code's own segments (on it). */
export interface CoOccurrenceCell {
  /** Overlapping pairs of segments; on the diagonal, the code's anchored segments. */
  readonly count: number;
  /** Distinct documents holding them. */
  readonly documents: number;
  /**
   * The pairs, by file, then the start of `a`, then of `b` (where each stands now). Empty on
   * the diagonal: a code's own segments are opened from the codebook or the cross-tab.
   */
  readonly refs: readonly PairRef[];
}

/** Code by code: plain data (arrays only), symmetric, ready to post or serialise. */
export interface CodeCoOccurrence {
  /** The codes with at least one anchored segment, in codebook order. */
  readonly codes: readonly QueryColumn[];
  /** `cells[i][j]` for `codes[i]` and `codes[j]`; `cells[i][j].count === cells[j][i].count`. */
  readonly cells: readonly (readonly CoOccurrenceCell[])[];
}

/**
 * Which codes are applied to the same text (as in a code relations browser): for every two
 * codes, how many pairs of their segments overlap. Two segments overlap when they are in the
 * same document and the text they cover now (after re-anchoring) shares at least one
 * character; segments that only touch (one ends where the other starts) do not. A theme
 * applied directly counts as a code of its own. Two segments of the same code are not a pair.
 *
 * The diagonal holds each code's own number of anchored segments, so a researcher can read an
 * overlap against how often the code is used. Orphaned annotations are left out (their text
 * cannot be found, so nothing overlaps them), and so are annotations naming an unknown code;
 * a code is listed when it has at least one anchored segment.
 *
 * Each document is swept once in order of start, so the work grows with its segments times
 * their logarithm plus the overlapping pairs it holds, never with every pair of segments.
 */
export function codeCoOccurrence(corpus: Corpus): CodeCoOccurrence {
  const { codebook } = corpus;
  const spansByFile: { file: string; spans: Span[] }[] = [];
  const used = new Map<string, { segments: number; files: Set<string> }>();
  for (const d of corpus.documents) {
    const spans: Span[] = [];
    for (const a of d.annotations) {
      if (a.anchor.method === 'orphan' || !codebook.applicable.has(a.code)) continue;
      spans.push({ id: a.id, code: a.code, start: a.anchor.start, end: a.anchor.end });
      let u = used.get(a.code);
      if (!u) used.set(a.code, (u = { segments: 0, files: new Set() }));
      u.segments++;
      u.files.add(d.path);
    }
    if (spans.length > 0) spansByFile.push({ file: d.path, spans: spans.sort((x, y) => x.start - y.start || x.end - y.end || compareIds(x.id, y.id)) });
  }

  const codes: QueryColumn[] = [];
  const index = new Map<string, number>();
  for (const [id, theme] of codebook.applicable) {
    if (!used.has(id)) continue;
    index.set(id, codes.length);
    codes.push({ id, name: codebook.codeById.get(id)?.name ?? theme.name, theme: theme.id });
  }
  const pairs = codes.map(() => codes.map(() => ({ refs: [] as { at: number; file: string; a: Span; b: Span }[], files: new Set<string>() })));

  for (const [at, { file, spans }] of spansByFile.entries()) {
    // Segments begun and not yet ended at the current start: each one still active overlaps
    // the segment starting now by a positive length (it ends after that start).
    let active: Span[] = [];
    for (const s of spans) {
      active = active.filter((t) => t.end > s.start);
      if (s.end <= s.start) continue;
      for (const t of active) {
        if (t.code === s.code) continue;
        const i = index.get(t.code)!;
        const j = index.get(s.code)!;
        pairs[i][j].refs.push({ at, file, a: t, b: s });
        pairs[i][j].files.add(file);
        pairs[j][i].refs.push({ at, file, a: s, b: t });
        pairs[j][i].files.add(file);
      }
      active.push(s);
    }
  }

  const cells = codes.map((c, i) => pairs[i].map((p, j): CoOccurrenceCell => {
    if (i === j) {
      const u = used.get(c.id)!;
      return { count: u.segments, documents: u.files.size, refs: [] };
    }
    // Pairs arrive by file (documents are in path order); within a file, order by a then b.
    const refs = p.refs.sort((x, y) => x.at - y.at || x.a.start - y.a.start || compareIds(x.a.id, y.a.id) || x.b.start - y.b.start || compareIds(x.b.id, y.b.id));
    return { count: refs.length, documents: p.files.size, refs: refs.map((r) => ({ file: r.file, a: r.a.id, b: r.b.id })) };
  }));
  return { codes, cells };
}

/** An anchored annotation where its text stands now (body offsets). */
interface Span {
  readonly id: string;
  readonly code: string;
  readonly start: number;
  readonly end: number;
}

/** A document's annotations by stored start, then id: the order the matrix shows them in. */
function byStart(annotations: readonly Annotation[]): Annotation[] {
  return [...annotations].sort((a, b) => a.start - b.start || compareIds(a.id, b.id));
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
