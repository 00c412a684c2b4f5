// Lossless tokenisation: every token keeps its offsets; sentence boundaries are offsets too.

import type { Span } from "../core/analysis.js";
import { fold } from "../kb/normalize.js";
import { MONTH_ABBREVIATIONS } from "./time/dates.js";

const ABBREVIATIONS = new Set([
  "mr",
  "mrs",
  "ms",
  "dr",
  "gen",
  "lt",
  "col",
  "maj",
  "capt",
  "sgt",
  "adm",
  "st",
  "no",
  "vs",
  ...MONTH_ABBREVIATIONS,
  "u",
  "s",
  "k",
  "n",
  "e",
  "w",
  "inc",
  "corp",
  "co",
  "jr",
  "sr",
  "rep",
  "sen",
  "gov",
  "pres",
  "ft",
  "mt",
  "cmdr",
  "brig",
  "lt",
  "va",
  "calif",
  "ill",
  "mass",
  "wash",
  "fla",
  "tex",
  "ga",
  "ky",
  "tenn",
  "mich",
  "minn",
  "ariz",
  "ala",
  "ark",
  "conn",
  "del",
  "ind",
  "kan",
  "la",
  "md",
  "miss",
  "mo",
  "mont",
  "neb",
  "nev",
  "okla",
  "ore",
  "pa",
  "wis",
  "wyo",
  "colo",
]);

/** A token is a run of these: letters, digits and marks (one code point, tested at a position). */
const TOKEN_CHAR = /[\p{L}\p{N}\p{M}]/uy;
const LETTER_UPPER_START = /^\p{Lu}/u;

/** ASCII letters and digits are exactly the ASCII members of [\p{L}\p{N}\p{M}]. */
function asciiWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
}

/** What each ASCII character is to the tokenizer: in no token, a digit, a lower- or an upper-case letter. */
const NOT_TOKEN = 0;
const DIGIT = 1;
const LOWER = 2;
const UPPER = 3;
const ASCII_KIND = Uint8Array.from({ length: 128 }, (_, c) =>
  c >= 97 && c <= 122 ? LOWER : c >= 65 && c <= 90 ? UPPER : c >= 48 && c <= 57 ? DIGIT : NOT_TOKEN,
);

/** Length in UTF-16 units of the token character at i, or 0 when the code point there is not one. */
function tokenCharLength(text: string, i: number, c: number): number {
  if (c < 128) return asciiWordChar(c) ? 1 : 0;
  TOKEN_CHAR.lastIndex = i;
  if (!TOKEN_CHAR.test(text)) return 0;
  return TOKEN_CHAR.lastIndex - i;
}

/** A character above U+00FF: a text with one is kept in two bytes a character by V8. */
const WIDE = /[^\u0000-\u00ff]/;

/**
 * The text with each UTF-16 unit cut to its low byte, as a one-byte string: the same characters at the
 * same offsets where the text is ASCII. Tokens cut from a two-byte text are two-byte strings too, whose
 * toLowerCase (and every later comparison and hash) costs more; ASCII tokens are cut from this copy.
 */
function oneByteCopy(text: string): string {
  return WIDE.test(text) ? Buffer.from(text, "latin1").toString("latin1") : text;
}

/** Token.bits: its flags, and above them the index of its sentence. */
const CAP = 1;
const UPPER_CASE = 2;
const FIRST = 4;
const SENTENCE_SHIFT = 3;

/**
 * A token. Made by a constructor, not an object literal: V8 follows what each object literal makes, and a
 * document's tokens outlive the young generation's collections, so it comes to make them in the old
 * generation, where each young string stored in one costs a write barrier and the dead ones wait for a full
 * collection (the segment stage took half as long again). Objects a class makes are not followed so. The
 * fields are declared only (no class fields are defined before the constructor sets them).
 */
export class Token implements Span {
  declare start: number;
  declare end: number;
  declare text: string;
  /** folded form (lower case, no diacritics) */
  declare norm: string;
  /**
   * The sentence's index and the three flags below, in one small integer: a document's tokens are most of
   * what its batch keeps alive through the young generation's collections, each one copied there, and five
   * fields make an object of 64 bytes where eight made one of 88.
   */
  declare bits: number;
  constructor(
    start: number,
    end: number,
    text: string,
    norm: string,
    cap: boolean,
    upper: boolean,
    sentence: number,
    sentenceStart: boolean,
  ) {
    this.start = start;
    this.end = end;
    this.text = text;
    this.norm = norm;
    this.bits =
      (sentence << SENTENCE_SHIFT) | (cap ? CAP : 0) | (upper ? UPPER_CASE : 0) | (sentenceStart ? FIRST : 0);
  }
  /** starts with an upper-case letter */
  get cap(): boolean {
    return (this.bits & CAP) !== 0;
  }
  /** all letters upper case (and at least two letters) */
  get upper(): boolean {
    return (this.bits & UPPER_CASE) !== 0;
  }
  /** index of the sentence the token is in */
  get sentence(): number {
    return this.bits >> SENTENCE_SHIFT;
  }
  /** first token of its sentence */
  get sentenceStart(): boolean {
    return (this.bits & FIRST) !== 0;
  }
}

export function tokenize(text: string): { tokens: Token[]; sentences: Span[] } {
  const narrow = oneByteCopy(text);
  const tokens: Token[] = [];
  let prev: Token | undefined;
  const sentences: Span[] = [];
  let sentence = 0;
  let sentenceStartOffset = 0;
  let newSentence = true;
  const n = text.length;
  let i = 0;
  // A hand-written scan for /[\p{L}\p{N}\p{M}]+/gu: the regex's match objects and the per-token regexes below cost more
  // than the rest of the stage; the ASCII paths give the same tokens and fields the regexes would.
  while (i < n) {
    let c = text.charCodeAt(i);
    if (c < 128 ? ASCII_KIND[c] === NOT_TOKEN : tokenCharLength(text, i, c) === 0) {
      i++;
      continue;
    }
    const start = i;
    // The pass that finds the token's end also tells whether it is ASCII and, if so, counts its letters
    // (A-Z, a-z) and notes whether it has a lower-case and an upper-case one.
    let ascii = true;
    let letters = 0;
    let hasLower = false;
    let hasUpper = false;
    for (;;) {
      if (c < 128) {
        const kind = ASCII_KIND[c]!;
        if (kind === NOT_TOKEN) break;
        if (kind === LOWER) {
          letters++;
          hasLower = true;
        } else if (kind === UPPER) {
          letters++;
          hasUpper = true;
        }
        i++;
      } else {
        const len = tokenCharLength(text, i, c);
        if (len === 0) break;
        ascii = false;
        i += len;
      }
      if (i >= n) break;
      c = text.charCodeAt(i);
    }
    const end = i;
    if (prev) {
      // Only a gap with a line break or a . ! ? can break a sentence (isSentenceBreak would say so too);
      // the usual gaps (" ", ", ") are not cut out of the text to be asked.
      if (mayBreakSentence(text, prev.end, start)) {
        const gap = text.slice(prev.end, start);
        if (isSentenceBreak(gap, prev, text[start]!, tokens[tokens.length - 2], text)) {
          sentences.push({
            start: sentenceStartOffset,
            end: prev.end + leadingNonSpace(gap),
          });
          sentence++;
          sentenceStartOffset = start;
          newSentence = true;
        }
      }
    } else sentenceStartOffset = start;
    const t = ascii ? narrow.slice(start, end) : text.slice(start, end);
    let norm: string;
    let cap: boolean;
    let upper: boolean;
    if (ascii) {
      // fold() of ASCII is its lower case (the token itself when it has no A-Z); ASCII letters are A-Z
      // and a-z, the upper-case ones A-Z.
      norm = hasUpper ? t.toLowerCase() : t;
      const first = text.charCodeAt(start);
      cap = first >= 65 && first <= 90;
      upper = letters >= 2 && !hasLower;
    } else {
      const allLetters = t.replace(/[^\p{L}]/gu, "");
      norm = fold(t);
      cap = LETTER_UPPER_START.test(t);
      upper = allLetters.length >= 2 && allLetters === allLetters.toUpperCase();
    }
    // the last token is kept at hand, not read back from the array for the next gap
    prev = new Token(start, end, t, norm, cap, upper, sentence, newSentence);
    tokens.push(prev);
    newSentence = false;
  }
  if (tokens.length > 0) sentences.push({ start: sentenceStartOffset, end: tokens[tokens.length - 1]!.end });
  return { tokens, sentences };
}

/** False when text[from, to) has no line break and no . ! or ?, where isSentenceBreak is false. */
function mayBreakSentence(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === 10 || c === 46 || c === 33 || c === 63) return true;
  }
  return false;
}

const SPACE = /\s/;

/** Whether the character at `at` is white space (\s): the ASCII ones (\t \n \v \f \r and " ") by code. */
export function isSpaceAt(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  return c < 128 ? c === 32 || (c >= 9 && c <= 13) : SPACE.test(text.charAt(at));
}

/** How many characters open the gap before its first space (\s): a match of ^[^\s]* without a match array. */
function leadingNonSpace(gap: string): number {
  for (let k = 0; k < gap.length; k++) if (isSpaceAt(gap, k)) return k;
  return gap.length;
}

/**
 * Whether a comma at `end`, then one white-space character or none (as /^,\s?/), comes before a capital A-Z:
 * where a town's state or province may be abbreviated ("Wichita, Kan.", "Brandon, Man."), asked before any
 * regex.
 */
export function capitalAfterComma(text: string, end: number): boolean {
  if (text.charCodeAt(end) !== 44) return false;
  const c = text.charCodeAt(SPACE.test(text.charAt(end + 1)) ? end + 2 : end + 1);
  return c >= 65 && c <= 90;
}

/** The text from the start of the line up to `at`. */
export function lineBefore(text: string, at: number): string {
  return text.slice(text.lastIndexOf("\n", at - 1) + 1, at);
}

/** Whether one space (" ") stands between the offsets `end` and `start`: read by character code. */
export function spaceGap(text: string, end: number, start: number): boolean {
  return start === end + 1 && text.charCodeAt(end) === 32;
}

/** Whether a comma and one space (", ") stand between the offsets `end` and `start`. */
export function commaSpaceGap(text: string, end: number, start: number): boolean {
  return start === end + 2 && text.charCodeAt(end) === 44 && text.charCodeAt(end + 1) === 32;
}

/**
 * A middle initial: one capital letter one space after a capitalised name that is not in capitals
 * ("Gerald R. Ford", "John F. Kennedy"), whose full stop ends no sentence. "Plan B. Then" is read so too,
 * a rarer case.
 */
export function isMiddleInitial(text: string, before: Token | undefined, initial: Token): boolean {
  if (initial.text.length !== 1 || !initial.cap || !before) return false;
  return before.cap && !before.upper && spaceGap(text, before.end, initial.start);
}

/** Whether the gap between prev and the character after it (next) ends a sentence; before is the token before prev. */
function isLowerAscii(c: number): boolean {
  return c >= 97 && c <= 122;
}

function isSentenceBreak(
  gap: string,
  prev: Token,
  next: string,
  before: Token | undefined,
  text: string,
): boolean {
  // the usual gap between sentences, read without the regexes below (which give the same for it)
  // ("6 a.m. on Thursday": a sentence does not open with a lower-case letter)
  if (gap === ". ")
    return (
      !isLowerAscii(next.charCodeAt(0)) &&
      !(ABBREVIATIONS.has(prev.norm) && prev.text.length <= 5) &&
      !isMiddleInitial(text, before, prev)
    );
  if (/\n\s*\n/.test(gap) || (gap.includes("\n") && !/[,;:]\s*\n/.test(gap))) return true;
  if (!/[.!?]/.test(gap)) return false;
  if (/[!?]/.test(gap)) return true;
  // "8024 Turtle Creek Cir., Gainesville", "Acme Inc., which": a full stop before a comma ends no sentence
  if (/^\.,/.test(gap)) return false;
  // "U.S. Navy", "Gen. Smith", "Oct. 5": a period after an abbreviation does not end a sentence
  // unless a capitalised word follows a long abbreviation list member at the end of a clause.
  if (/^\.\s+$/.test(gap) && ABBREVIATIONS.has(prev.norm) && prev.text.length <= 5) return false;
  if (/^\.\s+$/.test(gap) && isMiddleInitial(text, before, prev)) return false;
  if (/^\.$/.test(gap)) return false;
  return /\p{Lu}|\p{N}|["“'‘(]/u.test(next) || /\.\s*["”’]?\s+/.test(gap);
}
