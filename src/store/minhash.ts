// Near-duplicate detection for syndicated copies: MinHash over word 5-shingles of the body (not the title,
// which each outlet writes its own), banded for LSH. Copies of one wire story (retitled, trimmed, with a
// different byline, or with an outlet's own intro and trailer around it) land in one story.

const PERMUTATIONS = 64;
export const BANDS = 16;
const ROWS = PERMUTATIONS / BANDS;
/** Looser bands (two rows each) find the pairs of lower similarity that containment may still join. */
const LOOSE_BANDS = 32;
const LOOSE_ROWS = PERMUTATIONS / LOOSE_BANDS;
export const SAME_STORY = 0.6;
/**
 * A copy inside a longer text (an outlet's intro and trailer around the wire's words): the share of the
 * smaller text's shingles the larger one has, for texts of at least MIN_CONTAINED shingles.
 */
export const CONTAINED = 0.75;
const MIN_CONTAINED = 30;

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

/**
 * A text's signature: its MinHash, then how many distinct shingles it has (the 65th number; a signature
 * stored by an older orbat has 64, and containment is not read from it).
 */
export function minhash(text: string): number[] {
  const sig = new Array<number>(PERMUTATIONS).fill(0xffffffff);
  const all = shingles(text);
  for (const sh of all) {
    const h1 = fnv1a(sh, 0);
    const h2 = fnv1a(sh, 0x9e3779b9) | 1;
    for (let k = 0; k < PERMUTATIONS; k++) {
      const h = (h1 + Math.imul(k, h2)) >>> 0;
      if (h < sig[k]!) sig[k] = h;
    }
  }
  sig.push(all.size);
  return sig;
}

export function bandKeys(sig: number[]): string[] {
  return keysOf(sig, BANDS, ROWS, "");
}

/** Band keys of two rows each, marked "L" (see LOOSE_BANDS). */
export function looseBandKeys(sig: number[]): string[] {
  return keysOf(sig, LOOSE_BANDS, LOOSE_ROWS, "L");
}

/** One key per band of `rows` hashes: the mark, the band's number, its hashes (the stored keys' format). */
function keysOf(sig: number[], bands: number, rows: number, mark: string): string[] {
  const keys: string[] = [];
  for (let b = 0; b < bands; b++)
    keys.push(
      `${mark}${b}:${sig
        .slice(b * rows, (b + 1) * rows)
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

/**
 * The share of the smaller text's shingles the larger one has, estimated from the Jaccard similarity and
 * the two sizes (|A∩B| = J(|A|+|B|)/(1+J)); undefined where a size is unknown or too small to tell.
 */
export function containment(a: number[], b: number[], jaccard = similarity(a, b)): number | undefined {
  const sa = a[PERMUTATIONS];
  const sb = b[PERMUTATIONS];
  if (sa === undefined || sb === undefined || Math.min(sa, sb) < MIN_CONTAINED) return undefined;
  return (jaccard * (sa + sb)) / (1 + jaccard) / Math.min(sa, sb);
}

/** Whether two signatures are copies of one story: similar enough, or one contained in the other. */
export function sameStory(a: number[], b: number[]): { same: boolean; score: number } {
  const j = similarity(a, b);
  if (j >= SAME_STORY) return { same: true, score: j };
  const c = containment(a, b, j);
  return c !== undefined && c >= CONTAINED ? { same: true, score: c } : { same: false, score: j };
}
