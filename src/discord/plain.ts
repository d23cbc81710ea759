/**
 * Messages without embeds, for a channel where the bot may send but not embed (no Embed Links):
 * Discord refuses an embed there (50013), and an apology would not help anyone. The same content
 * goes out as markdown text instead — title in bold, each field as a bold name over its value, the
 * footer as small text — packed by the shared splitter into messages of at most 2,000 characters,
 * the buttons under the last one.
 */
import { escapeMarkdown, type APIEmbed, type BaseMessageOptions } from "discord.js";
import { pack, type Piece } from "../chat/split.js";
import { LIMITS } from "./limits.js";

const AS_IS = { limit: LIMITS.content, escape: (s: string) => s };

/** `messages` with every embed turned into text; the content and components they had are kept. */
export function withoutEmbeds(messages: BaseMessageOptions[]): BaseMessageOptions[] {
  const pieces = messages.flatMap((m) => [...(m.content ? [piece(m.content)] : []), ...(m.embeds ?? []).flatMap((e) => embedPieces(toJson(e)))]);
  const texts = pack(pieces, AS_IS).map((p) => p.text);
  const components = messages.at(-1)?.components ?? [];
  const allowedMentions = messages[0]?.allowedMentions;
  return texts.map((content, i) => ({ content, allowedMentions, embeds: [], components: i === texts.length - 1 ? components : [] }));
}

function toJson(e: NonNullable<BaseMessageOptions["embeds"]>[number]): APIEmbed {
  return "toJSON" in e && typeof e.toJSON === "function" ? (e.toJSON() as APIEmbed) : (e as APIEmbed);
}

const piece = (text: string, glue?: string): Piece => ({ text, plain: text, glue });

function embedPieces(e: APIEmbed): Piece[] {
  return [
    ...(e.author?.name ? [piece(`*${escapeMarkdown(e.author.name)}*`)] : []),
    ...(e.title ? [{ ...piece(`**${e.title}**`, "\n"), heading: true }] : []),
    ...(e.description ?? "").split(/\n\s*\n/).filter((p) => p.trim()).map((p) => piece(p)),
    ...(e.fields ?? []).map((f) => piece(`**${f.name}**\n${f.value}`)),
    ...(e.footer?.text ? [piece(`-# ${escapeMarkdown(e.footer.text)}`)] : []),
  ];
}
