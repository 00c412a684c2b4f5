// Shared test helpers: the real KB and the real pipeline, no mocks.
import { analyzeText } from "../src/analyze.js";
import type { Analysis } from "../src/core/analysis.js";
import { loadKb } from "../src/kb/load.js";

export const kb = loadKb();

export function run(text: string, publishedAt = "2025-10-07", meta: Record<string, string> = {}): Analysis {
  return analyzeText(text, kb, { publishedAt, title: "test", ...meta });
}

export function mentionsOf(a: Analysis, kind?: string) {
  return a.entities
    .filter((e) => !kind || e.kind === kind)
    .flatMap((e) => e.mentions.map((m) => ({ entity: e, ...m })));
}

export function entityFor(a: Analysis, surface: string) {
  return a.entities.find((e) => e.mentions.some((m) => m.text === surface));
}
