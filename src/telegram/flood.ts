/**
 * Long flood waits. Telegram answers a chat that received too much too fast with 429 and a
 * `retry_after` that can reach minutes; auto-retry waits out the short ones (up to a minute), and
 * hands back the longer ones — which would make an answer vanish. For what a user is waiting for
 * (messages and their edits), this waits them out too, per chat: other chats go on being answered
 * meanwhile, later sends to the waiting chat queue behind the wait, and only the part that was
 * refused is sent again (the parts already delivered are not). A wait is honoured up to
 * TELEGRAM_FLOOD_WAIT_MAX_SECONDS for one send, in total; beyond that the send is given up, logged.
 */
import { setTimeout as sleep } from "node:timers/promises";
import type { Transformer } from "grammy";
import { log } from "../log.js";

/** Sends that carry an answer or a notice someone is waiting to read. */
const AWAITED = new Set(["sendMessage", "editMessageText", "sendPhoto", "sendDocument"]);

/** How a wait is waited (tests pass their own, to hold or skip it). */
export type Wait = (ms: number, signal?: AbortSignal) => Promise<unknown>;

export function waitOutFloods(maxSeconds: number, wait: Wait = (ms, signal) => sleep(ms, undefined, { signal })): Transformer {
  /** Chat → the wait it is in; sends to it start after. */
  const paused = new Map<unknown, Promise<unknown>>();
  return async (prev, method, payload, signal) => {
    const chat = (payload as { chat_id?: unknown }).chat_id;
    if (chat === undefined || !AWAITED.has(method)) return prev(method, payload, signal);
    let waited = 0;
    for (;;) {
      await paused.get(chat);
      const res = await prev(method, payload, signal);
      const seconds = res.ok ? undefined : res.parameters?.retry_after;
      if (seconds === undefined) return res;
      if (waited + seconds > maxSeconds) {
        log.warn({ method, retryAfter: seconds, waited, maxSeconds }, "telegram flood wait beyond TELEGRAM_FLOOD_WAIT_MAX_SECONDS: send given up");
        return res;
      }
      waited += seconds;
      log.info({ method, retryAfter: seconds }, "telegram flood wait: holding this chat's sends");
      const pause = paused.get(chat) ?? wait(seconds * 1000, signal as AbortSignal | undefined).finally(() => paused.delete(chat));
      paused.set(chat, pause);
    }
  };
}
