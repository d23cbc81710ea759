/**
 * The answering core's public vocabulary: everything an adapter (Telegram, Discord, terminal,
 * operations) needs to talk to the facade in `bot.ts`, and nothing about how answers are made.
 */

export type Language = "en" | "id" | "vi";
export const LANGUAGES: readonly Language[] = ["en", "id", "vi"];

export const CONVENTION_DOC = "convention";
export const NEWS_DOC = "news-hanoi-signing-2025-10-25";

/** Where in a document a citation points. */
export type Part = "resolution" | "preamble" | "article" | "note" | "news";

/** One quoted, citable passage an answer rests on. */
export interface Citation {
  doc: string;
  part: Part;
  /** 1..68 for the Convention's articles; null for the news report, the preamble, notes. */
  article: number | null;
  /** The numbered paragraph (article, resolution or news paragraph), or null. */
  paragraph: number | null;
  /** The sub-paragraph quoted ("c", "ii") without brackets, or null for a whole paragraph. */
  item: string | null;
  /** "Article 41 — 24/7 network", "Interpretative note 4", or the news report's title. */
  title: string;
  /** Verbatim sentence(s) from the source, exactly as shown to the user ("…" marks omissions). */
  quote: string;
  /** Language of `quote` (the source document's language, e.g. "en" for the Convention). */
  quoteLanguage: string;
  /**
   * The quote in the asker's language when the source is in another language and the corpus has
   * an unofficial translation (the news report): renderers show it first, marked as a translation,
   * with the verbatim original one tap away.
   */
  translation?: { language: Language; text: string };
  /** Link to the official text (with #page=N for the Convention). */
  url: string;
  /** "Art. 41(1)", "Note 4 (Art. 23, 35)", "News report, para. 2": what a reader sees next to the quote. */
  label: string;
  /** Id of the chunk the quote came from (for feedback and analytics). */
  chunkId: string;
}

/**
 * What an answer says, in reading order. Renderers (terminal, Telegram, Discord) turn these into
 * their own formatting; `Answer.text` is the plain-text rendering of the same blocks.
 */
export type AnswerBlock =
  /** Unofficial plain-language gist in the asker's language; renderers label it as such. */
  | { kind: "summary"; text: string }
  /** A framing line in the asker's language ("Here is what the Convention says:", "See also:"). */
  | { kind: "intro"; text: string }
  /** One quoted passage: `citations[citation]` (its quote or translation, label, link). */
  | { kind: "quote"; citation: number }
  /** A note after the quotes: a discrepancy between sources, "quoted from the official English text". */
  | { kind: "note"; text: string }
  /** Free text: a refusal, suggestions, an article's body, a chapter's list of articles. */
  | { kind: "text"; text: string };

export interface Answer {
  /** Unique id of this answer, for feedback buttons. */
  id: string;
  language: Language;
  /** false when the corpus does not answer the question (a refusal): then no citations. */
  grounded: boolean;
  /** Plain-language gist of the lead citation in the asker's language (unofficial), or null. */
  summary: string | null;
  /** The answer's content, in reading order; the first quote block is the lead citation. */
  blocks: AnswerBlock[];
  /** The reply as plain text (the blocks rendered in order), in the user's language; no markup. */
  text: string;
  /** Cited passages; the first one is the lead (the passage that settles the question). */
  citations: Citation[];
  indexVersion: string;
  ms: number;
  /** Example questions offered with a refusal (in the user's language). */
  suggestions?: string[];
}

/**
 * One earlier turn of the conversation, oldest first. Passing the whole `Answer` is simplest; the
 * answer's `text` and `summary`, when present, let an LLM (LLM_MODEL) see what was answered.
 */
export interface Turn {
  question: string;
  answer?: Pick<Answer, "citations" | "language"> & Partial<Pick<Answer, "text" | "summary">>;
}

/** Who asks, as far as analytics are concerned (ids are hashed by the store, never kept raw). */
export interface Asker {
  platform: "telegram" | "discord" | "terminal" | "cli";
  chatKind: "private" | "group";
  userId?: string;
}

export interface AnswerOptions {
  /** Previous turns, oldest first, for follow-up questions. */
  history?: Turn[];
  /** Platform locale (e.g. Telegram `language_code`, Discord locale), used when the text is too short to tell. */
  localeHint?: string;
  asker?: Asker;
  /**
   * Streaming hook for adapters. With an LLM configured, the core calls it while the model writes,
   * each time with the whole grounded text so far (not a delta): only complete sentences that cite
   * a source, markers already numbered as in the final answer, so a draft never shows a sentence
   * the final answer drops. It grows by whole sentences and is not called at all on the extractive
   * path. It is called as often as the model produces text: throttling (Telegram `sendMessageDraft`
   * or message edits, Discord edits of the deferred reply) is the adapter's job, and the callback
   * must not throw or block.
   *
   * The resolved `Answer` is always what to show in the end, and replaces the draft: normally its
   * `summary` is the streamed text plus the sources and notes; if the stream failed midway (timeout,
   * dropped connection) it is the extractive answer instead, with `summary` null.
   */
  onPartial?: (textSoFar: string) => void;
}

export interface SearchHit {
  doc: string;
  article: number | null;
  paragraph: number | null;
  title: string;
  text: string;
  url: string;
  score: number;
}

export interface ArticleView {
  article: number;
  title: string;
  chapter: string;
  chapterTitle: string;
  /** Paragraph texts in order, each starting with its number ("1. ...") where it has one. */
  paragraphs: string[];
  url: string;
  /** Interpretative notes that interpret this article. */
  notes: string[];
  /** Unofficial plain-language gist of the article per language (corpus/explainers), where one exists. */
  gist: Partial<Record<Language, string>>;
}

export interface SourceDocument {
  id: string;
  /** The document's short title and date in the asked language ("Report of 2 November 2025"). */
  title: string;
  /** Its full title, as `corpus/sources.json` has it. */
  fullTitle: string;
  language: string;
  kind: string;
  url: string;
  date?: string;
  sections: number;
}

export interface SourcesView {
  documents: SourceDocument[];
  indexVersion: string;
  createdAt: string;
}

export type ReindexStage = "read" | "parse" | "chunk" | "embed" | "build" | "save";

export interface ReindexProgress {
  stage: ReindexStage;
  done: number;
  total: number;
}

export interface ReindexOptions {
  /** Report the diff against the current index without writing anything. */
  dryRun?: boolean;
  /** Rebuild even when the content hash matches the current version. */
  force?: boolean;
  onProgress?: (p: ReindexProgress) => void;
  /** Called while the build waits for another process's build (at once, then about every 10 s). */
  onWait?: (wait: { pid?: number; waitedMs: number; limitMs: number }) => void;
}

export interface IndexDiff {
  added: number[];
  changed: number[];
  removed: number[];
  /** Documents (other than the Convention's articles) added, changed or removed. */
  documents: string[];
}

export interface ReindexSummary {
  version: string;
  previousVersion: string | null;
  /** "built": a new version is current; "unchanged": the current version already matches; "dry-run": nothing written. */
  outcome: "built" | "unchanged" | "dry-run";
  documents: number;
  articles: number;
  chunks: number;
  seconds: number;
  diff: IndexDiff;
  /** The current version was damaged (this file, this reason) and the build replaced it. */
  damaged?: { version: string; file: string; reason: string };
}

/** What the operations store keeps about an answer (the facade fills it, a Recorder persists it). */
export interface AnswerRecord {
  answerId: string;
  at: Date;
  asker: Asker;
  question: string;
  language: Language;
  grounded: boolean;
  citations: Pick<Citation, "doc" | "article" | "paragraph" | "chunkId">[];
  indexVersion: string;
  ms: number;
}

export type Vote = "up" | "down";

export interface StatsSummary {
  days: number;
  totalQuestions: number;
  refused: number;
  byDay: { day: string; platform: string; questions: number }[];
  byPlatform: Record<string, number>;
  topArticles: { article: number; count: number }[];
  gaps: { at: string; platform: string; language: string; reason: "refused" | "down"; question?: string; note?: string }[];
  /** Something the admin must know about the store itself (recording stopped, a damaged file moved aside). */
  notice?: string;
}

export interface ForgetResult {
  answers: number;
  feedback: number;
}

/**
 * Where answers and feedback are persisted. The core only defines the port; `src/ops/store.ts`
 * implements it with SQLite and the composition root plugs it in. Implementations must never throw
 * into an answer: a failed write is logged and swallowed.
 */
export interface Recorder {
  recordAnswer(rec: AnswerRecord): void;
  recordFeedback(answerId: string, asker: Asker, vote: Vote, reason?: string): boolean;
  forget(asker: Asker): ForgetResult;
  stats(days: number): StatsSummary;
}
