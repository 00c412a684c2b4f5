// "50 km south of Maracaibo", "about 30 miles north-east of the port of Tartus": a distance and a compass
// direction from a place the text names. The point they describe is worked out from that place's
// coordinates and kept as a place of its own, saying what it was worked out from; the named place keeps
// its own mention. Without a distance ("north of Kyiv") or a direction ("12 nautical miles off Taiwan")
// there is no point to work out, and nothing is added.
import type { Entity, PlaceEntity } from "../../core/analysis.js";
import type { EntityTable, MentionRecord } from "../entity-table.js";

/** Kilometres in one unit. "Miles" are statute miles unless written "nautical". */
const UNIT_KM: Record<string, number> = {
  km: 1,
  kms: 1,
  kilometre: 1,
  kilometres: 1,
  kilometer: 1,
  kilometers: 1,
  mile: 1.609344,
  miles: 1.609344,
  mi: 1.609344,
  "nautical mile": 1.852,
  "nautical miles": 1.852,
  nm: 1.852,
};

/** Compass bearings in degrees, by the direction's letters ("north-east" is "northeast"). */
const BEARINGS: Record<string, number> = {
  north: 0,
  northeast: 45,
  east: 90,
  southeast: 135,
  south: 180,
  southwest: 225,
  west: 270,
  northwest: 315,
};

/**
 * Ends right before the place's mention: "(about) 40(-50) km (25 miles) (to the) south-east of (the port city
 * of)", the unit's conversion in brackets as the wires write it.
 * Groups: 1 the distance, 2 the upper end of a range, 3 the unit, 4 the direction.
 */
const BEFORE_PLACE =
  /(?<![\w.,])(\d{1,4}(?:\.\d+)?)(?:\s*(?:-|–|to)\s*(\d{1,4}(?:\.\d+)?))?[\s-]?(km|kms|kilomet(?:re|er)s?|(?:nautical\s+)?miles?|mi|nm)(?:\s*\((?:about\s+|some\s+|around\s+)?[\d.,]+\s*(?:km|kms|kilomet(?:re|er)s?|(?:nautical\s+)?miles?|mi|nm)\))?\s+(?:to\s+the\s+)?((?:north|south)(?:[\s-]?(?:east|west))?|east|west)(?:ward)?\s+of\s+(?:the\s+(?:[a-z]+\s+){0,2}of\s+|the\s+)?$/i;

/** Places too large for a distance from their reference point to mean anything. */
const TOO_LARGE = new Set(["country", "continent", "ocean", "sea", "region", "admin1", "disputed-region"]);

const R_KM = 6371.0088;

/** The largest extent (km) of a state or province a distance may be measured from: an island group, a city state. */
const MAX_EDGE_SPAN_KM = 250;

/** The diagonal of a bounding box (west, south, east, north), in km, roughly. */
function spanKm([w, s, e, n]: readonly [number, number, number, number]): number {
  const dy = (n - s) * 111.2;
  const dx = (e - w) * 111.2 * Math.cos((((n + s) / 2) * Math.PI) / 180);
  return Math.hypot(dx, dy);
}

/** The point of a box's edge toward a compass bearing: north is the middle of its north edge. */
function edgeToward(
  [w, s, e, n]: readonly [number, number, number, number],
  lat: number,
  lon: number,
  bearing: number,
): { lat: number; lon: number } {
  const rad = (bearing * Math.PI) / 180;
  const ns = Math.round(Math.cos(rad) * 10) / 10;
  const ew = Math.round(Math.sin(rad) * 10) / 10;
  return { lat: ns > 0 ? n : ns < 0 ? s : lat, lon: ew > 0 ? e : ew < 0 ? w : lon };
}

/** The point `km` away from lat/lon on the initial bearing `deg` (great circle). */
export function destination(lat: number, lon: number, km: number, deg: number): { lat: number; lon: number } {
  const r = Math.PI / 180;
  const d = km / R_KM;
  const b = deg * r;
  const p1 = lat * r;
  const p2 = Math.asin(Math.sin(p1) * Math.cos(d) + Math.cos(p1) * Math.sin(d) * Math.cos(b));
  const l2 =
    lon * r + Math.atan2(Math.sin(b) * Math.sin(d) * Math.cos(p1), Math.cos(d) - Math.sin(p1) * Math.sin(p2));
  const round = (x: number) => Math.round(x * 1e5) / 1e5;
  return { lat: round(p2 / r), lon: round(((l2 / r + 540) % 360) - 180) };
}

export function findRelativePlaces(text: string, table: EntityTable): void {
  // the mentions there were before this loop (it only adds to the list): no copy of the list needed
  const n = table.mentions.length;
  for (let i = 0; i < n; i++) addRelativeBefore(text, table, table.mentions[i]!);
}

/**
 * The point a distance and direction before mention m describe, added to the table. A function of its
 * own: its closure inside the loop above would make V8 allocate a context for every mention.
 */
function addRelativeBefore(text: string, table: EntityTable, m: MentionRecord): void {
  if (m.role !== "literal") return;
  const anchor = table.get(m.entityId);
  if (anchor?.kind !== "place") return;
  // "30 nautical miles north of the Shetland Islands": a small state or province, measured from its edge
  const small = anchor.featureType === "admin1" && !!anchor.bbox && spanKm(anchor.bbox) <= MAX_EDGE_SPAN_KM;
  if (TOO_LARGE.has(anchor.featureType) && !small) return;
  // the phrase ends in "of" or "the" and a space right before the place: a cheap test before the pattern
  let k = m.start;
  while (k > 0 && /\s/.test(text[k - 1]!)) k--;
  const word = text.slice(Math.max(0, k - 3), k).toLowerCase();
  if (k === m.start || !(word.endsWith("of") || word.endsWith("the"))) return;
  const from = Math.max(0, m.start - 90);
  const found = BEFORE_PLACE.exec(text.slice(from, m.start));
  if (!found) return;
  const unit = found[3]!.toLowerCase().replace(/\s+/g, " ");
  const low = Number(found[1]);
  const high = found[2] ? Number(found[2]) : low;
  if (!(high >= low) || high === 0) return;
  const km = ((low + high) / 2) * UNIT_KM[unit]!;
  const direction = found[4]!.toLowerCase().replace(/[\s-]/g, "");
  const bearing = BEARINGS[direction]!;
  const start = from + found.index;
  const origin = small ? edgeToward(anchor.bbox!, anchor.lat, anchor.lon, bearing) : anchor;
  const point = destination(origin.lat, origin.lon, km, bearing);
  const phrase = text.slice(start, m.end);
  const distance = Math.round(km * 10) / 10;
  // the further from the named place, the less the point says: the direction is a compass point (±22.5°)
  // and the distance is often rounded
  const confidence = Math.round(Math.min(anchor.confidence, 0.9) * (km <= 50 ? 0.8 : 0.7) * 100) / 100;
  table.add(
    `relative:${anchor.kbId ?? anchor.id}:${distance}:${bearing}`,
    () => relativePlace(anchor, point, distance, direction, confidence),
    {
      start,
      end: m.end,
      text: phrase,
      role: "literal",
      confidence,
      evidence: [
        {
          rule: "distance-and-direction",
          detail: `${distance} km at ${bearing}° from ${anchor.kbId ?? anchor.name}`,
        },
      ],
    },
    m.sentence,
  );
}

function relativePlace(
  anchor: PlaceEntity,
  point: { lat: number; lon: number },
  distanceKm: number,
  direction: string,
  confidence: number,
): Omit<PlaceEntity, "id" | "mentions"> {
  return {
    kind: "place",
    name: `${distanceKm} km ${direction} of ${anchor.name}`,
    lat: point.lat,
    lon: point.lon,
    countryCode: anchor.countryCode,
    featureType: "relative-position",
    confidence,
    relativeTo: {
      entityId: anchor.id,
      ...(anchor.kbId ? { kbId: anchor.kbId } : {}),
      name: anchor.name,
      distanceKm,
      bearingDeg: BEARINGS[direction]!,
    },
  };
}

/** Whether an entity is a point worked out from another place. */
export const isRelativePlace = (e: Entity | undefined): boolean =>
  e?.kind === "place" && e.featureType === "relative-position";
