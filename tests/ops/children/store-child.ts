/**
 * Runs the store in a separate process (as another user when the tests run as root), so a test
 * can give it a database file it may read but not write. Prints one JSON line with what happened.
 */
import { loadConfig } from "../../../src/config.js";
import { openStore, StoreUnavailableError } from "../../../src/ops/store.js";

const store = openStore(loadConfig({ DATA_DIR: process.env.DATA_DIR, STORE_QUESTIONS: "true" }));
const outcome: Record<string, unknown> = {};
const asker = { platform: "telegram", chatKind: "private", userId: "555000111" } as const;
try {
  store.recordAnswer({
    answerId: "written-by-child", at: new Date(), asker, question: "child question", language: "en",
    grounded: true, citations: [{ doc: "convention", article: 41, paragraph: 1, chunkId: "c41" }], indexVersion: "v-child", ms: 5,
  });
  outcome.recordAnswer = "returned";
} catch (err) {
  outcome.recordAnswer = `threw: ${(err as Error).message}`;
}
try {
  outcome.recordFeedback = store.recordFeedback("seeded", asker, "down", "why");
} catch (err) {
  outcome.recordFeedback = `threw: ${(err as Error).message}`;
}
for (const [name, run] of [["stats", () => store.stats(30).totalQuestions], ["forget", () => store.forget(asker)]] as const) {
  try {
    outcome[name] = run();
  } catch (err) {
    outcome[name] = err instanceof StoreUnavailableError ? "unavailable" : `threw: ${(err as Error).message}`;
  }
}
store.close();
process.stdout.write(JSON.stringify(outcome) + "\n");
