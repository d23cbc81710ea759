/**
 * At start, a damaged CURRENT version is replaced by an intact older one (see core/index/select.ts);
 * the damaged one is then rebuilt here, in the background, while the older one answers. The rebuild
 * is an ordinary reindex (a damaged current version counts as changed), swapped in once verified.
 */
import type { ConventionBot } from "../core/bot.js";
import { log } from "../log.js";

export function repairInBackground(bot: ConventionBot): void {
  const damage = bot.damagedCurrent;
  if (!damage) return;
  log.warn({ version: damage.version, file: damage.file, serving: bot.indexVersion }, `rebuilding the damaged index version ${damage.version} in the background; ${bot.indexVersion} answers meanwhile`);
  bot.reindex().then(
    (summary) => log.info({ version: summary.version, outcome: summary.outcome }, `index rebuilt after damage: version ${summary.version} serves now`),
    (err: Error) => log.error({ err: err.message, serving: bot.indexVersion }, `rebuilding the damaged index failed; ${bot.indexVersion} keeps serving (run npm run ingest)`),
  );
}
