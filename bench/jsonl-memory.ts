// Memory of JSON Lines ingest on a 1 GB file: the real `orbat ingest` as a child process, its RSS read from
// /proc every second, beside the streaming reader alone over the whole file (the baseline: flat RSS, MB/s).
// Analysis runs at a few dozen articles a second, so the ingest stops after --limit-seconds and reports
// how far it got and whether its RSS stayed flat (minute one against the end). Temp files are deleted.
//   npm run bench:memory -- [--limit-seconds 240] [--size-mb 1024]
import { spawn } from "node:child_process";
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { loadFixtures } from "../src/eval/fixtures.js";
import { openJsonl } from "../src/ingest/jsonl.js";
import { Store } from "../src/store/store.js";

const ROOT = new URL("..", import.meta.url).pathname;
const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    "limit-seconds": { type: "string", default: "240" },
    "size-mb": { type: "string", default: "1024" },
    "read-only": { type: "boolean", default: false },
  },
});

// Child mode: stream a file through the JSON Lines reader and print what it saw.
if (args["read-only"]) {
  let docs = 0;
  let errors = 0;
  for await (const d of await openJsonl(positionals[0]!)) {
    if (d instanceof Error) errors++;
    else docs++;
  }
  process.stdout.write(`${JSON.stringify({ docs, errors })}\n`);
  process.exit(0);
}

const limitS = Number(args["limit-seconds"]);
const sizeBytes = Number(args["size-mb"]) * 1024 * 1024;
const dir = mkdtempSync(join(tmpdir(), "orbat-bench-memory-"));
const file = join(dir, "corpus.jsonl");
const db = join(dir, "store.db");

/** Realistic article lines from the fixtures, each one distinct, with one bad line in every 200. */
async function writeCorpus(): Promise<{ lines: number; bad: number }> {
  const fixtures = loadFixtures();
  const out = createWriteStream(file);
  let bytes = 0;
  let lines = 0;
  let bad = 0;
  while (bytes < sizeBytes) {
    const g = fixtures[lines % fixtures.length]!;
    const copy = Math.floor(lines / fixtures.length);
    let line: string;
    if (lines % 200 === 199) {
      bad++;
      line =
        lines % 400 === 399 ? `{"id": "bad-${lines}", "text": 42}` : `{"id": "bad-${lines}", "text": "cut`;
    } else {
      line = JSON.stringify({
        id: `${g.id}-${copy}`,
        title: `${g.title} (${copy})`,
        text: `${g.text}\n\nUpdate ${copy}: the report was filed as number ${copy}.`,
        publishedAt: g.publishedAt ?? null,
      });
    }
    bytes += Buffer.byteLength(line) + 1;
    lines++;
    if (!out.write(`${line}\n`)) await new Promise<void>((r) => out.once("drain", () => r()));
  }
  await new Promise<void>((r) => out.end(() => r()));
  return { lines, bad };
}

interface Sample {
  s: number;
  rssMb: number;
}

/** Runs node with args until it exits or limitS passes (then SIGTERM), sampling VmRSS every second. */
function sampled(
  nodeArgs: string[],
  limit: number,
): Promise<{ samples: Sample[]; s: number; stdout: string; killed: boolean }> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const p = spawn(process.execPath, nodeArgs, { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] });
    const samples: Sample[] = [];
    let stdout = "";
    let killed = false;
    p.stdout.on("data", (d) => {
      stdout += d;
    });
    const tick = setInterval(() => {
      try {
        const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p.pid}/status`, "utf8"))?.[1]);
        samples.push({ s: (performance.now() - t0) / 1000, rssMb: kb / 1024 });
      } catch {
        // exited between ticks
      }
    }, 1000);
    const stop = setTimeout(() => {
      killed = true;
      p.kill("SIGTERM");
    }, limit * 1000);
    p.on("close", () => {
      clearInterval(tick);
      clearTimeout(stop);
      resolve({ samples, s: (performance.now() - t0) / 1000, stdout, killed });
    });
  });
}

const pct = (samples: Sample[], p: number) => {
  const sorted = samples.map((x) => x.rssMb).sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
};
const mb = (n: number) => `${n.toFixed(0)} MB`;
const rssLine = (samples: Sample[]) =>
  samples.length === 0
    ? "too quick to sample RSS"
    : `RSS p10 ${mb(pct(samples, 10))}, p50 ${mb(pct(samples, 50))}, p90 ${mb(pct(samples, 90))}, max ${mb(Math.max(...samples.map((x) => x.rssMb)))}`;
/** Mean RSS over a window of the run, in seconds from the start. */
const meanRss = (samples: Sample[], from: number, to: number) => {
  const w = samples.filter((x) => x.s >= from && x.s < to);
  return w.reduce((a, x) => a + x.rssMb, 0) / Math.max(1, w.length);
};

try {
  let t = performance.now();
  const corpus = await writeCorpus();
  const fileMb = statSync(file).size / 1024 / 1024;
  console.log(
    `corpus: ${mb(fileMb)}, ${corpus.lines} lines (${corpus.bad} bad) in ${((performance.now() - t) / 1000).toFixed(0)} s`,
  );

  // Baseline: the streaming reader alone over the whole file.
  const reader = await sampled(
    ["--import", "tsx", join(ROOT, "bench/jsonl-memory.ts"), "--read-only", file],
    3600,
  );
  const read = JSON.parse(reader.stdout);
  console.log(
    `\nreader alone: ${read.docs} documents and ${read.errors} bad lines in ${reader.s.toFixed(0)} s (${(fileMb / reader.s).toFixed(0)} MB/s); ${rssLine(reader.samples)}`,
  );

  // The real ingest, stopped after the limit.
  t = performance.now();
  const ingest = await sampled([join(ROOT, "bin/orbat.js"), "ingest", file, "--db", db], limitS);
  const store = await Store.open(db);
  const stored = (await store.stats()).documents;
  await store.close();
  const end = ingest.samples[ingest.samples.length - 1]?.s ?? 0;
  const first = meanRss(ingest.samples, 30, 60);
  const last = meanRss(ingest.samples, end - 30, end + 1);
  console.log(
    `\norbat ingest: ${ingest.killed ? `stopped after ${limitS} s` : `finished in ${ingest.s.toFixed(0)} s`}, ${stored} documents stored (${((100 * stored) / (corpus.lines - corpus.bad)).toFixed(1)}% of the file), ${(stored / ingest.s).toFixed(1)} docs/s`,
  );
  console.log(`  ${rssLine(ingest.samples)}`);
  console.log(
    `  RSS in the first minute (30-60 s) ${mb(first)}, in the last 30 s ${mb(last)}: ${last > first * 1.2 ? "GREW by" : "flat, within"} ${(((last - first) / first) * 100).toFixed(0)}%`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
