// The resolver's scans for described groups, named ships, counties, capitals and the military register
// each look for a few words among every token of the document. One lookup per token, made once, tells each scan
// where its words are, so none of them tests sets at every token.
import type { Token } from "../tokens.js";
import { MILITARY_WORDS } from "./lexicon.js";

export const MILITARY = 1;
export const GROUP_WORD = 2;
export const SHIP_WORD = 4;
export const COUNTY_WORD = 8;
export const CAPITAL_WORD = 16;
export const TITLE_WORD = 32;
export const REGION_PLURAL = 64;
export const FORCE_NOUN = 128;
export const GULF_WORD = 256;
export const RESULT_WORD = 1024;
/** A word whose first character is a digit ("47th", "2025"): set for every such token, not registered. */
export const DIGIT_FIRST = 512;

/** The class bits of each token's word, by token (see wordClasses). */
export type WordClasses = Uint16Array;

const CLASSES = new Map<string, number>();

/**
 * The shapes of the registered words, one bit each: length, first and last letter (five bits each). Most
 * tokens have a shape no registered word has, and are ruled out without a lookup in the map. (Bits, not
 * bytes: 4 KB stay in the CPU's cache from one document to the next, where 32 KB read at some 400 random
 * places per document were mostly fetched anew.)
 */
const SHAPES = new Int32Array(1 << 10);

function shape(w: string): number {
  return ((w.length & 31) << 10) | ((w.charCodeAt(0) & 31) << 5) | (w.charCodeAt(w.length - 1) & 31);
}

/** Registers words (lower case, as a token's norm) under a class bit. */
export function classify(bit: number, words: Iterable<string>): void {
  for (const w of words) {
    CLASSES.set(w, (CLASSES.get(w) ?? 0) | bit);
    const sh = shape(w);
    SHAPES[sh >>> 5]! |= 1 << (sh & 31);
  }
}

classify(MILITARY, MILITARY_WORDS);
classify(GULF_WORD, ["gulf"]);

/**
 * The array the classes are written to, kept from one document to the next: a typed array of a few hundred
 * elements is allocated outside the heap, which costs more than the whole walk. Each call's classes are a
 * view of it, read before the next call (the resolver's run is their only reader).
 */
let buffer = new Uint16Array(1024);

/** The class bits of each token's word (valid until the next call). */
export function wordClasses(tokens: Token[]): WordClasses {
  const n = tokens.length;
  if (buffer.length < n) buffer = new Uint16Array(2 * n);
  const out = buffer.subarray(0, n);
  for (let i = 0; i < n; i++) {
    const w = tokens[i]!.norm;
    const first = w.charCodeAt(0);
    let bits = first >= 48 && first <= 57 ? DIGIT_FIRST : 0;
    const sh = shape(w);
    if (SHAPES[sh >>> 5]! & (1 << (sh & 31))) bits |= CLASSES.get(w) ?? 0;
    out[i] = bits;
  }
  return out;
}
