// Actors that no list names: "Pirates", "Gunmen", "Tajik border guards", "Nigerian Navy special forces".
// Reporting often gives only such a description of who acted; it is kept as an actor of its own (no
// knowledge-base id), with the country its demonym gives, so an event can say who without guessing a state.
import type { Kb } from "../../kb/kb.js";
import type { EntityTable } from "../entity-table.js";
import type { Token } from "../tokens.js";
import { classify, GROUP_WORD, type WordClasses } from "./word-classes.js";

/** Armed groups and forces described by their kind: one-word heads, as lower-case words. */
const HEAD_WORDS = new Set([
  "pirates",
  "gunmen",
  "militants",
  "insurgents",
  "rebels",
  "jihadists",
  "smugglers",
  "attackers",
  "assailants",
  "raiders",
  "mercenaries",
  "militiamen",
  "militias",
  "militia",
  "separatists",
  "guerrillas",
  "bandits",
  "extremists",
  "loyalists",
  "commandos",
  "marines",
  "paratroopers",
]);
/** Two-word heads, read as one. */
const TWO_WORD = new Set(["border guards", "special forces"]);
const TWO_WORD_FIRST = new Set([...TWO_WORD].map((w) => w.split(" ")[0]!));
classify(GROUP_WORD, [...HEAD_WORDS, ...TWO_WORD_FIRST]);
/** Words that may stand before the head: "suspected", "armed", "unidentified", "Islamist". */
const MODIFIER =
  /^(?:suspected|armed|unidentified|unknown|masked|heavily|islamist|separatist|rebel|jihadist|navy|naval|army|police)$/i;

/** The heads of a service's own units: "Navy special forces", "Army commandos". */
const UNIT_HEADS = new Set(["special", "commandos", "marines", "paratroopers"]);

/** Whether the catalog's actor is an army, navy, air force or marine corps. */
function isService(kb: Kb, id: string | undefined): boolean {
  const branch = id ? kb.actor(id)?.branch : undefined;
  return branch === "army" || branch === "navy" || branch === "air-force" || branch === "marines";
}

export function findGroups(
  text: string,
  tokens: Token[],
  classes: WordClasses,
  kb: Kb,
  table: EntityTable,
): void {
  for (let i = 0; i < tokens.length; i++) {
    if (classes[i]! & GROUP_WORD) i = groupAt(text, tokens, i, kb, table);
  }
}

/**
 * The described group whose head word is token i, added to the table; returns the last token read (the
 * head's). A function of its own because its closures would otherwise make V8 allocate their context for
 * every token of the loop above, group word or not.
 */
function groupAt(text: string, tokens: Token[], i: number, kb: Kb, table: EntityTable): number {
  const t = tokens[i]!;
  const pair = i + 1 < tokens.length && TWO_WORD_FIRST.has(t.norm) ? `${t.norm} ${tokens[i + 1]!.norm}` : "";
  const two = TWO_WORD.has(pair) && /^\s$/.test(text.slice(t.end, tokens[i + 1]!.start));
  const headEnd = two ? i + 1 : i;
  if (!two && !(HEAD_WORDS.has(t.norm) && /^[a-z]+$/i.test(t.text))) return i;
  // "Houthi rebels", "Hezbollah fighters": a named group is the actor already; but "Assad loyalists" are a
  // group named after a person, not the person
  // "Nigerian Navy special forces" are a unit of the service, a group of their own named with it
  const before = tokens[i - 1];
  /** where the person's or the service's name starts */
  let named: number | undefined;
  /** the service's entity id, and its country */
  let service: string | undefined;
  let cc: string | undefined;
  if (before) {
    for (const m of table.mentions) {
      if (m.start <= t.start && m.end >= t.end) return i;
      if (m.end !== before.end) continue;
      const e = table.get(m.entityId);
      if (e?.kind !== "actor") continue;
      if (!/^\s$/.test(text.slice(before.end, t.start))) return i;
      if (e.type === "military" && UNIT_HEADS.has(t.norm) && isService(kb, e.kbId)) {
        service = e.id;
        cc = e.countryCode;
        named = m.start;
        continue;
      }
      if (e.type !== "person") return i;
      named = m.start;
    }
  }
  // walk back over modifiers and at most one demonym ("Tajik", "Nigerian"), or to the person or service named
  let start = i;
  if (named !== undefined) {
    // the group's name opens with the person's or service's, whose mention goes: not the one acting (a
    // demonym inside the service's name stays, as in any group's)
    while (start > 0 && tokens[start]!.start > named) start--;
    table.removeMentionsWithin(named, before!.end, service);
  } else
    for (let k = i - 1; k >= 0 && i - k <= 3; k--) {
      const w = tokens[k]!;
      if (!/^\s$/.test(text.slice(w.end, tokens[k + 1]!.start)) || w.sentence !== t.sentence) break;
      const demonym = kb.lookup(w.norm).find((r) => r.kind === "demonym");
      if (demonym && w.cap) {
        cc = kb.places[demonym.index]!.cc ?? undefined;
        start = k;
        continue;
      }
      if (MODIFIER.test(w.text)) {
        start = k;
        continue;
      }
      break;
    }
  const name = text.slice(tokens[start]!.start, tokens[headEnd]!.end);
  const from = tokens[start]!.start;
  const to = tokens[headEnd]!.end;
  table.add(
    `group:${name.toLowerCase()}`,
    () => ({
      kind: "actor",
      name,
      type: cc || /guard|forces|commandos|marines|paratroopers/i.test(name) ? "military" : "organisation",
      ...(cc ? { countryCode: cc } : {}),
      confidence: 0.6,
    }),
    {
      start: from,
      end: to,
      text: name,
      role: "literal",
      confidence: 0.6,
      evidence: [{ rule: "described-group", detail: cc ?? "no country" }],
    },
    t.sentence,
  );
  return headEnd;
}
