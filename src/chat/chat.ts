/**
 * The chat layer's state for one surface (a Telegram bot, a Discord client, the terminal): the
 * facade, the cooldown, the conversation memory, the feedback prompts and the work in flight.
 * Platform-neutral: nothing here knows grammY or discord.js, so every surface asks, remembers,
 * limits and stops the same way.
 */
import type { ConventionBot } from "../core/bot.js";
import { log as rootLog } from "../log.js";
import { Cooldown } from "./cooldown.js";
import { Feedback } from "./feedback.js";
import { Hints } from "./hints.js";
import { ConversationMemory, type MemoryOptions } from "./memory.js";
import { Tasks } from "./tasks.js";

export interface ChatOptions {
  /** Questions per user and minute (RATE_LIMIT_PER_MIN; 0 = no cooldown). */
  perMinute: number;
  memory?: Partial<MemoryOptions>;
  /**
   * How this surface logs a failure: platforms scrub their own secrets (a bot token, interaction
   * URLs) from error messages. Default: the message only.
   */
  report?: (what: string, err: unknown) => void;
}

export class Chat {
  readonly cooldown: Cooldown;
  readonly memory: ConversationMemory;
  readonly feedback: Feedback;
  /** Hints the bot gives unasked, at most once per user and place an hour. */
  readonly hints = new Hints();
  /** Updates being handled and background jobs (a reindex): what a graceful stop waits for. */
  readonly tasks = new Tasks();
  readonly log = rootLog;
  readonly #report: (what: string, err: unknown) => void;

  constructor(readonly core: ConventionBot, opts: ChatOptions) {
    this.cooldown = new Cooldown(opts.perMinute);
    this.memory = new ConversationMemory(opts.memory);
    this.feedback = new Feedback(core);
    this.#report = opts.report ?? ((what, err) => rootLog.error({ err: (err as Error)?.message ?? String(err) }, what));
  }

  report(what: string, err: unknown): void {
    this.#report(what, err);
  }
}
