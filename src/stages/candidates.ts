// Finds every span whose compact key is in the KB name index, longest match first, with case rules:
// acronyms only in capitals, proper names only capitalised, designators with digits in any case.
import { type Kb, PROBE_KEY, PROBE_PREFIX, type Ref } from "../kb/kb.js";
import { FLAG_ACRONYM } from "../kb/types.js";
import type { Token } from "./tokens.js";

export interface Candidate {
  start: number;
  end: number;
  text: string;
  firstToken: number;
  lastToken: number;
  refs: Ref[];
  /** set when found by the one-edit designator search */
  fuzzy?: { key: string };
}

const MAX_TOKENS = 8;
const JOINABLE = /^(?:[ \t]|[ \t]?[-‐‑–/][ \t]?|\.|'|’|\. )$/;

function joinable(text: string, a: Token, b: Token): boolean {
  // the usual gap, one space, without cutting it out of the text
  if (b.start - a.end === 1 && text.charCodeAt(a.end) === 32) return true;
  const gap = text.slice(a.end, b.start);
  if (gap === ". ") return a.text.length === 1; // "U.S. Navy"
  return JOINABLE.test(gap);
}

const WORDS = /[\p{L}\p{N}\p{M}]+/gu;

/** A dateline: an all-capitals place name opening a sentence, followed by a dash or comma ("KYIV -"). */
function isDateline(text: string, tokens: Token[], first: number, last: number): boolean {
  return (
    tokens[first]!.sentenceStart &&
    /^\s*(?:\([^)]*\)\s*)?[-–—,:(]/.test(text.slice(tokens[last]!.end, tokens[last]!.end + 30))
  );
}

/** The case of a span's letters, worked out once for all the readings of the span. */
interface SpanCase {
  /** how many UTF-16 units its letters (\p{L}) take */
  letters: number;
  /** its letters equal their upper case */
  upper: boolean;
}

const NOT_LETTERS = /[^\p{L}]/gu;

function spanCase(span: string): SpanCase {
  let ascii = true;
  for (let k = 0; k < span.length && ascii; k++) if (span.charCodeAt(k) >= 128) ascii = false;
  if (!ascii) {
    const letters = span.replace(NOT_LETTERS, "");
    return { letters: letters.length, upper: letters === letters.toUpperCase() };
  }
  // ASCII: the letters are A-Z and a-z, and they are upper case when none is a-z
  let letters = 0;
  let upper = true;
  for (let k = 0; k < span.length; k++) {
    const c = span.charCodeAt(k);
    if (c >= 97 && c <= 122) {
      letters++;
      upper = false;
    } else if (c >= 65 && c <= 90) letters++;
  }
  return { letters, upper };
}

/** What caseAllows reads from an alias, the same for every mention: worked out once per alias. */
interface AliasShape {
  /** has a digit: a designator like "S-400" */
  designator: boolean;
  /** how many words */
  words: number;
  /** starts with a lower-case letter */
  lowerAlias: boolean;
}

const ALIAS_SHAPES = new Map<string, AliasShape>();

function aliasShape(surface: string): AliasShape {
  let shape = ALIAS_SHAPES.get(surface);
  if (!shape) {
    shape = {
      designator: /\d/.test(surface),
      words: surface.match(WORDS)?.length ?? 0,
      lowerAlias: /^\p{Ll}/u.test(surface),
    };
    ALIAS_SHAPES.set(surface, shape);
  }
  return shape;
}

function caseAllows(
  ref: Ref,
  sc: SpanCase,
  text: string,
  tokens: Token[],
  first: number,
  last: number,
): boolean {
  if (ref.flags & FLAG_ACRONYM) return sc.upper;
  const { designator, words, lowerAlias } = aliasShape(ref.surface);
  // Words joined across a space must be words in the alias too: "In a" is not the town "Ina".
  if (!designator && words !== last - first + 1) return false;
  // "NATO", "APC" written in capitals are not the towns Nato and Apc, but "KYIV -" opening a story is Kyiv.
  if (sc.letters >= 2 && sc.upper && !designator && ref.kind !== "equipmentClass") {
    if (!isDateline(text, tokens, first, last) && sc.letters <= 6) return false;
  }
  if (ref.kind === "equipmentClass") return true;
  if (ref.kind === "equipment" && designator) return true;
  if (lowerAlias) return true;
  const t = tokens[first]!;
  return t.cap || /^\p{N}/u.test(t.text) || arabicArticle(text, tokens, first);
}

/** The Arabic article as news writes it, in lower case and hyphenated: "al-Tanf", "ash-Shaddadi". */
const ARABIC_ARTICLES = new Set(["al", "el", "ad", "adh", "an", "ar", "as", "ash", "at", "ath", "az"]);

/** "al-Tanf", "el-Arish": a lower-case article joined by a hyphen to a capitalised name opens the name. */
function arabicArticle(text: string, tokens: Token[], first: number): boolean {
  const t = tokens[first]!;
  const next = tokens[first + 1];
  return (
    ARABIC_ARTICLES.has(t.norm) &&
    next?.cap === true &&
    next.start === t.end + 1 &&
    /[-‐‑]/.test(text[t.end]!)
  );
}

export function findCandidates(text: string, tokens: Token[], kb: Kb): Candidate[] {
  const found: Candidate[] = [];
  for (let i = 0; i < tokens.length; i++) {
    let key = "";
    for (let j = i; j < tokens.length && j - i < MAX_TOKENS; j++) {
      if (j > i && !joinable(text, tokens[j - 1]!, tokens[j]!)) break;
      key += tokens[j]!.norm;
      if (key.length > kb.maxKeyLength) break;
      const plural = pluralOf(text, tokens, kb, key, i, j);
      if (plural) found.push(plural);
      const probe = kb.probe(key);
      const prefix = (probe & PROBE_PREFIX) !== 0;
      if (!(probe & PROBE_KEY)) {
        if (prefix) continue;
        break;
      }
      const span = text.slice(tokens[i]!.start, tokens[j]!.end);
      const sc = spanCase(span);
      const refs = kb.lookup(key).filter((r) => caseAllows(r, sc, text, tokens, i, j));
      if (refs.length === 0) {
        if (!prefix) break;
        continue;
      }
      found.push({
        start: tokens[i]!.start,
        end: tokens[j]!.end,
        text: span,
        firstToken: i,
        lastToken: j,
        refs,
      });
      if (!prefix) break;
    }
  }
  for (const c of fuzzyDesignators(text, tokens, kb, found)) found.push(c);
  return selectLongest(found);
}

/**
 * "Naval Strike Missiles", "NSMs", "Bayraktars": an equipment name with a plural "s" is that equipment.
 * Only equipment entries, only names of four letters or more, and the case rules apply to the singular.
 */
function pluralOf(
  text: string,
  tokens: Token[],
  kb: Kb,
  key: string,
  i: number,
  j: number,
): Candidate | undefined {
  const last = tokens[j]!;
  // the folded word ends in one "s" (/[^s]s$/) and so does the word as written (/s$/), tested by code
  const n = last.norm.length;
  const S = 115;
  if (
    key.length < 4 ||
    n < 2 ||
    last.norm.charCodeAt(n - 1) !== S ||
    last.norm.charCodeAt(n - 2) === S ||
    last.text.charCodeAt(last.text.length - 1) !== S
  )
    return undefined;
  const singular = key.slice(0, -1);
  if (!(kb.probe(singular) & PROBE_KEY)) return undefined;
  const span = text.slice(tokens[i]!.start, last.end - 1);
  const sc = spanCase(span);
  const refs = kb
    .lookup(singular)
    .filter((r) => r.kind === "equipment" && caseAllows(r, sc, text, tokens, i, j));
  if (refs.length === 0) return undefined;
  return { start: tokens[i]!.start, end: last.end, text: `${span}s`, firstToken: i, lastToken: j, refs };
}

const HYPHEN = /^[-‐‑]$/;
const DIGIT = /\d/;
const LETTER = /\p{L}/u;

/** Designator-like tokens ("S-30PMU2", "Su-30MK") that miss the index by one edit. */
function fuzzyDesignators(text: string, tokens: Token[], kb: Kb, exact: Candidate[]): Candidate[] {
  const covered = new Uint8Array(tokens.length);
  for (const c of exact) for (let t = c.firstToken; t <= c.lastToken; t++) covered[t] = 1;
  const out: Candidate[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (covered[i]) continue;
    // A designator is letters and digits together, possibly split by hyphens: take up to 3 joined tokens.
    // Whether the key has a digit and a letter is known from its parts, so no key is searched twice.
    let key = "";
    let digit = false;
    let letter = false;
    for (let j = i; j < Math.min(tokens.length, i + 3); j++) {
      if (j > i && !(tokens[j]!.start - tokens[j - 1]!.end === 1 && HYPHEN.test(text[tokens[j - 1]!.end]!)))
        break;
      const norm = tokens[j]!.norm;
      key += norm;
      digit ||= DIGIT.test(norm);
      letter ||= LETTER.test(norm);
      if (!digit || !letter || key.length < 5) continue;
      const hits = kb.fuzzyEquipment(key);
      if (hits.length === 0) continue;
      const byEntry = new Map(hits.map((h) => [h.ref.index, h] as const));
      out.push({
        start: tokens[i]!.start,
        end: tokens[j]!.end,
        text: text.slice(tokens[i]!.start, tokens[j]!.end),
        firstToken: i,
        lastToken: j,
        refs: [...byEntry.values()].map((h) => h.ref),
        fuzzy: { key: hits[0]!.key },
      });
    }
  }
  return out;
}

/** Keeps the longest candidate at each position; ties keep the earlier one. */
function selectLongest(cands: Candidate[]): Candidate[] {
  cands.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const taken: Candidate[] = [];
  const used = new Uint8Array(cands.reduce((m, c) => Math.max(m, c.lastToken + 1), 0));
  for (const c of cands) {
    let free = true;
    for (let t = c.firstToken; t <= c.lastToken; t++) if (used[t]) free = false;
    if (!free) continue;
    for (let t = c.firstToken; t <= c.lastToken; t++) used[t] = 1;
    taken.push(c);
  }
  return taken.sort((a, b) => a.start - b.start);
}
