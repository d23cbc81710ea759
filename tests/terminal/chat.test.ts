/**
 * The terminal chat as a person sees it, in-process with a 60-column terminal: answers wrapped to
 * the width between words (a URL longer than a line stays whole on its own line), `/new` confirmed,
 * labels in the answer's language; and with piped input, each question printed before its answer.
 */
import { PassThrough } from "node:stream";
import { stripVTControlCharacters } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { renderAnswer } from "../../src/cli/format.js";
import { createBot, tooLongMessage, type ConventionBot } from "../../src/core/bot.js";
import { startTerminal } from "../../src/terminal/index.js";
import { testConfig } from "../helpers/env.js";

const COLUMNS = 60;
const EN = "What is illegal access?";
const ID = "Apa itu ekstradisi?";
const LONG = `What does Article 41 say? ${"Please explain in detail. ".repeat(45)}`;

let bot: ConventionBot;
beforeAll(async () => {
  bot = await createBot(testConfig(), { buildIfMissing: false });
});

/** Run the chat over `lines`; `tty` makes both ends look like a terminal of COLUMNS columns. */
async function chat(lines: string[], tty: boolean): Promise<string> {
  const input = Object.assign(new PassThrough(), { isTTY: tty });
  const output = Object.assign(new PassThrough(), { isTTY: tty, columns: tty ? COLUMNS : undefined });
  let text = "";
  output.setEncoding("utf8").on("data", (s: string) => (text += s));
  const service = await startTerminal(bot, bot.config, { input, output });
  input.end(lines.map((l) => l + "\n").join(""));
  await service.done;
  return stripVTControlCharacters(text);
}

/** Whitespace-insensitive form: wrapping may only turn spaces into line breaks and indents. */
const flat = (s: string) => s.replace(/\s+/g, " ").trim();

describe("interactive, 60 columns", () => {
  let screen: string;
  beforeAll(async () => {
    screen = await chat([EN, "/new", ID, LONG, "/quit"], true);
  });

  it("fits every line in 60 columns, except a URL that is longer than a line on its own", () => {
    const lines = screen.split("\n");
    expect(lines.some((l) => l.includes("https://"))).toBe(true);
    for (const line of lines) {
      // What the user typed is echoed as typed (the terminal itself folds it).
      if (line.includes(LONG.trim())) continue;
      if ([...line].length <= COLUMNS) continue;
      expect(line.trim(), `line over ${COLUMNS} columns: ${line}`).toMatch(/^https:\/\/\S+$/);
    }
  });

  it("breaks lines only between words: the answers read the same with the wrapping undone", async () => {
    const en = renderAnswer(await bot.answer(EN));
    const id = renderAnswer(await bot.answer(ID));
    expect(en.split("\n").some((l) => l.length > COLUMNS)).toBe(true); // there was something to wrap
    expect(flat(screen)).toContain(flat(en));
    expect(flat(screen)).toContain(flat(id));
    // Continuation lines of a numbered source stay under its text.
    expect(screen).toMatch(/\n {2}\[1\] Art\. 7\(1\) — Article 7 — Illegal access —\n {6}https:\/\/documents\.un\.org\/\S+#page=7\n/);
  });

  it("confirms /new, and labels follow the answer's language", () => {
    expect(flat(screen)).toContain("Done: I've forgotten our conversation here.");
    const [beforeId, afterId] = screen.split("Berikut ketentuan Konvensi:");
    expect(beforeId).toContain("\nSources:\n");
    expect(afterId).toContain("\nSumber:\n");
    expect(afterId).not.toContain("Sources:");
  });

  it("refuses a question over the limit with the core's message", () => {
    expect(flat(screen)).toContain(tooLongMessage("en"));
  });
});

describe("piped", () => {
  it("prints each question before its answer, with blank lines between, unwrapped", async () => {
    const out = await chat([EN, "", ID], false);
    const en = renderAnswer(await bot.answer(EN));
    const id = renderAnswer(await bot.answer(ID));
    expect(out).toBe(`> ${EN}\n\n${en}\n\n> ${ID}\n\n${id}\n`);
  });
});
