/**
 * The short sentences that frame quoted text, in the user's language. Quotes themselves stay in
 * the source's language (the Convention's official English, a report's own language); documents
 * are named by their short title and date (see names.ts).
 */
import type { Language } from "../types.js";

/** The UN Treaty Collection's chapter of penal-matters treaties, where signatures and ratifications are recorded. */
export const TREATY_COLLECTION_URL = "https://treaties.un.org/Pages/Treaties.aspx?id=18&subid=A&clang=_en";
const UNTC = TREATY_COLLECTION_URL;

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
  articleIntro: string;
  moreAt: (url: string) => string;
  translationNote: string;
  refusal: string;
  /** Refusals by kind: not found, ratification status, prediction, opinion, other instrument, tech support, off topic. */
  refusals: Record<"notFound" | "status" | "prediction" | "opinion" | "otherInstrument" | "howto" | "offTopic", string>;
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

const EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const ID_MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];

export const PHRASES: Record<Language, Phrases> = {
  en: {
    intro: "Here is what the Convention says:",
    docIntro: (name) => `${name} says:`,
    dated: (name, date) => `${name} of ${date}`,
    date: (d, m, y) => `${d} ${EN_MONTHS[m - 1]} ${y}`,
    paragraphLabel: (name, n) => `${name}, para. ${n}`,
    languageNames: { en: "English", id: "Indonesian", vi: "Vietnamese" },
    originalNote: (lang) => `(Quoted in the original ${lang}; there is no translation.)`,
    alsoIntro: "See also:",
    articleIntro: "",
    moreAt: (url) => `Full text: ${url}`,
    translationNote: "",
    refusal: "I couldn't find this in the UN Convention against Cybercrime or in the news report of its signing, so I can't answer it.",
    refusals: {
      notFound: "I couldn't find this in the UN Convention against Cybercrime or in the news report of its signing, so I can't answer it.",
      status: `I can't tell who has signed or ratified the Convention, or whether it is in force: my sources are its adopted text and one report of the signing ceremony, not a record of signatures and ratifications. The UN Treaty Collection keeps that record: ${UNTC}`,
      prediction: "I can't predict what the Convention will achieve: my sources are its text and one news report. I can tell you what the text provides.",
      opinion: "I don't give opinions or advice on the Convention; I can tell you what its text says.",
      otherInstrument: "I only answer about the UN Convention against Cybercrime and the report of its signing, not about other treaties or national laws.",
      howto: "I can't help with technical support: I answer questions about the UN Convention against Cybercrime and the report of its signing.",
      offTopic: "That is outside what I know: I answer questions about the UN Convention against Cybercrime and the report of its signing.",
    },
    whatItSays: (a, t) => `What does Article ${a} (${t}) say?`,
    tryAsking: "You could ask, for example:",
    suggestions: [
      "What does the Convention say about illegal access to computer systems?",
      "How does extradition work under the Convention?",
      "Where was the Convention signed?",
    ],
    discrepancy: "Note: the sources disagree here.",
    paragraphMissing: (a, p) => `Article ${a} has no paragraph ${p}; here is the article.`,
    summaryLabel: "In short (unofficial summary)",
    translatedMark: "(unofficial translation)",
    originalMark: (lang) => `Original (${lang})`,
  },
  id: {
    intro: "Berikut ketentuan Konvensi:",
    docIntro: (name) => `Menurut ${name}:`,
    dated: (name, date) => `${name} ${date}`,
    date: (d, m, y) => `${d} ${ID_MONTHS[m - 1]} ${y}`,
    paragraphLabel: (name, n) => `${name}, paragraf ${n}`,
    languageNames: { en: "bahasa Inggris", id: "bahasa Indonesia", vi: "bahasa Vietnam" },
    originalNote: (lang) => `(Dikutip dari teks asli dalam ${lang}; belum ada terjemahannya.)`,
    alsoIntro: "Lihat juga:",
    articleIntro: "",
    moreAt: (url) => `Teks lengkap: ${url}`,
    translationNote: "(Kutipan dari teks resmi berbahasa Inggris.)",
    refusal: "Saya tidak menemukan jawabannya dalam Konvensi PBB tentang Kejahatan Siber maupun dalam laporan berita penandatanganannya, jadi saya tidak dapat menjawabnya.",
    refusals: {
      notFound: "Saya tidak menemukan jawabannya dalam Konvensi PBB tentang Kejahatan Siber maupun dalam laporan berita penandatanganannya, jadi saya tidak dapat menjawabnya.",
      status: `Saya tidak dapat memastikan negara mana yang sudah menandatangani atau meratifikasi Konvensi, atau apakah Konvensi sudah berlaku: sumber saya adalah teks yang diadopsi dan satu laporan upacara penandatanganan, bukan catatan penandatanganan dan ratifikasi. Catatan itu ada di UN Treaty Collection: ${UNTC}`,
      prediction: "Saya tidak dapat memprediksi hasil Konvensi: sumber saya hanya teksnya dan satu laporan berita. Saya dapat menjelaskan apa yang diatur dalam teksnya.",
      opinion: "Saya tidak memberi pendapat atau saran tentang Konvensi; saya dapat menjelaskan apa yang dikatakan teksnya.",
      otherInstrument: "Saya hanya menjawab tentang Konvensi PBB tentang Kejahatan Siber dan laporan penandatanganannya, bukan tentang perjanjian lain atau undang-undang nasional.",
      howto: "Saya tidak dapat membantu masalah teknis: saya menjawab pertanyaan tentang Konvensi PBB tentang Kejahatan Siber dan laporan penandatanganannya.",
      offTopic: "Itu di luar pengetahuan saya: saya menjawab pertanyaan tentang Konvensi PBB tentang Kejahatan Siber dan laporan penandatanganannya.",
    },
    whatItSays: (a, t) => `Apa isi Pasal ${a} (${t})?`,
    tryAsking: "Coba tanyakan, misalnya:",
    suggestions: [
      "Apa yang diatur Konvensi tentang akses ilegal ke sistem komputer?",
      "Bagaimana ekstradisi diatur dalam Konvensi?",
      "Di mana upacara penandatanganan Konvensi diadakan?",
    ],
    discrepancy: "Catatan: sumber-sumber berbeda dalam hal ini.",
    paragraphMissing: (a, p) => `Pasal ${a} tidak memiliki ayat ${p}; berikut pasalnya.`,
    summaryLabel: "Singkatnya (ringkasan tidak resmi)",
    translatedMark: "(terjemahan tidak resmi)",
    originalMark: (lang) => `Asli (${lang})`,
  },
  vi: {
    intro: "Công ước quy định như sau:",
    docIntro: (name) => `Theo ${name}:`,
    dated: (name, date) => `${name} ngày ${date}`,
    date: (d, m, y) => `${d}/${m}/${y}`,
    paragraphLabel: (name, n) => `${name}, đoạn ${n}`,
    languageNames: { en: "tiếng Anh", id: "tiếng Indonesia", vi: "tiếng Việt" },
    originalNote: (lang) => `(Trích nguyên văn ${lang}; chưa có bản dịch.)`,
    alsoIntro: "Xem thêm:",
    articleIntro: "",
    moreAt: (url) => `Toàn văn: ${url}`,
    translationNote: "(Trích từ văn bản chính thức bằng tiếng Anh.)",
    refusal: "Tôi không tìm thấy nội dung này trong Công ước của Liên Hợp Quốc về chống tội phạm mạng hay trong bản tin về lễ ký, nên không thể trả lời.",
    refusals: {
      notFound: "Tôi không tìm thấy nội dung này trong Công ước của Liên Hợp Quốc về chống tội phạm mạng hay trong bản tin về lễ ký, nên không thể trả lời.",
      status: `Tôi không thể cho biết nước nào đã ký hay phê chuẩn Công ước, hoặc Công ước đã có hiệu lực chưa: nguồn của tôi là văn bản được thông qua và một bản tin về lễ ký, không phải hồ sơ ký và phê chuẩn. Hồ sơ đó có tại UN Treaty Collection: ${UNTC}`,
      prediction: "Tôi không thể dự đoán Công ước sẽ đạt được gì: nguồn của tôi chỉ là văn bản và một bản tin. Tôi có thể cho biết văn bản quy định gì.",
      opinion: "Tôi không đưa ra ý kiến hay lời khuyên về Công ước; tôi có thể cho biết văn bản nói gì.",
      otherInstrument: "Tôi chỉ trả lời về Công ước của Liên Hợp Quốc về chống tội phạm mạng và bản tin về lễ ký, không về điều ước khác hay luật quốc gia.",
      howto: "Tôi không thể hỗ trợ kỹ thuật: tôi trả lời câu hỏi về Công ước của Liên Hợp Quốc về chống tội phạm mạng và bản tin về lễ ký.",
      offTopic: "Điều đó nằm ngoài phạm vi của tôi: tôi trả lời câu hỏi về Công ước của Liên Hợp Quốc về chống tội phạm mạng và bản tin về lễ ký.",
    },
    whatItSays: (a, t) => `Điều ${a} (${t}) quy định gì?`,
    tryAsking: "Bạn có thể hỏi, ví dụ:",
    suggestions: [
      "Công ước quy định gì về truy cập trái phép hệ thống máy tính?",
      "Dẫn độ được quy định thế nào trong Công ước?",
      "Lễ ký Công ước được tổ chức ở đâu?",
    ],
    discrepancy: "Lưu ý: các nguồn không thống nhất ở điểm này.",
    paragraphMissing: (a, p) => `Điều ${a} không có khoản ${p}; dưới đây là toàn bộ điều.`,
    summaryLabel: "Tóm tắt (không chính thức)",
    translatedMark: "(bản dịch không chính thức)",
    originalMark: (lang) => `Nguyên văn (${lang})`,
  },
};
