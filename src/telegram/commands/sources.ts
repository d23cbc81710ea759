/** `/sources`: the documents the answers come from, and the index version and date. */
import { langOf } from "../context.js";
import { pack, renderSources } from "../render.js";
import { sendRendered } from "../send.js";
import type { CommandModule } from "./types.js";

export const sources: CommandModule = {
  name: "sources",
  description: "command-sources",
  execute: (ctx, { chat }) => sendRendered(ctx, pack(renderSources(chat.core.sources(langOf(ctx)), langOf(ctx))), { replyTo: ctx.msg.message_id }),
};
