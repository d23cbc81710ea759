/**
 * A place can change its id while the bot remembers things about it: Telegram gives a group a new
 * chat id when it is upgraded to a supergroup. What is keyed by the old id (conversations, feedback
 * prompts) moves to the new one, so the group does not lose it.
 */
import type { LRUCache } from "lru-cache";

/** Move every entry whose key starts with `from` to the same key starting with `to` instead. */
export function rekey<V extends {}>(cache: LRUCache<string, V>, from: string, to: string): void {
  for (const [key, value] of [...cache.entries()]) {
    if (!key.startsWith(from)) continue;
    cache.delete(key);
    cache.set(to + key.slice(from.length), value);
  }
}
