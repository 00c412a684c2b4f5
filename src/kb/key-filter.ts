// A Bloom filter over the name index's keys and their prefixes. Most spans the matcher tries are neither
// ("said", "the army"), and the filter says so from a hash of the span's characters alone, without the
// string being built or looked up in the large maps. It never rules out a string it was built from: a
// string it rules out is neither a key nor a prefix, so Kb.probe() would answer 0 for it.

/** FNV-1a over UTF-16 units: the hash of the empty string, which hashKey extends. */
export const KEY_HASH_START = 0x811c9dc5;

/** The hash of (the string whose hash is h) followed by s.slice(0, end), so parts are hashed one at a time. */
export function hashKey(h: number, s: string, end = s.length): number {
  for (let i = 0; i < end; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}

/** 2^22 bits (512 KB): for the some 200,000 keys and prefixes, about one string in 130 is let through wrongly. */
const BITS_LOG2 = 22;
const MASK = (1 << BITS_LOG2) - 1;

export class KeyFilter {
  private bits = new Int32Array(1 << (BITS_LOG2 - 5));

  constructor(...lists: Iterable<string>[]) {
    for (const strings of lists)
      for (const s of strings) {
        const h = hashKey(KEY_HASH_START, s);
        this.set(h & MASK);
        this.set(second(h));
      }
  }

  /** False when no string the filter was built from hashes to h (see hashKey). */
  mayHave(h: number): boolean {
    return this.get(h & MASK) && this.get(second(h));
  }

  private set(bit: number): void {
    this.bits[bit >>> 5] |= 1 << (bit & 31);
  }

  private get(bit: number): boolean {
    return (this.bits[bit >>> 5] & (1 << (bit & 31))) !== 0;
  }
}

/** A second bit from the same hash, from its other bits mixed. */
function second(h: number): number {
  return Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> (32 - BITS_LOG2);
}
