/**
 * Who a message comes from, as far as answering it is concerned. Telegram marks as bots not only
 * real bots but also the accounts that stand in for people posting as a chat: an anonymous group
 * admin (`GroupAnonymousBot`), a channel, a linked channel's automatic forward. Those messages
 * carry `sender_chat`, and are people to answer; other bots are never answered (two bots must not
 * talk to each other forever), nor are the bot's own inline results posted by a user (`via_bot`).
 */
import type { Context } from "grammy";
import type { Message } from "grammy/types";

/** Whether the update's message is one the bot must not read as addressed to it. */
export function notForUs(ctx: Context): boolean {
  const msg = ctx.msg;
  if (msg && postedViaMe(msg, ctx.me.id)) return true;
  return ctx.from?.is_bot === true && !msg?.sender_chat;
}

/** One of this bot's own inline results, sent into a chat by a user. */
function postedViaMe(msg: Message, myId: number): boolean {
  return msg.via_bot?.id === myId;
}

/**
 * Who asks, for the cooldown, the conversation memory and the analytics: the chat a message was
 * posted as (every anonymous admin shares the one `GroupAnonymousBot` user), else the user.
 */
export function senderId(ctx: Context): string | undefined {
  const chat = ctx.msg?.sender_chat;
  if (chat) return `chat${chat.id}`;
  return ctx.from ? String(ctx.from.id) : undefined;
}
