/** `/stats` (admins): the last week's questions, refusals, most cited articles and gaps. */
import { langOf } from "../context.js";
import { t } from "../i18n.js";
import { pack, renderStats } from "../render.js";
import { inReplyTo, sendRendered } from "../send.js";
import type { CommandModule } from "./types.js";

const DAYS = 7;

export const stats: CommandModule = {
  name: "stats",
  adminOnly: true,
  description: {
    en: "Usage statistics (admins)",
    id: "Statistik penggunaan (admin)",
    vi: "Thống kê sử dụng (quản trị)",
  },
  async execute(ctx, deps) {
    const s = t(langOf(ctx));
    const summary = deps.core.stats(DAYS);
    if (!summary) return ctx.reply(s.statsUnavailable, inReplyTo(ctx.msg.message_id));
    return sendRendered(ctx, pack(renderStats(summary, s)), { replyTo: ctx.msg.message_id });
  },
};
