// Query parameters of the API, checked and typed. Anything malformed is a 400 with a message that says what
// the parameter takes; the values reach SQL only as bound parameters (see Store.queryEvents).
import type { EventFilter } from "../store/store.js";
import { ApiError } from "./api-error.js";

type Query = Record<string, string | undefined>;

const STRING_FILTERS = ["country", "type", "cameo", "equipment", "entity", "factuality"] as const;
const MAX_TEXT = 500;
const MAX_NAME = 200;
const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

function badQuery(message: string): ApiError {
  return new ApiError(400, "bad-query", message);
}

/** A positive whole number, capped at `max`; absent or empty gives `fallback`. */
export function countParam(q: Query, name: string, fallback: number, max: number): number {
  const v = q[name];
  if (v === undefined || v === "") return fallback;
  if (!/^\d+$/.test(v) || Number(v) < 1)
    throw badQuery(`${name} takes a whole number from 1 (capped at ${max})`);
  return Math.min(Number(v), max);
}

/** A short free-text parameter; absent or empty gives undefined. */
export function stringParam(q: Query, name: string, max = MAX_NAME): string | undefined {
  const v = q[name];
  if (v === undefined || v === "") return undefined;
  if (v.length > max) throw badQuery(`${name} is longer than ${max} characters`);
  return v;
}

export function filterFromQuery(q: Query, defaultLimit = 5000): EventFilter {
  const f: EventFilter = { limit: countParam(q, "limit", defaultLimit, 20000) };
  for (const k of STRING_FILTERS) {
    const v = stringParam(q, k);
    if (v !== undefined) f[k] = v;
  }
  const text = stringParam(q, "text", MAX_TEXT);
  if (text !== undefined) f.text = text;
  for (const k of ["since", "until"] as const) {
    const v = stringParam(q, k);
    if (v === undefined) continue;
    if (!DATE.test(v)) throw badQuery(`${k} takes a date: YYYY, YYYY-MM or YYYY-MM-DD`);
    f[k] = v;
  }
  const min = q.minCorroboration;
  if (min !== undefined && min !== "") {
    if (!/^\d{1,6}$/.test(min)) throw badQuery("minCorroboration takes a whole number");
    if (Number(min) > 0) f.minCorroboration = Number(min);
  }
  if (q.bbox) f.bbox = bboxParam(q.bbox);
  return f;
}

function bboxParam(v: string): [number, number, number, number] {
  const b = v.split(",").map((x) => (x.trim() === "" ? Number.NaN : Number(x)));
  const [w, s, e, n] = b as [number, number, number, number];
  if (
    b.length !== 4 ||
    b.some((x) => !Number.isFinite(x)) ||
    Math.abs(w) > 180 ||
    Math.abs(e) > 180 ||
    Math.abs(s) > 90 ||
    Math.abs(n) > 90 ||
    s > n
  )
    throw badQuery(
      "bbox takes west,south,east,north in degrees (longitudes within ±180, latitudes within ±90)",
    );
  return [w, s, e, n];
}
