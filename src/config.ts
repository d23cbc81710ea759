/**
 * Configuration: parsed and validated once from the environment (after `.env`, which never
 * overrides a variable that is already set). Everything else receives a typed `Config`.
 */
import path from "node:path";
import { z } from "zod";
import { dotEnvFailure, loadDotEnv } from "./env.js";
import { LOG_LEVELS } from "./log-levels.js";

export { loadDotEnv };

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
  /** "openai:<model>" or "ollama:<model>"; unset: extractive answers only. */
  LLM_MODEL: optionalString.pipe(z.string().regex(/^(openai|ollama):\S+$/, 'expected "openai:<model>" or "ollama:<model>"').optional()),
  /** Any OpenAI-compatible endpoint (…/v1): OpenAI, llama.cpp, vLLM, LM Studio, Ollama. */
  LLM_BASE_URL: optionalString.pipe(z.url({ protocol: /^https?$/ }).optional()),
  LLM_API_KEY: optionalString,
  OPENAI_API_KEY: optionalString,
  /** The whole budget for one LLM answer (attempt, retry, streaming); past it the answer is extractive. */
  LLM_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(20_000),
  /** Earlier exchanges (question and answer text) put into the prompt for follow-ups. */
  LLM_HISTORY_TURNS: z.coerce.number().int().min(0).max(20).default(3),
  // Optional, not defaulted: unset, the terminal chat keeps logs off its terminal (see src/log.ts).
  LOG_LEVEL: z.enum(LOG_LEVELS).optional(),
  RATE_LIMIT_PER_MIN: z.coerce.number().int().min(0).default(20),
  TELEGRAM_BOT_TOKEN: optionalString,
  TELEGRAM_API_ROOT: optionalString,
  TELEGRAM_ADMIN_IDS: list,
  TELEGRAM_WEBHOOK_URL: optionalString,
  TELEGRAM_WEBHOOK_PORT: z.coerce.number().int().min(0).max(65535).default(8443),
  TELEGRAM_WEBHOOK_SECRET: optionalString,
  /** Unset: every interface (as before this setting existed). */
  TELEGRAM_WEBHOOK_HOST: optionalString,
  /** Flood waits (429 `retry_after`) up to this are waited out for an answer; longer ones give it up, logged. */
  TELEGRAM_FLOOD_WAIT_MAX_SECONDS: z.coerce.number().int().min(0).max(86_400).default(300),
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
  /** The most a graceful stop may take before the process exits anyway (code 1). */
  STOP_TIMEOUT_SECONDS: z.coerce.number().positive().max(3_600).default(15),
  // Read where it is used (src/core/retrieve/hybrid.ts: any non-empty value); listed here to be documented.
  DEBUG_COVERAGE: optionalString,
});

/** Every setting's name: .env.example and the README's table list exactly these (tests/settings-docs.test.ts). */
export const SETTING_NAMES: readonly string[] = Object.keys(schema.shape);

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
    /** The key sent to the LLM server: LLM_API_KEY, else OPENAI_API_KEY. */
    llmApiKey: env.LLM_API_KEY ?? env.OPENAI_API_KEY,
  };
}

/** Thrown when the environment is invalid; its message names the variables, never their values. */
export class ConfigError extends Error {}

/** Parse a config from an environment (default: `process.env` after loading `.env`). */
export function loadConfig(env: NodeJS.ProcessEnv = loadDotEnv()): Config {
  const unreadable = env === process.env ? dotEnvFailure() : undefined;
  if (unreadable) throw new ConfigError(`The .env file could not be read (${unreadable}); fix or remove it.`);
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const names = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new ConfigError(`Invalid configuration (${names}). See .env.example.`);
  }
  const config = finish(parsed.data);
  // OpenAI itself needs a key; a local OpenAI-compatible server (LLM_BASE_URL) or Ollama does not.
  if (config.LLM_MODEL?.startsWith("openai:") && !config.LLM_BASE_URL && !config.llmApiKey) {
    throw new ConfigError("Invalid configuration (LLM_MODEL: openai:<model> needs LLM_API_KEY or OPENAI_API_KEY, or an LLM_BASE_URL). See .env.example.");
  }
  return config;
}
