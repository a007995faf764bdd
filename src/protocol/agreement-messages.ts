/**
 * The "Intercoder Agreement" panel: the data it shows and the messages it exchanges. Two coders
 * are two revisions of the same documents (each coder's branch) or two names in the `by` field
 * of one revision; per code and overall, percentage agreement, Cohen's kappa and
 * Krippendorff's alpha over characters, and the text each coded that the other did not.
 */
import type { RefreshMessage } from './common-messages';

export const AGREEMENT_VIEW_TYPE = 'qualframe.agreement';

/** `revisions`: one coder per revision (branch); `coders`: two `by` names in one revision. */
export type AgreementMode = 'revisions' | 'coders';

/** Which coder's side a range is on. */
export type AgreementSide = 'a' | 'b';
export const AGREEMENT_SIDES: readonly AgreementSide[] = ['a', 'b'];

/** Largest body offset a webview may send (far above any transcript: a body of 100 million UTF-16 units). */
export const MAX_BODY_OFFSET = 100_000_000;

/** Kappa below this is flagged in the panel (the usual threshold of "substantial" agreement). */
export const AGREEMENT_KAPPA_THRESHOLD = 0.6;

/** The figures of one table: fractions (null when nothing was counted) and character counts. */
export interface AgreementFiguresView {
  readonly agreement: number | null;
  readonly kappa: number | null;
  readonly alpha: number | null;
  readonly aChars: number;
  readonly bChars: number;
  readonly bothChars: number;
  readonly totalChars: number;
}

export interface AgreementCodeView extends AgreementFiguresView {
  readonly code: string;
  /** Its name in the codebook, when it has one. */
  readonly name?: string;
}

/** Why a document was not compared (as src/core/review/agreement.ts says it). */
export type AgreementExclusionReason = 'body-differs' | 'only-in-a' | 'only-in-b' | 'unreadable-in-a' | 'unreadable-in-b' | 'unreadable' | 'not-coded-by-both';

export interface AgreementExcludedView {
  readonly file: string;
  readonly reason: AgreementExclusionReason;
}

/**
 * Text one coder coded and the other did not: body offsets (UTF-16, LF line endings) of the
 * document compared, and its text, cut to {@link AgreementViewData.textLimit} characters
 * (`text.length < end - start` when cut).
 */
export interface AgreementRangeView {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Where the coders differ on one code in one document. */
export interface AgreementDisagreementView {
  readonly file: string;
  readonly code: string;
  readonly onlyA: readonly AgreementRangeView[];
  readonly onlyB: readonly AgreementRangeView[];
  /** Ranges of this disagreement left out by the cap (only the last one listed can have any). */
  readonly omitted: number;
}

export interface AgreementViewData {
  /** The corpus root (a URI string), sent back with `openRange`. */
  readonly root: string;
  readonly name: string;
  readonly mode: AgreementMode;
  /** Coder A: a revision's label (`main`, `working tree`) or a coder's name. */
  readonly a: string;
  readonly b: string;
  /** Comparing coders of one revision: which one (e.g. `working tree`). */
  readonly revision?: string;
  readonly codedOnly: boolean;
  /** Every code either coder coded, codebook order first. */
  readonly codes: readonly AgreementCodeView[];
  readonly overall: AgreementFiguresView;
  /** How many documents were compared. */
  readonly compared: number;
  readonly excluded: readonly AgreementExcludedView[];
  /** Annotations of the compared documents whose quote was not found (orphans): counted nowhere. */
  readonly uncounted: number;
  /** In document, then code order; capped (see {@link omittedRanges}). */
  readonly disagreements: readonly AgreementDisagreementView[];
  /** How many ranges where the coders differ were left out of `disagreements`. */
  readonly omittedRanges: number;
  /** The most characters of a range's text sent. */
  readonly textLimit: number;
}

/** The agreement shown, replacing whatever the panel showed. */
export interface AgreementMessage {
  readonly type: 'agreement';
  /**
   * Null when the host holds no agreement (none computed in this window yet, or the window
   * was reloaded): the panel may keep showing what it saved, as no longer current.
   */
  readonly data: AgreementViewData | null;
  /** True while the agreement is being (re)computed. */
  readonly loading?: boolean;
  /** Why the agreement could not be (re)computed, in words for the researcher. */
  readonly problem?: string;
}

/**
 * Open the document (as it is in the working tree) at a range where the coders differ. `root`
 * must be a corpus root; `start` ≤ `end` are body offsets below {@link MAX_BODY_OFFSET}.
 */
export interface OpenRangeMessage {
  readonly type: 'openRange';
  readonly root: string;
  readonly file: string;
  readonly start: number;
  readonly end: number;
  readonly side: AgreementSide;
}

/** Count only the characters either coder coded (true) or whole bodies (false); recompute. */
export interface SetCodedOnlyMessage {
  readonly type: 'setCodedOnly';
  readonly codedOnly: boolean;
}

export type AgreementToWebviewMessage = AgreementMessage;
export type AgreementFromWebviewMessage = RefreshMessage | OpenRangeMessage | SetCodedOnlyMessage;

/** What the agreement webview keeps with `setState`, to redraw at once after a reload. */
export interface AgreementPanelState {
  readonly version: 1;
  readonly data: AgreementViewData | null;
}
