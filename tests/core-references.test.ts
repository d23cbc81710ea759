/** Direct references, at their edges: the range of article numbers, repeats, chapters by digit, notes. */
import { expect, test } from "vitest";
import { findReferences } from "../src/core/retrieve/references.js";

test("articles 1 to 68 only, each once; a paragraph of an article already named is added, a bare repeat is not", () => {
  expect(findReferences("article 1, article 68, article 0 and article 69").articles).toEqual([
    { article: 1, paragraph: null },
    { article: 68, paragraph: null },
  ]);
  expect(findReferences("article 7 and again article 7").articles).toEqual([{ article: 7, paragraph: null }]);
  expect(findReferences("Article 7(2), and article 7(3)?").articles).toEqual([
    { article: 7, paragraph: 2 },
    { article: 7, paragraph: 3 },
  ]);
  expect(findReferences("article 7(2) and article 7").articles).toEqual([{ article: 7, paragraph: 2 }]);
  expect(findReferences("article 7(2), I mean article 7(2)").articles).toEqual([{ article: 7, paragraph: 2 }]);
  expect(findReferences("articles 7 and 8").articles).toEqual([
    { article: 7, paragraph: null },
    { article: 8, paragraph: null },
  ]);
  expect(findReferences("What is article 7?").articles).toEqual([{ article: 7, paragraph: null }]);
});

test("chapters by roman numeral or digit, each once, only those that exist; interpretative notes", () => {
  expect(findReferences("chapter 2 and chapter II and chapter  3").chapters).toEqual(["II", "III"]);
  expect(findReferences("Chương 9 nói gì? chapter 10").chapters).toEqual(["IX"]);
  expect(findReferences("chapter x").chapters).toEqual([]);
  expect(findReferences("What do the interpretative notes say?").notes).toBe(true);
  expect(findReferences("Is there an interpretative note on article 2?").notes).toBe(true);
  expect(findReferences("Catatan interpretatif apa saja?").notes).toBe(true);
  expect(findReferences("Ghi chú giải thích nói gì?").notes).toBe(true);
  expect(findReferences("What does article 2 say?").notes).toBe(false);
});
