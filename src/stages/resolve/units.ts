// Military units named in the text: "the 810th Naval Infantry Brigade", "3rd Army Corps".
import type { EntityTable } from "../entity-table.js";
import type { Token } from "../tokens.js";
import { UNIT_NOUNS } from "./lexicon.js";

const ORDINAL = /^\d+(st|nd|rd|th)$/i;

export function findUnits(text: string, tokens: Token[], table: EntityTable): void {
  for (let i = 0; i < tokens.length; i++) {
    const c = tokens[i]!.text.charCodeAt(0);
    if (c < 48 || c > 57 || !ORDINAL.test(tokens[i]!.text)) continue; // an ordinal opens with a digit
    let j = i + 1;
    while (j < tokens.length && j - i <= 5 && tokens[j]!.cap && !UNIT_NOUNS.has(tokens[j]!.norm)) j++;
    if (j >= tokens.length || !UNIT_NOUNS.has(tokens[j]!.norm) || !tokens[j]!.cap) continue;
    const start = tokens[i]!.start;
    const end = tokens[j]!.end;
    const name = text.slice(start, end);
    if (/\n/.test(name)) continue;
    addUnit(table, name, start, end, tokens[i]!.sentence);
    i = j;
  }
}

/** A function of its own: its closure over the name inside the loop above would make V8 allocate a context for every token. */
function addUnit(table: EntityTable, name: string, start: number, end: number, sentence: number): void {
  table.add(
    `unit:${name.toLowerCase()}`,
    () => ({ kind: "unit", name, confidence: 0.8 }),
    { start, end, text: name, role: "literal", confidence: 0.8, evidence: [{ rule: "ordinal-unit-noun" }] },
    sentence,
  );
}
