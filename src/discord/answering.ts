/**
 * The one path a question takes, whether it came as `/ask`, a mention, a reply or a DM: the cheap checks
 * first (empty, too long, cooldown), then the core's answer with the conversation so far, rendered as
 * messages that carry the feedback buttons and can never ping anyone.
 */
import type { BaseMessageOptions, MessageMentionOptions } from "discord.js";
import { questionTooLong, tooLongMessage, type Answer, type Asker, type Language, type Turn } from "../core/bot.js";
import { scrubSecrets, log } from "../log.js";
import type { DiscordContext } from "./context.js";
import type { Recalled } from "./conversations.js";
import { feedbackRow } from "./feedback.js";
import { t } from "./i18n.js";
import { renderAnswer } from "./render.js";

/** No @everyone, @here, role or user pings from anything the bot sends, including reply pings. */
export const NO_PINGS: MessageMentionOptions = { parse: [], repliedUser: false };

/** Why a question is not passed to the core, as the short text the user sees; null when it may go. */
export async function admit(ctx: DiscordContext, userId: string, question: string, lang: Language): Promise<string | null> {
  const s = t(lang);
  if (!question.trim()) return s.empty;
  if (questionTooLong(question)) return tooLongMessage(lang);
  const slot = await ctx.cooldown.take(userId);
  return slot.ok ? null : s.cooldown(slot.retryAfterSeconds);
}

export interface Question {
  text: string;
  asker: Asker;
  /** Discord locale of the user (interactions) or server (messages). */
  localeHint?: string;
  recalled: Recalled;
}

export function ask(ctx: DiscordContext, q: Question): Promise<Answer> {
  return ctx.bot.answer(q.text, { history: q.recalled.turns, localeHint: q.localeHint, asker: q.asker });
}

/**
 * The answer as ready-to-send messages (usually one; more only when it exceeds one message's limits),
 * the 👍/👎 buttons under the last one.
 */
export function answerMessages(answer: Answer, question?: string): BaseMessageOptions[] {
  const pages = renderAnswer(answer, { question });
  return pages.map((page, i) => ({
    embeds: page.embeds,
    components: i === pages.length - 1 ? feedbackRow(answer.id) : [],
    allowedMentions: NO_PINGS,
  }));
}

/** What the conversation memory keeps of an exchange. */
export function turnOf(question: string, answer: Answer): Turn {
  return { question, answer: { citations: answer.citations, language: answer.language } };
}

export function askerOf(userId: string, inGuild: boolean): Asker {
  return { platform: "discord", chatKind: inGuild ? "group" : "private", userId };
}

/** Log a failure without tokens, URLs (interaction tokens live in webhook URLs) or user content. */
export function logFailure(ctx: DiscordContext, what: string, err: unknown): void {
  const e = err as { message?: string; code?: unknown; status?: unknown; name?: string };
  const message = scrubSecrets(String(e?.message ?? err), [ctx.config.DISCORD_BOT_TOKEN]).replace(/https?:\/\/\S+/g, "[url]");
  log.error({ platform: "discord", err: { name: e?.name, message, code: e?.code, status: e?.status } }, what);
}
