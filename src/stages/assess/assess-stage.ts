// Assessment: what does not add up (contradictions, KB conflicts, future dates) and what orbat could not
// resolve. Each finding carries its spans and the rule that raised it.
import type { Entity, Event, Finding, PlaceEntity, TextSpan } from "../../core/analysis.js";
import type { Context } from "../../core/context.js";
import { checkBudget, type Stage } from "../../core/pipeline.js";
import type { Kb } from "../../kb/kb.js";
import { PLACE_ABBREVIATIONS } from "../candidates.js";
import { type MentionRecord, sameSide } from "../entity-table.js";
import { type FacilityName, facilityAround, streetNames } from "../resolve/facilities.js";
import {
  CALENDAR_WORDS,
  ETHNONYMS,
  MONTH_ABBREVIATIONS,
  PLACE_OF_WORDS,
  STRONG_LOCATIVE,
  TITLES,
} from "../resolve/lexicon.js";
import { isGivenName } from "../resolve/local-names.js";
import { haversineKm } from "../resolve/place-ranker.js";
import { usStateName } from "../resolve/us-states.js";
import type { Token } from "../tokens.js";
import { officeFindings } from "./offices.js";

const FUTURE_OK =
  /\b(?:will|plans?|planned|scheduled|next|expected|due|set\s+to|is\s+to|are\s+to|upcoming|would|until|by)\b/i;
const NOT_PLACE = new Set([
  ...CALENDAR_WORDS,
  // "in Nov. 2017", "in English", "with Mr Paterson": months, languages and peoples, titles
  ...MONTH_ABBREVIATIONS,
  ...ETHNONYMS,
  // (not "St", which opens places as often as saints: "in St Patrick's")
  ...[...TITLES].filter((t) => t !== "st" && t !== "saint"),
  "the",
  "a",
  "an",
  "his",
  "her",
  "their",
  "its",
  "our",
  "this",
  "that",
  "these",
  "those",
  "i",
  "we",
  "they",
  "he",
  "she",
  "it",
  "order",
  "response",
  "addition",
  "total",
  "part",
  "general",
  "particular",
  "recent",
  "fact",
  "terms",
]);

export const assessStage: Stage = {
  name: "assess",
  requires: ["tokens", "sentences", "candidates", "entities", "times", "events"],
  provides: [],
  run(ctx: Context) {
    ctx.findings.push(
      ...officeFindings(ctx),
      ...futureDates(ctx),
      ...unresolvedToponyms(ctx),
      ...operatorFindings(ctx),
      ...originFindings(ctx),
      ...conflictingTellings(ctx),
      ...contestedClaims(ctx),
      ...retractions(ctx),
      ...designatorFindings(ctx),
    );
  },
};

/** A verb in the past: "killed", "struck", "was". */
const PAST_TENSE = /\b(?:was|were|had|killed|struck|hit|shot|fought|took|made|began|\p{Ll}{3,}ed)\b/u;

function futureDates(ctx: Context): Finding[] {
  const pub = ctx.doc.publishedAt?.slice(0, 10);
  if (!pub || ctx.doc.publishedAtInferred) return [];
  const out: Finding[] = [];
  for (const t of ctx.times!) {
    if (!t.value.start || t.value.start <= pub) continue;
    // a date without its year is read after publication only when it is at most a month ahead (see the
    // time stage): reported when its sentence tells it in the past ("The blast on 25 November killed")
    const stated = t.stated.includes("year");
    if (!stated && !t.stated.includes("day")) continue;
    checkBudget(ctx);
    const sent = ctx.sentences!.find((s) => s.start <= t.start && t.end <= s.end);
    const sText = sent ? ctx.doc.text.slice(sent.start, sent.end) : "";
    if (FUTURE_OK.test(sText) || (!stated && !PAST_TENSE.test(sText))) continue;
    out.push({
      kind: "date-after-publication",
      severity: stated ? "warning" : "info",
      message: stated
        ? `"${t.text}" (${t.value.start}) is after the publication date ${pub}, but the sentence reports it as past.`
        : `"${t.text}" was read as ${t.value.start}, after the publication date ${pub}, but the sentence tells it in the past: the publication date may be wrong, or the date a year earlier.`,
      spans: [{ start: t.start, end: t.end, text: t.text }],
      rule: stated ? "future-date-in-past-tense" : "yearless-date-after-publication",
    });
  }
  return out;
}

/**
 * Streets ("N. Bedford Drive") and buildings named after a place ("Liverpool Academy") that the resolver
 * did not read as that place: toponyms the gazetteer does not know, placed near the places the text names.
 */
function facilityToponyms(ctx: Context): Finding[] {
  const { tokens, kb } = ctx;
  const text = ctx.doc.text;
  const mentions = ctx.entities!.mentions;
  // a demonym inside a building's name ("the Russian Embassy", "British International School") names who
  // runs it, not where it is: the demonym stays a mention of its country, the building is a toponym of its own
  const free = (start: number, end: number) =>
    !mentions.some(
      (m) => m.start < end && start < m.end && !(m.role === "demonym" && start <= m.start && m.end < end),
    );
  const names = streetNames(text, tokens!, kb.common);
  for (const c of ctx.candidates!) {
    if (!c.refs.some((r) => r.kind === "place" || r.kind === "demonym")) continue;
    const f = facilityAround(text, tokens!, c.firstToken, c.lastToken, kb.common);
    if (f?.kind === "building") names.push(f);
  }
  const out: Finding[] = [];
  for (const f of names.sort((a, b) => a.start - b.start)) {
    if (!free(f.start, f.end) || out.some((o) => o.spans[0]!.start < f.end && f.start < o.spans[0]!.end))
      continue;
    checkBudget(ctx);
    const span = { start: f.start, end: f.end, text: text.slice(f.start, f.end) };
    const near = facilityNear(ctx, f, span.start, tokens![f.firstToken]!.sentence);
    out.push({
      kind: "unresolved-toponym",
      severity: "info",
      message: `"${span.text}" looks like the name of a ${f.kind} that the gazetteer does not know${
        near ? `; the nearest place the text names is ${near.name}` : ""
      }.`,
      spans: [span],
      rule: f.kind === "street" ? "street-name" : "building-name",
      ...(near ? { near } : {}),
    });
  }
  return out;
}

/** Buildings that stand in another country than the one their name's demonym names. */
const ABROAD_HEADS = new Set(["embassy", "consulate"]);

/**
 * Where a building the gazetteer does not know probably is. One named with a demonym ("the Russian Higher
 * School of Economics") is in that country unless its sentence names a town or region, or it is an embassy
 * or consulate, which stand abroad ("the Turkish Embassy in Moscow").
 */
/** A resolved place as the approximate location of an unknown toponym, with the rule that chose it. */
function nearAt(e: PlaceEntity, rule: string, confidence: number): NonNullable<Finding["near"]> {
  return { entityId: e.id, name: e.name, lat: e.lat, lon: e.lon, rule, confidence };
}

function facilityNear(ctx: Context, f: FacilityName, at: number, sentence: number): Finding["near"] {
  const near = nearestPlace(ctx, at, sentence);
  if (near?.rule === "near-place-in-sentence" || ABROAD_HEADS.has(ctx.tokens![f.lastToken]!.norm))
    return near;
  for (const m of ctx.entities!.mentions) {
    if (m.role !== "demonym" || m.start < f.start || m.end > f.end) continue;
    const e = ctx.entities!.get(m.entityId);
    if (e?.kind === "place") return nearAt(e, "country-of-demonym", 0.35);
  }
  return near;
}

/** From an unknown name to the place it is said to lie in: " in ", ", in ", " in the ". */
const LIES_IN = /^,?\s+in\s+(?:the\s+)?/;

/**
 * "the small town of Kasba Bonli in northwestern India": the place right after "in", at the part of it the
 * words name when they name one.
 */
function placeItLiesIn(ctx: Context, end: number): Finding["near"] {
  const gap = LIES_IN.exec(ctx.doc.text.slice(end, end + 12));
  if (!gap) return undefined;
  const at = end + gap[0].length;
  for (const m of ctx.entities!.mentions) {
    if (m.start < at || m.start > at + 20 || m.role !== "literal") continue;
    const e = ctx.entities!.get(m.entityId);
    if (e?.kind !== "place") continue;
    // (a direction before it is part of the mention's span: "northwestern India")
    if (m.start !== at && !/^[\p{L}-]+\s+$/u.test(ctx.doc.text.slice(at, m.start))) continue;
    const near = nearAt(e, "place-it-lies-in", 0.6);
    return m.partPoint ? { ...near, lat: m.partPoint.lat, lon: m.partPoint.lon } : near;
  }
  return undefined;
}

/** Nouns of a site after its name: "Aden Adde airport", "Camp Lemonnier base". */
const SITE_NOUNS = new Set(["airport", "airfield", "airbase", "base", "camp", "port", "checkpoint"]);

/** Feature words after a name that make "into the Neelum valley" a place: the name and the word. */
const FEATURE_WORDS = new Set([
  "valley",
  "river",
  "district",
  "province",
  "region",
  "sector",
  "gorge",
  "pass",
  "plain",
  "plains",
  "mountains",
  "hills",
  "strait",
  "bay",
  "gulf",
  "island",
  "islands",
  "peninsula",
  "desert",
  "basin",
  "corridor",
  "area",
  "oblast",
  "governorate",
  "county",
  "state",
]);

/** Verbs of taking a place, right before its name: "captured Zorkhabad". */
const TAKEN = new Set([
  "captured",
  "recaptured",
  "retook",
  "seized",
  "liberated",
  "stormed",
  "encircled",
  "besieged",
  "shelled",
  "entered",
]);

/** Verbs of going or sending, before "to" and a place: "deployed to Zorkhabad", "fled to Umm Kadada". */
const MOVED_TO = new Set([
  "deployed",
  "redeployed",
  "sent",
  "moved",
  "relocated",
  "transferred",
  "dispatched",
  "flew",
  "sailed",
  "fled",
  "evacuated",
  "advanced",
  "retreated",
  "withdrew",
  "headed",
  "returned",
  "marched",
]);

/** The last words of a natural feature's name: "the Bogus River", "the Zorba Mountains". */
const NAMED_FEATURE_HEADS = new Set([
  "river",
  "creek",
  "canal",
  "lake",
  "mountains",
  "hills",
  "valley",
  "gorge",
  "plateau",
  "desert",
  "reef",
  "shoal",
  "atoll",
  "peninsula",
  "strait",
]);

/** Arabic articles inside a name, joined by a hyphen: "Ras el-Tin", "Souq al-Juma". */
const ARABIC_ARTICLES_INSIDE = new Set(["al", "el", "ad", "ar", "as", "ash", "an", "at", "az", "ed", "es"]);

/** A word between a site's name and its noun: "naval base", "training area", "air base". */
const SITE_MODIFIERS = new Set(["naval", "air", "military", "training", "army", "missile", "industrial"]);

/** What says a capitalised word is a person's name given in the story's place: "(not her real name)". */
const NOT_REAL_NAME = /^\s*\((?:not\s+(?:her|his|their)\s+real\s+name|a\s+pseudonym|name\s+changed)/i;

/** Capitalised words after "in/near/off..." that the gazetteer does not know: kept, never dropped silently. */
function unresolvedToponyms(ctx: Context): Finding[] {
  const tokens = ctx.tokens!;
  const facilities = facilityToponyms(ctx);
  const inFacility = (at: number) => facilities.some((f) => f.spans[0]!.start <= at && at < f.spans[0]!.end);
  const covered = new Set<number>();
  for (const m of ctx.entities!.mentions) covered.add(m.start);
  // a name whose far reading was set aside is reported once, with that reading (setAsideToponyms)
  for (const r of ctx.setAsideReadings ?? []) covered.add(r.start);
  const timeStarts = ctx.times!.map((t) => [t.start, t.end] as const);
  const out: Finding[] = [];
  for (let i = 1; i < tokens.length; i++) {
    const prev = tokens[i - 1]!;
    const t = tokens[i]!;
    if (!t.cap || t.sentenceStart || NOT_PLACE.has(t.norm) || covered.has(t.start) || inFacility(t.start))
      continue;
    const county = countyAt(tokens, i);
    // "the town of Paletwa", "south of Foobaria": "of" after a place word or a direction is as strong
    const placeOf = prev.text === "of" && i >= 2 && PLACE_OF_WORDS.has(tokens[i - 2]!.norm);
    // "into the Neelum valley", "in the Kupwara sector": a locative, "the", a name and a feature word
    const theLocative = prev.text === "the" && i >= 2 && STRONG_LOCATIVE.has(tokens[i - 2]!.text);
    // "Mogadishu's Aden Adde airport": a site a named place has, with its noun after the name
    const ownedSite = prev.text === "s" && /['’]/.test(ctx.doc.text[prev.start - 1] ?? "");
    // "deployed to Zorkhabad", "fled to Umm Kadada", "captured Zorkhabad": where forces go, what they take
    const verbPlace =
      TAKEN.has(prev.norm) || (prev.norm === "to" && i >= 2 && MOVED_TO.has(tokens[i - 2]!.norm));
    // "crossed the Bogus River": after "the" alone, only a name ending in a natural feature's head (below)
    const theOnly =
      !STRONG_LOCATIVE.has(prev.text) && !county && !placeOf && !theLocative && !ownedSite && !verbPlace;
    if (theOnly && prev.text !== "the") continue;
    checkBudget(ctx);
    // (a common word opens only a feature's name: "the Little Miami River"; see below)
    const commonFirst = !county && ctx.kb.common.has(t.norm);
    // "with Derek Drouin": a given name before a capitalised word opens a person's name
    const after = tokens[i + 1];
    // (but "the town of Adan Yabaal" names a town)
    if (after?.cap && after.start === t.end + 1 && isGivenName(t.norm) && !placeOf) continue;
    if (!/^\s+$/.test(ctx.doc.text.slice(prev.end, t.start))) continue;
    if (timeStarts.some(([s, e]) => t.start >= s && t.start < e)) continue;
    if (ctx.entities!.mentions.some((m) => t.start >= m.start && t.start < m.end)) continue;
    let j = i;
    for (;;) {
      if (
        j + 1 < tokens.length &&
        tokens[j + 1]!.cap &&
        nameGap(ctx.doc.text.slice(tokens[j]!.end, tokens[j + 1]!.start), tokens[j]!.text)
      )
        j++;
      // "Ras el-Tin", "Souq al-Juma": an Arabic article joined by a hyphen to the next word of the name
      else if (
        j + 2 < tokens.length &&
        ARABIC_ARTICLES_INSIDE.has(tokens[j + 1]!.text) &&
        tokens[j + 1]!.start === tokens[j]!.end + 1 &&
        ctx.doc.text[tokens[j + 1]!.end] === "-" &&
        tokens[j + 2]!.cap &&
        tokens[j + 2]!.start === tokens[j + 1]!.end + 1
      )
        j += 2;
      else break;
    }
    if (ctx.entities!.mentions.some((m) => m.start > t.start && m.start <= tokens[j]!.start)) continue;
    if (facilities.some((f) => f.spans[0]!.start > t.start && f.spans[0]!.start <= tokens[j]!.start))
      continue;
    // the word right after the name, and its feature's noun: that word, or the next after a modifier ("the
    // Ras el-Tin naval base", "the Vaziani training area")
    const next = tokens[j + 1];
    const second = tokens[j + 2];
    const isFeature = (w: Token) => FEATURE_WORDS.has(w.norm) || SITE_NOUNS.has(w.norm);
    const feature =
      next && second && SITE_MODIFIERS.has(next.norm) && isFeature(second) && second.start === next.end + 1
        ? second
        : next;
    const withFeature =
      next !== undefined &&
      next.start === tokens[j]!.end + 1 &&
      !feature!.cap &&
      isFeature(feature!) &&
      feature!.sentence === t.sentence;
    // "the Bogus River", "the Little Miami River": a capitalised name whose last word is a natural feature's
    // head names that feature, whatever comes before "the"
    const namedFeature =
      j > i && tokens[j]!.cap && !tokens[j]!.upper && NAMED_FEATURE_HEADS.has(tokens[j]!.norm);
    if ((theOnly && !namedFeature) || (theLocative && !withFeature && !namedFeature)) continue;
    if (commonFirst && !namedFeature) continue;
    // (a site after a possessive only with its noun; "Warren County's Hamilton Township" is read as a county's)
    const siteOnly = ownedSite && !STRONG_LOCATIVE.has(prev.text) && !county && !placeOf && !theLocative;
    if (siteOnly && !SITE_NOUNS.has(feature?.norm ?? "")) continue;
    const last = withFeature && theLocative ? feature : tokens[j]!;
    const span = { start: t.start, end: last.end, text: ctx.doc.text.slice(t.start, last.end) };
    // "R2bn", "GT3", "ITV3": a figure or a model, not a place; "in HD", "gains in BOV": an acronym alone;
    // "Noma (not her real name)": a person
    if (
      /\d/.test(span.text) ||
      (j === i && t.upper && t.text.length <= 4) ||
      NOT_REAL_NAME.test(ctx.doc.text.slice(span.end, span.end + 30))
    )
      continue;
    const near = placeItLiesIn(ctx, span.end) ?? nearestPlace(ctx, span.start, t.sentence);
    out.push({
      kind: "unresolved-toponym",
      severity: "info",
      message: `"${span.text}" after "${prev.text}" looks like a place name that the gazetteer does not know${
        near ? `; the nearest place the text names is ${near.name}` : ""
      }.`,
      spans: [span],
      rule: "locative-capitalised-unknown",
      ...(near ? { near } : {}),
    });
    i = j;
  }
  return [...facilities, ...out, ...setAsideToponyms(ctx)].sort(
    (a, b) => a.spans[0]!.start - b.spans[0]!.start,
  );
}

/**
 * Toponyms whose likeliest reading the resolver set aside as far from everything else the story names
 * ("the Delft police station" in a story set in Cape Town): kept as places the gazetteer does not know,
 * near the places the story names, with the reading set aside shown.
 */
function setAsideToponyms(ctx: Context): Finding[] {
  const out: Finding[] = [];
  for (const s of ctx.setAsideReadings ?? []) {
    const p = ctx.kb.place(s.placeId);
    if (!p) continue;
    // the reading was set aside because the story is set in its home: the name is placed among the home's places
    const inHome = (e: PlaceEntity) => {
      if (!s.home.startsWith("US-")) return e.countryCode === s.home;
      return e.countryCode === "US" && !!e.kbId && ctx.kb.place(e.kbId)?.admin === s.home.slice(3);
    };
    const near = nearestPlace(ctx, s.start, s.sentence, inHome);
    const km = Number.isFinite(s.km)
      ? `${Math.round(s.km).toLocaleString("en-US")} km from the nearest other place the story names`
      : "far from every other place the story names";
    const home = s.home.startsWith("US-")
      ? (usStateName(s.home.slice(3)) ?? s.home)
      : (ctx.kb.place(`country-${s.home}`)?.name ?? s.home);
    // "HOLLIDAY, Mo.", "Victoria, Guyana,": a state or a country named after the town, where none of its
    // readings lies
    if (s.qualifiedBy || s.qualifiedByCountry || s.qualifiedByRegion) {
      const where = s.qualifiedBy
        ? (usStateName(s.qualifiedBy) ?? s.qualifiedBy)
        : s.qualifiedByRegion
          ? (ctx.kb.place(s.qualifiedByRegion)?.name ?? s.qualifiedByRegion)
          : home;
      const kind = s.qualifiedBy ? "state" : s.qualifiedByRegion ? "region" : "country";
      out.push({
        kind: "unresolved-toponym",
        severity: "info",
        message: `"${s.text}" is followed by ${where} (the ${kind}), but the gazetteer knows no place of that name in ${where}; its likeliest reading elsewhere, ${p.name} (${p.cc ?? "?"}${p.admin ? ` ${p.admin}` : ""}), was set aside${
          near ? `; the nearest place the text names is ${near.name}` : ""
        }.`,
        spans: [{ start: s.start, end: s.end, text: s.text }],
        rule: `no-reading-in-named-${kind}`,
        ...(near ? { near } : {}),
        setAside: { kbId: p.id, name: p.name, lat: p.lat, lon: p.lon },
      });
      continue;
    }
    out.push({
      kind: "unresolved-toponym",
      severity: "info",
      message: `"${s.text}" looks like a local place the gazetteer does not know: its likeliest reading, ${p.name} (${p.cc ?? "?"}), lies ${km}, in a ${s.home.startsWith("US-") ? "state" : "country"} the story never names, while the story is set in ${home}${
        near ? `; the nearest place the text names is ${near.name}` : ""
      }.`,
      spans: [{ start: s.start, end: s.end, text: s.text }],
      rule: "reading-far-from-story",
      ...(near ? { near } : {}),
      setAside: {
        kbId: p.id,
        name: p.name,
        lat: p.lat,
        lon: p.lon,
        ...(Number.isFinite(s.km) ? { km: Math.round(s.km) } : {}),
      },
    });
  }
  return out;
}

const TOWN_TYPES = new Set(["city", "capital", "site", "district"]);

/** The gap between two words of one name: a space, or ". " after "St", "Mt"... ("St. Barnabas Hospital"). */
const nameGap = (gap: string, before: string) =>
  /^\s$/.test(gap) || (gap === ". " && PLACE_ABBREVIATIONS.has(before));

/** Places that locate a street, a building or a village: not countries, continents, oceans or regions. */
const LOCAL_TYPES = new Set(["city", "capital", "admin1", "admin2", "county", "site", "island", "district"]);

/**
 * The resolved place closest to an unknown toponym: a town or region in the same sentence, else the town
 * the document names most, else a country in the sentence. An approximation, said to be one.
 */
function nearestPlace(
  ctx: Context,
  at: number,
  sentence: number,
  within?: (e: PlaceEntity) => boolean,
): Finding["near"] {
  let places: Array<{ m: MentionRecord; e: PlaceEntity }> = [];
  for (const m of ctx.entities!.mentions) {
    const e = ctx.entities!.get(m.entityId);
    // (and a place inside a body's name: "the Durant Center" is where Durant is)
    if (
      e?.kind === "place" &&
      (m.role === "literal" || (m.role === "modifier" && m.evidence[0]?.rule === "inside-organisation-name"))
    )
      places.push({ m, e });
  }
  // only the places `within` allows, when it allows some
  if (within) {
    const allowed = places.filter((p) => within(p.e));
    if (allowed.length) places = allowed;
  }
  const local = places.filter((p) => LOCAL_TYPES.has(p.e.featureType));
  const pick = (p: { m: MentionRecord; e: PlaceEntity }, rule: string, confidence: number) =>
    nearAt(p.e, rule, confidence);
  const inSentence = local
    .filter((p) => p.m.sentence === sentence)
    .sort((a, b) => Math.abs(a.m.start - at) - Math.abs(b.m.start - at))[0];
  if (inSentence) return pick(inSentence, "near-place-in-sentence", 0.5);
  const counts = new Map<string, { p: (typeof local)[number]; n: number }>();
  for (const p of local) {
    const c = counts.get(p.e.id) ?? { p, n: 0 };
    c.n++;
    counts.set(p.e.id, c);
  }
  // Of places named as often, a town says more than a region ("Cape Town" before "Western Cape"), and
  // of towns the one amid the others more than an outlier (the sum of its distances to them is least).
  const finer = (p: { e: PlaceEntity }) => (TOWN_TYPES.has(p.e.featureType) ? 0 : 1);
  const spread = new Map<string, number>();
  const spreadOf = (e: PlaceEntity) => {
    let sum = spread.get(e.id);
    if (sum === undefined) {
      sum = 0;
      for (const o of local) sum += Math.min(2000, haversineKm(e.lat, e.lon, o.e.lat, o.e.lon));
      spread.set(e.id, sum);
    }
    return sum;
  };
  const top = [...counts.values()].sort(
    (a, b) =>
      b.n - a.n || finer(a.p) - finer(b.p) || spreadOf(a.p.e) - spreadOf(b.p.e) || a.p.m.start - b.p.m.start,
  )[0];
  if (top) return pick(top.p, "document-main-place", 0.35);
  const country = places.find((p) => p.m.sentence === sentence && p.e.featureType === "country");
  if (country) return pick(country, "country-in-sentence", 0.2);
  return undefined;
}

const ADMIN_NOUNS = new Set([
  "county",
  "parish",
  "township",
  "borough",
  "district",
  "province",
  "oblast",
  "governorate",
  "prefecture",
  "municipality",
]);

/** "Orange County", "Walker County": a capitalised name and an administrative noun. */
function countyAt(tokens: Token[], i: number): boolean {
  for (let j = i + 1; j < Math.min(tokens.length, i + 4); j++) {
    if (!tokens[j]!.cap) return false;
    if (ADMIN_NOUNS.has(tokens[j]!.norm)) return true;
  }
  return false;
}

/** The countries named right before a system's mentions in a span ("Swedish Gripen", "Russia's Il-20"). */
function ownersNamedBefore(ctx: Context, eq: Entity, within: { start: number; end: number }): Set<string> {
  const owners = new Set<string>();
  const mentions = ctx.entities!.sorted();
  for (const m of eq.mentions) {
    if (m.start < within.start || m.end > within.end) continue;
    for (const o of mentions) {
      if (o.end > m.start || m.start - o.end > 40 || o.entityId === eq.id) continue;
      // right before it, or with a ship or arms noun between: "the Russian frigate Admiral Grigorovich"
      const between = ctx.doc.text.slice(o.end, m.start);
      if (!/^(?:['’]s)?\s*$/.test(between) && !OWNER_NOUN_BETWEEN.test(between)) continue;
      const e = ctx.entities!.get(o.entityId);
      const cc = e?.kind === "place" || e?.kind === "actor" ? e.countryCode : undefined;
      if (
        cc &&
        (e?.kind === "actor" || o.role === "demonym" || o.role === "modifier" || o.role === "metonymic")
      )
        owners.add(cc);
    }
  }
  return owners;
}

/** A ship's or a system's noun between its owner and its name: " frigate ", "-made destroyer ". */
const OWNER_NOUN_BETWEEN =
  /^(?:-(?:made|built|designed|supplied)\s+|\s+)(?:navy\s+|naval\s+|air\s+force\s+)?(?:aircraft\s+carrier|carrier|destroyer|frigate|corvette|cruiser|submarine|landing\s+ship|warship|patrol\s+(?:ship|vessel|boat)|ship|vessel|jets?|fighters?|bombers?|aircraft|system|battery|batteries|tanks?)\s+$/i;

/**
 * Whether a system's mention lies in the clause of the event's trigger: no "after", "while", "as", "when"
 * or semicolon between them ("Japan scrambled fighters after two Tu-95MS Bears flew over the Sea of Japan":
 * the bombers are not Japan's).
 */
function inTriggerClause(ctx: Context, ev: Event, eq: Entity): boolean {
  const text = ctx.doc.text;
  return eq.mentions.some((m) => {
    if (m.start < ev.evidence.start || m.end > ev.evidence.end) return false;
    const between =
      m.start >= ev.trigger.end ? text.slice(ev.trigger.end, m.start) : text.slice(m.end, ev.trigger.start);
    return !CLAUSE_APART.test(between);
  });
}
const CLAUSE_APART = /;|\b(?:after|while|whereas|as|when|before|until|since|but|although|though)\b/i;

/** Equipment linked to a state that the catalog does not list among its operators (informational). */
function operatorFindings(ctx: Context): Finding[] {
  const out: Finding[] = [];
  const text = ctx.doc.text;
  for (const ev of ctx.events!) {
    if (ev.type === "delivery") {
      out.push(...recipientFindings(ctx, ev));
      continue;
    }
    // of a strike or an interception, only the weapons its actor uses: those named before the verb
    // ("Egypt's S-400 batteries shot down two drones") or after "with" or "using", not what was struck
    const uses = ev.type === "attack" || ev.type === "interception";
    if (!uses && ev.type !== "deployment" && ev.type !== "exercise" && ev.type !== "weapons-test") continue;
    const actors = ev.actors
      .map((id) => ctx.entities!.get(id))
      .filter((e) => e?.kind === "actor" && e.countryCode);
    for (const eqId of ev.equipment) {
      const eq = ctx.entities!.get(eqId);
      if (eq?.kind !== "equipment" || eq.generic) continue;
      const entry = ctx.kb.equipmentEntry(eq.catalogId);
      if (!entry || entry.operators.length === 0 || !inTriggerClause(ctx, ev, eq)) continue;
      if (
        uses &&
        !eq.mentions.some(
          (m) =>
            m.start >= ev.evidence.start &&
            (m.end <= ev.trigger.start ||
              (m.start >= ev.trigger.end &&
                USED_WITH.test(text.slice(Math.max(ev.trigger.end, m.start - 30), m.start)))),
        )
      )
        continue;
      // "Swedish Gripen and Finnish F/A-18 jets": a system the text gives to another country is that one's
      const owners = ownersNamedBefore(ctx, eq, ev.evidence);
      for (const a of actors) {
        const cc = a!.kind === "actor" ? a!.countryCode! : "";
        if (entry.operators.includes(cc) || entry.origin === cc) continue;
        if (owners.size && !owners.has(cc)) continue;
        out.push(
          notOperated(
            ev,
            eq,
            entry,
            a!.name,
            "A new transfer, a misidentification, or a gap in the catalog.",
            "equipment-operator-check",
          ),
        );
      }
    }
  }
  return out;
}

/** The finding that the catalog does not list `by` among a system's operators, at the trigger and the system. */
function notOperated(
  ev: Event,
  eq: Entity,
  entry: { operators: string[] },
  by: string,
  what: string,
  rule: string,
): Finding {
  return {
    kind: "unexpected-operator",
    severity: "info",
    message: `${eq.name} is not listed as operated by ${by} in the catalog (operators: ${entry.operators.join(", ")}). ${what}`,
    spans: [
      ev.trigger,
      ...eq.mentions.slice(0, 1).map((m) => ({ start: m.start, end: m.end, text: m.text })),
    ],
    rule,
  };
}

/** Between an origin's modifier ("Chinese-made") and the system it qualifies: a few words, no clause break. */
const ORIGIN_TO_SYSTEM = /^\s+(?:[\w-]+\s+){0,2}$/;

/**
 * A system said to be made by a country that neither designed nor operates it ("the Chinese-made Rafale",
 * "American-made S-400 batteries"): the text and the catalog disagree. A licence-built system is made by
 * an operator ("Indian-made Su-30MKI jets") and raises nothing.
 */
function originFindings(ctx: Context): Finding[] {
  const out: Finding[] = [];
  const text = ctx.doc.text;
  const equipment = ctx.entities!.list.filter(
    (e): e is Extract<Entity, { kind: "equipment" }> => e.kind === "equipment" && !e.generic,
  );
  if (equipment.length === 0) return out;
  for (const e of ctx.entities!.list) {
    if (e.kind !== "place" || e.featureType !== "country" || !e.countryCode) continue;
    for (const m of e.mentions) {
      if (!m.evidence.some((x) => x.rule === "origin-suffix")) continue;
      // (the modifier's own word after its hyphen: "-made", "-built")
      const after = /^-(?:made|built|designed|produced|manufactured)\b/i.exec(text.slice(m.end, m.end + 14));
      if (!after) continue;
      const from = m.end + after[0].length;
      for (const eq of equipment) {
        const n = eq.mentions.find(
          (x) => x.start >= from && ORIGIN_TO_SYSTEM.test(text.slice(from, x.start)),
        );
        const entry = n && ctx.kb.equipmentEntry(eq.catalogId);
        if (!n || !entry?.origin) continue;
        if (entry.origin === e.countryCode || entry.operators.includes(e.countryCode)) continue;
        out.push({
          kind: "kb-conflict",
          severity: "warning",
          message: `The text says ${eq.name} is ${text.slice(m.start, from)}; the catalog gives its origin as ${entry.origin}${entry.operators.length ? ` and its operators as ${entry.operators.join(", ")}` : ""}. A misattribution, a misidentified system, or a new licence the catalog does not know.`,
          spans: [
            { start: m.start, end: from, text: text.slice(m.start, from) },
            { start: n.start, end: n.end, text: n.text },
          ],
          rule: "origin-check",
        });
      }
    }
  }
  return out;
}

/** What a weapon used follows: "with", "using" (not "fired from", the attacker's launcher). */
const USED_WITH =
  /\b(?:with|using|used)\s+(?:(?:its|their|the|a|an|\d+|two|three|four|several)\s+)?(?:[\w-]+\s+){0,2}$/i;
/** A delivery told by its recipient: "received", "took delivery of". */
const RECEIVED = /^(?:receiv|took\s+delivery|tak(?:es|ing)\s+delivery)/i;
/** What a delivery's recipient follows: "delivered Su-57 fighters to Venezuela". */
const DELIVERED_TO = /\bto\s+(?:the\s+)?$/i;

/**
 * A delivery of a system to a country the catalog does not list among its operators ("Russia delivered
 * Su-57 fighters to Venezuela"): a first transfer if true, a misidentification, or a gap in the catalog.
 */
function recipientFindings(ctx: Context, ev: Event): Finding[] {
  const out: Finding[] = [];
  const text = ctx.doc.text;
  if (ev.factuality !== "asserted" && ev.factuality !== "reported" && ev.factuality !== "planned") return out;
  // each recipient with the sentence that names it after "to": the systems delivered are named there
  // (not "aboard a Turkish Air Force A400M" in a sentence merged into the delivery)
  const recipients: Array<{ name: string; cc: string; sentence: { start: number; end: number } }> = [];
  for (const id of ev.places) {
    const p = ctx.entities!.get(id);
    if (p?.kind !== "place" || p.featureType !== "country" || p.countryCode === null) continue;
    const m = p.mentions.find(
      (x) =>
        x.start >= ev.evidence.start &&
        x.end <= ev.evidence.end &&
        DELIVERED_TO.test(text.slice(Math.max(0, x.start - 10), x.start)),
    );
    const sentence = m && ctx.sentences!.find((sp) => sp.start <= m.start && m.end <= sp.end);
    if (sentence) recipients.push({ name: p.name, cc: p.countryCode, sentence });
  }
  // "Venezuela also received Chinese J-20 stealth fighters": who receives is the subject
  if (RECEIVED.test(ev.trigger.text)) {
    const sentence = ctx.sentences!.find((sp) => sp.start <= ev.trigger.start && ev.trigger.end <= sp.end);
    for (const id of ev.actors) {
      const a = ctx.entities!.get(id);
      if (sentence && a?.kind === "actor" && a.type === "state" && a.countryCode)
        recipients.push({ name: a.name, cc: a.countryCode, sentence });
    }
  }
  for (const eqId of ev.equipment) {
    const eq = ctx.entities!.get(eqId);
    if (eq?.kind !== "equipment" || eq.generic) continue;
    const entry = ctx.kb.equipmentEntry(eq.catalogId);
    if (!entry || entry.operators.length === 0) continue;
    for (const { name, cc, sentence } of recipients) {
      if (!eq.mentions.some((m) => m.start >= sentence.start && m.end <= sentence.end)) continue;
      if (entry.operators.includes(cc) || entry.origin === cc) continue;
      out.push(
        notOperated(
          ev,
          eq,
          entry,
          name,
          "If the delivery is true it is a first; else a misidentification, or a gap in the catalog.",
          "delivery-recipient-check",
        ),
      );
    }
  }
  return out;
}

/** Places at least this far apart cannot be where one event happened. */
const FAR_APART_KM = 300;
const TOLD_AS_FACT = new Set(["asserted", "reported", "hedged"]);
const SPECIFIC_PLACE = new Set(["city", "site", "airport", "base", "port", "island", "admin2"]);

/**
 * The same happening told twice with a different day or a far-away place: one system, one actor, one kind
 * of event, but "on Monday" in the lede and "on Wednesday" further down. Merging keeps such tellings apart;
 * the analyst is told which spans disagree.
 */
function conflictingTellings(ctx: Context): Finding[] {
  const out: Finding[] = [];
  const events = ctx.events!;
  const specificEquipment = (ids: string[]) =>
    ids.filter((id) => {
      const e = ctx.entities!.get(id);
      return e?.kind === "equipment" && !e.generic;
    });
  for (let i = 0; i < events.length; i++) {
    for (let j = i + 1; j < events.length; j++) {
      checkBudget(ctx);
      const a = events[i]!;
      const b = events[j]!;
      // only what is told as having happened can contradict ("could later be moved to Ishigaki" cannot)
      if (a.type !== b.type || !TOLD_AS_FACT.has(a.factuality) || !TOLD_AS_FACT.has(b.factuality)) continue;
      const eqA = specificEquipment(a.equipment);
      const eqB = new Set(specificEquipment(b.equipment));
      if (!eqA.some((id) => eqB.has(id))) continue;
      if (a.actors.length && b.actors.length && !a.actors.some((id) => b.actors.includes(id))) continue;
      const what = `${a.type} of ${ctx.entities!.get(eqA.find((id) => eqB.has(id))!)!.name}`;
      const dayA = a.time.granularity === "day" && !a.time.inferred ? a.time.start : null;
      const dayB = b.time.granularity === "day" && !b.time.inferred ? b.time.start : null;
      if (dayA && dayB && dayA !== dayB && a.time.span && b.time.span) {
        out.push({
          kind: "internal-contradiction",
          severity: "warning",
          message: `The ${what} is dated ${dayA} ("${a.time.text}") in one sentence and ${dayB} ("${b.time.text}") in another: two events, or one misdated.`,
          spans: [
            { ...a.time.span, text: a.time.text! },
            { ...b.time.span, text: b.time.text! },
          ],
          rule: "same-event-different-dates",
        });
        continue;
      }
      const far = farPlaces(ctx, a.places, b.places);
      if (far)
        out.push({
          kind: "internal-contradiction",
          severity: "warning",
          message: `The ${what} is placed at ${far.a.name} in one sentence and at ${far.b.name}, ${Math.round(far.km)} km away, in another: two events, or one misplaced.`,
          spans: [far.spanA, far.spanB],
          rule: "same-event-different-places",
        });
    }
  }
  return out;
}

/** A report withdrawn or corrected: "Reuters later withdrew the report", "retracted its story". */
const RETRACTION =
  /\b(?:retract(?:ed|s|ing)?|withdr(?:ew|awn)|corrected|walked\s+back)\s+(?:the|its|their|a|an|that)\s+(?:[\w-]+\s+)?(?:report|reports|story|stories|article|claim|claims|statement|figures?|tweet|post)\b|\blater\s+said\s+(?:the|its|that)\s+(?:figure|number|report|claim)\s+was\s+(?:wrong|incorrect|inaccurate|false)\b/gi;

/**
 * "Reuters later withdrew the report", "The air force later said the figure was wrong": a claim the story
 * tells may no longer stand; the analyst is told where (a warning: what rests on it is not corrected).
 */
function retractions(ctx: Context): Finding[] {
  const out: Finding[] = [];
  const text = ctx.doc.text;
  RETRACTION.lastIndex = 0;
  for (let m = RETRACTION.exec(text); m; m = RETRACTION.exec(text)) {
    checkBudget(ctx);
    out.push({
      kind: "retraction",
      severity: "warning",
      message: `The story says a report was withdrawn or corrected ("${m[0]}"): claims that rest on it may no longer stand.`,
      spans: [{ start: m.index, end: m.index + m[0].length, text: m[0] }],
      rule: "report-withdrawn-or-corrected",
    });
  }
  return out;
}

/**
 * What a denial denies when its words refer back to a claim told before: "denied the claim", "denied any
 * involvement", "denied that ...", "denied targeting civilians".
 */
const DENIES_CLAIM =
  /^\s+(?:(?:the|these|those|such|any|that|this|all|its|their)\s+)?(?:[\w-]+\s+)?(?:claims?|reports?|allegations?|accusations?|charges?|involvement|responsibility|account|version)\b|^\s+(?:that|it|them|this|having)\b|^\s+\w{3,}ing\b/i;
/** "denied the claim", "rejected the reports": a claim named as such right after the verb. */
const CLAIM_NOUN_AFTER =
  /^\s+(?:(?:the|these|those|such|that|this|all)\s+)?(?:[\w-]+\s+)?(?:claims?|reports?|allegations?|accusations?|charges?)\b/i;
/** "a claim the junta rejected", "an accusation Iran's foreign ministry rejected": rejected after the claim. */
const CLAIM_REJECTED = /\b(?:claims?|accusations?|allegations?|reports?)\s+(?:[\w'’.-]+\s+){0,4}$/i;
/** What a denial says of a place: "had fallen", "was captured", "remained under its control". */
const FALLEN =
  /\b(?:fallen|fell|captured|taken|seized|lost|(?:under|in)\s+(?:its|their|our|Ukrainian|Russian|government|army)\s+control|still\s+holding)\b/i;
/** How far back, in characters, a denial or a negated telling is read as answering a claim. */
const CONTEST_REACH = 700;

/**
 * A claim one side makes and the other denies: "The Indian Army said Pakistani troops opened fire ...
 * Pakistan's military denied the claim", or tells as not having happened: "Poland said Russian jets
 * violated its airspace ... Moscow said its aircraft did not violate any border". The claim is told, with
 * whoever contests it; the analyst is told which spans disagree (an info finding: contested claims are
 * the ordinary matter of war reporting, not an error of the report).
 */
function contestedClaims(ctx: Context): Finding[] {
  const out: Finding[] = [];
  const events = ctx.events!;
  const text = ctx.doc.text;
  const sourceName = (ids: string[]) =>
    ids
      .filter((id) => id !== "s0")
      .map((id) => ctx.sources?.find((x) => x.id === id)?.name)
      .filter((n): n is string => !!n);
  const toldBy = (ids: string[], actors: string[]) =>
    ids.some((id) => {
      const entity = ctx.sources?.find((x) => x.id === id)?.entityId;
      return entity !== undefined && actors.includes(entity);
    });
  const tellers = (e: (typeof events)[number]) => {
    // ("The United States blamed the group for a drone attack": the attack is told as a fact, who did it
    // is the accuser's claim)
    const cited = sourceName(e.sourceIds);
    if (cited.length) return cited;
    const accusation = events.find(
      (a) => a.type === "accusation" && a.evidence.start === e.evidence.start && a.actors.length,
    );
    return accusation ? accusation.actors.map((id) => ctx.entities!.get(id)?.name ?? id) : [];
  };
  const name = (ids: string[]) =>
    ids
      .map((id) => ctx.entities!.get(id)?.name)
      .filter(Boolean)
      .join(", ");
  for (const d of events) {
    const denial = d.type === "denial" && TOLD_AS_FACT.has(d.factuality);
    const negated = d.factuality === "negated" && d.type !== "denial";
    if (!(denial || negated) || d.actors.length === 0) continue;
    // what follows the denying verb (a trigger may hold its object: "rejected the claim")
    const verbEnd = d.trigger.start + d.trigger.text.search(/\s|$/);
    const denies = text.slice(verbEnd, d.trigger.end + 60);
    if (
      denial &&
      !DENIES_CLAIM.test(denies) &&
      !FALLEN.test(denies) &&
      !CLAIM_REJECTED.test(text.slice(Math.max(0, d.trigger.start - 60), d.trigger.start))
    )
      continue;
    // "Ukraine's military denied the village had fallen": the side that holds a place denies its capture
    const deniesFall = denial && FALLEN.test(denies);
    // "denied the claim", "a claim that US Central Command rejected": a claim named as such is the one told
    // last, whichever side denies it
    const claimNamed =
      denial &&
      (CLAIM_NOUN_AFTER.test(denies) ||
        CLAIM_REJECTED.test(text.slice(Math.max(0, d.trigger.start - 60), d.trigger.start)));
    let claim: (typeof events)[number] | undefined;
    for (const e of events) {
      if (e === d || !TOLD_AS_FACT.has(e.factuality) || e.type === "denial" || e.type === "statement")
        continue;
      if (negated && e.type !== d.type) continue;
      const spans = e.evidenceSpans ?? [e.evidence];
      // (a denial answers what was told before it, in its sentence or an earlier one: "Washington blamed
      // Tehran for the attack, an accusation Iran's foreign ministry rejected")
      const near = denial
        ? e.trigger.start < d.trigger.start &&
          spans.some((sp) => sp.start <= d.evidence.start && d.evidence.start - sp.start < CONTEST_REACH)
        : spans.some(
            (sp) => Math.abs(sp.start - d.evidence.start) < CONTEST_REACH && sp.start !== d.evidence.start,
          );
      const side =
        sameSide(ctx.entities!, d.actors, e.actors) ||
        (deniesFall && e.type === "seizure") ||
        (claimNamed && e.factuality === "reported");
      if (!near || !side || toldBy(e.sourceIds, d.actors)) continue;
      // told by someone else than the one who contests it: a cited source, or the accuser of a reported
      // act ("Azerbaijan's defence ministry accused Armenian forces of firing")
      if (tellers(e).length === 0) continue;
      claim = e;
    }
    if (!claim) continue;
    const by = tellers(claim).join(", ");
    out.push({
      kind: "internal-contradiction",
      severity: "info",
      message: denial
        ? `The ${claim.type} told by ${by} ("${claim.trigger.text}") is denied by ${name(d.actors)} ("${d.trigger.text}"): a contested claim.`
        : `The ${claim.type} told by ${by} ("${claim.trigger.text}") is told as not having happened by ${name(d.actors)} ("${d.trigger.text}"): a contested claim.`,
      spans: [claim.trigger, d.trigger],
      rule: denial ? "denied-by-another-side" : "negated-by-another-side",
    });
  }
  return out;
}

function farPlaces(
  ctx: Context,
  as: string[],
  bs: string[],
): { a: { name: string }; b: { name: string }; km: number; spanA: TextSpan; spanB: TextSpan } | undefined {
  const specific = (ids: string[]) =>
    ids
      .map((id) => ctx.entities!.get(id))
      .filter((e): e is PlaceEntity => e?.kind === "place" && SPECIFIC_PLACE.has(e.featureType));
  const pa = specific(as);
  const pb = specific(bs);
  if (!pa.length || !pb.length || pa.some((x) => pb.some((y) => y.id === x.id))) return undefined;
  const x = pa[0]!;
  const y = pb[0]!;
  // any pair that is close means the tellings can agree ("Sevastopol" and "Crimea's south coast")
  if (pa.some((p) => pb.some((q) => haversineKm(p.lat, p.lon, q.lat, q.lon) < FAR_APART_KM)))
    return undefined;
  const mention = (e: typeof x) => e.mentions[0]!;
  return {
    a: x,
    b: y,
    km: haversineKm(x.lat, x.lon, y.lat, y.lon),
    spanA: { start: mention(x).start, end: mention(x).end, text: mention(x).text },
    spanB: { start: mention(y).start, end: mention(y).end, text: mention(y).text },
  };
}

/** Weapon nouns near a designator-shaped token: the context that makes "KN-99" a claim about a system. */
const WEAPON_NEAR =
  /\b(?:missiles?|rockets?|launchers?|systems?|jets?|fighters?|drones?|tanks?|howitzers?|submarines?|frigates?|destroyers?|helicopters?|bombers?|interceptors?|air-defen[cs]e|warheads?|radars?)\b/i;
const DESIGNATOR_SHAPE = /\b[A-Z]{1,4}-\d{1,4}[A-Z]{0,3}\b/g;

/**
 * The designators of the catalog's own series written in mixed case ("Su-", "Kh-", "Tu-", "Hwasong-"), two
 * systems or more each, as one regex: "Su-43" or "Kh-999" is a claim about a system of a known series that
 * the catalog does not have. Made once per knowledge base.
 */
const SERIES = new WeakMap<Kb, RegExp | null>();
function seriesShape(kb: Kb): RegExp | null {
  let re = SERIES.get(kb);
  if (re === undefined) {
    const counts = new Map<string, number>();
    for (const e of kb.equipment) {
      const prefix = /^([A-Z][a-z][A-Za-z]{0,6})-\d/.exec(e.name)?.[1];
      if (prefix) counts.set(prefix, (counts.get(prefix) ?? 0) + 1);
    }
    const series = [...counts].filter(([, n]) => n >= 2).map(([p]) => p);
    re = series.length ? new RegExp(`\\b(?:${series.join("|")})-\\d{1,4}[A-Z]{0,3}\\b`, "g") : null;
    SERIES.set(kb, re);
  }
  return re;
}

/**
 * Designators the catalog does not know: read one edit away from a known system (said, so the analyst can
 * check the reading), or not at all (a new system, a typo, or an implausible claim).
 */
function designatorFindings(ctx: Context): Finding[] {
  const out: Finding[] = [];
  const covered: Array<[number, number]> = [];
  for (const e of ctx.entities!.list) {
    for (const m of e.mentions) {
      covered.push([m.start, m.end]);
      if (e.kind === "equipment" && m.evidence.some((x) => x.rule === "designator-one-edit"))
        out.push({
          kind: "designator-variant",
          severity: "info",
          message: `"${m.text}" is not in the catalog; it was read as ${e.name}, one letter or digit away. A typo, a variant, or a system the catalog does not know.`,
          spans: [{ start: m.start, end: m.end, text: m.text }],
          rule: "designator-one-edit",
        });
    }
  }
  for (const shape of [DESIGNATOR_SHAPE, seriesShape(ctx.kb)])
    if (shape) unknownDesignators(ctx, shape, covered, out);
  return out;
}

function unknownDesignators(
  ctx: Context,
  shape: RegExp,
  covered: Array<[number, number]>,
  out: Finding[],
): void {
  const text = ctx.doc.text;
  shape.lastIndex = 0;
  for (let m = shape.exec(text); m; m = shape.exec(text)) {
    checkBudget(ctx);
    const start = m.index;
    const end = start + m[0].length;
    // read whole by a mention; not "Hwasong" of "Hwasong-25", the family read by its name alone
    if (covered.some(([s, e]) => s <= start && end <= e)) continue;
    const around = text.slice(Math.max(0, start - 40), Math.min(text.length, end + 40));
    if (!WEAPON_NEAR.test(around)) continue;
    out.push({
      kind: "unknown-designator",
      severity: "info",
      message: `"${m[0]}" reads like a weapon designator, but the catalog knows no such system: a new or renamed system, a typo, or an implausible claim.`,
      spans: [{ start, end, text: m[0] }],
      rule: "designator-not-in-catalog",
    });
  }
}
