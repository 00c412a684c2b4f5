// `orbat demo`: analyses the bundled corpus of articles we wrote and prints what orbat found.
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Command } from "commander";
import pc from "picocolors";
import { analyzeBatch, BATCH_DOCUMENTS } from "../analyze.js";
import type { Analysis } from "../core/analysis.js";
import { OrbatError } from "../core/errors.js";
import { fixtureDocument, loadFixtures } from "../eval/fixtures.js";
import { loadKb } from "../kb/load.js";
import { Store } from "../store/store.js";
import { progress } from "./progress.js";
import { startServer } from "./serve-command.js";

/** The demo's own store, made anew by each run (see below). */
const DEMO_DB = join(tmpdir(), "orbat-demo.db");

/** Removes a SQLite store's file with its journal files. */
function removeSqliteStore(path: string): void {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(path + suffix, { force: true });
}

export function registerDemo(program: Command): void {
  program
    .command("demo")
    .description("analyse the bundled demo corpus (our own short articles), store it and serve the web app")
    .option("--json", "print one Analysis per line (JSON Lines) and stop")
    .option(
      "--db <spec>",
      "store to load the corpus into (the default, the demo's own, is made anew each run; another store keeps what it has)",
      DEMO_DB,
    )
    .option("--port <n>", "port for the web app", "4173")
    .option("--no-serve", "analyse, store and print the summary, but do not start the web app")
    .action(async (opts: { json?: boolean; db: string; port: string; serve: boolean }) => {
      const t0 = performance.now();
      const kb = loadKb();
      const articles = loadFixtures();
      const bar = progress(articles.length, "articles");
      const analyses: Analysis[] = [];
      for (let i = 0; i < articles.length; i += BATCH_DOCUMENTS) {
        const docs = articles.slice(i, i + BATCH_DOCUMENTS).map(fixtureDocument);
        for (const a of analyzeBatch(docs, kb)) {
          if (a instanceof OrbatError) throw a;
          analyses.push(a);
        }
        bar.update(analyses.length);
      }
      bar.stop();
      if (opts.json) {
        for (const a of analyses) process.stdout.write(`${JSON.stringify(a)}\n`);
        return;
      }
      const count = (f: (a: Analysis) => number) => analyses.reduce((s, a) => s + f(a), 0);
      for (const a of analyses) {
        const top = a.events.slice(0, 3).map((e) => {
          const who = e.actors.map((id) => a.entities.find((x) => x.id === id)?.name).join("/") || "?";
          const where = e.places.map((id) => a.entities.find((x) => x.id === id)?.name)[0] ?? "";
          return `${e.type}${who !== "?" ? ` by ${who}` : ""}${where ? ` @ ${where}` : ""} [${e.factuality}]`;
        });
        process.stdout.write(
          `${pc.bold(a.document.title)}\n  ${pc.dim(`${a.document.publishedAt ?? "undated"}${a.document.publishedAtInferred ? " (inferred)" : ""} | ${a.entities.length} entities | ${a.findings.length} findings`)}\n  ${top.join("\n  ")}\n`,
        );
      }
      const ms = Math.round(performance.now() - t0);
      process.stdout.write(
        `\n${pc.bold("orbat demo")}: ${analyses.length} articles, ${count((a) => a.events.length)} events, ${count((a) => a.entities.length)} entities, ${count((a) => a.sources.length - 1)} cited sources, ${count((a) => a.findings.filter((f) => f.severity !== "info").length)} warnings in ${ms} ms (knowledge base ${kb.version}).\n`,
      );
      // A store keeps the analysis of a document it already has (ingesting twice is harmless), so the
      // demo's own store, left by an earlier run, would show that run's analyses, however old: it is
      // made anew. A store named with --db is the user's, and is only added to.
      if (opts.db === DEMO_DB) removeSqliteStore(DEMO_DB);
      const store = await Store.open(opts.db);
      let kept = 0;
      for (const a of analyses) if (!(await store.ingest(a)).stored) kept++;
      const stats = await store.stats();
      await store.close();
      process.stdout.write(
        `stored in ${opts.db}: ${stats.documents} documents, ${stats.stories} stories, ${stats.events} events\n`,
      );
      if (kept > 0)
        process.stdout.write(
          `${kept} of the articles were already in ${opts.db} and were kept as stored then (analysed by the orbat of that time): a new --db stores this run's analyses\n`,
        );
      process.stdout.write(
        `Try: npx orbat analyze fixtures/text/a01-venezuela-pechora-paraguana.txt, npx orbat kb search "SA-20", npx orbat query --db ${opts.db} --type deployment\n`,
      );
      if (!opts.serve) return;
      const s = await startServer({ db: opts.db, port: Number(opts.port), host: "127.0.0.1" }, kb);
      process.stdout.write(`\n${pc.bold("orbat demo")} web app: ${pc.cyan(s.url)}  (Ctrl-C to stop)\n`);
    });
}
