/**
 * An `ingest` process caught inside its build lock: SIGSTOPped the moment its owner record appears
 * (the lock directory and the record naming its pid both exist then), so another build meets a held
 * lock for certain. If the child finished before the freeze landed, the attempt is repeated.
 */
import { once } from "node:events";
import fs from "node:fs";
import path from "node:path";
import { LOCK_NAME, OWNER_NAME } from "../../src/core/index/build-lock.js";
import { startScript, type Finished } from "./helpers.js";
import type { ChildProcess } from "node:child_process";

export interface FrozenBuild {
  child: ChildProcess;
  done: Promise<Finished>;
  /** Let it run again. */
  resume(): void;
  /** SIGKILL it (if still alive) and wait until it is gone. */
  kill(): Promise<void>;
}

const ATTEMPTS = 5;

export async function freezeInLock(indexDir: string, args: string[], env: () => Promise<NodeJS.ProcessEnv>): Promise<FrozenBuild> {
  fs.mkdirSync(indexDir, { recursive: true });
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const { child, done } = startScript("ingest.ts", args, await env());
    const owner = path.join(indexDir, OWNER_NAME);
    let frozen = false;
    const freeze = () => {
      if (!frozen && fs.existsSync(owner) && fs.existsSync(path.join(indexDir, LOCK_NAME))) frozen = child.kill("SIGSTOP");
    };
    const watcher = fs.watch(indexDir, (_event, name) => {
      if (name === OWNER_NAME) freeze();
    });
    const poll = setInterval(freeze, 2); // fs.watch is best effort
    const finished = await Promise.race([done.then(() => true), new Promise<false>((resolve) => {
      const check = setInterval(() => {
        if (frozen) {
          clearInterval(check);
          resolve(false);
        }
      }, 2);
    })]);
    watcher.close();
    clearInterval(poll);
    if (!finished && fs.existsSync(owner)) {
      return {
        child,
        done,
        resume: () => void child.kill("SIGCONT"),
        kill: async () => {
          if (child.exitCode === null && child.signalCode === null) {
            child.kill("SIGKILL");
            await once(child, "close").catch(() => undefined);
          }
        },
      };
    }
    // The build ran its locked section before the freeze landed: try again on what it left.
    child.kill("SIGCONT");
    await done;
    fs.rmSync(indexDir, { recursive: true, force: true });
    fs.mkdirSync(indexDir, { recursive: true });
  }
  throw new Error(`could not freeze a build inside its lock in ${ATTEMPTS} attempts`);
}
