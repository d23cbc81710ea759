/**
 * Input files named on a command line are checked before anything is built or loaded, so a typo
 * costs a second, not an index load, and the message says which file was looked for and how to
 * name another.
 */
import fs from "node:fs";
import path from "node:path";

/** Throws one sentence when `file` is not a readable file; `howToPass` is what to type instead. */
export function requireFile(file: string, what: string, howToPass: string): void {
  let ok = false;
  try {
    ok = fs.statSync(file).isFile();
    fs.accessSync(file, fs.constants.R_OK);
  } catch {
    ok = false;
  }
  if (!ok) throw new Error(`${what} ${path.resolve(file)} was not found (or is not a readable file); ${howToPass}.`);
}
