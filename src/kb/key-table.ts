// An exact table of the name index's keys and prefixes, found by the hash the key filter uses (hashKey,
// extended token by token). The matcher knows a span's hash without building the span's key, so it can ask
// "is this span a key, a prefix, or neither" without making a string: the table gives the strings with
// that hash (almost always one, or none), and the span's token norms are compared with it in place. It
// replaces building the key by concatenation and looking it up in the large maps, which cost a string,
// its flattening and its hashing for every span the filter let through.
//
// Layout: open addressing with linear probing over 2^k slots, at most three quarters full (2 MB for the
// some 183,000 keys and prefixes). A slot is two 32-bit words side by side in one array, so a probe reads
// one cache line: an entry's full 32-bit hash (so a probe rarely compares strings) and where its string
// is in `chars` + 1 (0: an empty slot). An entry is a string of the index: strings[e], its PROBE_KEY |
// PROBE_PREFIX bits in bits[e], and its key position in the index in keyPos[e] (-1 for a prefix that is
// not a key).

import { hashKey, KEY_HASH_START } from "./key-filter.js";

/** Where a slot keeps its entry's bits (places in `chars` are below 2^28). */
const BITS_SHIFT = 28;
const PLACE_MASK = (1 << BITS_SHIFT) - 1;
/** A string in `chars`: its length, its entry (low, high 16 bits), then its UTF-16 units. */
const HEADER = 3;

/** The entry of a KeyTable.find() answer (not -1). */
export const entryOf = (found: number): number => found >> 2;
/** The PROBE_KEY | PROBE_PREFIX bits of a KeyTable.find() answer (0 for -1: neither). */
export const bitsOf = (found: number): number => (found < 0 ? 0 : found & 3);

/** The part of a token the table reads: its normalised text. */
export interface Normed {
  norm: string;
}

export class KeyTable {
  readonly strings: string[] = [];
  readonly bits: Uint8Array;
  readonly keyPos: Int32Array;
  /** slot s: slots[2s] the hash, slots[2s + 1] (the place of its string in chars + 1) | its bits << BITS_SHIFT */
  private slots: Int32Array;
  /**
   * The entries' strings one after the other, each with its length and entry number before it (see
   * HEADER). A probe that finds the hash reads the string there: one memory read where a string object
   * reached through an array of strings cost two, each a cache miss when the key is not a common one.
   */
  private chars: Uint16Array;
  private mask: number;

  /** From the index's keys (with their positions), and the prefixes; bits as Kb.probe() answers them. */
  constructor(
    keys: ReadonlyMap<string, number>,
    prefixes: ReadonlySet<string>,
    keyBit: number,
    prefixBit: number,
  ) {
    // entries: the keys, then the prefixes that are not keys
    let n = keys.size;
    for (const p of prefixes) if (!keys.has(p)) n++;
    this.bits = new Uint8Array(n);
    this.keyPos = new Int32Array(n);
    for (const [k, p] of keys) {
      const e = this.strings.push(k) - 1;
      this.bits[e] = keyBit | (prefixes.has(k) ? prefixBit : 0);
      this.keyPos[e] = p;
    }
    for (const p of prefixes) {
      if (keys.has(p)) continue;
      const e = this.strings.push(p) - 1;
      this.bits[e] = prefixBit;
      this.keyPos[e] = -1;
    }
    let size = 1024;
    while (3 * size < 4 * this.strings.length) size *= 2;
    this.mask = size - 1;
    this.slots = new Int32Array(2 * size);
    let units = 0;
    for (const str of this.strings) {
      if (str.length > 0xffff)
        throw new Error(`a key of ${str.length} characters is too long for the key table`);
      units += HEADER + str.length;
    }
    if (units >= PLACE_MASK) throw new Error("the keys are too many for the key table");
    this.chars = new Uint16Array(units);
    let place = 0;
    for (let e = 0; e < this.strings.length; e++) {
      const str = this.strings[e]!;
      this.chars[place] = str.length;
      this.chars[place + 1] = e & 0xffff;
      this.chars[place + 2] = e >>> 16;
      for (let k = 0; k < str.length; k++) this.chars[place + HEADER + k] = str.charCodeAt(k);
      const h = hashKey(KEY_HASH_START, str);
      let s = h & this.mask;
      while (this.slots[2 * s + 1] !== 0) s = (s + 1) & this.mask;
      this.slots[2 * s] = h;
      this.slots[2 * s + 1] = (place + 1) | (this.bits[e]! << BITS_SHIFT);
      place += HEADER + str.length;
    }
  }

  /**
   * The entry whose string is the norms of parts[first..last] joined, less the last norm's final `cut`
   * characters, given that string's hash and length, with its bits: entry << 2 | bits (see entryOf and
   * bitsOf); -1 when it is neither a key nor a prefix.
   */
  find(h: number, length: number, parts: readonly Normed[], first: number, last: number, cut = 0): number {
    const slots = this.slots;
    const chars = this.chars;
    for (let s = h & this.mask; slots[2 * s + 1] !== 0; s = (s + 1) & this.mask) {
      if (slots[2 * s] !== h) continue;
      const word = slots[2 * s + 1]!;
      const at = (word & PLACE_MASK) - 1;
      if (spells(chars, at, length, parts, first, last, cut)) {
        const entry = chars[at + 1]! | (chars[at + 2]! << 16);
        return (entry << 2) | (word >>> BITS_SHIFT);
      }
    }
    return -1;
  }
}

/** Whether the string at chars[at] is the norms of parts[first..last] joined, less `cut` characters at the end. */
function spells(
  chars: Uint16Array,
  at: number,
  length: number,
  parts: readonly Normed[],
  first: number,
  last: number,
  cut: number,
): boolean {
  if (chars[at] !== length) return false;
  let p = at + HEADER;
  for (let t = first; t <= last; t++) {
    const norm = parts[t]!.norm;
    const n = t === last ? norm.length - cut : norm.length;
    for (let k = 0; k < n; k++) if (chars[p + k] !== norm.charCodeAt(k)) return false;
    p += n;
  }
  return true;
}
