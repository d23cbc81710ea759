/**
 * The cross-process build lock (proper-lockfile, a directory in INDEX_DIR) with two things the plain
 * lock lacks:
 *
 * - **Waiting.** Several processes started together on an empty data directory (the README's
 *   sharding recipe) all want to build; one does, the others wait for it — bounded, logging a
 *   progress line — and then find its result. Failing instead would kill every shard but one.
 * - **Dead owners.** A lock left by a killed build would block everyone until its mtime went stale.
 *   The holder records its pid and host next to the lock (bound to the lock directory's inode, so a
 *   record can never be mistaken for a newer lock's); a waiter on the same host that finds the pid
 *   gone takes the lock over at once. Other hosts (a shared volume) fall back to the mtime check.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import lockfile from "proper-lockfile";
import { log } from "../../log.js";

export const LOCK_NAME = ".build.lock";
export const OWNER_NAME = ".build.lock.owner";
/** proper-lockfile's own staleness: the holder touches the lock every UPDATE_MS while alive. */
const STALE_MS = 15_000;
const UPDATE_MS = 5_000;
const POLL_MS = 200;
/** How often a waiter says it is still waiting. */
const PROGRESS_EVERY_MS = 10_000;

/** Another build holds the lock (the CLI, or a bot's /reindex in another process), for longer than we wait. */
export class BuildBusyError extends Error {}

export interface LockOwner {
  pid: number;
  host: string;
  /** Inode of the lock directory this record belongs to. */
  lockIno: number;
  since: string;
}

export interface BuildWait {
  /** The holder's pid, when it recorded one on this host. */
  pid?: number;
  waitedMs: number;
  limitMs: number;
}

export interface AcquireOptions {
  /** How long to wait for a running build before giving up with BuildBusyError. */
  waitMs: number;
  /** Called when waiting starts and then about every 10 s. */
  onWait?: (wait: BuildWait) => void;
}

export interface BuildLock {
  /** How long we waited for another build (0 when the lock was free). */
  waitedMs: number;
  release(): Promise<void>;
}

export async function acquireBuildLock(indexDir: string, options: AcquireOptions): Promise<BuildLock> {
  const lockPath = path.join(indexDir, LOCK_NAME);
  await fs.mkdir(indexDir, { recursive: true });
  const started = Date.now();
  let nextProgress = 0;
  for (;;) {
    const release = await tryLock(indexDir, lockPath);
    if (release) {
      await writeOwner(indexDir, lockPath);
      return {
        waitedMs: Date.now() - started,
        release: async () => {
          if ((await currentOwner(indexDir, lockPath))?.pid === process.pid) await fs.rm(path.join(indexDir, OWNER_NAME), { force: true });
          await release().catch(() => undefined);
        },
      };
    }
    const owner = await currentOwner(indexDir, lockPath);
    if (owner && owner.host === os.hostname() && !isAlive(owner.pid)) {
      if (await takeOver(indexDir, lockPath, owner)) continue;
    }
    const waitedMs = Date.now() - started;
    if (waitedMs >= options.waitMs) {
      const who = owner ? ` (pid ${owner.pid})` : "";
      throw new BuildBusyError(
        options.waitMs > 0
          ? `Another index build${who} is still running after ${Math.round(waitedMs / 1000)} s; try again when it has finished.`
          : `Another index build${who} is running; try again when it has finished.`,
      );
    }
    if (waitedMs >= nextProgress) {
      nextProgress = waitedMs + PROGRESS_EVERY_MS;
      const wait: BuildWait = { pid: owner?.pid, waitedMs, limitMs: options.waitMs };
      log.info(
        { pid: owner?.pid, waitedSeconds: Math.round(waitedMs / 1000), limitSeconds: Math.round(options.waitMs / 1000) },
        `another index build${owner ? ` (pid ${owner.pid})` : ""} is running; waiting for it (${Math.round(waitedMs / 1000)} s of at most ${Math.round(options.waitMs / 1000)} s)`,
      );
      options.onWait?.(wait);
    }
    await sleep(POLL_MS);
  }
}

async function tryLock(indexDir: string, lockPath: string): Promise<(() => Promise<void>) | null> {
  try {
    return await lockfile.lock(indexDir, {
      lockfilePath: lockPath,
      stale: STALE_MS,
      update: UPDATE_MS,
      retries: 0,
      // The default throws from a timer (killing the process); a build that lost its lock should log it instead.
      onCompromised: (err) => log.error({ err: err.message }, "the index build lock was taken from this build"),
    });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ELOCKED") return null;
    throw err;
  }
}

async function writeOwner(indexDir: string, lockPath: string): Promise<void> {
  const { ino } = await fs.stat(lockPath);
  const owner: LockOwner = { pid: process.pid, host: os.hostname(), lockIno: ino, since: new Date().toISOString() };
  const tmp = path.join(indexDir, `${OWNER_NAME}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  await fs.writeFile(tmp, JSON.stringify(owner));
  await fs.rename(tmp, path.join(indexDir, OWNER_NAME));
}

/** The owner record of the lock that exists now; null when there is none or it belongs to an older lock. */
export async function currentOwner(indexDir: string, lockPath: string): Promise<LockOwner | null> {
  try {
    const owner = JSON.parse(await fs.readFile(path.join(indexDir, OWNER_NAME), "utf8")) as LockOwner;
    const { ino } = await fs.stat(lockPath);
    return owner.lockIno === ino && Number.isInteger(owner.pid) ? owner : null;
  } catch {
    return null;
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM"; // exists, owned by someone else
  }
}

/**
 * Remove a dead owner's lock: renamed away first (atomic, so of two waiters only one removes it),
 * and only if it is still the very directory the record describes (same inode).
 */
async function takeOver(indexDir: string, lockPath: string, owner: LockOwner): Promise<boolean> {
  const gone = `${lockPath}.dead-${process.pid}-${randomBytes(4).toString("hex")}`;
  try {
    if ((await fs.stat(lockPath)).ino !== owner.lockIno) return true; // already replaced: just try again
    await fs.rename(lockPath, gone);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return true;
    throw err;
  }
  await fs.rm(gone, { recursive: true, force: true });
  log.warn({ pid: owner.pid, since: owner.since }, `took over the index build lock left by pid ${owner.pid}, which is no longer running`);
  return true;
}
