// The PostgreSQL ingestion queue: two worker processes end with the same store as one ingest process, and a
// document that keeps failing ends in the dead-letter queue, visible in `orbat stats`.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type PgServer, pgAvailable, startPg } from "./pg-server.js";

const ROOT = new URL("..", import.meta.url).pathname;
const orbatArgs = (args: string[]) => [join(ROOT, "bin/orbat.js"), ...args];
const run = (args: string[]) =>
  spawnSync(process.execPath, orbatArgs(args), {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
  });
const runAsync = (args: string[]) =>
  new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    const p = spawn(process.execPath, orbatArgs(args), { cwd: ROOT, env: { ...process.env, NO_COLOR: "1" } });
    let stdout = "";
    let stderr = "";
    p.stdout.on("data", (d) => (stdout += d));
    p.stderr.on("data", (d) => (stderr += d));
    p.on("close", (status) => resolve({ status, stdout, stderr }));
  });

let server: PgServer | undefined;
const urls = { single: "", team: "" };

describe.skipIf(!pgAvailable() && !process.env.CI)("PostgreSQL ingestion queue", () => {
  beforeAll(async () => {
    server = await startPg();
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    await client.query("CREATE DATABASE single_run");
    await client.query("CREATE DATABASE team_run");
    await client.end();
    urls.single = server.url.replace(/\/postgres$/, "/single_run");
    urls.team = server.url.replace(/\/postgres$/, "/team_run");
  }, 120_000);
  afterAll(() => server?.stop());

  it("two workers store what one ingest stores, and park a failing document", async () => {
    const one = run(["ingest", "fixtures/text", "--db", urls.single, "--json"]);
    expect(one.status, one.stderr).toBe(0);
    const bad = join(mkdtempSync(join(tmpdir(), "orbat-q-")), "bad.jsonl");
    writeFileSync(bad, `${JSON.stringify({ id: "empty-one", text: "   " })}\n`);
    const q = run(["enqueue", "fixtures/text", bad, "--db", urls.team]);
    expect(q.status, q.stderr).toBe(0);
    expect(q.stdout).toMatch(/51 documents queued/);
    const workers = await Promise.all(
      [1, 2].map(() => runAsync(["worker", "--db", urls.team, "--until-empty", "--batch", "10"])),
    );
    for (const w of workers) expect(w.status, w.stderr).toBe(0);
    const stored = workers.map((w) => Number(w.stdout.match(/(\d+) stored/)?.[1] ?? 0));
    expect(stored[0]! + stored[1]!).toBe(50);
    const a = JSON.parse(run(["stats", "--db", urls.single, "--json"]).stdout);
    const b = JSON.parse(run(["stats", "--db", urls.team, "--json"]).stdout);
    for (const k of ["documents", "stories", "events", "distinctEvents", "entities", "sources", "findings"])
      expect(b[k], k).toBe(a[k]);
    expect(b.queue).toEqual({ queued: 0, failed: 1 });
  }, 240_000);
});
