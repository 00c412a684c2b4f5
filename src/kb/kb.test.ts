// Resolution tables: a string (with context where it matters) and the entry it must or must not find.
import { describe, expect, it } from "vitest";
import { kb, run } from "../../test/helpers.js";
import type { PlaceEntity } from "../core/analysis.js";
import { haversineKm } from "../stages/resolve/place-ranker.js";
import { compactKey, fold } from "./normalize.js";
import { searchKb } from "./search.js";
import { SITE_TYPES } from "./types.js";

describe("normalisation", () => {
  it.each([
    ["S-300PMU-2", "s300pmu2"],
    ["S300PMU2", "s300pmu2"],
    ["s 300 pmu 2", "s300pmu2"],
    ["Su 30MK2", "su30mk2"],
    ["Zaporižžja", "zaporizzja"],
    ["Côte d'Ivoire", "cotedivoire"],
  ])("%s -> %s", (input, key) => expect(compactKey(input)).toBe(key));
  it("folds case and diacritics", () => expect(fold("Kraków Łódź")).toBe("krakow lodz"));
});

describe("kb search", () => {
  const top = (q: string, kind?: "place" | "equipment" | "actor") => searchKb(kb, q, kind)[0];
  it.each([
    ["SA-20", "equipment", /s-300pmu/],
    ["S300PMU2", "equipment", /s-300pmu-?2|s300pmu2/],
    ["S-300PMU-2", "equipment", /s-300pmu-?2|s300pmu2/],
    ["Su 30MK2", "equipment", /su-30mk2|su-30/],
    ["SA-3 Goa", "equipment", /s-125/],
    ["Pechora-2M", "equipment", /pechora|s-125/],
    ["HIMARS", "equipment", /himars|m142/],
    ["Bayraktar TB2", "equipment", /tb2/],
    ["MANPADS", "equipment", /manpads/],
  ] as const)("%s resolves to %s %s", (q, kind, id) => {
    const hit = top(q, kind);
    expect(hit, q).toBeDefined();
    expect(hit!.id).toMatch(id);
  });
  it.each([
    ["Zaporozhye", "UA"],
    ["Zaporizhzhia", "UA"],
    ["Kherson", "UA"],
    ["Maracaibo", "VE"],
    ["the Crimea", "UA"],
    ["Caribbean Sea", null],
    ["Strait of Hormuz", null],
    ["Taiwan Strait", null],
    ["Donbas", "UA"],
    ["Kaliningrad Oblast", "RU"],
  ])("place %s", (q, cc) => {
    const hit = top(q, "place");
    expect(hit, q).toBeDefined();
    if (cc) expect(hit!.detail).toContain(cc);
  });
  it("finds a designator with a dropped letter, says so, and scores it lower", () => {
    const hit = top("S-300PU-2", "equipment");
    expect(hit?.rule).toMatch(/^one-edit/);
    expect(hit!.score).toBeLessThan(1);
  });
  it("knows capitals as metonyms and outlets as actors", () => {
    expect(searchKb(kb, "Kremlin", "actor")[0]?.detail).toContain("RU");
    expect(searchKb(kb, "Reuters", "actor")[0]?.detail).toContain("outlet");
  });
  it("has no entry for plain words", () => {
    expect(searchKb(kb, "the", "place")).toHaveLength(0);
    expect(searchKb(kb, "qwzx", undefined)).toHaveLength(0);
  });
});

describe("resolution in context", () => {
  const equipmentIn = (text: string) =>
    run(text)
      .entities.filter((e) => e.kind === "equipment")
      .map((e) => e.name);
  const placeIn = (text: string, surface: string) =>
    run(text).entities.find(
      (e): e is PlaceEntity => e.kind === "place" && e.mentions.some((m) => m.text === surface),
    );

  it("reads Buk as equipment only in a military text", () => {
    expect(
      equipmentIn("The army deployed a Buk launcher near the front, the defence ministry said.").join(),
    ).toMatch(/Buk/);
    expect(equipmentIn("Maria Buk opened a bakery in the town square on Saturday.")).toHaveLength(0);
  });
  it("reads Patriot as a name when it is one", () => {
    expect(equipmentIn("The Patriot Act was debated in Congress for hours.")).toHaveLength(0);
    expect(equipmentIn("Germany sent two Patriot batteries to Poland.").join()).toMatch(/Patriot/);
  });
  it("needs military context for a NATO name alone", () => {
    expect(equipmentIn("The Growler restaurant reopened after the floods.")).toHaveLength(0);
    expect(
      equipmentIn(
        "Russian forces moved a Growler battery and radar units toward the border, the ministry said, after missile strikes.",
      ).join(),
    ).toMatch(/S-400/);
  });
  it("tells Georgia the country from Georgia the US state by context", () => {
    expect(
      placeIn("Russian troops moved toward the border of Georgia near South Ossetia.", "Georgia")
        ?.countryCode,
    ).toBe("GE");
    const us = run(
      "Atlanta, Georgia, hosted the convention. Officials in Savannah and Macon, Georgia, agreed.",
    );
    const ga = us.entities.find((e) => e.kind === "place" && e.mentions.some((m) => m.text === "Georgia"));
    expect(ga?.kind === "place" ? ga.countryCode : undefined).toBe("US");
  });
  it("does not turn a country name into a small town", () => {
    const p = placeIn("Talks were held in Jordan on Monday.", "Jordan");
    expect(p?.featureType).toBe("country");
  });
  it("prefers the capital when its country is named", () => {
    const p = placeIn("Officials in Tripoli, Libya, said the convoy left.", "Tripoli");
    expect(p?.countryCode).toBe("LY");
    const q = placeIn("The blast in Tripoli, Lebanon, killed two.", "Tripoli");
    expect(q?.countryCode).toBe("LB");
  });
});

describe("equipment one edit away", () => {
  it("finds a designator with a letter dropped, added or changed, and nothing for ordinary words", () => {
    const keys = (key: string) => [...new Set(kb.fuzzyEquipment(key).map((h) => h.key))];
    expect(keys("s300pu2")).toContain("s300pmu2"); // dropped
    expect(keys("s4000")).toEqual(["s400"]); // added
    expect(keys("t72b2m")).toEqual(["t72b3m"]); // changed
    // an added digit leaves a name with none, which is still the system's
    expect(keys("patriot3")).toEqual(["patriot"]);
    expect(keys("10footlong")).toEqual([]);
    expect(keys("33yearold")).toEqual([]);
  });
});

describe("user extensions", () => {
  it("adds entries from a folder without rebuilding, and rejects invalid files clearly", async () => {
    const { mkdtempSync, mkdirSync, writeFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const { loadKb } = await import("./load.js");
    const dir = mkdtempSync(join(tmpdir(), "orbat-kb-"));
    mkdirSync(join(dir, "equipment"));
    writeFileSync(
      join(dir, "equipment", "mine.yaml"),
      "- {id: zz-test-sam, name: ZZ-77 Teststrel, designators: [ZZ-77], category: air-defence, origin: RU}\n",
    );
    const extended = loadKb({ extraDirs: [dir] });
    expect(searchKb(extended, "ZZ77", "equipment")[0]?.id).toBe("zz-test-sam");
    // its designator is read in lower case too, as the catalog's are (the extension's keys join the
    // filter the matcher reads lower-case spans with)
    const { findCandidates } = await import("../stages/candidates.js");
    const { tokenize } = await import("../stages/tokens.js");
    const text = "The brigade fielded zz-77 launchers.";
    const found = findCandidates(text, tokenize(text).tokens, extended).map((c) => c.text);
    expect(found).toContain("zz-77");
    writeFileSync(join(dir, "equipment", "bad.yaml"), "- {id: broken, name: X}\n");
    expect(() => loadKb({ extraDirs: [dir] })).toThrow(/bad\.yaml: entry broken: category/);
  });
});

describe("compiled file", () => {
  it("is compiled again when it was built from other sources, and taken as it is otherwise", async () => {
    const { mkdtempSync, readFileSync, writeFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const { currentKbVersion, KB_FILE, readCompiledKb } = await import("./load.js");
    const path = join(mkdtempSync(join(tmpdir(), "orbat-kb-")), "kb.json");
    const stale = { ...JSON.parse(readFileSync(KB_FILE, "utf8")), version: "000000000000" };
    writeFileSync(path, JSON.stringify(stale));
    // a file given by path is read as it is
    expect(readCompiledKb(path, false).version).toBe("000000000000");
    // the default file would be compiled again, and written whole
    expect(readCompiledKb(path, true).version).toBe(currentKbVersion());
    expect(JSON.parse(readFileSync(path, "utf8")).version).toBe(currentKbVersion());
  }, 60_000);
  it("from an orbat before the lower-case keys, given by path, still reads lower-case designators", async () => {
    const { mkdtempSync, readFileSync, writeFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const { KB_FILE, loadKb } = await import("./load.js");
    const { findCandidates } = await import("../stages/candidates.js");
    const { tokenize } = await import("../stages/tokens.js");
    const path = join(mkdtempSync(join(tmpdir(), "orbat-kb-")), "kb.json");
    const { lowerCase: _, ...older } = JSON.parse(readFileSync(KB_FILE, "utf8"));
    writeFileSync(path, JSON.stringify(older));
    const text = "The battalion fielded s-300 launchers and attack drones.";
    const found = findCandidates(text, tokenize(text).tokens, loadKb({ path })).map((c) => c.text);
    expect(found).toEqual(["s-300", "attack drones"]);
  }, 60_000);
  it("has a version that is the same in every clone, and changes with a source", async () => {
    const { mkdtempSync, mkdirSync, writeFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const { kbVersion } = await import("./compile.js");
    const clone = (source: string) => {
      const root = mkdtempSync(join(tmpdir(), "orbat-clone-"));
      mkdirSync(join(root, "data"));
      writeFileSync(join(root, "data", "a.yaml"), "- {id: x}\n");
      writeFileSync(join(root, "compile.ts"), source);
      return kbVersion(join(root, "data"), root, ["compile.ts"]);
    };
    expect(clone("// v1")).toBe(clone("// v1"));
    expect(clone("// v1")).not.toBe(clone("// v2"));
  });
  it("is compiled in memory when its file cannot be written (a read-only install)", async () => {
    const { mkdtempSync, writeFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const { currentKbVersion, readCompiledKb } = await import("./load.js");
    // a path under a plain file cannot be created, even by root
    const file = join(mkdtempSync(join(tmpdir(), "orbat-kb-")), "not-a-folder");
    writeFileSync(file, "");
    expect(readCompiledKb(join(file, "kb.json"), true).version).toBe(currentKbVersion());
  }, 60_000);
});

describe("abbreviated place names", () => {
  it("abbreviates Fort, Mount, Saint, Sainte and Point before a capitalised word", async () => {
    const { abbreviatedPlaceName } = await import("./compile.js");
    expect(abbreviatedPlaceName("Fort Bragg")).toBe("Ft. Bragg");
    expect(abbreviatedPlaceName("Port Saint Lucie")).toBe("Port St. Lucie");
    expect(abbreviatedPlaceName("Saint-Denis")).toBe("St-Denis");
    expect(abbreviatedPlaceName("Mount Hermon")).toBe("Mt. Hermon");
    expect(abbreviatedPlaceName("Fortaleza")).toBeUndefined();
    expect(abbreviatedPlaceName("Point of Rocks")).toBeUndefined();
    expect(abbreviatedPlaceName("Kyiv")).toBeUndefined();
  });
  it("finds a place written with the abbreviation", () => {
    const placeIn = (text: string, surface: string) =>
      run(text).entities.find(
        (e): e is PlaceEntity => e.kind === "place" && e.mentions.some((m) => m.text === surface),
      );
    const p = placeIn("Soldiers from Ft. Bragg, North Carolina, deployed on Monday.", "Ft. Bragg");
    expect(p?.name).toBe("Fort Bragg");
    const q = placeIn("The convoy passed Mt. Hermon.", "Mt. Hermon");
    expect(q?.name).toMatch(/Hermon/);
  });
});

describe("the sites", () => {
  it("list each site once: no name is shared by two sites within 10 km", () => {
    const sites = new Set<string>(SITE_TYPES);
    const table = kb.keyTable();
    const twice: string[] = [];
    table.strings.forEach((key, e) => {
      const pos = table.keyPos[e]!;
      if (pos < 0) return;
      const here = kb
        .refsAt(pos)
        .filter((r) => r.kind === "place" && sites.has(kb.places[r.index]!.type))
        .map((r) => kb.places[r.index]!);
      for (const a of here)
        for (const b of here)
          if (a.id < b.id && haversineKm(a.lat, a.lon, b.lat, b.lon) < 10)
            twice.push(`${key}: ${a.id} ${b.id}`);
    });
    expect(twice).toEqual([]);
  });
});

describe("Arabic town names as news writes them", () => {
  it("writes each GeoNames word as news does, one word at a time", async () => {
    const { arabicVariants } = await import("./compile.js");
    expect(arabicVariants("Tall Abyaḑ")).toEqual(["Tal Abyaḑ", "Tell Abyaḑ", "Tel Abyaḑ"]);
    expect(arabicVariants("Ra’s al ‘Ayn")).toEqual(["Ra’s al Ain"]);
    expect(arabicVariants("Dayr Ḩāfir")).toEqual(["Deir Ḩāfir"]);
    // a word inside another is no such word
    expect(arabicVariants("Tallkayf")).toEqual([]);
    expect(arabicVariants("Qaryat Ayntab")).toEqual([]);
  });
});

describe("services named after a country (addServiceActors)", () => {
  const actorsOf = (text: string) =>
    run(text, "2026-11-20")
      .entities.filter((e) => e.kind === "actor")
      .map((e) => [e.name, e.kbId, e.countryCode]);
  const service = (id: string) => kb.actors.find((a) => a.id === id);

  it("gives a country whose armed forces the catalog lists its army, navy and air force", () => {
    expect(service("eg-air-force-service")).toMatchObject({
      name: "Egyptian Air Force",
      cc: "EG",
      branch: "air-force",
    });
    expect(service("eg-navy-service")).toMatchObject({ name: "Egyptian Navy", cc: "EG", branch: "navy" });
    expect(actorsOf("The Egyptian Air Force said the drills ended.")).toContainEqual([
      "Egyptian Air Force",
      "eg-air-force-service",
      "EG",
    ]);
    expect(actorsOf("Egypt's air force flew over Sinai.")).toContainEqual([
      "Egyptian Air Force",
      "eg-air-force-service",
      "EG",
    ]);
  });

  it("keeps the catalog's own entries and aliases, and makes no navy for a landlocked country", () => {
    // the catalog's Indian Air Force, and "Egyptian army", an alias of Egypt's armed forces
    expect(service("in-air-force-service")).toBeUndefined();
    expect(actorsOf("The Indian Air Force flew.").map((a) => a[1])).not.toContain("in-air-force-service");
    expect(actorsOf("The Egyptian army deployed.")).toContainEqual([
      "Egyptian Armed Forces",
      "eg-armed-forces",
      "EG",
    ]);
    expect(service("ml-air-force-service")).toMatchObject({ name: "Malian Air Force" });
    expect(service("ml-navy-service")).toBeUndefined();
  });

  it("makes none for a country the catalog lists no armed forces of", () => {
    expect(kb.actors.some((a) => a.cc === "IS" && a.type === "military")).toBe(false);
    expect(service("is-navy-service")).toBeUndefined();
    expect(
      actorsOf("The Icelandic Navy sailed.").filter((a) => a[2] === "IS" && a[1] !== "state-IS"),
    ).toEqual([]);
  });
});
