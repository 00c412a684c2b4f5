// A (blocked) Bloom filter over the name index's keys and their prefixes. Most spans the matcher tries are neither
// ("said", "the army"), and the filter says so from a hash of the span's characters alone, without the
// string being built or looked up in the large maps. It never rules out a string it was built from: a
// string it rules out is neither a key nor a prefix, so Kb.probe() would answer 0 for it.

/** FNV-1a over UTF-16 units: the hash of the empty string, which hashKey extends. */
export const KEY_HASH_START = 0x811c9dc5;

/** The hash of (the string whose hash is h) followed by s.slice(0, end), so parts are hashed one at a time. */
export function hashKey(h: number, s: string, end = s.length): number {
  for (let i = 0; i < end; i++) h = hashUnit(h, s.charCodeAt(i));
  return h;
}

/** The hash of (the string whose hash is h) followed by the UTF-16 unit c: hashKey one unit at a time. */
export function hashUnit(h: number, c: number): number {
  return Math.imul(h ^ c, 0x01000193);
}

/**
 * 2^21 bits (256 KB) by default, in 32-bit words: a string's two bits are in one word, so a test reads one
 * place in memory (a blocked Bloom filter). For the some 200,000 keys and prefixes, about one string in 20
 * that is neither is let through, to be probed. A filter over a few thousand strings is made smaller (see
 * wordsLog2), so that it stays in the CPU's cache.
 */
const WORDS_LOG2 = 16;

export class KeyFilter {
  private words: Int32Array;
  private mask: number;

  /** Over the strings of the lists; with 2^wordsLog2 words of 32 bits. */
  constructor(lists: readonly Iterable<string>[], wordsLog2 = WORDS_LOG2) {
    this.words = new Int32Array(1 << wordsLog2);
    this.mask = (1 << wordsLog2) - 1;
    for (const strings of lists)
      for (const s of strings) {
        const h = hashKey(KEY_HASH_START, s);
        this.words[h & this.mask] |= bitsOf(h);
      }
  }

  /** False when no string the filter was built from hashes to h (see hashKey). */
  mayHave(h: number): boolean {
    const bits = bitsOf(h);
    return (this.words[h & this.mask]! & bits) === bits;
  }
}

/**
 * A KeyFilter sized for its strings, some three to a 32-bit word (one string in 20 of the others let
 * through): a few KB for a few thousand strings, which stay in the CPU's cache between documents.
 */
export function sizedKeyFilter(lists: readonly Iterable<string>[]): KeyFilter {
  const all = lists.flatMap((l) => [...l]);
  let log2 = 6;
  while (3 << log2 < all.length) log2++;
  return new KeyFilter([all], log2);
}

/** The two bits of a hash in its word, from the hash's other bits mixed. */
function bitsOf(h: number): number {
  const m = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
  return (1 << (m >>> 27)) | (1 << ((m >>> 22) & 31));
}
