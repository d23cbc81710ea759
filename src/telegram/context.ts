/**
 * What every handler of the Telegram adapter needs: the chat layer (which holds the facade), the
 * config, and a few questions asked of a grammY context (who asks, in which language, may they
 * administer the bot). Handlers receive these as `Deps` instead of importing singletons, so a
 * test can start several bots side by side.
 */
import { createHash } from "node:crypto";
import type { I18nFlavor } from "@grammyjs/i18n";
import type { Context } from "grammy";
import type { Chat } from "../chat/chat.js";
import { languageOf } from "../chat/catalog.js";
import type { Config } from "../config.js";
import type { Asker, Language } from "../core/bot.js";
import { senderId } from "./senders.js";

/** grammY's context with @grammyjs/i18n's `ctx.t`, which reads the shared catalog in `locales/`. */
export type BotContext = Context & I18nFlavor;

export interface Deps {
  chat: Chat;
  config: Config;
}

/** The asker as the facade's analytics see it (the store hashes the id); someone posting as a chat is that chat. */
export function askerOf(ctx: Context): Asker {
  const userId = senderId(ctx);
  return {
    platform: "telegram",
    chatKind: ctx.chat?.type === "private" ? "private" : "group",
    ...(userId ? { userId } : {}),
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
