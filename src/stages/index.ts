// The default pipeline, in order. `orbat analyze --explain` prints what each stage needs and adds.
import type { Stage } from "../core/pipeline.js";
import { assessStage } from "./assess/assess-stage.js";
import { findCandidates } from "./candidates.js";
import { eventStage } from "./events/event-stage.js";
import { resolveStage } from "./resolve/resolve.js";
import { attributionStage } from "./sources/attribution.js";
import { timeStage } from "./time/time-stage.js";
import { tokenize } from "./tokens.js";

export const segmentStage: Stage = {
  name: "segment",
  requires: [],
  provides: ["tokens", "sentences"],
  run(ctx) {
    const { tokens, sentences } = tokenize(ctx.doc.text);
    ctx.tokens = tokens;
    ctx.sentences = sentences;
  },
};

export const candidateStage: Stage = {
  name: "mentions",
  requires: ["tokens"],
  provides: ["candidates"],
  run(ctx) {
    ctx.candidates = findCandidates(ctx.doc.text, ctx.tokens!, ctx.kb);
  },
};

export const DEFAULT_STAGES: Stage[] = [
  segmentStage,
  candidateStage,
  timeStage,
  resolveStage,
  attributionStage,
  eventStage,
  assessStage,
];

/**
 * The extraction alone: mentions of places, dates, equipment and actors, resolved in context, without
 * sources, events or assessment. What the bench compares with a general NER library's extraction.
 */
export const EXTRACTION_STAGES: Stage[] = [segmentStage, candidateStage, timeStage, resolveStage];
