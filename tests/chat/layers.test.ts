/** The layers' imports point only downward: core ← chat ← adapters (Telegram, Discord, terminal). */
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";

function imports(dir: string): { file: string; spec: string }[] {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true }).flatMap((e) => {
    if (!e.isFile() || !e.name.endsWith(".ts")) return [];
    const file = path.join(e.parentPath, e.name);
    return [...fs.readFileSync(file, "utf8").matchAll(/^import[^;]*?from "([^"]+)"/gm)].map((m) => ({ file, spec: m[1] }));
  });
}

test("the chat layer knows no platform library and no adapter", () => {
  const bad = imports("src/chat").filter(({ spec }) => /grammy|discord|telegram|terminal|\.\.\/ops\//.test(spec));
  expect(bad).toEqual([]);
});

test("the core imports neither the chat layer nor an adapter", () => {
  const bad = imports("src/core").filter(({ spec }) => /\/(chat|telegram|discord|terminal)\//.test(spec));
  expect(bad).toEqual([]);
});

test("adapters reach the core only through its facade, and not one another", () => {
  const bad = ["src/telegram", "src/discord", "src/terminal"].flatMap((dir) =>
    imports(dir).filter(({ spec }) => /\/core\/(?!bot\.js)/.test(spec) || (/\/(telegram|discord|terminal)\//.test(spec) && !spec.includes(path.basename(dir)))),
  );
  expect(bad).toEqual([]);
});
