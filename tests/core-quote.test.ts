/**
 * Structure-aware quoting on the real text: what a reader sees of a paragraph is whole sentences,
 * a list with its lead-in, items matching the question, "…" for what is left out.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { quoteOf, quoteProblems, shortenMiddle } from "../src/core/answer/quote.js";
import type { Chunk } from "../src/core/index/chunk.js";
import { loadIndex } from "../src/core/index/store.js";
import { terms } from "../src/core/text.js";
import { testConfig } from "./helpers/env.js";

let chunks: Chunk[];
const chunk = (article: number, paragraph: number | null, item: string | null = null) =>
  chunks.find((c) => c.metadata.kind === "article" && c.metadata.article === article && c.metadata.paragraph === paragraph && (item === null || c.metadata.item === item))!;

beforeAll(async () => {
  const config = testConfig();
  chunks = (await loadIndex(config.indexDir, config.EMBEDDINGS)).chunks;
});

describe("quoteOf", () => {
  it("quotes a list's lead-in with the item that matches, and … for the items left out", () => {
    const q = quoteOf(chunk(41, 3).metadata, terms("locating suspects"));
    expect(q.text.startsWith("Such assistance shall include")).toBe(true);
    expect(q.text).toContain("(d) The locating of suspects");
    expect(q.text).toContain("…");
    expect(q.text).not.toContain("(a) The provision of technical advice");
    expect(quoteProblems(q.text, { article: 41, part: "article" })).toEqual([]);
  });

  it("never ends on a lead-in: a list whose sentence closes after its items keeps that close", () => {
    const q = quoteOf(chunk(29, 1).metadata, terms("compel a service provider"));
    expect(q.text).toMatch(/^Each State Party shall adopt/);
    expect(q.text).toContain("(b) Compel a service provider");
    expect(q.text).toMatch(/traffic data, in real time, .* technology system\.$/);
    expect(quoteProblems(q.text, { article: 29, part: "article" })).toEqual([]);
  });

  it("quotes an Article 2 definition alone, with all its sub-items", () => {
    const q = quoteOf(chunk(2, null, "f").metadata, terms("subscriber information"));
    expect(q.item).toBe("f");
    expect(q.text).toMatch(/^\(f\) “Subscriber information” shall mean/);
    for (const sub of ["(i) The type", "(ii) The subscriber’s identity", "(iii) Any other information"]) expect(q.text).toContain(sub);
    expect(quoteProblems(q.text, { article: 2, part: "article" })).toEqual([]);
  });

  it("keeps the paragraph number out of the quote and whole sentences in it", () => {
    const q = quoteOf(chunk(25, 2).metadata, terms("90 days"));
    expect(q.text).not.toMatch(/^\d+\./);
    expect(q.text).toContain("90 days");
    expect(quoteProblems(q.text, { article: 25, part: "article" })).toEqual([]);
  });
});

describe("shortenMiddle", () => {
  it("cuts in the middle, keeping the start and the end of the sentence", () => {
    const sentence = `The start of it ${"and more words ".repeat(40)}and the very end.`;
    const short = shortenMiddle(sentence, 120);
    expect(short.length).toBeLessThanOrEqual(125);
    expect(short.startsWith("The start of it")).toBe(true);
    expect(short.endsWith("and the very end.")).toBe(true);
    expect(short).toContain(" … ");
  });
});

describe("quoteProblems", () => {
  it.each([
    ["Compel a service provider, within its existing technical capability:", "ends with a lead-in"],
    ["up to a maximum of 90 …", "cut at the end"],
    ["(i) A device, including a program, designed or adapted primarily for the purpose;", "item without its lead-in"],
    ["1. The Secretary-General shall be notified.", "paragraph number in the quote"],
    ["of this Convention shall apply.", "starts mid-sentence"],
  ])("flags %j", (quote, problem) => {
    expect(quoteProblems(quote, { article: 11, part: "article" })).toContain(problem);
  });

  it("accepts a resolution recital, which ends with a comma as printed", () => {
    expect(quoteProblems("Recalling its resolution 74/247 of 27 December 2019,", { article: null, part: "resolution" })).toEqual([]);
  });
});
