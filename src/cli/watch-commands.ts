// `orbat watch` and `orbat alert`: feeds polled on a schedule, and saved queries that fire on new events.
import type { Command } from "commander";
import pc from "picocolors";
import { ErrorCodes, OrbatError } from "../core/errors.js";
import { feedUrls, fireAlerts, pollFeeds } from "../corpus/watch.js";
import { loadKb } from "../kb/load.js";
import { Store } from "../store/store.js";
import { filterFrom, filterOptions } from "./store-commands.js";

const dbSpec = (opt?: string) => opt ?? process.env.ORBAT_DB ?? "orbat.db";

export function registerWatch(program: Command): void {
  program
    .command("watch")
    .description(
      "poll feeds (URLs or an OPML file) with conditional requests and backoff; store new items; fire alerts",
    )
    .argument("<feeds...>", "feed URLs or .opml files")
    .option("--db <spec>", "SQLite file or postgres:// URL (default: $ORBAT_DB or ./orbat.db)")
    .option("--interval <seconds>", "seconds between polls of one feed", "300")
    .option("--once", "poll each due feed once and stop")
    .option("--json", "print each pass as JSON")
    .option(
      "--allow-private",
      "also fetch URLs on private, loopback and link-local addresses (feeds and webhooks)",
    )
    .action(
      async (
        inputs: string[],
        opts: { db?: string; interval: string; once?: boolean; json?: boolean; allowPrivate?: boolean },
      ) => {
        if (opts.allowPrivate) process.env.ORBAT_ALLOW_PRIVATE = "1";
        const interval = Number(opts.interval);
        if (!Number.isFinite(interval) || interval < 10)
          throw new OrbatError(ErrorCodes.USAGE, "--interval is at least 10 seconds");
        const urls = feedUrls(inputs);
        if (urls.length === 0) throw new OrbatError(ErrorCodes.INPUT_EMPTY, "no feed URLs given");
        const kb = loadKb();
        const store = await Store.open(dbSpec(opts.db));
        try {
          for (;;) {
            const polled = await pollFeeds(store, kb, urls, interval);
            const alerts = await fireAlerts(store);
            if (opts.json)
              process.stdout.write(
                `${JSON.stringify({ at: new Date().toISOString(), feeds: polled, alerts })}\n`,
              );
            else {
              for (const p of polled) {
                if (p.status === "not-due") continue;
                process.stdout.write(
                  `${pc.dim(new Date().toISOString())} ${p.url}: ${p.status}${p.stored ? `, ${p.stored} stored` : ""}${p.failed ? `, ${pc.red(`${p.failed} failed`)}` : ""}${p.error ? ` (${p.error})` : ""}\n`,
                );
              }
              for (const a of alerts)
                if (a.events) process.stdout.write(`${pc.bold("alert")} ${a.name}: ${a.events} new events\n`);
            }
            if (opts.once) break;
            await new Promise((r) => setTimeout(r, Math.min(interval, 30) * 1000));
          }
        } finally {
          await store.close();
        }
      },
    );

  const alert = program
    .command("alert")
    .description("saved queries that fire a webhook or write to a file when new matching events arrive");
  filterOptions(alert.command("add").description("save a query as an alert").argument("<name>", "alert name"))
    .option("--webhook <url>", "POST the new events as JSON to this URL")
    .option("--file <path>", "append the new events as a JSON line to this file")
    .action(async (name: string, opts: Record<string, string | undefined>) => {
      if (!!opts.webhook === !!opts.file)
        throw new OrbatError(ErrorCodes.USAGE, "give exactly one of --webhook or --file");
      const { limit: _limit, ...filter } = filterFrom(opts);
      const store = await Store.open(dbSpec(opts.db));
      await store.addAlert(name, filter, opts.webhook ? `webhook:${opts.webhook}` : `file:${opts.file}`);
      await store.close();
      process.stdout.write(`alert "${name}" saved\n`);
    });
  alert
    .command("list")
    .description("list saved alerts")
    .option("--db <spec>", "store")
    .option("--json", "print JSON")
    .action(async (opts: { db?: string; json?: boolean }) => {
      const store = await Store.open(dbSpec(opts.db));
      const list = await store.alerts();
      await store.close();
      if (opts.json) process.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
      else
        for (const a of list)
          process.stdout.write(
            `${a.name}: ${JSON.stringify(a.filter)} -> ${a.target} (checked ${a.lastChecked})\n`,
          );
    });
}
