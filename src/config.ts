/**
 * Configuration: parsed and validated once from the environment (after `.env`, which never
 * overrides a variable that is already set). Everything else receives a typed `Config`.
 */
import path from "node:path";
import { z } from "zod";

const list = z
  .string()
  .optional()
  .transform((s) => (s ?? "").split(",").map((x) => x.trim()).filter(Boolean));
const bool = z
  .string()
  .optional()
  .transform((s) => /^(1|true|yes|on)$/i.test(s ?? ""));
const optionalString = z
  .string()
  .optional()
  .transform((s) => (s && s.trim() ? s.trim() : undefined));
const optionalPort = z.coerce.number().int().min(0).max(65535).optional();

const schema = z.object({
  DATA_DIR: z.string().default("data"),
  INDEX_DIR: optionalString,
  CORPUS_DIR: z.string().default("corpus"),
  CORPUS_SOURCES_DIR: optionalString,
  CORPUS_CACHE_DIR: optionalString,
  CONVENTION_PDF_URL: optionalString,
  EMBEDDINGS: z.string().default("local"),
  LLM_MODEL: optionalString,
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  RATE_LIMIT_PER_MIN: z.coerce.number().int().min(0).default(20),
  TELEGRAM_BOT_TOKEN: optionalString,
  TELEGRAM_API_ROOT: optionalString,
  TELEGRAM_ADMIN_IDS: list,
  TELEGRAM_WEBHOOK_URL: optionalString,
  TELEGRAM_WEBHOOK_PORT: z.coerce.number().int().min(0).max(65535).default(8443),
  TELEGRAM_WEBHOOK_SECRET: optionalString,
  DISCORD_BOT_TOKEN: optionalString,
  DISCORD_APPLICATION_ID: optionalString,
  DISCORD_GUILD_ID: optionalString,
  DISCORD_ADMIN_IDS: list,
  DISCORD_API_ROOT: optionalString,
  STORE_QUESTIONS: bool,
  RETENTION_DAYS: z.coerce.number().int().min(1).default(90),
  INDEX_BUILD_WAIT_SECONDS: z.coerce.number().int().min(0).default(300),
  HEALTH_PORT: optionalPort,
  HEALTH_HOST: optionalString,
});

export type Config = ReturnType<typeof finish>;

function finish(env: z.infer<typeof schema>) {
  const dataDir = path.resolve(env.DATA_DIR);
  return {
    ...env,
    dataDir,
    indexDir: path.resolve(env.INDEX_DIR ?? path.join(dataDir, "index")),
    corpusDir: path.resolve(env.CORPUS_DIR),
    sourcesDir: env.CORPUS_SOURCES_DIR ? path.resolve(env.CORPUS_SOURCES_DIR) : undefined,
    cacheDir: path.resolve(env.CORPUS_CACHE_DIR ?? path.join(".cache", "corpus")),
  };
}

/** Thrown when the environment is invalid; its message names the variables, never their values. */
export class ConfigError extends Error {}

/** Parse a config from an environment (default: `process.env` after loading `.env`). */
export function loadConfig(env: NodeJS.ProcessEnv = loadDotEnv()): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const names = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new ConfigError(`Invalid configuration (${names}). See .env.example.`);
  }
  return finish(parsed.data);
}

let dotenvLoaded = false;
/** Load `.env` from the working directory once; real environment variables win. */
export function loadDotEnv(): NodeJS.ProcessEnv {
  if (!dotenvLoaded) {
    dotenvLoaded = true;
    try {
      process.loadEnvFile?.(".env");
    } catch {
      /* no .env: the environment alone is fine */
    }
  }
  return process.env;
}
