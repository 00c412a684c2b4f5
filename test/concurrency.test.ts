// Two writers, one SQLite file: two `orbat ingest` processes started at once, on the same corpus and on two
// overlapping halves of it, end with the store one process builds (compared table by table), with no
// SQLITE_BUSY ("database is locked") failures: each waits for the other's write transaction. The
// PostgreSQL side (four workers, one killed mid-job) is in queue.test.ts, which has the server.
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { writeFixtureCopies } from "./corpus.js";
import { content, type Fingerprint, fingerprint } from "./fingerprint.js";

const ROOT = new URL("..", import.meta.url).pathname;
const bin = join(ROOT, "bin/orbat.js");
const dir = mkdtempSync(join(tmpdir(), "orbat-concurrency-"));
const corpus = join(dir, "corpus.jsonl");
const total = writeFixtureCopies(corpus, 3);

type Run = { status: number | null; stdout: string; stderr: string };
const ingest = (file: string, db: string) =>
  new Promise<Run>((resolve) => {
    const p = spawn(process.execPath, [bin, "ingest", file, "--db", db, "--json"]);
    let stdout = "";
    let stderr = "";
    p.stdout.on("data", (d) => (stdout += d));
    p.stderr.on("data", (d) => (stderr += d));
    p.on("close", (status) => resolve({ status, stdout, stderr }));
  });

/** Two ingests started together; both must succeed without a lock error. Returns what each stored. */
async function together(a: string, b: string, db: string): Promise<number[]> {
  const runs = await Promise.all([ingest(a, db), ingest(b, db)]);
  for (const r of runs) {
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/SQLITE_BUSY|database is locked/i);
  }
  const stored = runs.map((r) => JSON.parse(r.stdout).stored as number);
  console.log(`two ingests into ${db}: stored ${stored.join(" + ")} of ${total}`);
  return stored;
}

let single: Fingerprint;

describe("two ingest processes on one SQLite file", () => {
  beforeAll(async () => {
    const db = join(dir, "single.db");
    const r = spawnSync(process.execPath, [bin, "ingest", corpus, "--db", db], { encoding: "utf8" });
    expect(r.status, r.stderr).toBe(0);
    single = await fingerprint(db);
    expect(single.documents).toHaveLength(total);
  }, 120_000);

  it("on the same corpus: the same store as one process, story labels included", async () => {
    const db = join(dir, "same.db");
    const stored = await together(corpus, corpus, db);
    expect(stored[0]! + stored[1]!).toBe(total);
    // Each process commits in the corpus's order (what it finds stored it skips), so even labels agree.
    expect(content(await fingerprint(db), { storyLabels: true })).toEqual(
      content(single, { storyLabels: true }),
    );
  }, 120_000);

  it("on overlapping halves: the same documents, events, entities, sources and story membership", async () => {
    const lines = readFileSync(corpus, "utf8").trim().split("\n");
    const cut = (from: number, to: number, name: string) => {
      const f = join(dir, name);
      writeFileSync(
        f,
        `${lines.slice(Math.round(from * lines.length), Math.round(to * lines.length)).join("\n")}\n`,
      );
      return f;
    };
    const db = join(dir, "halves.db");
    const stored = await together(cut(0, 0.6, "first.jsonl"), cut(0.4, 1, "second.jsonl"), db);
    // each half has documents only it can store, and the overlap is stored once
    expect(stored[0]).toBeGreaterThan(0);
    expect(stored[1]).toBeGreaterThan(0);
    expect(stored[0]! + stored[1]!).toBe(total);
    expect(content(await fingerprint(db), { storyLabels: false })).toEqual(
      content(single, { storyLabels: false }),
    );
  }, 120_000);
});

describe("two processes opening the same new SQLite files at once", () => {
  it("both open every file: the loser of the switch to WAL waits instead of failing", async () => {
    // Each child opens the same 40 new files in turn, both starting at one moment: on each new file one
    // switches it to WAL while the other asks too, which SQLite answers with SQLITE_BUSY at once.
    const race = join(dir, "race");
    const child = join(dir, "open-race.mts");
    writeFileSync(
      child,
      `import { Store } from ${JSON.stringify(join(ROOT, "src/store/store.ts"))};
       const [race, go] = [process.argv[2], Number(process.argv[3])];
       while (Date.now() < go) {}
       const failures = [];
       for (let i = 0; i < 40; i++) {
         try { await (await Store.open(race + "/f" + i + ".db")).close(); }
         catch (e) { failures.push(String(e.message)); }
       }
       process.stdout.write(JSON.stringify(failures));`,
    );
    mkdirSync(race);
    const go = Date.now() + 4000; // both children are up by then
    const open = () =>
      new Promise<string>((resolve) => {
        const p = spawn(process.execPath, ["--import", "tsx", child, race, String(go)], { cwd: ROOT });
        let out = "";
        p.stdout.on("data", (d) => (out += d));
        p.on("close", () => resolve(out));
      });
    const results = await Promise.all([open(), open()]);
    expect(results.map((r) => JSON.parse(r) as string[])).toEqual([[], []]);
  }, 60_000);
});
