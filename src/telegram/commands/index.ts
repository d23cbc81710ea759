/**
 * The command registry: every command module, wired into grammY with the admin gate, and
 * published to Telegram's command menu in each language (admin commands only in admins' chats).
 */
import { Composer, type Api } from "grammy";
import type { BotCommand } from "grammy/types";
import { say } from "../../chat/catalog.js";
import type { Config } from "../../config.js";
import { LANGUAGES, type Language } from "../../core/bot.js";
import { log } from "../../log.js";
import { isAdmin, userTag, type BotContext, type Deps } from "../context.js";
import { inReplyTo } from "../send.js";
import { article } from "./article.js";
import { ask } from "./ask.js";
import { forget } from "./forget.js";
import { help } from "./help.js";
import { newConversation } from "./new.js";
import { reindex } from "./reindex.js";
import { sources } from "./sources.js";
import { stats } from "./stats.js";
import type { CommandModule } from "./types.js";

export const COMMANDS: readonly CommandModule[] = [help, ask, article, sources, newConversation, forget, reindex, stats];

/** Handlers for all commands; in a private chat an unknown command gets a pointer to /help. */
export function commands(deps: Deps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  for (const cmd of COMMANDS) {
    composer.command([cmd.name, ...(cmd.aliases ?? [])], async (ctx) => {
      if (cmd.adminOnly && !isAdmin(ctx, deps.config)) {
        log.warn({ command: cmd.name, user: userTag(ctx), chat: ctx.chat.type }, "admin command refused");
        await ctx.reply(ctx.t("admin-only"), inReplyTo(ctx.msg.message_id));
        return;
      }
      await cmd.execute(ctx, deps);
    });
  }
  composer
    .chatType("private")
    .on("message:entities:bot_command")
    .filter((ctx) => ctx.msg.entities.some((e) => e.type === "bot_command" && e.offset === 0))
    .use((ctx) => ctx.reply(ctx.t("unknown-command"), inReplyTo(ctx.msg.message_id)));
  return composer;
}

function menu(list: readonly CommandModule[], lang: Language): BotCommand[] {
  return list.map((c) => ({ command: c.name, description: say(lang, c.description) }));
}

/**
 * Register the menus: public commands for everyone (per language), and the full list in each
 * admin's private chat. Best effort: a bot without menus still works, so failures are logged only.
 */
export async function publishCommands(api: Api, config: Config): Promise<void> {
  const everyone = COMMANDS.filter((c) => !c.adminOnly);
  const calls: Promise<unknown>[] = [];
  for (const lang of LANGUAGES) {
    calls.push(api.setMyCommands(menu(everyone, lang), lang === "en" ? {} : { language_code: lang }));
    for (const id of config.TELEGRAM_ADMIN_IDS) {
      const scope = { type: "chat", chat_id: Number(id) } as const;
      calls.push(api.setMyCommands(menu(COMMANDS, lang), lang === "en" ? { scope } : { scope, language_code: lang }));
    }
  }
  const failed = (await Promise.allSettled(calls)).filter((r) => r.status === "rejected");
  if (failed.length) log.warn({ failed: failed.length, of: calls.length }, "could not register some command menus");
}
