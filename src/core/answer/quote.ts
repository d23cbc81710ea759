/**
 * Structure-aware quoting: what of a paragraph is shown to the asker, verbatim. Quotes are whole
 * sentences; a list is quoted with its lead-in and the items that match the question, "…" standing
 * for the items left out; an item is never quoted without its lead-in (Article 2's definitions
 * aside, which stand alone); a sentence too long to show whole is shortened in the middle, never
 * at the end; the paragraph number belongs to the label, not the quote.
 */
import type { ChunkMetadata } from "../index/chunk.js";
import { terms } from "../text.js";

/** Longest quote of a plain paragraph, and of a list (lead-in plus items), in characters. */
export const QUOTE_BUDGET = 420;
const LIST_BUDGET = 700;
/** A list this short is quoted whole, lead-in and every item. */
const WHOLE_LIST = 450;
const ELLIPSIS = "…";

export interface Quote {
  text: string;
  /** The one sub-paragraph quoted ("c", "ii"), or null when the quote is not a single item. */
  item: string | null;
}

const ITEM = /^\(([a-z]{1,4})\)\s/;
const ROMAN = /^\((i|ii|iii|iv|v|vi|vii|viii|ix|x)\)\s/;

/** A lettered item with the roman sub-items under it, or a lone block. */
interface Unit {
  text: string;
  item: string | null;
  /** Text that completes the lead-in's sentence after the list ("traffic data, in real time, …"). */
  tail?: boolean;
}

/** Split legal text into sentences, keeping each verbatim (abbreviations like "para." stay put). */
export function sentences(text: string): string[] {
  return text.split(/(?<=[.;!?])\s+(?=[A-Z“"(])/).filter((s) => s.trim());
}

/** Shorten a sentence in the middle, keeping its start and its end: "start … end." */
export function shortenMiddle(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, Math.floor(max * 0.6));
  const tail = text.slice(text.length - Math.floor(max * 0.35));
  const cutHead = head.slice(0, head.lastIndexOf(" ")).replace(/[,;:]$/, "");
  const cutTail = tail.slice(tail.indexOf(" ") + 1);
  return `${cutHead} ${ELLIPSIS} ${cutTail}`;
}

/** Group the list blocks after a lead-in into units: lettered items carry their roman sub-items. */
function units(blocks: string[]): Unit[] {
  const out: Unit[] = [];
  let letter: string | null = null;
  for (const b of blocks) {
    const m = ITEM.exec(b);
    const last = out[out.length - 1];
    // "(i)" is a sub-item when the open item introduces a list, not the letter after "(h)".
    const sub = m && ROMAN.test(b) && last?.item && !ROMAN.test(`(${last.item}) `) && /:$/.test(last.text.trim()) && letter !== "h";
    if (m && !sub) {
      out.push({ text: b, item: m[1] });
      letter = m[1];
    } else if (m && last) last.text += " " + b;
    else if (last && /^[a-z]/.test(b)) out.push({ text: b, item: null, tail: true });
    else out.push({ text: b, item: null });
  }
  return out;
}

function score(text: string, wanted: Set<string>): number {
  return terms(text).filter((t) => wanted.has(t)).length;
}

/** The paragraph's text without its leading number ("1. "). */
const unnumbered = (text: string) => text.replace(/^\d{1,2}\.\s+/, "");

/**
 * The verbatim quote of one chunk for a question: the best sentence(s) of a plain paragraph, or
 * a list's lead-in with its matching items. `queryTerms` are stemmed terms (see `terms`).
 */
export function quoteOf(meta: Pick<ChunkMetadata, "text" | "blocks" | "item" | "article">, queryTerms: string[], budget = QUOTE_BUDGET): Quote {
  const blocks = (meta.blocks?.length ? meta.blocks : [meta.text]).map((b, i) => (i === 0 ? unnumbered(b) : b));
  if (blocks.length === 1) return { text: finish(meta.item ? shortenMiddle(blocks[0], LIST_BUDGET) : bestSentences(blocks[0], new Set(queryTerms), budget)), item: meta.item ?? null };
  const wanted = new Set(queryTerms);
  // Sub-paragraphs that are sentences of their own ("(a) A State Party … shall …;"): the best ones, whole.
  if (!meta.item && ITEM.test(blocks[0])) return { text: finish(bestSentences(blocks.join(" "), wanted, budget)), item: null };
  const [lead, ...rest] = blocks;
  const list = units(rest);
  // A definition of Article 2 opens with its own item ("(f) “Subscriber information” shall mean …:").
  const leadText = meta.item ? shortenMiddle(lead, 300) : leadIn(lead, wanted);
  // A short list reads best whole; a definition is whole whenever it fits.
  const whole = leadText.length + rest.join(" ").length <= (meta.item ? LIST_BUDGET : WHOLE_LIST);
  const picked = whole ? list : pickItems(list, wanted, LIST_BUDGET - leadText.length);
  const items = picked.filter((u) => !u.tail && u.item);
  const text = finish([leadText, ...join(list, picked)].join(" "));
  return { text, item: meta.item ?? (items.length === 1 && picked.length === 1 ? items[0].item : null) };
}

/** A quote that ends on a list's "; and" / "; or" ends on the item: the conjunction leads nowhere. */
function finish(text: string): string {
  return text.replace(/;\s+(and|or)(\s+…)?$/, (_m, _c, gap) => (gap ? "; …" : ";"));
}

/** A lead-in keeps its last sentence (the one that opens the list), earlier ones when they match. */
function leadIn(lead: string, wanted: Set<string>): string {
  const list = sentences(lead);
  const last = list[list.length - 1];
  const earlier = list.slice(0, -1).filter((s) => score(s, wanted) > 0);
  return shortenMiddle([...earlier, last].join(" "), 300);
}

/** The items to show: those that match the question (or the first ones), and any completing tail. */
function pickItems(list: Unit[], wanted: Set<string>, room: number): Unit[] {
  const scored = list.map((u) => ({ u, s: u.tail ? Infinity : score(u.text, wanted) }));
  const matching = scored.filter((x) => x.s > 0 && !x.u.tail).sort((a, b) => b.s - a.s);
  const chosen = new Set<Unit>(list.filter((u) => u.tail));
  let used = [...chosen].reduce((n, u) => n + u.text.length, 0);
  for (const { u } of matching.length ? matching : scored.filter((x) => !x.u.tail)) {
    if (used + u.text.length > room && chosen.size > list.filter((x) => x.tail).length) continue;
    chosen.add(u);
    used += u.text.length;
  }
  return list.filter((u) => chosen.has(u)).map((u) => (u.text.length > room ? { ...u, text: shortenMiddle(u.text, Math.max(room, 200)) } : u));
}

/** The picked items in order, with "…" standing for each run of items left out. */
function join(list: Unit[], picked: Unit[]): string[] {
  const out: string[] = [];
  let gap = false;
  for (const u of list) {
    const p = picked.find((x) => x.text === u.text || (x.item === u.item && x.item !== null && !u.tail));
    if (!p) {
      gap = true;
      continue;
    }
    if (gap && out.length) out.push(ELLIPSIS);
    else if (gap && !out.length) out.push(ELLIPSIS);
    out.push(p.text);
    gap = false;
  }
  if (gap) out.push(ELLIPSIS);
  return out;
}

/** The best sentence of a plain paragraph (with a short neighbour), whole, shortened only in the middle. */
function bestSentences(text: string, wanted: Set<string>, budget: number): string {
  const list = sentences(text);
  if (list.length <= 1) return shortenMiddle(text, budget);
  const scored = list.map((s, i) => ({ i, s, score: score(s, wanted) + (i === 0 ? 0.5 : 0) }));
  const best = [...scored].sort((a, b) => b.score - a.score || a.i - b.i)[0];
  const picked = [best];
  const next = scored[best.i + 1] ?? scored[best.i - 1];
  if (next && best.s.length + next.s.length < budget && (best.s.length < 160 || next.score > 0)) picked.push(next);
  return picked
    .sort((a, b) => a.i - b.i)
    .map((p) => shortenMiddle(p.s, budget))
    .join(" ");
}

/**
 * What is wrong with a quote as a reader would see it, for the evaluation and the tests: a
 * lead-in without its items (ends with ":"), a sentence cut at the end ("… " after a word),
 * a start mid-sentence, or a list item without its lead-in (outside Article 2).
 */
export function quoteProblems(quote: string, where: { article: number | null; part?: string }): string[] {
  const q = quote.trim();
  const article = where.article;
  const problems: string[] = [];
  // A recital of the resolution or the preamble is one clause ending in a comma, as printed.
  if ((where.part === "resolution" || where.part === "preamble") && /,$/.test(q)) return /^…/.test(q) ? ["starts mid-sentence"] : [];
  if (/:$/.test(q)) problems.push("ends with a lead-in");
  if (/[\p{L}\p{N},]\s*…$/u.test(q)) problems.push("cut at the end");
  if (!/[.;!?…)”"]$/.test(q) && !/:$/.test(q)) problems.push("ends mid-sentence");
  if (/^…/.test(q) || /^\p{Ll}/u.test(q)) problems.push("starts mid-sentence");
  // An item is a fragment without its lead-in unless it is a sentence of its own ("(b) Central authorities shall …").
  if (/^\([a-z]{1,4}\)\s/.test(q) && article !== 2 && (/^\([a-z]{1,4}\)\s+\p{Ll}/u.test(q) || !/\b(shall|may|must|are|is)\b/.test(q))) problems.push("item without its lead-in");
  if (/^\d{1,2}\.\s/.test(q)) problems.push("paragraph number in the quote");
  return problems;
}
