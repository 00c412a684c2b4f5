import { describe, expect, it } from "vitest";
import { DEFAULT_STAGES } from "../stages/index.js";
import { ErrorCodes, OrbatError } from "./errors.js";
import { checkOrder, describe as describeStages, type Stage } from "./pipeline.js";

const stage = (name: string, requires: Stage["requires"], provides: Stage["provides"]): Stage => ({
  name,
  requires,
  provides,
  run() {},
});

describe("pipeline order", () => {
  it("accepts the default pipeline", () => {
    expect(() => checkOrder(DEFAULT_STAGES)).not.toThrow();
  });
  it("refuses a stage whose needs no earlier stage provides", () => {
    const broken = [stage("events", ["entities"], ["events"]), stage("resolve", ["tokens"], ["entities"])];
    try {
      checkOrder(broken);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(OrbatError);
      expect((e as OrbatError).code).toBe(ErrorCodes.PIPELINE_ORDER);
      expect((e as Error).message).toContain("events");
    }
  });
  it("describes what each stage needs and adds", () => {
    const lines = describeStages(DEFAULT_STAGES);
    expect(lines[0]).toMatch(/^segment: needs \[\] adds \[tokens, sentences\]/);
    expect(lines.some((l) => l.startsWith("events:"))).toBe(true);
  });
});
