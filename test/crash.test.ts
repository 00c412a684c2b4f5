// Crash safety: `orbat ingest` killed with SIGKILL at random moments, then run again, ends with exactly the
// store one clean run produces (no duplicates, nothing missing).
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadFixtures } from "../src/eval/fixtures.js";

const ROOT = new URL("..", import.meta.url).pathname;
const bin = join(ROOT, "bin/orbat.js");
const dir = mkdtempSync(join(tmpdir(), "orbat-crash-"));
const corpus = join(dir, "corpus.jsonl");
writeFileSync(
  corpus,
  `${loadFixtures()
    .flatMap((g) =>
      [0, 1, 2, 3].map((c) =>
        JSON.stringify({
          id: `${g.id}-${c}`,
          title: g.title,
          text: `${g.text}\n\n(copy ${c})`,
          publishedAt: g.publishedAt ?? null,
        }),
      ),
    )
    .join("\n")}\n`,
);
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
    expect(
      spawnSync(process.execPath, [bin, "ingest", corpus, "--db", clean], { encoding: "utf8" }).status,
    ).toBe(0);
    const expected = stats(clean);
    expect(expected.documents).toBe(200);
    const crashed = join(dir, "crashed.db");
    let seed = 7;
    const seen: number[] = [];
    for (let i = 0; i < 6; i++) {
      seed = (seed * 48271) % 2147483647;
      await killedRun(crashed, 700 + (seed % 1400));
      seen.push(stats(crashed).documents);
    }
    // The kills must have landed mid-ingest at least once, or this test proves nothing.
    expect(
      seen.some((n) => n > 0 && n < 200),
      JSON.stringify(seen),
    ).toBe(true);
    const resumed = spawnSync(process.execPath, [bin, "ingest", corpus, "--db", crashed, "--json"], {
      encoding: "utf8",
    });
    expect(resumed.status, resumed.stderr).toBe(0);
    expect(stats(crashed)).toEqual(expected);
  }, 240_000);
});
