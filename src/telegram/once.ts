/**
 * Each update is handled once. Telegram delivers an update again when it did not get a timely 200
 * for it (a slow network, a restart in between), and the two copies may arrive together. The check
 * and the mark happen in one synchronous step before anything is awaited, so concurrent copies
 * cannot both pass. The ids are remembered in a bounded lru-cache: redeliveries come within
 * minutes, and update ids only grow.
 */
import type { MiddlewareFn } from "grammy";
import { LRUCache } from "lru-cache";
import { log } from "../log.js";

/** Update ids remembered at most (hours of traffic for a busy bot). */
const REMEMBERED = 50_000;

export function onceEach(): MiddlewareFn {
  const seen = new LRUCache<number, true>({ max: REMEMBERED });
  return (ctx, next) => {
    const id = ctx.update.update_id;
    if (seen.has(id)) {
      log.info({ update: id }, "telegram update delivered again; already handled");
      return;
    }
    seen.set(id, true);
    return next();
  };
}
