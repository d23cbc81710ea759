/**
 * Admin commands and feedback, end to end against the real facade and the real SQLite store:
 * `/reindex` (refused, dry, forced while `/ask` keeps answering), `/stats`, 👍/👎 with the reason form,
 * and `/forget`.
 */
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from "vitest";
import { PERM_MANAGE_GUILD, type FakeUser } from "../fakes/discord.js";
import { EPHEMERAL, callbackOf, editedResponse, expectNoPings, startDiscordApp, type Running } from "./helpers.js";

const ADMIN_ID = "111111111111111111";
const MANAGER = PERM_MANAGE_GUILD | (1n << 10n) | (1n << 11n);

let r: Running;
beforeAll(async () => {
  r = await startDiscordApp({ ownIndex: true, env: { DISCORD_ADMIN_IDS: `222222222222222222, ${ADMIN_ID}` } });
});
afterAll(async () => {
  await r?.stop();
});
afterEach(() => {
  expect(r.fake.violations).toEqual([]);
  expectNoPings(r.fake);
  vi.restoreAllMocks();
});

function feedbackRows(answerId: string): { vote: string; reason: string | null }[] {
  const db = new Database(path.join(r.config.dataDir, "ops.sqlite"), { readonly: true });
  try {
    return db.prepare("SELECT vote, reason FROM feedback WHERE answer_id = ?").all(answerId) as { vote: string; reason: string | null }[];
  } finally {
    db.close();
  }
}

/** Ask with /ask as `user` and return the answer message and its answer id (from the 👍 button). */
async function askAs(user: FakeUser, question: string): Promise<{ message: any; answerId: string }> {
  const i = r.fake.command("ask", { question }, { user });
  const message = await editedResponse(r.fake, i);
  return { message, answerId: message.components[0].components[0].custom_id.replace(/^fb:up:/, "") };
}

describe("/reindex", () => {
  test("a member without Manage Server (and not listed) is refused, and nothing is rebuilt", async () => {
    const reindex = vi.spyOn(r.app.bot, "reindex");
    const i = r.fake.command("reindex", { mode: "force" }, { user: r.fake.user("mallory") });
    const { type, data } = await callbackOf(r.fake, i);
    expect(type).toBe(4);
    expect(data.flags).toBe(EPHEMERAL);
    expect(data.content).toBe("Sorry, this command is only for server managers and the bot's admins.");
    expect(reindex).not.toHaveBeenCalled();
  });

  test("a user listed in DISCORD_ADMIN_IDS may run it without the permission, here a dry run", async () => {
    const before = r.app.bot.indexVersion;
    const i = r.fake.command("reindex", { mode: "dry" }, { user: r.fake.user("listed-admin", ADMIN_ID) });
    const summary = await r.fake.waitFor((c) => c.method === "PATCH" && c.path.includes(i.token) && c.body?.embeds?.length > 0);
    expect(summary.body.embeds[0].title).toBe("Dry run: nothing written");
    expect(r.app.bot.indexVersion).toBe(before);
  });

  test("an admin's forced rebuild shows progress, then the summary, while /ask keeps answering", async () => {
    const before = r.app.bot.indexVersion;
    // Hold the rebuild at its start until an /ask has been answered, so "meanwhile" needs no timing.
    const original = r.app.bot.reindex.bind(r.app.bot);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    vi.spyOn(r.app.bot, "reindex").mockImplementation(async (o) => {
      await gate;
      return original(o);
    });
    const admin = r.fake.user("manager");
    const i = r.fake.command("reindex", { mode: "force" }, { user: admin, permissions: MANAGER });
    await r.fake.waitFor((c) => c.method === "PATCH" && c.path.includes(i.token) && c.body?.content === "Rebuilding the index…");
    expect((await callbackOf(r.fake, i)).data.flags).toBe(EPHEMERAL);

    const second = r.fake.command("reindex", {}, { user: admin, permissions: MANAGER });
    expect((await callbackOf(r.fake, second)).data.content).toMatch(/^A rebuild is already running/);

    const q = r.fake.command("ask", { question: "What does Article 41 require?" });
    const answer = await editedResponse(r.fake, q);
    expect(answer.embeds.at(-1).footer.text).toBe(`Index ${before}`);
    expect(r.fake.responsesTo(i).some((c) => c.body?.embeds?.length)).toBe(false);

    release();
    const summary = await r.fake.waitFor((c) => c.method === "PATCH" && c.path.includes(i.token) && c.body?.embeds?.length > 0);
    const embed = summary.body.embeds[0];
    expect(embed.title).toBe("New index built");
    const field = (name: string) => embed.fields.find((f: any) => f.name === name)?.value;
    expect(field("Version")).toBe(r.app.bot.indexVersion);
    expect(Number(field("Articles"))).toBe(68);
    // Progress edits came between the start and the summary, and the summary is the last edit.
    const edits = r.fake.responsesTo(i).filter((c) => c.method === "PATCH").map((c) => c.body.content ?? "");
    expect(edits.slice(1, -1).every((e) => /^Rebuilding the index… (read|parse|chunk|embed|build|save) \d+\/\d+$/.test(e))).toBe(true);
    expect(edits.length).toBeGreaterThanOrEqual(3);
    expect(r.fake.responsesTo(i).at(-1)).toBe(summary);

    // And answering goes on after the swap.
    const after = await editedResponse(r.fake, r.fake.command("ask", { question: "What is Article 2 about?" }));
    expect(after.embeds.at(-1).footer.text).toBe(`Index ${r.app.bot.indexVersion}`);
  });
});

describe("feedback", () => {
  test("👍 is recorded in the store, linked to the answer, and acknowledged to the presser alone", async () => {
    const dana = r.fake.user("dana");
    const { message, answerId } = await askAs(dana, "What does Article 41 require?");
    const press = r.fake.press(message.id, `fb:up:${answerId}`, { user: dana });
    const { type, data } = await callbackOf(r.fake, press);
    expect(type).toBe(4);
    expect(data.flags).toBe(EPHEMERAL);
    expect(data.content).toBe("Thanks for the feedback!");
    expect(feedbackRows(answerId)).toEqual([{ vote: "up", reason: null }]);
  });

  test("👎 is recorded at once and opens a form; its reason is added to the same vote", async () => {
    const erin = r.fake.user("erin");
    const { message, answerId } = await askAs(erin, "What is Article 2 about?");
    const press = r.fake.press(message.id, `fb:down:${answerId}`, { user: erin, locale: "id" });
    const modal = await callbackOf(r.fake, press);
    expect(modal.type).toBe(9);
    expect(modal.data.custom_id).toBe(`fbr:${answerId}`);
    expect(modal.data.title).toBe("Apa yang salah?");
    expect(feedbackRows(answerId)).toEqual([{ vote: "down", reason: null }]);

    const submit = r.fake.submitModal(`fbr:${answerId}`, { reason: "It cited the wrong article" }, { user: erin, locale: "id" });
    const { data } = await callbackOf(r.fake, submit);
    expect(data).toMatchObject({ content: "Terima kasih, sudah dicatat.", flags: EPHEMERAL });
    expect(feedbackRows(answerId)).toEqual([{ vote: "down", reason: "It cited the wrong article" }]);
    expect(r.app.bot.stats(7)!.gaps.some((g) => g.reason === "down" && g.note === "It cited the wrong article")).toBe(true);
  });
});

describe("/stats and /forget", () => {
  test("/stats shows the last 7 days to admins only", async () => {
    const refused = r.fake.command("stats", {}, { user: r.fake.user("frank") });
    expect((await callbackOf(r.fake, refused)).data.content).toBe("Sorry, this command is only for server managers and the bot's admins.");

    const i = r.fake.command("stats", {}, { user: r.fake.user("manager"), permissions: MANAGER });
    const { data } = await callbackOf(r.fake, i);
    expect(data.flags).toBe(EPHEMERAL);
    const stats = r.app.bot.stats(7)!;
    expect(stats.totalQuestions).toBeGreaterThan(0);
    expect(data.embeds[0].title).toBe("Usage, last 7 days");
    expect(data.embeds[0].fields[0]).toMatchObject({ name: "Questions", value: String(stats.totalQuestions) });
    expect(data.embeds[0].fields[2].value).toContain(`discord: ${stats.byPlatform.discord}`);
  });

  test("/forget deletes the user's answers and votes, and says how many", async () => {
    const gus = r.fake.user("gus");
    const { message, answerId } = await askAs(gus, "What does Article 41 require?");
    await callbackOf(r.fake, r.fake.press(message.id, `fb:up:${answerId}`, { user: gus }));
    expect(feedbackRows(answerId)).toHaveLength(1);
    const i = r.fake.command("forget", {}, { user: gus, where: "dm" });
    const { data } = await callbackOf(r.fake, i);
    expect(data).toMatchObject({ flags: EPHEMERAL, content: "Deleted 1 stored answer and 1 feedback vote linked to you. I have also forgotten our conversation." });
    expect(feedbackRows(answerId)).toEqual([]);
  });
});
