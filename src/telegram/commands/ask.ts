/** `/ask <question>`: the way to ask in a group without mentioning the bot. */
import { ask as askQuestion } from "../questions.js";
import type { CommandModule } from "./types.js";

export const ask: CommandModule = {
  name: "ask",
  description: "command-ask",
  execute: (ctx, deps) => askQuestion(ctx, ctx.match.trim(), deps),
};
