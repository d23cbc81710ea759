/**
 * What every running part of the app (Telegram, Discord, terminal chat, health server, watchers)
 * looks like to the composition root: a name, readiness, and a graceful stop.
 */
export interface Service {
  name: string;
  /** true once connected (Telegram: polling or webhook set; Discord: gateway READY). */
  ready(): boolean;
  /** Stop taking new updates, finish the ones in flight (bounded), release resources. */
  stop(): Promise<void>;
  /** Resolves when the service ends by itself (the terminal chat at end of input). */
  done?: Promise<void>;
}
