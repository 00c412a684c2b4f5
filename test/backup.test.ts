// `orbat backup` / `orbat restore`: a store (documents in multi-document stories, feeds, alerts, failures)
// round-trips SQLite -> file -> SQLite, SQLite -> PostgreSQL and PostgreSQL -> SQLite with identical stats
// and an identical fingerprint, down to the stored Analysis bytes, story labels and ingest times. A
// non-empty store is refused unless --merge (which is idempotent); a truncated or corrupt backup is
// refused with a clear error and restores nothing. The restored failures show in the API and the web app.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { serve } from "@hono/node-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyzeRaw } from "../src/analyze.js";
import { isOrbatError } from "../src/core/errors.js";
import { createApp } from "../src/server/app.js";
import { restoreBackup, writeBackup } from "../src/store/backup.js";
import { Store } from "../src/store/store.js";
import { chromiumAvailable, launchChromium } from "./browser.js";
import { writeFixtureCopies } from "./corpus.js";
import { fingerprint } from "./fingerprint.js";
import { kb } from "./helpers.js";
import { type PgServer, pgAvailable, startPg } from "./pg-server.js";

const ROOT = new URL("..", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "orbat-backup-"));
const source = join(dir, "source.db");
const orbat = (args: string[]) =>
  spawnSync(process.execPath, [join(ROOT, "bin/orbat.js"), ...args], {
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
  });

/** Everything a store holds that can be compared: counts, fingerprint, feeds, alerts, failures. */
async function snapshot(spec: string) {
  const store = await Store.open(spec);
  try {
    return {
      stats: await store.stats(),
      feed: await store.feed("https://example.org/feed.xml"),
      alerts: await store.alerts(),
      failures: await store.failures(),
      fingerprint: await fingerprint(spec),
    };
  } finally {
    await store.close();
  }
}

async function expectRefused(spec: string, file: string, pattern: RegExp): Promise<void> {
  const store = await Store.open(spec);
  try {
    const err = await restoreBackup(store, file).catch((e: unknown) => e);
    expect(isOrbatError(err), String(err)).toBe(true);
    expect((err as Error).message).toMatch(pattern);
  } finally {
    await store.close();
  }
}

/** The built web app: web-dist (built by npm ci), or a fresh build when web/ changed since (local runs). */
function webDist(): string {
  const dist = join(ROOT, "web-dist");
  const mtime = (f: string) => (existsSync(f) ? statSync(f).mtimeMs : 0);
  const src = join(ROOT, "web/src");
  const newest = Math.max(
    mtime(join(ROOT, "web/index.html")),
    ...readdirSync(src).map((f) => mtime(join(src, f))),
  );
  if (mtime(join(dist, "index.html")) >= newest) return dist;
  const out = mkdtempSync(join(tmpdir(), "orbat-web-dist-"));
  const vite = join(ROOT, "node_modules/vite/bin/vite.js");
  const args = [
    "build",
    "--config",
    "web/vite.config.ts",
    "--logLevel",
    "warn",
    "--outDir",
    out,
    "--emptyOutDir",
  ];
  execFileSync(process.execPath, [vite, ...args], { cwd: ROOT, stdio: "pipe" });
  return out;
}

let pg: PgServer | undefined;
let original: Awaited<ReturnType<typeof snapshot>>;
const backupFile = join(dir, "store.jsonl");

beforeAll(async () => {
  // Two copies of every fixture article: stories of several documents, corroboration above one.
  const corpus = join(dir, "corpus.jsonl");
  writeFixtureCopies(corpus, 2);
  const raws = readFileSync(corpus, "utf8")
    .trim()
    .split("\n")
    .map((l) => ({ ...JSON.parse(l), format: "text" as const }));
  const store = await Store.open(source);
  await store.ingestMany(raws.map((r) => analyzeRaw(r, kb)));
  await store.saveFeed({
    url: "https://example.org/feed.xml",
    etag: '"v1"',
    lastModified: null,
    lastChecked: "2025-11-01T10:00:00.000Z",
    nextCheck: "2025-11-01T10:15:00.000Z",
    failures: 2,
    lastError: "HTTP 503",
    itemsStored: 40,
  });
  await store.addAlert("s400", { equipment: "s-400", minCorroboration: 2 }, "file:/tmp/alerts.jsonl");
  await store.noteFailures({
    failed: [
      { ref: "feed.xml#7", code: "ORBAT_E_INPUT_EMPTY", message: "input has no text to analyse" },
      { ref: "queue#x1", code: "ORBAT_E_QUEUE", message: "job failed by timeout in active state" },
    ],
  });
  await store.close();
  original = await snapshot(source);
  expect(original.stats.documents).toBe(raws.length);
  expect(original.stats.stories).toBeLessThan(raws.length);
  expect(original.stats.failed).toBe(2);
  if (pgAvailable() || process.env.CI) pg = await startPg();
}, 120_000);
afterAll(() => pg?.stop());

describe("backup and restore", () => {
  it("SQLite -> file -> SQLite: identical stats and fingerprint, feeds, alerts and failures", async () => {
    const store = await Store.open(source);
    const counts = await writeBackup(store, backupFile);
    await store.close();
    expect(counts).toEqual({ documents: original.stats.documents, feeds: 1, alerts: 1, failures: 2 });
    const header = JSON.parse(readFileSync(backupFile, "utf8").split("\n")[0]!);
    expect(header).toMatchObject({ format: "orbat-backup", version: 1, counts });
    const target = join(dir, "restored.db");
    const into = await Store.open(target);
    expect(await restoreBackup(into, backupFile)).toEqual({ ...counts, alreadyStored: 0 });
    await into.close();
    expect(await snapshot(target)).toEqual(original);
  }, 60_000);

  it.skipIf(!pgAvailable() && !process.env.CI)(
    "SQLite -> PostgreSQL (the CLI, gzip) and PostgreSQL -> SQLite: identical",
    async () => {
      const gz = join(dir, "store.jsonl.gz");
      const b = orbat(["backup", "--db", source, "-o", gz]);
      expect(b.status, b.stderr).toBe(0);
      expect(b.stdout).toMatch(/backup: \d+ documents, 1 feeds, 1 alerts, 2 failures written to/);
      const r = orbat(["restore", gz, "--db", pg!.url, "--json"]);
      expect(r.status, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({ documents: original.stats.documents, alreadyStored: 0 });
      expect(await snapshot(pg!.url)).toEqual(original);

      const back = join(dir, "from-pg.jsonl");
      const pgStore = await Store.open(pg!.url);
      await writeBackup(pgStore, back);
      await pgStore.close();
      const target = join(dir, "from-pg.db");
      const into = await Store.open(target);
      await restoreBackup(into, back);
      await into.close();
      expect(await snapshot(target)).toEqual(original);
    },
    120_000,
  );

  it("refuses a non-empty store unless --merge, and merging the same backup again changes nothing", async () => {
    const target = join(dir, "restored.db");
    const refused = orbat(["restore", backupFile, "--db", target]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(
      /ORBAT_E_USAGE: the store is not empty \(\d+ documents, 1 feeds, 1 alerts, 2 failures\)/,
    );
    const merged = orbat(["restore", backupFile, "--db", target, "--merge", "--json"]);
    expect(merged.status, merged.stderr).toBe(0);
    expect(JSON.parse(merged.stdout)).toMatchObject({
      documents: 0,
      alreadyStored: original.stats.documents,
    });
    expect(await snapshot(target)).toEqual(original);
  }, 60_000);

  it("refuses a truncated or corrupt backup with a clear error and restores nothing", async () => {
    const text = readFileSync(backupFile, "utf8");
    const lines = text.trimEnd().split("\n");
    const cases: Array<[string, string | Buffer, RegExp]> = [
      ["cut-mid-line.jsonl", text.slice(0, Math.floor(text.length / 2)), /line \d+: not valid JSON/],
      ["no-end.jsonl", `${lines.slice(0, -1).join("\n")}\n`, /ends without its end line \(truncated\)/],
      ["edited.jsonl", text.replace('"type":"deployment"', '"type":"exercise"'), /checksum mismatch/],
      [
        "bad-analysis.jsonl",
        text.replace(/"analysis":\{"schemaVersion":"[^"]*"/, '"analysis":{"schemaVersion":"0"'),
        /line 2: the document's Analysis is not valid/,
      ],
      ["cut.jsonl.gz", gzipSync(text).subarray(0, 4000), /cannot be read \(unexpected end of file\)/],
      ["not-a-backup.jsonl", '{"id":"a","text":"hello"}\n', /line 1: not an orbat backup/],
    ];
    for (const [name, body, pattern] of cases) {
      const file = join(dir, name);
      writeFileSync(file, body);
      const target = join(dir, `${name}.db`);
      await expectRefused(target, file, pattern);
      const left = await snapshot(target);
      expect(left.stats, name).toMatchObject({ documents: 0, events: 0, failed: 0 });
      expect(left.alerts, name).toEqual([]);
    }
    const cli = orbat(["restore", join(dir, "no-end.jsonl"), "--db", join(dir, "cli.db")]);
    expect(cli.status).toBe(2);
    expect(cli.stderr.trim().split("\n")).toHaveLength(1);
    expect(cli.stderr).toMatch(/ORBAT_E_STORE: backup .*no-end\.jsonl, line \d+: .*; nothing was restored/);
  }, 60_000);

  it("shows the restored failures in the API and the web app", async () => {
    const store = await Store.open(join(dir, "restored.db"));
    const app = createApp({ store, kb, staticDir: webDist() });
    const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
      const s = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(s));
    });
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    try {
      expect(await (await fetch(`${url}/api/stats`)).json()).toMatchObject({ failed: 2 });
      if (!chromiumAvailable() && !process.env.CI) return;
      const browser = await launchChromium();
      try {
        const page = await browser.newPage();
        await page.goto(url);
        await page.waitForSelector("[data-testid=failures]", { timeout: 30_000 });
        expect(await page.textContent("[data-testid=failures]")).toBe("2 failed");
        expect(await page.locator("header [data-testid=failures]").isVisible()).toBe(true);
      } finally {
        await browser.close();
      }
    } finally {
      await new Promise((r) => server.close(r));
      await store.close();
    }
  }, 90_000);
});
