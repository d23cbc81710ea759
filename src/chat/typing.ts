/**
 * "typing…" while the core works. Platforms clear the indicator after a few seconds (Telegram about
 * 5, Discord about 10), so it is sent again until stopped; a failure to show it is never an error.
 */
export function keepTyping(show: () => Promise<unknown>, everyMs: number): () => void {
  const send = () => void show().catch(() => undefined);
  send();
  const timer = setInterval(send, everyMs);
  return () => clearInterval(timer);
}
