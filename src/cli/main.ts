/**
 * Entry-point wrapper for scripts: runs the async main, and turns a failure into one clear sentence
 * on stderr with exit code 1 (no stack trace for errors the user can act on).
 */
import { log, scrubSecrets } from "../log.js";

export function runMain(main: () => Promise<void>): void {
  main().then(
    () => undefined,
    (err: Error) => {
      log.debug({ err }, "failed");
      process.stderr.write(`Error: ${scrubSecrets(err.message)}\n`);
      process.exitCode = 1;
    },
  );
}
