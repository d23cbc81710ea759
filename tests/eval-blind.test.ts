/**
 * Evaluation questions are written blind and never leak into what the bot knows: no glossary form,
 * intent phrase, explainer or code may copy one. Every question of every set (and every earlier
 * question of a conversation) is normalised — case and accents folded, punctuation and regex word
 * boundaries dropped, whitespace collapsed — and must not occur, as whole words, in corpus/*.json,
 * corpus/**\/*.json or src/**\/*.ts. The one exception is wording of the Convention itself ("Statute
 * of limitations?" is an article's title): the official text is what the bot is meant to know.
 */
import fs from "node:fs";
import path from "node:path";
import { expect, inject, test } from "vitest";
import { readCurrent, type StoredDocument } from "../src/core/index/store.js";

const SETS = ["tests/eval/questions.jsonl", "tests/eval/answers.jsonl", "../shared/eval/dev-questions.jsonl"];

export function normalise(text: string): string {
  return ` ${text
    .replace(/\\[bBdswDSW]/g, " ")
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[\p{P}\p{S}]/gu, " ")
    .replace(/\s+/g, " ")
    .trim()} `;
}

function files(dir: string, ext: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(path.join(dir, e.name), ext) : e.name.endsWith(ext) ? [path.join(dir, e.name)] : [],
  );
}

function questions(): { set: string; id: string; text: string }[] {
  return SETS.filter((set) => fs.existsSync(set)).flatMap((set) =>
    fs.readFileSync(set, "utf8").split("\n").filter((l) => l.trim()).flatMap((line) => {
      const q = JSON.parse(line) as { id: string; question: string; history?: string[] };
      return [q.question, ...(q.history ?? [])].map((text) => ({ set, id: q.id, text }));
    }),
  );
}

async function officialText(): Promise<string> {
  const indexDir = inject("indexDir");
  const version = await readCurrent(indexDir);
  const docs = JSON.parse(fs.readFileSync(path.join(indexDir, version!, "sections.json"), "utf8")) as StoredDocument[];
  const convention = docs.find((d) => d.entry.kind === "convention")!;
  return normalise(convention.sections.flatMap((s) => [s.title, ...s.paragraphs.flatMap((p) => p.blocks)]).join(" "));
}

test("normalising folds case, accents, punctuation and regex boundaries", () => {
  expect(normalise("Why is it called the “Hanoi Convention”?")).toBe(" why is it called the hanoi convention ");
  expect(normalise("Điều 41 quy định gì?")).toBe(" dieu 41 quy dinh gi ");
  expect(normalise(String.raw`"\buntil when\b"`)).toBe(" until when ");
});

test("no evaluation question is copied into corpus/ or src/", async () => {
  expect(fs.existsSync(SETS[0]) && fs.existsSync(SETS[1])).toBe(true);
  const official = await officialText();
  const haystacks = [...files("corpus", ".json"), ...files("src", ".ts")].map((f) => ({ file: f, text: normalise(fs.readFileSync(f, "utf8")) }));
  const all = questions();
  expect(all.length).toBeGreaterThan(300);
  const copies = all.flatMap((q) => {
    const n = normalise(q.text);
    if (official.includes(n)) return [];
    return haystacks.filter((h) => h.text.includes(n)).map((h) => `${q.set} ${q.id} "${q.text}" in ${h.file}`);
  });
  expect(copies).toEqual([]);
});
