# Những gì bot tự nói, bằng tiếng Việt (cùng các id với en.ftl).

## Đặt câu hỏi

ask-empty = Hãy hỏi tôi bằng văn bản: nhắc đến tôi kèm câu hỏi, hoặc dùng /ask.
ask-too-long = Câu hỏi quá dài: vui lòng viết dưới { $max } ký tự.
ask-cooldown = Bạn đang hỏi nhanh hơn mức tôi có thể đáp ứng. Vui lòng thử lại sau { $seconds } giây.
ask-failed = Xin lỗi, đã có lỗi khi trả lời. Vui lòng thử lại sau giây lát.
ask-non-text = Tôi chỉ đọc được văn bản. Vui lòng gõ câu hỏi của bạn.
unknown-command = Tôi không biết lệnh đó. /help liệt kê những gì tôi có thể làm.
command-stale = Lệnh đó không còn nữa. Các lệnh hiện có: { $commands }
button-stale = Nút này không còn hoạt động. Hãy hỏi lại để nhận câu trả lời mới.
form-stale = Biểu mẫu này không còn nữa. Hãy hỏi lại để nhận câu trả lời mới.
reply-ping-hint = Tôi chỉ đọc được các trả lời có nhắc đến tôi: hãy bật @ khi trả lời, hoặc nhắc đến tôi cùng câu hỏi của bạn.

## Câu trả lời

answer-summary = Tóm tắt (không chính thức)
answer-translated = (bản dịch không chính thức)
answer-original = Nguyên văn ({ $language ->
    [id] tiếng Indonesia
    [vi] tiếng Việt
   *[other] tiếng Anh
  })
answer-sources = Nguồn
answer-more-sources = …và { $count } nguồn khác
answer-try-asking = Bạn có thể hỏi, ví dụ:
answer-question = Câu hỏi
answer-index = Chỉ mục { $version }
answer-read-full-text = Đọc toàn văn
official-text = Văn bản chính thức

## Các điều

article-heading = Điều { $number } — { $title }
article-label = Điều { $number }
article-chapter = Chương { $chapter }
article-usage = Gửi /article kèm một số từ 1 đến { $max }, ví dụ /article 41.
article-not-found = Công ước không có điều { $number }: chỉ có điều 1 đến { $max }.
article-notes = Ghi chú giải thích
article-paragraphs-shown = Hiển thị { $shown }/{ $total } khoản

## Nguồn

sources-title = Tài liệu
sources-sections = { $count } phần
sources-index = Phiên bản chỉ mục { $version }, tạo lúc { $date }.

## Cuộc trò chuyện và dữ liệu

new-done = Xong: tôi đã quên cuộc trò chuyện của chúng ta ở đây. Câu hỏi tiếp theo của bạn sẽ bắt đầu một cuộc trò chuyện mới.
forget-done = Đã xóa { $answers } câu trả lời đã lưu và { $feedback } lượt đánh giá liên quan đến bạn. Tôi cũng đã quên cuộc trò chuyện của chúng ta.

## Góp ý

feedback-thanks = Cảm ơn bạn đã góp ý!
feedback-noted = Cảm ơn, đã ghi nhận.
feedback-failed = Xin lỗi, tôi không ghi nhận được lượt đánh giá này.
feedback-reason-prompt = Câu trả lời này sai ở đâu? Hãy trả lời tin nhắn này bằng vài từ (không bắt buộc).
feedback-reason-title = Có gì chưa đúng?
feedback-reason-label = Có gì chưa đúng? (không bắt buộc)
feedback-reason-placeholder = vd. trích sai điều khoản

## Quản trị

admin-only = Xin lỗi, chỉ quản trị viên của bot mới làm được việc này.
admin-only-server = Xin lỗi, lệnh này chỉ dành cho người quản lý máy chủ và quản trị viên của bot.
reindex-usage = Dùng /reindex, /reindex dry (chỉ xem thay đổi) hoặc /reindex force (xây dựng lại dù không có gì thay đổi).
reindex-busy = Việc xây dựng lại đang chạy; tiến độ hiển thị ở nơi nó được bắt đầu.
reindex-started = { $mode ->
    [dry] Đang kiểm tra những gì sẽ thay đổi…
    [force] Đang xây dựng lại chỉ mục (bắt buộc)…
   *[other] Đang xây dựng lại chỉ mục…
  }
reindex-progress = Đang xây dựng lại chỉ mục… { $stage ->
    [read] đọc
    [parse] phân tích
    [chunk] chia đoạn
    [embed] nhúng
    [build] xây dựng
   *[save] lưu
  } { $done }/{ $total }
reindex-failed = Xây dựng lại thất bại; chỉ mục hiện tại vẫn được dùng. Chi tiết có trong nhật ký của bot.
reindex-outcome = { $outcome ->
    [built] Đã xây dựng chỉ mục mới
    [unchanged] Chỉ mục đã cập nhật
   *[dry-run] Chạy thử: không ghi gì
  }
reindex-numbers = Tài liệu: { $documents }, điều: { $articles }, đoạn: { $chunks }, thời gian: { $seconds } giây
reindex-version = Phiên bản
reindex-previous = Trước đó
reindex-documents = Tài liệu
reindex-articles = Điều
reindex-chunks = Đoạn
reindex-seconds = Giây
reindex-changes = Thay đổi
reindex-added = Điều được thêm
reindex-changed = Điều được sửa
reindex-removed = Điều bị xóa
reindex-changed-documents = Tài liệu thay đổi
reindex-no-changes = Văn bản không có thay đổi.

stats-title = Sử dụng trong { $days } ngày qua
stats-unavailable = Không có thống kê: chưa cấu hình nơi lưu trữ.
stats-questions = Câu hỏi
stats-questions-line = Câu hỏi: { $total } (không trả lời được từ tài liệu: { $refused })
stats-refused = Không trả lời được từ tài liệu
stats-by-platform = Theo nền tảng
stats-top-articles = Các điều được trích dẫn nhiều nhất
stats-gaps = Lỗ hổng nội dung
stats-refused-mark = từ chối
none = không có

## Trợ giúp

help-title = Công ước LHQ về chống tội phạm mạng — Hỏi đáp
help-intro = Tôi trả lời các câu hỏi về Công ước của Liên hợp quốc về chống tội phạm mạng (68 điều trong 9 chương, cùng các ghi chú giải thích) và một bài báo về lễ ký Công ước tại Hà Nội ngày 25/10/2025. Mỗi câu trả lời đều trích dẫn văn bản và nêu rõ điều, khoản; nếu tài liệu không trả lời được câu hỏi, tôi sẽ nói rõ.
help-how = Cách hỏi
help-how-telegram = Trong cuộc trò chuyện riêng, chỉ cần viết câu hỏi. Trong nhóm, hãy nhắc đến tôi, trả lời một tin nhắn của tôi hoặc dùng /ask.
help-how-discord = Dùng /ask (thêm private:True để chỉ mình bạn thấy câu trả lời), nhắc đến tôi kèm câu hỏi, trả lời tin nhắn của tôi để hỏi tiếp, hoặc nhắn tin trực tiếp.
help-examples = Ví dụ
help-example-questions =
    Mạng lưới 24/7 là gì?
    Tài sản do phạm tội mà có có thể bị phong tỏa và tịch thu không?
    Lễ ký Công ước được tổ chức ở đâu?
help-commands = Lệnh
help-commands-list =
    /article 41 — đọc một điều
    /sources — tài liệu và phiên bản chỉ mục
    /new — bắt đầu cuộc trò chuyện mới
    /forget — xóa dữ liệu tôi lưu về bạn
help-inline = Trong bất kỳ cuộc trò chuyện nào, hãy gõ { $bot } và vài từ để chia sẻ một điều của Công ước.
help-terminal = Lệnh: /article N — xem một điều · /sources — tài liệu và phiên bản chỉ mục · /new — bắt đầu cuộc trò chuyện mới · /quit

## Menu lệnh (Telegram) và mô tả lệnh gạch chéo (Discord)

command-help = Tôi biết gì và cách hỏi tôi
command-ask = Đặt câu hỏi về Công ước
command-ask-question = Câu hỏi của bạn (tiếng Anh, Indonesia hoặc Việt)
command-ask-private = Chỉ mình bạn thấy câu trả lời
command-article = Đọc một điều của Công ước, ví dụ /article 41
command-article-number = Số điều (1-68), hoặc gõ tên điều
command-sources = Tài liệu và phiên bản chỉ mục
command-new = Bắt đầu cuộc trò chuyện mới
command-forget = Xóa dữ liệu tôi lưu về bạn
command-reindex = Xây dựng lại chỉ mục từ nguồn (quản trị)
command-reindex-mode = dry: chỉ xem thay đổi; force: xây dựng lại dù không có gì thay đổi
command-stats = Sử dụng và lỗ hổng nội dung 7 ngày qua (quản trị)

## Chế độ inline (Telegram)

inline-help = Gõ vài từ để tìm một điều
inline-no-results = Không tìm thấy điều phù hợp

## The answering core: framing lines around quotes, refusals, document names (src/core/answer/i18n.ts).
core-intro = Công ước quy định như sau:
core-doc-intro = Theo { $name }:
core-dated = { $name } ngày { $date }
core-date = { $day }/{ $month }/{ $year }
core-paragraph-label = { $name }, đoạn { $paragraph }
core-language-name = { $language ->
    [id] tiếng Indonesia
    [vi] tiếng Việt
   *[other] tiếng Anh
  }
core-original-note = (Trích nguyên văn { $language }; chưa có bản dịch.)
core-also = Xem thêm:
core-more-at = Toàn văn: { $url }
core-translation-note = (Trích từ văn bản chính thức bằng tiếng Anh.)
core-refusal-not-found = Tôi không tìm thấy nội dung này trong Công ước của Liên Hợp Quốc về chống tội phạm mạng hay trong bản tin về lễ ký, nên không thể trả lời.
core-refusal-status = Tôi không thể cho biết nước nào đã ký hay phê chuẩn Công ước, hoặc Công ước đã có hiệu lực chưa: nguồn của tôi là văn bản được thông qua và một bản tin về lễ ký, không phải hồ sơ ký và phê chuẩn. Hồ sơ đó có tại UN Treaty Collection: { $url }
core-refusal-prediction = Tôi không thể dự đoán Công ước sẽ đạt được gì: nguồn của tôi chỉ là văn bản và một bản tin. Tôi có thể cho biết văn bản quy định gì.
core-refusal-opinion = Tôi không đưa ra ý kiến hay lời khuyên về Công ước; tôi có thể cho biết văn bản nói gì.
core-refusal-other-instrument = Tôi chỉ trả lời về Công ước của Liên Hợp Quốc về chống tội phạm mạng và bản tin về lễ ký, không về điều ước khác hay luật quốc gia.
core-refusal-howto = Tôi không thể hỗ trợ kỹ thuật: tôi trả lời câu hỏi về Công ước của Liên Hợp Quốc về chống tội phạm mạng và bản tin về lễ ký.
core-refusal-off-topic = Điều đó nằm ngoài phạm vi của tôi: tôi trả lời câu hỏi về Công ước của Liên Hợp Quốc về chống tội phạm mạng và bản tin về lễ ký.
core-what-it-says = Điều { $article } ({ $title }) quy định gì?
core-suggestions =
    Công ước quy định gì về truy cập trái phép hệ thống máy tính?
    Dẫn độ được quy định thế nào trong Công ước?
    Lễ ký Công ước được tổ chức ở đâu?
core-discrepancy = Lưu ý: các nguồn không thống nhất ở điểm này.
core-paragraph-missing = Điều { $article } không có khoản { $paragraph }; dưới đây là toàn bộ điều.
core-original-mark = Nguyên văn ({ $language })
