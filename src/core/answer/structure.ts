/**
 * Answers about the Convention's structure rather than its wording: a chapter ("Chapter II",
 * "Bab II", "Chương II") lists its articles; "interpretative notes" quotes the notes.
 */
import type { Chunk } from "../index/chunk.js";
import type { StoredDocument } from "../index/store.js";
import type { AnswerBlock, ArticleView, Language } from "../types.js";
import { CONVENTION_DOC } from "../types.js";
import { cite } from "./cite.js";
import type { Composed } from "./compose.js";
import { phrases } from "./i18n.js";

const CHAPTER_WORD: Record<Language, string> = { en: "Chapter", id: "Bab", vi: "Chương" };
const ARTICLES_WORD: Record<Language, string> = { en: "articles", id: "pasal", vi: "điều" };

export function composeChapter(numerals: string[], articles: ArticleView[], documents: StoredDocument[], language: Language, chunks: Chunk[]): Composed {
  const chapters = documents.find((d) => d.entry.id === CONVENTION_DOC)?.chapters ?? [];
  const lines: string[] = [];
  const citations = [];
  for (const numeral of numerals) {
    const chapter = chapters.find((c) => c.numeral === numeral);
    const members = articles.filter((a) => a.chapter === numeral);
    if (!chapter || !members.length) continue;
    const range = members.length > 1 ? `${members[0].article}–${members[members.length - 1].article}` : `${members[0].article}`;
    lines.push(`${CHAPTER_WORD[language]} ${numeral} — ${chapter.title} (${ARTICLES_WORD[language]} ${range})`);
    for (const a of members) lines.push(`• Art. ${a.article} — ${a.title}`);
    lines.push("");
    const first = chunks.find((c) => c.metadata.article === members[0].article && c.metadata.part === 0);
    if (first) citations.push(cite(first, [], 300));
  }
  const text = lines.join("\n").trim();
  return { grounded: lines.length > 0, summary: null, blocks: text ? [{ kind: "text", text }] : [], citations };
}

export function composeNotes(chunks: Chunk[], language: Language): Composed {
  const notes = chunks.filter((c) => c.metadata.kind === "note");
  const citations = notes.map((c) => cite(c, [], 300));
  const blocks: AnswerBlock[] = [{ kind: "intro", text: phrases(language).intro }, ...citations.map((_, i): AnswerBlock => ({ kind: "quote", citation: i }))];
  if (language !== "en") blocks.push({ kind: "note", text: phrases(language).translationNote });
  return { grounded: true, summary: null, blocks, citations };
}
