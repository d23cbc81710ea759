/**
 * Driving a platform end to end: questions go in through a fake platform server (all at once, or
 * at a steady offered rate), the platform module reports every answer it sees the bot send, and
 * this keeps the books: answers per second, time from update to answer, and whether every question
 * got exactly one answer (none lost, none doubled, nothing sent to a question never asked).
 */
import { round, spread, type Spread } from "./stats.js";

export interface BurstPlan {
  questions: number;
  users: number;
  /** Offered load in questions per second; undefined delivers them all at once. */
  ratePerSec?: number;
  timeoutMs?: number;
}

export interface BurstFigures {
  mode: "burst" | "paced";
  questions: number;
  users: number;
  offeredPerSec: number | null;
  /** First question delivered → last answer received. */
  seconds: number;
  answersPerSec: number;
  /** Update delivered → answer received by the fake server. */
  latencyMs: Spread;
  answered: number;
  missing: number;
  duplicated: number;
  /** Replies that were not an answer (error or cooldown notices). */
  otherReplies: number;
  /** Answers to questions nobody asked in this run. */
  strays: number;
  exactlyOnce: boolean;
}

interface Tracker {
  sentAt: number;
  answers: number;
  otherReplies: number;
  answeredAt?: number;
}

const GRACE_MS = 300;

export class Burst {
  private trackers = new Map<string, Tracker>();
  private answered = 0;
  private strays = 0;
  private allAnswered!: () => void;
  private done = new Promise<void>((resolve) => (this.allAnswered = resolve));

  constructor(readonly plan: BurstPlan) {}

  /** The platform saw the bot answer the question `key`. */
  answer(key: string): void {
    const t = this.trackers.get(key);
    if (!t) return void this.strays++;
    if (++t.answers > 1) return;
    t.answeredAt = performance.now();
    if (++this.answered === this.plan.questions) this.allAnswered();
  }

  /** The platform saw the bot reply to `key` with something other than an answer. */
  otherReply(key: string): void {
    const t = this.trackers.get(key);
    if (t) t.otherReplies++;
    else this.strays++;
  }

  /** Deliver the questions (`deliver(i)` sends the i-th and returns its key), then wait for the answers. */
  async run(deliver: (i: number) => string): Promise<BurstFigures> {
    const { questions, ratePerSec, timeoutMs = 120_000 } = this.plan;
    const started = performance.now();
    const send = (i: number) => {
      const sentAt = performance.now();
      this.trackers.set(deliver(i), { sentAt, answers: 0, otherReplies: 0 });
    };
    if (!ratePerSec) {
      for (let i = 0; i < questions; i++) send(i);
    } else {
      let i = 0;
      while (i < questions) {
        const due = Math.min(questions, Math.floor(((performance.now() - started) * ratePerSec) / 1000) + 1);
        while (i < due) send(i++);
        if (i < questions) await new Promise((resolve) => setTimeout(resolve, 1));
      }
    }
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.done, new Promise((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
    clearTimeout(timer);
    // Anything doubled usually follows right behind: give it the chance to show.
    await new Promise((resolve) => setTimeout(resolve, GRACE_MS));
    return this.figures(started);
  }

  private figures(started: number): BurstFigures {
    const all = [...this.trackers.values()];
    const answeredAt = all.flatMap((t) => (t.answeredAt === undefined ? [] : [t.answeredAt]));
    const seconds = answeredAt.length ? (Math.max(...answeredAt) - started) / 1000 : Number.NaN;
    const missing = all.filter((t) => t.answers === 0).length;
    const duplicated = all.filter((t) => t.answers > 1).length;
    const otherReplies = all.reduce((s, t) => s + t.otherReplies, 0);
    return {
      mode: this.plan.ratePerSec ? "paced" : "burst",
      questions: this.plan.questions,
      users: this.plan.users,
      offeredPerSec: this.plan.ratePerSec ?? null,
      seconds: round(seconds, 3),
      answersPerSec: round(this.answered / seconds, 0),
      latencyMs: spread(all.flatMap((t) => (t.answeredAt === undefined ? [] : [t.answeredAt - t.sentAt]))),
      answered: this.answered,
      missing,
      duplicated,
      otherReplies,
      strays: this.strays,
      exactlyOnce: all.length === this.plan.questions && missing === 0 && duplicated === 0 && otherReplies === 0 && this.strays === 0,
    };
  }
}
