// Named ships: "the frigate Admiral Golovko", "the aircraft carrier Shandong", "the Kilo-class submarine
// Krasnodar", "USS Gravely". The name is a vessel of the class named before it, not the city, province or
// person it is named after, so any place or actor reading of those words gives way.
import type { Kb } from "../../kb/kb.js";
import { compactKey } from "../../kb/normalize.js";
import { countryActorOfKind } from "../actor-kinds.js";
import type { EntityTable } from "../entity-table.js";
import type { Token } from "../tokens.js";
import { addActorEntity } from "./entity-builders.js";
import { classify, SHIP_WORD, type WordClasses } from "./word-classes.js";

/** Ship-type nouns (one or two words, folded) and the generic catalog class each stands for. */
const SHIP_NOUNS = new Map<string, string>([
  ["aircraft carrier", "class-aircraft-carrier"],
  ["carrier", "class-aircraft-carrier"],
  ["destroyer", "class-destroyer"],
  ["frigate", "class-frigate"],
  ["corvette", "class-corvette"],
  ["cruiser", "class-cruiser"],
  ["submarine", "class-submarine"],
  ["landing ship", "class-landing-ship"],
  ["assault ship", "class-amphibious-assault-ship"],
  ["patrol ship", "class-patrol-boat"],
  ["patrol vessel", "class-patrol-boat"],
  ["patrol boat", "class-patrol-boat"],
  ["minesweeper", "class-minesweeper"],
  ["warship", "class-warship"],
  ["flagship", "class-warship"],
]);

/**
 * Words that make "carrier" (or another ship noun) a merchant ship's: "the bulk carrier Eternity Star",
 * "an LNG carrier", "a car carrier", "the cargo ship": no warship of the catalog's.
 */
const MERCHANT_BEFORE = new Set([
  "bulk",
  "car",
  "vehicle",
  "lng",
  "lpg",
  "gas",
  "ore",
  "oil",
  "crude",
  "chemical",
  "product",
  "products",
  "cargo",
  "container",
  "livestock",
  "cement",
]);

/** First words of the two-word ship nouns ("aircraft" of "aircraft carrier"). */
const FIRST_WORDS = new Set(
  [...SHIP_NOUNS.keys()].filter((k) => k.includes(" ")).map((k) => k.split(" ")[0]!),
);

/**
 * Navy ship prefixes ("USS", "HMS", "INS"...) and the country whose navy each names (INS is India's; Israel
 * writes its ships without one in English; CNS is China's and Chile's both).
 */
const PREFIX_COUNTRIES: Record<string, string | undefined> = {
  uss: "US",
  hms: "GB",
  hmcs: "CA",
  hmas: "AU",
  hmnzs: "NZ",
  ins: "IN",
  cns: undefined,
  rfs: "RU",
  js: "JP",
  roks: "KR",
  tcg: "TR",
  fs: "FR",
  its: "IT",
  brp: "PH",
  kri: "ID",
  pns: "PK",
  ara: "AR",
  nrp: "PT",
  hnlms: "NL",
  hdms: "DK",
  knm: "NO",
  hswms: "SE",
  orp: "PL",
  sps: "ES",
  esps: "ES",
  fgs: "DE",
  ens: "EG",
  arv: "VE",
  bns: "BD",
  rss: "SG",
  kd: "MY",
};

const PREFIXES = new Set(Object.keys(PREFIX_COUNTRIES));

classify(SHIP_WORD, [...SHIP_NOUNS.keys(), ...FIRST_WORDS, ...PREFIXES]);

/** The prefix's navy (else its state) as an actor named on the prefix: "USS" is the US Navy's. */
function addPrefixOwner(kb: Kb, table: EntityTable, prefix: Token, sentence: number): void {
  const cc = PREFIX_COUNTRIES[prefix.norm];
  if (cc) addNavy(kb, table, cc, prefix, 0.8, "ship-prefix", "", sentence);
}

/**
 * The navy of a country (else its state) as an actor named, as a modifier, on the words that say whose
 * the ship is: its prefix, or its name. The evidence's detail is `detail` and the navy's id.
 */
function addNavy(
  kb: Kb,
  table: EntityTable,
  cc: string,
  span: { start: number; end: number; text: string },
  confidence: number,
  rule: string,
  detail: string,
  sentence: number,
): void {
  const navy = countryActorOfKind(kb, cc, "navy") ?? kb.actor(`state-${cc}`);
  if (!navy) return;
  addActorEntity(
    kb,
    table,
    navy,
    {
      start: span.start,
      end: span.end,
      text: span.text,
      role: "modifier",
      confidence,
      evidence: [{ rule, detail: `${detail}${navy.id}` }],
    },
    sentence,
  );
}

/**
 * The catalog's class of a ship named without one: the class it leads ("the carrier Admiral Kuznetsov" is
 * of the Admiral Kuznetsov class, "USS Gerald R. Ford" of the Gerald R. Ford class), or the one the catalog
 * names by the ship and its noun ("the carrier Shandong": "Shandong carrier", the Type 002).
 */
function classOfShipNamed(kb: Kb, name: string, noun: string): string | undefined {
  for (const key of [name, `${name}-class`, ...(noun ? [`${name} ${noun}`] : [])]) {
    for (const r of kb.lookup(compactKey(key))) {
      if (r.kind !== "equipment") continue;
      const e = kb.equipment[r.index]!;
      if (e.category === "ship" || e.category === "submarine") return e.id;
    }
  }
  return undefined;
}

/**
 * "The carrier Admiral Kuznetsov left Murmansk": a ship of a class only one navy sails is that navy's, as
 * the prefix of "USS Carney" is the US Navy's. Read on the ship's name, as a modifier, with less confidence
 * than a prefix (a ship may change hands).
 */
function addOperatorNavy(
  kb: Kb,
  table: EntityTable,
  span: { start: number; end: number; text: string },
  catalogId: string,
  sentence: number,
): void {
  const entry = kb.equipmentEntry(catalogId);
  if (!entry || catalogId.startsWith("class-") || entry.operators.length !== 1) return;
  addNavy(kb, table, entry.operators[0]!, span, 0.6, "ship-class-operator", `${catalogId}: `, sentence);
}

/** Capitalised words that open a clause rather than a ship's name. */
const NOT_NAMES = new Set([
  "the",
  "a",
  "an",
  "and",
  "in",
  "on",
  "at",
  "of",
  "off",
  "near",
  "was",
  "which",
  "that",
]);

export function findVessels(
  text: string,
  tokens: Token[],
  classes: WordClasses,
  kb: Kb,
  table: EntityTable,
): void {
  const before = vesselsAdded;
  for (let i = 0; i < tokens.length; i++) {
    if (!(classes[i]! & SHIP_WORD)) continue;
    const t = tokens[i]!;
    let cls: string | undefined;
    let nameStart = -1;
    let prefix: Token | undefined;
    if (PREFIXES.has(t.norm) && t.upper) {
      cls = "class-warship";
      nameStart = i + 1;
    } else {
      // only a word that opens a two-word ship noun can start one: no string is built for the others
      const two = i + 1 < tokens.length && FIRST_WORDS.has(t.norm) ? `${t.norm} ${tokens[i + 1]!.norm}` : "";
      if (SHIP_NOUNS.has(two) && spaceBetween(text, t, tokens[i + 1]!)) {
        cls = SHIP_NOUNS.get(two);
        nameStart = i + 2;
      } else if (SHIP_NOUNS.has(t.norm) && !t.cap && !MERCHANT_BEFORE.has(tokens[i - 1]?.norm ?? "")) {
        cls = SHIP_NOUNS.get(t.norm);
        nameStart = i + 1;
      }
      // "the frigate USS Gravely": the prefix is part of the name
      if (nameStart > 0 && PREFIXES.has(tokens[nameStart]?.norm ?? "") && tokens[nameStart]!.upper) {
        prefix = tokens[nameStart];
        nameStart++;
      }
    }
    if (cls && nameStart === i + 1 && !PREFIXES.has(t.norm)) {
      appositive(text, tokens, kb, table, i, cls);
      nameBeforeNoun(text, tokens, kb, table, i, cls);
      nameAfterComma(text, tokens, kb, table, i, cls);
    }
    if (!cls || nameStart <= 0 || nameStart >= tokens.length) continue;
    let end = nameStart;
    while (
      end < tokens.length &&
      end - nameStart < 6 &&
      tokens[end]!.cap &&
      !NOT_NAMES.has(tokens[end]!.norm) &&
      tokens[end]!.sentence === t.sentence &&
      (spaceBetween(text, tokens[end - 1]!, tokens[end]!) ||
        (end > nameStart && afterInitial(text, tokens[end - 1]!, tokens[end]!)))
    ) {
      end++;
      // "HMS Prince of Wales", "Admiral of the Fleet Kuznetsov": "of" (and "the") inside the name
      const of = ofInName(text, tokens, end, table);
      if (of > end) end = of;
    }
    // (a name ends on a capitalised word, not on "of" or "the")
    while (end > nameStart && !tokens[end - 1]!.cap) end--;
    if (end === nameStart) continue;
    // (the prefix, whose navy the ship is: "USS Gravely")
    const owner = PREFIXES.has(t.norm) ? t : prefix;
    const first = owner ?? tokens[nameStart]!;
    const start = first.start;
    const stop = tokens[end - 1]!.end;
    const name = text.slice(start, stop);
    const shipName = text.slice(tokens[nameStart]!.start, stop);
    const nounText = text.slice(t.start, tokens[nameStart - 1]!.end);
    const catalogId =
      classNamedBefore(table, t) ??
      classOfShipNamed(kb, shipName, PREFIXES.has(t.norm) ? "" : nounText) ??
      cls;
    if (
      !addVessel(kb, table, { start, end: stop, name, catalogId, sentence: t.sentence }, 0.8, "named-vessel")
    )
      continue;
    if (owner) addPrefixOwner(kb, table, owner, t.sentence);
    else addOperatorNavy(kb, table, { start, end: stop, text: name }, catalogId, t.sentence);
    i = end - 1;
  }
  // (only a ship named here is named again: most stories name none, and their mentions are not read)
  if (vesselsAdded !== before) followUps(text, tokens, kb, table);
}

/**
 * "the cruiser Moskva ... The Moskva sank": a ship's name written again later, without its noun or prefix,
 * is the same ship, not the city or person it is named after.
 */
function followUps(text: string, tokens: Token[], kb: Kb, table: EntityTable): void {
  const vessels = table.mentions.filter((m) => m.evidence[0]?.rule.startsWith("named-vessel"));
  for (const v of vessels) {
    const e = table.get(v.entityId);
    if (e?.kind !== "equipment") continue;
    // the name's words, less a prefix ("USS Gravely" is "Gravely" again)
    const words = tokens.filter((t) => t.start >= v.start && t.end <= v.end);
    if (words.length > 1 && PREFIXES.has(words[0]!.norm) && words[0]!.upper) words.shift();
    if (words.length === 0 || !words.every((t) => t.cap)) continue;
    // ("USS Texas", "USS America": "Texas" and "America" alone stay the state and the country)
    if (namesMore(kb, text.slice(words[0]!.start, words[words.length - 1]!.end))) continue;
    for (let i = 0; i + words.length <= tokens.length; i++) {
      const t = tokens[i]!;
      if (t.start < v.end || t.norm !== words[0]!.norm || !t.cap) continue;
      let k = 1;
      while (
        k < words.length &&
        tokens[i + k]!.norm === words[k]!.norm &&
        spaceBetween(text, tokens[i + k - 1]!, tokens[i + k]!)
      )
        k++;
      if (k < words.length) continue;
      // a longer name that goes on ("Moskva River") is another thing
      const next = tokens[i + k];
      if (next?.cap && spaceBetween(text, tokens[i + k - 1]!, next)) continue;
      const start = t.start;
      const end = tokens[i + k - 1]!.end;
      if (
        table.mentions.some(
          (m) => m.start < end && start < m.end && m.evidence[0]?.rule.startsWith("named-vessel"),
        )
      )
        continue;
      addVessel(
        kb,
        table,
        { start, end, name: e.name, catalogId: e.catalogId, sentence: t.sentence },
        0.7,
        "named-vessel-again",
      );
    }
  }
}

/**
 * The class named just before the ship noun ("Kilo-class submarine Krasnodar"), more precise than the noun.
 * A function of its own: a closure over the noun's token inside findVessels' loop would make V8 allocate
 * its context for every token.
 */
function classNamedBefore(table: EntityTable, t: Token): string | undefined {
  const before = table.mentions.find((m) => {
    const e = table.get(m.entityId);
    // "Kilo-class" before "submarine", or "Kilo-class submarine" as one name
    return (
      m.start < t.start && m.end >= t.start - 2 && m.end <= t.end && e?.kind === "equipment" && !e.generic
    );
  });
  const beforeEntity = before ? table.get(before.entityId) : undefined;
  return beforeEntity?.kind === "equipment" && !beforeEntity.generic ? beforeEntity.catalogId : undefined;
}

/** "The Admiral Kasatonov, a Project 22350 frigate, arrived": the name before ", a ... frigate". */
function appositive(
  text: string,
  tokens: Token[],
  kb: Kb,
  table: EntityTable,
  noun: number,
  cls: string,
): void {
  let k = noun - 1;
  while (k > noun - 6 && k >= 0 && !/^(?:a|an)$/.test(tokens[k]!.norm)) k--;
  if (k < 1 || !/^(?:a|an)$/.test(tokens[k]!.norm)) return;
  const last = tokens[k - 1]!;
  if (text.slice(last.end, tokens[k]!.start) !== ", " || last.sentence !== tokens[noun]!.sentence) return;
  let first = k - 1;
  while (first > k - 4 && first > 0 && tokens[first - 1]!.cap && !tokens[first - 1]!.sentenceStart) first--;
  if (
    first > 0 &&
    tokens[first - 1]!.cap &&
    tokens[first - 1]!.sentenceStart &&
    tokens[first - 1]!.norm !== "the"
  )
    first--;
  const names = tokens.slice(first, k);
  if (names.length === 0 || names.some((x) => !x.cap || NOT_NAMES.has(x.norm))) return;
  const start = names[0]!.start;
  const end = last.end;
  // a class named inside the apposition ("a Project 22350 frigate") is more precise than the noun
  const inner = table.mentions.find(
    (m) =>
      m.start >= tokens[k]!.end &&
      m.end <= tokens[noun]!.start &&
      table.get(m.entityId)?.kind === "equipment",
  );
  const innerEntity = inner ? table.get(inner.entityId) : undefined;
  const catalogId = innerEntity?.kind === "equipment" && !innerEntity.generic ? innerEntity.catalogId : cls;
  addVessel(
    kb,
    table,
    { start, end, name: text.slice(start, end), catalogId, sentence: names[0]!.sentence },
    0.75,
    "named-vessel-apposition",
  );
}

/** Capitalised words of a ship's owner, not its name: "the Navy destroyer", "the Coast Guard cutter". */
const OWNER_WORDS = new Set([
  "navy",
  "army",
  "fleet",
  "coast",
  "guard",
  "naval",
  "marine",
  "marines",
  "military",
]);

/**
 * Whether tokens first..last may be a ship's name: capitalised, one space apart, in one sentence, and read
 * as no equipment, demonym or origin ("the Kilo-class submarine", "the Russian submarine" are no names).
 */
function mayName(
  text: string,
  tokens: Token[],
  kb: Kb,
  table: EntityTable,
  first: number,
  last: number,
): boolean {
  for (let k = first; k <= last; k++) {
    const t = tokens[k]!;
    if (!t.cap || NOT_NAMES.has(t.norm) || OWNER_WORDS.has(t.norm) || t.sentence !== tokens[first]!.sentence)
      return false;
    if (k > first && !spaceBetween(text, tokens[k - 1]!, t)) return false;
  }
  const start = tokens[first]!.start;
  const end = tokens[last]!.end;
  for (const m of table.mentions) {
    if (m.end <= start || m.start >= end) continue;
    if (m.role === "demonym" || m.role === "modifier" || table.get(m.entityId)?.kind === "equipment")
      return false;
  }
  // (places are not in the table yet: the name's own readings are asked)
  for (const r of kb.lookup(compactKey(text.slice(start, end)))) {
    if (r.kind === "demonym" || r.kind === "actor" || r.kind === "metonym" || r.kind === "equipment")
      return false;
    if (r.kind === "place" && kb.places[r.index]!.type === "country") return false;
  }
  return true;
}

/** Whether a name is also a country's, a state's or province's, an actor's or a people's. */
function namesMore(kb: Kb, name: string): boolean {
  for (const r of kb.lookup(compactKey(name))) {
    if (r.kind === "demonym" || r.kind === "actor" || r.kind === "metonym") return true;
    if (
      r.kind === "place" &&
      (kb.places[r.index]!.type === "country" || kb.places[r.index]!.type === "admin1")
    )
      return true;
  }
  return false;
}

/** "The Kazan submarine docked", "the Moskva cruiser": "the", a name, then the ship noun. */
function nameBeforeNoun(
  text: string,
  tokens: Token[],
  kb: Kb,
  table: EntityTable,
  noun: number,
  cls: string,
): void {
  // the name: one or two words right before the noun, "the" before them
  for (let first = noun - 1; first >= Math.max(1, noun - 2); first--) {
    if (tokens[first - 1]!.norm !== "the" || !spaceBetween(text, tokens[first - 1]!, tokens[first]!))
      continue;
    if (!spaceBetween(text, tokens[noun - 1]!, tokens[noun]!)) return;
    if (!mayName(text, tokens, kb, table, first, noun - 1)) return;
    const start = tokens[first]!.start;
    const end = tokens[noun - 1]!.end;
    addVessel(
      kb,
      table,
      { start, end, name: text.slice(start, end), catalogId: cls, sentence: tokens[noun]!.sentence },
      0.7,
      "named-vessel-before-noun",
    );
    return;
  }
}

/** "a nuclear-powered submarine, the Kazan, docked": the name in commas after the noun. */
function nameAfterComma(
  text: string,
  tokens: Token[],
  kb: Kb,
  table: EntityTable,
  noun: number,
  cls: string,
): void {
  const the = tokens[noun + 1];
  if (the?.norm !== "the" || text.slice(tokens[noun]!.end, the.start) !== ", ") return;
  let last = noun + 2;
  while (
    last + 1 < tokens.length &&
    last < noun + 4 &&
    tokens[last + 1]!.cap &&
    spaceBetween(text, tokens[last]!, tokens[last + 1]!)
  )
    last++;
  const after = tokens[last + 1];
  if (!after || !/^\s*[,;.]/.test(text.slice(tokens[last]!.end, after.start + 1))) return;
  if (!mayName(text, tokens, kb, table, noun + 2, last)) return;
  const start = tokens[noun + 2]!.start;
  const end = tokens[last]!.end;
  addVessel(
    kb,
    table,
    { start, end, name: text.slice(start, end), catalogId: cls, sentence: tokens[noun]!.sentence },
    0.75,
    "named-vessel-after-comma",
  );
}

/** Adds the vessel as equipment of its class, taking back any place or actor reading of its name. */
/** How many ships addVessel has named, in all documents: findVessels reads whether it named one. */
let vesselsAdded = 0;

function addVessel(
  kb: Kb,
  table: EntityTable,
  v: { start: number; end: number; name: string; catalogId: string; sentence: number },
  confidence: number,
  rule: string,
): boolean {
  const entry = kb.equipmentEntry(v.catalogId);
  if (!entry) return false;
  table.removeMentionsWithin(v.start, v.end);
  table.add(
    `vessel:${v.name.toLowerCase()}`,
    () => ({
      kind: "equipment",
      name: v.name,
      catalogId: v.catalogId,
      category: entry.category,
      confidence,
      ...(entry.origin ? { origin: entry.origin } : {}),
    }),
    {
      start: v.start,
      end: v.end,
      text: v.name,
      role: "literal",
      confidence,
      evidence: [{ rule, detail: v.catalogId }],
    },
    v.sentence,
  );
  vesselsAdded++;
  return true;
}

/**
 * Where the name goes on when token `at` is "of" (maybe with "the") before a capitalised word, one space
 * apart each, that opens no actor's name: that word's position; else `at`.
 */
function ofInName(text: string, tokens: Token[], at: number, table: EntityTable): number {
  const of = tokens[at];
  if (of?.text !== "of" || !spaceBetween(text, tokens[at - 1]!, of)) return at;
  let k = at + 1;
  if (tokens[k]?.text === "the" && spaceBetween(text, of, tokens[k]!)) k++;
  const next = tokens[k];
  if (!next?.cap || next.sentence !== of.sentence || !spaceBetween(text, tokens[k - 1]!, next)) return at;
  // "HMS Queen Elizabeth of the Royal Navy": the owner the knowledge base knows is not the name
  for (const m of table.mentions)
    if (m.start === next.start && table.get(m.entityId)?.kind === "actor") return at;
  return k;
}

/** "Gerald R. Ford", "George H.W. Bush": the word after an initial and its full stop. */
function afterInitial(text: string, a: Token, b: Token): boolean {
  return a.text.length === 1 && a.cap && /^\. ?$/.test(text.slice(a.end, b.start));
}

function spaceBetween(text: string, a: Token, b: Token): boolean {
  return /^[ \t]$/.test(text.slice(a.end, b.start));
}
