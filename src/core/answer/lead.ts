/**
 * Choosing what an answer leads with. Retrieval ranks sections (an article, the news report); the
 * asker reads the first quote first, so the lead is chosen among the paragraphs of the best few
 * sections by what the question asks: the paragraph that shares the question's words, and, when
 * the question asks for an exception, a time limit, an actor, a list of contents, a date, a place
 * or a number, the paragraph that holds one. Reservation and "may require" clauses lead only when
 * the question is about them. Runners-up are quoted only when they answer a part of the question
 * the lead does not.
 */
import type { Chunk } from "../index/chunk.js";
import type { RankedSection, ScoredChunk } from "../retrieve/hybrid.js";
import { terms } from "../text.js";
import type { Language } from "../types.js";
import type { Aspect } from "./intents.js";

export interface LeadContext {
  /** Stemmed content terms of the question and its glossary expansions. */
  queryTerms: string[];
  /** How telling each term is (IDF); a rare word shared with a paragraph says more than a common one. */
  termWeights?: Record<string, number>;
  /** What the question asks for (see intents.ts). */
  aspects: Aspect[];
  /** The question's language: the less the official English shares its words, the more the gists count. */
  language?: Language;
  /** Chunk id → how well its paragraph's gist matches the question (0..1). */
  gistScores?: Record<string, number>;
  /** The section a follow-up is about (the previous answer's lead), preferred when it fits. */
  subject?: string;
}

export interface Pick {
  section: RankedSection;
  chunk: Chunk;
  score: number;
}

/** How far below the best section another may be and still give the lead (its paragraph fits better). */
const SECTION_SLACK = 0.75;
/** Weight of a paragraph's gist matching the question, in the asker's words. */
const GIST: Record<Language, number> = { en: 0, id: 0.3, vi: 1 };
const RESERVATION = /\breserv(e|ation)|\bmay require\b|\bnot (to )?be bound\b/i;

const has = (name: string, ctx: LeadContext) => ctx.aspects.some((a) => a.name === name);

const chunkTerms = new WeakMap<Chunk, Set<string>>();
/** A chunk's content terms, computed once per loaded chunk. */
function termsOf(chunk: Chunk): Set<string> {
  let t = chunkTerms.get(chunk);
  if (!t) chunkTerms.set(chunk, (t = new Set(terms(chunk.metadata.text))));
  return t;
}

/** IDF-weighted share of the question's terms a chunk contains (0..1). */
function overlap(chunk: Chunk, wanted: Set<string>, weights: Record<string, number> = {}): number {
  if (!wanted.size) return 0;
  const have = termsOf(chunk);
  let n = 0;
  let total = 0;
  for (const t of wanted) {
    const w = weights[t] ?? 1;
    total += w;
    if (have.has(t)) n += w;
  }
  return total ? n / total : 0;
}

/** Does the chunk's text hold what an asked-for aspect names? */
function cued(chunk: Chunk, aspect: Aspect): boolean {
  return aspect.cues.some((c) => c.test(chunk.metadata.text));
}

/** A paragraph's fitness as the lead, on the scale of the section's fused scores. */
function fitness(c: ScoredChunk, best: number, ctx: LeadContext, wanted: Set<string>): number {
  let s = c.score / (best || 1) + 0.8 * overlap(c.chunk, wanted, ctx.termWeights) + GIST[ctx.language ?? "en"] * (ctx.gistScores?.[c.chunk.metadata.id] ?? 0);
  for (const a of ctx.aspects) if (a.name !== "international" && cued(c.chunk, a)) s += 0.35;
  if (RESERVATION.test(c.chunk.metadata.text) && !has("reservation", ctx)) s -= 0.3;
  // An interpretative note leads when the question asks what a term means, not on shared words alone.
  if (c.chunk.metadata.kind === "note" && !has("meaning", ctx)) s -= 0.3;
  // A continued part of a long paragraph ("lead … (f) …") is a fine lead only when it matches better.
  if (c.chunk.metadata.part > 0) s -= 0.05;
  return s;
}

/** The best paragraph of one section for this question. */
export function bestParagraph(section: RankedSection, ctx: LeadContext): { chunk: Chunk; fit: number } {
  const wanted = new Set(ctx.queryTerms);
  const best = section.chunks[0]?.score ?? 1;
  const ranked = section.chunks.map((c) => ({ chunk: c.chunk, fit: fitness(c, best, ctx, wanted) })).sort((a, b) => b.fit - a.fit);
  return ranked[0];
}

/** A section's weight as the answer's source: its retrieval score, nudged by what the question asks. */
function sectionWeight(s: RankedSection, top: RankedSection, ctx: LeadContext): number {
  let w = s.score / (top.score || 1);
  if (ctx.subject && s.key === ctx.subject) w += 0.6;
  if (s.key.includes(":note-") && !has("meaning", ctx)) w -= 0.3;
  // "for another State": international cooperation (Chapter V) over the domestic powers.
  const international = ctx.aspects.find((a) => a.name === "international");
  if (international && s.chunks.some((c) => cued(c.chunk, international))) w += 0.25;
  // A question that names no other State and no mutual legal assistance asks about the domestic
  // power (Art. 29), not the assistance one State gives another with it (Art. 45).
  const title = s.chunks[0]?.chunk.metadata.articleTitle ?? "";
  if (!international && /— Mutual legal assistance\b/i.test(title) && !ctx.queryTerms.includes("mutual")) w -= 0.2;
  return w;
}

const DEFINED = /^\([a-z]\)\s+“([^”]+)”(?:\s+or\s+“([^”]+)”)?/;

/**
 * For a question about what a term means: the Article 2 definition of a term the question names
 * (in its words or through the glossary), which answers it better than any use of the term.
 */
function definition(sections: RankedSection[], ctx: LeadContext): Pick | undefined {
  if (!has("meaning", ctx)) return undefined;
  const wanted = new Set(ctx.queryTerms);
  let best: (Pick & { words: number }) | undefined;
  for (const section of sections.slice(0, 6)) {
    if (section.key !== "convention:art-2") continue;
    for (const { chunk, score } of section.chunks) {
      const m = DEFINED.exec(chunk.metadata.text);
      if (!m) continue;
      for (const term of [m[1], m[2]].filter(Boolean)) {
        const ts = terms(term);
        if (ts.length && ts.every((t) => wanted.has(t)) && (!best || ts.length > best.words)) best = { section, chunk, score, words: ts.length };
      }
    }
  }
  return best;
}

/**
 * The lead: a definition when the question asks what a term means; otherwise, among the best sections (a referenced one always wins), the one whose best paragraph
 * fits the question best, weighed with the section's own rank.
 */
export function chooseLead(sections: RankedSection[], ctx: LeadContext): Pick {
  const top = sections[0];
  const defined = top.referenced ? undefined : definition(sections, ctx);
  if (defined) return defined;
  if (top.referenced) {
    const p = bestParagraph(top, ctx);
    return { section: top, chunk: p.chunk, score: p.fit };
  }
  const candidates = sections
    .slice(0, 4)
    .map((s) => ({ s, w: sectionWeight(s, top, ctx) }))
    .filter(({ w }, i) => i === 0 || w >= SECTION_SLACK || (ctx.subject !== undefined && w > 1));
  const scored = candidates.map(({ s, w }) => {
    const p = bestParagraph(s, ctx);
    return { section: s, chunk: p.chunk, score: w + 0.5 * p.fit };
  });
  return scored.sort((a, b) => b.score - a.score)[0];
}

/**
 * Runners-up that add something: a section (or another paragraph of the lead's) that covers
 * question terms the lead does not, scoring close enough to the lead, of the same kind of source
 * (for a report: the same report) unless the question asks about both. At most `max`.
 */
export function runnersUp(sections: RankedSection[], lead: Pick, ctx: LeadContext, max = 2): Chunk[] {
  const wanted = new Set(ctx.queryTerms);
  const covered = new Set([...termsOf(lead.chunk)].filter((t) => wanted.has(t)));
  const out: Chunk[] = [];
  const newsLead = lead.chunk.metadata.kind === "news";
  const pool: { chunk: Chunk; score: number }[] = [];
  for (const s of sections.slice(0, 5)) {
    if (s.score < lead.section.score * 0.5 && s !== lead.section) continue;
    const p = s === lead.section ? s.chunks.find((c) => c.chunk !== lead.chunk && c.score >= (s.chunks[0]?.score ?? 0) * 0.9) : { chunk: bestParagraph(s, ctx).chunk, score: s.score };
    if (p && p.chunk !== lead.chunk) pool.push({ chunk: p.chunk, score: p.score });
  }
  for (const { chunk } of pool) {
    if (out.length >= max) break;
    // A report's answer stays with that report (another one names itself in its own answer).
    if (newsLead ? chunk.metadata.doc !== lead.chunk.metadata.doc : chunk.metadata.kind === "news") continue;
    const adds = [...termsOf(chunk)].filter((t) => wanted.has(t) && !covered.has(t));
    // Something the lead lacks: a question term it does not cover.
    if (adds.length >= 1) {
      out.push(chunk);
      adds.forEach((t) => covered.add(t));
    }
  }
  return out;
}
