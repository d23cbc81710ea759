/**
 * Measured parts run as their own `node` processes on the built code, so each one pays its own
 * start-up, loads only what it needs and reports its own memory. The parent forks
 * `dist/src/bench/child.js <part>` and talks to it over the IPC channel: the child posts typed
 * messages (`ready`, `result`…), the parent may send it commands (`rss`, `stop`).
 */
import { fork, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

export interface Message {
  type: string;
  [key: string]: unknown;
}

/** The compiled child entry beside this module. */
const CHILD = fileURLToPath(new URL("./child.js", import.meta.url));

export interface PartOptions {
  env: NodeJS.ProcessEnv;
  /** Extra arguments after the part's name. */
  args?: string[];
  /** Node flags (e.g. `--expose-gc`). */
  execArgv?: string[];
  /** Kill the child if it has not exited by then. */
  timeoutMs?: number;
}

/** A running measured part. */
export class Part {
  /** `performance.now()` just before the fork. */
  readonly startedAt: number;
  readonly exited: Promise<{ code: number | null; wallMs: number }>;
  private child: ChildProcess;
  private inbox: (Message & { at: number })[] = [];
  private waiting: { type: string; resolve: (m: Message & { at: number }) => void }[] = [];
  private stderr = "";
  private exitError?: Error;

  constructor(readonly name: string, opts: PartOptions) {
    if (CHILD.endsWith(".ts")) throw new Error("The benchmark runs on built code: use `npm run bench`.");
    this.startedAt = performance.now();
    this.child = fork(CHILD, [name, ...(opts.args ?? [])], {
      env: opts.env,
      execArgv: opts.execArgv ?? [],
      stdio: ["ignore", "ignore", "pipe", "ipc"],
      serialization: "advanced",
    });
    this.child.stderr!.on("data", (d: Buffer) => (this.stderr = (this.stderr + d.toString()).slice(-4000)));
    this.child.on("message", (m: Message) => this.receive({ ...m, at: performance.now() }));
    const timer = setTimeout(() => {
      this.exitError = new Error(`bench part "${name}" took longer than ${Math.round((opts.timeoutMs ?? 0) / 1000)} s and was stopped`);
      this.child.kill("SIGKILL");
    }, opts.timeoutMs ?? 300_000);
    this.exited = new Promise((resolve) => {
      // "close" comes after the IPC channel is drained, so no message is lost to an early "exit".
      this.child.on("close", (code) => {
        clearTimeout(timer);
        const wallMs = performance.now() - this.startedAt;
        if (code !== 0 && !this.exitError) this.exitError = new Error(`bench part "${name}" failed (exit ${code}): ${this.stderrTail()}`);
        for (const w of this.waiting.splice(0)) w.resolve({ type: "exit", at: performance.now() });
        resolve({ code, wallMs });
      });
    });
  }

  private receive(m: Message & { at: number }): void {
    const i = this.waiting.findIndex((w) => w.type === m.type);
    if (i >= 0) this.waiting.splice(i, 1)[0].resolve(m);
    else this.inbox.push(m);
  }

  /** The next message of `type` (already received or still to come); rejects if the child exits first. */
  async next<T extends Message>(type: string): Promise<T & { at: number }> {
    const i = this.inbox.findIndex((m) => m.type === type);
    const m = i >= 0 ? this.inbox.splice(i, 1)[0] : await new Promise<Message & { at: number }>((resolve) => this.waiting.push({ type, resolve }));
    if (m.type === "exit" || (m.type === "error" && type !== "error")) throw this.exitError ?? new Error(`bench part "${this.name}": ${String(m.message ?? "ended early")}`);
    return m as T & { at: number };
  }

  send(command: Message): void {
    this.child.send(command);
  }

  /** Wait for the exit; throws when the child failed. */
  async done(): Promise<number> {
    const { wallMs } = await this.exited;
    if (this.exitError) throw this.exitError;
    return wallMs;
  }

  kill(): void {
    if (this.child.exitCode === null) this.child.kill("SIGKILL");
  }

  private stderrTail(): string {
    const lines = this.stderr.trim().split("\n");
    return lines.slice(-6).join("\n") || "no output";
  }
}

/** Run a part to its end: its `result` message and the wall time from fork to exit. */
export async function runPart<T extends Message>(name: string, opts: PartOptions): Promise<{ result: T; wallMs: number }> {
  const part = new Part(name, opts);
  try {
    const result = await part.next<T>("result");
    const wallMs = await part.done();
    return { result, wallMs };
  } finally {
    part.kill();
  }
}

// ---- the child's side ---------------------------------------------------------------------

/** Post a message to the parent (resolves once it is handed to the channel). */
export function post(message: Message): Promise<void> {
  return new Promise((resolve, reject) => {
    if (!process.send) return reject(new Error("bench parts run under `npm run bench`, not on their own"));
    process.send(message, undefined, {}, (err) => (err ? reject(err) : resolve()));
  });
}

/** Commands from the parent, one at a time. */
export function commands(): AsyncIterable<Message> {
  const queue: Message[] = [];
  let wake: (() => void) | undefined;
  process.on("message", (m: Message) => {
    queue.push(m);
    wake?.();
  });
  return {
    async *[Symbol.asyncIterator]() {
      for (;;) {
        while (queue.length) yield queue.shift()!;
        await new Promise<void>((resolve) => (wake = resolve));
      }
    },
  };
}
