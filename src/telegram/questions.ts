/**
 * Questions on Telegram: which messages are meant for the bot, and how one is handed to the chat
 * layer (which decides, answers and remembers it the same way on every platform).
 *
 * In a private chat every text message is a question. In groups the bot answers only when it is
 * mentioned, when someone replies to one of its messages, or on `/ask` — so a busy group is not
 * flooded. A reply to an answer continues that exchange; in a private chat the last one also counts.
 */
import type { Message, MessageEntity, UserFromGetMe } from "grammy/types";
import { ask as askChat } from "../chat/asking.js";
import { askerOf, isPrivate, type BotContext, type Deps } from "./context.js";
import { feedbackKeyboard } from "./feedback.js";
import { pack, renderAnswer } from "./render.js";
import { inReplyTo, sendRendered } from "./send.js";

/** Telegram clears "typing…" after about five seconds. */
const TYPING_EVERY_MS = 4_500;

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

/** Where a message's follow-ups are remembered: its reply chain, and the private chat itself. */
export function placeOf(ctx: BotContext): string | undefined {
  return isPrivate(ctx) ? `telegram:${ctx.chat!.id}` : undefined;
}

/** Answer `question`, asked in `ctx.msg`, as a reply to it (in the same forum topic). */
export async function ask(ctx: BotContext, question: string, { chat }: Deps): Promise<void> {
  const msg = ctx.msg;
  const chatId = ctx.chat?.id;
  if (!msg || chatId === undefined) return;
  const replyTo = msg.reply_to_message?.message_id;
  await askChat(chat, question, {
    asker: askerOf(ctx),
    locale: ctx.from?.language_code,
    where: { replyTo: replyTo === undefined ? undefined : `telegram:${chatId}:${replyTo}`, place: placeOf(ctx) },
    typing: { show: () => ctx.replyWithChatAction("typing"), everyMs: TYPING_EVERY_MS },
    notice: (text) => ctx.reply(text, inReplyTo(msg.message_id)),
    send: async (answer) => {
      const sent = await sendRendered(ctx, pack(renderAnswer(answer)), { replyTo: msg.message_id, keyboard: feedbackKeyboard(answer.id) });
      return sent.map((m) => `telegram:${chatId}:${m.message_id}`);
    },
  });
}
