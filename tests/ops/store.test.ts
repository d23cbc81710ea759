import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MIGRATIONS, migrate, schemaVersion, type Migration } from "../../src/ops/migrations.js";
import { openStore, storeFiles, type Store } from "../../src/ops/store.js";
import { loadSalt, userHasher } from "../../src/ops/user-hash.js";
import { DAY_MS, alice, allBytes, answerRecord, bob, opsConfig, removeDir, tempDir } from "./helpers.js";

let dir: string;
let stores: Store[];
const open = (env: Record<string, string> = {}) => {
  const store = openStore(opsConfig(dir, env));
  stores.push(store);
  return store;
};
/** A second, plain connection to look at what the store really wrote. */
const inspect = <T>(read: (db: Database.Database) => T): T => {
  const db = new Database(storeFiles({ dataDir: dir }).db, { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
};
const count = (table: string) => inspect((db) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n);

beforeEach(() => {
  dir = tempDir();
  stores = [];
});
afterEach(() => {
  for (const s of stores) s.close();
  removeDir(dir);
});

describe("migrations", () => {
  it("are numbered 1, 2, 3, … in list order", () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(MIGRATIONS.length).toBeGreaterThan(1);
  });

  it("refuse to run a list that is out of order or has gaps", () => {
    const db = new Database(":memory:");
    const [first, second, third] = MIGRATIONS as Migration[];
    expect(() => migrate(db, [second, first])).toThrow(/expected 1/);
    expect(() => migrate(db, [first, third])).toThrow(/expected 2/);
    expect(schemaVersion(db)).toBe(0);
    db.close();
  });

  it("bring a new database to the latest version", () => {
    open();
    expect(inspect(schemaVersion)).toBe(MIGRATIONS.length);
  });

  it.each(MIGRATIONS.slice(0, -1).map((m) => m.version))(
    "upgrade a filled database created at version %i without losing rows",
    (startAt) => {
      const files = storeFiles({ dataDir: dir });
      const hash = userHasher(loadSalt(files.salt));
      const db = new Database(files.db);
      migrate(db, MIGRATIONS.slice(0, startAt));
      expect(schemaVersion(db)).toBe(startAt);
      const at = Date.now() - DAY_MS;
      const insert = db.prepare(
        `INSERT INTO answers (id, at, platform, chat_kind, user_hash, language, grounded, index_version, ms, question)
         VALUES (?, ?, ?, ?, ?, ?, ?, 'v-old', 100, ?)`,
      );
      insert.run("old-1", at, "telegram", "private", hash("telegram", alice.userId!), "id", 1, "Apa isi Pasal 41?");
      insert.run("old-2", at + 1000, "discord", "group", hash("discord", bob.userId!), "vi", 0, null);
      db.prepare(`INSERT INTO citations VALUES ('old-1', 0, 'convention', 41, 1, 'chunk-41-1'), ('old-1', 1, 'convention', 41, 2, 'chunk-41-2')`).run();
      if (startAt >= 2) db.prepare(`INSERT INTO feedback (answer_id, at, user_hash, vote, reason) VALUES ('old-2', ?, 'h', 'down', 'missing')`).run(at);
      const before = {
        answers: db.prepare(`SELECT * FROM answers ORDER BY id`).all(),
        citations: db.prepare(`SELECT * FROM citations ORDER BY answer_id, position`).all(),
      };
      db.close();

      const store = open();
      expect(inspect(schemaVersion)).toBe(MIGRATIONS.length);
      expect(inspect((d) => d.prepare(`SELECT * FROM answers ORDER BY id`).all())).toEqual(before.answers);
      expect(inspect((d) => d.prepare(`SELECT * FROM citations ORDER BY answer_id, position`).all())).toEqual(before.citations);
      // The upgraded file works with everything the later migrations added.
      expect(store.recordFeedback("old-1", alice, "up")).toBe(true);
      const stats = store.stats(7);
      expect(stats.totalQuestions).toBe(2);
      expect(stats.topArticles).toEqual([{ article: 41, count: 1 }]);
      expect(stats.gaps.map((g) => g.language).sort()).toEqual(["vi"]);
      if (startAt >= 2) expect(stats.gaps[0]).toMatchObject({ reason: "down", note: "missing" });
      expect(store.forget(alice)).toEqual({ answers: 1, feedback: 1 });
      expect(count("citations")).toBe(0);
    },
  );

  it("leave a database from a newer program alone, and the store keeps answering callers", () => {
    const db = new Database(storeFiles({ dataDir: dir }).db);
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    db.close();
    const store = open();
    expect(() => store.recordAnswer(answerRecord())).not.toThrow();
    expect(inspect(schemaVersion)).toBe(MIGRATIONS.length + 1);
    expect(inspect((d) => d.prepare(`SELECT name FROM sqlite_master`).all())).toEqual([]);
  });
});

describe("recording answers", () => {
  it("keeps the facts of an answer and its citations, without the question by default", () => {
    const store = open();
    const rec = answerRecord({
      asker: bob,
      language: "vi",
      ms: 812.6,
      citations: [
        { doc: "convention", article: 41, paragraph: 1, chunkId: "c-41-1" },
        { doc: "news-hanoi-signing-2025-10-25", article: null, paragraph: null, chunkId: "n-3" },
      ],
    });
    store.recordAnswer(rec);
    store.recordAnswer(rec); // a repeat is ignored, not doubled
    const row = inspect((d) => d.prepare(`SELECT * FROM answers`).get()) as Record<string, unknown>;
    expect(row).toMatchObject({
      id: rec.answerId, at: rec.at.getTime(), platform: "discord", chat_kind: "group", language: "vi",
      grounded: 1, index_version: "v-test", ms: 813, question: null,
    });
    expect(row.user_hash).toEqual(expect.any(String));
    expect(inspect((d) => d.prepare(`SELECT position, doc, article, paragraph, chunk_id FROM citations ORDER BY position`).all())).toEqual([
      { position: 0, doc: "convention", article: 41, paragraph: 1, chunk_id: "c-41-1" },
      { position: 1, doc: "news-hanoi-signing-2025-10-25", article: null, paragraph: null, chunk_id: "n-3" },
    ]);
  });

  it("keeps the question text only when STORE_QUESTIONS=true", () => {
    open({ STORE_QUESTIONS: "true" }).recordAnswer(answerRecord({ answerId: "kept", question: "Apa isi Pasal 41?" }));
    expect(inspect((d) => d.prepare(`SELECT question FROM answers`).pluck().get())).toBe("Apa isi Pasal 41?");
  });
});

describe("privacy", () => {
  const rawIds = [alice.userId!, bob.userId!];
  const question = "Zebra-marker question about Article 23";

  const fill = (store: Store) => {
    const a = answerRecord({ asker: alice, question });
    const b = answerRecord({ asker: bob, question, grounded: false, citations: [] });
    store.recordAnswer(a);
    store.recordAnswer(b);
    store.recordFeedback(a.answerId, alice, "down", "not what I asked");
    store.recordFeedback(b.answerId, bob, "up");
  };
  /** The raw id as text, and as the 8-byte big-endian integer SQLite would write for a number. */
  const encodings = (id: string) => {
    const big = Buffer.alloc(8);
    big.writeBigInt64BE(BigInt(id));
    return [Buffer.from(id), big];
  };

  it("writes no raw user id and no question text anywhere in the files, open or closed", () => {
    const store = open();
    fill(store);
    for (const bytes of [allBytes(dir), (store.close(), allBytes(dir))]) {
      for (const id of rawIds) for (const e of encodings(id)) expect(bytes.includes(e)).toBe(false);
      expect(bytes.includes(Buffer.from(question))).toBe(false);
    }
    expect(count("answers")).toBe(2);
  });

  it("the same scan finds the question when storing it is switched on (the scan works)", () => {
    const store = open({ STORE_QUESTIONS: "true" });
    fill(store);
    store.close();
    expect(allBytes(dir).includes(Buffer.from(question))).toBe(true);
    for (const id of rawIds) expect(allBytes(dir).includes(Buffer.from(id))).toBe(false);
  });

  it("hashes ids with a salt created once, private, and kept across restarts", () => {
    const first = open();
    first.recordAnswer(answerRecord({ asker: alice }));
    first.close();
    const saltFile = storeFiles({ dataDir: dir }).salt;
    const salt = fs.readFileSync(saltFile);
    expect(fs.statSync(saltFile).mode & 0o077).toBe(0);
    const second = open();
    expect(fs.readFileSync(saltFile)).toEqual(salt);
    // Same user after a restart is recognised: forget finds the earlier row.
    expect(second.forget(alice)).toEqual({ answers: 1, feedback: 0 });
    // Another installation's salt gives another hash for the same id.
    const other = tempDir();
    try {
      expect(userHasher(loadSalt(path.join(other, "s")))("telegram", "1")).not.toBe(userHasher(salt)("telegram", "1"));
    } finally {
      removeDir(other);
    }
  });

  it("treats the same number on two platforms as two people", () => {
    const store = open();
    store.recordAnswer(answerRecord({ asker: { platform: "telegram", chatKind: "private", userId: "42" } }));
    store.recordAnswer(answerRecord({ asker: { platform: "discord", chatKind: "private", userId: "42" } }));
    expect(store.forget({ platform: "discord", chatKind: "private", userId: "42" })).toEqual({ answers: 1, feedback: 0 });
    expect(count("answers")).toBe(1);
  });
});

describe("feedback", () => {
  it("lands linked to the answer it rates and the chunks that answer cited, from either platform", () => {
    const store = open();
    const tg = answerRecord({
      asker: alice,
      citations: [
        { doc: "convention", article: 41, paragraph: 1, chunkId: "c-41-1" },
        { doc: "convention", article: 41, paragraph: 3, chunkId: "c-41-3" },
      ],
    });
    const dc = answerRecord({ asker: bob, citations: [{ doc: "convention", article: 2, paragraph: null, chunkId: "c-2" }] });
    store.recordAnswer(tg);
    store.recordAnswer(dc);
    expect(store.recordFeedback(tg.answerId, alice, "down", "  quotes the wrong paragraph  ")).toBe(true);
    expect(store.recordFeedback(dc.answerId, bob, "up")).toBe(true);
    const rows = inspect((d) =>
      d.prepare(`SELECT answer_id, vote, reason, chunk_id, article, paragraph FROM feedback_chunks ORDER BY answer_id, chunk_id`).all(),
    );
    expect(rows).toEqual(
      [
        { answer_id: tg.answerId, vote: "down", reason: "quotes the wrong paragraph", chunk_id: "c-41-1", article: 41, paragraph: 1 },
        { answer_id: tg.answerId, vote: "down", reason: "quotes the wrong paragraph", chunk_id: "c-41-3", article: 41, paragraph: 3 },
        { answer_id: dc.answerId, vote: "up", reason: null, chunk_id: "c-2", article: 2, paragraph: null },
      ].sort((a, b) => a.answer_id.localeCompare(b.answer_id) || a.chunk_id.localeCompare(b.chunk_id)),
    );
  });

  it("is refused for an answer that was never recorded", () => {
    const store = open();
    expect(store.recordFeedback("no-such-answer", alice, "up")).toBe(false);
    expect(count("feedback")).toBe(0);
  });

  it("keeps one vote per user: a reason sent after the 👎 is added, a change of mind replaces it", () => {
    const store = open();
    const rec = answerRecord();
    store.recordAnswer(rec);
    store.recordFeedback(rec.answerId, alice, "down");
    store.recordFeedback(rec.answerId, alice, "down", "cites Article 40 instead");
    const read = () => inspect((d) => d.prepare(`SELECT vote, reason FROM feedback`).all());
    expect(read()).toEqual([{ vote: "down", reason: "cites Article 40 instead" }]);
    store.recordFeedback(rec.answerId, alice, "down"); // a second click keeps the reason
    expect(read()).toEqual([{ vote: "down", reason: "cites Article 40 instead" }]);
    store.recordFeedback(rec.answerId, alice, "up");
    expect(read()).toEqual([{ vote: "up", reason: null }]);
    store.recordFeedback(rec.answerId, bob, "down");
    expect(count("feedback")).toBe(2);
  });
});

describe("forget", () => {
  it("deletes the user's answers, citations and feedback, reports the counts, and leaves others' rows", () => {
    const store = open();
    const mine = [answerRecord({ asker: alice }), answerRecord({ asker: alice })];
    const theirs = answerRecord({ asker: bob });
    for (const r of [...mine, theirs]) store.recordAnswer(r);
    store.recordFeedback(mine[0].answerId, alice, "up");
    store.recordFeedback(theirs.answerId, alice, "down", "wrong");
    store.recordFeedback(theirs.answerId, bob, "up");

    expect(store.forget(alice)).toEqual({ answers: 2, feedback: 2 });
    expect(inspect((d) => d.prepare(`SELECT id FROM answers`).pluck().all())).toEqual([theirs.answerId]);
    expect(count("citations")).toBe(1);
    expect(count("feedback")).toBe(1);
    expect(store.forget(alice)).toEqual({ answers: 0, feedback: 0 });
    expect(store.forget({ platform: "cli", chatKind: "private" })).toEqual({ answers: 0, feedback: 0 });
  });
});

describe("retention", () => {
  it("purges answers older than RETENTION_DAYS with their citations and feedback", () => {
    const store = open({ RETENTION_DAYS: "90" });
    const now = new Date();
    const expired = answerRecord({ at: new Date(now.getTime() - 91 * DAY_MS) });
    const kept = [answerRecord({ at: new Date(now.getTime() - 89 * DAY_MS) }), answerRecord({ at: now })];
    for (const r of [expired, ...kept]) store.recordAnswer(r);
    store.recordFeedback(expired.answerId, alice, "down", "old complaint");

    expect(store.purge(now)).toBe(1);
    expect(inspect((d) => d.prepare(`SELECT id FROM answers ORDER BY at`).pluck().all())).toEqual(kept.map((r) => r.answerId));
    expect(count("citations")).toBe(2);
    expect(count("feedback")).toBe(0);
    expect(store.purge(now)).toBe(0);
    store.close();
    // Deleted rows are overwritten, not just unlinked.
    expect(allBytes(dir).includes(Buffer.from("old complaint"))).toBe(false);
  });

  it("purges on start", () => {
    const first = open({ RETENTION_DAYS: "90" });
    first.recordAnswer(answerRecord({ at: new Date(Date.now() - 40 * DAY_MS) }));
    first.recordAnswer(answerRecord());
    first.close();
    open({ RETENTION_DAYS: "30" });
    expect(count("answers")).toBe(1);
  });
});

describe("stats", () => {
  it("sums a seeded database: per day and platform, refusals, most cited articles, gaps", () => {
    const store = open({ STORE_QUESTIONS: "true" });
    const now = new Date();
    const todayStart = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
    let minute = 0;
    /** A distinct time on the day `n` days ago, so the order of gaps is defined. */
    const day = (n: number) => new Date(todayStart - n * DAY_MS + ++minute * 60_000);
    const dayName = (n: number) => new Date(todayStart - n * DAY_MS).toISOString().slice(0, 10);
    const cite = (article: number, paragraph = 1) => ({ doc: "convention", article, paragraph, chunkId: `c-${article}-${paragraph}` });
    const records = [
      answerRecord({ at: day(0), asker: alice, citations: [cite(41, 1), cite(41, 2)] }),
      answerRecord({ at: day(0), asker: bob, citations: [cite(41), cite(2)] }),
      answerRecord({ at: day(0), asker: bob, grounded: false, citations: [], language: "vi", question: "Ai ký ở Hà Nội?" }),
      answerRecord({ at: day(1), asker: alice, citations: [cite(2)], question: "Define electronic data", language: "en" }),
      answerRecord({ at: day(1), asker: alice, grounded: false, citations: [], language: "id", question: "Kapan berlaku?" }),
      answerRecord({ at: day(2), asker: { platform: "terminal", chatKind: "private" }, citations: [cite(16)] }),
      answerRecord({ at: day(10), asker: alice, grounded: false, citations: [] }), // outside a 7-day window
    ];
    for (const r of records) store.recordAnswer(r);
    store.recordFeedback(records[3].answerId, alice, "down", "too vague");
    store.recordFeedback(records[3].answerId, bob, "down", "no definition");
    store.recordFeedback(records[0].answerId, bob, "up");

    const s = store.stats(7);
    expect(s.days).toBe(7);
    expect(s.totalQuestions).toBe(6);
    expect(s.refused).toBe(2);
    expect(s.byDay).toEqual([
      { day: dayName(2), platform: "terminal", questions: 1 },
      { day: dayName(1), platform: "telegram", questions: 2 },
      { day: dayName(0), platform: "discord", questions: 2 },
      { day: dayName(0), platform: "telegram", questions: 1 },
    ]);
    expect(s.byPlatform).toEqual({ telegram: 3, discord: 2, terminal: 1 });
    expect(s.topArticles).toEqual([
      { article: 2, count: 2 },
      { article: 41, count: 2 },
      { article: 16, count: 1 },
    ]);
    expect(s.gaps).toEqual([
      { at: records[2].at.toISOString(), platform: "discord", language: "vi", reason: "refused", question: "Ai ký ở Hà Nội?" },
      { at: records[4].at.toISOString(), platform: "telegram", language: "id", reason: "refused", question: "Kapan berlaku?" },
      { at: records[3].at.toISOString(), platform: "telegram", language: "en", reason: "down", question: "Define electronic data", note: expect.stringMatching(/too vague \| no definition|no definition \| too vague/) },
    ].sort((a, b) => b.at.localeCompare(a.at)));

    expect(store.stats(30).totalQuestions).toBe(7);
    expect(store.stats(1).totalQuestions).toBe(3);
  });

  it("lists gaps by language and time when question text is not stored", () => {
    const store = open();
    const rec = answerRecord({ grounded: false, citations: [], language: "id" });
    store.recordAnswer(rec);
    expect(store.stats(7).gaps).toEqual([{ at: rec.at.toISOString(), platform: "telegram", language: "id", reason: "refused" }]);
  });
});
