/**
 * The source list (`corpus/sources.json`): which documents the bot answers from, where each comes
 * from and the sha256 it must have. Admins edit it by hand or with `npm run corpus -- add`, so a
 * mistake must come back as one readable line per problem (file, document, field) — never as a
 * validation dump — and every problem at once, not the first one only (see SourcesError).
 */
import fs from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { sha256 } from "./obtain.js";

export const KINDS = ["convention", "news", "press-release"] as const;
export const DOC_LANGUAGES = ["en", "id", "vi"] as const;
export const FORMATS = ["pdf", "text"] as const;
export const METHODS = ["official", "bundled"] as const;

/** A text in one language for all askers, or per asker's language (missing ones fall back to English). */
const localised = z.union([z.string().min(1), z.object({ en: z.string().min(1), id: z.string().min(1).optional(), vi: z.string().min(1).optional() })]);
export type Localised = z.infer<typeof localised>;

const documentSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/, "use lowercase letters, digits and dashes"),
  title: z.string().min(1),
  /** The document's name in answers ("Report" → "Report of 2 November 2025, para. 1"). */
  shortTitle: localised,
  language: z.enum(DOC_LANGUAGES),
  kind: z.enum(KINDS),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "write it as YYYY-MM-DD").optional(),
  url: z.string().url(),
  landingPage: z.string().url().optional(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, "64 lowercase hex digits"),
  /** Where the copy in corpus/ came from and why it may be shipped (shown to no user; for maintainers). */
  provenance: z.string().optional(),
  /**
   * Wording that overrides the dated name in answers: the seed report keeps the label ("News
   * report, para. {n}") and the intro its readers know.
   */
  citeAs: z.object({ label: z.string().includes("{n}").optional(), intro: localised.optional() }).optional(),
  obtain: z.object({
    /** bundled: the project's own document, corpus/ only; official: shipped in corpus/, with overrides and the URL as fallback. */
    method: z.enum(METHODS),
    file: z.string().min(1).regex(/^[^/\\]+$/, "a file name inside corpus/, without folders"),
    format: z.enum(FORMATS),
  }),
});

const manifestSchema = z.object({ documents: z.array(z.unknown()).min(1) });

export type SourceEntry = z.infer<typeof documentSchema>;

/** Everything wrong with a source list, one line per problem; the message is those lines. */
export class SourcesError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join("\n"));
  }
}

export async function readManifest(corpusDir: string): Promise<SourceEntry[]> {
  const where = `${path.basename(corpusDir)}/sources.json`;
  let text: string;
  try {
    text = await fs.readFile(path.join(corpusDir, "sources.json"), "utf8");
  } catch (err) {
    throw new SourcesError([`${where}: cannot be read (${(err as NodeJS.ErrnoException).code ?? "error"})`]);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new SourcesError([`${where}: not valid JSON (${(err as Error).message.split("\n")[0]})`]);
  }
  return checkSources(raw, corpusDir);
}

/**
 * Validate a parsed source list against the schema and the corpus folder: each entry's fields, ids
 * unique, and each bundled file present with the listed sha256. Throws a SourcesError listing every
 * problem; returns the entries when there is none.
 */
export async function checkSources(raw: unknown, corpusDir: string): Promise<SourceEntry[]> {
  const where = `${path.basename(corpusDir)}/sources.json`;
  const top = manifestSchema.safeParse(raw);
  if (!top.success) throw new SourcesError([`${where}: needs a "documents" list with at least one document`]);
  const problems: string[] = [];
  const entries: SourceEntry[] = [];
  const seen = new Map<string, number>();
  for (const [i, item] of top.data.documents.entries()) {
    const id = typeof (item as { id?: unknown })?.id === "string" && (item as { id: string }).id ? (item as { id: string }).id : `#${i + 1}`;
    const problem = (field: string, what: string) => problems.push(`${where}: document "${id}", field "${field}": ${what}`);
    const parsed = documentSchema.safeParse(item);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problem(issue.path.join(".") || "(entry)", describe(issue, item));
      continue;
    }
    const entry = parsed.data;
    if (seen.has(entry.id)) problem("id", `duplicate: document ${seen.get(entry.id)! + 1} has the same id`);
    else seen.set(entry.id, i);
    if (entry.obtain.method === "bundled") {
      const bytes = await fs.readFile(path.join(corpusDir, entry.obtain.file)).catch(() => undefined);
      if (!bytes) problem("obtain.file", `${entry.obtain.file} not found in ${path.basename(corpusDir)}/`);
      else if (sha256(bytes) !== entry.sha256) problem("sha256", `does not match ${entry.obtain.file} (its sha256 is ${sha256(bytes)})`);
    }
    entries.push(entry);
  }
  if (problems.length) throw new SourcesError(problems);
  return entries;
}

/** One zod issue as a short phrase: what is wrong and, for a choice, the allowed values. */
function describe(issue: z.core.$ZodIssue, item: unknown): string {
  const value = issue.path.reduce<unknown>((v, k) => (v && typeof v === "object" ? (v as Record<PropertyKey, unknown>)[k as PropertyKey] : undefined), item);
  if (value === undefined) return "missing";
  if (issue.code === "invalid_value") return `unknown value ${JSON.stringify(value)} (one of ${issue.values.join(", ")})`;
  if (issue.code === "invalid_format" && issue.format === "url") return `not a URL: ${JSON.stringify(value)}`;
  if (issue.code === "invalid_type") return `should be ${issue.expected === "object" ? "an object" : `a ${issue.expected}`}`;
  if (issue.code === "too_small") return "empty";
  if (issue.code === "invalid_union") return "should be a text, or texts by language ({\"en\": …, \"id\": …, \"vi\": …})";
  if (issue.code === "unrecognized_keys") return `unknown field ${issue.keys.join(", ")}`;
  return issue.message;
}
