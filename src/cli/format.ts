/**
 * Plain-text rendering shared by the command-line tools and the terminal chat: an answer with its
 * numbered sources, a reindex summary, and the JSON line `npm run ask -- --jsonl` prints.
 */
import type { Answer, ReindexSummary } from "../core/bot.js";
import { say } from "../core/messages.js";

export function renderAnswer(a: Answer): string {
  const lines = [a.text];
  if (a.citations.length) {
    lines.push("", `${say(a.language, "answer-sources")}:`);
    a.citations.forEach((c, i) => lines.push(`  [${i + 1}] ${c.label} — ${c.title} — ${c.url}`));
  }
  return lines.join("\n");
}

export function renderSummary(s: ReindexSummary): string {
  const diff = s.diff;
  const changed = [
    diff.added.length ? `added articles ${ranges(diff.added)}` : "",
    diff.changed.length ? `changed articles ${ranges(diff.changed)}` : "",
    diff.removed.length ? `removed articles ${ranges(diff.removed)}` : "",
    diff.documents.length ? `changed documents: ${diff.documents.join(", ")}` : "",
  ].filter(Boolean);
  const what = { built: "built", unchanged: "unchanged (current version reused)", "dry-run": "dry run (nothing written)" }[s.outcome];
  return [
    `Index ${s.version}: ${what}`,
    ...(s.damaged ? [`  repaired: version ${s.damaged.version} was damaged (${s.damaged.file}: ${s.damaged.reason})`] : []),
    `  documents ${s.documents}, articles ${s.articles}, chunks ${s.chunks}, ${s.seconds.toFixed(2)} s`,
    `  changes against ${s.previousVersion ?? "no previous index"}: ${changed.length ? changed.join("; ") : "none"}`,
  ].join("\n");
}

/** [1,2,3,5] → "1–3, 5" */
export function ranges(ns: number[]): string {
  const out: string[] = [];
  for (let i = 0; i < ns.length; i++) {
    let j = i;
    while (j + 1 < ns.length && ns[j + 1] === ns[j] + 1) j++;
    out.push(j > i ? `${ns[i]}–${ns[j]}` : `${ns[i]}`);
    i = j;
  }
  return out.join(", ");
}

/**
 * One answer as the JSON line `npm run ask -- --jsonl` prints: `{id, language, grounded, summary,
 * answer, citations: [{doc, part, article, paragraph, item, label, title, quote, url}], ms}`. The
 * first citation is the lead; `quote` is exactly the verbatim text shown to the user; `summary` is
 * the unofficial gist in the asker's language, or null.
 */
export function answerJson(id: string | number, a: Answer): string {
  return JSON.stringify({
    id,
    language: a.language,
    grounded: a.grounded,
    summary: a.summary,
    answer: a.text,
    citations: a.citations.map(({ doc, part, article, paragraph, item, label, title, quote, url }) => ({ doc, part, article, paragraph, item, label, title, quote, url })),
    ms: a.ms,
  });
}
