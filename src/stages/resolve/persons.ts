// People the knowledge base does not list, named with their title: "President Nikos Christodoulides",
// "Greek Prime Minister Kyriakos Mitsotakis", "Col. Ivan Petrenko", "spokesman Igor Konashenkov". Reporting
// names far more officials and officers than any list holds; each is kept as a person of its own (no
// knowledge-base id) with the title the text gives and the country a demonym or a country's name before
// the title gives, so an event or a source can say who. A later mention of the same surname alone
// ("Christodoulides said") is the same person.
import type { Kb } from "../../kb/kb.js";
import type { EntityTable, MentionRecord } from "../entity-table.js";
import { lowerBound } from "../lower-bound.js";
import type { Token } from "../tokens.js";
import { CALENDAR_WORDS } from "./lexicon.js";
import { classify, TITLE_WORD, type WordClasses } from "./word-classes.js";

/** The last word of a title, which the name follows: "Minister" in "Defence Minister Pal Jonson". */
const TITLE_HEADS = new Set([
  "president",
  "minister",
  "premier",
  "chancellor",
  "secretary",
  "king",
  "queen",
  "prince",
  "emir",
  "sheikh",
  "ayatollah",
  "sultan",
  "general",
  "gen",
  "colonel",
  "col",
  "major",
  "maj",
  "captain",
  "capt",
  "admiral",
  "adm",
  "commander",
  "cmdr",
  "sergeant",
  "sgt",
  "lieutenant",
  "lt",
  "brigadier",
  "marshal",
  "ambassador",
  "envoy",
  "spokesman",
  "spokeswoman",
  "spokesperson",
  "adviser",
  "advisor",
  "senator",
  "sen",
  "governor",
  "mayor",
  "commissioner",
  "chairman",
  "chairwoman",
  "mr",
  "mrs",
  "ms",
  "dr",
]);

/** Heads that news also writes in lower case before a name: "defence minister Pal Jonson". */
const LOWER_CASE_HEADS = new Set([
  "president",
  "minister",
  "spokesman",
  "spokeswoman",
  "spokesperson",
  "ambassador",
  "envoy",
  "commander",
  "adviser",
  "advisor",
]);

/** Words of a title before its head: "Deputy Prime Minister", "Lt. Gen.", "Rear Admiral", "Foreign Minister". */
const TITLE_WORDS = new Set([
  ...TITLE_HEADS,
  "prime",
  "vice",
  "deputy",
  "acting",
  "defence",
  "defense",
  "foreign",
  "interior",
  "finance",
  "home",
  "security",
  "national",
  "rear",
  "air",
  "field",
  "chief",
  "supreme",
  "crown",
  "staff",
  "press",
  "first",
]);

/** Lower-case words inside a name: "Mohammed bin Salman", "Ursula von der Leyen", "Abu Mohammed al Jolani". */
const NAME_PARTICLES = new Set([
  "bin",
  "bint",
  "ibn",
  "al",
  "el",
  "abu",
  "de",
  "da",
  "do",
  "dos",
  "van",
  "von",
  "der",
  "den",
  "du",
  "la",
  "le",
  "di",
]);

classify(TITLE_WORD, TITLE_HEADS);

/** A word that may be part of a name: a capital, then letters or apostrophes ("O’Brien"). */
function nameWord(t: Token): boolean {
  return t.cap && /^\p{Lu}[\p{L}'’]*$/u.test(t.text);
}

/** Whether one space, or a hyphen alone, stands between two words of a name. */
function nameGap(text: string, a: Token, b: Token): boolean {
  if (b.sentence !== a.sentence) return false;
  const gap = text.slice(a.end, b.start);
  return gap === " " || gap === "-" || gap === ". ";
}

export function findTitledPersons(
  text: string,
  tokens: Token[],
  classes: WordClasses,
  kb: Kb,
  table: EntityTable,
): void {
  /** the people found, by surname (lower case), for the surname's later mentions */
  let surnames: Map<string, { key: string; first: number }> | undefined;
  /** the mentions read before, by position (the people found are added after them, and read none) */
  let before: Before | undefined;
  for (let i = 0; i < tokens.length; i++) {
    if (!(classes[i]! & TITLE_WORD)) continue;
    if (!before) {
      const sorted = [...table.sorted()];
      before = { sorted, longest: sorted.reduce((n, m) => Math.max(n, m.end - m.start), 0) };
    }
    const found = personAt(text, tokens, i, kb, table, before);
    if (!found) continue;
    i = found.last;
    if (found.surname) (surnames ??= new Map()).set(found.surname, { key: found.key, first: found.last });
  }
  if (surnames) addSurnames(text, tokens, kb, table, surnames);
}

/**
 * The person named after the title whose head is token i, added to the table. Returns the name's last token,
 * the entity's key and its surname (when the name has two words or more).
 */
function personAt(
  text: string,
  tokens: Token[],
  i: number,
  kb: Kb,
  table: EntityTable,
  before: Before,
): { last: number; key: string; surname?: string } | undefined {
  let head = i;
  // the head may open a longer title: "Secretary General Mark Rutte", "Major General", "Minister President"
  while (
    head + 1 < tokens.length &&
    TITLE_WORDS.has(tokens[head + 1]!.norm) &&
    tokens[head + 1]!.cap &&
    titleGap(text, tokens[head]!, tokens[head + 1]!)
  )
    head++;
  const h = tokens[head]!;
  if (!TITLE_HEADS.has(h.norm)) return undefined;
  if (!h.cap && !LOWER_CASE_HEADS.has(h.norm)) return undefined;
  // the name: capitalised words, with particles inside, at most five
  const first = head + 1;
  let last = -1;
  for (let j = first; j < tokens.length && j - first < 5; j++) {
    const t = tokens[j]!;
    if (j > first && !nameGap(text, tokens[j - 1]!, t)) break;
    if (nameWord(t) && !CALENDAR_WORDS.has(t.norm)) {
      last = j;
      continue;
    }
    if (j > first && NAME_PARTICLES.has(t.text)) continue;
    break;
  }
  if (last < 0 || !titleGap(text, h, tokens[first]!)) return undefined;
  const start = tokens[first]!.start;
  const end = tokens[last]!.end;
  // a name the knowledge base knows ("President Putin"), or any other reading of those words, stands
  const ms = before.sorted;
  for (let j = firstReaching(before, start); j < ms.length && ms[j]!.start < end; j++)
    if (ms[j]!.end > start) return undefined;
  if (kb.common.has(tokens[first]!.norm) && first === last) return undefined;
  // the title's first word, back over its modifiers; then the country of a demonym or country before it
  let from = i;
  while (
    from > 0 &&
    TITLE_WORDS.has(tokens[from - 1]!.norm) &&
    tokens[from - 1]!.cap === h.cap &&
    titleGap(text, tokens[from - 1]!, tokens[from]!)
  )
    from--;
  const title = text.slice(tokens[from]!.start, h.end).replace(/\s+/g, " ");
  const cc = countryBefore(text, tokens, from, kb, table, before);
  const name = text.slice(start, end);
  const key = `person:${name.toLowerCase()}`;
  table.add(
    key,
    () => ({
      kind: "actor",
      name,
      type: "person",
      ...(cc ? { countryCode: cc } : {}),
      title,
      confidence: 0.7,
    }),
    {
      start,
      end,
      text: name,
      role: "literal",
      confidence: 0.7,
      evidence: [{ rule: "titled-name", detail: title }],
    },
    tokens[first]!.sentence,
  );
  return { last, key, ...(last > first ? { surname: tokens[last]!.norm } : {}) };
}

/** The mentions read before the people, in order of start, with the length of the longest. */
interface Before {
  sorted: readonly MentionRecord[];
  longest: number;
}

/** The position of the first mention that may reach `at`: the first that starts at `at - longest` or after. */
function firstReaching(before: Before, at: number): number {
  return lowerBound(before.sorted, at - before.longest, mentionStart);
}

const mentionStart = (m: MentionRecord) => m.start;

/** One space, or a full stop and a space after an abbreviation ("Lt. Gen. Ivan"), within a sentence. */
function titleGap(text: string, a: Token, b: Token): boolean {
  const gap = text.slice(a.end, b.start);
  return gap === " " || (gap === ". " && a.text.length <= 4);
}

/** The country of the words just before a title: a demonym ("Greek"), or a country's name or its "'s". */
function countryBefore(
  text: string,
  tokens: Token[],
  from: number,
  kb: Kb,
  table: EntityTable,
  before: Before,
): string | undefined {
  if (from === 0) return undefined;
  const at = tokens[from]!.start;
  // the mentions that end at most three characters before the title
  const ms = before.sorted;
  for (let j = firstReaching(before, at - 3); j < ms.length && ms[j]!.start < at; j++) {
    const m = ms[j]!;
    if (m.end > at || at - m.end > 3 || !/^(?:['’]s)?\s$/.test(text.slice(m.end, at))) continue;
    const e = table.get(m.entityId);
    if (e && (e.kind === "place" || e.kind === "actor") && e.countryCode) return e.countryCode;
  }
  const prev = tokens[from - 1]!;
  if (!prev.cap || text.slice(prev.end, at) !== " ") return undefined;
  const demonym = kb.lookup(prev.norm).find((r) => r.kind === "demonym");
  return demonym ? (kb.places[demonym.index]!.cc ?? undefined) : undefined;
}

/** "Christodoulides said" after "President Nikos Christodoulides": the surname alone is the same person. */
function addSurnames(
  text: string,
  tokens: Token[],
  kb: Kb,
  table: EntityTable,
  surnames: Map<string, { key: string; first: number }>,
): void {
  const taken = table.sorted();
  let k = 0;
  for (let j = 0; j < tokens.length; j++) {
    const t = tokens[j]!;
    // (a name's word is capitalised: the others are not looked up)
    if (!t.cap) continue;
    const person = surnames.get(t.norm);
    if (!person || !nameWord(t) || j === person.first || kb.common.has(t.norm)) continue;
    // not inside another mention (the full name's own, or a place's)
    while (k < taken.length && taken[k]!.end <= t.start) k++;
    if (k < taken.length && taken[k]!.start < t.end) continue;
    // not a part of a longer name ("Manele Street"), nor after a given name of someone else
    const next = tokens[j + 1];
    if (next?.cap && nameGap(text, t, next)) continue;
    const before = tokens[j - 1];
    if (before?.cap && !before.sentenceStart && nameGap(text, before, t)) continue;
    const e = table.find(person.key);
    if (!e) continue;
    table.addMention(
      e,
      {
        start: t.start,
        end: t.end,
        text: t.text,
        role: "literal",
        confidence: 0.6,
        evidence: [{ rule: "surname-of-titled-name", detail: e.name }],
      },
      t.sentence,
    );
  }
}
