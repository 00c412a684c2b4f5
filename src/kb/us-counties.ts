// US counties (Census Bureau boundaries shipped by the us-atlas package, public domain): the place is the
// area-weighted centroid of each county's polygons, named "X County" ("X Parish" in Louisiana).
import { createRequire } from "node:module";
import { feature } from "topojson-client";
import type { KbBuilder } from "./compile.js";

const require = createRequire(import.meta.url);

type Ring = number[][];

function ringCentroid(ring: Ring): { a: number; x: number; y: number } {
  let a = 0;
  let x = 0;
  let y = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [x0, y0] = ring[j] as [number, number];
    const [x1, y1] = ring[i] as [number, number];
    const f = x0 * y1 - x1 * y0;
    a += f;
    x += (x0 + x1) * f;
    y += (y0 + y1) * f;
  }
  return { a: a / 2, x, y };
}

function centroid(polygons: Ring[][]): [number, number] | undefined {
  let A = 0;
  let X = 0;
  let Y = 0;
  for (const poly of polygons) {
    const outer = poly[0];
    if (!outer) continue;
    const c = ringCentroid(outer);
    A += c.a;
    X += c.x;
    Y += c.y;
  }
  if (A === 0) return undefined;
  return [X / (6 * A), Y / (6 * A)];
}

export function addUsCounties(b: KbBuilder, stateCodes: Map<string, string>): number {
  const topo = require("us-atlas/counties-10m.json");
  const states = feature(topo, topo.objects.states) as unknown as {
    features: Array<{ id: string; properties: { name: string } }>;
  };
  const fipsToCode = new Map<string, string>();
  for (const s of states.features) {
    const code = stateCodes.get(s.properties.name);
    if (code) fipsToCode.set(s.id, code);
  }
  const counties = feature(topo, topo.objects.counties) as unknown as {
    features: Array<{
      id: string;
      properties: { name: string };
      geometry: { type: string; coordinates: unknown } | null;
    }>;
  };
  let n = 0;
  for (const f of counties.features) {
    const state = fipsToCode.get(f.id.slice(0, 2));
    if (!state || !f.geometry) continue;
    const polys = (
      f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates
    ) as Ring[][];
    const c = centroid(polys);
    if (!c) continue;
    const suffix = state === "LA" ? "Parish" : state === "AK" ? "Borough" : "County";
    const name = `${f.properties.name} ${suffix}`;
    const all = polys.flat(2) as unknown as number[][];
    const lons = all.map((p) => p[0]!);
    const lats = all.map((p) => p[1]!);
    b.addPlace(
      {
        id: `us-county-${f.id}`,
        name,
        type: "admin2",
        lat: Math.round(c[1] * 1000) / 1000,
        lon: Math.round(c[0] * 1000) / 1000,
        cc: "US",
        pop: 2e4,
        admin: state,
        bbox: [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)],
      },
      [`${f.properties.name} Co.`],
    );
    n++;
  }
  return n;
}
