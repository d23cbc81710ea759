/**
 * `npm run discord:deploy`: register the slash commands, globally or (with DISCORD_GUILD_ID) for one
 * server. Run it after changing a command's definition; the bot itself never registers anything.
 */
import { loadConfig } from "../src/config.js";
import { commandLine, type CommandSpec } from "../src/cli/args.js";
import { runMain } from "../src/cli/main.js";
import { deployCommands } from "../src/discord/deploy.js";
import { scrubSecrets } from "../src/log.js";

const DEPLOY: CommandSpec = {
  usage: ["npm run discord:deploy"],
  summary:
    "Register the bot's slash commands with Discord: for the server DISCORD_GUILD_ID when it is set (at once), otherwise globally (may take up to an hour). Needs DISCORD_BOT_TOKEN; DISCORD_APPLICATION_ID is looked up when unset.",
  options: {},
};

runMain(async () => {
  commandLine(DEPLOY);
  try {
    const config = loadConfig();
    const result = await deployCommands(config);
    const where = result.scope === "guild" ? `server ${result.guildId}` : "all servers (global; may take up to an hour to appear)";
    console.log(`Registered ${result.commands.length} commands for ${where}: ${result.commands.map((c) => `/${c}`).join(" ")}`);
  } catch (err) {
    throw new Error(scrubSecrets((err as Error).message ?? String(err), [process.env.DISCORD_BOT_TOKEN]));
  }
}, "discord:deploy failed");
