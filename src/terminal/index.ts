/**
 * The terminal chat: what `npm start` opens when no platform token is set. In a TTY it is an
 * interactive readline chat that remembers the last exchange (for follow-ups); with piped input it
 * prints, for each line, exactly what `npm run ask` prints, and ends at end of input.
 */
import readline from "node:readline";
import type { Service } from "../service.js";
import type { Config } from "../config.js";
import { AnswerFailedError, type ConventionBot, type Turn } from "../core/bot.js";
import { renderAnswer } from "../cli/format.js";

const HELP = [
  "Ask anything about the UN Convention against Cybercrime or its signing in Hanoi (English, Indonesian, Vietnamese).",
  "Commands: /article N — show an article · /sources — corpus and index · /new — forget the conversation · /quit",
].join("\n");

export async function startTerminal(bot: ConventionBot, _config: Config, io = { input: process.stdin, output: process.stdout }): Promise<Service> {
  const interactive = Boolean((io.input as NodeJS.ReadStream).isTTY);
  const rl = readline.createInterface({ input: io.input, output: interactive ? io.output : undefined, terminal: interactive, crlfDelay: Infinity });
  const write = (s: string) => io.output.write(s + "\n");
  let history: Turn[] = [];

  async function handle(line: string): Promise<boolean> {
    const text = line.trim();
    if (!text) return true;
    if (interactive && text.startsWith("/")) {
      const [cmd, arg] = text.split(/\s+/, 2);
      if (cmd === "/quit" || cmd === "/exit") return false;
      if (cmd === "/new") history = [];
      else if (cmd === "/sources") {
        const s = bot.sources();
        write(s.documents.map((d) => `• ${d.title} — ${d.url}`).join("\n") + `\nIndex ${s.indexVersion} (${s.createdAt})`);
      } else if (cmd === "/article") {
        const a = bot.article(Number(arg));
        write(a ? `Article ${a.article} — ${a.title}\n\n${a.paragraphs.join("\n\n")}\n\n${a.url}` : "Articles are numbered 1 to 68.");
      } else write(HELP);
      return true;
    }
    let answer;
    try {
      answer = await bot.answer(text, { history: interactive ? history : [], asker: { platform: "terminal", chatKind: "private" } });
    } catch {
      // One failed question must not end the chat (or, with piped input, leave the rest unanswered).
      // The facade has logged the cause; the user gets its short sentence.
      write(new AnswerFailedError().message + (interactive ? "\n" : ""));
      return true;
    }
    if (interactive) history = [...history, { question: text, answer }].slice(-3);
    write(renderAnswer(answer) + (interactive ? "\n" : ""));
    return true;
  }

  const done = (async () => {
    if (interactive) {
      write(HELP + "\n");
      rl.setPrompt("> ");
      rl.prompt();
    }
    for await (const line of rl) {
      if (!(await handle(line))) break;
      if (interactive) rl.prompt();
    }
    rl.close();
  })();

  return { name: "terminal", ready: () => true, stop: async () => rl.close(), done };
}
