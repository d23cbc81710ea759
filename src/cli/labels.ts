/**
 * The words the command-line surfaces (the terminal chat, `npm run ask`) put around answers, in
 * the answer's language: an Indonesian answer under an English "Sources:" header reads as a bug.
 * The answer texts themselves come localized from the core.
 */
import type { Language } from "../core/bot.js";

export interface Labels {
  sources: string;
  /** The terminal chat's confirmation of /new. */
  newConversation: string;
  article: (n: number, title: string) => string;
  articleRange: string;
  index: (version: string, createdAt: string) => string;
  help: string;
}

export const LABELS: Record<Language, Labels> = {
  en: {
    sources: "Sources:",
    newConversation: "New conversation: the next question will not be read as a follow-up.",
    article: (n, title) => `Article ${n} — ${title}`,
    articleRange: "Articles are numbered 1 to 68, e.g. /article 41.",
    index: (v, at) => `Index ${v} (built ${at})`,
    help: [
      "Ask anything about the UN Convention against Cybercrime or its signing in Hanoi (English, Indonesian, Vietnamese).",
      "Commands: /article N — show an article · /sources — corpus and index · /new — forget the conversation · /quit",
    ].join("\n"),
  },
  id: {
    sources: "Sumber:",
    newConversation: "Percakapan baru: pertanyaan berikutnya tidak dibaca sebagai lanjutan.",
    article: (n, title) => `Pasal ${n} — ${title}`,
    articleRange: "Pasal bernomor 1 sampai 68, misalnya /article 41.",
    index: (v, at) => `Indeks ${v} (dibuat ${at})`,
    help: [
      "Tanyakan apa saja tentang Konvensi PBB tentang Kejahatan Siber atau penandatanganannya di Hanoi (Inggris, Indonesia, Vietnam).",
      "Perintah: /article N — tampilkan pasal · /sources — korpus dan indeks · /new — lupakan percakapan · /quit",
    ].join("\n"),
  },
  vi: {
    sources: "Nguồn:",
    newConversation: "Cuộc trò chuyện mới: câu hỏi tiếp theo sẽ không được hiểu là câu hỏi nối tiếp.",
    article: (n, title) => `Điều ${n} — ${title}`,
    articleRange: "Các điều được đánh số từ 1 đến 68, ví dụ /article 41.",
    index: (v, at) => `Chỉ mục ${v} (tạo lúc ${at})`,
    help: [
      "Hãy hỏi bất cứ điều gì về Công ước LHQ về chống tội phạm mạng hoặc lễ ký tại Hà Nội (tiếng Anh, Indonesia, Việt).",
      "Lệnh: /article N — xem một điều · /sources — tài liệu và chỉ mục · /new — quên cuộc trò chuyện · /quit",
    ].join("\n"),
  },
};
