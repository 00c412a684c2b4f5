// The resolver's scans for described groups, named ships, counties and the military register each look
// for a few words among every token of the document. One lookup per token, made once, tells each scan
// where its words are, so none of them tests sets at every token.
import type { Token } from "../tokens.js";
import { MILITARY_WORDS } from "./lexicon.js";

export const MILITARY = 1;
export const GROUP_WORD = 2;
export const SHIP_WORD = 4;
export const COUNTY_WORD = 8;

const CLASSES = new Map<string, number>();

/** Registers words (lower case, as a token's norm) under a class bit. */
export function classify(bit: number, words: Iterable<string>): void {
  for (const w of words) CLASSES.set(w, (CLASSES.get(w) ?? 0) | bit);
}

classify(MILITARY, MILITARY_WORDS);

/** The class bits of each token's word. */
export function wordClasses(tokens: Token[]): Uint8Array {
  const out = new Uint8Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) out[i] = CLASSES.get(tokens[i]!.norm) ?? 0;
  return out;
}
