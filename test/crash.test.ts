// Crash safety: `orbat ingest` killed with SIGKILL 20 times at seeded random moments, run again each time,
// then resumed to the end, holds exactly what one clean run stores: the same documents, events, entities,
// stories, sources, corroboration and failures (compared table by table, not only counted), no
// duplicates, nothing missing. Half the kills come a random few milliseconds after the run has committed
// new documents, so they are sure to land mid-ingest; the other half at a random moment up to its first
// commit (startup, skipping what is stored, analysing, committing). The figures go to
// test-artifacts/crash-kills.json.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { writeFixtureCopies } from "./corpus.js";
import { content, fingerprint } from "./fingerprint.js";

const ROOT = new URL("..", import.meta.url).pathname;
const bin = join(ROOT, "bin/orbat.js");
const dir = mkdtempSync(join(tmpdir(), "orbat-crash-"));
const KILLS = 20;
const PER_FILE = 5;

/**
 * The corpus as many small files (each file's documents are stored in one transaction, so a run commits
 * often), with an empty document and a broken line in the middle: failures must be recorded once, too.
 */
function writeCorpus(): { folder: string; good: number } {
  const all = join(dir, "all.jsonl");
  const good = writeFixtureCopies(all, 6);
  const lines = readFileSync(all, "utf8").trim().split("\n");
  const folder = join(dir, "corpus");
  mkdirSync(folder);
  for (let i = 0; i < lines.length; i += PER_FILE) {
    const part = lines.slice(i, i + PER_FILE);
    if (i === PER_FILE * 20) part.push(JSON.stringify({ id: "empty-one", text: "  " }), "{not json");
    writeFileSync(
      join(folder, `part-${String(i / PER_FILE).padStart(3, "0")}.jsonl`),
      `${part.join("\n")}\n`,
    );
  }
  return { folder, good };
}

const { folder, good } = writeCorpus();
const ingestArgs = (db: string) => [bin, "ingest", folder, "--db", db];
/** `orbat stats --json` counts (the failures it lists carry times and attempts, which differ by run) */
function stats(db: string): Record<string, number> {
  const out = spawnSync(process.execPath, [bin, "stats", "--db", db, "--json"], { encoding: "utf8" });
  const { failures: _, ...counts } = JSON.parse(out.stdout);
  return counts;
}

/** Documents stored so far, read from the file directly (0 before the first run creates it). */
function stored(db: string): number {
  try {
    const c = new Database(db, { readonly: true, fileMustExist: true });
    try {
      return (c.prepare("SELECT COUNT(*) AS n FROM documents").get() as { n: number }).n;
    } finally {
      c.close();
    }
  } catch {
    return 0;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const exited = (p: ChildProcess) =>
  new Promise<NodeJS.Signals | null>((resolve) => p.on("close", (_code, signal) => resolve(signal)));

describe("crash-safe ingest", () => {
  it(`killed with SIGKILL ${KILLS} times, then resumed, equals one clean run`, async () => {
    const clean = join(dir, "clean.db");
    const t0 = Date.now();
    const first = spawnSync(process.execPath, ingestArgs(clean), { encoding: "utf8" });
    const cleanMs = Date.now() - t0;
    // exit 3: the empty document and the broken line are reported (and recorded), the rest is stored
    expect(first.status, first.stderr).toBe(3);
    const expected = stats(clean);
    expect(expected.documents).toBe(good);
    expect(expected.failed).toBe(2);

    const crashed = join(dir, "crashed.db");
    let seed = 20251126;
    const random = () => {
      seed = (seed * 48271) % 2147483647;
      return seed / 2147483647;
    };
    // time from spawn to the first new commit, measured by each "after-commit" run (the first run is one)
    let firstCommitMs = 0;
    const runs: Array<{ mode: string; killed: boolean; before: number; after: number }> = [];
    for (let i = 0; runs.filter((r) => r.killed).length < KILLS && i < KILLS * 2; i++) {
      const before = stored(crashed);
      if (before === good) break; // nothing left to interrupt: the assertions below report it
      const p = spawn(process.execPath, ingestArgs(crashed), { stdio: "ignore" });
      const done = exited(p);
      let finished = false;
      void done.then(() => (finished = true));
      const mode = i % 2 === 0 ? "after-commit" : "timed";
      const t = Date.now();
      // "timed": a random moment from 0.2 to 1.5 times the last run's time to its first commit (in the
      // startup, skipping what is stored, analysing or committing), at the latest just after this run's
      // first commit, so no run gets far: the store must still be incomplete after 20 kills.
      const deadline = mode === "timed" ? t + firstCommitMs * (0.2 + 1.3 * random()) : Infinity;
      while (!finished && stored(crashed) === before && Date.now() < deadline) await sleep(10);
      if (mode === "after-commit") {
        // the machine's current pace: process start, KB load, skipping what is stored
        firstCommitMs = Date.now() - t;
        await sleep(random() * 60);
      }
      p.kill("SIGKILL");
      const signal = await done;
      runs.push({ mode, killed: signal === "SIGKILL", before, after: stored(crashed) });
    }
    const kills = runs.filter((r) => r.killed);
    // Mid-ingest for certain: the run committed new documents and was killed before it had stored them all.
    const midIngest = kills.filter((r) => r.after > r.before && r.after < good);
    const figures = {
      kills: kills.length,
      midIngest: midIngest.length,
      byMode: Object.fromEntries(
        ["timed", "after-commit"].map((m) => [m, midIngest.filter((r) => r.mode === m).length]),
      ),
      storedBeforeResume: stored(crashed),
      documents: good,
      cleanMs,
      runs,
    };
    mkdirSync(join(ROOT, "test-artifacts"), { recursive: true });
    writeFileSync(join(ROOT, "test-artifacts/crash-kills.json"), `${JSON.stringify(figures, null, 2)}\n`);
    console.log(
      `crash: ${figures.kills} SIGKILLs, ${figures.midIngest} mid-ingest (${JSON.stringify(figures.byMode)}), ${figures.storedBeforeResume}/${good} stored before the resume`,
    );
    expect(kills.length).toBe(KILLS);
    expect(midIngest.length, JSON.stringify(runs)).toBeGreaterThanOrEqual(KILLS / 2);
    expect(figures.storedBeforeResume).toBeLessThan(good);

    const resumed = spawnSync(process.execPath, [...ingestArgs(crashed), "--json"], { encoding: "utf8" });
    expect(resumed.status, resumed.stderr).toBe(3);
    expect(JSON.parse(resumed.stdout).errors).toBe(2);
    expect(stats(crashed)).toEqual(expected);
    // Same order of ingest, so even the story labels agree.
    expect(content(await fingerprint(crashed), { storyLabels: true })).toEqual(
      content(await fingerprint(clean), { storyLabels: true }),
    );
  }, 240_000);
});
