// Stores the analyses in a JSON Lines file into a new SQLite store, 50 per transaction, and prints the
// seconds it took as JSON: bench/ingest.ts runs it in a fresh process, so the storage rate is not moved by
// the garbage the analyses before it left in the bench's own heap.
//   npx tsx bench/store-only.ts <analyses.jsonl> <store.db>
import { readFileSync } from "node:fs";
import type { Analysis } from "../src/core/analysis.js";
import { Store } from "../src/store/store.js";

const [file, db] = process.argv.slice(2);
if (!file || !db) throw new Error("usage: bench/store-only.ts <analyses.jsonl> <store.db>");
const analyses = readFileSync(file, "utf8")
  .split("\n")
  .filter((l) => l)
  .map((l) => JSON.parse(l) as Analysis);
const store = await Store.open(db);
const t = performance.now();
for (let i = 0; i < analyses.length; i += 50) await store.ingestMany(analyses.slice(i, i + 50));
const seconds = (performance.now() - t) / 1000;
await store.close();
console.log(JSON.stringify({ documents: analyses.length, seconds }));
