// Batches: analyzeBatch runs the stages over several documents one stage at a time. Each document must get
// exactly what analyzeRaw gives it alone, its own errors and its own time budget.
import { describe, expect, it } from "vitest";
import { kb } from "../test/helpers.js";
import { analyzeBatch, analyzeRaw, BATCH_CHARS, BATCH_DOCUMENTS } from "./analyze.js";
import type { Analysis } from "./core/analysis.js";
import { ErrorCodes, OrbatError } from "./core/errors.js";
import type { Stage } from "./core/pipeline.js";
import { fixtureDocument, loadFixtures } from "./eval/fixtures.js";
import type { RawDocument } from "./ingest/document.js";
import { EXTRACTION_STAGES } from "./stages/index.js";

/** An analysis without its timings, which differ from run to run. */
const timeless = (a: Analysis | OrbatError) => {
  if (a instanceof OrbatError) return a;
  const { timingsMs, ...provenance } = a.provenance;
  expect(Object.keys(timingsMs)).toEqual(provenance.stages);
  return JSON.stringify({ ...a, provenance });
};

const fixtures = loadFixtures().map(fixtureDocument);

/** A stage that busies itself for `ms` on the documents whose id is in `ids`. */
const busy = (name: string, ms: number, ids: string[]): Stage => ({
  name,
  requires: [],
  provides: [],
  run(ctx) {
    if (!ids.includes(ctx.doc.id)) return;
    const end = performance.now() + ms;
    while (performance.now() < end);
  },
});

const doc = (
  id: string,
  text = "NATO said on Monday that Russia moved S-400 systems to Kaliningrad.",
): RawDocument => ({
  id,
  text,
  format: "text",
  publishedAt: "2025-10-07",
});

describe("analyzeBatch", () => {
  it("gives every fixture article the analysis analyzeRaw gives it alone, across several batches", () => {
    expect(fixtures.length).toBeGreaterThan(2 * BATCH_DOCUMENTS);
    const alone = fixtures.map((d) => timeless(analyzeRaw(d, kb)));
    expect(analyzeBatch(fixtures, kb).map(timeless)).toEqual(alone);
  });

  it("gives the extraction stages alone the same as analyzeRaw with them", () => {
    const some = fixtures.slice(0, 5);
    const alone = some.map((d) => timeless(analyzeRaw(d, kb, {}, EXTRACTION_STAGES)));
    const batch = analyzeBatch(some, kb, {}, EXTRACTION_STAGES);
    expect(batch.map(timeless)).toEqual(alone);
    expect((batch[0] as Analysis).events).toEqual([]);
    expect((batch[0] as Analysis).entities.length).toBeGreaterThan(0);
  });

  it("puts a bad document's error in its place and analyses the others", () => {
    const out = analyzeBatch(
      [doc("a"), doc("empty", "   \n "), doc("c"), doc("binary", "\u0000\u0001\u0002 x")],
      kb,
    );
    expect(out).toHaveLength(4);
    expect((out[0] as Analysis).document.id).toBe("a");
    expect(out[1]).toBeInstanceOf(OrbatError);
    expect((out[1] as OrbatError).code).toBe(ErrorCodes.INPUT_EMPTY);
    expect((out[3] as OrbatError).code).toBe(ErrorCodes.INPUT_BINARY);
    expect((out[2] as Analysis).document.id).toBe("c");
    expect((out[2] as Analysis).entities.map((e) => e.name)).toContain("Kaliningrad");
    expect(out[3]).toBeInstanceOf(OrbatError);
  });

  it("stops a document over its budget alone, and leaves it out of the later stages", () => {
    const seen: string[] = [];
    const after: Stage = {
      name: "after",
      requires: [],
      provides: [],
      run: (ctx) => void seen.push(ctx.doc.id),
    };
    const out = analyzeBatch([doc("a"), doc("slow"), doc("c")], kb, { timeBudgetMs: 150 }, [
      busy("first", 300, ["slow"]),
      after,
    ]);
    expect((out[1] as OrbatError).code).toBe(ErrorCodes.TIME_BUDGET);
    expect((out[1] as OrbatError).message).toMatch(/document slow .* in stage "first"/);
    expect(out[0]).not.toBeInstanceOf(OrbatError);
    expect(out[2]).not.toBeInstanceOf(OrbatError);
    expect(seen).toEqual(["a", "c"]);
  });

  it("counts a document's budget over its own stages, not the time the batch spent on the others", () => {
    // each document spends 2 x 60 ms of a 200 ms budget; from its first stage to the end of its second,
    // the batch spends 60 ms on each of the three documents and 60 on it: 240 ms
    const ids = ["a", "b", "c"];
    const out = analyzeBatch(
      ids.map((id) => doc(id)),
      kb,
      { timeBudgetMs: 200 },
      [busy("one", 60, ids), busy("two", 60, ids)],
    );
    for (const a of out) expect(a).not.toBeInstanceOf(OrbatError);
    const spent = (a: Analysis | OrbatError) => Object.values((a as Analysis).provenance.timingsMs);
    for (const a of out) for (const ms of spent(a)) expect(ms).toBeGreaterThanOrEqual(60);
  });

  it("lets an error that is a bug through, as analyzeRaw does", () => {
    const bug: Stage = {
      name: "bug",
      requires: [],
      provides: [],
      run: () => {
        throw new TypeError("a bug");
      },
    };
    expect(() => analyzeBatch([doc("a")], kb, {}, [bug])).toThrow(TypeError);
  });

  it("refuses a bad publication date before any work, as analyzeRaw does", () => {
    expect(() => analyzeBatch([doc("a")], kb, { published: "2025-13-45" })).toThrow(
      expect.objectContaining({ code: ErrorCodes.DATE_INVALID }),
    );
  });

  it("splits a batch of long documents by characters", () => {
    const long = "The Russian Navy moved a frigate to Sevastopol. ".repeat(Math.ceil(BATCH_CHARS / 2 / 48));
    const order: string[] = [];
    const mark: Stage = {
      name: "mark",
      requires: [],
      provides: [],
      run: (ctx) => void order.push(ctx.doc.id),
    };
    const out = analyzeBatch([doc("a", long), doc("b", long), doc("c", long)], kb, {}, [mark, mark]);
    expect(out.every((a) => !(a instanceof OrbatError))).toBe(true);
    // a and b fit one batch below BATCH_CHARS only if their sum does: it does not, so each stage pair runs
    // per document
    expect(order).toEqual(["a", "a", "b", "b", "c", "c"]);
  });

  it("an empty list gives an empty list", () => {
    expect(analyzeBatch([], kb)).toEqual([]);
  });
});
