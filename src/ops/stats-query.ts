/**
 * The admin summary (`/stats`, `npm run report`) read from the operations database: what people
 * asked, per day and platform, which articles answers rested on, and the coverage gaps — answers
 * that were refusals or got a 👎 — that tell an admin what the corpus or the bot is missing.
 */
import type { Database, Statement } from "better-sqlite3";
import type { StatsSummary } from "../core/bot.js";

const DAY_MS = 86_400_000;
/** Articles listed as "most asked". */
export const TOP_ARTICLES = 10;
/** Most recent gaps returned; the refusal count covers the rest. */
export const MAX_GAPS = 500;

type Gap = StatsSummary["gaps"][number];

interface GapRow {
  at: number;
  platform: string;
  language: string;
  question: string | null;
  downs: number | null;
  notes: string | null;
}

/**
 * The window is whole UTC days: today and the `days - 1` before it, so a per-day table never
 * starts with a partial day.
 */
export function windowStart(days: number, now: Date): number {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return today - (days - 1) * DAY_MS;
}

/** Prepared statements for one connection. */
export class StatsQuery {
  readonly #totals: Statement<[number], { total: number; refused: number }>;
  readonly #byDay: Statement<[number], { day: string; platform: string; questions: number }>;
  readonly #articles: Statement<[number, number], { article: number; count: number }>;
  readonly #gaps: Statement<[number, number], GapRow>;

  constructor(db: Database) {
    this.#totals = db.prepare(
      `SELECT COUNT(*) AS total, COALESCE(SUM(grounded = 0), 0) AS refused FROM answers WHERE at >= ?`,
    );
    this.#byDay = db.prepare(
      `SELECT strftime('%Y-%m-%d', at / 1000, 'unixepoch') AS day, platform, COUNT(*) AS questions
       FROM answers WHERE at >= ? GROUP BY day, platform ORDER BY day, platform`,
    );
    // An article counts once per answer, however many of its paragraphs the answer quoted.
    // Only the Convention's articles have a number (news and notes cite article = NULL).
    this.#articles = db.prepare(
      `SELECT c.article AS article, COUNT(DISTINCT c.answer_id) AS count
       FROM citations c JOIN answers a ON a.id = c.answer_id
       WHERE a.at >= ? AND c.article IS NOT NULL
       GROUP BY c.article ORDER BY count DESC, c.article LIMIT ?`,
    );
    this.#gaps = db.prepare(
      `SELECT a.at, a.platform, a.language, a.question, d.downs, d.notes
       FROM answers a
       LEFT JOIN (SELECT answer_id, COUNT(*) AS downs, group_concat(reason, ' | ') AS notes
                  FROM feedback WHERE vote = 'down' GROUP BY answer_id) d ON d.answer_id = a.id
       WHERE a.at >= ? AND (a.grounded = 0 OR d.downs > 0)
       ORDER BY a.at DESC LIMIT ?`,
    );
  }

  run(days: number, now: Date = new Date()): StatsSummary {
    const since = windowStart(days, now);
    const { total, refused } = this.#totals.get(since) ?? { total: 0, refused: 0 };
    const byDay = this.#byDay.all(since);
    const byPlatform: Record<string, number> = {};
    for (const row of byDay) byPlatform[row.platform] = (byPlatform[row.platform] ?? 0) + row.questions;
    return {
      days,
      totalQuestions: total,
      refused,
      byDay,
      byPlatform,
      topArticles: this.#articles.all(since, TOP_ARTICLES),
      gaps: this.#gaps.all(since, MAX_GAPS).map(toGap),
    };
  }
}

/** A 👎 says more than a refusal (someone cared enough to click), so it names the reason when both apply. */
function toGap(row: GapRow): Gap {
  const gap: Gap = {
    at: new Date(row.at).toISOString(),
    platform: row.platform,
    language: row.language,
    reason: row.downs ? "down" : "refused",
  };
  if (row.question !== null) gap.question = row.question;
  if (row.notes) gap.note = row.notes;
  return gap;
}
