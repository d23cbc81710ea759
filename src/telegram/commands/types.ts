/**
 * The shape of one command module (one file per command, like discord.js's command handler
 * guide): its name, the catalog id of its menu description, and what it does.
 */
import type { CommandContext } from "grammy";
import type { BotContext, Deps } from "../context.js";

export interface CommandModule {
  /** Lower-case command name, without the slash. */
  name: string;
  /** Other names that run the same command but are not listed in the menu (e.g. `start` for `help`). */
  aliases?: string[];
  /** Catalog id of the menu text (Telegram: 1–256 characters), the same one Discord's command uses. */
  description: string;
  /** Only for user ids in TELEGRAM_ADMIN_IDS; everyone else gets a polite refusal (and a log line). */
  adminOnly?: boolean;
  execute(ctx: CommandContext<BotContext>, deps: Deps): Promise<unknown>;
}
