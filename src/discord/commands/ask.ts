/**
 * `/ask question:<text> [private:true]`: a question answered in the channel (or only to the asker).
 * Deferred at once, since answering can take longer than the 3 s Discord allows for a first response.
 */
import { MessageFlags, SlashCommandBuilder, type ChatInputCommandInteraction } from "discord.js";
import {
  NO_PINGS, admit, answerMessages, ask, askerOf, logFailure, turnOf,
} from "../answering.js";
import type { DiscordContext } from "../context.js";
import { languageOf, t } from "../i18n.js";
import { placeOf } from "../place.js";

export const data = new SlashCommandBuilder()
  .setName("ask")
  .setDescription("Ask a question about the UN Convention against Cybercrime")
  .setDescriptionLocalizations({
    id: "Ajukan pertanyaan tentang Konvensi PBB tentang Kejahatan Siber",
    vi: "Đặt câu hỏi về Công ước LHQ về chống tội phạm mạng",
  })
  .addStringOption((o) =>
    o
      .setName("question")
      .setDescription("Your question, in English, Indonesian or Vietnamese")
      .setDescriptionLocalizations({ id: "Pertanyaan Anda (Inggris, Indonesia, atau Vietnam)", vi: "Câu hỏi của bạn (tiếng Anh, Indonesia hoặc Việt)" })
      // No max_length: Discord would count UTF-16 units and refuse with its own words; the core's
      // limit (user-perceived characters) decides, with the same message as on every surface.
      .setRequired(true),
  )
  .addBooleanOption((o) =>
    o
      .setName("private")
      .setDescription("Show the answer to you only")
      .setDescriptionLocalizations({ id: "Tampilkan jawaban hanya untuk Anda", vi: "Chỉ mình bạn thấy câu trả lời" }),
  );

export async function execute(interaction: ChatInputCommandInteraction, ctx: DiscordContext): Promise<void> {
  const question = interaction.options.getString("question", true);
  const ephemeral = interaction.options.getBoolean("private") ?? false;
  const lang = languageOf(interaction.locale);
  const refusal = await admit(ctx, interaction.user.id, question, lang);
  if (refusal) {
    await interaction.reply({ content: refusal, flags: MessageFlags.Ephemeral, allowedMentions: NO_PINGS });
    return;
  }
  await interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {});
  const userId = interaction.user.id;
  const place = placeOf(interaction.channelId, interaction.channel, interaction.inGuild());
  const recalled = ctx.conversations.recall(userId, { place });
  let answered = false;
  try {
    const answer = await ask(ctx, { text: question, asker: askerOf(userId, interaction.inGuild()), localeHint: interaction.locale, recalled });
    const [first, ...rest] = answerMessages(answer, question);
    const ids = [(await interaction.editReply(first)).id];
    answered = true;
    for (const more of rest) {
      ids.push((await interaction.followUp({ ...more, flags: ephemeral ? MessageFlags.Ephemeral : undefined })).id);
    }
    ctx.conversations.remember(userId, recalled, turnOf(question, answer), { messageIds: ids, place });
  } catch (err) {
    logFailure(ctx, "discord /ask failed", err);
    if (!answered) await interaction.editReply({ content: t(lang).failed, embeds: [], components: [], allowedMentions: NO_PINGS });
  }
}
