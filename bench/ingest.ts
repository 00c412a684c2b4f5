// Ingest into SQLite: stored results per second with analysis excluded (analyses prepared first), beside
// the analysis-only rate and the end-to-end rate (analysis + storage), all in the same run. Storage alone
// is timed in a fresh process (bench/store-only.ts) given the analyses in a file: in this one, its rate
// moved by up to 10% with the garbage the analyses before it left.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { analyzeRaw } from "../src/analyze.js";
import type { Analysis } from "../src/core/analysis.js";
import { loadFixtures } from "../src/eval/fixtures.js";
import { loadKb } from "../src/kb/load.js";
import { Store } from "../src/store/store.js";

const kb = loadKb();
const fixtures = loadFixtures();
const COPIES = 20;
const raws = fixtures.flatMap((g) =>
  Array.from({ length: COPIES }, (_, c) => ({
    id: `${g.id}-${c}`,
    title: g.title,
    text: `${g.text}\n\n(bench copy ${c})`,
    format: "text" as const,
    publishedAt: g.publishedAt ?? null,
  })),
);
const dir = mkdtempSync(join(tmpdir(), "orbat-bench-ingest-"));

let t = performance.now();
const analyses: Analysis[] = raws.map((r) => analyzeRaw(r, kb));
const analyzeS = (performance.now() - t) / 1000;

const analysesFile = join(dir, "analyses.jsonl");
writeFileSync(analysesFile, analyses.map((a) => `${JSON.stringify(a)}\n`).join(""));
// the same runtime flags (tsx's loader) for the child
const child = spawnSync(
  process.execPath,
  [
    ...process.execArgv,
    join(dirname(fileURLToPath(import.meta.url)), "store-only.ts"),
    analysesFile,
    join(dir, "store-only.db"),
  ],
  { stdio: ["ignore", "pipe", "inherit"], encoding: "utf8" },
);
if (child.status !== 0) throw new Error(`bench/store-only.ts failed (${child.status ?? child.signal})`);
const storeS = (JSON.parse(child.stdout) as { seconds: number }).seconds;

const store = await Store.open(join(dir, "end-to-end.db"));
t = performance.now();
for (let i = 0; i < raws.length; i += 50)
  await store.ingestMany(raws.slice(i, i + 50).map((r) => analyzeRaw(r, kb)));
const e2eS = (performance.now() - t) / 1000;
const stats = await store.stats();
await store.close();

const n = raws.length;
console.log(`\ningest (${n} documents, ${stats.events} events, SQLite WAL, 50 documents per transaction):`);
console.log("| step                         | docs/s |");
console.log("|------------------------------|--------|");
console.log(`| analysis only                | ${(n / analyzeS).toFixed(0).padStart(6)} |`);
console.log(`| storage only (analysis done) | ${(n / storeS).toFixed(0).padStart(6)} |`);
console.log(`| end to end                   | ${(n / e2eS).toFixed(0).padStart(6)} |`);
console.log(
  `end-to-end rate is ${((100 * (n / e2eS)) / (n / analyzeS)).toFixed(0)}% of the analysis-only rate`,
);
