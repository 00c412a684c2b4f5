// What flows between stages. Each stage reads some fields and fills others (see pipeline.ts).

import type { Kb } from "../kb/kb.js";
import type { Candidate } from "../stages/candidates.js";
import type { EntityTable } from "../stages/entity-table.js";
import type { Attribution } from "../stages/sources/attribution.js";
import type { Token } from "../stages/tokens.js";
import type { DocumentRecord, Event, Finding, NotEvent, Source, Span, TimeValue } from "./analysis.js";

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
  /** how long one document may take, in milliseconds (default: $ORBAT_DOC_TIME_BUDGET_MS, else 30 s) */
  timeBudgetMs?: number;
}

/** A document's time budget: its length, when it runs out (performance.now() time) and the stage running. */
export interface Budget {
  ms: number;
  deadline: number;
  stage: string;
  /** checkBudget's calls so far: it reads the clock on every 16th */
  calls: number;
}

export interface Context {
  doc: DocumentRecord;
  kb: Kb;
  options: AnalyzeOptions;
  findings: Finding[];
  /** set by runStagesOver; long stage loops call checkBudget(ctx) so a slow document stops within its budget */
  budget?: Budget;
  tokens?: Token[];
  sentences?: Span[];
  candidates?: Candidate[];
  times?: TimeMention[];
  entities?: EntityTable;
  attributions?: Attribution[];
  sources?: Source[];
  events?: Event[];
  /** trigger words the events stage read as no event, with the rule that said so */
  notEvents?: NotEvent[];
  /**
   * Toponyms whose only likely gazetteer reading the resolver set aside as far from every other place the
   * story names: the assessment reports each as a toponym the gazetteer does not know, with that reading.
   */
  setAsideReadings?: SetAsideReading[];
}

export interface SetAsideReading extends Span {
  text: string;
  sentence: number;
  placeId: string;
  /** the distance from the reading to the nearest other place the story names, km */
  km: number;
  /** the story's home: a country code, or US- and a state code */
  home: string;
  /**
   * the US state whose abbreviation follows the toponym ("HOLLIDAY, Mo."), when none of its readings is
   * there: the reading was set aside for that, not for its distance (`km` is then NaN)
   */
  qualifiedBy?: string;
  /** the country named after the toponym and a comma ("Leon, Mexico,"), when none of its readings is there */
  qualifiedByCountry?: string;
  /**
   * the province named after the toponym and "in" ("New York in the Donetsk region"), by its gazetteer id,
   * when none of its readings is there
   */
  qualifiedByRegion?: string;
}

export type ContextField = Exclude<keyof Context, "doc" | "kb" | "options" | "findings" | "budget">;
