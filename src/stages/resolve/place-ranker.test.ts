// Scoring terms of the place ranker on hand-made gazetteer entries.
import { describe, expect, it } from "vitest";
import type { KbPlace } from "../../kb/types.js";
import { type PlaceContext, rankPlaces } from "./place-ranker.js";

const city = (id: string, cc: string, lat: number, lon: number, pop: number): KbPlace => ({
  id,
  name: "San Diego",
  type: "city",
  lat,
  lon,
  cc,
  pop,
});
// A border city 20 km from the story's town, and a small namesake in the country the story is about.
const acrossTheBorder = city("us", "US", 32.72, -117.16, 1_300_000);
const namesake = city("mx", "MX", 19.86, -97.36, 20_000);
const context = (anchorLat: number, anchorLon: number): PlaceContext => ({
  countries: new Map([["MX", 1]]),
  usStates: new Set(),
  anchors: [{ lat: anchorLat, lon: anchorLon, id: "anchor" }],
  dominant: { cc: "MX" },
});

describe("near other places", () => {
  it("lets a town right next to one the story names outweigh the story's country", () => {
    const ranked = rankPlaces([namesake, acrossTheBorder], context(32.53, -117.04));
    expect(ranked[0]!.place.id).toBe("us");
  });
  it("weighs a neighbour 100 km away less than the story's country", () => {
    const ranked = rankPlaces([namesake, acrossTheBorder], context(33.6, -117.0));
    expect(ranked[0]!.place.id).toBe("mx");
  });
});

describe("a reading's own namesakes", () => {
  const kentucky: KbPlace = {
    id: "ky",
    name: "Louisville",
    type: "city",
    lat: 38.25,
    lon: -85.76,
    cc: "US",
    pop: 243_639,
  };
  const ohio: KbPlace = {
    id: "oh",
    name: "Louisville",
    type: "city",
    lat: 40.84,
    lon: -81.26,
    cc: "US",
    pop: 9_126,
  };
  const ctx = (anchors: PlaceContext["anchors"]): PlaceContext => ({
    countries: new Map([["US", 2]]),
    usStates: new Set(),
    anchors,
  });
  it("are no support: a pass that read the word as one Louisville does not put the other near it", () => {
    const ranked = rankPlaces([ohio, kentucky], ctx([{ ...kentucky }]));
    expect(ranked[0]!.place.id).toBe("ky");
    expect(
      ranked.find((r) => r.place.id === "oh")!.evidence.some((e) => e.rule === "near-other-places"),
    ).toBe(false);
  });
  it("while another place nearby still is", () => {
    const akron = { id: "akron", name: "Akron", lat: 41.08, lon: -81.52 };
    const ranked = rankPlaces([ohio, kentucky], ctx([akron]));
    expect(
      ranked.find((r) => r.place.id === "oh")!.evidence.some((e) => e.rule === "near-other-places"),
    ).toBe(true);
  });
});

describe("a site read by the bare name of its town", () => {
  const site: KbPlace = {
    id: "base",
    name: "Rzeszów-Jasionka Airport",
    type: "air-base",
    lat: 50.11,
    lon: 22.02,
    cc: "PL",
    pop: 0,
  };
  const town = (pop: number, lat = 50.04, cc = "PL"): KbPlace => ({
    id: "town",
    name: "Rzeszów",
    type: "city",
    lat,
    lon: 22.0,
    cc,
    pop,
  });
  const ctx: PlaceContext = { countries: new Map(), usStates: new Set(), anchors: [] };
  it("is the town, with the rule in the site's evidence", () => {
    const ranked = rankPlaces([site, town(158_000)], ctx);
    expect(ranked[0]!.place.id).toBe("town");
    expect(ranked[1]!.evidence.map((e) => e.rule)).toContain("site-named-by-its-town");
  });
  it.each([
    ["a village", town(3_000)],
    ["a town 100 km away", town(158_000, 49.2)],
    ["a town across a border", town(158_000, 50.04, "UA")],
  ])("is the site when the namesake is %s", (_, namesake) => {
    const ranked = rankPlaces([site, namesake], ctx);
    expect(ranked[0]!.place.id).toBe("base");
    expect(ranked[0]!.evidence.map((e) => e.rule)).not.toContain("site-named-by-its-town");
  });
});
