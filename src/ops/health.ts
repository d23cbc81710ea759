/**
 * The HTTP endpoint orchestrators and Prometheus talk to (only when HEALTH_PORT is set):
 * `/healthz` says the process is up, `/readyz` that it can answer (an index is loaded and every
 * platform is connected), `/metrics` serves the registry in Prometheus text format.
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
  indexVersion: string | null;
  services: Record<string, boolean>;
}

/** Ready = an index is served and every service (Telegram, Discord, …) reports itself ready. */
export function readiness(probe: ReadinessProbe): Readiness {
  const indexVersion = currentVersion(probe.bot()) ?? null;
  const services: Record<string, boolean> = {};
  for (const s of probe.services()) services[s.name] = safeReady(s);
  return { ready: indexVersion !== null && Object.values(services).every(Boolean), indexVersion, services };
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
