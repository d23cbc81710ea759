/**
 * Slash command descriptions from the catalog: English as Discord's default, Indonesian and
 * Vietnamese as localizations, the same texts Telegram's command menus show.
 */
import { say } from "../../chat/catalog.js";

interface Describable<T> {
  setDescription(text: string): T;
  setDescriptionLocalizations(texts: Record<string, string>): T;
}

export function described<T>(builder: Describable<T>, id: string): T {
  builder.setDescription(say("en", id));
  return builder.setDescriptionLocalizations({ id: say("id", id), vi: say("vi", id) });
}
