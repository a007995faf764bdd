/**
 * The "Compare Waves" panel: the data it shows and the messages it exchanges. Two groups of
 * documents (two values of one attribute: by default the 2016 predictions and the 2021
 * reports) set side by side, theme by theme and code by code.
 */
import type { OpenSegmentMessage, RefreshMessage } from './common-messages';
import type { MatrixQuoteView } from './matrix-messages';

export const COMPARE_VIEW_TYPE = 'qualframe.compare';

/**
 * `both`: predicted and reported; `baseline-only`: predicted, not reported; `followup-only`:
 * emergent; `unused`: no segment in either wave.
 */
export type CompareStatus = 'both' | 'baseline-only' | 'followup-only' | 'unused';

export const COMPARE_STATUSES: readonly CompareStatus[] = ['both', 'baseline-only', 'followup-only', 'unused'];

/** A theme's or code's presence in one wave. */
export interface CompareCountView {
  /** Distinct cases with a segment in a document of this wave. */
  readonly cases: number;
  readonly segments: number;
  /** `cases` over the wave's cases, 0 to 1. */
  readonly share: number;
}

export interface CompareCodeView {
  readonly id: string;
  readonly name: string;
  readonly status: CompareStatus;
  /** The wave it was first applied in (lowest value, any wave); null when never applied. */
  readonly firstWave: string | null;
  readonly baseline: CompareCountView;
  readonly followup: CompareCountView;
}

export interface CompareThemeView extends CompareCodeView {
  /** Its codes in codebook order; empty for a theme applied as a code of its own. */
  readonly codes: readonly CompareCodeView[];
  /** The theme's colour from the codebook (`#rrggbb`), if it has one. */
  readonly color?: string;
}

/** An attribute the panel can compare by, with its values (natural order). */
export interface CompareAttributeView {
  readonly name: string;
  readonly values: readonly string[];
}

export interface CompareViewData {
  /** Numbers the comparisons sent; answers about an older one are dropped. */
  readonly version: number;
  /** The corpus root (a URI string), sent back with requests. */
  readonly root: string;
  readonly name: string;
  readonly readOnly: boolean;
  readonly attribute: string;
  readonly baseline: string;
  readonly followup: string;
  /** What can be chosen in the panel: attributes with at least two values. */
  readonly attributes: readonly CompareAttributeView[];
  readonly totals: {
    readonly baseline: { readonly cases: number; readonly documents: number };
    readonly followup: { readonly cases: number; readonly documents: number };
  };
  readonly themes: readonly CompareThemeView[];
}

/** The whole comparison, replacing whatever the panel showed. */
export interface CompareMessage {
  readonly type: 'compare';
  /** Null without a corpus, or when no two groups can be compared (see `problem`). */
  readonly data: CompareViewData | null;
  readonly loading: boolean;
  /** Why nothing can be compared (fewer than two values, say), in words for the researcher. */
  readonly problem?: string;
}

/** A segment as the matrix sends it, with its case: the paper prints the text, then `[case]`. */
export interface CompareQuoteView extends MatrixQuoteView {
  readonly case: string;
}

/** Ask for a theme's (or one of its codes') quotes in each wave. */
export interface RequestCompareQuotesMessage {
  readonly type: 'requestCompareQuotes';
  readonly root: string;
  readonly theme: string;
  /** `""`: the whole theme. */
  readonly code: string;
}

/** The quotes of a theme or code, wave by wave, answering {@link RequestCompareQuotesMessage}. */
export interface CompareQuotesMessage {
  readonly type: 'compareQuotes';
  readonly version: number;
  readonly theme: string;
  readonly code: string;
  /** Null when the theme or code is no longer in the codebook. */
  readonly baseline: readonly CompareQuoteView[] | null;
  readonly followup: readonly CompareQuoteView[] | null;
}

/** Compare other groups: two values of an attribute (offered in `attributes`). */
export interface SetWavesMessage {
  readonly type: 'setWaves';
  readonly attribute: string;
  readonly baseline: string;
  readonly followup: string;
}

/** Export the comparison shown, with its quotes side by side. */
export interface ExportComparisonMessage {
  readonly type: 'exportComparison';
  readonly root: string;
}

export type CompareToWebviewMessage = CompareMessage | CompareQuotesMessage;
export type CompareFromWebviewMessage =
  | RefreshMessage
  | OpenSegmentMessage
  | RequestCompareQuotesMessage
  | SetWavesMessage
  | ExportComparisonMessage;

/** What the comparison webview keeps with `setState`, to redraw at once after a reload. */
export interface ComparePanelState {
  readonly version: 1;
  readonly data: CompareViewData | null;
  /** The corpus last shown, kept while `data` is null (a corpus loading): the host restores the panel on it. */
  readonly root?: string;
  /** The theme (and code, `""` for the theme) whose quotes are shown. */
  readonly selected?: { readonly theme: string; readonly code: string };
  /** Statuses shown; all when absent. */
  readonly statuses?: readonly CompareStatus[];
  readonly sort?: CompareSort;
}

/** How the table's themes are ordered: codebook order, or by a wave's share, or by status. */
export type CompareSort = 'codebook' | 'baseline' | 'followup' | 'status';
