// The offline basemap: Natural Earth country outlines (world-atlas, 1:110m) as GeoJSON, built once.
import { createRequire } from "node:module";
import { feature } from "topojson-client";

const require = createRequire(import.meta.url);
let cached: unknown;

export function basemap(): unknown {
  if (!cached) {
    const topo = require("world-atlas/countries-110m.json");
    cached = feature(topo, topo.objects.countries);
  }
  return cached;
}
