// Military units named in the text: "the 810th Naval Infantry Brigade", "3rd Army Corps".
import type { EntityTable } from "../entity-table.js";
import type { Token } from "../tokens.js";
import { UNIT_NOUNS } from "./lexicon.js";
import { DIGIT_FIRST, type WordClasses } from "./word-classes.js";

const ORDINAL = /^\d+(st|nd|rd|th)$/i;

/**
 * `countryBefore(i)`: the country code of a country's name in the possessive or a demonym that ends right
 * before token i ("Russia's 1st Guards Tank Army", "the Ukrainian 47th Mechanized Brigade"), if one does.
 * `known(start, end)`: whether an actor's name already covers the span (no second, unit entity is made).
 */
export function findUnits(
  text: string,
  tokens: Token[],
  classes: WordClasses,
  table: EntityTable,
  countryBefore: (token: number) => string | undefined,
  known: (start: number, end: number) => boolean,
): void {
  for (let i = 0; i < tokens.length; i++) {
    // an ordinal opens with a digit (its norm's first character is its own: digits are not folded)
    if (!(classes[i]! & DIGIT_FIRST)) continue;
    const c = tokens[i]!.text.charCodeAt(0);
    if (c < 48 || c > 57 || !ORDINAL.test(tokens[i]!.text)) continue;
    let j = i + 1;
    while (j < tokens.length && j - i <= 5 && tokens[j]!.cap && !UNIT_NOUNS.has(tokens[j]!.norm)) j++;
    if (j >= tokens.length || !UNIT_NOUNS.has(tokens[j]!.norm) || !tokens[j]!.cap) continue;
    // "3rd Army Corps", "20th Combined Arms Army": unit nouns running on, in one name
    while (
      j + 1 < tokens.length &&
      tokens[j + 1]!.cap &&
      UNIT_NOUNS.has(tokens[j + 1]!.norm) &&
      tokens[j + 1]!.start === tokens[j]!.end + 1
    )
      j++;
    const start = tokens[i]!.start;
    const end = tokens[j]!.end;
    const name = text.slice(start, end);
    if (/\n/.test(name)) continue;
    // "the 101st Airborne Division": a unit the knowledge base knows is read as its actor already
    if (known(start, end)) {
      i = j;
      continue;
    }
    addUnit(table, name, start, end, tokens[i]!.sentence, countryBefore(i));
    i = j;
  }
}

/** A function of its own: its closure over the name inside the loop above would make V8 allocate a context for every token. */
function addUnit(
  table: EntityTable,
  name: string,
  start: number,
  end: number,
  sentence: number,
  cc: string | undefined,
): void {
  table.add(
    `unit:${name.toLowerCase()}`,
    () => ({ kind: "unit", name, confidence: 0.8, ...(cc ? { countryCode: cc } : {}) }),
    {
      start,
      end,
      text: name,
      role: "literal",
      confidence: 0.8,
      evidence: cc
        ? [{ rule: "ordinal-unit-noun" }, { rule: "country-of-unit", detail: cc }]
        : [{ rule: "ordinal-unit-noun" }],
    },
    sentence,
  );
}
