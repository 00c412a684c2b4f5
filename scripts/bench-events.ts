// Times the sources and events stages alone, over the fixture articles, on contexts prepared once by the
// stages before them (both stages are idempotent on a context: re-adding a mention is a no-op):
//   npx tsx scripts/bench-events.ts [seconds] [sources|events (only that one, e.g. for a CPU profile)]
import type { Context } from "../src/core/context.js";
import { loadFixtures } from "../src/eval/fixtures.js";
import { makeDocument } from "../src/ingest/document.js";
import { loadKb } from "../src/kb/load.js";
import { DEFAULT_STAGES } from "../src/stages/index.js";

const seconds = Number(process.argv[2] ?? 5);
const only = process.argv[3];
const kb = loadKb();
const ctxs: Context[] = loadFixtures().map((f) => {
  const ctx: Context = {
    doc: makeDocument({ text: f.text, format: "text", publishedAt: "2025-10-07" }),
    kb,
    options: {},
    findings: [],
  };
  for (const s of DEFAULT_STAGES) if (s.name !== "assess") s.run(ctx);
  return ctx;
});
const sources = DEFAULT_STAGES.find((s) => s.name === "sources")!;
const events = DEFAULT_STAGES.find((s) => s.name === "events")!;
// Rounds of one pass per stage over all the articles; the machine is shared, so the fastest round (in CPU
// time of this process) is the figure least disturbed by other work.
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const best = { sources: Number.POSITIVE_INFINITY, events: Number.POSITIVE_INFINITY };
const sum = { sources: 0, events: 0 };
let rounds = 0;
const start = performance.now();
while (performance.now() - start < seconds * 1000) {
  for (const [name, stage] of [
    ["sources", sources],
    ["events", events],
  ] as const) {
    if (only && only !== name) continue;
    const t0 = cpu();
    for (let r = 0; r < 3; r++)
      for (const ctx of ctxs) {
        ctx.notEvents = undefined;
        // a new document object, as each analysis has: what is worked out once per document (the rule
        // scan, rule-scan.ts) is worked out again, by the first of the stages that needs it
        if (name === "sources" || only) ctx.doc = { ...ctx.doc };
        stage.run(ctx);
      }
    const ms = (cpu() - t0) / (3 * ctxs.length);
    best[name] = Math.min(best[name], ms);
    sum[name] += ms;
  }
  rounds++;
}
const us = (ms: number) => (ms * 1000).toFixed(1);
console.log(
  `${rounds} rounds of ${3 * ctxs.length} docs, CPU µs/doc best (mean): sources ${us(best.sources)} (${us(sum.sources / rounds)}), events ${us(best.events)} (${us(sum.events / rounds)})`,
);
