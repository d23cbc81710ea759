/**
 * Rendering for Telegram, without Telegram: escaping, packing blocks under the limit, and the
 * split of a single over-long paragraph (never inside an HTML entity or a surrogate pair).
 */
import { describe, expect, test } from "vitest";
import type { Answer, Citation } from "../../src/core/bot.js";
import { escapeHtml, MESSAGE_LIMIT, pack, paragraphs, renderAnswer, splitText, textBlock, visibleLength } from "../../src/telegram/render.js";
import { parseTelegramHtml } from "../fakes/telegram-api.js";

describe("escapeHtml", () => {
  test("escapes what Telegram's HTML reserves, and the result parses back to the same text", () => {
    const text = `a < b && c > "d" <b>e</b> &amp;`;
    expect(escapeHtml(text)).toBe("a &lt; b &amp;&amp; c &gt; &quot;d&quot; &lt;b&gt;e&lt;/b&gt; &amp;amp;");
    expect(parseTelegramHtml(escapeHtml(text))).toEqual({ text });
  });
});

describe("pack", () => {
  test("joins paragraphs into one message while they fit, and breaks only between them", () => {
    const blocks = paragraphs(["One.", "Two.", "Three."].join("\n\n"));
    expect(pack(blocks)).toEqual([{ html: "One.\n\nTwo.\n\nThree.", plain: "One.\n\nTwo.\n\nThree." }]);
    const para = (n: number) => `${n}. ${"word ".repeat(150).trim()}`;
    const many = Array.from({ length: 20 }, (_, i) => para(i + 1));
    const messages = pack(paragraphs(many.join("\n\n")), 1_000);
    expect(messages.length).toBeGreaterThan(5);
    for (const m of messages) {
      expect(m.html.length).toBeLessThanOrEqual(1_000);
      // Every message starts at the start of a paragraph and holds whole paragraphs.
      for (const p of m.plain.split("\n\n")) expect(many).toContain(p);
    }
    expect(messages.map((m) => m.plain).join("\n\n")).toBe(many.join("\n\n"));
  });

  test("a paragraph longer than a message is split at sentences, measured on the visible text", () => {
    const sentence = "Each State Party shall adopt measures & keep records <as required>. ";
    const long = sentence.repeat(120).trim();
    const messages = pack([textBlock(long)]);
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) {
      expect(visibleLength(m.html)).toBeLessThanOrEqual(MESSAGE_LIMIT);
      expect("error" in parseTelegramHtml(m.html)).toBe(false);
      expect(m.plain.endsWith(".")).toBe(true);
    }
    expect(messages.map((m) => m.plain).join(" ")).toBe(long);
  });

  test("a heading is never left alone at the end of a message: the text after it starts there", () => {
    const lines = Array.from({ length: 40 }, (_, i) => `(${i}) “Term ${i}” shall mean a thing & another thing.`);
    const blocks = [{ html: "<b>Article 2 — Use of terms</b>", plain: "Article 2 — Use of terms", heading: true }, textBlock(lines.join("\n"))];
    const messages = pack(blocks, 1_000);
    expect(messages.length).toBeGreaterThan(1);
    expect(messages[0].html.startsWith("<b>Article 2 — Use of terms</b>\n\n(0) “Term 0”")).toBe(true);
    for (const m of messages) expect(visibleLength(m.html)).toBeLessThanOrEqual(1_000);
    // Cut at line ends only, and nothing lost.
    const body = messages.map((m) => m.plain).join("\n").replace("Article 2 — Use of terms\n\n", "");
    expect(body).toBe(lines.join("\n"));
  });

  test("text without any break point is cut between characters, never inside an entity or an emoji", () => {
    const pieces = splitText("&🙂".repeat(2_000), 1_000);
    expect(pieces.length).toBeGreaterThan(1);
    for (const p of pieces) {
      expect(p.length).toBeLessThanOrEqual(1_000);
      expect(p.startsWith("&") || p.startsWith("🙂")).toBe(true);
      expect(/^[&\u{1F642}]+$/u.test(p)).toBe(true);
    }
    expect(pieces.join("")).toBe("&🙂".repeat(2_000));
  });
});

describe("renderAnswer", () => {
  const citation: Citation = {
    doc: "convention", part: "article", article: 41, paragraph: 1, item: null, quoteLanguage: "en", title: "Article 41 — 24/7 network", quote: "1. Each State Party…",
    url: "https://documents.un.org/x?a=1&b=2#page=29", label: "Art. 41(1)", chunkId: "convention:art-41:1:0",
  };
  const answer: Answer = { id: "a1", language: "en", grounded: true, summary: null, blocks: [{ kind: "text", text: "First." }, { kind: "text", text: "Second <one>." }], text: "First.\n\nSecond <one>.", citations: [citation, citation], indexVersion: "v", ms: 1 };

  test("the text, then one linked line per distinct citation", () => {
    const [message] = pack(renderAnswer(answer, "en"));
    expect(message.html).toBe(
      'First.\n\nSecond &lt;one&gt;.\n\n<b>📚 Sources</b>\n• <a href="https://documents.un.org/x?a=1&amp;b=2#page=29">Art. 41(1)</a> — 24/7 network',
    );
    expect(message.plain).toBe("First.\n\nSecond <one>.\n\nSources\n• Art. 41(1) — 24/7 network (https://documents.un.org/x?a=1&b=2#page=29)");
  });

  test("suggestions the core did not already write into the text are listed", () => {
    const refusal: Answer = { ...answer, grounded: false, citations: [], blocks: [{ kind: "text", text: "Not in the documents." }], text: "Not in the documents.", suggestions: ["What is article 2?"] };
    expect(pack(renderAnswer(refusal, "vi"))[0].plain).toBe("Not in the documents.\n\nBạn có thể hỏi, ví dụ:\n• What is article 2?");
    const written: Answer = { ...refusal, blocks: [...refusal.blocks, { kind: "text", text: "• What is article 2?" }], text: "Not in the documents.\n\n• What is article 2?" };
    expect(pack(renderAnswer(written, "en"))[0].plain).toBe(written.text);
  });
});
