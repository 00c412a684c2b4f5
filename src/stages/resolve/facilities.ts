// Streets and buildings whose names contain a place name: "N. Bedford Drive", "Liverpool Academy",
// "MetroHealth Medical Center". The town inside such a name is rarely where the street or building is:
// streets are named after far-away towns and people, buildings after founders and sponsors.
import type { Token } from "../tokens.js";

/** Last words of a street name. Abbreviations count only with their full stop ("St.", "Ave."). */
const STREET_HEADS = new Set([
  "street",
  "avenue",
  "road",
  "drive",
  "boulevard",
  "lane",
  "parkway",
  "terrace",
  "parade",
  "crescent",
  "pike",
  "turnpike",
]);
const STREET_ABBREVIATIONS = new Set(["st", "ave", "rd", "dr", "blvd", "ln", "pkwy"]);
/** "the corner of State and Hubbard streets": a plural head in lower case names one or more streets. */
const STREET_PLURALS = new Set(["streets", "avenues", "roads", "drives", "boulevards", "lanes"]);

/** Last words of the name of a building, site, estate or named area ("Thames Valley"). */
const BUILDING_HEADS = new Set([
  "hospital",
  "clinic",
  "university",
  "college",
  "school",
  "academy",
  "elementary",
  "center",
  "centre",
  "chapel",
  "church",
  "cathedral",
  "mosque",
  "synagogue",
  "temple",
  "castle",
  "palace",
  "hotel",
  "farm",
  "farms",
  "stadium",
  "arena",
  "mall",
  "museum",
  "library",
  "prison",
  "jail",
  "cemetery",
  "graveyard",
  "embassy",
  "consulate",
  "courthouse",
  "hall",
  "valley",
  "park",
  "theatre",
  "theater",
]);

/** Direction words and their one-letter abbreviations that open street names ("N. Bedford Drive"). */
const DIRECTIONS = new Set(["n", "s", "e", "w", "ne", "nw", "se", "sw", "north", "south", "east", "west"]);

const FUNCTION_WORDS = new Set([
  "the",
  "a",
  "an",
  "at",
  "in",
  "on",
  "of",
  "to",
  "from",
  "for",
  "and",
  "by",
  "near",
]);

export type FacilityKind = "street" | "building";

export interface FacilityName {
  kind: FacilityKind;
  start: number;
  end: number;
  firstToken: number;
  lastToken: number;
}

function headKind(text: string, tokens: Token[], i: number): FacilityKind | undefined {
  const t = tokens[i]!;
  if (t.cap && STREET_HEADS.has(t.norm)) return "street";
  if (t.cap && STREET_ABBREVIATIONS.has(t.norm) && text[t.end] === ".") {
    // "St. Louis", "St. George": an abbreviation followed by a name is "Saint", not "Street"
    const next = tokens[i + 1];
    const saint = next?.cap && text.slice(t.end, next.start) === ". " && !next.sentenceStart;
    return saint ? undefined : "street";
  }
  if (!t.cap && STREET_PLURALS.has(t.norm)) return "street";
  if (t.cap && BUILDING_HEADS.has(t.norm)) return "building";
  return undefined;
}

/** The gap between two tokens inside one name: a space, or the full stop of "N." / "St.", or "'s". */
function joined(text: string, a: Token, b: Token): boolean {
  if (a.sentence !== b.sentence && !(a.text.length <= 2 && text.slice(a.end, b.start) === ". ")) return false;
  const gap = text.slice(a.end, b.start);
  if (gap === " ") return true;
  if (gap === ". ") return a.text.length <= 2 && a.cap;
  return /^['’]$/.test(gap) && b.norm === "s";
}

/** A word that can sit inside a street or building name before its head. */
function nameWord(t: Token): boolean {
  return t.cap || t.norm === "s" || /^\d+(?:st|nd|rd|th)$/.test(t.norm);
}

/**
 * The street or building name that tokens first..last are part of, if they are followed by (or end in) a
 * head word and the name has words outside the span: "Bedford" in "N. Bedford Drive", "Center" in
 * "MetroHealth Medical Center". "Downing Street" alone is a name of its own, not part of a longer one.
 */
export function facilityAround(
  text: string,
  tokens: Token[],
  first: number,
  last: number,
  common: ReadonlySet<string>,
): FacilityName | undefined {
  let head: number | undefined;
  let kind = headKind(text, tokens, last);
  if (kind) head = last;
  else {
    for (let j = last + 1; j < Math.min(tokens.length, last + 5); j++) {
      if (!joined(text, tokens[j - 1]!, tokens[j]!)) break;
      kind = headKind(text, tokens, j);
      if (kind) {
        head = j;
        break;
      }
      if (!nameWord(tokens[j]!)) break;
    }
  }
  if (head === undefined || !kind) return undefined;
  let start = first;
  while (start > 0 && joined(text, tokens[start - 1]!, tokens[start]!)) {
    const p = tokens[start - 1]!;
    if (!p.cap && !/^\d+(?:st|nd|rd|th)$/.test(p.norm)) break; // "1200 E. Broad St.": the number is not
    // "On Main Street", "The Law Enforcement Center": an ordinary word opening the sentence is not part of
    // the name
    if (FUNCTION_WORDS.has(p.norm) || (p.sentenceStart && common.has(p.norm) && !DIRECTIONS.has(p.norm)))
      break;
    start--;
  }
  // The span must be only part of the name: words before it, or words between it and the head.
  if (start === first && head === last) return undefined;
  // a building's name goes on after its head with "of" and capitalised words: "School of Economics"
  let end = tokens[head]!.end + (kind === "street" && text[tokens[head]!.end] === "." ? 1 : 0);
  if (kind === "building" && tokens[head + 1]?.norm === "of" && !tokens[head + 1]!.cap) {
    let k = head + 2;
    if (tokens[k]?.norm === "the" && !tokens[k]!.cap) k++;
    while (tokens[k]?.cap && joined(text, tokens[k - 1]!, tokens[k]!)) {
      end = tokens[k]!.end;
      k++;
    }
  }
  return {
    kind,
    start: tokens[start]!.start,
    end,
    firstToken: start,
    lastToken: head,
  };
}

/** Every street name in the text: capitalised words ending in a street word ("Eglinton Avenue West" ends at "Avenue"). */
export function streetNames(text: string, tokens: Token[], common: ReadonlySet<string>): FacilityName[] {
  const out: FacilityName[] = [];
  for (let i = 1; i < tokens.length; i++) {
    if (headKind(text, tokens, i) !== "street") continue;
    const prev = tokens[i - 1]!;
    if (!prev.cap && !/^\d+(?:st|nd|rd|th)$/.test(prev.norm)) continue;
    const f = facilityAround(text, tokens, i - 1, i - 1, common);
    if (f && f.lastToken === i) out.push(f);
  }
  return out;
}
