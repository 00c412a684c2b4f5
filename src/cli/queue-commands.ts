// `orbat enqueue` and `orbat worker`: the PostgreSQL ingestion queue for a team's many machines.
import type { Command } from "commander";
import pc from "picocolors";
import { ErrorCodes, isOrbatError, OrbatError } from "../core/errors.js";
import type { RawDocument } from "../ingest/document.js";
import { loadKb } from "../kb/load.js";
import {
  DEFAULT_EXPIRY_CHECK_SECONDS,
  DEFAULT_JOB_TIMEOUT_SECONDS,
  enqueue,
  runWorker,
} from "../queue/queue.js";
import { expand, rawDocs } from "./store-commands.js";

const dbOf = (o?: string) => o ?? process.env.ORBAT_DB ?? "";

export function registerQueue(program: Command): void {
  program
    .command("enqueue")
    .description("put files, folders, feeds or URLs on the PostgreSQL ingestion queue for `orbat worker`")
    .argument("<inputs...>", "files, folders, feed files, URLs")
    .requiredOption("--db <url>", "postgres:// URL of the team store (or $ORBAT_DB)", process.env.ORBAT_DB)
    .option(
      "--job-timeout <seconds>",
      "how long a worker may hold a job before it is presumed dead and the job is retried",
      String(DEFAULT_JOB_TIMEOUT_SECONDS),
    )
    .action(async (inputs: string[], opts: { db?: string; jobTimeout: string }) => {
      const jobTimeout = positive(opts.jobTimeout, "--job-timeout");
      const docs: RawDocument[] = [];
      let errors = 0;
      for (const file of expand(inputs)) {
        for (const d of await rawDocs(file).catch((e: unknown) => {
          if (!isOrbatError(e)) throw e;
          return [e];
        })) {
          if (isOrbatError(d)) {
            errors++;
            process.stderr.write(`orbat: ${file}: ${(d as OrbatError).code}: ${d.message}\n`);
          } else docs.push(d as RawDocument);
        }
      }
      const n = await enqueue(dbOf(opts.db), docs, jobTimeout);
      process.stdout.write(
        `${pc.bold("enqueue")}: ${n} documents queued, ${errors} inputs could not be read\n`,
      );
      if (errors) process.exitCode = 1;
    });

  program
    .command("worker")
    .description(
      "analyse and store documents from the PostgreSQL ingestion queue (run one per core, on any machine)",
    )
    .requiredOption("--db <url>", "postgres:// URL of the team store (or $ORBAT_DB)", process.env.ORBAT_DB)
    .option("--batch <n>", "jobs fetched and stored per transaction", "20")
    .option("--poll <seconds>", "polling interval when the queue is empty", "0.5")
    .option("--until-empty", "stop when the queue has been empty for 2 seconds")
    .option(
      "--expiry-check <seconds>",
      "how often to look for jobs whose worker died (they are retried once their job timeout passes)",
      String(DEFAULT_EXPIRY_CHECK_SECONDS),
    )
    .action(
      async (opts: {
        db?: string;
        batch: string;
        poll: string;
        untilEmpty?: boolean;
        expiryCheck: string;
      }) => {
        const r = await runWorker(dbOf(opts.db), loadKb(), {
          batchSize: Math.max(1, Number(opts.batch) || 20),
          pollingIntervalSeconds: Math.max(0.5, Number(opts.poll) || 0.5),
          expiryCheckSeconds: positive(opts.expiryCheck, "--expiry-check"),
          ...(opts.untilEmpty ? { untilEmptyMs: 2000 } : {}),
        });
        process.stdout.write(`${pc.bold("worker")}: ${r.stored} stored, ${r.failed} failed\n`);
      },
    );
}

function positive(value: string, option: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new OrbatError(ErrorCodes.USAGE, `${option} takes a whole number of seconds, at least 1`);
  return n;
}
