// Building, writing and loading the compiled KB; user extensions (--kb-extra) are compiled at load time.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { US_STATES } from "../stages/resolve/us-states.js";
import {
  addCityAliases,
  addPackagedGazetteer,
  addServiceActors,
  addUsStates,
  applyCountryPoints,
  commonWords,
  KbBuilder,
  kbVersion,
  personNames,
} from "./compile.js";
import {
  CONTINENT_DEMONYMS,
  EXTRA_CITY_NAMES,
  EXTRA_COUNTRY_NAMES,
  EXTRA_DEMONYMS,
  REGION_DEMONYMS,
} from "./extras.js";
import { Kb } from "./kb.js";
import { type CompiledKb, RefKind } from "./types.js";
import { addUsCounties } from "./us-counties.js";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const DATA_DIR = join(ROOT, "data");
export const KB_FILE = join(ROOT, "build", "kb.json");

/** What compiling the KB reads besides the data folder: the compiler, its built-in lists, the lock file. */
const KB_SOURCES = [
  "src/kb/compile.ts",
  "src/kb/extras.ts",
  "src/kb/load.ts",
  "src/kb/normalize.ts",
  "src/kb/types.ts",
  "src/kb/us-counties.ts",
  "src/stages/resolve/us-states.ts",
  "package-lock.json",
];

/** The version a KB compiled now would have (see kbVersion). */
export const currentKbVersion = (): string => kbVersion(DATA_DIR, ROOT, KB_SOURCES);

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
    for (const n of REGION_DEMONYMS[p.id] ?? []) b.addName(n, RefKind.demonym, i);
  });
  addCapitalMetonyms(b);
  addServiceActors(b);
  return b.build(currentKbVersion());
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
  writeKbFile(path, kb);
  return { path, kb };
}

function writeKbFile(path: string, kb: CompiledKb): void {
  mkdirSync(dirname(path), { recursive: true });
  // written whole then renamed, so a process loading it meanwhile (a test worker) never reads half a file
  const part = `${path}.${process.pid}.part`;
  writeFileSync(part, JSON.stringify(kb));
  renameSync(part, path);
}

/** Compiles the KB for a load; a file that cannot be written (a read-only install) only costs the next load. */
function compileForLoad(path: string): CompiledKb {
  const kb = compileKb();
  try {
    writeKbFile(path, kb);
  } catch (e) {
    process.stderr.write(
      `orbat: could not write ${path} (${(e as Error).message}); using the knowledge base compiled in memory\n`,
    );
  }
  return kb;
}

/**
 * The compiled KB in a file, compiled there first when missing, or (when `rebuildStale`) when it was
 * compiled from other sources than the current ones.
 */
export function readCompiledKb(path: string, rebuildStale: boolean): CompiledKb {
  if (!existsSync(path)) return compileForLoad(path);
  const compiled = JSON.parse(readFileSync(path, "utf8")) as CompiledKb;
  if (!rebuildStale || compiled.version === currentKbVersion()) return compiled;
  process.stderr.write(
    `orbat: ${path} was compiled from other sources; compiling the knowledge base again\n`,
  );
  return compileForLoad(path);
}

let cached: Kb | undefined;

/** Loads the compiled KB (compiling it first if missing), plus any user extension folders. */
export function loadKb(options: { extraDirs?: string[]; path?: string } = {}): Kb {
  const extra =
    options.extraDirs ?? (process.env.ORBAT_KB_EXTRA ? process.env.ORBAT_KB_EXTRA.split(":") : []);
  if (cached && extra.length === 0 && !options.path) return cached;
  // the default file is rebuilt when its sources changed since (a pull that changed data/ or the compiler);
  // a file given by path is taken as it is
  const kb = new Kb(readCompiledKb(options.path ?? KB_FILE, !options.path));
  for (const dir of extra) kb.extend(dir);
  if (extra.length === 0 && !options.path) cached = kb;
  return kb;
}
