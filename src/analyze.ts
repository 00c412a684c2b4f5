// The library entry point: a RawDocument in, a schema-valid Analysis out. Pure apart from the KB it is given.
import { readFileSync } from "node:fs";
import { type Analysis, SCHEMA_VERSION } from "./core/analysis.js";
import type { AnalyzeOptions, Context } from "./core/context.js";
import { checkOrder, runStages, type Stage, timeBudgetMs } from "./core/pipeline.js";
import { pipelineVersion } from "./core/pipeline-version.js";
import { makeDocument, normalizeDate, type RawDocument } from "./ingest/document.js";
import type { Kb } from "./kb/kb.js";
import { ROOT } from "./kb/load.js";
import { DEFAULT_STAGES } from "./stages/index.js";

export const ORBAT_VERSION: string = JSON.parse(readFileSync(`${ROOT}/package.json`, "utf8")).version;

export function analyzeRaw(
  raw: RawDocument,
  kb: Kb,
  options: AnalyzeOptions = {},
  stages: Stage[] = DEFAULT_STAGES,
): Analysis {
  checkOrder(stages);
  const budgetMs = timeBudgetMs(options);
  const doc = makeDocument(raw);
  const published = options.published
    ? (normalizeDate(options.published, "--published date") ?? undefined)
    : undefined;
  const ctx: Context = {
    doc,
    kb,
    options: { ...options, ...(published ? { published } : {}) },
    findings: [],
  };
  const timingsMs = runStages(stages, ctx, budgetMs);
  const entities = ctx.entities?.finish() ?? [];
  return {
    schemaVersion: SCHEMA_VERSION,
    document: doc,
    entities,
    events: ctx.events ?? [],
    sources: ctx.sources ?? [],
    findings: ctx.findings,
    ...(ctx.notEvents?.length ? { notEvents: ctx.notEvents.sort((x, y) => x.start - y.start) } : {}),
    provenance: {
      orbatVersion: ORBAT_VERSION,
      pipeline: pipelineVersion(),
      kb: { version: kb.version, ...(kb.extensions.length ? { extensions: kb.extensions.join(":") } : {}) },
      timingsMs,
      stages: stages.map((s) => s.name),
    },
  };
}

/** Convenience for tests and scripts: analyse a plain-text article. */
export function analyzeText(
  text: string,
  kb: Kb,
  meta: Partial<RawDocument> = {},
  options: AnalyzeOptions = {},
): Analysis {
  return analyzeRaw({ ...meta, text, format: meta.format ?? "text" }, kb, options);
}
