// "post-apartheid SA", "across PNG", "NSW police": initials standing for a country or state the story
// names in full ("South Africa", "South Africans", "Papua New Guinea", "New South Wales"). They are read
// only then, and only when a single named place has those initials: "SA" alone may be South Africa, South
// Australia, Saudi Arabia or a company's legal form ("Renault SA"), and the gazetteer has no such alias.
import type { Entity } from "../../core/analysis.js";
import type { Kb } from "../../kb/kb.js";
import type { KbPlace } from "../../kb/types.js";
import type { EntityTable } from "../entity-table.js";
import type { Token } from "../tokens.js";
import { addPlaceEntity } from "./entity-builders.js";

/** Words a name's initials skip: "Bosnia and Herzegovina" is "BH". */
const SKIPPED = new Set(["and", "of", "the", "da", "de", "del", "do", "dos"]);

/**
 * The initials of a name of two to four capitalised words ("Papua New Guinea": "PNG"), else undefined. One
 * walk over the characters: asked of every mention of a country or state in a story with initials in it.
 */
export function initialsOf(name: string): string | undefined {
  let s = "";
  let words = 0;
  const n = name.length;
  let i = 0;
  while (i < n) {
    // a word runs to the next space or hyphen
    let j = i;
    while (j < n && !isBreak(name.charCodeAt(j))) j++;
    if (j > i && !(j - i <= 3 && SKIPPED.has(name.slice(i, j)))) {
      const c = name.charCodeAt(i);
      if (c < 65 || c > 90) return undefined;
      if (++words > 4) return undefined;
      s += name[i];
    }
    i = j + 1;
  }
  return words >= 2 ? s : undefined;
}

/** A space or a hyphen: what separates a name's words. */
const isBreak = (c: number) => c === 32 || c === 45 || c === 9 || c === 10 || c === 160;

/** initialsOf() of a gazetteer entry's name, worked out once per entry. */
const placeInitials = new WeakMap<KbPlace, string | null>();
function initialsOfPlace(p: KbPlace): string | undefined {
  let i = placeInitials.get(p);
  if (i === undefined) {
    i = initialsOf(p.name) ?? null;
    placeInitials.set(p, i);
  }
  return i ?? undefined;
}

/** Words that open a sentence before initials standing for a place ("That SA holds"; not "Renault SA said"). */
const OPENERS = new Set(
  "the that in across but and while as for with since of from to at by on if when yet so throughout all now".split(
    " ",
  ),
);

/** Initials as a token: two to four capital letters A-Z. */
const INITIALS = /^[A-Z]{2,4}$/;

/**
 * Adds, for each token written as initials that no mention covers, the country or state of the story whose
 * name (as the gazetteer or the text writes it) has those initials, when one alone has. A token right after
 * a capitalised word is a name's part ("Renault SA"), not read, unless that word opens the sentence and is
 * one that opens sentences ("That SA holds").
 */
export function findInitials(text: string, tokens: readonly Token[], kb: Kb, table: EntityTable): void {
  // (the tokens in capitals first, asked of the token's flag: most stories name no place by its initials)
  let wanted: number[] | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.upper && t.text.length <= 4 && INITIALS.test(t.text)) (wanted ??= []).push(i);
  }
  if (!wanted) return;
  // the initials of the countries and states the story names, each with its place (null: two places have them)
  const named = new Map<string, KbPlace | null>();
  const note = (initials: string | undefined, p: KbPlace) => {
    if (!initials) return;
    const had = named.get(initials);
    named.set(initials, had === undefined || had === p ? p : null);
  };
  for (const e of table.list) {
    const p = namedPlace(kb, e);
    if (!p) continue;
    note(initialsOfPlace(p), p);
    // the text's own words: "South Africans", "the Democratic Republic of Congo"
    for (const m of e.mentions) if (m.text !== p.name) note(initialsOf(m.text), p);
  }
  if (named.size === 0) return;
  for (const i of wanted) {
    const t = tokens[i]!;
    const p = named.get(t.text);
    if (!p || covered(table, t.start, t.end)) continue;
    const prev = tokens[i - 1];
    if (
      prev &&
      !t.sentenceStart &&
      prev.cap &&
      text.slice(prev.end, t.start) === " " &&
      !(prev.sentenceStart && OPENERS.has(prev.norm))
    )
      continue;
    addPlaceEntity(
      table,
      p,
      {
        start: t.start,
        end: t.end,
        text: t.text,
        role: "literal",
        confidence: 0.75,
        evidence: [{ rule: "initials-of-named-place", detail: p.name }],
      },
      t.sentence,
    );
  }
}

/** The country or state an entity is: a place of either type, or a state's government ("state-ZA"). */
function namedPlace(kb: Kb, e: Entity): KbPlace | undefined {
  if (!e.kbId) return undefined;
  if (e.kind === "place")
    return e.featureType === "country" || e.featureType === "admin1" ? kb.place(e.kbId) : undefined;
  if (e.kind === "actor" && e.kbId.startsWith("state-") && e.countryCode)
    return kb.place(`country-${e.countryCode}`);
  return undefined;
}

function covered(table: EntityTable, start: number, end: number): boolean {
  for (const m of table.mentions) if (m.start < end && start < m.end) return true;
  return false;
}
