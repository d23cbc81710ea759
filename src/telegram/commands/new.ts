/** `/new`: forget the last exchange here, so the next question is not read as a follow-up. */
import { placeOf } from "../questions.js";
import { inReplyTo } from "../send.js";
import type { CommandModule } from "./types.js";

export const newConversation: CommandModule = {
  name: "new",
  description: "command-new",
  async execute(ctx, { chat }) {
    chat.memory.startOver(placeOf(ctx));
    await ctx.reply(ctx.t("new-done"), inReplyTo(ctx.msg.message_id));
  },
};
