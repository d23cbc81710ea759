/**
 * One failing question never takes a surface down: on Telegram and Discord the asker gets the short
 * localized failure sentence (no file names, no internals) and the next question is answered; the
 * terminal chat (`npm start` with piped questions, in a child process) prints the sentence and goes on
 * to answer the rest, exiting normally. The failure is injected into the real retriever.
 */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it, vi } from "vitest";
import { Retriever } from "../../src/core/retrieve/hybrid.js";
import { log } from "../../src/log.js";
import { startDiscordApp } from "../discord/helpers.js";
import { testEnv } from "../helpers/env.js";
import { startTelegramApp } from "../telegram/helpers.js";

const REPO = fileURLToPath(new URL("../..", import.meta.url));
const FAILING = "What is illegal access?";
const GOOD = "What does Article 41 say?";
const SORRY = "Sorry, something went wrong while answering. Please try again in a moment.";

afterEach(() => vi.restoreAllMocks());

function failOnQuestion(question: string) {
  const retrieve = Retriever.prototype.retrieve;
  vi.spyOn(Retriever.prototype, "retrieve").mockImplementation(function (this: Retriever, q, opts) {
    if (q === question) throw new Error("Cannot read properties of undefined (reading 'metadata') at /srv/secret/index/docstore.json");
    return retrieve.call(this, q, opts);
  });
  vi.spyOn(log, "error").mockImplementation(() => undefined);
}

describe("a failing question", () => {
  it("on Telegram: the asker gets the short sentence, the next question is answered", async () => {
    failOnQuestion(FAILING);
    const bot = await startTelegramApp();
    try {
      const { api } = bot;
      const alice = api.user(5001);
      const chat = api.privateChat(alice);
      const failed = api.send(alice, chat, FAILING);
      const [sorry] = await api.waitFor(() => api.repliesTo(failed).length > 0 && api.repliesTo(failed), 20_000, "the failure reply");
      expect(sorry.text).toBe(SORRY);
      const next = api.send(alice, chat, GOOD);
      const [answer] = await api.waitFor(() => api.repliesTo(next).length > 0 && api.repliesTo(next), 20_000, "the next answer");
      expect(answer.text).toMatch(/Art\. 41/);
      expect(bot.telegram.ready()).toBe(true);
    } finally {
      await bot.stop();
    }
  });

  it("on Discord: the asker gets the short sentence, the next question is answered", async () => {
    failOnQuestion(FAILING);
    const r = await startDiscordApp();
    try {
      const replyTo = async (id: string) => {
        await r.fake.waitFor((c) => c.method === "POST" && c.body?.message_reference?.message_id === id);
        return r.fake.repliesTo(id)[0];
      };
      const failed = r.fake.post(FAILING, { mention: true });
      expect((await replyTo(failed.id)).content).toBe(SORRY);
      const next = r.fake.post(GOOD, { mention: true });
      expect(JSON.stringify((await replyTo(next.id)).embeds)).toMatch(/Art\. 41/);
      expect(r.app.services.find((s) => s.name === "discord")?.ready()).toBe(true);
    } finally {
      await r.stop();
    }
  });

  it("in the terminal chat (npm start, piped, a child process): the sentence, then the remaining questions answered, exit 0", async () => {
    const env = { ...testEnv(), FAIL_QUESTION: FAILING, LOG_LEVEL: "error" };
    const child = spawn(process.execPath, ["--import", "tsx", "--import", "./tests/integrity/children/fail-question.ts", "scripts/start.ts"], { cwd: REPO, env, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (s: string) => (stdout += s));
    child.stderr.setEncoding("utf8").on("data", (s: string) => (stderr += s));
    child.stdin.end(`${GOOD}\n${FAILING}\n${GOOD}\n`);
    const code = await new Promise<number | null>((resolve) => child.once("close", resolve));
    expect(code, stderr).toBe(0);
    // Piped input echoes each question ("> …") before its answer.
    const blocks = stdout.split(/^> .*$/m).slice(1).map((b) => b.trim());
    expect(blocks).toHaveLength(3);
    expect(blocks[0]).toMatch(/^Article 41 — 24\/7 network/m);
    expect(blocks[1]).toBe(SORRY);
    expect(blocks[2]).toBe(blocks[0]);
    expect(stdout).not.toContain("/srv/secret");
    // The operator's log has the cause and the version.
    const line = JSON.parse(stderr.split("\n").find((l) => l.includes("answering failed on index version"))!);
    expect(line).toMatchObject({ level: 50, err: expect.stringContaining("docstore.json"), version: expect.stringMatching(/^[0-9a-f]{16}$/) });
  });
});
