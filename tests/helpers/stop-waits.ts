/**
 * A checkpoint for graceful-stop tests, instead of a sleep: resolves once a stop has started waiting
 * for the work in flight (`Tasks.drain` was called and is waiting). A stop that does not wait never
 * gets there; race this with the event such a stop would cause (the gateway closing, the last
 * update confirmed), then release the held answer and check the order of what happened.
 */
import { vi } from "vitest";
import { Tasks } from "../../src/chat/tasks.js";

export function stopStartsWaiting(): Promise<void> {
  const drain = Tasks.prototype.drain;
  return new Promise((resolve) => {
    const spy = vi.spyOn(Tasks.prototype, "drain").mockImplementation(function (this: Tasks, ms: number) {
      const waiting = drain.call(this, ms);
      spy.mockRestore();
      resolve();
      return waiting;
    });
  });
}
