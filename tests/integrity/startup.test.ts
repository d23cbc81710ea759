/**
 * Starting up, as an orchestrator sees it: the health endpoint answers from the first second and
 * /readyz says what startup is doing (waiting for another build, connecting to Telegram…); a platform
 * that is unreachable is retried with each attempt logged; processes started together on an empty
 * data directory wait for one build and all come up with its result.
 */
import { spawn, type ChildProcess } from "node:child_process";
import net, { type AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it, vi } from "vitest";
import { startApp, type App } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { acquireBuildLock } from "../../src/core/index/build-lock.js";
import { loadIndex } from "../../src/core/index/store.js";
import { log } from "../../src/log.js";
import { FakeDiscord } from "../fakes/discord.js";
import { FakeTelegramApi } from "../fakes/telegram-api.js";
import { tempDir, testEnv } from "../helpers/env.js";

const REPO = fileURLToPath(new URL("../..", import.meta.url));
const cleanups: (() => Promise<unknown> | unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
  vi.restoreAllMocks();
});

const get = async (port: number, what: string) => {
  const res = await fetch(`http://127.0.0.1:${port}${what}`);
  return { status: res.status, body: await res.text() };
};

/** `npm start` as a child (one process), stdin kept open until `end()`; its JSON log lines as they come. */
function startChild(env: NodeJS.ProcessEnv) {
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], { cwd: REPO, env, stdio: ["pipe", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  const logs: Record<string, any>[] = [];
  child.stdout!.setEncoding("utf8").on("data", (s: string) => (stdout += s));
  child.stderr!.setEncoding("utf8").on("data", (s: string) => {
    stderr += s;
    const lines = stderr.split("\n");
    stderr = lines.pop()!;
    for (const l of lines) if (l.startsWith("{")) logs.push(JSON.parse(l));
  });
  const closed = new Promise<number | null>((resolve) => child.once("close", resolve));
  cleanups.push(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    return closed;
  });
  /** Resolve with the first log line matching, failing if the child ends first. */
  const logged = (match: (l: Record<string, any>) => boolean, what: string) =>
    vi.waitFor(() => {
      const line = logs.find(match);
      if (!line && child.exitCode !== null) throw new Error(`the child exited (${child.exitCode}) before logging ${what}: ${JSON.stringify(logs.slice(-3))}`);
      expect(line, what).toBeDefined();
      return line!;
    }, { timeout: 60_000, interval: 20 });
  return { child, logs, logged, closed, stdout: () => stdout, ask: (q: string) => child.stdin!.write(q + "\n"), end: () => child.stdin!.end() };
}

describe("health from the first second", () => {
  it("/healthz is up and /readyz says why not ready while the index is being waited for; ready once it is served", async () => {
    const env = testEnv({ env: { HEALTH_PORT: "0", LOG_LEVEL: "info" } });
    const indexDir = path.join(env.DATA_DIR!, "index");
    env.INDEX_DIR = indexDir; // empty: the first start of a deployment
    const held = await acquireBuildLock(indexDir, { waitMs: 0 });
    let released = false;
    cleanups.push(() => released || held.release());

    const bot = startChild(env);
    const { port } = await bot.logged((l) => l.msg === "health endpoint listening", "the health port");
    await bot.logged((l) => typeof l.msg === "string" && l.msg.includes("is running; waiting for it"), "waiting for the build");
    expect(await get(port, "/healthz")).toEqual({ status: 200, body: "ok\n" });
    const waiting = await get(port, "/readyz");
    expect(waiting.status).toBe(503);
    expect(JSON.parse(waiting.body)).toMatchObject({ ready: false, reason: "waiting for another process's index build", indexVersion: null });

    await held.release();
    released = true;
    await vi.waitFor(async () => expect((await get(port, "/readyz")).status).toBe(200), { timeout: 60_000, interval: 50 });
    const ready = JSON.parse((await get(port, "/readyz")).body);
    expect(ready).toMatchObject({ ready: true, reason: null, indexVersion: expect.stringMatching(/^[0-9a-f]{16}$/) });
    bot.ask("What does Article 41 say?");
    bot.end();
    expect(await bot.closed).toBe(0);
    expect(bot.stdout()).toMatch(/^Article 41 — 24\/7 network/m);
  });
});

describe("a platform unreachable at start", () => {
  it("is retried with each attempt logged with the next attempt's time; /readyz says so; it connects once reachable", async () => {
    const api = await FakeTelegramApi.start();
    cleanups.push(() => api.close());
    const door = await closedDoor(api.apiRoot);
    const healthPort = await freePort();
    const config = loadConfig(testEnv({ env: { TELEGRAM_BOT_TOKEN: api.token, TELEGRAM_API_ROOT: door.url, HEALTH_PORT: String(healthPort) } }));
    const warn = vi.spyOn(log, "warn");

    let app: App | undefined;
    const starting = startApp(config, { terminal: false }).then((a) => (app = a));
    cleanups.push(async () => (await starting.catch(() => undefined), app?.stop()));
    const retry = await vi.waitFor(() => {
      const call = warn.mock.calls.find(([fields]) => (fields as { platform?: string }).platform === "telegram");
      expect(call).toBeDefined();
      return call as [Record<string, any>, string];
    }, { timeout: 30_000, interval: 20 });
    expect(retry[0]).toMatchObject({ attempt: 1, nextAttemptAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
    expect(retry[1]).toBe(`Telegram: cannot connect (${retry[0].err}); attempt 2 at ${retry[0].nextAttemptAt.slice(11, 19)} UTC (in 1 s)`);
    expect(retry[1]).not.toContain(api.token);

    expect(await get(healthPort, "/healthz")).toEqual({ status: 200, body: "ok\n" });
    const connecting = await get(healthPort, "/readyz");
    expect(connecting.status).toBe(503);
    expect(JSON.parse(connecting.body).reason).toMatch(/^connecting to Telegram \(attempt 2 at \d\d:\d\d:\d\d UTC; last error: /);

    door.open();
    await starting;
    expect(app!.services.find((s) => s.name === "telegram")?.ready()).toBe(true);
    expect(JSON.parse((await get(healthPort, "/readyz")).body)).toMatchObject({ ready: true, reason: null });
  });

  it("Discord too: retried with the next attempt's time logged, connected once reachable", async () => {
    const fake = await FakeDiscord.start();
    cleanups.push(() => fake.close());
    const door = await closedDoor(fake.apiRoot);
    const config = loadConfig(testEnv({ env: { DISCORD_BOT_TOKEN: fake.token, DISCORD_API_ROOT: `${door.url}/api`, DISCORD_APPLICATION_ID: fake.applicationId } }));
    const warn = vi.spyOn(log, "warn");
    let app: App | undefined;
    const starting = startApp(config, { terminal: false }).then((a) => (app = a));
    cleanups.push(async () => (await starting.catch(() => undefined), app?.stop()));
    const retry = await vi.waitFor(() => {
      const call = warn.mock.calls.find(([fields]) => (fields as { platform?: string }).platform === "discord" && (fields as { attempt?: number }).attempt === 1);
      expect(call).toBeDefined();
      return call as [Record<string, any>, string];
    }, { timeout: 60_000, interval: 20 });
    expect(retry[1]).toMatch(/^Discord: cannot connect \(.+\); attempt 2 at \d\d:\d\d:\d\d UTC \(in 1 s\)$/);
    expect(retry[1]).not.toContain(fake.token);
    door.open();
    await starting;
    expect(app!.services.find((s) => s.name === "discord")?.ready()).toBe(true);
  });
});

describe("processes started together on an empty data directory", () => {
  it("wait for one build and all answer from it", async () => {
    const dataDir = tempDir();
    const indexDir = path.join(dataDir, "index");
    const held = await acquireBuildLock(indexDir, { waitMs: 0 });
    let released = false;
    cleanups.push(() => released || held.release());
    const env = testEnv({ env: { DATA_DIR: dataDir, INDEX_DIR: indexDir, LOG_LEVEL: "info" } });

    // Three processes meet a build in progress (this test's lock) for certain, then it ends without a result.
    const bots = [startChild(env), startChild(env), startChild(env)];
    for (const b of bots) await b.logged((l) => typeof l.msg === "string" && l.msg.includes("is running; waiting for it"), "waiting for the build");
    await held.release();
    released = true;
    for (const [i, b] of bots.entries()) {
      b.ask(["What does Article 41 say?", "Apa itu ekstradisi?", "What is illegal access?"][i]);
      b.end();
    }
    const codes = await Promise.all(bots.map((b) => b.closed));
    expect(codes).toEqual([0, 0, 0]);
    expect(bots[0].stdout()).toMatch(/^Article 41 — 24\/7 network/m);
    expect(bots[1].stdout()).toMatch(/ekstradisi|Pasal 37|Art\. 37/i);
    expect(bots[2].stdout()).toMatch(/Art\. 7/);
    // One of them built; the other two waited for it and took its result instead of building again.
    const version = (await loadIndex(indexDir, "local")).manifest.version;
    const reused = bots.filter((b) => b.logs.some((l) => l.msg === `the build we waited for made version ${version}; using it`));
    expect(reused).toHaveLength(2);
    for (const b of bots) expect(b.logs.filter((l) => l.level >= 50)).toEqual([]);
  });
});

/** A TCP door in front of `target`'s host:port: connections are dropped until `open()`, then passed through. */
async function closedDoor(target: string): Promise<{ url: string; open(): void }> {
  let open = false;
  const upstream = new URL(target);
  const door = net.createServer((socket) => {
    if (!open) return socket.destroy();
    const up = net.connect(Number(upstream.port), upstream.hostname);
    socket.pipe(up).pipe(socket);
    up.on("error", () => socket.destroy());
    socket.on("error", () => up.destroy());
  });
  await new Promise<void>((resolve) => door.listen(0, "127.0.0.1", resolve));
  cleanups.push(() => {
    door.close();
    return undefined;
  });
  return { url: `http://127.0.0.1:${(door.address() as AddressInfo).port}`, open: () => void (open = true) };
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
