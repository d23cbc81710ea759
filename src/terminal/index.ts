/**
 * The terminal chat: what `npm start` opens when no platform token is set. In a TTY it is an
 * interactive readline chat that remembers the last exchanges (for follow-ups), has the same
 * cooldown as the platforms and, with an LLM configured, prints the model's answer as it streams
 * before the final answer replaces it; with piped input it prints, for each line, exactly what
 * `npm run ask` prints (the question echoed before its answer, a blank line between exchanges), and
 * ends at end of input. Output to a terminal is word-wrapped to its width. Questions go through the
 * chat layer like everywhere else.
 */
import readline from "node:readline";
import { ask } from "../chat/asking.js";
import { languageOf, say } from "../chat/catalog.js";
import { Chat } from "../chat/chat.js";
import { articleGist, articleHeading, readableTime } from "../chat/views.js";
import { renderAnswer } from "../cli/format.js";
import type { Config } from "../config.js";
import type { ConventionBot, Language } from "../core/bot.js";
import type { Service } from "../service.js";
import { TerminalDraft } from "./draft.js";
import { wrapToWidth } from "./wrap.js";

/** The one place of the terminal chat: its last exchange is what a follow-up continues. */
const PLACE = "terminal";

export interface TerminalOptions {
  input: NodeJS.ReadableStream & { isTTY?: boolean };
  output: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  /** The user's locale for the bot's own sentences (default: LC_ALL, LC_MESSAGES or LANG). */
  locale?: string;
}

function systemLocale(): string | undefined {
  return process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG;
}

export async function startTerminal(bot: ConventionBot, config: Config, io: TerminalOptions = { input: process.stdin, output: process.stdout }): Promise<Service> {
  const interactive = Boolean(io.input.isTTY);
  const locale = io.locale ?? systemLocale();
  const lang = languageOf(locale);
  // Piped input is a batch, like `npm run ask`: no cooldown, no follow-ups.
  const chat = new Chat(bot, { perMinute: interactive ? config.RATE_LIMIT_PER_MIN : 0, memory: { placeTtlMs: 3_600_000, maxTurns: Math.max(1, config.LLM_HISTORY_TURNS) } });
  const rl = readline.createInterface({ input: io.input, output: interactive ? io.output : undefined, terminal: interactive, crlfDelay: Infinity });
  // Read the width at each write: the window may have been resized since the last one.
  const write = (s: string) => void io.output.write(wrapToWidth(s, io.output.isTTY ? io.output.columns : undefined) + "\n");
  let exchanges = 0;

  async function handle(line: string): Promise<boolean> {
    const text = line.trim();
    if (!text) return true;
    if (interactive && text.startsWith("/")) return command(text, bot, chat, lang, write);
    // Piped: echo the question, so a transcript shows what each answer answers.
    if (!interactive) write(`${exchanges > 0 ? "\n" : ""}> ${text}\n`);
    exchanges++;
    const draft = interactive ? new TerminalDraft(io.output) : undefined;
    await ask(chat, text, {
      asker: { platform: "terminal", chatKind: "private", userId: "local" },
      locale,
      where: interactive ? { place: PLACE } : {},
      notice: async (notice) => {
        draft?.clear();
        write(notice);
      },
      send: async (answer) => {
        draft?.clear();
        write((interactive ? "\n" : "") + renderAnswer(answer) + (interactive ? "\n" : ""));
        return [];
      },
      draft: draft ? (textSoFar) => draft.update(textSoFar) : undefined,
    });
    return true;
  }

  const done = (async () => {
    if (interactive) {
      write(say(lang, "help-terminal") + "\n");
      rl.setPrompt("> ");
      rl.prompt();
    }
    for await (const line of rl) {
      if (!(await handle(line))) break;
      if (interactive) rl.prompt();
    }
    rl.close();
    // rl.close() does not always leave a TTY stdin paused: about one /quit in ten left the process
    // alive, reading stdin, after everything else had stopped. Pause it explicitly.
    io.input.pause();
  })();

  return { name: "terminal", ready: () => true, stop: async () => rl.close(), done };
}

/** `/quit`, `/new`, `/sources`, `/article N`; anything else shows the commands. False ends the chat. */
function command(text: string, bot: ConventionBot, chat: Chat, lang: Language, write: (s: string) => void): boolean {
  const [cmd, arg] = text.split(/\s+/, 2);
  if (cmd === "/quit" || cmd === "/exit") return false;
  if (cmd === "/new") {
    chat.memory.startOver(PLACE);
    write(say(lang, "new-done"));
  } else if (cmd === "/sources") {
    const s = bot.sources();
    write(s.documents.map((d) => `• ${d.title} — ${d.url}`).join("\n") + "\n" + say(lang, "sources-index", { version: s.indexVersion, date: readableTime(s.createdAt) }));
  } else if (cmd === "/article") {
    const a = bot.article(Number(arg));
    const max = bot.articleTitles().length;
    const gist = a && articleGist(a, lang);
    const opening = gist ? `${gist.label}: ${gist.text}\n\n` : "";
    write(a ? `${articleHeading(a.article, a.title, lang)}\n\n${opening}${a.paragraphs.join("\n\n")}\n\n${a.url}` : say(lang, "article-not-found", { number: arg ?? "", max }));
  } else write(say(lang, "help-terminal"));
  return true;
}
