/**
 * How a question is answered, on every surface: the one path from "someone wrote to the bot" to
 * "the bot replied". The cheap checks come first (nothing asked, too long, cooldown), each answered
 * with the same sentence everywhere; then the core answers with the conversation so far, while the
 * surface shows it is working; then the answer is sent and remembered for follow-ups. Whatever
 * happens, a question gets exactly one reply.
 *
 * A surface (a Telegram message, a Discord slash command or mention, a terminal line) only says how
 * to show work, send a notice, and send an answer.
 */
import type { Answer, Asker } from "../core/bot.js";
import { languageOf, say } from "./catalog.js";
import type { Chat } from "./chat.js";
import type { Where } from "./memory.js";
import { judge } from "./question.js";
import { keepTyping } from "./typing.js";

export interface Surface {
  /** Who asks (analytics hash the id; the cooldown counts per platform and user). */
  asker: Asker;
  /** The platform's locale: the language of the bot's own sentences, and the core's hint for short questions. */
  locale?: string;
  /** What a follow-up continues (reply chain, place). */
  where: Where;
  /** Show "typing…" once; repeated every `everyMs` until the answer is ready. */
  typing?: { show(): Promise<unknown>; everyMs: number };
  /** Called once the question is admitted, before the core works (Discord defers its interaction here). */
  begin?(): Promise<unknown>;
  /** A short sentence instead of an answer (refusal, cooldown, failure). */
  notice(text: string): Promise<unknown>;
  /** Send the answer; resolves to the ids of the messages that carry it (replies to them continue it). */
  send(answer: Answer): Promise<string[]>;
  /**
   * With an LLM: the answer so far, as the model streams it (whole grounded sentences). The surface
   * shows it as a draft, throttled as its platform needs; the final answer passed to `send` replaces it.
   */
  draft?(textSoFar: string): void;
}

export async function ask(chat: Chat, question: string, surface: Surface): Promise<void> {
  const lang = languageOf(surface.locale);
  const verdict = judge(question);
  if (verdict.kind === "empty") return void (await surface.notice(say(lang, "ask-empty")));
  // As a string: "1000", not "1,000" (Fluent would group a number's digits).
  if (verdict.kind === "too-long") return void (await surface.notice(say(lang, "ask-too-long", { max: String(verdict.max) })));
  const slot = await chat.cooldown.take(`${surface.asker.platform}:${surface.asker.userId ?? ""}`);
  if (!slot.ok) return void (await surface.notice(say(lang, "ask-cooldown", { seconds: slot.retryAfterSeconds })));

  await surface.begin?.();
  const recalled = chat.memory.recall(surface.where);
  let answer: Answer;
  let sent: string[];
  const stopTyping = surface.typing ? keepTyping(surface.typing.show, surface.typing.everyMs) : () => undefined;
  try {
    answer = await chat.core.answer(verdict.text, { history: recalled.turns, localeHint: surface.locale, asker: surface.asker, onPartial: surface.draft?.bind(surface) });
    stopTyping();
    sent = await surface.send(answer);
  } catch (err) {
    stopTyping();
    chat.report("answering failed", err);
    await surface.notice(say(lang, "ask-failed"));
    return;
  }
  const turn = { question: verdict.text, answer: { citations: answer.citations, language: answer.language, text: answer.text, summary: answer.summary } };
  chat.memory.remember(surface.asker.userId ?? "", recalled, turn, { messageIds: sent, place: surface.where.place });
}
