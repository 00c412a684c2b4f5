// The staged pipeline: each stage declares what it needs and what it adds; the runner refuses a broken
// order before any work is done, and times each stage for provenance.

import type { Context, ContextField } from "./context.js";
import { ErrorCodes, OrbatError } from "./errors.js";

export interface Stage {
  name: string;
  requires: ContextField[];
  provides: ContextField[];
  run(ctx: Context): void;
}

export function checkOrder(stages: Stage[]): void {
  const have = new Set<ContextField>();
  for (const s of stages) {
    const missing = s.requires.filter((r) => !have.has(r));
    if (missing.length > 0) {
      throw new OrbatError(
        ErrorCodes.PIPELINE_ORDER,
        `stage "${s.name}" needs ${missing.join(", ")}, which no earlier stage provides`,
      );
    }
    for (const p of s.provides) have.add(p);
  }
}

/** Describes the pipeline, one line per stage: name, needs, adds. */
export function describe(stages: Stage[]): string[] {
  return stages.map((s) => `${s.name}: needs [${s.requires.join(", ")}] adds [${s.provides.join(", ")}]`);
}

export function runStages(stages: Stage[], ctx: Context): Record<string, number> {
  const timings: Record<string, number> = {};
  for (const s of stages) {
    const t0 = performance.now();
    s.run(ctx);
    timings[s.name] = Math.round((performance.now() - t0) * 1000) / 1000;
  }
  return timings;
}
