/**
 * The shape of one command module (one file per command, like discord.js's command handler
 * guide): its name, its menu description in each language, and what it does.
 */
import type { CommandContext, Context } from "grammy";
import type { Language } from "../../core/bot.js";
import type { Deps } from "../context.js";

export interface CommandModule {
  /** Lower-case command name, without the slash. */
  name: string;
  /** Other names that run the same command but are not listed in the menu (e.g. `start` for `help`). */
  aliases?: string[];
  /** The menu text for each language (Telegram: 1–256 characters). */
  description: Record<Language, string>;
  /** Only for user ids in TELEGRAM_ADMIN_IDS; everyone else gets a polite refusal (and a log line). */
  adminOnly?: boolean;
  execute(ctx: CommandContext<Context>, deps: Deps): Promise<unknown>;
}
