// Kinds of actor a description names ("the navy", "the foreign ministry"), and a country's actor of a kind:
// read by the events stage for words that refer back ("the army will form") and by the resolver for a
// ministry named without its country ("the Ministry of Defence").
import type { Kb } from "../kb/kb.js";
import type { KbActor } from "../kb/types.js";

/** The fields of an actor a description is tested on. */
export interface KbActorLike {
  type: string;
  name: string;
  branch?: string;
}

/** A body of government that may be a ministry, by its name. */
const MINISTRY_BODY = /\b(?:ministry|department|secretariat|office)\b|\bglobal affairs\b/i;

/**
 * The kinds of ministry a description may name (by its first word), and what the name of a ministry of
 * that kind says: France's "Ministry of the Armed Forces" is its defence ministry, the "U.S. Department of
 * State" and India's "Ministry of External Affairs" foreign ministries.
 */
const MINISTRY_KINDS: Array<[string, RegExp]> = [
  [
    "foreign",
    /\bforeign(?:,| (?:ministry|office|affairs)\b)|\bexternal affairs\b|\bglobal affairs\b|\bdepartment of state\b/i,
  ],
  ["defen", /\bdefen[cs]e\b|\bministry of the (?:revolutionary )?armed forces\b/i],
  ["interior", /\binterior\b|\binternal affairs\b|\bhome (?:office|affairs)\b/i],
];

/**
 * What kind of actor a definite description names ("the navy": a navy), tested on the actor; `k` is the
 * kind in lower case with single spaces ("air force").
 */
export function describes(k: string, actor: KbActorLike): boolean {
  if (k === "government" || k === "junta") return actor.type === "government";
  if (k.endsWith("ministry")) {
    if (actor.type !== "government") return false;
    // a ministry of a kind may be a department or an office by name ("U.S. Department of Defense",
    // "Federal Foreign Office", "Global Affairs Canada"); "the ministry" alone is one called so
    const kind = MINISTRY_KINDS.find(([prefix]) => k.startsWith(prefix));
    if (!kind) return /\bministry\b/i.test(actor.name);
    return MINISTRY_BODY.test(actor.name) && kind[1].test(actor.name);
  }
  if (actor.type !== "military" || actor.branch === "paramilitary") return false;
  if (k === "navy") return actor.branch === "navy";
  if (k === "air force") return actor.branch === "air-force";
  if (k === "coast guard") return actor.branch === "coast-guard";
  // "the army", "the military", "the armed forces": a country's army or its armed forces
  return actor.branch === "army" || actor.branch === "armed-forces";
}

/** The country's actor a description names: for "the army", its army, else its armed forces. */
export function countryActorOfKind(kb: Kb, cc: string, kind: string): KbActor | undefined {
  // "the military", "the armed forces": the armed forces before one branch; "the army": the army
  const armedForces = /military|armed/.test(kind);
  let found: KbActor | undefined;
  for (const a of kb.actors) {
    if (a.cc !== cc || !describes(kind, a)) continue;
    if (!found || (armedForces ? a.branch === "armed-forces" : a.branch === "army")) found = a;
  }
  return found;
}
