// Exports of query results: GeoJSON (events and the places they name, as points) and CSV (one row per event).
import type { EventRow } from "./store.js";

/** A place of the knowledge base, as the GeoJSON export needs it. */
export interface ExportPlace {
  id: string;
  name: string;
  type: string;
  cc?: string | null;
  lat: number;
  lon: number;
}

/**
 * Events as points (at their most specific place), and, when the knowledge base is at hand, each place the
 * events name as a point of its own with the events that name it: a map layer of where the reporting is.
 * Features say which they are in `properties.kind` ("event" or "place").
 */
export function toGeoJson(
  rows: EventRow[],
  placeOf?: (kbId: string) => ExportPlace | undefined,
): Record<string, unknown> {
  const events = rows
    .filter((r) => r.lat !== null && r.lon !== null)
    .map((r) => ({
      type: "Feature",
      id: `${r.docId}/${r.eventId}`,
      geometry: { type: "Point", coordinates: [r.lon, r.lat] },
      properties: {
        kind: "event",
        type: r.type,
        cameo: r.cameo.code,
        cameoLabel: r.cameo.label,
        factuality: r.factuality,
        confidence: r.confidence,
        timeStart: r.time.start,
        timeEnd: r.time.end,
        countryCode: r.countryCode,
        actors: r.actors,
        equipment: r.equipment,
        places: r.places,
        sources: r.sources.map((s) => s.name),
        corroboration: r.corroboration,
        firstReported: r.firstReported,
        evidence: r.evidence.text,
        title: r.document.title,
        url: r.document.url,
        publishedAt: r.document.publishedAt,
      },
    }));
  const places = new Map<string, { place: ExportPlace; events: string[] }>();
  if (placeOf)
    for (const r of rows)
      for (const id of r.entityIds) {
        let p = places.get(id);
        if (!p) {
          const place = placeOf(id);
          if (!place) continue;
          p = { place, events: [] };
          places.set(id, p);
        }
        p.events.push(`${r.docId}/${r.eventId}`);
      }
  const placeFeatures = [...places.values()].map(({ place: p, events: ids }) => ({
    type: "Feature",
    id: `place/${p.id}`,
    geometry: { type: "Point", coordinates: [p.lon, p.lat] },
    properties: {
      kind: "place",
      kbId: p.id,
      name: p.name,
      featureType: p.type,
      countryCode: p.cc ?? null,
      events: ids.length,
      eventIds: ids,
    },
  }));
  return { type: "FeatureCollection", features: [...events, ...placeFeatures] };
}

const CSV_COLUMNS = [
  "doc_id",
  "event_id",
  "type",
  "cameo",
  "factuality",
  "confidence",
  "time_start",
  "time_end",
  "lat",
  "lon",
  "country",
  "actors",
  "equipment",
  "places",
  "sources",
  "corroboration",
  "first_reported",
  "title",
  "url",
  "published_at",
  "evidence",
];

function cell(v: unknown): string {
  const s = v === null || v === undefined ? "" : Array.isArray(v) ? v.join("; ") : String(v);
  // Quote always; neutralise formula injection for spreadsheet users.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return `"${safe.replace(/"/g, '""')}"`;
}

export function toCsv(rows: EventRow[]): string {
  const lines = [CSV_COLUMNS.join(",")];
  for (const r of rows) {
    lines.push(
      [
        r.docId,
        r.eventId,
        r.type,
        r.cameo.code,
        r.factuality,
        r.confidence,
        r.time.start,
        r.time.end,
        r.lat,
        r.lon,
        r.countryCode,
        r.actors,
        r.equipment,
        r.places,
        r.sources.map((s) => s.name),
        r.corroboration,
        r.firstReported,
        r.document.title,
        r.document.url,
        r.document.publishedAt,
        r.evidence.text,
      ]
        .map(cell)
        .join(","),
    );
  }
  return `${lines.join("\n")}\n`;
}
