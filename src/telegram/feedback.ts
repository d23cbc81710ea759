/**
 * 👍/👎 under each answer. A vote goes to the facade (`bot.feedback`), which hands it to the
 * operations store. A 👎 also asks "what was wrong?" with a forced reply; the voter's reply to
 * that prompt is recorded as the reason instead of being read as a new question.
 */
import { Composer, InlineKeyboard, type Context } from "grammy";
import type { Vote } from "../core/bot.js";
import { log } from "../log.js";
import { askerOf, isPrivate, langOf, userTag, type Deps } from "./context.js";
import { t } from "./i18n.js";
import { escapeHtml } from "./render.js";
import { inReplyTo } from "./send.js";

const DATA = /^fb:(up|down):(.+)$/;
/** Telegram's limit for callback data. */
const MAX_CALLBACK_DATA = 64;
/** Longest reason kept (a reason, not an essay). */
const MAX_REASON = 500;
/** Prompts older than this (or beyond this many) are no longer matched. */
const PROMPT_TTL_MS = 60 * 60_000;
const MAX_PROMPTS = 5_000;

/** The buttons for an answer, or none if its id does not fit in callback data. */
export function feedbackKeyboard(answerId: string, chosen?: Vote): InlineKeyboard | undefined {
  if (Buffer.byteLength(`fb:down:${answerId}`) > MAX_CALLBACK_DATA) return undefined;
  return new InlineKeyboard()
    .text(chosen === "up" ? "👍 ✓" : "👍", `fb:up:${answerId}`)
    .text(chosen === "down" ? "👎 ✓" : "👎", `fb:down:${answerId}`);
}

interface Prompt {
  answerId: string;
  userId: number;
  at: number;
}

/** Handles votes (callback queries) and replies to the "what was wrong?" prompt. */
export function feedback(deps: Deps): Composer<Context> {
  const composer = new Composer<Context>();
  /** `${chatId}:${promptMessageId}` → whose reason it asks for. */
  const prompts = new Map<string, Prompt>();
  /** `${answerId}:${userId}` already asked, so a second 👎 does not ask again. */
  const asked = new Set<string>();

  composer.callbackQuery(DATA, async (ctx) => {
    const [, vote, answerId] = ctx.match as RegExpMatchArray as [string, Vote, string];
    const s = t(langOf(ctx));
    const recorded = deps.core.feedback(answerId, askerOf(ctx), vote);
    log.info({ vote, recorded, user: userTag(ctx) }, "feedback");
    await ctx.answerCallbackQuery({ text: recorded ? (vote === "up" ? s.thanksUp : s.thanksDown) : s.feedbackFailed });
    if (!recorded) return;
    // In a private chat the buttons can show the choice; in a group they are everyone's.
    if (isPrivate(ctx)) {
      await ctx.editMessageReplyMarkup({ reply_markup: feedbackKeyboard(answerId, vote) }).catch(() => undefined);
    }
    const key = `${answerId}:${ctx.from.id}`;
    const message = ctx.callbackQuery.message;
    if (vote !== "down" || asked.has(key) || !message) return;
    asked.add(key);
    const who = isPrivate(ctx) ? "" : `<a href="tg://user?id=${ctx.from.id}">${escapeHtml(ctx.from.first_name)}</a>, `;
    const prompt = await ctx.reply(who + escapeHtml(s.whatWasWrong), {
      parse_mode: "HTML",
      ...inReplyTo(message.message_id),
      reply_markup: { force_reply: true, selective: true, input_field_placeholder: s.whatWasWrongPlaceholder },
    });
    remember(prompts, `${prompt.chat.id}:${prompt.message_id}`, { answerId, userId: ctx.from.id, at: Date.now() });
    trim(asked, MAX_PROMPTS);
  });

  composer.on("message:text", async (ctx, next) => {
    const replyTo = ctx.msg.reply_to_message;
    const key = replyTo && `${ctx.chat.id}:${replyTo.message_id}`;
    const prompt = key ? prompts.get(key) : undefined;
    if (!key || !prompt || prompt.userId !== ctx.from.id || Date.now() - prompt.at > PROMPT_TTL_MS) return next();
    prompts.delete(key);
    deps.core.feedback(prompt.answerId, askerOf(ctx), "down", ctx.msg.text.slice(0, MAX_REASON));
    await ctx.reply(t(langOf(ctx)).reasonNoted, inReplyTo(ctx.msg.message_id));
  });

  return composer;
}

function remember(prompts: Map<string, Prompt>, key: string, prompt: Prompt): void {
  prompts.set(key, prompt);
  trim(prompts, MAX_PROMPTS);
}

/** Drop the oldest entries (insertion order) beyond `max`. */
function trim(collection: Map<string, unknown> | Set<string>, max: number): void {
  for (const k of collection.keys()) {
    if (collection.size <= max) break;
    collection.delete(k);
  }
}
