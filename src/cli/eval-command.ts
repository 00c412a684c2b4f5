// `orbat eval geoparse|events`: quality figures on annotated data.
import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { analyzeBatch, BATCH_DOCUMENTS } from "../analyze.js";
import { ErrorCodes, OrbatError } from "../core/errors.js";
import { evaluateEvents } from "../eval/events.js";
import { fixtureDocument, readGold } from "../eval/fixtures.js";
import {
  type DocResult,
  type GoldToponym,
  goldToponyms,
  predictedToponyms,
  scoreDocument,
  summarize,
} from "../eval/geoparse.js";
import { loadKb } from "../kb/load.js";
import { progress } from "./progress.js";

export function registerEval(program: Command): void {
  const ev = program.command("eval").description("measure extraction quality on annotated data");
  ev.command("geoparse")
    .description(
      "toponym recognition P/R/F1 and resolution Acc@161, median error, AUC on {id,text,toponyms} JSONL",
    )
    .argument("<file>", "JSONL with {id, text, toponyms: [{start, end, name, lat, lon}]}")
    .option("--errors", "print per-document misses (false negatives, false positives, far resolutions)")
    .option("--json", "print JSON")
    .option("--limit <n>", "only the first n documents")
    .action((file: string, opts: { errors?: boolean; json?: boolean; limit?: string }) => {
      const kb = loadKb();
      let lines: string[];
      try {
        lines = readFileSync(file, "utf8")
          .split("\n")
          .filter((l) => l.trim());
      } catch {
        throw new OrbatError(ErrorCodes.INPUT_NOT_FOUND, `no such file: ${file}`);
      }
      if (opts.limit) lines = lines.slice(0, Number(opts.limit));
      const bar = progress(lines.length, "docs");
      const results: DocResult[] = [];
      const gold = lines.map((line, i) => {
        const d = JSON.parse(line) as { id: string; text: string; toponyms: GoldToponym[]; title?: string };
        if (typeof d.text !== "string" || !Array.isArray(d.toponyms))
          throw new OrbatError(ErrorCodes.EVAL_DATA, `${file}:${i + 1}: needs text and toponyms`);
        return d;
      });
      for (let i = 0; i < gold.length; i += BATCH_DOCUMENTS) {
        const docs = gold.slice(i, i + BATCH_DOCUMENTS);
        analyzeBatch(
          docs.map((d) => ({ id: d.id, text: d.text, format: "text", title: " " })),
          kb,
        ).forEach((a, k) => {
          if (a instanceof OrbatError) throw a;
          const d = docs[k]!;
          results.push(scoreDocument(d.id, goldToponyms(d.toponyms), predictedToponyms(a)));
        });
        bar.update(results.length);
      }
      bar.stop();
      const summary = summarize(results);
      if (opts.json) {
        process.stdout.write(
          `${JSON.stringify({ file, ...summary, ...(opts.errors ? { errors: results } : {}) }, null, 2)}\n`,
        );
        return;
      }
      if (opts.errors) {
        for (const r of results) {
          const far = r.errors.filter((e) => e.km > 161);
          if (!r.fn.length && !r.fp.length && !far.length) continue;
          process.stdout.write(`== ${r.id}\n`);
          for (const g of r.fn) process.stdout.write(`  miss  "${g.name}" ${g.type ?? ""}\n`);
          for (const p of r.fp) process.stdout.write(`  extra "${p.text}" ${p.source}\n`);
          for (const e of far)
            process.stdout.write(
              `  far   "${e.gold.name}" ${e.gold.type ? `${e.gold.type} ` : ""}${Math.round(e.km)} km -> ${e.pred.source}\n`,
            );
        }
      }
      process.stdout.write(
        `${file}: ${summary.documents} docs, ${summary.gold} gold toponyms, ${summary.predicted} predicted\n` +
          `recognition  P ${summary.precision}  R ${summary.recall}  F1 ${summary.f1}\n` +
          `resolution   Acc@161 ${summary.accAt161}  median ${summary.medianKm} km  mean ${summary.meanKm} km  AUC ${summary.auc}  (n=${summary.resolved}; ${summary.approximate.n} unknown to the gazetteer, placed near a named place: ${summary.approximate.within161} within 161 km)\n`,
      );
      const readings = Object.entries(summary.byReading).sort((a, b) => b[1].resolved - a[1].resolved);
      process.stdout.write(
        `by reading: ${readings.map(([k, r]) => `${k} ${r.within161}/${r.resolved}`).join(", ")}\n`,
      );
      const types = Object.entries(summary.byType).sort((a, b) => b[1].gold - a[1].gold);
      if (types.length) {
        const pct = (a: number, b: number) => (b ? (a / b).toFixed(3) : "-").padStart(7);
        process.stdout.write("by type                  gold  recall  Acc@161\n");
        for (const [type, t] of types)
          process.stdout.write(
            `  ${(type || "(none)").padEnd(22)}${String(t.gold).padStart(5)} ${pct(t.found, t.gold)} ${pct(t.within161, t.resolved)}\n`,
          );
      }
    });
  ev.command("events")
    .description("event P/R/F1 by type and CAMEO root; argument, factuality and source-chain accuracy")
    .argument(
      "[gold]",
      "gold JSONL (fixtures/events-gold.jsonl) or a folder of fixture YAML",
      "fixtures/articles",
    )
    .option("--json", "print JSON")
    .option("--errors", "print misses")
    .action((gold: string, opts: { json?: boolean; errors?: boolean }) => {
      const kb = loadKb();
      const golds = readGold(gold);
      const items = analyzeBatch(golds.map(fixtureDocument), kb).map((analysis, k) => {
        if (analysis instanceof OrbatError) throw analysis;
        return { gold: golds[k]!, analysis };
      });
      const r = evaluateEvents(items);
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(opts.errors ? r : { ...r, misses: undefined }, null, 2)}\n`);
        return;
      }
      if (opts.errors) for (const m of r.misses) process.stdout.write(`  ${m.doc} ${m.kind}: ${m.detail}\n`);
      process.stdout.write(
        `${r.documents} docs, ${r.gold} gold events, ${r.predicted} predicted\nevents  P ${r.precision}  R ${r.recall}  F1 ${r.f1}\n`,
      );
      for (const [k, v] of Object.entries(r.arguments))
        process.stdout.write(`${k.padEnd(11)} ${v.accuracy} (${v.correct}/${v.total})\n`);
      process.stdout.write("by type:\n");
      for (const [k, v] of Object.entries(r.byType).sort())
        process.stdout.write(`  ${k.padEnd(20)} F1 ${v.f1}  tp ${v.tp} fp ${v.fp} fn ${v.fn}\n`);
      process.stdout.write("by CAMEO root:\n");
      for (const [k, v] of Object.entries(r.byCameoRoot).sort())
        process.stdout.write(`  ${k}  F1 ${v.f1}  tp ${v.tp} fp ${v.fp} fn ${v.fn}\n`);
    });
}
