// Finds every span whose compact key is in the KB name index, longest match first, with case rules:
// acronyms only in capitals, proper names only capitalised, designators with digits in any case.
import type { Kb, Ref } from "../kb/kb.js";
import { FLAG_ACRONYM } from "../kb/types.js";
import type { Token } from "./tokens.js";

export interface Candidate {
  start: number;
  end: number;
  text: string;
  firstToken: number;
  lastToken: number;
  refs: Ref[];
  /** set when found by the one-edit designator search */
  fuzzy?: { key: string };
}

const MAX_TOKENS = 8;
const JOINABLE = /^(?:[ \t]|[ \t]?[-‐‑–/][ \t]?|\.|'|’|\. )$/;

function joinable(text: string, a: Token, b: Token): boolean {
  const gap = text.slice(a.end, b.start);
  if (gap === ". ") return a.text.length === 1; // "U.S. Navy"
  return JOINABLE.test(gap);
}

const WORDS = /[\p{L}\p{N}\p{M}]+/gu;

/** A dateline: an all-capitals place name opening a sentence, followed by a dash or comma ("KYIV -"). */
function isDateline(text: string, tokens: Token[], first: number, last: number): boolean {
  return (
    tokens[first]!.sentenceStart &&
    /^\s*(?:\([^)]*\)\s*)?[-–—,:(]/.test(text.slice(tokens[last]!.end, tokens[last]!.end + 30))
  );
}

function caseAllows(
  ref: Ref,
  span: string,
  text: string,
  tokens: Token[],
  first: number,
  last: number,
): boolean {
  const letters = span.replace(/[^\p{L}]/gu, "");
  if (ref.flags & FLAG_ACRONYM) return letters === letters.toUpperCase();
  const designator = /\d/.test(ref.surface);
  // Words joined across a space must be words in the alias too: "In a" is not the town "Ina".
  if (!designator && (ref.surface.match(WORDS)?.length ?? 0) !== last - first + 1) return false;
  // "NATO", "APC" written in capitals are not the towns Nato and Apc, but "KYIV -" opening a story is Kyiv.
  if (
    letters.length >= 2 &&
    letters === letters.toUpperCase() &&
    !designator &&
    ref.kind !== "equipmentClass"
  ) {
    if (!isDateline(text, tokens, first, last) && letters.length <= 6) return false;
  }
  const lowerAlias = /^\p{Ll}/u.test(ref.surface);
  if (ref.kind === "equipmentClass") return true;
  if (ref.kind === "equipment" && /\d/.test(ref.surface)) return true;
  if (lowerAlias) return true;
  const t = tokens[first]!;
  return t.cap || /^\p{N}/u.test(t.text);
}

export function findCandidates(text: string, tokens: Token[], kb: Kb): Candidate[] {
  const found: Candidate[] = [];
  for (let i = 0; i < tokens.length; i++) {
    let key = "";
    for (let j = i; j < tokens.length && j - i < MAX_TOKENS; j++) {
      if (j > i && !joinable(text, tokens[j - 1]!, tokens[j]!)) break;
      key += tokens[j]!.norm;
      if (key.length > kb.maxKeyLength) break;
      const plural = pluralOf(text, tokens, kb, key, i, j);
      if (plural) found.push(plural);
      if (!kb.has(key)) {
        if (kb.isPrefix(key)) continue;
        break;
      }
      const span = text.slice(tokens[i]!.start, tokens[j]!.end);
      const refs = kb.lookup(key).filter((r) => caseAllows(r, span, text, tokens, i, j));
      if (refs.length === 0) {
        if (!kb.isPrefix(key)) break;
        continue;
      }
      found.push({
        start: tokens[i]!.start,
        end: tokens[j]!.end,
        text: span,
        firstToken: i,
        lastToken: j,
        refs,
      });
      if (!kb.isPrefix(key)) break;
    }
  }
  for (const c of fuzzyDesignators(text, tokens, kb, found)) found.push(c);
  return selectLongest(found);
}

/**
 * "Naval Strike Missiles", "NSMs", "Bayraktars": an equipment name with a plural "s" is that equipment.
 * Only equipment entries, only names of four letters or more, and the case rules apply to the singular.
 */
function pluralOf(
  text: string,
  tokens: Token[],
  kb: Kb,
  key: string,
  i: number,
  j: number,
): Candidate | undefined {
  const last = tokens[j]!;
  if (key.length < 4 || !/[^s]s$/.test(last.norm) || !/s$/.test(last.text)) return undefined;
  const singular = key.slice(0, -1);
  if (!kb.has(singular)) return undefined;
  const span = text.slice(tokens[i]!.start, last.end - 1);
  const refs = kb
    .lookup(singular)
    .filter((r) => r.kind === "equipment" && caseAllows(r, span, text, tokens, i, j));
  if (refs.length === 0) return undefined;
  return { start: tokens[i]!.start, end: last.end, text: `${span}s`, firstToken: i, lastToken: j, refs };
}

/** Designator-like tokens ("S-30PMU2", "Su-30MK") that miss the index by one edit. */
function fuzzyDesignators(text: string, tokens: Token[], kb: Kb, exact: Candidate[]): Candidate[] {
  const covered = new Set<number>();
  for (const c of exact) for (let t = c.firstToken; t <= c.lastToken; t++) covered.add(t);
  const out: Candidate[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (covered.has(i)) continue;
    // A designator is letters and digits together, possibly split by hyphens: take up to 3 joined tokens.
    let key = "";
    for (let j = i; j < Math.min(tokens.length, i + 3); j++) {
      if (j > i && !/^[-‐‑]$/.test(text.slice(tokens[j - 1]!.end, tokens[j]!.start))) break;
      key += tokens[j]!.norm;
      if (!/\d/.test(key) || !/\p{L}/u.test(key) || key.length < 5) continue;
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

/** Keeps the longest candidate at each position; ties keep the earlier one. */
function selectLongest(cands: Candidate[]): Candidate[] {
  cands.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const taken: Candidate[] = [];
  const used = new Uint8Array(cands.reduce((m, c) => Math.max(m, c.lastToken + 1), 0));
  for (const c of cands) {
    let free = true;
    for (let t = c.firstToken; t <= c.lastToken; t++) if (used[t]) free = false;
    if (!free) continue;
    for (let t = c.firstToken; t <= c.lastToken; t++) used[t] = 1;
    taken.push(c);
  }
  return taken.sort((a, b) => a.start - b.start);
}
