// The map: offline country outlines, events as clustered points coloured by type, sized by corroboration.
import maplibregl from "maplibre-gl";
import "maplibre-gl/dist/maplibre-gl.css";
import { api, type EventRow } from "./api";

export const TYPE_COLOURS: Record<string, string> = {
  deployment: "#1f4e9c",
  exercise: "#2a9d8f",
  "weapons-test": "#e76f51",
  procurement: "#6d597a",
  delivery: "#8d6e63",
  production: "#7f8c8d",
  threat: "#c0392b",
  warning: "#d35400",
  accusation: "#b5651d",
  denial: "#95a5a6",
  sanction: "#34495e",
  "diplomatic-meeting": "#16a085",
  agreement: "#27ae60",
  "military-cooperation": "#2980b9",
  attack: "#b00020",
  interception: "#8e44ad",
  incident: "#f39c12",
  seizure: "#d81b60",
  blockade: "#6a1b9a",
  expulsion: "#4e342e",
  protest: "#5d6d7e",
  statement: "#999999",
};

export interface EventMap {
  show(rows: EventRow[]): void;
  onSelect(fn: (row: EventRow) => void): void;
}

export function createMap(container: HTMLElement): EventMap {
  let rows: EventRow[] = [];
  /** the rows the map's sources were last built from: the same rows are not sent to the worker twice */
  let drawn: EventRow[] | undefined;
  let select: (row: EventRow) => void = () => {};
  const colour: unknown[] = ["match", ["get", "type"]];
  for (const [t, c] of Object.entries(TYPE_COLOURS)) colour.push(t, c);
  colour.push("#444");
  const map = new maplibregl.Map({
    container,
    style: {
      version: 8,
      sources: {},
      layers: [{ id: "bg", type: "background", paint: { "background-color": "#dfe9f3" } }],
    },
    center: [20, 30],
    zoom: 1.2,
    attributionControl: { customAttribution: "Natural Earth" },
  });
  map.addControl(new maplibregl.NavigationControl({ showCompass: false }));
  // The outlines are fetched while the map initialises, not after.
  const outlines = api.basemap();
  const loaded = new Promise<void>((resolve) => map.on("load", () => resolve()));
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });
  loaded.then(async () => {
    map.addSource("countries", { type: "geojson", data: await outlines });
    map.addLayer({ id: "land", type: "fill", source: "countries", paint: { "fill-color": "#f4f1ea" } });
    map.addLayer({
      id: "borders",
      type: "line",
      source: "countries",
      paint: { "line-color": "#b9b3a5", "line-width": 0.6 },
    });
    map.addSource("areas", { type: "geojson", data: areasGeo(rows) });
    map.addLayer({
      id: "areas",
      type: "fill",
      source: "areas",
      paint: { "fill-color": "#e76f51", "fill-opacity": 0.08, "fill-outline-color": "#e76f51" },
    });
    drawn = rows;
    map.addSource("events", {
      type: "geojson",
      data: toGeo(rows),
      cluster: true,
      clusterRadius: 30,
      clusterMaxZoom: 6,
    });
    map.addLayer({
      id: "clusters",
      type: "circle",
      source: "events",
      filter: ["has", "point_count"],
      paint: {
        "circle-color": "#1f4e9c",
        "circle-opacity": 0.6,
        "circle-radius": ["step", ["get", "point_count"], 10, 10, 15, 50, 22],
      },
    });
    map.addLayer({
      id: "points",
      type: "circle",
      source: "events",
      filter: ["!", ["has", "point_count"]],
      paint: {
        "circle-color": colour as never,
        "circle-radius": ["+", 5, ["*", 2, ["min", ["get", "corroboration"], 6]]],
        "circle-stroke-color": "#fff",
        "circle-stroke-width": 1,
      },
    });
    map.on("click", "points", (e) => {
      const f = e.features?.[0];
      const row = rows.find((r) => `${r.docId}/${r.eventId}` === f?.properties?.key);
      if (row) select(row);
    });
    map.on("click", "clusters", (e) => map.easeTo({ center: e.lngLat, zoom: map.getZoom() + 2 }));
    (window as unknown as { __orbatMap: unknown }).__orbatMap = map;
    document.body.dataset.mapReady = "true";
    markReady();
  });
  return {
    show(next) {
      rows = next;
      ready.then(() => {
        if (drawn !== rows) {
          drawn = rows;
          const src = map.getSource("events") as maplibregl.GeoJSONSource | undefined;
          src?.setData(toGeo(rows));
          (map.getSource("areas") as maplibregl.GeoJSONSource | undefined)?.setData(areasGeo(rows));
        }
        document.body.dataset.mapEvents = String(rows.filter((r) => r.lat !== null).length);
      });
    },
    onSelect(fn) {
      select = fn;
    },
  };
}

/** Seas, coasts and regions named by the events, drawn as their bounding boxes. */
function areasGeo(rows: EventRow[]): GeoJSON.FeatureCollection {
  const seen = new Map<string, [number, number, number, number]>();
  for (const r of rows) for (const a of r.areas ?? []) seen.set(a.name, a.bbox);
  document.body.dataset.mapAreas = String(seen.size);
  return {
    type: "FeatureCollection",
    features: [...seen.entries()].map(([name, [w, s, e, n]]) => ({
      type: "Feature",
      properties: { name },
      geometry: {
        type: "Polygon",
        coordinates: [
          [
            [w, s],
            [e, s],
            [e, n],
            [w, n],
            [w, s],
          ],
        ],
      },
    })),
  };
}

function toGeo(rows: EventRow[]): GeoJSON.FeatureCollection {
  return {
    type: "FeatureCollection",
    features: rows
      .filter((r) => r.lat !== null && r.lon !== null)
      .map((r) => ({
        type: "Feature",
        geometry: { type: "Point", coordinates: [r.lon!, r.lat!] },
        properties: { key: `${r.docId}/${r.eventId}`, type: r.type, corroboration: r.corroboration },
      })),
  };
}
