// Queries at 1 million events (a generated corpus): bounding box + time range + type, p50/p95 over 200
// random queries, on SQLite and on PostgreSQL, in one run.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { Store } from "../src/store/store.js";
import { pgAvailable, startPg } from "../test/pg-server.js";

const N = Number(process.env.ORBAT_BENCH_EVENTS ?? 1_000_000);
const DOCS = Math.ceil(N / 10);
const TYPES = [
  "deployment",
  "exercise",
  "weapons-test",
  "attack",
  "interception",
  "incident",
  "seizure",
  "sanction",
  "warning",
  "accusation",
];

function queries(
  n: number,
): Array<{ type: string; since: string; until: string; bbox: [number, number, number, number] }> {
  let seed = 42;
  const rnd = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  return Array.from({ length: n }, () => {
    const w = -170 + rnd() * 320;
    const s = -60 + rnd() * 100;
    const day = Math.floor(rnd() * 1000);
    const since = new Date(Date.UTC(2023, 0, 1 + day)).toISOString().slice(0, 10);
    const until = new Date(Date.UTC(2023, 0, 1 + day + 90)).toISOString().slice(0, 10);
    return { type: TYPES[Math.floor(rnd() * TYPES.length)]!, since, until, bbox: [w, s, w + 15, s + 15] };
  });
}

async function measure(store: Store): Promise<{ p50: number; p95: number; rows: number }> {
  const qs = queries(200);
  for (const q of qs.slice(0, 10)) await store.queryEvents({ ...q, limit: 1000 });
  const times: number[] = [];
  let rows = 0;
  for (const q of qs) {
    const t = performance.now();
    rows += (await store.queryEvents({ ...q, limit: 1000 })).length;
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { p50: times[100]!, p95: times[190]!, rows: rows / qs.length };
}

// Synthetic rows: documents 0..DOCS-1, 10 events each, spread over three years and the whole map.
const SQL_COLUMNS =
  "doc_id, event_id, type, cameo_code, cameo_label, factuality, confidence, time_start, time_end, lat, lon, country_code, evidence_start, evidence_end, evidence_text, signature, event_date";

async function sqlite(): Promise<string> {
  const path = join(mkdtempSync(join(tmpdir(), "orbat-bench-1m-")), "scale.db");
  await (await Store.open(path)).close();
  const db = new Database(path);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = OFF");
  const t0 = performance.now();
  const doc = db.prepare(
    "INSERT INTO documents (id, content_hash, title, text, analysis, story_id, published_at, ingested_at) VALUES (?, ?, ?, '', '{}', ?, ?, '2026-01-01')",
  );
  const ev = db.prepare(
    `INSERT INTO events (${SQL_COLUMNS}) VALUES (?,?,?,'150','x','asserted',0.7,?,?,?,?,'XX',0,1,'x',?,?)`,
  );
  const map = db.prepare("INSERT INTO events_rtree_map (doc_id, event_id) VALUES (?, ?)");
  const rt = db.prepare(
    "INSERT INTO events_rtree (id, min_lon, max_lon, min_lat, max_lat) VALUES (?, ?, ?, ?, ?)",
  );
  let seed = 7;
  const rnd = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  db.transaction(() => {
    for (let d = 0; d < DOCS; d++) {
      const id = `d${d}`;
      const day = Math.floor(rnd() * 1095);
      const date = new Date(Date.UTC(2023, 0, 1 + day)).toISOString().slice(0, 10);
      doc.run(id, id, `doc ${d}`, `story-${id}`, date);
      for (let e = 0; e < 10; e++) {
        const lat = -60 + rnd() * 130;
        const lon = -180 + rnd() * 360;
        ev.run(
          id,
          `ev${e}`,
          TYPES[Math.floor(rnd() * TYPES.length)]!,
          date,
          date,
          lat,
          lon,
          `sig-${d}-${e}`,
          date,
        );
        const r = map.run(id, `ev${e}`);
        rt.run(r.lastInsertRowid, lon, lon, lat, lat);
      }
    }
  })();
  db.exec("ANALYZE");
  db.close();
  console.log(`sqlite: generated ${N} events in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return path;
}

async function postgres(url: string): Promise<void> {
  await (await Store.open(url)).close();
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const t0 = performance.now();
  await c.query(`INSERT INTO documents (id, content_hash, title, text, analysis, story_id, published_at, ingested_at)
    SELECT 'd' || g, 'd' || g, 'doc ' || g, '', '{}', 'story-d' || g, to_char(date '2023-01-01' + (hashint4(g) & 1023) % 1095, 'YYYY-MM-DD'), '2026-01-01'
    FROM generate_series(0, ${DOCS - 1}) g`);
  await c.query(`INSERT INTO events (${SQL_COLUMNS})
    SELECT d.id, 'ev' || e, (ARRAY['${TYPES.join("','")}'])[1 + (hashint4(g * 10 + e) & 1023) % ${TYPES.length}], '150', 'x', 'asserted', 0.7,
      d.published_at, d.published_at, -60 + ((hashint4(g * 31 + e) & 65535) / 65535.0) * 130, -180 + ((hashint4(g * 17 + e) & 65535) / 65535.0) * 360,
      'XX', 0, 1, 'x', 'sig-' || g || '-' || e, d.published_at
    FROM generate_series(0, ${DOCS - 1}) g JOIN documents d ON d.id = 'd' || g CROSS JOIN generate_series(0, 9) e`);
  await c.query("ANALYZE");
  await c.end();
  console.log(`postgres: generated ${N} events in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

const rows: string[] = [];
const sq = await Store.open(await sqlite());
const a = await measure(sq);
await sq.close();
rows.push(
  `| SQLite     | ${a.p50.toFixed(1).padStart(6)} | ${a.p95.toFixed(1).padStart(6)} | ${a.rows.toFixed(1).padStart(6)} |`,
);
if (pgAvailable()) {
  const server = await startPg();
  try {
    await postgres(server.url);
    const ps = await Store.open(server.url);
    const b = await measure(ps);
    await ps.close();
    rows.push(
      `| PostgreSQL | ${b.p50.toFixed(1).padStart(6)} | ${b.p95.toFixed(1).padStart(6)} | ${b.rows.toFixed(1).padStart(6)} |`,
    );
  } finally {
    server.stop();
  }
}
console.log(
  `\nbbox (15x15 deg) + 90-day range + type at ${N} events, 200 queries, through Store.queryEvents:`,
);
console.log("| backend    | p50 ms | p95 ms | rows   |\n|------------|--------|--------|--------|");
for (const r of rows) console.log(r);
