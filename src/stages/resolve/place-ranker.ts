// Ranks the gazetteer entries a toponym could mean. Every score term is kept so --explain can show it.
import type { Evidence } from "../../core/analysis.js";
import { type KbPlace, SITE_TYPES } from "../../kb/types.js";
import { inProvince } from "./provinces.js";

const TYPE_PRIOR: Record<string, number> = {
  country: 12,
  admin1: 8,
  capital: 7,
  continent: 9,
  ocean: 10,
  sea: 10,
  gulf: 9,
  bay: 8,
  strait: 9,
  channel: 8,
  canal: 8,
  lake: 7,
  river: 7,
  coast: 9,
  peninsula: 9,
  island: 7,
  archipelago: 8,
  "mountain-range": 8,
  desert: 8,
  region: 9,
  "disputed-region": 9,
  "military-district": 7,
  "border-area": 7,
};
const SITE_PRIOR = 6;
/** The prior left to a capital of under 50,000 a city of 100,000 or more and twenty times its size shares a name with. */
const DWARFED_CAPITAL_PRIOR = 2;
/** What a reading that is no town scores before a town's council or police (see scorePlace). */
const NOT_A_TOWN = -20;

function dwarfedCapital(p: KbPlace, readings: readonly KbPlace[]): boolean {
  if (p.pop >= 50_000) return false;
  const bigger = Math.max(100_000, 20 * p.pop);
  for (const r of readings) if (r.type === "city" && r.pop >= bigger) return true;
  return false;
}
const SITES: ReadonlySet<string> = new Set(SITE_TYPES);
/**
 * A base, port or range that is also read by the bare name of the town it lies in or beside ("Rzeszow",
 * "Liepaja"): a town of at least TOWN_NAMING_POP people within TOWN_NAMING_KM, among the same words'
 * readings. The words say the town; the site is an inference they do not make, so it loses its prior.
 * The site is read where the text names it ("Rzeszow airport", "Siauliai air base"), and where the town
 * is a village known for its base ("Incirlik").
 */
const TOWN_NAMING_POP = 20_000;
const TOWN_NAMING_KM = 30;
const SITE_NAMED_BY_TOWN = -8;
/** What a demonym's forces moving to the place add to its readings in their country (see forcesMovedHere). */
const FORCES_OF_THIS_COUNTRY = 6;
/** What a dateline adds to a town's readings (see scorePlace). */
const DATELINE_TOWN = 6;

export interface PlaceContext {
  countries: Map<string, number>;
  /**
   * the countries of `countries` the story names only by their actors, forces or ministries ("Russian
   * forces shelled Donetsk"), never as a place or by a demonym: who acts where is weaker evidence of where
   * than a place or a people named ("British tourists in Manchester")
   */
  byActorsOnly?: Set<string>;
  /** the story has no military word: a base is not read by the bare name of its town, however small */
  civil?: boolean;
  usStates: Set<string>;
  /** the places the document names clearly; a reading is not near its own name's other readings */
  anchors: Array<{ lat: number; lon: number; id: string; name?: string }>;
  /** the country and US state most of the document's clear places are in */
  dominant?: { cc?: string; usState?: string };
  /**
   * country or US state named right after the toponym ("Paris, Texas"), and whether the toponym is a
   * dateline's ("VICTORIA -")
   */
  /**
   * region: the province or state named after the comma ("London, Ontario"), whose box the town is in;
   * town: a town's own council, police or schools follow the name ("the Lebanon Board of Education")
   */
  qualifier?: {
    cc?: string;
    usState?: string;
    dateline?: true;
    region?: KbPlace;
    /** the region was named after "in" ("Oleksandrivka in the Donetsk region"), not after a comma */
    regionAfterIn?: true;
    town?: true;
    /** the country whose forces the text moves to the place, by their demonym ("Lebanese troops deployed in") */
    forces?: string;
  };
  /** the toponym qualifies the one before it ("Atlanta, Georgia"): that one's readings */
  qualifies?: KbPlace[];
  /**
   * the toponym as written, when its readings' names differ only in case or accents ("LaFayette" in
   * Georgia, "Lafayette" elsewhere): a reading spelled exactly so is the one the writer meant, more likely
   */
  spelled?: string;
}

export interface RankedPlace {
  place: KbPlace;
  score: number;
  evidence: Evidence[];
}

const RAD = Math.PI / 180;

export function haversineKm(aLat: number, aLon: number, bLat: number, bLon: number): number {
  return kmOfTerm(haversineTerm(aLat, aLon, Math.cos(aLat * RAD), bLat, bLon, Math.cos(bLat * RAD)));
}

/**
 * The haversine formula's h, the cosines of both latitudes given (nearest() works each out once, not per
 * pair): the distance is kmOfTerm(h), which grows with it.
 */
function haversineTerm(
  aLat: number,
  aLon: number,
  aCos: number,
  bLat: number,
  bLon: number,
  bCos: number,
): number {
  const dLat = (bLat - aLat) * RAD;
  const dLon = (bLon - aLon) * RAD;
  return Math.sin(dLat / 2) ** 2 + aCos * bCos * Math.sin(dLon / 2) ** 2;
}

function kmOfTerm(h: number): number {
  return 12742 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The evidence of a ranking made without it: shared, and frozen so nothing can add to it. */
const NO_EVIDENCE = Object.freeze([]) as unknown as Evidence[];

/**
 * Ranks the readings, best first. Without `withEvidence` the evidence lists stay empty (the scores and the
 * order are the same): the resolver's first passes read only the scores.
 */
export function rankPlaces(
  places: readonly KbPlace[],
  ctx: PlaceContext,
  withEvidence = true,
): RankedPlace[] {
  const ranked: RankedPlace[] = [];
  for (const p of places) {
    const evidence: Evidence[] = withEvidence ? [] : NO_EVIDENCE;
    const score = scorePlace(
      p,
      ctx,
      ctx.qualifier,
      ctx.qualifies,
      withEvidence ? evidence : undefined,
      places,
    );
    ranked.push({ place: p, score, evidence });
  }
  return sortByScore(ranked);
}

/**
 * Writes the terms of a reading's score (as rankPlaces' evidence) at the end of `into`; `readings` are
 * all the readings it was ranked among.
 */
export function writeEvidence(
  p: KbPlace,
  ctx: PlaceContext,
  into: Evidence[],
  readings: readonly KbPlace[],
): void {
  scorePlace(p, ctx, ctx.qualifier, ctx.qualifies, into, readings);
}

/** What bestReading() found: the reading rankPlaces would put first, and its lead over the second. */
export interface Best {
  place: KbPlace | undefined;
  margin: number;
}

/**
 * The first reading of rankPlaces' order and its margin over the second, without making the ranking (the
 * resolver's first passes read nothing else, for every toponym): the highest score, the first of equals as
 * the stable sort leaves them, and the highest of the others' scores. Written to `out`, made once.
 */
export function bestReading(
  places: readonly KbPlace[],
  ctx: PlaceContext,
  qualifier: PlaceContext["qualifier"],
  out: Best,
): void {
  let best: KbPlace | undefined;
  let top = 0;
  let second = Number.NEGATIVE_INFINITY;
  for (const p of places) {
    const score = scorePlace(p, ctx, qualifier, undefined, undefined, places);
    if (best === undefined) {
      best = p;
      top = score;
    } else if (score > top) {
      second = top;
      best = p;
      top = score;
    } else if (score > second) second = score;
  }
  out.place = best;
  out.margin = top - second;
}

/**
 * Best score first, equals in their order, as the stable Array.prototype.sort would leave them: an
 * insertion sort, as a toponym has a handful of readings and the built-in sort makes a work array each time.
 */
function sortByScore(ranked: RankedPlace[]): RankedPlace[] {
  for (let i = 1; i < ranked.length; i++) {
    const r = ranked[i]!;
    let j = i;
    for (; j > 0 && ranked[j - 1]!.score < r.score; j--) ranked[j] = ranked[j - 1]!;
    ranked[j] = r;
  }
  return ranked;
}

// (scorePlace's tests of its readings are functions of their own, not closures: a closure reading the
// place would have V8 allocate a context for it at each of the some 140 calls a document makes)

/** Whether a place the story qualified a name with is this country, or this state of its country. */
function fitsQualified(qualifies: readonly KbPlace[], p: KbPlace): boolean {
  for (const c of qualifies)
    if (c.cc === p.cc && (p.type === "country" || (c.admin !== undefined && c.admin === p.admin)))
      return true;
  return false;
}

/** Whether another reading of the name (a coast) has one of the anchors inside its box. */
function namesakeHasAnchor(
  p: KbPlace,
  readings: readonly KbPlace[],
  anchors: PlaceContext["anchors"],
): boolean {
  for (const r of readings) if (r !== p && r.bbox && anchorInside(r.bbox, anchors, 0, readings)) return true;
  return false;
}

/**
 * One reading's score, with its terms written to `evidence` when given; what is written around the toponym
 * comes apart from the document's context, so a pass needs no new context object for each toponym.
 */
function scorePlace(
  p: KbPlace,
  ctx: PlaceContext,
  q: PlaceContext["qualifier"],
  qualifies: PlaceContext["qualifies"],
  evidence: Evidence[] | undefined,
  readings: readonly KbPlace[],
): number {
  const withEvidence = evidence !== undefined;
  // looked up once: it also says whether distances count (below)
  const typePrior = TYPE_PRIOR[p.type];
  // a small capital whose name a city of its readings twenty times its size shares keeps little of the
  // capital's prior: "Hamilton" is the Ontario city before Bermuda's capital of 900, "Plymouth" the
  // English city before Montserrat's abandoned one, unless the story names their country
  const dwarfed = p.type === "capital" && dwarfedCapital(p, readings);
  // before a town's own council or police ("Wellington police", "the Lebanon Board of Education"), the
  // name is a town's: a capital is one town among its namesakes, and no other kind of place is meant
  const townOnly = q?.town === true;
  // a military base, range or yard in a story with no military word ("arson in Devonport") has no prior
  // over the towns of its name (an airport keeps its)
  const civilSite = ctx.civil === true && SITES.has(p.type) && p.type !== "airport";
  const prior = townOnly
    ? p.type === "city" || p.type === "capital"
      ? 0
      : NOT_A_TOWN
    : dwarfed
      ? DWARFED_CAPITAL_PRIOR
      : civilSite
        ? 0
        : (typePrior ?? (p.type === "city" ? 0 : SITE_PRIOR));
  let score = prior;
  if (withEvidence)
    evidence.push({
      rule: townOnly
        ? "town-before-its-council"
        : dwarfed
          ? "dwarfed-capital"
          : civilSite
            ? "site-in-civil-story"
            : "type-prior",
      score: prior,
      detail: p.type,
    });
  if (SITES.has(p.type)) {
    // (in a story with no military word, a town of any size: "A Lossiemouth man was fined" is the town's)
    const town = townNamingSite(p, readings, civilSite);
    if (town) {
      score += SITE_NAMED_BY_TOWN;
      if (withEvidence)
        evidence.push({ rule: "site-named-by-its-town", score: SITE_NAMED_BY_TOWN, detail: town.name });
    }
  }
  // population weighs a little more than its log, so a town of 5,000 does not outrank a city of 400,000
  // on one mention of its country
  const pop = 1.3 * Math.log10(Math.max(10, p.pop));
  score += pop;
  if (withEvidence) evidence.push({ rule: "population", score: round(pop), detail: String(p.pop) });
  const inCountries = p.cc ? (ctx.countries.get(p.cc) ?? 0) : 0;
  // the countries it shares asked only when its own is not named (a loop: no closure made for each place)
  // (a country named only by its actors is no evidence of where: "Russian forces captured Pokrovsk")
  if ((inCountries > 0 && !ctx.byActorsOnly?.has(p.cc!)) || sharesNamedCountry(p, ctx.countries)) {
    const bonus = 3 + Math.min(2, inCountries * 0.5);
    score += bonus;
    if (withEvidence)
      evidence.push({ rule: "country-in-document", score: bonus, detail: p.cc ?? p.countries?.join(",") });
  }
  if (p.cc === "US" && p.admin && ctx.usStates.has(p.admin)) {
    score += 3;
    if (withEvidence) evidence.push({ rule: "state-in-document", score: 3, detail: p.admin });
  }
  const homeCc = ctx.dominant?.cc;
  if (homeCc && p.cc === homeCc && p.type !== "country") {
    score += 2;
    if (withEvidence) evidence.push({ rule: "document-home-country", score: 2, detail: p.cc });
  }
  // the cheap tests first: the map is asked only about towns abroad
  if (
    (p.type === "city" || p.type === "capital") &&
    homeCc &&
    p.cc !== homeCc &&
    !ctx.countries.has(p.cc ?? "")
  ) {
    score -= 2;
    if (withEvidence) evidence.push({ rule: "abroad-and-country-not-named", score: -2, detail: p.cc ?? "" });
  }
  if (ctx.dominant?.usState && p.cc === "US" && p.admin === ctx.dominant.usState) {
    score += 4;
    if (withEvidence) evidence.push({ rule: "document-home-state", score: 4, detail: p.admin });
  }
  if (q?.cc && (p.cc === q.cc || p.countries?.includes(q.cc))) {
    score += 10;
    if (withEvidence) evidence.push({ rule: "qualified-by-country", score: 10, detail: q.cc });
  }
  if (q?.forces && p.cc === q.forces) {
    score += FORCES_OF_THIS_COUNTRY;
    if (withEvidence)
      evidence.push({ rule: "forces-of-this-country", score: FORCES_OF_THIS_COUNTRY, detail: q.forces });
  }
  // a dateline names the town the story was filed from: "VICTORIA -" over the Australian state
  if (q?.dateline && (p.type === "city" || p.type === "capital")) {
    score += DATELINE_TOWN;
    if (withEvidence) evidence.push({ rule: "dateline-town", score: DATELINE_TOWN });
  }
  // "Aurangabad, Bihar": of the country's towns of that name, the one in the province named
  const region = q?.region;
  if (region?.bbox && inProvince(p, region)) {
    score += 5;
    if (withEvidence) evidence.push({ rule: "qualified-by-region", score: 5, detail: region.id });
  }
  if (q?.usState && p.cc === "US" && p.admin === q.usState) {
    score += 12;
    if (withEvidence) evidence.push({ rule: "qualified-by-state", score: 12, detail: q.usState });
  }
  if (qualifies?.length && (p.type === "admin1" || p.type === "country")) {
    if (fitsQualified(qualifies, p)) {
      score += 15;
      if (withEvidence) evidence.push({ rule: "qualifies-previous-place", score: 15 });
    }
  }
  if (ctx.spelled !== undefined && p.name === ctx.spelled) {
    score += 3;
    if (withEvidence) evidence.push({ rule: "spelled-as-written", score: 3, detail: p.name });
  }
  // "Latakia on the Mediterranean coast": of the coasts of one name, the one a town the story names lies on
  // (inside its box, else, when no namesake has one inside, half a degree out of it: a town just inland)
  if (p.type === "coast" && p.bbox && readings.length > 1) {
    const on = anchorInside(p.bbox, ctx.anchors, 0, readings)
      ? ANCHOR_ON_COAST
      : anchorInside(p.bbox, ctx.anchors, 0.5, readings) && !namesakeHasAnchor(p, readings, ctx.anchors)
        ? ANCHOR_ON_COAST / 2
        : 0;
    if (on) {
      score += on;
      if (withEvidence) evidence.push({ rule: "town-on-this-coast", score: on, detail: p.id });
    }
  }
  // distances only count for places without a type prior (towns, sites): only those are measured
  const near = typePrior === undefined ? nearest(p, ctx.anchors, readings) : undefined;
  if (near !== undefined) {
    // a town within 50 km of another the story names is almost always the one meant ("Tijuana & San
    // Diego"), whatever country the story is mostly about
    const bonus = near < 50 ? 8 : near < 150 ? 5 : near < 500 ? 3 : near < 1500 ? 1 : 0;
    if (bonus > 0) {
      score += bonus;
      if (withEvidence)
        evidence.push({ rule: "near-other-places", score: bonus, detail: `${Math.round(near)} km` });
    }
  }
  return round(score);
}

/** What a town on a coast gives that coast over its namesakes (more than a named country: 3 to 5). */
const ANCHOR_ON_COAST = 6;

/** Whether a place the story names lies in the box, padded by `pad` degrees. */
function anchorInside(
  bbox: readonly number[],
  anchors: PlaceContext["anchors"],
  pad: number,
  readings: readonly KbPlace[],
): boolean {
  const [w, s, e, n] = bbox as [number, number, number, number];
  for (const a of anchors)
    if (
      a.lon >= w - pad &&
      a.lon <= e + pad &&
      a.lat >= s - pad &&
      a.lat <= n + pad &&
      // (not a reading of the coast's own name, chosen in an earlier pass)
      !readings.some((r) => r.id === a.id)
    )
      return true;
  return false;
}

/** The town among the readings whose bare name the site is read by (see TOWN_NAMING_POP), if any. */
function townNamingSite(site: KbPlace, readings: readonly KbPlace[], anySize: boolean): KbPlace | undefined {
  for (const q of readings)
    if (
      (q.type === "city" || q.type === "capital") &&
      (anySize || q.pop >= TOWN_NAMING_POP) &&
      q.cc === site.cc &&
      haversineKm(site.lat, site.lon, q.lat, q.lon) <= TOWN_NAMING_KM
    )
      return q;
  return undefined;
}

/** Whether one of the countries a place lies in (a disputed region's) is named in the document. */
function sharesNamedCountry(p: KbPlace, named: Map<string, number>): boolean {
  if (!p.countries) return false;
  for (const c of p.countries) if (named.has(c)) return true;
  return false;
}

interface Point {
  lat: number;
  lon: number;
  id: string;
  name: string | undefined;
  /** the cosine of the latitude */
  cos: number;
}

/**
 * The last anchor list asked about, and its points: without repeats (a place named a thousand times is one
 * point), with the cosines of their latitudes. The resolver asks about one list for every reading of a
 * pass, so one remembered list does what a WeakMap of all lists did, without its lookups.
 */
let lastAnchors: PlaceContext["anchors"] | undefined;
let lastPoints: Point[] = [];

/**
 * The anchors' points, one per id, as new Map(all.map((a) => [a.id, a])).values() gives them: in the order
 * of each id's first anchor, with the values of its last. Filled in one walk, without a pair array per anchor.
 */
function pointsOf(all: PlaceContext["anchors"]): Point[] {
  const points: Point[] = [];
  /** the anchor each point was made from: a place named again is the same object, its point not remade */
  const from: PlaceContext["anchors"] = [];
  const at = new Map<string, number>();
  for (const a of all) {
    let i = at.get(a.id);
    if (i === undefined) {
      i = points.length;
      at.set(a.id, i);
    } else if (from[i] === a) continue;
    from[i] = a;
    points[i] = { lat: a.lat, lon: a.lon, id: a.id, name: a.name, cos: Math.cos(a.lat * RAD) };
  }
  return points;
}

/** Whether the place with this id is one of the readings (a loop: most toponyms have a few). */
function isReading(id: string, readings: readonly KbPlace[]): boolean {
  if (readings.length > MANY_READINGS) return idsOf(readings).has(id);
  for (const r of readings) if (r.id === id) return true;
  return false;
}

/**
 * Above this many readings, isReading asks a set of their ids: nearest() asks it for each reading, so a
 * loop would read every pair of a name with dozens of towns ("Washington", "Springfield").
 */
const MANY_READINGS = 8;
/** The last readings asked about with their ids (a ranking asks about one list for each of its readings). */
let lastReadings: readonly KbPlace[] | undefined;
let lastIds = new Set<string>();

function idsOf(readings: readonly KbPlace[]): Set<string> {
  if (readings !== lastReadings) {
    lastIds = new Set();
    for (const r of readings) lastIds.add(r.id);
    lastReadings = readings;
  }
  return lastIds;
}

function nearest(p: KbPlace, all: PlaceContext["anchors"], readings: readonly KbPlace[]): number | undefined {
  if (all.length === 0) return undefined;
  if (all !== lastAnchors) {
    lastPoints = pointsOf(all);
    lastAnchors = all;
  }
  const anchors = lastPoints;
  if (hs.length < anchors.length) hs = new Float64Array(anchors.length * 2);
  // the haversine term of each anchor first: the distance grows with it, so only the anchors as near as
  // the nearest (within far more than rounding, so the minimum is the very one as before) need the
  // arcsine and square root
  const cos = Math.cos(p.lat * RAD);
  for (let i = 0; i < anchors.length; i++) {
    const a = anchors[i]!;
    // another reading of the same name is no support: Louisville, Ohio, is not "near" Louisville, Kentucky,
    // because an earlier pass read the word as the one in Kentucky
    hs[i] =
      a.id === p.id || a.name === p.name ? Number.NaN : haversineTerm(p.lat, p.lon, cos, a.lat, a.lon, a.cos);
  }
  // Nor is another reading of the same words ("RAF Lossiemouth" is not near the town of Lossiemouth because
  // the word was read as the town; a village of Crimea is not near Kostiantynivka because "Konstantinovka"
  // was read as the city): asked only of the nearest anchors, which are rarely such readings, and those
  // that are are set aside before the next nearest are asked.
  for (;;) {
    let least = Number.POSITIVE_INFINITY;
    for (let i = 0; i < anchors.length; i++) if (hs[i]! < least) least = hs[i]!;
    if (least === Number.POSITIVE_INFINITY) return undefined;
    const near = least * (1 + 1e-9);
    let best = Number.POSITIVE_INFINITY;
    let own = false;
    for (let i = 0; i < anchors.length; i++) {
      const h = hs[i]!;
      if (!(h <= near)) continue;
      if (readings.length > 1 && isReading(anchors[i]!.id, readings)) {
        hs[i] = Number.NaN;
        own = true;
      } else best = Math.min(best, kmOfTerm(h));
    }
    if (!own) return best;
  }
}

/** nearest()'s haversine terms, by anchor (kept between calls). */
let hs = new Float64Array(64);

/** Confidence from the margin between the best and the second-best reading. */
export function marginConfidence(ranked: RankedPlace[]): number {
  if (ranked.length === 0) return 0;
  if (ranked.length === 1) return 0.9;
  return confidenceOfMargin(ranked[0]!.score - ranked[1]!.score);
}

/** marginConfidence() of a ranking of several readings whose best leads the second by `margin`. */
export function confidenceOfMargin(margin: number): number {
  return round(Math.min(0.97, 0.5 + 0.5 * (1 - Math.exp(-margin / 3))));
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
