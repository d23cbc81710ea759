/**
 * Stopping on SIGINT/SIGTERM, bounded. A graceful stop waits for things that may never settle (a
 * service's stop, a server waiting on keep-alive connections, a send retried forever), and signal
 * handlers installed by libraries (the lock file's) keep the default "exit on signal" from
 * happening; so the whole stop gets STOP_TIMEOUT_SECONDS, after which the process exits with code 1
 * and one log line naming what did not stop. A second signal exits at once — except within a
 * moment of the first: `npm start` and tsx relay a signal sent to the process group, so the same
 * request can arrive two or three times.
 */
import { constants } from "node:os";
import type { App } from "./app.js";
import { log } from "./log.js";

/** Copies of one signal relayed by npm and tsx arrive within this much of each other. */
const ECHO_MS = 1_000;

export interface StopOptions {
  timeoutMs: number;
  exit?: (code: number) => void;
}

/** Stop `app` (bounded) and exit; the returned function is what a signal, or the end of input, calls. */
export function boundedStop(app: App, { timeoutMs, exit = (code) => process.exit(code) }: StopOptions): (why: string) => void {
  let firstAt: number | undefined;
  return (why) => {
    if (firstAt !== undefined) {
      if (Date.now() - firstAt < ECHO_MS) return;
      log.warn({ why }, "second stop request: exiting now");
      return exit(128 + (constants.signals[why as NodeJS.Signals] ?? 0));
    }
    firstAt = Date.now();
    log.info({ why }, "stopping");
    const timer = setTimeout(() => {
      log.error({ pending: app.stopping() }, `stop did not finish within ${timeoutMs / 1000} s: ${app.stopping().join(", ")} still stopping; exiting`);
      exit(1);
    }, timeoutMs);
    void app.stop().then(
      () => {
        clearTimeout(timer);
        exit(0);
      },
      (err: Error) => {
        clearTimeout(timer);
        log.error({ err: err.message }, "stop failed");
        exit(1);
      },
    );
  };
}
