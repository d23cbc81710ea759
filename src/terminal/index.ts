/**
 * The terminal chat: what `npm start` opens when no platform token is set. In a TTY it is an
 * interactive readline chat that remembers the last exchanges (for follow-ups); with piped input it
 * answers each line, printing the question before its answer so the transcript reads on its own,
 * and ends at end of input. Output to a terminal is word-wrapped to its width; labels follow the
 * language of the last answer.
 */
import readline from "node:readline";
import type { Service } from "../service.js";
import type { Config } from "../config.js";
import type { ConventionBot, Language, Turn } from "../core/bot.js";
import { renderAnswer } from "../cli/format.js";
import { LABELS } from "../cli/labels.js";
import { wrapToWidth } from "./wrap.js";

export interface TerminalIo {
  input: NodeJS.ReadableStream & { isTTY?: boolean };
  output: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
}

export async function startTerminal(bot: ConventionBot, _config: Config, io: TerminalIo = { input: process.stdin, output: process.stdout }): Promise<Service> {
  const interactive = Boolean(io.input.isTTY);
  const rl = readline.createInterface({ input: io.input, output: interactive ? io.output : undefined, terminal: interactive, crlfDelay: Infinity });
  // Read the width at each write: the window may have been resized since the last one.
  const write = (s: string) => io.output.write(wrapToWidth(s, io.output.isTTY ? io.output.columns : undefined) + "\n");
  let history: Turn[] = [];
  let language: Language = "en";
  let exchanges = 0;

  function command(text: string): boolean {
    const [cmd, arg] = text.split(/\s+/, 2);
    const labels = LABELS[language];
    if (cmd === "/quit" || cmd === "/exit") return false;
    if (cmd === "/new") {
      history = [];
      write(labels.newConversation + "\n");
    } else if (cmd === "/sources") {
      const s = bot.sources();
      write(s.documents.map((d) => `• ${d.title} — ${d.url}`).join("\n") + "\n" + labels.index(s.indexVersion, s.createdAt) + "\n");
    } else if (cmd === "/article") {
      const a = bot.article(Number(arg));
      write(a ? `${labels.article(a.article, a.title)}\n\n${a.paragraphs.join("\n\n")}\n\n${a.url}\n` : labels.articleRange + "\n");
    } else write(labels.help + "\n");
    return true;
  }

  async function handle(line: string): Promise<boolean> {
    const text = line.trim();
    if (!text) return true;
    if (interactive && text.startsWith("/")) return command(text);
    // Piped: echo the question, so a transcript shows what each answer answers.
    if (!interactive) write(`${exchanges > 0 ? "\n" : ""}> ${text}`);
    exchanges++;
    const answer = await bot.answer(text, { history: interactive ? history : [], asker: { platform: "terminal", chatKind: "private" } });
    language = answer.language;
    if (interactive) history = [...history, { question: text, answer }].slice(-3);
    write("\n" + renderAnswer(answer) + (interactive ? "\n" : ""));
    return true;
  }

  const done = (async () => {
    if (interactive) {
      write(LABELS.en.help + "\n");
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
