/**
 * Questions as messages: in a server, a message that mentions the bot or replies to one of its
 * messages; in a DM, every message. Everything else is ignored unread. The reply goes to the question's
 * message without pinging its author; a typing indicator runs while the core works.
 */
import type { Message } from "discord.js";
import { ask } from "../chat/asking.js";
import { NO_PINGS, answerMessages, askerOf, sendAnswer } from "./answering.js";
import type { DiscordContext } from "./context.js";
import { placeOf } from "./place.js";

/** The typing indicator lasts about 10 s; renew it while the answer takes longer. */
const TYPING_RENEW_MS = 8000;

/** The question a message asks the bot `botId`, or null when the message is not for the bot. */
export function questionIn(message: Message, botId: string): { text: string; repliedTo?: string } | null {
  if (message.author.bot || message.system || message.webhookId) return null;
  const repliedTo = message.mentions.repliedUser?.id === botId ? message.reference?.messageId : undefined;
  const forBot = !message.inGuild() || message.mentions.users.has(botId) || repliedTo !== undefined;
  if (!forBot) return null;
  const text = message.content.replace(new RegExp(`<@!?${botId}>`, "g"), " ").replace(/\s+/g, " ").trim();
  return { text, repliedTo };
}

export async function onMessage(message: Message, ctx: DiscordContext): Promise<void> {
  const question = questionIn(message, message.client.user.id);
  const channel = message.channel;
  if (!question || !channel.isSendable()) return;
  await ask(ctx.chat, question.text, {
    asker: askerOf(message.author.id, message.inGuild()),
    // Messages carry no user locale: the server's preferred locale is the best hint there is.
    locale: message.inGuild() ? message.guild.preferredLocale : undefined,
    where: { replyTo: question.repliedTo && `discord:${question.repliedTo}`, place: placeOf(message.channelId, channel, message.inGuild()) },
    typing: { show: () => channel.sendTyping(), everyMs: TYPING_RENEW_MS },
    notice: (content) => message.reply({ content, allowedMentions: NO_PINGS }),
    send: (answer) => sendAnswer(answerMessages(answer), (m) => message.reply(m), (m) => channel.send(m), ctx.config.DISCORD_BOT_TOKEN),
  });
}
