/**
 * Known disagreements between sources (`corpus/discrepancies.json`), e.g. the news report's
 * "71 articles" against the adopted text's 68. They are data, not code: a new one is a new entry.
 */
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { fold } from "../text.js";
import type { Language } from "../types.js";

const schema = z.object({
  discrepancies: z.array(
    z.object({
      id: z.string(),
      triggers: z.array(z.string()).default([]),
      sides: z.array(z.object({ doc: z.string(), contains: z.string().optional(), article: z.number().int().optional() })).min(2),
      statement: z.object({ en: z.string(), id: z.string(), vi: z.string() }),
    }),
  ),
});

export type Discrepancy = z.infer<typeof schema>["discrepancies"][number];
export type DiscrepancySide = Discrepancy["sides"][number];

export function loadDiscrepancies(corpusDir: string): Discrepancy[] {
  const file = path.join(corpusDir, "discrepancies.json");
  return fs.existsSync(file) ? schema.parse(JSON.parse(fs.readFileSync(file, "utf8"))).discrepancies : [];
}

/** Does a chunk of `doc` with this text stand on `side`? */
export function onSide(side: DiscrepancySide, doc: string, article: number | null, text: string): boolean {
  if (side.doc !== doc) return false;
  if (side.article !== undefined && side.article !== article) return false;
  return side.contains === undefined || fold(text).includes(fold(side.contains));
}

/** Discrepancies the question asks about (by trigger) or that the cited chunks touch. */
export function relevantDiscrepancies(all: Discrepancy[], question: string, cited: { doc: string; article: number | null; text: string }[]): Discrepancy[] {
  const q = ` ${fold(question).replace(/[^a-z0-9]+/g, " ")} `;
  return all.filter(
    (d) => d.triggers.some((t) => q.includes(` ${fold(t)} `)) || cited.some((c) => d.sides.some((s) => s.contains !== undefined && onSide(s, c.doc, c.article, c.text))),
  );
}

export const statementIn = (d: Discrepancy, lang: Language) => d.statement[lang];
