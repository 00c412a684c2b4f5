// `orbat ingest`, `orbat stats`, `orbat query`, `orbat export`: the corpus store from the command line.
import { readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import pc from "picocolors";
import { analyzeBatch, BATCH_DOCUMENTS, ORBAT_VERSION } from "../analyze.js";
import type { Analysis } from "../core/analysis.js";
import { ErrorCodes, isOrbatError, OrbatError, PARTIAL_FAILURE } from "../core/errors.js";
import { type MadeBy, madeByOther, pipelineVersion } from "../core/pipeline-version.js";
import { makeDocument, type RawDocument } from "../ingest/document.js";
import { parseFeed } from "../ingest/feed.js";
import { parseHtmlDocument } from "../ingest/html.js";
import { isJsonlFile, openJsonl, parseJsonlLine } from "../ingest/jsonl.js";
import { detectFormat, readSource } from "../ingest/read.js";
import type { Kb } from "../kb/kb.js";
import { loadKb } from "../kb/load.js";
import { queueStats } from "../queue/queue.js";
import { toCsv, toGeoJson } from "../store/export.js";
import { mergeRows } from "../store/merge.js";
import { toStix } from "../store/stix.js";
import { type EventFilter, type FailureNote, Store } from "../store/store.js";
import { progress } from "./progress.js";

/** Failures listed by `orbat stats` as text and as JSON (the count covers all of them). */
const FAILURES_SHOWN = { text: 20, json: 1000 };
const DB_HELP = "SQLite file or postgres:// URL (default: $ORBAT_DB or ./orbat.db)";
const dbSpec = (opt?: string) => opt ?? process.env.ORBAT_DB ?? "orbat.db";
const INPUT_EXT = /\.(txt|text|md|html?|xml|rss|atom|jsonl|ndjson)$/i;

export function expand(inputs: string[]): string[] {
  const out: string[] = [];
  for (const i of inputs) {
    if (/^https?:\/\//i.test(i) || i === "-") {
      out.push(i);
      continue;
    }
    let st: ReturnType<typeof statSync>;
    try {
      st = statSync(i);
    } catch {
      throw new OrbatError(ErrorCodes.INPUT_NOT_FOUND, `no such file or folder: ${i}`);
    }
    if (st.isDirectory()) {
      for (const name of readdirSync(i).sort()) {
        const p = join(i, name);
        if (statSync(p).isDirectory()) out.push(...expand([p]));
        else if (INPUT_EXT.test(name)) out.push(p);
      }
    } else out.push(i);
  }
  return out;
}

export async function rawDocs(input: string): Promise<Array<RawDocument | OrbatError>> {
  const src = await readSource(input);
  const format = detectFormat(src.name, src.content);
  if (format === "rss") return parseFeed(src.content);
  if (format === "html") return [parseHtmlDocument(src.content, src.url ? { url: src.url } : {})];
  if (format === "jsonl") {
    return src.content.split("\n").flatMap((line, i): Array<RawDocument | OrbatError> => {
      if (!line.trim()) return [];
      try {
        return [parseJsonlLine(line, i + 1)];
      } catch (e) {
        if (isOrbatError(e)) return [e];
        throw e;
      }
    });
  }
  return [{ text: src.content, format: "text", ...(src.url ? { url: src.url } : {}) }];
}

function count(flag: string, value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n))
    throw new OrbatError(ErrorCodes.USAGE, `${flag} takes a whole number, not "${value.slice(0, 40)}"`);
  return n;
}

export function filterFrom(o: Record<string, string | undefined>): EventFilter {
  const f: EventFilter = {};
  if (o.text) f.text = o.text;
  if (o.country) f.country = o.country;
  if (o.type) f.type = o.type;
  if (o.cameo) f.cameo = o.cameo;
  if (o.equipment) f.equipment = o.equipment;
  if (o.entity) f.entity = o.entity;
  if (o.factuality) f.factuality = o.factuality;
  if (o.since) f.since = o.since;
  if (o.until) f.until = o.until;
  if (o.minCorroboration) f.minCorroboration = count("--min-corroboration", o.minCorroboration);
  if (o.limit) f.limit = count("--limit", o.limit);
  if (o.bbox) {
    const b = o.bbox.split(",").map(Number);
    if (b.length !== 4 || b.some((x) => !Number.isFinite(x)))
      throw new OrbatError(ErrorCodes.USAGE, "--bbox takes west,south,east,north");
    f.bbox = b as [number, number, number, number];
  }
  return f;
}

export function filterOptions(cmd: Command): Command {
  return cmd
    .option("--db <spec>", DB_HELP)
    .option("--text <words>", "full-text search in the documents")
    .option("--country <CC>", "ISO country code of the event's place or actors")
    .option("--type <type>", "event type (deployment, exercise, attack...)")
    .option("--cameo <code>", "CAMEO code or prefix (15, 154...)")
    .option("--equipment <name>", "catalog id, family, name or category")
    .option(
      "--entity <kbId>",
      "knowledge-base id of an actor, system or place taking part (see orbat kb search)",
    )
    .option("--factuality <f>", "asserted | reported | hedged | speculative | negated | planned")
    .option("--since <date>", "from this date (YYYY-MM-DD)")
    .option("--until <date>", "up to this date (YYYY-MM-DD)")
    .option("--bbox <w,s,e,n>", "bounding box in degrees")
    .option("--min-corroboration <n>", "at least n independent stories report the event")
    .option("--limit <n>", "at most n events", "1000");
}

/** What makes this orbat's analyses (see madeByOther). */
function madeNow(kb: Kb): MadeBy {
  return {
    orbatVersion: ORBAT_VERSION,
    kb: kb.version,
    kbExtensions: kb.extensions.join(":"),
    pipeline: pipelineVersion(),
  };
}

/**
 * The document an analysis was made from, as `orbat ingest` read it: its stored text and metadata, without
 * a publication date the pipeline inferred (it infers it again), keeping its id.
 */
export function storedRaw(a: Analysis, id: string): RawDocument {
  const d = a.document;
  return {
    id,
    text: d.text,
    title: d.title,
    format: d.format,
    ...(d.url ? { url: d.url } : {}),
    ...(d.source ? { source: d.source } : {}),
    ...(d.byline ? { byline: d.byline } : {}),
    publishedAt: d.publishedAtInferred ? null : d.publishedAt,
  };
}

export function registerStore(program: Command): void {
  program
    .command("ingest")
    .description("analyse files, folders, feeds or URLs and store the results (idempotent)")
    .argument("<inputs...>", "files, folders, feed files, URLs")
    .option("--db <spec>", DB_HELP)
    .option("--json", "print the summary as JSON")
    .option("--allow-private", "also fetch URLs on private, loopback and link-local addresses")
    .action(async (inputs: string[], opts: { db?: string; json?: boolean; allowPrivate?: boolean }) => {
      if (opts.allowPrivate) process.env.ORBAT_ALLOW_PRIVATE = "1";
      const kb = loadKb();
      const store = await Store.open(dbSpec(opts.db));
      const files = expand(inputs);
      const current = madeNow(kb);
      const summary = {
        inputs: files.length,
        stored: 0,
        duplicates: 0,
        /** of the duplicates, those whose stored analysis other code or another KB made */
        duplicatesByOlderOrbat: 0,
        errors: 0,
        errorDetails: [] as string[],
      };
      const bar = progress(files.length, "inputs");
      try {
        let n = 0;
        for (const file of files) {
          // A JSON Lines file is streamed, so its size is not limited by what fits in memory.
          let docs: Iterable<RawDocument | OrbatError> | AsyncIterable<RawDocument | OrbatError>;
          try {
            docs = isJsonlFile(file) ? await openJsonl(file) : await rawDocs(file);
          } catch (e) {
            if (!isOrbatError(e)) throw e;
            docs = [e];
          }
          // Documents are analysed in batches (analyzeBatch), and their analyses stored some 50 to a
          // transaction: a killed ingest loses at most the batches in flight, and running it again skips
          // what was stored.
          // Failures are recorded in the store with their batch (`orbat stats` lists them) and cleared
          // once the same input is stored.
          let batch: Analysis[] = [];
          let failed: FailureNote[] = [];
          let cleared: string[] = [];
          let pending: Array<{ d: RawDocument; ref: string }> = [];
          const fail = (ref: string, e: OrbatError) => {
            summary.errors++;
            summary.errorDetails.push(`${file}: ${e.code}: ${e.message}`);
            failed.push({ ref, code: e.code, message: e.message });
          };
          const analysePending = () => {
            analyzeBatch(
              pending.map((p) => p.d),
              kb,
            ).forEach((a, k) => {
              const { ref } = pending[k]!;
              if (a instanceof OrbatError) fail(ref, a);
              else {
                batch.push(a);
                cleared.push(ref);
              }
            });
            pending = [];
          };
          const flush = async () => {
            for (const r of await store.ingestMany(batch, { failed, cleared })) {
              if (r.stored) summary.stored++;
              else summary.duplicates++;
            }
            batch = [];
            failed = [];
            cleared = [];
          };
          let i = -1;
          for await (const d of docs) {
            i++;
            const ref = `${file}#${d instanceof OrbatError || !d.id ? i + 1 : d.id}`;
            if (d instanceof OrbatError) {
              fail(ref, d);
              continue;
            }
            try {
              // A resumed ingest skips what an earlier (perhaps killed) run stored, without analysing it.
              const have = await store.storedProvenance(makeDocument(d).contentHash);
              if (have) {
                summary.duplicates++;
                if (madeByOther(have, current)) summary.duplicatesByOlderOrbat++;
                cleared.push(ref);
                continue;
              }
              pending.push({ d, ref });
            } catch (e) {
              if (!isOrbatError(e)) throw e;
              fail(ref, e);
            }
            if (pending.length >= BATCH_DOCUMENTS) {
              analysePending();
              if (batch.length >= 50) await flush();
            }
          }
          analysePending();
          await flush();
          bar.update(++n);
        }
      } finally {
        bar.stop();
        const stats = await store.stats();
        await store.close();
        if (opts.json) process.stdout.write(`${JSON.stringify({ ...summary, store: stats }, null, 2)}\n`);
        else {
          for (const e of summary.errorDetails) process.stderr.write(`orbat: ${e}\n`);
          process.stdout.write(
            `${pc.bold("ingest")}: ${summary.stored} stored, ${summary.duplicates} already stored, ${summary.errors} errors; store now has ${stats.documents} documents in ${stats.stories} stories, ${stats.events} events\n`,
          );
          if (summary.duplicatesByOlderOrbat > 0)
            process.stderr.write(
              `orbat: ${summary.duplicatesByOlderOrbat} of the documents already stored were analysed by another version of orbat or its knowledge base; \`orbat reanalyze\` analyses them again\n`,
            );
        }
      }
      if (summary.errors > 0) process.exitCode = PARTIAL_FAILURE;
    });

  program
    .command("reanalyze")
    .description(
      "analyse stored documents again with this orbat: those an older orbat or knowledge base analysed, or all",
    )
    .option("--db <spec>", DB_HELP)
    .option("--all", "analyse every stored document again, not only those analysed by other code or KB")
    .option("--json", "print the summary as JSON")
    .action(async (opts: { db?: string; all?: boolean; json?: boolean }) => {
      const kb = loadKb();
      const store = await Store.open(dbSpec(opts.db));
      const current = madeNow(kb);
      const summary = {
        documents: 0,
        upToDate: 0,
        reanalyzed: 0,
        errors: 0,
        errorDetails: [] as string[],
        current,
      };
      const bar = progress((await store.stats()).documents, "documents");
      try {
        let after: string | undefined;
        for (;;) {
          const page = await store.storedAnalyses(after, 100);
          if (page.length === 0) break;
          summary.documents += page.length;
          const due = page.filter((stored) => opts.all || madeByOther(stored.analysis.provenance, current));
          summary.upToDate += page.length - due.length;
          const analyses = analyzeBatch(
            due.map((stored) => storedRaw(stored.analysis, stored.id)),
            kb,
          );
          for (const [k, stored] of due.entries()) {
            const a = analyses[k]!;
            try {
              if (a instanceof OrbatError) throw a;
              await store.replaceAnalysis(stored.id, a);
              summary.reanalyzed++;
            } catch (e) {
              if (!isOrbatError(e)) throw e;
              summary.errors++;
              summary.errorDetails.push(`${stored.id}: ${e.code}: ${e.message}`);
            }
          }
          after = page[page.length - 1]!.id;
          bar.update(summary.documents);
        }
      } finally {
        bar.stop();
        await store.close();
      }
      if (opts.json) process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
      else {
        for (const e of summary.errorDetails) process.stderr.write(`orbat: ${e}\n`);
        process.stdout.write(
          `${pc.bold("reanalyze")}: ${summary.reanalyzed} of ${summary.documents} documents analysed again, ${summary.upToDate} already analysed by this orbat, ${summary.errors} errors\n`,
        );
      }
      if (summary.errors > 0) process.exitCode = PARTIAL_FAILURE;
    });

  program
    .command("stats")
    .description("counts of documents, stories, events, entities and sources in the store")
    .option("--db <spec>", DB_HELP)
    .option("--json", "print JSON")
    .action(async (opts: { db?: string; json?: boolean }) => {
      const spec = dbSpec(opts.db);
      const store = await Store.open(spec);
      const s: Record<string, unknown> = { ...(await store.stats()) };
      const failures = await store.failures(FAILURES_SHOWN[opts.json ? "json" : "text"]);
      await store.close();
      if (/^postgres(ql)?:\/\//.test(spec)) s.queue = await queueStats(spec);
      if (opts.json) process.stdout.write(`${JSON.stringify({ ...s, failures }, null, 2)}\n`);
      else {
        for (const [k, v] of Object.entries(s))
          process.stdout.write(`${k.padEnd(15)} ${typeof v === "object" ? JSON.stringify(v) : v}\n`);
        // Why documents are missing, most recent first: the input, the error code and message.
        for (const f of failures)
          process.stdout.write(
            `  ${pc.red("failed")} ${f.ref}: ${f.code}: ${f.message} ${pc.dim(`(${f.attempts}x, last ${f.lastFailed})`)}\n`,
          );
        if (Number(s.failed) > failures.length)
          process.stdout.write(`  ... and ${Number(s.failed) - failures.length} more (see --json)\n`);
      }
    });

  filterOptions(
    program.command("query").description("find stored events by text, place, type, time, equipment..."),
  )
    .option("--json", "print matching events as JSON, each with its evidence and sources")
    .option("--merge", "one event per real-world event across documents, with every telling as evidence")
    .option("--csv", "print CSV")
    .action(
      async (
        opts: Record<string, string | undefined> & { json?: boolean; csv?: boolean; merge?: boolean },
      ) => {
        const store = await Store.open(dbSpec(opts.db));
        const rows = await store.queryEvents(filterFrom(opts));
        await store.close();
        if (opts.merge) {
          const merged = mergeRows(rows, (r) => r.signature);
          if (opts.json) process.stdout.write(`${JSON.stringify(merged, null, 2)}\n`);
          else {
            for (const m of merged) {
              process.stdout.write(
                `${pc.bold(m.type)} ${m.time.start ?? "undated"} ${m.places[0] ?? ""} ${pc.dim(`[${m.reports} independent reports, ${m.stories} stories, ${m.tellings.length} tellings, first reported ${m.firstReported ?? "?"}]`)}\n`,
              );
              for (const t of m.tellings)
                process.stdout.write(
                  `  ${pc.dim(`${t.document.source ?? t.docId}:`)} ${t.evidence.text.slice(0, 140)}\n`,
                );
            }
            process.stdout.write(`${merged.length} events\n`);
          }
          return;
        }
        if (opts.json) process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
        else if (opts.csv) process.stdout.write(toCsv(rows));
        else {
          for (const r of rows) {
            process.stdout.write(
              `${pc.bold(r.type)} ${pc.dim(`CAMEO ${r.cameo.code}`)} ${r.time.start ?? r.document.publishedAt ?? "undated"} ${r.places[0] ?? ""} ${pc.dim(`[${r.factuality}, corroborated by ${r.corroboration}]`)}\n  ${r.evidence.text.slice(0, 160)}\n  ${pc.dim(`${r.document.title ?? r.docId} | ${r.sources.map((s) => s.name).join(" <- ")}`)}\n`,
            );
          }
          process.stdout.write(`${rows.length} events\n`);
        }
      },
    );

  filterOptions(
    program.command("export").description("export stored events as GeoJSON, CSV or a STIX 2.1 bundle"),
  )
    .option("--format <f>", "geojson | csv | stix", "geojson")
    .option("-o, --output <file>", "write to a file instead of standard output")
    .action(async (opts: Record<string, string | undefined>) => {
      if (!["geojson", "csv", "stix"].includes(opts.format ?? "")) {
        throw new OrbatError(
          ErrorCodes.USAGE,
          `unknown --format "${opts.format}"`,
          "use geojson, csv or stix",
        );
      }
      const store = await Store.open(dbSpec(opts.db));
      const rows = await store.queryEvents(filterFrom(opts));
      await store.close();
      const out =
        opts.format === "csv"
          ? toCsv(rows)
          : opts.format === "stix"
            ? `${JSON.stringify(toStix(rows), null, 2)}\n`
            : `${JSON.stringify(toGeoJson(rows, placeLookup()), null, 2)}\n`;
      if (opts.output) writeFileSync(opts.output, out);
      else process.stdout.write(out);
    });
}

/** Places of the knowledge base by id, for the GeoJSON export's place layer. */
function placeLookup(): (kbId: string) => ReturnType<ReturnType<typeof loadKb>["place"]> {
  const kb = loadKb();
  return (id) => kb.place(id);
}
