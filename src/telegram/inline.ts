/**
 * Inline mode: `@bot <words>` in any chat offers the best-matching passages (article title,
 * first lines, link), so a user can drop a cited article into any conversation.
 */
import { createHash } from "node:crypto";
import { Composer, InlineQueryResultBuilder } from "grammy";
import { articleHeading } from "../chat/views.js";
import type { SearchHit } from "../core/bot.js";
import { langOf, type BotContext, type Deps } from "./context.js";
import { escapeHtml, link, splitText } from "./render.js";

const MAX_RESULTS = 10;
/** How much of a passage goes into the message a user drops into their chat. */
const MAX_PASSAGE = 3_000;
const MAX_DESCRIPTION = 200;
const MAX_QUERY = 256;

export function inline({ chat }: Deps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.on("inline_query", async (ctx) => {
    const words = ctx.inlineQuery.query.trim().slice(0, MAX_QUERY);
    if (!words) {
      await ctx.answerInlineQuery([], { cache_time: 300, button: { text: ctx.t("inline-help"), start_parameter: "inline" } });
      return;
    }
    const hits = distinct(await chat.core.search(words, MAX_RESULTS * 3)).slice(0, MAX_RESULTS);
    const results = hits.map((hit) => {
      const title = hit.article !== null ? articleHeading(hit.article, hit.title, langOf(ctx)) : hit.title;
      const passage = splitText(hit.text, MAX_PASSAGE)[0] ?? "";
      const html = `<b>${escapeHtml(title)}</b>\n\n${escapeHtml(passage)}${passage.length < hit.text.length ? " …" : ""}\n\n${link(hit.url, ctx.t("official-text"))}`;
      return InlineQueryResultBuilder.article(resultId(hit), title, {
        description: hit.text.replace(/\s+/g, " ").slice(0, MAX_DESCRIPTION),
        ...(hit.url ? { url: hit.url } : {}),
      }).text(html, { parse_mode: "HTML", link_preview_options: { is_disabled: true } });
    });
    await ctx.answerInlineQuery(results, {
      cache_time: 60,
      ...(results.length ? {} : { button: { text: ctx.t("inline-no-results"), start_parameter: "inline" } }),
    });
  });
  return composer;
}

/** One result per passage (the search may return the same paragraph from several chunks). */
function distinct(hits: SearchHit[]): SearchHit[] {
  const seen = new Set<string>();
  return hits.filter((h) => {
    const k = `${h.doc}:${h.article}:${h.paragraph}`;
    return !seen.has(k) && !!seen.add(k);
  });
}

/** Result ids must be unique and at most 64 bytes. */
function resultId(hit: SearchHit): string {
  return createHash("sha1").update(`${hit.doc}:${hit.article}:${hit.paragraph}:${hit.text.slice(0, 64)}`).digest("hex");
}
