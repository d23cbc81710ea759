/** `npm run corpus -- add FILE … | list | --help`: add a document to the corpus, list them (see README). */
import { corpusCommand } from "../src/cli/corpus.js";
import { runMain } from "../src/cli/main.js";

runMain(async () => {
  process.exitCode = await corpusCommand(process.argv.slice(2));
});
