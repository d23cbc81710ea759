/**
 * The HTTP endpoint orchestrators and Prometheus talk to (only when HEALTH_PORT is set). It starts
 * before anything else, so from the first second `/healthz` says the process is alive and `/readyz`
 * says why it cannot answer yet ("building index", "connecting to Telegram …"); it is ready once a
 * verified index version serves without failing most answers and every platform is connected.
 * `/metrics` serves the registry in Prometheus text format.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Registry } from "prom-client";
import type { Service } from "../service.js";
import type { ConventionBot } from "../core/bot.js";
import { log } from "../log.js";
import { currentVersion } from "./metrics.js";

/** What readiness depends on, read at each request: the bot may not exist yet, services come and go. */
export interface ReadinessProbe {
  bot(): ConventionBot | undefined;
  services(): readonly Service[];
  /** What startup is still doing, if anything ("building index", "connecting to Telegram"). */
  starting?(): string | undefined;
}

export interface HealthOptions {
  port: number;
  /** Interface to bind (startOps passes HEALTH_HOST, default loopback). */
  host: string;
  registry: Registry;
  probe: ReadinessProbe;
}

export interface HealthService extends Service {
  /** The bound port (useful with port 0). */
  readonly port: number;
}

export interface Readiness {
  ready: boolean;
  /** Why not ready (null when ready). */
  reason: string | null;
  indexVersion: string | null;
  services: Record<string, boolean>;
}

/**
 * Ready = startup is over, a verified index version is served and not failing most of its answers,
 * and every service (Telegram, Discord, …) reports itself ready.
 */
export function readiness(probe: ReadinessProbe): Readiness {
  const bot = probe.bot();
  const indexVersion = currentVersion(bot) ?? null;
  const services: Record<string, boolean> = {};
  for (const s of probe.services()) services[s.name] = safeReady(s);
  const serving = servingOf(bot);
  const down = Object.keys(services).find((name) => !services[name]);
  const reason =
    probe.starting?.() ??
    (indexVersion === null || !serving ? "no verified index version is served" : undefined) ??
    (serving && !serving.healthy ? (serving.problem ?? "the served index version is failing") : undefined) ??
    (down ? `${down} is not connected` : null);
  return { ready: reason === null, reason, indexVersion, services };
}

function servingOf(bot: ConventionBot | undefined): ReturnType<ConventionBot["serving"]> | undefined {
  try {
    return bot?.serving();
  } catch {
    return undefined;
  }
}

function safeReady(service: Service): boolean {
  try {
    return service.ready();
  } catch {
    return false;
  }
}

export async function startHealth(options: HealthOptions): Promise<HealthService> {
  const server = http.createServer((req, res) => {
    handle(req, res, options).catch((err: Error) => {
      log.warn({ err: err.message }, "health endpoint failed");
      if (!res.headersSent) send(res, 500, "text/plain; charset=utf-8", "internal error\n");
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  log.info({ port }, "health endpoint listening");
  return {
    name: "health",
    port,
    ready: () => server.listening,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function handle(req: http.IncomingMessage, res: http.ServerResponse, options: HealthOptions): Promise<void> {
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.setHeader("allow", "GET, HEAD");
    return send(res, 405, "text/plain; charset=utf-8", "method not allowed\n");
  }
  const pathname = new URL(req.url ?? "/", "http://localhost").pathname;
  switch (pathname) {
    case "/healthz":
      return send(res, 200, "text/plain; charset=utf-8", "ok\n");
    case "/readyz": {
      const state = readiness(options.probe);
      return send(res, state.ready ? 200 : 503, "application/json", JSON.stringify(state) + "\n");
    }
    case "/metrics":
      return send(res, 200, options.registry.contentType, await options.registry.metrics());
    default:
      return send(res, 404, "text/plain; charset=utf-8", "not found\n");
  }
}

function send(res: http.ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { "content-type": type, "cache-control": "no-store" });
  res.end(res.req.method === "HEAD" ? undefined : body);
}
