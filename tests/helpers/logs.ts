/**
 * Capture what the app logs: the one pino logger (src/log.ts) is pointed at an in-memory
 * destination at `trace`, the most talkative level, until `restore()`. Use it in tests that take
 * error paths, to check what must never be logged.
 */
import pino from "pino";
import { log } from "../../src/log.js";

export interface CapturedLogs {
  /** Every line written so far (JSON, one record each). */
  lines(): string[];
  /** The records whose `msg` matches. */
  records(msg?: RegExp): Record<string, unknown>[];
  /** Resolves with the first record whose `msg` matches (logged before or after the call); rejects after `ms`. */
  waitFor(msg: RegExp, ms?: number): Promise<Record<string, unknown>>;
  restore(): void;
}

export function captureLogs(): CapturedLogs {
  const lines: string[] = [];
  const listeners = new Set<() => void>();
  const target = log as unknown as Record<symbol, unknown>;
  const stream = target[pino.symbols.streamSym];
  const level = log.level;
  target[pino.symbols.streamSym] = { write: (line: string) => {
    lines.push(line);
    for (const l of [...listeners]) l();
  } };
  log.level = "trace";
  const records = (msg?: RegExp) => lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((r) => !msg || msg.test(String(r.msg)));
  return {
    lines: () => [...lines],
    records,
    waitFor: (msg, ms = 20_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const [found] = records(msg);
          if (!found) return;
          listeners.delete(check);
          clearTimeout(timer);
          resolve(found);
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`no log line matching ${msg} within ${ms} ms; logged: ${records().map((r) => r.msg).join(" | ")}`));
        }, ms);
        listeners.add(check);
        check();
      }),
    restore: () => {
      target[pino.symbols.streamSym] = stream;
      log.level = level;
    },
  };
}
