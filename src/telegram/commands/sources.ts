/** `/sources`: the documents the answers come from, and the index version and date. */
import { langOf } from "../context.js";
import { t } from "../i18n.js";
import { pack, renderSources } from "../render.js";
import { sendRendered } from "../send.js";
import type { CommandModule } from "./types.js";

export const sources: CommandModule = {
  name: "sources",
  description: {
    en: "The documents and the index version",
    id: "Dokumen dan versi indeks",
    vi: "Tài liệu và phiên bản chỉ mục",
  },
  execute: (ctx, deps) => sendRendered(ctx, pack(renderSources(deps.core.sources(langOf(ctx)), t(langOf(ctx)))), { replyTo: ctx.msg.message_id }),
};
