/**
 * How documents are named in answers (answer/names.ts): a report by its short title and date in
 * the asker's language; the seed report by its own `citeAs` wording; the Convention left to the
 * core's labels; a translated quote's "original" mark names the quote's own language.
 */
import { describe, expect, it } from "vitest";
import { DocumentNames } from "../../src/core/answer/names.js";
import { quoteLine } from "../../src/core/answer/plain.js";
import type { SourceEntry } from "../../src/core/corpus/manifest.js";
import type { Citation } from "../../src/core/types.js";

const entry = (over: Partial<SourceEntry>): SourceEntry => ({
  id: "r", title: "T", shortTitle: { en: "Report", id: "Laporan", vi: "Bản tin" }, language: "vi", kind: "news", date: "2025-11-02",
  url: "https://example.org", sha256: "0".repeat(64), obtain: { method: "bundled", file: "r.vi.txt", format: "text" }, ...over,
});

const names = new DocumentNames([
  entry({}),
  entry({ id: "seed", citeAs: { label: "News report, para. {n}", intro: { en: "The news report of the Hanoi signing says:", vi: "Theo bản tin về lễ ký tại Hà Nội:" } } }),
  entry({ id: "convention", kind: "convention", shortTitle: "UN Convention against Cybercrime" }),
]);

describe("document names", () => {
  it.each([
    ["en", "Report of 2 November 2025 says:", "Report of 2 November 2025, para. 3"],
    ["id", "Menurut Laporan 2 November 2025:", "Laporan 2 November 2025, paragraf 3"],
    ["vi", "Theo Bản tin ngày 2/11/2025:", "Bản tin ngày 2/11/2025, đoạn 3"],
  ] as const)("a report in %s: its short title and date", (language, intro, label) => {
    expect(names.intro("r", language)).toBe(intro);
    expect(names.label({ doc: "r", part: "news", paragraph: 3 }, language)).toBe(label);
  });

  it("the seed report keeps its wording; the Convention keeps the core's", () => {
    expect(names.intro("seed", "vi")).toBe("Theo bản tin về lễ ký tại Hà Nội:");
    expect(names.intro("seed", "id")).toBe("The news report of the Hanoi signing says:");
    expect(names.label({ doc: "seed", part: "news", paragraph: 4 }, "vi")).toBe("News report, para. 4");
    expect(names.intro("convention", "en")).toBeUndefined();
    expect(names.label({ doc: "convention", part: "article", paragraph: 1 }, "en")).toBeUndefined();
  });

  it("a translated quote names the language of its original", () => {
    const c = { quote: "Hội thảo…", quoteLanguage: "vi", label: "L", article: null, title: "T", translation: { language: "en", text: "The workshop…" } } as Citation;
    expect(quoteLine(c, "en")).toContain("Original (Vietnamese): “Hội thảo…”");
    expect(quoteLine({ ...c, quoteLanguage: "id" }, "vi")).toContain("Nguyên văn (tiếng Indonesia)");
  });
});
