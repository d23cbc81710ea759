/**
 * Running the scripts as a newcomer would: in a child process, from any working directory (so a
 * `.env` there is the one read), with only the variables given (nothing inherited from the test
 * runner), and with text on stdin when a test pipes questions in.
 */
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const REPO = fileURLToPath(new URL("../..", import.meta.url));

/** tsx's loader by absolute URL: `--import tsx` would be resolved from the child's working directory. */
export const TSX = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;

export interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  env?: Record<string, string | undefined>;
  cwd?: string;
  input?: string;
}

/** A bare environment: PATH and HOME only, plus `env`. */
export function bareEnv(env: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: process.env.HOME, ...env };
}

export function run(cmd: string, args: string[], opts: RunOptions = {}): Promise<Finished> {
  // The kill is a safety net (a hung child must not outlive the test), not a timed assertion.
  const child = spawn(cmd, args, { cwd: opts.cwd ?? REPO, env: bareEnv(opts.env), stdio: ["pipe", "pipe", "pipe"], timeout: 55_000 });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (s: string) => (stdout += s));
  child.stderr.setEncoding("utf8").on("data", (s: string) => (stderr += s));
  child.stdin.on("error", () => undefined); // a script that exits before reading its input
  child.stdin.end(opts.input ?? "");
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** `node --import tsx scripts/<script>` from `cwd`: the script itself, without npm around it. */
export function runScript(script: string, args: string[], opts: RunOptions = {}): Promise<Finished> {
  return run(process.execPath, ["--import", TSX, path.join(REPO, "scripts", script), ...args], opts);
}

/** `npm run --silent <name> -- args`: what the README tells people to type. */
export function runNpm(name: string, args: string[], opts: RunOptions = {}): Promise<Finished> {
  return run("npm", ["run", "--silent", name, ...(args.length ? ["--", ...args] : [])], opts);
}

/** JSON log records on stderr of the given pino level or more (30 = info). */
export function logRecords(stderr: string, minLevel = 30): { level: number; msg: string }[] {
  return stderr
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((l) => JSON.parse(l))
    .filter((r) => r.level >= minLevel);
}
