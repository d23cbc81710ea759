/**
 * `/article number:<1-68>`: one article of the Convention, heading, chapter, the paragraphs that fit and
 * a link to the official text. Autocomplete offers the article titles as the user types a number or words.
 */
import {
  MessageFlags, SlashCommandBuilder, type AutocompleteInteraction, type ChatInputCommandInteraction,
} from "discord.js";
import { NO_PINGS } from "../answering.js";
import type { DiscordContext } from "../context.js";
import { languageOf, t } from "../i18n.js";
import { LIMITS, truncate } from "../limits.js";
import { articleHeading, renderArticle } from "../render.js";

/** The Convention has 68 articles; the definition is static so registering needs no index. */
const ARTICLES = 68;

export const data = new SlashCommandBuilder()
  .setName("article")
  .setDescription("Show an article of the Convention")
  .setDescriptionLocalizations({ id: "Tampilkan satu pasal Konvensi", vi: "Xem một điều của Công ước" })
  .addIntegerOption((o) =>
    o
      .setName("number")
      .setDescription("Article number (1-68), or type words of its title")
      .setDescriptionLocalizations({ id: "Nomor pasal (1-68), atau ketik judulnya", vi: "Số điều (1-68), hoặc gõ tên điều" })
      .setRequired(true)
      .setMinValue(1)
      .setMaxValue(ARTICLES)
      .setAutocomplete(true),
  );

export async function execute(interaction: ChatInputCommandInteraction, ctx: DiscordContext): Promise<void> {
  const n = interaction.options.getInteger("number", true);
  const lang = languageOf(interaction.locale);
  const view = ctx.bot.article(n);
  if (!view) {
    await interaction.reply({ content: t(lang).articleNotFound(n), flags: MessageFlags.Ephemeral });
    return;
  }
  await interaction.reply({ embeds: [renderArticle(view, lang, ctx.bot.indexVersion)], allowedMentions: NO_PINGS });
}

export async function autocomplete(interaction: AutocompleteInteraction, ctx: DiscordContext): Promise<void> {
  const typed = String(interaction.options.getFocused()).trim().toLowerCase();
  const titles = ctx.bot.articleTitles();
  const matches = /^\d+$/.test(typed)
    ? titles.filter((a) => String(a.article).startsWith(typed))
    : titles.filter((a) => articleHeading(a.article, a.title).toLowerCase().includes(typed));
  await interaction.respond(
    matches.slice(0, LIMITS.autocompleteChoices).map((a) => ({
      name: truncate(articleHeading(a.article, a.title), LIMITS.choiceName),
      value: a.article,
    })),
  );
}
