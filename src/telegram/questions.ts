/**
 * Questions: which messages are meant for the bot, and answering one of them.
 *
 * In a private chat every text message is a question. In groups the bot answers only when it is
 * mentioned, when someone replies to one of its messages, or on `/ask` — so a busy group is not
 * flooded. Each question gets exactly one reply: the answer (split over several messages only when
 * it is long), or a short refusal/usage/cooldown/error sentence.
 */
import type { Context } from "grammy";
import type { Message, MessageEntity, UserFromGetMe } from "grammy/types";
import { questionTooLong, tooLongMessage } from "../core/bot.js";
import { log } from "../log.js";
import { askerOf, isPrivate, langOf, type Deps } from "./context.js";
import { feedbackKeyboard } from "./feedback.js";
import { t } from "./i18n.js";
import { pack, renderAnswer } from "./render.js";
import { inReplyTo, sendRendered } from "./send.js";

/** The question in a message addressed to the bot, without the @mention; undefined if not addressed. */
export function questionIn(msg: Message, me: UserFromGetMe): string | undefined {
  const text = msg.text;
  if (text === undefined) return undefined;
  const mentions = mentionsOf(text, msg.entities, me);
  if (msg.chat.type !== "private" && mentions.length === 0 && !repliesToBot(msg, me)) return undefined;
  let question = text;
  for (const m of [...mentions].reverse()) question = question.slice(0, m.offset) + question.slice(m.offset + m.length);
  return question.replace(/^[\s,:;]+/, "").replace(/\s+/g, " ").trim();
}

/** Whether a message (of any kind) is addressed to the bot: private, a reply to it, or a mention. */
export function isAddressed(msg: Message, me: UserFromGetMe): boolean {
  if (msg.chat.type === "private" || repliesToBot(msg, me)) return true;
  return mentionsOf(msg.text ?? msg.caption ?? "", msg.entities ?? msg.caption_entities, me).length > 0;
}

export function repliesToBot(msg: Message, me: UserFromGetMe): boolean {
  return msg.reply_to_message?.from?.id === me.id;
}

function mentionsOf(text: string, entities: MessageEntity[] | undefined, me: UserFromGetMe): MessageEntity[] {
  const name = `@${me.username}`.toLowerCase();
  return (entities ?? []).filter(
    (e) =>
      (e.type === "mention" && text.slice(e.offset, e.offset + e.length).toLowerCase() === name) ||
      (e.type === "text_mention" && e.user.id === me.id),
  );
}

/** Answer `question` (asked in `ctx.msg`) under the per-user rate limit. */
export async function ask(ctx: Context, question: string, deps: Deps): Promise<void> {
  await deps.limit(ctx, () => answer(ctx, question, deps));
}

async function answer(ctx: Context, question: string, deps: Deps): Promise<void> {
  const msg = ctx.msg;
  const chatId = ctx.chat?.id;
  if (!msg || chatId === undefined) return;
  const s = t(langOf(ctx));
  const replyTo = inReplyTo(msg.message_id);
  if (!question) {
    await ctx.reply(s.askUsage, replyTo);
    return;
  }
  if (questionTooLong(question)) {
    await ctx.reply(tooLongMessage(langOf(ctx)), replyTo);
    return;
  }
  const privateChat = isPrivate(ctx);
  const thread = deps.memory.thread(chatId, msg.reply_to_message?.message_id, privateChat);
  const stopTyping = keepTyping(ctx);
  let result;
  try {
    result = await deps.core.answer(question, { history: thread?.turns, localeHint: ctx.from?.language_code, asker: askerOf(ctx) });
  } catch (err) {
    log.error({ err: (err as Error).message }, "answering failed");
    await ctx.reply(s.failed, replyTo);
    return;
  } finally {
    stopTyping();
  }
  const messages = pack(renderAnswer(result, t(result.language)));
  const sent = await sendRendered(ctx, messages, { replyTo: msg.message_id, keyboard: feedbackKeyboard(result.id) });
  const turn = { question, answer: { citations: result.citations, language: result.language } };
  deps.memory.remember(chatId, ctx.from?.id ?? 0, sent.map((m) => m.message_id), thread, turn, privateChat);
}

/** Show "typing…" until stopped (Telegram clears it after about five seconds, so repeat it). */
function keepTyping(ctx: Context): () => void {
  const send = () => void ctx.replyWithChatAction("typing").catch((err: Error) => log.debug({ err: err.message }, "chat action failed"));
  send();
  const timer = setInterval(send, 4_500);
  return () => clearInterval(timer);
}
