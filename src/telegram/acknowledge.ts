/**
 * Button presses (callback queries) and their acknowledgement. Until a press is answered, the
 * user's button keeps spinning; so every press is answered, whatever its data (a button from an
 * older version of the bot, a handler that failed). An acknowledgement is a courtesy: Telegram
 * refuses it once the query is too old, and what the press does (record a vote, ask why) must
 * happen all the same — so it is best effort and never throws.
 */
import type { Context, MiddlewareFn, Transformer } from "grammy";
import { log } from "../log.js";
import type { BotContext } from "./context.js";

/** Answer the press (optionally with a short notice); a failure is logged, never thrown. */
export async function acknowledge(ctx: Context, text?: string): Promise<void> {
  await ctx.answerCallbackQuery(text ? { text } : undefined).catch((err: Error) => log.warn({ err: err.message }, "could not acknowledge a button press"));
}

/**
 * Around everything else: a press still unanswered when its handling ends (no handler, one that
 * threw, an acknowledgement that failed) is answered then. Watches this update's own API client,
 * so it sees every acknowledgement and whether Telegram took it.
 */
export function everyPressAnswered(): MiddlewareFn<Context> {
  return async (ctx, next) => {
    if (!ctx.callbackQuery) return next();
    let answered = false;
    const watch: Transformer = async (prev, method, payload, signal) => {
      const res = await prev(method, payload, signal);
      if (method === "answerCallbackQuery" && res.ok) answered = true;
      return res;
    };
    ctx.api.config.use(watch);
    try {
      await next();
    } finally {
      if (!answered) await acknowledge(ctx);
    }
  };
}

/** Last in the chain: a press no handler took is a button this bot no longer has. */
export const staleButton: MiddlewareFn<BotContext> = (ctx, next) => (ctx.callbackQuery ? acknowledge(ctx, ctx.t("button-stale")) : next());
