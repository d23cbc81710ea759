/**
 * The renderer on its own: whatever the core returns, every page stays inside Discord's limits
 * (checked by the same validator the fake Discord applies), no text is lost or reordered when an answer
 * is split, formatting characters stay text, and cuts never break a character.
 */
import { embedLength } from "discord.js";
import { describe, expect, test } from "vitest";
import type { Answer, ArticleView, Citation } from "../../src/core/bot.js";
import { LIMITS, splitText, truncate } from "../../src/discord/limits.js";
import { answerMessages } from "../../src/discord/answering.js";
import { renderAnswer, renderArticle, renderStats } from "../../src/discord/render.js";
import { validateMessage } from "../fakes/discord.js";

const URL_BASE = "https://documents.un.org/api/symbol/access?s=A%2FRES%2F79%2F243&l=en&t=pdf";

function citation(n: number, quote: string): Citation {
  return {
    doc: "convention", part: "article", article: n, paragraph: 1, item: null, quoteLanguage: "en", title: `Article ${n} — Title of article ${n}`, quote,
    url: `${URL_BASE}#page=${n}`, label: `Art. ${n}(1)`, chunkId: `c-${n}`,
  };
}

function answer(text: string, citations: Citation[], extra: Partial<Answer> = {}): Answer {
  return { id: "3f1c7a52-5d2e-4d8b-9a61-0c2b9e1f4a77", language: "en", grounded: true, summary: null, blocks: [{ kind: "text", text }], text, citations, indexVersion: "abc123", ms: 12, ...extra };
}

/** Paragraphs of varied length, numbered so order and completeness can be checked. */
function longText(paragraphs: number): string {
  return Array.from({ length: paragraphs }, (_, i) => `${i + 1}. ${"Each State Party shall adopt such measures as may be necessary. ".repeat(1 + (i % 7))}`).join("\n\n");
}

describe("splitText and truncate", () => {
  test("pieces fit, keep order and lose nothing but whitespace at the cuts", () => {
    const text = longText(60);
    const pieces = splitText(text, 1000);
    expect(pieces.length).toBeGreaterThan(5);
    for (const p of pieces) expect(p.length).toBeLessThanOrEqual(1000);
    const squash = (x: string) => x.replace(/\s+/g, " ").trim();
    expect(squash(pieces.join(" ")) === squash(text)).toBe(true);
  });

  test("a word longer than the limit is cut hard", () => {
    const pieces = splitText("x".repeat(2500), 1000);
    expect(pieces.map((p) => p.length)).toEqual([1000, 1000, 500]);
  });

  test("cuts never split a surrogate pair", () => {
    const text = "😀".repeat(600); // 1,200 UTF-16 units
    for (const p of [...splitText(text, 999), truncate(text, 999)]) {
      expect(p.length).toBeLessThanOrEqual(999);
      expect(p).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    }
    expect(truncate("short", 10)).toBe("short");
    expect(truncate("a longer sentence", 10)).toMatch(/…$/);
  });
});

describe("renderAnswer", () => {
  test("a short answer is one embed: text, one field per citation with a link, index in the footer", () => {
    const pages = renderAnswer(answer("Each State Party shall designate a point of contact.", [citation(41, "1. Each State Party shall designate a point of contact available 24 hours a day.")]), { question: "What is the 24/7 network?" });
    expect(pages).toHaveLength(1);
    const [embed] = pages[0].embeds;
    expect(embed.description).toBe("Each State Party shall designate a point of contact.");
    expect(embed.author?.name).toBe("Question: What is the 24/7 network?");
    expect(embed.fields).toEqual([{ name: "Art. 41(1) — Title of article 41", value: expect.stringContaining(`[Official text](${URL_BASE}#page=41)`) }]);
    expect(embed.footer?.text).toBe("Index abc123");
  });

  test("an answer far over the limits is split into valid messages, then cut with a link to the full text", () => {
    const text = longText(120); // about 40,000 characters
    const cites = Array.from({ length: 30 }, (_, i) => citation(i + 1, "A quoted sentence that goes on. ".repeat(60)));
    const a = answer(text, cites);
    const messages = answerMessages(a, "q".repeat(5000));
    for (const m of messages) {
      const body = JSON.parse(JSON.stringify({ ...m, components: m.components?.map((c) => ("toJSON" in c ? c.toJSON() : c)) }));
      expect(validateMessage(body, true)).toEqual([]);
      expect(m.embeds!.reduce((n, e) => n + embedLength("toJSON" in e ? e.toJSON() : e), 0)).toBeLessThanOrEqual(LIMITS.embedsTotal);
    }
    // Buttons only under the last message.
    expect(messages.map((m) => m.components!.length)).toEqual([...messages.slice(1).map(() => 0), 1]);
    const descriptions = messages.flatMap((m) => m.embeds!.map((e) => ("toJSON" in e ? e.toJSON() : e).description ?? "")).join("\n\n");
    // The text kept is a prefix of the answer, in order, and ends with the link to the full text.
    const kept = descriptions.split("\n…")[0].replace(/\s+/g, " ").trim();
    expect(text.replace(/\s+/g, " ").startsWith(kept)).toBe(true);
    expect(kept.length).toBeGreaterThan(10_000);
    expect(descriptions).toContain(`[Read the full text](${URL_BASE}#page=1)`);
    // Ten citations listed, the rest summarized.
    const fields = messages.flatMap((m) => m.embeds!.flatMap((e) => ("toJSON" in e ? e.toJSON() : e).fields ?? []));
    expect(fields.filter((f) => f.name.startsWith("Art."))).toHaveLength(10);
    expect(fields.at(-1)!.name).toBe("…and 20 more");
  });

  test("markdown in the answer and quotes stays literal text", () => {
    const pages = renderAnswer(answer("**bold** _it_ `code` ||spoiler|| ~~strike~~", [citation(2, "a *starred* [link](http://x)")]));
    const embed = pages[0].embeds[0];
    expect(embed.description).toBe("\\*\\*bold\\*\\* \\_it\\_ \\`code\\` \\|\\|spoiler\\|\\| \\~\\~strike\\~\\~");
    expect(embed.fields![0].value).toContain("a \\*starred\\*");
  });

  test("a refusal lists the suggestions, in the answer's language", () => {
    const pages = renderAnswer(answer("Saya tidak menemukan ini.", [], { grounded: false, language: "id", suggestions: ["Apa isi Pasal 41?"] }));
    expect(pages[0].embeds[0].fields).toEqual([{ name: "Coba tanyakan", value: "• Apa isi Pasal 41?" }]);
    expect(pages[0].embeds[0].footer?.text).toBe("Indeks abc123");
  });

  test("an answer id too long for a custom id gets no buttons rather than a rejected message", () => {
    expect(answerMessages(answer("x", [], { id: "i".repeat(120) }))[0].components).toEqual([]);
  });
});

describe("renderArticle and renderStats", () => {
  const view: ArticleView = {
    article: 40, title: "General principles and procedures relating to mutual legal assistance", chapter: "V", chapterTitle: "International cooperation",
    paragraphs: Array.from({ length: 30 }, (_, i) => `${i + 1}. ${"States Parties shall afford one another mutual legal assistance. ".repeat(8)}`),
    url: `${URL_BASE}#page=25`, notes: [], gist: {},
  };

  test("a long article shows the whole paragraphs that fit, a count and a link", () => {
    const embed = renderArticle(view, "en", "v1");
    expect(validateMessage({ embeds: [embed] }, true)).toEqual([]);
    expect(embed.title).toBe("Article 40 — General principles and procedures relating to mutual legal assistance");
    expect(embed.author?.name).toBe("Chapter V — International cooperation");
    expect(embed.description).toMatch(/\n\n\[Read the full text\]\(https:\/\/documents\.un\.org\/.+#page=25\)$/);
    const shown = embed.description!.split("\n\n").filter((p) => /^\d+\. /.test(p));
    expect(shown.length).toBeGreaterThan(3);
    shown.forEach((p, i) => expect(p).toBe(view.paragraphs[i]));
    expect(embed.footer?.text).toBe(`Index v1 · ${shown.length} of 30 paragraphs shown`);
  });

  test("stats never exceed field limits, however many gaps", () => {
    const embed = renderStats(
      {
        days: 7, totalQuestions: 500, refused: 50, byDay: [], byPlatform: { discord: 300, telegram: 200 },
        topArticles: Array.from({ length: 60 }, (_, i) => ({ article: i + 1, count: 60 - i })),
        gaps: Array.from({ length: 200 }, () => ({ at: new Date().toISOString(), platform: "discord", language: "en", reason: "down" as const, question: "why? ".repeat(100) })),
      },
      "en",
    );
    expect(validateMessage({ embeds: [embed] }, true)).toEqual([]);
    expect(embed.fields![1].value).toBe("50 (10%)");
  });
});
