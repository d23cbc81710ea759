/**
 * Slash commands end to end: the real discord.js client, started as `npm start` starts it, against the
 * fake Discord, answering from the real test index. The fake rejects anything over Discord's limits, so
 * "no violations" after each test means every payload was valid.
 */
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from "vitest";
import type { Answer } from "../../src/core/bot.js";
import { EPHEMERAL, callbackOf, editedResponse, embedText, expectNoPings, startDiscordApp, type Running } from "./helpers.js";

let r: Running;
beforeAll(async () => {
  r = await startDiscordApp();
});
afterAll(async () => {
  await r?.stop();
});
afterEach(() => {
  expect(r.fake.violations).toEqual([]);
  expectNoPings(r.fake);
  vi.restoreAllMocks();
});

/** The answers the real facade returned during a test, in order. */
function spyAnswers(): Answer[] {
  const answers: Answer[] = [];
  const original = r.app.bot.answer.bind(r.app.bot);
  vi.spyOn(r.app.bot, "answer").mockImplementation(async (q, o) => {
    const a = await original(q, o);
    answers.push(a);
    return a;
  });
  return answers;
}

describe("/ask", () => {
  test("is deferred at once, then answered with cited articles linked to the official text", async () => {
    const i = r.fake.command("ask", { question: "What does Article 41 require of each State Party?" });
    const message = await editedResponse(r.fake, i);
    const calls = r.fake.responsesTo(i);
    expect(calls[0].body).toEqual({ type: 5, data: { flags: 0 } }); // deferred, visible to the channel
    expect(calls[1].method).toBe("PATCH");
    const [embed] = message.embeds;
    expect(embed.author.name).toBe("Question: What does Article 41 require of each State Party?");
    expect(embed.description).toContain("24/7");
    const cited = embed.fields.filter((f: any) => f.name.startsWith("Art. 41"));
    expect(cited.length).toBeGreaterThan(0);
    for (const f of cited) expect(f.value).toMatch(/\[Official text\]\(https:\/\/documents\.un\.org\/[^)\s]+#page=\d+\)$/);
    expect(embed.footer.text).toBe(`Index ${r.app.bot.indexVersion}`);
    // Links only inside the embed (never unfurled); nothing in the content to preview.
    expect(message.content).toBe("");
    // 👍/👎 under the answer, carrying the answer's id.
    const buttons = message.components[0].components;
    expect(buttons.map((b: any) => b.emoji.name)).toEqual(["👍", "👎"]);
    expect(buttons[0].custom_id).toMatch(/^fb:up:[0-9a-f-]{36}$/);
    expect(message.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });

  test("private:true keeps the whole exchange ephemeral", async () => {
    const i = r.fake.command("ask", { question: "What is the 24/7 network?", private: true });
    await editedResponse(r.fake, i);
    expect((await callbackOf(r.fake, i)).data.flags).toBe(EPHEMERAL);
  });

  test("the user's locale is the language hint for a very short question", async () => {
    const answers = spyAnswers();
    const i = r.fake.command("ask", { question: "Art. 41?" }, { locale: "id" });
    const message = await editedResponse(r.fake, i);
    expect(r.app.bot.answer).toHaveBeenCalledWith("Art. 41?", expect.objectContaining({ localeHint: "id" }));
    expect(answers[0].language).toBe("id");
    expect(message.embeds.at(-1).footer.text).toBe(`Indeks ${r.app.bot.indexVersion}`);
  });

  test("an answer over one message's limits is split over valid messages, buttons under the last", async () => {
    // The extractive core keeps its answers short; one phrased by a model (LLM_MODEL) need not be. Lengthen
    // the real answer with the real text of the longest article to exercise the split.
    const longest = r.app.bot.articleTitles().map((a) => r.app.bot.article(a.article)!).sort((a, b) => b.paragraphs.join("").length - a.paragraphs.join("").length)[0];
    const original = r.app.bot.answer.bind(r.app.bot);
    const answers: Answer[] = [];
    vi.spyOn(r.app.bot, "answer").mockImplementation(async (q, o) => {
      const text = longest.paragraphs.join("\n\n");
      const a: Answer = { ...(await original(q, o)), text, summary: null, blocks: [{ kind: "text", text }] };
      answers.push(a);
      return a;
    });
    const i = r.fake.command("ask", { question: `What does Article ${longest.article} say?` });
    const last = await r.fake.waitFor((c) => c.path.includes(i.token) && (c.body?.components?.length ?? 0) > 0);
    const [answer] = answers;
    expect(answer.text.length).toBeGreaterThan(12_000);
    const bodies = r.fake.responsesTo(i).filter((c) => !c.path.endsWith("/callback")).map((c) => c.body);
    expect(bodies.length).toBeGreaterThan(2);
    expect(bodies.at(-1)).toBe(last.body);
    expect(bodies.slice(0, -1).every((b) => !b.components?.length)).toBe(true);
    // In order, the texts are the answer from its beginning: nothing lost or reordered before the cut,
    // which ends with a link to the full text.
    const shown = bodies.flatMap((b) => b.embeds.map((e: any) => e.description ?? "")).join(" ");
    const [kept, tail] = shown.split("\n…");
    const squash = (s: string) => s.replace(/\\/g, "").replace(/\s+/g, " ").trim();
    expect(squash(answer.text).startsWith(squash(kept))).toBe(true);
    expect(squash(kept).length).toBeGreaterThan(10_000);
    expect(tail).toMatch(/\[Read the full text\]\(https:\/\/documents\.un\.org\/.+\)/);
  });

  test("@everyone, @here and role or user mentions in a question ping nobody", async () => {
    const question = "@everyone @here <@&123456789012345678> <@987654321098765432> what is in article 2?";
    const i = r.fake.command("ask", { question });
    const message = await editedResponse(r.fake, i);
    expect(embedText(message)).toContain("@everyone");
    for (const body of r.fake.responsesTo(i).map((c) => c.body.data ?? c.body)) {
      if ("content" in body || "embeds" in body) expect(body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    }
  });
});

describe("/article", () => {
  test("/article 41: heading, chapter, the paragraphs, a link", async () => {
    const i = r.fake.command("article", { number: 41 });
    const { type, data } = await callbackOf(r.fake, i);
    expect(type).toBe(4);
    const [embed] = data.embeds;
    expect(embed.title).toBe("Article 41 — 24/7 network");
    expect(embed.url).toMatch(/^https:\/\/documents\.un\.org\/.+#page=\d+$/);
    expect(embed.author.name).toBe("Chapter V — International cooperation");
    const view = r.app.bot.article(41)!;
    expect(embed.description).toContain(view.paragraphs[0].slice(0, 80));
    expect(embed.description).toContain(view.paragraphs.at(-1)!.slice(0, 40));
    expect(embed.footer.text).toBe(`Index ${r.app.bot.indexVersion}`);
  });

  test("the longest article shows the whole paragraphs that fit and links to the rest", async () => {
    const longest = r.app.bot.articleTitles().map((a) => r.app.bot.article(a.article)!).sort((a, b) => b.paragraphs.join("").length - a.paragraphs.join("").length)[0];
    const i = r.fake.command("article", { number: longest.article });
    const [embed] = (await callbackOf(r.fake, i)).data.embeds;
    expect(embed.description.length).toBeLessThanOrEqual(4096);
    expect(embed.description).toMatch(/\[Read the full text\]\(https:\/\/documents\.un\.org\/.+\)$/);
    expect(embed.footer.text).toMatch(new RegExp(`\\d+ of ${longest.paragraphs.length} paragraphs shown$`));
  });

  test("autocomplete offers article titles by number or by words", async () => {
    const byNumber = r.fake.autocomplete("article", "number", "4");
    const choices = (await callbackOf(r.fake, byNumber)).data.choices;
    expect(choices.length).toBeLessThanOrEqual(25);
    expect(choices).toContainEqual({ name: "Article 41 — 24/7 network", value: 41 });
    expect(choices.every((c: any) => String(c.value).startsWith("4"))).toBe(true);
    const byWords = r.fake.autocomplete("article", "number", "24/7");
    expect((await callbackOf(r.fake, byWords)).data.choices).toEqual([{ name: "Article 41 — 24/7 network", value: 41 }]);
  });

  test("an article that does not exist gets a short ephemeral answer", async () => {
    const i = r.fake.command("article", { number: 99 }, { locale: "vi" });
    const { data } = await callbackOf(r.fake, i);
    expect(data.flags).toBe(EPHEMERAL);
    expect(data.content).toBe("Công ước không có điều 99: chỉ có điều 1 đến 68.");
  });
});

describe("/sources and /help", () => {
  test("/sources lists the documents with links, and the index version", async () => {
    const i = r.fake.command("sources");
    const [embed] = (await callbackOf(r.fake, i)).data.embeds;
    for (const doc of r.app.bot.sources().documents) {
      expect(embed.description).toContain(doc.title.slice(0, 30));
      expect(embed.description).toContain(`(${doc.url.replace(/[()]/g, "")}`);
    }
    expect(embed.footer.text).toContain(r.app.bot.indexVersion);
  });

  test("/help speaks the user's language", async () => {
    const i = r.fake.command("help", {}, { locale: "vi" });
    const { data } = await callbackOf(r.fake, i);
    expect(data.flags).toBe(EPHEMERAL);
    expect(data.embeds[0].title).toBe("Công ước LHQ về chống tội phạm mạng — Hỏi đáp");
  });
});
