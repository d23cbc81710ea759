/**
 * The one splitter, measured plainly (no escaping): where a message ends, how the text after a
 * heading is cut (at a line, else a sentence, else a word), and the boundaries of "fits".
 */
import { expect, test } from "vitest";
import { pack, plainPiece, splitText, truncate, type Measure, type Piece } from "../../src/chat/split.js";

const plain = (limit: number): Measure => ({ limit, escape: (s) => s });
const texts = (pieces: Piece[], m: Measure) => pack(pieces, m).map((p) => p.text);

test("a piece that exactly fills the rest of a message joins it; one character more starts the next", () => {
  const m = plain(10);
  expect(texts([plainPiece("aaaa", m), plainPiece("bbbb", m)], m)).toEqual(["aaaa\n\nbbbb"]);
  expect(texts([plainPiece("aaaa", m), plainPiece("bbbbb", m)], m)).toEqual(["aaaa", "bbbbb"]);
});

test("a piece exactly as long as the limit is sent whole, with its own glue kept", () => {
  const m = plain(10);
  expect(texts([plainPiece("0123456789", m)], m)).toEqual(["0123456789"]);
  expect(texts([plainPiece("ab", m), plainPiece("cd", m, " | ")], m)).toEqual(["ab | cd"]);
});

test("after a heading, the text starts in the same message, cut at a line, else a sentence, else a word", () => {
  const m = plain(30);
  const heading: Piece = { text: "Title", plain: "Title", heading: true };
  expect(texts([heading, plainPiece("line one here\nline two here\nline three here", m)], m)).toEqual([
    "Title\n\nline one here",
    "line two here\nline three here",
  ]);
  expect(texts([heading, plainPiece("One two. Three four five six.", m)], m)).toEqual(["Title\n\nOne two.", "Three four five six."]);
  expect(texts([heading, plainPiece("alpha beta gamma delta epsilon", m)], m)).toEqual(["Title\n\nalpha beta gamma delta", "epsilon"]);
  // Nowhere to cut in the room left: the text starts the next message.
  expect(texts([heading, plainPiece("x".repeat(26), m)], m)).toEqual(["Title", "x".repeat(26)]);
});

test("text that fits is returned as it is; text that does not is cut at lines first, then sentences", () => {
  expect(splitText("a\n\nb", plain(100))).toEqual(["a\n\nb"]);
  expect(splitText("first line\nsecond line", plain(12))).toEqual(["first line", "second line"]);
  expect(splitText("One. Two three. Four.", plain(16))).toEqual(["One. Two three.", "Four."]);
});

test("truncate keeps text that fits exactly, cuts with an ellipsis otherwise, and gives nothing for no room", () => {
  expect(truncate("abcdef", 6)).toBe("abcdef");
  expect(truncate("abcdefg", 6)).toBe("abcde…");
  expect(truncate("abc", 0)).toBe("");
});
