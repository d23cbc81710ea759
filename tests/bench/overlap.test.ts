/**
 * The benchmark's own judgement calls: when a baseline chunk counts as a hit for an article, and
 * how percentiles are taken. (The benchmark itself is `npm run bench`; no timings are tested.)
 */
import { describe, expect, test } from "vitest";
import { ArticleOverlap, normalise } from "../../src/bench/overlap.js";
import { percentile, spread } from "../../src/bench/stats.js";
import type { StoredDocument } from "../../src/core/index/store.js";

const BOILERPLATE = "Each State Party shall adopt such legislative and other measures as may be necessary to establish as criminal offences under its domestic law";

function article(n: number, title: string, text: string): StoredDocument["sections"][number] {
  return { id: `art-${n}`, kind: "article", article: n, title, chapter: "II", page: 1, paragraphs: [{ number: 1, blocks: [text], page: 1 }] };
}

const overlap = new ArticleOverlap([
  {
    entry: {} as StoredDocument["entry"],
    chapters: [],
    sections: [
      article(7, "Illegal access", `1. ${BOILERPLATE}, when committed intentionally, the access to the whole or any part of an information and communications technology system without right.`),
      article(8, "Illegal interception", `1. ${BOILERPLATE}, when committed intentionally, the interception, made by technical means, of non-public transmissions of electronic data.`),
      { id: "preamble", kind: "preamble", article: null, title: "Preamble", chapter: null, page: 1, paragraphs: [{ number: null, blocks: ["Concerned that the use of information and communications technology systems can have a considerable impact."], page: 1 }] },
    ],
  },
]);

describe("baseline hits", () => {
  test("text only one article has is a hit for it, and only for it", () => {
    const chunk = "the interception, made by technical\nmeans, of non-public transmissions of electronic data.";
    expect(overlap.hits(chunk, [8], "strict")).toBe(true);
    expect(overlap.hits(chunk, [7], "strict")).toBe(false);
    expect(overlap.hits(chunk, [7, 8], "strict")).toBe(true);
  });

  test("boilerplate several articles share is a hit only under the lenient rule", () => {
    const chunk = `Article 9\n${BOILERPLATE}, when committed intentionally`;
    expect(overlap.hits(chunk, [8], "strict")).toBe(false);
    expect(overlap.hits(chunk, [8], "lenient")).toBe(true);
  });

  test("line breaks, hyphenation and case in the PDF text do not hide a match", () => {
    const chunk = "THE ACCESS TO THE WHOLE OR ANY PART OF AN INFORMATION AND COMMUNI-\nCATIONS TECHNOLOGY SYSTEM";
    expect(overlap.hits(chunk, [7], "strict")).toBe(true);
    expect(normalise("Communi-\ncations, “system”")).toBe("communicationssystem");
  });

  test("text shorter than the window, or from outside the articles, is no hit", () => {
    expect(overlap.hits("non-public transmissions", [8], "lenient")).toBe(false);
    expect(overlap.hits("Concerned that the use of information and communications technology systems can have", [7, 8], "lenient")).toBe(false);
  });
});

describe("percentiles", () => {
  test("nearest rank over unsorted samples", () => {
    const samples = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(samples, 50)).toBe(50);
    expect(percentile(samples, 95)).toBe(95);
    expect(percentile(samples, 99)).toBe(99);
    expect(spread([3, 1, 2])).toEqual({ p50: 2, p95: 3, p99: 3, max: 3 });
    expect(percentile([], 50)).toBeNaN();
  });
});
