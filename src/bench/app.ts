/**
 * The bot as `npm start` runs it (`startApp`: store, Telegram, Discord, operations), in its own
 * process, pointed by the parent at the fake Bot API and the fake Discord. It reports its memory
 * when asked, and stops gracefully on `stop`.
 */
import { commands, post } from "./process.js";
import { mb, peakRssMb } from "./stats.js";

/** RSS as it stands, then RSS and heap after a full GC (what is really retained). */
const memory = () => {
  const rss = process.memoryUsage().rss;
  (globalThis as { gc?: () => void }).gc?.();
  const settled = process.memoryUsage();
  return { rssMb: mb(rss), settledRssMb: mb(settled.rss), heapMb: mb(settled.heapUsed), peakRssMb: peakRssMb() };
};

/** Child side. */
export async function measure(): Promise<void> {
  const { loadConfig } = await import("../config.js");
  const { startApp } = await import("../app.js");
  const app = await startApp(loadConfig(process.env), { terminal: false });
  await post({ type: "ready", services: app.services.map((s) => s.name), ...memory() });
  for await (const command of commands()) {
    if (command.type === "memory") await post({ type: "memory", ...memory() });
    if (command.type === "stop") break;
  }
  await app.stop();
  await post({ type: "result", ...memory() });
}
