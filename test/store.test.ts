// One conformance suite, run against both store backends: a real SQLite file and a real PostgreSQL server.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyzeRaw } from "../src/analyze.js";
import type { Analysis } from "../src/core/analysis.js";
import { fixtureDocument, loadFixtures } from "../src/eval/fixtures.js";
import { EXTRACTION_STAGES } from "../src/stages/index.js";
import { toCsv, toGeoJson } from "../src/store/export.js";
import { mergeRows } from "../src/store/merge.js";
import { StixBundle, toStix } from "../src/store/stix.js";
import { Store } from "../src/store/store.js";
import { kb } from "./helpers.js";
import { type PgServer, pgAvailable, startPg } from "./pg-server.js";

const fixtures = loadFixtures();
const analyses: Analysis[] = fixtures.map((g) => analyzeRaw(fixtureDocument(g), kb));

/** A wire story and two syndicated copies (retitled, trimmed), plus an independent report of the same event. */
const wire =
  "MOSCOW - Russia has deployed S-400 air-defence systems to Kaliningrad, the defence ministry said on Monday. The systems were moved from the Leningrad region by rail over the weekend and will remain on combat duty, a ministry spokesman said. Neighbouring Lithuania and Poland said they were monitoring the movement closely and had informed NATO allies.";
const copies = [
  { id: "wire-1", title: "Russia deploys S-400 to Kaliningrad", text: wire, source: "Atlas Wire" },
  {
    id: "copy-1",
    title: "Russia moves air defences to Kaliningrad",
    text: wire.replace(" and had informed NATO allies", ""),
    source: "Daily One",
  },
  {
    id: "copy-2",
    title: "S-400 systems in Kaliningrad",
    text: `${wire} Moscow gave no reason for the move.`,
    source: "Daily Two",
  },
  {
    id: "indep-1",
    title: "Satellite images show S-400 in Kaliningrad",
    text: "Satellite images reviewed by Naval News show that Russia has deployed S-400 air-defence systems to Kaliningrad on Monday, with launchers visible near the port of Baltiysk and radar vehicles parked beside them.",
    source: "Naval News",
  },
];
/** Two independent reports of one event, for re-analysis. */
const reports = [
  {
    id: "reanalyze-a",
    title: "Latvia moves air defences to Ventspils",
    source: "Baltic Desk",
    text: "RIGA - Latvia deployed IRIS-T SLM air-defence systems to Ventspils on Monday, the defence ministry said. The batteries will protect the port and its fuel terminals.",
  },
  {
    id: "reanalyze-b",
    title: "Air defences arrive at Ventspils port",
    source: "Harbour Watch",
    text: "Photographs published by a local newspaper show that Latvia deployed IRIS-T SLM air-defence systems to Ventspils on Monday, with launchers parked near the grain terminal.",
  },
];
/** A wire's own story, two articles that only relay it, and a report of the outlet's own: two independent reports. */
const relays = [
  {
    id: "relay-wire",
    url: "https://www.reuters.com/world/europe/latvia-air-defence",
    source: "Reuters",
    title: "Latvia moves air defences to Liepaja",
    text: "RIGA (Reuters) - Latvia deployed IRIS-T SLM air-defence systems to Liepaja on Monday, the defence ministry said. The batteries will protect the naval base and its fuel depots.",
  },
  {
    id: "relay-1",
    source: "Baltic Desk",
    title: "Liepaja gets air defences",
    text: "Latvia deployed IRIS-T SLM air-defence systems to Liepaja on Monday, Reuters reported, citing the defence ministry. Local officials welcomed the move in a short statement.",
  },
  {
    id: "relay-2",
    source: "Harbour Watch",
    title: "Air defence at the naval base",
    text: "According to Reuters, Latvia deployed IRIS-T SLM air-defence systems to Liepaja on Monday. The town's mayor said residents had been told in advance.",
  },
  {
    id: "relay-own",
    source: "Coast Watch",
    title: "Launchers seen at Liepaja",
    text: "Photographs taken by our reporter show that Latvia deployed IRIS-T SLM air-defence systems to Liepaja on Monday, with launchers parked near the harbour.",
  },
];
const syndicated = copies.map((c) => analyzeRaw({ ...c, format: "text", publishedAt: "2025-03-11" }, kb));

type Backend = { name: string; open: () => Promise<Store>; teardown?: () => void };
const backends: Backend[] = [
  { name: "sqlite", open: () => Store.open(join(mkdtempSync(join(tmpdir(), "orbat-store-")), "orbat.db")) },
];
let pg: PgServer | undefined;
if (pgAvailable() || process.env.CI) {
  backends.push({ name: "postgres", open: () => Store.open(pg!.url) });
}

beforeAll(async () => {
  if (backends.some((b) => b.name === "postgres")) pg = await startPg();
}, 120_000);
afterAll(() => pg?.stop());

describe.each(backends)("store conformance: $name", (backend) => {
  let store: Store;
  beforeAll(async () => {
    store = await backend.open();
    for (const a of analyses) await store.ingest(a);
  }, 120_000);
  afterAll(async () => store?.close());

  it("stores every document, event, entity and source", async () => {
    const s = await store.stats();
    expect(s.documents).toBe(analyses.length);
    expect(s.events).toBe(analyses.reduce((n, a) => n + a.events.length, 0));
    expect(s.sources).toBeGreaterThan(0);
    expect(s.entities).toBeGreaterThan(100);
  });

  it("ingesting the same documents again changes nothing", async () => {
    const before = await store.stats();
    for (const a of analyses.slice(0, 10)) expect((await store.ingest(a)).stored).toBe(false);
    expect(await store.stats()).toEqual(before);
  });

  it("keeps the full Analysis, byte for byte", async () => {
    const a = analyses[0]!;
    expect(await store.analysis(a.document.id)).toEqual(a);
  });

  it("filters by type, country, time, factuality and equipment", async () => {
    const deployments = await store.queryEvents({ type: "deployment" });
    expect(deployments.length).toBeGreaterThan(5);
    expect(deployments.every((e) => e.type === "deployment")).toBe(true);
    const ru = await store.queryEvents({ country: "RU" });
    expect(ru.length).toBeGreaterThan(0);
    const since = await store.queryEvents({ since: "2025-01-01", until: "2025-12-31" });
    expect(since.every((e) => (e.time.start ?? e.document.publishedAt ?? "") >= "2025-01-01")).toBe(true);
    const hedged = await store.queryEvents({ factuality: "reported" });
    expect(hedged.every((e) => e.factuality === "reported")).toBe(true);
    const s400 = await store.queryEvents({ equipment: "s-400" });
    expect(s400.every((e) => e.equipment.some((n) => /S-400/.test(n)))).toBe(true);
  });

  it("lists an entity's events through the query, all of them", async () => {
    const viaEntity = await store.entityEvents("s-400-triumf");
    expect(viaEntity.length).toBeGreaterThan(0);
    expect(viaEntity.every((e) => e.equipment.some((n) => /S-400/.test(n)))).toBe(true);
    const scan = (await store.queryEvents({ limit: 1_000_000 })).filter((e) =>
      e.equipment.some((n) => /S-400/.test(n)),
    );
    expect(viaEntity.map((e) => `${e.docId} ${e.eventId}`).sort()).toEqual(
      scan.map((e) => `${e.docId} ${e.eventId}`).sort(),
    );
    expect(await store.entityEvents("no-such-entity")).toEqual([]);
  });

  it("filters by bounding box and by full text", async () => {
    const caribbean = await store.queryEvents({ bbox: [-90, 5, -55, 25] });
    expect(caribbean.length).toBeGreaterThan(0);
    expect(caribbean.every((e) => e.lat! >= 5 && e.lat! <= 25 && e.lon! >= -90 && e.lon! <= -55)).toBe(true);
    const text = await store.queryEvents({ text: "Pechora" });
    expect(text.length).toBeGreaterThan(0);
    expect(await store.queryEvents({ text: 'zzqx") OR 1=1 --' })).toEqual([]);
  });

  it("answers a bounding box with its spatial index, finding exactly the events inside it", async () => {
    if (backend.name === "sqlite") expect(store.spatial).toBe("rtree");
    else {
      const postgis = await store.db.all("SELECT 1 FROM pg_available_extensions WHERE name = 'postgis'");
      expect(store.spatial).toBe(postgis.length > 0 ? "postgis" : "plain");
    }
    const all = await store.queryEvents({ limit: 10_000 });
    const box: [number, number, number, number] = [20, 40, 50, 60];
    const inside = all.filter(
      (e) => e.lat !== null && e.lat >= 40 && e.lat <= 60 && e.lon! >= 20 && e.lon! <= 50,
    );
    expect(inside.length).toBeGreaterThan(0);
    const got = await store.queryEvents({ bbox: box, limit: 10_000 });
    const key = (e: { docId: string; eventId: string }) => `${e.docId}/${e.eventId}`;
    expect(got.map(key).sort()).toEqual(inside.map(key).sort());
  });

  it("returns each event with its evidence, sources and arguments", async () => {
    const [e] = await store.queryEvents({ type: "deployment", limit: 1 });
    expect(e!.evidence.text.length).toBeGreaterThan(10);
    expect(e!.sources.length).toBeGreaterThan(0);
    expect(toGeoJson([e!]).type).toBe("FeatureCollection");
    // with the knowledge base at hand, the places the events name are a layer of their own
    const geo = toGeoJson(await store.queryEvents({}), (id) => kb.place(id)) as {
      features: Array<{ geometry: { coordinates: number[] }; properties: Record<string, unknown> }>;
    };
    const placeFeatures = geo.features.filter((f) => f.properties.kind === "place");
    expect(placeFeatures.length).toBeGreaterThan(10);
    expect(
      placeFeatures.every((f) => (f.properties.eventIds as string[]).length === f.properties.events),
    ).toBe(true);
    expect(geo.features.filter((f) => f.properties.kind === "event").length).toBeGreaterThan(10);
    for (const f of placeFeatures.slice(0, 20)) {
      const p = kb.place(f.properties.kbId as string)!;
      expect(f.geometry.coordinates).toEqual([p.lon, p.lat]);
    }
    const all = await store.queryEvents({});
    const bundle = toStix(all);
    expect(StixBundle.safeParse(bundle).success).toBe(true);
    const types = new Set(bundle.objects.map((o) => o.type));
    for (const t of ["report", "location", "identity", "note"]) expect(types.has(t as never)).toBe(true);
    const ids = new Set(bundle.objects.map((o) => o.id));
    for (const o of bundle.objects)
      if ("object_refs" in o) for (const r of o.object_refs) expect(ids.has(r)).toBe(true);
    expect(toStix(all).objects.map((o) => o.id)).toEqual(bundle.objects.map((o) => o.id));
    expect(toCsv([e!]).split("\n")[0]).toMatch(/^doc_id,event_id,type/);
  });

  it("counts a syndicated story once and independent reports separately", async () => {
    for (const a of syndicated) await store.ingest(a);
    const rows = await store.queryEvents({ text: "Kaliningrad", type: "deployment" });
    const wireRows = rows.filter((r) => ["wire-1", "copy-1", "copy-2"].includes(r.docId));
    expect(new Set(wireRows.map((r) => r.storyId)).size).toBe(1);
    const indep = rows.find((r) => r.docId === "indep-1");
    expect(indep?.storyId).not.toBe(wireRows[0]?.storyId);
    const s400 = rows.filter(
      (r) => r.equipment.some((n) => /S-400/.test(n)) && r.time.start === "2025-03-10",
    );
    expect(Math.max(...s400.map((r) => r.corroboration))).toBe(2);
    const merged = mergeRows(rows, (r) => r.signature).find((m) =>
      m.tellings.some((t) => t.docId === "indep-1"),
    );
    expect(merged?.stories).toBe(2);
    expect(new Set(merged!.tellings.map((t) => t.docId)).size).toBeGreaterThanOrEqual(2);
    const byEntity = await store.queryEvents({ entity: "s-400-triumf" });
    expect(byEntity.length).toBeGreaterThan(0);
    expect(byEntity.every((r) => r.equipment.some((n) => /S-400/.test(n)))).toBe(true);
  });

  it("counts articles that relay a wire as the wire's report, not as reports of their own", async () => {
    for (const r of relays)
      await store.ingest(analyzeRaw({ ...r, format: "text", publishedAt: "2025-06-10" }, kb));
    const rows = (await store.queryEvents({ text: "Liepaja", type: "deployment" })).filter((r) =>
      r.docId.startsWith("relay-"),
    );
    const byDoc = new Map(rows.map((r) => [r.docId, r]));
    expect(byDoc.get("relay-wire")?.origin).toBe("own:reuters");
    expect(byDoc.get("relay-1")?.origin).toBe("relay:reuters");
    expect(byDoc.get("relay-2")?.origin).toBe("relay:reuters");
    // four stories, one signature: the wire and its two relays are one report, the photographs another
    expect(new Set(rows.map((r) => r.storyId)).size).toBe(4);
    expect(new Set(rows.map((r) => r.signature)).size).toBe(1);
    expect(rows.every((r) => r.corroboration === 2)).toBe(true);
    const [merged] = mergeRows(rows, (r) => r.signature);
    expect(merged?.stories).toBe(4);
    expect(merged?.reports).toBe(2);
    expect((await store.queryEvents({ text: "Liepaja", minCorroboration: 3 })).length).toBe(0);
  });

  it("analyses a stored document again: the old analysis's rows go, the new one's are stored as an ingest stores them", async () => {
    // two independent reports of one event; the second was stored by an "older orbat" that found no events
    const first = analyzeRaw({ ...reports[0]!, format: "text", publishedAt: "2025-06-03" }, kb);
    const raw = { ...reports[1]!, format: "text" as const, publishedAt: "2025-06-03" };
    const fresh = analyzeRaw(raw, kb);
    const old = analyzeRaw(raw, kb, {}, EXTRACTION_STAGES);
    old.provenance.pipeline = "older";
    expect(old.events).toEqual([]);
    expect(fresh.events.length).toBeGreaterThan(0);
    await store.ingest(first);
    await store.ingest(old);
    const before = await store.stats();
    const corroborated = async () =>
      Math.max(0, ...(await store.queryEvents({ text: "Ventspils" })).map((r) => r.corroboration));
    expect(await corroborated()).toBe(1);
    const box: [number, number, number, number] = [21.0, 57.0, 22.0, 57.8];
    const inBox = async () => (await store.queryEvents({ bbox: box })).filter((r) => r.docId === raw.id);

    await store.replaceAnalysis(raw.id, fresh);
    const after = await store.stats();
    expect(after.documents).toBe(before.documents);
    expect(after.events).toBe(before.events + fresh.events.length);
    expect(await store.analysis(raw.id)).toEqual(fresh);
    expect(await corroborated()).toBe(2);
    const mine = (await store.queryEvents({ text: "Ventspils" })).filter((r) => r.docId === raw.id);
    expect(mine.map((r) => r.eventId).sort()).toEqual(fresh.events.map((e) => e.id).sort());
    expect(mine.every((r) => r.places.length > 0 && r.sources.length > 0)).toBe(true);
    expect((await inBox()).length).toBeGreaterThan(0);

    // and back: nothing of the newer analysis is left, and the corroboration is counted down again
    await store.replaceAnalysis(raw.id, old);
    expect(await store.stats()).toEqual(before);
    expect(await corroborated()).toBe(1);
    expect(await inBox()).toEqual([]);
    await expect(store.replaceAnalysis(raw.id, first)).rejects.toThrow(/not of the stored text/);
    await expect(store.replaceAnalysis("no-such-document", fresh)).rejects.toThrow(/no stored document/);
  });
});
