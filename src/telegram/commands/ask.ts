/** `/ask <question>`: the way to ask in a group without mentioning the bot. */
import { ask as askQuestion } from "../questions.js";
import type { CommandModule } from "./types.js";

export const ask: CommandModule = {
  name: "ask",
  description: {
    en: "Ask a question about the Convention",
    id: "Ajukan pertanyaan tentang Konvensi",
    vi: "Đặt câu hỏi về Công ước",
  },
  execute: (ctx, deps) => askQuestion(ctx, ctx.match.trim(), deps),
};
