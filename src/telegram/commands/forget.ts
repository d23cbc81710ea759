/** `/forget`: delete what the store keeps about this user (through the facade) and our conversation. */
import { askerOf, langOf } from "../context.js";
import { t } from "../i18n.js";
import { inReplyTo } from "../send.js";
import type { CommandModule } from "./types.js";

export const forget: CommandModule = {
  name: "forget",
  description: {
    en: "Delete what I stored about you",
    id: "Hapus data yang saya simpan tentang Anda",
    vi: "Xóa dữ liệu tôi lưu về bạn",
  },
  async execute(ctx, deps) {
    const result = deps.core.forget(askerOf(ctx));
    deps.memory.forgetUser(ctx.from?.id ?? 0);
    await ctx.reply(t(langOf(ctx)).forgot(result.answers, result.feedback), inReplyTo(ctx.msg.message_id));
  },
};
