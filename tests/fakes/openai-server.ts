/**
 * A fake OpenAI-compatible server on 127.0.0.1 (node:http): POST /v1/chat/completions, answered
 * as JSON or, with `stream: true`, as server-sent events, so tests drive the real @langchain/openai
 * client through LLM_BASE_URL. Each request is recorded; what the server does is decided per request
 * by `behave` (default: reply with `reply`).
 */
import http from "node:http";
import type { AddressInfo, Socket } from "node:net";

export interface ChatRequest {
  model: string;
  stream?: boolean;
  messages: { role: string; content: string }[];
}

export type Behaviour =
  /** Answer with this text (streamed token by token when asked to stream). */
  | { reply: string; finish?: string }
  /** Answer with this HTTP status and an OpenAI-style error body. */
  | { status: number }
  /** Accept the request and never answer. */
  | { hang: true }
  /** Stream about half of the text, then drop the connection ("drop") or end the response cleanly without finishing ("end"). */
  | { cut: string; how: "drop" | "end" };

export interface FakeOpenAIOptions {
  /** Delay between streamed tokens (pacing for the bench; the tests need none). */
  tokenDelayMs?: number;
}

export class FakeOpenAI {
  readonly requests: { body: ChatRequest; authorization?: string }[] = [];
  /** Per request, wall-clock times in ms (`performance.timeOrigin + performance.now()`, comparable across processes). */
  readonly timings: { received: number; firstToken?: number; lastToken?: number }[] = [];
  /** Decides each request's fate; replace it in a test. */
  behave: (req: ChatRequest, index: number) => Behaviour = () => ({ reply: "OK [1]." });
  private server = http.createServer((req, res) => void this.handle(req, res));
  private sockets = new Set<Socket>();
  private port = 0;

  constructor(private readonly options: FakeOpenAIOptions = {}) {
    this.server.on("connection", (s) => {
      this.sockets.add(s);
      s.on("close", () => this.sockets.delete(s));
    });
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  /** What LLM_BASE_URL should be. */
  get url(): string {
    return `http://127.0.0.1:${this.port}/v1`;
  }

  /** Replies in order, one per request (the last one repeats). */
  replies(...behaviours: Behaviour[]): void {
    this.behave = (_req, i) => behaviours[Math.min(i, behaviours.length - 1)];
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    let raw = "";
    for await (const part of req) raw += part;
    if (req.method !== "POST" || !req.url?.endsWith("/chat/completions")) {
      res.writeHead(404).end();
      return;
    }
    const body = JSON.parse(raw) as ChatRequest;
    const index = this.requests.push({ body, authorization: req.headers.authorization }) - 1;
    const timing = (this.timings[index] = { received: wallClock() } as FakeOpenAI["timings"][number]);
    const b = this.behave(body, index);
    if ("hang" in b) return;
    if ("status" in b) {
      res.writeHead(b.status, { "content-type": "application/json" }).end(JSON.stringify({ error: { message: `fake error ${b.status}`, type: "server_error" } }));
      return;
    }
    const text = "reply" in b ? b.reply : b.cut;
    if (!body.stream) {
      res.writeHead(200, { "content-type": "application/json" }).end(
        JSON.stringify({
          id: "chatcmpl-fake", object: "chat.completion", created: 0, model: body.model,
          choices: [{ index: 0, message: { role: "assistant", content: text }, finish_reason: "reply" in b ? b.finish ?? "stop" : "length" }],
          usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
        }),
      );
      return;
    }
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive" });
    const tokens = text.match(/\S+\s*/g) ?? [];
    const upTo = "cut" in b ? Math.ceil(tokens.length / 2) : tokens.length;
    const event = (delta: object, finish: string | null) =>
      `data: ${JSON.stringify({ id: "chatcmpl-fake", object: "chat.completion.chunk", created: 0, model: body.model, choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
    // Each event is handed to the socket before the next, so a cut happens after what was sent.
    const send = (data: string) => new Promise<void>((resolve) => res.write(data, () => resolve()));
    await send(event({ role: "assistant", content: "" }, null));
    for (const token of tokens.slice(0, upTo)) {
      if (this.options.tokenDelayMs) await new Promise((r) => setTimeout(r, this.options.tokenDelayMs));
      if (res.destroyed) return;
      await send(event({ content: token }, null));
      timing.firstToken ??= wallClock();
      timing.lastToken = wallClock();
    }
    if ("cut" in b) {
      if (b.how === "drop") res.socket?.destroy();
      else res.end();
      return;
    }
    res.write(event({}, b.finish ?? "stop"));
    res.end("data: [DONE]\n\n");
  }
}

export const wallClock = () => performance.timeOrigin + performance.now();

/** The text of a request's messages with this role. */
export function contents(req: ChatRequest, role: string): string[] {
  return req.messages.filter((m) => m.role === role).map((m) => m.content);
}
