/**
 * Shared by the corpus tests: a private copy of corpus/, two small synthetic reports (English and
 * Vietnamese) to add with the command, and the invalid source lists an admin can write — each
 * with the one line it must produce.
 */
import fs from "node:fs";
import path from "node:path";
import { CORPUS_DIR } from "../ingest/helpers.js";

export const EN_REPORT = [
  "The first review workshop of the Convention against Cybercrime took place in Da Nang on 1 November 2025.",
  "Forty delegations discussed technical assistance and capacity building for developing countries at the workshop.",
  "The organisers said the next workshop would be held in Jakarta in March 2026.",
].join("\n");

export const VI_REPORT = [
  "Hội thảo rà soát đầu tiên về Công ước chống tội phạm mạng đã diễn ra tại thành phố Đà Nẵng vào ngày 1 tháng 11 năm 2025.",
  "Bốn mươi đoàn đại biểu đã thảo luận về hỗ trợ kỹ thuật và nâng cao năng lực cho các nước đang phát triển.",
].join("\n");

/** `corpus add` arguments for the two reports, written under `root`. */
export function reportArgs(root: string): { en: string[]; vi: string[] } {
  fs.writeFileSync(path.join(root, "report-en.txt"), EN_REPORT);
  fs.writeFileSync(path.join(root, "report-vi.txt"), VI_REPORT);
  return {
    en: ["add", path.join(root, "report-en.txt"), "--kind", "news", "--lang", "en", "--title", "First review workshop held in Da Nang", "--date", "2025-11-02", "--url", "https://example.org/en/workshop"],
    vi: ["add", path.join(root, "report-vi.txt"), "--kind", "news", "--lang", "vi", "--title", "Hội thảo rà soát tại Đà Nẵng", "--date", "2025-11-03", "--url", "https://example.org/vi/hoi-thao"],
  };
}

export const EN_ID = "news-2025-11-02-en";
export const VI_ID = "news-2025-11-03-vi";

/** A copy of corpus/ under `root` (the real one is never written by a test). */
export function copyCorpus(root: string, name = "corpus"): string {
  const dir = path.join(root, name);
  fs.cpSync(CORPUS_DIR, dir, { recursive: true });
  return dir;
}

type Doc = Record<string, unknown> & { obtain: Record<string, unknown> };
const SEED = "news-hanoi-signing-2025-10-25";

/** Each invalid entry an admin can write, how to write it, and the line it must give. */
export const INVALID: { name: string; spoil: (docs: Doc[]) => void; line: string }[] = [
  { name: "a missing field", spoil: (d) => delete d[1].url, line: `corpus/sources.json: document "${SEED}", field "url": missing` },
  { name: "an unknown kind", spoil: (d) => (d[1].kind = "blog"), line: `corpus/sources.json: document "${SEED}", field "kind": unknown value "blog" (one of convention, news, press-release)` },
  { name: "an unknown language", spoil: (d) => (d[1].language = "fr"), line: `corpus/sources.json: document "${SEED}", field "language": unknown value "fr" (one of en, id, vi)` },
  { name: "a duplicate id", spoil: (d) => d.push({ ...d[1] }), line: `corpus/sources.json: document "${SEED}", field "id": duplicate: document 2 has the same id` },
  { name: "a file not found", spoil: (d) => (d[1].obtain.file = "gone.txt"), line: `corpus/sources.json: document "${SEED}", field "obtain.file": gone.txt not found in corpus/` },
  {
    name: "a sha256 mismatch",
    spoil: (d) => (d[1].sha256 = "0".repeat(64)),
    line: `corpus/sources.json: document "${SEED}", field "sha256": does not match ${SEED}.id.txt (its sha256 is 28ec76390283d4dbd1607c166b6df33df3599e7b7b08b6d31b81312d92e6967b)`,
  },
];

/** Rewrite `corpusDir/sources.json` with one invalid entry; returns a function putting it back. */
export function spoilSources(corpusDir: string, spoil: (docs: Doc[]) => void): () => void {
  const file = path.join(corpusDir, "sources.json");
  const before = fs.readFileSync(file, "utf8");
  const list = JSON.parse(before) as { documents: Doc[] };
  spoil(list.documents);
  fs.writeFileSync(file, JSON.stringify(list, null, 2));
  return () => fs.writeFileSync(file, before);
}
