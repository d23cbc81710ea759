/**
 * Extractive answers (the embedded default): the most relevant sentences of the best 1–3 passages,
 * quoted verbatim and cited, framed by short sentences in the user's language. Also the two other
 * shapes an answer takes: a whole article when one is named, and an honest refusal.
 */
import type { Chunk } from "../index/chunk.js";
import type { RankedSection, Retrieval } from "../retrieve/hybrid.js";
import type { AnswerBlock, ArticleView, Citation, Language } from "../types.js";
import { bestQuote, citationOf, sentences } from "./cite.js";
import { onSide, relevantDiscrepancies, type Discrepancy } from "./discrepancies.js";
import { PHRASES } from "./i18n.js";

/** An answer's content before the facade stamps it with an id, a version and a time. */
export interface Composed {
  grounded: boolean;
  summary: string | null;
  blocks: AnswerBlock[];
  citations: Citation[];
  suggestions?: string[];
}

const ARTICLE_BUDGET = 1500;
/** A second or third passage is quoted only when it scores close to the best one. */
const RUNNER_UP_RATIO = 0.5;

export function refusal(language: Language): Composed {
  const p = PHRASES[language];
  const blocks: AnswerBlock[] = [{ kind: "text", text: p.refusal }, { kind: "text", text: [p.tryAsking, ...p.suggestions.map((s) => `• ${s}`)].join("\n") }];
  return { grounded: false, summary: null, citations: [], suggestions: p.suggestions, blocks };
}

export interface ExtractiveInput {
  question: string;
  language: Language;
  retrieval: Retrieval;
  discrepancies: Discrepancy[];
  /** All chunks, to find the other side of a discrepancy. */
  chunks: Chunk[];
}

export function composeExtractive({ question, language, retrieval, discrepancies, chunks }: ExtractiveInput): Composed {
  const p = PHRASES[language];
  const [top, ...rest] = retrieval.sections;
  const picked: RankedSection[] = [top, ...rest.filter((s) => s.score >= top.score * RUNNER_UP_RATIO).slice(0, 2)];
  const citations = picked.map((s) => citationOf(s.chunks[0].chunk, bestQuote(s.chunks[0].chunk.metadata.text, retrieval.queryTerms)));
  // A second strong passage of the best section is worth quoting too (e.g. two paragraphs of one article).
  const second = top.chunks[1];
  if (second && second.score >= top.chunks[0].score * 0.9 && citations.length < 3) citations.splice(1, 0, citationOf(second.chunk, bestQuote(second.chunk.metadata.text, retrieval.queryTerms)));

  const blocks: AnswerBlock[] = [];
  citations.forEach((c, i) => {
    if (i === 0) blocks.push({ kind: "intro", text: c.doc === "convention" ? p.intro : p.newsIntro });
    else if (i === 1) blocks.push({ kind: "intro", text: p.alsoIntro });
    blocks.push({ kind: "quote", citation: i });
  });
  addDiscrepancies(blocks, citations, { question, language, discrepancies, chunks });
  if (language !== "en" && citations.some((c) => c.doc === "convention")) blocks.push({ kind: "note", text: p.translationNote });
  return { grounded: true, summary: null, blocks, citations };
}

function addDiscrepancies(blocks: AnswerBlock[], citations: Citation[], ctx: Pick<ExtractiveInput, "question" | "language" | "discrepancies" | "chunks">): void {
  const cited = citations.map((c) => ({ doc: c.doc, article: c.article, text: c.quote }));
  for (const d of relevantDiscrepancies(ctx.discrepancies, ctx.question, cited)) {
    blocks.push({ kind: "note", text: `${PHRASES[ctx.language].discrepancy} ${d.statement[ctx.language]}` });
    for (const side of d.sides) {
      if (citations.some((c) => onSide(side, c.doc, c.article, c.quote))) continue;
      const chunk = ctx.chunks.find((k) => onSide(side, k.metadata.doc, k.metadata.article, k.metadata.text));
      if (!chunk) continue;
      const quote = side.contains ? sentences(chunk.metadata.text).find((s) => s.toLowerCase().includes(side.contains!.toLowerCase())) ?? chunk.metadata.text : sentences(chunk.metadata.text)[0];
      const c = citationOf(chunk, quote.length > 420 ? bestQuote(quote, []) : quote);
      citations.push(c);
      blocks.push({ kind: "quote", citation: citations.length - 1 });
    }
  }
}

/** A named article: its heading, the paragraphs that fit (or the one asked for), a link for the rest. */
export function composeArticle(view: ArticleView, paragraph: number | null, language: Language, chunks: Chunk[]): Composed {
  const p = PHRASES[language];
  const blocks: AnswerBlock[] = [];
  const wanted = paragraph ? view.paragraphs.filter((t) => t.startsWith(`${paragraph}. `)) : [];
  if (paragraph && !wanted.length) blocks.push({ kind: "note", text: p.paragraphMissing(view.article, paragraph) });
  blocks.push({ kind: "intro", text: `Article ${view.article} — ${view.title}` });
  let used = 0;
  const shown: string[] = [];
  for (const text of wanted.length ? wanted : view.paragraphs) {
    if (used + text.length > ARTICLE_BUDGET && shown.length) break;
    shown.push(text.length > ARTICLE_BUDGET ? bestQuote(text, [], ARTICLE_BUDGET) : text);
    used += text.length;
  }
  blocks.push(...shown.map((text): AnswerBlock => ({ kind: "text", text })));
  if (shown.length < view.paragraphs.length || wanted.length) blocks.push({ kind: "text", text: p.moreAt(view.url) });
  if (language !== "en") blocks.push({ kind: "note", text: p.translationNote });
  const articleChunks = chunks.filter((c) => c.metadata.article === view.article && c.metadata.kind === "article");
  const cite = (wanted.length ? articleChunks.filter((c) => c.metadata.paragraph === paragraph) : articleChunks).filter((c) => c.metadata.part === 0).slice(0, 3);
  const citations = cite.map((c) => citationOf(c, bestQuote(c.metadata.text, [], 300)));
  return { grounded: true, summary: null, blocks, citations };
}
