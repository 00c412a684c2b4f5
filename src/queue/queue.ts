// The team ingestion queue on PostgreSQL (pg-boss): `orbat enqueue` adds documents, `orbat worker` on any
// number of machines analyses and stores them. pg-boss polls once a second by default; we fetch batches
// and poll every half second. A failing document is retried with backoff, then parked in a dead-letter
// queue; workers move what is parked there into the store's failures, which `orbat stats`, the API and
// the web app show. A worker that dies mid-job (killed, out of memory, machine lost) holds its jobs until
// they expire (the job timeout); pg-boss then fails them and they are retried by the other workers.
import { createHash } from "node:crypto";
import PgBoss from "pg-boss";
import { analyzeBatch } from "../analyze.js";
import type { Analysis } from "../core/analysis.js";
import { ErrorCodes, OrbatError } from "../core/errors.js";
import { makeDocument, type RawDocument } from "../ingest/document.js";
import type { Kb } from "../kb/kb.js";
import { type FailureNote, Store } from "../store/store.js";

export const QUEUE = "orbat-ingest";
export const DEAD = "orbat-ingest-dead";
const RETRY = { retryLimit: 3, retryDelay: 1, retryBackoff: true, deadLetter: DEAD } as const;

/**
 * Seconds a worker may hold a job before pg-boss presumes the worker dead and retries the job. A worker
 * fetches a whole batch at once and holds all of it until the batch is stored, so this must cover analysing
 * and storing a batch (typically well under a second; a 5 MB document takes seconds). pg-boss 10 has no
 * heartbeat: a shorter timeout brings a dead worker's documents back sooner, at the risk of retrying a slow
 * batch that was still running (harmless: the store skips what is already stored).
 */
export const DEFAULT_JOB_TIMEOUT_SECONDS = 60;
/** How often a worker looks for expired jobs (pg-boss maintenance; one worker of the team does it each time). */
export const DEFAULT_EXPIRY_CHECK_SECONDS = 10;

function needPostgres(url: string): void {
  if (!/^postgres(ql)?:\/\//.test(url)) {
    throw new OrbatError(
      ErrorCodes.USAGE,
      "the ingestion queue needs a PostgreSQL store",
      "pass --db postgres://...",
    );
  }
}

async function boss(url: string, expiryCheckSeconds?: number): Promise<PgBoss> {
  needPostgres(url);
  const b = new PgBoss({
    connectionString: url,
    schema: "orbat_queue",
    max: 4,
    ...(expiryCheckSeconds ? { maintenanceIntervalSeconds: expiryCheckSeconds } : { supervise: false }),
  });
  b.on("error", (e) => process.stderr.write(`orbat: queue: ${e.message}\n`));
  await b.start();
  await b.createQueue(DEAD);
  await b.createQueue(QUEUE, { name: QUEUE, ...RETRY });
  return b;
}

/** The failure reference of a queued document: its id, else its URL, else a hash of its text. */
export function queueRef(d: RawDocument): string {
  const key = d.id ?? d.url ?? `sha256:${createHash("sha256").update(d.text).digest("hex").slice(0, 16)}`;
  return `queue#${key}`;
}

export async function enqueue(
  url: string,
  docs: RawDocument[],
  jobTimeoutSeconds = DEFAULT_JOB_TIMEOUT_SECONDS,
): Promise<number> {
  const b = await boss(url);
  try {
    for (let i = 0; i < docs.length; i += 500) {
      await b.insert(
        docs
          .slice(i, i + 500)
          .map((data) => ({ name: QUEUE, data, expireInSeconds: jobTimeoutSeconds, ...RETRY })),
      );
    }
    return docs.length;
  } finally {
    await b.stop({ graceful: false });
  }
}

export interface QueueStats {
  queued: number;
  /** parked in the dead-letter queue and not yet moved into the store's failures by a worker */
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
  expiryCheckSeconds?: number;
}

type JobOutput = { code?: string; message?: string; value?: { message?: string } };

/** True when the document is in the store after all (a slow worker stored it after its job expired). */
async function storedAnyway(store: Store, d: RawDocument): Promise<boolean> {
  try {
    return await store.hasContent(makeDocument(d).contentHash);
  } catch {
    return false;
  }
}

/** Moves documents parked in the dead-letter queue into the store's failures. */
async function recordDead(b: PgBoss, store: Store): Promise<void> {
  const dead = await b.fetch<RawDocument>(DEAD, { batchSize: 100, includeMetadata: true });
  if (!dead?.length) return;
  const failed: FailureNote[] = [];
  for (const j of dead) {
    if (await storedAnyway(store, j.data)) continue;
    const out = (j.output ?? {}) as JobOutput;
    failed.push({
      ref: queueRef(j.data),
      code: out.code ?? ErrorCodes.QUEUE,
      // pg-boss's own message when a job expired: its worker died or took longer than the job timeout
      message: out.message ?? out.value?.message ?? "failed in the ingestion queue",
    });
  }
  // Recorded before the dead-letter jobs complete: if the worker dies in between, they come back and are
  // recorded again, on the same rows.
  await store.noteFailures({ failed });
  await b.complete(
    DEAD,
    dead.map((j) => j.id),
  );
}

export async function runWorker(
  url: string,
  kb: Kb,
  o: WorkerOptions,
): Promise<{ stored: number; failed: number }> {
  const b = await boss(url, o.expiryCheckSeconds ?? DEFAULT_EXPIRY_CHECK_SECONDS);
  const store = await Store.open(url);
  const totals = { stored: 0, failed: 0 };
  // Our own fetch loop: pg-boss's work() waits out the polling interval even after a full batch, which caps
  // a worker at batchSize / interval documents per second. We fetch again at once while there is work.
  let emptySince = Date.now();
  for (;;) {
    const jobs = (await b.fetch<RawDocument>(QUEUE, { batchSize: o.batchSize })) ?? [];
    if (jobs.length === 0) {
      await recordDead(b, store);
      // "before completed" counts jobs waiting, waiting to be retried, and held by a worker (perhaps a
      // dead one whose jobs have not expired yet): a batch run waits for all of them.
      if (o.untilEmptyMs !== undefined && (await b.getQueueSize(QUEUE, { before: "completed" })) === 0) {
        if (Date.now() - emptySince >= o.untilEmptyMs) break;
      } else emptySince = Date.now();
      await new Promise((r) => setTimeout(r, o.pollingIntervalSeconds * 1000));
      continue;
    }
    emptySince = Date.now();
    const good: Analysis[] = [];
    const goodJobs: typeof jobs = [];
    const analyses = analyzeBatch(
      jobs.map((job) => job.data),
      kb,
    );
    for (const [k, job] of jobs.entries()) {
      const a = analyses[k]!;
      if (a instanceof OrbatError) {
        totals.failed++;
        process.stderr.write(`orbat: worker: job ${job.id}: ${a.code}: ${a.message}\n`);
        await b.fail(QUEUE, job.id, { code: a.code, message: a.message });
      } else {
        good.push(a);
        goodJobs.push(job);
      }
    }
    const goodIds = goodJobs.map((j) => j.id);
    try {
      // One transaction for the batch; if it fails, its jobs fail and pg-boss retries them with backoff.
      const results = await store.ingestMany(good, { cleared: goodJobs.map((j) => queueRef(j.data)) });
      totals.stored += results.filter((r) => r.stored).length;
      if (goodIds.length) await b.complete(QUEUE, goodIds);
    } catch (e) {
      process.stderr.write(`orbat: worker: batch failed, will be retried: ${(e as Error).message}\n`);
      // pg-boss keeps the reason with each job (and with its dead-letter copy) only when failed one by one.
      for (const id of goodIds)
        await b.fail(QUEUE, id, { code: ErrorCodes.STORE, message: (e as Error).message });
    }
  }
  await b.stop({ graceful: true, wait: true, timeout: 10_000 });
  await store.close();
  return totals;
}
