/**
 * Which of the bot's three languages a question is in. franc (trigram statistics) decides for
 * longer text; a few very common function words settle short or diacritic-less questions
 * ("dan do la gi" is Vietnamese even without accents); the platform's locale breaks ties.
 */
import { francAll } from "franc-min";
import type { Language } from "../types.js";
import { words } from "../text.js";

const FRANC: Record<string, Language> = { eng: "en", ind: "id", vie: "vi" };
const VIETNAMESE_LETTERS = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i;

const MARKERS: Record<Language, Set<string>> = {
  en: new Set("the what which who how does do is are can must should of to in for and about with when where why under my i you".split(" ")),
  id: new Set("apa apakah yang dan di ke dari untuk dengan ini itu bagaimana siapa kapan dimana mengapa tentang oleh bisa dapat harus adalah atau tidak pasal bab saya anda konvensi negara".split(" ")),
  vi: new Set("la gi cua va cac nhung duoc khong nao ve cho trong voi nhu the nay do co toi ban ai khi sao bao nhieu dieu chuong quy dinh cong uoc nhieu hay".split(" ")),
};

/** Map a platform locale ("id", "vi-VN", "en-GB") to a bot language, if it is one. */
export function languageOfLocale(locale?: string): Language | undefined {
  const l = locale?.toLowerCase().slice(0, 2);
  return l === "en" || l === "id" || l === "vi" ? l : undefined;
}

export function detectLanguage(text: string, localeHint?: string): Language {
  const hint = languageOfLocale(localeHint);
  if (VIETNAMESE_LETTERS.test(text)) return "vi";
  const tokens = words(text);
  const score = (l: Language) => tokens.filter((t) => MARKERS[l].has(t)).length;
  const scores = (["en", "id", "vi"] as Language[]).map((l) => [l, score(l)] as const).sort((a, b) => b[1] - a[1]);
  if (tokens.length < 3 && scores[0][1] - scores[1][1] < 2) return hint ?? (scores[0][1] > scores[1][1] ? scores[0][0] : "en");
  if (scores[0][1] >= 2 && scores[0][1] >= 2 * scores[1][1]) return scores[0][0];
  const guess = francAll(text, { only: Object.keys(FRANC), minLength: 8 })[0];
  if (guess && guess[0] !== "und" && guess[1] > 0.9) return FRANC[guess[0]];
  if (scores[0][1] > scores[1][1]) return scores[0][0];
  return hint ?? "en";
}
