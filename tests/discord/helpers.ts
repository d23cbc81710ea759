/**
 * Starts the bot the way `npm start` does (`startApp(loadConfig(env))`, with the test index from
 * tests/helpers/env.ts) pointed at a fresh fake Discord, and tears both down.
 */
import fs from "node:fs";
import { expect } from "vitest";
import { startApp, type App } from "../../src/app.js";
import { loadConfig, type Config } from "../../src/config.js";
import { FakeDiscord, type SentInteraction } from "../fakes/discord.js";
import { testEnv } from "../helpers/env.js";

export interface Running {
  fake: FakeDiscord;
  app: App;
  config: Config;
  stop(): Promise<void>;
}

export async function startDiscordApp(opts: { env?: Record<string, string>; ownIndex?: boolean } = {}): Promise<Running> {
  const fake = await FakeDiscord.start();
  const env = testEnv({
    ownIndex: opts.ownIndex,
    env: { DISCORD_BOT_TOKEN: fake.token, DISCORD_API_ROOT: fake.apiRoot, DISCORD_APPLICATION_ID: fake.applicationId, ...opts.env },
  });
  const config = loadConfig(env);
  let app: App;
  try {
    app = await startApp(config, { terminal: false });
  } catch (err) {
    await fake.close();
    fs.rmSync(config.dataDir, { recursive: true, force: true });
    throw err;
  }
  return {
    fake,
    app,
    config,
    async stop() {
      await app.stop();
      await fake.close();
      fs.rmSync(config.dataDir, { recursive: true, force: true });
    },
  };
}

/** Wait for the bot to edit the interaction's deferred response, and return the message as edited. */
export async function editedResponse(fake: FakeDiscord, i: SentInteraction): Promise<any> {
  await fake.waitFor((c) => c.method === "PATCH" && c.path.includes(`/${i.token}/messages/@original`));
  return fake.original(i);
}

/** Wait for the interaction's callback (the first response) and return its body. */
export async function callbackOf(fake: FakeDiscord, i: SentInteraction): Promise<{ type: number; data: any }> {
  return (await fake.waitFor((c) => c.path.endsWith(`/${i.token}/callback`))).body;
}

export const EPHEMERAL = 64;

/** Every embed's text (description and fields) in one string, for "mentions X" checks. */
export function embedText(message: any): string {
  return (message.embeds ?? [])
    .map((e: any) => [e.title, e.author?.name, e.description, ...(e.fields ?? []).flatMap((f: any) => [f.name, f.value]), e.footer?.text].filter(Boolean).join("\n"))
    .join("\n");
}

/** Every message the bot sent or edited declared that it pings nobody. */
export function expectNoPings(fake: FakeDiscord): void {
  const payloads = fake.messagePayloads();
  expect(payloads.length).toBeGreaterThan(0);
  for (const body of payloads) expect(body.allowed_mentions?.parse).toEqual([]);
}
