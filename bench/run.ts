// Benchmarks, each side by side with a baseline measured in the same run:
// - extraction throughput: the full orbat pipeline vs compromise's people/places/organizations on the same texts
// - knowledge base: load time, memory, name lookups per second
import nlp from "compromise";
import { analyzeRaw } from "../src/analyze.js";
import { loadFixtures } from "../src/eval/fixtures.js";
import { loadKb } from "../src/kb/load.js";
import { compactKey } from "../src/kb/normalize.js";

const rssMb = () => Math.round(process.memoryUsage().rss / 1e6);
const rss0 = rssMb();
let t = performance.now();
const kb = loadKb();
const kbLoadMs = performance.now() - t;
const kbRss = rssMb() - rss0;

const texts = loadFixtures().map((f) => f.text);
const bytes = texts.reduce((s, x) => s + Buffer.byteLength(x), 0);

function measure(
  name: string,
  fn: (text: string) => unknown,
  minMs = 3000,
): { name: string; docsPerS: number; mbPerS: number } {
  for (const x of texts.slice(0, 10)) fn(x); // warm-up
  let docs = 0;
  let b = 0;
  const start = performance.now();
  while (performance.now() - start < minMs) {
    for (const x of texts) {
      fn(x);
      docs++;
    }
    b += bytes;
  }
  const s = (performance.now() - start) / 1000;
  return { name, docsPerS: docs / s, mbPerS: b / 1e6 / s };
}

const orbat = measure("orbat full pipeline", (text) =>
  analyzeRaw({ text, format: "text", publishedAt: "2025-10-07" }, kb),
);
const baseline = measure("compromise people/places/orgs", (text) => {
  const doc = nlp(text);
  return [doc.people().out("array"), doc.places().out("array"), doc.organizations().out("array")];
});

const keys = kb.places.slice(0, 50_000).map((p) => compactKey(p.name));
t = performance.now();
let hits = 0;
for (let r = 0; r < 10; r++) for (const k of keys) hits += kb.lookup(k).length;
const lookupsPerS = (keys.length * 10) / ((performance.now() - t) / 1000);

const row = (r: { name: string; docsPerS: number; mbPerS: number }) =>
  `| ${r.name.padEnd(30)} | ${r.docsPerS.toFixed(1).padStart(9)} | ${r.mbPerS.toFixed(3).padStart(7)} |`;
console.log(`corpus: ${texts.length} documents, ${(bytes / 1e6).toFixed(2)} MB (our fixture articles)\n`);
console.log("| extraction                     |    docs/s |    MB/s |");
console.log("|--------------------------------|-----------|---------|");
console.log(row(orbat));
console.log(row(baseline));
console.log(`\nratio orbat / compromise: ${(orbat.mbPerS / baseline.mbPerS).toFixed(2)}x`);
console.log(
  `\nknowledge base ${kb.version}: load ${kbLoadMs.toFixed(0)} ms, +${kbRss} MB RSS (process ${rssMb()} MB), ${(lookupsPerS / 1e6).toFixed(2)} M name lookups/s (${hits} refs)`,
);
