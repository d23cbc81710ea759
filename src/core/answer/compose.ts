/**
 * Extractive answers (the embedded default): the most relevant sentences of the best 1–3 passages,
 * quoted verbatim and cited, framed by short sentences in the user's language. Also the two other
 * shapes an answer takes: a whole article when one is named, and an honest refusal.
 */
import type { Chunk } from "../index/chunk.js";
import type { Retrieval } from "../retrieve/hybrid.js";
import { terms } from "../text.js";
import type { AnswerBlock, ArticleView, Citation, Language } from "../types.js";
import { cite } from "./cite.js";
import type { Aspect, RefusalKind } from "./intents.js";
import { chooseLead, runnersUp } from "./lead.js";
import { shortenMiddle } from "./quote.js";
import { onSide, relevantDiscrepancies, type Discrepancy } from "./discrepancies.js";
import { phrases } from "./i18n.js";
import type { DocumentNames } from "./names.js";

/** An answer's content before the facade stamps it with an id, a version and a time. */
export interface Composed {
  grounded: boolean;
  summary: string | null;
  blocks: AnswerBlock[];
  citations: Citation[];
  suggestions?: string[];
}

const ARTICLE_BUDGET = 1500;

/** Refusals by kind (see intents.ts): each says why, and where to look instead when there is a place. */
export function refusal(language: Language, kind: RefusalKind | "notFound" = "notFound", suggestions?: string[]): Composed {
  const p = phrases(language);
  const offered = suggestions?.length ? suggestions : p.suggestions;
  const blocks: AnswerBlock[] = [{ kind: "text", text: p.refusals[kind] }, { kind: "text", text: [p.tryAsking, ...offered.map((s) => `• ${s}`)].join("\n") }];
  return { grounded: false, summary: null, citations: [], suggestions: offered, blocks };
}

export interface ExtractiveInput {
  question: string;
  language: Language;
  retrieval: Retrieval;
  discrepancies: Discrepancy[];
  /** All chunks, to find the other side of a discrepancy. */
  chunks: Chunk[];
  /** What the question asks for (exception, time limit, actor…). */
  aspects: Aspect[];
  /** For a follow-up: the section the conversation is about. */
  subject?: string;
  /** Each document's own name, for the intro line ("Report of 2 November 2025 says:"). */
  names?: DocumentNames;
}

/** The extractive answer: the lead paragraph's quote, then at most two runners-up that add to it. */
export function composeExtractive({ question, language, retrieval, discrepancies, chunks, aspects, subject, names }: ExtractiveInput): Composed {
  const p = phrases(language);
  const ctx = { queryTerms: retrieval.queryTerms, termWeights: retrieval.termWeights, gistScores: retrieval.gistScores, language, aspects, subject };
  const lead = chooseLead(retrieval.sections, ctx);
  const picked = [lead.chunk, ...runnersUp(retrieval.sections, lead, ctx)];
  const citations = picked.map((c) => cite(c, retrieval.queryTerms));
  const blocks: AnswerBlock[] = [];
  citations.forEach((c, i) => {
    if (i === 0) blocks.push({ kind: "intro", text: names?.intro(c.doc, language) ?? p.intro });
    else if (i === 1) blocks.push({ kind: "intro", text: p.alsoIntro });
    blocks.push({ kind: "quote", citation: i });
  });
  addDiscrepancies(blocks, citations, { question, language, discrepancies, chunks });
  // The Convention's official text is quoted in English; a report's untranslated quotes get their note in localise().
  if (citations.some((c) => c.part !== "news" && c.quoteLanguage !== language)) blocks.push({ kind: "note", text: p.translationNote });
  return { grounded: true, summary: null, blocks, citations };
}

function addDiscrepancies(blocks: AnswerBlock[], citations: Citation[], ctx: Pick<ExtractiveInput, "question" | "language" | "discrepancies" | "chunks">): void {
  const cited = citations.map((c) => ({ doc: c.doc, article: c.article, text: c.quote }));
  for (const d of relevantDiscrepancies(ctx.discrepancies, ctx.question, cited)) {
    blocks.push({ kind: "note", text: `${phrases(ctx.language).discrepancy} ${d.statement[ctx.language]}` });
    for (const side of d.sides) {
      if (citations.some((c) => onSide(side, c.doc, c.article, c.quote))) continue;
      const chunk = ctx.chunks.find((k) => onSide(side, k.metadata.doc, k.metadata.article, k.metadata.text));
      if (!chunk) continue;
      const c = cite(chunk, side.contains ? terms(side.contains) : []);
      citations.push(c);
      blocks.push({ kind: "quote", citation: citations.length - 1 });
    }
  }
}

/** A named article: its heading, the paragraphs that fit (or the one asked for), a link for the rest. */
export function composeArticle(view: ArticleView, paragraph: number | null, language: Language, chunks: Chunk[]): Composed {
  const p = phrases(language);
  const blocks: AnswerBlock[] = [];
  const wanted = paragraph ? view.paragraphs.filter((t) => t.startsWith(`${paragraph}. `)) : [];
  if (paragraph && !wanted.length) blocks.push({ kind: "note", text: p.paragraphMissing(view.article, paragraph) });
  blocks.push({ kind: "intro", text: `Article ${view.article} — ${view.title}` });
  let used = 0;
  const shown: string[] = [];
  for (const text of wanted.length ? wanted : view.paragraphs) {
    if (used + text.length > ARTICLE_BUDGET && shown.length) break;
    shown.push(text.length > ARTICLE_BUDGET ? shortenMiddle(text, ARTICLE_BUDGET) : text);
    used += text.length;
  }
  blocks.push(...shown.map((text): AnswerBlock => ({ kind: "text", text })));
  if (shown.length < view.paragraphs.length || wanted.length) blocks.push({ kind: "text", text: p.moreAt(view.url) });
  if (language !== "en") blocks.push({ kind: "note", text: p.translationNote });
  const articleChunks = chunks.filter((c) => c.metadata.article === view.article && c.metadata.kind === "article");
  const cited = (wanted.length ? articleChunks.filter((c) => c.metadata.paragraph === paragraph) : articleChunks).filter((c) => c.metadata.part === 0).slice(0, 3);
  const citations = cited.map((c) => cite(c, [], 300));
  const gist = view.gist[language] ?? null;
  return { grounded: true, summary: gist, blocks: gist ? [{ kind: "summary", text: gist }, ...blocks] : blocks, citations };
}
