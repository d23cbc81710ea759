/**
 * Webhook mode (TELEGRAM_WEBHOOK_URL set): a node http server on TELEGRAM_WEBHOOK_PORT receives
 * Telegram's POSTs through grammY's `webhookCallback`, which checks the secret token header.
 *
 * Telegram redelivers an update whose request is not answered in time, and an answer can take
 * longer than that — so a slow answer would be sent twice. Our adapter therefore acknowledges each
 * update with 200 as soon as its secret and body check out, and grammY handles it afterwards
 * (tracked, so a graceful stop still waits for it). A copy Telegram sends again anyway (it missed
 * the 200, or the bot restarted) is dropped by the bot's `onceEach`: every update is answered once.
 * The server binds to TELEGRAM_WEBHOOK_HOST (every interface when unset).
 */
import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { webhookCallback } from "grammy";
import type { Update } from "grammy/types";
import type { Config } from "../config.js";
import { log } from "../log.js";
import { ALLOWED_UPDATES, type TelegramBot } from "./bot.js";
import { STOP_GRACE_MS, type Transport } from "./transport.js";

/** Largest update body accepted (Telegram's are a few kilobytes). */
const MAX_BODY = 1_000_000;

export interface WebhookTransport extends Transport {
  address(): AddressInfo;
}

export async function startWebhook({ bot, tasks }: TelegramBot, config: Config, url: string): Promise<WebhookTransport> {
  const path = new URL(url).pathname;
  // Without a configured secret we still check one: a random one, given to Telegram below.
  const secret = config.TELEGRAM_WEBHOOK_SECRET ?? randomBytes(32).toString("hex");
  const handle = webhookCallback(bot, acknowledgeEarly, { secretToken: secret, timeoutMilliseconds: Infinity });
  const server = http.createServer((req, res) => {
    if (req.method !== "POST" || new URL(req.url ?? "/", "http://x").pathname !== path) {
      res.writeHead(404).end();
      return;
    }
    void tasks.track(handle(req, res)).catch((err: Error) => {
      log.warn({ err: err.message }, "rejected a webhook request");
      if (!res.headersSent) res.writeHead(400).end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.TELEGRAM_WEBHOOK_PORT, config.TELEGRAM_WEBHOOK_HOST, () => resolve());
  });
  try {
    await bot.api.setWebhook(url, { secret_token: secret, allowed_updates: ALLOWED_UPDATES });
  } catch (err) {
    server.close();
    throw err;
  }
  let stopping: Promise<void> | undefined;
  return {
    mode: "webhook",
    ready: () => server.listening,
    address: () => server.address() as AddressInfo,
    // The webhook stays registered: Telegram keeps updates until the bot is back.
    stop: () =>
      (stopping ??= (async () => {
        const closed = new Promise((resolve) => server.close(resolve));
        server.closeIdleConnections();
        if (!(await tasks.drain(STOP_GRACE_MS))) log.warn({ inFlight: tasks.size }, "stopped with answers still in flight");
        server.closeAllConnections();
        await closed;
      })()),
  };
}

/**
 * grammY's framework adapter for node http, except that the 200 goes out once the body has been
 * read and parsed, before the update is handled. The secret is checked (by `webhookCallback`)
 * before the body is even read; webhook replies are not used, so `respond` is never needed.
 */
function acknowledgeEarly(req: http.IncomingMessage, res: http.ServerResponse) {
  const header = req.headers["x-telegram-bot-api-secret-token"];
  return {
    get update() {
      return readJson(req).then((update) => {
        res.writeHead(200).end();
        return update;
      });
    },
    header: Array.isArray(header) ? header[0] : header,
    end: () => undefined,
    respond: () => undefined,
    unauthorized: () => void res.writeHead(401).end("secret token is wrong"),
    handlerReturn: undefined,
  };
}

function readJson(req: http.IncomingMessage): Promise<Update> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) req.destroy(new Error("webhook body too large"));
      else chunks.push(chunk);
    });
    req.once("end", () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString("utf8")));
      } catch (err) {
        reject(err);
      }
    });
    req.once("error", reject);
  });
}
