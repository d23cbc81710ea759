/**
 * Questions as messages: in a server, a message that mentions the bot or replies to one of its
 * messages; in a DM, every message. Everything else is ignored unread. The reply goes to the question's
 * message without pinging its author; a typing indicator runs while the core works.
 */
import type { Message, SendableChannels } from "discord.js";
import { NO_PINGS, admit, answerMessages, ask, askerOf, logFailure, turnOf } from "./answering.js";
import type { DiscordContext } from "./context.js";
import { languageOf, t } from "./i18n.js";
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
  const botId = message.client.user.id;
  const question = questionIn(message, botId);
  const channel = message.channel;
  if (!question || !channel.isSendable()) return;
  // Messages carry no user locale: the server's preferred locale is the best hint there is.
  const localeHint = message.inGuild() ? message.guild.preferredLocale : undefined;
  const lang = languageOf(localeHint);
  const userId = message.author.id;
  const refusal = await admit(ctx, userId, question.text, lang);
  if (refusal) {
    await message.reply({ content: refusal, allowedMentions: NO_PINGS });
    return;
  }
  const stopTyping = keepTyping(channel);
  const place = placeOf(message.channelId, message.channel, message.inGuild());
  const recalled = ctx.conversations.recall(userId, { repliedTo: question.repliedTo, place });
  let answered = false;
  try {
    const answer = await ask(ctx, { text: question.text, asker: askerOf(userId, message.inGuild()), localeHint, recalled });
    stopTyping();
    const [first, ...rest] = answerMessages(answer);
    const ids = [(await message.reply(first)).id];
    answered = true;
    for (const more of rest) ids.push((await channel.send(more)).id);
    ctx.conversations.remember(userId, recalled, turnOf(question.text, answer), { messageIds: ids, place });
  } catch (err) {
    logFailure(ctx, "discord message answer failed", err);
    if (!answered) await message.reply({ content: t(lang).failed, allowedMentions: NO_PINGS }).catch(() => {});
  } finally {
    stopTyping();
  }
}

/** Show "typing…" until the returned function is called. Failures (missing permission) are ignored. */
function keepTyping(channel: SendableChannels): () => void {
  const send = () => void channel.sendTyping().catch(() => {});
  send();
  const timer = setInterval(send, TYPING_RENEW_MS);
  return () => clearInterval(timer);
}
