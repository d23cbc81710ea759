/**
 * Registers the slash commands with Discord: globally (reaches every server within about an hour), or
 * for one server when `DISCORD_GUILD_ID` is set (immediate, for development). A bulk overwrite, so a
 * command removed from the code disappears from Discord too.
 */
import { REST, Routes, type RESTPostAPIChatInputApplicationCommandsJSONBody } from "discord.js";
import type { Config } from "../config.js";
import { restOptions } from "./client.js";
import { commands } from "./commands/index.js";

export function commandDefinitions(): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return commands.map((c) => c.data.toJSON());
}

export interface DeployResult {
  scope: "global" | "guild";
  guildId?: string;
  commands: string[];
}

export async function deployCommands(config: Config, opts: { guildId?: string } = {}): Promise<DeployResult> {
  const token = config.DISCORD_BOT_TOKEN;
  if (!token) throw new Error("DISCORD_BOT_TOKEN is not set");
  const rest = new REST(restOptions(config)).setToken(token);
  // Without DISCORD_APPLICATION_ID the token's own application is asked for its id.
  const applicationId = config.DISCORD_APPLICATION_ID ?? ((await rest.get(Routes.currentApplication())) as { id: string }).id;
  const guildId = opts.guildId ?? config.DISCORD_GUILD_ID;
  const route = guildId ? Routes.applicationGuildCommands(applicationId, guildId) : Routes.applicationCommands(applicationId);
  const registered = (await rest.put(route, { body: commandDefinitions() })) as { name: string }[];
  return { scope: guildId ? "guild" : "global", guildId, commands: registered.map((c) => c.name) };
}
