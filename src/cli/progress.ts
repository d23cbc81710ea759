/**
 * Progress bars for the ingestion stages (read, parse, chunk, embed, build, save) on stderr, via
 * cli-progress; silent when stderr is not a terminal so logs and CI output stay clean.
 */
import cliProgress from "cli-progress";
import type { ReindexProgress } from "../core/bot.js";

export function stageBars(): { onProgress: (p: ReindexProgress) => void; stop: () => void } {
  if (!process.stderr.isTTY) return { onProgress: () => undefined, stop: () => undefined };
  const multi = new cliProgress.MultiBar(
    { stream: process.stderr, format: " {stage} [{bar}] {value}/{total}", hideCursor: true, clearOnComplete: false },
    cliProgress.Presets.shades_classic,
  );
  const bars = new Map<string, cliProgress.SingleBar>();
  return {
    onProgress: ({ stage, done, total }) => {
      let bar = bars.get(stage);
      if (!bar) bars.set(stage, (bar = multi.create(total, 0, { stage: stage.padEnd(5) })));
      bar.setTotal(total);
      bar.update(done, { stage: stage.padEnd(5) });
    },
    stop: () => multi.stop(),
  };
}
