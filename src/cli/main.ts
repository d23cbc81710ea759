/**
 * Entry-point wrapper for scripts: runs the async main, and turns a failure into one clear sentence
 * on stderr with exit code 1 (no stack trace for errors the user can act on); an invalid source list
 * gives one line per problem and exit code 2.
 */
import { SourcesError } from "../core/corpus/manifest.js";
import { log, scrubSecrets } from "../log.js";

export function runMain(main: () => Promise<void>): void {
  main().then(
    () => undefined,
    (err: Error) => {
      log.debug({ err }, "failed");
      // An invalid source list is the admin's to fix: one line per problem, exit code 2 (bad input).
      if (err instanceof SourcesError) {
        process.stderr.write(err.problems.map((p) => `${scrubSecrets(p)}\n`).join(""));
        process.exitCode = 2;
        return;
      }
      process.stderr.write(`Error: ${scrubSecrets(err.message)}\n`);
      process.exitCode = 1;
    },
  );
}
