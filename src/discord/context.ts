/**
 * What every Discord handler receives besides the interaction or message: the facade, the settings and
 * the adapter's own small state. Passed explicitly (no globals), so tests and several clients can coexist.
 */
import type { ChatInputCommandInteraction, AutocompleteInteraction, RESTPostAPIChatInputApplicationCommandsJSONBody } from "discord.js";
import type { Config } from "../config.js";
import type { ConventionBot } from "../core/bot.js";
import type { Conversations } from "./conversations.js";
import type { Cooldown } from "./cooldown.js";

export interface DiscordContext {
  bot: ConventionBot;
  config: Config;
  cooldown: Cooldown;
  conversations: Conversations;
  /** Set while a `/reindex` started from Discord runs, so a second one is refused instead of queued. */
  reindexing: { running: boolean };
}

/** One slash command, discord.js guide style: its definition and its handler in one module. */
export interface SlashCommand {
  data: { name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
  execute(interaction: ChatInputCommandInteraction, ctx: DiscordContext): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, ctx: DiscordContext): Promise<void>;
}
