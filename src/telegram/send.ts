/**
 * Sending what `render.ts` produced: HTML with link previews off, as a reply to the user's
 * message (in the same forum topic, which `ctx.reply` takes care of), and — if Telegram rejects
 * the markup — the same content again as plain text, so a formatting bug never swallows an answer.
 */
import { GrammyError, type Context } from "grammy";
import type { InlineKeyboardMarkup, Message } from "grammy/types";
import { log } from "../log.js";
import type { Rendered } from "./render.js";

export interface SendOptions {
  /** Message to reply to (the question); the reply is still sent if it was deleted meanwhile. */
  replyTo?: number;
  /** Buttons for the last message (feedback). */
  keyboard?: InlineKeyboardMarkup;
}

/** Reply parameters for a reply to `messageId` that still goes out if that message was deleted. */
export function inReplyTo(messageId: number) {
  return { reply_parameters: { message_id: messageId, allow_sending_without_reply: true } };
}

/** Send each message in order; returns what Telegram sent. */
export async function sendRendered(ctx: Context, messages: Rendered[], opts: SendOptions = {}): Promise<Message.TextMessage[]> {
  const sent: Message.TextMessage[] = [];
  for (const [i, m] of messages.entries()) {
    const last = i === messages.length - 1;
    const common = {
      link_preview_options: { is_disabled: true },
      ...(opts.replyTo ? inReplyTo(opts.replyTo) : {}),
      ...(last && opts.keyboard ? { reply_markup: opts.keyboard } : {}),
    };
    sent.push(await sendWithFallback(ctx, m, common));
  }
  return sent;
}

type Common = Parameters<Context["reply"]>[1];

async function sendWithFallback(ctx: Context, m: Rendered, common: Common): Promise<Message.TextMessage> {
  try {
    return await ctx.reply(m.html, { ...common, parse_mode: "HTML" });
  } catch (err) {
    if (!isMarkupRejected(err)) throw err;
    log.warn({ err: err.description }, "telegram rejected the HTML; resending as plain text");
    return await ctx.reply(m.plain, common);
  }
}

/** Edit a message's text (HTML), falling back to plain text; "not modified" is not an error. */
export async function editRendered(ctx: Context, chatId: number, messageId: number, m: Rendered): Promise<void> {
  const other = { link_preview_options: { is_disabled: true } };
  try {
    await ctx.api.editMessageText(chatId, messageId, m.html, { ...other, parse_mode: "HTML" });
  } catch (err) {
    if (isNotModified(err)) return;
    if (!isMarkupRejected(err)) throw err;
    await ctx.api.editMessageText(chatId, messageId, m.plain, other).catch((e) => {
      if (!isNotModified(e)) throw e;
    });
  }
}

/** Telegram's answer when the HTML does not parse ("can't parse entities: …"). */
export function isMarkupRejected(err: unknown): err is GrammyError {
  return err instanceof GrammyError && err.error_code === 400 && /parse entities|unsupported start tag|can't find end/i.test(err.description);
}

function isNotModified(err: unknown): boolean {
  return err instanceof GrammyError && /message is not modified/i.test(err.description);
}
