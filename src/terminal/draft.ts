/**
 * The model's answer as it streams, in the terminal chat: printed as it grows (the core's
 * `onPartial`), then erased when the final answer is printed, so the final answer, with its
 * quotes and sources, replaces the draft rather than repeating it. When the output is not a
 * terminal nothing can be erased: the draft stays, ended by a blank line.
 */
import readline from "node:readline";

type Output = NodeJS.WritableStream & { isTTY?: boolean; columns?: number };

export class TerminalDraft {
  private shown = "";

  constructor(private readonly out: Output) {}

  /** Show the text so far: only what is new when it extends what is shown (the usual case). */
  readonly update = (text: string): void => {
    if (!text.startsWith(this.shown)) this.clear();
    this.out.write(text.slice(this.shown.length));
    this.shown = text;
  };

  /** Remove the draft before the final answer is printed. */
  clear(): void {
    if (!this.shown) return;
    if (this.out.isTTY) {
      const columns = this.out.columns || 80;
      const rows = this.shown.split("\n").reduce((n, line) => n + Math.max(1, Math.ceil(line.length / columns)), 0);
      readline.moveCursor(this.out, 0, -(rows - 1));
      readline.cursorTo(this.out, 0);
      readline.clearScreenDown(this.out);
    } else {
      this.out.write("\n\n");
    }
    this.shown = "";
  }
}
