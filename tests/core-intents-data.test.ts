/**
 * The intent data's other two uses, directly: which questions point back at the conversation, and
 * which parts of a provision a question asks for; and no data file means no intent checks.
 */
import { expect, test } from "vitest";
import { Intents } from "../src/core/answer/intents.js";
import { tempDir } from "./helpers/env.js";

// Loaded inside each test (not at import), so mutation testing attributes the loading to the tests.
const load = () => Intents.load("corpus");
const names = (q: string) => load().aspects(q).map((a) => a.name);

test("a question pointing back at the conversation, in each language, and one that stands alone", () => {
  const intents = load();
  // Read trimmed: "then" opens the question.
  expect(intents.pointsBack("  Then?")).toBe(true);
  for (const q of ["And its exceptions?", "What about paragraph 2?", "Can they refuse?"]) expect(intents.pointsBack(q), q).toBe(true);
  for (const q of ["What does the Convention say about illegal access to computer systems?", "Apa itu ekstradisi menurut Konvensi?"]) {
    expect(intents.pointsBack(q), q).toBe(false);
  }
});

test("the parts of a provision a question asks for, and none when it asks for no particular part", () => {
  expect(names("Are there any exceptions to this rule?")).toContain("exception");
  expect(names("How long must the data be preserved?")).toContain("time");
  expect(names("What does the Convention say about illegal access to computer systems?")).toEqual([]);
  // Punctuation reads as a space.
  expect(names("How,long must the data be preserved?")).toContain("time");
  const time = load().aspects("How long must the data be preserved?").find((a) => a.name === "time")!;
  expect(time.cues.some((c) => c.test("within 90 days"))).toBe(true);
  // Cues are matched line by line: a lead-in line ending in ":" inside a longer text.
  const contents = load().aspects("What must the request include?").find((a) => a.name === "contents")!;
  const leadIn = contents.cues.find((c) => c.source === ":$")!;
  expect(leadIn.test("The request shall specify:\n(a) The identity of the authority;")).toBe(true);
});

test("without corpus/intents.json nothing is refused, nothing points back, no aspect is asked for", () => {
  const none = Intents.load(tempDir());
  expect(none.outOfScope("Has Malaysia ratified the treaty already?")).toBeNull();
  expect(none.pointsBack("And its exceptions?")).toBe(false);
  expect(none.aspects("Are there any exceptions?")).toEqual([]);
});
