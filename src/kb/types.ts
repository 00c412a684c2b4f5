// Source-data shapes (validated when the KB is compiled) and the compiled, loadable KB.
import { z } from "zod";

/** Military sites: a kind of place the KB counts on its own. */
export const SITE_TYPES = [
  "naval-base",
  "shipyard",
  "air-base",
  "army-base",
  "test-range",
  "training-ground",
  "space-launch",
  "nuclear-site",
  "missile-base",
  "airport",
] as const;

export const FEATURE_TYPES = [
  "country",
  "capital",
  "city",
  "admin1",
  "ocean",
  "sea",
  "gulf",
  "bay",
  "strait",
  "channel",
  "canal",
  "lake",
  "river",
  "sound",
  "lagoon",
  "coast",
  "peninsula",
  "island",
  "archipelago",
  "cape",
  "mountain-range",
  "desert",
  "plain",
  "valley",
  "plateau",
  "basin",
  "region",
  "disputed-region",
  "military-district",
  "border-area",
  "continent",
  "spit",
  "reef",
  "shoal",
  "mountain",
  "pass",
  "corridor",
  "bridge",
  "dam",
  "border-crossing",
  "other",
  ...SITE_TYPES,
] as const;

const cc = z.string().regex(/^[A-Z]{2}$/, "ISO 3166-1 alpha-2 code in capitals");
const bbox = z.tuple([z.number(), z.number(), z.number(), z.number()]);
const lat = z.number().min(-90).max(90);
const lon = z.number().min(-180).max(180);
const str = z.union([z.string(), z.number()]).transform(String);

export const FeatureSrc = z.object({
  id: z.string().min(1),
  name: str,
  aliases: z.array(str).default([]),
  type: z.string().optional(),
  lat,
  lon,
  bbox: bbox.optional(),
  countries: z
    .array(cc)
    .nullish()
    .transform((v) => v ?? []),
  country: cc.optional(),
  operator: z.string().optional(),
});
export type FeatureSrc = z.infer<typeof FeatureSrc>;

export const EquipmentSrc = z.object({
  id: z.string().min(1),
  name: str,
  designators: z.array(str).default([]),
  aliases: z.array(str).default([]),
  nato: z.object({ name: str.optional(), code: str.optional() }).nullish(),
  family: str.optional(),
  category: z.string(),
  role: z.string().optional(),
  origin: z.string().optional(),
  operators: z.array(z.string()).default([]),
});
export type EquipmentSrc = z.infer<typeof EquipmentSrc>;

export const ClassSrc = z.object({
  id: z.string().min(1),
  name: str,
  terms: z.array(str).min(1),
  category: z.string(),
});
export type ClassSrc = z.infer<typeof ClassSrc>;

const dateish = z
  .union([z.string(), z.date()])
  .transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v));
export const OfficeSrc = z.object({
  title: z.string(),
  country: z.string().nullish(),
  start: dateish.optional(),
  end: dateish.nullish(),
  /** which of the dates could not be confirmed from public knowledge when the entry was written */
  unverified: z.array(z.enum(["start", "end"])).optional(),
});
export const ActorSrc = z.object({
  id: z.string().min(1),
  name: str,
  aliases: z.array(str).default([]),
  type: z.enum(["state", "government", "military", "person", "organisation", "outlet"]),
  country: z.string().nullish(),
  metonym: z.boolean().optional(),
  /**
   * Places that stand for the actor when news has them act, other than by the actor's own aliases: the
   * EU's seat, Brussels ("Brussels announced new sanctions"). As a place, the name is still the place.
   */
  seats: z.array(str).optional(),
  branch: z.string().optional(),
  outletType: z.string().optional(),
  domains: z.array(z.string()).optional(),
  offices: z.array(OfficeSrc).optional(),
});
export type ActorSrc = z.infer<typeof ActorSrc>;

/** Compiled records. Places are the gazetteer: countries, admin-1, cities, features, sites. */
export interface KbPlace {
  id: string;
  name: string;
  type: string;
  lat: number;
  lon: number;
  cc: string | null;
  pop: number;
  admin?: string;
  geonameId?: number;
  bbox?: [number, number, number, number];
  countries?: string[];
}
export interface PlaceColumns {
  /** id, or "" for a GeoNames city whose id is "gn-<geonameId>" */
  id: string[];
  name: string[];
  type: string[];
  lat: number[];
  lon: number[];
  cc: Array<string | null>;
  pop: number[];
  admin: Array<string | null>;
  geonameId: Array<number | null>;
  /** rarely set fields (bbox, countries) by row */
  extra: Record<number, Pick<KbPlace, "bbox" | "countries">>;
}

export interface IndexColumns {
  keys: string[];
  start: number[];
  kind: number[];
  idx: number[];
  /** the alias as written, or "" when it is the entry's own name */
  surface: string[];
  flags: number[];
}

export type RefRow = [number, number, string, number];

export function indexToColumns(
  index: Map<string, RefRow[]>,
  nameOf: (kind: number, idx: number) => string,
): IndexColumns {
  const c: IndexColumns = { keys: [], start: [], kind: [], idx: [], surface: [], flags: [] };
  for (const key of [...index.keys()].sort()) {
    c.keys.push(key);
    c.start.push(c.kind.length);
    for (const [k, i, s, f] of index.get(key)!) {
      c.kind.push(k);
      c.idx.push(i);
      c.surface.push(s === nameOf(k, i) ? "" : s);
      c.flags.push(f);
    }
  }
  c.start.push(c.kind.length);
  return c;
}

export function toColumns(places: KbPlace[]): PlaceColumns {
  const c: PlaceColumns = {
    id: [],
    name: [],
    type: [],
    lat: [],
    lon: [],
    cc: [],
    pop: [],
    admin: [],
    geonameId: [],
    extra: {},
  };
  places.forEach((p, i) => {
    c.id.push(p.geonameId && p.id === `gn-${p.geonameId}` ? "" : p.id);
    c.name.push(p.name);
    c.type.push(p.type);
    c.lat.push(p.lat);
    c.lon.push(p.lon);
    c.cc.push(p.cc);
    c.pop.push(p.pop);
    c.admin.push(p.admin ?? null);
    c.geonameId.push(p.geonameId ?? null);
    if (p.bbox || p.countries)
      c.extra[i] = {
        ...(p.bbox ? { bbox: p.bbox } : {}),
        ...(p.countries ? { countries: p.countries } : {}),
      };
  });
  return c;
}

export function fromColumns(c: PlaceColumns): KbPlace[] {
  const out: KbPlace[] = new Array(c.name.length);
  for (let i = 0; i < c.name.length; i++) {
    const gid = c.geonameId[i];
    const admin = c.admin[i];
    // Every place has every field, those it lacks undefined, so all 140,000 share one object shape: the
    // ranker reads their fields in its hottest loops, and objects of many shapes (six, when absent fields
    // were left out) make each read a slow lookup. (JSON leaves undefined fields out, as before.)
    const extra = c.extra[i];
    out[i] = {
      id: c.id[i] || `gn-${gid}`,
      name: c.name[i]!,
      type: c.type[i]!,
      lat: c.lat[i]!,
      lon: c.lon[i]!,
      cc: c.cc[i] ?? null,
      pop: c.pop[i]!,
      admin: admin || undefined,
      geonameId: gid || undefined,
      bbox: extra?.bbox,
      countries: extra?.countries,
    };
  }
  return out;
}

export interface KbEquipment {
  id: string;
  name: string;
  nato?: string;
  natoCode?: string;
  family?: string;
  category: string;
  role?: string;
  origin?: string;
  operators: string[];
  generic?: boolean;
  /** a family's entry ("Leopard"): the ids of its systems */
  members?: string[];
}
export interface KbOffice {
  title: string;
  country?: string;
  start?: string;
  end?: string;
  /** dates not confirmed when written: findings that turn on them say so */
  unverified?: Array<"start" | "end">;
}
export interface KbActor {
  id: string;
  name: string;
  type: "state" | "government" | "military" | "person" | "organisation" | "outlet";
  cc?: string;
  branch?: string;
  outletType?: string;
  /** an outlet's web domains ("reuters.com"): how a document's URL names its publisher */
  domains?: string[];
  offices?: KbOffice[];
  placeId?: string;
}

/** Name-index reference kinds. */
export const RefKind = {
  place: 0,
  demonym: 1,
  equipment: 2,
  nato: 3,
  equipmentClass: 4,
  actor: 5,
  metonym: 6,
  abbreviation: 7,
} as const;
export type RefKindName = keyof typeof RefKind;

export interface CompiledKb {
  version: string;
  builtAt: string;
  counts: Record<string, number>;
  /** places in columns (one array per field): parses several times faster than an array of objects */
  places: PlaceColumns;
  equipment: KbEquipment[];
  actors: KbActor[];
  /** compact key -> refs, flattened: the refs of keys[k] are rows start[k] .. start[k+1]-1 */
  index: IndexColumns;
  /** keys that longer keys start with, at a token boundary: lets the matcher stop early */
  prefixes: string[];
  /**
   * the keys with a reading that may be read on a span starting in lower case (readInLowerCase), and their
   * prefixes: what a span starting with a lower-case word can be (see lowerCaseKeysOf)
   */
  lowerCase: string[];
  /** common English words, for telling ordinary capitalised words from unknown names */
  common: string[];
}

export const FLAG_ACRONYM = 1;
export const FLAG_COMMON_WORD = 2;
/** a single-word alias that is also a first name or surname ("Tyler", "Williams") */
export const FLAG_PERSON_NAME = 4;
/**
 * Bits 8 on: the other word counts (1 to 8) the name is written with, as 1 << (FLAG_WORDS_SHIFT + count).
 * Forms of one name that share its key but not its words ("Hmeimim airbase" and "Hmeimim Air Base",
 * "Deir Ezzor" and "Deir ez-Zor") are one reading, kept with the first form's text: the matcher, which
 * reads a span only as an alias of as many words, takes these counts too.
 */
export const FLAG_WORDS_SHIFT = 8;
/** The most words FLAG_WORDS_SHIFT's bits record (the matcher reads no longer span). */
export const FLAG_WORDS_MAX = 8;
/**
 * Whether a reading (its RefKind, surface and flags) may be read on a span that starts with a lower-case
 * letter: a class of equipment ("drones"), a designator ("su-27"), a name written in lower case. An
 * acronym never is, nor is a proper name (it needs its capital). The matcher's case rules (candidates.ts)
 * allow no other reading on such a span.
 */
export function readInLowerCase(kind: number, surface: string, flags: number): boolean {
  return (
    !(flags & FLAG_ACRONYM) &&
    (kind === RefKind.equipmentClass ||
      (kind === RefKind.equipment && /\d/.test(surface)) ||
      /^\p{Ll}/u.test(surface))
  );
}

/** How many words a name has: its runs of letters, digits and marks. */
export function wordCount(name: string): number {
  return name.match(/[\p{L}\p{N}\p{M}]+/gu)?.length ?? 0;
}
