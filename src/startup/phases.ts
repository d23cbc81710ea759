/**
 * What the process is still doing before it can answer ("building index", "connecting to Telegram
 * (attempt 3, next at 12:04:05)"), for `/readyz`: an orchestrator polling it during a slow start
 * sees a reason instead of silence, and tells "starting" from "stuck" from "dead".
 */
export class StartupPhases {
  readonly #steps = new Map<string, string>();

  /** Start (or re-describe) a step, e.g. set("index", "building index"). */
  set(step: string, reason: string): void {
    this.#steps.set(step, reason);
  }

  done(step: string): void {
    this.#steps.delete(step);
  }

  /** The oldest step still running, as a reason; undefined once startup is over. */
  current(): string | undefined {
    return this.#steps.values().next().value;
  }
}
