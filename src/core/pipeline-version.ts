// What made an analysis, beyond the package's version: a hash of the code that reads a document (stages,
// ingestion, the KB's runtime, the contract), so a store can tell which of its analyses an older orbat
// made, even between two releases, and `orbat reanalyze` can bring them up to date.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { ROOT } from "../kb/load.js";
import { hashTree } from "./hash-files.js";

/** The folders and files whose code decides what an analysis says (tests excluded). */
const PIPELINE_SOURCES = ["src/stages", "src/ingest", "src/kb", "src/core", "src/analyze.ts"];

/** A code file (TypeScript, or JavaScript where it was compiled), not a test. */
const isCode = (name: string) => /\.[cm]?[jt]s$/.test(name) && !/\.test\.[cm]?[jt]s$/.test(name);

let version: string | undefined;

/** 12 hex digits of a hash of the pipeline's sources, their names and contents (worked out once). */
export function pipelineVersion(): string {
  if (version === undefined) {
    const h = createHash("sha256");
    for (const source of PIPELINE_SOURCES) {
      const path = join(ROOT, source);
      if (!existsSync(path)) continue;
      if (statSync(path).isDirectory()) hashTree(h, path, isCode);
      else if (isCode(source)) h.update(basename(source)).update(readFileSync(path));
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
