/** `/forget`: delete everything the store keeps about the user (answers they asked, their feedback) and our conversations. */
import { MessageFlags, SlashCommandBuilder, type ChatInputCommandInteraction } from "discord.js";
import { languageOf, say } from "../../chat/catalog.js";
import { askerOf } from "../answering.js";
import type { DiscordContext } from "../context.js";
import { described } from "./localized.js";

export const data = described(new SlashCommandBuilder().setName("forget"), "command-forget");

export async function execute(interaction: ChatInputCommandInteraction, { chat }: DiscordContext): Promise<void> {
  const userId = interaction.user.id;
  chat.memory.forgetUser(userId);
  const result = chat.core.forget(askerOf(userId, interaction.inGuild()));
  const content = say(languageOf(interaction.locale), "forget-done", { answers: result.answers, feedback: result.feedback });
  await interaction.reply({ content, flags: MessageFlags.Ephemeral });
}
