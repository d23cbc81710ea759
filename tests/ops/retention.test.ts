import { afterEach, describe, expect, it, vi } from "vitest";
import { startRetention } from "../../src/ops/retention.js";
import { openStore } from "../../src/ops/store.js";
import { DAY_MS, answerRecord, opsConfig, removeDir, tempDir } from "./helpers.js";

afterEach(() => {
  vi.useRealTimers();
});

describe("the retention service", () => {
  it("purges once a day while the bot runs, and no more after it stops", async () => {
    vi.useFakeTimers();
    const dir = tempDir();
    const store = openStore(opsConfig(dir, { RETENTION_DAYS: "2" }));
    try {
      const service = startRetention(store);
      // Answered now: expires two days later, found by the purge after that.
      store.recordAnswer(answerRecord());
      vi.advanceTimersByTime(DAY_MS);
      expect(store.stats(30).totalQuestions).toBe(1);
      vi.advanceTimersByTime(2 * DAY_MS);
      expect(store.stats(30).totalQuestions).toBe(0);

      store.recordAnswer(answerRecord());
      await service.stop();
      expect(service.ready()).toBe(false);
      vi.advanceTimersByTime(10 * DAY_MS);
      expect(store.stats(30).totalQuestions).toBe(1);
    } finally {
      store.close();
      removeDir(dir);
    }
  });
});
