/**
 * Commands and inline mode, as users see them: help in their language, the command menus,
 * /article (split on paragraph boundaries), /sources, /forget, the admin gate on /reindex and
 * /stats, and `@bot <words>` in any chat.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Message } from "grammy/types";
import { ADMIN_ID, startTelegramApp, type Running } from "./helpers.js";

let bot: Running;
beforeAll(async () => {
  bot = await startTelegramApp({ env: { STORE_QUESTIONS: "true" } });
});
afterAll(() => bot?.stop());

function replies(message: Message) {
  return bot.api.waitFor(() => bot.api.repliesTo(message).length > 0 && bot.api.repliesTo(message), 20_000, `a reply to "${message.text}"`);
}

/** Send a command in a private chat and wait for the bot's reply messages. */
async function command(userId: number, text: string, lang = "en") {
  const user = bot.api.user(userId, { language_code: lang });
  return replies(bot.api.send(user, bot.api.privateChat(user), text));
}

describe("help and menus", () => {
  test("/start and /help explain the bot in the user's language", async () => {
    const [en] = await command(2001, "/start");
    expect(en.text).toContain("United Nations Convention against Cybercrime");
    expect(en.text).toContain(`@${bot.api.bot.username}`);
    expect(en.text).toContain("/article 41");
    const [id] = await command(2002, "/help", "id");
    expect(id.text).toContain("Konvensi Perserikatan Bangsa-Bangsa");
    expect(id.text).toContain("Contoh");
    const [vi] = await command(2003, "/help", "vi-VN");
    expect(vi.text).toContain("Công ước");
    expect(vi.parseMode).toBe("HTML");
  });

  test("the command menu is registered per language; admin commands only in admins' chats", () => {
    const calls = bot.api.callsOf("setMyCommands");
    const names = (c: (typeof calls)[number]) => (c.params.commands as { command: string }[]).map((x) => x.command);
    const everyone = calls.filter((c) => !c.params.scope);
    expect(everyone.map((c) => c.params.language_code ?? "default").sort()).toEqual(["default", "id", "vi"]);
    for (const c of everyone) {
      expect(names(c)).toEqual(expect.arrayContaining(["help", "ask", "article", "sources", "new", "forget"]));
      expect(names(c)).not.toContain("reindex");
    }
    expect(everyone.find((c) => c.params.language_code === "id")!.params.commands[0].description).toMatch(/cara bertanya/i);
    const admin = calls.filter((c) => c.params.scope?.chat_id === ADMIN_ID);
    expect(admin).toHaveLength(3);
    for (const c of admin) expect(names(c)).toEqual(expect.arrayContaining(["reindex", "stats"]));
  });
});

describe("/article", () => {
  test("shows the title, chapter, every paragraph and the official link", async () => {
    const view = bot.core.article(41)!;
    const [reply, ...more] = await command(2010, "/article 41");
    expect(more).toHaveLength(0);
    expect(reply.text.startsWith("Article 41 — 24/7 network\nChapter V — International cooperation")).toBe(true);
    for (const p of view.paragraphs) expect(reply.text).toContain(p);
    expect(reply.raw).toContain(`<a href="${view.url.replace(/&/g, "&amp;")}">Official text</a>`);
  });

  test("a long article is split under 4096 characters, between paragraphs", async () => {
    const view = bot.core.article(40)!;
    const { api } = bot;
    const user = api.user(2011);
    const asked = api.send(user, api.privateChat(user), "/article 40");
    // The official link closes the article: once it is there, every part has been sent.
    const messages = await api.waitFor(() => api.repliesTo(asked).some((m) => m.text.endsWith("Official text")) && api.repliesTo(asked));
    const total = view.paragraphs.join("\n\n").length;
    expect(total).toBeGreaterThan(4096);
    expect(messages.length).toBeGreaterThanOrEqual(Math.ceil(total / 4096));
    for (const m of messages) expect(m.text.length).toBeLessThanOrEqual(4096);
    // Every paragraph is in one piece in exactly one message, in order.
    const where = view.paragraphs.map((p) => messages.findIndex((m) => m.text.includes(p)));
    expect(where.every((i) => i >= 0)).toBe(true);
    expect([...where].sort((a, b) => a - b)).toEqual(where);
    expect(messages.map((m) => m.messageId)).toEqual([...messages.map((m) => m.messageId)].sort((a, b) => a - b));
  });

  test("the heading is not sent alone when the first paragraph is long: its text starts right under it", async () => {
    const view = bot.core.article(2)!;
    const { api } = bot;
    const user = api.user(2014);
    const asked = api.send(user, api.privateChat(user), "/article 2");
    const messages = await api.waitFor(() => api.repliesTo(asked).some((m) => m.text.endsWith("Official text")) && api.repliesTo(asked));
    expect(messages.length).toBeGreaterThan(1);
    // The heading, the chapter, the article's gist (unofficial, in the reader's language), then the text.
    expect(messages[0].text.startsWith(`Article 2 — Use of terms\nChapter I — General provisions\n\nIn short (unofficial summary): ${view.gist.en}\n\n${view.paragraphs[0].split("\n")[0]}`)).toBe(true);
    const all = messages.map((m) => m.text).join("\n");
    for (const line of view.paragraphs.flatMap((p) => p.split("\n"))) expect(all).toContain(line);
  });

  test("an article that does not exist, or no number, gets a short explanation", async () => {
    const [missing] = await command(2012, "/article 99");
    expect(missing.text).toMatch(/no article 99.*1 to 68/);
    const [usage] = await command(2013, "/article", "id");
    expect(usage.text).toContain("/article 41");
    expect(usage.text).toMatch(/Kirim/);
  });
});

test("/sources lists the documents and the index version", async () => {
  const view = bot.core.sources();
  const [reply] = await command(2020, "/sources");
  for (const d of view.documents) expect(reply.text).toContain(d.title);
  expect(reply.text).toContain(`Index version ${view.indexVersion}, built ${view.createdAt.slice(0, 10)} ${view.createdAt.slice(11, 16)} UTC.`);
});

describe("/forget", () => {
  test("deletes the user's stored answers and says so; the conversation is forgotten too", async () => {
    const { api } = bot;
    const lena = api.user(2030);
    const chat = api.privateChat(lena);
    await replies(api.send(lena, chat, "What does article 41 say?"));
    await replies(api.send(lena, chat, "Where was the signing ceremony held?"));
    const [reply] = await replies(api.send(lena, chat, "/forget"));
    expect(reply.text).toMatch(/Deleted 2 stored answers and 0 feedback votes/);
    const [again] = await replies(api.send(lena, chat, "/forget"));
    expect(again.text).toMatch(/Deleted 0 stored answers/);
  });
});

describe("admin commands", () => {
  test("a non-admin's /reindex and /stats are refused politely; nothing is rebuilt", async () => {
    const rebuilt: unknown[] = [];
    bot.core.on("reindexed", (s) => rebuilt.push(s));
    const [reindex] = await command(2040, "/reindex force");
    expect(reindex.text).toMatch(/only the bot's administrators/i);
    const [stats] = await command(2040, "/stats");
    expect(stats.text).toMatch(/only the bot's administrators/i);
    const [id] = await command(2041, "/reindex", "id");
    expect(id.text).toMatch(/hanya administrator/i);
    expect(rebuilt).toHaveLength(0);
  });

  test("an admin's /stats shows the week's numbers, with the questions when they are stored", async () => {
    const { api } = bot;
    const user = api.user(2042);
    await replies(api.send(user, api.privateChat(user), "What is the airspeed of an unladen <swallow>?"));
    const summary = bot.core.stats(7)!;
    const [reply] = await command(ADMIN_ID, "/stats");
    expect(reply.text).toContain("Usage, last 7 days");
    expect(reply.text).toContain(`Questions: ${summary.totalQuestions} (not answered from the documents: ${summary.refused})`);
    expect(reply.text).toContain("telegram");
    expect(reply.text).toContain("What is the airspeed of an unladen <swallow>?");
  });
});

describe("inline mode", () => {
  test("`@bot <words>` offers matching articles with title, first lines and link", async () => {
    const { api } = bot;
    const query = api.inline(api.user(2050), "24/7 network point of contact");
    const call = await api.waitFor(() => api.callsOf("answerInlineQuery").find((c) => c.params.inline_query_id === query.id));
    expect(call.ok).toBe(true);
    const results = call.params.results as any[];
    expect(results.length).toBeGreaterThan(0);
    const top = results[0];
    expect(top.type).toBe("article");
    expect(top.title).toMatch(/^Article 41 — 24\/7 network/);
    expect(top.description.length).toBeGreaterThan(20);
    expect(top.url).toMatch(/^https:\/\/documents\.un\.org\//);
    expect(top.input_message_content.parse_mode).toBe("HTML");
    expect(top.input_message_content.message_text).toContain("<b>Article 41 — 24/7 network</b>");
    expect(top.input_message_content.message_text).toContain('">Official text</a>');
    const hits = await bot.core.search("24/7 network point of contact", 30);
    expect(top.description).toBe(hits[0].text.replace(/\s+/g, " ").slice(0, 200));
  });

  test("an empty inline query offers a pointer instead of results", async () => {
    const { api } = bot;
    const query = api.inline(api.user(2051), "   ");
    const call = await api.waitFor(() => api.callsOf("answerInlineQuery").find((c) => c.params.inline_query_id === query.id));
    expect(call.params.results).toEqual([]);
    expect(call.params.button.start_parameter).toBe("inline");
  });
});
