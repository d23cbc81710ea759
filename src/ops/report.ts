/**
 * `npm run report`: the admin summary from the operations store, as a terminal table or (with
 * `--json`) one single-line JSON object for scripts. Everything but the data goes to stderr, so
 * `--json` output can be piped as is.
 */
import fs from "node:fs";
import { CommandLineExit, commandLine, usageError, type CommandSpec } from "../cli/args.js";
import { ConfigError, loadConfig, type Config } from "../config.js";
import type { StatsSummary } from "../core/bot.js";
import { windowStart } from "./stats-query.js";
import { openStore, storeFiles, StoreUnavailableError } from "./store.js";

export const DEFAULT_DAYS = 30;
/** Gaps listed in the terminal table; `--json` has them all. */
const GAPS_SHOWN = 40;
const QUESTION_CHARS = 90;

export const REPORT: CommandSpec = {
  usage: ["npm run report -- [--days N] [--json]"],
  summary: "Usage, refusals, the most asked articles and the coverage gaps from the operations store.",
  options: {
    days: { type: "string", short: "d", value: "N", description: `whole UTC days to cover, today included (default ${DEFAULT_DAYS})` },
    json: { type: "boolean", description: "print one single-line JSON object instead of tables" },
  },
};

export interface ReportOptions {
  days: number;
  json: boolean;
}

/** Throws CommandLineExit for --help and for usage errors. */
export function parseReportArgs(argv: string[]): ReportOptions {
  const { values } = commandLine<{ days?: string; json?: boolean }>(REPORT, argv);
  const days = values.days === undefined ? DEFAULT_DAYS : Number(values.days);
  if (!Number.isInteger(days) || days < 1 || days > 3650) {
    throw usageError(REPORT, `--days must be a whole number from 1 to 3650, not "${values.days}"`);
  }
  return { days, json: values.json ?? false };
}

/** The `--json` shape: exactly these keys (`notice` only when the store has something to say about itself). */
export type ReportJson = Pick<StatsSummary, "totalQuestions" | "refused" | "byDay" | "byPlatform" | "topArticles" | "gaps" | "notice">;

export function reportJson(s: StatsSummary): ReportJson {
  const { totalQuestions, refused, byDay, byPlatform, topArticles, gaps, notice } = s;
  return { totalQuestions, refused, byDay, byPlatform, topArticles, gaps, ...(notice ? { notice } : {}) };
}

export function emptyStats(days: number): StatsSummary {
  return { days, totalQuestions: 0, refused: 0, byDay: [], byPlatform: {}, topArticles: [], gaps: [] };
}

/**
 * Read the summary; a missing database means nothing was recorded yet (and is not created by a
 * report). A damaged database is reported, not repaired: moving it aside is for the bot.
 */
export function readStats(config: Config, days: number): StatsSummary {
  if (!fs.existsSync(storeFiles(config).db)) return emptyStats(days);
  const store = openStore(config, { repair: false });
  try {
    return store.stats(days);
  } finally {
    store.close();
  }
}

export function renderReport(s: StatsSummary, now: Date = new Date()): string {
  const since = new Date(windowStart(s.days, now)).toISOString().slice(0, 10);
  const out: string[] = [
    `Convention bot: the last ${s.days} day${s.days === 1 ? "" : "s"} (since ${since}, UTC)`,
    ...(s.notice ? ["", `⚠ ${clip(s.notice, Infinity)}`] : []),
    "",
    table(
      ["", ""],
      [
        ["Questions", String(s.totalQuestions)],
        ["Refused", `${s.refused} (${percent(s.refused, s.totalQuestions)})`],
      ],
      ["l", "r"],
      false,
    ),
  ];
  if (s.totalQuestions === 0) return out.concat("", "No questions recorded in this period.", "").join("\n");

  const platforms = Object.keys(s.byPlatform).sort();
  const days = [...new Set(s.byDay.map((d) => d.day))].sort();
  const perDay = days.map((day) => {
    const counts = platforms.map((p) => s.byDay.find((d) => d.day === day && d.platform === p)?.questions ?? 0);
    return [day, ...counts.map(String), String(counts.reduce((a, b) => a + b, 0))];
  });
  out.push("", "Questions per day", table(["day", ...platforms, "total"], perDay, ["l", ...platforms.map(() => "r" as const), "r"]));

  const byPlatform = platforms.map((p) => [p, String(s.byPlatform[p]), percent(s.byPlatform[p], s.totalQuestions)]);
  out.push("", "By platform", table(["platform", "questions", "share"], byPlatform, ["l", "r", "r"]));

  if (s.topArticles.length > 0) {
    const articles = s.topArticles.map((a) => [`Art. ${a.article}`, String(a.count)]);
    out.push("", "Most asked articles (cited by answers)", table(["article", "answers"], articles, ["l", "r"]));
  }

  out.push("", `Coverage gaps (refused, or rated 👎): ${s.gaps.length}`);
  if (s.gaps.length > 0) {
    const rows = s.gaps.slice(0, GAPS_SHOWN).map((g) => [
      g.at.slice(0, 16).replace("T", " "),
      g.platform,
      g.language,
      g.reason === "down" ? "👎" : "refused",
      clip(g.question ?? "(text not stored)") + (g.note ? `  [${clip(g.note)}]` : ""),
    ]);
    out.push(table(["when (UTC)", "platform", "lang", "why", "question  [user's note]"], rows, ["l", "l", "l", "l", "l"]));
    if (s.gaps.length > GAPS_SHOWN) out.push(`… and ${s.gaps.length - GAPS_SHOWN} more (see --json)`);
  }
  return out.join("\n") + "\n";
}

function percent(part: number, whole: number): string {
  return whole === 0 ? "0%" : `${((100 * part) / whole).toFixed(1)}%`;
}

/** One line of user text, without control characters (a question must not drive the admin's terminal). */
function clip(text: string, max: number = QUESTION_CHARS): string {
  const line = text.normalize("NFC").replace(/\p{Cc}+/gu, " ").replace(/\s+/g, " ").trim();
  const chars = [...line];
  return chars.length > max ? chars.slice(0, max - 1).join("") + "…" : line;
}

function table(headers: string[], rows: string[][], align: ("l" | "r")[], withHeader = true): string {
  const all = withHeader ? [headers, ...rows] : rows;
  const widths = headers.map((_, i) => Math.max(...all.map((r) => width(r[i] ?? ""))));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => {
        const pad = " ".repeat(widths[i] - width(c));
        return i === cells.length - 1 && align[i] === "l" ? c : align[i] === "r" ? pad + c : c + pad;
      })
      .join("  ")
      .trimEnd();
  const lines = all.map(line);
  if (withHeader) lines.splice(1, 0, widths.map((w) => "─".repeat(w)).join("  "));
  return lines.join("\n");
}

/** Display width: code points, with emoji counted as two columns. */
function width(text: string): number {
  let w = 0;
  for (const ch of text) w += /\p{Extended_Pictographic}/u.test(ch) ? 2 : /\p{Mn}/u.test(ch) ? 0 : 1;
  return w;
}

/** The command: returns the exit code (0 ok, 1 store unreadable, 2 bad arguments or configuration). */
export async function runReport(
  argv: string[],
  io: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream } = process,
): Promise<number> {
  let options: ReportOptions;
  let config: Config;
  try {
    options = parseReportArgs(argv);
    config = loadConfig();
  } catch (err) {
    if (err instanceof CommandLineExit) {
      io[err.stream].write(err.text);
      return err.exitCode;
    }
    if (!(err instanceof ConfigError)) throw err;
    io.stderr.write(`${err.message}\n`);
    return 2;
  }
  let stats: StatsSummary;
  try {
    stats = readStats(config, options.days);
  } catch (err) {
    if (!(err instanceof StoreUnavailableError)) throw err;
    io.stderr.write("The operations database could not be read; see the log above.\n");
    return 1;
  }
  io.stdout.write(options.json ? JSON.stringify(reportJson(stats)) + "\n" : renderReport(stats));
  return 0;
}
