/**
 * 👍/👎 under each answer, Telegram's way: inline buttons, an acknowledgement in the callback answer,
 * and for 👎 a prompt with a forced reply; the voter's reply to that prompt is recorded as the reason
 * instead of being read as a new question. What is recorded and said comes from the chat layer.
 */
import { Composer, InlineKeyboard } from "grammy";
import type { Vote } from "../core/bot.js";
import { log } from "../log.js";
import { askerOf, isPrivate, langOf, userTag, type BotContext, type Deps } from "./context.js";
import { acknowledge } from "./acknowledge.js";
import { escapeHtml } from "./render.js";
import { inReplyTo } from "./send.js";

const DATA = /^fb:(up|down):(.+)$/;
/** Telegram's limit for callback data. */
const MAX_CALLBACK_DATA = 64;

/** The buttons for an answer, or none if its id does not fit in callback data. */
export function feedbackKeyboard(answerId: string, chosen?: Vote): InlineKeyboard | undefined {
  if (Buffer.byteLength(`fb:down:${answerId}`) > MAX_CALLBACK_DATA) return undefined;
  return new InlineKeyboard()
    .text(chosen === "up" ? "👍 ✓" : "👍", `fb:up:${answerId}`)
    .text(chosen === "down" ? "👎 ✓" : "👎", `fb:down:${answerId}`);
}

/** Handles votes (callback queries) and replies to the "what was wrong?" prompt. */
export function feedback({ chat }: Deps): Composer<BotContext> {
  const composer = new Composer<BotContext>();

  composer.callbackQuery(DATA, async (ctx) => {
    const [, vote, answerId] = ctx.match as RegExpMatchArray as [string, Vote, string];
    const result = chat.feedback.vote(answerId, askerOf(ctx), vote, langOf(ctx));
    log.info({ vote, recorded: result.recorded, user: userTag(ctx) }, "feedback");
    // Best effort: a query too old to answer must not lose the "what was wrong?" that follows.
    await acknowledge(ctx, result.text);
    if (!result.recorded) return;
    // In a private chat the buttons can show the choice; in a group they are everyone's.
    if (isPrivate(ctx)) await ctx.editMessageReplyMarkup({ reply_markup: feedbackKeyboard(answerId, vote) }).catch(() => undefined);
    const message = ctx.callbackQuery.message;
    if (!result.askReason || !message) return;
    const who = isPrivate(ctx) ? "" : `<a href="tg://user?id=${ctx.from.id}">${escapeHtml(ctx.from.first_name)}</a>, `;
    const prompt = await ctx.reply(who + escapeHtml(ctx.t("feedback-reason-prompt")), {
      parse_mode: "HTML",
      ...inReplyTo(message.message_id),
      reply_markup: { force_reply: true, selective: true, input_field_placeholder: ctx.t("feedback-reason-title") },
    });
    chat.feedback.expectReason(`telegram:${prompt.chat.id}:${prompt.message_id}`, answerId, String(ctx.from.id));
  });

  composer.on("message:text", async (ctx, next) => {
    const replyTo = ctx.msg.reply_to_message;
    const answerId = replyTo && chat.feedback.takeReason(`telegram:${ctx.chat.id}:${replyTo.message_id}`, String(ctx.from.id));
    if (!answerId) return next();
    await ctx.reply(chat.feedback.reason(answerId, askerOf(ctx), ctx.msg.text, langOf(ctx)), inReplyTo(ctx.msg.message_id));
  });

  return composer;
}
