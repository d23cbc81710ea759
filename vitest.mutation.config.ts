/**
 * The test files `npm run mutation` runs against each mutant: the ones that exercise the modules
 * Stryker mutates (answer composition and quoting, retrieval fusion and references, intents, the
 * chat layer's question handling and renderers), without the slow platform suites.
 */
import { defineConfig, mergeConfig } from "vitest/config";
import base from "./vitest.config.js";

export default mergeConfig(
  base,
  defineConfig({
    test: {
      include: [
        "tests/core-answer.test.ts",
        "tests/core-conversation.test.ts",
        "tests/core-intents.test.ts",
        "tests/core-llm.test.ts",
        "tests/core-question-length.test.ts",
        "tests/core-quote.test.ts",
        "tests/core-retrieve.test.ts",
        "tests/glossary.test.ts",
        "tests/eval-quality.test.ts",
        "tests/chat/*.test.ts",
        "tests/terminal/chat.test.ts",
        "tests/telegram/render.test.ts",
        "tests/discord/render.test.ts",
      ],
      maxWorkers: 1,
    },
  }),
);
