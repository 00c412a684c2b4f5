// "Brandon, Man.", "Perth, WA": a province or state abbreviated after its town.
import { describe, expect, it } from "vitest";
import { mentionsOf, run } from "../../../test/helpers.js";

const places = (text: string) =>
  mentionsOf(run(text), "place").map((m) => [
    m.text,
    m.entity.kind === "place" ? `${m.entity.countryCode} ${m.entity.featureType}` : "",
  ]);

describe("a Canadian province or Australian state abbreviated after its town", () => {
  it("qualifies the town and is the province, not the town or word of that name", () => {
    expect(places("A man from Brandon, Man., was charged.")).toEqual([
      ["Brandon", "CA city"],
      ["Man.", "CA admin1"],
    ]);
    expect(places("Police in Sherbrooke, Que., said a cyclist was hurt.")).toEqual([
      ["Sherbrooke", "CA city"],
      ["Que.", "CA admin1"],
    ]);
    expect(places("A crash near Truro, N.S., closed the highway.")).toEqual([
      ["Truro", "CA city"],
      ["N.S.", "CA admin1"],
    ]);
    expect(places("Mildura, Vic, flooded overnight.")).toEqual([
      ["Mildura", "AU city"],
      ["Vic", "AU admin1"],
    ]);
  });
  it("reads WA as Western Australia after a town there, and as Washington after one in that state", () => {
    expect(places("Perth, WA, recorded a heatwave.")).toEqual([
      ["Perth", "AU city"],
      ["WA", "AU admin1"],
    ]);
    expect(places("Seattle, WA, recorded rain.")).toEqual([
      ["Seattle", "US city"],
      ["WA", "US admin1"],
    ]);
  });
  it("reads the words alone as nothing of the kind", () => {
    expect(places("Man arrested after a chase in Ohio.").map(([t]) => t)).toEqual(["Ohio"]);
  });
});
