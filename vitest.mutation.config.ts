/**
 * The test files `npm run mutation` runs against each mutant: the ones that exercise the modules
 * Stryker mutates (answer composition and quoting, retrieval fusion and references, intents, the
 * chat layer's question handling and renderers) — the core suites, the evaluation guard, the chat
 * layer, the terminal chat and the renderers, and one suite per platform for the chat layer's path —
 * without the slow platform suites (startup, reindex, lifecycle, bursts).
 */
import { defineConfig } from "vitest/config";
import base from "./vitest.config.js";

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    // Replaces the base list (mergeConfig would add to it).
    include: [
      "tests/core-answer.test.ts",
      "tests/core-conversation.test.ts",
      "tests/core-intents.test.ts",
      "tests/core-intents-data.test.ts",
      "tests/core-llm.test.ts",
      "tests/core-question-length.test.ts",
      "tests/core-quote.test.ts",
      "tests/core-retrieve.test.ts",
      "tests/core-references.test.ts",
      "tests/core-lead.test.ts",
      "tests/core-compose.test.ts",
      "tests/glossary.test.ts",
      "tests/eval-quality.test.ts",
      "tests/chat/*.test.ts",
      "tests/terminal/chat.test.ts",
      "tests/terminal/commands.test.ts",
      "tests/telegram/render.test.ts",
      "tests/telegram/questions.test.ts",
      "tests/telegram/limits.test.ts",
      "tests/discord/render.test.ts",
      "tests/discord/messages.test.ts",
    ],
    maxWorkers: 1,
  },
});
