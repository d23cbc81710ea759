/**
 * 👍/👎 under each answer, the same on every platform: a vote goes to the facade (which hands it to
 * the operations store) and is acknowledged; the first 👎 of a user on an answer also asks what was
 * wrong (Telegram with a prompt to reply to, Discord with a form), and the reason is recorded with
 * the same vote. Pending prompts are remembered in a bounded, expiring lru-cache.
 */
import { LRUCache } from "lru-cache";
import type { Asker, ConventionBot, Language, Vote } from "../core/bot.js";
import { say } from "./catalog.js";
import { rekey } from "./rekey.js";

/** Longest reason kept (a reason, not an essay). */
export const MAX_REASON = 500;
/** Prompts older than this (or beyond this many) are no longer matched. */
const PROMPT_TTL_MS = 60 * 60_000;
const MAX_PROMPTS = 5_000;

export interface VoteResult {
  recorded: boolean;
  /** The acknowledgement to show the voter. */
  text: string;
  /** Whether to ask the voter what was wrong (first 👎 of this user on this answer). */
  askReason: boolean;
}

interface Prompt {
  answerId: string;
  user: string;
}

export class Feedback {
  /** Prompt (platform message key) → whose reason it asks for. */
  readonly #prompts = new LRUCache<string, Prompt>({ max: MAX_PROMPTS, ttl: PROMPT_TTL_MS });
  /** `${answerId}:${user}` already asked, so a second 👎 does not ask again. */
  readonly #asked = new LRUCache<string, true>({ max: MAX_PROMPTS, ttl: PROMPT_TTL_MS });

  constructor(private readonly core: ConventionBot) {}

  vote(answerId: string, asker: Asker, vote: Vote, lang: Language): VoteResult {
    const recorded = this.core.feedback(answerId, asker, vote);
    const key = `${answerId}:${asker.platform}:${asker.userId}`;
    const askReason = recorded && vote === "down" && !this.#asked.has(key);
    if (askReason) this.#asked.set(key, true);
    const text = !recorded ? say(lang, "feedback-failed") : vote === "up" ? say(lang, "feedback-thanks") : say(lang, "feedback-noted");
    return { recorded, text, askReason };
  }

  /** Remember that the message `prompt` asks `user` for a reason about `answerId`. */
  expectReason(prompt: string, answerId: string, user: string): void {
    this.#prompts.set(prompt, { answerId, user });
  }

  /** The answer a reply to `prompt` by `user` gives a reason for (once), or undefined if it is no such reply. */
  takeReason(prompt: string, user: string): string | undefined {
    const pending = this.#prompts.get(prompt);
    if (!pending || pending.user !== user) return undefined;
    this.#prompts.delete(prompt);
    return pending.answerId;
  }

  /** A place got a new id: prompts keyed under `from` are now under `to`. */
  moved(from: string, to: string): void {
    rekey(this.#prompts, from, to);
  }

  /** Record the reason with the 👎 already given; returns the thanks to show. */
  reason(answerId: string, asker: Asker, text: string, lang: Language): string {
    const reason = text.trim().slice(0, MAX_REASON);
    if (reason) this.core.feedback(answerId, asker, "down", reason);
    return say(lang, "feedback-noted");
  }
}
