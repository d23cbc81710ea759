/**
 * The salt is never recreated behind the admin's back. A new salt would change every user's hash, so
 * the rows already stored could no longer be found by `/forget` — a privacy promise broken without a
 * word. So a salt is created only for a store that holds no rows yet; a store with rows and no salt
 * (or a damaged one) stops recording until the salt is restored or the store is reset, and says so.
 */
import fs from "node:fs";
import path from "node:path";
import type { Database } from "better-sqlite3";
import { createSalt, readSalt, SaltDamagedError, userHasher, type UserHasher } from "./user-hash.js";

export type SaltState = { hash: UserHasher; problem: null } | { hash: null; problem: string };

export function saltFor(saltFile: string, db: Database): SaltState {
  const name = path.basename(saltFile);
  const dbName = path.basename(db.name);
  let salt: Buffer | null;
  try {
    salt = readSalt(saltFile);
  } catch (err) {
    if (!(err instanceof SaltDamagedError)) throw err;
    return {
      hash: null,
      problem: `Recording is stopped: the salt file ${name} is damaged. Restore it from a backup, or reset the store by moving ${dbName} (with its -wal and -shm files) and ${name} away; answers go on meanwhile.`,
    };
  }
  if (salt) return { hash: userHasher(salt), problem: null };
  const rows = storedRows(db);
  if (rows === 0) return { hash: userHasher(createSalt(saltFile)), problem: null };
  return {
    hash: null,
    problem: `Recording is stopped: the salt file ${name} is missing, but the store holds ${rows} answer${rows === 1 ? "" : "s"} and votes hashed with it, which /forget could no longer find under a new salt. Restore ${name} from a backup, or reset the store by moving ${dbName} (with its -wal and -shm files) away; answers go on meanwhile.`,
  };
}

/** The salt file's identity (inode, size, mtime), "absent" without one: when it changes, a stopped store tries again. */
export function saltStamp(saltFile: string): string {
  try {
    const st = fs.statSync(saltFile);
    return `${st.ino}:${st.size}:${st.mtimeMs}`;
  } catch {
    return "absent";
  }
}

function storedRows(db: Database): number {
  const count = (table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  return count("answers") + count("feedback");
}
