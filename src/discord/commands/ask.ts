/**
 * `/ask question:<text> [private:true]`: a question answered in the channel (or only to the asker).
 * Deferred once admitted, since answering can take longer than the 3 s Discord allows for a first
 * response; a refusal before that (nothing asked, too long, cooldown) is seen by the asker alone.
 */
import { MessageFlags, SlashCommandBuilder, type ChatInputCommandInteraction } from "discord.js";
import { ask as askChat } from "../../chat/asking.js";
import { defer } from "../acknowledged.js";
import { NO_PINGS, answerMessages, askerOf, sendAnswer } from "../answering.js";
import type { DiscordContext } from "../context.js";
import { placeOf } from "../place.js";
import { described } from "./localized.js";

export const data = described(new SlashCommandBuilder().setName("ask"), "command-ask")
  .addStringOption((o) => described(o.setName("question"), "command-ask-question").setRequired(true))
  .addBooleanOption((o) => described(o.setName("private"), "command-ask-private"));

export async function execute(interaction: ChatInputCommandInteraction, ctx: DiscordContext): Promise<void> {
  const question = interaction.options.getString("question", true);
  const ephemeral = interaction.options.getBoolean("private") ?? false;
  const flags = ephemeral ? MessageFlags.Ephemeral : undefined;
  await askChat(ctx.chat, question, {
    asker: askerOf(interaction.user.id, interaction.inGuild()),
    locale: interaction.locale,
    where: { place: placeOf(interaction.channelId, interaction.channel, interaction.inGuild()) },
    begin: () => defer(interaction, ephemeral ? { flags: MessageFlags.Ephemeral } : {}),
    notice: (content) =>
      interaction.deferred
        ? interaction.editReply({ content, embeds: [], components: [], allowedMentions: NO_PINGS })
        : interaction.reply({ content, flags: MessageFlags.Ephemeral, allowedMentions: NO_PINGS }),
    send: (answer) =>
      sendAnswer(answerMessages(answer, question), (m) => interaction.editReply(m), (m) => interaction.followUp({ ...m, flags }), ctx.config.DISCORD_BOT_TOKEN),
  });
}
