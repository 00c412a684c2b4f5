// The benchmark store: copies of our fixture articles, analysed by the real pipeline and ingested until the
// store holds a target number of events. Shared by the web-render, load and soak benchmarks; load and soak
// keep the built store in the temp folder so repeated runs skip the minute of ingest.
import { existsSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyzeRaw, ORBAT_VERSION } from "../src/analyze.js";
import { loadFixtures } from "../src/eval/fixtures.js";
import type { Kb } from "../src/kb/kb.js";
import { Store } from "../src/store/store.js";

export interface Filled {
  events: number;
  docs: number;
  ingestMs: number;
}

/** Ingests distinct copies of every fixture article into the store at `db` until it holds `target` events. */
export async function fillStore(db: string, target: number, kb: Kb): Promise<Filled> {
  const fixtures = loadFixtures();
  const store = await Store.open(db);
  let events = 0;
  let docs = 0;
  const t0 = performance.now();
  try {
    for (let copy = 0; events < target; copy++) {
      for (const g of fixtures) {
        const a = analyzeRaw(
          {
            id: `${g.id}-${copy}`,
            title: g.title,
            text: `${g.text}\n\n(bench copy ${copy})`,
            format: "text",
            publishedAt: g.publishedAt ?? null,
            ...(g.source ? { source: g.source } : {}),
          },
          kb,
        );
        await store.ingest(a);
        events += a.events.length;
        docs++;
      }
    }
  } finally {
    await store.close();
  }
  return { events, docs, ingestMs: performance.now() - t0 };
}

/**
 * A filled SQLite store in the temp folder, reused while the orbat and KB versions match and it was
 * completed (a marker file is written last, so an interrupted build is rebuilt). `fresh` forces a rebuild.
 */
export async function benchStore(
  target: number,
  kb: Kb,
  fresh = false,
): Promise<{ path: string; events: number; reused: boolean }> {
  const path = join(tmpdir(), `orbat-bench-${target}-${ORBAT_VERSION}-${kb.version}.db`);
  const marker = `${path}.complete`;
  if (!fresh && existsSync(path) && existsSync(marker)) {
    const store = await Store.open(path);
    const events = (await store.stats()).events;
    await store.close();
    return { path, events, reused: true };
  }
  for (const f of [marker, path, `${path}-wal`, `${path}-shm`]) rmSync(f, { force: true });
  const filled = await fillStore(path, target, kb);
  writeFileSync(marker, `${filled.events} events, ${filled.docs} documents\n`);
  return { path, events: filled.events, reused: false };
}
