// Crash safety: `orbat ingest` killed with SIGKILL at random moments, then run again, ends with exactly the
// store one clean run produces (no duplicates, nothing missing).
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeFixtureCopies } from "./corpus.js";

const ROOT = new URL("..", import.meta.url).pathname;
const bin = join(ROOT, "bin/orbat.js");
const dir = mkdtempSync(join(tmpdir(), "orbat-crash-"));
const corpus = join(dir, "corpus.jsonl");
const COPIES = 12;
const total = writeFixtureCopies(corpus, COPIES);
const stats = (db: string) =>
  JSON.parse(spawnSync(process.execPath, [bin, "stats", "--db", db, "--json"], { encoding: "utf8" }).stdout);

function killedRun(db: string, afterMs: number): Promise<void> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [bin, "ingest", corpus, "--db", db], { stdio: "ignore" });
    const timer = setTimeout(() => p.kill("SIGKILL"), afterMs);
    p.on("close", () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

describe("crash-safe ingest", () => {
  it("killed with SIGKILL again and again, then resumed, equals one clean run", async () => {
    const clean = join(dir, "clean.db");
    const t0 = Date.now();
    expect(
      spawnSync(process.execPath, [bin, "ingest", corpus, "--db", clean], { encoding: "utf8" }).status,
    ).toBe(0);
    const cleanMs = Date.now() - t0;
    const expected = stats(clean);
    expect(expected.documents).toBe(total);
    const crashed = join(dir, "crashed.db");
    let seed = 7;
    const seen: number[] = [];
    for (let i = 0; i < 6; i++) {
      seed = (seed * 48271) % 2147483647;
      // between a fifth and seven tenths of a clean run's time, counted from each (resumed) start
      await killedRun(crashed, Math.round(cleanMs * (0.2 + (seed % 1000) / 2000)));
      seen.push(stats(crashed).documents);
    }
    // The kills must have landed mid-ingest at least once, or this test proves nothing.
    expect(
      seen.some((n) => n > 0 && n < total),
      JSON.stringify(seen),
    ).toBe(true);
    const resumed = spawnSync(process.execPath, [bin, "ingest", corpus, "--db", crashed, "--json"], {
      encoding: "utf8",
    });
    expect(resumed.status, resumed.stderr).toBe(0);
    expect(stats(crashed)).toEqual(expected);
  }, 300_000);
});
