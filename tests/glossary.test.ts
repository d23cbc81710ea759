import fs from "node:fs";
import path from "node:path";
import { inject } from "vitest";
import { beforeAll, describe, expect, it } from "vitest";
import type { StoredDocument } from "../src/core/index/store.js";
import { Glossary } from "../src/core/retrieve/glossary.js";
import { words } from "../src/core/text.js";

const glossary = Glossary.load(path.resolve("corpus"));
let convention: StoredDocument;
let newsText: string;

/** Folded word sequence, so "Information and communications technology system-related" matches across punctuation. */
const seq = (text: string) => ` ${words(text).join(" ")} `;

beforeAll(() => {
  const index = inject("indexDir");
  const version = fs.readFileSync(path.join(index, "CURRENT"), "utf8").trim();
  const docs = JSON.parse(fs.readFileSync(path.join(index, version, "sections.json"), "utf8")) as StoredDocument[];
  convention = docs.find((d) => d.entry.id === "convention")!;
  newsText = fs.readFileSync(path.resolve("corpus/news-hanoi-signing-2025-10-25.id.txt"), "utf8");
});

function articleText(n: number): string {
  const s = convention.sections.find((x) => x.kind === "article" && x.article === n)!;
  return `${s.title} ${s.paragraphs.map((p) => p.blocks.join(" ")).join(" ")}`;
}

describe("glossary data", () => {
  it("has entries in all three languages", () => {
    expect(glossary.entries.length).toBeGreaterThan(150);
    expect(glossary.entries.filter((e) => e.id.length).length).toBeGreaterThan(100);
    expect(glossary.entries.filter((e) => e.vi.length).length).toBeGreaterThan(100);
  });

  it("every entry's term occurs in the article (or the news report) it is meant to reach", () => {
    const misses = glossary.entries.filter((e) => {
      const term = seq(e.term);
      if (e.target.doc === "news") return !seq(newsText).includes(term);
      return !e.target.articles.some((n) => seq(articleText(n)).includes(term));
    });
    expect(misses.map((e) => e.term)).toEqual([]);
  });

  it("covers every article title, every chapter and every term defined in Article 2", () => {
    const titles = convention.sections.filter((s) => s.kind === "article");
    for (const s of titles) {
      const entry = glossary.entries.find((e) => e.kind === "title" && e.target.doc === "convention" && e.target.articles[0] === s.article);
      expect(entry, `article ${s.article}`).toBeDefined();
      expect(seq(s.title).includes(seq(entry!.term)) || seq(entry!.en.join(" | ")).includes(seq(s.title)), `article ${s.article}`).toBe(true);
    }
    for (const c of convention.chapters) {
      const members = titles.filter((s) => s.chapter === c.numeral).map((s) => s.article);
      const named = glossary.entries.some((e) => [e.term, ...e.en].some((f) => seq(f) === seq(c.title)));
      const chapterEntry = glossary.entries.some((e) => e.kind === "chapter" && e.target.doc === "convention" && e.target.articles.some((a) => members.includes(a)));
      expect(named && chapterEntry, `chapter ${c.numeral} ${c.title}`).toBe(true);
    }
    const definitions = convention.sections.find((s) => s.article === 2)!.paragraphs[0].blocks.flatMap((b) => [...b.matchAll(/^\([a-z]\) “([^”]+)”(?: or “([^”]+)”)?/g)].flatMap((m) => [m[1], m[2]].filter(Boolean)));
    expect(definitions.length).toBeGreaterThanOrEqual(15);
    for (const d of definitions) {
      expect(glossary.entries.some((e) => e.kind === "definition" && seq(e.term) === seq(d)), d).toBe(true);
    }
  });
});

describe("glossary matching", () => {
  const targets = (q: string): (number | string)[] => glossary.match(q).flatMap((m): (number | string)[] => (m.entry.target.doc === "news" ? ["news"] : m.entry.target.articles));

  it("reaches extradition and mutual legal assistance from Indonesian and Vietnamese, multi-word terms included", () => {
    expect(targets("Apa itu ekstradisi?")).toContain(37);
    expect(targets("Dẫn độ là gì?")).toContain(37);
    expect(targets("Apa itu bantuan hukum timbal balik?")).toContain(40);
    expect(targets("Tương trợ tư pháp được quy định thế nào?")).toContain(40);
  });

  it("matches Vietnamese typed without diacritics", () => {
    expect(targets("dan do la gi")).toContain(37);
    expect(targets("tuong tro tu phap")).toContain(40);
  });

  it("maps lay words to the Convention's wording", () => {
    expect(targets("Is a hacker breaking into my account a crime?")).toContain(7);
    expect(targets("ransomware")).toEqual(expect.arrayContaining([expect.any(Number)]));
    expect(targets("Where was the signing ceremony held?")).toContain("news");
  });
});
