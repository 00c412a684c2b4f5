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

const CLASSES = new Map<string, number>();

/**
 * The shapes of the registered words: length, first and last letter (five bits each). Most tokens have a
 * shape no registered word has, and are ruled out without a lookup in the map.
 */
const SHAPES = new Uint8Array(1 << 15);

function shape(w: string): number {
  return ((w.length & 31) << 10) | ((w.charCodeAt(0) & 31) << 5) | (w.charCodeAt(w.length - 1) & 31);
}

/** Registers words (lower case, as a token's norm) under a class bit. */
export function classify(bit: number, words: Iterable<string>): void {
  for (const w of words) {
    CLASSES.set(w, (CLASSES.get(w) ?? 0) | bit);
    SHAPES[shape(w)] = 1;
  }
}

classify(MILITARY, MILITARY_WORDS);

/** The class bits of each token's word. */
export function wordClasses(tokens: Token[]): Uint8Array {
  const out = new Uint8Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    const w = tokens[i]!.norm;
    if (SHAPES[shape(w)]) out[i] = CLASSES.get(w) ?? 0;
  }
  return out;
}
