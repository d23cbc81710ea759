/**
 * Choosing the lead and the runners-up, on hand-made sections: what a paragraph's fitness weighs
 * (shared words, asked-for cues, reservations, notes, continued parts), which sections compete, and
 * which other paragraphs are quoted after the lead (only those adding a question term).
 */
import { describe, expect, test } from "vitest";
import type { Chunk, ChunkMetadata } from "../src/core/index/chunk.js";
import { bestParagraph, chooseLead, runnersUp, type LeadContext } from "../src/core/answer/lead.js";
import type { RankedSection } from "../src/core/retrieve/hybrid.js";
import { terms } from "../src/core/text.js";

let n = 0;
function chunk(text: string, over: Partial<ChunkMetadata> = {}): Chunk {
  const id = `c${++n}`;
  return {
    pageContent: text,
    metadata: {
      id, doc: "convention", language: "en", kind: "article", section: "art-1", chapter: null, article: 1, articleTitle: "t",
      paragraph: 1, part: 0, page: 1, url: "https://example.org", text, ...over,
    } as ChunkMetadata,
  };
}

function section(key: string, score: number, chunks: [Chunk, number][], referenced = false): RankedSection {
  return { key, doc: "convention", article: 1, score, chunks: chunks.map(([c, s]) => ({ chunk: c, score: s })), referenced };
}

const ctx = (over: Partial<LeadContext> = {}): LeadContext => ({ queryTerms: [], aspects: [], ...over });
const text = (c: Chunk) => c.metadata.text;

describe("bestParagraph", () => {
  test("an interpretative note leads only when the question asks what a term means", () => {
    const note = chunk("Same words here.", { kind: "note" });
    const article = chunk("Same words here.");
    const s = section("convention:art-2", 1, [[note, 1], [article, 1]]);
    expect(bestParagraph(s, ctx()).chunk).toBe(article);
    expect(bestParagraph(s, ctx({ aspects: [{ name: "meaning", cues: [] }] })).chunk).toBe(note);
  });

  test("a continued part of a paragraph leads only when it fits better", () => {
    const continued = chunk("Same words here.", { part: 1 });
    const first = chunk("Same words here.", { part: 0 });
    expect(bestParagraph(section("k", 1, [[continued, 1], [first, 1]]), ctx()).chunk).toBe(first);
  });

  test("a paragraph holding what an asked-for aspect names wins over a slightly better-ranked one", () => {
    const plain = chunk("Each State Party shall adopt measures.");
    const timed = chunk("Within 90 days of the request.");
    const s = section("k", 1, [[plain, 1], [timed, 0.9]]);
    expect(bestParagraph(s, ctx({ aspects: [{ name: "time", cues: [/\bdays\b/] }] })).chunk).toBe(timed);
    expect(bestParagraph(s, ctx()).chunk).toBe(plain);
    // "international" weighs sections, not paragraphs.
    expect(bestParagraph(s, ctx({ aspects: [{ name: "international", cues: [/\bdays\b/] }] })).chunk).toBe(plain);
  });

  test("a reservation clause leads only when the question is about reservations", () => {
    const reservation = chunk("A State Party may make a reservation to this paragraph.");
    const rule = chunk("Each State Party shall adopt measures.");
    const s = section("k", 1, [[reservation, 1], [rule, 0.9]]);
    expect(bestParagraph(s, ctx()).chunk).toBe(rule);
    expect(bestParagraph(s, ctx({ aspects: [{ name: "reservation", cues: [] }] })).chunk).toBe(reservation);
  });

  test("shared words count, weighted by how telling they are; gists count in the asker's language", () => {
    const a = chunk("Extradition of nationals.");
    const b = chunk("Confiscation of proceeds.");
    const s = section("k", 1, [[a, 1], [b, 1]]);
    expect(bestParagraph(s, ctx({ queryTerms: terms("confiscation proceeds") })).chunk).toBe(b);
    expect(bestParagraph(s, ctx({ language: "vi", gistScores: { [b.metadata.id]: 1 } })).chunk).toBe(b);
    expect(bestParagraph(s, ctx({ language: "id" })).chunk).toBe(a);
  });
});

describe("chooseLead", () => {
  test("a section named in the question always gives the lead", () => {
    const named = chunk("Named article text.");
    const better = chunk("Confiscation of proceeds of crime.");
    const lead = chooseLead([section("convention:art-7", 0.2, [[named, 0.2]], true), section("convention:art-31", 1, [[better, 1]])], ctx({ queryTerms: terms("confiscation proceeds crime") }));
    expect(lead.chunk).toBe(named);
  });

  test("a section within the slack of the best competes on its paragraph; one below it does not", () => {
    const topChunk = chunk("Unrelated general provision.");
    const near = chunk("Confiscation of proceeds.");
    const far = chunk("Confiscation of proceeds of crime, fully.");
    // The far one would win on its paragraph (it holds the asked-for cue) were it allowed to compete.
    const q = ctx({ queryTerms: terms("confiscation proceeds"), aspects: [{ name: "time", cues: [/fully/] }] });
    const sections = [section("convention:art-1", 1, [[topChunk, 1]]), section("convention:art-31", 0.75, [[near, 0.75]]), section("convention:art-50", 0.74, [[far, 0.74]])];
    expect(text(chooseLead(sections, q).chunk)).toBe("Confiscation of proceeds.");
    // The conversation's subject is preferred when it fits.
    const subject = chooseLead([section("convention:art-1", 1, [[topChunk, 1]]), section("convention:art-9", 0.5, [[chunk("Other words.", { article: 9 }), 0.5]])], ctx({ subject: "convention:art-9" }));
    expect(text(subject.chunk)).toBe("Other words.");
    expect(text(chooseLead([section("convention:art-1", 1, [[topChunk, 1]]), section("convention:art-9", 0.5, [[chunk("Other words."), 0.5]])], ctx()).chunk)).toBe("Unrelated general provision.");
  });

  test("an interpretative note's section gives the lead only for a question about meaning", () => {
    const article = chunk("The term is used in this article.");
    const note = chunk("The term is used in this article.", { kind: "note" });
    const sections = [section("convention:art-2", 1, [[article, 1]]), section("convention:note-1:x", 1, [[note, 1]])];
    expect(chooseLead([...sections].reverse(), ctx()).chunk).toBe(article);
  });
});

describe("runnersUp", () => {
  test("quoted only when they add a question term the lead lacks; at most `max`; never a weak or a news section", () => {
    const lead = chunk("Extradition shall be granted.");
    const adds = chunk("Confiscation of proceeds.");
    const same = chunk("Extradition again.");
    const alsoAdds = chunk("Proceeds confiscation once more.");
    const weak = chunk("Witness protection.");
    const news = chunk("Witness protection in the news.", { kind: "news", doc: "news-x" });
    const q = ctx({ queryTerms: terms("extradition confiscation proceeds witness protection") });
    const sections = [
      section("convention:art-37", 1, [[lead, 1]]),
      section("convention:art-31", 0.9, [[adds, 0.9]]),
      section("convention:art-38", 0.9, [[same, 0.9]]),
      section("convention:art-50", 0.8, [[alsoAdds, 0.8]]),
      section("news-x:news", 0.8, [[news, 0.8]]),
      section("convention:art-34", 0.4, [[weak, 0.4]]),
    ];
    const pick = chooseLead(sections, q);
    expect(pick.chunk).toBe(lead);
    expect(runnersUp(sections, pick, q).map(text)).toEqual(["Confiscation of proceeds."]);
    expect(runnersUp(sections, pick, q, 0)).toEqual([]);
    // A section scoring under half the lead's adds nothing, whatever words it has.
    expect(runnersUp([sections[0], sections[5]], pick, q)).toEqual([]);
  });

  test("another paragraph of the lead's own section, when it scores close to it and adds something", () => {
    const lead = chunk("Extradition shall be granted.");
    const close = chunk("Confiscation of proceeds.", { paragraph: 2 });
    const distant = chunk("Witness protection.", { paragraph: 3 });
    const q = ctx({ queryTerms: terms("extradition confiscation witness") });
    const sections = [section("convention:art-37", 1, [[lead, 1], [close, 0.9], [distant, 0.5]])];
    const pick = { section: sections[0], chunk: lead, score: 1 };
    expect(runnersUp(sections, pick, q).map(text)).toEqual(["Confiscation of proceeds."]);
  });

  test("a report's answer stays with that report", () => {
    const lead = chunk("The ceremony was held in Hanoi.", { kind: "news", doc: "news-a" });
    const sameReport = chunk("Sixty countries signed.", { kind: "news", doc: "news-a", paragraph: 2 });
    const otherReport = chunk("Seventy countries signed.", { kind: "news", doc: "news-b" });
    const article = chunk("Signature by States.");
    const q = ctx({ queryTerms: terms("ceremony hanoi countries signed signature") });
    const sections = [
      section("news-a:news", 1, [[lead, 1]]),
      section("news-b:news", 0.9, [[otherReport, 0.9]]),
      section("convention:art-64", 0.9, [[article, 0.9]]),
      section("news-a:news-2", 0.9, [[sameReport, 0.9]]),
    ];
    const pick = { section: sections[0], chunk: lead, score: 1 };
    expect(runnersUp(sections, pick, q).map(text)).toEqual(["Sixty countries signed."]);
  });
});
