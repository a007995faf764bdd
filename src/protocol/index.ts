/**
 * The typed protocol between the extension host and its webviews. Pure declarations: this
 * folder imports nothing but types, and nothing from `vscode`, Node or the DOM.
 *
 * Convention: every `ToWebview` message is a snapshot that supersedes earlier messages of the
 * same `type` (the host's queue keeps only the latest of each type until the webview is
 * ready). A future message that is an event rather than a snapshot must revisit that.
 */
import type { AgreementFromWebviewMessage, AgreementToWebviewMessage } from './agreement-messages';
import type { CommonFromWebviewMessage } from './common-messages';
import type { CompareFromWebviewMessage, CompareToWebviewMessage } from './compare-messages';
import type { MatrixFromWebviewMessage, MatrixToWebviewMessage } from './matrix-messages';
import type { StatsFromWebviewMessage, StatsToWebviewMessage } from './stats-messages';

export * from './agreement-messages';
export * from './common-messages';
export * from './compare-messages';
export * from './matrix-messages';
export * from './stats-messages';

/** Everything any webview may send to the host (a union over the panels). */
export type FromWebviewMessage =
  | CommonFromWebviewMessage
  | StatsFromWebviewMessage
  | MatrixFromWebviewMessage
  | CompareFromWebviewMessage
  | AgreementFromWebviewMessage;
/** Everything the host may send to any webview (a union over the panels). */
export type ToWebviewMessage = StatsToWebviewMessage | MatrixToWebviewMessage | CompareToWebviewMessage | AgreementToWebviewMessage;
