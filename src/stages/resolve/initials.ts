// "post-apartheid SA", "across PNG", "NSW police": initials standing for a country or state the story
// names in full ("South Africa", "South Africans", "Papua New Guinea", "New South Wales"). They are read
// only then, and only when a single named place has those initials: "SA" alone may be South Africa, South
// Australia, Saudi Arabia or a company's legal form ("Renault SA"), and the gazetteer has no such alias.
import type { Entity } from "../../core/analysis.js";
import type { Kb } from "../../kb/kb.js";
import type { KbPlace } from "../../kb/types.js";
import type { EntityTable } from "../entity-table.js";
import { lowerBound } from "../lower-bound.js";
import type { Token } from "../tokens.js";
import { addPlaceEntity } from "./entity-builders.js";
import { GULF_WORD, type WordClasses } from "./word-classes.js";

/** Words a name's initials skip: "Bosnia and Herzegovina" is "BH". */
const SKIPPED = new Set(["and", "of", "the", "da", "de", "del", "do", "dos"]);

/**
 * The initials of a name of two to four capitalised words ("Papua New Guinea": "PNG"), else undefined. One
 * walk over the characters: asked of every mention of a country or state in a story with initials in it.
 */
export function initialsOf(name: string): string | undefined {
  let s = "";
  let words = 0;
  const n = name.length;
  let i = 0;
  while (i < n) {
    // a word runs to the next space or hyphen
    let j = i;
    while (j < n && !isBreak(name.charCodeAt(j))) j++;
    if (j > i && !(j - i <= 3 && SKIPPED.has(name.slice(i, j)))) {
      const c = name.charCodeAt(i);
      if (c < 65 || c > 90) return undefined;
      if (++words > 4) return undefined;
      s += name[i];
    }
    i = j + 1;
  }
  return words >= 2 ? s : undefined;
}

/** A space or a hyphen: what separates a name's words. */
const isBreak = (c: number) => c === 32 || c === 45 || c === 9 || c === 10 || c === 160;

/** Words that open a sentence before initials standing for a place ("That SA holds"; not "Renault SA said"). */
const OPENERS = new Set(
  "the that in across but and while as for with since of from to at by on if when yet so throughout all now".split(
    " ",
  ),
);

/**
 * Adds, for each token written as initials that no mention covers, the country or state of the story whose
 * name (as the gazetteer or the text writes it) has those initials, when one alone has. A token right after
 * a capitalised word is a name's part ("Renault SA"), not read, unless that word opens the sentence and is
 * one that opens sentences ("That SA holds").
 */
export function findInitials(text: string, tokens: readonly Token[], kb: Kb, table: EntityTable): void {
  // the initials of the countries and states the story names, each with its entity (null: two have them)
  let named: Map<string, Entity | null> | undefined;
  const note = (initials: string | undefined, e: Entity) => {
    if (!initials) return;
    const had = (named ??= new Map()).get(initials);
    named.set(initials, had === undefined || had === e ? e : null);
  };
  for (const e of table.list) {
    if (!namesCountryOrState(e)) continue;
    note(initialsOf(e.name), e);
    // the text's own words: "South Africans", "the Democratic Republic of Congo"
    for (const m of e.mentions) if (m.text !== e.name) note(initialsOf(m.text), e);
  }
  if (!named) return;
  // each one's occurrences as a token of its own, found by a search of the text (not a walk over the tokens)
  for (const [initials, e] of named) {
    if (!e) continue;
    // Initials the knowledge base knows ("US", "UAE", "DRC") are read by the matcher as what it says; but
    // initials it knows only as an outlet's or an organisation's ("CAR", Conflict Armament Research) are
    // the named country's where the story never spells the organisation out.
    const known = kb.refsOf(initials.toLowerCase());
    const shortFor = known.length > 0 ? organisationByInitialsAlone(table, initials) : undefined;
    if (known.length > 0 && !shortFor) continue;
    for (let at = text.indexOf(initials); at >= 0; at = text.indexOf(initials, at + 1)) {
      const i = lowerBound(tokens, at, tokenStart);
      const t = tokens[i];
      if (!t || t.start !== at || t.text !== initials) continue;
      const organisation = shortFor?.mentions.some((m) => m.start === t.start && m.end === t.end);
      if (!organisation && table.overlaps(t.start, t.end)) continue;
      const prev = tokens[i - 1];
      if (
        prev &&
        !t.sentenceStart &&
        prev.cap &&
        text.slice(prev.end, t.start) === " " &&
        !(prev.sentenceStart && OPENERS.has(prev.norm))
      )
        continue;
      const p = placeOf(kb, e);
      if (!p) break;
      if (organisation) table.removeMentionsWithin(t.start, t.end);
      placeOnToken(table, p, t, "literal", "initials-of-named-place", p.name);
    }
  }
}

const tokenStart = (t: Token) => t.start;

/**
 * The organisation or outlet the story names by these initials alone, if it does: every mention of it is
 * the initials, so the story never spells it out ("Conflict Armament Research (CAR)" does).
 */
function organisationByInitialsAlone(table: EntityTable, initials: string): Entity | undefined {
  let found: Entity | undefined;
  for (const e of table.list) {
    if (!e.mentions.some((m) => m.text === initials)) continue;
    if (e.kind !== "actor" || e.kbId?.startsWith("state-")) return undefined;
    if (e.mentions.some((m) => m.text !== initials)) return undefined;
    found = e;
  }
  return found;
}

/** A place read on one word a rule names it by ("UAE", "the North", "the Gulf"), at confidence 0.75. */
function placeOnToken(
  table: EntityTable,
  p: KbPlace,
  t: Token,
  role: "literal" | "metonymic",
  rule: string,
  detail: string,
): void {
  addPlaceEntity(
    table,
    p,
    { start: t.start, end: t.end, text: t.text, role, confidence: 0.75, evidence: [{ rule, detail }] },
    t.sentence,
  );
}

/** Whether an entity is a country or a state: a place of either type, or a state's government ("state-ZA"). */
function namesCountryOrState(e: Entity): boolean {
  if (e.kind === "place") return e.featureType === "country" || e.featureType === "admin1";
  return e.kind === "actor" && !!e.kbId?.startsWith("state-") && !!e.countryCode;
}

/** The gazetteer entry of such an entity (a state's is its country's). */
function placeOf(kb: Kb, e: Entity): KbPlace | undefined {
  if (!e.kbId) return undefined;
  if (e.kind === "place") return kb.place(e.kbId);
  return e.kind === "actor" && e.countryCode ? kb.place(`country-${e.countryCode}`) : undefined;
}

/** "the North", "the South" for a divided country the story names in full: its state's mention. */
const half = (norm: string) => (norm === "north" ? "KP" : norm === "south" ? "KR" : undefined);

/**
 * "It was the North's first test since it launched a Hwasong-19", "the South's military said": "the North"
 * and "the South" stand for North and South Korea in a story that names that country in full (not "the
 * North Sea", "the South Korean army", nor in a story that names neither Korea).
 */
export function findKoreanHalves(text: string, tokens: readonly Token[], kb: Kb, table: EntityTable): void {
  let named: Set<string> | undefined;
  for (const e of table.list) {
    if (!namesCountryOrState(e)) continue;
    const cc = e.kind === "place" || e.kind === "actor" ? e.countryCode : undefined;
    if (cc === "KP" || cc === "KR") (named ??= new Set()).add(cc);
  }
  if (!named) return;
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i]!;
    const cc = half(t.norm);
    if (!cc || !named.has(cc) || t.text[0] !== t.text[0]!.toUpperCase() || t.upper) continue;
    if (tokens[i - 1]!.norm !== "the" || text.slice(tokens[i - 1]!.end, t.start) !== " ") continue;
    // "the North Sea", "the North Korean army": a name's first word
    const next = tokens[i + 1];
    if (next?.cap && next.sentence === t.sentence && /^\s+$/.test(text.slice(t.end, next.start))) continue;
    if (table.overlaps(t.start, t.end)) continue;
    const p = kb.place(`country-${cc}`);
    if (!p) return;
    placeOnToken(table, p, t, "metonymic", "half-of-named-country", p.name);
  }
}

/** Countries on the Persian Gulf, and Yemen and Oman beside it, whose naming makes "the Gulf" that gulf. */
const GULF_STATES = new Set(["IR", "IQ", "KW", "SA", "BH", "QA", "AE", "OM", "YE"]);
/** Words after "Gulf" that make it part of a longer name or a modifier: "the Gulf states", "the Gulf War". */
const GULF_COMPOUNDS = new Set([
  "states",
  "countries",
  "nations",
  "monarchies",
  "region",
  "allies",
  "crisis",
  "war",
  "coast",
  "arab",
  "cooperation",
  "stream",
]);

/**
 * "attacked a ship in the Gulf": in a story that names a country on the Persian Gulf (and none of the US
 * Gulf Coast), "the Gulf" alone is the Persian Gulf.
 */
export function findTheGulf(
  text: string,
  tokens: readonly Token[],
  classes: WordClasses,
  kb: Kb,
  table: EntityTable,
): void {
  let gulfSide: boolean | undefined;
  for (let i = 1; i < tokens.length; i++) {
    if (!(classes[i]! & GULF_WORD)) continue; // "gulf"
    const t = tokens[i]!;
    if (!t.cap || t.upper || tokens[i - 1]!.norm !== "the") continue;
    if (text.slice(tokens[i - 1]!.end, t.start) !== " ") continue;
    const next = tokens[i + 1];
    if (next && next.sentence === t.sentence && text.slice(t.end, next.start) === " ") {
      if (next.cap || next.norm === "of" || GULF_COMPOUNDS.has(next.norm)) continue;
    }
    if (table.overlaps(t.start, t.end)) continue;
    gulfSide ??= namesGulfStateOnly(table);
    if (!gulfSide) return;
    const p = kb.place("persian-gulf");
    if (!p) return;
    placeOnToken(table, p, t, "literal", "the-gulf-in-a-gulf-story", p.id);
  }
}

/** Whether the story names a Persian Gulf country and no place in the United States or Mexico. */
function namesGulfStateOnly(table: EntityTable): boolean {
  let gulf = false;
  for (const e of table.list) {
    const cc = e.kind === "place" || e.kind === "actor" ? e.countryCode : undefined;
    if (!cc) continue;
    if (cc === "US" || cc === "MX") {
      if (e.kind === "place" && e.featureType !== "country") return false;
      continue;
    }
    if (GULF_STATES.has(cc)) gulf = true;
  }
  return gulf;
}
