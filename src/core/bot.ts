/**
 * The facade: the only thing adapters (Telegram, Discord, terminal, ops) import from the core.
 * It owns the currently served index, answers questions from it, rebuilds and hot-swaps it.
 * (Skeleton: signatures are final, the implementation is being written.)
 */
import { EventEmitter } from "node:events";
import type { Config } from "../config.js";
import type {
  Answer, AnswerOptions, ArticleView, Asker, ForgetResult, Recorder, ReindexOptions,
  ReindexSummary, SearchHit, SourcesView, StatsSummary, Vote,
} from "./types.js";

export * from "./types.js";

export interface BotEvents {
  /** A new index version is being served. */
  indexChanged: [version: string];
  /** An answer was produced (for metrics). */
  answered: [answer: Answer, options: AnswerOptions];
  reindexed: [summary: ReindexSummary];
}

export interface CreateBotOptions {
  recorder?: Recorder;
  /** Build the index when none exists yet (what `npm start` does). Default true. */
  buildIfMissing?: boolean;
}

export declare class ConventionBot extends EventEmitter<BotEvents> {
  readonly config: Config;
  /** Version of the index currently served. */
  get indexVersion(): string;
  answer(question: string, options?: AnswerOptions): Promise<Answer>;
  search(words: string, k?: number): Promise<SearchHit[]>;
  article(n: number): ArticleView | null;
  /** Article numbers and titles, for autocomplete and help texts. */
  articleTitles(): { article: number; title: string }[];
  sources(): SourcesView;
  /** Rebuild the index (locked across processes) and swap it in; answers keep flowing from the old one meanwhile. */
  reindex(options?: ReindexOptions): Promise<ReindexSummary>;
  /** Load the version named by INDEX_DIR/CURRENT if it differs from the served one. Throws if it fails to load (the old one keeps serving). */
  reload(): Promise<boolean>;
  feedback(answerId: string, asker: Asker, vote: Vote, reason?: string): boolean;
  forget(asker: Asker): ForgetResult;
  stats(days: number): StatsSummary | null;
  close(): Promise<void>;
}

export declare function createBot(config: Config, options?: CreateBotOptions): Promise<ConventionBot>;
