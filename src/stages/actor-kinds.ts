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

/**
 * What kind of actor a definite description names ("the navy": a navy), tested on the actor; `k` is the
 * kind in lower case with single spaces ("air force").
 */
export function describes(k: string, actor: KbActorLike): boolean {
  if (k === "government" || k === "junta") return actor.type === "government";
  if (k.endsWith("ministry")) {
    if (actor.type !== "government" || !/\bministry\b/i.test(actor.name)) return false;
    if (k.startsWith("foreign")) return /\bforeign\b/i.test(actor.name);
    if (k.startsWith("defen")) return /\bdefen[cs]e\b/i.test(actor.name);
    if (k.startsWith("interior")) return /\binterior\b/i.test(actor.name);
    return true;
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
