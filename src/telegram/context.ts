/**
 * What every handler of the Telegram adapter needs: the facade, the config, the conversation
 * memory, and a few questions asked of a grammY context (who asks, in which language, may they
 * administer the bot). Handlers receive these as `Deps` instead of importing singletons, so a
 * test can start several bots side by side.
 */
import { createHash } from "node:crypto";
import type { Context, MiddlewareFn } from "grammy";
import type { Config } from "../config.js";
import type { Asker, ConventionBot, Language } from "../core/bot.js";
import { languageOf } from "./i18n.js";
import type { ConversationMemory } from "./memory.js";
import type { Tasks } from "./tasks.js";

export interface Deps {
  core: ConventionBot;
  config: Config;
  memory: ConversationMemory;
  /** Work that outlives its update (reindex), awaited on stop. */
  tasks: Tasks;
  /** Per-user question limit (RATE_LIMIT_PER_MIN); calls `next` when the user may ask. */
  limit: MiddlewareFn<Context>;
}

/** The asker as the facade's analytics see it (the store hashes the id). */
export function askerOf(ctx: Context): Asker {
  return {
    platform: "telegram",
    chatKind: ctx.chat?.type === "private" ? "private" : "group",
    ...(ctx.from ? { userId: String(ctx.from.id) } : {}),
  };
}

/** Language for the bot's own sentences: the user's Telegram language, English otherwise. */
export function langOf(ctx: Context): Language {
  return languageOf(ctx.from?.language_code);
}

export function isPrivate(ctx: Context): boolean {
  return ctx.chat?.type === "private";
}

/** Admins are listed by numeric user id in TELEGRAM_ADMIN_IDS. */
export function isAdmin(ctx: Context, config: Config): boolean {
  return ctx.from !== undefined && config.TELEGRAM_ADMIN_IDS.includes(String(ctx.from.id));
}

/** A short, stable pseudonym for logs: raw user ids are never logged. */
export function userTag(ctx: Context): string | undefined {
  return ctx.from ? createHash("sha256").update(`telegram:${ctx.from.id}`).digest("hex").slice(0, 12) : undefined;
}
