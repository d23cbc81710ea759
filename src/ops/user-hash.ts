/**
 * Pseudonymous user ids. The store must recognise a returning user (for `/forget` and one vote
 * per answer) without ever holding the platform's id, so it keeps a keyed hash instead. The key
 * (salt) is random per installation and lives next to the database, so the hashes mean nothing
 * outside it: a leaked database alone cannot be matched against known Telegram or Discord ids.
 */
import { createHmac, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const SALT_BYTES = 32;

export type UserHasher = (platform: string, userId: string) => string;

/** The salt file exists but does not hold a salt. */
export class SaltDamagedError extends Error {}

/** Read the salt in `file`, creating it on first use. (The store decides first whether it may: salt-guard.ts.) */
export function loadSalt(file: string): Buffer {
  return readSalt(file) ?? createSalt(file);
}

/**
 * Create the salt. Creation writes a temporary file and links it into place, which fails if another
 * process got there first; then that process's salt wins, so every process sharing the directory
 * hashes alike.
 */
export function createSalt(file: string): Buffer {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  fs.writeFileSync(tmp, randomBytes(SALT_BYTES).toString("hex") + "\n", { mode: 0o600 });
  try {
    fs.linkSync(tmp, file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
  } finally {
    fs.rmSync(tmp, { force: true });
  }
  const salt = readSalt(file);
  if (!salt) throw new Error("the salt file could not be created");
  return salt;
}

/** The salt in `file`; null when there is no file; SaltDamagedError when it holds no valid salt. */
export function readSalt(file: string): Buffer | null {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8").trim();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw err;
  }
  const salt = Buffer.from(text, "hex");
  if (!/^[0-9a-f]+$/i.test(text) || salt.length < SALT_BYTES) {
    // Regenerating would orphan every stored hash (and break /forget), so refuse instead.
    throw new SaltDamagedError("the salt file is damaged; restore it from a backup or remove it together with the database");
  }
  return salt;
}

/** HMAC-SHA256 of `platform:userId` under the salt: the same user on another platform is another person. */
export function userHasher(salt: Buffer): UserHasher {
  return (platform, userId) => createHmac("sha256", salt).update(`${platform}:${userId}`).digest("base64url");
}
