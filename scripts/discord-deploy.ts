/**
 * `npm run discord:deploy`: register the slash commands, globally or (with DISCORD_GUILD_ID) for one
 * server. Run it after changing a command's definition; the bot itself never registers anything.
 */
import { loadConfig } from "../src/config.js";
import { deployCommands } from "../src/discord/deploy.js";
import { scrubSecrets } from "../src/log.js";

try {
  const config = loadConfig();
  const result = await deployCommands(config);
  const where = result.scope === "guild" ? `server ${result.guildId}` : "all servers (global; may take up to an hour to appear)";
  console.log(`Registered ${result.commands.length} commands for ${where}: ${result.commands.map((c) => `/${c}`).join(" ")}`);
} catch (err) {
  console.error(`discord:deploy failed: ${scrubSecrets((err as Error).message ?? String(err), [process.env.DISCORD_BOT_TOKEN])}`);
  process.exitCode = 1;
}
