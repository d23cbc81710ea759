/**
 * The curated glossary (`corpus/glossary.json`): how Indonesian and Vietnamese questions, and lay
 * English ("hacker", "scam"), reach the Convention's English wording, and English questions reach the
 * Indonesian news report. Matching is on folded, stemmed word sequences, longest first, so
 * "bantuan hukum timbal balik" wins over "bantuan" and "dan do" matches "dẫn độ".
 */
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { stem, words } from "../text.js";

const entrySchema = z.object({
  term: z.string().min(1),
  kind: z.enum(["title", "chapter", "definition", "lay", "news"]),
  target: z.union([
    z.object({ doc: z.literal("convention"), articles: z.array(z.number().int().min(1).max(68)).min(1) }),
    z.object({ doc: z.literal("news") }),
  ]),
  en: z.array(z.string()).default([]),
  id: z.array(z.string()).default([]),
  vi: z.array(z.string()).default([]),
});
const fileSchema = z.object({ entries: z.array(entrySchema) });

export type GlossaryEntry = z.infer<typeof entrySchema>;

export interface GlossaryMatch {
  entry: GlossaryEntry;
  /** Question tokens (indices) the match covers. */
  tokens: number[];
}

interface Form {
  stems: string[];
  entry: GlossaryEntry;
}

export class Glossary {
  private forms: Form[];

  constructor(readonly entries: GlossaryEntry[]) {
    this.forms = entries
      .flatMap((entry) => [entry.term, ...entry.en, ...entry.id, ...entry.vi].map((f) => ({ stems: words(f).map(stem), entry })))
      .filter((f) => f.stems.length > 0)
      .sort((a, b) => b.stems.length - a.stems.length);
  }

  static load(corpusDir: string): Glossary {
    const file = path.join(corpusDir, "glossary.json");
    if (!fs.existsSync(file)) return new Glossary([]);
    return new Glossary(fileSchema.parse(JSON.parse(fs.readFileSync(file, "utf8"))).entries);
  }

  /** Entries whose surface forms occur in the question, longest forms first, without overlaps. */
  match(question: string): GlossaryMatch[] {
    const tokens = words(question).map(stem);
    const used = new Set<number>();
    const out: GlossaryMatch[] = [];
    for (const form of this.forms) {
      const n = form.stems.length;
      for (let i = 0; i + n <= tokens.length; i++) {
        let hit = true;
        for (let k = 0; k < n && hit; k++) hit = tokens[i + k] === form.stems[k] && !used.has(i + k);
        if (!hit) continue;
        const covered = Array.from({ length: n }, (_, k) => i + k);
        covered.forEach((t) => used.add(t));
        const existing = out.find((m) => m.entry === form.entry);
        if (existing) existing.tokens.push(...covered);
        else out.push({ entry: form.entry, tokens: covered });
      }
    }
    return out;
  }
}
