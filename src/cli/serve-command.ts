// `orbat serve`: the web app and HTTP API over a store. Loopback by default; any other interface needs a token.
import { randomBytes } from "node:crypto";
import { serve } from "@hono/node-server";
import type { Command } from "commander";
import pc from "picocolors";
import { ErrorCodes, OrbatError } from "../core/errors.js";
import type { Kb } from "../kb/kb.js";
import { loadKb } from "../kb/load.js";
import { createApp } from "../server/app.js";
import { isLoopbackHost } from "../server/hosts.js";
import { Store } from "../store/store.js";

/** Shorter tokens could be guessed over the network; generated ones are 32 hex characters. */
const MIN_TOKEN = 16;

export interface ServeOptions {
  db: string;
  port: number;
  host: string;
  token?: string;
  /** host names a loopback server also answers to (e.g. behind a local reverse proxy) */
  allowedHosts?: string[];
}

export interface RunningServer {
  url: string;
  /** the write token: the one given, or a random one */
  token: string;
  close(): Promise<void>;
}

export async function startServer(o: ServeOptions, kb?: Kb): Promise<RunningServer> {
  const loopback = isLoopbackHost(o.host);
  if (!loopback && !o.token)
    throw new OrbatError(
      ErrorCodes.USAGE,
      `refusing to listen on ${o.host || "every interface"} without a token: only 127.0.0.0/8, ::1 and localhost are loopback`,
      "pass --token or set ORBAT_TOKEN, or use --host 127.0.0.1",
    );
  if (o.token !== undefined && o.token.length < MIN_TOKEN)
    throw new OrbatError(ErrorCodes.USAGE, `the token is shorter than ${MIN_TOKEN} characters`);
  if (!Number.isInteger(o.port) || o.port < 0 || o.port > 65535)
    throw new OrbatError(ErrorCodes.USAGE, `--port takes a number from 0 to 65535, not ${o.port}`);
  const bind = o.host.replace(/^\[(.*)\]$/, "$1");
  const store = await Store.open(o.db);
  const token = o.token ?? randomBytes(16).toString("hex");
  const app = createApp({
    store,
    kb: kb ?? loadKb(),
    token,
    ...(loopback ? { allowedHosts: o.allowedHosts ?? [] } : {}),
  });
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: o.port, hostname: bind }, () => resolve(s));
    s.on("error", (e: Error) =>
      reject(new OrbatError(ErrorCodes.USAGE, `cannot listen on ${o.host}:${o.port}: ${e.message}`)),
    );
  }).catch(async (e) => {
    await store.close();
    throw e;
  });
  const addr = server.address();
  const port = typeof addr === "object" && addr ? addr.port : o.port;
  const host = bind.includes(":") ? `[${bind}]` : bind;
  return {
    url: `http://${host}:${port}/`,
    token,
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
    .option(
      "--allowed-hosts <names>",
      "on loopback, host names to answer besides localhost and loopback addresses, comma-separated",
    )
    .action(
      async (opts: { db?: string; port: string; host: string; token?: string; allowedHosts?: string }) => {
        const token = opts.token ?? process.env.ORBAT_TOKEN;
        const s = await startServer({
          db: opts.db ?? process.env.ORBAT_DB ?? "orbat.db",
          port: Number(opts.port),
          host: opts.host,
          ...(token ? { token } : {}),
          ...(opts.allowedHosts ? { allowedHosts: opts.allowedHosts.split(",").map((h) => h.trim()) } : {}),
        });
        process.stdout.write(
          `${pc.bold("orbat")} serving ${pc.cyan(s.url)}  (API: ${s.url}api/health, OpenAPI: ${s.url}openapi.json)\n`,
        );
        if (!token) process.stdout.write(`write token (Authorization: Bearer): ${s.token}\n`);
      },
    );
}
