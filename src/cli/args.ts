/**
 * Command-line arguments for every script, on node:util `parseArgs` (strict): one description of a
 * command gives both the parser's options and the `--help` text, so the two cannot drift apart.
 * `--help` prints the usage on stdout (exit 0); an unknown option or a bad value prints a one-line
 * error and the usage on stderr (exit 2). Both are thrown as `CommandLineExit`, which `runMain`
 * (or a script with its own exit codes, like `report`) turns into output and an exit code before
 * anything heavy (config, index) is loaded.
 */
import { parseArgs } from "node:util";
import wrapAnsi from "wrap-ansi";

export interface OptionSpec {
  type: "string" | "boolean";
  short?: string;
  /** Placeholder of a string option's value in the help ("FILE", "N"). */
  value?: string;
  description: string;
}

export interface CommandSpec {
  /** Synopsis lines, each a command to copy, e.g. `npm run ingest -- [--dry-run] [--force]`. */
  usage: string[];
  /** One or two sentences on what the command does. */
  summary: string;
  options: Record<string, OptionSpec>;
  /** Positional arguments the command takes, as shown in the help; none when absent. */
  positionals?: { name: string; description: string };
}

/** `--help` or a usage error: what to print, where, and the exit code. */
export class CommandLineExit extends Error {
  constructor(readonly exitCode: 0 | 2, readonly text: string) {
    super(text.split("\n")[0]);
  }
  get stream(): "stdout" | "stderr" {
    return this.exitCode === 0 ? "stdout" : "stderr";
  }
}

/** Help texts are wrapped for a narrow terminal rather than measured against the current one. */
const HELP_WIDTH = 80;

const HELP: OptionSpec = { type: "boolean", short: "h", description: "show this help" };

export function usageText(spec: CommandSpec): string {
  const [first, ...more] = spec.usage;
  const lines = [`Usage: ${first}`, ...more.map((u) => `       ${u}`), "", wrapAnsi(spec.summary, HELP_WIDTH), ""];
  const rows: [string, string][] = [];
  if (spec.positionals) rows.push([spec.positionals.name, spec.positionals.description]);
  for (const [name, o] of Object.entries({ ...spec.options, help: HELP })) {
    rows.push([`${o.short ? `-${o.short}, ` : ""}--${name}${o.type === "string" ? ` ${o.value ?? "VALUE"}` : ""}`, o.description]);
  }
  const width = Math.max(...rows.map(([left]) => left.length));
  lines.push(spec.positionals ? "Arguments and options:" : "Options:");
  for (const [left, right] of rows) lines.push(`  ${left.padEnd(width)}  ${right}`);
  return lines.join("\n") + "\n";
}

/** A usage error for a value the parser accepted but the command cannot use (e.g. `--days 1.5`). */
export function usageError(spec: CommandSpec, message: string): CommandLineExit {
  return new CommandLineExit(2, `Error: ${message}\n\n${usageText(spec)}`);
}

type Values = Record<string, string | boolean | undefined>;

/** Parse `argv` against `spec`; throws `CommandLineExit` for `--help` and for usage errors. */
export function commandLine<V extends Values = Values>(spec: CommandSpec, argv: string[] = process.argv.slice(2)): { values: V; positionals: string[] } {
  const options = Object.fromEntries(
    Object.entries({ ...spec.options, help: HELP }).map(([name, o]) => [name, { type: o.type, ...(o.short ? { short: o.short } : {}) }]),
  );
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, strict: true, allowPositionals: Boolean(spec.positionals) });
  } catch (err) {
    if (argv.includes("--help") || argv.includes("-h")) throw new CommandLineExit(0, usageText(spec));
    // Node's messages run on with advice about "--" that does not fit npm scripts: keep the first sentence.
    throw usageError(spec, firstSentence((err as Error).message));
  }
  if (parsed.values.help) throw new CommandLineExit(0, usageText(spec));
  return { values: parsed.values as V, positionals: parsed.positionals };
}

function firstSentence(message: string): string {
  const end = message.search(/\.(\s|$)/);
  return end === -1 ? message : message.slice(0, end);
}
