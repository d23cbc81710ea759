/**
 * Entry-point wrapper for scripts: runs the async main, and turns a failure into one clear sentence
 * on stderr with exit code 1 (no stack trace for errors the user can act on). `--help` and usage
 * errors (CommandLineExit, from src/cli/args.ts) print their text and exit 0 or 2; an invalid source
 * list gives one line per problem and exit code 2.
 */
import { SourcesError } from "../core/corpus/manifest.js";
import { log, scrubSecrets } from "../log.js";
import { CommandLineExit } from "./args.js";

export function runMain(main: () => Promise<void>, what = "Error"): void {
  main().then(
    () => undefined,
    (err: Error) => {
      if (err instanceof CommandLineExit) {
        process[err.stream].write(err.text);
        process.exitCode = err.exitCode;
        return;
      }
      log.debug({ err }, "failed");
      // An invalid source list is the admin's to fix: one line per problem, exit code 2 (bad input).
      if (err instanceof SourcesError) {
        process.stderr.write(err.problems.map((p) => `${scrubSecrets(p)}\n`).join(""));
        process.exitCode = 2;
        return;
      }
      process.stderr.write(`${what}: ${scrubSecrets(err.message)}\n`);
      process.exitCode = 1;
    },
  );
}
