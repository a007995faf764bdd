/**
 * When a panel may post to its webview. The webview says `ready` once per load of its page
 * (webview/common); before that, and from the moment it is torn down (a hidden panel without
 * retainContextWhenHidden) until it says `ready` again, messages wait here. Every message to
 * a webview is a snapshot (src/protocol), so only the latest of each type waits. Pure: no
 * `vscode`, tested in plain Node.
 */

export interface Sendable {
  readonly type: string;
}

/** Posts one message; resolves false when VS Code dropped it (the webview was not live). */
export type SendMessage<T> = (message: T) => PromiseLike<boolean>;

export class ReadyGate<T extends Sendable> {
  private ready = false;
  /** Waiting messages: the latest of each type, oldest first. */
  private readonly waiting = new Map<string, T>();
  /** Bumped by reset(): a delivery failure of an earlier page must not requeue into this one. */
  private generation = 0;

  constructor(
    private readonly send: SendMessage<T>,
    private readonly onSendError: (message: T, error: unknown) => void = () => {},
  ) {}

  get isReady(): boolean {
    return this.ready;
  }

  /** The types of the messages waiting, oldest first (for tests and logs). */
  get waitingTypes(): readonly string[] {
    return [...this.waiting.keys()];
  }

  /** Sends now if the webview is ready, else keeps the message until it is. */
  post(message: T): void {
    if (!this.ready) {
      this.waiting.delete(message.type);
      this.waiting.set(message.type, message);
      return;
    }
    // Sent now, it supersedes a waiting one of its type, which must not arrive after it.
    this.waiting.delete(message.type);
    const generation = this.generation;
    this.send(message).then(
      (delivered) => {
        if (!delivered && generation === this.generation && !this.waiting.has(message.type)) this.waiting.set(message.type, message);
      },
      (error: unknown) => this.onSendError(message, error),
    );
  }

  /**
   * The webview said `ready` (first load or a reload). `prepare` posts the panel's current
   * data; it is queued with what waits, and everything is then sent once, in order.
   */
  opened(prepare?: () => void): void {
    this.ready = false;
    try {
      prepare?.();
    } finally {
      this.ready = true;
      const waiting = [...this.waiting.values()];
      this.waiting.clear();
      for (const message of waiting) this.post(message);
    }
  }

  /** The webview's page is gone (panel hidden); messages wait for the next `ready`. */
  lost(): void {
    this.ready = false;
  }

  /** A new page or no panel at all: nothing is ready and nothing waits. */
  reset(): void {
    this.ready = false;
    this.waiting.clear();
    this.generation++;
  }
}
