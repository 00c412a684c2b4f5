// Versioned schema migrations, applied automatically when a store opens. Each version runs in a transaction.
import type { Db, Dialect } from "./db.js";

const REAL = (d: Dialect) => (d === "sqlite" ? "REAL" : "DOUBLE PRECISION");

const MIGRATIONS: Array<{ version: number; up: (d: Dialect) => string[] }> = [
  {
    version: 1,
    up: (d) => [
      `CREATE TABLE documents (
        id TEXT PRIMARY KEY, content_hash TEXT NOT NULL UNIQUE, title TEXT, url TEXT, source TEXT,
        published_at TEXT, language TEXT, text TEXT NOT NULL, analysis TEXT NOT NULL, story_id TEXT,
        minhash TEXT, ingested_at TEXT NOT NULL)`,
      "CREATE INDEX documents_story ON documents(story_id)",
      "CREATE INDEX documents_published ON documents(published_at)",
      `CREATE TABLE entities (
        doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE, entity_id TEXT NOT NULL, kind TEXT NOT NULL,
        name TEXT NOT NULL, kb_id TEXT, type TEXT, category TEXT, family TEXT, country_code TEXT,
        lat ${REAL(d)}, lon ${REAL(d)}, confidence ${REAL(d)}, PRIMARY KEY (doc_id, entity_id))`,
      "CREATE INDEX entities_kb ON entities(kb_id)",
      `CREATE TABLE mentions (
        doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE, entity_id TEXT NOT NULL,
        start_offset INTEGER NOT NULL, end_offset INTEGER NOT NULL, text TEXT NOT NULL, role TEXT NOT NULL,
        PRIMARY KEY (doc_id, entity_id, start_offset, end_offset))`,
      `CREATE TABLE events (
        doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE, event_id TEXT NOT NULL, type TEXT NOT NULL,
        cameo_code TEXT NOT NULL, cameo_label TEXT NOT NULL, factuality TEXT NOT NULL, confidence ${REAL(d)} NOT NULL,
        time_start TEXT, time_end TEXT, lat ${REAL(d)}, lon ${REAL(d)}, country_code TEXT,
        evidence_start INTEGER NOT NULL, evidence_end INTEGER NOT NULL, evidence_text TEXT NOT NULL,
        signature TEXT NOT NULL, PRIMARY KEY (doc_id, event_id))`,
      "CREATE INDEX events_type_time ON events(type, time_start)",
      "CREATE INDEX events_signature ON events(signature)",
      "CREATE INDEX events_latlon ON events(lat, lon)",
      "CREATE INDEX events_time ON events(time_start)",
      `CREATE TABLE event_arguments (
        doc_id TEXT NOT NULL, event_id TEXT NOT NULL, role TEXT NOT NULL, entity_id TEXT NOT NULL,
        PRIMARY KEY (doc_id, event_id, role, entity_id),
        FOREIGN KEY (doc_id, event_id) REFERENCES events(doc_id, event_id) ON DELETE CASCADE)`,
      `CREATE TABLE sources (
        doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE, source_id TEXT NOT NULL, name TEXT NOT NULL,
        type TEXT NOT NULL, cited_by TEXT, PRIMARY KEY (doc_id, source_id))`,
      `CREATE TABLE findings (
        doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE, idx INTEGER NOT NULL, kind TEXT NOT NULL,
        severity TEXT NOT NULL, message TEXT NOT NULL, PRIMARY KEY (doc_id, idx))`,
      "CREATE TABLE lsh (band_key TEXT NOT NULL, doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE, PRIMARY KEY (band_key, doc_id))",
      ...(d === "sqlite"
        ? [
            "CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content='documents', content_rowid='rowid')",
            "CREATE VIRTUAL TABLE events_rtree USING rtree(id, min_lon, max_lon, min_lat, max_lat)",
            "CREATE TABLE events_rtree_map (id INTEGER PRIMARY KEY AUTOINCREMENT, doc_id TEXT NOT NULL, event_id TEXT NOT NULL, UNIQUE (doc_id, event_id))",
          ]
        : [
            "CREATE INDEX documents_fts ON documents USING GIN (to_tsvector('english', coalesce(title,'') || ' ' || text))",
          ]),
    ],
  },
  {
    version: 2,
    // Areas (seas, coasts, regions) are drawn on the map from their bounding boxes.
    up: () => ["ALTER TABLE entities ADD COLUMN bbox TEXT"],
  },
  {
    version: 3,
    // Corroboration kept per event signature at ingest, so queries join one row instead of counting.
    up: () => [
      "CREATE TABLE event_signatures (signature TEXT PRIMARY KEY, corroboration INTEGER NOT NULL, first_reported TEXT)",
      `INSERT INTO event_signatures (signature, corroboration, first_reported)
       SELECT e.signature, COUNT(DISTINCT d.story_id), MIN(d.published_at) FROM events e JOIN documents d ON d.id = e.doc_id GROUP BY e.signature`,
    ],
  },
  {
    version: 4,
    up: () => [
      // Feeds polled by `orbat watch`: conditional-request validators and backoff state.
      `CREATE TABLE feeds (url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT, last_checked TEXT, next_check TEXT,
        failures INTEGER NOT NULL DEFAULT 0, last_error TEXT, items_stored INTEGER NOT NULL DEFAULT 0)`,
      // Saved queries that fire when new matching events arrive.
      "CREATE TABLE alerts (name TEXT PRIMARY KEY, filter TEXT NOT NULL, target TEXT NOT NULL, last_checked TEXT NOT NULL, created TEXT NOT NULL)",
    ],
  },
  {
    version: 5,
    // The date an event is filed under (its own date, else its document's) as a column, so time ranges
    // and ordering use an index instead of computing COALESCE over every row.
    up: () => [
      "ALTER TABLE events ADD COLUMN event_date TEXT",
      "UPDATE events SET event_date = COALESCE(time_start, (SELECT published_at FROM documents d WHERE d.id = events.doc_id))",
      "CREATE INDEX events_type_date ON events(type, event_date)",
      "CREATE INDEX events_date ON events(event_date)",
    ],
  },
  {
    version: 6,
    // Each event's argument names, sources and areas as JSON, so listing 10,000 events needs no joins.
    // Rows stored before this version keep NULL and are read through event_arguments as before.
    up: () => ["ALTER TABLE events ADD COLUMN args TEXT"],
  },
  {
    version: 7,
    // Documents that could not be stored (unreadable, invalid, or parked in the queue's dead-letter queue),
    // one row per input reference, so `orbat stats`, the API and the web app show them on both backends.
    up: () => [
      `CREATE TABLE failures (ref TEXT PRIMARY KEY, code TEXT NOT NULL, message TEXT NOT NULL,
        attempts INTEGER NOT NULL, first_failed TEXT NOT NULL, last_failed TEXT NOT NULL)`,
    ],
  },
  {
    version: 8,
    // PostgreSQL with PostGIS: events get a point geometry (kept by a trigger from lat/lon) with a GiST
    // index, and bounding-box queries use it. Without the extension, or without the right to create it,
    // nothing changes and queries use the plain lat/lon ranges. SQLite has its R*Tree since version 1.
    up: (d) =>
      d === "sqlite"
        ? []
        : [
            `DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'postgis') THEN
    BEGIN
      CREATE EXTENSION IF NOT EXISTS postgis;
    EXCEPTION WHEN insufficient_privilege THEN
      RAISE NOTICE 'orbat: PostGIS is available but this role cannot create it; plain bounding-box queries';
    END;
  END IF;
  IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'postgis') THEN
    ALTER TABLE events ADD COLUMN geom geometry(Point, 4326);
    UPDATE events SET geom = ST_SetSRID(ST_MakePoint(lon, lat), 4326) WHERE lat IS NOT NULL AND lon IS NOT NULL;
    CREATE INDEX events_geom ON events USING GIST (geom);
    CREATE FUNCTION orbat_event_geom() RETURNS trigger LANGUAGE plpgsql AS $f$
    BEGIN
      NEW.geom := CASE WHEN NEW.lat IS NULL OR NEW.lon IS NULL THEN NULL
                       ELSE ST_SetSRID(ST_MakePoint(NEW.lon, NEW.lat), 4326) END;
      RETURN NEW;
    END $f$;
    CREATE TRIGGER events_geom BEFORE INSERT OR UPDATE OF lat, lon ON events
      FOR EACH ROW EXECUTE FUNCTION orbat_event_geom();
  END IF;
END $$`,
          ],
  },
  {
    version: 9,
    // Whose report each event's telling is (see independent.ts): an article relaying other outlets is
    // their report, not an independent one. Rows stored before keep NULL and count as their story alone.
    up: () => ["ALTER TABLE events ADD COLUMN origin TEXT"],
  },
];

export async function migrate(db: Db): Promise<number> {
  // Several processes may open a new store at once (workers on PostgreSQL, two ingests on one SQLite file):
  // everything happens in one transaction, behind an advisory lock on PostgreSQL and the write lock on
  // SQLite, so one migrates and the others find the work done.
  return db.tx(async (t) => {
    if (db.dialect === "postgres") await t.all("SELECT pg_advisory_xact_lock(727274)");
    await t.exec(
      "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)",
    );
    const done = new Set(
      (await t.all<{ version: number }>("SELECT version FROM schema_migrations")).map((r) =>
        Number(r.version),
      ),
    );
    let applied = 0;
    for (const m of MIGRATIONS) {
      if (done.has(m.version)) continue;
      for (const stmt of m.up(db.dialect)) await t.exec(stmt);
      await t.run("INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)", [
        m.version,
        new Date().toISOString(),
      ]);
      applied++;
    }
    return applied;
  });
}

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
