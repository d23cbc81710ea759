/**
 * Preloaded into a child `npm start` (`node --import tsx --import <this> scripts/start.ts`): the real
 * retriever throws for the question in FAIL_QUESTION, the way a bug meeting the served data would —
 * with a message that names a file, which must never reach the user.
 */
import { Retriever } from "../../../src/core/retrieve/hybrid.js";

const failing = process.env.FAIL_QUESTION;
const retrieve = Retriever.prototype.retrieve;
Retriever.prototype.retrieve = function (this: Retriever, question, options) {
  if (question === failing) throw new Error("Cannot read properties of undefined (reading 'metadata') at /srv/secret/index/docstore.json");
  return retrieve.call(this, question, options);
};
