/** `/article <n>`: an article's title and full text, split over messages on paragraph boundaries. */
import { langOf } from "../context.js";
import { t } from "../i18n.js";
import { pack, renderArticle } from "../render.js";
import { inReplyTo, sendRendered } from "../send.js";
import type { CommandModule } from "./types.js";

export const article: CommandModule = {
  name: "article",
  description: {
    en: "Read an article, e.g. /article 41",
    id: "Baca sebuah pasal, mis. /article 41",
    vi: "Đọc một điều, ví dụ /article 41",
  },
  async execute(ctx, deps) {
    const s = t(langOf(ctx));
    const replyTo = ctx.msg.message_id;
    const last = Math.max(0, ...deps.core.articleTitles().map((a) => a.article));
    const n = Number(/\d{1,4}/.exec(ctx.match)?.[0]);
    if (!Number.isInteger(n)) return ctx.reply(s.articleUsage(last), inReplyTo(replyTo));
    const view = deps.core.article(n);
    if (!view) return ctx.reply(s.noSuchArticle(n, last), inReplyTo(replyTo));
    return sendRendered(ctx, pack(renderArticle(view, s)), { replyTo });
  },
};
