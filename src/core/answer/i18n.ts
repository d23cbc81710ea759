/**
 * The short sentences that frame quoted text, in the user's language. Quotes themselves stay in
 * the source's language (the Convention's official English, the report's Indonesian).
 */
import type { Language } from "../types.js";

export interface Phrases {
  intro: string;
  newsIntro: string;
  alsoIntro: string;
  articleIntro: string;
  moreAt: (url: string) => string;
  translationNote: string;
  refusal: string;
  tryAsking: string;
  suggestions: string[];
  discrepancy: string;
  paragraphMissing: (article: number, paragraph: number) => string;
  /** Label of the plain-language gist: it is not the official text. */
  summaryLabel: string;
  /** After a translated quote, and before the original beneath it. */
  translatedMark: string;
  originalMark: string;
}

export const PHRASES: Record<Language, Phrases> = {
  en: {
    intro: "Here is what the Convention says:",
    newsIntro: "The news report of the Hanoi signing says:",
    alsoIntro: "See also:",
    articleIntro: "",
    moreAt: (url) => `Full text: ${url}`,
    translationNote: "",
    refusal: "I couldn't find this in the UN Convention against Cybercrime or in the news report of its signing, so I can't answer it.",
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
    originalMark: "Original (Indonesian)",
  },
  id: {
    intro: "Berikut ketentuan Konvensi:",
    newsIntro: "Menurut laporan berita penandatanganan di Hanoi:",
    alsoIntro: "Lihat juga:",
    articleIntro: "",
    moreAt: (url) => `Teks lengkap: ${url}`,
    translationNote: "(Kutipan dari teks resmi berbahasa Inggris.)",
    refusal: "Saya tidak menemukan jawabannya dalam Konvensi PBB tentang Kejahatan Siber maupun dalam laporan berita penandatanganannya, jadi saya tidak dapat menjawabnya.",
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
    originalMark: "Asli (bahasa Indonesia)",
  },
  vi: {
    intro: "Công ước quy định như sau:",
    newsIntro: "Theo bản tin về lễ ký tại Hà Nội:",
    alsoIntro: "Xem thêm:",
    articleIntro: "",
    moreAt: (url) => `Toàn văn: ${url}`,
    translationNote: "(Trích từ văn bản chính thức bằng tiếng Anh.)",
    refusal: "Tôi không tìm thấy nội dung này trong Công ước của Liên Hợp Quốc về chống tội phạm mạng hay trong bản tin về lễ ký, nên không thể trả lời.",
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
    originalMark: "Nguyên văn (tiếng Indonesia)",
  },
};
