/**
 * The answer as an asker reads it, on each surface through its real client: the unofficial gist
 * in the asker's language first, then the lead quote with its label, then at most two runners-up;
 * `/article N` opens with the article's gist in the user's language; a quote of the Indonesian
 * news report shown to an English or Vietnamese asker is the translation, marked, with the
 * original one tap away (Telegram: an expandable blockquote; Discord: a field; terminal: beneath).
 */
import { PassThrough } from "node:stream";
import { stripVTControlCharacters } from "node:util";
import type { Message } from "grammy/types";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { say } from "../../src/chat/catalog.js";
import type { Answer } from "../../src/core/bot.js";
import { startTerminal } from "../../src/terminal/index.js";
import { embedText, startDiscordApp, type Running as DiscordRunning } from "../discord/helpers.js";
import { startTelegramApp, type Running } from "../telegram/helpers.js";

const QUESTION = "What is the 24/7 network?";
const NEWS_QUESTION = "Where was the signing ceremony held?";
const NEWS_VI = "Lễ ký Công ước được tổ chức ở đâu?";

let telegram: Running;
let discord: DiscordRunning;
beforeAll(async () => {
  [telegram, discord] = await Promise.all([startTelegramApp(), startDiscordApp()]);
});
afterAll(async () => {
  await Promise.all([telegram?.stop(), discord?.stop()]);
});

function replies(message: Message) {
  return telegram.api.waitFor(() => telegram.api.repliesTo(message).length > 0 && telegram.api.repliesTo(message), 20_000, `a reply to "${message.text}"`);
}

/** Where each piece of the answer first appears in `text` (-1 when absent). */
function positions(text: string, answer: Answer): { summary: number; lead: number; runners: number[] } {
  const quoted = (i: number) => text.indexOf((answer.citations[i].translation?.text ?? answer.citations[i].quote).slice(0, 40));
  return { summary: text.indexOf(answer.summary!.slice(0, 40)), lead: quoted(0), runners: answer.citations.slice(1).map((_, i) => quoted(i + 1)) };
}

describe("Telegram", () => {
  test("the gist first, labelled unofficial, then the lead quote and its label, then the runners-up", async () => {
    const { api, core } = telegram;
    const user = api.user(5101);
    const [reply] = await replies(api.send(user, api.privateChat(user), QUESTION));
    const answer = await core.answer(QUESTION);
    expect(answer.summary).toBeTruthy();
    expect(answer.citations.length).toBeLessThanOrEqual(3);
    const at = positions(reply.text, answer);
    expect(reply.text.indexOf(say("en", "answer-summary"))).toBeLessThan(at.summary);
    expect(at.summary).toBeGreaterThanOrEqual(0);
    expect(at.lead).toBeGreaterThan(at.summary);
    expect(reply.text.indexOf(answer.citations[0].label, at.lead)).toBeGreaterThan(at.lead);
    for (const r of at.runners) expect(r).toBeGreaterThan(at.lead);
  });

  test("/article opens with the article's gist in the user's language (language_code)", async () => {
    const { api, core } = telegram;
    for (const [code, lang] of [["id", "id"], ["vi", "vi"], ["en", "en"]] as const) {
      const user = api.user(5110 + code.length, { language_code: code });
      const [reply] = await replies(api.send(user, api.privateChat(user), "/article 41"));
      const gist = core.article(41)!.gist[lang]!;
      expect(gist).toBeTruthy();
      const [heading, second] = reply.text.split("\n").filter((l) => l.trim() && !/^Chapter|^Bab|^Chương/.test(l));
      expect(heading).toMatch(/41/);
      expect(second).toBe(`${say(lang, "answer-summary")}: ${gist}`);
    }
  });

  test("a news quote for an English asker is the translation, marked, with the original in an expandable blockquote", async () => {
    const { api, core } = telegram;
    const user = api.user(5120);
    const [reply] = await replies(api.send(user, api.privateChat(user), NEWS_QUESTION));
    const answer = await core.answer(NEWS_QUESTION);
    const lead = answer.citations[0];
    expect(lead.part).toBe("news");
    expect(lead.translation?.language).toBe("en");
    expect(reply.text).toContain(lead.translation!.text.slice(0, 60));
    expect(reply.text).toContain(say("en", "answer-translated"));
    expect(reply.raw).toMatch(new RegExp(`<blockquote expandable>[^<]*${lead.quote.slice(0, 30).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`));
  });
});

describe("Discord", () => {
  test("/ask: the gist opens the embed, then the lead quote; the runners-up after it", async () => {
    const { fake, app } = discord;
    const i = fake.command("ask", { question: QUESTION });
    const last = await fake.waitFor((c) => c.path.includes(i.token) && (c.body?.components?.length ?? 0) > 0);
    const text = embedText(last.body);
    const answer = await app.bot.answer(QUESTION);
    const at = positions(text, answer);
    expect(at.summary).toBeGreaterThanOrEqual(0);
    expect(at.lead).toBeGreaterThan(at.summary);
    for (const r of at.runners) expect(r).toBeGreaterThan(at.lead);
  });

  test("/article opens with the gist in the user's locale", async () => {
    const { fake, app } = discord;
    const i = fake.command("article", { number: 41 }, { locale: "vi" });
    const reply = await fake.waitFor((c) => c.path.includes(i.token) || (c.path.includes(`/interactions/${i.id}/`) && c.body?.data?.embeds));
    const body = reply.body?.data ?? reply.body;
    const description: string = body.embeds[0].description;
    expect(description.startsWith(`*${say("vi", "answer-summary")}:* `)).toBe(true);
    expect(description).toContain(app.bot.article(41)!.gist.vi!.slice(0, 40));
  });

  test("a news quote for a Vietnamese asker: the translation in the answer, the Indonesian original in a field", async () => {
    const { fake, app } = discord;
    const i = fake.command("ask", { question: NEWS_VI }, { locale: "vi" });
    const last = await fake.waitFor((c) => c.path.includes(i.token) && (c.body?.components?.length ?? 0) > 0);
    const answer = await app.bot.answer(NEWS_VI);
    const lead = answer.citations[0];
    expect(lead.translation?.language).toBe("vi");
    const embed = last.body.embeds[0];
    expect(embed.description).toContain(lead.translation!.text.slice(0, 40));
    const fields: { name: string; value: string }[] = embed.fields ?? [];
    expect(fields.some((f) => f.value.includes(lead.quote.slice(0, 40)))).toBe(true);
  });
});

describe("terminal", () => {
  async function chat(lines: string[], locale: string): Promise<string> {
    const input = Object.assign(new PassThrough(), { isTTY: true });
    const output = Object.assign(new PassThrough(), { isTTY: true, columns: 400 });
    let text = "";
    output.setEncoding("utf8").on("data", (s: string) => (text += s));
    const service = await startTerminal(telegram.core, telegram.config, { input, output, locale });
    input.end(lines.map((l) => l + "\n").join(""));
    await service.done;
    return stripVTControlCharacters(text);
  }

  test("an answer opens with the gist; a news quote shows the translation and the original beneath", async () => {
    const screen = await chat([QUESTION, "/new", NEWS_QUESTION, "/quit"], "en_US.UTF-8");
    const answer = await telegram.core.answer(QUESTION);
    const at = positions(screen, answer);
    expect(at.summary).toBeGreaterThanOrEqual(0);
    expect(at.lead).toBeGreaterThan(at.summary);
    const news = (await telegram.core.answer(NEWS_QUESTION)).citations[0];
    const translated = screen.indexOf(news.translation!.text.slice(0, 40));
    expect(translated).toBeGreaterThan(0);
    expect(screen.indexOf(news.quote.slice(0, 40), translated)).toBeGreaterThan(translated);
  });

  test("/article opens with the gist in the user's language", async () => {
    const screen = await chat(["/article 41", "/quit"], "id_ID.UTF-8");
    const gist = telegram.core.article(41)!.gist.id!;
    expect(screen).toContain(`${say("id", "answer-summary")}: ${gist}`);
    expect(screen.indexOf(gist)).toBeLessThan(screen.indexOf("1. Each State Party shall designate"));
  });
});
