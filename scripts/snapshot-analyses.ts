// Writes the analyses of every fixture article as one JSON file (timings left out), so a change meant
// to be behaviour-free (a speed-up) can be proved so with a byte diff:
//   npx tsx scripts/snapshot-analyses.ts /tmp/snap-before.json [more.jsonl ...]
// Extra {id, text} JSONL files (e.g. the geoparse dev sets) are analysed too, as the eval reads them,
// for a wider net than the 50 fixtures.
import { readFileSync, writeFileSync } from "node:fs";
import { analyzeRaw } from "../src/analyze.js";
import type { Analysis } from "../src/core/analysis.js";
import { loadFixtures } from "../src/eval/fixtures.js";
import { loadKb } from "../src/kb/load.js";

const [out = "/tmp/snap.json", ...jsonl] = process.argv.slice(2);
const kb = loadKb();

function strip(id: string, a: Analysis) {
  const { timingsMs: _timings, ...provenance } = a.provenance;
  return { id, ...a, provenance };
}

const analyses = loadFixtures().map((f) =>
  strip(f.id, analyzeRaw({ text: f.text, format: "text", publishedAt: "2025-10-07" }, kb)),
);
for (const file of jsonl) {
  for (const line of readFileSync(file, "utf8").split("\n")) {
    if (!line.trim()) continue;
    const d = JSON.parse(line) as { id: string; text: string };
    analyses.push(strip(d.id, analyzeRaw({ id: d.id, text: d.text, format: "text", title: " " }, kb)));
  }
}
writeFileSync(out, `${JSON.stringify(analyses, null, 1)}\n`);
console.log(`${analyses.length} analyses -> ${out}`);
