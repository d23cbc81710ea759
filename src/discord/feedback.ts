/**
 * 👍/👎 under each answer, Discord's way: buttons, an acknowledgement only the presser sees, and for
 * the first 👎 a form asking what was wrong (the vote is recorded at once — closing the form must not
 * lose it — and the reason is added when sent). What is recorded and said comes from the chat layer.
 */
import {
  ActionRowBuilder, ButtonBuilder, ButtonStyle, LabelBuilder, MessageFlags, ModalBuilder, TextInputBuilder,
  TextInputStyle, type ButtonInteraction, type ModalSubmitInteraction,
} from "discord.js";
import { languageOf, say } from "../chat/catalog.js";
import { MAX_REASON } from "../chat/feedback.js";
import type { Language, Vote } from "../core/bot.js";
import { askerOf } from "./answering.js";
import type { DiscordContext } from "./context.js";
import { LIMITS, truncate } from "./limits.js";

const VOTE_PREFIX = "fb:";
const REASON_PREFIX = "fbr:";
const REASON_INPUT = "reason";

/** The buttons row for an answer; none when its id would not fit in a custom id. */
export function feedbackRow(answerId: string): ActionRowBuilder<ButtonBuilder>[] {
  if (`${VOTE_PREFIX}down:${answerId}`.length > LIMITS.customId) return [];
  return [
    new ActionRowBuilder<ButtonBuilder>().addComponents(
      new ButtonBuilder().setCustomId(`${VOTE_PREFIX}up:${answerId}`).setEmoji("👍").setStyle(ButtonStyle.Secondary),
      new ButtonBuilder().setCustomId(`${VOTE_PREFIX}down:${answerId}`).setEmoji("👎").setStyle(ButtonStyle.Secondary),
    ),
  ];
}

/** A 👍/👎 this version of the bot understands (anything else under the prefix is a stale button). */
export function isFeedbackButton(customId: string): boolean {
  return parseVote(customId) !== null;
}

export function isFeedbackModal(customId: string): boolean {
  return customId.startsWith(REASON_PREFIX);
}

function parseVote(customId: string): { vote: Vote; answerId: string } | null {
  const m = /^fb:(up|down):(.+)$/.exec(customId);
  return m ? { vote: m[1] as Vote, answerId: m[2] } : null;
}

export async function onFeedbackButton(interaction: ButtonInteraction, { chat }: DiscordContext): Promise<void> {
  const parsed = parseVote(interaction.customId)!;
  const lang = languageOf(interaction.locale);
  const result = chat.feedback.vote(parsed.answerId, askerOf(interaction.user.id, interaction.inGuild()), parsed.vote, lang);
  if (result.askReason) await interaction.showModal(reasonModal(parsed.answerId, lang));
  else await interaction.reply({ content: result.text, flags: MessageFlags.Ephemeral });
}

function reasonModal(answerId: string, lang: Language): ModalBuilder {
  const input = new TextInputBuilder()
    .setCustomId(REASON_INPUT)
    .setStyle(TextInputStyle.Paragraph)
    .setRequired(false)
    .setMaxLength(MAX_REASON)
    .setPlaceholder(truncate(say(lang, "feedback-reason-placeholder"), 100));
  return new ModalBuilder()
    .setCustomId(`${REASON_PREFIX}${answerId}`)
    .setTitle(truncate(say(lang, "feedback-reason-title"), LIMITS.modalTitle))
    .addLabelComponents(new LabelBuilder().setLabel(truncate(say(lang, "feedback-reason-label"), LIMITS.textInputLabel)).setTextInputComponent(input));
}

export async function onFeedbackModal(interaction: ModalSubmitInteraction, { chat }: DiscordContext): Promise<void> {
  const answerId = interaction.customId.slice(REASON_PREFIX.length);
  const reason = interaction.fields.getTextInputValue(REASON_INPUT);
  const asker = askerOf(interaction.user.id, interaction.inGuild());
  const thanks = chat.feedback.reason(answerId, asker, answerId ? reason : "", languageOf(interaction.locale));
  await interaction.reply({ content: thanks, flags: MessageFlags.Ephemeral });
}
