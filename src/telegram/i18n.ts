/**
 * Every sentence the Telegram bot says on its own (answers come from the core already in the
 * user's language). Kept in one place so the three languages stay in step: a key missing in one
 * language is a type error, not a silent English fallback.
 *
 * Strings that end up in HTML messages are written as HTML; any value interpolated into them must
 * be escaped by the caller (see `render.ts`).
 */
import type { Language, ReindexStage } from "../core/bot.js";

export interface Strings {
  /** `/start` and `/help`; `bot` is the escaped @username. */
  help(bot: string, examples: string[]): string;
  askUsage: string;
  rateLimited: string;
  nonText: string;
  failed: string;
  unknownCommand: string;
  sourcesHeading: string;
  seeAlso: string;
  article: string;
  chapter: string;
  articleUsage(max: number): string;
  noSuchArticle(n: number, max: number): string;
  notes: string;
  officialText: string;
  documents: string;
  sections(n: number): string;
  indexLine(version: string, date: string): string;
  newConversation: string;
  forgot(answers: number, feedback: number): string;
  thanksUp: string;
  thanksDown: string;
  whatWasWrong: string;
  whatWasWrongPlaceholder: string;
  reasonNoted: string;
  feedbackFailed: string;
  adminOnly: string;
  reindexUsage: string;
  reindexBusy: string;
  reindexStarted(mode: "dry" | "force" | "normal"): string;
  reindexStage: Record<ReindexStage, string>;
  reindexProgress(stage: string, done: number, total: number): string;
  reindexBuilt: string;
  reindexUnchanged: string;
  reindexDryRun: string;
  reindexFailed: string;
  summaryNumbers(documents: number, articles: number, chunks: number, seconds: string): string;
  version: string;
  previous: string;
  added: string;
  changed: string;
  removed: string;
  changedDocuments: string;
  nothingChanged: string;
  statsUnavailable: string;
  statsHeading(days: number): string;
  statsQuestions(total: number, refused: number): string;
  statsPlatforms: string;
  statsTopArticles: string;
  statsGaps: string;
  refused: string;
  downvoted: string;
  none: string;
  inlineHelp: string;
  inlineNoResults: string;
}

const en: Strings = {
  help: (bot, examples) =>
    [
      "I answer questions about the <b>United Nations Convention against Cybercrime</b> (68 articles in 9 chapters, " +
        "with its interpretative notes) and a news report on its signing in Hanoi on 25 October 2025. " +
        "Every answer quotes the text and cites the article and paragraph; when the documents do not answer a question, I say so.",
      "<b>How to ask</b>: in a private chat, just write your question. In a group, mention me, reply to one of my messages, or use /ask.",
      "<b>For example</b>\n" + examples.map((q) => `• ${q}`).join("\n"),
      "<b>Commands</b>\n/article 41 — read an article\n/sources — the documents and the index version\n" +
        "/new — start a new conversation\n/forget — delete what I stored about you",
      `In any chat, type ${bot} and a few words to share an article.`,
    ].join("\n\n"),
  askUsage: "Ask me a question about the Convention, for example: /ask What is the 24/7 network?",
  rateLimited: "You are asking faster than I can keep up. Please wait a minute and ask again.",
  nonText: "I can only read text. Please type your question.",
  failed: "Sorry, something went wrong while answering. Please try again in a moment.",
  unknownCommand: "I don't know that command. /help lists what I can do.",
  sourcesHeading: "Sources",
  seeAlso: "You could ask, for example:",
  article: "Article",
  chapter: "Chapter",
  articleUsage: (max) => `Send /article with a number from 1 to ${max}, for example /article 41.`,
  noSuchArticle: (n, max) => `There is no article ${n}: the Convention has articles 1 to ${max}.`,
  notes: "Interpretative notes",
  officialText: "Official text",
  documents: "Documents",
  sections: (n) => `${n} sections`,
  indexLine: (version, date) => `Index version ${version}, built ${date}.`,
  newConversation: "Done: your next question starts a new conversation.",
  forgot: (answers, feedback) =>
    `Deleted ${answers} stored answer${answers === 1 ? "" : "s"} and ${feedback} feedback vote${feedback === 1 ? "" : "s"} linked to you. ` +
    "I have also forgotten our conversation.",
  thanksUp: "Thanks for the feedback!",
  thanksDown: "Thanks, noted.",
  whatWasWrong: "What was wrong with this answer? Reply to this message in a few words (optional).",
  whatWasWrongPlaceholder: "What was wrong?",
  reasonNoted: "Thank you, that helps improve the answers.",
  feedbackFailed: "Sorry, I could not record that vote.",
  adminOnly: "Sorry, only the bot's administrators can do that.",
  reindexUsage: "Use /reindex, /reindex dry (show what would change) or /reindex force (rebuild even if nothing changed).",
  reindexBusy: "A reindex is already running; I will post its summary when it is done.",
  reindexStarted: (mode) =>
    mode === "dry" ? "Checking what a reindex would change…" : mode === "force" ? "Rebuilding the index (forced)…" : "Rebuilding the index…",
  reindexStage: { read: "reading", parse: "parsing", chunk: "chunking", embed: "embedding", build: "building", save: "saving" },
  reindexProgress: (stage, done, total) => `Rebuilding the index… ${stage} ${done}/${total}`,
  reindexBuilt: "Index rebuilt.",
  reindexUnchanged: "Nothing changed: the current index is up to date (use /reindex force to rebuild anyway).",
  reindexDryRun: "Dry run: nothing was written.",
  reindexFailed: "The reindex failed; the bot keeps answering from the current index. The details are in the log.",
  summaryNumbers: (d, a, c, s) => `Documents: ${d}, articles: ${a}, chunks: ${c}, time: ${s} s`,
  version: "Version",
  previous: "previous",
  added: "Added articles",
  changed: "Changed articles",
  removed: "Removed articles",
  changedDocuments: "Changed documents",
  nothingChanged: "No changes in the text.",
  statsUnavailable: "Statistics are not available: no store is configured.",
  statsHeading: (days) => `Last ${days} days`,
  statsQuestions: (total, refused) => `Questions: ${total} (not answered from the documents: ${refused})`,
  statsPlatforms: "By platform",
  statsTopArticles: "Most cited articles",
  statsGaps: "Latest gaps",
  refused: "refused",
  downvoted: "👎",
  none: "none",
  inlineHelp: "Type a few words to find an article",
  inlineNoResults: "No matching article",
};

const id: Strings = {
  help: (bot, examples) =>
    [
      "Saya menjawab pertanyaan tentang <b>Konvensi Perserikatan Bangsa-Bangsa melawan Kejahatan Siber</b> (68 pasal dalam 9 bab, " +
        "beserta catatan interpretatifnya) dan sebuah berita tentang penandatanganannya di Hanoi pada 25 Oktober 2025. " +
        "Setiap jawaban mengutip teksnya dan menyebut pasal serta ayatnya; jika dokumen tidak menjawab pertanyaan, saya akan mengatakannya.",
      "<b>Cara bertanya</b>: di obrolan pribadi, cukup tulis pertanyaan Anda. Di grup, sebut nama saya, balas salah satu pesan saya, atau gunakan /ask.",
      "<b>Contoh</b>\n" + examples.map((q) => `• ${q}`).join("\n"),
      "<b>Perintah</b>\n/article 41 — membaca sebuah pasal\n/sources — dokumen dan versi indeks\n" +
        "/new — memulai percakapan baru\n/forget — menghapus data yang saya simpan tentang Anda",
      `Di obrolan mana pun, ketik ${bot} dan beberapa kata untuk membagikan sebuah pasal.`,
    ].join("\n\n"),
  askUsage: "Ajukan pertanyaan tentang Konvensi, misalnya: /ask Apa itu jaringan 24/7?",
  rateLimited: "Anda bertanya lebih cepat daripada yang bisa saya layani. Mohon tunggu sekitar satu menit, lalu tanyakan lagi.",
  nonText: "Saya hanya bisa membaca teks. Silakan ketik pertanyaan Anda.",
  failed: "Maaf, terjadi kesalahan saat menjawab. Silakan coba lagi sebentar lagi.",
  unknownCommand: "Saya tidak mengenal perintah itu. /help berisi daftar yang bisa saya lakukan.",
  sourcesHeading: "Sumber",
  seeAlso: "Anda bisa bertanya, misalnya:",
  article: "Pasal",
  chapter: "Bab",
  articleUsage: (max) => `Kirim /article dengan nomor 1 sampai ${max}, misalnya /article 41.`,
  noSuchArticle: (n, max) => `Tidak ada pasal ${n}: Konvensi memiliki pasal 1 sampai ${max}.`,
  notes: "Catatan interpretatif",
  officialText: "Teks resmi",
  documents: "Dokumen",
  sections: (n) => `${n} bagian`,
  indexLine: (version, date) => `Versi indeks ${version}, dibuat ${date}.`,
  newConversation: "Baik: pertanyaan Anda berikutnya memulai percakapan baru.",
  forgot: (answers, feedback) =>
    `Terhapus ${answers} jawaban tersimpan dan ${feedback} penilaian yang terkait dengan Anda. Percakapan kita juga sudah saya lupakan.`,
  thanksUp: "Terima kasih atas penilaiannya!",
  thanksDown: "Terima kasih, sudah dicatat.",
  whatWasWrong: "Apa yang salah dengan jawaban ini? Balas pesan ini dengan beberapa kata (opsional).",
  whatWasWrongPlaceholder: "Apa yang salah?",
  reasonNoted: "Terima kasih, masukan Anda membantu memperbaiki jawaban.",
  feedbackFailed: "Maaf, penilaian itu tidak dapat dicatat.",
  adminOnly: "Maaf, hanya administrator bot yang dapat melakukannya.",
  reindexUsage: "Gunakan /reindex, /reindex dry (menampilkan perubahan saja) atau /reindex force (membangun ulang meski tidak ada perubahan).",
  reindexBusy: "Pengindeksan ulang sedang berjalan; ringkasannya akan saya kirim setelah selesai.",
  reindexStarted: (mode) =>
    mode === "dry" ? "Memeriksa apa yang akan berubah…" : mode === "force" ? "Membangun ulang indeks (dipaksa)…" : "Membangun ulang indeks…",
  reindexStage: { read: "membaca", parse: "mengurai", chunk: "memotong", embed: "menyematkan", build: "membangun", save: "menyimpan" },
  reindexProgress: (stage, done, total) => `Membangun ulang indeks… ${stage} ${done}/${total}`,
  reindexBuilt: "Indeks telah dibangun ulang.",
  reindexUnchanged: "Tidak ada perubahan: indeks saat ini sudah mutakhir (gunakan /reindex force untuk tetap membangun ulang).",
  reindexDryRun: "Uji coba: tidak ada yang ditulis.",
  reindexFailed: "Pengindeksan ulang gagal; bot tetap menjawab dari indeks saat ini. Rinciannya ada di log.",
  summaryNumbers: (d, a, c, s) => `Dokumen: ${d}, pasal: ${a}, potongan: ${c}, waktu: ${s} dtk`,
  version: "Versi",
  previous: "sebelumnya",
  added: "Pasal ditambahkan",
  changed: "Pasal diubah",
  removed: "Pasal dihapus",
  changedDocuments: "Dokumen diubah",
  nothingChanged: "Tidak ada perubahan pada teks.",
  statsUnavailable: "Statistik tidak tersedia: penyimpanan belum dikonfigurasi.",
  statsHeading: (days) => `${days} hari terakhir`,
  statsQuestions: (total, refused) => `Pertanyaan: ${total} (tidak terjawab dari dokumen: ${refused})`,
  statsPlatforms: "Menurut platform",
  statsTopArticles: "Pasal yang paling sering dikutip",
  statsGaps: "Celah terbaru",
  refused: "ditolak",
  downvoted: "👎",
  none: "tidak ada",
  inlineHelp: "Ketik beberapa kata untuk mencari pasal",
  inlineNoResults: "Tidak ada pasal yang cocok",
};

const vi: Strings = {
  help: (bot, examples) =>
    [
      "Tôi trả lời các câu hỏi về <b>Công ước của Liên hợp quốc về chống tội phạm mạng</b> (68 điều trong 9 chương, " +
        "cùng các ghi chú giải thích) và một bài báo về lễ ký Công ước tại Hà Nội ngày 25/10/2025. " +
        "Mỗi câu trả lời đều trích dẫn văn bản và nêu rõ điều, khoản; nếu tài liệu không trả lời được câu hỏi, tôi sẽ nói rõ.",
      "<b>Cách hỏi</b>: trong cuộc trò chuyện riêng, chỉ cần viết câu hỏi. Trong nhóm, hãy nhắc đến tôi, trả lời một tin nhắn của tôi hoặc dùng /ask.",
      "<b>Ví dụ</b>\n" + examples.map((q) => `• ${q}`).join("\n"),
      "<b>Lệnh</b>\n/article 41 — đọc một điều\n/sources — tài liệu và phiên bản chỉ mục\n" +
        "/new — bắt đầu cuộc trò chuyện mới\n/forget — xóa dữ liệu tôi lưu về bạn",
      `Trong bất kỳ cuộc trò chuyện nào, hãy gõ ${bot} và vài từ để chia sẻ một điều của Công ước.`,
    ].join("\n\n"),
  askUsage: "Hãy hỏi tôi một câu về Công ước, ví dụ: /ask Mạng lưới 24/7 là gì?",
  rateLimited: "Bạn đang hỏi nhanh hơn mức tôi có thể đáp ứng. Vui lòng đợi khoảng một phút rồi hỏi lại.",
  nonText: "Tôi chỉ đọc được văn bản. Vui lòng gõ câu hỏi của bạn.",
  failed: "Xin lỗi, đã có lỗi khi trả lời. Vui lòng thử lại sau giây lát.",
  unknownCommand: "Tôi không biết lệnh đó. /help liệt kê những gì tôi có thể làm.",
  sourcesHeading: "Nguồn",
  seeAlso: "Bạn có thể hỏi, ví dụ:",
  article: "Điều",
  chapter: "Chương",
  articleUsage: (max) => `Gửi /article kèm một số từ 1 đến ${max}, ví dụ /article 41.`,
  noSuchArticle: (n, max) => `Không có điều ${n}: Công ước có các điều từ 1 đến ${max}.`,
  notes: "Ghi chú giải thích",
  officialText: "Văn bản chính thức",
  documents: "Tài liệu",
  sections: (n) => `${n} phần`,
  indexLine: (version, date) => `Phiên bản chỉ mục ${version}, tạo lúc ${date}.`,
  newConversation: "Xong: câu hỏi tiếp theo của bạn sẽ bắt đầu một cuộc trò chuyện mới.",
  forgot: (answers, feedback) =>
    `Đã xóa ${answers} câu trả lời đã lưu và ${feedback} lượt đánh giá liên quan đến bạn. Tôi cũng đã quên cuộc trò chuyện của chúng ta.`,
  thanksUp: "Cảm ơn bạn đã đánh giá!",
  thanksDown: "Cảm ơn, tôi đã ghi nhận.",
  whatWasWrong: "Câu trả lời này sai ở đâu? Hãy trả lời tin nhắn này bằng vài từ (không bắt buộc).",
  whatWasWrongPlaceholder: "Sai ở đâu?",
  reasonNoted: "Cảm ơn bạn, góp ý này giúp cải thiện câu trả lời.",
  feedbackFailed: "Xin lỗi, tôi không ghi nhận được lượt đánh giá này.",
  adminOnly: "Xin lỗi, chỉ quản trị viên của bot mới làm được việc này.",
  reindexUsage: "Dùng /reindex, /reindex dry (chỉ xem thay đổi) hoặc /reindex force (xây dựng lại dù không có gì thay đổi).",
  reindexBusy: "Một lần lập chỉ mục lại đang chạy; tôi sẽ gửi bản tóm tắt khi xong.",
  reindexStarted: (mode) =>
    mode === "dry" ? "Đang kiểm tra những gì sẽ thay đổi…" : mode === "force" ? "Đang xây dựng lại chỉ mục (bắt buộc)…" : "Đang xây dựng lại chỉ mục…",
  reindexStage: { read: "đọc", parse: "phân tích", chunk: "chia đoạn", embed: "nhúng", build: "xây dựng", save: "lưu" },
  reindexProgress: (stage, done, total) => `Đang xây dựng lại chỉ mục… ${stage} ${done}/${total}`,
  reindexBuilt: "Đã xây dựng lại chỉ mục.",
  reindexUnchanged: "Không có gì thay đổi: chỉ mục hiện tại đã mới nhất (dùng /reindex force để vẫn xây dựng lại).",
  reindexDryRun: "Chạy thử: không ghi gì cả.",
  reindexFailed: "Lập chỉ mục lại thất bại; bot vẫn trả lời từ chỉ mục hiện tại. Chi tiết có trong nhật ký.",
  summaryNumbers: (d, a, c, s) => `Tài liệu: ${d}, điều: ${a}, đoạn: ${c}, thời gian: ${s} giây`,
  version: "Phiên bản",
  previous: "trước đó",
  added: "Điều được thêm",
  changed: "Điều được sửa",
  removed: "Điều bị xóa",
  changedDocuments: "Tài liệu thay đổi",
  nothingChanged: "Văn bản không có thay đổi.",
  statsUnavailable: "Không có thống kê: chưa cấu hình nơi lưu trữ.",
  statsHeading: (days) => `${days} ngày qua`,
  statsQuestions: (total, refused) => `Câu hỏi: ${total} (không trả lời được từ tài liệu: ${refused})`,
  statsPlatforms: "Theo nền tảng",
  statsTopArticles: "Các điều được trích dẫn nhiều nhất",
  statsGaps: "Khoảng trống gần đây",
  refused: "từ chối",
  downvoted: "👎",
  none: "không có",
  inlineHelp: "Gõ vài từ để tìm một điều",
  inlineNoResults: "Không tìm thấy điều phù hợp",
};

const STRINGS: Record<Language, Strings> = { en, id, vi };

/** Example questions for `/help`, one set per language (they mirror what the corpus can answer). */
export const EXAMPLES: Record<Language, string[]> = {
  en: ["What is the 24/7 network?", "Can proceeds of crime be frozen and confiscated?", "Where was the signing ceremony held?"],
  id: ["Apa itu jaringan 24/7?", "Apakah hasil kejahatan dapat dibekukan dan dirampas?", "Di mana upacara penandatanganan diadakan?"],
  vi: ["Mạng lưới 24/7 là gì?", "Tài sản do phạm tội mà có có thể bị phong tỏa và tịch thu không?", "Lễ ký Công ước được tổ chức ở đâu?"],
};

/** The strings for a language. */
export function t(lang: Language): Strings {
  return STRINGS[lang];
}

/** Map a Telegram `language_code` ("id", "vi-VN", "en-US", undefined) to one of ours; English otherwise. */
export function languageOf(code: string | undefined): Language {
  const base = (code ?? "").toLowerCase().split(/[-_]/)[0];
  return base === "id" || base === "vi" ? base : "en";
}
