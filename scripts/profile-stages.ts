// Times each pipeline stage over the fixture articles (the bench's corpus), single-threaded:
//   npx tsx scripts/profile-stages.ts [seconds]
// For a CPU profile: node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx scripts/profile-stages.ts
import { analyzeRaw } from "../src/analyze.js";
import { loadFixtures } from "../src/eval/fixtures.js";
import { loadKb } from "../src/kb/load.js";

const seconds = Number(process.argv[2] ?? 5);
const kb = loadKb();
const texts = loadFixtures().map((f) => f.text);
const totals: Record<string, number> = {};
let docs = 0;
const start = performance.now();
while (performance.now() - start < seconds * 1000) {
  for (const text of texts) {
    const a = analyzeRaw({ text, format: "text", publishedAt: "2025-10-07" }, kb);
    for (const [stage, ms] of Object.entries(a.provenance.timingsMs))
      totals[stage] = (totals[stage] ?? 0) + ms;
    docs++;
  }
}
const wall = performance.now() - start;
const staged = Object.values(totals).reduce((s, x) => s + x, 0);
console.log(
  `${docs} docs, ${((wall * 1000) / docs).toFixed(1)} µs/doc wall, ${((staged * 1000) / docs).toFixed(1)} µs/doc in stages`,
);
for (const [stage, ms] of Object.entries(totals))
  console.log(
    `  ${stage.padEnd(12)} ${((ms * 1000) / docs).toFixed(1).padStart(8)} µs/doc  ${((100 * ms) / staged).toFixed(1).padStart(5)}%`,
  );
