/**
 * The signal handlers of `npm start` (scripts/start.ts), in a real child process running the
 * Telegram bot against the fake Bot API: SIGTERM or SIGINT while an answer is on its way to
 * Telegram stops taking updates, lets that answer through, confirms the last update, and exits 0.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { afterEach, expect, test } from "vitest";
import { FakeTelegramApi } from "./fakes/telegram-api.js";
import { REPO, TSX } from "./cli/helpers.js";
import { testEnv } from "./helpers/env.js";

let api: FakeTelegramApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

function startChild(env: NodeJS.ProcessEnv) {
  // The kill is a safety net (a hung child must not outlive the test), not a timed assertion.
  const child = spawn(process.execPath, ["--import", TSX, path.join(REPO, "scripts", "start.ts")], { cwd: REPO, env, stdio: ["ignore", "pipe", "pipe"], timeout: 55_000 });
  let stderr = "";
  const seen: { pattern: RegExp; resolve(): void }[] = [];
  child.stderr.setEncoding("utf8").on("data", (s: string) => {
    stderr += s;
    for (const w of seen) if (w.pattern.test(stderr)) w.resolve();
  });
  child.stdout.resume();
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal, stderr })),
  );
  /** Resolves when stderr shows `pattern`; rejects if the process exits first. */
  const logged = (pattern: RegExp) =>
    Promise.race([
      new Promise<void>((resolve) => (pattern.test(stderr) ? resolve() : seen.push({ pattern, resolve }))),
      exited.then((r) => Promise.reject(new Error(`exited (${r.code ?? r.signal}) before logging ${pattern}: ${r.stderr}`))),
    ]);
  return { child, exited, logged };
}

test.each(["SIGTERM", "SIGINT"] as const)("%s while an answer is in flight: it is delivered, the update confirmed, exit 0", async (signal) => {
  const fake = (api = await FakeTelegramApi.start());
  const env = testEnv({ env: { TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot, LOG_LEVEL: "info" } });
  const { child, exited, logged } = startChild(env);
  await logged(/"msg":"started"/);
  await fake.polling();

  const answer = fake.holdNext("sendMessage");
  const user = fake.user(9_100_001);
  const asked = fake.send(user, fake.privateChat(user), "What is the 24/7 network?");
  await answer.arrived;
  child.kill(signal);
  // The handler has run (and the process is still there, or `logged` rejects): now let the answer through.
  await logged(new RegExp(`"why":"${signal}".*"msg":"stopping"`));
  answer.release();
  const { code, signal: killedBy, stderr } = await exited;
  expect({ code, killedBy }, stderr).toEqual({ code: 0, killedBy: null });
  const [reply, ...more] = fake.repliesTo(asked);
  expect(more).toHaveLength(0);
  expect(reply.text).toContain("Art. 41");
  // The stop confirmed the update after the answer went out, so a restart will not answer it again.
  const confirm = fake.callsOf("getUpdates").find((c) => c.params.timeout === 0);
  expect(confirm, "the stop's getUpdates confirming the last update").toBeDefined();
  expect(confirm!.seq).toBeGreaterThan(reply.seq);
});
