// HTTP load with 10,000+ events in the store: autocannon (20 connections, 30 s per endpoint by default)
// against the real server in a child process, on the health endpoint (baseline) and on what the web app
// loads. Prints req/s, p50/p99 latency, errors (autocannon counts a response slower than 10 s as a timeout
// error) and non-2xx per endpoint and the server's memory; exits 1 on any error, timeout or 5xx.
//   npm run bench:load -- [--duration 30] [--connections 20] [--events 10000] [--fresh]
import { cpus, loadavg } from "node:os";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { loadKb } from "../src/kb/load.js";
import { benchStore } from "./corpus.js";
import { ENDPOINTS, type ServerMemory, startChildServer } from "./server.js";

const { values: args } = parseArgs({
  options: {
    duration: { type: "string", default: "30" },
    connections: { type: "string", default: "20" },
    events: { type: "string", default: "10000" },
    fresh: { type: "boolean", default: false },
  },
});
const duration = Number(args.duration);
const connections = Number(args.connections);

const store = await benchStore(Number(args.events), loadKb(), args.fresh);
const server = await startChildServer(store.path);
const mem = (m: ServerMemory) =>
  `RSS ${m.rssMb.toFixed(0)} MB, heap ${m.heapUsedMb.toFixed(0)} MB, external ${m.externalMb.toFixed(0)} MB`;

interface Row {
  name: string;
  rows: string;
  kb: number;
  result: autocannon.Result;
}
const results: Row[] = [];
const load0 = loadavg()[0]!.toFixed(1);
let peakRss = 0;
try {
  const before = await server.memory();
  for (const e of ENDPOINTS) {
    // One plain request first: the response size, and a warm cache for every endpoint alike.
    const res = await fetch(new URL(e.path, server.url));
    const body = await res.text();
    const parsed = JSON.parse(body) as unknown;
    // an event list arrives as rows or, for the app, in columns with a count
    const count = (parsed as { count?: unknown } | null)?.count;
    const rows = Array.isArray(parsed)
      ? String(parsed.length)
      : typeof count === "number"
        ? String(count)
        : "-";
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, server.rssMb())), 1000);
    const result = await autocannon({ url: new URL(e.path, server.url).href, connections, duration });
    clearInterval(sampler);
    results.push({ name: e.name, rows, kb: Buffer.byteLength(body) / 1024, result });
  }
  const after = await server.memory();

  console.log(
    `\nHTTP load: ${store.events} events in SQLite, ${connections} connections, ${duration} s per endpoint, server in a child process (node ${process.version}, ${cpus().length} cores, autocannon in the parent; load average at start ${load0})`,
  );
  console.log(
    "| endpoint                     | rows  | KB/resp | req/s   | p50 ms | p99 ms | errors | timeouts | non-2xx | 5xx |",
  );
  console.log(
    "|------------------------------|-------|---------|---------|--------|--------|--------|----------|---------|-----|",
  );
  for (const r of results) {
    const a = r.result;
    console.log(
      `| ${r.name.padEnd(28)} | ${r.rows.padStart(5)} | ${r.kb.toFixed(0).padStart(7)} | ${a.requests.average.toFixed(1).padStart(7)} | ${String(a.latency.p50).padStart(6)} | ${String(a.latency.p99).padStart(6)} | ${String(a.errors).padStart(6)} | ${String(a.timeouts).padStart(8)} | ${String(a.non2xx).padStart(7)} | ${String(a["5xx"]).padStart(3)} |`,
    );
  }
  console.log(`server memory before: ${mem(before)}`);
  console.log(`server memory after:  ${mem(after)} (peak RSS during load ${peakRss.toFixed(0)} MB)`);
} finally {
  await server.stop();
}

const failed = results.filter((r) => r.result.errors > 0 || r.result["5xx"] > 0);
if (failed.length > 0) {
  console.error(`load: FAILED: errors or 5xx on ${failed.map((r) => r.name).join(", ")}`);
  process.exit(1);
}
console.log(`load: ok (${store.reused ? "reused" : "built"} ${store.path})`);
