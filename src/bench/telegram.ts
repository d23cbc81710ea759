/**
 * Telegram end to end: the real grammY bot (long polling, rate limit off) against the tests' fake
 * Bot API on 127.0.0.1. Each question is a private message from one of M users; its answer is the
 * reply to it that carries the feedback buttons (a long answer's earlier parts come without them).
 */
import { FakeTelegramApi, type ApiCall } from "../../tests/fakes/telegram-api.js";
import { Burst, type BurstFigures, type BurstPlan } from "./burst.js";

export interface TelegramFigures extends BurstFigures {
  /** Answer parts sent before the last one (long answers), and API calls the fake rejected. */
  extraParts: number;
  failedCalls: number;
}

export class TelegramDriver {
  private runs = 0;

  private constructor(readonly fake: FakeTelegramApi) {}

  static async start(): Promise<TelegramDriver> {
    return new TelegramDriver(await FakeTelegramApi.start());
  }

  /** What the bot's process needs to talk to the fake. */
  env(): Record<string, string> {
    return { TELEGRAM_BOT_TOKEN: this.fake.token, TELEGRAM_API_ROOT: this.fake.apiRoot };
  }

  async run(plan: BurstPlan, questions: string[]): Promise<TelegramFigures> {
    const run = ++this.runs;
    // Fresh users each run, so no conversation carries over from the previous one.
    const users = Array.from({ length: plan.users }, (_, i) => this.fake.user(run * 100_000 + i + 1));
    const chats = users.map((u) => this.fake.privateChat(u));
    const burst = new Burst(plan);
    let extraParts = 0;
    let failedCalls = 0;
    const onCall = (call: ApiCall) => {
      if (!call.ok) failedCalls++;
      if (call.method !== "sendMessage" || !call.ok) return;
      const key = `${call.params.chat_id}:${call.params.reply_parameters?.message_id}`;
      if (call.params.reply_markup?.inline_keyboard) burst.answer(key);
      else extraParts++;
    };
    this.fake.on("call", onCall);
    try {
      const figures = await burst.run((i) => {
        const u = i % users.length;
        const message = this.fake.send(users[u], chats[u], questions[i % questions.length]);
        return `${chats[u].id}:${message.message_id}`;
      });
      return { ...figures, extraParts, failedCalls };
    } finally {
      this.fake.off("call", onCall);
    }
  }

  close(): Promise<void> {
    return this.fake.close();
  }
}
