/**
 * Questions as messages: in a server, a message that mentions the bot or replies to one of its
 * messages; in a DM, every message. Everything else is ignored unread. The reply goes to the question's
 * message without pinging its author; a typing indicator runs while the core works.
 */
import type { Message } from "discord.js";
import { ask } from "../chat/asking.js";
import { languageOf, say } from "../chat/catalog.js";
import { NO_PINGS, answerMessages, askerOf, sendAnswer } from "./answering.js";
import type { DiscordContext } from "./context.js";
import { unlessDenied } from "./denied.js";
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

/**
 * A reply to the bot with the @ turned off, in a server: Discord withholds its text from a bot
 * without the Message Content intent, so there is nothing to answer. People do this while talking
 * to each other under an answer; a hint how to be read is useful once, not at every reply.
 */
function unreadableReply(message: Message, botId: string, text: string): boolean {
  return message.inGuild() && text === "" && !message.mentions.users.has(botId) && message.mentions.repliedUser?.id === botId;
}

/** Whether the message is addressed to other people (then it is not the bot's business). */
function mentionsOthers(message: Message, botId: string): boolean {
  return message.mentions.everyone || message.mentions.roles.size > 0 || message.mentions.users.some((u) => u.id !== botId);
}

/** The ping-off hint, at most once per user and channel an hour, and never to a reply meant for someone else. */
async function hintPingOff(message: Message<true>, ctx: DiscordContext): Promise<void> {
  if (mentionsOthers(message, message.client.user.id)) return;
  if (!ctx.chat.hints.first(`discord:${message.author.id}:${message.channelId}`)) return;
  const content = say(languageOf(message.guild.preferredLocale), "reply-ping-hint");
  await unlessDenied(message.channelId, () => message.reply({ content, allowedMentions: NO_PINGS }));
}

export async function onMessage(message: Message, ctx: DiscordContext): Promise<void> {
  const question = questionIn(message, message.client.user.id);
  const channel = message.channel;
  if (!question || !channel.isSendable()) return;
  if (message.inGuild() && unreadableReply(message, message.client.user.id, question.text)) return hintPingOff(message, ctx);
  await ask(ctx.chat, question.text, {
    asker: askerOf(message.author.id, message.inGuild()),
    // Messages carry no user locale: the server's preferred locale is the best hint there is.
    locale: message.inGuild() ? message.guild.preferredLocale : undefined,
    where: { replyTo: question.repliedTo && `discord:${question.repliedTo}`, place: placeOf(message.channelId, channel, message.inGuild()) },
    typing: { show: () => channel.sendTyping(), everyMs: TYPING_RENEW_MS },
    // Where the bot may not even send, nothing can reach the asker: logged once per channel, no apology.
    notice: (content) => unlessDenied(message.channelId, () => message.reply({ content, allowedMentions: NO_PINGS })),
    send: async (answer) =>
      (await unlessDenied(message.channelId, () => sendAnswer(answerMessages(answer), (m) => message.reply(m), (m) => channel.send(m), ctx.config.DISCORD_BOT_TOKEN))) ?? [],
  });
}
