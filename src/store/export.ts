// Exports of query results: GeoJSON (events as points) and CSV (one row per event).
import type { EventRow } from "./store.js";

export function toGeoJson(rows: EventRow[]): Record<string, unknown> {
  return {
    type: "FeatureCollection",
    features: rows
      .filter((r) => r.lat !== null && r.lon !== null)
      .map((r) => ({
        type: "Feature",
        id: `${r.docId}/${r.eventId}`,
        geometry: { type: "Point", coordinates: [r.lon, r.lat] },
        properties: {
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
      })),
  };
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
