// orbat command line. One file per command; errors become one line on stderr and a non-zero exit.
import { Command, CommanderError } from "commander";
import pc from "picocolors";
import { ORBAT_VERSION } from "../analyze.js";
import { ErrorCodes, isOrbatError, OrbatError } from "../core/errors.js";
import { registerAnalyze } from "./analyze-command.js";
import { registerBackup } from "./backup-command.js";
import { registerDemo } from "./demo-command.js";
import { registerEval } from "./eval-command.js";
import { registerKb } from "./kb-command.js";
import { registerQueue } from "./queue-commands.js";
import { registerServe } from "./serve-command.js";
import { registerStore } from "./store-commands.js";
import { registerWatch } from "./watch-commands.js";

// `orbat query --json | head`: a reader that stops early closes the pipe; that is the reader's choice, not an
// error, so stop quietly instead of crashing with EPIPE.
for (const stream of [process.stdout, process.stderr])
  stream.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code === "EPIPE") process.exit(0);
    throw err;
  });

const program = new Command();
program
  .name("orbat")
  .description("Turn defence and geopolitical reporting into a sourced, geolocated, time-stamped record.")
  .version(ORBAT_VERSION)
  .option(
    "--kb-extra <dirs>",
    "extra knowledge-base folders (YAML/JSON, same layout as data/), separated by ':'",
  )
  // Usage mistakes (unknown option, missing argument...) end like every other error: one ORBAT_E_USAGE
  // line and exit code 2; commander's own message is folded into it rather than printed.
  .addHelpText(
    "after",
    "\nExit codes: 0 done; 2 stopped by an error (one line: orbat: ORBAT_E_<CODE>: message); 3 done, but\nsome documents failed (each reported with its code); 1 an internal error (a bug: ORBAT_DEBUG=1 shows it).",
  )
  .exitOverride()
  .configureOutput({ outputError: () => {} })
  .hook("preAction", (cmd) => {
    const extra = cmd.opts().kbExtra as string | undefined;
    if (extra) process.env.ORBAT_KB_EXTRA = extra;
  });

registerAnalyze(program);
registerDemo(program);
registerKb(program);
registerEval(program);
registerStore(program);
registerServe(program);
registerQueue(program);
registerWatch(program);
registerBackup(program);

/** A commander usage error as an OrbatError; --help and --version (exit code 0) are not errors. */
function usageError(e: CommanderError): OrbatError {
  const message = e.code === "commander.help" ? "no command given" : e.message.replace(/^error:\s*/, "");
  return new OrbatError(
    ErrorCodes.USAGE,
    message,
    "orbat --help lists the commands, orbat <command> --help the options",
  );
}

try {
  await program.parseAsync(process.argv);
} catch (thrown) {
  if (thrown instanceof CommanderError && thrown.exitCode === 0) process.exit(0);
  const e = thrown instanceof CommanderError ? usageError(thrown) : thrown;
  if (isOrbatError(e)) {
    process.stderr.write(`${pc.red(`orbat: ${e.code}`)}: ${e.message}${e.hint ? ` (${e.hint})` : ""}\n`);
    process.exit(2);
  }
  process.stderr.write(`orbat: internal error: ${(e as Error).message}\n`);
  if (process.env.ORBAT_DEBUG) process.stderr.write(`${(e as Error).stack}\n`);
  process.exit(1);
}
