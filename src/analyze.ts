// The library entry point: a RawDocument in, a schema-valid Analysis out. Pure apart from the KB it is given.
import { readFileSync } from "node:fs";
import { type Analysis, type DocumentRecord, SCHEMA_VERSION } from "./core/analysis.js";
import type { AnalyzeOptions, Context } from "./core/context.js";
import { OrbatError } from "./core/errors.js";
import { checkOrder, runStagesOver, type Stage, timeBudgetMs } from "./core/pipeline.js";
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
  const [outcome] = analyzeBatch([raw], kb, options, stages);
  if (outcome instanceof OrbatError) throw outcome;
  return outcome!;
}

/** The most documents, and characters of text, analysed together as one batch (see analyzeBatch). */
export const BATCH_DOCUMENTS = 32;
export const BATCH_CHARS = 1_000_000;

/**
 * Analyses several documents, each as analyzeRaw would (the same Analysis, or the OrbatError analyzeRaw
 * would throw, in the document's place), but faster: the stages run over a batch of documents one stage at
 * a time (runStagesOver). Batches hold up to BATCH_DOCUMENTS documents and BATCH_CHARS characters, so a
 * long list does not hold every document's working records at once.
 * A bad option (`published`, the time budget) or stage order throws before any work, as in analyzeRaw.
 */
export function analyzeBatch(
  raws: readonly RawDocument[],
  kb: Kb,
  options: AnalyzeOptions = {},
  stages: Stage[] = DEFAULT_STAGES,
): Array<Analysis | OrbatError> {
  checkOrder(stages);
  const budgetMs = timeBudgetMs(options);
  const published = options.published
    ? (normalizeDate(options.published, "--published date") ?? undefined)
    : undefined;
  const ctxOptions = { ...options, ...(published ? { published } : {}) };
  const out: Array<Analysis | OrbatError> = [];
  let batch: Context[] = [];
  let at: number[] = [];
  let chars = 0;
  const run = () => {
    runStagesOver(stages, batch, budgetMs).forEach((r, k) => {
      out[at[k]!] = r instanceof OrbatError ? r : analysisOf(batch[k]!, r, stages);
    });
    batch = [];
    at = [];
    chars = 0;
  };
  raws.forEach((raw, i) => {
    let doc: DocumentRecord;
    try {
      doc = makeDocument(raw);
    } catch (e) {
      if (!(e instanceof OrbatError)) throw e;
      out[i] = e;
      return;
    }
    if (batch.length > 0 && chars + doc.text.length > BATCH_CHARS) run();
    batch.push({ doc, kb, options: ctxOptions, findings: [] });
    at.push(i);
    chars += doc.text.length;
    if (batch.length >= BATCH_DOCUMENTS) run();
  });
  if (batch.length > 0) run();
  return out;
}

function analysisOf(ctx: Context, timingsMs: Record<string, number>, stages: Stage[]): Analysis {
  const { doc, kb } = ctx;
  return {
    schemaVersion: SCHEMA_VERSION,
    document: doc,
    entities: ctx.entities?.finish() ?? [],
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
