/**
 * The per-user question limit (RATE_LIMIT_PER_MIN; 0 turns it off), built on grammY's
 * ratelimiter plugin. It is applied to questions only — not to commands, buttons or inline
 * queries — and every question over the limit gets the cooldown notice as its one reply.
 */
import { limit } from "@grammyjs/ratelimiter";
import type { Context, MiddlewareFn } from "grammy";
import { langOf } from "./context.js";
import { t } from "./i18n.js";
import { inReplyTo } from "./send.js";

export function questionLimit(perMinute: number): MiddlewareFn<Context> {
  if (perMinute <= 0) return (_ctx, next) => next();
  return limit<Context, never>({
    timeFrame: 60_000,
    limit: perMinute,
    // Every question gets exactly one reply: over the limit, that reply is this notice.
    alwaysReply: true,
    keyGenerator: (ctx) => ctx.from?.id.toString(),
    onLimitExceeded: (ctx) => ctx.reply(t(langOf(ctx)).rateLimited, ctx.msg ? inReplyTo(ctx.msg.message_id) : {}),
  });
}
