/**
 * The curated glossary (`corpus/glossary.json`): how Indonesian and Vietnamese questions, and lay
 * English ("hacker", "scam"), reach the Convention's English wording, and English questions reach the
 * Indonesian news report. Matching is on folded, stemmed word sequences, longest first, so
 * "bantuan hukum timbal balik" wins over "bantuan" and "dan do" matches "dẫn độ".
 */
import fs from "node:fs";
import path from "node:path";
import { Stemmer } from "sastrawijs";
import { z } from "zod";
import { isStopWord, stem, words } from "../text.js";

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
  /** Question tokens (indices into `words(question)`) the match covers. */
  tokens: number[];
  /** Most, not all, of a long form's words occur (e.g. "eksploitasi seksual anak" for "materi eksploitasi seksual anak"). */
  partial: boolean;
}

interface Form {
  /** Position in the longest-first order: lower wins. */
  rank: number;
  stems: string[];
  /** Indonesian forms also match on Sastrawi roots ("dilindungi" ~ "perlindungan"). */
  roots?: string[];
  entry: GlossaryEntry;
}

const sastrawi = new Stemmer();
const rootCache = new Map<string, string>();
/** Sastrawi root of an Indonesian word, memoised (the stemmer is the costly part of matching). */
function root(w: string): string {
  if (w.length <= 4) return w;
  let r = rootCache.get(w);
  if (r === undefined) {
    if (rootCache.size > 50_000) rootCache.clear();
    rootCache.set(w, (r = sastrawi.stem(w)));
  }
  return r;
}

/** Forms filed under a key (a word's stem or root), for lookups instead of scans. */
class FormIndex {
  private map = new Map<string, Form[]>();
  add(key: string, form: Form): void {
    const list = this.map.get(key);
    if (!list) this.map.set(key, [form]);
    else if (list[list.length - 1] !== form) list.push(form);
  }
  get(key: string): Form[] {
    return this.map.get(key) ?? [];
  }
}

export class Glossary {
  private forms: Form[];
  /** Forms by the stem (or Indonesian root) of their first word: the candidates at a question position. */
  private byFirst = new FormIndex();
  /** Long forms (3+ words) by every stem and root they contain: the candidates for partial matches. */
  private byAny = new FormIndex();
  /** Stems (and Indonesian roots) used by the forms of each language: a question word in here is a concept the glossary knows. */
  private vocabulary: Record<"en" | "id" | "vi", Set<string>> = { en: new Set(), id: new Set(), vi: new Set() };

  constructor(readonly entries: GlossaryEntry[]) {
    const indonesian = (e: GlossaryEntry) => [...e.id, ...(e.target.doc === "news" ? [e.term] : [])];
    this.forms = entries
      .flatMap((entry) => [
        ...[entry.term, ...entry.en, ...entry.vi].map((f): Form => ({ rank: 0, stems: words(f).map(stem), entry })),
        ...indonesian(entry).map((f): Form => ({ rank: 0, stems: words(f).map(stem), roots: words(f).map(root), entry })),
      ])
      .filter((f) => f.stems.length > 0)
      .sort((a, b) => b.stems.length - a.stems.length);
    this.forms.forEach((f, n) => (f.rank = n));
    for (const f of this.forms) {
      this.byFirst.add(f.stems[0], f);
      if (f.roots) this.byFirst.add(f.roots[0], f);
      if (f.stems.length >= 3) [...f.stems, ...(f.roots ?? [])].forEach((k) => this.byAny.add(k, f));
    }
    for (const e of entries) {
      for (const f of [e.term, ...e.en]) words(f).forEach((w) => this.vocabulary.en.add(stem(w)));
      for (const f of e.id) words(f).forEach((w) => this.vocabulary.id.add(root(w)));
      for (const f of e.vi) words(f).forEach((w) => this.vocabulary.vi.add(w));
    }
  }

  /** Is this folded word a word of some glossary form in that language (English by stem, Indonesian by root)? */
  knows(word: string, language: "en" | "id" | "vi"): boolean {
    const v = this.vocabulary[language];
    return language === "en" ? v.has(stem(word)) : language === "id" ? v.has(root(word)) : v.has(word);
  }

  static load(corpusDir: string): Glossary {
    const file = path.join(corpusDir, "glossary.json");
    if (!fs.existsSync(file)) return new Glossary([]);
    return new Glossary(fileSchema.parse(JSON.parse(fs.readFileSync(file, "utf8"))).entries);
  }

  /** Entries whose surface forms occur in the question, longest forms first, without overlaps. */
  match(question: string): GlossaryMatch[] {
    const folded = words(question);
    const tokens = folded.map(stem);
    const roots = folded.map(root);
    const fits = (form: Form, i: number) =>
      i + form.stems.length <= tokens.length && form.stems.every((st, k) => tokens[i + k] === st || (form.roots !== undefined && roots[i + k] === form.roots[k]));
    // Every place some form fits, then taken longest form first (ties: glossary order), without overlaps.
    const found: { form: Form; i: number }[] = [];
    tokens.forEach((t, i) => {
      const candidates = new Set([...this.byFirst.get(t), ...this.byFirst.get(roots[i])]);
      for (const form of candidates) if (fits(form, i)) found.push({ form, i });
    });
    found.sort((a, b) => a.form.rank - b.form.rank || a.i - b.i);
    const used = new Set<number>();
    const out: GlossaryMatch[] = [];
    for (const { form, i } of found) {
      const covered = form.stems.map((_, k) => i + k);
      if (covered.some((t) => used.has(t))) continue;
      covered.forEach((t) => used.add(t));
      const existing = out.find((m) => m.entry === form.entry);
      if (existing) existing.tokens.push(...covered);
      else out.push({ entry: form.entry, tokens: covered, partial: false });
    }
    this.matchPartial(folded, tokens, roots, used, out);
    return out;
  }

  /**
   * Long forms (3+ words) whose words mostly occur among the unused question words, in any order:
   * people rarely type a glossary phrase verbatim ("eksploitasi seksual anak secara daring").
   */
  private matchPartial(folded: string[], tokens: string[], roots: string[], used: Set<number>, out: GlossaryMatch[]): void {
    const free = tokens.map((t, i) => (used.has(i) || isStopWord(folded[i]) ? "" : t));
    const freeRoots = roots.map((r, i) => (free[i] ? r : ""));
    const candidates = new Set(free.flatMap((t, i) => (t ? [...this.byAny.get(t), ...this.byAny.get(freeRoots[i])] : [])));
    for (const form of [...candidates].sort((a, b) => a.rank - b.rank)) {
      const n = form.stems.length;
      if (out.some((m) => m.entry === form.entry)) continue;
      const hits = new Set<number>();
      form.stems.forEach((st, k) => {
        const i = free.findIndex((t, j) => t && !hits.has(j) && (t === st || (form.roots && freeRoots[j] === form.roots[k])));
        if (i >= 0) hits.add(i);
      });
      if (hits.size >= Math.max(2, Math.ceil(0.75 * n))) {
        hits.forEach((i) => {
          used.add(i);
          free[i] = "";
          freeRoots[i] = "";
        });
        out.push({ entry: form.entry, tokens: [...hits], partial: true });
      }
    }
  }
}
