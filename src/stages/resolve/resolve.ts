// Resolves KB candidates in context: place, actor or equipment; literal, metonymic, demonym or modifier;
// which gazetteer entry; and keeps the evidence for each decision.
import type { EntityMention, Evidence, MentionRole, PlacePart, Span } from "../../core/analysis.js";
import type { Context, TimeMention } from "../../core/context.js";
import { checkBudget, type Stage } from "../../core/pipeline.js";
import type { Kb, Ref } from "../../kb/kb.js";
import { compactKey } from "../../kb/normalize.js";
import {
  FLAG_ACRONYM,
  FLAG_COMMON_WORD,
  FLAG_PERSON_NAME,
  type KbActor,
  type KbPlace,
  SITE_TYPES,
} from "../../kb/types.js";
import { countryActorOfKind } from "../actor-kinds.js";
import { type Candidate, HEAD_KINDS } from "../candidates.js";
import { EntityTable } from "../entity-table.js";
import { lowerBound } from "../lower-bound.js";
import { capitalAfterComma, commaSpaceGap, lineBefore, spaceGap, type Token } from "../tokens.js";
import { findCapitalPhrases } from "./capitals.js";
import { findCounties } from "./counties.js";
import { addActorEntity, addEquipmentEntity, addPlaceEntity } from "./entity-builders.js";
import { type FacilityName, facilityAround } from "./facilities.js";
import { findGroups } from "./groups.js";
import { findInitials, findKoreanHalves, findTheGulf } from "./initials.js";
import {
  AGENT_NOUNS,
  AGENT_VERBS,
  BACKER_SUFFIXES,
  CALENDAR_WORDS,
  CALL_VERBS,
  EQUIPMENT_HEADS,
  ETHNONYMS,
  HOLDINGS,
  LOCATIVE,
  MONTH_ABBREVIATIONS,
  OBJECT_FOLLOWERS,
  OBJECT_VERBS,
  ORIGIN_SUFFIXES,
  PLACE_OF_WORDS,
  PRESSURE_NOUNS,
  SPEAKING_FOR,
  STATE_ACT_NOUNS,
  STATE_ACTS,
  STRONG_LOCATIVE,
  TITLES,
} from "./lexicon.js";
import {
  afterMiddleInitial,
  farFromStory,
  givenNameBeforeSurname,
  isGivenName,
  isOrganizationName,
  quarterPrefix,
  surnameAfterGivenName,
} from "./local-names.js";
import { findTitledPersons } from "./persons.js";
import {
  type Best,
  bestReading,
  confidenceOfMargin,
  haversineKm,
  marginConfidence,
  type PlaceContext,
  type RankedPlace,
  rankPlaces,
  writeEvidence,
} from "./place-ranker.js";
import { inProvince, provinceAfter } from "./provinces.js";
import { findRelativePlaces } from "./relative.js";
import { findUnits } from "./units.js";
import { usStateCode } from "./us-states.js";
import { findVessels } from "./vessels.js";
import {
  classify,
  FORCE_NOUN,
  MILITARY,
  REGION_PLURAL,
  RESULT_WORD,
  type WordClasses,
  wordClasses,
} from "./word-classes.js";

/** Words ending in -ed that are not verbs after a place name. */
const NOT_VERBS = new Set([
  "based",
  "backed",
  "owned",
  "related",
  "armed",
  "united",
  "limited",
  "need",
  "speed",
  "seed",
  "feed",
]);

/** Government actors named without a word like "ministry" are places used for them ("the Kremlin"). */
const INSTITUTION_WORDS =
  /\b(?:government|ministry|department|office|council|administration|cabinet|parliament|agency|service|committee|presidency|authorities)\b/i;

interface Doc {
  text: string;
  tokens: Token[];
  /** each token's word classes (see wordClasses) */
  classes: WordClasses;
  kb: Kb;
  military: number;
  /** what the passes ask of the candidates again and again, worked out once */
  memo: Memo;
  /** town names that are a person's surname or a quarter's prefix here ("Mary Pitman", "Old Town Manassas") */
  notPlaces: Set<Candidate>;
  /** town readings set aside as far from everything else the story names (see farFromStory) */
  setAside: NonNullable<Context["setAsideReadings"]>;
  /** the time stage's mentions: "23 August", a Romanian town's name, is a date where it reads as one */
  times: readonly TimeMention[];
  /** mentions of places in each country and US state ("US-" and its code), counted when first asked for */
  homeMentions?: Map<string, number>;
  /**
   * names the story qualifies somewhere ("LONDON, Ont.", "Springfield, Mass."), lower-cased, with the
   * reading that qualifier chose (null: two qualifiers chose two readings)
   */
  qualifiedNames?: Map<string, KbPlace | null>;
  /** whether the text has a score or a margin ("112-104", "by six wickets"), when first asked */
  results?: boolean;
  /** the country the story was filed from: its dateline's, else its outlet's (see homeCountry) */
  home?: string;
}

interface Memo {
  facility: Map<Candidate, FacilityName | undefined>;
  /** facilityDoubt() of each candidate read as a town, by position (null: none; a hole: not yet asked) */
  doubts: (Doubt | null | undefined)[];
  /** each candidate's place readings, by its position (a list, not a map: every candidate is asked) */
  places: (readonly KbPlace[])[];
  /** the flags of each candidate's readings (of every kind) together, by its position */
  flags: number[];
  /**
   * by position, the first candidate with the same readings read the same way (same places, same words
   * after it): a toponym named again ranks as the first time, so each pass ranks the first only
   */
  first: number[];
  /** what the passes read of each candidate, by position (none for a candidate they skip) */
  readings: (Reading | undefined)[];
  /** the final pass's rankings of the candidates it ranked as they are (no state added, qualifying none) */
  ranks: (RankedPlace[] | undefined)[];
  /** candidates by lower-case text, in text order (made when first asked for) */
  byText?: Map<string, Candidate[]>;
  cands: Candidate[];
}

/**
 * What the passes ask of each candidate's readings, and the document's context (documentContext), in one
 * walk over the readings: they were three walks (the place readings, the countries and states named, the
 * flags), each loading every reading again.
 */
function readCandidates(
  kb: Kb,
  cands: Candidate[],
  outletCc: string | undefined,
  tokens: readonly Token[],
  classes: WordClasses,
  text: string,
): [Memo, PlaceContext] {
  const places: (readonly KbPlace[])[] = new Array(cands.length);
  const flags: number[] = new Array(cands.length);
  // Countries and US states the document names without doubt, weighted by how often. The outlet's country
  // is one weak vote: a Canadian paper's "London" leans to Ontario only when the story itself leans there too.
  const countries = new Map<string, number>();
  /** the countries named as places, by demonyms or by the outlet: the rest only by their actors */
  const asPlaces = new Set<string>();
  const usStates = new Set<string>();
  bump(countries, outletCc);
  if (outletCc) asPlaces.add(outletCc);
  // lists of regions are read only in a text with a plural region noun (regionOfList reads none without)
  let lists = false;
  for (let i = 0; i < classes.length && !lists; i++) if (classes[i]! & REGION_PLURAL) lists = true;
  for (let k = 0; k < cands.length; k++) {
    const c = cands[k]!;
    const refs = c.refs;
    let mine: KbPlace[] | undefined;
    let all = 0;
    let notCity = false;
    // "Russian-installed officials in Donetsk", "Moscow-occupied": a country that holds or backs others
    // where they are is no evidence of where the story's places lie
    const holder = holderBefore(text, tokens, c);
    for (const r of refs) {
      all |= r.flags;
      if (r.kind === "demonym") {
        if (holder) continue;
        const cc = kb.places[r.index]!.cc;
        bump(countries, cc);
        if (cc) asPlaces.add(cc);
      } else if (r.kind === "place") {
        const p = kb.places[r.index]!;
        (mine ??= []).push(p);
        if (holder) continue;
        // "Georgia" is evidence for the country only when no US state or province shares the name (asked
        // of countries only: a name with twenty towns is not compared with itself twenty times); a
        // province or a capital with no other reading is evidence for its country ("Brazzaville")
        if (
          (p.type === "country" && !sharedWithAdmin1(kb, refs, r)) ||
          (p.type === "admin1" && refs.length === 1) ||
          (p.type === "capital" && onePlace(refs))
        ) {
          bump(countries, p.cc);
          if (p.cc) asPlaces.add(p.cc);
        }
        // a region of one country that names no other place ("the Donetsk People's Republic", "Crimea")
        else if (
          (p.type === "disputed-region" || p.type === "region") &&
          refs.length === 1 &&
          p.countries?.length === 1
        ) {
          bump(countries, p.countries[0]);
          asPlaces.add(p.countries[0]!);
        }
        if (p.type === "country" && p.cc === "US") usStates.add("");
        if (p.type !== "city") notCity = true;
      } else if (r.kind === "actor" && kb.actors[r.index]!.type !== "outlet")
        bump(countries, kb.actors[r.index]!.cc);
    }
    places[k] = mine && notCity ? withoutBareRiver(mine, tokens, c) : (mine ?? NO_PLACES);
    if (mine && lists) {
      const region = regionOfList(kb, text, tokens, cands, k);
      if (region) places[k] = region;
    }
    flags[k] = all;
    if (notCity) {
      const st = usStateCode(c.text, false);
      if (st) usStates.add(st);
    }
    // "LINCOLN, Neb. -", "Wichita, Kan.,": a state's AP abbreviation after a town names the state too
    if (mine) {
      const st = apStateAfter(text, c.end);
      if (st) {
        usStates.add(st);
        bump(countries, "US");
        asPlaces.add("US");
      }
    }
  }
  let byActorsOnly: Set<string> | undefined;
  for (const cc of countries.keys()) if (!asPlaces.has(cc)) (byActorsOnly ??= new Set()).add(cc);
  return [
    {
      facility: new Map(),
      doubts: new Array(cands.length),
      places,
      flags,
      cands,
      first: [],
      readings: [],
      ranks: [],
    },
    { countries, usStates, anchors: [], ...(byActorsOnly ? { byActorsOnly } : {}) },
  ];
}

/**
 * "Officials in Dnipro", "east of Dnipro": English names a river with its article ("the Dnipro", "the
 * Amur"), so a river's name without one, which is also a city's of 50,000 or more or a region's, is the
 * city or the region. The river stays the reading where it is the only one, or after "the".
 */
function withoutBareRiver(readings: KbPlace[], tokens: readonly Token[], c: Candidate): KbPlace[] {
  let river = false;
  let other = false;
  for (const p of readings) {
    if (p.type === "river") river = true;
    else if (
      ((p.type === "city" || p.type === "capital") && p.pop >= 50_000) ||
      p.type === "admin1" ||
      p.type === "country"
    )
      other = true;
  }
  if (!river || !other || tokens[c.firstToken - 1]?.norm === "the") return readings;
  return readings.filter((p) => p.type !== "river");
}

/** Plural nouns after a list of names that make each a region: "the Bryansk, Kursk and Belgorod regions". */
const REGION_PLURALS = new Map([
  ["regions", "region"],
  ["oblasts", "oblast"],
  ["provinces", "province"],
  ["governorates", "governorate"],
  ["counties", "county"],
]);
classify(REGION_PLURAL, REGION_PLURALS.keys());
/** How many names of such a list are read ahead, at most. */
const MAX_LIST = 12;

/**
 * The regions a name of a list stands for when a plural region noun closes the list ("over the Bryansk,
 * Kursk and Belgorod regions": each is the oblast, not the city): the readings of the name with the
 * singular noun after it ("Bryansk region"), when the index has them; undefined otherwise.
 */
function regionOfList(
  kb: Kb,
  text: string,
  tokens: readonly Token[],
  cands: Candidate[],
  k: number,
): KbPlace[] | undefined {
  let c = cands[k]!;
  const first = c;
  for (let n = 0; n < MAX_LIST; n++) {
    let t = c.lastToken + 1;
    const next = tokens[t];
    if (!next || next.sentence !== tokens[c.lastToken]!.sentence) return undefined;
    // the gap after the name: " " or ", "
    const space = spaceGap(text, c.end, next.start);
    const comma = commaSpaceGap(text, c.end, next.start);
    const singular = REGION_PLURALS.get(next.norm);
    if (singular) {
      if (!space || (n === 0 && !endsList(text, tokens, c))) return undefined;
      const refs = kb.refsOf(compactKey(`${first.text} ${singular}`));
      const regions = refs.filter((r) => r.kind === "place").map((r) => kb.places[r.index]!);
      // (US counties are second-level: "in Clay, Douglas and Grant counties")
      return regions.length && regions.every((p) => p.type === "admin1" || p.type === "admin2")
        ? regions
        : undefined;
    }
    // the next name of the list: after ", ", " and ", " or " or ", and "
    if (!comma && !space) return undefined;
    if (next.norm === "and" || next.norm === "or") t++;
    else if (space) return undefined;
    const at = tokens[t];
    const j = at ? firstAtOrAfter(cands, at.start) : -1;
    const o = at && cands[j]?.start === at.start ? cands[j] : undefined;
    if (!o || o.firstToken <= c.lastToken) return undefined;
    c = o;
  }
  return undefined;
}

/** Whether a name closes a list: "and" or "or" before it, after a capitalised word ("Kursk and Belgorod"). */
function endsList(text: string, tokens: readonly Token[], c: Candidate): boolean {
  const and = tokens[c.firstToken - 1];
  const before = tokens[c.firstToken - 2];
  return (
    (and?.norm === "and" || and?.norm === "or") &&
    spaceGap(text, and.end, c.start) &&
    before?.cap === true &&
    (spaceGap(text, before.end, and.start) || commaSpaceGap(text, before.end, and.start))
  );
}

/** One more mention of a country (none for no code). */
function bump(countries: Map<string, number>, cc: string | undefined | null): void {
  if (cc) countries.set(cc, (countries.get(cc) ?? 0) + 1);
}

/**
 * The position of the candidate starting at this offset: a binary search of the list (no map of all starts
 * is made for the few times a document asks, around commas and lists).
 */
function startIndex(memo: Memo, start: number): number | undefined {
  const k = firstAtOrAfter(memo.cands, start);
  return memo.cands[k]?.start === start ? k : undefined;
}

/**
 * The keys the candidates are searched by (see lowerBound): the matcher's candidates share no token and come
 * in the order of their start (see selectLongest), so their starts and last tokens both rise with the position.
 */
const startOf = (c: Candidate) => c.start;
const lastTokenOf = (c: Candidate) => c.lastToken;

/** The position of the first candidate starting at or after an offset. */
function firstAtOrAfter(cands: readonly Candidate[], start: number): number {
  return lowerBound(cands, start, startOf);
}

/** The candidate whose last token is this one. */
function endingWith(memo: Memo, token: number): Candidate | undefined {
  const c = memo.cands[lowerBound(memo.cands, token, lastTokenOf)];
  return c?.lastToken === token ? c : undefined;
}

function startingAt(memo: Memo, start: number): Candidate | undefined {
  const k = startIndex(memo, start);
  return k === undefined ? undefined : memo.cands[k];
}

/** The position of the first candidate whose last token is this one (a search, as startIndex). */
function endingAt(memo: Memo, lastToken: number): number | undefined {
  const cands = memo.cands;
  for (let k = 0; k < cands.length; k++) if (cands[k]!.lastToken === lastToken) return k;
  return undefined;
}

function sameText(memo: Memo, key: string): Candidate[] | undefined {
  if (!memo.byText) {
    memo.byText = new Map();
    for (const c of memo.cands) {
      const k = c.text.toLowerCase();
      const same = memo.byText.get(k);
      if (same) same.push(c);
      else memo.byText.set(k, [c]);
    }
  }
  return memo.byText.get(key);
}

/** The street or building name a candidate is part of ("Bedford" in "N. Bedford Drive"), if any. */
function facilityOf(d: Doc, c: Candidate): FacilityName | undefined {
  if (d.memo.facility.has(c)) return d.memo.facility.get(c);
  const f = facilityAround(d.text, d.tokens, c.firstToken, c.lastToken, d.kb.common);
  d.memo.facility.set(c, f);
  return f;
}

/** Places whose name can stand for a government or its people acting ("Moscow warned", "Texas sued"). */
const GOVERNING_TYPES = new Set(["country", "capital", "city", "admin1", "admin2", "county", "region"]);

/** A street or building is in the town in its name only when that town is near the document's places. */
const FACILITY_TOWN_KM = 150;
const TOWN_TYPES = new Set(["city", "capital"]);
const OPEN_WATER = new Set(["ocean", "sea"]);

/**
 * How far a candidate's town reading is in doubt because it is part of a street or building name:
 * "street" and "head" ("Center" in "MetroHealth Medical Center") say nothing about where the town is;
 * "building" ("Belchertown State School") is usually in that town in local news, but not when the town is
 * far from the document's other places ("Cornell University" in a story about trade with China). No doubt
 * when the best reading is a county, state or country ("Douglas County Road", "Ohio Turnpike" are in
 * them) or when the same name stands alone elsewhere in the text ("Mansfield" and "Mansfield Library").
 * An ocean or sea in a street's name is never where the street is ("Atlantic Avenue in Garden City").
 */
function facilityDoubt(d: Doc, c: Candidate, k: number, best: KbPlace | undefined): Doubt | undefined {
  if (best && OPEN_WATER.has(best.type)) return facilityOf(d, c)?.kind === "street" ? "street" : undefined;
  if (!best || !TOWN_TYPES.has(best.type)) return undefined;
  // the rest reads the candidate only: each pass asks it of every town, so it is worked out once
  let doubt = d.memo.doubts[k];
  if (doubt === undefined) {
    doubt = townDoubt(d, c) ?? null;
    d.memo.doubts[k] = doubt;
  }
  return doubt ?? undefined;
}

type Doubt = "street" | "head" | "building";

/** facilityDoubt() of a candidate whose best reading is a town. */
function townDoubt(d: Doc, c: Candidate): Doubt | undefined {
  const f = facilityOf(d, c);
  if (!f) return undefined;
  const key = c.text.toLowerCase();
  if (sameText(d.memo, key)?.some((o) => o !== c && !facilityOf(d, o))) return undefined;
  if (f.kind === "street") return "street";
  return f.lastToken === c.lastToken ? "head" : "building";
}

/** How many times the text names a candidate's words (itself included). */
function timesNamed(d: Doc, c: Candidate): number {
  return sameText(d.memo, c.text.toLowerCase())?.length ?? 1;
}

/** Readings of a doubtful facility town that the document's other places support. */
function facilityReadings(
  doubt: Doubt | undefined,
  ranked: RankedPlace[],
  pctx: PlaceContext,
  d: Doc,
  c: Candidate,
): RankedPlace[] {
  if (!doubt) return ranked;
  // a building's town with no other place to be near stands, unless the story names other countries and
  // not its own ("St George's Chapel" in a story set in Iceland is not in Grenada; a capital's own mentions
  // count for its country, and are not counted here)
  const alone = (p: KbPlace) =>
    !pctx.anchors.some((a) => a.id !== p.id) &&
    ((pctx.countries.get(p.cc ?? "") ?? 0) > (p.type === "capital" ? timesNamed(d, c) : 0) ||
      pctx.countries.size === (pctx.countries.has(p.cc ?? "") ? 1 : 0));
  return ranked.filter(
    (r) =>
      TOWN_TYPES.has(r.place.type) && (nearAnchor(r.place, pctx) || (doubt === "building" && alone(r.place))),
  );
}

export const resolveStage: Stage = {
  name: "resolve",
  requires: ["tokens", "candidates", "times"],
  provides: ["entities"],
  run(ctx: Context) {
    const tokens = ctx.tokens!;
    const cands = ctx.candidates!;
    const classes = wordClasses(tokens);
    const outletCc = ctx.kb.outletOf(ctx.doc)?.cc;
    const [memo, pctx] = readCandidates(ctx.kb, cands, outletCc, tokens, classes, ctx.doc.text);
    const d: Doc = {
      text: ctx.doc.text,
      tokens,
      classes,
      kb: ctx.kb,
      military: militaryScore(classes) + designatorsNamed(cands),
      memo,
      notPlaces: new Set(),
      setAside: [],
      times: ctx.times ?? [],
    };
    // (a story about a base may have none of the military words: "tankers took off from Incirlik", "the
    // Soviet nuclear test site")
    pctx.civil = d.military === 0 && hasSiteReading(memo.places) && !BASE_STORY_WORDS.test(d.text);
    findNotPlaces(d, cands, pctx.countries);
    const table = new EntityTable();
    // Two passes: the first fixes what is clear, the second reads ambiguous places against it.
    // What both read of a candidate is the same in each: its place readings (none when it may be a
    // person's name or a common word) and the country or state written after it.
    const readings = cands.map((c, k): Reading | undefined => {
      const places = d.memo.places[k]!;
      if (
        places.length === 0 ||
        d.memo.flags[k]! & (FLAG_PERSON_NAME | FLAG_COMMON_WORD) ||
        d.notPlaces.has(c)
      )
        return undefined;
      return { places, qualifier: qualifier(d, c) };
    });
    d.memo.readings = readings;
    const first = sameReadings(readings);
    d.memo.first = first;
    // the budget is checked for the candidates a pass reads: one it skips costs less than the check
    const clear: KbPlace[] = [];
    // the first passes read only the best reading and its margin: found without making a ranking, once
    // for the readings of a toponym named again
    const best: Best = { place: undefined, margin: 0 };
    const bests: (KbPlace | undefined)[] = new Array(cands.length);
    const margins: number[] = new Array(cands.length);
    cands.forEach((c, k) => {
      const r = readings[k];
      if (!r) return;
      checkBudget(ctx);
      const j = first[k]!;
      if (j === k) {
        bestOf(r.places, pctx, r.qualifier, best);
        bests[k] = best.place;
        margins[k] = best.margin;
      }
      const place = bests[j];
      // "Center" in "MetroHealth Medical Center" is no town; a street or building name is weak evidence
      // for its town, but "Morecambe Road" in a story about Lancaster does lead to Morecambe
      if (facilityDoubt(d, c, k, place) === "head") return;
      const confidence = r.places.length === 1 ? 0.9 : confidenceOfMargin(margins[j]!);
      if (place && confidence >= 0.75) clear.push(place);
    });
    // the places themselves are the anchors (they have the id, lat and lon an anchor needs)
    pctx.anchors = clear.filter((p) => p.type !== "country" && p.type !== "continent");
    // The document's home ground: the country and US state most of its clear places are in.
    pctx.dominant = dominant(new Set(clear), pctx);
    // A middle pass reads every place against the clear ones; its readings anchor the final pass, so
    // "Walker County" and "Huntsville" pull each other toward the same state.
    const middle: KbPlace[] = [];
    cands.forEach((c, k) => {
      const r = readings[k];
      if (!r) return;
      checkBudget(ctx);
      const j = first[k]!;
      if (j === k) {
        bestOf(r.places, pctx, r.qualifier, best);
        bests[k] = best.place;
      }
      let place = bests[j];
      const doubt = facilityDoubt(d, c, k, place);
      // a doubtful facility town (rare) takes the best of the readings the other places support
      if (doubt) place = facilityReadings(doubt, rankOnly(r.places, pctx, r.qualifier), pctx, d, c)[0]?.place;
      if (place && place.type !== "country" && place.type !== "continent") middle.push(place);
    });
    pctx.anchors = middle;
    // the clear places, then the middle pass's others, each once in that order (not a search of the
    // clear list for each)
    const both = new Set(clear);
    for (const p of middle) both.add(p);
    pctx.dominant = dominant(both, pctx);
    d.home = homeCountry(d, bests, outletCc);
    d.qualifiedNames = qualifiedNames(cands, readings, bests, first);
    cands.forEach((c, k) => {
      checkBudget(ctx);
      resolveCandidate(d, c, k, pctx, table);
    });
    findStateAbbreviations(d, table);
    if (d.setAside.length) ctx.setAsideReadings = d.setAside;
    findRelativePlaces(d.text, table);
    findCapitalPhrases(d.text, tokens, classes, d.kb, table);
    findCounties(d.text, tokens, d.kb, pctx, table, ctx, classes);
    findUnits(
      d.text,
      tokens,
      classes,
      table,
      (i) => unitCountry(d, i),
      (start, end) =>
        table.mentions.some(
          (m) => m.start <= start && end <= m.end && table.get(m.entityId)?.kind === "actor",
        ),
    );
    findGroups(d.text, tokens, classes, d.kb, table);
    findVessels(d.text, tokens, classes, d.kb, table);
    findTitledPersons(d.text, tokens, classes, d.kb, table);
    findInitials(d.text, tokens, d.kb, table);
    findKoreanHalves(d.text, tokens, d.kb, table);
    findTheGulf(d.text, tokens, classes, d.kb, table);
    ctx.entities = table;
  },
};

/**
 * The names the story qualifies by a country, province or state after a comma ("Springfield, Mass.",
 * "LONDON, Ont. -"), with the reading the qualifier chose, when it lies where the qualifier says.
 */
function qualifiedNames(
  cands: readonly Candidate[],
  readings: readonly (Reading | undefined)[],
  bests: readonly (KbPlace | undefined)[],
  first: readonly number[],
): Map<string, KbPlace | null> | undefined {
  let out: Map<string, KbPlace | null> | undefined;
  for (let k = 0; k < cands.length; k++) {
    const q = readings[k]?.qualifier;
    if (!q?.cc) continue;
    const p = bests[first[k]!];
    if (!p || p.cc !== q.cc || (q.usState && p.admin !== q.usState) || !TOWN_TYPES.has(p.type)) continue;
    const key = cands[k]!.text.toLowerCase();
    const had = (out ??= new Map()).get(key);
    out.set(key, had === undefined || had === p ? p : null);
  }
  return out;
}

/** How often the story names a place in `home` (a country code, or "US-" and a state code). */
function homeMentions(d: Doc, pctx: PlaceContext, home: string): number {
  if (!d.homeMentions) {
    const m = new Map<string, number>(pctx.countries);
    for (const p of pctx.anchors as KbPlace[]) {
      if (p.cc) m.set(p.cc, (m.get(p.cc) ?? 0) + 1);
      if (p.cc === "US" && p.admin) m.set(`US-${p.admin}`, (m.get(`US-${p.admin}`) ?? 0) + 1);
    }
    d.homeMentions = m;
  }
  return d.homeMentions.get(home) ?? 0;
}

/**
 * Whether the readings' names differ only in case or accents and some, not all, are spelled exactly as the
 * text has it: "LaFayette" (Georgia) among the Lafayettes.
 */
function spelledDistinctly(text: string, readings: readonly KbPlace[]): boolean {
  if (readings.length < 2) return false;
  let exact = 0;
  for (const p of readings) if (p.name === text) exact++;
  if (exact === 0 || exact === readings.length) return false;
  // only names that differ in case or accents: "St. Petersburg" (Florida) is not a closer spelling of
  // the text than "Saint Petersburg" (Russia)
  const folded = foldName(text);
  return readings.every((p) => p.name === text || foldedName(p) === folded);
}

/**
 * Case and combining accents only: not kb/normalize's fold, which also maps letters such as ø and ß, so
 * would count "Bø" and "Bo" as one spelling.
 */
const foldName = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

/** A gazetteer entry's name folded, worked out once per entry: folding is a normalisation and a regex. */
const foldedNames = new WeakMap<KbPlace, string>();
function foldedName(p: KbPlace): string {
  let f = foldedNames.get(p);
  if (f === undefined) {
    f = foldName(p.name);
    foldedNames.set(p, f);
  }
  return f;
}

const isCountryOrState = (p: KbPlace) => p.type === "country" || p.type === "admin1";

/** "-class" or " class" right after a name: the name of a class of ships or vehicles. */
const CLASS_AFTER = /^(?:[-‐‑]class\b|\sclass\b(?!\s+of\b))/i;

/**
 * Town names that are no place here: a surname after a given name ("Mary Pitman", and then "Pitman Family
 * Farms" in the same story), and "Old Town" before another town's name.
 */
function findNotPlaces(d: Doc, cands: Candidate[], countries: ReadonlyMap<string, number>): void {
  let surnames: Set<string> | undefined;
  /** the surnames read after a middle initial ("Irvin E. Rhodes"): a person's for certain */
  let initialled: Set<string> | undefined;
  let givenNames: Set<string> | undefined;
  /** "Kasba Bonli": a small town's name and the word after it, read as one unknown name (headOfUnknownName) */
  let heads: Set<string> | undefined;
  for (let k = 0; k < cands.length; k++) {
    const c = cands[k]!;
    const places = d.memo.places[k]!;
    if (places.length === 0) continue;
    // "abandoned the ship on 23 August": a town named for a date (23 August, Romania) read as the date
    // (not "the town of 23 August")
    if (
      startsWithDigit(c.text) &&
      d.times.some((t) => t.start <= c.start && c.end <= t.end) &&
      !placeWordBefore(d, c)
    ) {
      d.notPlaces.add(c);
      continue;
    }
    if (tailOfUnknownName(d, c, places)) {
      d.notPlaces.add(c);
      continue;
    }
    // "in the Bay of Sevastopol", "the Gulf of Kotor": a feature's word before "of" and a name is that
    // feature of the name, not a place called Bay (Somalia's region)
    // (" of" asked first, by character code: few names have it after them)
    if (
      d.text.charCodeAt(c.end + 1) === 111 &&
      d.text.charCodeAt(c.end + 2) === 102 &&
      c.firstToken === c.lastToken &&
      FEATURE_OF.has(c.text) &&
      FEATURE_OF_AFTER.test(d.text.slice(c.end, c.end + 6))
    ) {
      d.notPlaces.add(c);
      continue;
    }
    // "at Barque Canada Reef": a name inside the longer name of a reef, a shoal or an island
    if (insideFeatureName(d, c)) {
      d.notPlaces.add(c);
      continue;
    }
    // "in the Tirah valley of Khyber district": a valley, a river or mountains named like a town abroad, in a
    // country the story does not name, is a feature the gazetteer does not know, not the town
    if (featureNamedLikeTownAbroad(d, c, places, countries)) {
      d.notPlaces.add(c);
      continue;
    }
    // "a Panama hat", "French fries", "a Guinea pig": a thing named after the place, not the place
    if (c.firstToken === c.lastToken && isEponym(d, c)) {
      d.notPlaces.add(c);
      continue;
    }
    // "a Halifax-class frigate", "the Brandenburg class": a class of ships named after the place, not the place
    // (the "c" of "class" asked first: most names have none one character after them)
    if ((d.text.charCodeAt(c.end + 1) | 32) === 99 && CLASS_AFTER.test(d.text.slice(c.end, c.end + 8))) {
      d.notPlaces.add(c);
      continue;
    }
    const name = headOfUnknownName(d, c, places) ?? headOfUnknownFeature(d, c);
    if (name) {
      (heads ??= new Set()).add(name);
      d.notPlaces.add(c);
      continue;
    }
    if (surnameAfterGivenName(d.text, d.tokens, c.firstToken, c.lastToken, places)) {
      (surnames ??= new Set()).add(c.text);
      if (afterMiddleInitial(d.text, d.tokens, c.firstToken)) (initialled ??= new Set()).add(c.text);
      d.notPlaces.add(c);
      continue;
    }
    // (a name a person may be given: a country's or a state's, as Georgia, Jordan or Chad, or a given name)
    // (not before a town's council or police: "the Austin City Council", "the Tyler Police Department")
    if (
      givenNameBeforeSurname(d.text, d.tokens, c.firstToken, c.lastToken) &&
      (places.some(isCountryOrState) || isGivenName(d.tokens[c.firstToken]!.norm)) &&
      !strongLocativeBefore(d, c) &&
      !municipalBodyAfter(d, c)
    ) {
      (givenNames ??= new Set()).add(c.text);
      d.notPlaces.add(c);
      continue;
    }
    // the words first: asking whether a place follows costs more, and few names are "Old Town"
    const next = quarterPrefix(d.text, d.tokens, c.lastToken);
    if (next && placeAt(d, next)) d.notPlaces.add(c);
  }
  // "the town of Kasba Bonli" after "in Kasba Bonli": the same unknown name, wherever it stands
  if (heads)
    for (let k = 0; k < cands.length; k++) {
      const c = cands[k]!;
      const next = d.tokens[c.lastToken + 1];
      if (
        next &&
        d.memo.places[k]!.length > 0 &&
        heads.has(`${c.text} ${next.text}`) &&
        spaceGap(d.text, c.end, next.start)
      )
        d.notPlaces.add(c);
    }
  // "Georgia began skating" after "Georgia Stevens": the person again, but "to Georgia" is the place
  if (givenNames)
    for (const c of cands)
      if (givenNames.has(c.text) && c.firstToken === c.lastToken && !strongLocativeBefore(d, c))
        d.notPlaces.add(c);
  if (!surnames) return;
  // "Pitman Family Farms" after "Mary Pitman"; but "in Houston" after "Sam Houston" is the city
  cands.forEach((c, k) => {
    if (!surnames.has(c.text)) return;
    const next = d.tokens[c.lastToken + 1];
    const sameSentence = next?.sentence === d.tokens[c.lastToken]!.sentence;
    if (d.memo.places[k]!.every((p) => p.type === "city")) {
      if (next?.cap && next.start === c.end + 1 && sameSentence) d.notPlaces.add(c);
    }
    // "Rhodes, Rivkin top Amherst election" and "Rhodes was the big winner" around "Irvin E. Rhodes": the
    // person, named alone; not "in Rhodes", nor "Rhodes, Greece"
    if (
      initialled?.has(c.text) &&
      c.firstToken === c.lastToken &&
      !strongLocativeBefore(d, c) &&
      !(sameSentence && d.text.charCodeAt(c.end) === 44 && qualifier(d, c))
    )
      d.notPlaces.add(c);
  });
}

/** Towns smaller than this named as the end of a longer name are read as part of it (see tailOfUnknownName). */
const TAIL_TOWN_POP = 100_000;

/**
 * "near Kafr Issa", "at Ras Laffan": a small town's name after a capitalised word the index does not know,
 * itself after a strong locative, is the end of a longer name the gazetteer lacks (the town Issa is not
 * there); the name is reported as unknown, not read as the town.
 */
function tailOfUnknownName(d: Doc, c: Candidate, places: readonly KbPlace[]): boolean {
  if (c.firstToken < 2) return false;
  const head = d.tokens[c.firstToken - 1]!;
  const locative = d.tokens[c.firstToken - 2]!;
  if (!head.cap || head.upper || head.sentenceStart || !STRONG_LOCATIVE.has(locative.norm)) return false;
  if (head.sentence !== locative.sentence || head.end + 1 !== c.start || locative.end + 1 !== head.start)
    return false;
  if (d.text.charCodeAt(head.end) !== 32 || d.text.charCodeAt(locative.end) !== 32) return false;
  if (!places.every((p) => p.type === "city" && p.pop < TAIL_TOWN_POP)) return false;
  // the word before is no name the index knows, nor part of one ("near Old Town Manassas" is another rule)
  return (
    endingWith(d.memo, c.firstToken - 1) === undefined &&
    !TITLES.has(head.norm) &&
    !NAME_QUALIFIERS.has(head.norm)
  );
}

/**
 * "in Kasba Bonli", "near Bir Ghbalou": a small town's name after a strong locative, then a capitalised word
 * that starts no name the index knows and is no common word, is the start of a longer name the gazetteer
 * lacks (the town Kasba, 1,100 km away, is not meant); the name is reported as unknown, not read as the
 * town. Returns the two words, so the same name elsewhere in the story is read alike.
 */
function headOfUnknownName(d: Doc, c: Candidate, places: readonly KbPlace[]): string | undefined {
  if (c.firstToken < 1) return undefined;
  const locative = d.tokens[c.firstToken - 1]!;
  const next = d.tokens[c.lastToken + 1];
  const last = d.tokens[c.lastToken]!;
  if (!next || !STRONG_LOCATIVE.has(locative.norm) || !next.cap || next.upper || next.sentenceStart)
    return undefined;
  if (locative.sentence !== next.sentence || !spaceGap(d.text, locative.end, c.start)) return undefined;
  if (!spaceGap(d.text, c.end, next.start) || !/^\p{L}+$/u.test(next.text)) return undefined;
  if (!places.every((p) => p.type === "city" && p.pop < TAIL_TOWN_POP)) return undefined;
  if (last.upper || d.kb.common.has(next.norm) || CALENDAR_WORDS.has(next.norm)) return undefined;
  if (TITLES.has(next.norm) || isGivenName(next.norm)) return undefined;
  // the word after is no name the index knows, nor the start of one
  if (startIndex(d.memo, next.start) !== undefined) return undefined;
  return `${c.text} ${next.text}`;
}

/**
 * Things named after a place or its people, by the name and the lower-case word after it: neither says
 * where anything is ("a Panama hat", "French fries", "Russian roulette", "a Guinea pig").
 */
const EPONYMS = new Set([
  "panama hat",
  "panama hats",
  "french fries",
  "french fry",
  "french toast",
  "french kiss",
  "french horn",
  "french press",
  "french windows",
  "brussels sprouts",
  "russian roulette",
  "russian dressing",
  "bermuda shorts",
  "bermuda grass",
  "labrador retriever",
  "labrador retrievers",
  "guinea pig",
  "guinea pigs",
  "guinea fowl",
  "guinea worm",
  "swiss cheese",
  "turkish delight",
  "turkish bath",
  "danish pastry",
  "danish pastries",
  "dutch oven",
  "dutch courage",
  "dutch auction",
  "chinese whispers",
  "chinese checkers",
  "chinese lantern",
  "chinese lanterns",
  "persian cat",
  "persian rug",
  "persian carpet",
  "siamese twins",
  "siamese cat",
  "brazil nut",
  "brazil nuts",
  "jerusalem artichoke",
  "mexican wave",
  "irish coffee",
  "irish stew",
  "english breakfast",
  "english muffin",
  "belgian waffle",
  "belgian waffles",
  "venetian blinds",
  "boston terrier",
  "dijon mustard",
  "turkey dinner",
  "turkey sandwich",
]);

/** Whether the one-word candidate and the word after it name a thing (EPONYMS). */
function isEponym(d: Doc, c: Candidate): boolean {
  const next = lowerWordAfter(d, c);
  return next !== undefined && EPONYMS.has(`${d.tokens[c.firstToken]!.norm} ${next.norm}`);
}

/**
 * Capitalised last words of a feature's name: "Barque Canada Reef", "Second Thomas Shoal", "the Little
 * Miami River".
 */
const FEATURE_NAME_HEADS = new Set([
  "reef",
  "shoal",
  "cay",
  "atoll",
  "bank",
  "island",
  "islands",
  "islet",
  "rock",
  "river",
  "creek",
  "canal",
]);

/**
 * A name between an unknown capitalised word and the capitalised head of a feature's name ("Barque Canada
 * Reef"): part of a name the gazetteer does not know (reported whole by the assessment), not the place.
 */
function insideFeatureName(d: Doc, c: Candidate): boolean {
  const prev = d.tokens[c.firstToken - 1];
  const next = d.tokens[c.lastToken + 1];
  if (!prev?.cap || prev.sentenceStart || prev.upper || !next?.cap || !FEATURE_NAME_HEADS.has(next.norm))
    return false;
  if (!spaceGap(d.text, prev.end, c.start) || !spaceGap(d.text, c.end, next.start)) return false;
  // (the word before opens no name the index knows: "the Spratly Islands" stays whole elsewhere)
  // (a common word may open the name: "the Little Miami River")
  return endingAt(d.memo, c.firstToken - 1) === undefined;
}

/** Natural features named after the word before them: "the Tirah valley", "the Kunar river". */
const NATURAL_FEATURE_NOUNS = new Set([
  "valley",
  "river",
  "mountains",
  "hills",
  "gorge",
  "pass",
  "plateau",
  "desert",
  "plain",
  "basin",
  "range",
]);

function featureNamedLikeTownAbroad(
  d: Doc,
  c: Candidate,
  places: readonly KbPlace[],
  countries: ReadonlyMap<string, number>,
): boolean {
  const next = d.tokens[c.lastToken + 1];
  if (!next || next.cap || !NATURAL_FEATURE_NOUNS.has(next.norm) || !spaceGap(d.text, c.end, next.start))
    return false;
  if (countries.size === 0) return false;
  return places.every((p) => (p.type === "city" || p.type === "capital") && !(p.cc && countries.has(p.cc)));
}

/** Lower-case nouns after a name that make it a site's or a feature's: "Aden Adde airport", "Tirah valley". */
const FEATURE_NOUNS_AFTER = new Set([
  "airport",
  "airfield",
  "airbase",
  "base",
  "district",
  "camp",
  "reef",
  "shoal",
  "valley",
  "mountains",
  "river",
  "pass",
  "crossing",
  "checkpoint",
  "dam",
]);

/**
 * "the town of Adan Yabaal", "Mogadishu's Aden Adde airport": a known place's name, then a capitalised
 * word no name of the index has, after the words of a place ("the town of") or before the noun of a site
 * or a feature, is the start of a longer name the gazetteer does not know, whatever the size of the known
 * place (see headOfUnknownName for small towns after "in").
 */
function headOfUnknownFeature(d: Doc, c: Candidate): string | undefined {
  const next = d.tokens[c.lastToken + 1];
  if (!next?.cap || next.upper || next.sentenceStart) return undefined;
  // the words around asked first: few names have a feature's noun after them or a place's words before,
  // and the lookups of the word in the big lists (the common words, the given names) are then not made
  const after = d.tokens[c.lastToken + 2];
  const feature =
    after !== undefined &&
    !after.cap &&
    FEATURE_NOUNS_AFTER.has(after.norm) &&
    spaceGap(d.text, next.end, after.start);
  const prev = prevToken(d, c);
  const placeWords = prev?.norm === "of" && PLACE_OF_WORDS.has(d.tokens[c.firstToken - 2]?.norm ?? "");
  if (!feature && !placeWords) return undefined;
  if (!/^\p{L}+$/u.test(next.text)) return undefined;
  if (!spaceGap(d.text, c.end, next.start) || d.tokens[c.lastToken]!.upper) return undefined;
  if (d.kb.common.has(next.norm) || CALENDAR_WORDS.has(next.norm) || TITLES.has(next.norm)) return undefined;
  if (startIndex(d.memo, next.start) !== undefined) return undefined;
  const placeOf = placeWords && !isGivenName(next.norm);
  return feature || placeOf ? `${c.text} ${next.text}` : undefined;
}

/** Words before a town's name that make a part or a namesake of it ("South Ossett", "Old Basing"). */
const NAME_QUALIFIERS = new Set([
  "north",
  "south",
  "east",
  "west",
  "northern",
  "southern",
  "eastern",
  "western",
  "central",
  "upper",
  "lower",
  "old",
  "new",
  "great",
  "greater",
  "little",
  "downtown",
  "uptown",
  "midtown",
  "inner",
  "outer",
]);

/** Whether a candidate with place readings starts at this token (its first, as startIndex finds it). */
function placeAt(d: Doc, next: Token): boolean {
  const k = startIndex(d.memo, next.start);
  return k !== undefined && d.memo.places[k]!.length > 0;
}

function nearAnchor(p: KbPlace, pctx: PlaceContext): boolean {
  return pctx.anchors.some(
    (a) => a.id !== p.id && haversineKm(p.lat, p.lon, a.lat, a.lon) <= FACILITY_TOWN_KM,
  );
}

/**
 * By position, the first candidate whose readings are the same places, with the same qualifier, as this
 * one's (its own position when none before; none for a candidate without readings).
 */
function sameReadings(readings: (Reading | undefined)[]): number[] {
  const first: number[] = new Array(readings.length);
  // candidates by their first place reading (most toponyms share it with none)
  const byFirst = new Map<KbPlace, number[]>();
  readings.forEach((r, k) => {
    if (!r) return;
    const same = byFirst.get(r.places[0]!);
    const j = same?.find((j) => sameRead(readings[j]!, r));
    first[k] = j ?? k;
    if (j !== undefined) return;
    if (same) same.push(k);
    else byFirst.set(r.places[0]!, [k]);
  });
  return first;
}

/** What the passes read of a candidate: its place readings and the country or state written after it. */
interface Reading {
  places: readonly KbPlace[];
  qualifier: PlaceContext["qualifier"];
}

function sameRead(a: Reading, b: Reading): boolean {
  if (a.places.length !== b.places.length) return false;
  for (let i = 0; i < a.places.length; i++) if (a.places[i] !== b.places[i]) return false;
  const p = a.qualifier;
  const q = b.qualifier;
  return (
    p === q ||
    (!!p &&
      !!q &&
      p.cc === q.cc &&
      p.usState === q.usState &&
      p.dateline === q.dateline &&
      p.region === q.region &&
      p.town === q.town &&
      p.forces === q.forces)
  );
}

/** bestReading(), where a single reading needs no scoring (as in rankOnly). */
function bestOf(
  places: readonly KbPlace[],
  pctx: PlaceContext,
  qualifier: PlaceContext["qualifier"],
  out: Best,
): void {
  if (places.length === 1) {
    out.place = places[0];
    out.margin = 0;
  } else bestReading(places, pctx, qualifier, out);
}

/**
 * The order of the readings, without evidence, for the passes that read only which comes first and by
 * how much: a single reading needs no scoring (its margin confidence does not depend on its score).
 */
function rankOnly(
  places: readonly KbPlace[],
  pctx: PlaceContext,
  qualifier: PlaceContext["qualifier"],
): RankedPlace[] {
  if (places.length === 1) return [unscored(places[0]!)];
  return rankPlaces(places, contextFor(pctx, qualifier), false);
}

/** A lone reading's place in a ranking, where its score is read by nothing (see rankOnly). */
function unscored(place: KbPlace): RankedPlace {
  return { place, score: 0, evidence: [] };
}

/** The document's context with what is written around one toponym (a new object, without a spread's cost). */
function contextFor(
  pctx: PlaceContext,
  qualifier: PlaceContext["qualifier"],
  qualifies?: PlaceContext["qualifies"],
): PlaceContext {
  return {
    countries: pctx.countries,
    byActorsOnly: pctx.byActorsOnly,
    usStates: pctx.usStates,
    anchors: pctx.anchors,
    dominant: pctx.dominant,
    civil: pctx.civil,
    qualifier,
    qualifies,
  };
}

/**
 * `clear`: the places, each once. The country counted most among the document's countries (less those
 * named only by their actors) and its clear places, the first of equals in the order of a map of both
 * (the countries', then the places' others); and the US state likewise.
 */
function dominant(clear: ReadonlySet<KbPlace>, pctx: PlaceContext): PlaceContext["dominant"] {
  const byActorsOnly = pctx.byActorsOnly;
  // A town named five times is one piece of evidence, not five: "in Bains ... in Bains" alone does not
  // make France the story's home.
  const inClear = new Map<string, number>();
  let states: Map<string, number> | undefined;
  for (const p of clear) {
    if (p.cc && p.type !== "country") inClear.set(p.cc, (inClear.get(p.cc) ?? 0) + 1);
    if (p.cc === "US" && p.admin) (states ??= new Map()).set(p.admin, (states.get(p.admin) ?? 0) + 1);
  }
  // the countries' counts with their places' (no copy of the countries' map made: it is asked twice a
  // document), then the places' other countries; a country named only by its actors ("Russian forces
  // captured Pokrovsk") is not where the story is set, and counts its places only
  let cc: string | undefined;
  let most = 0;
  for (const [c, n] of pctx.countries) {
    if (byActorsOnly?.has(c)) continue;
    const count = n + (inClear.get(c) ?? 0);
    if (cc === undefined || count > most) {
      cc = c;
      most = count;
    }
  }
  for (const [c, n] of inClear) {
    if (pctx.countries.has(c) && !byActorsOnly?.has(c)) continue;
    if (cc === undefined || n > most) {
      cc = c;
      most = n;
    }
  }
  for (const s of pctx.usStates) if (s) (states ??= new Map()).set(s, (states.get(s) ?? 0) + 1);
  const s = states && top(states);
  const usState = s && s[1] >= 2 ? s[0] : undefined;
  // (made with the fields it has, in one literal)
  if (cc === undefined || most < 2) return usState === undefined ? {} : { usState };
  return usState === undefined ? { cc } : { cc, usState };
}

/** The entry with the highest count, the first of equals (as a stable sort's first), without a copy. */
function top(m: Map<string, number>): [string, number] | undefined {
  let best: [string, number] | undefined;
  for (const e of m) if (!best || e[1] > best[1]) best = e;
  return best;
}

/**
 * How many systems the text names by a designator with a digit that reads as nothing else ("F-16s",
 * "Su-35", "Leopard 2A6"), each once: a text that names them is about the military as surely as one that
 * says "troops", so a bare name ("Rafales", "Gripens") is read as the system there too.
 */
function designatorsNamed(cands: readonly Candidate[]): number {
  let ids: Set<number> | undefined;
  /** systems named in the plural or in capitals by a bare name that reads as nothing else ("Iskanders") */
  let bare: Set<number> | undefined;
  for (const c of cands) {
    if (c.fuzzy || c.refs.length === 0) continue;
    let equipment = -1;
    let named = -1;
    let other = false;
    for (const r of c.refs) {
      if (r.kind === "equipment" && hasDigit(r.surface)) equipment = r.index;
      // (in the plural or in capitals only: "four Iskanders", "Shaheds", "HIMARS"; "a Chinook wind", "the
      // Rafale bakery" are not)
      else if (
        r.kind === "equipment" &&
        !(r.flags & FLAG_COMMON_WORD) &&
        (pluralOfName(c.text, r.surface) || ACRONYM.test(c.text))
      )
        named = r.index;
      else if (r.kind !== "equipment" && r.kind !== "nato") other = true;
    }
    if (other) continue;
    if (equipment >= 0) (ids ??= new Set()).add(equipment);
    else if (named >= 0) (bare ??= new Set()).add(named);
  }
  // two such names together speak of the military as a designator does: "120 Shaheds and Gerans, along
  // with four Iskanders and two Kinzhals" (one alone may be a namesake)
  return (ids?.size ?? 0) + (bare && bare.size >= 2 ? bare.size : 0);
}

/** Words after a hyphen that make a country the holder or backer of others: "Russian-occupied". */
const HOLDER_SUFFIXES = new Set([...BACKER_SUFFIXES, "occupied", "held", "annexed", "run", "imposed"]);

/** Whether the candidate is joined by a hyphen to a holder's word ("Russian-installed", "Moscow-backed"). */
function holderBefore(text: string, tokens: readonly Token[], c: Candidate): boolean {
  const next = tokens[c.lastToken + 1];
  return (
    next !== undefined && next.start === c.end + 1 && text[c.end] === "-" && HOLDER_SUFFIXES.has(next.norm)
  );
}

/** A name written as an acronym of three letters or more: "HIMARS", "GMLRS", "NASAMS". */
const ACRONYM = /^[A-Z]{3,}$/;

const startsWithDigit = (text: string) => text.charCodeAt(0) >= 48 && text.charCodeAt(0) <= 57;

/** Whether the text is a name's plural: one more final "s" than the name has ("Kinzhals" of "Kinzhal"). */
const pluralOfName = (text: string, name: string) =>
  text.length === name.length + 1 &&
  text.charCodeAt(text.length - 1) === 115 &&
  name.charCodeAt(name.length - 1) !== 115;

function militaryScore(classes: WordClasses): number {
  let n = 0;
  for (let i = 0; i < classes.length; i++) if (classes[i]! & MILITARY) n++;
  return n;
}

const NO_PLACES: readonly KbPlace[] = Object.freeze([]);

/**
 * Whether text[from, to) is a comma and at most one space (/^,\s?$/ without cutting out the gap). The list
 * rules (regionOfList, usage's coordinated subjects) ask for ", " exactly: tokens.ts's commaSpaceGap.
 */
function commaGap(text: string, from: number, to: number): boolean {
  if (text[from] !== ",") return false;
  return to === from + 1 || (to === from + 2 && /\s/.test(text[from + 1]!));
}

/** Whether one of the readings only is a place (a capital's government reading aside). */
function onePlace(refs: readonly Ref[]): boolean {
  let n = 0;
  for (const r of refs) if (r.kind === "place") n++;
  return n === 1;
}

/**
 * Whether another of the readings is a state or province (a function, not a closure in readCandidates'
 * loop: that would make V8 allocate a context for every reading).
 */
function sharedWithAdmin1(kb: Kb, refs: readonly Ref[], r: Ref): boolean {
  for (const o of refs) {
    if (o === r || o.kind !== "place") continue;
    const type = kb.places[o.index]!.type;
    // ("Congo", either country's name, is evidence for neither)
    if (type === "admin1" || type === "country") return true;
  }
  return false;
}

/** A US state's AP abbreviation or postal code after a comma: "Gainesville, Va.", "W.Va.", "Bend, OR". */
const STATE_ABBREVIATION_AFTER = /^,\s?([A-Z][a-z]{1,4}\.|[A-Z]\.\s?[A-Z][a-z]?\.|[A-Z]{2}(?![\p{L}\p{N}]))/u;

/**
 * The code of a US state's AP abbreviation, with its full stop, right after `end` and a comma ("Neb."): not
 * a postal code, which may be a word ("Myrtle Beach, OK, on Friday").
 */
function apStateAfter(text: string, end: number): string | undefined {
  const after = stateAbbreviationAfter(text, end);
  return after && text.charCodeAt(after.end - 1) === 46 ? after.code : undefined;
}

/** The span and state code of a US state's abbreviation right after `end` (a toponym's), if there is one. */
function stateAbbreviationAfter(text: string, end: number): (Span & { code: string }) | undefined {
  if (!capitalAfterComma(text, end)) return undefined; // most toponyms are not followed by one
  const after = STATE_ABBREVIATION_AFTER.exec(text.slice(end, end + 10));
  const code = after && usStateCode(after[1]!, true);
  if (!code) return undefined;
  return { start: end + after[0].length - after[1]!.length, end: end + after[0].length, code };
}

/**
 * "HOLLIDAY, Mo.": the state's abbreviation after a town pins it down, so when no reading of the town is
 * in that state, the gazetteer does not know it (it lacks towns under 1,000 people), and another state's
 * town of that name is not it. Gives the state's code then. A state's full name after a comma may start a
 * list ("Toronto, Washington and Ottawa"), and a postal code may be a word, so only an AP abbreviation
 * counts.
 */
function outsideItsState(
  d: Doc,
  c: Candidate,
  readings: readonly KbPlace[],
  best: KbPlace,
): string | undefined {
  if (best.type !== "city" && best.type !== "capital") return undefined;
  // an AP abbreviation ("Mo."), not a postal code, which may be a word ("Myrtle Beach, OK, on Friday"); or a
  // state's full name closed by a comma or a full stop ("Petrolia, California, early Sunday"), which no
  // list goes on from
  const state = apStateAfter(d.text, c.end) ?? fullStateNameAfter(d, c.end);
  if (!state) return undefined;
  if (readings.some((p) => p.cc === "US" && p.admin === state)) return undefined;
  // "Tbilisi, Georgia,": the state's name is also a country's, in which a reading lies
  const cc = countryNamedAfter(d, c);
  return cc && readings.some((p) => p.cc === cc || p.countries?.includes(cc)) ? undefined : state;
}

/** A US military installation's name and a comma: "Moody Air Force Base, ", "Fort Benning, ", "Joint Base Lewis-McChord, ". */
const US_INSTALLATION_BEFORE =
  /(?:\b(?:Air\s+Force|Space\s+Force|Air\s+Reserve|Marine\s+Corps|Naval|Navy)\s+(?:Base|Station|Air\s+Station)|\bNaval\s+Air\s+Station|\bArmy\s+Air\s*field|\b(?:Fort|Joint\s+Base|Camp)\s+\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*)?),\s$/u;

/** The country named after a town and a comma, and closing there ("Leon, Mexico,"): its code. */
function countryNamedAfter(d: Doc, c: Candidate): string | undefined {
  if (d.text.charCodeAt(c.end) !== 44) return undefined;
  const next = d.tokens[c.lastToken + 1];
  if (!next || !commaGap(d.text, c.end, next.start)) return undefined;
  const q = startingAt(d.memo, next.start);
  if (!q || !/^(?:[,.;:)]|$)/.test(d.text.slice(q.end, q.end + 1))) return undefined;
  const country = q.refs.find((r) => r.kind === "place" && d.kb.places[r.index]!.type === "country");
  return (country && d.kb.places[country.index]!.cc) || undefined;
}

/**
 * "Leon, Mexico,", "Santa Cruz, Bolivia.": a country named after a town and a comma, and closing there, in
 * which none of the town's readings lies. Its code, when so: the town is one the gazetteer does not know
 * there, not a namesake abroad.
 */
function outsideItsCountry(
  d: Doc,
  c: Candidate,
  readings: readonly KbPlace[],
  best: KbPlace,
): string | undefined {
  if (!QUALIFIED_TYPES.has(best.type)) return undefined;
  const cc = countryNamedAfter(d, c);
  if (!cc || readings.some((p) => p.cc === cc || p.countries?.includes(cc))) return undefined;
  // "Atlanta, Georgia,": the country's name is also a US state's, in which a reading lies
  const state = fullStateNameAfter(d, c.end);
  return state && readings.some((p) => p.cc === "US" && p.admin === state) ? undefined : cc;
}

/** Readings a country after a comma qualifies: towns and a country's divisions ("Victoria, Guyana"). */
const QUALIFIED_TYPES = new Set(["city", "capital", "admin1", "admin2"]);

/**
 * A town's own council, police, schools or library after its name: "the Austin City Council", "the
 * Lebanon Board of Education", "Wellington Police Department", "Tyler ISD". The name is a town's.
 */
function municipalBodyAfter(d: Doc, c: Candidate): boolean {
  const next = d.tokens[c.lastToken + 1];
  if (!next || !spaceGap(d.text, c.end, next.start) || !MUNICIPAL_HEADS.has(next.norm)) return false;
  return MUNICIPAL_BODY.test(d.text.slice(c.end, c.end + 40));
}

/** The first words of MUNICIPAL_BODY, asked first: most words after a toponym are none of them. */
const MUNICIPAL_HEADS = new Set([
  "city",
  "parish",
  "town",
  "village",
  "borough",
  "police",
  "fire",
  "board",
  "school",
  "schools",
  "public",
  "unified",
  "isd",
  "independent",
  "planning",
  "zoning",
  "housing",
]);
const MUNICIPAL_BODY =
  /^\s+(?:(?:City|Town|Village|Borough|Parish)\s+(?:Council|Commission|Hall|Manager|Clerk|Attorney|Board|Schools)|(?:Police|Fire)\s+(?:Department|Dept\.|Service|Chief|Commissioner|Rescue)|Board\s+of\s+(?:Education|Selectmen|Aldermen|Trustees|Supervisors)|(?:Public\s+)?Schools?\s+(?:Board|District|Committee|Superintendent)|(?:Unified|Independent)\s+School\s+District|ISD|Planning\s+(?:Board|Commission)|Zoning\s+Board|Public\s+(?:Library|Schools)|Housing\s+Authority)\b/i;

/** What goes on after a list's name: " and Ottawa", " or Kyiv". */
const LIST_GOES_ON = /^\s+(?:and|or)\s+\p{Lu}/u;

/** A US state's full name after a comma, closed by a comma, a full stop or a semicolon: its code. */
function fullStateNameAfter(d: Doc, end: number): string | undefined {
  if (d.text.charCodeAt(end) !== 44) return undefined;
  const m = /^,\s((?:\p{Lu}\p{Ll}+\s){0,2}\p{Lu}\p{Ll}+)[,.;]/u.exec(d.text.slice(end, end + 30));
  return m ? usStateCode(m[1]!, false) : undefined;
}

/** "Paris, Texas", "Tripoli, Lebanon", "Gainesville, Va.": the words after a comma qualify the toponym. */
function qualifier(d: Doc, c: Candidate): PlaceContext["qualifier"] {
  let q = qualifierAfter(d, c);
  if (municipalBodyAfter(d, c)) q = q ? { ...q, town: true } : { town: true };
  if (!q?.cc) {
    const forces = forcesMovedHere(d, c);
    if (forces) q = q ? { ...q, forces } : { forces };
  }
  if (!isDateline(d, c)) return q;
  return q ? { ...q, dateline: true } : { dateline: true };
}

/** Between forces and the place they move to or stay in: " were deployed in", " moved into". */
const FORCES_MOVED_TO =
  /^\s+(?:(?:have|has|had|were|was|are|is|been|also|reportedly|now|later|quickly)\s+)*(?:deployed|redeployed|moved|arrived|stationed|based|entered|patrolled|positioned|massed|gathered|took\s+up\s+positions)\s+(?:(?:on|late|early|overnight|last|this|\w+day)\s+)*(?:in|to|into|near|around|at|outside)\s+(?:the\s+(?:northern\s+|southern\s+|eastern\s+|western\s+)?(?:city|town|port)\s+of\s+)?$/i;

/**
 * "Lebanese troops deployed in Tripoli": the country of a demonym's forces that move to or stay in a town
 * of that name there (not a country's name itself, which "US troops deployed to Georgia" leaves open). The
 * demonym opens the forces up to a dozen words before; their verb leads to the place.
 */
function forcesMovedHere(d: Doc, c: Candidate): string | undefined {
  const first = d.tokens[c.firstToken]!;
  for (let t = c.firstToken - 2; t >= 0 && t >= c.firstToken - 12; t--) {
    // the word classes first: most words are no force noun, and a sentence's tokens are together, so one
    // found in another sentence says as surely as the first word there that the sentence was left
    if (!(d.classes[t]! & FORCE_NOUN)) continue;
    const noun = d.tokens[t]!;
    if (noun.sentence !== first.sentence) return undefined;
    if (noun.cap) continue;
    const demonym = endingWith(d.memo, t - 1);
    const ref = demonym?.refs.find((r) => r.kind === "demonym");
    if (!ref || !FORCES_MOVED_TO.test(d.text.slice(noun.end, c.start))) return undefined;
    const cc = d.kb.places[ref.index]!.cc;
    const k = startIndex(d.memo, c.start);
    return cc && k !== undefined && placesOfCountry(d.memo.places[k]!, cc) ? cc : undefined;
  }
  return undefined;
}

/**
 * Whether the readings are places of this country and none a country. (A function, not closures in
 * forcesMovedHere's loop: those would have V8 allocate a context at each word the loop reads back.)
 */
function placesOfCountry(readings: readonly KbPlace[], cc: string): boolean {
  let inside = false;
  for (const p of readings) {
    if (p.type === "country") return false;
    if (p.cc === cc) inside = true;
  }
  return inside;
}

/**
 * What follows a dateline's place ("VICTORIA -", "Kyiv (Reuters) -", "TACOMA, Wash. -"): an optional
 * qualifier after a comma, an optional parenthesis (the agency), then a dash.
 */
const DATELINE_AFTER =
  /^(?:\/\p{Lu}[\p{Lu} .'’-]*)*(?:,(?:\s*[\p{L}\p{N}.]+){1,3})?\s*(?:\([^)\n]{1,40}\)\s*)?[-–—]+\s/u;

/**
 * Whether the toponym is a dateline's: it opens its sentence, written in capitals or opening a paragraph
 * (the document's first words, or after a line break), and a dash follows, maybe after a qualifier and
 * the agency's name. News puts the town it was filed from there.
 */
function isDateline(d: Doc, c: Candidate): boolean {
  const first = d.tokens[c.firstToken]!;
  // "KYIV/MOSCOW, Oct 5 -": the second of two towns a story was filed from, after a slash
  if (!first.sentenceStart) {
    // (the line is cut only for a name in capitals: finding its start reads back to the last line break)
    if (!first.upper) return false;
    const line = lineBefore(d.text, c.start);
    return SLASHED_TOWNS.test(line) && DATELINE_AFTER.test(d.text.slice(c.end, c.end + 60));
  }
  let i = c.start;
  while (i > 0 && (d.text.charCodeAt(i - 1) === 32 || d.text.charCodeAt(i - 1) === 9)) i--;
  const opensParagraph = i === 0 || d.text.charCodeAt(i - 1) === 10 || d.text.charCodeAt(i - 1) === 13;
  if (!opensParagraph && !first.upper) return false;
  return DATELINE_AFTER.test(d.text.slice(c.end, c.end + 60));
}

/** The towns in capitals, each then a slash, before the second town of a dateline on its line. */
const SLASHED_TOWNS = /^\s*(?:\p{Lu}[\p{Lu} .'’-]*\/)+$/u;

function qualifierAfter(d: Doc, c: Candidate): PlaceContext["qualifier"] {
  // "Georgia's governor", "a Georgia man", "the governor of Georgia": a US state's own words say it is the
  // state, not the country of that name
  const own = namesUsState(d.kb, c) ? usStateCode(c.text, false) : undefined;
  if (
    own &&
    (STATE_WORDS_AFTER.test(d.text.slice(c.end, c.end + 40)) ||
      STATE_WORDS_BEFORE.test(d.text.slice(Math.max(0, c.start - 40), c.start)))
  )
    return { usState: own, cc: "US" };
  const next = d.tokens[c.lastToken + 1];
  if (next?.norm === "in" && spaceGap(d.text, c.end, next.start)) return countryAfterIn(d, c.lastToken + 1);
  if (!next || !commaGap(d.text, c.end, next.start)) return undefined;
  // "Brandon, Man.", "Perth, WA": a Canadian province or Australian state abbreviated (WA, also a US
  // state's code, when the town has a reading there and none in Washington)
  const province = provinceAfter(d.kb, d.text, c.end);
  if (province) {
    const k = startIndex(d.memo, c.start);
    const places = k === undefined ? [] : d.memo.places[k]!;
    const us = usStateCode(d.text.slice(province.start, province.end), true);
    if (
      !us ||
      (places.some((p) => inProvince(p, province.place)) &&
        !places.some((p) => p.cc === "US" && p.admin === us))
    )
      return { cc: province.place.cc ?? undefined, region: province.place };
  }
  // "Paris, a small town in Tennessee", "Tripoli, a city in northern Lebanon": a description after a comma
  if (next.norm === "a" || next.norm === "an" || next.norm === "the") {
    const m = TOWN_DESCRIBED.exec(d.text.slice(next.start, next.start + 80));
    if (!m) return undefined;
    const at = firstTokenAt(d, next.start + m[0].length - 3);
    return at === undefined ? undefined : countryAfterIn(d, at, true);
  }
  const twoTok = d.tokens[c.lastToken + 2];
  const abbr =
    twoTok && d.text.slice(next.end, twoTok.start) === "." ? `${next.text}.${twoTok.text}` : next.text;
  const st = usStateCode(abbr, true) ?? usStateCode(next.text, next.upper);
  // (a state's name that goes on to "and" and another name is a list's, "Toronto, Washington and Ottawa")
  if (st && !LIST_GOES_ON.test(d.text.slice(next.end, next.end + 20))) return { usState: st, cc: "US" };
  const q = startingAt(d.memo, next.start);
  const country = q?.refs.find((r) => r.kind === "place" && d.kb.places[r.index]!.type === "country");
  if (country) return { cc: d.kb.places[country.index]!.cc ?? undefined };
  // "London, Ontario", "Victoria, British Columbia", "Aurangabad, Bihar": a province or state of another
  // country qualifies the town as its country would, and more (the town in its box)
  const region = q?.refs.find((r) => r.kind === "place" && d.kb.places[r.index]!.type === "admin1");
  if (region) {
    const p = d.kb.places[region.index]!;
    return { cc: p.cc ?? undefined, region: p };
  }
  return undefined;
}

/** Whether one of a candidate's readings is a US state (asked before its name is looked up as one). */
function namesUsState(kb: Kb, c: Candidate): boolean {
  for (const r of c.refs) {
    if (r.kind !== "place") continue;
    const p = kb.places[r.index]!;
    if (p.type === "admin1" && p.cc === "US") return true;
  }
  return false;
}

/** What follows a US state's name that makes it the state: "'s governor", " man", " Tech", " Bulldogs". */
const STATE_WORDS_AFTER =
  /^(?:['’]s\s+(?:governor|gov\.|legislature|lawmakers|general\s+assembly|state\s+(?:senate|house|legislature|capitol|patrol|police|university)|attorney\s+general|secretary\s+of\s+state|supreme\s+court|public\s+service\s+commission|department\s+of|national\s+guard|(?:\d+(?:st|nd|rd|th)\s+)?congressional|senators?|congressional)|\s+(?:man|woman|men|women|teen|teenager|resident|residents|sheriff|county|counties|state\s+(?:senator|representative|trooper|patrol|university|house|senate)|Tech|Bulldogs|Power|lawmakers|legislature|legislators|voters|Republicans?|Democrats?|congressman|congresswoman|governor)\b|\s+(?:Lt\.\s+)?Gov\.)/i;
/** What comes before a US state's name that makes it the state: "the governor of ", "the state of ". */
const STATE_WORDS_BEFORE =
  /\b(?:governor|gov\.|state|legislature|lawmakers|senators?|voters|counties)\s+of\s+$/iu;

/** "a small town in ", "the port city of ": how a description of a town ends before its country or state. */
const TOWN_DESCRIBED =
  /^(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:town|city|village|port|hamlet|settlement|suburb|capital|district)\s+(?:in|of)\s/i;

/** The index of the token that starts at or after a character offset. */
function firstTokenAt(d: Doc, offset: number): number | undefined {
  const k = lowerBound(d.tokens, offset, tokenStart);
  return k < d.tokens.length ? k : undefined;
}

const tokenStart = (t: Token) => t.start;

/**
 * "Tripoli in northern Lebanon", "Tower 22 in Jordan": a country named right after "in" (past "the" and a
 * direction) qualifies the town before it as a comma would. Token `at` is the "in".
 */
function countryAfterIn(d: Doc, at: number, orState = false): PlaceContext["qualifier"] {
  let k = at + 1;
  let end = d.tokens[at]!.end;
  for (let n = 0; n < 2; n++) {
    const t = d.tokens[k];
    if (!t || !spaceGap(d.text, end, t.start) || !(t.norm === "the" || DIRECTION_WORDS.test(t.norm))) break;
    end = t.end;
    k++;
  }
  const t = d.tokens[k];
  if (!t?.cap || !spaceGap(d.text, end, t.start) || t.sentence !== d.tokens[at]!.sentence) return undefined;
  const q = startingAt(d.memo, t.start);
  const country = q?.refs.find((r) => r.kind === "place" && d.kb.places[r.index]!.type === "country");
  if (country) return { cc: d.kb.places[country.index]!.cc ?? undefined };
  // "Oleksandrivka in the Donetsk region", "Pervomaisk in Luhansk oblast": a province or region named as
  // one ("region", "oblast", "province" among its words) qualifies the town as after a comma
  if (q && q.lastToken > q.firstToken && REGION_NOUN.test(d.tokens[q.lastToken]!.norm)) {
    const region = q.refs.find((r) => r.kind === "place" && d.kb.places[r.index]!.type === "admin1");
    if (region) {
      const p = d.kb.places[region.index]!;
      return { cc: p.cc ?? undefined, region: p, regionAfterIn: true };
    }
  }
  // (after a description, a US state too: "a small town in Tennessee")
  const st = orState ? usStateCode(t.text, false) : undefined;
  return st ? { usState: st, cc: "US" } : undefined;
}

/** The nouns that close a province's name written as one: "the Donetsk region", "Kherson oblast". */
const REGION_NOUN = /^(?:region|oblast|province|governorate|state|prefecture|district)$/;

/** A direction as news writes it before a place: "northern", "south-eastern", "central". */
const DIRECTION_WORDS = /^(?:(?:north|south)(?:-?(?:east|west))?(?:ern)?|(?:east|west)(?:ern)?|central)$/;

const usStatePlaces = new WeakMap<Kb, Map<string, KbPlace>>();

/** The gazetteer entry of a US state by postal code. */
function usStatePlace(kb: Kb, code: string): KbPlace | undefined {
  let m = usStatePlaces.get(kb);
  if (!m) {
    m = new Map();
    for (const p of kb.places) if (p.type === "admin1" && p.cc === "US" && p.admin) m.set(p.admin, p);
    usStatePlaces.set(kb, m);
  }
  return m.get(code);
}

/**
 * "Tacoma, Washington": a state name after a city in that state is the state, even when the gazetteer
 * keeps the bare name for something else (Washington is the capital's name).
 */
function stateOfPreviousCity(d: Doc, c: Candidate, before: KbPlace[] | undefined): KbPlace | undefined {
  if (!before || before.length === 0) return undefined; // most toponyms follow no other
  const code = usStateCode(c.text, false);
  if (!code || !before.some((p) => p.cc === "US" && p.admin === code)) return undefined;
  return usStatePlace(d.kb, code);
}

/**
 * "New York Gov. Andrew Cuomo", "the governor of Washington", "the State of New York": a state's government
 * words make its name the state, also where the gazetteer keeps the bare name for a city (New York,
 * Washington). Asked only of a name written as a state's.
 */
function stateByItsGovernment(d: Doc, c: Candidate): KbPlace | undefined {
  // the words around asked first: a government word or a possessive after, "of" before
  const next = d.tokens[c.lastToken + 1];
  const after = d.text.charCodeAt(c.end);
  if (
    !(next && GOVERNMENT_HEADS.has(next.norm)) &&
    after !== 39 &&
    after !== 8217 &&
    !(
      d.tokens[c.firstToken - 1]?.norm === "of" &&
      GOVERNMENT_HEADS.has(d.tokens[c.firstToken - 2]?.norm ?? "")
    )
  )
    return undefined;
  const code = usStateCode(c.text, false);
  if (!code) return undefined;
  if (
    !GOVERNMENT_AFTER.test(d.text.slice(c.end, c.end + 30)) &&
    !GOVERNMENT_BEFORE.test(d.text.slice(Math.max(0, c.start - 30), c.start))
  )
    return undefined;
  return usStatePlace(d.kb, code);
}

/** The last words of a body's name: "Institute", "Forum", "College", "Center", "Group". */
const BODY_HEADS = new Set([
  "institute",
  "forum",
  "college",
  "center",
  "centre",
  "group",
  "foundation",
  "council",
  "society",
  "association",
  "initiative",
  "programme",
  "program",
  "project",
  "studies",
  "observatory",
  "network",
  "monitor",
  "dialogue",
  "conference",
  "academy",
]);

/**
 * Whether capitalised words after the place, one space apart, end within three words in a body's head
 * ("Taiwan Strait Institute", "Black Sea Security Forum", "Sahel Research Group").
 */
function insideBodyName(d: Doc, c: Candidate, at: number): boolean {
  let prev = d.tokens[c.lastToken]!;
  for (let i = at; i < at + 3 && i < d.tokens.length; i++) {
    const t = d.tokens[i]!;
    if (!t.cap || t.upper || t.start !== prev.end + 1 || d.text[prev.end] !== " ") return false;
    if (BODY_HEADS.has(t.norm)) return true;
    prev = t;
  }
  return false;
}

/** Words of a water or land feature that name it by "of" and a place: "the Bay of Kotor". */
const FEATURE_OF = new Set(["Bay", "Gulf", "Port", "Strait", "Straits", "Isle", "Cape"]);
const FEATURE_OF_AFTER = /^\sof\s\p{Lu}/u;

/** A state's Guard after its name: " National Guard", " Air National Guard". */
const NATIONAL_GUARD_AFTER = /^\s(?:Air\s|Army\s)?National\sGuard\b/;

/** The first words of GOVERNMENT_AFTER. */
const GOVERNMENT_HEADS = new Set([
  "national",
  "air",
  "army",
  "gov",
  "governor",
  "lieutenant",
  "legislature",
  "general",
  "attorney",
  "secretary",
  "state",
]);
const GOVERNMENT_AFTER =
  /^(?:['’]s)?\s+(?:(?:Lt\.\s+)?Gov\.|(?:lieutenant\s+)?governor\b|legislature\b|general\s+assembly\b|attorney\s+general\b|secretary\s+of\s+state\b|state\s+(?:senate|house|legislature|capitol)\b|(?:air\s+|army\s+)?national\s+guard\b)/i;
const GOVERNMENT_BEFORE = /\b(?:governor|gov\.|legislature|state)\s+of\s+$/i;

/**
 * "Gainesville, Va.", "Myrtle Beach, SC": the AP abbreviation or postal code after a US city is a mention
 * of its state, when the city is in that state. Runs after the resolver so it knows which city was meant.
 */
function findStateAbbreviations(d: Doc, table: EntityTable): void {
  // the mentions there were before this loop (it only adds to the list): no copy of the list needed
  const n = table.mentions.length;
  for (let i = 0; i < n; i++) {
    const m = table.mentions[i]!;
    // "Gainesville, Va.", "Washington, D.C.", and the postal code: "Myrtle Beach, SC" (all after a comma):
    // the comma asked for first, as it rules out most mentions without looking up their entity
    if (d.text.charCodeAt(m.end) !== 44) continue;
    const e = table.get(m.entityId);
    if (
      e?.kind !== "place" ||
      e.countryCode !== "US" ||
      (e.featureType !== "city" && e.featureType !== "capital")
    )
      continue;
    const after = stateAbbreviationAfter(d.text, m.end);
    if (!after) continue;
    const city = e.kbId ? d.kb.place(e.kbId) : undefined;
    if (!city || city.admin !== after.code) continue;
    addStateAbbreviation(d, table, after, m.sentence, "state-after-city");
  }
  // "Brandon, Man.", "Mildura, Vic": a Canadian province's or Australian state's abbreviation after its town
  for (let i = 0; i < n; i++) {
    const m = table.mentions[i]!;
    if (d.text.charCodeAt(m.end) !== 44) continue;
    const e = table.get(m.entityId);
    if (e?.kind !== "place" || (e.featureType !== "city" && e.featureType !== "capital") || !e.kbId) continue;
    const province = provinceAfter(d.kb, d.text, m.end);
    const town = province && d.kb.place(e.kbId);
    if (
      !province ||
      !town ||
      !inProvince(town, province.place) ||
      table.overlaps(province.start, province.end)
    )
      continue;
    addPlaceEntity(
      table,
      province.place,
      {
        start: province.start,
        end: province.end,
        text: d.text.slice(province.start, province.end),
        role: "literal",
        confidence: 0.9,
        evidence: [{ rule: "province-after-town", detail: province.place.id }],
      },
      m.sentence,
    );
  }
  // "HOLLIDAY, Mo.": a town the gazetteer does not know in the state named after it (see outsideItsState)
  for (const s of d.setAside)
    if (s.qualifiedBy) {
      const after = stateAbbreviationAfter(d.text, s.end);
      if (after) addStateAbbreviation(d, table, after, s.sentence, "state-after-unknown-town");
    }
}

function addStateAbbreviation(
  d: Doc,
  table: EntityTable,
  at: Span & { code: string },
  sentence: number,
  rule: string,
): void {
  const state = usStatePlace(d.kb, at.code);
  if (!state || table.overlaps(at.start, at.end)) return;
  const text = d.text.slice(at.start, at.end);
  const evidence = [{ rule, detail: at.code }];
  addPlaceEntity(
    table,
    state,
    { start: at.start, end: at.end, text, role: "literal", confidence: 0.9, evidence },
    sentence,
  );
}

/** "Man" in "Brandon, Man.": a province's abbreviation after a town and a comma (read with the town). */
function provinceAfterTown(d: Doc, c: Candidate): boolean {
  // (the comma asked for first: ", Man." or ",Man.")
  if (c.firstToken < 1 || (d.text.charCodeAt(c.start - 2) !== 44 && d.text.charCodeAt(c.start - 1) !== 44))
    return false;
  const before = endingAt(d.memo, c.firstToken - 1);
  if (before === undefined || d.memo.places[before]!.length === 0) return false;
  const province = provinceAfter(d.kb, d.text, d.memo.cands[before]!.end);
  return province !== undefined && province.start === c.start;
}

/**
 * "Wichita, Kan.": a state's AP abbreviation after a US town and a comma is the state (findStateAbbreviations
 * adds it), not the Israeli broadcaster Kan.
 */
function stateAfterCity(d: Doc, c: Candidate, places: readonly KbPlace[]): boolean {
  if (d.text.charCodeAt(c.end) !== 46 || c.firstToken < 1) return false; // a full stop after it
  const prev = d.tokens[c.firstToken - 1]!;
  if (!/^,\s?$/.test(d.text.slice(prev.end, c.start)) || !usStateCode(`${c.text}.`, false)) return false;
  // a name with place readings ("Mo", "New York") is read as usual, the state added to its readings
  if (places.length > 0) return false;
  const before = endingAt(d.memo, c.firstToken - 1);
  return before !== undefined && d.memo.places[before]!.some((p) => p.cc === "US" && p.type === "city");
}

/** The toponym right before ", " this one: "Atlanta" for "Georgia" in "Atlanta, Georgia". */
function qualified(d: Doc, c: Candidate): KbPlace[] | undefined {
  // only a comma right before, or before one space, can join them (see commaGap)
  if (d.text[c.start - 1] !== "," && d.text[c.start - 2] !== ",") return undefined;
  const k = endingAt(d.memo, c.firstToken - 1);
  if (k === undefined || !commaGap(d.text, d.memo.cands[k]!.end, c.start)) return undefined;
  return d.memo.places[k]!.filter((p) => p.type === "city" || p.type === "capital");
}

/**
 * "Government of National Unity": a one-word name that is also an ordinary word ("The National", once its
 * article is dropped) is not that name when it sits inside a longer capitalised name.
 */
function insideLongerName(d: Doc, c: Candidate): boolean {
  if (c.firstToken !== c.lastToken) return false;
  const adjacent = (a: Token | undefined, b: Token | undefined) =>
    !!a && !!b && a.sentence === b.sentence && /^\s$/.test(d.text.slice(a.end, b.start));
  const self = d.tokens[c.firstToken]!;
  const next = d.tokens[c.lastToken + 1];
  if (next?.cap && adjacent(self, next)) return true;
  const prev = d.tokens[c.firstToken - 1];
  if (prev?.cap && prev.norm !== "the" && !prev.sentenceStart && adjacent(prev, self)) return true;
  const prev2 = d.tokens[c.firstToken - 2];
  return (
    !!prev &&
    /^(?:of|for|and)$/.test(prev.norm) &&
    !!prev2?.cap &&
    adjacent(prev2, prev) &&
    adjacent(prev, self)
  );
}

/** The word before the candidate in its sentence ("The convoy turned south. Poland said": none before Poland). */
function prevToken(d: Doc, c: Candidate): Token | undefined {
  const prev = d.tokens[c.firstToken - 1];
  return prev && prev.sentence === d.tokens[c.firstToken]!.sentence ? prev : undefined;
}

/** Whether some candidate may be a base, a range or a yard (what `civil` decides about). */
function hasSiteReading(places: readonly (readonly KbPlace[])[]): boolean {
  for (const ps of places) for (const p of ps) if (SITE_TYPES_SET.has(p.type)) return true;
  return false;
}
const SITE_TYPES_SET: ReadonlySet<string> = new Set(SITE_TYPES);

/** Words of a story about bases that MILITARY_WORDS leaves out (they have other senses). */
const BASE_STORY_WORDS =
  /\b(?:nuclear|tankers?|soviet|war|wartime|soldiers?|bombers?|RAF|USAF|NATO|Pentagon|garrison)\b/i;

/** A result's verb between two teams: "beat", "drew with", "lost to". */
const RESULT_VERB =
  "(?:beat|beats|defeated|defeats|edged|edges|routed|routs|downed|topped|thrashed|drew\\s+with|tied|lost\\s+to|fell\\s+to)";
/** A score or a margin: "112-104", "3-1", "by six wickets", "by 20 runs". */
const RESULT =
  "(?:\\b\\d{1,3}\\s?[-–]\\s?\\d{1,3}\\b|by\\s+(?:\\w+\\s+){1,2}(?:wickets?|runs?|points?|goals?|strokes?)\\b)";
const TEAM_BEFORE_RESULT = new RegExp(
  `^\\s+${RESULT_VERB}\\s+(?:the\\s+)?\\p{Lu}[\\p{L}.'’-]*(?:\\s+\\p{Lu}[\\p{L}.'’-]*){0,2}\\s+${RESULT}`,
  "u",
);
const RESULT_VERB_BEFORE = new RegExp(`\\b${RESULT_VERB}\\s+(?:the\\s+)?$`, "i");
const RESULT_AFTER = new RegExp(`^(?:\\s+\\p{Lu}[\\p{L}.'’-]*){0,2}\\s+${RESULT}`, "u");

/**
 * The words that open a football club's name before its city ("Real Madrid", "Shakhtar Donetsk", "CSKA
 * Moscow", "Inter Milan", "Red Star Belgrade"), as written, capitals and all.
 */
const CLUB_PREFIXES = new Set(
  "Real Atletico Atlético Inter AC AS FC SS Borussia Olympique Sporting Dynamo Dinamo Spartak CSKA Lokomotiv Zenit Shakhtar Racing Deportivo Athletic Sparta Slavia Legia Hapoel Maccabi Partizan Hertha Eintracht Ajax Celtic Star".split(
    " ",
  ),
);

/**
 * Verbs whose object is an instrument or a target, whose people do not act: "used North Korean KN-23
 * missiles", "struck Iranian air defences" (not "detected 23 Chinese aircraft" or "accused Armenian forces
 * of", whose objects act, nor "said Russian troops crossed").
 */
const INSTRUMENT_OR_TARGET_VERBS = new Set(
  "used uses using employed fired launched bought buys purchased acquired ordered received supplied sold struck hit destroyed targeted attacked bombed shelled".split(
    " ",
  ),
);
/** Words between a verb and its object's demonym: "used its", "fired two", "struck the". */
const OBJECT_FILLERS = new Set(
  "the a an its their his her two three four five six seven eight nine ten several dozens of more than at least".split(
    " ",
  ),
);

/**
 * Whether a demonym before equipment or forces stands after a verb of use or harm (maybe past an article, a
 * possessive or a number): the object's people ("used North Korean KN-23 missiles"), not the subject's.
 */
function objectOfVerb(d: Doc, c: Candidate, next: Token): boolean {
  if (!forcesAt(d, next)) return false;
  let i = c.firstToken - 1;
  for (let n = 0; i >= 0 && n < 3; n++, i--) {
    const t = d.tokens[i]!;
    if (t.sentence !== next.sentence) return false;
    if (OBJECT_FILLERS.has(t.norm) || /^\d[\d,]*$/.test(t.text)) continue;
    return !t.cap && INSTRUMENT_OR_TARGET_VERBS.has(t.norm);
  }
  return false;
}

/**
 * Nouns of a country's land or edge after its demonym: "the Lebanese border", "Syrian territory" ("Polish
 * airspace" is left out: an incident there may have no other actor named, and the events read it so).
 */
const DEMONYM_PLACE_NOUNS = new Set([
  "border",
  "borders",
  "frontier",
  "territory",
  "waters",
  "coast",
  "coastline",
  "soil",
  "mainland",
  "port",
  "city",
  "town",
  "village",
  "region",
  "province",
]);

/** Nouns of an outlet after the name of the place it is in: "a Tehran newspaper", "a Moscow daily". */
const OUTLET_NOUNS = new Set([
  "newspaper",
  "newspapers",
  "daily",
  "broadcaster",
  "tabloid",
  "weekly",
  "channel",
  "website",
]);

/** "pro-Kyiv", "anti-Moscow", "pro-Russian": the prefix and its hyphen right before the name. */
function stancePrefix(text: string, start: number): boolean {
  return text.charCodeAt(start - 1) === 45 && STANCE_BEFORE.test(text.slice(Math.max(0, start - 6), start));
}
const STANCE_BEFORE = /(?:^|[^\p{L}])(?:pro|anti)-$/iu;

/**
 * What a demonym's words make of it, as its evidence's rule: "Russian-made" (`origin-suffix`) and
 * "pro-Russian" (`stance-prefix`) are modifiers; the backer's people ("Iranian-backed militias"), the
 * country's land or towns ("near the Lebanese border") and the people of what a verb uses or strikes
 * ("used North Korean KN-23 missiles", "struck Iranian air defences") are demonyms no event takes for its
 * actor; the rest plain demonyms.
 */
function demonymRule(d: Doc, c: Candidate, token: Token | undefined, hyphen: boolean): string {
  if (hyphen && token && ORIGIN_SUFFIXES.has(token.norm)) return "origin-suffix";
  if (stancePrefix(d.text, c.start)) return "stance-prefix";
  if (hyphen && token && BACKER_SUFFIXES.has(token.norm)) return "backer-suffix";
  if (!hyphen && token && DEMONYM_PLACE_NOUNS.has(token.norm)) return "demonym-of-a-place";
  if (!hyphen && token && objectOfVerb(d, c, token)) return "demonym-of-an-object";
  return "demonym";
}

/** Nouns of a reaction a government gives "from" its capital: "a rebuke from Beijing". */
const REACTION_NOUNS = new Set(
  "rebuke rebukes condemnation condemnations criticism protest protests warning warnings response responses reaction reactions praise backlash pushback objection objections complaint complaints denial denials denunciation denunciations threat threats retaliation outcry anger fury".split(
    " ",
  ),
);

/**
 * Whether a reaction's noun and "from" come before the token, maybe past other names joined by "and" or
 * commas: "a rebuke from Beijing", "condemnation from Washington and London" (read back over the tokens).
 */
function reactionFrom(tokens: readonly Token[], first: number): boolean {
  const sentence = tokens[first]!.sentence;
  for (let i = first - 1, n = 0; i > 0 && n < 10; i--, n++) {
    const t = tokens[i]!;
    if (t.sentence !== sentence) return false;
    if (t.norm === "from") return REACTION_NOUNS.has(tokens[i - 1]!.norm);
    if (!(t.cap || t.norm === "and" || t.norm === "the")) return false;
  }
  return false;
}

/**
 * "Real Madrid signed", "Shakhtar Donetsk beat", "Bayern Munich said": the city names a club, so it is
 * neither the city's government acting nor where anything happened. ("Star" only after "Red".)
 */
function clubName(d: Doc, c: Candidate): boolean {
  // "Bayern Munich": the club's name opens with the state's, itself a toponym
  const next = d.tokens[c.lastToken + 1];
  if (c.text === "Bayern" && next?.text === "Munich" && spaceGap(d.text, c.end, next.start)) return true;
  const first = d.tokens[c.firstToken]!;
  const prev = d.tokens[c.firstToken - 1];
  if (!prev || first.sentenceStart || !first.cap || !CLUB_PREFIXES.has(prev.text)) return false;
  if (!spaceGap(d.text, prev.end, first.start)) return false;
  return prev.text !== "Star" || d.tokens[c.firstToken - 2]?.text === "Red";
}

/** A place a team may play for: a state, a country, or a city of 100,000 or more. */
const bigEnoughForATeam = (p: KbPlace) => p.type !== "city" || p.pop >= 100_000;
/** A score or a margin anywhere in the text: without one, no toponym is a team in a result. */
const RESULT_ANYWHERE = new RegExp(RESULT, "u");
/** The words RESULT_VERB opens with. */
const RESULT_WORDS = new Set(
  "beat beats defeated defeats edged edges routed routs downed topped thrashed drew tied lost fell".split(
    " ",
  ),
);
classify(RESULT_WORD, RESULT_WORDS);

/** "Boston beat Denver 112-104", "Kerala beat Punjab by six wickets": a team named by its town or state. */
function sportsTeam(d: Doc, c: Candidate): boolean {
  // a result's verb is the word after the first team or before the second (past "the", or "drew with",
  // "lost to"): asked of the tokens' word classes first, as most toponyms have neither (a class of no
  // token, before the first or past the last, is undefined: no bit)
  const classes = d.classes;
  const first = c.firstToken;
  const verb =
    (classes[c.lastToken + 1]! & RESULT_WORD) !== 0 ||
    (first > 0 &&
      ((classes[first - 1]! & RESULT_WORD) !== 0 ||
        ((classes[first - 2]! & RESULT_WORD) !== 0 &&
          (d.tokens[first - 1]!.norm === "the" ||
            d.tokens[first - 1]!.norm === "with" ||
            d.tokens[first - 1]!.norm === "to"))));
  if (!verb) return false;
  // (then one search of the text for a score: a result's verb may have other senses, "beat back")
  d.results ??= RESULT_ANYWHERE.test(d.text);
  if (!d.results) return false;
  const after = d.text.slice(c.end, c.end + 60);
  if (TEAM_BEFORE_RESULT.test(after)) return true;
  return (
    RESULT_VERB_BEFORE.test(d.text.slice(Math.max(0, c.start - 20), c.start)) && RESULT_AFTER.test(after)
  );
}

/** Prepositions before an institution's seat that make it the building: "at the White House". */
const IN_A_BUILDING = new Set(["in", "at", "inside", "outside", "near", "into", "around"]);

/** Whether an institution's seat is named as the building ("at the White House", "inside the Kremlin"). */
function seatAsPlace(d: Doc, c: Candidate, prev: Token | undefined): boolean {
  const word = prev?.norm === "the" ? wordBeforeThe(d, c, prev) : prev;
  return (
    word !== undefined && word.sentence === d.tokens[c.firstToken]!.sentence && IN_A_BUILDING.has(word.norm)
  );
}

/** The word before the "the" that opens a toponym ("at" in "at the White House"), in its sentence. */
function wordBeforeThe(d: Doc, c: Candidate, the: Token): Token | undefined {
  const before = d.tokens[c.firstToken - 2];
  return before !== undefined && before.sentence === the.sentence ? before : undefined;
}

/** "recruited to the UK say", "flights from the US increased": a locative before "the" and the name. */
function locativeBeforeThe(d: Doc, c: Candidate, prev: Token | undefined): boolean {
  if (prev?.norm !== "the") return false;
  const before = wordBeforeThe(d, c, prev);
  return before !== undefined && LOCATIVE.has(before.norm);
}

function nextWord(d: Doc, c: Candidate): { token?: Token; at: number; possessive: boolean; hyphen: boolean } {
  // the patterns are tested on the characters themselves: a slice and regexes cost more, for every toponym
  const text = d.text;
  const ch = text[c.end];
  const possessive =
    ch === "s"
      ? isApostrophe(text[c.end + 1]) // s' (/^s['’]/)
      : isApostrophe(ch) && text[c.end + 1] === "s" && !isWordChar(text.charCodeAt(c.end + 2)); // 's (/^['’]s\b/)
  let i = c.lastToken + 1;
  if (possessive && d.tokens[i]?.text === "s") i++;
  const token = d.tokens[i];
  // one character between them, a hyphen (/^[-‐‑]$/); or an initial's full stop and then one ("U.S.-led")
  const hyphen =
    token !== undefined &&
    ((token.start === c.end + 1 && HYPHENS.includes(text[c.end]!)) ||
      (token.start === c.end + 2 && text[c.end] === "." && HYPHENS.includes(text[c.end + 1]!)));
  return { token, at: i, possessive, hyphen };
}

const HYPHENS = "-‐‑";

function isApostrophe(ch: string | undefined): boolean {
  return ch === "'" || ch === "’";
}

/** A character \b counts as a word's (ASCII letters, digits, "_"); NaN past the end is none. */
function isWordChar(code: number): boolean {
  return (
    (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95
  );
}

/** "U.S. officials": the full stop that ends an abbreviation the name is written as, then one space. */
function abbreviationGap(text: string, c: Candidate, token: Token): boolean {
  return token.start === c.end + 2 && text.startsWith(". ", c.end) && c.text.includes(".");
}

/** Whether an equipment name (a system or a class) starts at the token ("US destroyer", not "Benin with armoured vehicles"). */
function equipmentAt(d: Doc, token: Token): boolean {
  const o = startingAt(d.memo, token.start);
  return o?.refs.some((r) => r.kind === "equipment" || r.kind === "equipmentClass") === true;
}

/** Whether an equipment name (a system or a class) starts at the token or one or two words after it. */
function ownsEquipment(d: Doc, first: number): boolean {
  for (const o of d.memo.cands) {
    if (o.firstToken < first || o.firstToken > first + 2) continue;
    if (o.refs.some((r) => r.kind === "equipment" || r.kind === "equipmentClass")) return true;
  }
  return false;
}

/**
 * "Washington warned Caracas against...", "urged Kyiv to", "called on Moscow to", "sanctions on Minsk": the
 * object of a verb of speech or pressure, when no lower-case noun follows it ("warned Kyiv residents" names
 * the city's people).
 */
function isObjectOfVerb(d: Doc, c: Candidate, prev: Token, next: Token | undefined): boolean {
  const before = d.tokens[c.firstToken - 2]?.norm ?? "";
  const verb =
    OBJECT_VERBS.has(prev.norm) ||
    (prev.norm === "on" && CALL_VERBS.has(before)) ||
    ((prev.norm === "on" || prev.norm === "against") && PRESSURE_NOUNS.has(before));
  if (!verb || !/^\s+$/.test(d.text.slice(prev.end, c.start))) return false;
  if (!next || !/^\s+$/.test(d.text.slice(c.end, next.start))) return true;
  return OBJECT_FOLLOWERS.has(next.norm) || next.cap;
}

/** How many names of a list ("A, B, C and D agreed") the coordinated-subject rule reads ahead. */
const MAX_CONJUNCTS = 8;

/** Whether the token is a verb an actor does: an agent verb, or a past in "-ed" that is no other word. */
function isAgentVerb(token: Token): boolean {
  // the cheap tests first: most words after a toponym are neither agent verbs nor end in "ed"
  return (
    AGENT_VERBS.has(token.norm) ||
    (token.text.endsWith("ed") && /^\p{Ll}{3,}ed$/u.test(token.text) && !NOT_VERBS.has(token.norm))
  );
}

/**
 * Whether a verb an actor does follows the toponym, after white space, maybe past one or two adverbs
 * ("Pyongyang also reportedly moved", "Beijing then warned"; not "Kyiv then" alone).
 */
function verbAfter(d: Doc, c: Candidate, token: Token, at: number): boolean {
  let end = c.end;
  let t: Token | undefined = token;
  for (let n = 0; t && n < 3; n++) {
    if (t.sentence !== token.sentence || !/^\s+$/.test(d.text.slice(end, t.start))) return false;
    if (isAgentVerb(t)) return !sufferedAfter(d, at + n) && !undergoes(d, at + n);
    // "Russia did not deploy", "China will send", "Iran has never tested": a modal or "did" (maybe with a
    // negation) before a verb in its base form, a word in lower case
    if (MODALS.has(t.norm) && !t.cap) {
      let v = d.tokens[at + n + 1];
      if (v && (v.norm === "not" || v.norm === "never")) v = d.tokens[at + n + 2];
      return (
        v !== undefined &&
        v.sentence === t.sentence &&
        /^\p{Ll}{3,}$/u.test(v.text) &&
        !NOT_BASE_VERBS.has(v.norm)
      );
    }
    // "Pakistan test-fired", "Iran test-launched": a verb of two words joined by a hyphen
    const second = d.tokens[at + n + 1];
    if (
      second &&
      d.text.charCodeAt(t.end) === 45 &&
      second.start === t.end + 1 &&
      !t.cap &&
      isAgentVerb(second)
    )
      return true;
    if (!SUBJECT_ADVERBS.has(t.norm) || t.cap) return false;
    end = t.end;
    t = d.tokens[at + n + 1];
  }
  return false;
}

/**
 * "Havana suffered a blackout", "Tokyo recorded its hottest day", "Riyadh will host Expo 2030": what a
 * place undergoes or holds, not what its government does (after a modal or "has", the verb after it).
 */
function undergoes(d: Doc, verb: number): boolean {
  let t = d.tokens[verb]!;
  if (AUXILIARIES.has(t.norm)) {
    const next = d.tokens[verb + 1];
    if (!next || next.sentence !== t.sentence) return false;
    t = next;
  }
  return UNDERGOING_VERBS.has(t.norm);
}

const AUXILIARIES = new Set(["will", "would", "could", "may", "might", "has", "have", "had", "is", "was"]);
/** Verbs of what happens to a place, or what it holds, rather than what its government decides. */
const UNDERGOING_VERBS = new Set([
  "suffered",
  "suffers",
  "suffer",
  "recorded",
  "records",
  "record",
  "experienced",
  "experiences",
  "experience",
  "endured",
  "endures",
  "endure",
  "flooded",
  "floods",
  "sweltered",
  "swelters",
  "shivered",
  "hosted",
  "hosts",
  "host",
  "saw",
  "sees",
  "see",
  "seen",
  "remained",
  "remains",
  "remain",
  "lies",
  "sits",
  "borders",
  "bordered",
]);

/**
 * The forces and officials of a state, after its country's name written as a demonym would be: "Kosovo
 * police", "Iran navy" (not "Kyiv police": a city's police are not the government's).
 */
const FORCE_NOUNS = new Set([
  "police",
  "forces",
  "troops",
  "army",
  "navy",
  "military",
  "soldiers",
  "marines",
  "paratroopers",
  "commandos",
  "officials",
  "authorities",
  "government",
  "diplomats",
  "negotiators",
  "warships",
  "jets",
  "warplanes",
  "fighters",
  "aircraft",
  "ships",
  "vessels",
  "personnel",
  "sailors",
  "pilots",
  "airmen",
  "garrison",
  "garrisons",
  "drones",
]);
classify(FORCE_NOUN, FORCE_NOUNS);

/**
 * "Sumy was struck by a missile", "Pokrovsk was nearly encircled", "Kharkiv has been hit": after a form of
 * "be", a participle of what is done to a place makes the place its target, not an actor (a town acting is
 * dropped as a person's name). "Moscow was accused of" and "Moscow was quick to" still act.
 */
function sufferedAfter(d: Doc, verb: number): boolean {
  let k = verb;
  const be = d.tokens[k]!.norm;
  if (!BE_FORMS.has(be)) return false;
  // "has taken delivery" is the perfect, not the passive: "has" wants "been"
  if (d.tokens[k + 1]?.norm === "been") k++;
  else if (be === "has" || be === "have" || be === "had") return false;
  for (let n = 0; n < 3; n++) {
    const t = d.tokens[++k];
    if (!t || t.sentence !== d.tokens[verb]!.sentence) return false;
    if (PLACE_PARTICIPLES.has(t.norm)) return true;
    if (!SUBJECT_ADVERBS.has(t.norm) && !DEGREE_ADVERBS.has(t.norm)) return false;
  }
  return false;
}

const BE_FORMS = new Set(["was", "were", "is", "are", "has", "have", "had", "been", "being"]);

/** Adverbs of degree before a participle, besides SUBJECT_ADVERBS: "nearly encircled", "heavily damaged". */
const DEGREE_ADVERBS = new Set([
  "nearly",
  "almost",
  "largely",
  "heavily",
  "badly",
  "severely",
  "completely",
  "fully",
  "partially",
  "partly",
  "briefly",
  "virtually",
]);

/**
 * What forces do to a place, in the words whose past and participle are one ("raided", "struck"): the verb
 * before a town's name ("raided Tubas", see FORCE_VERBS) and after "was" ("was struck", PLACE_PARTICIPLES).
 */
const DONE_TO_PLACES = [
  "raided",
  "entered",
  "struck",
  "hit",
  "shelled",
  "bombed",
  "bombarded",
  "attacked",
  "targeted",
  "captured",
  "encircled",
  "surrounded",
  "liberated",
  "seized",
  "recaptured",
  "occupied",
  "stormed",
  "besieged",
  "blockaded",
  "pounded",
  "reached",
  "evacuated",
  "invaded",
  "annexed",
];

/** What is done to a place, as a participle: a town that "was struck" or "has been retaken" is the place. */
const PLACE_PARTICIPLES = new Set([
  ...DONE_TO_PLACES,
  "taken",
  "retaken",
  "destroyed",
  "damaged",
  "flooded",
  "overrun",
  "rocked",
  "battered",
  "hammered",
  "plunged",
  "levelled",
  "leveled",
  "razed",
  "devastated",
  "ravaged",
  "defended",
  "fortified",
  "mined",
  "cleared",
  "abandoned",
  "contested",
  "freed",
  "isolated",
  "cut",
  "shaken",
  "spared",
  "affected",
  "founded",
  "built",
  "located",
  "situated",
  "home",
]);

/** Words before a verb in its base form: "did (not) deploy", "will send", "could strike". */
const MODALS = new Set([
  "did",
  "does",
  "do",
  "will",
  "would",
  "could",
  "can",
  "may",
  "might",
  "should",
  "must",
]);
/** Words after a modal that are no verb of the subject's doing: "will be", "did so". */
const NOT_BASE_VERBS = new Set([
  "be",
  "have",
  "not",
  "never",
  "also",
  "still",
  "so",
  "the",
  "that",
  "this",
  "its",
]);

/** Adverbs between a subject and its verb: "Tehran reportedly supplied", "Moscow also warned". */
const SUBJECT_ADVERBS = new Set([
  "also",
  "successfully",
  "reportedly",
  "allegedly",
  "already",
  "again",
  "then",
  "later",
  "now",
  "repeatedly",
  "recently",
  "previously",
  "secretly",
  "quietly",
  "officially",
  "formally",
  "apparently",
  "subsequently",
  "immediately",
  "swiftly",
  "quickly",
  "separately",
  "initially",
  "finally",
  "first",
  "once",
  "twice",
  "publicly",
  "openly",
  "effectively",
  "reluctantly",
  "promptly",
  "jointly",
]);

/** Whether a name of an actor (no outlet, no person) starts at this offset. */
function actorStartsAt(d: Doc, start: number): boolean {
  const k = startIndex(d.memo, start);
  if (k === undefined) return false;
  return d.memo.cands[k]!.refs.some((r) => {
    // (an actor named by a short name that is kept as a metonym: "Russia's FSB")
    if (r.kind !== "actor" && r.kind !== "metonym") return false;
    const a = d.kb.actors[r.index]!;
    return a.type !== "outlet" && a.type !== "person";
  });
}

/** What stands before an inverted condition's "Were", "Should", "Had": a sentence's or clause's opening. */
const INVERTED_CONDITION_OPENING = /(?:^|[.!?;:,]\s*|\n\s*|^\s+)$/;

/** A country's zone or space after its possessive: "'s air defence identification zone", "'s waters". */
const POSSESSIVE_ZONE =
  /^['’]s\s+(?:(?:southwestern|southern|northern|eastern|western)\s+)?(?:air[\s-]+defen[cs]e\s+identification\s+zone|ADIZ|airspace|territorial\s+waters|waters|exclusive\s+economic\s+zone|EEZ|contiguous\s+zone|territory)\b/i;

/** How the toponym is used: as a place, as an acting government (metonymy), as a people or origin. */
function usage(d: Doc, c: Candidate, depth = 0): { role: MentionRole; rule: string } {
  // "Real Madrid signed": the city names a club (first: "Shakhtar Donetsk beat" is no town's team either)
  if (clubName(d, c)) return { role: "modifier", rule: "club-name" };
  // "a pro-Kyiv channel", "anti-Moscow protests": a stance, not a place nor the government acting
  if (stancePrefix(d.text, c.start)) return { role: "modifier", rule: "stance-prefix" };
  // "Boston beat Denver 112-104": the teams' towns, not their governments (nor a person)
  if (sportsTeam(d, c)) return { role: "literal", rule: "sports-team" };
  const { token, at, possessive, hyphen } = nextWord(d, c);
  if (hyphen && token && ORIGIN_SUFFIXES.has(token.norm)) return { role: "modifier", rule: "origin-suffix" };
  // "a UK-based war monitor", "the London-based think tank": where an organisation is, not where the
  // story's events happen; "sails under the Cook Islands flag": a ship's registry
  if (hyphen && token?.norm === "based") return { role: "modifier", rule: "base-of-organisation" };
  // "the Taiwan Strait Institute", "the Baltic Defence College": a place inside the name of a body
  if (!hyphen && !possessive && token?.cap && insideBodyName(d, c, at))
    return { role: "modifier", rule: "inside-organisation-name" };
  // "the Georgia National Guard sent 200 soldiers to Poland": the state whose Guard it is, not where it acts
  // (its first letter asked first: " Air", " Army" or " National")
  if (
    !hyphen &&
    !possessive &&
    token &&
    (d.text.charCodeAt(c.end + 1) === 65 || d.text.charCodeAt(c.end + 1) === 78) &&
    NATIONAL_GUARD_AFTER.test(d.text.slice(c.end, c.end + 24))
  )
    return { role: "modifier", rule: "state-national-guard" };
  if (!hyphen && !possessive && token?.norm === "flag" && !token.cap)
    return { role: "modifier", rule: "flag-state" };
  if (hyphen && token && BACKER_SUFFIXES.has(token.norm)) return { role: "metonymic", rule: "backer-suffix" };
  // "into Taiwan's air defence identification zone", "in Japan's territorial waters": the country's space
  if (possessive && POSSESSIVE_ZONE.test(d.text.slice(c.end, c.end + 48)))
    return { role: "literal", rule: "possessive-zone" };
  if (possessive && token && AGENT_NOUNS.has(token.norm))
    return { role: "metonymic", rule: "possessive-agent-noun" };
  // "China's People's Liberation Army", "Russia's Northern Fleet": the state whose body is named after it
  if (possessive && token?.cap && actorStartsAt(d, token.start))
    return { role: "metonymic", rule: "possessive-owner-of-body" };
  // "a Tehran newspaper reported", "a Kyiv-based channel": where an outlet is, not where the story's
  // events happen (the place still, as a modifier)
  if (!possessive && token && OUTLET_NOUNS.has(token.norm) && !hyphen)
    return { role: "modifier", rule: "outlet-home" };
  // "China's aircraft carrier", "Russia's new S-400s": the state that owns the equipment
  if (possessive && token && ownsEquipment(d, at)) return { role: "metonymic", rule: "possessive-owner" };
  const prev = prevToken(d, c);
  // "M23 rebels backed by Rwanda seized": the backer, as in "Rwanda-backed", never the one acting
  if (prev?.norm === "by" && BACKER_SUFFIXES.has(d.tokens[c.firstToken - 2]?.norm ?? ""))
    return { role: "metonymic", rule: "backer-suffix" };
  // "drawing a rebuke from Beijing", "condemnation from Washington and London": the government reacting
  if (prev && (prev.norm === "from" || prev.norm === "and") && reactionFrom(d.tokens, c.firstToken))
    return { role: "metonymic", rule: "source-of-reaction" };
  // "Kosovo police seized", "Ukraine forces struck", "a US destroyer": a country's name before its forces or
  // its equipment, as a demonym would be (not after a locative: "in Ukraine drones struck")
  // "by US and Canadian fighters": joined to a demonym before forces or equipment, it is the demonym's like,
  // the state whose forces they are
  if (!possessive && token) {
    // (a capitalised word only as a system's name: "a US MQ-9 Reaper", "US EA-18G Growler jets")
    const beforeForces =
      (!token.cap || equipmentAt(d, token)) &&
      (spaceGap(d.text, c.end, token.start) || abbreviationGap(d.text, c, token)) &&
      forcesAt(d, token) &&
      !(prev && LOCATIVE.has(prev.norm));
    const beforeDemonymForces =
      token.norm === "and" && spaceGap(d.text, c.end, token.start) && beforeDemonymsForces(d, at);
    if ((beforeForces || beforeDemonymForces) && namesCountry(d, c))
      return { role: "metonymic", rule: "country-before-its-forces" };
    // "a U.S. strike killed six people", "with U.S. and Japanese counterparts": the state's act or its
    // people, as a demonym would say ("an American strike"), not a place
    // (after a locative too for an act: "facilities damaged in US strikes"; not for people: "troops in
    // Ukraine officials said")
    const adjoining = spaceGap(d.text, c.end, token.start) || abbreviationGap(d.text, c, token);
    const afterLocative = prev !== undefined && LOCATIVE.has(prev.norm);
    // "drones attacked US bases in Syria", "the US embassy in Kyiv": what the state holds abroad, named after
    // it; the state is no place of the story (nor the one acting)
    if (!token.cap && HOLDINGS.has(token.norm) && adjoining && !afterLocative && namesCountry(d, c))
      return { role: "modifier", rule: "country-of-its-holdings" };
    // "Kyiv authorities said", "Tehran officials": a capital before those who speak for its government
    if (!token.cap && SPEAKING_FOR.has(token.norm) && adjoining && !afterLocative && namesCapital(d, c))
      return { role: "metonymic", rule: "capital-before-its-officials" };
    if (
      !token.cap &&
      STATE_ACT_NOUNS.has(token.norm) &&
      adjoining &&
      (!afterLocative || STATE_ACTS.has(token.norm)) &&
      namesCountry(d, c)
    )
      return { role: "metonymic", rule: "country-before-its-act" };
  }
  // "Were Russia to attack Estonia", "Should China invade", "NATO would respond, were Russia to": the
  // subject of a condition told inverted acts
  if (
    !possessive &&
    prev &&
    (prev.norm === "were" || prev.norm === "should" || prev.norm === "had") &&
    token &&
    !token.cap &&
    INVERTED_CONDITION_OPENING.test(d.text.slice(Math.max(0, prev.start - 3), prev.start)) &&
    (namesCountry(d, c) || namesCapital(d, c))
  )
    return { role: "metonymic", rule: "subject-of-inverted-condition" };
  if (!possessive && prev && isObjectOfVerb(d, c, prev, token))
    return { role: "metonymic", rule: "object-of-verb" };
  if (
    token &&
    !possessive &&
    verbAfter(d, c, token, at) &&
    !(prev && LOCATIVE.has(prev.norm)) &&
    !(prev && afterLocativeConjunct(d, c, prev)) &&
    !locativeBeforeThe(d, c, prev)
  ) {
    return { role: "metonymic", rule: "subject-of-verb" };
  }
  // "Washington and Seoul agreed", "Lithuania, Latvia and Poland have reinforced": governments acting together
  // (a list is followed for at most MAX_CONJUNCTS names: a text made of one long list stays linear)
  if (token && depth < MAX_CONJUNCTS && !possessive && !(prev && LOCATIVE.has(prev.norm))) {
    // (the gap read by character code: no slice of it for every toponym)
    const and = (token.norm === "and" || token.norm === "or") && spaceGap(d.text, c.end, token.start);
    const comma = commaSpaceGap(d.text, c.end, token.start);
    const after = and ? d.tokens[at + 1] : comma ? token : undefined;
    const other = after && after.sentence === token.sentence ? startingAt(d.memo, after.start) : undefined;
    if (other && other !== c) {
      const rule = usage(d, other, depth + 1).rule;
      // (after a comma, the list must go on to an "and": the next one is itself coordinated)
      if ((and && rule === "subject-of-verb") || rule === "coordinated-subject")
        return { role: "metonymic", rule: "coordinated-subject" };
    }
  }
  return { role: "literal", rule: "toponym" };
}

/** Whether the token after `and` (at) opens a demonym followed by forces or equipment ("and Canadian fighters"). */
function beforeDemonymsForces(d: Doc, and: number): boolean {
  const after = d.tokens[and + 1];
  const other = after && startingAt(d.memo, after.start);
  if (!other?.refs.some((r) => r.kind === "demonym")) return false;
  const noun = d.tokens[other.lastToken + 1];
  return noun !== undefined && !noun.cap && spaceGap(d.text, other.end, noun.start) && forcesAt(d, noun);
}

/** Whether forces or equipment are named at the token ("police", "troops", "destroyer"). */
function forcesAt(d: Doc, token: Token): boolean {
  return FORCE_NOUNS.has(token.norm) || equipmentAt(d, token);
}

/** Whether one of the candidate's place readings is a country. */
function namesCountry(d: Doc, c: Candidate): boolean {
  return readsAs(d, c, "country");
}

/** Whether one of the candidate's place readings is a capital. */
function namesCapital(d: Doc, c: Candidate): boolean {
  return readsAs(d, c, "capital");
}

function readsAs(d: Doc, c: Candidate, type: string): boolean {
  const k = startIndex(d.memo, c.start);
  return k !== undefined && d.memo.places[k]!.some((p) => p.type === type);
}

/**
 * "Officials from Paris and Berlin met", "troops in Kyiv and Lviv waited": a place joined by "and" or "or"
 * to one after a locative is a place too, not the subject of the verb after it.
 */
function afterLocativeConjunct(d: Doc, c: Candidate, prev: Token): boolean {
  if (prev.norm !== "and" && prev.norm !== "or") return false;
  let first = endingWith(d.memo, c.firstToken - 2);
  // back over a list: "ministers of Mali, Burkina Faso and Niger met"
  for (let n = 0; first && n < 10; n++) {
    const at = first.firstToken;
    if (at < 2 || !commaSpaceGap(d.text, d.tokens[at - 1]!.end, first.start)) break;
    const earlier = endingWith(d.memo, at - 1);
    if (!earlier) break;
    first = earlier;
  }
  if (!first || first.firstToken === 0) return false;
  const word = d.tokens[first.firstToken - 1]!;
  return LOCATIVE.has(word.norm) && word.sentence === prev.sentence;
}

function mention(c: Candidate, role: MentionRole, confidence: number, evidence: Evidence[]): EntityMention {
  return {
    start: c.start,
    end: c.end,
    text: c.text,
    role,
    confidence: Math.round(confidence * 100) / 100,
    evidence,
  };
}

/** `placeReadings`: the candidate's place readings (shared: not to be changed). */
function resolveCandidate(d: Doc, c: Candidate, k: number, pctx: PlaceContext, table: EntityTable): void {
  const placeReadings = d.memo.places[k]!;
  if (stateAfterCity(d, c, placeReadings) || provinceAfterTown(d, c)) return;
  const sentence = d.tokens[c.firstToken]!.sentence;
  const first = d.tokens[c.firstToken]!;
  const prev = prevToken(d, c);
  if (prev && first.cap && TITLES.has(prev.norm)) {
    const actorRef = c.refs.find((r) => r.kind === "actor" && d.kb.actors[r.index]!.type === "person");
    if (!actorRef) return; // "President Lincoln", "Gen. Jackson": a person's name, not a place
  }
  // The readings by kind, in the KB's order, in one walk over them; a list is made only for a kind the
  // candidate has.
  let equipment: Ref[] | undefined;
  let classes: Ref[] | undefined;
  let actors: Ref[] | undefined;
  let metonym: Ref | undefined;
  /** "American" is the US, not a territory that shares the demonym: the biggest country (the first of equals) */
  let demonym: KbPlace | undefined;
  /** how many place readings, and their flags together */
  let places = 0;
  let placeFlags = 0;
  let inside: boolean | undefined;
  for (const r of c.refs) {
    switch (r.kind) {
      case "equipment":
      case "nato":
        (equipment ??= []).push(r);
        break;
      case "equipmentClass":
        (classes ??= []).push(r);
        break;
      case "actor":
        if (r.flags & FLAG_COMMON_WORD && (inside ??= insideLongerName(d, c))) break;
        (actors ??= []).push(r);
        break;
      case "metonym":
        metonym ??= r;
        break;
      case "demonym": {
        const p = d.kb.places[r.index]!;
        if (!demonym || p.pop > demonym.pop) demonym = p;
        break;
      }
      case "place":
        places++;
        placeFlags |= r.flags;
        break;
    }
  }

  if (equipment && acceptEquipment(d, c, equipment, places > 0 || actors !== undefined)) {
    addEquipmentEntity(d.kb, table, c, equipment, d.military, sentence);
    return;
  }
  if (actors) {
    const a = pickActor(d, actors, pctx);
    if (a) {
      let actor = d.kb.actors[a.index]!;
      let rule: string | undefined;
      // "Kenya's Defence Ministry": that country's; "NEW DELHI - The Ministry of Defence said": the
      // ministry of the country the story is filed from
      const generic = GENERIC_MINISTRY.test(c.text);
      if (generic) {
        const owner = countryNamedBefore(d, c);
        // (else the country the story names first, when it names no other before: "Mexican soldiers
        // clashed with gunmen, the Defence Ministry said")
        const told = (owner ?? d.home) ? undefined : onlyCountryNamedBefore(d, c);
        const cc = owner ?? d.home ?? told;
        if (cc && cc !== actor.cc) {
          const own = ministryOf(d.kb, cc, c.text);
          if (!own) return;
          actor = own;
          rule = owner
            ? "generic-name-of-named-country"
            : told
              ? "generic-name-of-story-country"
              : "generic-name-of-home-country";
        } else if (!actor.cc) rule = "generic-name-country-not-said";
      }
      // "South Korean President Lee Jae-myung convened the National Security Council": a council many
      // states have is not another state's in a story that names only one
      if (!generic && SHARED_BODY.test(c.text)) {
        const cc = countryNamedBefore(d, c) ?? onlyCountryNamedBefore(d, c);
        if (cc && cc !== actor.cc) return;
      }
      // "Mexico deployed 10,000 National Guard troops": a branch named without its country is the branch of
      // the country the sentence names before it, when the knowledge base has that country's
      if (
        !generic &&
        (actor.branch === "national-guard" || actor.branch === "coast-guard") &&
        BARE_BRANCH.test(c.text)
      ) {
        const cc = countryEarlierInSentence(d, c) ?? onlyCountryNamedBefore(d, c);
        const own =
          cc && cc !== actor.cc
            ? d.kb.actors.find((x) => x.cc === cc && x.branch === actor.branch)
            : undefined;
        if (own) {
          actor = own;
          rule = "branch-of-named-country";
        }
      }
      // "in Georgia" is a place even if an actor shares the name; a small town never outranks an actor.
      const bigPlace = placeReadings.some((p) => p.type !== "city" || p.pop >= 100_000);
      const placeFirst =
        (bigPlace &&
          actor.type !== "outlet" &&
          actor.type !== "person" &&
          usage(d, c).role === "literal" &&
          prev &&
          STRONG_LOCATIVE.has(prev.norm)) ||
        // "across the Atlantic" is the ocean; "The Atlantic reported" the magazine; "an Australian P-8" is
        // Australia's, not The Australian's
        (actor.type === "outlet" && (bigPlace || demonym !== undefined) && !outletVoice(d.text, c)) ||
        // "flooding in Kerry", "voters in Cork and Kerry": a surname alone that is also a county's or a
        // big city's name is the place after a locative or beside another place, unless the story names
        // the person in full ("John Kerry ... Kerry said")
        (actor.type === "person" &&
          bigPlace &&
          c.firstToken === c.lastToken &&
          (strongLocativeBefore(d, c) || besideAPlace(d, k, table)) &&
          !d.text.includes(actor.name));
      if (!placeFirst) {
        // (a ministry named without its country, "the MoD", is the ministry itself, not its seat)
        const metonym = actor.type === "government" && !INSTITUTION_WORDS.test(c.text) && !generic;
        // "Kremlin-linked hackers", "Pentagon-funded research": the actor backs those who act
        const { token: after, hyphen } = nextWord(d, c);
        if (hyphen && after && BACKER_SUFFIXES.has(after.norm)) rule = "backer-suffix";
        // "talks at the White House", "inside the Kremlin": the building itself, a place of the institution's
        const seat = metonym && seatAsPlace(d, c, prev);
        rule ??= seat ? "seat-as-place" : metonym ? "institution-by-its-seat" : "kb-actor";
        addActorEntity(
          d.kb,
          table,
          actor,
          mention(c, metonym && !seat ? "metonymic" : "literal", 0.9, [{ rule, detail: actor.id }]),
          sentence,
        );
        if (actor.type !== "person" && actor.type !== "outlet") addCountryInside(d, c, table, sentence);
        return;
      }
    }
  }
  // "off Djibouti", "in Kuwait": a name that is its own demonym, after a locative, is the place; so is a
  // country's own name no noun follows ("from Jeddah to Djibouti,"), as such a demonym stands before its noun
  if (
    demonym &&
    !(
      places > 0 &&
      (strongLocativeBefore(d, c) ||
        (/^(?:[,;:.!?)]|$)/.test(d.text.slice(c.end, c.end + 1)) && c.text === demonym.name))
    )
  ) {
    // "French fries", "Russian roulette": a thing named after the people, no mention of the country
    if (c.firstToken === c.lastToken && isEponym(d, c)) return;
    const place = demonym;
    const { token, hyphen } = nextWord(d, c);
    const rule = demonymRule(d, c, token, hyphen);
    const role: MentionRole = rule === "origin-suffix" || rule === "stance-prefix" ? "modifier" : "demonym";
    addPlaceEntity(table, place, mention(c, role, 0.9, [{ rule, detail: place.id }]), sentence);
    return;
  }
  if (d.notPlaces.has(c)) return;
  if (places > 0 || metonym) {
    const use = usage(d, c);
    // (asked only of a metonym's name)
    const onlySmallTowns =
      metonym !== undefined && placeReadings.every((p) => p.type === "city" && p.pop < 50_000);
    if (
      metonym &&
      (use.role === "metonymic" || onlySmallTowns) &&
      !biggerNamesake(d.kb, metonym, placeReadings)
    ) {
      const gov = d.kb.actors[metonym.index]!;
      // a name with no place reading but small towns' is a seat's ("the White House", "Downing Street"):
      // the institution, or the building where the words say so ("talks at the White House")
      const seat = onlySmallTowns
        ? seatAsPlace(d, c, prev)
          ? "seat-as-place"
          : "institution-by-its-seat"
        : undefined;
      addActorEntity(
        d.kb,
        table,
        gov,
        mention(c, seat === "seat-as-place" ? "literal" : "metonymic", 0.85, [
          { rule: seat === "seat-as-place" ? seat : use.rule, detail: gov.id },
          ...(seat === "institution-by-its-seat" ? [{ rule: seat }] : []),
        ]),
        sentence,
      );
      // "the British government": the demonym in it names the country, as in "Russian forces"
      addCountryInside(d, c, table, sentence);
      return;
    }
    const before = qualified(d, c);
    // the shared list, copied only when the state is added to it
    let readings = placeReadings;
    const state = stateOfPreviousCity(d, c, before);
    if (state && !readings.includes(state)) readings = [...readings, state];
    const governed = stateByItsGovernment(d, c);
    if (governed) readings = [governed];
    // "Moody Air Force Base, Georgia,", "Fort Benning, Georgia,": after a US installation, the US state
    // (the pattern ends in a comma and one blank: asked only where the text has them)
    else if (
      d.text.charCodeAt(c.start - 2) === 44 &&
      US_INSTALLATION_BEFORE.test(d.text.slice(Math.max(0, c.start - 60), c.start))
    ) {
      const states = readings.filter((p) => p.cc === "US" && p.type === "admin1");
      if (states.length) readings = states;
    }
    // a team plays for a city, a state or a country: not for a village of the city's name
    if (use.rule === "sports-team" && readings.some(bigEnoughForATeam))
      readings = readings.filter(bigEnoughForATeam);
    // the qualifier the passes read, when they read the candidate (the same: qualifier() reads only the text)
    const read = d.memo.readings[k];
    const q = read ? read.qualifier : qualifier(d, c);
    // "LONDON, Ont. - A London man": a name the story qualifies elsewhere is that place here too
    const same =
      !governed && !q?.cc && !before?.length && d.qualifiedNames
        ? d.qualifiedNames.get(c.text.toLowerCase())
        : undefined;
    if (same && readings.includes(same)) readings = [same];
    const placeCtx = contextFor(pctx, q, before);
    if (spelledDistinctly(c.text, readings)) placeCtx.spelled = c.text;
    // each reading's score stands alone, so the evidence is written out for the chosen one only (below)
    // a toponym read as it is ranks as the first with the same readings did (shared: not to be changed)
    // (and not spelled so as to favour one reading: "LaFayette" shares its readings with "Lafayette")
    const plain = readings === placeReadings && !before?.length && placeCtx.spelled === undefined;
    const j = d.memo.first[k];
    let ranked = plain && j !== undefined ? d.memo.ranks[j] : undefined;
    if (!ranked) {
      // a single reading is not scored here: nothing reads its score (its confidence is 0.9 whatever the
      // score, and it has no alternatives), and writeEvidence scores it for its evidence below
      ranked = readings.length === 1 ? [unscored(readings[0]!)] : rankPlaces(readings, placeCtx, false);
      if (plain) d.memo.ranks[k] = ranked;
    }
    // "Windsor Castle" is in the Windsor near the document's other places; "Liverpool Academy" in a story
    // set in Cairo is not in Liverpool. The assessment reports a name left without a reading as a toponym
    // the gazetteer does not know, placed near the places the text names.
    ranked = facilityReadings(facilityDoubt(d, c, k, ranked[0]?.place), ranked, pctx, d, c);
    const best = ranked[0];
    if (!best) return;
    if (!acceptPlace(d, c, best.place, placeFlags)) return;
    // reported by the assessment as a town the gazetteer does not know in the state or country named after it
    const outside = outsideItsState(d, c, readings, best.place);
    const abroad = outside ? undefined : outsideItsCountry(d, c, readings, best.place);
    // "New York in the Donetsk region": no reading in the region named after "in"
    const region =
      q?.regionAfterIn &&
      q.region &&
      QUALIFIED_TYPES.has(best.place.type) &&
      !readings.some((p) => inProvince(p, q.region!))
        ? q.region
        : undefined;
    // (one record of the qualifier the town has no reading under, whichever it is)
    const unknownUnder = region
      ? { home: region.cc ?? "", qualifiedByRegion: region.id }
      : outside
        ? { home: `US-${outside}`, qualifiedBy: outside }
        : abroad
          ? { home: abroad, qualifiedByCountry: abroad }
          : undefined;
    if (unknownUnder) {
      d.setAside.push({
        start: c.start,
        end: c.end,
        text: c.text,
        sentence,
        placeId: best.place.id,
        km: Number.NaN,
        ...unknownUnder,
      });
      return;
    }
    const far = farFromStory(
      best.place,
      placeCtx,
      !!(placeCtx.qualifier || before),
      () => timesNamed(d, c),
      (home) => homeMentions(d, pctx, home),
    );
    if (far) {
      // reported by the assessment as a toponym the gazetteer does not know, with this reading set aside
      d.setAside.push({
        start: c.start,
        end: c.end,
        text: c.text,
        sentence,
        placeId: far.place.id,
        km: far.km,
        home: far.home,
      });
      return;
    }
    let confidence = marginConfidence(ranked);
    if (placeFlags & FLAG_COMMON_WORD) confidence = Math.min(confidence, 0.6);
    // "Dulles International Airport is 22 miles away": only a country, a state or a town governs, so only
    // they can stand for those who act; an airport, a base or a sea before a verb is the place itself
    const governs = GOVERNING_TYPES.has(best.place.type);
    // "northern Syria", "north-eastern Nigeria": the part of a country, state or region the words name;
    // a part of a country does not act ("Northern Syria has seen heavy fighting" is the place)
    const part =
      (use.role === "literal" || use.role === "metonymic") && PARTED_TYPES.has(best.place.type)
        ? partBefore(d.text, c.start)
        : undefined;
    // "Amazon said it would hire": a river is "the Amazon" when it is the river, so a river's bare name
    // before a verb of speech or action is a namesake (a company, a person), not the place
    if (use.role === "metonymic" && best.place.type === "river" && !part && prev?.norm !== "the") return;
    const role = use.role === "metonymic" && (!governs || part) ? "literal" : use.role;
    // the chosen reading's score terms follow the rule, written into the one list (no copy, no concat)
    const ev: Evidence[] = [
      { rule: role === use.role ? use.rule : part ? "part-does-not-act" : "feature-does-not-act" },
    ];
    writeEvidence(best.place, placeCtx, ev, readings);
    if (governed) ev.push({ rule: "state-by-its-government", detail: governed.id });
    else if (same && readings.length === 1 && readings[0] === same)
      ev.push({ rule: "same-name-qualified-elsewhere", detail: same.id });
    if (role === "metonymic") {
      // A country acting is its state; a town "acting" ("Holloway said") is usually a person's name.
      if (best.place.type === "country") {
        const state = d.kb.actor(`state-${best.place.cc}`);
        if (state) {
          addActorEntity(d.kb, table, state, mention(c, "metonymic", confidence, ev), sentence);
          return;
        }
      }
      // "Austin told reporters": a city that is no capital, acting, is the one person the knowledge base
      // knows by that surname ("Lloyd Austin"), when there is one and the story speaks of the military; in
      // another story ("Austin said he would not seek another term on the city council") someone else, no place
      if (best.place.type === "city") {
        const person = personBySurname(d.kb, c.text);
        if (person && d.military === 0) return;
        if (person) {
          addActorEntity(
            d.kb,
            table,
            person,
            mention(c, "literal", 0.6, [{ rule: "surname-of-known-person", detail: person.id }]),
            sentence,
          );
          return;
        }
      }
      if (best.place.type === "city" && best.place.pop < 300_000) return;
    }
    const m = mention(c, role, confidence, ev);
    if (part && role === "literal") {
      m.part = part;
      const at = partPoint(best.place, part);
      if (at) m.partPoint = at;
    }
    addPlaceEntity(table, best.place, m, sentence, ranked.slice(1, 4));
    if (PART_OF_COUNTRY.has(best.place.type) && c.lastToken > c.firstToken)
      addCountryAtEnd(d, c, table, sentence);
    return;
  }
  if (classes && !otherSenseOfClass(d, c, classes[0]!)) {
    addEquipmentEntity(d.kb, table, c, classes, d.military, sentence);
  }
}

/**
 * The words before a class's noun that make it another thing: a person ("suicide bomber", "car bomber"),
 * a container ("fuel tank", "think tank").
 */
const OTHER_SENSES = new Map<string, ReadonlySet<string>>([
  ["class-bomber", new Set(["suicide", "car", "truck", "shoe", "serial", "alleged", "marathon"])],
  [
    "class-tank",
    new Set([
      "think",
      "fuel",
      "water",
      "oil",
      "gas",
      "septic",
      "storage",
      "fish",
      "shark",
      "propane",
      "diesel",
      "petrol",
      "gasoline",
      "ballast",
      "oxygen",
      "ammonia",
      "chemical",
    ]),
  ],
]);

/** Whether the word right before a class's noun makes it another thing (see OTHER_SENSES). */
function otherSenseOfClass(d: Doc, c: Candidate, ref: Ref): boolean {
  if (c.firstToken === 0) return false;
  const before = d.tokens[c.firstToken - 1]!;
  const gap = c.start - before.end;
  const adjoining = gap === 1 || (gap === 2 && d.text[before.end] === " ");
  // "its Land Cruiser", "the Range Rover Defender": the noun capitalised after a capitalised word the
  // knowledge base does not know is part of a product's name (not "Chinese Destroyer", nor a sentence's start)
  const first = d.tokens[c.firstToken]!;
  if (
    first.cap &&
    !first.upper &&
    !first.sentenceStart &&
    before.cap &&
    !before.sentenceStart &&
    adjoining &&
    endingWith(d.memo, c.firstToken - 1) === undefined
  )
    return true;
  const words = OTHER_SENSES.get(d.kb.equipment[ref.index]!.id);
  return (words?.has(before.norm) ?? false) && adjoining;
}

/** An outlet's name with its own capitalised article, as a title is written: "The Atlantic". */
const TITLE_ARTICLE = /(?:^|[^\p{L}])The\s+$/u;
/** Words around an outlet that say it is one: "reported", "told", "according to", "magazine". */
const OUTLET_AFTER =
  /^['’]?s?\s+(?:reported|reports|said|says|wrote|writes|published|quoted|cited|magazine|newspaper|website|journalist|correspondent|editor|report|article|interview|(?:news\s+)?agency|news|television|TV|broadcaster|radio|channel|daily|publications?|publishing|press|media)\b/i;
const OUTLET_BEFORE =
  /\b(?:according\s+to|told|citing|cited\s+by|wrote\s+in|writing\s+in|published\s+(?:by|in)|reported\s+by|quoted\s+by|an?\s+interview\s+with|state-run|state-owned|state|(?:news\s+)?agency|broadcaster|newspaper|outlet|channel|daily|weekly|magazine|tabloid|website)\s+(?:the\s+)?$/i;

/**
 * Whether a name an outlet shares with a place is written as the outlet's: with its own capitalised "The"
 * ("The Atlantic"), or as a source ("told the Atlantic", "the Atlantic reported").
 */
function outletVoice(text: string, c: Candidate): boolean {
  const before = text.slice(Math.max(0, c.start - 30), c.start);
  return (
    TITLE_ARTICLE.test(before) ||
    OUTLET_BEFORE.test(before) ||
    OUTLET_AFTER.test(text.slice(c.end, c.end + 30))
  );
}

/** The biggest demonym or country among the readings (a loop over the shared list: no copy, no closure). */
/**
 * The country a unit's name at token i belongs to, by the words right before it: a country's name in the
 * possessive ("Russia's 1st Guards Tank Army") or a demonym ("the Ukrainian 47th Mechanized Brigade").
 */
function unitCountry(d: Doc, i: number): string | undefined {
  let last = i - 1;
  // ("Russia's": the name, then its apostrophe's "s")
  const s = d.tokens[last];
  if (s && s.text === "s" && isApostrophe(d.text[s.start - 1])) last -= 1;
  const c = endingWith(d.memo, last);
  if (!c) return undefined;
  const gap = d.text.slice(c.end, d.tokens[i]!.start);
  if (!/^(?:['’]s)?\s+$/.test(gap)) return undefined;
  const ref = countryRef(d.kb, c.refs);
  if (!ref) return undefined;
  // a country's name must be in the possessive; a demonym stands before the name as it is
  if (ref.kind !== "demonym" && !gap.startsWith("'") && !gap.startsWith("’")) return undefined;
  return d.kb.places[ref.index]!.cc ?? undefined;
}

function countryRef(kb: Kb, refs: readonly Ref[]): Ref | undefined {
  // "French" is France, not the French Southern Lands listed first: the biggest (the first of equals), as a
  // demonym read on its own
  let best: Ref | undefined;
  for (const r of refs)
    if (
      (r.kind === "demonym" || (r.kind === "place" && kb.places[r.index]!.type === "country")) &&
      (!best || kb.places[r.index]!.pop > kb.places[best.index]!.pop)
    )
      best = r;
  return best;
}

/** "Russian forces", "U.S. Navy": the country named inside an actor's name is a mention of the country too. */
function addCountryInside(d: Doc, c: Candidate, table: EntityTable, sentence: number): void {
  let key = "";
  for (let t = c.firstToken; t < c.lastToken && t < c.firstToken + 3; t++) {
    key += d.tokens[t]!.norm;
    const ref = countryRef(d.kb, d.kb.refsOf(key));
    if (!ref) continue;
    const place = d.kb.places[ref.index]!;
    const end = d.tokens[t]!.end;
    const text = d.text.slice(c.start, end);
    const role: MentionRole = ref.kind === "demonym" ? "demonym" : "modifier";
    addPlaceEntity(
      table,
      place,
      {
        start: c.start,
        end,
        text,
        role,
        confidence: 0.85,
        evidence: [{ rule: "country-in-actor-name", detail: place.id }],
      },
      sentence,
    );
    return;
  }
}

/** Regions named after the country they are part of: "southern Syria", "eastern Ukraine", "northern Iraq". */
const PART_OF_COUNTRY = new Set(["region", "disputed-region", "coast", "border-area"]);

/**
 * "southern Syria" is a mention of Syria too: the country that ends a region's name is added as a literal
 * mention of its own, so a search for the country finds the region's stories.
 */
function addCountryAtEnd(d: Doc, c: Candidate, table: EntityTable, sentence: number): void {
  let key = "";
  for (let t = c.lastToken; t > c.firstToken && t > c.lastToken - 3; t--) {
    key = d.tokens[t]!.norm + key;
    const ref = d.kb.lookup(key).find((r) => r.kind === "place" && d.kb.places[r.index]!.type === "country");
    if (!ref) continue;
    const place = d.kb.places[ref.index]!;
    const start = d.tokens[t]!.start;
    addPlaceEntity(
      table,
      place,
      {
        start,
        end: c.end,
        text: d.text.slice(start, c.end),
        role: "literal",
        confidence: 0.85,
        evidence: [{ rule: "country-in-region-name", detail: place.id }],
      },
      sentence,
    );
    return;
  }
}

/** Places whose part a direction before them names: a country, a state, a region, an island, a sea. */
const PARTED_TYPES = new Set([
  "country",
  "admin1",
  "admin2",
  "region",
  "disputed-region",
  "island",
  "continent",
  "sea",
  "ocean",
  "gulf",
]);

/**
 * Where the part of a place lies, from its bounding box [west, south, east, north]: the middle of the
 * northern (southern...) half, the centre of the north-eastern (...) quarter; "central" is the place's
 * own point. None without a bounding box, or for a box across the antimeridian.
 */
function partPoint(p: KbPlace, part: PlacePart): { lat: number; lon: number } | undefined {
  if (part === "central") return { lat: p.lat, lon: p.lon };
  if (!p.bbox) return undefined;
  const [w, s, e, n] = p.bbox;
  if (e - w > 300) return undefined;
  const at = (a: number, b: number, f: number) => Math.round((a + (b - a) * f) * 100) / 100;
  const lat = part.startsWith("north") ? at(s, n, 0.75) : part.startsWith("south") ? at(s, n, 0.25) : p.lat;
  const lon = part.endsWith("east") ? at(w, e, 0.75) : part.endsWith("west") ? at(w, e, 0.25) : p.lon;
  return { lat, lon };
}

/**
 * A direction written right before a place, as an adjective ("northern", "north-eastern",
 * "northeastern", "north-east", "central"), in either case ("Northern Syria has seen..."). Where the two
 * make a name the gazetteer knows ("Northern Ireland", "East Timor", "South Korea"), the name is one
 * candidate and no direction comes before it.
 */
const DIRECTION_BEFORE =
  /(?:^|[^\p{L}-])(north|south)?-?(east|west)?(?:ern)?\s+$|(?:^|[^\p{L}-])(central)\s+$/u;

/**
 * Whether the characters before `end` are these ASCII letters, in either case (`word` in lower case):
 * read by character code, no slice made.
 */
function endsWithLetters(text: string, end: number, word: string): boolean {
  if (end < word.length) return false;
  const from = end - word.length;
  for (let k = 0; k < word.length; k++)
    if ((text.charCodeAt(from + k) | 32) !== word.charCodeAt(k)) return false;
  return true;
}

/** The part of a place the words right before it name, if they are a direction (see DIRECTION_BEFORE). */
function partBefore(text: string, start: number): PlacePart | undefined {
  // the word before, past white space, must end as a part's word does: "-ern" ("northern"), both halves
  // ("north-east", so "east" or "west") or "central" (a bare "north" or "east" names no part): most words
  // do not ("in"), and are not read by the regex
  let i = start;
  while (i > 0 && /\s/.test(text[i - 1]!)) i--;
  if (
    i === start ||
    !(
      endsWithLetters(text, i, "ern") ||
      endsWithLetters(text, i, "east") ||
      endsWithLetters(text, i, "west") ||
      endsWithLetters(text, i, "central")
    )
  )
    return undefined;
  const m = DIRECTION_BEFORE.exec(text.slice(Math.max(0, start - 20), start).toLowerCase());
  if (!m) return undefined;
  if (m[3]) return "central";
  const [ns, ew] = [m[1], m[2]];
  // "north-east" or "northeastern" (both halves), "northern" or "eastern" (one, with its -ern)
  const word = m[0].trim().replace(/^[^a-z]+/, "");
  if (ns && ew) return `${ns}-${ew}` as PlacePart;
  if (!word.endsWith("ern")) return undefined; // "the east Ukraine"? only the adjective
  return (ns ?? ew) as PlacePart;
}

/** A ministry named without its country, as news names its own country's: "the Ministry of Defence". */
const GENERIC_MINISTRY =
  /^(?:Ministry\s+(?:of|for)\s+(?:(?:National\s+)?Defen[cs]e|Foreign\s+Affairs|(?:the\s+)?Interior|Internal\s+Affairs)|(?:National\s+)?Defen[cs]e\s+Ministry|MoD|Foreign(?:\s+Affairs)?\s+Ministry|Interior\s+Ministry|Internal\s+Affairs\s+Ministry)$/i;

/** Bodies many states name alike, which the knowledge base lists for one: "the National Security Council". */
const SHARED_BODY = /^(?:National\s+Security\s+Council|NSC|Security\s+Council\s+of\s+the\s+State)$/i;

/** The kind of ministry a generic name says (see describes), and the country's of that kind if the KB has it. */
function ministryOf(kb: Kb, cc: string, name: string): KbActor | undefined {
  const kind = /foreign/i.test(name)
    ? "foreign ministry"
    : /interior|internal/i.test(name)
      ? "interior ministry"
      : "defence ministry";
  return countryActorOfKind(kb, cc, kind);
}

/** What may come between a name and the words after it: a possessive, then white space. */
const POSSESSIVE_GAP = /(?:['\u2019]s?)?\s+$/u;

/**
 * "San Jose approved a new tax": a capital that stands for its government is not read so when a bigger
 * city of another country shares its name (San Jose, California, over Costa Rica's capital); that city
 * acting is the city.
 */
function biggerNamesake(kb: Kb, metonym: Ref, readings: readonly KbPlace[]): boolean {
  const gov = kb.actors[metonym.index]!;
  let capital = 0;
  for (const p of readings) if (p.type === "capital" && p.cc === gov.cc) capital = Math.max(capital, p.pop);
  if (capital === 0) return false;
  return readings.some((p) => p.type === "city" && p.cc !== gov.cc && p.pop > 2 * capital);
}

/** A branch's name without its country: "National Guard", "the Coast Guard", "National Guard troops". */
const BARE_BRANCH =
  /^(?:the\s+)?(?:national\s+guard|coast\s*guard)(?:\s+(?:troops|units|forces|soldiers|members))?$/i;

/** The country (or the demonym's) the sentence names first before a candidate, if any. */
function countryEarlierInSentence(d: Doc, c: Candidate): string | undefined {
  const sentence = d.tokens[c.firstToken]!.sentence;
  for (const x of d.memo.cands) {
    if (x.start >= c.start) break;
    if (d.tokens[x.firstToken]!.sentence !== sentence) continue;
    const cc = countryNamedBy(d, x.refs);
    if (cc !== null) return cc;
  }
  return undefined;
}

/**
 * The country a candidate's first reading that names one names: a demonym's, a country's, and with
 * `forces` an actor's (no outlet, no person: "Ukrainian troops"); null when none does (undefined when
 * that reading has no country code).
 */
function countryNamedBy(d: Doc, refs: readonly Ref[], forces = false): string | undefined | null {
  for (const r of refs) {
    if (r.kind === "demonym") return d.kb.places[r.index]!.cc ?? undefined;
    if (r.kind === "place" && d.kb.places[r.index]!.type === "country")
      return d.kb.places[r.index]!.cc ?? undefined;
    if (forces && r.kind === "actor") {
      const a = d.kb.actors[r.index]!;
      if (a.type !== "outlet" && a.type !== "person" && a.cc) return a.cc;
    }
  }
  return null;
}

/** The one country (or its demonym) the text names before a candidate, if it names exactly one. */
function onlyCountryNamedBefore(d: Doc, c: Candidate): string | undefined {
  let found: string | undefined;
  for (const x of d.memo.cands) {
    if (x.start >= c.start) break;
    // (a country's forces named with it count: "Ukrainian troops", "Mexican soldiers")
    const cc = countryNamedBy(d, x.refs, true);
    if (!cc) continue;
    if (found && found !== cc) return undefined;
    found = cc;
  }
  return found;
}

/** The country named right before a candidate ("Kenya's Defence Ministry", "the Kenyan Defence Ministry"). */
function countryNamedBefore(d: Doc, c: Candidate): string | undefined {
  const before = d.text.slice(Math.max(0, c.start - 4), c.start);
  const gap = POSSESSIVE_GAP.exec(before);
  if (!gap) return undefined;
  const end = c.start - before.length + gap.index;
  const named = d.memo.cands.find((x) => x.end === end);
  return (named && countryNamedBy(d, named.refs)) ?? undefined;
}

/**
 * The country the story was filed from: its dateline's town's ("NEW DELHI -"), else its outlet's. A
 * ministry named without its country is that country's.
 */
function homeCountry(
  d: Doc,
  bests: (KbPlace | undefined)[],
  outletCc: string | undefined,
): string | undefined {
  const cands = d.memo.cands;
  for (let k = 0; k < cands.length && cands[k]!.firstToken < 12; k++) {
    const place = bests[d.memo.first[k] ?? k];
    if (place?.cc && isDateline(d, cands[k]!)) return place.cc;
  }
  return outletCc;
}

function pickActor(d: Doc, refs: Ref[], pctx: PlaceContext): Ref | undefined {
  // Several entries can share an alias ("ADF": the Australian Defence Force, the Allied Democratic Forces
  // of Congo): prefer one whose country the story names as a place ("near Beni in North Kivu"), else the
  // first that is no outlet
  if (refs.length > 1) {
    const named = refs.find((r) => {
      const a = d.kb.actors[r.index]!;
      return a.type !== "outlet" && !!a.cc && pctx.countries.has(a.cc) && !pctx.byActorsOnly?.has(a.cc);
    });
    if (named) return named;
  }
  return refs.find((r) => d.kb.actors[r.index]!.type !== "outlet") ?? refs[0];
}

/** Designators with digits are equipment; bare names ("Patriot", "Growler", "Buk") need military context. */
/** Words that name a storm before its own name ("Typhoon Haiyan", "Cyclone Idai"), and a jet alone. */
const STORM_WORDS = new Set(["typhoon", "typhoons", "hurricane", "cyclone"]);

/** Whether the token after the candidate follows it after one space. */
const spaceAfter = (d: Doc, c: Candidate, next: Token) => spaceGap(d.text, c.end, next.start);

/** Whether some word of the candidate is no common English word ("Shekan" in "Kheibar Shekan"). */
function unusualWordIn(d: Doc, c: Candidate): boolean {
  for (let i = c.firstToken; i <= c.lastToken; i++) if (!d.kb.common.has(d.tokens[i]!.norm)) return true;
  return false;
}

function acceptEquipment(d: Doc, c: Candidate, refs: Ref[], hasOtherReadings: boolean): boolean {
  const { token } = nextWord(d, c);
  // the equipment word after the name, or the name's own last word ("Mogami-class frigate", "Fujian
  // aircraft carrier", "CAESAR howitzers")
  const head =
    (token !== undefined && EQUIPMENT_HEADS.has(token.norm)) ||
    (c.lastToken > c.firstToken && EQUIPMENT_HEADS.has(d.tokens[c.lastToken]!.norm)) ||
    // one word of the system's kind between ("Kinzal hypersonic missiles")
    (token !== undefined &&
      HEAD_KINDS.has(token.norm) &&
      EQUIPMENT_HEADS.has(d.tokens[c.lastToken + 2]?.norm ?? ""));
  // (a spelling one edit off: in a story of forces, or right before a word that says it is a system)
  if (c.fuzzy) return d.military >= 2 || head;
  // "Typhoon Kong-rey hit Taiwan": a storm's name after the word, not the jet
  if (token?.cap && STORM_WORDS.has(d.tokens[c.lastToken]!.norm) && spaceAfter(d, c, token)) return false;
  if (refs.some((r) => r.kind === "equipment" && hasDigit(r.surface)))
    return d.military >= 1 || head || !hasOtherReadings;
  if (head) return true;
  // "used ATACMS against an airfield": an acronym of five letters or more that reads as nothing else; so
  // does a system's name of two words or more, one of them no English word ("Iran launched Kheibar
  // Shekan"; not "Black Hawk", a town's name too)
  if (
    !hasOtherReadings &&
    refs.some(
      (r) =>
        r.kind === "equipment" &&
        ((r.flags & FLAG_ACRONYM && r.surface.length >= 5) ||
          (c.lastToken > c.firstToken && unusualWordIn(d, c))),
    )
  )
    return true;
  const natoOnly = refs.every((r) => r.kind === "nato");
  // "delivered 30 Gepards", "two Flankers": a system's name in the plural, counted, that reads as nothing
  // else (a reporting name in a story with a word of forces: "two Bears fans" is not)
  if (!hasOtherReadings && (!natoOnly || d.military >= 1) && countedPlural(d, c, refs)) return true;
  // "off the coast of Goa", "in Goa": a NATO reporting name that is also a place, read where a place is
  if (natoOnly && hasOtherReadings && placeWordBefore(d, c)) return false;
  // "with a Flanker escort": a reporting name as the jet of an escort, in a story of forces
  if (
    natoOnly &&
    !hasOtherReadings &&
    d.military >= 1 &&
    token &&
    ESCORT_WORDS.has(token.norm) &&
    spaceAfter(d, c, token)
  )
    return true;
  const need = natoOnly ? 4 : 2;
  if (hasOtherReadings) return d.military >= need + 2;
  return d.military >= need;
}

/** Counts a plural may follow: a number in digits or these words. */
const COUNT_WORDS = new Set([
  "two",
  "three",
  "four",
  "five",
  "six",
  "seven",
  "eight",
  "nine",
  "ten",
  "eleven",
  "twelve",
  "fifteen",
  "twenty",
  "dozen",
  "dozens",
  "several",
]);

/** "30 Gepards", "two Flankers", "a dozen Leopards": the name in the plural right after a count. */
function countedPlural(d: Doc, c: Candidate, refs: readonly Ref[]): boolean {
  if (!refs.some((r) => pluralOfName(c.text, r.surface))) return false;
  const before = prevToken(d, c);
  if (!before || !spaceGap(d.text, before.end, c.start)) return false;
  return COUNT_WORDS.has(before.norm) || /^\d{1,4}$/.test(before.text);
}

/** What a reporting name is as one jet of an escort: "a Flanker escort", "Fulcrum escorts". */
const ESCORT_WORDS = new Set(["escort", "escorts", "escorting", "pair", "pairs", "formation"]);

/** A town's own bodies and people, after its name: "Tyler police", "the Everett plant", "an Alexandria man". */
const TOWN_BODIES = new Set([
  "police",
  "sheriff",
  "firefighters",
  "residents",
  "resident",
  "man",
  "woman",
  "men",
  "women",
  "teen",
  "teenager",
  "girl",
  "boy",
  "couple",
  "family",
  "native",
  "students",
  "schools",
  "mayor",
  "councillors",
  "councilors",
  "city",
  "plant",
  "factory",
  "campus",
  "airport",
]);

/** Whether a town's body follows its name, one space apart, in lower case ("Tyler police"). */
function townBodyAfter(d: Doc, c: Candidate): boolean {
  const next = lowerWordAfter(d, c);
  return next !== undefined && TOWN_BODIES.has(next.norm);
}

/** The word after the candidate when it is in lower case and one space after it ("Panama hat"). */
function lowerWordAfter(d: Doc, c: Candidate): Token | undefined {
  const next = d.tokens[c.lastToken + 1];
  return next !== undefined && !next.cap && spaceGap(d.text, c.end, next.start) ? next : undefined;
}

/** Verbs that give a thing its name: "a drone named Gaza". */
const NAMING_VERBS = new Set(["named", "called", "dubbed", "codenamed", "nicknamed", "christened"]);
/** Nouns of a settlement, which a naming verb after them keeps a place: "a village called Kuty". */
const TOWN_NOUNS = new Set(["town", "village", "city", "settlement", "hamlet", "place", "area", "district"]);
/** Nouns a small town's name before them names rather than places: "the Han Kuang exercise". */
const EXERCISE_NOUNS = new Set(["exercise", "exercises", "drill", "drills", "manoeuvres", "maneuvers"]);

/** Whether a locative comes right before the candidate ("in", "near", "off"; "the coast of"). */
function placeWordBefore(d: Doc, c: Candidate): boolean {
  if (strongLocativeBefore(d, c)) return true;
  const prev = prevToken(d, c);
  if (!prev || prev.sentence !== d.tokens[c.firstToken]!.sentence) return false;
  const before = d.tokens[c.firstToken - 2];
  return prev.norm === "of" && before !== undefined && PLACE_OF_WORDS.has(before.norm);
}

/** Whether "in", "near", "off"... (STRONG_LOCATIVE) comes right before the candidate, in its sentence. */
/**
 * Whether the candidate at k and a place are joined by "and" or "or": "Cork and Kerry" (Cork read as a
 * place), "Kerry or Clare" (Clare with place readings and no actor's); not "Merkel and Kerry".
 */
function besideAPlace(d: Doc, k: number, table: EntityTable): boolean {
  const { cands, places } = d.memo;
  const c = cands[k]!;
  const conjunction = (i: number) => {
    const t = d.tokens[i];
    return t !== undefined && (t.norm === "and" || t.norm === "or");
  };
  const before = cands[k - 1];
  const after = cands[k + 1];
  return (
    (before !== undefined &&
      before.lastToken === c.firstToken - 2 &&
      conjunction(c.firstToken - 1) &&
      readAsPlace(table, before)) ||
    (after !== undefined &&
      after.firstToken === c.lastToken + 2 &&
      conjunction(c.lastToken + 1) &&
      places[k + 1]!.length > 0 &&
      !after.refs.some((r) => r.kind === "actor"))
  );
}

/** Whether the table read a candidate resolved before as a place (its mentions are searched from the last). */
function readAsPlace(table: EntityTable, c: Candidate): boolean {
  for (let i = table.mentions.length - 1; i >= 0; i--) {
    const m = table.mentions[i]!;
    if (m.end <= c.start) break;
    if (m.start === c.start && m.end === c.end) return table.get(m.entityId)?.kind === "place";
  }
  return false;
}

function strongLocativeBefore(d: Doc, c: Candidate): boolean {
  const prev = prevToken(d, c);
  if (prev === undefined || prev.sentence !== d.tokens[c.firstToken]!.sentence) return false;
  if (STRONG_LOCATIVE.has(prev.norm)) return true;
  // "drones were spotted over Karup air base": "over" a site named after its town
  if (prev.norm !== "over") return false;
  const next = d.tokens[c.lastToken + 1];
  return next !== undefined && next.sentence === prev.sentence && SITE_AFTER_OVER.has(next.norm);
}

/** What makes "over" before a town's name a place's preposition: the site named after it. */
const SITE_AFTER_OVER = new Set([
  "air",
  "airbase",
  "airfield",
  "airport",
  "base",
  "naval",
  "port",
  "harbour",
  "harbor",
]);

/** What forces do to a place, as the verb before its name: "raided Tubas", "retook Kupiansk". */
const FORCE_VERBS = new Set([...DONE_TO_PLACES, "took", "retook", "overran"]);

/** The people of each KB by surname (lower case): one person, or null when several share it. */
const SURNAMES = new WeakMap<Kb, Map<string, KbActor | null>>();

/** The one person the knowledge base knows by this surname, if exactly one. */
function personBySurname(kb: Kb, surname: string): KbActor | undefined {
  let m = SURNAMES.get(kb);
  if (!m) {
    m = new Map();
    for (const a of kb.actors) {
      if (a.type !== "person") continue;
      const last = a.name.split(/\s+/).pop()!.toLowerCase();
      m.set(last, m.has(last) ? null : a);
    }
    SURNAMES.set(kb, m);
  }
  return m.get(surname.toLowerCase()) ?? undefined;
}

/** Whether the candidate is the object of a verb of what forces do to a place, one space before it. */
function objectOfForceVerb(d: Doc, c: Candidate): boolean {
  const prev = prevToken(d, c);
  return (
    prev !== undefined &&
    FORCE_VERBS.has(prev.norm) &&
    !prev.cap &&
    prev.sentence === d.tokens[c.firstToken]!.sentence &&
    spaceGap(d.text, prev.end, c.start)
  );
}

/**
 * "in Menaka and Gao", "near Kobani, Qamishli and Hasakah": a name of a list (joined by ", ", "and" or
 * "or") whose first name follows a strong locative.
 */
function inListAfterLocative(d: Doc, c: Candidate): boolean {
  // a list closed by "counties" or "regions" names those, not towns ("in Clay, Douglas and Grant counties")
  for (let t = c.lastToken + 1, n = 0; t < d.tokens.length && n < 3 * MAX_LIST; t++, n++) {
    const tok = d.tokens[t]!;
    if (d.classes[t]! & REGION_PLURAL) return false;
    if (!tok.cap && tok.norm !== "and" && tok.norm !== "or") break;
  }
  let cur = c;
  for (let n = 0; n < MAX_CONJUNCTS; n++) {
    const at = cur.firstToken;
    if (at < 1) return false;
    const prev = d.tokens[at - 1]!;
    let earlier: Candidate | undefined;
    if ((prev.norm === "and" || prev.norm === "or") && spaceGap(d.text, prev.end, cur.start) && at >= 2)
      earlier = endingWith(d.memo, at - 2);
    else if (commaSpaceGap(d.text, prev.end, cur.start)) earlier = endingWith(d.memo, at - 1);
    if (!earlier) return false;
    if (earlier !== c && strongLocativeBefore(d, earlier)) return true;
    cur = earlier;
  }
  return false;
}

/** /\d/.test(s), read by character code (a regex run for every equipment reading costs more). */
function hasDigit(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

/**
 * Whether a number of one to three digits follows the candidate after one space, as part of its name
 * ("Tower 22"), not counting what follows ("left Bakhmut 12 days later", "Kharkiv 30 km away").
 */
function numberAfter(d: Doc, c: Candidate): boolean {
  const next = d.tokens[c.lastToken + 1];
  if (!next || !spaceGap(d.text, c.end, next.start) || !/^\d{1,3}$/.test(next.text)) return false;
  const counted = d.tokens[c.lastToken + 2];
  return !(counted && !counted.cap && COUNTED.test(counted.norm));
}

/** What a number after a place may count: time, distance, people, things. */
const COUNTED =
  /^(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|km|kms|kilometres?|kilometers?|miles?|metres?|meters?|m|nautical|people|persons?|civilians?|soldiers?|troops|fighters?|times|percent|per|drones?|missiles?|rockets?|shells?|tanks?|of)$/;

/** Whether a day of the month (1-31) or a year (1900-2099) follows the candidate after one space. */
function dayOrYearAfter(d: Doc, c: Candidate): boolean {
  const next = d.tokens[c.lastToken + 1];
  if (!next || next.start !== c.end + 1 || d.text.charCodeAt(c.end) !== 32) return false;
  if (!/^\d{1,4}$/.test(next.text)) return false;
  const n = Number(next.text);
  return next.text.length <= 2 ? n >= 1 && n <= 31 : next.text.length === 4 && n >= 1900 && n <= 2099;
}

/**
 * "between Gao and Menaka", "from Gao to Bamako": the first of two names of places in one country that a
 * route or a span joins (not "talks between Gao and Wang").
 */
function fromOrBetweenPlaces(d: Doc, c: Candidate, best: KbPlace): boolean {
  const prev = prevToken(d, c);
  if (!prev || (prev.norm !== "between" && prev.norm !== "from")) return false;
  const joiner = d.tokens[c.lastToken + 1];
  const other = d.tokens[c.lastToken + 2];
  if (!joiner || !other?.cap || other.sentence !== joiner.sentence) return false;
  if (joiner.norm !== (prev.norm === "between" ? "and" : "to")) return false;
  if (!spaceGap(d.text, c.end, joiner.start) || !spaceGap(d.text, joiner.end, other.start)) return false;
  const k = startIndex(d.memo, other.start);
  return (
    k !== undefined &&
    !(d.memo.flags[k]! & (FLAG_PERSON_NAME | FLAG_COMMON_WORD)) &&
    d.memo.places[k]!.some((p) => p.cc === best.cc)
  );
}

/** Drops readings that are really ordinary words or parts of names (`flags`: of all place readings together). */

function acceptPlace(d: Doc, c: Candidate, best: KbPlace, flags: number): boolean {
  const first = d.tokens[c.firstToken]!;
  const common = (flags & FLAG_COMMON_WORD) !== 0;
  const strong = best.type !== "city" || best.pop >= 200_000;
  const prev = prevToken(d, c);
  /** whether a town's council or police follow ("the Tyler Police Department"), when asked */
  let municipal = false;
  // a dateline ("VICTORIA -") says where the story was filed from as surely as "in" does; so does a verb
  // of what forces do to a place ("raided Tubas"), or a list after a locative ("in Menaka and Gao")
  // ("south of Gao", "the town of Kidal": "of" after a direction or a place word is as strong as "in"; so is a
  // town's own body after it: "Tyler police", "its Everett plant")
  const locative =
    placeWordBefore(d, c) ||
    isDateline(d, c) ||
    objectOfForceVerb(d, c) ||
    inListAfterLocative(d, c) ||
    fromOrBetweenPlaces(d, c, best) ||
    townBodyAfter(d, c) ||
    (municipal = municipalBodyAfter(d, c)) ||
    sportsTeam(d, c);
  const single = c.firstToken === c.lastToken;
  if (single && (CALENDAR_WORDS.has(first.norm) || ETHNONYMS.has(first.norm))) return false;
  // "in Nov. 2017", "Sept. 11": a month's abbreviation with its full stop is a date, not the town of Nov
  if (single && MONTH_ABBREVIATIONS.has(first.norm) && d.text.charCodeAt(c.end) === 46) return false;
  // "CARACAS, Nov 24 -", "in Sept 2017": without its full stop, before a day or a year
  if (single && MONTH_ABBREVIATIONS.has(first.norm) && dayOrYearAfter(d, c)) return false;
  // "Paris, a small town in Tennessee", "Gainesville, Va.": a town its country or state follows is one
  const q = best.type === "city" ? qualifierAfter(d, c) : undefined;
  if (q && (q.usState ? best.admin === q.usState : q.cc === best.cc)) return true;
  // "Tower 22", "Camp 7", "Route 66": a small town's name before a number is a site's or a road's name
  if (single && best.type === "city" && best.pop < 100_000 && numberAfter(d, c)) return false;
  // "Leo Thames Newman": a word between a given name and another capitalised word is a middle name
  if (
    single &&
    prev?.cap &&
    !prev.sentenceStart &&
    isGivenName(prev.norm) &&
    spaceGap(d.text, prev.end, c.start)
  ) {
    const next = d.tokens[c.lastToken + 1];
    if (next?.cap && next.sentence === first.sentence && spaceGap(d.text, c.end, next.start)) return false;
  }
  // "a drone named Gaza", "an operation dubbed Bakhmut": a name given to a thing (a town is "a village
  // called Kuty", after its noun)
  if (prev && NAMING_VERBS.has(prev.norm) && !locative) {
    const noun = d.tokens[c.firstToken - 2];
    if (!noun || !TOWN_NOUNS.has(noun.norm)) return false;
  }
  // "its Han Kuang exercise", "the Zapad drills": a small town's name before an exercise's noun names it
  // ("the Kursk offensive" is fought there, and big towns name their own drills)
  if (single && best.type === "city" && best.pop < 100_000 && !locative) {
    const next = d.tokens[c.lastToken + 1];
    if (next && EXERCISE_NOUNS.has(next.norm) && spaceGap(d.text, c.end, next.start)) return false;
  }
  // "Toyota recalled", "a Nokia phone": a company named like a town is a town only after "in", "near"...
  if (single && best.type === "city" && !locative && isOrganizationName(first.norm)) return false;
  if (flags & FLAG_PERSON_NAME && single) {
    // "Tyler", "Williams": a place only after "in/near..." or when it is big, and never inside a full name.
    const next = d.tokens[c.lastToken + 1];
    const nameNext = next?.cap && /^\s$/.test(d.text.slice(c.end, next.start));
    const nameBefore = prev?.cap && !prev.sentenceStart && /^\s$/.test(d.text.slice(prev.end, c.start));
    if ((nameNext && !municipal) || nameBefore) return false;
    if (!locative && !(best.type !== "city" || best.pop >= 500_000)) return false;
  }
  if (common) {
    if (!first.cap) return false;
    // "St. Lawrence Island" is not Iceland ("Island"): a word that is also a name, inside a longer name
    if (
      single &&
      prev?.cap &&
      !prev.sentenceStart &&
      /^\s$/.test(d.text.slice(prev.end, first.start)) &&
      !locative
    )
      return false;
    if (first.sentenceStart && !strong) return false;
    if (!strong && !locative) return false;
  }
  // A lone capitalised word at the start of a sentence that names only a small town is usually not a place.
  if (first.sentenceStart && best.type === "city" && best.pop < 20_000 && !locative) return false;
  if (best.type === "city" && best.pop < 5000 && !locative && c.firstToken === c.lastToken) return false;
  return true;
}
