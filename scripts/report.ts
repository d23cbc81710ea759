/**
 * `npm run report -- [--days N] [--json]`: the operations summary (questions, refusals, most asked
 * articles, coverage gaps). The work, its arguments and its exit codes are in src/ops/report.ts.
 */
import { runReport } from "../src/ops/report.js";

process.exitCode = await runReport(process.argv.slice(2));
