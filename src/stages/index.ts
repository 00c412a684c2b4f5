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
    // the rules read English: a text in another language gets what the catalog's names find, and says so
    const language = ctx.doc.language;
    if (language !== "en" && language !== "und")
      ctx.findings.push({
        kind: "language-unsupported",
        severity: "warning",
        message: `The text is in ${LANGUAGE_NAMES[language] ?? language}; orbat reads events, dates, sources and the roles of names in English only. Names the catalog and gazetteer know were still looked up; expect few events or none.`,
        spans: [],
        rule: "not-english",
      });
  },
};

/** The languages detectLanguage tells, by name. */
const LANGUAGE_NAMES: Record<string, string> = {
  es: "Spanish",
  fr: "French",
  de: "German",
  pt: "Portuguese",
  ru: "Russian",
  uk: "Ukrainian",
  ar: "Arabic",
  he: "Hebrew",
  zh: "Chinese",
  ja: "Japanese",
  ko: "Korean",
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
