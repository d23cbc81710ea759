/**
 * The source list (`corpus/sources.json`): which documents the bot answers from, where each comes
 * from and the sha256 it must have. Validated with zod so a typo fails loudly at ingestion.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { z } from "zod";

const documentSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string().min(1),
  shortTitle: z.string().min(1),
  language: z.string().min(2),
  kind: z.enum(["convention", "news"]),
  date: z.string().optional(),
  url: z.string().url(),
  landingPage: z.string().url().optional(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** Where the copy in corpus/ came from and why it may be shipped (shown to no user; for maintainers). */
  provenance: z.string().optional(),
  obtain: z.object({
    /** bundled: the project's own document, corpus/ only; official: shipped in corpus/, with overrides and the URL as fallback. */
    method: z.enum(["official", "bundled"]),
    file: z.string().min(1),
    format: z.enum(["pdf", "text"]),
  }),
});

const manifestSchema = z.object({ documents: z.array(documentSchema).min(1) });

export type SourceEntry = z.infer<typeof documentSchema>;

export async function readManifest(corpusDir: string): Promise<SourceEntry[]> {
  const file = path.join(corpusDir, "sources.json");
  let raw: unknown;
  try {
    raw = JSON.parse(await fs.readFile(file, "utf8"));
  } catch (err) {
    throw new Error(`cannot read the source list ${path.basename(file)}: ${(err as Error).message}`);
  }
  return manifestSchema.parse(raw).documents;
}
