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

/**
 * The question in a message addressed to the bot, without the @mention (or, in a caption, the
 * leading `/ask`); undefined if not addressed. A photo's or document's caption is read like text:
 * people ask about a screenshot of a clause by writing the question under it.
 */
export function questionIn(msg: Message, me: UserFromGetMe): string | undefined {
  const text = msg.text ?? msg.caption;
  if (text === undefined) return undefined;
  const entities = msg.entities ?? msg.caption_entities;
  const mentions = mentionsOf(text, entities, me);
  // grammY matches commands in text only; in a caption, `/ask` is found here.
  const command = msg.caption !== undefined ? askCommandIn(text, entities, me) : undefined;
  const cuts = [...mentions, ...(command ? [command] : [])].sort((a, b) => a.offset - b.offset);
  if (msg.chat.type !== "private" && cuts.length === 0 && !repliesToBot(msg, me)) return undefined;
  let question = text;
  for (const m of cuts.reverse()) question = question.slice(0, m.offset) + question.slice(m.offset + m.length);
  return question.replace(/^[\s,:;]+/, "").replace(/\s+/g, " ").trim();
}

/** Whether a message (of any kind) is addressed to the bot: private, a reply to it, or a mention. */
export function isAddressed(msg: Message, me: UserFromGetMe): boolean {
  if (msg.chat.type === "private" || repliesToBot(msg, me)) return true;
  return mentionsOf(msg.text ?? msg.caption ?? "", msg.entities ?? msg.caption_entities, me).length > 0;
}

/** A leading `/ask` or `/ask@thisbot` command (not `/ask@otherbot`). */
function askCommandIn(text: string, entities: MessageEntity[] | undefined, me: UserFromGetMe): MessageEntity | undefined {
  const first = entities?.find((e) => e.type === "bot_command" && e.offset === 0);
  if (!first) return undefined;
  const [name, target] = text.slice(0, first.length).slice(1).toLowerCase().split("@");
  return name === "ask" && (target === undefined || target === me.username.toLowerCase()) ? first : undefined;
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

/**
 * The topic to show "typing…" in: only a real forum topic. A reply in a forum's General topic (or
 * in a plain group's reply thread) carries a `message_thread_id` that is no topic, and Telegram
 * refuses a chat action there; `ctx.reply` already makes the same distinction.
 */
export function inTopic(msg: Message): { message_thread_id?: number } {
  return { message_thread_id: msg.is_topic_message ? msg.message_thread_id : undefined };
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
    typing: { show: () => ctx.replyWithChatAction("typing", inTopic(msg)), everyMs: TYPING_EVERY_MS },
    notice: (text) => ctx.reply(text, inReplyTo(msg.message_id)),
    send: async (answer) => {
      const sent = await sendRendered(ctx, pack(renderAnswer(answer)), { replyTo: msg.message_id, keyboard: feedbackKeyboard(answer.id) });
      // The chat the answer landed in: a group upgraded meanwhile has a new id.
      return sent.map((m) => `telegram:${m.chat.id}:${m.message_id}`);
    },
  });
}
