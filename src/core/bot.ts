/**
 * The facade: the only thing adapters (Telegram, Discord, terminal, ops) import from the core.
 * It owns the index being served, answers questions from it, and rebuilds and hot-swaps it: a
 * question in flight keeps the index it started with, the next one gets the new version.
 */
import { randomUUID } from "node:crypto";
import { EventEmitter } from "node:events";
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import type { BreakerSettings, FallbackReason } from "./answer/llm-call.js";
import type { LlmPhraser } from "./answer/llm.js";
import type { Config } from "../config.js";
import { log } from "../log.js";
import { composeArticle, composeExtractive, refusal, type Composed } from "./answer/compose.js";
import { PHRASES } from "./answer/i18n.js";
import { DocumentNames, datedName } from "./answer/names.js";
import { languageName } from "./answer/plain.js";
import { Intents } from "./answer/intents.js";
import { Explainers } from "./corpus/explainers.js";
import { SourcesError } from "./corpus/manifest.js";
import { loadDiscrepancies, relevantDiscrepancies, type Discrepancy } from "./answer/discrepancies.js";
import { plainText } from "./answer/plain.js";
import { composeChapter, composeNotes } from "./answer/structure.js";
import { buildIndex, type BuildSettings } from "./index/build.js";
import { IndexMissingError, loadIndex, readCurrent, type LoadedIndex } from "./index/store.js";
import { Glossary } from "./retrieve/glossary.js";
import { Retriever, type Retrieval } from "./retrieve/hybrid.js";
import { detectLanguage } from "./retrieve/language.js";
import { bareParagraph } from "./retrieve/references.js";
import { looksLikeInjection, namesOtherInstrument } from "./answer/guard.js";
import type {
  Answer, AnswerOptions, ArticleView, Asker, ForgetResult, Language, Recorder, ReindexOptions,
  ReindexSummary, SearchHit, SourcesView, StatsSummary, Turn, Vote,
} from "./types.js";
import { CONVENTION_DOC } from "./types.js";
import { terms } from "./text.js";
import { MAX_QUESTION_CHARS, questionTooLong, tooLongMessage } from "./question-length.js";

export * from "./types.js";
export type { FallbackReason as LlmFallbackReason } from "./answer/llm-call.js";
export { MAX_QUESTION_CHARS, graphemeCount, questionTooLong, tooLongMessage } from "./question-length.js";
export { SourcesError } from "./corpus/manifest.js";

/**
 * What an admin can act on in a failed reindex, as lines to show them (an invalid source list: one
 * line per problem, naming file, document and field); undefined for other failures, which stay in
 * the log (they may carry paths or internals).
 */
export function adminDetails(err: unknown): string | undefined {
  return err instanceof SourcesError ? err.problems.join("\n") : undefined;
}

/** Below this share of the question covered by the best passage, the answer is a refusal. */
export const MIN_CONFIDENCE = 0.3;

export interface BotEvents {
  /** A new index version is being served. */
  indexChanged: [version: string];
  /** An answer was produced (for metrics). */
  answered: [answer: Answer, options: AnswerOptions];
  reindexed: [summary: ReindexSummary];
  /** The LLM's answer was replaced by the extractive one (for metrics; the reason is also logged). */
  llmFallback: [reason: FallbackReason];
}

export interface CreateBotOptions {
  recorder?: Recorder;
  /** Build the index when none exists yet (what `npm start` does). Default true. */
  buildIfMissing?: boolean;
  /** A chat model to phrase answers (tests inject LangChain's fake models); default from LLM_MODEL. */
  chatModel?: BaseChatModel;
  /** The LLM circuit breaker's thresholds (tests); default 3 failures in a row, open for 30 s. */
  llmBreaker?: BreakerSettings;
}

/** What one loaded index version serves with. */
interface Served {
  index: LoadedIndex;
  retriever: Retriever;
  articles: Map<number, ArticleView>;
  names: DocumentNames;
}

export class ConventionBot extends EventEmitter<BotEvents> {
  private served: Served;
  private glossary: Glossary;
  private intents: Intents;
  private explainers: Explainers;
  private discrepancies: Discrepancy[];
  private phraser?: Promise<LlmPhraser | undefined>;
  private reindexing?: Promise<ReindexSummary>;

  constructor(readonly config: Config, index: LoadedIndex, private options: CreateBotOptions = {}) {
    super();
    this.glossary = Glossary.load(config.corpusDir);
    this.intents = Intents.load(config.corpusDir);
    this.explainers = Explainers.load(config.corpusDir);
    this.discrepancies = loadDiscrepancies(config.corpusDir);
    this.served = this.serve(index);
  }

  get indexVersion(): string {
    return this.served.index.manifest.version;
  }

  private serve(index: LoadedIndex): Served {
    return {
      index, retriever: new Retriever(index, this.glossary, this.explainers), articles: articleViews(index, this.explainers),
      names: new DocumentNames(index.documents.map((d) => d.entry)),
    };
  }

  async answer(question: string, options: AnswerOptions = {}): Promise<Answer> {
    const started = performance.now();
    const served = this.served;
    const q = question.trim();
    // The language of a long text shows in its beginning; detecting on all of it would only cost time.
    const language = detectLanguage(q.slice(0, MAX_QUESTION_CHARS), options.localeHint);
    const composed: Composed = questionTooLong(q)
      ? { grounded: false, summary: null, citations: [], blocks: [{ kind: "text", text: tooLongMessage(language) }] }
      : this.localise(await this.respond(served, q, language, options), language, served.names);
    const text = plainText(composed.blocks, composed.citations, language);
    const answer: Answer = { id: randomUUID(), language, ...composed, text, indexVersion: served.index.manifest.version, ms: Math.round((performance.now() - started) * 100) / 100 };
    this.record(q, answer, options);
    return answer;
  }

  /**
   * Speak the asker's language: every report is named by its short title and date in that language;
   * the answer opens with the gist of its lead citation (unofficial); a quote from a document in
   * another language carries its unofficial translation (corpus/translations/<doc>.<lang>.json), or
   * a note that it is quoted in the original when there is none.
   */
  private localise(composed: Composed, language: Language, names: DocumentNames): Composed {
    const named = composed.citations.map((c) => ({ ...c, label: names.label(c, language) ?? c.label }));
    // Only an answer that quotes gets a gist above its quotes (a model's own answer is its summary).
    if (!composed.grounded || !named.length || !composed.blocks.some((b) => b.kind === "quote" || b.kind === "intro")) return { ...composed, citations: named };
    const citations = named.map((c) => {
      if (c.quoteLanguage === language || c.part !== "news" || !c.paragraph) return c;
      const text = this.explainers.translation(c.doc, language, c.paragraph);
      return text ? { ...c, translation: { language, text } } : c;
    });
    const untranslated = [...new Set(citations.filter((c) => c.part === "news" && c.quoteLanguage !== language && !c.translation).map((c) => c.quoteLanguage))];
    const notes = untranslated.map((l): Composed["blocks"][number] => ({ kind: "note", text: PHRASES[language].originalNote(languageName(l, language)) }));
    const blocks = [...composed.blocks, ...notes];
    const lead = citations[0];
    const summary = composed.summary ?? this.explainers.gistFor(lead, language) ?? (lead.part === "news" && lead.quoteLanguage === language ? lead.quote : null);
    // A gist that only repeats the quote under it (an Indonesian report quoted to an Indonesian) is not shown twice.
    const shown = summary && summary !== lead.quote && !blocks.some((b) => b.kind === "summary");
    return { ...composed, citations, summary, blocks: shown ? [{ kind: "summary", text: summary }, ...blocks] : blocks };
  }

  /** Refuse what the corpus cannot answer before retrieval decides; compose the rest. */
  private async respond(served: Served, q: string, language: Language, options: AnswerOptions): Promise<Composed> {
    if (!q || looksLikeInjection(q)) return refusal(language);
    if (namesOtherInstrument(q)) return refusal(language, "otherInstrument");
    const intent = this.intents.outOfScope(q, language);
    if (intent?.refusal === "opinion") return refusal(language, "opinion", await this.topicSuggestion(served, q, language));
    if (intent) return refusal(language, intent.refusal);
    return this.compose(served, q, language, options);
  }

  /** For an opinion: offer what the text says on the topic ("What does Article 6 (…) say?"). */
  private async topicSuggestion(served: Served, question: string, language: Language): Promise<string[] | undefined> {
    const retrieval = await served.retriever.retrieve(question, { language });
    const top = retrieval.sections.find((s) => s.article !== null);
    const view = top?.article ? served.articles.get(top.article) : undefined;
    return view && retrieval.confidence >= MIN_CONFIDENCE / 2 ? [PHRASES[language].whatItSays(view.article, view.title)] : undefined;
  }

  private async compose(served: Served, question: string, language: Language, options: AnswerOptions): Promise<Composed> {
    const { retriever, index, articles } = served;
    const history = options.history ?? [];
    let retrieval = await retriever.retrieve(question, { language });
    const previous = history[history.length - 1];
    // "and paragraph 2?": the paragraph of the article the last answer was about.
    const para = bareParagraph(question);
    const lastArticle = previous?.answer?.citations.find((c) => c.doc === CONVENTION_DOC && c.article)?.article;
    if (para && lastArticle && !retrieval.references.articles.length) retrieval.references.articles.push({ article: lastArticle, paragraph: para });

    const named = retrieval.references.articles;
    if (named.length === 1 && articles.has(named[0].article)) return composeArticle(articles.get(named[0].article)!, named[0].paragraph, language, index.chunks);
    if (!named.length && retrieval.references.chapters.length) return composeChapter(retrieval.references.chapters, [...articles.values()], index.documents, language, index.chunks);
    if (!named.length && retrieval.references.notes && retrieval.confidence >= MIN_CONFIDENCE) return composeNotes(index.chunks, language);

    // A question that cannot stand alone ("are there any exceptions?", "who runs it?") is
    // read with the conversation's subject: the previous question's words, and its answer's lead.
    const subject = previous ? subjectOf(previous) : undefined;
    const leans = previous !== undefined && (this.intents.pointsBack(question) || isShort(question));
    const followUp = previous !== undefined && (leans || retrieval.confidence < MIN_CONFIDENCE);
    if (followUp && previous) {
      const withContext = await retriever.retrieve(question, { context: previous.question, language, prefer: subject });
      // One that leans on the conversation is about its subject; another must be covered with the context.
      if (leans) retrieval = { ...withContext, confidence: Math.max(withContext.confidence, MIN_CONFIDENCE) };
      else if (withContext.confidence >= MIN_CONFIDENCE) retrieval = withContext;
    }
    // A question about a known discrepancy between the sources is answerable by definition.
    const asksAboutDiscrepancy = relevantDiscrepancies(this.discrepancies, question, []).length > 0;
    if (!retrieval.sections.length || (retrieval.confidence < MIN_CONFIDENCE && !asksAboutDiscrepancy)) return refusal(language);
    const aspects = this.intents.aspects(question);
    const extractive = composeExtractive({ question, language, retrieval, discrepancies: this.discrepancies, chunks: index.chunks, aspects, subject: followUp ? subject : undefined, names: served.names });
    return (await this.phrase(question, language, retrieval, extractive, history, options.onPartial)) ?? extractive;
  }

  /**
   * With LLM_MODEL set, let the model phrase the answer from numbered sources; null keeps the
   * extractive one (and says why: one log line, one `llmFallback` event for the metric).
   */
  private async phrase(question: string, language: Language, retrieval: Retrieval, extractive: Composed, history: Turn[], onPartial?: (text: string) => void): Promise<Composed | null> {
    if (!this.options.chatModel && !this.config.LLM_MODEL) return null;
    const { LlmPhraser, LlmFallback } = await import("./answer/llm.js");
    this.phraser ??= LlmPhraser.create(llmSettings(this.config), this.options.chatModel, this.options.llmBreaker, this.config.LLM_TIMEOUT_MS).catch((err) => {
      log.warn({ err: (err as Error).message }, "LLM unavailable; answering extractively");
      return undefined;
    });
    const phraser = await this.phraser;
    if (!phraser) return null;
    const turns = this.config.LLM_HISTORY_TURNS > 0 ? history.slice(-this.config.LLM_HISTORY_TURNS) : [];
    try {
      return await phraser.phrase({ question, language, retrieval, extractive, history: turns, onPartial });
    } catch (err) {
      const reason = err instanceof LlmFallback ? err.reason : "error";
      log.warn({ reason, err: (err as Error).message }, "LLM answer replaced by the extractive one");
      this.emit("llmFallback", reason);
      return null;
    }
  }

  private record(question: string, answer: Answer, options: AnswerOptions): void {
    const asker = options.asker ?? { platform: "cli", chatKind: "private" };
    try {
      this.options.recorder?.recordAnswer({
        answerId: answer.id, at: new Date(), asker, question, language: answer.language, grounded: answer.grounded,
        citations: answer.citations.map(({ doc, article, paragraph, chunkId }) => ({ doc, article, paragraph, chunkId })),
        indexVersion: answer.indexVersion, ms: answer.ms,
      });
    } catch (err) {
      log.warn({ err: (err as Error).message }, "could not record an answer");
    }
    this.emit("answered", answer, options);
  }

  async search(words: string, k = 5): Promise<SearchHit[]> {
    const retrieval = await this.served.retriever.retrieve(words, { k });
    return retrieval.sections.map((s) => {
      const m = s.chunks[0].chunk.metadata;
      return { doc: m.doc, article: m.article, paragraph: m.paragraph, title: m.articleTitle, text: m.text, url: m.url, score: Math.round(s.score * 1e4) / 1e4 };
    });
  }

  /** Ids of every chunk of the served index (to check that citations point at real chunks). */
  chunkIds(): string[] {
    return this.served.index.chunks.map((c) => c.metadata.id);
  }

  article(n: number): ArticleView | null {
    return this.served.articles.get(n) ?? null;
  }

  articleTitles(): { article: number; title: string }[] {
    return [...this.served.articles.values()].map((a) => ({ article: a.article, title: a.title }));
  }

  /** The documents served, each named by its short title and date in `language`. */
  sources(language: Language = "en"): SourcesView {
    const { index, names } = this.served;
    const m = index.manifest;
    return {
      indexVersion: m.version,
      createdAt: m.createdAt,
      documents: m.documents.map((d) => {
        const entry = names.entry(d.id);
        const title = entry?.shortTitle ? datedName(entry, language) : d.title;
        return { id: d.id, title, fullTitle: d.title, language: d.language, kind: d.kind, url: d.url, date: d.date, sections: d.sections.length };
      }),
    };
  }

  async reindex(options: ReindexOptions = {}): Promise<ReindexSummary> {
    if (this.reindexing && !options.dryRun) return this.reindexing;
    const run = (async () => {
      const summary = await buildIndex(buildSettings(this.config), options);
      if (summary.outcome === "built") await this.swapTo(summary.version);
      this.emit("reindexed", summary);
      return summary;
    })();
    if (options.dryRun) return run;
    this.reindexing = run.finally(() => (this.reindexing = undefined));
    return this.reindexing;
  }

  async reload(): Promise<boolean> {
    // A reindex in this process swaps its own version in; wait for it rather than load it twice.
    await this.reindexing?.catch(() => undefined);
    const current = await readCurrent(this.config.indexDir);
    if (!current || current === this.indexVersion) return false;
    await this.swapTo(current);
    return true;
  }

  private async swapTo(version: string): Promise<void> {
    const index = await loadIndex(this.config.indexDir, this.config.EMBEDDINGS, version);
    this.reloadData();
    this.served = this.serve(index);
    log.info({ version }, "index swapped in");
    this.emit("indexChanged", version);
  }

  /**
   * A new version may come with new translations or discrepancies (a document just added): read
   * them again. A broken data file keeps the ones already loaded (the build checked them first).
   */
  private reloadData(): void {
    try {
      const explainers = Explainers.load(this.config.corpusDir);
      const discrepancies = loadDiscrepancies(this.config.corpusDir);
      [this.explainers, this.discrepancies] = [explainers, discrepancies];
    } catch (err) {
      log.warn({ err: (err as Error).message }, "corpus data not reloaded; keeping the loaded explainers");
    }
  }

  feedback(answerId: string, asker: Asker, vote: Vote, reason?: string): boolean {
    return this.options.recorder?.recordFeedback(answerId, asker, vote, reason) ?? false;
  }

  forget(asker: Asker): ForgetResult {
    return this.options.recorder?.forget(asker) ?? { answers: 0, feedback: 0 };
  }

  stats(days: number): StatsSummary | null {
    return this.options.recorder?.stats(days) ?? null;
  }

  async close(): Promise<void> {
    await this.reindexing?.catch(() => undefined);
    (await this.phraser?.catch(() => undefined))?.close();
    this.removeAllListeners();
  }
}

/** A question of a few words ("who chairs it?", "siapa ketuanya?") leans on the conversation. */
function isShort(question: string): boolean {
  return terms(question).length <= 3;
}

/** The section an earlier answer led with ("convention:art-41"), from its first citation's chunk id. */
function subjectOf(turn: Turn): string | undefined {
  const id = turn.answer?.citations[0]?.chunkId;
  return id ? id.split(":").slice(0, 2).join(":") : undefined;
}

/** The LLM settings from the config, or null when LLM_MODEL is unset (a model injected by tests). */
function llmSettings(config: Config) {
  return config.LLM_MODEL ? { model: config.LLM_MODEL, baseUrl: config.LLM_BASE_URL, apiKey: config.llmApiKey, timeoutMs: config.LLM_TIMEOUT_MS } : null;
}

export function buildSettings(config: Config): BuildSettings {
  return { corpusDir: config.corpusDir, sourcesDir: config.sourcesDir, cacheDir: config.cacheDir, downloadUrl: config.CONVENTION_PDF_URL, indexDir: config.indexDir, embeddings: config.EMBEDDINGS };
}

function articleViews(index: LoadedIndex, explainers: Explainers): Map<number, ArticleView> {
  const doc = index.documents.find((d) => d.entry.id === CONVENTION_DOC);
  const views = new Map<number, ArticleView>();
  if (!doc) return views;
  const chapterTitle = new Map(doc.chapters.map((c) => [c.numeral, c.title]));
  const notes = doc.sections.filter((s) => s.kind === "note");
  for (const s of doc.sections) {
    if (s.kind !== "article" || s.article === null) continue;
    views.set(s.article, {
      article: s.article,
      title: s.title,
      chapter: s.chapter ?? "",
      chapterTitle: chapterTitle.get(s.chapter ?? "") ?? "",
      paragraphs: s.paragraphs.map((p) => p.blocks.join("\n")),
      url: `${doc.entry.url}#page=${s.page}`,
      notes: notes.filter((n) => n.interprets?.includes(s.article!)).map((n) => n.paragraphs[0].blocks.join(" ")),
      gist: { en: explainers.gist(`${s.article}`, "en"), id: explainers.gist(`${s.article}`, "id"), vi: explainers.gist(`${s.article}`, "vi") },
    });
  }
  return views;
}

export async function createBot(config: Config, options: CreateBotOptions = {}): Promise<ConventionBot> {
  let index: LoadedIndex;
  try {
    index = await loadIndex(config.indexDir, config.EMBEDDINGS);
  } catch (err) {
    if (!(err instanceof IndexMissingError) || options.buildIfMissing === false) throw err;
    log.info("no index yet: building it from the corpus");
    const summary = await buildIndex(buildSettings(config));
    index = await loadIndex(config.indexDir, config.EMBEDDINGS, summary.version);
  }
  return new ConventionBot(config, index, options);
}
