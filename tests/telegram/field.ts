/**
 * Helpers for the field-fault tests (issue 12): waiting on what the fake Bot API recorded, never on time.
 */
import type { Chat, Message } from "grammy/types";
import type { FakeTelegramApi, SentMessage } from "../fakes/telegram-api.js";

/** The bot's replies to `message`, once there is at least one. */
export function repliesTo(api: FakeTelegramApi, message: Message): Promise<SentMessage[]> {
  return api.waitFor(() => api.repliesTo(message).length > 0 && api.repliesTo(message), 20_000, `a reply to message ${message.message_id}`);
}

/**
 * Ask a marker question in `chat` and wait for its answer: a chat's updates are handled in order,
 * so once it is answered every earlier update of that chat has been handled. Used to show that
 * something was *not* answered, without waiting for time to pass.
 */
export async function settle(api: FakeTelegramApi, chat: Chat, userId = 99_001): Promise<void> {
  const user = api.user(userId);
  const text = chat.type === "private" ? "Where was the signing ceremony held?" : `@${api.bot.username} where was the signing ceremony held?`;
  await repliesTo(api, api.send(user, chat, text));
}

/** The answerCallbackQuery calls for one press, successful or not. */
export function acknowledgements(api: FakeTelegramApi, queryId: string) {
  return api.callsOf("answerCallbackQuery").filter((c) => c.params.callback_query_id === queryId);
}
