// The team ingestion queue on PostgreSQL (pg-boss): `orbat enqueue` adds documents, `orbat worker` on any
// number of machines analyses and stores them. pg-boss polls once a second by default; we fetch batches
// and poll every half second. A failing document is retried with backoff, then parked in a dead-letter
// queue that `orbat stats` shows.
import PgBoss from "pg-boss";
import { analyzeRaw } from "../analyze.js";
import type { Analysis } from "../core/analysis.js";
import { ErrorCodes, isOrbatError, OrbatError } from "../core/errors.js";
import type { RawDocument } from "../ingest/document.js";
import type { Kb } from "../kb/kb.js";
import { Store } from "../store/store.js";

export const QUEUE = "orbat-ingest";
export const DEAD = "orbat-ingest-dead";

function needPostgres(url: string): void {
  if (!/^postgres(ql)?:\/\//.test(url)) {
    throw new OrbatError(
      ErrorCodes.USAGE,
      "the ingestion queue needs a PostgreSQL store",
      "pass --db postgres://...",
    );
  }
}

async function boss(url: string): Promise<PgBoss> {
  needPostgres(url);
  const b = new PgBoss({ connectionString: url, schema: "orbat_queue", max: 4 });
  b.on("error", (e) => process.stderr.write(`orbat: queue: ${e.message}\n`));
  await b.start();
  await b.createQueue(DEAD);
  await b.createQueue(QUEUE, {
    name: QUEUE,
    retryLimit: 3,
    retryDelay: 1,
    retryBackoff: true,
    deadLetter: DEAD,
  });
  return b;
}

export async function enqueue(url: string, docs: RawDocument[]): Promise<number> {
  const b = await boss(url);
  try {
    for (let i = 0; i < docs.length; i += 500) {
      await b.insert(
        docs.slice(i, i + 500).map((data) => ({
          name: QUEUE,
          data,
          retryLimit: 3,
          retryDelay: 1,
          retryBackoff: true,
          deadLetter: DEAD,
        })),
      );
    }
    return docs.length;
  } finally {
    await b.stop({ graceful: false });
  }
}

export interface QueueStats {
  queued: number;
  failed: number;
}

export async function queueStats(url: string): Promise<QueueStats> {
  const b = await boss(url);
  try {
    return { queued: await b.getQueueSize(QUEUE), failed: await b.getQueueSize(DEAD) };
  } finally {
    await b.stop({ graceful: false });
  }
}

export interface WorkerOptions {
  batchSize: number;
  pollingIntervalSeconds: number;
  /** stop once the queue has been empty for this long (for batch runs and tests) */
  untilEmptyMs?: number;
}

export async function runWorker(
  url: string,
  kb: Kb,
  o: WorkerOptions,
): Promise<{ stored: number; failed: number }> {
  const b = await boss(url);
  const store = await Store.open(url);
  const totals = { stored: 0, failed: 0 };
  // Our own fetch loop: pg-boss's work() waits out the polling interval even after a full batch, which caps
  // a worker at batchSize / interval documents per second. We fetch again at once while there is work.
  let emptySince = Date.now();
  for (;;) {
    const jobs = (await b.fetch<RawDocument>(QUEUE, { batchSize: o.batchSize })) ?? [];
    if (jobs.length === 0) {
      if (o.untilEmptyMs !== undefined && (await b.getQueueSize(QUEUE, { before: "completed" })) === 0) {
        if (Date.now() - emptySince >= o.untilEmptyMs) break;
      } else emptySince = Date.now();
      await new Promise((r) => setTimeout(r, o.pollingIntervalSeconds * 1000));
      continue;
    }
    emptySince = Date.now();
    const good: Analysis[] = [];
    const goodIds: string[] = [];
    const bad: string[] = [];
    for (const job of jobs) {
      try {
        good.push(analyzeRaw(job.data, kb));
        goodIds.push(job.id);
      } catch (e) {
        if (!isOrbatError(e)) throw e;
        bad.push(job.id);
        process.stderr.write(`orbat: worker: job ${job.id}: ${e.code}: ${e.message}\n`);
      }
    }
    if (bad.length) {
      await b.fail(QUEUE, bad);
      totals.failed += bad.length;
    }
    try {
      // One transaction for the batch; if it fails, its jobs fail and pg-boss retries them with backoff.
      const results = await store.ingestMany(good);
      totals.stored += results.filter((r) => r.stored).length;
      if (goodIds.length) await b.complete(QUEUE, goodIds);
    } catch (e) {
      process.stderr.write(`orbat: worker: batch failed, will be retried: ${(e as Error).message}\n`);
      await b.fail(QUEUE, goodIds);
    }
  }
  await b.stop({ graceful: true, wait: true, timeout: 10_000 });
  await store.close();
  return totals;
}
