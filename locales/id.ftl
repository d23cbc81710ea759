# Apa yang dikatakan bot atas namanya sendiri, dalam bahasa Indonesia (id yang sama dengan en.ftl).

## Bertanya

ask-empty = Ajukan pertanyaan dalam bentuk teks: sebut saya beserta pertanyaan Anda, atau gunakan /ask.
ask-too-long = Pertanyaan itu terlalu panjang: mohon kurang dari { $max } karakter.
ask-cooldown = Anda bertanya lebih cepat daripada yang bisa saya layani. Mohon tunggu { $seconds } detik, lalu tanyakan lagi.
ask-failed = Maaf, terjadi kesalahan saat menjawab. Silakan coba lagi sebentar lagi.
ask-non-text = Saya hanya bisa membaca teks. Silakan ketik pertanyaan Anda.
unknown-command = Saya tidak mengenal perintah itu. /help berisi daftar yang bisa saya lakukan.
command-stale = Perintah itu sudah tidak tersedia. Perintah yang ada: { $commands }
button-stale = Tombol ini sudah tidak berfungsi. Bertanyalah lagi untuk jawaban baru.
form-stale = Formulir ini sudah tidak tersedia. Bertanyalah lagi untuk jawaban baru.
reply-ping-hint = Saya hanya bisa membaca balasan yang menyebut saya: aktifkan @ saat membalas, atau sebut saya bersama pertanyaan Anda.

## Jawaban

answer-summary = Singkatnya (ringkasan tidak resmi)
answer-translated = (terjemahan tidak resmi)
answer-original = Asli ({ $language ->
    [id] bahasa Indonesia
    [vi] bahasa Vietnam
   *[other] bahasa Inggris
  })
answer-sources = Sumber
answer-more-sources = …dan { $count } lagi
answer-try-asking = Coba tanyakan
answer-question = Pertanyaan
answer-index = Indeks { $version }
answer-read-full-text = Baca teks lengkap
official-text = Teks resmi

## Pasal

article-heading = Pasal { $number } — { $title }
article-label = Pasal { $number }
article-chapter = Bab { $chapter }
article-usage = Kirim /article dengan nomor 1 sampai { $max }, misalnya /article 41.
article-not-found = Konvensi tidak memiliki pasal { $number }: pasalnya 1 sampai { $max }.
article-notes = Catatan interpretatif
article-paragraphs-shown = { $shown } dari { $total } paragraf ditampilkan

## Sumber

sources-title = Dokumen
sources-sections = { $count } bagian
sources-index = Versi indeks { $version }, dibuat { $date }.

## Percakapan dan data

new-done = Selesai: saya melupakan percakapan kita di sini. Pertanyaan Anda berikutnya memulai percakapan baru.
forget-done = Terhapus { $answers } jawaban tersimpan dan { $feedback } penilaian yang terkait dengan Anda. Percakapan kita juga sudah saya lupakan.

## Masukan

feedback-thanks = Terima kasih atas masukannya!
feedback-noted = Terima kasih, sudah dicatat.
feedback-failed = Maaf, penilaian itu tidak dapat dicatat.
feedback-reason-prompt = Apa yang salah dengan jawaban ini? Balas pesan ini dengan beberapa kata (opsional).
feedback-reason-title = Apa yang salah?
feedback-reason-label = Apa yang salah? (opsional)
feedback-reason-placeholder = mis. mengutip pasal yang keliru

## Administrasi

admin-only = Maaf, hanya administrator bot yang dapat melakukannya.
admin-only-server = Maaf, perintah ini hanya untuk pengelola server dan administrator bot.
reindex-usage = Gunakan /reindex, /reindex dry (menampilkan perubahan saja) atau /reindex force (membangun ulang meski tidak ada perubahan).
reindex-busy = Pembangunan ulang sedang berjalan; kemajuannya ditampilkan di tempat ia dimulai.
reindex-started = { $mode ->
    [dry] Memeriksa apa yang akan berubah…
    [force] Membangun ulang indeks (dipaksa)…
   *[other] Membangun ulang indeks…
  }
reindex-progress = Membangun ulang indeks… { $stage ->
    [read] membaca
    [parse] mengurai
    [chunk] memotong
    [embed] menyematkan
    [build] membangun
   *[save] menyimpan
  } { $done }/{ $total }
reindex-failed = Pembangunan ulang gagal; indeks saat ini tetap dipakai. Rinciannya ada di log bot.
reindex-outcome = { $outcome ->
    [built] Indeks baru dibangun
    [unchanged] Indeks sudah mutakhir
   *[dry-run] Uji coba: tidak ada yang ditulis
  }
reindex-numbers = Dokumen: { $documents }, pasal: { $articles }, potongan: { $chunks }, waktu: { $seconds } dtk
reindex-version = Versi
reindex-previous = Sebelumnya
reindex-documents = Dokumen
reindex-articles = Pasal
reindex-chunks = Potongan
reindex-seconds = Detik
reindex-changes = Perubahan
reindex-added = Pasal ditambahkan
reindex-changed = Pasal diubah
reindex-removed = Pasal dihapus
reindex-changed-documents = Dokumen diubah
reindex-no-changes = Tidak ada perubahan pada teks.

stats-title = Penggunaan, { $days } hari terakhir
stats-unavailable = Statistik tidak tersedia: penyimpanan belum dikonfigurasi.
stats-questions = Pertanyaan
stats-questions-line = Pertanyaan: { $total } (tidak terjawab dari dokumen: { $refused })
stats-refused = Tidak terjawab dari dokumen
stats-by-platform = Menurut platform
stats-top-articles = Pasal yang paling sering dikutip
stats-gaps = Celah cakupan
stats-refused-mark = ditolak
none = tidak ada

## Bantuan

help-title = Konvensi PBB tentang Kejahatan Siber — Tanya Jawab
help-intro = Saya menjawab pertanyaan tentang Konvensi Perserikatan Bangsa-Bangsa melawan Kejahatan Siber (68 pasal dalam 9 bab, beserta catatan interpretatifnya) dan sebuah berita tentang penandatanganannya di Hanoi pada 25 Oktober 2025. Setiap jawaban mengutip teksnya dan menyebut pasal serta ayatnya; jika dokumen tidak menjawab pertanyaan, saya akan mengatakannya.
help-how = Cara bertanya
help-how-telegram = Di obrolan pribadi, cukup tulis pertanyaan Anda. Di grup, sebut nama saya, balas salah satu pesan saya, atau gunakan /ask.
help-how-discord = Gunakan /ask (tambahkan private:True agar hanya Anda yang melihat jawabannya), sebut saya beserta pertanyaan, balas jawaban saya untuk bertanya lanjut, atau kirim pesan langsung.
help-examples = Contoh
help-example-questions =
    Apa itu jaringan 24/7?
    Apakah hasil kejahatan dapat dibekukan dan dirampas?
    Di mana upacara penandatanganan diadakan?
help-commands = Perintah
help-commands-list =
    /article 41 — membaca sebuah pasal
    /sources — dokumen dan versi indeks
    /new — memulai percakapan baru
    /forget — menghapus data yang saya simpan tentang Anda
help-inline = Di obrolan mana pun, ketik { $bot } dan beberapa kata untuk membagikan sebuah pasal.
help-terminal = Perintah: /article N — menampilkan sebuah pasal · /sources — dokumen dan versi indeks · /new — memulai percakapan baru · /quit

## Menu perintah (Telegram) dan deskripsi perintah garis miring (Discord)

command-help = Apa yang saya ketahui dan cara bertanya
command-ask = Ajukan pertanyaan tentang Konvensi
command-ask-question = Pertanyaan Anda (Inggris, Indonesia, atau Vietnam)
command-ask-private = Tampilkan jawaban hanya untuk Anda
command-article = Baca sebuah pasal Konvensi, mis. /article 41
command-article-number = Nomor pasal (1-68), atau ketik judulnya
command-sources = Dokumen dan versi indeks
command-new = Mulai percakapan baru
command-forget = Hapus data yang saya simpan tentang Anda
command-reindex = Bangun ulang indeks dari sumber (admin)
command-reindex-mode = dry: tampilkan perubahan saja; force: bangun ulang meski tidak ada perubahan
command-stats = Penggunaan dan celah cakupan 7 hari terakhir (admin)

## Mode inline (Telegram)

inline-help = Ketik beberapa kata untuk mencari pasal
inline-no-results = Tidak ada pasal yang cocok

## The answering core: framing lines around quotes, refusals, document names (src/core/answer/i18n.ts).
core-intro = Berikut ketentuan Konvensi:
core-doc-intro = Menurut { $name }:
core-dated = { $name } { $date }
core-date = { $day } { $month ->
    [1] Januari
    [2] Februari
    [3] Maret
    [4] April
    [5] Mei
    [6] Juni
    [7] Juli
    [8] Agustus
    [9] September
    [10] Oktober
    [11] November
   *[12] Desember
  } { $year }
core-paragraph-label = { $name }, paragraf { $paragraph }
core-language-name = { $language ->
    [id] bahasa Indonesia
    [vi] bahasa Vietnam
   *[other] bahasa Inggris
  }
core-original-note = (Dikutip dari teks asli dalam { $language }; belum ada terjemahannya.)
core-also = Lihat juga:
core-more-at = Teks lengkap: { $url }
core-translation-note = (Kutipan dari teks resmi berbahasa Inggris.)
core-refusal-not-found = Saya tidak menemukan jawabannya dalam Konvensi PBB tentang Kejahatan Siber maupun dalam laporan berita penandatanganannya, jadi saya tidak dapat menjawabnya.
core-refusal-status = Saya tidak dapat memastikan negara mana yang sudah menandatangani atau meratifikasi Konvensi, atau apakah Konvensi sudah berlaku: sumber saya adalah teks yang diadopsi dan satu laporan upacara penandatanganan, bukan catatan penandatanganan dan ratifikasi. Catatan itu ada di UN Treaty Collection: { $url }
core-refusal-prediction = Saya tidak dapat memprediksi hasil Konvensi: sumber saya hanya teksnya dan satu laporan berita. Saya dapat menjelaskan apa yang diatur dalam teksnya.
core-refusal-opinion = Saya tidak memberi pendapat atau saran tentang Konvensi; saya dapat menjelaskan apa yang dikatakan teksnya.
core-refusal-other-instrument = Saya hanya menjawab tentang Konvensi PBB tentang Kejahatan Siber dan laporan penandatanganannya, bukan tentang perjanjian lain atau undang-undang nasional.
core-refusal-howto = Saya tidak dapat membantu masalah teknis: saya menjawab pertanyaan tentang Konvensi PBB tentang Kejahatan Siber dan laporan penandatanganannya.
core-refusal-off-topic = Itu di luar pengetahuan saya: saya menjawab pertanyaan tentang Konvensi PBB tentang Kejahatan Siber dan laporan penandatanganannya.
core-what-it-says = Apa isi Pasal { $article } ({ $title })?
core-suggestions =
    Apa yang diatur Konvensi tentang akses ilegal ke sistem komputer?
    Bagaimana ekstradisi diatur dalam Konvensi?
    Di mana upacara penandatanganan Konvensi diadakan?
core-discrepancy = Catatan: sumber-sumber berbeda dalam hal ini.
core-paragraph-missing = Pasal { $article } tidak memiliki ayat { $paragraph }; berikut pasalnya.
core-original-mark = Asli ({ $language })
