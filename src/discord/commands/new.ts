/** `/new`: forget the conversation here, so the next question is not read as a follow-up. */
import { MessageFlags, SlashCommandBuilder, type ChatInputCommandInteraction } from "discord.js";
import { languageOf, say } from "../../chat/catalog.js";
import type { DiscordContext } from "../context.js";
import { placeOf } from "../place.js";
import { described } from "./localized.js";

export const data = described(new SlashCommandBuilder().setName("new"), "command-new");

export async function execute(interaction: ChatInputCommandInteraction, { chat }: DiscordContext): Promise<void> {
  chat.memory.startOver(placeOf(interaction.channelId, interaction.channel, interaction.inGuild()));
  await interaction.reply({ content: say(languageOf(interaction.locale), "new-done"), flags: MessageFlags.Ephemeral });
}
