/** The "Framework Matrix" panel: cases by themes, the data it shows and the messages it exchanges. */
import type { CommonFromWebviewMessage, OpenSegmentMessage } from './common-messages';

export const MATRIX_VIEW_TYPE = 'qualframe.matrix';

/** Longest summary a webview may send (a summary is a paragraph or two of charting). */
export const MAX_SUMMARY_LENGTH = 20_000;
/** Longest annotation id, theme id or case id a webview may send. */
export const MAX_ID_LENGTH = 256;

/** A column: a theme, with its codes so the view can expand it. */
export interface MatrixThemeView {
  readonly id: string;
  readonly name: string;
  readonly codes: readonly { readonly id: string; readonly name: string }[];
}

/** One coded segment of a cell. */
export interface MatrixQuoteView {
  /** The document, relative to the corpus root. */
  readonly file: string;
  /** The annotation's id in that file. */
  readonly id: string;
  /** Its code (or the theme applied as a code). */
  readonly code: string;
  readonly quote: string;
  readonly illustrative: boolean;
  /** False for an orphan: still the researcher's coding, flagged. */
  readonly anchored: boolean;
}

export interface MatrixCellView {
  /** The case's summary of the theme, in the row of the document that holds it. */
  readonly summary?: string;
  /** How many coded segments the cell holds (its quotes are sent on request). */
  readonly segments: number;
  /**
   * Of those, how many per code (a theme without codes, applied as a code, under its own id);
   * codes without segments are absent.
   */
  readonly codes: Readonly<Record<string, number>>;
}

/** A case in one wave (or one value of the grouping attribute). */
export interface MatrixRowView {
  readonly case: string;
  /** The value of the grouping attribute; `""` when the documents have none. */
  readonly wave: string;
  readonly documents: readonly string[];
  /**
   * The row's value of each attribute offered (`MatrixViewData.attributes`), where its
   * documents agree on one: for showing only the rows of one value (role = GP, say).
   */
  readonly attributes: Readonly<Record<string, string>>;
  /** By theme id; every theme has a cell. */
  readonly cells: Readonly<Record<string, MatrixCellView>>;
}

/**
 * The matrix as the panel draws it: compact (counts and summaries; the quotes of a cell are
 * sent when it is selected, the filter runs on the host), so a corpus of a thousand cases is
 * a message of kilobytes per hundred cases rather than megabytes.
 */
export interface MatrixViewData {
  /** Identifies this matrix: answers to requests name the version they were computed on. */
  readonly version: number;
  /** The corpus: its root (path, also the `root` of messages back) and display name. */
  readonly root: string;
  readonly name: string;
  /** The attribute rows are grouped by, e.g. "wave". */
  readonly attribute: string;
  /** The attributes rows may be grouped by (shared by two or more cases), for a picker. */
  readonly attributes: readonly string[];
  readonly themes: readonly MatrixThemeView[];
  readonly rows: readonly MatrixRowView[];
  /** The most segments in one cell, for shading. */
  readonly maxSegments: number;
  /** The most segments of one code in one cell, by code id, for shading expanded columns. */
  readonly maxCodeSegments: Readonly<Record<string, number>>;
  /** Restricted Mode: summaries cannot be edited. */
  readonly readOnly: boolean;
}

/** The whole matrix (or none: no corpus is open), replacing what the panel showed. */
export interface MatrixMessage {
  readonly type: 'matrix';
  readonly data: MatrixViewData | null;
  /** True while a corpus is being (re)loaded. */
  readonly loading: boolean;
}

/**
 * Replace the case's summary of a theme (`""` removes it). The host writes it to the document
 * that holds the case's summaries, as an undoable edit.
 */
export interface SaveSummaryMessage {
  readonly type: 'saveSummary';
  readonly root: string;
  readonly case: string;
  readonly theme: string;
  readonly summary: string;
}

/** Export the matrix shown (its grouping) to a file: the host asks for the format and the place. */
export interface ExportMatrixMessage {
  readonly type: 'exportMatrix';
  readonly root: string;
}

/** Group the rows by another attribute (one of {@link MatrixViewData.attributes}). */
export interface SetGroupingMessage {
  readonly type: 'setGrouping';
  readonly attribute: string;
}

/** A cell, by what survives a new version of the matrix; `code` narrows it to one code's segments. */
export interface MatrixCellKey {
  readonly case: string;
  readonly wave: string;
  readonly theme: string;
  /** One of the theme's codes; `""`: the whole theme. */
  readonly code: string;
}

/** Send the segments of a cell (the one the person selected). */
export interface RequestQuotesMessage extends MatrixCellKey {
  readonly type: 'requestQuotes';
  readonly root: string;
}

/** The segments of a cell, answering {@link RequestQuotesMessage}. */
export interface QuotesMessage {
  readonly type: 'quotes';
  /** The matrix they were read from. */
  readonly version: number;
  readonly key: MatrixCellKey;
  /** Null when the cell is no longer in the matrix. */
  readonly quotes: readonly MatrixQuoteView[] | null;
  /** The segments the cell's summary cites (`path#id`), in its order, each once; a theme's cell only. */
  readonly cited?: readonly MatrixCitationView[];
}

/** A `path#id` citation in a summary, with the segment it names (null: no such segment in the corpus). */
export interface MatrixCitationView {
  readonly file: string;
  readonly id: string;
  readonly quote: MatrixQuoteView | null;
}

/** Longest filter text a webview may send. */
export const MAX_FILTER_LENGTH = 500;

/** Filter the rows by text (case ids, summaries, quotes); `""` clears the filter. */
export interface SearchMessage {
  readonly type: 'search';
  readonly root: string;
  readonly text: string;
}

/** A row the filter keeps: the whole row (`themes` null: its case id matches) or those cells. */
export interface MatrixRowMatchView {
  readonly case: string;
  readonly wave: string;
  readonly themes: readonly string[] | null;
}

/** The rows a filter keeps, answering {@link SearchMessage}. */
export interface SearchResultMessage {
  readonly type: 'searchResult';
  readonly version: number;
  /** The text searched, as sent. */
  readonly text: string;
  readonly rows: readonly MatrixRowMatchView[];
}

// ---------------------------------------------------------------------------------------------
// Queries beside the matrix: counts by the grouping attribute, and code co-occurrence.

/** The queries the panel shows beside the matrix. */
export type MatrixQueryKind = 'counts' | 'cooccurrence';
export const MATRIX_QUERY_KINDS: readonly MatrixQueryKind[] = ['counts', 'cooccurrence'];
/** What the counts' columns are: themes, or codes (a theme without codes as a code of its own). */
export type MatrixQueryBy = 'theme' | 'code';
export const MATRIX_QUERY_BYS: readonly MatrixQueryBy[] = ['theme', 'code'];
/** A row or column index a webview may send is below this. */
export const MAX_QUERY_INDEX = 100_000;

/**
 * Count the matrix shown (its grouping attribute is the rows): `counts` by theme or code, or
 * `cooccurrence` of codes (`by` is then ignored, and echoed in the answer).
 */
export interface RequestQueryMessage {
  readonly type: 'requestQuery';
  readonly root: string;
  readonly query: MatrixQueryKind;
  readonly by: MatrixQueryBy;
}

/** Send the segments behind one cell of a query, by its row and column in the query's answer. */
export interface RequestQuerySegmentsMessage {
  readonly type: 'requestQuerySegments';
  readonly root: string;
  readonly query: MatrixQueryKind;
  readonly by: MatrixQueryBy;
  readonly row: number;
  readonly col: number;
}

/** A column of the counts, or a code of the co-occurrence table. */
export interface QueryColumnView {
  readonly id: string;
  readonly name: string;
  /** The theme it belongs to (its own id for a theme). */
  readonly theme: string;
}

export interface CountsCellView {
  /** Distinct cases with a segment here. */
  readonly cases: number;
  readonly segments: number;
}

/** One value of the attribute. */
export interface CountsRowView {
  /** `""` for documents without a value. */
  readonly value: string;
  /** Cases with a document of this value, coded or not. */
  readonly cases: number;
  readonly documents: number;
  /** A cell per column, in the columns' order. */
  readonly cells: readonly CountsCellView[];
}

interface QueryResultBase {
  readonly type: 'queryResult';
  /** The matrix it was computed on. */
  readonly version: number;
  /** As requested. */
  readonly by: MatrixQueryBy;
  /** The matrix's grouping attribute: the counts' rows. */
  readonly attribute: string;
}

/** Counts of cases and segments by value of the attribute and theme or code (the segments are sent on request). */
export interface CountsResultMessage extends QueryResultBase {
  readonly query: 'counts';
  readonly columns: readonly QueryColumnView[];
  /** Sorted by value in natural order, `""` last. */
  readonly rows: readonly CountsRowView[];
  /** The most segments in one cell, for shading. */
  readonly maxSegments: number;
}

/** Code by code: how many pairs of segments overlap (the segments are sent on request). */
export interface CoOccurrenceResultMessage extends QueryResultBase {
  readonly query: 'cooccurrence';
  /** The codes with at least one anchored segment, in codebook order: rows and columns alike. */
  readonly codes: readonly QueryColumnView[];
  /** `counts[i][j]`: overlapping pairs of `codes[i]` and `codes[j]`; on the diagonal, the code's anchored segments. */
  readonly counts: readonly (readonly number[])[];
  /** `documents[i][j]`: the documents holding them. */
  readonly documents: readonly (readonly number[])[];
  /** The most pairs in one cell off the diagonal, for shading. */
  readonly maxCount: number;
}

/** A query's counts, answering {@link RequestQueryMessage}. */
export type QueryResultMessage = CountsResultMessage | CoOccurrenceResultMessage;

/**
 * The segments of a query's cell, answering {@link RequestQuerySegmentsMessage}: for counts,
 * the cell's segments; for co-occurrence, both segments of each overlapping pair (each
 * segment once), or on the diagonal the code's own anchored segments.
 */
export interface QuerySegmentsMessage {
  readonly type: 'querySegments';
  readonly version: number;
  readonly query: MatrixQueryKind;
  readonly by: MatrixQueryBy;
  readonly row: number;
  readonly col: number;
  /** Null when there is no such cell in the query of that version. */
  readonly quotes: readonly MatrixQuoteView[] | null;
}

export type MatrixToWebviewMessage = MatrixMessage | QuotesMessage | SearchResultMessage | QueryResultMessage | QuerySegmentsMessage;
export type MatrixFromWebviewMessage =
  | CommonFromWebviewMessage
  | OpenSegmentMessage
  | SaveSummaryMessage
  | SetGroupingMessage
  | ExportMatrixMessage
  | RequestQuotesMessage
  | SearchMessage
  | RequestQueryMessage
  | RequestQuerySegmentsMessage;

/** How the rows are ordered within each group: by case id, or by a column's segments. */
export interface MatrixSort {
  /** A theme id, or `""` for the case column. */
  readonly theme: string;
  /** With `theme`: one of its codes, or `""` for the theme's column. */
  readonly code: string;
  readonly descending: boolean;
}

/** Show only the rows whose value of `attribute` is `value`. */
export interface MatrixRowFilter {
  readonly attribute: string;
  readonly value: string;
}

/** What the matrix webview keeps with `setState`, to redraw at once after a reload. */
export interface MatrixPanelState {
  /** 2: the compact matrix (state saved by version 1 is not restored). */
  readonly version: 2;
  readonly data: MatrixViewData | null;
  /** The corpus last shown, kept while `data` is null (a corpus loading): the host restores the panel on it. */
  readonly root?: string;
  readonly selected?: MatrixCellKey;
  readonly filter?: string;
  /** Themes whose codes are shown as columns. */
  readonly expanded?: readonly string[];
  readonly sort?: MatrixSort;
  /** Only the rows with this value of this attribute. */
  readonly rowFilter?: MatrixRowFilter;
  /** Themes whose columns are hidden. */
  readonly hiddenThemes?: readonly string[];
  /** The view shown; `matrix` when absent. */
  readonly view?: MatrixPanelView;
  /** The counts' columns; `theme` when absent. */
  readonly countBy?: MatrixQueryBy;
  /** The cell selected in the counts (row: a value, col: a theme or code id). */
  readonly countsSelected?: QueryCellKey;
  /** The cell selected in the co-occurrence table (two code ids). */
  readonly cooccurrenceSelected?: QueryCellKey;
}

/** The panel's views, one tab each. */
export type MatrixPanelView = 'matrix' | MatrixQueryKind;

/** A query's cell by what survives a new version: its row's and column's identities, not indices. */
export interface QueryCellKey {
  readonly row: string;
  readonly col: string;
}
