// Near-duplicate detection for syndicated copies: MinHash over word 5-shingles, banded for LSH.
// Copies of one wire story (retitled, trimmed, with a different byline) land in one story.

const PERMUTATIONS = 64;
export const BANDS = 16;
const ROWS = PERMUTATIONS / BANDS;
export const SAME_STORY = 0.6;

function fnv1a(s: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

function shingles(text: string): Set<string> {
  const words =
    text
      .toLowerCase()
      .normalize("NFKD")
      .match(/[\p{L}\p{N}]+/gu) ?? [];
  const out = new Set<string>();
  if (words.length < 5) {
    if (words.length) out.add(words.join(" "));
    return out;
  }
  for (let i = 0; i + 5 <= words.length; i++) out.add(words.slice(i, i + 5).join(" "));
  return out;
}

export function minhash(text: string): number[] {
  const sig = new Array<number>(PERMUTATIONS).fill(0xffffffff);
  for (const sh of shingles(text)) {
    const h1 = fnv1a(sh, 0);
    const h2 = fnv1a(sh, 0x9e3779b9) | 1;
    for (let k = 0; k < PERMUTATIONS; k++) {
      const h = (h1 + Math.imul(k, h2)) >>> 0;
      if (h < sig[k]!) sig[k] = h;
    }
  }
  return sig;
}

export function bandKeys(sig: number[]): string[] {
  const keys: string[] = [];
  for (let b = 0; b < BANDS; b++)
    keys.push(
      `${b}:${sig
        .slice(b * ROWS, (b + 1) * ROWS)
        .map((x) => x.toString(36))
        .join(".")}`,
    );
  return keys;
}

export function similarity(a: number[], b: number[]): number {
  let same = 0;
  for (let k = 0; k < PERMUTATIONS; k++) if (a[k] === b[k]) same++;
  return same / PERMUTATIONS;
}
