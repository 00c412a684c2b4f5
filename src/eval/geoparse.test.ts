import { describe, expect, it } from "vitest";
import { type GoldToponym, type Predicted, scoreDocument, summarize } from "./geoparse.js";

const gold = (start: number, end: number, name: string, lat: number, lon: number): GoldToponym => ({
  start,
  end,
  name,
  lat,
  lon,
});
const pred = (start: number, end: number, text: string, lat: number, lon: number): Predicted => ({
  start,
  end,
  text,
  lat,
  lon,
  source: "test",
});

// "Police guarded the Turkish Embassy in Moscow."
const turkish = pred(19, 26, "Turkish", 39, 35);
const embassy = pred(19, 34, "Turkish Embassy", 55.75, 37.62);
const moscow = pred(38, 44, "Moscow", 55.75, 37.62);

describe("geoparse scoring", () => {
  it("matches by span overlap and measures the error in km", () => {
    const r = scoreDocument("d", [gold(38, 44, "Moscow", 55.76, 37.61)], [moscow]);
    expect(r.tp).toBe(1);
    expect(r.fp).toEqual([]);
    expect(r.errors[0]!.km).toBeLessThan(2);
  });
  it("pairs a gold toponym with the overlapping prediction whose span fits it best", () => {
    // one corpus annotates the building, another the demonym: each is matched with its own reading
    const asBuilding = scoreDocument(
      "d",
      [gold(19, 34, "Turkish Embassy", 55.75, 37.62)],
      [turkish, embassy],
    );
    expect(asBuilding.errors[0]!.pred.text).toBe("Turkish Embassy");
    expect(asBuilding.errors[0]!.km).toBe(0);
    const asDemonym = scoreDocument("d", [gold(19, 26, "Turkish", 39, 35)], [turkish, embassy]);
    expect(asDemonym.errors[0]!.pred.text).toBe("Turkish");
    expect(asDemonym.errors[0]!.km).toBe(0);
  });
  it("does not count a reading nested in a matched one as a spurious toponym", () => {
    const r = scoreDocument("d", [gold(19, 34, "Turkish Embassy", 55.75, 37.62)], [turkish, embassy, moscow]);
    expect(r.tp).toBe(1);
    expect(r.fp.map((p) => p.text)).toEqual(["Moscow"]);
  });
  it("counts a miss, a spurious toponym and a far reading in the summary", () => {
    const r = scoreDocument(
      "d",
      [gold(19, 26, "Turkish", 39, 35), gold(0, 6, "Police", 0, 0)],
      [pred(19, 26, "Turkish", -30, 150), moscow],
    );
    const s = summarize([r]);
    expect(s.precision).toBe(0.5);
    expect(s.recall).toBe(0.5);
    expect(s.accAt161).toBe(0);
    expect(s.byReading).toEqual({ test: { resolved: 1, within161: 0 } });
  });
  it("breaks recall and accuracy down by the corpus's toponym type", () => {
    const typed = (g: GoldToponym, type: string) => ({ ...g, type });
    const r = scoreDocument(
      "d",
      [typed(gold(19, 26, "Turkish", 39, 35), "Demonym"), typed(gold(38, 44, "Moscow", 0, 0), "Literal")],
      [pred(38, 44, "Moscow", 55.75, 37.62)],
    );
    expect(summarize([r]).byType).toEqual({
      Demonym: { gold: 1, found: 0, resolved: 0, within161: 0 },
      Literal: { gold: 1, found: 1, resolved: 1, within161: 0 },
    });
    expect(summarize([scoreDocument("d", [gold(38, 44, "Moscow", 0, 0)], [moscow])]).byType).toEqual({});
  });
});
