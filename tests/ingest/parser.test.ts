/**
 * The Convention's structure as recovered from the real PDF (the copy shipped in corpus/),
 * the chunks the index serves, and what a corrupt, truncated or foreign PDF does to the parser.
 * Expected values were checked against the official text (A/RES/79/243, job no. 24-24621).
 */
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { parseConvention, StructureError, validateConvention, type Convention } from "../../src/core/corpus/convention.js";
import { PdfError, readPdf, type PdfText } from "../../src/core/corpus/pdf.js";
import type { Chunk } from "../../src/core/index/chunk.js";
import { loadIndex, type StoredDocument } from "../../src/core/index/store.js";
import { PDF_URL, realPdf, tinyPdf } from "./helpers.js";

const CHAPTERS: [string, string, number, number][] = [
  ["I", "General provisions", 1, 6],
  ["II", "Criminalization", 7, 21],
  ["III", "Jurisdiction", 22, 22],
  ["IV", "Procedural measures and law enforcement", 23, 34],
  ["V", "International cooperation", 35, 52],
  ["VI", "Preventive measures", 53, 53],
  ["VII", "Technical assistance and information exchange", 54, 56],
  ["VIII", "Mechanism of implementation", 57, 58],
  ["IX", "Final provisions", 59, 68],
];
const chapterOf = (n: number) => CHAPTERS.find(([, , from, to]) => n >= from && n <= to)![0];

/** Paragraph counts (numbered paragraphs, or 1 for an article of one unnumbered paragraph). */
const PARAGRAPHS: Record<number, number> = { 1: 1, 2: 1, 7: 2, 11: 3, 13: 1, 21: 8, 37: 20, 40: 32, 41: 6, 47: 2, 54: 10, 67: 3, 68: 2 };

/** Running header/footer of every page: symbol, job number, page mark, the barcode, page-1 masthead. */
const PAGE_FURNITURE: RegExp[] = [/A\/RES\/79\/243/, /24-24621/, /\*2424621\*/, /\b\d{1,2}\s?\/\s?46\b/, /Distr\.: General/];

let pdf: PdfText;
let c: Convention;
let chunks: Chunk[];
let stored: StoredDocument;

beforeAll(async () => {
  pdf = await readPdf(realPdf());
  c = parseConvention(pdf);
  const index = await loadIndex(inject("indexDir"), "local");
  chunks = index.chunks;
  stored = index.documents.find((d) => d.entry.id === "convention")!;
});

const articleText = (n: number) => c.articles[n - 1].paragraphs.map((p) => p.blocks.join(" ")).join(" ");
const allArticleText = () => c.articles.map((a) => articleText(a.number)).join("\n");

describe("the Convention's structure", () => {
  it("passes validation", () => {
    expect(() => validateConvention(c)).not.toThrow();
    expect(pdf.pages).toBe(46);
  });

  it("has articles 1 to 68, in order", () => {
    expect(c.articles.map((a) => a.number)).toEqual(Array.from({ length: 68 }, (_, i) => i + 1));
  });

  it("has chapters I to IX with their titles, each holding its articles", () => {
    expect(c.chapters).toEqual(CHAPTERS.map(([numeral, title]) => ({ numeral, title })));
    for (const a of c.articles) expect(a.chapter, `article ${a.number}`).toBe(chapterOf(a.number));
  });

  it("reads the titles of articles 7, 13 (printed 'Article 13.'), 41 and 68 exactly", () => {
    expect(c.articles[6].title).toBe("Illegal access");
    expect(c.articles[12].title).toBe("Information and communications technology system-related theft or fraud");
    expect(c.articles[40].title).toBe("24/7 network");
    expect(c.articles[67].title).toBe("Depositary and languages");
    for (const a of c.articles) expect(a.title, `article ${a.number}`).toMatch(/^[A-Z0-9][^.]*[a-z0-9]$/);
  });

  it("counts each article's paragraphs, numbered 1..n", () => {
    for (const [n, count] of Object.entries(PARAGRAPHS)) {
      const paragraphs = c.articles[Number(n) - 1].paragraphs;
      expect(paragraphs, `article ${n}`).toHaveLength(count);
      if (count > 1) expect(paragraphs.map((p) => p.number)).toEqual(Array.from({ length: count }, (_, i) => i + 1));
      else expect(paragraphs[0].number).toBeNull();
    }
  });

  it("keeps lettered sub-paragraphs inside their paragraph, in order", () => {
    const [purpose] = c.articles[0].paragraphs;
    expect(purpose.blocks[0]).toBe("The purposes of this Convention are to:");
    expect(purpose.blocks.slice(1).map((b) => b.slice(0, 4))).toEqual(["(a) ", "(b) ", "(c) "]);
    const p3 = c.articles[39].paragraphs[2];
    expect(p3.blocks[0]).toMatch(/^3\. Mutual legal assistance .* may be requested for any of the following purposes:$/);
    expect(p3.blocks[1]).toMatch(/^\(a\) Taking evidence or statements from persons;$/);
    expect(p3.blocks.slice(1).map((b) => b.slice(0, 4))).toEqual([..."abcdefghijklm"].map((l) => `(${l}) `));
  });

  it("links the interpretative notes to the articles they interpret", () => {
    expect(c.notes.map((n) => [n.number, n.interprets])).toEqual([
      [1, [2]],
      [2, [2]],
      [3, [17]],
      [4, [23, 35]],
      [5, [35]],
    ]);
    expect(c.notes[3].heading).toBe("Articles 23 and 35, with regard to the term “investigation”");
    for (const n of c.notes) expect(n.text.startsWith(`${n.number}. `)).toBe(true);
    expect(c.notes[4].text).toMatch(/^5\. Outside the convention, States parties may afford one another, .*equivalent arrangements\.$/);
  });

  it("sets the footnote apart from the text", () => {
    expect(c.footnote).toMatch(/^It is noted that interpretative notes on articles 2, 17, 23 and 35 of this Convention were annexed by the Ad Hoc Committee/);
    expect(c.footnote).toMatch(/held from 29 July to 9 August 2024 in New York\.$/);
    expect(pdf.footnotes.every((l) => l.page === 45)).toBe(true);
    const body = [allArticleText(), ...c.notes.map((n) => n.text), ...c.preamble.flatMap((p) => p.blocks)].join("\n");
    expect(body).not.toContain("It is noted that interpretative notes");
    expect(body).not.toContain("reconvened concluding session, held from");
  });

  it("recovers the resolution around the annex: title, adoption date, its 12 operative paragraphs", () => {
    expect(c.title).toMatch(/^United Nations Convention against Cybercrime; Strengthening International Cooperation .* Serious Crimes$/);
    expect(c.adopted).toBe("24 December 2024");
    expect(c.resolution.filter((p) => p.number !== null).map((p) => p.number)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(c.preamble.length).toBeGreaterThan(5);
  });

  it("re-joins words hyphenated at a line end and keeps real hyphens", () => {
    const text = allArticleText();
    expect(text).toContain("Secretary-General of the United Nations");
    expect(text).toContain("capacity-building");
    expect(c.articles[53].title).toBe("Technical assistance and capacity-building");
    expect(text).not.toMatch(/[a-z]- [a-z]/);
    expect(text).not.toMatch(/[a-z] -[a-z]/);
  });

  it("does not split words where the PDF pads a justified line inside a word", () => {
    // Each of these was printed with a thin blank inside a word ("Part" " " "y", "legal b" " " "asis").
    expect(articleText(18)).toContain("participation in the offences established");
    expect(articleText(35)).toContain("of this Convention shall apply");
    expect(articleText(37)).toContain("requested State Party is");
    expect(articleText(39)).toContain("the legal basis for the transfer");
    expect(articleText(42)).toContain("offences other than those");
    expect(c.footnote).toContain("for Criminal Purposes to the report");
    expect(allArticleText()).not.toMatch(/\b(?:Part y|b asis|t han|th e|s hall|f ulfilled|reque st|in terests)\b/);
  });
});

describe("the chunks the index serves", () => {
  const articleChunks = () => chunks.filter((ch) => ch.metadata.doc === "convention" && ch.metadata.kind === "article");

  it("cover every article, and none carries the running header, footer or page marks", () => {
    expect(new Set(articleChunks().map((ch) => ch.metadata.article))).toEqual(new Set(c.articles.map((a) => a.number)));
    for (const ch of chunks) {
      for (const mark of PAGE_FURNITURE) expect(ch.pageContent, ch.metadata.id).not.toMatch(mark);
      // The long running title is also the Convention's name, quoted in the resolution; never elsewhere.
      if (ch.metadata.kind !== "resolution") expect(ch.pageContent, ch.metadata.id).not.toContain("Strengthening International Cooperation");
      expect(ch.pageContent, ch.metadata.id).not.toMatch(/Serious Crimes\s+(?:United Nations|Electronic Form)/);
    }
  });

  it("never cross an article boundary: each chunk is (part of) one paragraph of its article", () => {
    const sections = new Map(stored.sections.map((s) => [s.id, s]));
    const byParagraph = new Map<string, Chunk[]>();
    for (const ch of articleChunks()) {
      const key = `${ch.metadata.section}/${ch.metadata.paragraph}`;
      byParagraph.set(key, [...(byParagraph.get(key) ?? []), ch]);
    }
    let paragraphs = 0;
    for (const s of stored.sections.filter((x) => x.kind === "article")) {
      for (const p of s.paragraphs) {
        paragraphs++;
        const parts = (byParagraph.get(`${s.id}/${p.number}`) ?? []).sort((a, b) => a.metadata.part - b.metadata.part);
        expect(parts.length, `${s.id} ¶${p.number}`).toBeGreaterThan(0);
        // Parts after the first repeat the paragraph's opening words, then "…"; without them they re-make the paragraph.
        const rebuilt = parts.map((ch, i) => (i === 0 ? ch.metadata.text : ch.metadata.text.replace(/^.*? … /s, ""))).join(" ");
        // Article 2's definitions are one chunk each (a, b, … o), without the shared lead-in.
        const expected = s.article === 2 ? p.blocks.slice(1).join(" ") : p.blocks.join(" ");
        expect(rebuilt, `${s.id} ¶${p.number}`).toBe(expected);
        if (s.article === 2) expect(parts.map((ch) => ch.metadata.item).join("")).toBe("abcdefghijklmno");
        for (const ch of parts) expect(sections.get(ch.metadata.section)?.article).toBe(ch.metadata.article);
      }
    }
    expect(byParagraph.size).toBe(paragraphs);
  });

  it("carry doc, chapter, article, title, paragraph and the article's first page in the url", () => {
    const firstPage: Record<number, number> = { 1: 5, 7: 7, 13: 9, 40: 23, 41: 29, 68: 45 };
    for (const ch of articleChunks()) {
      const a = c.articles[ch.metadata.article! - 1];
      expect(ch.metadata).toMatchObject({
        doc: "convention",
        chapter: a.chapter,
        articleTitle: `Article ${a.number} — ${a.title}`,
        url: `${PDF_URL}#page=${a.page}`,
      });
      expect(a.paragraphs.some((p) => p.number === ch.metadata.paragraph)).toBe(true);
      if (firstPage[a.number]) expect(ch.metadata.url.endsWith(`#page=${firstPage[a.number]}`), `article ${a.number}`).toBe(true);
    }
    const illegalAccess = articleChunks().filter((ch) => ch.metadata.article === 7);
    expect(illegalAccess.map((ch) => [ch.metadata.chapter, ch.metadata.paragraph])).toEqual([
      ["II", 1],
      ["II", 2],
    ]);
  });

  it("embed the text prefixed with the article number and title", () => {
    for (const ch of articleChunks()) {
      const { article, text } = ch.metadata;
      expect(ch.pageContent).toBe(`Article ${article}. ${c.articles[article! - 1].title}.\n${text}`);
    }
    const note4 = chunks.find((ch) => ch.metadata.section === "note-4")!;
    expect(note4.pageContent).toMatch(/^Interpretative note 4 .*Interprets article 23 and 35\.\n4\. The term “criminal investigations”/s);
  });

  it("split article 40's long paragraphs at their sub-paragraphs, each part keeping the paragraph's opening", () => {
    const p3 = articleChunks().filter((ch) => ch.metadata.article === 40 && ch.metadata.paragraph === 3);
    expect(p3.length).toBeGreaterThan(1);
    expect(p3.map((ch) => ch.metadata.part)).toEqual(p3.map((_, i) => i));
    for (const ch of p3) {
      expect(ch.metadata.text.startsWith("3. Mutual legal assistance to be afforded in accordance with this article may be requested")).toBe(true);
      expect(ch.metadata.text.length).toBeLessThanOrEqual(1100);
    }
    expect(p3.slice(1).every((ch) => / … \([a-m]\) /.test(ch.metadata.text))).toBe(true);
    // Short paragraphs stay whole.
    expect(articleChunks().filter((ch) => ch.metadata.article === 40 && ch.metadata.paragraph === 6)).toHaveLength(1);
  });
});

describe("a corrupt, truncated or foreign PDF", () => {
  it("random bytes are not a readable PDF", async () => {
    await expect(readPdf(new Uint8Array(randomBytes(64 * 1024)))).rejects.toThrow(PdfError);
    await expect(readPdf(new Uint8Array(randomBytes(64 * 1024)))).rejects.toThrow(/^not a readable PDF \(.+\)$/);
    await expect(readPdf(new Uint8Array(0))).rejects.toThrow(PdfError);
  });

  it("a truncated copy of the real PDF is not a readable PDF", async () => {
    const pdfBytes = realPdf();
    await expect(readPdf(pdfBytes.slice(0, pdfBytes.length / 2))).rejects.toThrow(PdfError);
  });

  it("a valid PDF without the Convention's layout fails the parser", async () => {
    const text = await readPdf(tinyPdf("Article 1 Hello world"));
    expect(text.body.map((l) => l.text)).toEqual(["Article 1 Hello world"]);
    expect(() => parseConvention(text)).toThrow(StructureError);
    expect(() => parseConvention(text)).toThrow(/does not have the Convention's layout/);
  });

  it("validation names what is wrong with a damaged structure", () => {
    const damaged = (edit: (x: Convention) => void) => {
      const copy = structuredClone(c);
      edit(copy);
      return () => validateConvention(copy);
    };
    expect(damaged((x) => x.articles.splice(29, 1))).toThrow(/67 articles instead of 68; article 31 found where article 30 was expected/);
    expect(damaged((x) => ([x.articles[6], x.articles[7]] = [x.articles[7], x.articles[6]]))).toThrow(/article 8 found where article 7 was expected/);
    expect(damaged((x) => (x.articles[12].title = ""))).toThrow(/article 13 has no title/);
    expect(damaged((x) => (x.articles[40].paragraphs = []))).toThrow(/article 41 has no text/);
    expect(damaged((x) => x.chapters.pop())).toThrow(/8 chapters instead of 9/);
    expect(damaged((x) => (x.notes = []))).toThrow(/no interpretative notes/);
    expect(damaged((x) => x.articles.pop())).toThrow(StructureError);
  });
});
