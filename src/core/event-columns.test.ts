// The columnar event list decodes to exactly the rows that were encoded, and is much smaller.
import { describe, expect, it } from "vitest";
import { type CompactEvent, decodeEvents, encodeEvents } from "./event-columns.js";

const row = (i: number): CompactEvent => ({
  docId: `doc-${i % 7}`,
  eventId: `ev${i}`,
  type: i % 2 ? "deployment" : "attack",
  cameo: { code: i % 2 ? "154" : "195" },
  factuality: "reported",
  confidence: 0.71,
  time: { start: i % 3 ? "2025-10-05" : null },
  lat: i % 5 ? Number((44.6 + i / 1000).toFixed(3)) : null,
  lon: i % 5 ? 33.5 : null,
  corroboration: (i % 4) + 1,
  places: ["Sevastopol", "Crimea"],
  actors: i % 2 ? ["Russia"] : [],
  equipment: ["S-400 Triumf"],
  areas: i % 2 ? [{ name: "Black Sea", type: "sea", bbox: [27.4, 40.9, 41.8, 46.8] }] : [],
  document: { title: i % 7 ? `Title ${i % 7}` : null, publishedAt: "2025-10-07" },
});

describe("event columns", () => {
  it("round-trips rows, nulls and empty lists included", () => {
    const rows = Array.from({ length: 50 }, (_, i) => row(i));
    expect(decodeEvents(JSON.parse(JSON.stringify(encodeEvents(rows))))).toEqual(rows);
  });
  it("stores each repeated string once", () => {
    const rows = Array.from({ length: 1000 }, (_, i) => row(i));
    const columns = JSON.stringify(encodeEvents(rows));
    expect(columns.length).toBeLessThan(JSON.stringify(rows).length / 3);
    expect(encodeEvents(rows).strings.filter((s) => s === "Sevastopol")).toHaveLength(1);
  });
  it("rounds coordinates to four decimals (about 11 m)", () => {
    const c = encodeEvents([{ ...row(1), lat: 44.616123456, lon: 33.525987654 }]);
    expect([c.lat[0], c.lon[0]]).toEqual([44.6161, 33.526]);
  });
  it("refuses an unknown format", () => {
    expect(() => decodeEvents({ format: "other" } as never)).toThrow(/unknown event list format/);
  });
});
