// Event confidence from evidence, in the spirit of the Admiralty scale: who says it (source type),
// how (hedging), and how specific the claim is. docs/assessment.md explains each term.
import type { Event } from "../../core/analysis.js";
import type { Context } from "../../core/context.js";

const BY_FACTUALITY: Record<Event["factuality"], number> = {
  asserted: 0.7,
  reported: 0.65,
  hedged: 0.45,
  speculative: 0.25,
  negated: 0.6,
  planned: 0.55,
};

const SOURCE_ADJUST: Record<string, number> = {
  imagery: 0.1,
  official: 0.05,
  government: 0.05,
  military: 0.05,
  outlet: 0.03,
  document: 0.05,
  anonymous: -0.1,
  "social-media": -0.1,
  photographs: 0,
  video: 0,
  analyst: -0.05,
};

export function confidenceOf(e: Event, ctx: Context): number {
  let c = BY_FACTUALITY[e.factuality];
  const types = e.sourceIds
    .map((id) => ctx.sources!.find((s) => s.id === id)?.type)
    .filter(Boolean) as string[];
  for (const t of new Set(types)) c += SOURCE_ADJUST[t] ?? 0;
  const specifics = [e.actors.length > 0, e.equipment.length > 0, e.places.length > 0, e.time.start !== null];
  c += 0.04 * specifics.filter(Boolean).length;
  return Math.round(Math.max(0.05, Math.min(0.95, c)) * 100) / 100;
}
