/** How updates reach the bot: long polling (the default) or a webhook. Both stop the same way. */
export interface Transport {
  mode: "polling" | "webhook";
  ready(): boolean;
  /** Stop taking updates, let the ones in flight finish (bounded), release the connection. */
  stop(): Promise<void>;
}

/** How long a graceful stop waits for answers in flight. */
export const STOP_GRACE_MS = 10_000;
