/**
 * The terminal chat with an LLM (fake OpenAI-compatible server): the model's text is printed as it
 * streams, sentence by sentence, before the final answer with its sources.
 */
import { PassThrough } from "node:stream";
import { afterEach, expect, test } from "vitest";
import { createBot, type ConventionBot } from "../src/core/bot.js";
import { startTerminal } from "../src/terminal/index.js";
import { FakeOpenAI } from "./fakes/openai-server.js";
import { testConfig } from "./helpers/env.js";

let server: FakeOpenAI | undefined;
let bot: ConventionBot | undefined;
afterEach(async () => {
  await bot?.close();
  await server?.close();
});

test("an interactive chat prints the streamed answer as it comes, then the final answer", async () => {
  server = await new FakeOpenAI().start();
  const reply = "Yes, protocols can be adopted [1]. At least 60 States Parties must have joined [1].";
  server.replies({ reply });
  const config = testConfig({ env: { LLM_MODEL: "ollama:fake", LLM_BASE_URL: server.url } });
  bot = await createBot(config, { buildIfMissing: false });

  const input = Object.assign(new PassThrough(), { isTTY: true });
  const output = new PassThrough();
  let printed = "";
  const writes: string[] = [];
  output.on("data", (d: Buffer) => {
    printed += d.toString();
    writes.push(d.toString());
  });
  const service = await startTerminal(bot, config, { input: input as unknown as typeof process.stdin, output: output as unknown as typeof process.stdout });
  input.write("Can supplementary protocols be adopted?\n/quit\n");
  await service.done;

  expect(server.requests[0].body.stream).toBe(true);
  // The first sentence was written on its own, before the second one arrived.
  expect(writes).toContain("Yes, protocols can be adopted [1].");
  const draftAt = printed.indexOf("Yes, protocols can be adopted [1].");
  const finalAt = printed.indexOf("In short (unofficial summary): " + reply);
  expect(draftAt).toBeGreaterThanOrEqual(0);
  expect(finalAt).toBeGreaterThan(draftAt);
  expect(printed.slice(finalAt)).toContain("Sources:\n  [1] Art. 62(1)");
});
