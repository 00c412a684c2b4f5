// Town names that are something else in their story: surnames, an old quarter's prefix, local places the
// gazetteer does not know; and readings spelled exactly as written. Each rule with positive and negative cases.
import { describe, expect, it } from "vitest";
import { entityFor, mentionsOf, run } from "../../../test/helpers.js";
import { isGivenName } from "./local-names.js";

const placeTexts = (text: string) => mentionsOf(run(text), "place").map((m) => m.text);
const farFindings = (text: string) =>
  run(text).findings.filter((f) => f.kind === "unresolved-toponym" && f.rule === "reading-far-from-story");

describe("a country's or a state's name before a surname is a given name", () => {
  it("reads Georgia Stevens as a person, and Georgia alone after her too, but not 'in Georgia'", () => {
    const a = run(
      "Nine-year-old Georgia Stevens is lacing her skates. Georgia began skating at four. Her family once lived in Georgia, near Tbilisi.",
    );
    const georgia = mentionsOf(a).filter((m) => m.text === "Georgia");
    expect(georgia.map((m) => m.start)).toEqual([a.document.text.indexOf("in Georgia") + 3]);
    expect(entityFor(run("Chad Smith said the band would tour."), "Chad")).toBeUndefined();
    // surnames that are also words, which compromise's lexicon leaves out
    expect(entityFor(run("Georgia Hall won the Women's Open on Sunday."), "Georgia")).toBeUndefined();
    expect(entityFor(run("Jordan Price said the talks had stalled."), "Jordan")).toBeUndefined();
  });
  it("keeps the place after a locative, in a title-case headline, and before a word that is no surname", () => {
    expect(placeTexts("Storms hit farms in Georgia Stevens County on Monday.")).toContain("Georgia");
    expect(placeTexts("Israel Price Hikes Hit Shoppers Hard")).toContain("Israel");
    expect(placeTexts("Georgia Power said outages would last a day.")).toContain("Georgia");
    // (a word that also ends places' names is not taken for a surname)
    expect(placeTexts("Crowds gathered as Georgia Park reopened on Monday.")).toContain("Georgia");
    expect(entityFor(run("Protesters in Tbilisi said Georgia must join the bloc."), "Georgia")).toBeDefined();
  });
  it("does not take a town that is no given name before a surname for one ('the DeKalb Lowe's store')", () => {
    expect(placeTexts("The city works with the DeKalb Lowe's store on repairs.")).toContain("DeKalb");
  });
});

describe("a town's name after a given name is a surname", () => {
  it("reads Mary Pitman as a person, and Pitman Family Farms after her too", () => {
    const places = placeTexts("Mary Pitman, of Pitman Family Farms, shared her tips in Fresno, Calif.");
    expect(places).not.toContain("Pitman");
    expect(places).toContain("Fresno");
  });
  it("reads a town's name after a middle initial as a surname, whatever the given name", () => {
    const places = placeTexts(
      "A US serviceman, Master Sgt Johnathan J. Dunbar of Austin, Texas, died in the blast.",
    );
    expect(places).not.toContain("Dunbar");
    expect(places).toContain("Austin");
    expect(placeTexts("The car that killed Terry A. Corbin was found.")).not.toContain("Corbin");
  });
  it("reads the surname alone as the person too, but not after 'in' or before its country", () => {
    const text =
      "Rhodes, Rivkin top Amherst election\n\nRhodes was the big winner. Voters backed Irvin E. Rhodes. Ferries sailed to Rhodes, Greece, and crowds gathered in Rhodes.";
    const a = run(text);
    const rhodes = mentionsOf(a, "place").filter((m) => m.text === "Rhodes");
    expect(rhodes.map((m) => m.start)).toEqual([
      text.indexOf("Rhodes, Greece"),
      text.indexOf("in Rhodes") + 3,
    ]);
  });
  it("keeps a town after the initials of a country's name", () => {
    expect(placeTexts("Aid sent by the U.S. Dunbar, in Scotland, got none of it.")).toContain("Dunbar");
  });
  it("keeps the town when no given name comes before it", () => {
    expect(placeTexts("Firefighters were called to a blaze in Pitman, New Jersey, on Monday.")).toContain(
      "Pitman",
    );
  });
  it("keeps the city after a person named for it elsewhere (Sam Houston, then in Houston)", () => {
    const places = placeTexts(
      "Students at Sam Houston State University in Huntsville, Texas, travelled to a rally in Houston on Friday.",
    );
    expect(places).toContain("Houston");
  });
  it("does not take a state after a given name for a surname", () => {
    expect(placeTexts("Austin, Texas, and the coast of Georgia were hit by storms.")).toContain("Georgia");
  });
  it("knows given names from the lexicon", () => {
    expect(isGivenName("mary")).toBe(true);
    expect(isGivenName("derek")).toBe(true);
    expect(isGivenName("fresno")).toBe(false);
  });
  it("does not report a person's full name after a preposition as an unknown place", () => {
    const a = run("The award went to Derek Drouin of Canada on Saturday.");
    expect(
      a.findings.some((f) => f.kind === "unresolved-toponym" && f.spans[0]?.text.includes("Derek")),
    ).toBe(false);
  });
});

describe("Old Town before a town's name is that town's old quarter", () => {
  it("reads Old Town Manassas as Manassas, not the town of Old Town in Maine", () => {
    const places = placeTexts("Commuter trains stop at Old Town Manassas in Virginia every hour.");
    expect(places).not.toContain("Old Town");
    expect(places).toContain("Manassas");
  });
  it("keeps Old Town, Maine, when no town follows", () => {
    expect(placeTexts("The mill in Old Town, Maine, closed in 2015.")).toContain("Old Town");
  });
});

describe("a town reading far from everything else the story names", () => {
  const capeTown =
    "Police in Cape Town said a suspect was arrested in Khayelitsha, in the Western Cape, on Monday. " +
    "The victim's mother opened a case at the Delft police station in May. Officers from Cape Town and " +
    "the Western Cape provincial command are investigating.";
  it("sets the Dutch Delft aside in a story set in Cape Town, and keeps the name near Cape Town", () => {
    const [f] = farFindings(capeTown);
    expect(f?.spans[0]?.text).toBe("Delft");
    expect(f?.setAside?.name).toBe("Delft");
    expect(f?.setAside?.km).toBeGreaterThan(5000);
    expect(f?.near?.name).toBe("Cape Town");
    expect(placeTexts(capeTown)).not.toContain("Delft");
  });
  it("places the name among the story's home places, not near a foreign town in its sentence", () => {
    const text = capeTown.replace(
      "opened a case at the Delft police station",
      "flew in from Nairobi and opened a case at the Delft police station",
    );
    const [f] = farFindings(text);
    expect(f?.spans[0]?.text).toBe("Delft");
    expect(["Cape Town", "Khayelitsha"]).toContain(f?.near?.name);
  });
  it("keeps Delft when the story names the Netherlands", () => {
    const text = `${capeTown} A detective was sent to the Netherlands to speak with a witness.`;
    expect(farFindings(text)).toEqual([]);
    expect(entityFor(run(text), "Delft")?.kind).toBe("place");
  });
  it("keeps a town the story names more often than its home's places", () => {
    const text =
      "Laconia police are looking for a driver. The crash in Laconia closed a road, and Laconia schools " +
      "opened late. The driver had moved from Alaska, a relative in Alaska said.";
    expect(farFindings(text)).toEqual([]);
    expect(placeTexts(text)).toContain("Laconia");
  });
  it("keeps a big city whatever the story's home", () => {
    const text =
      "Police in Cape Town and Durban said the Western Cape suspect had flown in from Rotterdam on Friday.";
    expect(farFindings(text)).toEqual([]);
    expect(placeTexts(text)).toContain("Rotterdam");
  });
});

describe("a reading spelled exactly as written", () => {
  it("prefers LaFayette, Georgia, among the Lafayettes in a story about Chattanooga", () => {
    const text =
      "Two inmates walked away from a work detail in LaFayette on Wednesday, the Walker County sheriff said. " +
      "Police in Chattanooga and Hamilton County were told to watch for them.";
    const e = entityFor(run(text), "LaFayette");
    expect(e?.kind).toBe("place");
    // LaFayette, Georgia, is at 34.7 N; the Lafayettes of Tennessee at 36.2 and 36.5 N
    expect(e?.kind === "place" ? e.lat : 0).toBeCloseTo(34.7, 0);
  });
});

describe("street names", () => {
  it("reads Ainsworth Parade in Belfast as a street, not the town in Nebraska", () => {
    const a = run("A man from Ainsworth Parade in Belfast was charged with burglary on Tuesday.");
    expect(mentionsOf(a, "place").map((m) => m.text)).not.toContain("Ainsworth");
    const f = a.findings.find(
      (f) => f.kind === "unresolved-toponym" && f.spans[0]?.text === "Ainsworth Parade",
    );
    expect(f?.rule).toBe("street-name");
  });
});

describe("a region named after its country", () => {
  it("is a mention of the country too: southern Syria, eastern Ukraine", () => {
    const a = run(
      "Israeli jets struck targets in southern Syria, and fighting continued in eastern Ukraine.",
    );
    const places = mentionsOf(a, "place");
    expect(places.map((m) => m.text)).toEqual(
      expect.arrayContaining(["southern Syria", "Syria", "eastern Ukraine", "Ukraine"]),
    );
    const syria = entityFor(a, "Syria");
    expect(syria?.kind === "place" ? syria.featureType : undefined).toBe("country");
  });
  it("adds no country to a region not named after one", () => {
    const a = run("Tensions rose across the Middle East on Monday.");
    expect(mentionsOf(a, "place").map((m) => m.text)).toEqual(["Middle East"]);
  });
});

describe("gazetteer names", () => {
  it("knows Turkey by the name news uses (the country package now says Türkiye), not the bird", () => {
    const e = entityFor(run("Troops crossed into Turkey on Monday."), "Turkey");
    expect(e?.kind === "place" ? e.countryCode : undefined).toBe("TR");
    expect(mentionsOf(run("We ate turkey on Thursday."), "place")).toEqual([]);
  });
  it("knows the Soviet Union and Eastern Ghouta", () => {
    expect(entityFor(run("The agent was developed by the Soviet Union."), "Soviet Union")?.kind).toBe(
      "place",
    );
    expect(entityFor(run("Shelling hit Eastern Ghouta overnight."), "Eastern Ghouta")?.kind).toBe("place");
  });
  it("tells New Zealand's North Island from Naval Air Station North Island", () => {
    const nz = entityFor(run("She hopes to tour the north of New Zealand's North Island."), "North Island");
    expect(nz?.kind === "place" ? nz.kbId : undefined).toBe("north-island-nz");
    const nas = entityFor(run("Jets flew from NAS North Island in San Diego."), "NAS North Island");
    expect(nas?.kind === "place" ? nas.kbId : undefined).toBe("north-island-nas");
  });
  it("knows Etchmiadzin as Vagharshapat, and the townships of Cape Town", () => {
    const a = run("The president visited Echmiadzin, then flew to Khayelitsha near Cape Town.");
    const e = entityFor(a, "Echmiadzin");
    expect(e?.kind === "place" ? e.countryCode : undefined).toBe("AM");
    const k = entityFor(a, "Khayelitsha");
    expect(k?.kind === "place" ? k.countryCode : undefined).toBe("ZA");
  });
});

describe("abbreviations in place names", () => {
  it("reads St. Petersburg and St. Louis whole, and the Russian city by default", () => {
    const ru = entityFor(run("Fighting near St. Petersburg continued."), "St. Petersburg");
    expect(ru?.kind === "place" ? ru.countryCode : undefined).toBe("RU");
    const fl = entityFor(run("He was born in St. Petersburg, Fla., in 1980."), "St. Petersburg");
    expect(fl?.kind === "place" ? fl.countryCode : undefined).toBe("US");
    expect(entityFor(run("He flew to St. Louis on Monday."), "St. Louis")?.kind).toBe("place");
  });
  it("keeps an unknown building opened by St. whole", () => {
    const a = run("He works at St. Barnabas Hospital in Bronx, New York.");
    expect(
      a.findings.some((f) => f.kind === "unresolved-toponym" && f.spans[0]?.text === "St. Barnabas Hospital"),
    ).toBe(true);
  });
  it("does not join other abbreviations: Mr. Smith is no place", () => {
    expect(mentionsOf(run("Mr. Smith went home to Denver."), "place").map((m) => m.text)).toEqual(["Denver"]);
  });
});

describe("a state's abbreviation after a town", () => {
  it.each([
    ["Police in Wichita, Kan., said.", "Kan.", "Kansas"],
    ["A man from Clarksburg, W.Va., was charged.", "W.Va.", "West Virginia"],
    ["A man from Clarksburg, W. Va., was charged.", "W. Va.", "West Virginia"],
  ])("%s", (text, span, state) => {
    expect(entityFor(run(text), span)?.name).toBe(state);
  });
  it("leaves the broadcaster Kan an actor elsewhere", () => {
    expect(
      mentionsOf(run("Kan reported the strike, Israeli media said."), "place").map((m) => m.text),
    ).not.toContain("Kan");
  });
});

describe("companies and languages named like towns", () => {
  it("reads Toyota the carmaker as no place, and Toyota after 'in' as the Japanese city", () => {
    expect(mentionsOf(run("Toyota recalled a million cars on Monday."), "place")).toEqual([]);
    expect(entityFor(run("Workers at the plant in Toyota walked out."), "Toyota")?.kind).toBe("place");
  });
  it("reads English as the language, not English, Indiana", () => {
    expect(mentionsOf(run("The minister spoke English at the briefing."), "place")).toEqual([]);
  });
});

describe("unknown capitalised words after a preposition that are no place", () => {
  it.each([
    "He answered in English.",
    "She spoke with Mr Paterson at length.",
    "The Arabs gathered in Arab quarters.",
  ])("%s", (text) => {
    expect(run(text).findings.filter((f) => f.rule === "locative-capitalised-unknown")).toEqual([]);
  });
  it("still keeps an unknown place opened by St", () => {
    const a = run("The parade started in St Zzyzxovka on Monday.");
    expect(a.findings.some((f) => f.kind === "unresolved-toponym" && f.spans[0]?.text.startsWith("St"))).toBe(
      true,
    );
  });
});

describe("a month's abbreviation", () => {
  it("with its full stop is a date, not the town of Nov", () => {
    expect(mentionsOf(run("The report was published in Nov. 2017 by the ministry."), "place")).toEqual([]);
  });
  it("without one, before a day or a year, is a date too", () => {
    expect(
      mentionsOf(run("CARACAS, Nov 24 - The army moved launchers to the coast."), "place").map((m) => m.text),
    ).toEqual(["CARACAS"]);
    expect(mentionsOf(run("The base was built in Sept 2017 by the army."), "place")).toEqual([]);
    // not before a number that is no day or year
    expect(entityFor(run("Officials in Nov 300 metres from the river said so."), "Nov")?.kind).toBe("place");
  });
  it("without one, after 'in', may still be the town", () => {
    expect(entityFor(run("He was born in Nov, a town in Tajikistan."), "Nov")?.kind).toBe("place");
  });
});

describe("a small town's name at the end of a longer name the gazetteer lacks", () => {
  it("reports 'near Kafr Issa' as an unknown place, not the town Issa", () => {
    const a = run("A convoy of 40 vehicles was filmed moving south near Kafr Issa on Monday.");
    expect(placeTexts("A convoy of 40 vehicles was filmed moving south near Kafr Issa on Monday.")).toEqual(
      [],
    );
    expect(a.findings.some((f) => f.kind === "unresolved-toponym" && f.spans[0]?.text === "Kafr Issa")).toBe(
      true,
    );
  });
  it("keeps the town after a direction or a word the index knows, and a big city", () => {
    expect(placeTexts("They married at South Ossett Church in 1958.")).toContain("Ossett");
    expect(placeTexts("Jets flew over Greater Manchester on Monday.")).toContain("Greater Manchester");
    expect(placeTexts("Strikes hit targets near Eastern Kharkiv.")).toContain("Kharkiv");
  });
});

describe("a small town's name at the start of a longer name the gazetteer lacks", () => {
  const text =
    "He lives in the small town of Kasba Bonli in northwestern India. Back in Kasba Bonli, young men wait.";
  it("reports 'in Kasba Bonli' as an unknown place, and the same name elsewhere is not the town Kasba", () => {
    expect(placeTexts(text)).toEqual(["India"]);
    const a = run(text);
    expect(
      a.findings.some((f) => f.kind === "unresolved-toponym" && f.spans[0]?.text === "Kasba Bonli"),
    ).toBe(true);
  });
  it("keeps the town before a common word, a name the index knows, a given name, or without a locative", () => {
    expect(placeTexts("Floods hit homes in Kasba. Rain fell in Kasba Township.")).toEqual(["Kasba", "Kasba"]);
    expect(placeTexts("Officials in Kasba India said so.")).toContain("Kasba");
    expect(placeTexts("He met voters in Kasba Monday.")).toContain("Kasba");
    expect(placeTexts("The Kasba Bonli market is busy.")).toEqual(["Kasba"]);
    expect(placeTexts("Shops opened in Kasba Bonli.")).toEqual([]);
    expect(placeTexts("Kasba Bonli lies in Rajasthan, east of Kasba.")).toContain("Kasba");
  });
  it("keeps a big city before any word", () => {
    expect(placeTexts("She worked in Chicago Zorvath last year.")).toContain("Chicago");
  });
});

describe("towns named in a list after a locative, or as what forces do to", () => {
  it("reads every name of the list, and the object of a raid, as a place", () => {
    expect(placeTexts("Clashes were reported in Menaka and Gao.")).toEqual(["Menaka", "Gao"]);
    expect(placeTexts("Turkish drones struck targets near Kobani, Qamishli and Hasakah.")).toEqual(
      expect.arrayContaining(["Kobani", "Qamishli", "Hasakah"]),
    );
    expect(placeTexts("Israeli forces raided Tubas in the northern West Bank.")).toContain("Tubas");
  });
  it("keeps a surname or a word without such a context, and a list of counties for the counties", () => {
    expect(placeTexts("Gao said the talks had failed.")).toEqual([]);
    expect(placeTexts("Fans played tubas and drums.")).toEqual([]);
    const counties = run("Roads are closed in Becker, Clay and Grant counties.").entities.map((e) => e.name);
    expect(counties).toEqual(["Becker County", "Clay County", "Grant County"]);
  });
});

describe("a dateline of two towns", () => {
  it("reads both towns of 'KYIV/MOSCOW, Oct 5 (Reuters) -', and no capitals word elsewhere", () => {
    expect(placeTexts("KYIV/MOSCOW, Oct 5 (Reuters) - Russia launched drones at Kharkiv.")).toEqual([
      "KYIV",
      "MOSCOW",
      "Kharkiv",
    ]);
    expect(placeTexts("BEIRUT/JERUSALEM (Reuters) - Israel struck targets.")).toEqual(
      expect.arrayContaining(["BEIRUT", "JERUSALEM"]),
    );
    expect(placeTexts("Officials in KYIV/MOSCOW said so.")).toEqual([]);
  });
});
