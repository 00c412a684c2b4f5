// A content fingerprint of a store, read straight from its tables (SQLite file or PostgreSQL URL): more than
// the `orbat stats` counts, so "the same store" means the same documents, events, entities, stories,
// sources, corroboration and failures, with no duplicates and nothing missing. Sorted in JavaScript, so
// the two backends' collations do not matter.
import { createHash } from "node:crypto";
import { openDb } from "../src/store/db.js";

export interface Fingerprint {
  /** "id content-hash" */
  documents: string[];
  /** "id story-id": story labels depend on ingest order, so runs in another order compare `stories` */
  storyIds: string[];
  /** story membership: each story's sorted document ids */
  stories: string[];
  events: string[];
  eventArguments: number;
  entities: string[];
  mentions: number;
  sources: string[];
  findings: number;
  /** "signature corroboration first-reported" */
  signatures: string[];
  lsh: number;
  /** "ref code message" (attempts and times differ between runs) */
  failures: string[];
  /** "id sha256(stored Analysis)": equal only for the same stored bytes (timings differ between runs) */
  analyses: string[];
  /** "id ingested-at" */
  ingested: string[];
}

const sorted = (rows: Array<Record<string, unknown>>, cols: string[]) =>
  rows.map((r) => cols.map((c) => String(r[c] ?? "")).join(" ")).sort();

export async function fingerprint(spec: string): Promise<Fingerprint> {
  const db = openDb(spec);
  try {
    const all = (sql: string) => db.all<Record<string, unknown>>(sql);
    const count = async (table: string) => Number((await all(`SELECT COUNT(*) AS n FROM ${table}`))[0]!.n);
    const docs = await all("SELECT id, content_hash, story_id, analysis, ingested_at FROM documents");
    const byStory = new Map<string, string[]>();
    for (const d of docs)
      byStory.set(String(d.story_id), [...(byStory.get(String(d.story_id)) ?? []), String(d.id)]);
    return {
      documents: sorted(docs, ["id", "content_hash"]),
      storyIds: sorted(docs, ["id", "story_id"]),
      stories: [...byStory.values()].map((ids) => ids.sort().join(",")).sort(),
      events: sorted(
        await all("SELECT doc_id, event_id, type, cameo_code, factuality, signature, event_date FROM events"),
        ["doc_id", "event_id", "type", "cameo_code", "factuality", "signature", "event_date"],
      ),
      eventArguments: await count("event_arguments"),
      entities: sorted(await all("SELECT doc_id, entity_id, kind, name, kb_id FROM entities"), [
        "doc_id",
        "entity_id",
        "kind",
        "name",
        "kb_id",
      ]),
      mentions: await count("mentions"),
      sources: sorted(await all("SELECT doc_id, source_id, name, type, cited_by FROM sources"), [
        "doc_id",
        "source_id",
        "name",
        "type",
        "cited_by",
      ]),
      findings: await count("findings"),
      signatures: sorted(await all("SELECT signature, corroboration, first_reported FROM event_signatures"), [
        "signature",
        "corroboration",
        "first_reported",
      ]),
      lsh: await count("lsh"),
      failures: sorted(await all("SELECT ref, code, message FROM failures"), ["ref", "code", "message"]),
      analyses: docs
        .map((d) => `${d.id} ${createHash("sha256").update(String(d.analysis)).digest("hex")}`)
        .sort(),
      ingested: sorted(docs, ["id", "ingested_at"]),
    };
  } finally {
    await db.close();
  }
}

/** The parts two separate runs over the same input must agree on (not stored bytes or times). */
export function content(f: Fingerprint, o: { storyLabels: boolean }) {
  const { analyses: _a, ingested: _i, storyIds, ...rest } = f;
  return o.storyLabels ? { ...rest, storyIds } : rest;
}
