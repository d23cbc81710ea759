/**
 * Discord end to end: the real discord.js client against the tests' fake Discord (REST and gateway
 * on 127.0.0.1). Each question is an `/ask` interaction from one of M users in the server's
 * channel; its answer is the edit of the deferred response carrying the answer's embed. Exactly
 * once also means: each interaction acknowledged once, and no request the fake had to reject.
 */
import { FakeDiscord, type RecordedCall } from "../../tests/fakes/discord.js";
import { Burst, type BurstFigures, type BurstPlan } from "./burst.js";

export interface DiscordFigures extends BurstFigures {
  /** Interactions not acknowledged exactly once; requests the fake rejected; follow-up parts. */
  ackProblems: number;
  violations: number;
  followUps: number;
}

const CALLBACK = /^\/interactions\/\d+\/([^/]+)\/callback$/;
const ORIGINAL = /^\/webhooks\/\d+\/([^/]+)\/messages\/@original$/;
const FOLLOW_UP = /^\/webhooks\/\d+\/([^/]+)$/;

export class DiscordDriver {
  private runs = 0;

  private constructor(readonly fake: FakeDiscord) {}

  static async start(): Promise<DiscordDriver> {
    return new DiscordDriver(await FakeDiscord.start());
  }

  env(): Record<string, string> {
    return { DISCORD_BOT_TOKEN: this.fake.token, DISCORD_API_ROOT: this.fake.apiRoot, DISCORD_APPLICATION_ID: this.fake.applicationId };
  }

  async run(plan: BurstPlan, questions: string[]): Promise<DiscordFigures> {
    const run = ++this.runs;
    const users = Array.from({ length: plan.users }, (_, i) => this.fake.user(`bench${run}u${i + 1}`));
    const burst = new Burst(plan);
    const acks = new Map<string, number>();
    let followUps = 0;
    const violationsBefore = this.fake.violations.length;
    const onCall = (call: RecordedCall, status: number) => {
      let m: RegExpExecArray | null;
      if ((m = CALLBACK.exec(call.path)) && call.method === "POST") {
        acks.set(m[1], (acks.get(m[1]) ?? 0) + 1);
      } else if ((m = ORIGINAL.exec(call.path)) && call.method === "PATCH" && status === 200) {
        if (call.body?.embeds?.length) burst.answer(m[1]);
        else burst.otherReply(m[1]);
      } else if ((m = FOLLOW_UP.exec(call.path)) && call.method === "POST") {
        followUps++;
      }
    };
    this.fake.on("call", onCall);
    try {
      const tokens: string[] = [];
      const figures = await burst.run((i) => {
        const { token } = this.fake.command("ask", { question: questions[i % questions.length] }, { user: users[i % users.length], where: "general" });
        tokens.push(token);
        return token;
      });
      const ackProblems = tokens.filter((t) => acks.get(t) !== 1).length;
      const violations = this.fake.violations.length - violationsBefore;
      return { ...figures, exactlyOnce: figures.exactlyOnce && ackProblems === 0 && violations === 0, ackProblems, violations, followUps };
    } finally {
      this.fake.off("call", onCall);
    }
  }

  close(): Promise<void> {
    return this.fake.close();
  }
}
