import { Registry } from "prom-client";
import { afterEach, describe, expect, it } from "vitest";
import type { Service } from "../../src/app.js";
import { createBot, type ConventionBot } from "../../src/core/bot.js";
import { startHealth, type HealthService } from "../../src/ops/health.js";
import { startOps } from "../../src/ops/index.js";
import { openStore, type Store } from "../../src/ops/store.js";
import { testConfig } from "../helpers/env.js";
import { bob } from "./helpers.js";

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const get = async (port: number, path: string, method = "GET") => {
  const res = await fetch(`http://127.0.0.1:${port}${path}`, { method });
  return { status: res.status, type: res.headers.get("content-type"), body: await res.text() };
};

/** A platform adapter whose connection the test controls. */
const platform = (name: string) => {
  const service = { name, connected: false, ready: () => service.connected, stop: async () => undefined };
  return service;
};

describe("/healthz and /readyz", () => {
  it("are up at once, and ready only after the index loads and every platform is connected", async () => {
    let bot: ConventionBot | undefined;
    const telegram = platform("telegram");
    const discord = platform("discord");
    const health = await startHealth({
      port: 0,
      host: "127.0.0.1",
      registry: new Registry(),
      probe: { bot: () => bot, services: () => [telegram, discord] },
    });
    cleanups.push(() => health.stop());

    expect(await get(health.port, "/healthz")).toMatchObject({ status: 200, body: "ok\n" });
    const loading = await get(health.port, "/readyz");
    expect(loading.status).toBe(503);
    expect(JSON.parse(loading.body)).toEqual({ ready: false, reason: "no verified index version is served", indexVersion: null, services: { telegram: false, discord: false } });

    bot = await createBot(testConfig(), { buildIfMissing: false });
    cleanups.push(() => bot!.close());
    const notConnected = await get(health.port, "/readyz");
    expect(notConnected.status).toBe(503);
    expect(JSON.parse(notConnected.body)).toMatchObject({ ready: false, reason: "telegram is not connected", indexVersion: bot.indexVersion });

    telegram.connected = true;
    const oneLeft = await get(health.port, "/readyz");
    expect(oneLeft.status).toBe(503);
    expect(JSON.parse(oneLeft.body).reason).toBe("discord is not connected");
    discord.connected = true;
    const ready = await get(health.port, "/readyz");
    expect(ready.status).toBe(200);
    expect(JSON.parse(ready.body)).toEqual({ ready: true, reason: null, indexVersion: bot.indexVersion, services: { telegram: true, discord: true } });

    // A platform that drops its connection makes the process unready again.
    discord.connected = false;
    expect((await get(health.port, "/readyz")).status).toBe(503);
  });

  it("counts a service whose check throws as not ready, and answers only GET and HEAD on known paths", async () => {
    const broken: Service = { name: "broken", ready: () => { throw new Error("boom"); }, stop: async () => undefined };
    const health = await startHealth({ port: 0, host: "127.0.0.1", registry: new Registry(), probe: { bot: () => undefined, services: () => [broken] } });
    cleanups.push(() => health.stop());
    expect(JSON.parse((await get(health.port, "/readyz")).body).services).toEqual({ broken: false });
    expect((await get(health.port, "/nope")).status).toBe(404);
    expect((await get(health.port, "/healthz", "POST")).status).toBe(405);
    expect(await get(health.port, "/healthz", "HEAD")).toMatchObject({ status: 200, body: "" });
  });
});

describe("startOps", () => {
  let store: Store;

  const start = async () => {
    const config = testConfig({ env: { HEALTH_PORT: "0" } }); // binds loopback by default
    store = openStore(config);
    const bot = await createBot(config, { recorder: store, buildIfMissing: false });
    const services: Service[] = [];
    services.push(...(await startOps(bot, config, store, () => services)));
    cleanups.push(async () => {
      for (const s of [...services].reverse()) await s.stop();
      await bot.close();
      store.close();
    });
    const health = services.find((s) => s.name === "health") as HealthService;
    return { bot, services, port: health.port };
  };

  it("serves /metrics that count each question by platform and outcome, its latency, and the index version", async () => {
    const { bot, port } = await start();
    const grounded = await bot.answer("What does Article 41 say?", { asker: bob });
    const refused = await bot.answer("What is the capital of Australia?", { asker: bob });
    await bot.answer("Apa isi Pasal 41?", { asker: { platform: "telegram", chatKind: "private", userId: "1" } });
    expect([grounded.grounded, refused.grounded]).toEqual([true, false]);

    const metrics = await get(port, "/metrics");
    expect(metrics.status).toBe(200);
    expect(metrics.type).toMatch(/^text\/plain/);
    const value = (series: string) => {
      const line = metrics.body.split("\n").find((l) => l.startsWith(series + " "));
      return line === undefined ? undefined : Number(line.slice(series.length + 1));
    };
    expect(value('convention_bot_questions_total{platform="discord",grounded="true"}')).toBe(1);
    expect(value('convention_bot_questions_total{platform="discord",grounded="false"}')).toBe(1);
    expect(value('convention_bot_questions_total{platform="telegram",grounded="true"}')).toBe(1);
    expect(value("convention_bot_answer_seconds_count")).toBe(3);
    expect(value(`convention_bot_index_info{version="${bot.indexVersion}"}`)).toBe(1);
    expect(value("convention_bot_reindex_total")).toBe(0);
    expect(metrics.body).toContain("process_cpu_seconds_total");
    // The same questions reached the store.
    expect(store.stats(1)).toMatchObject({ totalQuestions: 3, refused: 1, byPlatform: { discord: 2, telegram: 1 } });
  });

  it("is ready once started with a loaded index, and every service it returns stops cleanly", async () => {
    const { services, port } = await start();
    expect(services.map((s) => s.name)).toEqual(["metrics", "health", "hot-reload", "retention"]);
    expect((await get(port, "/readyz")).status).toBe(200);
    for (const s of [...services].reverse()) await s.stop();
    expect(services.filter((s) => s.ready())).toEqual([]);
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
  });

  it("starts no HTTP server without HEALTH_PORT", async () => {
    const config = testConfig();
    const localStore = openStore(config);
    const bot = await createBot(config, { recorder: localStore, buildIfMissing: false });
    const services = await startOps(bot, config, localStore, () => []);
    cleanups.push(async () => {
      for (const s of services) await s.stop();
      await bot.close();
      localStore.close();
    });
    expect(services.map((s) => s.name)).toEqual(["metrics", "hot-reload", "retention"]);
  });
});
