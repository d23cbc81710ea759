/**
 * What a question asks, before retrieval decides (`corpus/intents.json`): whether it is a kind the
 * corpus cannot answer however many words it shares with it (ratification status, predictions,
 * opinions, other instruments, tech support, prices, the news of the day), and which part of a
 * provision it asks for (an exception, a time limit, who, what it must contain…), so the answer
 * can lead with the paragraph that holds it. Patterns are data, matched on the folded question.
 */
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { fold } from "../text.js";
import type { Language } from "../types.js";

const patterns = z.array(z.string()).default([]);
const schema = z.object({
  version: z.number().int(),
  outOfScope: z.array(z.object({ kind: z.string(), refusal: z.enum(["status", "prediction", "opinion", "otherInstrument", "howto", "offTopic"]), en: patterns, id: patterns, vi: patterns })),
  followUp: z.object({ en: patterns, id: patterns, vi: patterns }).default({ en: [], id: [], vi: [] }),
  aspects: z.array(z.object({ aspect: z.string(), en: patterns, id: patterns, vi: patterns, cues: patterns })),
});

export type RefusalKind = z.infer<typeof schema>["outOfScope"][number]["refusal"];

export interface Aspect {
  name: string;
  /** Patterns over a passage's text that mark it as holding what the question asks for. */
  cues: RegExp[];
}

interface Compiled {
  outOfScope: { kind: string; refusal: RefusalKind; patterns: RegExp[] }[];
  aspects: { aspect: Aspect; patterns: RegExp[] }[];
  followUp: RegExp[];
}

const compile = (list: string[], flags = "") => list.map((p) => new RegExp(p, flags));
/** One pattern for a list: a question is tested once per kind, not once per phrase. */
const either = (list: string[]): RegExp[] => (list.length ? [new RegExp(list.map((p) => `(?:${p})`).join("|"))] : []);

/** Intent data loaded from `corpus/intents.json`; an absent file means no intent checks. */
export class Intents {
  private constructor(private data: Compiled) {}

  static load(corpusDir: string): Intents {
    const file = path.join(corpusDir, "intents.json");
    if (!fs.existsSync(file)) return new Intents({ outOfScope: [], aspects: [], followUp: [] });
    const raw = schema.parse(JSON.parse(fs.readFileSync(file, "utf8")));
    // Questions are matched in every language: people mix them, and a pattern never fires by accident across languages.
    const all = (e: { en: string[]; id: string[]; vi: string[] }) => either([...e.en, ...e.id, ...e.vi]);
    return new Intents({
      outOfScope: raw.outOfScope.map((o) => ({ kind: o.kind, refusal: o.refusal, patterns: all(o) })),
      aspects: raw.aspects.map((a) => ({ aspect: { name: a.aspect, cues: compile(a.cues, "m") }, patterns: all(a) })),
      followUp: all(raw.followUp),
    });
  }

  /** The refusal a question gets before any retrieval, or null when the corpus may answer it. */
  outOfScope(question: string, _language?: Language): { kind: string; refusal: RefusalKind } | null {
    const q = normalise(question);
    const hit = this.data.outOfScope.find((o) => o.patterns.some((p) => p.test(q)));
    return hit ? { kind: hit.kind, refusal: hit.refusal } : null;
  }

  /** Does the question point back at the conversation ("and its exceptions?", "isinya apa?", "còn nó?")? */
  pointsBack(question: string): boolean {
    const q = normalise(question);
    return this.data.followUp.some((p) => p.test(q));
  }

  /** The parts of a provision the question asks for ("exception", "time", "actor", …). */
  aspects(question: string): Aspect[] {
    const q = normalise(question);
    return this.data.aspects.filter((a) => a.patterns.some((p) => p.test(q))).map((a) => a.aspect);
  }
}

/** Folded, punctuation reduced to spaces (apostrophes kept), single-spaced. */
function normalise(question: string): string {
  return fold(question).replace(/[^a-z0-9'\s-]+/g, " ").replace(/\s+/g, " ").trim();
}
