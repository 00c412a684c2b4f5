// Benchmarks, each side by side with a baseline measured in the same run:
// - extraction throughput: the full orbat pipeline, and its extraction stages alone, vs compromise's
//   people/places/organizations on the same texts, in interleaved rounds. orbat is measured both as ingestion
//   runs it (analyzeBatch: the stages over batches of documents) and one document per call (analyzeRaw, as
//   the server's analyse endpoint runs it)
// - knowledge base: load time, memory, name lookups per second
// The texts are our fixture articles and, when the geoparse development data sits beside the repository
// (../shared/data/geoparse, ordinary news with fewer events per KB), its GeoWebNews texts; or those of the
// JSON Lines files of {text} records given:
//   npx tsx bench/run.ts --corpus ../shared/data/geoparse/lgl-dev.jsonl
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import nlp from "compromise";
import { analyzeBatch, analyzeRaw, BATCH_DOCUMENTS } from "../src/analyze.js";
import { loadFixtures } from "../src/eval/fixtures.js";
import { loadKb, ROOT } from "../src/kb/load.js";
import { compactKey } from "../src/kb/normalize.js";
import { EXTRACTION_STAGES } from "../src/stages/index.js";

const rssMb = () => Math.round(process.memoryUsage().rss / 1e6);
const rss0 = rssMb();
let t = performance.now();
const kb = loadKb();
const kbLoadMs = performance.now() - t;
const kbRss = rssMb() - rss0;

const readJsonl = (file: string) =>
  readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => (JSON.parse(l) as { text: string }).text);

const given = process.argv.flatMap((a, i) => (process.argv[i - 1] === "--corpus" ? [a] : []));
const news = join(ROOT, "..", "shared", "data", "geoparse", "gwn-dev.jsonl");
const corpora: Array<{ name: string; texts: string[] }> = given.length
  ? given.map((file) => ({ name: file, texts: readJsonl(file) }))
  : [
      { name: "our fixture articles", texts: loadFixtures().map((f) => f.text) },
      ...(existsSync(news)
        ? [{ name: `GeoWebNews dev texts, ordinary news (${news})`, texts: readJsonl(news) }]
        : []),
    ];

interface Measured {
  name: string;
  docsPerS: number;
  mbPerS: number;
}

/**
 * Runs each extractor over the whole corpus in turn, round after round, for at least `minMs` each: the
 * rounds interleave, so a busy spell on the machine slows all of them alike and the ratios stay fair.
 */
function measureSideBySide(
  texts: string[],
  extractors: Array<{ name: string; fn: (texts: string[]) => unknown }>,
  minMs = 3000,
): Measured[] {
  const bytes = texts.reduce((s, x) => s + Buffer.byteLength(x), 0);
  for (const e of extractors) e.fn(texts.slice(0, 10)); // warm-up
  const ms = extractors.map(() => 0);
  let rounds = 0;
  while (ms.some((m) => m < minMs)) {
    extractors.forEach((e, k) => {
      const start = performance.now();
      e.fn(texts);
      ms[k]! += performance.now() - start;
    });
    rounds++;
  }
  return extractors.map((e, k) => {
    const s = ms[k]! / 1000;
    return { name: e.name, docsPerS: (rounds * texts.length) / s, mbPerS: (rounds * bytes) / 1e6 / s };
  });
}

const row = (r: Measured) =>
  `| ${r.name.padEnd(30)} | ${r.docsPerS.toFixed(1).padStart(9)} | ${r.mbPerS.toFixed(3).padStart(7)} |`;

for (const { name, texts } of corpora) {
  const bytes = texts.reduce((s, x) => s + Buffer.byteLength(x), 0);
  const raw = (text: string) => ({ text, format: "text" as const, publishedAt: "2025-10-07" });
  const [orbat, orbatOne, extraction, extractionOne, baseline] = measureSideBySide(texts, [
    { name: "orbat full pipeline", fn: (xs) => analyzeBatch(xs.map(raw), kb) },
    { name: "  one document per call", fn: (xs) => xs.map((x) => analyzeRaw(raw(x), kb)) },
    // the extraction alone (places, dates, equipment, actors resolved in context), without sources, events
    // and assessment: the like of what compromise does, though compromise resolves nothing
    { name: "orbat extraction only", fn: (xs) => analyzeBatch(xs.map(raw), kb, {}, EXTRACTION_STAGES) },
    {
      name: "  one document per call",
      fn: (xs) => xs.map((x) => analyzeRaw(raw(x), kb, {}, EXTRACTION_STAGES)),
    },
    {
      name: "compromise people/places/orgs",
      fn: (xs) =>
        xs.map((text) => {
          const doc = nlp(text);
          return [doc.people().out("array"), doc.places().out("array"), doc.organizations().out("array")];
        }),
    },
  ]) as [Measured, Measured, Measured, Measured, Measured];

  // where the full pipeline's time goes: each stage's own timing, over a few rounds of the corpus
  const stageMs: Record<string, number> = {};
  let stagedDocs = 0;
  for (let r = 0; r < 5; r++)
    for (const text of texts) {
      const a = analyzeRaw({ text, format: "text", publishedAt: "2025-10-07" }, kb);
      for (const [stage, ms] of Object.entries(a.provenance.timingsMs))
        stageMs[stage] = (stageMs[stage] ?? 0) + ms;
      stagedDocs++;
    }

  console.log(`corpus: ${texts.length} documents, ${(bytes / 1e6).toFixed(2)} MB (${name})\n`);
  console.log("| extraction                     |    docs/s |    MB/s |");
  console.log("|--------------------------------|-----------|---------|");
  for (const r of [orbat, orbatOne, extraction, extractionOne, baseline]) console.log(row(r));
  const ratio = (r: Measured) => `${(r.mbPerS / baseline.mbPerS).toFixed(2)}x`;
  console.log(
    `\norbat in batches of ${BATCH_DOCUMENTS} documents, as ingestion runs it (one document per call in brackets)`,
  );
  console.log(`ratio orbat / compromise: ${ratio(orbat)} (${ratio(orbatOne)})`);
  console.log(`ratio orbat extraction only / compromise: ${ratio(extraction)} (${ratio(extractionOne)})`);
  console.log(
    `per stage, µs/doc: ${Object.entries(stageMs)
      .map(([stage, ms]) => `${stage} ${((ms * 1000) / stagedDocs).toFixed(0)}`)
      .join(", ")}\n`,
  );
}

const keys = kb.places.slice(0, 50_000).map((p) => compactKey(p.name));
t = performance.now();
let hits = 0;
for (let r = 0; r < 10; r++) for (const k of keys) hits += kb.lookup(k).length;
const lookupsPerS = (keys.length * 10) / ((performance.now() - t) / 1000);

console.log(
  `\nknowledge base ${kb.version}: load ${kbLoadMs.toFixed(0)} ms, +${kbRss} MB RSS (process ${rssMb()} MB), ${(lookupsPerS / 1e6).toFixed(2)} M name lookups/s (${hits} refs)`,
);
