// What made an analysis, beyond the package's version: a hash of the code that reads a document (stages,
// ingestion, the KB's runtime, the contract), so a store can tell which of its analyses an older orbat
// made, even between two releases, and `orbat reanalyze` can bring them up to date.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { ROOT } from "../kb/load.js";

/** The folders and files whose code decides what an analysis says (tests excluded). */
const PIPELINE_SOURCES = ["src/stages", "src/ingest", "src/kb", "src/core", "src/analyze.ts"];

/** Code files (TypeScript, or JavaScript where it was compiled), not tests. */
const CODE = /\.[cm]?[jt]s$/;
const TEST = /\.test\.[cm]?[jt]s$/;

function sourceFiles(path: string): string[] {
  if (!existsSync(path)) return [];
  if (statSync(path).isDirectory()) {
    return readdirSync(path)
      .sort()
      .flatMap((name) => sourceFiles(join(path, name)));
  }
  return CODE.test(path) && !TEST.test(path) ? [path] : [];
}

let version: string | undefined;

/** 12 hex digits of a hash of the pipeline's sources, their paths and contents (worked out once). */
export function pipelineVersion(): string {
  if (version === undefined) {
    const h = createHash("sha256");
    for (const file of PIPELINE_SOURCES.flatMap((p) => sourceFiles(join(ROOT, p)))) {
      h.update(relative(ROOT, file));
      h.update("\0");
      h.update(readFileSync(file));
      h.update("\0");
    }
    version = h.digest("hex").slice(0, 12);
  }
  return version;
}

/** What made the analyses of the running orbat: its package version, KB (and extensions) and pipeline. */
export interface MadeBy {
  orbatVersion: string;
  kb: string;
  kbExtensions: string;
  pipeline: string;
}

/** Whether an analysis with this provenance was made by other code or another KB than `now`. */
export function madeByOther(
  p: { orbatVersion: string; pipeline?: string; kb: Record<string, string> },
  now: MadeBy,
): boolean {
  return (
    p.orbatVersion !== now.orbatVersion ||
    p.pipeline !== now.pipeline ||
    p.kb.version !== now.kb ||
    (p.kb.extensions ?? "") !== now.kbExtensions
  );
}
