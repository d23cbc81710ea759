/** `/forget`: delete what the store keeps about this user (through the facade) and our conversations. */
import { askerOf } from "../context.js";
import { inReplyTo } from "../send.js";
import { senderId } from "../senders.js";
import type { CommandModule } from "./types.js";

export const forget: CommandModule = {
  name: "forget",
  description: "command-forget",
  async execute(ctx, { chat }) {
    const result = chat.core.forget(askerOf(ctx));
    chat.memory.forgetUser(senderId(ctx) ?? "");
    await ctx.reply(ctx.t("forget-done", { answers: result.answers, feedback: result.feedback }), inReplyTo(ctx.msg.message_id));
  },
};
