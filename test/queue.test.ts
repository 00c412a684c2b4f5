// The PostgreSQL ingestion queue under failure: a worker killed with SIGKILL mid-job, then four workers at
// once, end with the store one `orbat ingest` process builds (compared table by table); the killed
// worker's jobs come back after their job timeout and are stored once; a document that keeps failing is
// retried with backoff, parked in the dead-letter queue, and shown as a failure by `orbat stats` (text
// and JSON) and the API.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../src/server/app.js";
import { Store } from "../src/store/store.js";
import { writeFixtureCopies } from "./corpus.js";
import { content, fingerprint } from "./fingerprint.js";
import { kb } from "./helpers.js";
import { type PgServer, pgAvailable, startPg } from "./pg-server.js";

const ROOT = new URL("..", import.meta.url).pathname;
const orbatArgs = (args: string[]) => [join(ROOT, "bin/orbat.js"), ...args];
const env = { ...process.env, NO_COLOR: "1" };
const run = (args: string[]) =>
  spawnSync(process.execPath, orbatArgs(args), { cwd: ROOT, encoding: "utf8", env });
type Result = { status: number | null; stdout: string; stderr: string };
const start = (args: string[]) => spawn(process.execPath, orbatArgs(args), { cwd: ROOT, env });
const finished = (p: ChildProcess) =>
  new Promise<Result>((resolve) => {
    let stdout = "";
    let stderr = "";
    p.stdout?.on("data", (d) => (stdout += d));
    p.stderr?.on("data", (d) => (stderr += d));
    p.on("close", (status) => resolve({ status, stdout, stderr }));
  });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// A killed worker's jobs stay active for the job timeout, then the next expiry check (by any live worker)
// fails them back to the queue: short values here so the test waits seconds, not the default minute. The
// timeout must still cover a fresh worker's first batch on a loaded machine, or live jobs expire too.
const JOB_TIMEOUT = "8";
const EXPIRY_CHECK = "1";
const dir = mkdtempSync(join(tmpdir(), "orbat-q-"));
const corpus = join(dir, "corpus.jsonl");
const total = writeFixtureCopies(corpus, 3);
const bad = join(dir, "bad.jsonl");
writeFileSync(bad, `${JSON.stringify({ id: "empty-one", text: "   " })}\n`);

let server: PgServer | undefined;
let admin: pg.Client;
const urls = { single: "", team: "" };

describe.skipIf(!pgAvailable() && !process.env.CI)("PostgreSQL ingestion queue", () => {
  beforeAll(async () => {
    server = await startPg();
    admin = new pg.Client({ connectionString: server.url });
    await admin.connect();
    await admin.query("CREATE DATABASE single_run");
    await admin.query("CREATE DATABASE team_run");
    urls.single = server.url.replace(/\/postgres$/, "/single_run");
    urls.team = server.url.replace(/\/postgres$/, "/team_run");
  }, 120_000);
  afterAll(async () => {
    await admin?.end();
    server?.stop();
  });

  it("a killed worker's jobs come back; four workers store what one ingest stores; a bad document is parked", async () => {
    const t0 = Date.now();
    const one = finished(start(["ingest", corpus, "--db", urls.single]));
    // the bad document first (jobs queued together are taken in random order)
    for (const [file, n] of [
      [bad, 1],
      [corpus, total],
    ] as const) {
      const q = run(["enqueue", file, "--db", urls.team, "--job-timeout", JOB_TIMEOUT]);
      expect(q.status, q.stderr).toBe(0);
      expect(q.stdout).toMatch(new RegExp(`^enqueue: ${n} documents queued`));
    }
    const team = new pg.Client({ connectionString: urls.team });
    await team.connect();
    const active = async () =>
      (
        await team.query<{ id: string; doc: string | null }>(
          "SELECT id, data->>'id' AS doc FROM orbat_queue.job WHERE name = 'orbat-ingest' AND state = 'active'",
        )
      ).rows;

    // A worker is killed while it holds a batch: seen active in the queue, still active after the kill.
    // Its batch starts with the bad document, which it fails at once (the first of its four attempts, so
    // the retries with backoff run meanwhile); the kill comes while it analyses the rest.
    let inFlight: string[] = [];
    for (let attempt = 0; attempt < 3 && inFlight.length === 0; attempt++) {
      const victim = start(["worker", "--db", urls.team, "--batch", "25", "--expiry-check", EXPIRY_CHECK]);
      let exited = false;
      const gone = finished(victim).then((r) => {
        exited = true;
        return r;
      });
      let held: string[] = [];
      while (!exited) {
        const rows = await active();
        held = rows.filter((r) => r.doc !== "empty-one").map((r) => r.id);
        if (held.length > 0 && held.length === rows.length) break;
        await sleep(10);
      }
      victim.kill("SIGKILL");
      const v = await gone;
      expect(v.stderr).not.toMatch(/internal error/);
      const still = new Set((await active()).map((r) => r.id));
      inFlight = held.filter((id) => still.has(id));
    }
    expect(inFlight.length, "no kill landed while the worker held jobs").toBeGreaterThan(0);
    const t1 = Date.now();

    const workers = await Promise.all(
      [1, 2, 3, 4].map(() =>
        finished(
          start([
            "worker",
            "--db",
            urls.team,
            "--until-empty",
            "--batch",
            "5",
            "--expiry-check",
            EXPIRY_CHECK,
          ]),
        ),
      ),
    );
    for (const w of workers) expect(w.status, w.stderr).toBe(0);
    console.log(
      `queue: worker killed holding ${inFlight.length} jobs after ${t1 - t0} ms; four workers stored ${workers.map((w) => w.stdout.match(/(\d+) stored/)?.[1]).join(" + ")} in ${Date.now() - t1} ms`,
    );
    expect((await one).status).toBe(0);

    // The killed worker's jobs expired, were retried by the others and completed.
    const back = await team.query<{ state: string; retry_count: number; output: unknown }>(
      "SELECT state, retry_count, output FROM orbat_queue.job WHERE id = ANY($1)",
      [inFlight],
    );
    expect(back.rows).toHaveLength(inFlight.length);
    for (const r of back.rows) {
      expect(r.state, JSON.stringify(r.output)).toBe("completed");
      expect(r.retry_count).toBeGreaterThanOrEqual(1);
    }
    // The bad document: tried four times (three retries with backoff), failed, copied to the dead-letter
    // queue, and moved from there into the store by a worker.
    const badJob = await team.query<{ state: string; retry_count: number }>(
      "SELECT state, retry_count FROM orbat_queue.job WHERE name = 'orbat-ingest' AND data->>'id' = 'empty-one'",
    );
    expect(badJob.rows).toEqual([{ state: "failed", retry_count: 3 }]);
    const dead = await team.query("SELECT state FROM orbat_queue.job WHERE name = 'orbat-ingest-dead'");
    expect(dead.rows).toEqual([{ state: "completed" }]);
    await team.end();

    const a = JSON.parse(run(["stats", "--db", urls.single, "--json"]).stdout);
    const b = JSON.parse(run(["stats", "--db", urls.team, "--json"]).stdout);
    for (const k of ["documents", "stories", "events", "distinctEvents", "entities", "sources", "findings"])
      expect(b[k], k).toBe(a[k]);
    expect(b.documents).toBe(total);
    expect(b.queue).toEqual({ queued: 0, failed: 0 });
    expect(b.failed).toBe(1);
    expect(b.failures).toMatchObject([
      { ref: "queue#empty-one", code: "ORBAT_E_INPUT_EMPTY", message: "input has no text to analyse" },
    ]);
    expect(run(["stats", "--db", urls.team]).stdout).toMatch(
      /failed\s+1\n[\s\S]*failed queue#empty-one: ORBAT_E_INPUT_EMPTY: input has no text to analyse/,
    );
    // The same documents, events, entities, sources, corroboration and story membership as one process
    // (story labels depend on which worker stored a story's first document).
    const { failures: teamFailures, ...teamContent } = content(await fingerprint(urls.team), {
      storyLabels: false,
    });
    const { failures: singleFailures, ...singleContent } = content(await fingerprint(urls.single), {
      storyLabels: false,
    });
    expect(teamContent).toEqual(singleContent);
    expect(singleFailures).toEqual([]);
    expect(teamFailures).toEqual(["queue#empty-one ORBAT_E_INPUT_EMPTY input has no text to analyse"]);

    const store = await Store.open(urls.team);
    try {
      const api = await (await createApp({ store, kb }).request("/api/stats")).json();
      expect(api).toMatchObject({ documents: total, failed: 1 });
    } finally {
      await store.close();
    }
  }, 240_000);
});
