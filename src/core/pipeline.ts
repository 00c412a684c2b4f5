// The staged pipeline: each stage declares what it needs and what it adds; the runner refuses a broken
// order before any work is done, times each stage for provenance, and stops a document that runs past
// its time budget (checked between stages and, through checkBudget, inside the stages' long loops).

import type { AnalyzeOptions, Budget, Context, ContextField } from "./context.js";
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

export const DEFAULT_TIME_BUDGET_MS = 30_000;
export const TIME_BUDGET_ENV = "ORBAT_DOC_TIME_BUDGET_MS";

/** The per-document time budget: the option, else $ORBAT_DOC_TIME_BUDGET_MS, else 30 s. */
export function timeBudgetMs(options: AnalyzeOptions = {}): number {
  const env = process.env[TIME_BUDGET_ENV]?.trim();
  const given = options.timeBudgetMs ?? env;
  const ms = given === undefined || given === "" ? DEFAULT_TIME_BUDGET_MS : Number(given);
  if (!Number.isFinite(ms) || ms <= 0) {
    const what = options.timeBudgetMs !== undefined ? "the time budget" : TIME_BUDGET_ENV;
    throw new OrbatError(
      ErrorCodes.USAGE,
      `${what} must be a positive number of milliseconds, not "${String(given).slice(0, 40)}"`,
    );
  }
  return ms;
}

/**
 * Throws ORBAT_E_TIME_BUDGET when the document being analysed has used up its time budget. Loops call it
 * for every item; reading the clock costs more than most items' work, so it is read every 16th call (the
 * items between two readings take microseconds, against a budget of seconds).
 */
export function checkBudget(ctx: Context): void {
  const b = ctx.budget;
  if (b && (++b.calls & 15) === 0 && performance.now() > b.deadline) throw budgetError(b, ctx);
}

function budgetError(b: Budget, ctx: Context): OrbatError {
  return new OrbatError(
    ErrorCodes.TIME_BUDGET,
    `analysis of document ${ctx.doc.id} (${ctx.doc.text.length} characters) ran past its time budget of ${b.ms} ms in stage "${b.stage}"`,
    `split the document into smaller ones, or raise ${TIME_BUDGET_ENV}`,
  );
}

/**
 * Runs the stages over several documents, one stage at a time: each stage over every document before the
 * next stage starts. Each document gets what it would get alone, the same output and its own timings;
 * a batch is faster (about a fifth on news), because a stage's tables and code stay in the CPU's cache from
 * one document to the next, where running every stage over one document pushed them out.
 *
 * Each document keeps its own time budget, spent over its own stages only. A document that fails with an
 * OrbatError (its budget, a bad input) gets that error and is left out of the later stages; the others go
 * on. Any other error is a bug and stops the batch.
 */
export function runStagesOver(
  stages: Stage[],
  ctxs: Context[],
  budgetMs = timeBudgetMs(),
): Array<Record<string, number> | OrbatError> {
  const outcomes: Array<Record<string, number> | OrbatError> = ctxs.map(() => ({}));
  const spent = ctxs.map(() => 0);
  for (const ctx of ctxs) ctx.budget = { ms: budgetMs, deadline: 0, stage: "", calls: 0 };
  for (const s of stages) {
    for (let i = 0; i < ctxs.length; i++) {
      const timings = outcomes[i]!;
      if (timings instanceof OrbatError) continue;
      const ctx = ctxs[i]!;
      const budget = ctx.budget!;
      budget.stage = s.name;
      const t0 = performance.now();
      budget.deadline = t0 + budgetMs - spent[i]!;
      try {
        s.run(ctx);
      } catch (e) {
        if (!(e instanceof OrbatError)) throw e;
        outcomes[i] = e;
        continue;
      }
      const t1 = performance.now();
      timings[s.name] = Math.round((t1 - t0) * 1000) / 1000;
      spent[i]! += t1 - t0;
      if (t1 > budget.deadline) outcomes[i] = budgetError(budget, ctx);
    }
  }
  return outcomes;
}
