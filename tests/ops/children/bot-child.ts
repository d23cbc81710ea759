/**
 * The real bot with the operations store plugged in, in a separate process (as another user when
 * the tests run as root), so a test can hand it a database it may read but not write.
 * Asks the questions given as arguments and prints one JSON line per answer.
 */
import { loadConfig } from "../../../src/config.js";
import { createBot } from "../../../src/core/bot.js";
import { openStore } from "../../../src/ops/store.js";

const config = loadConfig(process.env);
const store = openStore(config);
const bot = await createBot(config, { recorder: store, buildIfMissing: false });
for (const question of process.argv.slice(2)) {
  const a = await bot.answer(question, { asker: { platform: "telegram", chatKind: "group", userId: "8080808080" } });
  process.stdout.write(JSON.stringify({ grounded: a.grounded, citations: a.citations.length, indexVersion: a.indexVersion, feedback: bot.feedback(a.id, { platform: "telegram", chatKind: "group", userId: "8080808080" }, "down") }) + "\n");
}
await bot.close();
store.close();
