// Building, writing and loading the compiled KB; user extensions (--kb-extra) are compiled at load time.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { US_STATES } from "../stages/resolve/us-states.js";
import {
  addCityAliases,
  addPackagedGazetteer,
  addUsStates,
  applyCountryPoints,
  commonWords,
  dataVersion,
  KbBuilder,
  personNames,
} from "./compile.js";
import { CONTINENT_DEMONYMS, EXTRA_CITY_NAMES, EXTRA_COUNTRY_NAMES, EXTRA_DEMONYMS } from "./extras.js";
import { Kb } from "./kb.js";
import { type CompiledKb, RefKind } from "./types.js";
import { addUsCounties } from "./us-counties.js";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const DATA_DIR = join(ROOT, "data");
export const KB_FILE = join(ROOT, "build", "kb.json");

export function compileKb(): CompiledKb {
  const b = new KbBuilder(commonWords(), personNames());
  addPackagedGazetteer(b, EXTRA_COUNTRY_NAMES);
  const countryIndex = new Map(b.places.map((p, i) => [p.id, i] as const));
  for (const [cc, names] of Object.entries(EXTRA_DEMONYMS)) {
    const i = countryIndex.get(`country-${cc}`);
    if (i !== undefined) for (const n of names) b.addName(n, RefKind.demonym, i);
  }
  b.addDataDir(DATA_DIR);
  const problems = addCityAliases(b, join(DATA_DIR, "gazetteer", "city-aliases.yaml"));
  for (const p of problems) process.stderr.write(`orbat: kb warning: city-aliases.yaml: ${p}\n`);
  addUsStates(b, US_STATES);
  addUsCounties(b, new Map(US_STATES.map(([code, name]) => [name, code])));
  applyCountryPoints(b, join(DATA_DIR, "gazetteer", "country-points.yaml"));
  b.places.forEach((p, i) => {
    const extra = p.geonameId ? EXTRA_CITY_NAMES[p.geonameId] : undefined;
    if (extra) for (const n of extra) b.addName(n, RefKind.place, i);
    const dem = p.type === "continent" || p.type === "region" ? CONTINENT_DEMONYMS[p.name] : undefined;
    if (dem) for (const n of dem) b.addName(n, RefKind.demonym, i);
  });
  addCapitalMetonyms(b);
  return b.build(dataVersion(DATA_DIR));
}

/** Every country gets a government actor (unless data/ defines gov-xx) reachable through its capital's name. */
function addCapitalMetonyms(b: KbBuilder): void {
  const byId = new Map(b.actors.map((a, i) => [a.id, i] as const));
  for (const p of b.places) {
    if (p.type !== "capital" || !p.cc) continue;
    const govId = `gov-${p.cc.toLowerCase()}`;
    let gi = byId.get(govId);
    if (gi === undefined) {
      const country = b.places.find((c) => c.id === `country-${p.cc}`);
      gi =
        b.actors.push({
          id: govId,
          name: `${country?.name ?? p.cc} government`,
          type: "government",
          cc: p.cc,
        }) - 1;
      byId.set(govId, gi);
    }
    if (!b.actors[gi]!.placeId) b.actors[gi]!.placeId = p.id;
    if (p.pop >= 100_000) b.addName(p.name, RefKind.metonym, gi);
  }
}

export function buildKbFile(path = KB_FILE): { path: string; kb: CompiledKb } {
  const kb = compileKb();
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(kb));
  return { path, kb };
}

let cached: Kb | undefined;

/** Loads the compiled KB (compiling it first if missing), plus any user extension folders. */
export function loadKb(options: { extraDirs?: string[]; path?: string } = {}): Kb {
  const extra =
    options.extraDirs ?? (process.env.ORBAT_KB_EXTRA ? process.env.ORBAT_KB_EXTRA.split(":") : []);
  if (cached && extra.length === 0 && !options.path) return cached;
  const path = options.path ?? KB_FILE;
  const compiled: CompiledKb = existsSync(path)
    ? JSON.parse(readFileSync(path, "utf8"))
    : buildKbFile(path).kb;
  const kb = new Kb(compiled);
  for (const dir of extra) kb.extend(dir);
  if (extra.length === 0 && !options.path) cached = kb;
  return kb;
}
