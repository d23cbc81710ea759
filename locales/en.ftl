# What the bot says on its own, in English. id.ftl and vi.ftl carry the same ids with the same
# variables (tests/chat/catalog.test.ts checks it). Answers themselves come from the core.

## Asking a question (the same on every surface)

ask-empty = Ask me a question in text: mention me together with your question, or use /ask.
ask-too-long = That question is too long: please keep it under { $max } characters.
ask-cooldown = You're asking faster than I can keep up. Please try again in { $seconds } s.
ask-failed = Sorry, something went wrong while answering. Please try again in a moment.
ask-non-text = I can only read text. Please type your question.
unknown-command = I don't know that command. /help lists what I can do.
command-stale = That command is no longer available. The commands are: { $commands }
button-stale = This button no longer works. Ask again to get a new answer.
form-stale = This form is no longer available. Ask again to get a new answer.
reply-ping-hint = I can only read replies that mention me: turn the @ on when you reply, or mention me with your question.

## Answers

answer-summary = In short (unofficial summary)
answer-translated = (unofficial translation)
answer-original = Original ({ $language ->
    [id] Indonesian
    [vi] Vietnamese
   *[other] English
  })
answer-sources = Sources
answer-more-sources = …and { $count } more
answer-try-asking = You could ask, for example:
answer-question = Question
answer-index = Index { $version }
answer-read-full-text = Read the full text
official-text = Official text

## Articles

article-heading = Article { $number } — { $title }
article-label = Art. { $number }
article-chapter = Chapter { $chapter }
article-usage = Send /article with a number from 1 to { $max }, for example /article 41.
article-not-found = The Convention has no article { $number }: it has articles 1 to { $max }.
article-notes = Interpretative notes
article-paragraphs-shown = { $shown } of { $total } paragraphs shown

## Sources

sources-title = Documents
sources-sections = { $count } sections
sources-index = Index version { $version }, built { $date }.

## Conversation and data

new-done = Done: I've forgotten our conversation here. Your next question starts a new conversation.
forget-done = Deleted { $answers } stored { $answers ->
    [one] answer
   *[other] answers
  } and { $feedback } feedback { $feedback ->
    [one] vote
   *[other] votes
  } linked to you. I have also forgotten our conversation.

## Feedback

feedback-thanks = Thanks for the feedback!
feedback-noted = Thank you, noted.
feedback-failed = Sorry, I could not record that vote.
feedback-reason-prompt = What was wrong with this answer? Reply to this message in a few words (optional).
feedback-reason-title = What was wrong?
feedback-reason-label = What was wrong? (optional)
feedback-reason-placeholder = e.g. it cited the wrong article

## Administration

admin-only = Sorry, only the bot's administrators can do that.
admin-only-server = Sorry, this command is only for server managers and the bot's admins.
reindex-usage = Use /reindex, /reindex dry (show what would change) or /reindex force (rebuild even if nothing changed).
reindex-busy = A rebuild is already running; its progress is shown where it was started.
reindex-started = { $mode ->
    [dry] Checking what a reindex would change…
    [force] Rebuilding the index (forced)…
   *[other] Rebuilding the index…
  }
reindex-progress = Rebuilding the index… { $stage ->
    [read] read
    [parse] parse
    [chunk] chunk
    [embed] embed
    [build] build
   *[save] save
  } { $done }/{ $total }
reindex-failed = The rebuild failed; the current index keeps serving. The details are in the bot's log.
reindex-outcome = { $outcome ->
    [built] New index built
    [unchanged] Index already up to date
   *[dry-run] Dry run: nothing written
  }
reindex-numbers = Documents: { $documents }, articles: { $articles }, chunks: { $chunks }, time: { $seconds } s
reindex-version = Version
reindex-previous = Previous
reindex-documents = Documents
reindex-articles = Articles
reindex-chunks = Chunks
reindex-seconds = Seconds
reindex-changes = Changes
reindex-added = Added articles
reindex-changed = Changed articles
reindex-removed = Removed articles
reindex-changed-documents = Changed documents
reindex-no-changes = No changes in the text.

stats-title = Usage, last { $days } days
stats-unavailable = Statistics are not available: no store is configured.
stats-questions = Questions
stats-questions-line = Questions: { $total } (not answered from the documents: { $refused })
stats-refused = Not answered from the documents
stats-by-platform = By platform
stats-top-articles = Most cited articles
stats-gaps = Coverage gaps
stats-refused-mark = refused
none = none

## Help

help-title = UN Convention against Cybercrime — Q&A
help-intro = I answer questions about the United Nations Convention against Cybercrime (68 articles in 9 chapters, with its interpretative notes) and a news report on its signing in Hanoi on 25 October 2025. Every answer quotes the text and cites the article and paragraph; when the documents do not answer a question, I say so.
help-how = How to ask
help-how-telegram = In a private chat, just write your question. In a group, mention me, reply to one of my messages, or use /ask.
help-how-discord = Use /ask (add private:True to see the answer alone), mention me with a question, reply to my answers to follow up, or message me directly.
help-examples = Examples
help-example-questions =
    What is the 24/7 network?
    Can proceeds of crime be frozen and confiscated?
    Where was the signing ceremony held?
help-commands = Commands
help-commands-list =
    /article 41 — read an article
    /sources — the documents and the index version
    /new — start a new conversation
    /forget — delete what I stored about you
help-inline = In any chat, type { $bot } and a few words to share an article.
help-terminal = Commands: /article N — show an article · /sources — the documents and the index version · /new — start a new conversation · /quit

## Command menus (Telegram) and slash command descriptions (Discord)

command-help = What I know and how to ask me
command-ask = Ask a question about the Convention
command-ask-question = Your question, in English, Indonesian or Vietnamese
command-ask-private = Show the answer to you only
command-article = Read an article of the Convention, e.g. /article 41
command-article-number = Article number (1-68), or type words of its title
command-sources = The documents and the index version
command-new = Start a new conversation
command-forget = Delete what I stored about you
command-reindex = Rebuild the index from the sources (admins)
command-reindex-mode = dry: show what would change; force: rebuild even if nothing changed
command-stats = Usage and coverage gaps of the last 7 days (admins)

## Inline mode (Telegram)

inline-help = Type a few words to find an article
inline-no-results = No matching article

## The answering core: framing lines around quotes, refusals, document names (src/core/answer/i18n.ts).
core-intro = Here is what the Convention says:
core-doc-intro = { $name } says:
core-dated = { $name } of { $date }
core-date = { $day } { $month ->
    [1] January
    [2] February
    [3] March
    [4] April
    [5] May
    [6] June
    [7] July
    [8] August
    [9] September
    [10] October
    [11] November
   *[12] December
  } { $year }
core-paragraph-label = { $name }, para. { $paragraph }
core-language-name = { $language ->
    [id] Indonesian
    [vi] Vietnamese
   *[other] English
  }
core-original-note = (Quoted in the original { $language }; there is no translation.)
core-also = See also:
core-more-at = Full text: { $url }
core-translation-note = (Quoted from the official English text.)
core-refusal-not-found = I couldn't find this in the UN Convention against Cybercrime or in the news report of its signing, so I can't answer it.
core-refusal-status = I can't tell who has signed or ratified the Convention, or whether it is in force: my sources are its adopted text and one report of the signing ceremony, not a record of signatures and ratifications. The UN Treaty Collection keeps that record: { $url }
core-refusal-prediction = I can't predict what the Convention will achieve: my sources are its text and one news report. I can tell you what the text provides.
core-refusal-opinion = I don't give opinions or advice on the Convention; I can tell you what its text says.
core-refusal-other-instrument = I only answer about the UN Convention against Cybercrime and the report of its signing, not about other treaties or national laws.
core-refusal-howto = I can't help with technical support: I answer questions about the UN Convention against Cybercrime and the report of its signing.
core-refusal-off-topic = That is outside what I know: I answer questions about the UN Convention against Cybercrime and the report of its signing.
core-what-it-says = What does Article { $article } ({ $title }) say?
core-suggestions =
    What does the Convention say about illegal access to computer systems?
    How does extradition work under the Convention?
    Where was the Convention signed?
core-discrepancy = Note: the sources disagree here.
core-paragraph-missing = Article { $article } has no paragraph { $paragraph }; here is the article.
core-original-mark = Original ({ $language })
