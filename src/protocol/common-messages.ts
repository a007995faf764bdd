/**
 * Messages every QualFrame panel shares, split by direction as VS Code's Markdown preview
 * does. The host validates every `FromWebview` message before acting on it
 * (src/extension/webview/validate-message.ts), so each field here has a documented limit.
 */

/** The commands a webview may ask the extension to run. Anything else is dropped. */
export const WEBVIEW_COMMANDS = ['qualframe.validateCorpus', 'qualframe.reloadCorpus'] as const;
export type WebviewCommandId = (typeof WEBVIEW_COMMANDS)[number];

/** Longest `root` a webview may send: a corpus root as the host sent it (path or URI). */
export const MAX_ROOT_LENGTH = 4096;
/** Longest `file` a webview may send: a POSIX path relative to a corpus root. */
export const MAX_FILE_LENGTH = 1024;

/**
 * The webview's script has loaded and listens. Sent once per load of the webview document
 * (webview/common does it for every panel); a second `ready` means the webview was reloaded.
 */
export interface ReadyMessage {
  readonly type: 'ready';
}

/** Ask the host to send the panel's data again. */
export interface RefreshMessage {
  readonly type: 'refresh';
}

/** Ask the host to run one of {@link WEBVIEW_COMMANDS}. */
export interface RunCommandMessage {
  readonly type: 'runCommand';
  readonly command: WebviewCommandId;
}

/**
 * Ask the host to open a file of a corpus in an editor. `root` must be one of the roots the
 * host sent; `file` is relative to it, `/`-separated, without `.`/`..` segments.
 */
export interface OpenFileMessage {
  readonly type: 'openFile';
  readonly root: string;
  readonly file: string;
}

/** Open a document at one of its segments (a quote clicked in a panel). */
export interface OpenSegmentMessage {
  readonly type: 'openSegment';
  readonly root: string;
  readonly file: string;
  readonly id: string;
}

/** Everything a panel's webview may send to the extension host. */
export type CommonFromWebviewMessage = ReadyMessage | RefreshMessage | RunCommandMessage | OpenFileMessage;
