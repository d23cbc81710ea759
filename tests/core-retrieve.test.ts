import { describe, expect, it } from "vitest";
import { detectLanguage } from "../src/core/retrieve/language.js";
import { bareParagraph, findReferences } from "../src/core/retrieve/references.js";

describe("language detection", () => {
  it.each([
    ["What does the convention say about extradition?", "en"],
    ["Apakah penyadapan data secara ilegal diatur?", "id"],
    ["Bagaimana cara suatu negara menarik diri dari konvensi?", "id"],
    ["Công ước quy định gì về dẫn độ?", "vi"],
    ["cong uoc quy dinh gi ve dan do", "vi"],
    ["dan do la gi", "vi"],
  ])("%s → %s", (text, lang) => {
    expect(detectLanguage(text)).toBe(lang);
  });

  it("falls back to the platform locale for very short text", () => {
    expect(detectLanguage("ekstradisi", "id")).toBe("id");
    expect(detectLanguage("ransomware", "vi-VN")).toBe("vi");
    expect(detectLanguage("ransomware")).toBe("en");
  });
});

describe("direct references", () => {
  it.each([
    ["Article 7", [{ article: 7, paragraph: null }]],
    ["what does art. 7(2) require", [{ article: 7, paragraph: 2 }]],
    ["article 41 paragraph 3", [{ article: 41, paragraph: 3 }]],
    ["Pasal 37 ayat 2 tentang apa?", [{ article: 37, paragraph: 2 }]],
    ["khoản 2 Điều 7 nói gì?", [{ article: 7, paragraph: 2 }]],
    ["Dieu 14 quy dinh gi", [{ article: 14, paragraph: null }]],
    ["compare articles 7 and 8", [{ article: 7, paragraph: null }, { article: 8, paragraph: null }]],
    ["Article 99", []],
  ])("%s", (text, articles) => {
    expect(findReferences(text).articles).toEqual(articles);
  });

  it("resolves chapters in three languages and the interpretative notes", () => {
    expect(findReferences("What is in Chapter II?").chapters).toEqual(["II"]);
    expect(findReferences("Bab IV mengatur apa?").chapters).toEqual(["IV"]);
    expect(findReferences("Chương V nói về gì?").chapters).toEqual(["V"]);
    expect(findReferences("Show the interpretative notes").notes).toBe(true);
  });

  it("spots a bare paragraph follow-up", () => {
    expect(bareParagraph("and paragraph 2?")).toBe(2);
    expect(bareParagraph("ayat 3?")).toBe(3);
    expect(bareParagraph("article 7 paragraph 2")).toBeNull();
  });
});
