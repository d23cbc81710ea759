/**
 * Progress shown by editing one message: a rebuild reports progress far more often than a platform
 * lets a message be edited, so only the latest text is sent, at most once per interval and never two
 * edits at once. `close()` waits for the edit in flight, so the final summary is always the last edit.
 */
export class ThrottledEditor {
  readonly #edit: (text: string) => Promise<unknown>;
  readonly #intervalMs: number;
  readonly #onError: (err: unknown) => void;
  #latest: string | undefined;
  #sent: string | undefined;
  #lastAt = 0;
  #timer: NodeJS.Timeout | undefined;
  #inFlight: Promise<void> | undefined;
  #closed = false;

  constructor(edit: (text: string) => Promise<unknown>, opts: { intervalMs?: number; onError?: (err: unknown) => void } = {}) {
    this.#edit = edit;
    this.#intervalMs = opts.intervalMs ?? 2000;
    this.#onError = opts.onError ?? (() => {});
  }

  update(text: string): void {
    if (this.#closed) return;
    this.#latest = text;
    this.#schedule();
  }

  #schedule(): void {
    if (this.#timer || this.#inFlight || this.#latest === this.#sent) return;
    const wait = Math.max(0, this.#lastAt + this.#intervalMs - Date.now());
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#send();
    }, wait);
  }

  #send(): void {
    if (this.#closed || this.#latest === undefined || this.#latest === this.#sent) return;
    const text = this.#latest;
    this.#sent = text;
    this.#lastAt = Date.now();
    this.#inFlight = this.#edit(text)
      .then(
        () => undefined,
        (err) => this.#onError(err),
      )
      .finally(() => {
        this.#inFlight = undefined;
        this.#schedule();
      });
  }

  /** Stop editing; resolves once no edit is in flight. */
  async close(): Promise<void> {
    this.#closed = true;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    while (this.#inFlight) await this.#inFlight;
  }
}
