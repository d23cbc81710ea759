/**
 * `npm run corpus -- add FILE …` and `npm run corpus -- list`: how an admin grows the corpus without
 * hand-editing JSON or computing a sha256. `add` checks the file (UTF-8 text or a PDF with text),
 * places it in corpus/ as a bundled document, writes its entry into corpus/sources.json — only when
 * the whole list is then valid — and previews what `npm run ingest` would change. Self-contained
 * (node:util parseArgs) on purpose: it only needs the core's manifest, names and build.
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { loadConfig } from "../config.js";
import { buildSettings } from "../core/bot.js";
import { DEFAULT_SHORT_TITLES } from "../core/answer/names.js";
import { checkSources, DOC_LANGUAGES, readManifest, SourcesError, type SourceEntry } from "../core/corpus/manifest.js";
import { parseNews, pdfText } from "../core/corpus/news.js";
import { sha256 } from "../core/corpus/obtain.js";
import { readPdf } from "../core/corpus/pdf.js";
import { buildIndex } from "../core/index/build.js";
import { renderSummary } from "./format.js";
import { writeSources } from "./sources-file.js";

/** Kinds `add` accepts: the Convention itself is downloaded, never added. */
const ADDABLE = ["news", "press-release"] as const;

export const USAGE = `Usage:
  npm run corpus -- add FILE --kind KIND --lang LANG --title TITLE --date YYYY-MM-DD --url URL [--short-title NAME] [--id ID]
  npm run corpus -- list
  npm run corpus -- --help

add   checks FILE (UTF-8 text, one paragraph a line, or a PDF with text), computes its sha256, copies it
      into the corpus folder as <id>.<lang>.txt or .pdf, writes its entry into sources.json and shows what
      \`npm run ingest -- --dry-run\` would change. Then run \`npm run ingest\` (or /reindex in a running bot).
list  prints the documents of sources.json.

Fields of a document in sources.json, and the option that sets each:
  id           --id           lowercase letters, digits and dashes, unique (default: KIND-DATE-LANG)
  title        --title        the full title, as published
  shortTitle   --short-title  the name answers cite it by, with its date: "Report" gives "Report of
                              2 November 2025, para. 1" (default by kind, in en/id/vi: news "Report",
                              press-release "Press release"); a text, or {"en": …, "id": …, "vi": …}
  language     --lang         the document's language: ${DOC_LANGUAGES.join(", ")}
  kind         --kind         ${ADDABLE.join(" or ")} ("convention" is the Convention's own text, downloaded)
  date         --date         the publication date, YYYY-MM-DD
  url          --url          where it was published; shown with every citation
  sha256       (computed)     the file's sha256; ingestion refuses a copy that does not match
  obtain       (written)      method "bundled" (the file is in the corpus folder) or "official" (the
                              Convention's PDF); file, its name; format, "text" or "pdf"
  citeAs       (by hand)      optional wording: label "News report, para. {n}", intro by language
  landingPage  (by hand)      optional page about the document

The corpus folder is CORPUS_DIR (default corpus/). Unofficial translations of a document's paragraphs
go in translations/<id>.<lang>.json; answers show them to askers of that language.`;

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

const stdio: Io = { out: (t) => process.stdout.write(t + "\n"), err: (t) => process.stderr.write(t + "\n") };

/** A problem with the command line or the file: one line, then the usage; exit code 2. */
class UsageError extends Error {}

/** Run the command; resolves to the exit code (0 done, 1 preview failed, 2 bad input). */
export async function corpusCommand(argv: string[], io: Io = stdio, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        kind: { type: "string" }, lang: { type: "string" }, title: { type: "string" }, "short-title": { type: "string" },
        date: { type: "string" }, url: { type: "string" }, id: { type: "string" }, help: { type: "boolean", short: "h" },
      },
    });
    if (values.help) {
      io.out(USAGE);
      return 0;
    }
    const [command, ...rest] = positionals;
    const corpusDir = loadConfig(env).corpusDir;
    if (command === "list" && !rest.length) return await list(corpusDir, io);
    if (command === "add") return await add(rest, values as Record<string, string | undefined>, env, io);
    throw new UsageError(command ? `unknown command "${[command, ...rest].join(" ")}"` : "say what to do: add or list");
  } catch (err) {
    if (err instanceof SourcesError) {
      err.problems.forEach((p) => io.err(p));
      return 2;
    }
    const usage = err instanceof UsageError || (err as NodeJS.ErrnoException).code?.startsWith("ERR_PARSE_ARGS");
    if (!usage) throw err;
    io.err(`corpus: ${firstSentence((err as Error).message)}`);
    io.err("");
    io.err(USAGE);
    return 2;
  }
}

/** parseArgs explains at length; the first sentence says what is wrong. */
function firstSentence(message: string): string {
  return message.split(/(?<=\.)\s/)[0].replace(/\.$/, "") + ".";
}

async function list(corpusDir: string, io: Io): Promise<number> {
  const entries = await readManifest(corpusDir);
  const rows = entries.map((e) => [e.id, e.kind, e.language, e.date ?? "", `${e.obtain.method} ${e.obtain.format}`, e.title]);
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  for (const r of rows) io.out(r.map((c, i) => (i < r.length - 1 ? c.padEnd(widths[i]) : c)).join("  "));
  return 0;
}

async function add(files: string[], o: Record<string, string | undefined>, env: NodeJS.ProcessEnv, io: Io): Promise<number> {
  if (files.length !== 1) throw new UsageError(files.length ? "add takes one file" : "add needs the FILE to add");
  for (const name of ["kind", "lang", "title", "date", "url"]) if (!o[name]?.trim()) throw new UsageError(`add needs --${name}`);
  const kind = o.kind as (typeof ADDABLE)[number];
  if (!ADDABLE.includes(kind)) throw new UsageError(`--kind must be ${ADDABLE.join(" or ")}, not "${o.kind}"`);
  if (!(DOC_LANGUAGES as readonly string[]).includes(o.lang!)) throw new UsageError(`--lang must be one of ${DOC_LANGUAGES.join(", ")}, not "${o.lang}"`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(o.date!) || Number.isNaN(Date.parse(o.date!))) throw new UsageError(`--date must be a date written YYYY-MM-DD, not "${o.date}"`);

  const config = loadConfig(env);
  const corpusDir = config.corpusDir;
  const bytes = readFile(files[0]);
  const format = isPdf(bytes) ? "pdf" : "text";
  const paragraphs = await paragraphsOf(bytes, format, files[0]);
  const id = o.id ?? `${kind}-${o.date}-${o.lang}`;
  const file = `${id}.${o.lang}.${format === "pdf" ? "pdf" : "txt"}`;
  const entry: SourceEntry = {
    id, title: o.title!.trim(), shortTitle: o["short-title"]?.trim() || DEFAULT_SHORT_TITLES[kind], language: o.lang as SourceEntry["language"],
    kind, date: o.date, url: o.url!, sha256: sha256(bytes), obtain: { method: "bundled", file, format },
  };

  const list = JSON.parse(fs.readFileSync(path.join(corpusDir, "sources.json"), "utf8")) as { documents: unknown[] };
  const target = path.join(corpusDir, file);
  if (fs.existsSync(target)) throw new UsageError(`${path.basename(corpusDir)}/${file} already exists; choose another --id`);
  fs.writeFileSync(target, bytes);
  try {
    // The whole list must be valid with the new entry (a duplicate id, a bad URL…) before it is written.
    await checkSources({ ...list, documents: [...list.documents, entry] }, corpusDir);
  } catch (err) {
    fs.rmSync(target, { force: true });
    throw err;
  }
  writeSources(corpusDir, { ...list, documents: [...list.documents, entry] });
  io.out(`Added "${id}" (${kind}, ${o.lang}, ${o.date}): ${paragraphs} paragraphs in ${path.basename(corpusDir)}/${file}, sha256 ${entry.sha256}.`);
  try {
    const summary = await buildIndex(buildSettings(config), { dryRun: true });
    io.out(`What \`npm run ingest\` would change:\n${renderSummary(summary)}`);
    return 0;
  } catch (err) {
    io.err(`The entry is written, but the preview failed: ${(err as Error).message.split("\n")[0]}`);
    return 1;
  }
}

function readFile(file: string): Uint8Array {
  try {
    return new Uint8Array(fs.readFileSync(file));
  } catch (err) {
    throw new UsageError(`cannot read ${path.basename(file)} (${(err as NodeJS.ErrnoException).code ?? "error"})`);
  }
}

const isPdf = (bytes: Uint8Array) => new TextDecoder().decode(bytes.slice(0, 5)) === "%PDF-";

/** How many paragraphs the document gives, or a UsageError saying why it gives none. */
async function paragraphsOf(bytes: Uint8Array, format: "pdf" | "text", file: string): Promise<number> {
  let text: string;
  if (format === "pdf") {
    text = pdfText(await readPdf(bytes).catch(() => Promise.reject(new UsageError(`${path.basename(file)} is not a readable PDF`))));
  } else {
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      throw new UsageError(`${path.basename(file)} is neither UTF-8 text nor a PDF`);
    }
  }
  const n = parseNews(text).length;
  if (!n) throw new UsageError(`${path.basename(file)} has no text`);
  return n;
}
