/** `/new`: forget the last exchange, so the next question is not read as a follow-up. */
import { langOf } from "../context.js";
import { t } from "../i18n.js";
import { inReplyTo } from "../send.js";
import type { CommandModule } from "./types.js";

export const newConversation: CommandModule = {
  name: "new",
  description: {
    en: "Start a new conversation",
    id: "Mulai percakapan baru",
    vi: "Bắt đầu cuộc trò chuyện mới",
  },
  async execute(ctx, deps) {
    deps.memory.startOver(ctx.chat.id);
    await ctx.reply(t(langOf(ctx)).newConversation, inReplyTo(ctx.msg.message_id));
  },
};
