/**
 * 👍/👎 under each answer. A press is recorded through the facade (which hands it to the store) and
 * acknowledged to the presser alone. 👎 is recorded at once — closing the form must not lose it — and
 * opens a form for an optional reason, recorded with the same vote when sent.
 */
import {
  ActionRowBuilder, ButtonBuilder, ButtonStyle, LabelBuilder, MessageFlags, ModalBuilder, TextInputBuilder,
  TextInputStyle, type ButtonInteraction, type ModalSubmitInteraction,
} from "discord.js";
import type { Vote } from "../core/bot.js";
import type { DiscordContext } from "./context.js";
import { languageOf, t } from "./i18n.js";
import { LIMITS, truncate } from "./limits.js";

const VOTE_PREFIX = "fb:";
const REASON_PREFIX = "fbr:";
const REASON_INPUT = "reason";
const MAX_REASON = 500;

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

export function isFeedbackButton(customId: string): boolean {
  return customId.startsWith(VOTE_PREFIX);
}

export function isFeedbackModal(customId: string): boolean {
  return customId.startsWith(REASON_PREFIX);
}

function parseVote(customId: string): { vote: Vote; answerId: string } | null {
  const m = /^fb:(up|down):(.+)$/.exec(customId);
  return m ? { vote: m[1] as Vote, answerId: m[2] } : null;
}

function asker(interaction: ButtonInteraction | ModalSubmitInteraction) {
  return { platform: "discord", chatKind: interaction.inGuild() ? "group" : "private", userId: interaction.user.id } as const;
}

export async function onFeedbackButton(interaction: ButtonInteraction, ctx: DiscordContext): Promise<void> {
  const parsed = parseVote(interaction.customId);
  if (!parsed) return;
  const s = t(languageOf(interaction.locale));
  const recorded = ctx.bot.feedback(parsed.answerId, asker(interaction), parsed.vote);
  if (parsed.vote === "down" && recorded) {
    await interaction.showModal(reasonModal(parsed.answerId, interaction.locale));
    return;
  }
  await interaction.reply({ content: recorded ? s.feedbackThanks : s.feedbackNotRecorded, flags: MessageFlags.Ephemeral });
}

function reasonModal(answerId: string, locale: string): ModalBuilder {
  const s = t(languageOf(locale));
  const input = new TextInputBuilder()
    .setCustomId(REASON_INPUT)
    .setStyle(TextInputStyle.Paragraph)
    .setRequired(false)
    .setMaxLength(MAX_REASON)
    .setPlaceholder(truncate(s.feedbackReasonPlaceholder, 100));
  return new ModalBuilder()
    .setCustomId(`${REASON_PREFIX}${answerId}`)
    .setTitle(truncate(s.feedbackModalTitle, LIMITS.modalTitle))
    .addLabelComponents(new LabelBuilder().setLabel(truncate(s.feedbackReasonLabel, LIMITS.textInputLabel)).setTextInputComponent(input));
}

export async function onFeedbackModal(interaction: ModalSubmitInteraction, ctx: DiscordContext): Promise<void> {
  const answerId = interaction.customId.slice(REASON_PREFIX.length);
  const reason = interaction.fields.getTextInputValue(REASON_INPUT).trim().slice(0, MAX_REASON);
  if (answerId && reason) ctx.bot.feedback(answerId, asker(interaction), "down", reason);
  await interaction.reply({ content: t(languageOf(interaction.locale)).feedbackReasonThanks, flags: MessageFlags.Ephemeral });
}
