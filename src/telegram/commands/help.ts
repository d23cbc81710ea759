/** `/help` (and `/start`): what the bot knows, how to ask it, example questions, in the user's language. */
import { langOf } from "../context.js";
import { EXAMPLES, t } from "../i18n.js";
import { escapeHtml, pack } from "../render.js";
import { sendRendered } from "../send.js";
import type { CommandModule } from "./types.js";

export const help: CommandModule = {
  name: "help",
  aliases: ["start"],
  description: {
    en: "What I know and how to ask me",
    id: "Apa yang saya ketahui dan cara bertanya",
    vi: "Tôi biết gì và cách hỏi tôi",
  },
  async execute(ctx) {
    const lang = langOf(ctx);
    const html = t(lang).help(escapeHtml(`@${ctx.me.username}`), EXAMPLES[lang].map(escapeHtml));
    // The help text is our own markup: its plain form just drops the tags and entities.
    const plain = html.replace(/<[^>]+>/g, "").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&amp;/g, "&");
    await sendRendered(ctx, pack([{ html, plain }]), { replyTo: ctx.msg.message_id });
  },
};
