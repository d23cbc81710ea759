/**
 * Everything the Discord adapter says on its own (not the answers, which the core writes), in English,
 * Indonesian and Vietnamese. The language comes from the answer when there is one, else from the
 * user's Discord locale, else from the server's preferred locale.
 */
import type { Language } from "../core/bot.js";

export function languageOf(locale: string | null | undefined): Language {
  const base = (locale ?? "").toLowerCase().split("-")[0];
  return base === "id" || base === "vi" ? base : "en";
}

interface Strings {
  sources: string;
  officialText: string;
  moreSources: (n: number) => string;
  tryAsking: string;
  index: (version: string) => string;
  asked: string;
  empty: string;
  cooldown: (seconds: number) => string;
  failed: string;
  feedbackThanks: string;
  feedbackNotRecorded: string;
  feedbackModalTitle: string;
  feedbackReasonLabel: string;
  feedbackReasonPlaceholder: string;
  feedbackReasonThanks: string;
  notAdmin: string;
  reindexBusy: string;
  reindexStarted: string;
  reindexProgress: (stage: string, done: number, total: number) => string;
  reindexFailed: string;
  reindexTitle: (outcome: "built" | "unchanged" | "dry-run") => string;
  version: string;
  previous: string;
  documents: string;
  articles: string;
  chunks: string;
  seconds: string;
  changes: string;
  noChanges: string;
  added: string;
  changed: string;
  removed: string;
  articleNotFound: (n: number) => string;
  readFullText: string;
  paragraphsShown: (shown: number, total: number) => string;
  notes: string;
  sourcesTitle: string;
  sections: (n: number) => string;
  builtAt: (date: string) => string;
  newDone: string;
  forgetDone: (answers: number, feedback: number) => string;
  statsTitle: (days: number) => string;
  statsUnavailable: string;
  questions: string;
  refused: string;
  byPlatform: string;
  topArticles: string;
  gaps: string;
  none: string;
  helpTitle: string;
  helpIntro: string;
  helpCommands: string;
  helpExamples: string;
  examples: string[];
  helpMention: string;
}

const en: Strings = {
  sources: "Sources",
  officialText: "Official text",
  moreSources: (n) => `…and ${n} more`,
  tryAsking: "Try asking",
  index: (v) => `Index ${v}`,
  asked: "Question",
  empty: "Ask me a question in text: mention me together with your question, or use /ask.",
  cooldown: (s) => `You're asking faster than I can keep up. Please try again in ${s} s.`,
  failed: "Sorry, something went wrong while answering. Please try again in a moment.",
  feedbackThanks: "Thanks for the feedback!",
  feedbackNotRecorded: "Thanks! Your vote could not be recorded this time.",
  feedbackModalTitle: "What was wrong?",
  feedbackReasonLabel: "What was wrong? (optional)",
  feedbackReasonPlaceholder: "e.g. it cited the wrong article",
  feedbackReasonThanks: "Thanks, noted.",
  notAdmin: "Sorry, this command is only for server managers and the bot's admins.",
  reindexBusy: "A rebuild is already running; its progress is shown where it was started.",
  reindexStarted: "Rebuilding the index…",
  reindexProgress: (stage, done, total) => `Rebuilding the index… ${stage} ${done}/${total}`,
  reindexFailed: "The rebuild failed; the current index keeps serving. The details are in the bot's log.",
  reindexTitle: (o) => (o === "built" ? "New index built" : o === "unchanged" ? "Index already up to date" : "Dry run: nothing written"),
  version: "Version",
  previous: "Previous",
  documents: "Documents",
  articles: "Articles",
  chunks: "Chunks",
  seconds: "Seconds",
  changes: "Changes",
  noChanges: "none",
  added: "added",
  changed: "changed",
  removed: "removed",
  articleNotFound: (n) => `The Convention has no article ${n}: it has articles 1 to 68.`,
  readFullText: "Read the full text",
  paragraphsShown: (s, t) => `${s} of ${t} paragraphs shown`,
  notes: "Interpretative notes",
  sourcesTitle: "What I know",
  sections: (n) => `${n} sections`,
  builtAt: (d) => `built ${d}`,
  newDone: "Done: I've forgotten our conversation here. Your next question starts fresh.",
  forgetDone: (a, f) => `Deleted everything stored about you: ${a} answers and ${f} feedback entries.`,
  statsTitle: (d) => `Usage, last ${d} days`,
  statsUnavailable: "No statistics: this bot keeps no records.",
  questions: "Questions",
  refused: "Not answered from the sources",
  byPlatform: "By platform",
  topArticles: "Most asked articles",
  gaps: "Coverage gaps",
  none: "none",
  helpTitle: "UN Convention against Cybercrime — Q&A",
  helpIntro:
    "I answer questions about the UN Convention against Cybercrime (68 articles and the interpretative notes) and the news report of its signing in Hanoi, quoting and citing the text. When the sources don't answer a question, I say so.",
  helpCommands:
    "`/ask` ask a question (add `private:True` to see the answer alone)\n`/article` show an article\n`/sources` what I know\n`/new` forget our conversation\n`/forget` delete what is stored about you\n`/help` this message",
  helpExamples: "Examples",
  examples: [
    "What does Article 41 require of each State Party?",
    "Which offences must States criminalize?",
    "How is personal data protected when evidence is shared?",
  ],
  helpMention: "You can also mention me with a question, reply to my answers to follow up, or message me directly.",
};

const id: Strings = {
  sources: "Sumber",
  officialText: "Teks resmi",
  moreSources: (n) => `…dan ${n} lagi`,
  tryAsking: "Coba tanyakan",
  index: (v) => `Indeks ${v}`,
  asked: "Pertanyaan",
  empty: "Ajukan pertanyaan dalam bentuk teks: sebut saya beserta pertanyaan Anda, atau gunakan /ask.",
  cooldown: (s) => `Anda bertanya terlalu cepat. Silakan coba lagi dalam ${s} detik.`,
  failed: "Maaf, terjadi kesalahan saat menjawab. Silakan coba lagi sebentar lagi.",
  feedbackThanks: "Terima kasih atas masukannya!",
  feedbackNotRecorded: "Terima kasih! Penilaian Anda belum dapat dicatat kali ini.",
  feedbackModalTitle: "Apa yang salah?",
  feedbackReasonLabel: "Apa yang salah? (opsional)",
  feedbackReasonPlaceholder: "mis. mengutip pasal yang keliru",
  feedbackReasonThanks: "Terima kasih, sudah dicatat.",
  notAdmin: "Maaf, perintah ini hanya untuk pengelola server dan admin bot.",
  reindexBusy: "Pembangunan ulang sedang berjalan; kemajuannya ditampilkan di tempat ia dimulai.",
  reindexStarted: "Membangun ulang indeks…",
  reindexProgress: (stage, done, total) => `Membangun ulang indeks… ${stage} ${done}/${total}`,
  reindexFailed: "Pembangunan ulang gagal; indeks saat ini tetap dipakai. Rinciannya ada di log bot.",
  reindexTitle: (o) => (o === "built" ? "Indeks baru dibangun" : o === "unchanged" ? "Indeks sudah mutakhir" : "Uji coba: tidak ada yang ditulis"),
  version: "Versi",
  previous: "Sebelumnya",
  documents: "Dokumen",
  articles: "Pasal",
  chunks: "Potongan",
  seconds: "Detik",
  changes: "Perubahan",
  noChanges: "tidak ada",
  added: "ditambah",
  changed: "diubah",
  removed: "dihapus",
  articleNotFound: (n) => `Konvensi tidak memiliki pasal ${n}: pasalnya 1 sampai 68.`,
  readFullText: "Baca teks lengkap",
  paragraphsShown: (s, t) => `${s} dari ${t} paragraf ditampilkan`,
  notes: "Catatan interpretatif",
  sourcesTitle: "Yang saya ketahui",
  sections: (n) => `${n} bagian`,
  builtAt: (d) => `dibangun ${d}`,
  newDone: "Selesai: saya melupakan percakapan kita di sini. Pertanyaan berikutnya dimulai dari awal.",
  forgetDone: (a, f) => `Semua data tentang Anda telah dihapus: ${a} jawaban dan ${f} masukan.`,
  statsTitle: (d) => `Penggunaan, ${d} hari terakhir`,
  statsUnavailable: "Tidak ada statistik: bot ini tidak menyimpan catatan.",
  questions: "Pertanyaan",
  refused: "Tidak terjawab dari sumber",
  byPlatform: "Per platform",
  topArticles: "Pasal paling sering ditanyakan",
  gaps: "Celah cakupan",
  none: "tidak ada",
  helpTitle: "Konvensi PBB tentang Kejahatan Siber — Tanya Jawab",
  helpIntro:
    "Saya menjawab pertanyaan tentang Konvensi PBB tentang Kejahatan Siber (68 pasal dan catatan interpretatif) serta berita penandatanganannya di Hanoi, dengan kutipan dan rujukan teksnya. Jika sumber tidak menjawab, saya akan mengatakannya.",
  helpCommands:
    "`/ask` ajukan pertanyaan (tambahkan `private:True` agar hanya Anda yang melihat)\n`/article` tampilkan pasal\n`/sources` yang saya ketahui\n`/new` lupakan percakapan\n`/forget` hapus data tentang Anda\n`/help` pesan ini",
  helpExamples: "Contoh",
  examples: [
    "Apa yang diwajibkan Pasal 41 kepada setiap Negara Pihak?",
    "Tindak pidana apa saja yang wajib dikriminalisasi?",
    "Kapan konvensi ini ditandatangani di Hanoi?",
  ],
  helpMention: "Anda juga bisa menyebut saya dengan pertanyaan, membalas jawaban saya untuk bertanya lanjut, atau mengirim pesan langsung.",
};

const vi: Strings = {
  sources: "Nguồn",
  officialText: "Văn bản chính thức",
  moreSources: (n) => `…và ${n} nguồn khác`,
  tryAsking: "Hãy thử hỏi",
  index: (v) => `Chỉ mục ${v}`,
  asked: "Câu hỏi",
  empty: "Hãy hỏi tôi bằng văn bản: nhắc đến tôi kèm câu hỏi, hoặc dùng /ask.",
  cooldown: (s) => `Bạn hỏi nhanh quá. Vui lòng thử lại sau ${s} giây.`,
  failed: "Xin lỗi, đã có lỗi khi trả lời. Vui lòng thử lại sau ít phút.",
  feedbackThanks: "Cảm ơn bạn đã góp ý!",
  feedbackNotRecorded: "Cảm ơn! Lần này chưa ghi nhận được đánh giá của bạn.",
  feedbackModalTitle: "Có gì chưa đúng?",
  feedbackReasonLabel: "Có gì chưa đúng? (không bắt buộc)",
  feedbackReasonPlaceholder: "vd. trích sai điều khoản",
  feedbackReasonThanks: "Cảm ơn, đã ghi nhận.",
  notAdmin: "Xin lỗi, lệnh này chỉ dành cho người quản lý máy chủ và quản trị viên của bot.",
  reindexBusy: "Việc xây dựng lại đang chạy; tiến độ hiển thị ở nơi nó được bắt đầu.",
  reindexStarted: "Đang xây dựng lại chỉ mục…",
  reindexProgress: (stage, done, total) => `Đang xây dựng lại chỉ mục… ${stage} ${done}/${total}`,
  reindexFailed: "Xây dựng lại thất bại; chỉ mục hiện tại vẫn được dùng. Chi tiết có trong nhật ký của bot.",
  reindexTitle: (o) => (o === "built" ? "Đã xây dựng chỉ mục mới" : o === "unchanged" ? "Chỉ mục đã cập nhật" : "Chạy thử: không ghi gì"),
  version: "Phiên bản",
  previous: "Trước đó",
  documents: "Tài liệu",
  articles: "Điều",
  chunks: "Đoạn",
  seconds: "Giây",
  changes: "Thay đổi",
  noChanges: "không có",
  added: "thêm",
  changed: "đổi",
  removed: "xoá",
  articleNotFound: (n) => `Công ước không có điều ${n}: chỉ có điều 1 đến 68.`,
  readFullText: "Đọc toàn văn",
  paragraphsShown: (s, t) => `Hiển thị ${s}/${t} khoản`,
  notes: "Ghi chú giải thích",
  sourcesTitle: "Những gì tôi biết",
  sections: (n) => `${n} phần`,
  builtAt: (d) => `xây dựng ${d}`,
  newDone: "Xong: tôi đã quên cuộc trò chuyện của chúng ta ở đây. Câu hỏi tiếp theo sẽ bắt đầu lại từ đầu.",
  forgetDone: (a, f) => `Đã xoá mọi dữ liệu về bạn: ${a} câu trả lời và ${f} góp ý.`,
  statsTitle: (d) => `Sử dụng trong ${d} ngày qua`,
  statsUnavailable: "Không có thống kê: bot này không lưu hồ sơ.",
  questions: "Câu hỏi",
  refused: "Không trả lời được từ nguồn",
  byPlatform: "Theo nền tảng",
  topArticles: "Điều được hỏi nhiều nhất",
  gaps: "Lỗ hổng nội dung",
  none: "không có",
  helpTitle: "Công ước LHQ về chống tội phạm mạng — Hỏi đáp",
  helpIntro:
    "Tôi trả lời câu hỏi về Công ước của Liên Hợp Quốc về chống tội phạm mạng (68 điều và các ghi chú giải thích) và bản tin về lễ ký tại Hà Nội, có trích dẫn văn bản. Khi nguồn không trả lời được, tôi sẽ nói rõ.",
  helpCommands:
    "`/ask` đặt câu hỏi (thêm `private:True` để chỉ mình bạn thấy)\n`/article` xem một điều\n`/sources` những gì tôi biết\n`/new` quên cuộc trò chuyện\n`/forget` xoá dữ liệu về bạn\n`/help` tin nhắn này",
  helpExamples: "Ví dụ",
  examples: [
    "Điều 41 yêu cầu mỗi Quốc gia thành viên làm gì?",
    "Những hành vi nào phải bị hình sự hoá?",
    "Công ước được ký ở Hà Nội khi nào?",
  ],
  helpMention: "Bạn cũng có thể nhắc đến tôi kèm câu hỏi, trả lời tin nhắn của tôi để hỏi tiếp, hoặc nhắn tin trực tiếp.",
};

const STRINGS: Record<Language, Strings> = { en, id, vi };

export function t(lang: Language): Strings {
  return STRINGS[lang];
}

