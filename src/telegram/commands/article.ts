/** `/article <n>`: an article's title and full text, split over messages on paragraph boundaries. */
import { langOf } from "../context.js";
import { pack, renderArticle } from "../render.js";
import { inReplyTo, sendRendered } from "../send.js";
import type { CommandModule } from "./types.js";

export const article: CommandModule = {
  name: "article",
  description: "command-article",
  async execute(ctx, { chat }) {
    const replyTo = ctx.msg.message_id;
    const last = Math.max(0, ...chat.core.articleTitles().map((a) => a.article));
    const n = Number(/\d{1,4}/.exec(ctx.match)?.[0]);
    if (!Number.isInteger(n)) return ctx.reply(ctx.t("article-usage", { max: last }), inReplyTo(replyTo));
    const view = chat.core.article(n);
    if (!view) return ctx.reply(ctx.t("article-not-found", { number: n, max: last }), inReplyTo(replyTo));
    return sendRendered(ctx, pack(renderArticle(view, langOf(ctx))), { replyTo });
  },
};
