/**
 * How many of a version's recent answers failed. A version can pass every check and still fail
 * when asked (a bug meeting its data, memory gone bad); one failure is the question's problem, but
 * when failures make up a good part of the recent answers the version is the problem, and the facade
 * falls back to the version it served before.
 */
export const BUDGET_WINDOW = 10;
/** Both must hold: at least this many failures… */
export const BUDGET_FAILURES = 3;
/** …and at least this share of the window's answers (so one poison question among many good ones is not enough). */
export const BUDGET_SHARE = 0.5;

export class ErrorBudget {
  #outcomes: boolean[] = [];

  /** Record one answer; returns whether the budget is now exhausted. */
  record(ok: boolean): boolean {
    this.#outcomes.push(ok);
    if (this.#outcomes.length > BUDGET_WINDOW) this.#outcomes.shift();
    return this.exhausted;
  }

  get failures(): number {
    return this.#outcomes.filter((ok) => !ok).length;
  }

  get answers(): number {
    return this.#outcomes.length;
  }

  get exhausted(): boolean {
    const failures = this.failures;
    return failures >= BUDGET_FAILURES && failures >= BUDGET_SHARE * this.#outcomes.length;
  }
}
