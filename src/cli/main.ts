/**
 * Entry-point wrapper for scripts: runs the async main, and turns a failure into one clear sentence
 * on stderr with exit code 1 (no stack trace for errors the user can act on). `--help` and usage
 * errors (CommandLineExit, from src/cli/args.ts) print their text and exit 0 or 2.
 */
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
      process.stderr.write(`${what}: ${scrubSecrets(err.message)}\n`);
      process.exitCode = 1;
    },
  );
}
