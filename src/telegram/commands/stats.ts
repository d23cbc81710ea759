/** `/stats` (admins): the last week's questions, refusals, most cited articles and gaps. */
import { langOf } from "../context.js";
import { pack, renderStats } from "../render.js";
import { inReplyTo, sendRendered } from "../send.js";
import type { CommandModule } from "./types.js";

const DAYS = 7;

export const stats: CommandModule = {
  name: "stats",
  adminOnly: true,
  description: "command-stats",
  async execute(ctx, { chat }) {
    const summary = chat.core.stats(DAYS);
    if (!summary) return ctx.reply(ctx.t("stats-unavailable"), inReplyTo(ctx.msg.message_id));
    return sendRendered(ctx, pack(renderStats(summary, langOf(ctx))), { replyTo: ctx.msg.message_id });
  },
};
