/**
 * The short sentences that frame quoted text, in the user's language, read from the message
 * catalog (`locales/*.ftl`, ids `core-…`) like everything else the bot says. Quotes themselves stay
 * in the source's language (the Convention's official English, a report's own language); documents
 * are named by their short title and date (see names.ts).
 */
import { say, sayLines } from "../messages.js";
import type { Language } from "../types.js";

/** The UN Treaty Collection's chapter of penal-matters treaties, where signatures and ratifications are recorded. */
export const TREATY_COLLECTION_URL = "https://treaties.un.org/Pages/Treaties.aspx?id=18&subid=A&clang=_en";

export type RefusalKind = "notFound" | "status" | "prediction" | "opinion" | "otherInstrument" | "howto" | "offTopic";

export interface Phrases {
  intro: string;
  /** The line above a quote from a report or press release: "Report of 2 November 2025 says:". */
  docIntro: (name: string) => string;
  /** A document's name with its date ("Report of 2 November 2025"); see answer/names.ts. */
  dated: (name: string, date: string) => string;
  date: (day: number, month: number, year: number) => string;
  /** A paragraph of a document: "Report of 2 November 2025, para. 1". */
  paragraphLabel: (name: string, paragraph: number) => string;
  /** Names of the corpus languages, as this language writes them. */
  languageNames: Record<Language, string>;
  /** After a quote left in its original language (no translation in corpus/translations). */
  originalNote: (languageName: string) => string;
  alsoIntro: string;
  moreAt: (url: string) => string;
  /** After Convention quotes shown to an Indonesian or Vietnamese asker (empty in English). */
  translationNote: string;
  /** Refusals by kind: not found, ratification status, prediction, opinion, other instrument, tech support, off topic. */
  refusals: Record<RefusalKind, string>;
  /** A suggestion offered with an opinion refusal: what the text says on the topic. */
  whatItSays: (article: number, title: string) => string;
  tryAsking: string;
  suggestions: string[];
  discrepancy: string;
  paragraphMissing: (article: number, paragraph: number) => string;
  /** Label of the plain-language gist: it is not the official text. */
  summaryLabel: string;
  /** After a translated quote, and before the original beneath it. */
  translatedMark: string;
  originalMark: (languageName: string) => string;
}

const REFUSAL_IDS: Record<RefusalKind, string> = {
  notFound: "core-refusal-not-found",
  status: "core-refusal-status",
  prediction: "core-refusal-prediction",
  opinion: "core-refusal-opinion",
  otherInstrument: "core-refusal-other-instrument",
  howto: "core-refusal-howto",
  offTopic: "core-refusal-off-topic",
};

function phrasesIn(l: Language): Phrases {
  // Numbers that are not quantities go in as text: Fluent would write the year 2025 as "2,025".
  const s = (id: string, args?: Record<string, string | number>) => say(l, id, args);
  const languageName = (language: string) => s("core-language-name", { language });
  return {
    intro: s("core-intro"),
    docIntro: (name) => s("core-doc-intro", { name }),
    dated: (name, date) => s("core-dated", { name, date }),
    date: (day, month, year) => s("core-date", { day: String(day), month, year: String(year) }),
    paragraphLabel: (name, paragraph) => s("core-paragraph-label", { name, paragraph: String(paragraph) }),
    languageNames: { en: languageName("en"), id: languageName("id"), vi: languageName("vi") },
    originalNote: (language) => s("core-original-note", { language }),
    alsoIntro: s("core-also"),
    moreAt: (url) => s("core-more-at", { url }),
    translationNote: l === "en" ? "" : s("core-translation-note"),
    refusals: Object.fromEntries(Object.entries(REFUSAL_IDS).map(([kind, id]) => [kind, s(id, { url: TREATY_COLLECTION_URL })])) as Record<RefusalKind, string>,
    whatItSays: (article, title) => s("core-what-it-says", { article: String(article), title }),
    tryAsking: s("answer-try-asking"),
    suggestions: sayLines(l, "core-suggestions"),
    discrepancy: s("core-discrepancy"),
    paragraphMissing: (article, paragraph) => s("core-paragraph-missing", { article: String(article), paragraph: String(paragraph) }),
    summaryLabel: s("answer-summary"),
    translatedMark: s("answer-translated"),
    originalMark: (language) => s("core-original-mark", { language }),
  };
}

const cache = new Map<Language, Phrases>();

/** The phrases of one language, read from the catalog once. */
export function phrases(language: Language): Phrases {
  let p = cache.get(language);
  if (!p) cache.set(language, (p = phrasesIn(language)));
  return p;
}
