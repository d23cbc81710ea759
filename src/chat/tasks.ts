/**
 * Work in flight that a graceful stop must wait for: updates being handled (a webhook may have
 * been acknowledged before its answer was sent) and detached jobs such as a reindex, which runs
 * outside its update so the admin's chat keeps getting answers meanwhile.
 */
import { log } from "../log.js";

export class Tasks {
  private readonly running = new Set<Promise<unknown>>();
  private readonly jobs = new Set<string>();

  /** Track `work` until it settles; returns it unchanged. */
  track<T>(work: Promise<T>): Promise<T> {
    const settled = work.then(
      () => undefined,
      () => undefined,
    );
    this.running.add(settled);
    void settled.then(() => this.running.delete(settled));
    return work;
  }

  /** Start `work` in the background unless a job named `name` is still running; false if it is. */
  exclusive(name: string, work: () => Promise<unknown>): boolean {
    if (this.jobs.has(name)) return false;
    this.jobs.add(name);
    void this.track(work())
      .catch((err: Error) => log.error({ job: name, err: err.message }, "background job failed"))
      .finally(() => this.jobs.delete(name));
    return true;
  }

  get size(): number {
    return this.running.size;
  }

  /** Wait until everything tracked has settled, or `ms` passed; true if all settled. */
  async drain(ms: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
    try {
      while (this.running.size) {
        const done = await Promise.race([Promise.all([...this.running]).then(() => true as const), timeout]);
        if (!done) return false;
      }
      return true;
    } finally {
      clearTimeout(timer);
    }
  }
}
