/**
 * The output filter for a model's answer: only grounded sentences reach the user. Every sentence
 * must carry a marker [n] that names one of the numbered sources; a sentence whose markers name no
 * source (or that has none) is dropped whole, not merely stripped of its marker, because the marker
 * is the only evidence the claim came from the sources. Kept sentences lose their invalid markers,
 * and the valid ones are renumbered in order of first appearance, so that [1] is the first entry of
 * the answer's citations and adapters can render the sources from the citations alone.
 *
 * It also drops sentences that repeat the system prompt or name a setting (the model, the endpoint,
 * the key): a model that obeyed an instruction hidden in a question or a source may well put a
 * marker on the leak, so markers alone are not enough.
 *
 * The same filter runs on a streaming answer (`complete: false`): the unfinished last sentence is
 * held back, so a draft never shows text the final answer would not.
 */
import { fold } from "../text.js";

/** One sentence and the whitespace that follows it (kept to preserve paragraphs and lists). */
interface Segment {
  body: string;
  sep: string;
}

/** Words before a period that do not end a sentence ("Art. 62", "e.g. States", "No. 5", "U.N. Convention"). */
const ABBREVIATION = /^(?:\p{L}|art|arts|no|nos|para|paras|p|pp|e\.g|i\.e|cf|vs|mr|mrs|ms|dr|st|u\.n|u\.s|hlm|ps|tgl|đ|k)$/iu;
/** Where a sentence may end: terminal punctuation (closing quotes, markers after it), then whitespace; or a line break. */
const CANDIDATE = /[.!?…。]+["'”’»)]*(?:[ \t]*\[\d+\])*(\s+)|[ \t]*\n\s*/gu;
/** What a new sentence starts with. */
const STARTS_SENTENCE = /^[\p{Lu}\p{Lo}"“‘«(\[*•\-–\d]/u;
const MARKER = /\[(\d+)\]/g;

/** Split text into sentences (and list lines), each with the whitespace after it. */
export function segments(text: string): Segment[] {
  const out: Segment[] = [];
  let start = 0;
  for (const m of text.matchAll(CANDIDATE)) {
    const sep = m[1] ?? m[0];
    const sepStart = m.index + m[0].length - sep.length;
    const end = m.index + m[0].length;
    if (!sep.includes("\n")) {
      if (end < text.length && !STARTS_SENTENCE.test(text.slice(end))) continue;
      const word = /(\S+)$/.exec(text.slice(start, m.index))?.[1]?.replace(/^[("“‘«]+/, "") ?? "";
      if (ABBREVIATION.test(word)) continue;
      // "1." opening a line is a list number, not a sentence.
      if (/^\d{1,2}$/.test(word) && text.slice(start, m.index).trim() === word) continue;
    }
    push(out, text.slice(start, sepStart), sep);
    start = end;
  }
  if (start < text.length) push(out, text.slice(start), "");
  return out;
}

/** Add a sentence; markers and punctuation alone ("Hanoi. [1].") belong to the sentence before them. */
function push(out: Segment[], body: string, sep: string): void {
  const last = out[out.length - 1];
  if (last && !body.replace(MARKER, "").replace(/[\s.!?…。,;:]/g, "")) {
    last.body += last.sep + body;
    last.sep = sep;
  } else if (body.trim()) out.push({ body, sep });
  else if (last) last.sep += body + sep;
}

export interface GroundOptions {
  /** Number of sources: markers [1]..[count] are valid. */
  count: number;
  /** false while streaming: the last sentence may be unfinished and is held back. */
  complete: boolean;
  /** Text no sentence may repeat (the system prompt) ... */
  prompt?: string;
  /** ... and strings no sentence may contain (model name, endpoint, key). */
  secrets?: string[];
}

export interface Grounded {
  /** The kept sentences, markers renumbered to citation order, layout preserved. */
  text: string;
  /** Source numbers (1-based, as in the prompt) in citation order: `[k]` in `text` is `cited[k-1]`. */
  cited: number[];
  /** How many sentences were dropped. */
  dropped: number;
}

/** Words of the prompt that a leaking sentence would repeat: any run of this many in a row. */
const LEAK_RUN = 8;

export function ground(reply: string, opts: GroundOptions): Grounded {
  const all = segments(reply);
  // While streaming, the last sentence may be unfinished, and a sentence may still get its marker
  // after its full stop ("… Hanoi. [1]"): hold back the one before a trailing "[" too.
  const pending = opts.complete ? 0 : all.at(-1)?.body.trimStart().startsWith("[") ? 2 : 1;
  const pieces = all.slice(0, all.length - pending);
  const leak = leakDetector(opts.prompt, opts.secrets ?? []);
  const cited: number[] = [];
  let text = "";
  let dropped = 0;
  for (const { body, sep } of pieces) {
    const valid = [...body.matchAll(MARKER)].map((m) => Number(m[1])).filter((n) => n >= 1 && n <= opts.count);
    if (!valid.length || leak(body)) {
      dropped++;
      continue;
    }
    for (const n of valid) if (!cited.includes(n)) cited.push(n);
    const renumbered = body
      .replace(MARKER, (marker, n) => {
        const i = Number(n);
        return i >= 1 && i <= opts.count ? `[${cited.indexOf(i) + 1}]` : "";
      })
      .replace(/[ \t]+([.,;:!?])/g, "$1")
      .replace(/[ \t]{2,}/g, " ");
    text += renumbered + sep;
  }
  return { text: text.replace(/\n{3,}/g, "\n\n").trim(), cited, dropped };
}

/** A sentence leaks when it repeats LEAK_RUN words of the prompt in a row or contains a secret. */
function leakDetector(prompt: string | undefined, secrets: string[]): (sentence: string) => boolean {
  const words = (s: string) => fold(s).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const runs = new Set<string>();
  const p = prompt ? words(prompt) : [];
  for (let i = 0; i + LEAK_RUN <= p.length; i++) runs.add(p.slice(i, i + LEAK_RUN).join(" "));
  const needles = secrets.filter((s) => s.length >= 4).map((s) => s.toLowerCase());
  return (sentence) => {
    const lower = sentence.toLowerCase();
    if (needles.some((n) => lower.includes(n))) return true;
    const w = words(sentence);
    for (let i = 0; i + LEAK_RUN <= w.length; i++) if (runs.has(w.slice(i, i + LEAK_RUN).join(" "))) return true;
    return false;
  };
}
