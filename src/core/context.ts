// What flows between stages. Each stage reads some fields and fills others (see pipeline.ts).

import type { Kb } from "../kb/kb.js";
import type { Candidate } from "../stages/candidates.js";
import type { EntityTable } from "../stages/entity-table.js";
import type { Attribution } from "../stages/sources/attribution.js";
import type { Token } from "../stages/tokens.js";
import type { DocumentRecord, Event, Finding, Source, Span, TimeValue } from "./analysis.js";

export interface TimeMention extends Span {
  text: string;
  value: TimeValue;
  rule: string;
  /** components stated in the text (the rest were implied from the reference date) */
  stated: string[];
}

export interface AnalyzeOptions {
  /** publication date given by the user (YYYY-MM-DD); metadata wins over it */
  published?: string;
  explain?: boolean;
}

export interface Context {
  doc: DocumentRecord;
  kb: Kb;
  options: AnalyzeOptions;
  findings: Finding[];
  tokens?: Token[];
  sentences?: Span[];
  candidates?: Candidate[];
  times?: TimeMention[];
  entities?: EntityTable;
  attributions?: Attribution[];
  sources?: Source[];
  events?: Event[];
}

export type ContextField = Exclude<keyof Context, "doc" | "kb" | "options" | "findings">;
