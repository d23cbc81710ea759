/**
 * Text normalisation shared by the embedder, the lexical index and the glossary, so that a word is
 * the same word everywhere: lower case, diacritics folded (Vietnamese typed without accents still
 * matches), English words stemmed, stop words of the three languages dropped.
 */
import { stemmer } from "stemmer";
import { eng, ind, vie } from "stopword";

/** Lower-case and strip diacritics ("Điều" → "dieu", "dẫn độ" → "dan do"). */
export function fold(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .replace(/đ/g, "d")
    .replace(/[’‘]/g, "'");
}

/** Folded word tokens, punctuation dropped; "24/7" stays one token. */
export function words(text: string): string[] {
  return fold(text).match(/[a-z0-9]+(?:\/[0-9]+)?/g) ?? [];
}

const STOP = new Set(
  [...eng, ...ind, ...vie.filter((w) => !w.includes(" ")), "shall", "may", "state", "states", "party", "parties", "convention", "article", "articles", "pasal", "dieu", "konvensi", "cong", "uoc"].map(fold),
);

export const isStopWord = (w: string) => STOP.has(w);

const stems = new Map<string, string>();
/** Distinct words remembered at most; past it the memory starts afresh (questions bring new words). */
const STEM_MEMORY = 50_000;

/** The comparable form of one folded word: Porter stem for plain words, as is for numbers. Memoised: every answer stems the same corpus words again. */
export function stem(word: string): string {
  if (!/^[a-z]{4,}$/.test(word)) return word;
  let s = stems.get(word);
  if (s === undefined) {
    if (stems.size >= STEM_MEMORY) stems.clear();
    stems.set(word, (s = stemmer(word)));
  }
  return s;
}

/** Content terms of a text: folded, stop words out, stemmed. */
export function terms(text: string): string[] {
  return words(text).filter((w) => !STOP.has(w) && w.length > 1).map(stem);
}

/**
 * Words that shape a question rather than name its topic ("what does it say about…", "diatur",
 * "quy định", "vai trò"): they say nothing about whether the corpus covers the question, so the
 * confidence ignores them. Folded forms.
 */
const QUESTION_WORDS = new Set(
  [
    // English
    "say says said cover covers covered regulate regulates regulated regulation provide provides provided mention mentions",
    "describe describes role roles function functions deal deals explain tell need needs mean means meaning rule rules",
    "govern governs address addresses handle handled happen happens work works allowed allow allows legal law laws",
    // Indonesian
    "diatur mengatur atur aturan ketentuan menyatakan menjelaskan membahas peran fungsi bagaimana apakah cara menurut",
    "isi bunyi maksud arti hal soal terkait mengenai berlaku boleh bisa dapat hukum",
    // Vietnamese (folded)
    "quy dinh gi ve viec nao sao nhu co duoc khong trong cua vai tro chuc nang noi la nhung cac mot ra bao gom dung",
    "the nay do ai khi phai can neu thi se da dang hay",
  ].join(" ").split(/\s+/),
);

export const isQuestionWord = (w: string) => QUESTION_WORDS.has(w);
