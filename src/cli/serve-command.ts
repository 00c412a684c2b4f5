// `orbat serve`: the web app and HTTP API over a store. Loopback by default; any other interface needs a token.
import { randomBytes } from "node:crypto";
import { serve } from "@hono/node-server";
import type { Command } from "commander";
import pc from "picocolors";
import { ErrorCodes, OrbatError } from "../core/errors.js";
import type { Kb } from "../kb/kb.js";
import { loadKb } from "../kb/load.js";
import { createApp } from "../server/app.js";
import { Store } from "../store/store.js";

const LOOPBACK = new Set(["127.0.0.1", "localhost", "::1"]);

export interface ServeOptions {
  db: string;
  port: number;
  host: string;
  token?: string;
}

export async function startServer(
  o: ServeOptions,
  kb: Kb = loadKb(),
): Promise<{ url: string; close(): Promise<void> }> {
  if (!LOOPBACK.has(o.host) && !o.token) {
    throw new OrbatError(
      ErrorCodes.USAGE,
      `refusing to listen on ${o.host} without a token`,
      "pass --token or set ORBAT_TOKEN, or use --host 127.0.0.1",
    );
  }
  const store = await Store.open(o.db);
  const token = o.token ?? randomBytes(16).toString("hex");
  const app = createApp({ store, kb, token });
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: o.port, hostname: o.host }, () => resolve(s));
    s.on("error", (e: Error) =>
      reject(new OrbatError(ErrorCodes.USAGE, `cannot listen on ${o.host}:${o.port}: ${e.message}`)),
    );
  });
  const addr = server.address();
  const port = typeof addr === "object" && addr ? addr.port : o.port;
  const host = o.host.includes(":") ? `[${o.host}]` : o.host;
  return {
    url: `http://${host}:${port}/`,
    async close() {
      await new Promise<void>((r) => server.close(() => r()));
      await store.close();
    },
  };
}

export function registerServe(program: Command): void {
  program
    .command("serve")
    .description("serve the web app and HTTP API over a store (loopback by default)")
    .option("--db <spec>", "SQLite file or postgres:// URL (default: $ORBAT_DB or ./orbat.db)")
    .option("--port <n>", "port", "4173")
    .option("--host <host>", "interface to listen on", "127.0.0.1")
    .option("--token <token>", "token for writes (default: $ORBAT_TOKEN, or a random one printed at start)")
    .action(async (opts: { db?: string; port: string; host: string; token?: string }) => {
      const token = opts.token ?? process.env.ORBAT_TOKEN;
      const s = await startServer({
        db: opts.db ?? process.env.ORBAT_DB ?? "orbat.db",
        port: Number(opts.port),
        host: opts.host,
        ...(token ? { token } : {}),
      });
      process.stdout.write(
        `${pc.bold("orbat")} serving ${pc.cyan(s.url)}  (API: ${s.url}api/health, OpenAPI: ${s.url}openapi.json)\n`,
      );
    });
}
