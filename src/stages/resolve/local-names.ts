// Names that look like a town in the gazetteer but, in their document, are something else: a person's
// surname ("Mary Pitman"), the old quarter of the town after them ("Old Town Manassas"), or a local place the
// gazetteer does not know whose only readings lie far from everything else the story names ("the Delft
// police station" in a story set in Cape Town).
import { lexiconWords } from "../../kb/compile.js";
import { hashKey, KEY_HASH_START, type KeyFilter, sizedKeyFilter } from "../../kb/key-filter.js";
import type { KbPlace } from "../../kb/types.js";
import { isMiddleInitial, spaceGap, type Token } from "../tokens.js";
import { haversineKm, type PlaceContext } from "./place-ranker.js";

/**
 * A list of thousands of words, asked about one token at a time, behind a small filter: most tokens
 * asked about are not in it, and the filter (a few KB, which stays in the CPU's cache) says so from the
 * word's characters. A lookup in the large set costs several cache misses when a document first asks it.
 */
export class WordList {
  private filter: KeyFilter;

  constructor(private words: ReadonlySet<string>) {
    this.filter = sizedKeyFilter([words]);
  }

  has(word: string): boolean {
    return this.filter.mayHave(hashKey(KEY_HASH_START, word)) && this.words.has(word);
  }
}

let givenNames: WordList | undefined;
let organizations: WordList | undefined;

/** Given names: compromise's lexicon tags them MaleName, FemaleName or FirstName. */
export function isGivenName(norm: string): boolean {
  givenNames ??= new WordList(lexiconWords(/MaleName|FemaleName|FirstName/));
  return givenNames.has(norm);
}

let surnames: WordList | undefined;

/**
 * Common English surnames that are also ordinary words, which compromise's lexicon leaves out of its
 * LastName tag ("Georgia Hall won", "Chad Price said"). Not those that also end places' names ("Park",
 * "Hill", "Wood", "Wells", "Lane", "West").
 */
const WORD_SURNAMES = [
  "hall",
  "king",
  "green",
  "white",
  "black",
  "brown",
  "young",
  "price",
  "stone",
  "bell",
  "ford",
  "fox",
  "hunt",
  "page",
  "reed",
  "rice",
  "shaw",
  "cook",
  "baker",
  "mason",
  "gray",
  "grey",
];

/** Surnames: compromise's lexicon tags them LastName; and WORD_SURNAMES. */
export function isSurname(norm: string): boolean {
  surnames ??= new WordList(new Set([...lexiconWords(/LastName/), ...WORD_SURNAMES]));
  return surnames.has(norm);
}

/**
 * "Georgia Stevens is lacing her skates", "Chad Smith said": a place's name right before a surname, with
 * no capitalised word after it (a title-case headline, "Israel Price Hikes", is not read so), is a
 * person's given name. The caller rules out a name after "in", "near"...
 */
export function givenNameBeforeSurname(
  text: string,
  tokens: Token[],
  firstToken: number,
  lastToken: number,
): boolean {
  if (firstToken !== lastToken) return false;
  const self = tokens[firstToken]!;
  const next = tokens[firstToken + 1];
  if (!self.cap || self.upper || !next?.cap || next.upper || next.sentence !== self.sentence) return false;
  if (!oneSpace(text, self, next) || !isSurname(next.norm)) return false;
  const after = tokens[firstToken + 2];
  return !after || after.sentence !== self.sentence || !after.cap || after.start > next.end + 1;
}

/** A one-word organisation name that is also a town's: Toyota, Honda, Nokia, Goodyear, Hitachi. */
export function isOrganizationName(norm: string): boolean {
  organizations ??= new WordList(lexiconWords(/Organization/));
  return organizations.has(norm);
}

const oneSpace = (text: string, a: Token, b: Token) => spaceGap(text, a.end, b.start);

/**
 * "Mary Pitman", "Doris Lindenwald": a town's name right after a capitalised given name is a surname, as
 * is one after a middle initial ("Terry A. Corbin"). After a
 * given name, only for a name whose readings are all towns (not "Austin Texas"); the given name may be a
 * town's too ("Mary", in Turkmenistan).
 */
export function surnameAfterGivenName(
  text: string,
  tokens: Token[],
  firstToken: number,
  lastToken: number,
  places: readonly KbPlace[],
): boolean {
  if (firstToken !== lastToken || firstToken === 0) return false;
  const prev = tokens[firstToken - 1]!;
  const self = tokens[firstToken]!;
  if (!prev.cap || !self.cap || prev.sentence !== self.sentence) return false;
  // (the initial says a person's name, whatever else the word may be: "Irvin E. Rhodes")
  if (afterMiddleInitial(text, tokens, firstToken)) return true;
  if (!places.every((p) => p.type === "city")) return false;
  return oneSpace(text, prev, self) && isGivenName(prev.norm);
}

/**
 * "Terry A. Corbin", "Johnathan J. Dunbar", "Irvin E. Rhodes": the word after a capitalised word and a
 * capital initial with its full stop closes a person's name, whatever the given name, and whatever
 * places the word names (the island of Rhodes too).
 */
export function afterMiddleInitial(text: string, tokens: Token[], at: number): boolean {
  if (at < 2) return false;
  const initial = tokens[at - 1]!;
  const given = tokens[at - 2]!;
  const self = tokens[at]!;
  return (
    isMiddleInitial(text, given, initial) &&
    self.start === initial.end + 2 &&
    text.charCodeAt(initial.end) === 46 &&
    text.charCodeAt(initial.end + 1) === 32 &&
    given.sentence === self.sentence
  );
}

/** Words before a town's name that make the name of one of its quarters: "Old Town Manassas". */
const QUARTER_PREFIXES = new Set(["old town", "downtown", "uptown", "midtown"]);

/**
 * "Old Town" (a town in Maine) before the name of another town is that town's old quarter, not a place
 * of its own: the town after it says where it is. Returns the token after the words when they are such a
 * prefix and a capitalised word follows (whether it is a town's name is the caller's to ask: a token, not
 * a callback, so the caller makes no closure for every document).
 */
export function quarterPrefix(text: string, tokens: Token[], lastToken: number): Token | undefined {
  const next = tokens[lastToken + 1];
  if (!next?.cap || !oneSpace(text, tokens[lastToken]!, next)) return undefined;
  let words = "";
  for (let t = lastToken; t >= 0 && t >= lastToken - 1; t--) {
    words = words ? `${tokens[t]!.norm} ${words}` : tokens[t]!.norm;
    if (QUARTER_PREFIXES.has(words)) return next;
  }
  return undefined;
}

/** How far (km) a reading must be from every other place the story names to be set aside. */
export const FAR_FROM_STORY_KM = 1000;
/** Towns at least this big keep their reading wherever the story is set: "flights to Chicago". */
const FAR_TOWN_MAX_POP = 150_000;

export interface FarReading {
  place: KbPlace;
  /** the distance to the nearest other place the story names, km */
  km: number;
  home: string;
}

/**
 * A town reading that nothing in the story supports: the story has a home (a country, or a US state, most
 * of its clear places are in), the town is in another country (or state) the story never names, far from
 * every other place it names, not big enough to be named without its country, and named less than half as
 * often as the home's places, which must be named three times at least ("Laconia" seven times in a story
 * that names Alaska twice is the story's own town; one mention of Cape Town does not make a story's home).
 * In a story about Cape Town, "the Delft police station" is a local place the gazetteer does not know,
 * not the Dutch city. Returns the reading set aside (with why), or undefined to keep it.
 * `homeMentions` counts the mentions of places in a country (`cc`) or a US state (`US-` and its code);
 * `timesNamed`, how often the story names the toponym (both asked only when the cheaper tests pass).
 */
export function farFromStory(
  best: KbPlace,
  pctx: PlaceContext,
  qualified: boolean,
  timesNamed: () => number,
  homeMentions: (home: string) => number,
): FarReading | undefined {
  if (qualified || best.type !== "city" || best.pop >= FAR_TOWN_MAX_POP) return undefined;
  const home = pctx.dominant;
  if (!home) return undefined;
  let where: string | undefined;
  if (home.cc && best.cc !== home.cc && !pctx.countries.has(best.cc ?? "")) where = home.cc;
  else if (
    home.usState &&
    best.cc === "US" &&
    best.admin !== home.usState &&
    !pctx.usStates.has(best.admin ?? "")
  )
    where = `US-${home.usState}`;
  if (!where || homeMentions(where) < Math.max(3, 2 * timesNamed())) return undefined;
  // far from every other place the story names (and there must be one)
  let km = Number.POSITIVE_INFINITY;
  for (const a of pctx.anchors)
    if (a.id !== best.id && a.name !== best.name)
      km = Math.min(km, haversineKm(best.lat, best.lon, a.lat, a.lon));
  if (!Number.isFinite(km) || km < FAR_FROM_STORY_KM) return undefined;
  return { place: best, km, home: where };
}
