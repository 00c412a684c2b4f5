// Memory soak: the server (child process, 10,000+ events) under a steady mixed load of what the web app and
// API clients request, for 10 minutes by default. Samples the server's RSS (/proc) and V8 heap every 10 s and
// exits 1 if RSS grows steadily (the last minute over 20% above the first and the trend after the first
// minute still rising), or on any error or 5xx.
//   npm run soak -- [--minutes 10] [--connections 5] [--events 10000]
import { loadavg } from "node:os";
import { setTimeout as sleep } from "node:timers/promises";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { loadKb } from "../src/kb/load.js";
import { benchStore } from "./corpus.js";
import { ENDPOINTS, type ServerMemory, startChildServer } from "./server.js";

const { values: args } = parseArgs({
  options: {
    minutes: { type: "string", default: "10" },
    connections: { type: "string", default: "5" },
    events: { type: "string", default: "10000" },
  },
});
const minutes = Number(args.minutes);
const connections = Number(args.connections);
const SAMPLE_MS = 10_000;
const MAX_GROWTH = 0.2;

const store = await benchStore(Number(args.events), loadKb());
const server = await startChildServer(store.path);
const samples: Array<{ s: number } & ServerMemory> = [];
let result: autocannon.Result;
let idle: ServerMemory;
const load0 = loadavg()[0]!.toFixed(1);
try {
  idle = await server.memory();
  const t0 = performance.now();
  // Each connection cycles through the endpoints in order, so the mix stays the same for the whole run.
  const load = autocannon({
    url: server.url,
    connections,
    duration: minutes * 60,
    requests: ENDPOINTS.map((e) => ({ method: "GET" as const, path: e.path })),
  });
  let done = false;
  load.then(
    () => (done = true),
    () => (done = true),
  );
  for (let i = 1; !done; i++) {
    await Promise.race([
      sleep(Math.max(0, t0 + i * SAMPLE_MS - performance.now()), undefined, { ref: false }),
      load,
    ]);
    if (done) break;
    const m = await server.memory();
    const s = Math.round((performance.now() - t0) / 1000);
    samples.push({ s, ...m });
    console.log(
      `t=${String(s).padStart(4)} s  RSS ${m.rssMb.toFixed(0).padStart(4)} MB  heap ${m.heapUsedMb.toFixed(0).padStart(4)} MB  external ${m.externalMb.toFixed(0).padStart(3)} MB`,
    );
  }
  result = await load;
} finally {
  await server.stop();
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
/** least-squares slope of RSS over time, MB per minute */
function slope(points: Array<{ s: number; rssMb: number }>): number {
  const mx = mean(points.map((p) => p.s));
  const my = mean(points.map((p) => p.rssMb));
  const num = points.reduce((a, p) => a + (p.s - mx) * (p.rssMb - my), 0);
  const den = points.reduce((a, p) => a + (p.s - mx) ** 2, 0);
  return den === 0 ? 0 : (num / den) * 60;
}
const end = samples.at(-1)!.s;
const first = samples.filter((p) => p.s <= 60);
const last = samples.filter((p) => p.s > end - 60);
const rssFirst = mean(first.map((p) => p.rssMb));
const rssLast = mean(last.map((p) => p.rssMb));
const growth = rssLast / rssFirst - 1;
const afterWarmup = samples.filter((p) => p.s > 60);

console.log(
  `\nsoak: ${minutes} min, ${connections} connections cycling through ${ENDPOINTS.length} endpoints, ${store.events} events in SQLite (machine load average ${load0} at start, ${loadavg()[0]!.toFixed(1)} at end)`,
);
console.log(
  `requests: ${result.requests.total} (${result.requests.average.toFixed(1)} req/s), latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, errors ${result.errors} (timeouts ${result.timeouts}), non-2xx ${result.non2xx}, 5xx ${result["5xx"]}`,
);
console.log(
  `server idle before load: RSS ${idle.rssMb.toFixed(0)} MB, heap ${idle.heapUsedMb.toFixed(0)} MB`,
);
console.log(
  `RSS first minute ${rssFirst.toFixed(0)} MB, last minute ${rssLast.toFixed(0)} MB (${growth >= 0 ? "+" : ""}${(growth * 100).toFixed(1)}%), max ${Math.max(...samples.map((p) => p.rssMb)).toFixed(0)} MB`,
);
console.log(
  `heap first minute ${mean(first.map((p) => p.heapUsedMb)).toFixed(0)} MB, last minute ${mean(last.map((p) => p.heapUsedMb)).toFixed(0)} MB`,
);
console.log(
  `RSS slope: ${slope(samples).toFixed(2)} MB/min over the run, ${afterWarmup.length > 1 ? slope(afterWarmup).toFixed(2) : "n/a"} MB/min after the first minute`,
);

const problems: string[] = [];
// Steady growth: the last minute well above the first, and still rising after the warm-up minute. Samples
// swing by a couple of hundred MB with the responses in flight, so neither figure alone is enough.
const rising = afterWarmup.length > 1 && slope(afterWarmup) > 0;
if (growth > MAX_GROWTH && rising)
  problems.push(`RSS grew ${(growth * 100).toFixed(1)}% and is still rising (limit ${MAX_GROWTH * 100}%)`);
if (result.errors > 0 || result["5xx"] > 0) problems.push(`${result.errors} errors, ${result["5xx"]} 5xx`);
if (problems.length > 0) {
  console.error(`soak: FAILED: ${problems.join("; ")}`);
  process.exit(1);
}
console.log("soak: ok");
