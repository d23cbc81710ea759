/**
 * Building the grammY bot: the API client (self-hosted root, auto-retry on 429/5xx honouring
 * `retry_after`, longer flood waits waited out per chat, sends following a group to its new id
 * once it became a supergroup), and the middleware stack, in the order an update meets it:
 *
 *   once → track → every press answered → error boundary → sequentialize per chat → i18n
 *     → (not from other bots) feedback → commands → inline → questions → hints → stale buttons
 *
 * An update delivered twice is dropped first; tracking comes next so a graceful stop can wait for
 * every update that has started; a button press is always answered, even if its handler fails; the error
 * boundary keeps one failed update from reaching the runner or the webhook server; per-chat
 * sequencing keeps a chat's replies in the order its messages were sent while chats run
 * concurrently.
 */
import { autoRetry } from "@grammyjs/auto-retry";
import { I18n } from "@grammyjs/i18n";
import { sequentialize } from "@grammyjs/runner";
import { Bot, BotError, type Context, type Transformer } from "grammy";
import { BUNDLE_OPTIONS, languageOf, localesDir } from "../chat/catalog.js";
import { Chat } from "../chat/chat.js";
import type { Tasks } from "../chat/tasks.js";
import type { Config } from "../config.js";
import type { ConventionBot } from "../core/bot.js";
import { log, scrubSecrets } from "../log.js";
import { commands } from "./commands/index.js";
import type { BotContext, Deps } from "./context.js";
import { feedback } from "./feedback.js";
import { inline } from "./inline.js";
import { ask, isAddressed, questionIn } from "./questions.js";
import { everyPressAnswered, staleButton } from "./acknowledge.js";
import { type Wait, waitOutFloods } from "./flood.js";
import { ChatMoves, followMoves, noticeMoves } from "./migration.js";
import { onceEach } from "./once.js";
import { inReplyTo } from "./send.js";
import { notForUs } from "./senders.js";

/** The updates the bot acts on (Telegram sends nothing else). */
export const ALLOWED_UPDATES = ["message", "callback_query", "inline_query"] as const;

/** Retries: Telegram's `retry_after` is honoured up to a minute here; longer ones by `waitOutFloods`. */
const RETRY = { maxRetryAttempts: 5, maxDelaySeconds: 60 };

export interface TelegramBot {
  bot: Bot<BotContext>;
  tasks: Tasks;
  /** Highest update id that entered the middleware (to confirm the polling offset on stop). */
  lastUpdateId(): number;
}

export interface TelegramOptions {
  /** How a long flood wait is waited out (tests hold or skip it); default: a timer. */
  floodWait?: Wait;
}

export function createTelegramBot(core: ConventionBot, config: Config, opts: TelegramOptions = {}): TelegramBot {
  const token = config.TELEGRAM_BOT_TOKEN;
  if (!token) throw new Error("TELEGRAM_BOT_TOKEN is not set");
  const bot = new Bot<BotContext>(token, { client: { ...(config.TELEGRAM_API_ROOT ? { apiRoot: config.TELEGRAM_API_ROOT } : {}) } });
  bot.api.config.use(logFailures(token));
  bot.api.config.use(autoRetry(RETRY));

  const chat = new Chat(core, { perMinute: config.RATE_LIMIT_PER_MIN, report: (what, err) => log.error({ err: scrubSecrets((err as Error)?.message ?? String(err), [token]) }, what) });
  const moves = new ChatMoves(chat);
  bot.api.config.use(waitOutFloods(config.TELEGRAM_FLOOD_WAIT_MAX_SECONDS, opts.floodWait));
  bot.api.config.use(followMoves(moves));
  const { tasks } = chat;
  const deps: Deps = { chat, config };
  let lastUpdateId = -1;

  bot.use(onceEach());
  bot.use((ctx, next) => {
    lastUpdateId = Math.max(lastUpdateId, ctx.update.update_id);
    return tasks.track(next());
  });
  bot.use(everyPressAnswered());
  const safe = bot.errorBoundary((err) => logError(err, token));
  safe.use(sequentialize((ctx: Context) => ctx.chat?.id.toString()));
  safe.use(i18n());
  safe.use(noticeMoves(moves));
  // Other bots and the bot's own inline results are never questions; people posting as a chat are.
  const human = safe.drop(notForUs);
  human.use(feedback(deps));
  human.use(commands(deps));
  human.use(inline(deps));
  human.on("message", async (ctx, next) => {
    const question = questionIn(ctx.message, ctx.me);
    if (question !== undefined) await ask(ctx, question, deps);
    else await next();
  });
  // Not text, and no question in a caption (stickers, photos, voice…): a one-line hint, when addressed to the bot.
  human.on(
    [
      "message:sticker", "message:photo", "message:voice", "message:video", "message:video_note", "message:audio",
      "message:document", "message:animation", "message:location", "message:contact", "message:poll", "message:dice",
    ],
    async (ctx) => {
      if (isAddressed(ctx.message, ctx.me)) await ctx.reply(ctx.t("ask-non-text"), inReplyTo(ctx.message.message_id));
    },
  );
  human.use(staleButton);
  bot.catch((err) => logError(err, token));
  return { bot, tasks, lastUpdateId: () => lastUpdateId };
}

/** `ctx.t` in the user's Telegram language, from the shared catalog in `locales/`. */
function i18n(): I18n<BotContext> {
  return new I18n<BotContext>({
    defaultLocale: "en",
    directory: localesDir(),
    fluentBundleOptions: BUNDLE_OPTIONS,
    localeNegotiator: (ctx) => languageOf(ctx.from?.language_code),
  });
}

function logError(err: BotError | unknown, token: string): void {
  const cause = err instanceof BotError ? err.error : err;
  const message = cause instanceof Error ? cause.message : String(cause);
  const update = err instanceof BotError ? err.ctx.update.update_id : undefined;
  log.error({ update, err: scrubSecrets(message, [token]) }, "telegram update failed");
}

/** Log failed API calls (method and Telegram's description only; never payloads or the token). */
function logFailures(token: string): Transformer {
  return async (prev, method, payload, signal) => {
    try {
      const res = await prev(method, payload, signal);
      if (!res.ok) log.warn({ method, code: res.error_code, description: res.description }, "telegram api call failed");
      return res;
    } catch (err) {
      if (!signal?.aborted) log.warn({ method, err: scrubSecrets((err as Error).message, [token]) }, "telegram api call failed");
      throw err;
    }
  };
}
