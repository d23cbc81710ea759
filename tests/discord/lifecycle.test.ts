/**
 * The adapter as a process component: what it asks Discord for (intents, command registration through
 * `npm run discord:deploy`), the cooldown, graceful stop with an answer in flight, and the token kept
 * out of logs and errors.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterEach, describe, expect, test, vi } from "vitest";
import { GatewayIntentBits } from "discord.js";
import { loadConfig } from "../../src/config.js";
import { createBot } from "../../src/core/bot.js";
import { commandDefinitions, deployCommands, startDiscord } from "../../src/discord/index.js";
import { log } from "../../src/log.js";
import { FakeDiscord } from "../fakes/discord.js";
import { testEnv } from "../helpers/env.js";
import { captureLogs } from "../helpers/logs.js";
import { stopStartsWaiting } from "../helpers/stop-waits.js";
import { EPHEMERAL, callbackOf, editedResponse, startDiscordApp, type Running } from "./helpers.js";

const run = promisify(execFile);
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  while (cleanups.length) await cleanups.pop()!();
});

async function started(env?: Record<string, string>): Promise<Running> {
  const r = await startDiscordApp({ env });
  cleanups.push(() => r.stop());
  return r;
}

describe("connection", () => {
  test("asks only for the intents it uses: no privileged Message Content", async () => {
    const r = await started();
    expect(r.fake.identifies).toEqual([
      { intents: GatewayIntentBits.Guilds | GatewayIntentBits.GuildMessages | GatewayIntentBits.DirectMessages, tokenOk: true },
    ]);
    expect(r.app.services.find((s) => s.name === "discord")?.ready()).toBe(true);
  });

  test("stop() takes no new events, lets the answer in flight finish, then disconnects", async () => {
    const r = await started();
    const discord = r.app.services.find((s) => s.name === "discord")!;
    // Hold the core's answer so the question is surely in flight when stop() is called.
    const original = r.app.bot.answer.bind(r.app.bot);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const asked = new Promise<void>((resolve) => {
      vi.spyOn(r.app.bot, "answer").mockImplementation(async (q, o) => {
        resolve();
        await gate;
        return original(q, o);
      });
    });
    const inFlight = r.fake.command("ask", { question: "What does Article 41 require?" });
    await asked;
    const logs = captureLogs();
    cleanups.push(async () => logs.restore());
    const waiting = stopStartsWaiting();
    let stopped = false;
    const stopping = discord.stop().then(() => (stopped = true));
    expect(discord.ready()).toBe(false);
    const late = r.fake.command("ask", { question: "What is Article 2 about?" });
    await r.fake.waitFor((c) => c.path.endsWith(`/${inFlight.token}/callback`));
    // Release the answer once the stop waits for it — or once a stop that does not wait has closed
    // the gateway, which the order checked below then shows.
    await Promise.race([waiting, r.fake.gatewayClosed()]);
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(r.fake.original(inFlight).embeds[0].description).toContain("24/7");
    expect(r.fake.responsesTo(late)).toEqual([]);
    // The answer went out before the gateway connection was closed (normally, code 1000).
    const edit = r.fake.calls.findIndex((c) => c.method === "PATCH" && c.path.includes(inFlight.token));
    await r.fake.gatewayClosed();
    expect(r.fake.gatewayClosures).toEqual([{ code: 1000, callsBefore: expect.any(Number) }]);
    expect(edit).toBeLessThan(r.fake.gatewayClosures[0].callsBefore);
    // It waited for the answer, rather than giving up on it.
    expect(logs.records(/still in flight/)).toEqual([]);
  });

  test("a wrong token fails the start with an error that does not contain it", async () => {
    const fake = await FakeDiscord.start();
    cleanups.push(() => fake.close());
    const wrong = `${fake.token.slice(0, -4)}abcd`;
    const config = loadConfig(testEnv({ env: { DISCORD_BOT_TOKEN: wrong, DISCORD_API_ROOT: fake.apiRoot } }));
    const bot = await createBot(config);
    const err = await startDiscord(bot, config).then(() => null, (e: Error) => e);
    await bot.close();
    expect(err?.message).toMatch(/^Discord login failed/);
    expect(err?.message).not.toContain(wrong);
  });
});

describe("token and ids never logged", () => {
  test("failures are logged without the bot token, interaction tokens or URLs", async () => {
    const r = await started();
    const logged: string[] = [];
    for (const level of ["error", "warn", "info", "debug"] as const) {
      vi.spyOn(log, level).mockImplementation(((...args: unknown[]) => void logged.push(JSON.stringify(args))) as never);
    }
    // Discord rejects the answer's edit once: the bot logs it and apologizes instead.
    r.fake.failNext((m, p) => m === "PATCH" && p.endsWith("/messages/@original"), 400, { message: "Invalid Form Body", code: 50035 });
    const i = r.fake.command("ask", { question: "What does Article 41 require?" });
    await r.fake.waitFor((c) => c.method === "PATCH" && c.path.includes(i.token) && c.body?.content?.startsWith("Sorry"));
    const user = r.fake.user("eve");
    const refused = r.fake.command("reindex", {}, { user });
    await callbackOf(r.fake, refused);
    expect(logged.length).toBeGreaterThanOrEqual(2);
    const all = logged.join("\n");
    expect(all).toContain("50035");
    expect(all).not.toContain(r.fake.token);
    expect(all).not.toContain(i.token);
    expect(all).not.toContain(user.id);
    expect(all).not.toMatch(/https?:\/\//);
  });
});

describe("limits", () => {
  test("the per-user cooldown (RATE_LIMIT_PER_MIN) answers with a friendly ephemeral notice; others are unaffected", async () => {
    const r = await started({ RATE_LIMIT_PER_MIN: "2" });
    const hana = r.fake.user("hana");
    for (const q of ["What does Article 41 require?", "What is Article 2 about?"]) {
      await editedResponse(r.fake, r.fake.command("ask", { question: q }, { user: hana }));
    }
    const third = r.fake.command("ask", { question: "What is Article 3 about?" }, { user: hana });
    const { type, data } = await callbackOf(r.fake, third);
    expect(type).toBe(4);
    expect(data.flags).toBe(EPHEMERAL);
    expect(data.content).toMatch(/^You're asking faster than I can keep up\. Please try again in \d+ s\.$/);
    // A mention by the same user counts against the same budget; one reply, the notice.
    const mention = r.fake.post("What is Article 4 about?", { user: hana, mention: true });
    await r.fake.waitFor((c) => c.body?.message_reference?.message_id === mention.id);
    expect(r.fake.repliesTo(mention.id).map((m) => m.content)).toEqual([expect.stringMatching(/^You're asking faster/)]);
    // Someone else still gets answers.
    const other = await editedResponse(r.fake, r.fake.command("ask", { question: "What is Article 3 about?" }));
    expect(other.embeds.length).toBeGreaterThan(0);
    expect(r.fake.violations).toEqual([]);
  });

  test("a /ask question over 1,000 characters is refused ephemerally", async () => {
    const r = await started();
    const i = r.fake.command("ask", { question: "Explain article 41. ".repeat(60) });
    const { data } = await callbackOf(r.fake, i);
    expect(data).toMatchObject({ flags: EPHEMERAL, content: "That question is too long: please keep it under 1000 characters." });
  });
});

describe("command registration", () => {
  const byName = (defs: any[]) => Object.fromEntries(defs.map((d) => [d.name, d]));

  test("the definitions: options, limits, autocomplete, admin defaults, localizations", () => {
    const defs = byName(commandDefinitions());
    expect(Object.keys(defs).sort()).toEqual(["article", "ask", "forget", "help", "new", "reindex", "sources", "stats"]);
    expect(defs.ask.options).toEqual([
      expect.objectContaining({ name: "question", type: 3, required: true }),
      expect.objectContaining({ name: "private", type: 5 }),
    ]);
    // Discord's own max_length would count UTF-16 units and answer in its own words: the core's limit decides.
    expect(defs.ask.options[0].max_length).toBeUndefined();
    expect(defs.article.options).toEqual([expect.objectContaining({ name: "number", type: 4, required: true, min_value: 1, max_value: 68, autocomplete: true })]);
    expect(defs.reindex.default_member_permissions).toBe("32"); // Manage Server
    expect(defs.stats.default_member_permissions).toBe("32");
    expect(defs.reindex.options[0].choices.map((c: any) => c.value)).toEqual(["dry", "force"]);
    for (const d of Object.values(defs) as any[]) {
      expect(Object.keys(d.description_localizations ?? {}).sort()).toEqual(["id", "vi"]);
    }
  });

  test("deployCommands registers them for DISCORD_GUILD_ID, or globally", async () => {
    const fake = await FakeDiscord.start();
    cleanups.push(() => fake.close());
    const base = { DISCORD_BOT_TOKEN: fake.token, DISCORD_API_ROOT: fake.apiRoot };
    const guild = await deployCommands(loadConfig(testEnv({ env: { ...base, DISCORD_APPLICATION_ID: fake.applicationId, DISCORD_GUILD_ID: fake.guildId } })));
    expect(guild).toEqual({ scope: "guild", guildId: fake.guildId, commands: commandDefinitions().map((d) => d.name) });
    const put = fake.calls.find((c) => c.method === "PUT")!;
    expect(put.path).toBe(`/applications/${fake.applicationId}/guilds/${fake.guildId}/commands`);
    expect(put.body).toEqual(JSON.parse(JSON.stringify(commandDefinitions())));
    // Without an application id, the token's application is looked up first.
    const global = await deployCommands(loadConfig(testEnv({ env: base })));
    expect(global.scope).toBe("global");
    expect(fake.calls.filter((c) => c.method === "GET" && c.path === "/applications/@me")).toHaveLength(1);
    expect(fake.registeredCommands.get("global")?.map((c) => c.name)).toEqual(global.commands);
    expect(fake.violations).toEqual([]);
  });

  test("npm run discord:deploy (scripts/discord-deploy.ts) registers them and never prints the token", async () => {
    const fake = await FakeDiscord.start();
    cleanups.push(() => fake.close());
    const env = testEnv({ env: { DISCORD_BOT_TOKEN: fake.token, DISCORD_API_ROOT: fake.apiRoot, DISCORD_APPLICATION_ID: fake.applicationId, DISCORD_GUILD_ID: fake.guildId } });
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", "scripts/discord-deploy.ts"], { env });
    expect(stdout).toMatch(/^Registered 8 commands for server \d+: \/ask \/article/);
    expect(stdout + stderr).not.toContain(fake.token);
    expect(fake.registeredCommands.get(fake.guildId)).toHaveLength(8);

    // A failure (wrong token) exits non-zero with a short message, the token scrubbed.
    const wrong = { ...env, DISCORD_BOT_TOKEN: `${fake.token.slice(0, -4)}wxyz` };
    const failed = await run(process.execPath, ["--import", "tsx", "scripts/discord-deploy.ts"], { env: wrong }).then(() => null, (e) => e);
    expect(failed?.code).toBe(1);
    expect(failed?.stderr).toMatch(/^discord:deploy failed: /);
    expect(failed?.stderr).not.toContain(wrong.DISCORD_BOT_TOKEN);
  });
});
