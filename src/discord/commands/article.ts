/**
 * `/article number:<1-68>`: one article of the Convention, heading, chapter, the paragraphs that fit and
 * a link to the official text. Autocomplete offers the article titles as the user types a number or words.
 */
import {
  MessageFlags, SlashCommandBuilder, type AutocompleteInteraction, type ChatInputCommandInteraction,
} from "discord.js";
import { languageOf, say } from "../../chat/catalog.js";
import { articleHeading } from "../../chat/views.js";
import { NO_PINGS } from "../answering.js";
import type { DiscordContext } from "../context.js";
import { LIMITS, truncate } from "../limits.js";
import { renderArticle } from "../render.js";
import { described } from "./localized.js";

/** The Convention has 68 articles; the definition is static so registering needs no index. */
const ARTICLES = 68;

export const data = described(new SlashCommandBuilder().setName("article"), "command-article").addIntegerOption((o) =>
  described(o.setName("number"), "command-article-number").setRequired(true).setMinValue(1).setMaxValue(ARTICLES).setAutocomplete(true),
);

export async function execute(interaction: ChatInputCommandInteraction, { chat }: DiscordContext): Promise<void> {
  const n = interaction.options.getInteger("number", true);
  const lang = languageOf(interaction.locale);
  const view = chat.core.article(n);
  if (!view) {
    await interaction.reply({ content: say(lang, "article-not-found", { number: n, max: ARTICLES }), flags: MessageFlags.Ephemeral });
    return;
  }
  await interaction.reply({ embeds: [renderArticle(view, lang, chat.core.indexVersion)], allowedMentions: NO_PINGS });
}

export async function autocomplete(interaction: AutocompleteInteraction, { chat }: DiscordContext): Promise<void> {
  const typed = String(interaction.options.getFocused()).trim().toLowerCase();
  const lang = languageOf(interaction.locale);
  const choices = chat.core.articleTitles().map((a) => ({ name: articleHeading(a.article, a.title, lang), value: a.article }));
  const matches = /^\d+$/.test(typed) ? choices.filter((c) => String(c.value).startsWith(typed)) : choices.filter((c) => c.name.toLowerCase().includes(typed));
  await interaction.respond(matches.slice(0, LIMITS.autocompleteChoices).map((c) => ({ ...c, name: truncate(c.name, LIMITS.choiceName) })));
}
