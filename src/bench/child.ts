/**
 * Entry of every measured process: `node dist/src/bench/child.js <part> [args…]`. It loads only
 * the part asked for (so a cold start measures the bot's own imports, not the benchmark's), runs
 * it, and exits once its result is posted.
 */
import { post } from "./process.js";

const parts: Record<string, () => Promise<{ measure(args: string[]): Promise<void> }>> = {
  ingest: () => import("./ingest.js"),
  coldstart: () => import("./coldstart.js"),
  latency: () => import("./latency.js"),
  baseline: () => import("./baseline.js"),
  app: () => import("./app.js"),
  llm: () => import("./llm.js"),
};

const [name, ...args] = process.argv.slice(2);

async function main(): Promise<void> {
  const load = parts[name ?? ""];
  if (!load) throw new Error(`unknown bench part "${name}" (one of ${Object.keys(parts).join(", ")})`);
  await (await load()).measure(args);
}

main().then(
  () => {
    process.disconnect?.();
    // Whatever handle a library leaves open must not hold the measurement up.
    setTimeout(() => process.exit(0), 2_000).unref();
  },
  async (err: Error) => {
    process.stderr.write(`${err.stack ?? err.message}\n`);
    await post({ type: "error", message: err.message }).catch(() => undefined);
    process.exit(1);
  },
);
