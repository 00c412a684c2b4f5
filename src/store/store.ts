// The corpus store: one interface over SQLite (default, one file) and PostgreSQL (teams). Ingest is
// idempotent (a document is keyed by its content hash), crash-safe (one transaction per batch) and safe
// with concurrent writers (batches are written one at a time: SQLite's write lock, a PostgreSQL advisory
// lock), so any number of processes end with the store one process would build.
import type { Analysis, Entity, Event } from "../core/analysis.js";
import { ErrorCodes, OrbatError } from "../core/errors.js";
import type { EventRow } from "../core/event-row.js";
import { type Db, openDb } from "./db.js";
import { independentReports, originOf, type Telling } from "./independent.js";
import { migrate } from "./migrations.js";
import { bandKeys, looseBandKeys, minhash, sameStory } from "./minhash.js";

export interface EventFilter {
  text?: string;
  country?: string;
  type?: string;
  cameo?: string;
  equipment?: string;
  /** a KB id taking part in the event as actor, equipment or place */
  entity?: string;
  factuality?: string;
  since?: string;
  until?: string;
  bbox?: [number, number, number, number];
  minCorroboration?: number;
  /** only events from documents stored after this ISO timestamp */
  ingestedAfter?: string;
  limit?: number;
  /** leave the evidence text out (lists and maps that show thousands of events) */
  compact?: boolean;
}

export interface FeedState {
  url: string;
  etag: string | null;
  lastModified: string | null;
  lastChecked: string | null;
  nextCheck: string | null;
  failures: number;
  lastError: string | null;
  itemsStored: number;
}

export interface Alert {
  name: string;
  filter: EventFilter;
  /** "webhook:<url>" or "file:<path>" */
  target: string;
  lastChecked: string;
}

const AREA_TYPES = new Set([
  "sea",
  "gulf",
  "bay",
  "strait",
  "channel",
  "coast",
  "region",
  "disputed-region",
  "military-district",
  "border-area",
  "peninsula",
  "archipelago",
  "desert",
  "ocean",
  "admin1",
  "lake",
]);

export interface EntitySummary {
  kbId: string;
  kind: string;
  name: string;
  type: string | null;
  countryCode: string | null;
  documents: number;
  mentions: number;
}

export interface StorySummary {
  id: string;
  documents: number;
  sources: string[];
  title: string | null;
  firstPublished: string | null;
}

export interface StoreStats {
  documents: number;
  stories: number;
  events: number;
  distinctEvents: number;
  entities: number;
  sources: number;
  findings: number;
  /** documents that could not be stored (see `failures()`) */
  failed: number;
}

/** A document that could not be stored: what it was, why, how often it was tried. */
export interface Failure {
  /** the input it came from: "file#id-or-item-number", or "queue#id" for the ingestion queue */
  ref: string;
  code: string;
  message: string;
  attempts: number;
  firstFailed: string;
  lastFailed: string;
}

export type FailureNote = Pick<Failure, "ref" | "code" | "message">;

/** Failures to record and references to clear (stored at last), written with an ingest batch. */
export interface FailureNotes {
  failed?: FailureNote[];
  cleared?: string[];
}

/** How a document was stored before, kept when a backup is restored (the ingest path fills in the rest). */
export interface StoredAs {
  docId?: string;
  storyId?: string;
  ingestedAt?: string;
}

/** PostgreSQL advisory lock key that serialises ingest batches across workers. */
const INGEST_LOCK = 727275;

const SPECIFIC: Record<string, number> = { country: 0, continent: 0, region: 1, admin1: 2, admin2: 3 };

function eventPlace(ev: Event, byId: Map<string, Entity>): Entity | undefined {
  const places = ev.places.map((id) => byId.get(id)).filter((e): e is Entity => e?.kind === "place");
  return places.sort(
    (a, b) =>
      (SPECIFIC[b.kind === "place" ? b.featureType : ""] ?? 4) -
      (SPECIFIC[a.kind === "place" ? a.featureType : ""] ?? 4),
  )[0];
}

/**
 * Events told by different documents are one real-world event when type, equipment, the country of the
 * place and the date agree (one outlet says "Kaliningrad", another "near Baltiysk").
 */
export function eventSignature(ev: Event, byId: Map<string, Entity>): string {
  // Specific systems identify the event; generic classes ("radars") only when nothing specific is named.
  const specific = ev.equipment.filter((id) => {
    const e = byId.get(id);
    return e?.kind === "equipment" && !e.generic;
  });
  const kb = (ids: string[]) =>
    [...new Set(ids.map((id) => byId.get(id)?.kbId ?? byId.get(id)?.name ?? id))].sort().join(",");
  const place = eventPlace(ev, byId);
  const where = place?.kind === "place" ? (place.countryCode ?? place.kbId ?? "") : "";
  return [ev.type, kb(specific.length ? specific : ev.equipment), where, ev.time.start ?? ""].join("|");
}

export type { EventRow };

/**
 * Counts again, in a stable order, how many independent reports tell each of these event signatures (see
 * independent.ts) and when the first was published. With `dropGone`, a signature no stored event has any
 * more is dropped (after a replaced analysis; after an ingest every signature has the events just written).
 */
async function countCorroboration(t: Db, signatures: Iterable<string>, dropGone = false): Promise<void> {
  const sorted = [...new Set(signatures)].sort();
  for (let i = 0; i < sorted.length; i += 500) {
    const chunk = sorted.slice(i, i + 500);
    const tellings = new Map<string, Telling[]>(chunk.map((sig) => [sig, []]));
    const rows = await t.all<{
      signature: string;
      id: string;
      story_id: string;
      published_at: string | null;
      origin: string | null;
    }>(
      `SELECT e.signature, d.id, d.story_id, d.published_at, e.origin FROM events e JOIN documents d ON d.id = e.doc_id
       WHERE e.signature IN (${chunk.map(() => "?").join(",")})`,
      chunk,
    );
    for (const r of rows)
      tellings.get(String(r.signature))?.push({
        docId: String(r.id),
        storyId: String(r.story_id),
        publishedAt: r.published_at ?? null,
        origin: r.origin ?? null,
      });
    const counted: unknown[][] = [];
    for (const [sig, list] of tellings) {
      if (dropGone && list.length === 0) {
        await t.run("DELETE FROM event_signatures WHERE signature = ?", [sig]);
        continue;
      }
      const first = list.reduce<string | null>(
        (min, x) => (x.publishedAt !== null && (min === null || x.publishedAt < min) ? x.publishedAt : min),
        null,
      );
      counted.push([sig, independentReports(list), first]);
    }
    await t.insertRows(
      "event_signatures (signature, corroboration, first_reported)",
      counted,
      "ON CONFLICT (signature) DO UPDATE SET corroboration = excluded.corroboration, first_reported = excluded.first_reported",
    );
  }
}

export class Store {
  private constructor(
    readonly db: Db,
    readonly spec: string,
    /** how bounding boxes are answered: SQLite's R*Tree, PostGIS, or plain lat/lon ranges */
    readonly spatial: "rtree" | "postgis" | "plain",
  ) {}

  static async open(spec: string): Promise<Store> {
    let db: Db;
    try {
      db = openDb(spec);
      await migrate(db);
      const spatial =
        db.dialect === "sqlite"
          ? "rtree"
          : (
                await db.all(
                  "SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'events' AND column_name = 'geom'",
                )
              ).length > 0
            ? "postgis"
            : "plain";
      return new Store(db, spec, spatial);
    } catch (e) {
      throw new OrbatError(ErrorCodes.STORE, `cannot open store ${redact(spec)}: ${(e as Error).message}`);
    }
  }

  async close(): Promise<void> {
    await this.db.close();
  }

  /** Stores one Analysis; `stored` is false when the same content was already stored (nothing changes). */
  async ingest(a: Analysis): Promise<{ stored: boolean; storyId: string }> {
    return (await this.ingestMany([a]))[0]!;
  }

  /**
   * Stores several analyses in one transaction: all of them land or none does, so a killed batch is simply
   * run again (documents already stored are skipped by their content hash). Failures noted with the batch
   * land with it.
   */
  async ingestMany(
    list: Analysis[],
    notes: FailureNotes = {},
  ): Promise<Array<{ stored: boolean; storyId: string }>> {
    return this.db.tx(async (t) => {
      const out = await this.writeBatch(
        t,
        list.map((analysis) => ({ analysis })),
      );
      await writeFailureNotes(t, notes);
      return out;
    });
  }

  /**
   * The body of `ingestMany` for a caller that already holds the transaction (a restore writes a whole
   * backup in one). `as` keeps a restored document's id, story and ingest time.
   */
  async writeBatch(
    t: Db,
    items: Array<{ analysis: Analysis; as?: StoredAs }>,
  ): Promise<Array<{ stored: boolean; storyId: string }>> {
    // Story assignment and corroboration read what earlier batches stored: on PostgreSQL (READ
    // COMMITTED) two workers' batches would not see each other, so they take turns here; the analysis,
    // the expensive part, stays parallel. SQLite's BEGIN IMMEDIATE already gives one writer at a time.
    if (t.dialect === "postgres") await t.all("SELECT pg_advisory_xact_lock(?::bigint)", [INGEST_LOCK]);
    const out: Array<{ stored: boolean; storyId: string }> = [];
    const signatures = new Set<string>();
    for (const it of items) out.push(await this.ingestIn(t, it.analysis, signatures, it.as));
    // Corroboration last, once for each event signature the batch added to.
    await countCorroboration(t, signatures);
    return out;
  }

  /**
   * The provenance of the stored analysis of the document with this content hash, if one is stored (a
   * resumed ingest skips it before analysis, and says when an older orbat analysed it).
   */
  async storedProvenance(contentHash: string): Promise<Analysis["provenance"] | undefined> {
    const rows = await this.db.all<{ analysis: string }>(
      "SELECT analysis FROM documents WHERE content_hash = ?",
      [contentHash],
    );
    return rows.length ? (JSON.parse(rows[0]!.analysis) as Analysis).provenance : undefined;
  }

  /** True when a document with this content hash is stored (a resumed ingest skips it before analysis). */
  async hasContent(contentHash: string): Promise<boolean> {
    return (await this.db.all("SELECT 1 FROM documents WHERE content_hash = ?", [contentHash])).length > 0;
  }

  /** The most recent failures first. */
  async failures(limit = 100): Promise<Failure[]> {
    const rows = await this.db.all<Record<string, unknown>>(
      "SELECT ref, code, message, attempts, first_failed, last_failed FROM failures ORDER BY last_failed DESC, ref LIMIT ?",
      [limit],
    );
    return rows.map((r) => ({
      ref: String(r.ref),
      code: String(r.code),
      message: String(r.message),
      attempts: Number(r.attempts),
      firstFailed: String(r.first_failed),
      lastFailed: String(r.last_failed),
    }));
  }

  /** Records failures and clears references that have since been stored, in one transaction. */
  async noteFailures(notes: FailureNotes): Promise<void> {
    if (notes.failed?.length || notes.cleared?.length) await this.db.tx((t) => writeFailureNotes(t, notes));
  }

  private async ingestIn(
    t: Db,
    a: Analysis,
    signatures: Set<string>,
    as: StoredAs = {},
  ): Promise<{ stored: boolean; storyId: string }> {
    const d = a.document;
    {
      const have = await t.all<{ id: string; story_id: string }>(
        "SELECT id, story_id FROM documents WHERE content_hash = ?",
        [d.contentHash],
      );
      if (have.length > 0) return { stored: false, storyId: have[0]!.story_id };
      const sig = minhash(d.text);
      const bands = [...bandKeys(sig), ...looseBandKeys(sig)];
      const storyId = as.storyId ?? (await this.storyFor(t, sig, bands, d.id));
      let docId = as.docId ?? d.id;
      if ((await t.all("SELECT 1 FROM documents WHERE id = ?", [docId])).length > 0)
        docId = `${docId}~${d.contentHash.slice(0, 8)}`;
      await t.run(
        "INSERT INTO documents (id, content_hash, title, url, source, published_at, language, text, analysis, story_id, minhash, ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        [
          docId,
          d.contentHash,
          d.title,
          d.url ?? null,
          d.source ?? null,
          d.publishedAt,
          d.language,
          d.text,
          JSON.stringify(a),
          storyId,
          sig.join(","),
          as.ingestedAt ?? new Date().toISOString(),
        ],
      );
      if (t.dialect === "sqlite") {
        await t.run(
          "INSERT INTO documents_fts (rowid, title, text) SELECT rowid, title, text FROM documents WHERE id = ?",
          [docId],
        );
      }
      await t.insertRows(
        "lsh (band_key, doc_id)",
        bands.map((b) => [b, docId]),
        "ON CONFLICT DO NOTHING",
      );
      for (const sig of await this.insertDerived(t, docId, a)) signatures.add(sig);
      return { stored: true, storyId };
    }
  }

  /**
   * Writes what an analysis says of a stored document (entities, mentions, events and their arguments,
   * sources, findings, the spatial index) and returns its events' signatures, whose corroboration the
   * caller brings up to date.
   */
  private async insertDerived(t: Db, docId: string, a: Analysis): Promise<string[]> {
    const d = a.document;
    const rows = {
      entities: [] as unknown[][],
      mentions: [] as unknown[][],
      events: [] as unknown[][],
      args: [] as unknown[][],
      sources: a.sources.map((x) => [docId, x.id, x.name, x.type, x.citedBy ?? null]),
      findings: a.findings.map((f, i) => [docId, i, f.kind, f.severity, f.message]),
    };
    const byId = new Map(a.entities.map((e) => [e.id, e]));
    for (const e of a.entities) {
      rows.entities.push([
        docId,
        e.id,
        e.kind,
        e.name,
        e.kbId ?? null,
        e.kind === "actor" ? e.type : e.kind === "place" ? e.featureType : null,
        e.kind === "equipment" ? e.category : null,
        e.kind === "equipment" ? (e.family ?? null) : null,
        e.kind === "place"
          ? e.countryCode
          : e.kind === "actor" || e.kind === "unit"
            ? (e.countryCode ?? null)
            : null,
        e.kind === "place" ? e.lat : e.kind === "actor" ? (e.lat ?? null) : null,
        e.kind === "place" ? e.lon : e.kind === "actor" ? (e.lon ?? null) : null,
        e.confidence,
        e.kind === "place" && e.bbox ? JSON.stringify(e.bbox) : null,
      ]);
      const seen = new Set<string>();
      for (const m of e.mentions) {
        if (seen.has(`${m.start}:${m.end}`)) continue;
        seen.add(`${m.start}:${m.end}`);
        rows.mentions.push([docId, e.id, m.start, m.end, m.text, m.role]);
      }
    }
    const located: Array<[string, number, number]> = [];
    for (const ev of a.events) {
      const place = eventPlace(ev, byId);
      const actorCountry = ev.actors
        .map((id) => byId.get(id))
        .find((x) => x?.kind === "actor" && x.countryCode);
      const lat = place?.kind === "place" ? place.lat : null;
      const lon = place?.kind === "place" ? place.lon : null;
      rows.events.push([
        docId,
        ev.id,
        ev.type,
        ev.cameo.code,
        ev.cameo.label,
        ev.factuality,
        ev.confidence,
        ev.time.start,
        ev.time.end,
        lat,
        lon,
        (place?.kind === "place" ? place.countryCode : null) ??
          (actorCountry?.kind === "actor" ? (actorCountry.countryCode ?? null) : null),
        ev.evidence.start,
        ev.evidence.end,
        ev.evidence.text,
        eventSignature(ev, byId),
        ev.time.start ?? d.publishedAt ?? null,
        JSON.stringify(eventArgs(ev, byId, a)),
        originOf(ev, a, byId),
      ]);
      for (const [role, ids] of [
        ["actor", ev.actors],
        ["equipment", ev.equipment],
        ["place", ev.places],
        ["source", ev.sourceIds],
      ] as const) {
        for (const id of new Set(ids)) rows.args.push([docId, ev.id, role, id]);
      }
      if (lat !== null && lon !== null) located.push([ev.id, lat, lon]);
    }
    // Multi-row inserts: a handful of statements per document instead of hundreds (round trips matter on PostgreSQL).
    await t.insertRows(
      "entities (doc_id, entity_id, kind, name, kb_id, type, category, family, country_code, lat, lon, confidence, bbox)",
      rows.entities,
    );
    await t.insertRows("mentions (doc_id, entity_id, start_offset, end_offset, text, role)", rows.mentions);
    await t.insertRows(
      "events (doc_id, event_id, type, cameo_code, cameo_label, factuality, confidence, time_start, time_end, lat, lon, country_code, evidence_start, evidence_end, evidence_text, signature, event_date, args, origin)",
      rows.events,
    );
    await t.insertRows(
      "event_arguments (doc_id, event_id, role, entity_id)",
      rows.args,
      "ON CONFLICT DO NOTHING",
    );
    await t.insertRows("sources (doc_id, source_id, name, type, cited_by)", rows.sources);
    await t.insertRows("findings (doc_id, idx, kind, severity, message)", rows.findings);
    if (t.dialect === "sqlite") {
      for (const [eventId, lat, lon] of located) {
        await t.run("INSERT INTO events_rtree_map (doc_id, event_id) VALUES (?, ?)", [docId, eventId]);
        await t.run(
          "INSERT INTO events_rtree (id, min_lon, max_lon, min_lat, max_lat) SELECT id, ?, ?, ?, ? FROM events_rtree_map WHERE doc_id = ? AND event_id = ?",
          [lon, lon, lat, lat, docId, eventId],
        );
      }
    }
    return a.events.map((ev) => eventSignature(ev, byId));
  }

  /**
   * Stored documents in id order after `afterId`, with their analyses, `limit` at a time: what
   * `orbat reanalyze` reads to find analyses an older orbat made.
   */
  async storedAnalyses(
    afterId: string | undefined,
    limit: number,
  ): Promise<Array<{ id: string; contentHash: string; analysis: Analysis }>> {
    const rows = await this.db.all<{ id: string; content_hash: string; analysis: string }>(
      `SELECT id, content_hash, analysis FROM documents ${afterId === undefined ? "" : "WHERE id > ?"} ORDER BY id LIMIT ?`,
      afterId === undefined ? [limit] : [afterId, limit],
    );
    return rows.map((r) => ({ id: r.id, contentHash: r.content_hash, analysis: JSON.parse(r.analysis) }));
  }

  /**
   * Replaces a stored document's analysis with a new one of the same text (`orbat reanalyze`), in one
   * transaction: what the old one said goes (entities, mentions, events, arguments, sources, findings, its
   * points in the spatial index), the new one is written as an ingest would, and the corroboration of the
   * events either names is counted again. The document keeps its id, story and ingest time.
   */
  async replaceAnalysis(docId: string, a: Analysis): Promise<void> {
    await this.db.tx(async (t) => {
      // one writer at a time, as for an ingest (see writeBatch)
      if (t.dialect === "postgres") await t.all("SELECT pg_advisory_xact_lock(?::bigint)", [INGEST_LOCK]);
      const have = await t.all<{ text: string }>("SELECT text FROM documents WHERE id = ?", [docId]);
      if (have.length === 0) throw new OrbatError(ErrorCodes.STORE, `no stored document ${docId}`);
      if (have[0]!.text !== a.document.text)
        throw new OrbatError(ErrorCodes.STORE, `the new analysis of ${docId} is not of the stored text`);
      const old = await t.all<{ signature: string }>(
        "SELECT DISTINCT signature FROM events WHERE doc_id = ?",
        [docId],
      );
      if (t.dialect === "sqlite") {
        await t.run(
          "DELETE FROM events_rtree WHERE id IN (SELECT id FROM events_rtree_map WHERE doc_id = ?)",
          [docId],
        );
        await t.run("DELETE FROM events_rtree_map WHERE doc_id = ?", [docId]);
      }
      for (const table of ["event_arguments", "events", "mentions", "entities", "sources", "findings"])
        await t.run(`DELETE FROM ${table} WHERE doc_id = ?`, [docId]);
      const d = a.document;
      await t.run("UPDATE documents SET published_at = ?, language = ?, analysis = ? WHERE id = ?", [
        d.publishedAt,
        d.language,
        JSON.stringify(a),
        docId,
      ]);
      const signatures = new Set([
        ...old.map((r) => r.signature),
        ...(await this.insertDerived(t, docId, a)),
      ]);
      await countCorroboration(t, signatures, true);
    });
  }

  /** The story of the most similar stored document over the LSH bands, or a new story. */
  private async storyFor(t: Db, sig: number[], bands: string[], docId: string): Promise<string> {
    const marks = bands.map(() => "?").join(",");
    const cands = await t.all<{ id: string; story_id: string; minhash: string }>(
      `SELECT DISTINCT d.id, d.story_id, d.minhash FROM lsh l JOIN documents d ON d.id = l.doc_id WHERE l.band_key IN (${marks})`,
      bands,
    );
    let best: { story: string; sim: number } | undefined;
    for (const c of cands) {
      const { same, score } = sameStory(sig, c.minhash.split(",").map(Number));
      if (same && (!best || score > best.sim)) best = { story: c.story_id, sim: score };
    }
    return best?.story ?? `story-${docId}`;
  }

  async stats(): Promise<StoreStats> {
    const n = async (sql: string) => Number((await this.db.all<{ n: number | string }>(sql))[0]?.n ?? 0);
    return {
      documents: await n("SELECT COUNT(*) AS n FROM documents"),
      stories: await n("SELECT COUNT(DISTINCT story_id) AS n FROM documents"),
      events: await n("SELECT COUNT(*) AS n FROM events"),
      distinctEvents: await n("SELECT COUNT(DISTINCT signature) AS n FROM events"),
      entities: await n(
        "SELECT COUNT(*) AS n FROM (SELECT DISTINCT kind, COALESCE(kb_id, name) AS k FROM entities) x",
      ),
      sources: await n(
        "SELECT COUNT(*) AS n FROM (SELECT DISTINCT type, name FROM sources WHERE type <> 'article') x",
      ),
      findings: await n("SELECT COUNT(*) AS n FROM findings"),
      failed: await n("SELECT COUNT(*) AS n FROM failures"),
    };
  }

  async entities(f: { kind?: string; q?: string; limit?: number } = {}): Promise<EntitySummary[]> {
    const where = ["e.kb_id IS NOT NULL"];
    const params: unknown[] = [];
    if (f.kind) {
      where.push("e.kind = ?");
      params.push(f.kind);
    }
    if (f.q) {
      where.push("LOWER(e.name) LIKE ?");
      params.push(`%${f.q.toLowerCase()}%`);
    }
    params.push(f.limit ?? 200);
    const rows = await this.db.all<Record<string, unknown>>(
      `SELECT e.kb_id, e.kind, MIN(e.name) AS name, MIN(e.type) AS type, MIN(e.country_code) AS country_code, COUNT(DISTINCT e.doc_id) AS documents,
        (SELECT COUNT(*) FROM mentions m JOIN entities e2 ON e2.doc_id = m.doc_id AND e2.entity_id = m.entity_id WHERE e2.kb_id = e.kb_id) AS mentions
       FROM entities e WHERE ${where.join(" AND ")} GROUP BY e.kb_id, e.kind ORDER BY COUNT(DISTINCT e.doc_id) DESC, MIN(e.name) LIMIT ?`,
      params,
    );
    return rows.map((r) => ({
      kbId: String(r.kb_id),
      kind: String(r.kind),
      name: String(r.name),
      type: (r.type as string) ?? null,
      countryCode: (r.country_code as string) ?? null,
      documents: Number(r.documents),
      mentions: Number(r.mentions),
    }));
  }

  /** Events that involve a KB entry (as actor, equipment or place): where and when it was reported, by whom. */
  /** The events an entity takes part in (as actor, equipment or place), found by the query itself rather
   * than by filtering a capped list of all events, so none is missed however large the store. */
  async entityEvents(kbId: string, limit = 5000): Promise<EventRow[]> {
    return this.queryEvents({ entity: kbId, limit });
  }

  async stories(limit = 200): Promise<StorySummary[]> {
    const rows = await this.db.all<Record<string, unknown>>(
      "SELECT story_id, COUNT(*) AS documents, MIN(published_at) AS first_published, MIN(title) AS title FROM documents GROUP BY story_id ORDER BY COUNT(*) DESC, MIN(published_at) LIMIT ?",
      [limit],
    );
    const out: StorySummary[] = [];
    for (const r of rows) {
      const src = await this.db.all<{ source: string | null }>(
        "SELECT DISTINCT source FROM documents WHERE story_id = ?",
        [r.story_id],
      );
      out.push({
        id: String(r.story_id),
        documents: Number(r.documents),
        sources: src.map((s) => s.source ?? "unknown").sort(),
        title: (r.title as string) ?? null,
        firstPublished: (r.first_published as string) ?? null,
      });
    }
    return out;
  }

  async feed(url: string): Promise<FeedState | undefined> {
    const r = (await this.db.all<Record<string, unknown>>("SELECT * FROM feeds WHERE url = ?", [url]))[0];
    return r ? feedFromRow(r) : undefined;
  }

  async saveFeed(s: FeedState, t: Db = this.db): Promise<void> {
    await t.run(
      `INSERT INTO feeds (url, etag, last_modified, last_checked, next_check, failures, last_error, items_stored) VALUES (?,?,?,?,?,?,?,?)
       ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, last_checked = excluded.last_checked,
       next_check = excluded.next_check, failures = excluded.failures, last_error = excluded.last_error, items_stored = excluded.items_stored`,
      [s.url, s.etag, s.lastModified, s.lastChecked, s.nextCheck, s.failures, s.lastError, s.itemsStored],
    );
  }

  async addAlert(name: string, filter: EventFilter, target: string): Promise<void> {
    const now = new Date().toISOString();
    await this.db.run(
      "INSERT INTO alerts (name, filter, target, last_checked, created) VALUES (?,?,?,?,?) ON CONFLICT (name) DO UPDATE SET filter = excluded.filter, target = excluded.target",
      [name, JSON.stringify(filter), target, now, now],
    );
  }

  async alerts(): Promise<Alert[]> {
    const rows = await this.db.all<Record<string, string>>(
      "SELECT name, filter, target, last_checked FROM alerts ORDER BY name",
    );
    return rows.map((r) => ({
      name: r.name!,
      filter: JSON.parse(r.filter!) as EventFilter,
      target: r.target!,
      lastChecked: r.last_checked!,
    }));
  }

  async markAlert(name: string, checked: string): Promise<void> {
    await this.db.run("UPDATE alerts SET last_checked = ? WHERE name = ?", [checked, name]);
  }

  async analysis(docId: string): Promise<Analysis | undefined> {
    const rows = await this.db.all<{ analysis: string }>("SELECT analysis FROM documents WHERE id = ?", [
      docId,
    ]);
    return rows[0] ? (JSON.parse(rows[0].analysis) as Analysis) : undefined;
  }

  async queryEvents(f: EventFilter = {}): Promise<EventRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const sqlite = this.db.dialect === "sqlite";
    if (f.type) {
      where.push("e.type = ?");
      params.push(f.type);
    }
    if (f.cameo) {
      where.push("e.cameo_code LIKE ?");
      params.push(`${f.cameo}%`);
    }
    if (f.factuality) {
      where.push("e.factuality = ?");
      params.push(f.factuality);
    }
    if (f.ingestedAfter) {
      where.push("d.ingested_at > ?");
      params.push(f.ingestedAfter);
    }
    if (f.since) {
      where.push("e.event_date >= ?");
      params.push(f.since);
    }
    if (f.until) {
      where.push("e.event_date <= ?");
      params.push(`${f.until}~`);
    }
    if (f.country) {
      where.push(
        "(e.country_code = ? OR EXISTS (SELECT 1 FROM event_arguments a JOIN entities x ON x.doc_id = a.doc_id AND x.entity_id = a.entity_id WHERE a.doc_id = e.doc_id AND a.event_id = e.event_id AND a.role IN ('actor','place') AND x.country_code = ?))",
      );
      params.push(f.country.toUpperCase(), f.country.toUpperCase());
    }
    if (f.entity) {
      where.push(
        "EXISTS (SELECT 1 FROM event_arguments a JOIN entities x ON x.doc_id = a.doc_id AND x.entity_id = a.entity_id WHERE a.doc_id = e.doc_id AND a.event_id = e.event_id AND a.role <> 'source' AND x.kb_id = ?)",
      );
      params.push(f.entity);
    }
    if (f.equipment) {
      where.push(
        "EXISTS (SELECT 1 FROM event_arguments a JOIN entities x ON x.doc_id = a.doc_id AND x.entity_id = a.entity_id WHERE a.doc_id = e.doc_id AND a.event_id = e.event_id AND a.role = 'equipment' AND (LOWER(x.kb_id) = LOWER(?) OR LOWER(x.family) = LOWER(?) OR LOWER(x.name) = LOWER(?) OR LOWER(x.category) = LOWER(?)))",
      );
      params.push(f.equipment, f.equipment, f.equipment, f.equipment);
    }
    if (f.bbox) {
      const [w, s, e, n] = f.bbox;
      if (sqlite) {
        // The R*Tree answers the box once (an uncorrelated subquery SQLite builds a table of), rather than
        // being probed once per candidate event.
        where.push(
          "(e.doc_id, e.event_id) IN (SELECT m.doc_id, m.event_id FROM events_rtree r JOIN events_rtree_map m ON m.id = r.id WHERE r.min_lon >= ? AND r.max_lon <= ? AND r.min_lat >= ? AND r.max_lat <= ?)",
        );
        params.push(w, e, s, n);
      } else if (this.spatial === "postgis") {
        where.push("e.geom && ST_MakeEnvelope(?::float8, ?::float8, ?::float8, ?::float8, 4326)");
        params.push(w, s, e, n);
      } else {
        where.push("e.lat BETWEEN ? AND ? AND e.lon BETWEEN ? AND ?");
        params.push(s, n, w, e);
      }
    }
    if (f.text) {
      if (sqlite) {
        where.push("d.rowid IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)");
        params.push(ftsQuery(f.text));
      } else {
        where.push(
          "to_tsvector('english', coalesce(d.title,'') || ' ' || d.text) @@ plainto_tsquery('english', ?)",
        );
        params.push(f.text);
      }
    }
    const sql = `SELECT * FROM (
      SELECT e.doc_id, e.event_id, e.type, e.cameo_code, e.cameo_label, e.factuality, e.confidence, e.time_start, e.time_end,
        e.lat, e.lon, e.country_code, e.event_date, e.signature, e.args, e.evidence_start, e.evidence_end, ${f.compact ? "''" : "e.evidence_text"} AS evidence_text, d.title, d.url, d.source, d.published_at, d.story_id, e.origin,
        COALESCE(sg.corroboration, 1) AS corroboration, sg.first_reported
      FROM events e JOIN documents d ON d.id = e.doc_id LEFT JOIN event_signatures sg ON sg.signature = e.signature
      ${where.length ? `WHERE ${where.join(" AND ")}` : ""}) q
      ${f.minCorroboration ? "WHERE q.corroboration >= ?" : ""}
      ORDER BY q.event_date DESC, q.doc_id, q.event_id LIMIT ?`;
    if (f.minCorroboration) params.push(f.minCorroboration);
    params.push(f.limit ?? 1000);
    const rows = await this.db.all<Record<string, unknown>>(sql, params);
    return this.withArguments(rows);
  }

  private async withArguments(rows: Record<string, unknown>[]): Promise<EventRow[]> {
    // Rows stored since migration 6 carry their arguments; older rows are joined as before.
    const docIds = [...new Set(rows.filter((r) => !r.args).map((r) => String(r.doc_id)))];
    const args = new Map<
      string,
      Array<{ role: string; name: string; type: string; bbox: string | null; kbId: string | null }>
    >();
    for (let i = 0; i < docIds.length; i += 500) {
      const chunk = docIds.slice(i, i + 500);
      const marks = chunk.map(() => "?").join(",");
      const found = await this.db.all<{
        doc_id: string;
        event_id: string;
        role: string;
        name: string;
        type: string;
        bbox: string | null;
        kb_id: string | null;
      }>(
        `SELECT a.doc_id, a.event_id, a.role, COALESCE(x.name, s.name) AS name, COALESCE(x.type, s.type) AS type, x.bbox, x.kb_id FROM event_arguments a
         LEFT JOIN entities x ON a.role <> 'source' AND x.doc_id = a.doc_id AND x.entity_id = a.entity_id
         LEFT JOIN sources s ON a.role = 'source' AND s.doc_id = a.doc_id AND s.source_id = a.entity_id
         WHERE a.doc_id IN (${marks})`,
        chunk,
      );
      for (const r of found) {
        const k = `${r.doc_id} ${r.event_id}`;
        const list = args.get(k) ?? [];
        list.push({ role: r.role, name: r.name, type: r.type, bbox: r.bbox, kbId: r.kb_id });
        args.set(k, list);
      }
    }
    const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
    return rows.map((r) => {
      const a = args.get(`${r.doc_id} ${r.event_id}`) ?? [];
      const names = (role: string) => a.filter((x) => x.role === role).map((x) => x.name);
      const stored = r.args ? (JSON.parse(String(r.args)) as EventArgs) : undefined;
      return {
        signature: String(r.signature),
        docId: String(r.doc_id),
        eventId: String(r.event_id),
        type: String(r.type),
        cameo: { code: String(r.cameo_code), label: String(r.cameo_label) },
        factuality: String(r.factuality),
        confidence: Number(r.confidence),
        time: { start: (r.time_start as string) ?? null, end: (r.time_end as string) ?? null },
        lat: num(r.lat),
        lon: num(r.lon),
        countryCode: (r.country_code as string) ?? null,
        evidence: {
          start: Number(r.evidence_start),
          end: Number(r.evidence_end),
          text: String(r.evidence_text),
        },
        document: {
          title: (r.title as string) ?? null,
          url: (r.url as string) ?? null,
          source: (r.source as string) ?? null,
          publishedAt: (r.published_at as string) ?? null,
        },
        storyId: String(r.story_id),
        origin: (r.origin as string) ?? null,
        corroboration: Number(r.corroboration),
        firstReported: (r.first_reported as string) ?? null,
        actors: stored?.actors ?? names("actor"),
        equipment: stored?.equipment ?? names("equipment"),
        places: stored?.places ?? names("place"),
        sources:
          stored?.sources ??
          a.filter((x) => x.role === "source").map((x) => ({ name: x.name, type: x.type })),
        areas:
          stored?.areas ??
          a
            .filter((x) => x.role === "place" && x.bbox && AREA_TYPES.has(x.type))
            .map((x) => ({
              name: x.name,
              type: x.type,
              bbox: JSON.parse(x.bbox!) as [number, number, number, number],
            })),
        entityIds: stored?.entityIds ?? [
          ...new Set(a.filter((x) => x.kbId && x.role !== "source").map((x) => x.kbId!)),
        ],
      };
    });
  }
}

type EventArgs = Pick<EventRow, "actors" | "equipment" | "places" | "sources" | "areas" | "entityIds">;

/** The names, sources and areas of an event, as stored with it (see migration 6). */
function eventArgs(ev: Event, byId: Map<string, Entity>, a: Analysis): EventArgs {
  const ents = (ids: string[]) => [...new Set(ids)].map((id) => byId.get(id)).filter((e): e is Entity => !!e);
  const places = ents(ev.places);
  return {
    actors: ents(ev.actors).map((e) => e.name),
    equipment: ents(ev.equipment).map((e) => e.name),
    places: places.map((e) => e.name),
    sources: [...new Set(ev.sourceIds)]
      .map((id) => a.sources.find((s) => s.id === id))
      .filter((s): s is NonNullable<typeof s> => !!s)
      .map((s) => ({ name: s.name, type: s.type })),
    areas: places.flatMap((e) =>
      e.kind === "place" && e.bbox && AREA_TYPES.has(e.featureType)
        ? [{ name: e.name, type: e.featureType, bbox: e.bbox }]
        : [],
    ),
    entityIds: [
      ...new Set(
        ents([...ev.actors, ...ev.equipment, ...ev.places]).flatMap((e) => (e.kbId ? [e.kbId] : [])),
      ),
    ],
  };
}

async function writeFailureNotes(t: Db, notes: FailureNotes): Promise<void> {
  const now = new Date().toISOString();
  for (const f of notes.failed ?? []) {
    await t.run(
      `INSERT INTO failures (ref, code, message, attempts, first_failed, last_failed) VALUES (?,?,?,1,?,?)
       ON CONFLICT (ref) DO UPDATE SET code = excluded.code, message = excluded.message,
       attempts = failures.attempts + 1, last_failed = excluded.last_failed`,
      [f.ref, f.code, f.message, now, now],
    );
  }
  const cleared = notes.cleared ?? [];
  for (let i = 0; i < cleared.length; i += 500) {
    const chunk = cleared.slice(i, i + 500);
    await t.run(`DELETE FROM failures WHERE ref IN (${chunk.map(() => "?").join(",")})`, chunk);
  }
}

/** INSERT of many rows in as few statements as the parameter limits allow. */
/** A feeds row as the FeedState the watcher and backups use. */
export function feedFromRow(r: Record<string, unknown>): FeedState {
  return {
    url: String(r.url),
    etag: (r.etag as string) ?? null,
    lastModified: (r.last_modified as string) ?? null,
    lastChecked: (r.last_checked as string) ?? null,
    nextCheck: (r.next_check as string) ?? null,
    failures: Number(r.failures),
    lastError: (r.last_error as string) ?? null,
    itemsStored: Number(r.items_stored),
  };
}

/** FTS5 query from free text: each word quoted, so user input is never FTS syntax. */
function ftsQuery(text: string): string {
  const words = text.match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.length ? words.map((w) => `"${w}"`).join(" ") : '""';
}

function redact(spec: string): string {
  return spec.replace(/\/\/([^:@/]+):[^@/]+@/, "//$1:***@");
}
