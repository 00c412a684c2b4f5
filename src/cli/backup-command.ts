// `orbat backup` and `orbat restore`: a whole store to one JSON Lines file and back, on either backend
// (SQLite to PostgreSQL and back included). Format: docs/backup.md.
import { existsSync, statSync } from "node:fs";
import type { Command } from "commander";
import pc from "picocolors";
import { ErrorCodes, OrbatError } from "../core/errors.js";
import { restoreBackup, writeBackup } from "../store/backup.js";
import { Store } from "../store/store.js";

const DB_HELP = "SQLite file or postgres:// URL (default: $ORBAT_DB or ./orbat.db)";
const dbSpec = (opt?: string) => opt ?? process.env.ORBAT_DB ?? "orbat.db";
const isPostgres = (spec: string) => /^postgres(ql)?:\/\//.test(spec);

export function registerBackup(program: Command): void {
  program
    .command("backup")
    .description("write the whole store to one JSON Lines file (gzip-compressed when it ends in .gz)")
    .requiredOption("-o, --output <file>", "the backup file to write")
    .option("--db <spec>", DB_HELP)
    .option("--json", "print the counts as JSON")
    .action(async (opts: { output: string; db?: string; json?: boolean }) => {
      const spec = dbSpec(opts.db);
      // Opening a missing SQLite file would create an empty store and back that up.
      if (!isPostgres(spec) && !existsSync(spec))
        throw new OrbatError(ErrorCodes.INPUT_NOT_FOUND, `no store at ${spec}`, "pass --db <file or URL>");
      const store = await Store.open(spec);
      try {
        const counts = await writeBackup(store, opts.output);
        const bytes = statSync(opts.output).size;
        if (opts.json) process.stdout.write(`${JSON.stringify({ file: opts.output, bytes, ...counts })}\n`);
        else
          process.stdout.write(
            `${pc.bold("backup")}: ${counts.documents} documents, ${counts.feeds} feeds, ${counts.alerts} alerts, ${counts.failures} failures written to ${opts.output} (${bytes} bytes)\n`,
          );
      } finally {
        await store.close();
      }
    });

  program
    .command("restore")
    .description("restore a backup into an empty store (or add it to a store with --merge), all or nothing")
    .argument("<file>", "a file written by orbat backup")
    .option("--db <spec>", DB_HELP)
    .option("--merge", "add the backup to a store that already holds data (documents it has are skipped)")
    .option("--json", "print the counts as JSON")
    .action(async (file: string, opts: { db?: string; merge?: boolean; json?: boolean }) => {
      // before opening the store, which would create an empty SQLite file
      if (!existsSync(file)) throw new OrbatError(ErrorCodes.INPUT_NOT_FOUND, `no such backup file: ${file}`);
      const store = await Store.open(dbSpec(opts.db));
      try {
        const r = await restoreBackup(store, file, { merge: opts.merge === true });
        const stats = await store.stats();
        if (opts.json) process.stdout.write(`${JSON.stringify({ ...r, store: stats })}\n`);
        else
          process.stdout.write(
            `${pc.bold("restore")}: ${r.documents} documents (${r.alreadyStored} already stored), ${r.feeds} feeds, ${r.alerts} alerts, ${r.failures} failures; store now has ${stats.documents} documents in ${stats.stories} stories, ${stats.events} events\n`,
          );
      } finally {
        await store.close();
      }
    });
}
