/** Every slash command, in the order `/help` and registration list them. */
import type { SlashCommand } from "../context.js";
import * as article from "./article.js";
import * as ask from "./ask.js";
import * as forget from "./forget.js";
import * as help from "./help.js";
import * as newConversation from "./new.js";
import * as reindex from "./reindex.js";
import * as sources from "./sources.js";
import * as stats from "./stats.js";

export const commands: readonly SlashCommand[] = [ask, article, sources, help, newConversation, forget, reindex, stats];

export function findCommand(name: string): SlashCommand | undefined {
  return commands.find((c) => c.data.name === name);
}
