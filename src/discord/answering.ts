/**
 * What every Discord path that answers shares: the answer as ready-to-send messages that carry the
 * feedback buttons and can never ping anyone, the asker as analytics see it, and failure logging that
 * keeps tokens and URLs out of the log. The question flow itself is the chat layer's (`chat/asking.ts`).
 */
import type { BaseMessageOptions, MessageMentionOptions } from "discord.js";
import type { Answer, Asker } from "../core/bot.js";
import { log, scrubSecrets } from "../log.js";
import { isMissingPermissions } from "./denied.js";
import { feedbackRow } from "./feedback.js";
import { withoutEmbeds } from "./plain.js";
import { renderAnswer } from "./render.js";

/** No @everyone, @here, role or user pings from anything the bot sends, including reply pings. */
export const NO_PINGS: MessageMentionOptions = { parse: [], repliedUser: false };

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

/**
 * Send an answer's messages: the first as the reply, the rest after it. Returns their ids (for reply
 * chains). Once the first is out, a failed continuation is logged, never turned into an apology.
 * Where the bot may not embed (50013 on the first message), the same content goes out as text.
 */
export async function sendAnswer(
  messages: BaseMessageOptions[],
  reply: (m: BaseMessageOptions) => Promise<{ id: string }>,
  more: (m: BaseMessageOptions) => Promise<{ id: string }>,
  token: string | undefined,
): Promise<string[]> {
  try {
    return await sendAll(messages, reply, more, token);
  } catch (err) {
    if (!isMissingPermissions(err) || !messages.some((m) => m.embeds?.length)) throw err;
    return sendAll(withoutEmbeds(messages), reply, more, token);
  }
}

async function sendAll(
  messages: BaseMessageOptions[],
  reply: (m: BaseMessageOptions) => Promise<{ id: string }>,
  more: (m: BaseMessageOptions) => Promise<{ id: string }>,
  token: string | undefined,
): Promise<string[]> {
  const [first, ...rest] = messages;
  const ids = [(await reply(first)).id];
  try {
    for (const m of rest) ids.push((await more(m)).id);
  } catch (err) {
    logFailure(token, "discord answer continuation failed", err);
  }
  return ids.map((id) => `discord:${id}`);
}

export function askerOf(userId: string, inGuild: boolean): Asker {
  return { platform: "discord", chatKind: inGuild ? "group" : "private", userId };
}

/** Log a failure without tokens, URLs (interaction tokens live in webhook URLs) or user content. */
export function logFailure(token: string | undefined, what: string, err: unknown): void {
  const e = err as { message?: string; code?: unknown; status?: unknown; name?: string };
  const message = scrubSecrets(String(e?.message ?? err), [token]).replace(/https?:\/\/\S+/g, "[url]");
  log.error({ platform: "discord", err: { name: e?.name, message, code: e?.code, status: e?.status } }, what);
}
