/**
 * What every Discord handler receives besides the interaction or message: the chat layer (which holds
 * the facade) and the settings. Passed explicitly (no globals), so tests and several clients can coexist.
 */
import type { AutocompleteInteraction, ChatInputCommandInteraction, RESTPostAPIChatInputApplicationCommandsJSONBody } from "discord.js";
import type { Chat } from "../chat/chat.js";
import type { Config } from "../config.js";

export interface DiscordContext {
  chat: Chat;
  config: Config;
}

/** One slash command, discord.js guide style: its definition and its handler in one module. */
export interface SlashCommand {
  data: { name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
  execute(interaction: ChatInputCommandInteraction, ctx: DiscordContext): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, ctx: DiscordContext): Promise<void>;
}
