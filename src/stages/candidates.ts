// Finds every span whose compact key is in the KB name index, longest match first, with case rules:
// acronyms only in capitals, proper names only capitalised, designators with digits in any case.
import { type Kb, PROBE_KEY, PROBE_PREFIX, type Ref } from "../kb/kb.js";
import { hashUnit, KEY_HASH_START, type KeyFilter } from "../kb/key-filter.js";
import { bitsOf, entryOf, type KeyTable } from "../kb/key-table.js";
import { FLAG_ACRONYM, FLAG_WORDS_SHIFT, RefKind, readInLowerCase } from "../kb/types.js";
import { lineBefore, spaceGap, type Token } from "./tokens.js";

export interface Candidate {
  start: number;
  end: number;
  text: string;
  firstToken: number;
  lastToken: number;
  refs: Ref[];
  /** set when found by a one-edit search (of designators, or of names before a system's word) */
  fuzzy?: { key: string };
}

const MAX_TOKENS = 8;
/** Abbreviations, with their full stop, that open place names ("St. Petersburg", "Ft. Worth", "Co. Kerry"). */
export const PLACE_ABBREVIATIONS = new Set(["St", "Ste", "Mt", "Ft", "Pt", "Co"]);

/**
 * Whether two tokens may be read as one name across their gap: a match of
 * /^(?:[ \t]|[ \t]?[-‐‑–/][ \t]?|\.|'|’|\. |\.[-‐‑–/])$/, ". " after an initial or an abbreviation and
 * ".-" after an initial ("U.S.-Mexico"), read by character code (no gap cut out of the text, no regex).
 */
function joinable(text: string, a: Token, b: Token): boolean {
  const at = a.end;
  const c = text.charCodeAt(at);
  switch (b.start - at) {
    case 1:
      // the usual gap, one space, first
      return c === 32 || c === 9 || isJoiner(c) || c === 46 || c === 39 || c === 0x2019;
    case 2: {
      const d = text.charCodeAt(at + 1);
      // "U.S. Navy", and the abbreviations that open place names: "St. Louis", "Mt. Hermon", "Ft. Bragg"
      // "U.S.-Mexico border": an initial's full stop, then a hyphen
      if (c === 46)
        return (
          (d === 32 && (a.text.length === 1 || PLACE_ABBREVIATIONS.has(a.text))) ||
          (isJoiner(d) && a.text.length === 1)
        );
      return ((c === 32 || c === 9) && isJoiner(d)) || (isJoiner(c) && (d === 32 || d === 9));
    }
    case 3:
      return (
        (c === 32 || c === 9) &&
        isJoiner(text.charCodeAt(at + 1)) &&
        (text.charCodeAt(at + 2) === 32 || text.charCodeAt(at + 2) === 9)
      );
    default:
      return false;
  }
}

/** One of [-‐‑–/], which join the parts of a name with or without a blank on either side. */
function isJoiner(c: number): boolean {
  return c === 0x2d || c === 0x2010 || c === 0x2011 || c === 0x2013 || c === 0x2f;
}

const WORDS = /[\p{L}\p{N}\p{M}]+/gu;

/** A dateline: an all-capitals place name opening a sentence, followed by a dash or comma ("KYIV -"). */
function isDateline(text: string, tokens: Token[], first: number, last: number): boolean {
  const start = tokens[first]!;
  // "KYIV/MOSCOW, Oct 5 -": two towns a story was filed from, joined by a slash
  const second =
    !start.sentenceStart && first > 0 && tokens[first - 1]!.upper && text[start.start - 1] === "/";
  if (!start.sentenceStart && !(second && DATELINE_FIRST.test(lineBefore(text, start.start)))) return false;
  return DATELINE_AFTER.test(text.slice(tokens[last]!.end, tokens[last]!.end + 40));
}

/** What follows a dateline's town: maybe another after a slash, maybe the agency, then a dash or a comma. */
const DATELINE_AFTER = /^(?:\/\p{Lu}[\p{Lu} .'-]*)*\s*(?:\([^)]*\)\s*)?[-–—,:(]/u;
/** The words before the second town of a dateline on its line: towns in capitals, each then a slash. */
const DATELINE_FIRST = /^(?:\p{Lu}[\p{Lu} .'-]*\/)+$/u;

/**
 * The case of a span's letters, worked out once for all the readings of the span, packed in a number (no
 * object made per span): (how many UTF-16 units its letters, \p{L}, take) << 1 | (its letters equal their
 * upper case ? 1 : 0).
 */
type SpanCase = number;
const letterCount = (sc: SpanCase) => sc >>> 1;
const isUpper = (sc: SpanCase) => (sc & 1) !== 0;

const NOT_LETTERS = /[^\p{L}]/gu;

/** The case of text[start, end), read in place unless the span has a character outside ASCII. */
function spanCase(text: string, start: number, end: number): SpanCase {
  let ascii = true;
  for (let k = start; k < end && ascii; k++) if (text.charCodeAt(k) >= 128) ascii = false;
  if (!ascii) {
    const letters = text.slice(start, end).replace(NOT_LETTERS, "");
    return (letters.length << 1) | (letters === letters.toUpperCase() ? 1 : 0);
  }
  // ASCII: the letters are A-Z and a-z, and they are upper case when none is a-z
  let letters = 0;
  let upper = 1;
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c >= 97 && c <= 122) {
      letters++;
      upper = 0;
    } else if (c >= 65 && c <= 90) letters++;
  }
  return (letters << 1) | upper;
}

/**
 * What caseAllows reads from an alias, the same for every mention, packed in a number: whether it has a
 * digit (a designator like "S-400"), whether it starts with a lower-case letter, and how many words.
 */
const DESIGNATOR = 1;
const LOWER_ALIAS = 2;
/**
 * What caseAllows reads of the reading itself, added to its alias's shape in Readings, so the matcher
 * does not read the Ref objects (scattered in memory, often cache misses) to choose among them.
 */
const ACRONYM = 4;
const EQUIPMENT = 8;
const EQUIPMENT_CLASS = 16;
/**
 * How many words an alias has (bits 5-12), and how many fewer it has with its initials written without
 * full stops and its apostrophes left out (bits 13 on): "U.S. Navy" is three words, and two as "US Navy",
 * which shares its key; "Vovchans’k" is two, and one as news writes it, "Vovchansk".
 */
const WORDS_SHIFT = 5;
const WORDS_MASK = 0xff;
const INITIALS_SHIFT = 13;
/** Bits 21-29: the other word counts of the reading's name (FLAG_WORDS_SHIFT's bits of its flags). */
const OTHER_WORDS_SHIFT = 21;
/** A letter with a full stop, followed by another: each one joins the next initial when written "US". */
const JOINED_INITIAL = /(?<![\p{L}\p{N}])\p{L}\.(?=\p{L}\.)/gu;

/** An apostrophe inside a word ("Vovchans’k", "Kam'yanka"): the word is one without it. */
const INNER_APOSTROPHE = /(?<=\p{L})['’ʼʹ](?=\p{L})/gu;

/**
 * How many words fewer an alias has with its initials run together and its apostrophes left out (see
 * INITIALS_SHIFT).
 */
function initialsShape(surface: string): number {
  const initials = surface.includes(".") ? (surface.match(JOINED_INITIAL)?.length ?? 0) : 0;
  const apostrophes = /['’ʼʹ]/.test(surface) ? (surface.match(INNER_APOSTROPHE)?.length ?? 0) : 0;
  return (initials + apostrophes) << INITIALS_SHIFT;
}

const ALIAS_SHAPES = new Map<string, number>();

function aliasShape(surface: string): number {
  // An ASCII alias is read directly, which costs less than finding it in the (large) map: its digits
  // are 0-9, its words the runs of A-Z, a-z and 0-9, and it starts lower case with a-z.
  let digit = false;
  let words = 0;
  let inWord = false;
  for (let k = 0; k < surface.length; k++) {
    const c = surface.charCodeAt(k);
    if (c >= 128) return cachedAliasShape(surface);
    const isDigit = c >= 48 && c <= 57;
    const wordChar = isDigit || (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
    if (isDigit) digit = true;
    if (wordChar && !inWord) words++;
    inWord = wordChar;
  }
  const first = surface.charCodeAt(0);
  return (
    (digit ? DESIGNATOR : 0) |
    (first >= 97 && first <= 122 ? LOWER_ALIAS : 0) |
    (words << WORDS_SHIFT) |
    initialsShape(surface)
  );
}

function cachedAliasShape(surface: string): number {
  let shape = ALIAS_SHAPES.get(surface);
  if (shape === undefined) {
    shape =
      (/\d/.test(surface) ? DESIGNATOR : 0) |
      (/^\p{Ll}/u.test(surface) ? LOWER_ALIAS : 0) |
      ((surface.match(WORDS)?.length ?? 0) << WORDS_SHIFT) |
      initialsShape(surface);
    ALIAS_SHAPES.set(surface, shape);
  }
  return shape;
}

/** Whether a reading (its shape, see Readings) may be taken on the span of tokens first..last. */
/** Whether a space separates two of the tokens first..last. */
function spaceInside(text: string, tokens: Token[], first: number, last: number): boolean {
  for (let k = first; k < last; k++) if (text.charCodeAt(tokens[k]!.end) === 32) return true;
  return false;
}

/** An acronym written as a word ("Himars") or with a small plural "s" ("HIMARs"), five letters or more. */
const SPOKEN_ACRONYM = /^[A-Z](?:[a-z]{4,}|[A-Z]{3,}s)$/;

function caseAllows(
  shape: number,
  sc: SpanCase,
  text: string,
  tokens: Token[],
  first: number,
  last: number,
  common: ReadonlySet<string>,
): boolean {
  // an acronym is written as one word ("AU", "A.U."), not across a space: "A U.N. team" is no "AU"
  if (shape & ACRONYM) {
    if (isUpper(sc)) return !spaceInside(text, tokens, first, last);
    // "Himars", "Atacms" (as British papers write an acronym said as a word), "HIMARs": a system's
    // acronym of five letters or more, in one word that is no common word
    return (
      (shape & EQUIPMENT) !== 0 &&
      first === last &&
      SPOKEN_ACRONYM.test(tokens[first]!.text) &&
      !common.has(tokens[first]!.norm)
    );
  }
  const designator = (shape & DESIGNATOR) !== 0;
  const words = (shape >>> WORDS_SHIFT) & WORDS_MASK;
  const lowerAlias = (shape & LOWER_ALIAS) !== 0;
  // Words joined across a space must be words in the alias too: "In a" is not the town "Ina". Initials
  // may be written with or without their full stops: "US Navy" is the "U.S. Navy" of the index.
  const n = last - first + 1;
  if (
    !designator &&
    words !== n &&
    words - ((shape >>> INITIALS_SHIFT) & WORDS_MASK) !== n &&
    !(shape & (1 << (OTHER_WORDS_SHIFT + n)))
  )
    return false;
  // "NATO", "APC" written in capitals are not the towns Nato and Apc, but "KYIV -" opening a story is Kyiv.
  if (letterCount(sc) >= 2 && isUpper(sc) && !designator && !(shape & EQUIPMENT_CLASS)) {
    if (!isDateline(text, tokens, first, last) && letterCount(sc) <= 6) return false;
  }
  if (shape & EQUIPMENT_CLASS) return true;
  if (shape & EQUIPMENT && designator) return !commonWordAndNumber(shape, text, tokens, first, last, common);
  if (lowerAlias) return true;
  const t = tokens[first]!;
  return t.cap || /^\p{N}/u.test(t.text) || arabicArticle(text, tokens, first);
}

/**
 * "at 3 p.m.", "At 6, sirens sounded": a designator whose letters are a common word ("AT-3", "AT-6"), written
 * in lower case (or capitalised opening a sentence) and apart from its number by a space, is the word and a
 * number. "AT-3", "at-3" and "Su 27" are still read.
 */
function commonWordAndNumber(
  shape: number,
  text: string,
  tokens: Token[],
  first: number,
  last: number,
  common: ReadonlySet<string>,
): boolean {
  if (shape & LOWER_ALIAS || first === last) return false;
  const t = tokens[first]!;
  // in lower case, or capitalised only because it opens the sentence ("At 3 p.m. the shelling began")
  const word = lowerCaseStart(t) || (t.sentenceStart && !t.upper);
  // (and a number after the space: "Patriot PAC-3" is no word and number)
  const next = tokens[first + 1]!.text.charCodeAt(0);
  return word && text.charCodeAt(t.end) === 32 && next >= 48 && next <= 57 && common.has(t.norm);
}

/** The Arabic article as news writes it, in lower case and hyphenated: "al-Tanf", "ash-Shaddadi". */
const ARABIC_ARTICLES = new Set(["al", "el", "ad", "adh", "an", "ar", "as", "ash", "at", "ath", "az"]);

/** "al-Tanf", "el-Arish": a lower-case article joined by a hyphen to a capitalised name opens the name. */
function arabicArticle(text: string, tokens: Token[], first: number): boolean {
  const t = tokens[first]!;
  const next = tokens[first + 1];
  // the token fields first: the matcher asks this of most lower-case words it finds in the index
  return (
    next?.cap === true &&
    next.start === t.end + 1 &&
    isHyphen(text.charCodeAt(t.end)) &&
    ARABIC_ARTICLES.has(t.norm)
  );
}

export function findCandidates(text: string, tokens: Token[], kb: Kb): Candidate[] {
  const found: Candidate[] = [];
  const allKeys = kb.keyFilter();
  const lowerCaseKeys = kb.lowerCaseFilter();
  const table = kb.keyTable();
  const readings = readingsFor(table);
  const common = kb.common;
  /** the tokens with a digit 0-9, in order, noted as their norms are hashed (see fuzzyDesignators) */
  const digits: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    // A span that starts with a lower-case word (most do: "said", "the army") can be only a key with a
    // reading the case rules take on it (readInLowerCase): a small filter over these alone rules out
    // nearly all such spans at their first word, where common words pass the filter of all keys, as
    // proper names of somewhere, to be found in the table and turned down.
    const filter = lowerCaseStart(tokens[i]!) && !arabicArticle(text, tokens, i) ? lowerCaseKeys : allKeys;
    // The key of tokens i..j is their norms joined. Its hash is extended token by token and no key is
    // built: the filter rules out most spans (neither a key nor a prefix), and the table finds the rest
    // by the hash, comparing the tokens' norms with its strings in place.
    let keyLength = 0;
    let hash = KEY_HASH_START;
    for (let j = i; j < tokens.length && j - i < MAX_TOKENS; j++) {
      if (j > i && !joinable(text, tokens[j - 1]!, tokens[j]!)) break;
      const norm = tokens[j]!.norm;
      const lengthBefore = keyLength;
      keyLength += norm.length;
      if (keyLength > kb.maxKeyLength) {
        if (j === i && hasDigit(norm)) digits.push(i);
        break;
      }
      // One pass over the word hashes it, notes whether it has a digit (for the first word of a span:
      // a token's norm has one exactly when its text has, as fold() neither makes nor drops digits 0-9,
      // which normalize.test.ts checks for every code point) and stops before its last unit, so that
      // pluralOf is given the hash of the key less its final "s" without hashing the word again.
      const n = norm.length;
      let digit = false;
      for (let k = 0; k < n - 1; k++) {
        const c = norm.charCodeAt(k);
        if (c >= 48 && c <= 57) digit = true;
        hash = hashUnit(hash, c);
      }
      const lastUnit = norm.charCodeAt(n - 1);
      if (j === i && (digit || (lastUnit >= 48 && lastUnit <= 57))) digits.push(i);
      // pluralOf asks only of a word ending in "s" (tested here, as most do not)
      if (lastUnit === 115) {
        const plural = pluralOf(text, tokens, kb, filter, table, readings, lengthBefore, hash, i, j);
        if (plural) found.push(plural);
      }
      // (a norm may be empty: a token of combining marks alone folds to nothing)
      if (n > 0) hash = hashUnit(hash, lastUnit);
      if (!filter.mayHave(hash)) break;
      const hit = table.find(hash, keyLength, tokens, i, j);
      const probe = bitsOf(hit);
      const prefix = (probe & PROBE_PREFIX) !== 0;
      if (!(probe & PROBE_KEY)) {
        if (prefix) continue;
        break;
      }
      // Most keys found are common words in lower case ("said", "as"), which no reading of theirs allows:
      // known from the key alone, without the span's text, its case or a filtered list.
      const entry = entryOf(hit);
      const r = (readings[entry] ??= readingsOf(kb, table, entry));
      if (lowerCaseStart(tokens[i]!) && !r.lowerAllowed && !arabicArticle(text, tokens, i)) {
        if (!prefix) break;
        continue;
      }
      const sc = spanCase(text, tokens[i]!.start, tokens[j]!.end);
      let refs: Ref[] | undefined;
      for (let k = 0; k < r.refs.length; k++)
        if (caseAllows(r.shapes[k]!, sc, text, tokens, i, j, common)) (refs ??= []).push(r.refs[k]!);
      if (!refs) {
        if (!prefix) break;
        continue;
      }
      found.push({
        start: tokens[i]!.start,
        end: tokens[j]!.end,
        text: text.slice(tokens[i]!.start, tokens[j]!.end),
        firstToken: i,
        lastToken: j,
        refs,
      });
      if (!prefix) break;
    }
  }
  for (const c of fuzzyDesignators(text, tokens, kb, found, digits)) found.push(c);
  for (const c of fuzzyNames(text, tokens, kb, found)) found.push(c);
  return selectLongest(found);
}

/** A token starting with a-z: its span has a lower-case letter, so is not in capitals, and is not capitalised. */
function lowerCaseStart(t: Token): boolean {
  const c = t.text.charCodeAt(0);
  return c >= 97 && c <= 122;
}

/** What the matcher reads of a key's readings, worked out on the key's first match and kept. */
interface Readings {
  refs: readonly Ref[];
  /** aliasShape of each reading's alias, with the reading's ACRONYM, EQUIPMENT and EQUIPMENT_CLASS bits */
  shapes: number[];
  /** whether some reading is equipment or a reporting name (what a plural may be) */
  equipment: boolean;
  /**
   * Whether some reading may be allowed on a span that starts in lower case (a-z) without an Arabic
   * article: for such a span caseAllows gives false for every other reading (acronyms need capitals,
   * proper names a capital).
   */
  lowerAllowed: boolean;
}

/** Readings by KeyTable entry, for each table (a KB extended gets a new table). */
const READINGS = new WeakMap<KeyTable, Array<Readings | undefined>>();

function readingsFor(table: KeyTable): Array<Readings | undefined> {
  let readings = READINGS.get(table);
  if (!readings) {
    // as long as the table from the start: an array filled at scattered places would be kept as a
    // dictionary, each read a hash lookup
    readings = new Array<Readings | undefined>(table.strings.length).fill(undefined);
    READINGS.set(table, readings);
  }
  return readings;
}

function readingsOf(kb: Kb, table: KeyTable, entry: number): Readings {
  const refs = kb.refsAt(table.keyPos[entry]!);
  const shapes = refs.map(
    (r) =>
      aliasShape(r.surface) |
      (r.flags & FLAG_ACRONYM ? ACRONYM : 0) |
      (((r.flags >>> FLAG_WORDS_SHIFT) & 0x1ff) << OTHER_WORDS_SHIFT) |
      (r.kind === "equipment" ? EQUIPMENT : 0) |
      (r.kind === "equipmentClass" ? EQUIPMENT_CLASS : 0),
  );
  // (the rule the KB's lower-case keys were chosen by, so that the filter of these keeps every key for
  // which this is true)
  const lowerAllowed = refs.some((r) => readInLowerCase(RefKind[r.kind], r.surface, r.flags));
  return {
    refs,
    shapes,
    equipment: refs.some((r, k) => (shapes[k]! & EQUIPMENT) !== 0 || r.kind === "nato"),
    lowerAllowed,
  };
}

/**
 * "Naval Strike Missiles", "NSMs", "Bayraktars", "Flankers": an equipment name or reporting name with a
 * plural "s" is that equipment. Only equipment entries, only names of four letters or more, and the case
 * rules apply to the singular.
 */
function pluralOf(
  text: string,
  tokens: Token[],
  kb: Kb,
  filter: KeyFilter,
  table: KeyTable,
  readings: Array<Readings | undefined>,
  lengthBefore: number,
  hashLess: number,
  i: number,
  j: number,
): Candidate | undefined {
  const last = tokens[j]!;
  // the folded word ends in one "s" (/[^s]s$/) and so does the word as written (/s$/), tested by code
  const n = last.norm.length;
  const S = 115;
  if (
    lengthBefore + n < 4 ||
    n < 2 ||
    last.norm.charCodeAt(n - 1) !== S ||
    last.norm.charCodeAt(n - 2) === S ||
    last.text.charCodeAt(last.text.length - 1) !== S
  )
    return undefined;
  // the key of tokens i..j less its final "s" (hashLess its hash): not a key when the filter rules it out
  if (!filter.mayHave(hashLess)) return undefined;
  const hit = table.find(hashLess, lengthBefore + n - 1, tokens, i, j, 1);
  if (!(bitsOf(hit) & PROBE_KEY)) return undefined;
  const entry = entryOf(hit);
  const r = (readings[entry] ??= readingsOf(kb, table, entry));
  // most singulars found ("force" of "forces") have no equipment reading
  if (!r.equipment) return undefined;
  const sc = spanCase(text, tokens[i]!.start, last.end - 1);
  let refs: Ref[] | undefined;
  for (let k = 0; k < r.refs.length; k++)
    if (
      (r.shapes[k]! & EQUIPMENT || r.refs[k]!.kind === "nato") &&
      caseAllows(r.shapes[k]!, sc, text, tokens, i, j, kb.common)
    )
      (refs ??= []).push(r.refs[k]!);
  if (!refs) return undefined;
  const span = text.slice(tokens[i]!.start, last.end - 1);
  return { start: tokens[i]!.start, end: last.end, text: `${span}s`, firstToken: i, lastToken: j, refs };
}

const LETTER = /\p{L}/u;

/** One of the hyphens [-‐‑] that join the parts of a designator. */
function isHyphen(c: number): boolean {
  return c === 0x2d || c === 0x2010 || c === 0x2011;
}

const HAS_DIGIT = 1;
const HAS_LETTER = 2;

/** Whether a norm has a digit (\d: 0-9) and a letter (\p{L}: a-z and A-Z in ASCII), as bits. */
function digitsAndLetters(norm: string): number {
  let bits = 0;
  for (let k = 0; k < norm.length; k++) {
    const c = norm.charCodeAt(k);
    if (c >= 48 && c <= 57) bits |= HAS_DIGIT;
    else if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) bits |= HAS_LETTER;
    else if (c >= 128 && !(bits & HAS_LETTER) && LETTER.test(norm)) bits |= HAS_LETTER;
  }
  return bits;
}

/**
 * A typed array kept from document to document: making a typed array (of more than a few bytes) costs more
 * than clearing the part of an old one a document uses. get(n) gives n elements set to 0 (the array may be
 * longer). Used by one call at a time (findCandidates does not call itself).
 */
class Scratch<T extends Uint8Array | Int32Array | Float64Array> {
  private array: T;
  constructor(private make: (n: number) => T) {
    this.array = make(1024);
  }
  get(n: number): T {
    if (this.array.length < n) this.array = this.make(2 * n);
    else this.array.fill(0, 0, n);
    return this.array;
  }
}

const COVERED = new Scratch((n) => new Uint8Array(n));
const KINDS = new Scratch((n) => new Uint8Array(n));
const USED = new Scratch((n) => new Uint8Array(n));
const FIRST_OF = new Scratch((n) => new Int32Array(n));
const SORT_KEYS = new Scratch((n) => new Float64Array(n));

/** Whether a string has a digit 0-9. */
function hasDigit(s: string): boolean {
  for (let k = 0; k < s.length; k++) if (s.charCodeAt(k) >= 48 && s.charCodeAt(k) <= 57) return true;
  return false;
}

/** Designator-like tokens ("S-30PMU2", "Su-30MK") that miss the index by one edit. */
function fuzzyDesignators(
  text: string,
  tokens: Token[],
  kb: Kb,
  exact: Candidate[],
  digits: readonly number[],
): Candidate[] {
  // Only spans with a digit are searched, so only starts at most two tokens before a token with one
  // (digits: those tokens, in order).
  if (digits.length === 0) return [];
  const covered = COVERED.get(tokens.length);
  for (const c of exact) for (let t = c.firstToken; t <= c.lastToken; t++) covered[t] = 1;
  /** digitsAndLetters of each token's norm, plus 4 once worked out */
  const kinds = KINDS.get(tokens.length);
  const out: Candidate[] = [];
  let next = 0; // the first of digits at or after i
  for (let i = 0; i < tokens.length; i++) {
    while (next < digits.length && digits[next]! < i) next++;
    if (next === digits.length) break;
    if (digits[next]! > i + 2) {
      i = digits[next]! - 3; // on to two tokens before the next token with a digit
      continue;
    }
    if (covered[i]) continue;
    // A designator is letters and digits together, possibly split by hyphens: take up to 3 joined tokens.
    // Whether the key has a digit and a letter is known from its parts, so no key is searched twice (and
    // none is built until it has both and five characters).
    let keyLength = 0;
    let bits = 0;
    for (let j = i; j < Math.min(tokens.length, i + 3); j++) {
      if (
        j > i &&
        !(tokens[j]!.start - tokens[j - 1]!.end === 1 && isHyphen(text.charCodeAt(tokens[j - 1]!.end)))
      )
        break;
      if (kinds[j] === 0) kinds[j] = 4 | digitsAndLetters(tokens[j]!.norm);
      bits |= kinds[j]!;
      keyLength += tokens[j]!.norm.length;
      if (!(bits & HAS_DIGIT) || !(bits & HAS_LETTER) || keyLength < 5) continue;
      let key = "";
      for (let t = i; t <= j; t++) key += tokens[t]!.norm;
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

/** Words after a system's name that say it is one: "Patriott interceptors", "Iskandar-M missile". */
const FUZZY_HEADS = new Set([
  "missile",
  "missiles",
  "system",
  "systems",
  "launcher",
  "launchers",
  "interceptor",
  "interceptors",
  "battery",
  "batteries",
  "tank",
  "tanks",
  "howitzer",
  "howitzers",
  "jet",
  "jets",
  "fighter",
  "fighters",
  "drone",
  "drones",
  "helicopter",
  "helicopters",
  "bomber",
  "bombers",
  "rockets",
]);

/** A word of a system's kind between its name and the head: "Iskandar-M ballistic missiles". */
export const HEAD_KINDS = new Set([
  "ballistic",
  "cruise",
  "hypersonic",
  "guided",
  "tactical",
  "attack",
  "battle",
  "combat",
  "strike",
]);

/**
 * The shapes of FUZZY_HEADS' words: length, first and last unit (five bits each). Most tokens have a shape
 * none has, and are ruled out without hashing their norm (a fresh string, hashed first here) for the set.
 */
const FUZZY_HEAD_SHAPES = new Uint8Array(1 << 15);
const headShape = (w: string) =>
  ((w.length & 31) << 10) | ((w.charCodeAt(0) & 31) << 5) | (w.charCodeAt(w.length - 1) & 31);
for (const w of FUZZY_HEADS) FUZZY_HEAD_SHAPES[headShape(w)] = 1;

/**
 * Capitalised names that miss an equipment name of the catalog by one edit, right before a word that says
 * they are a system ("a batch of Patriott interceptors", "an Iskandar-M missile"): the variant spelling
 * finds its system, and says so. A name read as a system already is not searched.
 */
function fuzzyNames(text: string, tokens: Token[], kb: Kb, exact: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (let h = 1; h < tokens.length; h++) {
    const head = tokens[h]!.norm;
    if (!FUZZY_HEAD_SHAPES[headShape(head)] || !FUZZY_HEADS.has(head)) continue;
    // the name, with a one-letter suffix after a hyphen ("Iskandar-M"), right before the head or one word
    // of its kind ("Iskandar-M ballistic missiles")
    const kind = tokens[h - 1]!;
    const last =
      h >= 2 && HEAD_KINDS.has(kind.norm) && !kind.cap && spaceGap(text, kind.end, tokens[h]!.start)
        ? h - 2
        : h - 1;
    let first = last;
    const t = tokens[last]!;
    if (
      t.norm.length === 1 &&
      last > 0 &&
      t.start - tokens[last - 1]!.end === 1 &&
      isHyphen(text.charCodeAt(t.start - 1))
    )
      first = last - 1;
    const name = tokens[first]!;
    if (!name.cap || hasDigit(name.norm) || !spaceGap(text, tokens[last]!.end, tokens[last + 1]!.start))
      continue;
    if (equipmentOver(exact, first, last)) continue;
    let key = "";
    for (let k = first; k <= last; k++) key += tokens[k]!.norm;
    const hits = kb.fuzzyEquipment(key, true);
    if (hits.length === 0) continue;
    const byEntry = new Map(hits.map((x) => [x.ref.index, x] as const));
    out.push({
      start: name.start,
      end: tokens[last]!.end,
      text: text.slice(name.start, tokens[last]!.end),
      firstToken: first,
      lastToken: last,
      refs: [...byEntry.values()].map((x) => x.ref),
      fuzzy: { key: hits[0]!.key },
    });
  }
  return out;
}

/**
 * Whether an exact candidate with an equipment reading overlaps tokens first..last. (A function of its own:
 * a closure in fuzzyNames' loop reading `first` and `last` made V8 allocate a context for them at every
 * token, some 18 KB a document, though the closure is made only for the few heads.)
 */
function equipmentOver(exact: readonly Candidate[], first: number, last: number): boolean {
  for (const c of exact)
    if (c.firstToken <= last && first <= c.lastToken && c.refs.some(isEquipmentRef)) return true;
  return false;
}

const isEquipmentRef = (r: Ref) => r.kind === "equipment" || r.kind === "nato" || r.kind === "equipmentClass";

/** Index bits in sortLongestFirst's keys: up to 8192 candidates are sorted by number. */
const INDEX_BITS = 13;

/**
 * Sorts candidates longest first, then by start, then as they were (a stable sort by length and start).
 * Offsets are below 2^20 (MAX_DOCUMENT_CHARS) and a span is not empty, so (2^20 - length, start, index)
 * packs into one exact number below 2^53, and a typed array sorts those without a comparison function.
 */
function sortLongestFirst(cands: Candidate[]): void {
  const n = cands.length;
  if (n >= 1 << INDEX_BITS || cands.some((c) => c.end >= 2 ** 20 || c.end <= c.start)) {
    cands.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
    return;
  }
  const keys = SORT_KEYS.get(n).subarray(0, n);
  for (let k = 0; k < n; k++) {
    const c = cands[k]!;
    keys[k] = ((2 ** 20 - (c.end - c.start)) * 2 ** 20 + c.start) * 2 ** INDEX_BITS + k;
  }
  keys.sort();
  const before = cands.slice();
  for (let k = 0; k < n; k++) cands[k] = before[keys[k]! % 2 ** INDEX_BITS]!;
}

/** Keeps the longest candidate at each position; ties keep the earlier one. */
function selectLongest(cands: Candidate[]): Candidate[] {
  sortLongestFirst(cands);
  let tokens = 0;
  for (const c of cands) if (c.lastToken + 1 > tokens) tokens = c.lastToken + 1;
  const used = USED.get(tokens);
  // The kept candidates share no token, so each starts at its own first token: listed by first token
  // (firstOf[t]: 1 + the index in cands of the one starting at token t), they come out in the order of
  // their start, as a sort by start would give them.
  const firstOf = FIRST_OF.get(tokens);
  for (let k = 0; k < cands.length; k++) {
    const c = cands[k]!;
    let free = true;
    for (let t = c.firstToken; t <= c.lastToken; t++) if (used[t]) free = false;
    if (!free) continue;
    for (let t = c.firstToken; t <= c.lastToken; t++) used[t] = 1;
    firstOf[c.firstToken] = k + 1;
  }
  const taken: Candidate[] = [];
  for (let t = 0; t < tokens; t++) if (firstOf[t]) taken.push(cands[firstOf[t]! - 1]!);
  return taken;
}
