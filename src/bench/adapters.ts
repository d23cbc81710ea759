/**
 * Both platforms end to end in one run: the fakes live in this (the parent) process, the bot in a
 * child process started as `npm start` starts it, with both adapters connected at once — so its
 * memory is the memory of a bot serving Telegram and Discord together. Each platform gets a
 * warm-up, a burst (every question delivered at once: capacity, and that nothing is lost or
 * doubled under load), then paced runs (a steady offered rate: time from update to answer) — at
 * the target's 300/s for Telegram, and at half the capacity the burst measured for both.
 */
import type { BurstFigures, BurstPlan } from "./burst.js";
import type { BenchContext } from "./context.js";
import { DiscordDriver, type DiscordFigures } from "./discord.js";
import { Part, type Message } from "./process.js";
import { TelegramDriver, type TelegramFigures } from "./telegram.js";

interface Memory extends Message {
  rssMb: number;
  settledRssMb: number;
  heapMb: number;
  peakRssMb: number;
}

export interface PlatformFigures<F extends BurstFigures> {
  burst: F;
  /** Telegram only: at the target's offered rate. */
  atTarget?: F;
  /** At half the burst's answers per second. */
  atHalfCapacity: F;
}

export interface AdapterFigures {
  telegram: PlatformFigures<TelegramFigures>;
  discord: PlatformFigures<DiscordFigures>;
  /** RSS when ready and after each platform (as it stood, then after a full GC), heap after GC at the end, peak RSS. */
  memory: {
    readyRssMb: number;
    afterTelegram: { rssMb: number; settledRssMb: number };
    afterDiscord: { rssMb: number; settledRssMb: number };
    heapMb: number;
    peakRssMb: number;
  };
}

/** The rate the Telegram target asks for. */
export const TARGET_RATE = 300;
/** Between runs, so a run does not inherit the previous one's backlog (or discord.js's 1 s global window). */
const SETTLE_MS = 1_000;

interface Driver<F extends BurstFigures> {
  run(plan: BurstPlan, questions: string[]): Promise<F>;
}

async function platform<F extends BurstFigures>(
  ctx: BenchContext, name: string, driver: Driver<F>, questions: string[], burst: { questions: number; users: number }, target?: number,
): Promise<PlatformFigures<F>> {
  const settle = () => new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  const say = (what: string, f: F) => ctx.progress(`  ${name} ${what}: ${f.answersPerSec} answers/s, p95 ${f.latencyMs.p95} ms, exactly once: ${f.exactlyOnce}`);
  await driver.run({ questions: questions.length, users: 5 }, questions);
  await settle();
  const b = await driver.run(burst, questions);
  say("burst", b);
  const seconds = ctx.quick ? 1 : 3;
  let atTarget: F | undefined;
  if (target) {
    await settle();
    atTarget = await driver.run({ questions: target * seconds, users: 50, ratePerSec: target }, questions);
    say(`at ${target}/s`, atTarget);
  }
  await settle();
  const half = Math.max(1, Math.round(b.answersPerSec / 2));
  const atHalfCapacity = await driver.run({ questions: half * seconds, users: 50, ratePerSec: half }, questions);
  say(`at ${half}/s`, atHalfCapacity);
  return { burst: b, atTarget, atHalfCapacity };
}

export async function benchAdapters(ctx: BenchContext, questions: string[]): Promise<AdapterFigures> {
  const telegram = await TelegramDriver.start();
  const discord = await DiscordDriver.start();
  const part = new Part("app", { env: ctx.env("app", { ...telegram.env(), ...discord.env() }), execArgv: ["--expose-gc"], timeoutMs: 240_000 });
  try {
    const memory = async () => {
      part.send({ type: "memory" });
      return part.next<Memory>("memory");
    };
    const ready = await part.next<Memory & { services: string[] }>("ready");
    for (const needed of ["telegram", "discord"]) if (!ready.services.includes(needed)) throw new Error(`the app started without ${needed}`);
    const tg = await platform(ctx, "telegram", telegram, questions, { questions: ctx.quick ? 200 : 1000, users: ctx.quick ? 20 : 50 }, TARGET_RATE);
    const afterTelegram = await memory();
    const dc = await platform(ctx, "discord", discord, questions, { questions: ctx.quick ? 100 : 300, users: ctx.quick ? 10 : 30 });
    const afterDiscord = await memory();
    part.send({ type: "stop" });
    const final = await part.next<Memory>("result");
    await part.done();
    return {
      telegram: tg,
      discord: dc,
      memory: {
        readyRssMb: ready.rssMb,
        afterTelegram: { rssMb: afterTelegram.rssMb, settledRssMb: afterTelegram.settledRssMb },
        afterDiscord: { rssMb: afterDiscord.rssMb, settledRssMb: afterDiscord.settledRssMb },
        heapMb: afterDiscord.heapMb,
        peakRssMb: final.peakRssMb,
      },
    };
  } finally {
    part.kill();
    await Promise.allSettled([telegram.close(), discord.close()]);
  }
}
