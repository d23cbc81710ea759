/**
 * Mutation testing (`npm run mutation`): a measurement, not part of `npm test` or CI. Mutates the
 * modules that decide what users see and runs the tests of vitest.mutation.config.ts against each
 * mutant (only the tests that cover it). One module: `npm run mutation -- --mutate src/chat/split.ts`.
 * Report: reports/mutation/mutation.json (and mutation.html).
 */
export default {
  testRunner: "vitest",
  vitest: { configFile: "vitest.mutation.config.ts", related: true },
  plugins: ["@stryker-mutator/vitest-runner"],
  mutate: [
    "src/core/answer/compose.ts",
    "src/core/answer/quote.ts",
    "src/core/answer/lead.ts",
    "src/core/answer/intents.ts",
    "src/core/retrieve/hybrid.ts",
    "src/core/retrieve/references.ts",
    "src/chat/question.ts",
    "src/chat/asking.ts",
    "src/chat/answer.ts",
    "src/chat/split.ts",
  ],
  coverageAnalysis: "perTest",
  concurrency: 2,
  timeoutMS: 30_000,
  reporters: ["json", "html", "clear-text", "progress"],
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  htmlReporter: { fileName: "reports/mutation/mutation.html" },
  tempDirName: ".stryker-tmp",
  cleanTempDir: "always",
  ignoreStatic: true,
};
