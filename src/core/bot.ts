/**
 * The facade: the only thing adapters (Telegram, Discord, terminal, ops) import from the core.
 * It owns the index being served, answers questions from it, and rebuilds and hot-swaps it: a
 * question in flight keeps the index it started with, the next one gets the new version.
 */
import { randomUUID } from "node:crypto";
import { EventEmitter } from "node:events";
import path from "node:path";
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import type { BreakerSettings, FallbackReason } from "./answer/llm-call.js";
import type { LlmPhraser } from "./answer/llm.js";
import type { Config } from "../config.js";
import { log } from "../log.js";
import { composeArticle, composeExtractive, refusal, type Composed } from "./answer/compose.js";
import { phrases } from "./answer/i18n.js";
import { DocumentNames, datedName } from "./answer/names.js";
import { languageName } from "./answer/plain.js";
import { Intents } from "./answer/intents.js";
import { Explainers } from "./corpus/explainers.js";
import { SourcesError } from "./corpus/manifest.js";
import { loadDiscrepancies, relevantDiscrepancies, type Discrepancy } from "./answer/discrepancies.js";
import { plainText } from "./answer/plain.js";
import { composeChapter, composeNotes } from "./answer/structure.js";
import { buildIndex, type BuildSettings } from "./index/build.js";
import { ErrorBudget } from "./index/error-budget.js";
import { loadServable, logDamaged, newestIntact, NoIntactIndexError, type Servable } from "./index/select.js";
import { IndexMissingError, loadIndex, readCurrent, readManifestOf, type LoadedIndex } from "./index/store.js";
import type { IndexDamagedError } from "./index/verify.js";
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

/**
 * What a surface gets when answering failed: a short sentence, never the cause (which may name files
 * or carry internals). The cause is in the log, with the index version it happened on.
 */
export class AnswerFailedError extends Error {
  constructor() {
    super("Sorry, something went wrong while answering. Please try again in a moment.");
    this.name = "AnswerFailedError";
  }
}

export interface CreateBotOptions {
  recorder?: Recorder;
  /** Told what startup is doing ("building index", …), for readiness. */
  onPhase?: (phase: string) => void;
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
  /** Its recent answers' failures (error-budget.ts). */
  budget: ErrorBudget;
}

export class ConventionBot extends EventEmitter<BotEvents> {
  private served: Served;
  /** The intact version served before the current one, kept to fall back to (about 10 MB). */
  private previous?: Served;
  /** Versions abandoned because their answers kept failing (version → build time), not reloaded again. */
  private demoted = new Map<string, string>();
  private fallingBack?: Promise<void>;
  /** Set when CURRENT's version was damaged at start and an older one serves in its place. */
  damagedCurrent?: IndexDamagedError;
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
      names: new DocumentNames(index.documents.map((d) => d.entry)), budget: new ErrorBudget(),
    };
  }

  /** Whether the served version is fit to answer: always verified, but maybe failing most answers. */
  serving(): { version: string; healthy: boolean; problem?: string } {
    const { index, budget } = this.served;
    const version = index.manifest.version;
    if (!budget.exhausted) return { version, healthy: true };
    return { version, healthy: false, problem: `answers failing on index version ${version} (${budget.failures} of the last ${budget.answers})` };
  }

  async answer(question: string, options: AnswerOptions = {}): Promise<Answer> {
    const started = performance.now();
    const served = this.served;
    const q = question.trim();
    let language: Language;
    let composed: Composed;
    try {
      // The language of a long text shows in its beginning; detecting on all of it would only cost time.
      language = detectLanguage(q.slice(0, MAX_QUESTION_CHARS), options.localeHint);
      composed = questionTooLong(q)
        ? { grounded: false, summary: null, citations: [], blocks: [{ kind: "text", text: tooLongMessage(language) }] }
        : this.localise(await this.respond(served, q, language, options), language, served.names);
    } catch (err) {
      this.failedOn(served, err);
      throw new AnswerFailedError();
    }
    served.budget.record(true);
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
    const notes = untranslated.map((l): Composed["blocks"][number] => ({ kind: "note", text: phrases(language).originalNote(languageName(l, language)) }));
    const blocks = [...composed.blocks, ...notes];
    const lead = citations[0];
    const summary = composed.summary ?? this.explainers.gistFor(lead, language) ?? (lead.part === "news" && lead.quoteLanguage === language ? lead.quote : null);
    // A gist that only repeats the quote under it (an Indonesian report quoted to an Indonesian) is not shown twice.
    const shown = summary && summary !== lead.quote && summary !== lead.translation?.text && !blocks.some((b) => b.kind === "summary");
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
    return view && retrieval.confidence >= MIN_CONFIDENCE / 2 ? [phrases(language).whatItSays(view.article, view.title)] : undefined;
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
      // "unchanged" can still name another version than the served one: another process built it
      // while we waited, or we serve an older version in place of a damaged one.
      if (summary.outcome === "built" || (summary.outcome === "unchanged" && summary.version !== this.indexVersion)) await this.swapTo(summary.version);
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
    const demotedAt = this.demoted.get(current);
    if (demotedAt !== undefined) {
      const manifest = await readManifestOf(path.join(this.config.indexDir, current)).catch(() => null);
      if (manifest?.createdAt === demotedAt) {
        log.warn({ version: current }, `index version ${current} is not reloaded: its answers kept failing (rebuild it to try again)`);
        return false;
      }
    }
    await this.swapTo(current);
    return true;
  }

  /** Load (verifying) and serve a version; throws, leaving the served one in place, if it fails its checks. */
  private async swapTo(version: string): Promise<void> {
    const index = await loadIndex(this.config.indexDir, this.config.EMBEDDINGS, version);
    this.reloadData();
    this.previous = this.served;
    this.served = this.serve(index);
    this.demoted.delete(version);
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

  /** An answer failed on `served`: count it, and when its budget is spent, fall back to an intact version. */
  private failedOn(served: Served, err: unknown): void {
    const version = served.index.manifest.version;
    const exhausted = served.budget.record(false);
    log.error({ version, err: (err as Error)?.message ?? String(err), failures: served.budget.failures, of: served.budget.answers }, `answering failed on index version ${version}`);
    if (exhausted && served === this.served) this.fallBack(served);
  }

  /**
   * Serve the previous intact version instead of `from`: the one swapped out (still in memory), or
   * else the newest one on disk that passes verification. `from` is not reloaded again until rebuilt.
   */
  private fallBack(from: Served): void {
    if (this.fallingBack) return;
    const version = from.index.manifest.version;
    this.demoted.set(version, from.index.manifest.createdAt);
    this.fallingBack = (async () => {
      const previous = this.previous && !this.demoted.has(this.previous.index.manifest.version) ? this.previous.index : null;
      const index = previous ?? (await newestIntact(this.config.indexDir, this.config.EMBEDDINGS, [...this.demoted.keys()]));
      if (this.served !== from) return; // something else was swapped in meanwhile
      const { failures, answers } = from.budget;
      if (!index) {
        log.error({ version, failures, of: answers }, `answers keep failing on index version ${version} (${failures} of the last ${answers}) and no other intact version is left; still serving it`);
        return;
      }
      this.served = this.serve(index);
      this.previous = undefined;
      const to = index.manifest.version;
      log.error({ from: version, to, failures, of: answers }, `answers kept failing on index version ${version} (${failures} of the last ${answers}); fell back to version ${to}`);
      this.emit("indexChanged", to);
    })()
      .catch((err) => log.error({ version, err: (err as Error).message }, "falling back to another index version failed"))
      .finally(() => (this.fallingBack = undefined));
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
    await this.fallingBack;
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
  return { corpusDir: config.corpusDir, sourcesDir: config.sourcesDir, cacheDir: config.cacheDir, downloadUrl: config.CONVENTION_PDF_URL, indexDir: config.indexDir, embeddings: config.EMBEDDINGS, waitMs: config.INDEX_BUILD_WAIT_SECONDS * 1000 };
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

/**
 * The facade over a verified index: CURRENT's version, or — when it is damaged — the newest intact one
 * (`damagedCurrent` then says what was wrong, for the caller to rebuild it). With no usable version
 * at all, builds one first (unless `buildIfMissing` is false), waiting for another process's build.
 */
export async function createBot(config: Config, options: CreateBotOptions = {}): Promise<ConventionBot> {
  options.onPhase?.("loading index");
  let servable: Servable;
  try {
    servable = await loadServable(config.indexDir, config.EMBEDDINGS);
  } catch (err) {
    const noIntact = err instanceof NoIntactIndexError;
    if (!(err instanceof IndexMissingError || noIntact) || options.buildIfMissing === false) throw err;
    if (noIntact) logDamaged(err.damage, "no intact version is left: rebuilding it now");
    else log.info("no index yet: building it from the corpus");
    options.onPhase?.("building index");
    const onWait = () => options.onPhase?.("waiting for another process's index build");
    const summary = await buildIndex(buildSettings(config), { onWait });
    servable = { index: await loadIndex(config.indexDir, config.EMBEDDINGS, summary.version) };
  }
  const bot = new ConventionBot(config, servable.index, options);
  bot.damagedCurrent = servable.damaged;
  return bot;
}
