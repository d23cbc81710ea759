/**
 * The `.env` file: read once, from the working directory, into `process.env`, where real
 * environment variables win. Both the logger and the config call this first, whichever is imported
 * first, so a setting in `.env` (LOG_LEVEL included) takes effect everywhere.
 */

let loaded = false;
let failure: string | undefined;

/** Load `.env` once; a missing file is fine (the environment alone configures the bot). */
export function loadDotEnv(): NodeJS.ProcessEnv {
  if (!loaded) {
    loaded = true;
    try {
      process.loadEnvFile(".env");
    } catch (err) {
      // Kept for loadConfig to report: this runs at import time, where a throw would be a stack trace.
      if ((err as NodeJS.ErrnoException).code !== "ENOENT") failure = (err as Error).message;
    }
  }
  return process.env;
}

/** Why `.env` exists but could not be read, if it could not (its settings would silently not apply). */
export function dotEnvFailure(): string | undefined {
  return failure;
}
