// "the Ukrainian capital", "Syria's capital", "the U.S. capital": news names a capital by its country as
// often as by its name. Such a phrase is a mention of the capital city, worked out from the country the
// resolver read in it; the country keeps its own mention.
import type { Kb } from "../../kb/kb.js";
import type { KbPlace } from "../../kb/types.js";
import type { EntityTable, MentionRecord } from "../entity-table.js";
import type { Token } from "../tokens.js";
import { addPlaceEntity } from "./entity-builders.js";
import { CAPITAL_WORD, classify, type WordClasses } from "./word-classes.js";

classify(CAPITAL_WORD, ["capital"]);

/** Words after "capital" that make it money or a kind of thing: "Chinese capital markets", "capital ships". */
const NOT_A_CITY_AFTER = new Set([
  "markets",
  "market",
  "flight",
  "flows",
  "inflows",
  "outflows",
  "investment",
  "investments",
  "spending",
  "expenditure",
  "gains",
  "requirements",
  "controls",
  "goods",
  "ships",
  "ship",
  "punishment",
  "letter",
  "letters",
  "stock",
  "base",
]);

/** The capital city of each country (the most populous where a country has several), per KB. */
const CAPITALS = new WeakMap<Kb, Map<string, KbPlace>>();

function capitalOf(kb: Kb, cc: string): KbPlace | undefined {
  let m = CAPITALS.get(kb);
  if (!m) {
    m = new Map();
    for (const p of kb.places) {
      if (p.type !== "capital" || !p.cc) continue;
      const had = m.get(p.cc);
      if (!had || p.pop > had.pop) m.set(p.cc, p);
    }
    CAPITALS.set(kb, m);
  }
  return m.get(cc);
}

/**
 * Finds "the <demonym or country> capital" and "<country>'s capital" after a mention of a country, and adds
 * the capital city as a place mentioned there (the phrase's span, from the country's mention to "capital").
 */
export function findCapitalPhrases(
  text: string,
  tokens: Token[],
  classes: WordClasses,
  kb: Kb,
  table: EntityTable,
): void {
  // most documents have no "capital" word, so it is looked for first, among the tokens' word classes
  // (the bit is set for the word "capital" only: no string compared at every token)
  let capitals: number[] | undefined;
  for (let i = 1; i < tokens.length; i++) if (classes[i]! & CAPITAL_WORD) (capitals ??= []).push(i);
  if (!capitals) return;
  // the mentions of countries, each with its country's code
  const countries: Array<{ m: MentionRecord; cc: string }> = [];
  for (const m of table.mentions) {
    const e = table.get(m.entityId);
    if (
      e?.kind === "place" &&
      e.featureType === "country" &&
      e.countryCode &&
      (m.role === "demonym" || m.role === "literal")
    )
      countries.push({ m, cc: e.countryCode });
  }
  for (const i of capitals) {
    const cap = tokens[i]!;
    const after = tokens[i + 1];
    if (after && after.sentence === cap.sentence && NOT_A_CITY_AFTER.has(after.norm)) continue;
    // the country's mention ends right before: "Ukrainian capital", "Syria's capital", "U.S. capital"
    const found = countries.find(
      ({ m }) =>
        m.end < cap.start && cap.start - m.end <= 3 && /^(?:\.|['’]s)?\s$/.test(text.slice(m.end, cap.start)),
    );
    if (!found) continue;
    const { m: country, cc } = found;
    // "the Ukrainian capital", not "Chinese capital poured in"; a possessive needs no article
    const possessive = /^['’]s/.test(text.slice(country.end, country.end + 2));
    if (!possessive && !/\bthe\s+$/i.test(text.slice(Math.max(0, country.start - 5), country.start)))
      continue;
    const city = capitalOf(kb, cc);
    if (!city) continue;
    addPlaceEntity(
      table,
      city,
      {
        start: country.start,
        end: cap.end,
        text: text.slice(country.start, cap.end),
        role: "literal",
        confidence: 0.9,
        evidence: [{ rule: "capital-named-by-its-country", detail: `${cc} -> ${city.id}` }],
      },
      cap.sentence,
    );
  }
}
