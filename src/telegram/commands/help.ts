/** `/help` (and `/start`): what the bot knows, how to ask it, example questions, in the user's language. */
import { langOf } from "../context.js";
import { pack, renderHelp } from "../render.js";
import { sendRendered } from "../send.js";
import type { CommandModule } from "./types.js";

export const help: CommandModule = {
  name: "help",
  aliases: ["start"],
  description: "command-help",
  execute: (ctx) => sendRendered(ctx, pack(renderHelp(`@${ctx.me.username}`, langOf(ctx))), { replyTo: ctx.msg.message_id }),
};
