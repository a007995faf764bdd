/** The "Framework Matrix" panel: cases by themes, the data it shows and the messages it exchanges. */
import type { CommonFromWebviewMessage } from './common-messages';

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
  readonly quotes: readonly MatrixQuoteView[];
}

/** A case in one wave (or one value of the grouping attribute). */
export interface MatrixRowView {
  readonly case: string;
  /** The value of the grouping attribute; `""` when the documents have none. */
  readonly wave: string;
  readonly documents: readonly string[];
  /** By theme id; every theme has a cell. */
  readonly cells: Readonly<Record<string, MatrixCellView>>;
}

export interface MatrixViewData {
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

/** Open a document at one of its segments (the quote clicked in a cell). */
export interface OpenSegmentMessage {
  readonly type: 'openSegment';
  readonly root: string;
  readonly file: string;
  readonly id: string;
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

/** Group the rows by another attribute (one of {@link MatrixViewData.attributes}). */
export interface SetGroupingMessage {
  readonly type: 'setGrouping';
  readonly attribute: string;
}

export type MatrixToWebviewMessage = MatrixMessage;
export type MatrixFromWebviewMessage = CommonFromWebviewMessage | OpenSegmentMessage | SaveSummaryMessage | SetGroupingMessage;

/** What the matrix webview keeps with `setState`, to redraw at once after a reload. */
export interface MatrixPanelState {
  readonly version: 1;
  readonly data: MatrixViewData | null;
  /** The selected cell, by case, wave and theme. */
  readonly selected?: { readonly case: string; readonly wave: string; readonly theme: string };
  readonly filter?: string;
}
