// The server under load: the real CLI (`node bin/orbat.js serve`) in a child process, so the load generator
// does not share its event loop. RSS is read from /proc/<pid>/status; the heap comes from a preloaded probe
// (memory-probe.mjs) that answers over the IPC channel.
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const PROBE = fileURLToPath(new URL("./memory-probe.mjs", import.meta.url));
const MB = 1024 * 1024;

export interface ServerMemory {
  /** resident set size from /proc, MB */
  rssMb: number;
  /** V8 heap in use, MB */
  heapUsedMb: number;
  /** memory held outside the V8 heap (buffers included), MB */
  externalMb: number;
}

export interface ChildServer {
  url: string;
  pid: number;
  /** RSS only, read from /proc without asking the (possibly busy) server */
  rssMb(): number;
  /** RSS and heap; the heap answer waits for the server's event loop. One call at a time. */
  memory(): Promise<ServerMemory>;
  stop(): Promise<void>;
}

function rssFromProc(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8").match(/^VmRSS:\s+(\d+) kB/m);
  if (!line) throw new Error(`bench: no VmRSS in /proc/${pid}/status`);
  return Number(line[1]) / 1024;
}

function heapOf(child: ChildProcess): Promise<NodeJS.MemoryUsage> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error("bench: the server's memory probe did not answer")),
      60_000,
    );
    child.once("message", (m: { memory: NodeJS.MemoryUsage }) => {
      clearTimeout(timer);
      resolve(m.memory);
    });
    child.send("memory");
  });
}

/** Starts `orbat serve --db <db> --port 0` on loopback and resolves once it prints its URL. */
export function startChildServer(db: string): Promise<ChildServer> {
  const child = spawn(
    process.execPath,
    ["--import", PROBE, "bin/orbat.js", "serve", "--db", db, "--port", "0", "--host", "127.0.0.1"],
    { cwd: ROOT, stdio: ["ignore", "pipe", "pipe", "ipc"], env: { ...process.env, NO_COLOR: "1" } },
  );
  let out = "";
  let err = "";
  child.stderr!.on("data", (d: Buffer) => (err += d));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`bench: the server did not start within 120 s: ${err.trim()}`));
    }, 120_000);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`bench: the server exited (${code}) before listening: ${err.trim()}`));
    });
    child.stdout!.on("data", (d: Buffer) => {
      out += d;
      const url = out.match(/serving (http:\/\/\S+?\/)\s/)?.[1];
      if (!url) return;
      clearTimeout(timer);
      child.removeAllListeners("exit");
      child.stdout!.removeAllListeners("data");
      child.stdout!.resume();
      resolve({
        url,
        pid: child.pid!,
        rssMb: () => rssFromProc(child.pid!),
        async memory() {
          const heap = await heapOf(child);
          return {
            rssMb: rssFromProc(child.pid!),
            heapUsedMb: heap.heapUsed / MB,
            externalMb: heap.external / MB,
          };
        },
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once("exit", () => done());
            child.kill("SIGTERM");
          }),
      });
    });
  });
}

/**
 * What the load and soak benchmarks request: the health endpoint as the baseline, then what the web app
 * asks for on first load (web/src/main.ts filterQuery, web/src/map.ts basemap) and a filtered API query.
 */
export const ENDPOINTS = [
  { name: "health (baseline)", path: "/api/health" },
  { name: "events list (app first load)", path: "/api/events?limit=20000&compact=1" },
  {
    name: "bbox + time range + type",
    path: "/api/events?type=attack&since=2024-01-01&until=2025-12-31&bbox=-10,25,60,70",
  },
  { name: "map data (basemap)", path: "/api/basemap" },
] as const;
