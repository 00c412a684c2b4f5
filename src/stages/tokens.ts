// Lossless tokenisation: every token keeps its offsets; sentence boundaries are offsets too.
import type { Span } from "../core/analysis.js";
import { fold } from "../kb/normalize.js";

export interface Token extends Span {
  text: string;
  /** folded form (lower case, no diacritics) */
  norm: string;
  /** starts with an upper-case letter */
  cap: boolean;
  /** all letters upper case (and at least two letters) */
  upper: boolean;
  /** index of the sentence the token is in */
  sentence: number;
  /** first token of its sentence */
  sentenceStart: boolean;
}

const TOKEN = /[\p{L}\p{N}\p{M}]+/gu;
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
  "jan",
  "feb",
  "mar",
  "apr",
  "jun",
  "jul",
  "aug",
  "sep",
  "sept",
  "oct",
  "nov",
  "dec",
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

export function tokenize(text: string): { tokens: Token[]; sentences: Span[] } {
  const tokens: Token[] = [];
  const sentences: Span[] = [];
  let sentence = 0;
  let sentenceStartOffset = 0;
  let newSentence = true;
  for (const m of text.matchAll(TOKEN)) {
    const start = m.index;
    const end = start + m[0].length;
    if (tokens.length > 0) {
      const prev = tokens[tokens.length - 1]!;
      const gap = text.slice(prev.end, start);
      if (isSentenceBreak(gap, prev, text[start]!)) {
        sentences.push({
          start: sentenceStartOffset,
          end: prev.end + (gap.match(/^[^\s]*/)?.[0].length ?? 0),
        });
        sentence++;
        sentenceStartOffset = start;
        newSentence = true;
      }
    } else sentenceStartOffset = start;
    const t = m[0];
    const letters = t.replace(/[^\p{L}]/gu, "");
    tokens.push({
      start,
      end,
      text: t,
      norm: fold(t),
      cap: /^\p{Lu}/u.test(t),
      upper: letters.length >= 2 && letters === letters.toUpperCase(),
      sentence,
      sentenceStart: newSentence,
    });
    newSentence = false;
  }
  if (tokens.length > 0) sentences.push({ start: sentenceStartOffset, end: tokens[tokens.length - 1]!.end });
  return { tokens, sentences };
}

function isSentenceBreak(gap: string, prev: Token, next: string): boolean {
  if (/\n\s*\n/.test(gap) || (gap.includes("\n") && !/[,;:]\s*\n/.test(gap))) return true;
  if (!/[.!?]/.test(gap)) return false;
  if (/[!?]/.test(gap)) return true;
  // "U.S. Navy", "Gen. Smith", "Oct. 5": a period after an abbreviation does not end a sentence
  // unless a capitalised word follows a long abbreviation list member at the end of a clause.
  if (/^\.\s+$/.test(gap) && ABBREVIATIONS.has(prev.norm) && prev.text.length <= 5) return false;
  if (/^\.$/.test(gap)) return false;
  return /\p{Lu}|\p{N}|["“'‘(]/u.test(next) || /\.\s*["”’]?\s+/.test(gap);
}
