/**
 * The webview end of the protocol: a typed wrapper of `acquireVsCodeApi()` and the `ready`
 * handshake, done here once for every panel (the host posts nothing before it).
 */
import type { FromWebviewMessage, ReadyMessage, ToWebviewMessage } from '../../src/protocol';

/** What VS Code injects into a webview page (may be acquired only once per page). */
interface VsCodeWebviewApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeWebviewApi;

export interface HostConnection<TState> {
  /** Posts a message to the extension host (which validates it before acting). */
  post(message: Exclude<FromWebviewMessage, ReadyMessage>): void;
  /** This panel's state from an earlier load of the page, if it passed the panel's check. */
  getState(): TState | undefined;
  /** Keeps `state` across reloads of the page (hidden tab, window reload). JSON only. */
  setState(state: TState): void;
}

export interface ConnectOptions<TTo extends ToWebviewMessage, TState> {
  /** The message types this panel draws; any other message is ignored. */
  readonly accepts: readonly TTo['type'][];
  readonly onMessage: (message: TTo) => void;
  /** Checks saved state before use: it may come from an older version of the panel. */
  readonly isState: (state: unknown) => state is TState;
}

let connected = false;

/** The User Timing mark taken as the page says `ready`. */
export const READY_MARK = 'qualframe:ready';

/**
 * Listens for the host's messages, then says `ready`. Call once per page. The host's answer
 * is a message event, so it cannot arrive before the current task ends: a panel may draw its
 * saved state (`getState()`) right after connecting, and the fresh data then replaces it.
 */
export function connectToHost<TTo extends ToWebviewMessage, TState>(options: ConnectOptions<TTo, TState>): HostConnection<TState> {
  if (connected) throw new Error('connectToHost: already connected');
  connected = true;
  const api = acquireVsCodeApi();
  const accepts: readonly string[] = options.accepts;
  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    const data = event.data;
    if (typeof data !== 'object' || data === null) return;
    const type: unknown = (data as { readonly type?: unknown }).type;
    if (typeof type !== 'string' || !accepts.includes(type)) return;
    options.onMessage(data as TTo);
  });
  const ready: ReadyMessage = { type: 'ready' };
  // A User Timing mark (DevTools' Performance panel; read by `npm run bench -- --paint`):
  // the host's first answer can only come after it.
  performance.mark(READY_MARK);
  api.postMessage(ready);
  return {
    post: (message) => api.postMessage(message),
    getState: () => {
      const state = api.getState();
      return options.isState(state) ? state : undefined;
    },
    setState: (state) => api.setState(state),
  };
}
