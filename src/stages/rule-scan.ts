// The rule patterns the sources and events stages run on every sentence, as one pattern set: one pass over
// a document finds where each of them can start (start-words.ts), for both stages and every sentence.
import type { Context } from "../core/context.js";
import { FACTUALITY_CUES } from "./events/factuality.js";
import { EVENT_TYPES } from "./events/ontology.js";
import { SOURCE_PATTERNS } from "./sources/source-patterns.js";
import { PatternSet, type Scan } from "./start-words.js";

/** Where each group of patterns begins in RULE_SCAN: trigger k of EVENT_TYPES is pattern TRIGGERS + k. */
export const TRIGGERS = 0;
export const CUES = TRIGGERS + EVENT_TYPES.length;
export const SOURCES = CUES + FACTUALITY_CUES.length;

export const RULE_SCAN = new PatternSet(
  [
    ...EVENT_TYPES.map((d) => d.triggers),
    ...FACTUALITY_CUES.map((c) => c.pattern),
    ...SOURCE_PATTERNS.map((p) => p.pattern),
  ],
  [
    ...EVENT_TYPES.map(() => undefined),
    ...FACTUALITY_CUES.map(() => undefined),
    ...SOURCE_PATTERNS.map((p) => p.words),
  ],
);

const scanned = new WeakMap<Context["doc"], Scan>();

/** The scan of one sentence of the document, read from the document's scan (made once per document). */
export function sentenceScan(ctx: Context, start: number, end: number): Scan {
  let doc = scanned.get(ctx.doc);
  if (!doc) {
    doc = RULE_SCAN.scan(ctx.doc.text);
    scanned.set(ctx.doc, doc);
  }
  return doc.within(start, end);
}
