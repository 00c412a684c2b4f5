// "50 km south of Maracaibo": a point given as a distance and a direction from a named place.
import { describe, expect, it } from "vitest";
import { run } from "../../../test/helpers.js";
import type { PlaceEntity } from "../../core/analysis.js";
import { haversineKm } from "./place-ranker.js";
import { destination } from "./relative.js";

const relative = (text: string) =>
  run(text).entities.filter(
    (e): e is PlaceEntity => e.kind === "place" && e.featureType === "relative-position",
  );

describe("distance and direction from a named place", () => {
  it("works out the point 50 km south of a town and keeps the town as its own mention", () => {
    const a = run("Launchers were moved to a field 50 km south of Maracaibo on Tuesday.");
    const rel = a.entities.find((e) => e.kind === "place" && e.featureType === "relative-position");
    const town = a.entities.find((e) => e.name === "Maracaibo");
    expect(rel?.kind === "place" && town?.kind === "place").toBe(true);
    if (rel?.kind !== "place" || town?.kind !== "place") return;
    expect(rel.mentions[0]!.text).toBe("50 km south of Maracaibo");
    expect(rel.relativeTo).toMatchObject({ name: "Maracaibo", distanceKm: 50, bearingDeg: 180 });
    expect(haversineKm(rel.lat, rel.lon, town.lat, town.lon)).toBeCloseTo(50, 0);
    expect(rel.lat).toBeLessThan(town.lat);
    expect(rel.confidence).toBeLessThan(town.confidence);
    expect(town.mentions.map((m) => m.text)).toEqual(["Maracaibo"]);
  });
  it("reads miles, nautical miles, ranges, 'about' and compound directions", () => {
    const [miles] = relative("The base lies about 30 miles north-east of Tartus.");
    expect(miles?.relativeTo).toMatchObject({ distanceKm: 48.3, bearingDeg: 45 });
    const [nautical] = relative("The frigate was seen 12 nautical miles west of Sevastopol on Friday.");
    expect(nautical?.relativeTo).toMatchObject({ distanceKm: 22.2, bearingDeg: 270 });
    const [range] = relative("Shelling hit villages 40-50 km northwest of Kharkiv.");
    expect(range?.relativeTo).toMatchObject({ distanceKm: 45, bearingDeg: 315 });
    const [port] = relative("A depot 20 km east of the port city of Odesa was struck.");
    expect(port?.relativeTo).toMatchObject({ name: "Odessa", distanceKm: 20, bearingDeg: 90 });
  });
  it("reads the unit's conversion in brackets the wires add (red-team 17)", () => {
    const [km] = relative("Shelling hit a village 50 km (31 miles) south of Kharkiv, officials said.");
    expect(km?.relativeTo).toMatchObject({ name: "Kharkiv", distanceKm: 50, bearingDeg: 180 });
    expect(km?.mentions[0]?.text).toBe("50 km (31 miles) south of Kharkiv");
    const [nm] = relative("The tanker was attacked 70 nautical miles (130 km) northwest of Hodeidah.");
    expect(nm?.relativeTo).toMatchObject({ distanceKm: 129.6, bearingDeg: 315 });
    // (a bracket that is no conversion is not read as one)
    expect(relative("Shelling hit a village 50 km (the army said) south of Kharkiv.")).toEqual([]);
  });
  it("adds no point without a distance, without a direction, or from a whole country", () => {
    expect(relative("Troops massed north of Kharkiv on Monday.")).toEqual([]);
    expect(relative("The ship sailed 12 nautical miles off Sevastopol.")).toEqual([]);
    expect(relative("The missile landed 200 km east of Japan.")).toEqual([]);
    expect(relative("Version 2 km south of the list is not a place.")).toEqual([]);
  });
  it("measures from the edge of a small state or island group, not from a large state", () => {
    const [north] = relative(
      "A Russian submarine surfaced about 30 nautical miles north of the Shetland Islands on Wednesday.",
    );
    expect(north?.relativeTo).toMatchObject({ name: "Shetland Islands", distanceKm: 55.6, bearingDeg: 0 });
    // from the islands' northern edge (60.86 N), not their middle
    expect(north?.lat).toBeCloseTo(61.36, 1);
    expect(relative("The missile landed 200 km east of Texas.")).toEqual([]);
  });
  it("gives the event the point, not the town", () => {
    const a = run("Russia deployed S-400 launchers 30 km north of Kaliningrad on Monday.");
    const ev = a.events.find((e) => e.type === "deployment");
    const places = ev?.places.map((id) => a.entities.find((e) => e.id === id)?.name);
    expect(places).toEqual(["30 km north of Kaliningrad"]);
  });
  it("computes great-circle destinations", () => {
    expect(destination(0, 0, 111.195, 0)).toEqual({ lat: 1, lon: 0 });
    const p = destination(60, 179.9, 100, 90);
    expect(p.lon).toBeLessThan(-178); // across the antimeridian
    expect(haversineKm(60, 179.9, p.lat, p.lon)).toBeCloseTo(100, 0);
  });
});
