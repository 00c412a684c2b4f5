// PostgreSQL ingestion queue throughput with 1, 2 and 4 worker processes on the same queued corpus, in one
// run (the machine has 2 cores, so 4 workers show the contention). Each worker stops 2 s after the queue
// empties; that idle wait is subtracted.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { writeFixtureCopies } from "../test/corpus.js";
import { pgAvailable, startPg } from "../test/pg-server.js";

if (!pgAvailable()) {
  console.log("queue: skipped (no PostgreSQL server binaries)");
  process.exit(0);
}
const ROOT = new URL("..", import.meta.url).pathname;
const orbat = (args: string[]) => [join(ROOT, "bin/orbat.js"), ...args];
const COPIES = 24;
const file = join(mkdtempSync(join(tmpdir(), "orbat-bench-q-")), "corpus.jsonl");
const total = writeFixtureCopies(file, COPIES);
const server = await startPg();
const rows: string[] = [];
try {
  for (const workers of [1, 2, 4]) {
    const db = `bench_${workers}`;
    const admin = new pg.Client({ connectionString: server.url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${db}`);
    await admin.end();
    const url = server.url.replace(/\/postgres$/, `/${db}`);
    const q = spawnSync(process.execPath, orbat(["enqueue", file, "--db", url]), { encoding: "utf8" });
    if (q.status !== 0) throw new Error(q.stderr);
    const t0 = performance.now();
    await Promise.all(
      Array.from(
        { length: workers },
        () =>
          new Promise<void>((resolve, reject) => {
            const p = spawn(
              process.execPath,
              orbat(["worker", "--db", url, "--until-empty", "--batch", "20"]),
              { stdio: ["ignore", "ignore", "inherit"] },
            );
            p.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`worker exited ${code}`))));
          }),
      ),
    );
    const seconds = (performance.now() - t0) / 1000 - 2;
    rows.push(
      `| ${String(workers).padStart(7)} | ${(total / seconds).toFixed(0).padStart(6)} | ${seconds.toFixed(1).padStart(6)} |`,
    );
  }
} finally {
  server.stop();
}
console.log(`\nPostgreSQL queue, ${total} documents (analysis + storage), workers as separate processes:`);
console.log("| workers | docs/s | secs   |\n|---------|--------|--------|");
for (const r of rows) console.log(r);
