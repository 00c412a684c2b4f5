// JSON Schema (draft 2020-12) of the Analysis contract, generated from the zod schema.
import { z } from "zod";
import { Analysis, SCHEMA_VERSION } from "./analysis.js";

export function analysisJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(Analysis, { target: "draft-2020-12" }),
    $id: `https://orbat.invalid/schema/analysis-${SCHEMA_VERSION}.json`,
    title: "orbat Analysis",
    description:
      "One analysed document: entities, events, sources and findings, every fact with the span that supports it.",
  };
}
