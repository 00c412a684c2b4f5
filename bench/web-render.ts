// Web app first render with 10,000+ events in the store, in real Chromium, beside an empty store (baseline)
// measured in the same run: time from navigation until the map holds the events.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startServer } from "../src/cli/serve-command.js";
import { loadKb } from "../src/kb/load.js";
import { Store } from "../src/store/store.js";
import { CHROMIUM, chromiumAvailable, launchChromium } from "../test/browser.js";
import { fillStore } from "./corpus.js";

if (!chromiumAvailable()) {
  console.log(`web render: skipped (no Chromium at ${CHROMIUM})`);
  process.exit(0);
}
const kb = loadKb();
const dir = mkdtempSync(join(tmpdir(), "orbat-bench-web-"));

async function render(db: string): Promise<number[]> {
  const server = await startServer({ db, port: 0, host: "127.0.0.1" }, kb);
  const browser = await launchChromium();
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const t0 = performance.now();
    await page.goto(server.url);
    await page.waitForSelector("body[data-map-events]", { timeout: 60_000 });
    times.push(performance.now() - t0);
    await page.close();
  }
  await browser.close();
  await server.close();
  return times.sort((a, b) => a - b);
}

const empty = join(dir, "empty.db");
await (await Store.open(empty)).close();
const full = join(dir, "full.db");
const filled = await fillStore(full, 10_000, kb);
const [base, big] = [await render(empty), await render(full)];
const med = (xs: number[]) => xs[Math.floor(xs.length / 2)]!.toFixed(0);
console.log(`\nweb first render (median of 3, Chromium headless, software GL):`);
console.log(`| store                    | first render ms |`);
console.log(`|--------------------------|-----------------|`);
console.log(`| empty (baseline)         | ${med(base).padStart(15)} |`);
console.log(`| ${`${filled.events} events`.padEnd(24)} | ${med(big).padStart(15)} |`);
console.log(
  `ingest into SQLite: ${filled.docs} documents (${filled.events} events) in ${(filled.ingestMs / 1000).toFixed(1)} s including analysis = ${(filled.docs / (filled.ingestMs / 1000)).toFixed(0)} docs/s`,
);
