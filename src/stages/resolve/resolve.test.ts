// Mention roles and resolution rules, each with positive and negative cases.
import { describe, expect, it } from "vitest";
import { entityFor, kb, mentionsOf, run } from "../../../test/helpers.js";

const roleOf = (text: string, surface: string) => mentionsOf(run(text)).find((m) => m.text === surface);

describe("a name an outlet shares with a place", () => {
  it.each([
    ["The frigates were tracked across the Atlantic by patrol aircraft.", "place"],
    ["The Atlantic reported that the frigates had left port.", "actor"],
    ["Two officials told the Atlantic that the frigates had left port.", "actor"],
  ])("%s -> Atlantic is an %s", (text, kind) => {
    expect(entityFor(run(text), "Atlantic")?.kind).toBe(kind);
  });
  it("an ocean in a street's name is not where the street is", () => {
    const a = run("A homeless man stood on Atlantic Avenue in Garden City on Tuesday.");
    expect(a.entities.find((e) => e.kind === "place" && e.featureType === "ocean")).toBeUndefined();
  });
});

describe("a NATO reporting name that is also a place", () => {
  // a story dense with equipment, where a NATO name alone would otherwise be read as the system
  const military =
    "The navy test-fired a BrahMos missile from a destroyer after S-300 and S-400 drills with Pechora batteries and Buk launchers. Troops, warships, fighter jets, submarines and missile brigades took part in the exercise.";
  it("is the place where a place is read: 'off the coast of Goa'", () => {
    expect(entityFor(run(`${military} The launch took place off the coast of Goa.`), "Goa")?.kind).toBe(
      "place",
    );
  });
  it("is the system before an equipment word: 'Goa batteries'", () => {
    expect(entityFor(run(`${military} Vietnam still operates Goa batteries.`), "Goa")?.kind).toBe(
      "equipment",
    );
  });
});

describe("a bare reporting name as an escort (red-team 14)", () => {
  it("is the jet family in a story of forces, and nothing in a story of none", () => {
    const a = run("Two Tu-95 bombers with a Flanker escort flew over the Sea of Japan.");
    expect(entityFor(a, "Flanker")?.name).toBe("Su-27");
    expect(entityFor(run("The Flanker escort company opened a shop in Ohio."), "Flanker")).toBeUndefined();
  });
});

describe("a family's name and plurals of bare names (red-team 16)", () => {
  it.each([
    ["Germany will send more Leopard tanks to Ukraine.", "Leopard", "Leopard"],
    ["North Korea test-fired a Hwasong missile on Monday.", "Hwasong", "Hwasong"],
    ["Britain sent 14 Challengers to Ukraine.", "Challengers", "Challenger"],
    ["Germany delivered 30 Gepards to Ukraine.", "Gepards", "Flakpanzer Gepard"],
    ["Two Flankers intercepted a US drone over the Black Sea, the military said.", "Flankers", "Su-27"],
    ["Two Russian Tu-95 Bear bombers flew near Alaska.", "Bear", "Tu-95MS"],
  ])("%s -> %s is %s", (text, surface, name) => {
    expect(entityFor(run(text), surface)?.name).toBe(name);
  });
  it("says a family's name is the family, with the systems it may be", () => {
    const e = entityFor(run("Germany will send more Leopard tanks to Ukraine."), "Leopard");
    expect(e?.kind === "equipment" && e.family).toBe("Leopard");
    expect(e?.mentions[0]?.evidence[0]?.rule).toBe("family-name");
    expect(e?.mentions[0]?.evidence[0]?.detail).toContain("leopard-2");
  });
  it.each([
    "The Chicago Bears beat two Bears fans.",
    "Fans of the Bears cheered as the team won in Chicago.",
    "Two Flankers fans gathered outside the stadium.",
    "Ehud Barak said the talks had failed.",
  ])("%s -> no equipment", (text) => {
    expect(run(text).entities.filter((e) => e.kind === "equipment")).toEqual([]);
  });
});

describe("a country that holds or backs others where they are (red-team 17)", () => {
  it.each([
    ["The Russian-installed leader in Donetsk claimed the attack killed civilians.", "Donetsk"],
    ["A Russian-installed official said fighting continued near Pokrovsk.", "Pokrovsk"],
    ["In the Russian-occupied city of Donetsk, shelling continued.", "Donetsk"],
  ])("is no evidence of where the story's places lie: %s", (text, town) => {
    const e = entityFor(run(text), town);
    expect(e?.kind === "place" && e.countryCode).toBe("UA");
  });
});

describe("a coast of one name among several countries' (red-team 17)", () => {
  it.each([
    ["Drones struck Latakia on the Mediterranean coast.", "SY"],
    ["Drone debris fell near Constanta on the Black Sea coast.", "RO"],
    ["Drones hit Gdansk on the Baltic coast.", "PL"],
    ["A drone hit Kaspiysk on the Caspian coast.", "RU"],
  ])("is the one a town the story names lies on: %s", (text, cc) => {
    const coast = run(text).entities.find((e) => e.kind === "place" && e.featureType === "coast");
    expect(coast?.kind === "place" && coast.countryCode).toBe(cc);
  });
});

describe("a sentence's first word after one that ends in a direction (red-team 17)", () => {
  it.each([
    ["The convoy turned south. Poland said it had reinforced units.", "Poland"],
    ["The jets flew west. Moscow denied the report.", "Moscow"],
  ])("is read in its own sentence: %s", (text, surface) => {
    expect(roleOf(text, surface)?.role).toBe("metonymic");
  });
  it("still reads a locative in the same sentence", () => {
    expect(roleOf("The convoy turned south in Poland on Monday.", "Poland")?.role).toBe("literal");
  });
});

describe("a US state before its National Guard (red-team 17)", () => {
  it.each([
    ["The Georgia National Guard sent 200 soldiers to Poland for joint exercises.", "Georgia"],
    ["The Washington National Guard sent soldiers to Poland.", "Washington"],
  ])("is the state, as a modifier, and no place of what the Guard does: %s", (text, surface) => {
    const a = run(text);
    const e = entityFor(a, surface);
    expect(e?.kind === "place" && [e.featureType, e.countryCode]).toEqual(["admin1", "US"]);
    expect(roleOf(text, surface)?.role).toBe("modifier");
    expect(a.events[0]?.places.map((id) => a.entities.find((x) => x.id === id)?.name)).toEqual(["Poland"]);
  });
  it("leaves Georgia the country elsewhere", () => {
    const e = entityFor(run("Georgia sent 200 soldiers to Poland for joint exercises."), "Georgia");
    expect(e?.kind === "actor" || (e?.kind === "place" && e.countryCode === "GE")).toBe(true);
  });
});

describe("'the Bay of' a town (red-team 17)", () => {
  it("is the bay the gazetteer has as '<town> Bay', or the town; never Somalia's Bay region", () => {
    const a = run("A drone hit a landing ship in the Bay of Sevastopol.");
    expect(a.entities.filter((e) => e.kind === "place").map((e) => e.name)).toEqual(["Sevastopol Bay"]);
    const b = run("Warships anchored in the Bay of Kotor on Monday.");
    expect(b.entities.some((e) => e.kind === "place" && e.countryCode === "SO")).toBe(false);
  });
  it("leaves Somalia's Bay region where it is one", () => {
    const e = entityFor(run("Fighting continued in Bay and Bakool."), "Bay");
    expect(e?.kind === "place" && e.countryCode).toBe("SO");
  });
});

describe("a place inside the name of a body the KB does not know (red-team 17)", () => {
  it.each([
    [
      "A researcher at the Taiwan Strait Institute, a think tank in Kaohsiung, said the drills rehearsed a blockade.",
      "Taiwan Strait",
    ],
    ["Speakers at the Black Sea Security Forum warned of Russian drones.", "Black Sea"],
    ["Analysts at the Sahel Research Group said the junta had hired Russian fighters.", "Sahel"],
  ])("is a modifier, no place of the story's events: %s", (text, surface) => {
    const a = run(text);
    expect(roleOf(text, surface)?.role).toBe("modifier");
    const id = entityFor(a, surface)?.id;
    expect(a.events.some((e) => id !== undefined && e.places.includes(id))).toBe(false);
  });
  it("stays the place before a lower-case word or in its own right", () => {
    expect(roleOf("Chinese ships sailed through the Taiwan Strait on Monday.", "Taiwan Strait")?.role).toBe(
      "literal",
    );
  });
});

describe("initials with or without full stops", () => {
  it.each([
    ["The US Navy shot down four drones.", "US Navy"],
    ["The U.S. Navy shot down four drones.", "U.S. Navy"],
  ])("%s -> %s is the United States Navy", (text, surface) => {
    expect(entityFor(run(text), surface)?.name).toBe("United States Navy");
  });
  it("still joins no words the alias does not have", () => {
    // "Ina" is a town: two words read as one are not it, with or without initials in the index
    expect(entityFor(run("In a statement, the navy said the ship had returned."), "In a")).toBeUndefined();
  });
});

describe("the country inside an actor's name", () => {
  it.each([
    ["French forces crossed the border.", "French", "France"],
    ["American troops landed at the port.", "American", "United States"],
    ["Russian forces shelled the town.", "Russian", "Russia"],
  ])("%s -> %s is %s, the biggest country of that demonym", (text, surface, country) => {
    const m = mentionsOf(run(text)).find((x) => x.text === surface);
    expect(m?.role).toBe("demonym");
    expect(m?.entity.name).toBe(country);
  });
});

describe("metonymy, demonyms, modifiers", () => {
  it.each([
    ["Moscow denied the report on Monday.", "Moscow", "metonymic", "actor"],
    ["Beijing's navy sailed through the strait.", "Beijing", "metonymic", "actor"],
    ["The Kremlin said talks would continue.", "Kremlin", "metonymic", "actor"],
    ["Venezuelan fishermen reached the border.", "Venezuelan", "demonym", "place"],
    ["The Russian-made jets landed in Caracas.", "Russian", "modifier", "place"],
    ["Protesters gathered in Moscow on Sunday.", "Moscow", "literal", "place"],
    ["Drones struck a depot near Kyiv.", "Kyiv", "literal", "place"],
    ["Moscow was quick to deny it.", "Moscow", "metonymic", "actor"],
    // a country's name before its forces, as a demonym would be; a city's police are not its government
    ["Kosovo police seized a cache of weapons near Leposavic.", "Kosovo", "metonymic", "actor"],
    ["Iran navy boats seized a tanker.", "Iran", "metonymic", "actor"],
    ["Kyiv police said the blast damaged two homes.", "Kyiv", "literal", "place"],
    ["Life in Kosovo returned to normal.", "Kosovo", "literal", "place"],
    // a country's name before its equipment is its owner; not after a locative, nor before what it receives
    ["A US destroyer shot down two drones.", "US", "metonymic", "actor"],
    ["The move was confirmed by two U.S. officials.", "U.S", "metonymic", "actor"],
    ["In Ukraine drones struck a depot.", "Ukraine", "literal", "place"],
    ["The EU said it would supply Benin with armoured vehicles.", "Benin", "literal", "place"],
    // a city that is no capital, acting, is the one person the knowledge base knows by that surname
    ["Austin told reporters the strikes would continue.", "Austin", "literal", "actor"],
    ["Flights to Austin resumed on Monday.", "Austin", "literal", "place"],
    // a name that is its own demonym is the place after a locative; a demonym is no outlet's name
    ["A French frigate patrolled off Djibouti.", "Djibouti", "literal", "place"],
    ["An Australian P-8 tracked the Chinese ships.", "Australian", "demonym", "place"],
    ["The Australian reported the deal on Monday.", "Australian", "literal", "actor"],
    // what is done to a town makes it the place ("was struck" had dropped it as a person acting)
    ["Sumy was struck by a ballistic missile on Sunday.", "Sumy", "literal", "place"],
    ["Pokrovsk was nearly encircled by the end of the month.", "Pokrovsk", "literal", "place"],
    ["Kharkiv has been hit by glide bombs again.", "Kharkiv", "literal", "place"],
    ["Minsk was accused of pushing migrants across the border.", "Minsk", "metonymic", "actor"],
    ["Cyprus has taken delivery of the systems.", "Cyprus", "metonymic", "actor"],
    // past an adverb or two
    ["Pyongyang also reportedly moved launchers to the border.", "Pyongyang", "metonymic", "actor"],
    ["Beijing then warned Manila.", "Beijing", "metonymic", "actor"],
    ["Life in Kyiv then resumed.", "Kyiv", "literal", "place"],
    ["Kyiv also hosts the museum.", "Kyiv", "literal", "place"],
    ["Dulles International Airport is 22 miles away.", "Dulles International Airport", "literal", "place"],
    ["Hmeimim Air Base was hit by drones overnight.", "Hmeimim Air Base", "literal", "place"],
    // the object of a verb of speech or pressure is a government; a city's people or a city threatened are not
    ["Washington warned Caracas against any provocation.", "Caracas", "metonymic", "actor"],
    ["The minister urged Kyiv to hold talks.", "Kyiv", "metonymic", "actor"],
    ["The European Union called on Moscow to withdraw.", "Moscow", "metonymic", "actor"],
    ["The mayor warned Kyiv residents to stay in shelters.", "Kyiv", "literal", "place"],
    ["The bloc is weighing new sanctions on Minsk.", "Minsk", "metonymic", "actor"],
    ["The EU imposed sanctions against Tehran on Monday.", "Tehran", "metonymic", "actor"],
    ["A drone attack on Kyiv killed two people.", "Kyiv", "literal", "place"],
    ["Russian troops threatened Kyiv in 2022.", "Kyiv", "literal", "place"],
    // a state's equipment: "China's aircraft carrier" is the state that owns it; "China's coast" is a place
    ["China's aircraft carrier Shandong sailed through the strait.", "China", "metonymic", "actor"],
    ["Russia's new S-400 batteries were moved.", "Russia", "metonymic", "actor"],
    ["Beijing's carrier Fujian sailed through the strait.", "Beijing", "metonymic", "actor"],
    // a government that backs others: "Tehran-backed"; "London-based" is the place, as where the analyst is
    ["Tehran-backed militias fired rockets at the base.", "Tehran", "metonymic", "actor"],
    ["Moscow-installed officials said the vote was held.", "Moscow", "metonymic", "actor"],
    ["A London-based analyst said the images were new.", "London", "modifier", "place"],
    // governments acting together, in a list too; places after a locative are places
    ["Washington and Seoul agreed to expand the drills.", "Washington", "metonymic", "actor"],
    ["Lithuania, Latvia and Poland have reinforced their borders.", "Lithuania", "metonymic", "actor"],
    ["Officials from Paris and Berlin met in Rome.", "Berlin", "literal", "place"],
    ["Defence ministers of Mali, Burkina Faso and Niger met in Niamey.", "Niger", "literal", "place"],
    ["Troops in Kyiv and Lviv waited for orders.", "Lviv", "literal", "place"],
    ["Fishing boats crowded China's southern coast.", "China", "literal", "place"],
  ])("%s -> %s is %s", (text, surface, role, kind) => {
    const m = roleOf(text, surface);
    expect(m, surface).toBeDefined();
    expect(m!.role).toBe(role);
    expect(m!.entity.kind).toBe(kind);
  });
  it("reads a known person's surname in a story of no military as someone else, no place", () => {
    expect(
      roleOf("Austin said he would not seek another term on the city council.", "Austin"),
    ).toBeUndefined();
  });
  it("reads the demonym inside a government's name as its country too", () => {
    const a = run("The British government considered the request on Tuesday.");
    const gov = entityFor(a, "British government");
    expect(gov?.kind).toBe("actor");
    const country = entityFor(a, "British");
    expect(country?.kind === "place" ? country.countryCode : undefined).toBe("GB");
    expect(mentionsOf(a).find((m) => m.text === "British")?.role).toBe("demonym");
  });
  it("links a metonymic capital to its government with coordinates", () => {
    const e = entityFor(run("Moscow warned Kyiv against the move."), "Moscow");
    expect(e?.kind === "actor" ? e.countryCode : undefined).toBe("RU");
  });
  it("reads Brussels acting as the EU, its seat, and Brussels as a place as the city", () => {
    expect(entityFor(run("Brussels announced new sanctions on Minsk."), "Brussels")?.name).toBe(
      "European Union",
    );
    expect(entityFor(run("Brussels and Washington agreed to coordinate."), "Brussels")?.name).toBe(
      "European Union",
    );
    const city = entityFor(run("Ministers met in Brussels on Monday."), "Brussels");
    expect(city?.kind === "place" ? city.countryCode : undefined).toBe("BE");
    // Belgium's government keeps its own names
    expect(entityFor(run("The Belgian government said so."), "Belgian government")?.name).toBe(
      "Government of Belgium",
    );
  });
});

describe("places", () => {
  it("resolves seas, coasts and regions", () => {
    const a = run(
      "Warships sailed from the Black Sea into the Sea of Azov and along the Caribbean coast of Venezuela.",
    );
    const featureTypes = a.entities
      .filter((e) => e.kind === "place")
      .map((e) => (e.kind === "place" ? e.featureType : ""));
    expect(featureTypes).toEqual(expect.arrayContaining(["sea", "coast"]));
  });
  it("ignores a place name used as a person's name after a title", () => {
    // the person, not the city
    const m = roleOf("President Lincoln spoke about the war.", "Lincoln");
    expect(m?.entity.kind).toBe("actor");
    expect(m?.entity.kind === "actor" ? m.entity.type : undefined).toBe("person");
  });
  it("does not read an all-caps acronym as a small town", () => {
    expect(mentionsOf(run("The UN said talks would resume."), "place").some((m) => m.text === "UN")).toBe(
      false,
    );
  });
  it("reads each name of a list closed by 'regions' as the region", () => {
    const types = (text: string) =>
      mentionsOf(run(text), "place").map((m) => {
        const e = entityFor(run(text), m.text);
        return `${m.text}:${e?.kind === "place" ? e.featureType : e?.kind}`;
      });
    expect(
      types("Air defences shot down 45 drones over the Bryansk, Kursk and Belgorod regions overnight."),
    ).toEqual(["Bryansk:admin1", "Kursk:admin1", "Belgorod:admin1"]);
    expect(types("Shelling hit the Kharkiv, Sumy, and Zaporizhzhia regions.")).toEqual([
      "Kharkiv:admin1",
      "Sumy:admin1",
      "Zaporizhzhia:admin1",
    ]);
    // without the plural noun, the cities
    expect(types("Officials in Kursk and Belgorod said the drones were downed.")).toEqual([
      "Kursk:city",
      "Belgorod:city",
    ]);
  });
  it("reads a river's name without its article as the city of that name ('shelled Dnipro')", () => {
    const type = (text: string) => {
      const e = entityFor(run(text), "Dnipro");
      return e?.kind === "place" ? e.featureType : e?.kind;
    };
    expect(type("Russian missiles hit Dnipro overnight, officials said.")).toBe("city");
    expect(type("Ukrainian troops crossed the Dnipro near Kherson.")).toBe("river");
    // with no other reading, the river
    expect(entityFor(run("Barges moved up the Tigris and along Tigris banks."), "Tigris")?.kind).toBe(
      "place",
    );
  });
  it("finds Arabic town names as English-language news writes them", () => {
    for (const [text, surface] of [
      ["Turkish drones struck targets near Tal Abyad overnight.", "Tal Abyad"],
      ["Fighting was reported in Ras al-Ain and Deir Hafer on Monday.", "Ras al-Ain"],
      ["Fighting was reported in Ras al-Ain and Deir Hafer on Monday.", "Deir Hafer"],
      ["A convoy moved through Ain Issa toward Tell Rifaat.", "Ain Issa"],
      ["A convoy moved through Ain Issa toward Tell Rifaat.", "Tell Rifaat"],
    ]) {
      const e = entityFor(run(text), surface);
      expect(e?.kind === "place" ? e.countryCode : e?.kind, `${surface} in ${text}`).toBe("SY");
    }
  });
  it("finds a name the gazetteer writes with an apostrophe, written without it", () => {
    for (const [text, surface, id] of [
      ["Ukraine's forces withdrew from Vovchansk on Friday.", "Vovchansk", "gn-689304"],
      ["Drones hit the port of Chornomorsk overnight.", "Chornomorsk", "gn-707688"],
      ["Shelling was heard in Vovchans'k.", "Vovchans'k", "gn-689304"],
    ])
      expect(entityFor(run(text), surface)?.kbId).toBe(id);
    // a word across a space must still be a word of the name: "In a" is not the town Ina
    expect(entityFor(run("In a statement, officials spoke."), "In a")).toBeUndefined();
  });
  it("finds a name written in more or fewer words than the gazetteer's form ('Engels airbase', 'Deir Ezzor')", () => {
    for (const [text, surface, id] of [
      ["Drones struck Engels airbase overnight.", "Engels airbase", "engels-2"],
      ["Drones struck Engels Air Base overnight.", "Engels Air Base", "engels-2"],
      ["Fighting continued near Deir Ezzor on Monday.", "Deir Ezzor", "gn-170794"],
      ["Fighting continued near Deir ez-Zor on Monday.", "Deir ez-Zor", "gn-170794"],
      ["Patrols crossed the Fehmarnbelt at dawn.", "Fehmarnbelt", "fehmarn-belt"],
      ["Troops arrived in Hawai'i on Monday.", "Hawai'i", "hawaiian-islands"],
    ])
      expect(entityFor(run(text), surface)?.kbId, text).toBe(id);
    // "Hawai'i" whole, not the town Hawai its first word is
    expect(entityFor(run("Troops arrived in Hawai'i on Monday."), "Hawai")).toBeUndefined();
    // still no word across a space that is not one of the name's: "In a" is not the town Ina
    expect(entityFor(run("In a statement, officials spoke."), "In a")).toBeUndefined();
  });
  it("reads initials then a hyphen as one name ('U.S.-Mexico border')", () => {
    expect(entityFor(run("Troops were sent to the U.S.-Mexico border."), "U.S.-Mexico border")?.kbId).toBe(
      "us-mexico-border",
    );
    expect(entityFor(run("Troops were sent to the US-Mexico border."), "US-Mexico border")?.kbId).toBe(
      "us-mexico-border",
    );
    // a word after the hyphen that makes no name with the initials: the country alone (the state that
    // leads, as "Tehran-backed" is)
    const led = entityFor(run("U.S.-led strikes hit the port."), "U.S");
    expect(led?.kind === "actor" && led.countryCode).toBe("US");
  });
  it("finds the islands of the Baltic, the Aegean, the Pacific and the Atlantic news names", () => {
    for (const [text, surface, id] of [
      ["Russian ships were seen off Öland on Friday.", "Öland", "oland"],
      ["Russian ships were seen off Oland on Friday.", "Oland", "oland"],
      ["A radar was installed on Hiiumaa.", "Hiiumaa", "hiiumaa"],
      ["Marines landed on Iwo Jima for the drill.", "Iwo Jima", "iwo-jima"],
      ["Bombers flew from Jan Mayen to Svalbard.", "Jan Mayen", "jan-mayen"],
      ["A tanker anchored off Bioko.", "Bioko", "bioko"],
    ])
      expect(entityFor(run(text), surface)?.kbId, text).toBe(id);
  });
  it("keeps an unknown toponym as a finding instead of dropping it", () => {
    const a = run("Troops were seen near Zzyzxovka on Monday.");
    expect(a.findings.some((f) => f.kind === "unresolved-toponym" && f.spans[0]?.text === "Zzyzxovka")).toBe(
      true,
    );
  });
});

describe("equipment", () => {
  it("does not read a time of day as a designator whose letters are a word ('at 3 p.m.' is no AT-3)", () => {
    const equipment = (text: string) => mentionsOf(run(text), "equipment").map((m) => m.text);
    expect(equipment("The shelling began at 3 p.m. and again at 6 on Sunday.")).toEqual([]);
    expect(equipment("At 3 p.m. the shelling began. At 6, sirens sounded.")).toEqual([]);
    expect(equipment("Crews were seen with AT 4 launchers.")).toEqual(["AT 4"]);
    expect(equipment("Crews fired AT-3 missiles and an at-4 at the column.")).toEqual([
      "AT-3",
      "missiles",
      "at-4",
    ]);
    expect(equipment("Two Su 27 jets flew over the strait.")).toContain("Su 27");
  });
  it("keeps the variant it matched", () => {
    const e = entityFor(run("The army deployed S300PMU2 launchers near the coast."), "S300PMU2");
    expect(e?.kind).toBe("equipment");
    expect(e?.kind === "equipment" ? e.matchedVariant : undefined).toBeDefined();
  });
  it("finds a misspelt designator in military context with lower confidence", () => {
    const a = run(
      "The military deployed S-300PU-2 air-defence systems and radar units near the border after missile strikes.",
    );
    const m = mentionsOf(a, "equipment").find((x) => x.text.startsWith("S-300"));
    expect(m?.confidence).toBeLessThan(0.9);
    expect(m?.evidence[0]?.rule).toBe("designator-one-edit");
  });
  it("finds a misspelt name before a word that says it is a system, and says it was a variant (red team 16)", () => {
    const variant = (text: string) =>
      run(text, "2026-11-20")
        .entities.filter(
          (e) => e.kind === "equipment" && e.mentions[0]!.evidence[0]!.rule === "designator-one-edit",
        )
        .map((e) => [e.name, e.kind === "equipment" ? e.matchedVariant : undefined]);
    expect(variant("Ukraine received a batch of Patriott interceptors on Thursday.")).toEqual([
      ["MIM-104 Patriot", "patriot"],
    ]);
    expect(variant("Officials said an Iskandar-M missile struck a rail depot in Kharkiv.")).toEqual([
      ["9K720 Iskander-M", "iskanderm"],
    ]);
    expect(variant("Turkey sent Bayraktor drones to the border.")).toEqual([["Bayraktar TB2", "bayraktar"]]);
    // a town of that spelling, and a name with no system's word after it, stay as they were
    expect(
      entityFor(run("Residents of Iskandar in Uzbekistan celebrated on Monday."), "Iskandar")?.kind,
    ).toBe("place");
    expect(variant("The Patriott family opened a bakery.")).toEqual([]);
  });
  it("does not fuzz designators in a text with no military context", () => {
    expect(mentionsOf(run("The model S-300PU-2 vacuum cleaner went on sale."), "equipment")).toHaveLength(0);
  });
  it("reads bare names as systems where the text names systems by designator", () => {
    const a = run(
      "Poland bought F-16s and Rafales. Four Su-35s flew, and Gripens were sold. Two Chinooks landed.",
    );
    const ids = mentionsOf(a, "equipment").map((m) => m.entity.kbId);
    expect(ids).toEqual(expect.arrayContaining(["rafale", "gripen", "ch-47"]));
  });
  it("does not read them so in a text with neither designators nor military words", () => {
    const a = run(
      "A Chinook wind warmed Black Hawk, where a Patriot rally drew crowds and the Rafale bakery opened.",
    );
    expect(mentionsOf(a, "equipment")).toEqual([]);
  });
  it("reads generic classes as category mentions", () => {
    const m = mentionsOf(run("The navy sent two frigates and MANPADS teams."), "equipment");
    expect(m.map((x) => x.role)).toContain("category");
  });
  it("finds units", () => {
    expect(mentionsOf(run("The 810th Naval Infantry Brigade moved to Kherson."), "unit")[0]?.text).toBe(
      "810th Naval Infantry Brigade",
    );
  });
});

describe("a council many states have (red team 16)", () => {
  it("is not the US council in a story that names only South Korea", () => {
    const nsc = (text: string) =>
      run(text, "2026-11-20").entities.find(
        (e) => e.kind === "actor" && e.name === "National Security Council",
      );
    expect(
      nsc("South Korean President Lee Jae-myung convened the National Security Council on Monday."),
    ).toBeUndefined();
    expect(nsc("US President Donald Trump convened the National Security Council on Monday.")).toBeDefined();
  });
});

describe("merchant ships named after their noun (red team 15)", () => {
  it("does not read 'the bulk carrier Eternity Star' as an aircraft carrier", () => {
    const eq = (text: string) =>
      run(text, "2026-11-20")
        .entities.filter((e) => e.kind === "equipment")
        .map((e) => e.name);
    expect(
      eq(
        "The Houthis fired two anti-ship ballistic missiles at the Liberian-flagged bulk carrier Eternity Star.",
      ),
    ).toEqual(["anti-ship missile"]);
    expect(eq("Drones hit the LNG carrier Arctic Voyager off Oman.")).toEqual(["drone"]);
    expect(eq("The carrier Shandong sailed past the bulk carrier.")).toEqual(["Shandong"]);
  });
});

describe("named vessels", () => {
  const equipmentNames = (text: string) =>
    run(text)
      .entities.filter((e) => e.kind === "equipment")
      .map((e) => e.name);
  it("reads a ship's name after its type as a vessel, not as the place it is named after", () => {
    const a = run(
      "Russia's navy said the Kilo-class submarine Krasnodar passed through the Strait of Sicily last week.",
    );
    const vessel = a.entities.find((e) => e.name === "Krasnodar");
    expect(vessel?.kind).toBe("equipment");
    expect(vessel?.kind === "equipment" ? vessel.catalogId : "").toBe("kilo-class");
    expect(a.entities.some((e) => e.kind === "place" && e.name === "Krasnodar")).toBe(false);
  });
  it("handles navy prefixes and names given in apposition", () => {
    expect(equipmentNames("The destroyer USS Gravely shot down two drones.")).toContain("USS Gravely");
    expect(
      equipmentNames("The Admiral Kasatonov, a Project 22350 frigate, arrived in Havana on Wednesday."),
    ).toContain("Admiral Kasatonov");
    expect(equipmentNames("China sent the aircraft carrier Shandong through the Bashi Channel.")).toContain(
      "Shandong",
    );
  });
  it("reads 'of' inside a ship's name, but not an owner after it", () => {
    const a = run("HMS Prince of Wales sailed from Portsmouth.");
    expect(equipmentNames("HMS Prince of Wales sailed from Portsmouth.")).toContain("HMS Prince of Wales");
    expect(a.entities.some((e) => e.name === "Wales")).toBe(false);
    expect(equipmentNames("The carrier Admiral of the Fleet Kuznetsov left Murmansk.")).toContain(
      "Admiral of the Fleet Kuznetsov",
    );
    expect(equipmentNames("HMS Queen Elizabeth of the Royal Navy docked.")).toContain("HMS Queen Elizabeth");
  });
  it("reads a name with a middle initial whole", () => {
    expect(equipmentNames("The USS Gerald R. Ford entered the Mediterranean.")).toContain(
      "USS Gerald R. Ford",
    );
    expect(equipmentNames("The USS George H.W. Bush left Norfolk on Monday.")).toContain(
      "USS George H.W. Bush",
    );
    // a full stop after a longer word ends the name
    expect(equipmentNames("The drones were downed by USS Gravely. Later the ships left.")).toContain(
      "USS Gravely",
    );
  });
  it("reads a ship named without its class as of the class it leads or the catalog names it in, and as its one navy's", () => {
    const vessel = (text: string, name: string) => {
      const a = run(text);
      const e = a.entities.find((x) => x.kind === "equipment" && x.name === name);
      const navy = a.entities.find(
        (x) =>
          x.kind === "actor" &&
          x.mentions.some((m) => m.role === "modifier" && e?.mentions.some((v) => v.start === m.start)),
      );
      return [
        e?.kind === "equipment" ? e.catalogId : undefined,
        navy?.kind === "actor" ? navy.kbId : undefined,
      ];
    };
    expect(vessel("The carrier Admiral Kuznetsov left Murmansk on Monday.", "Admiral Kuznetsov")).toEqual([
      "admiral-kuznetsov",
      "ru-navy",
    ]);
    expect(vessel("The frigate Admiral Gorshkov fired a missile on Monday.", "Admiral Gorshkov")).toEqual([
      "admiral-gorshkov-class",
      "ru-navy",
    ]);
    expect(vessel("The carrier Shandong left Sanya on Tuesday.", "Shandong")).toEqual([
      "type-002",
      "cn-plan",
    ]);
    // a class several navies sail names none of them; a ship of no known class stays of its noun's class
    expect(vessel("The submarine Sindhughosh left Mumbai.", "Sindhughosh")).toEqual([
      "class-submarine",
      undefined,
    ]);
    expect(vessel("The Kilo-class submarine Krasnodar left Sevastopol.", "Krasnodar")).toEqual([
      "kilo-class",
      undefined,
    ]);
    // the event's actor is the navy
    const a = run("The carrier Admiral Kuznetsov left Murmansk on Monday.");
    const left = a.events.find((e) => e.type === "deployment");
    expect(left?.actors.map((id) => a.entities.find((e) => e.id === id)?.name)).toEqual(["Russian Navy"]);
  });
  it("leaves a place after a ship noun alone when a preposition comes between", () => {
    const a = run("A Russian frigate in Sevastopol was damaged.");
    expect(a.entities.some((e) => e.kind === "place" && e.name === "Sevastopol")).toBe(true);
  });
});

describe("names written both in capitals and as a word", () => {
  it("finds 'Caesar' though the catalog also spells it CAESAR", () => {
    const a = run(
      "Armenia received 36 Caesar self-propelled howitzers from France, the defence ministry said.",
    );
    expect(
      a.entities.find((e) => e.kind === "equipment" && e.name === "CAESAR howitzer")?.mentions[0]?.text,
    ).toBe("Caesar");
  });
});

describe("a one-word name that is also a word", () => {
  it("is not the outlet 'The National' inside 'Government of National Unity'", () => {
    const a = run("The Government of National Unity in Tripoli protested on Monday.");
    expect(a.entities.some((e) => e.name === "The National")).toBe(false);
    expect(a.sources.some((s) => s.name === "The National")).toBe(false);
  });
  it("is still the outlet when it stands alone", () => {
    const a = run("Troops moved to the border, The National reported on Monday.");
    expect(a.entities.some((e) => e.name === "The National")).toBe(true);
  });
});

describe("streets and buildings named after a place", () => {
  const places = (text: string) => mentionsOf(run(text), "place").map((m) => m.text);
  const unknown = (text: string) =>
    run(text)
      .findings.filter((f) => f.kind === "unresolved-toponym")
      .map((f) => ({ text: f.spans[0]!.text, rule: f.rule, near: f.near?.name }));
  it("reads a street named after a far-away town as a street near the story's places", () => {
    const text = "Police were called to the 400 block of N. Bedford Drive in Beverly Hills on Sunday.";
    expect(places(text)).toEqual(["Beverly Hills"]);
    expect(unknown(text)).toEqual([{ text: "N. Bedford Drive", rule: "street-name", near: "Beverly Hills" }]);
  });
  it("finds streets named with a plural or an abbreviation, without the house number", () => {
    expect(unknown("He was shot at the corner of State and Hubbard streets in Chicago.")).toEqual([
      { text: "Hubbard streets", rule: "street-name", near: "Chicago" },
    ]);
    expect(unknown("The council meets at 1200 E. Broad St. in Mansfield.").map((f) => f.text)).toEqual([
      "E. Broad St.",
    ]);
  });
  it("does not read a facility word that is also a town name as the town", () => {
    const text = "Doctors at MetroHealth Medical Center in Cleveland treated the victims.";
    expect(places(text)).toEqual(["Cleveland"]);
    expect(unknown(text)[0]).toMatchObject({ text: "MetroHealth Medical Center", rule: "building-name" });
  });
  it("places a building named after a far-away town near the story's places", () => {
    const text = "A professor at Cornell University in Ithaca said the tariffs would hurt farmers.";
    expect(places(text)).toEqual(["Ithaca"]);
    expect(unknown(text)[0]).toMatchObject({ text: "Cornell University", near: "Ithaca" });
  });
  it("does not place a building named after a town in that town's country when the story names only other countries", () => {
    const text =
      "Shoppers in Iceland welcomed the news. The wedding takes place in St George’s Chapel on 19 May.";
    expect(places(text)).not.toContain("St George’s");
    expect(unknown(text)[0]).toMatchObject({ text: "St George’s Chapel", rule: "building-name" });
    // with no country named, or its own, the town stands
    expect(places("The wedding takes place in St George’s Chapel on 19 May.")).toContain("St George’s");
    expect(places("Grenada welcomed the news. The service is in St George’s Chapel on 19 May.")).toContain(
      "St George’s",
    );
  });
  it("keeps the town of a building or road when it is near the story's other places", () => {
    expect(places("Patients at Morecambe Hospital were moved to Lancaster on Monday.")).toEqual([
      "Morecambe",
      "Lancaster",
    ]);
    expect(places("The crash closed Douglas County Road 22 near Alexandria, Minnesota.")).toContain(
      "Douglas County",
    );
  });
  it("keeps a demonym inside a building name as its country, and the building as a toponym of its own", () => {
    const text = "Police guarded the Turkish Embassy in Moscow after the protest.";
    expect(places(text)).toEqual(["Turkish", "Moscow"]);
    expect(unknown(text)).toEqual([{ text: "Turkish Embassy", rule: "building-name", near: "Moscow" }]);
  });
  it("places a building named with a demonym in that country, unless it is an embassy or its sentence names a town", () => {
    const school =
      "Researchers at the Russian Higher School of Economics published the survey. It was widely read.";
    expect(unknown(school)).toEqual([
      { text: "Russian Higher School of Economics", rule: "building-name", near: "Russia" },
    ]);
    const abroad =
      "Diplomats left the Russian Embassy by bus. Officials in Washington had expelled 60 of them.";
    expect(unknown(abroad)[0]).toMatchObject({ text: "Russian Embassy", near: "Washington, D.C." });
    const inTown = "Boys train on the grounds of the British International School in Cairo.";
    expect(unknown(inTown)[0]).toMatchObject({ text: "British International School", near: "Cairo" });
  });
  it("does not read the head of a park's name as a town of that name", () => {
    const text =
      "Rangers closed roads in Rocky Mountain National Park after the storm hit Estes Park, Colorado.";
    expect(places(text)).not.toContain("National Park");
    expect(unknown(text).map((f) => f.text)).toContain("Rocky Mountain National Park");
  });
  it("reads a valley named after a far-away town as an area near the story's places", () => {
    const text = "Volunteers drive patients across the Avon Valley and into London every day.";
    expect(places(text)).toEqual(["London"]);
    expect(unknown(text)[0]).toMatchObject({ text: "Avon Valley", near: "London" });
    // one the gazetteer has is itself
    expect(places("Volunteers drive patients across the Thames Valley and into London every day.")).toEqual([
      "Thames Valley",
      "London",
    ]);
  });
  it("keeps a town that also stands alone in the text", () => {
    expect(places("Bedford police said the suspect fled from Bedford Library.")).toContain("Bedford");
  });
  it("reads 'St.' before a name as Saint, not Street", () => {
    const text = "Fans on Market St. cheered as the Blues beat St. Paul Saints.";
    expect(unknown(text).map((f) => f.text)).toEqual(["Market St."]);
  });
});

describe("document home country", () => {
  const rulesFor = (text: string, surface: string) =>
    mentionsOf(run(text))
      .filter((m) => m.text === surface)
      .flatMap((m) => m.evidence.map((e) => e.rule));
  it("counts a town named twice once", () => {
    const text = "Crews in Bains cleared the road. Residents were back home in Bains on Monday.";
    expect(rulesFor(text, "Bains")).not.toContain("document-home-country");
  });
  it("makes the country of two different towns the document's home", () => {
    const text =
      "Crews from Lyon and Marseille cleared the roads. Residents were back home in Bains on Monday.";
    expect(rulesFor(text, "Bains")).toContain("document-home-country");
  });
});

describe("City, State", () => {
  const place = (text: string, surface: string) => {
    const e = entityFor(run(text), surface);
    return e?.kind === "place" ? e.kbId : undefined;
  };
  it("reads a state name after a city in that state as the state", () => {
    expect(place("She lives in Tacoma, Washington, with her family.", "Washington")).toBe(
      "us-washington-state",
    );
  });
  it("keeps the capital for Washington on its own", () => {
    expect(place("He flew to Washington on Monday.", "Washington")).toBe("gn-4140963");
  });
  it("adds the AP abbreviation after a city as a mention of its state", () => {
    expect(place("A new home in Gainesville, Va., costs more.", "Va.")).toBe("us-virginia");
  });
  it("believes an abbreviation that does not match the city's state: the town is one the gazetteer lacks", () => {
    const a = run("A new home in Tacoma, Va., costs more.");
    expect(entityFor(a, "Tacoma")).toBeUndefined();
    expect(a.findings.find((f) => f.rule === "no-reading-in-named-state")?.spans[0]?.text).toBe("Tacoma");
  });
  it("adds a postal code after a city in that state, and nothing else in capitals", () => {
    expect(place("Crowds gathered in Myrtle Beach, SC, on Friday.", "SC")).toBe("us-south-carolina");
    expect(place("Crowds gathered in Myrtle Beach, OK, on Friday.", "OK")).toBeUndefined();
    expect(place("Crowds gathered in Myrtle Beach, SCOTUS said.", "SC")).toBeUndefined();
  });
});

describe("the Arabic article in lower case", () => {
  const places = (text: string) => mentionsOf(run(text), "place").map((m) => m.text);
  it("opens a place name when hyphenated to a capitalised word", () => {
    expect(places("US forces at al-Tanf were attacked, and shelling hit al-Bab.")).toEqual([
      "US",
      "al-Tanf",
      "al-Bab",
    ]);
  });
  it("does not make a place of a lower-case name or of 'al' alone", () => {
    expect(places("The figures of Smith et al. were cited in al bab and al-bab posts.")).toEqual([]);
  });
});

describe("the outlet's country", () => {
  const text = "Flooding closed several roads in Perth on Monday, police said.";
  const perth = (meta: Record<string, string>) => {
    const e = entityFor(run(text, "2025-10-07", meta), "Perth");
    return e?.kind === "place" ? e.countryCode : undefined;
  };
  it("leans an ambiguous town toward the publisher's country, found by URL or by name", () => {
    expect(perth({ url: "https://www.abc.net.au/news/perth-floods" })).toBe("AU");
    expect(perth({ url: "https://www.bbc.co.uk/news/perth-floods" })).toBe("GB");
    expect(perth({ source: "BBC" })).toBe("GB");
  });
  it("does not outweigh a big city's own weight", () => {
    const e = entityFor(
      run("Police in London said two people were hurt.", "2025-10-07", { url: "https://www.cbc.ca/news/x" }),
      "London",
    );
    expect(e?.kind === "place" ? e.countryCode : undefined).toBe("GB");
  });
});

describe("a word that is also a country's name, inside a longer name", () => {
  it("'St. Lawrence Island' and 'Kuchinoerabu Island' are not Iceland ('Island')", () => {
    for (const text of [
      "Two Russian bombers flew near St. Lawrence Island on Monday.",
      "A survey ship entered waters off Kuchinoerabu Island on Monday.",
    ])
      expect(run(text).entities.some((e) => e.name === "Iceland")).toBe(false);
  });
  it("'Iceland' is still Iceland", () => {
    expect(run("NATO jets landed in Iceland on Monday.").entities.some((e) => e.name === "Iceland")).toBe(
      true,
    );
  });
});

describe("actors described by their kind", () => {
  const actor = (text: string) =>
    run(text)
      .entities.filter((e) => e.kind === "actor")
      .map((e) => e.name);
  it("'Gunmen', 'Pirates', 'Nigerian Navy special forces' are actors, with the demonym's country", () => {
    expect(actor("Gunmen attacked an army post near the border on Tuesday.")).toContain("Gunmen");
    expect(actor("Pirates hijacked a tanker off the coast at the weekend.")).toContain("Pirates");
    const a = run("Nigerian Navy special forces stormed the vessel on Tuesday.");
    const sf = a.entities.find((e) => e.kind === "actor" && e.name === "Nigerian Navy special forces");
    expect(sf?.kind === "actor" ? sf.countryCode : undefined).toBe("NG");
    // a unit of a service the catalog names is a group named with the service, not the service itself
    const b = run("Egyptian Navy commandos boarded the ship, the Egyptian Navy said.");
    expect(
      b.entities.filter((e) => e.kind === "actor").map((e) => [e.name, e.mentions.map((m) => m.text)]),
    ).toEqual([
      ["Egyptian Navy", ["Egyptian Navy"]],
      ["Egyptian Navy commandos", ["Egyptian Navy commandos"]],
    ]);
    expect(mentionsOf(b, "place").map((m) => m.text)).toEqual(["Egyptian", "Egyptian"]);
  });
  it("a named group stays the actor: 'Houthi rebels' adds no 'rebels'", () => {
    expect(actor("Yemen's Houthi rebels fired two missiles at the ship.")).not.toContain("rebels");
  });
  it("words that are not groups stay out", () => {
    expect(actor("The marine ecosystem recovered after the spill.")).toEqual([]);
  });
});

describe("the part of a place the words before it name", () => {
  const parts = (text: string) =>
    mentionsOf(run(text), "place").map((m) => [m.text, m.part ?? null] as [string, string | null]);
  it.each([
    ["Fighting continued in northern Syria.", "Syria", "north"],
    ["Militants attacked villages in north-eastern Nigeria.", "Nigeria", "north-east"],
    ["Militants attacked villages in northeastern Kenya.", "Kenya", "north-east"],
    ["Drills were held in central Poland.", "Poland", "central"],
    ["Storms hit south-west England.", "England", "south-west"],
    ["Northern Syria has seen heavy fighting.", "Syria", "north"],
    ["North-eastern Nigeria is tense after the raids.", "Nigeria", "north-east"],
    ["Troops moved into Southern California.", "California", "south"],
  ])("%s -> %s, %s", (text, place, part) => {
    expect(parts(text)).toContainEqual([place, part]);
  });
  it("a part of a country does not act: it is the place, not the state", () => {
    const m = mentionsOf(run("Northern Syria reported heavy fighting.")).find((x) => x.text === "Syria");
    expect([m?.entity.kind, m?.role, m?.evidence[0]?.rule]).toEqual([
      "place",
      "literal",
      "part-does-not-act",
    ]);
    const whole = mentionsOf(run("Syria has denied the claim.")).find((x) => x.text === "Syria");
    expect([whole?.entity.kind, whole?.role]).toEqual(["actor", "metonymic"]);
  });
  it("leaves names and places without a direction as they are", () => {
    expect(parts("Talks were held in Northern Ireland and in Syria.")).toEqual([
      ["Northern Ireland", null],
      ["Syria", null],
    ]);
    // a town has no part; the place's point stays the place's
    const a = run("Shelling hit northern Kharkiv.");
    expect(mentionsOf(a, "place").find((m) => m.text === "Kharkiv")?.part).toBeUndefined();
  });
});

describe("a ministry named without its country", () => {
  const actorOf = (text: string) =>
    mentionsOf(run(text)).find((m) => m.text === "Ministry of Defence")?.entity.kbId ?? null;
  it("is the ministry of the country the story was filed from", () => {
    expect(
      actorOf("NEW DELHI - The Ministry of Defence said it had signed a contract for Rafale jets."),
    ).toBe("in-mod");
    expect(actorOf("LONDON - The Ministry of Defence said two frigates shadowed a Russian corvette.")).toBe(
      "gb-mod",
    );
  });
  it("is the ministry of the country named right before it", () => {
    const a = run(
      "Kenya's Ministry of Defence said troops had moved, and the Ministry of Defence of India agreed.",
    );
    expect(mentionsOf(a).find((m) => m.text === "Ministry of Defence")).toBeUndefined();
    const mod = mentionsOf(run("LONDON - Pakistan's MoD said it had signed a contract.")).find(
      (m) => m.text === "MoD",
    );
    expect([mod?.entity.kbId, mod?.evidence[0]?.rule]).toEqual(["pk-mod", "generic-name-of-named-country"]);
  });
  it("is no other country's when the knowledge base lacks that country's ministry", () => {
    expect(actorOf("SUVA - The Ministry of Defence said troops had been deployed.")).toBeNull();
    expect(actorOf("COLOMBO - The Ministry of Defence said troops had been deployed.")).toBe("lk-mod");
  });
  it("keeps the knowledge base's reading without a dateline or outlet", () => {
    expect(actorOf("The Ministry of Defence said two frigates shadowed a Russian corvette.")).toBe("gb-mod");
  });
  it("is a department of that country where it has no ministry by name: 'PARIS -', 'TOKYO -', 'MOSCOW -'", () => {
    const actor = (text: string, surface: string) =>
      mentionsOf(run(text)).find((m) => m.text === surface)?.entity.kbId ?? null;
    expect(actor("PARIS - The Ministry of Defence said two Rafale jets flew.", "Ministry of Defence")).toBe(
      "fr-mod",
    );
    expect(
      actor("TOKYO - The Defense Ministry said a destroyer shadowed the carrier.", "Defense Ministry"),
    ).toBe("jp-mod");
    expect(actor("BEIJING - The Foreign Ministry said it opposed the sale.", "Foreign Ministry")).toBe(
      "cn-mfa",
    );
    expect(actor("MOSCOW - The Interior Ministry said it detained two men.", "Interior Ministry")).toBe(
      "ru-mvd",
    );
  });
  it("with no country named or filed from, is a ministry whose country is not said, never a guess", () => {
    const m = mentionsOf(run("The Ministry of Foreign Affairs said it had summoned the ambassador.")).find(
      (x) => x.text === "Ministry of Foreign Affairs",
    );
    // (not the magazine Foreign Affairs, whose name is inside it)
    expect([m?.entity.kbId, m?.evidence[0]?.rule]).toEqual([
      "generic-foreign-ministry",
      "generic-name-country-not-said",
    ]);
    expect(m?.entity.kind === "actor" && m.entity.countryCode).toBeUndefined();
    expect(
      entityFor(run("Foreign Affairs magazine said the talks failed."), "Foreign Affairs magazine")?.kbId,
    ).toBe("foreign-affairs");
  });
  it("reads 'the MoD' so too, as the ministry itself, and not a game's 'mod'", () => {
    const mod = (text: string) => mentionsOf(run(text)).find((m) => m.text === "MoD");
    expect(mod("NEW DELHI - The MoD said it had signed a contract.")?.entity.kbId).toBe("in-mod");
    const uk = mod("The MoD said two frigates shadowed a Russian corvette.");
    expect([uk?.entity.kbId, uk?.role]).toEqual(["gb-mod", "literal"]);
    expect(mentionsOf(run("Players installed a mod for the game."))).toEqual([]);
  });
});

describe("a dateline names the town the story was filed from", () => {
  const body =
    "The provincial government of British Columbia will expropriate two farms for the dam, officials said on Monday.";
  it("'VICTORIA -' opening a story set in British Columbia is the town, not the Australian state", () => {
    const e = entityFor(run(`VICTORIA - ${body}`), "VICTORIA");
    expect(e?.kind).toBe("place");
    expect(e?.kind === "place" && e.featureType).toBe("city");
    expect(e?.kind === "place" && e.countryCode).toBe("CA");
  });
  it("with the agency's name after it: 'Victoria (CP) -'", () => {
    const e = entityFor(run(`Victoria (CP) - ${body}`), "Victoria");
    expect(e?.kind === "place" && e.featureType).toBe("city");
  });
  it("a small town written as a dateline is kept, as it would be after 'in'", () => {
    const a = run(
      "INNISFAIL - A nine-year-old skater from the town won a provincial medal in Red Deer, Alberta.",
    );
    expect(entityFor(a, "INNISFAIL")?.kind).toBe("place");
  });
  it("the same name in the middle of a sentence is not a dateline: 'in Victoria' stays the state", () => {
    const e = entityFor(run("Bushfires burned across Victoria and New South Wales on Monday."), "Victoria");
    expect(e?.kind === "place" && e.featureType).toBe("admin1");
  });
  it("a capitalised word opening a sentence with no dash after it is no dateline", () => {
    const a = run(
      "The ministry spoke. INNISFAIL is a name the gazetteer knows, but nothing here says where.",
    );
    expect(entityFor(a, "INNISFAIL")).toBeUndefined();
  });
});

describe("a state's abbreviation after a town the gazetteer does not know there", () => {
  const text =
    "HOLLIDAY, Mo. — A 25-year-old man from Paris, Missouri, was arrested on Friday after a crash on Route 24.";
  it("sets aside the namesake in another state and keeps the town as a toponym the gazetteer lacks", () => {
    const a = run(text);
    expect(entityFor(a, "HOLLIDAY")).toBeUndefined();
    const f = a.findings.find((x) => x.rule === "no-reading-in-named-state");
    expect(f?.spans[0]?.text).toBe("HOLLIDAY");
    expect(f?.setAside?.kbId).toBeDefined();
    expect(f?.near?.name).toMatch(/Missouri|Paris/);
  });
  it("records the abbreviation as a mention of the state", () => {
    expect(entityFor(run(text), "Mo.")?.name).toBe("Missouri");
  });
  it("keeps a town that has a reading in that state", () => {
    const e = entityFor(
      run("GAINESVILLE, Fla. — The university reopened its campus on Monday."),
      "GAINESVILLE",
    );
    expect(e?.kind === "place" && e.countryCode).toBe("US");
    expect(entityFor(run("GAINESVILLE, Fla. — The university reopened on Monday."), "Fla")?.name).toBe(
      "Florida",
    );
  });
  it("a state's full name after a comma may start a list, and sets nothing aside", () => {
    const a = run("Leaders met in Toronto, Washington and Ottawa last week.");
    expect(a.findings.find((x) => x.rule === "no-reading-in-named-state")).toBeUndefined();
    // the Canadian city, not a Toronto in the US
    const e = entityFor(a, "Toronto");
    expect(e?.kind === "place" ? e.countryCode : undefined).toBe("CA");
  });
  it("a state's full name closed by a comma pins the town down as its abbreviation does", () => {
    const a = run("An earthquake struck near Petrolia, California, early Sunday.");
    expect(entityFor(a, "Petrolia")).toBeUndefined();
    expect(a.findings.find((x) => x.rule === "no-reading-in-named-state")?.spans[0]?.text).toBe("Petrolia");
    // a town the state has stays
    const paris = entityFor(run("He lives in Paris, Texas, with his wife."), "Paris");
    expect(paris?.kind === "place" ? paris.countryCode : undefined).toBe("US");
  });
});

describe("a site read by the bare name of its town", () => {
  const placeOf = (text: string, surface: string) => entityFor(run(text), surface);
  it.each([
    // a town of 20,000 or more beside the site: the words say the town
    ["Aid arrived in Rzeszow, Poland, on Monday.", "Rzeszow", "city"],
    ["Residents of Liepaja protested against the plan.", "Liepaja", "city"],
    // the site named as such, or a village known for its base, or a town far from the site named after it
    ["Cargo planes landed at Rzeszow airport on Monday.", "Rzeszow airport", "airport"],
    ["NATO jets left Siauliai air base on Tuesday.", "Siauliai air base", "air-base"],
    ["US tankers took off from Incirlik on Friday.", "Incirlik", "air-base"],
    ["Semipalatinsk was the main Soviet nuclear test site.", "Semipalatinsk", "nuclear-site"],
  ])("%s -> %s is the %s", (text, surface, type) => {
    const e = placeOf(text, surface);
    expect(e?.kind === "place" ? e.featureType : e?.kind).toBe(type);
  });
  it("keeps the site as the town's alternative", () => {
    const town = entityFor(run("Residents of Liepaja protested against the plan."), "Liepaja");
    expect(town?.kind === "place" && town.alternatives?.map((a) => a.kbId)).toContain("liepaja-naval-base");
  });
});

describe("bridges and dams", () => {
  it.each([
    ["Ukrainian drones struck the Crimean Bridge overnight.", "Crimean Bridge", "crimean-bridge"],
    ["Traffic on the Kerch Bridge was halted for three hours.", "Kerch Bridge", "crimean-bridge"],
    ["The Kakhovka dam was destroyed in June 2023.", "Kakhovka dam", "kakhovka-dam"],
  ])("%s -> %s", (text, surface, id) => {
    expect(entityFor(run(text), surface)?.kbId).toBe(id);
  });
  it("reads the town without the word after it as the town", () => {
    expect(entityFor(run("Shelling hit Nova Kakhovka on Monday."), "Nova Kakhovka")?.kbId).not.toBe(
      "kakhovka-dam",
    );
  });
});

describe("what stands right after a town's name", () => {
  const placeOf = (text: string, surface: string) => {
    const e = entityFor(run(text), surface);
    return e?.kind === "place" ? e.countryCode : undefined;
  };
  it("'in' and a country qualify the town as a comma would ('Tripoli in northern Lebanon')", () => {
    expect(placeOf("Clashes erupted in Tripoli in northern Lebanon on Monday.", "Tripoli")).toBe("LB");
    expect(placeOf("Rebels entered Tripoli in 2011.", "Tripoli")).toBe("LY");
  });
  it("a description after a comma qualifies the town ('Tripoli, a city in northern Lebanon')", () => {
    expect(placeOf("Protests spread to Tripoli, a city in northern Lebanon.", "Tripoli")).toBe("LB");
    expect(placeOf("Troops entered Tripoli, the capital of Libya.", "Tripoli")).toBe("LY");
    const paris = entityFor(run("Paris, a small town in Tennessee, held a parade."), "Paris");
    expect(paris?.kind === "place" ? [paris.countryCode, paris.lat > 35 && paris.lon < -85] : []).toEqual([
      "US",
      true,
    ]);
  });
  it("a number makes a small town's name a site's ('Tower 22'), unless it counts what follows", () => {
    expect(entityFor(run("Three soldiers were killed at Tower 22 in Jordan."), "Tower")).toBeUndefined();
    expect(placeOf("Troops left Bakhmut 12 days later.", "Bakhmut")).toBe("UA");
    expect(placeOf("Strikes hit Kupiansk 30 km away.", "Kupiansk")).toBe("UA");
  });
});

describe("the part of a place a direction names", () => {
  it("keeps the part of a sea, with a point in that part", () => {
    const a = run("Russian warships sailed in the eastern Mediterranean and the northern Red Sea.");
    const med = mentionsOf(a).find((m) => m.text === "Mediterranean");
    expect(med?.part).toBe("east");
    expect(med?.partPoint?.lon).toBeGreaterThan(25);
    const red = mentionsOf(a).find((m) => m.text === "Red Sea");
    expect(red?.part).toBe("north");
    expect(red?.partPoint?.lat).toBeGreaterThan(24);
  });
  it("gives no part where no direction comes before the place", () => {
    const m = mentionsOf(run("Warships sailed in the Mediterranean.")).find(
      (x) => x.text === "Mediterranean",
    );
    expect(m?.part).toBeUndefined();
    expect(m?.partPoint).toBeUndefined();
  });
});

describe("places conflict reporting names that the city package lacks", () => {
  it("finds border crossings and the quarters and camps of Gaza, the West Bank and Beirut", () => {
    const a = run(
      "Aid trucks entered through the Kerem Shalom crossing. Israeli strikes hit Zeitoun and Shujaiya in Gaza City, Dahiyeh in Beirut and the Nur Shams camp.",
    );
    const places = a.entities.filter((e) => e.kind === "place").map((e) => e.name);
    expect(places).toEqual(
      expect.arrayContaining(["Kerem Shalom crossing", "Zeitoun", "Shujaiya", "Dahiyeh", "Nur Shams"]),
    );
    const crossing = a.entities.find((e) => e.name === "Kerem Shalom crossing");
    expect(crossing?.kind === "place" ? crossing.featureType : undefined).toBe("border-crossing");
  });
});

describe("red-team 3: theatres beyond Ukraine and Gaza", () => {
  const kbIdOf = (text: string, surface: string) => entityFor(run(text), surface)?.kbId;
  it("'Congo' is the country the story's other places choose, the DR Congo by default", () => {
    expect(kbIdOf("Congo's army clashed with M23 rebels near Goma on Monday.", "Congo")).toBe("state-CD");
    expect(kbIdOf("Floods hit Congo on Monday.", "Congo")).toBe("country-CD");
    expect(kbIdOf("Congo's president met officials in Brazzaville.", "Congo")).toBe("country-CG");
    expect(kbIdOf("Troops crossed into Congo-Brazzaville.", "Congo-Brazzaville")).toBe("country-CG");
  });
  it("a town after a direction's or a place word's 'of' is read as after 'in' ('south of Gao')", () => {
    expect(kbIdOf("Militants attacked a checkpoint south of Gao on Monday.", "Gao")).toBe("gn-2457163");
    expect(kbIdOf("A convoy was ambushed 40 km south of Gao last week.", "Gao")).toBe("gn-2457163");
    // without one, the surname stays no place
    expect(entityFor(run("Gao said the talks went well."), "Gao")?.kind).not.toBe("place");
  });
  it("reports an unknown name after 'the town of' as a place the gazetteer does not know", () => {
    const a = run("Troops entered the town of Foobaria on Monday.");
    expect(a.findings.some((f) => f.kind === "unresolved-toponym" && f.spans[0]?.text === "Foobaria")).toBe(
      true,
    );
    expect(
      run("The Bank of England raised rates.").findings.some((f) => f.kind === "unresolved-toponym"),
    ).toBe(false);
    expect(kbIdOf("The Arakan Army captured the town of Paletwa in Chin State.", "Paletwa")).toBe(
      "town-mm-paletwa",
    );
  });
  it("a name given to a thing, or to an exercise, is no place", () => {
    expect(entityFor(run("Taiwan will hold its Han Kuang exercise in July."), "Kuang")).toBeUndefined();
    expect(
      entityFor(run("Iran unveiled a new drone named Gaza during a ceremony in Tehran."), "Gaza"),
    ).toBeUndefined();
    // a town so named, or a big town's offensive, stays a place
    expect(entityFor(run("Troops entered a town called Pokrovsk."), "Pokrovsk")?.kind).toBe("place");
    expect(entityFor(run("The Kursk offensive stalled in the autumn."), "Kursk")?.kind).toBe("place");
  });
  it("a ship's name before its noun, in commas after it, and written again later, is the ship", () => {
    expect(entityFor(run("The Kazan submarine docked in Havana on Wednesday."), "Kazan")?.kind).toBe(
      "equipment",
    );
    expect(
      entityFor(run("Cuba let a Russian nuclear-powered submarine, the Kazan, dock in Havana."), "Kazan")
        ?.kind,
    ).toBe("equipment");
    const moskva = run(
      "Ukraine struck the cruiser Moskva with two Neptune missiles. The Moskva sank the next day.",
    );
    const ships = moskva.entities.filter((e) => e.kind === "equipment" && e.name === "Moskva");
    expect(ships).toHaveLength(1);
    expect(ships[0]!.mentions).toHaveLength(2);
    expect(moskva.entities.some((e) => e.kind === "place" && e.name === "Moscow")).toBe(false);
    // an owner, a country or a demonym before the noun is no name
    for (const text of [
      "The US submarine arrived.",
      "The Navy destroyer arrived.",
      "The Russian submarine left.",
    ])
      expect(
        run(text)
          .entities.filter((e) => e.kind === "equipment")
          .map((e) => e.name),
      ).not.toContainEqual(expect.stringMatching(/^(?:US|Navy|Russian)$/));
  });
  it("a name whose own last word is its equipment noun needs no other military word", () => {
    expect(kbIdOf("Japan commissioned a Mogami-class frigate.", "Mogami-class frigate")).toBe("mogami-class");
    expect(
      kbIdOf("China's Fujian aircraft carrier sailed through the Taiwan Strait.", "Fujian aircraft carrier"),
    ).toBe("type-003");
    expect(kbIdOf("Flooding hit Fujian province.", "Fujian province")).toBe("cn-fujian");
  });
  it("finds the systems and places the red team named", () => {
    for (const [text, surface, id] of [
      [
        "The Philippines deployed a Typhon missile system in northern Luzon.",
        "Typhon missile system",
        "typhon",
      ],
      ["Indonesia ordered 42 KAAN fighters from Turkey.", "KAAN", "kaan"],
      ["US Marines deployed NMESIS launchers to Batanes.", "NMESIS", "nmesis"],
      ["A Chinese Y-9 flew near the island.", "Y-9", "y-9"],
      ["The coast guard used water cannon against a supply boat.", "water cannon", "class-water-cannon"],
      ["The last US troops left Air Base 201 in Agadez.", "Air Base 201", "air-base-201"],
      ["Chinese ships were seen at Luconia Shoals.", "Luconia Shoals", "luconia-shoals"],
      ["A Russian helicopter violated airspace near Vaindloo.", "Vaindloo", "vaindloo"],
      // British spelling; and a bay named after its town is the bay
      ["Troops crossed the Demilitarised Zone at dawn.", "Demilitarised Zone", "korean-dmz"],
      ["A Russian frigate sailed into the Bay of Kotor.", "Bay of Kotor", "bay-of-kotor"],
      // a company named after a place is the company
      ["Chips made by Texas Instruments were found in the drone.", "Texas Instruments", "texas-instruments"],
    ])
      expect(kbIdOf(text, surface), text).toBe(id);
  });
});

describe("a branch named without its country", () => {
  it("is the branch of the country the sentence names before it, when the knowledge base has it", () => {
    const id = (text: string) => entityFor(run(text), text.match(/National Guard(?: troops)?/)![0])?.kbId;
    expect(id("Mexico deployed 10,000 National Guard troops to its northern border.")).toBe(
      "mx-national-guard",
    );
    expect(id("Venezuela deployed the National Guard to the coast.")).toBe("ve-gnb");
    // with no other country named, the US one
    expect(id("Governor Abbott sent National Guard troops to the border in Texas.")).toBe(
      "us-national-guard",
    );
  });
});

describe("red-team 4: places of ordinary news", () => {
  const kbIdOf = (text: string, surface: string) => entityFor(run(text), surface)?.kbId;
  it("finds the regions news names without a gazetteer's word for them", () => {
    for (const [text, surface, id] of [
      ["Farmers across the Midwest are racing to harvest corn.", "Midwest", "us-midwest"],
      ["Rents in the Bay Area fell for the third straight month.", "Bay Area", "san-francisco-bay-area"],
      ["Snow is expected in New England this weekend.", "New England", "new-england"],
      ["Pacific Northwest salmon runs are the worst in decades.", "Pacific Northwest", "pacific-northwest"],
      ["Silicon Valley investors poured money into startups.", "Silicon Valley", "silicon-valley"],
      ["Hikers were rescued in the Lake District.", "Lake District", "lake-district"],
    ])
      expect(kbIdOf(text, surface), text).toBe(id);
    // not England, the Pacific or The Valley in Anguilla
    expect(entityFor(run("Snow is expected in New England this weekend."), "England")).toBeUndefined();
  });
  it("finds Irish towns GeoNames holds under their Irish names", () => {
    expect(kbIdOf("Gardaí in Galway are appealing for witnesses.", "Galway")).toBe("gn-2964180");
    expect(kbIdOf("Police in Limerick said the bridge would reopen.", "Limerick")).toBe("gn-2962943");
  });
  it("reads a province or state of another country after a comma as a town's qualifier", () => {
    const cc = (text: string, surface: string) => {
      const e = entityFor(run(text), surface);
      return e?.kind === "place" ? e.countryCode : undefined;
    };
    expect(
      cc("The pilot had departed from Victoria, British Columbia, before losing contact.", "Victoria"),
    ).toBe("CA");
    expect(cc("London, Ontario, police are investigating a stabbing.", "London")).toBe("CA");
    expect(cc("Police in Kingston, Ontario, said a cyclist was injured.", "Kingston")).toBe("CA");
    const aurangabad = entityFor(run("Aurangabad, Bihar, reported a heat wave."), "Aurangabad");
    expect(aurangabad?.kind === "place" ? aurangabad.lon : 0).toBeGreaterThan(83);
    // without one, the larger namesake
    expect(cc("London police are investigating a stabbing.", "London")).toBe("GB");
  });
  it("reads Georgia as the US state where the state's words say so", () => {
    for (const text of [
      "Georgia's governor signed a bill expanding rural broadband access across the state.",
      "A Georgia man was arrested for fraud in Savannah.",
      "The governor of Georgia spoke on Monday.",
    ])
      expect(kbIdOf(text, "Georgia"), text).toBe("us-georgia");
    expect(kbIdOf("Georgia's parliament passed the law in Tbilisi.", "Georgia")).toBe("country-GE");
    expect(kbIdOf("Georgia Gov. Brian Kemp spoke in Atlanta.", "Georgia")).toBe("us-georgia");
  });
  it("reads New York and Washington as the states where their government's words follow or precede", () => {
    expect(kbIdOf("Former New York Gov. Mario Cuomo died on Thursday.", "New York")).toBe(
      "us-new-york-state",
    );
    expect(kbIdOf("The governor of Washington signed the bill.", "Washington")).toBe("us-washington-state");
    expect(kbIdOf("Washington's attorney general sued the company.", "Washington")).toBe(
      "us-washington-state",
    );
    // without them, the city and the capital
    expect(kbIdOf("He moved to New York after college.", "New York")).toBe("gn-5128581");
    expect(kbIdOf("Washington warned Moscow on Friday.", "Washington")).not.toBe("us-washington-state");
    expect(kbIdOf("The New York Times reported the governor's plan.", "New York")).not.toBe(
      "us-new-york-state",
    );
  });
  it("reads a town before its police or its plant as the town", () => {
    expect(kbIdOf("Tyler police arrested a man suspected of theft.", "Tyler")).toBe("gn-4738214");
    expect(entityFor(run("Boeing said production at its Everett plant would resume."), "Everett")?.kind).toBe(
      "place",
    );
    expect(entityFor(run("Tyler said he would run again."), "Tyler")?.kind).not.toBe("place");
    // its people: "an Alexandria man", in a story set in Virginia
    const alexandria = entityFor(
      run("An Alexandria man remains hospitalized after a crash on Route 1 in Fairfax County, Virginia."),
      "Alexandria",
    );
    expect(alexandria?.kind === "place" ? alexandria.countryCode : undefined).toBe("US");
  });
  it("finds rivers, the one near the story's places", () => {
    expect(kbIdOf("Flood warnings remain in effect for the Red River near Fargo.", "Red River")).toBe(
      "red-river-of-the-north",
    );
    expect(kbIdOf("The Thames burst its banks near Oxford after days of rain.", "Thames")).toBe(
      "river-thames",
    );
    expect(kbIdOf("The Columbia River dam will be upgraded.", "Columbia River")).toBe("columbia-river");
  });
});

describe("a capital whose name a bigger city abroad shares", () => {
  it("does not stand for its government when that city acts", () => {
    const a = run("San Jose approved a new tax on vacant homes to fund affordable housing.");
    expect(a.entities.some((e) => e.kind === "actor" && e.name.includes("Costa Rica"))).toBe(false);
    // a capital with no such namesake still does
    expect(entityFor(run("Kingston said the ships would leave."), "Kingston")?.kind).toBe("actor");
  });
});

describe("the people of a state, a province or a region", () => {
  it.each([
    ["South Ossetian forces detained two men near the boundary.", "South Ossetian", "south-ossetia"],
    ["Ohioans voted on Tuesday.", "Ohioans", "us-ohio"],
    ["Many Ontarians oppose the plan.", "Ontarians", "ca-ontario"],
    ["Crimean Tatars protested in Kyiv.", "Crimean", "crimea"],
  ])("%s -> %s is a demonym of %s", (text, surface, id) => {
    const m = mentionsOf(run(text)).find((x) => x.text === surface);
    expect(m?.role).toBe("demonym");
    expect(m?.entity.kbId).toBe(id);
  });
});

/** A toponym's country and feature type, or the kind of what it was read as when no place. */
const kindOf = (text: string, surface: string) => {
  const e = entityFor(run(text), surface);
  return e?.kind === "place" ? [e.countryCode, e.featureType] : e ? [e.kind] : undefined;
};

describe("general news beyond the newsroom's usual places (red-team 6)", () => {
  const placeOf = kindOf;
  it("reads a small capital's name as a city twenty times its size, unless the story names its country", () => {
    expect(placeOf("Hamilton's mayor said the city would host the Grey Cup.", "Hamilton")).toEqual([
      "CA",
      "city",
    ]);
    expect(placeOf("Thousands attended the festival in Plymouth on Saturday.", "Plymouth")).toEqual([
      "GB",
      "city",
    ]);
    expect(placeOf("Bermuda's premier spoke in Hamilton on Friday.", "Hamilton")).toEqual(["BM", "capital"]);
    // a capital with no such namesake keeps its prior
    expect(placeOf("Police in Stanley arrested two men.", "Stanley")).toEqual(["FK", "capital"]);
    expect(placeOf("Officials met in Vaduz on Monday.", "Vaduz")).toEqual(["LI", "capital"]);
  });
  it("reads a place that undergoes or hosts as the place, not its government acting", () => {
    expect(placeOf("Havana suffered another island-wide blackout.", "Havana")).toEqual(["CU", "capital"]);
    expect(placeOf("Tokyo recorded its hottest day on record.", "Tokyo")).toEqual(["JP", "capital"]);
    expect(placeOf("Riyadh will host Expo 2030.", "Riyadh")).toEqual(["SA", "capital"]);
    expect(placeOf("Filipino nurses recruited to the UK say they are underpaid.", "UK")).toEqual([
      "GB",
      "country",
    ]);
    // governments acting stay actors
    expect(placeOf("Beijing said it would respond.", "Beijing")).toEqual(["actor"]);
    expect(placeOf("The UK said it would respond.", "UK")).toEqual(["actor"]);
  });
  it("reads the demonyms of more countries and regions", () => {
    const demonyms = (text: string) =>
      mentionsOf(run(text), "place")
        .filter((m) => m.role === "demonym")
        .map((m) => [m.text, m.entity.kbId]);
    expect(
      demonyms(
        "Kazakh wrestlers, Nepali officials, Catalan separatists and Welsh farmers met Kiwi travellers.",
      ),
    ).toEqual([
      ["Kazakh", "country-KZ"],
      ["Nepali", "country-NP"],
      ["Catalan", "es-catalonia"],
      ["Welsh", "gb-wales"],
      ["Kiwi", "country-NZ"],
    ]);
    expect(demonyms("Bavarian officials, Scottish ministers and Bosnian Serb leaders spoke.")).toEqual([
      ["Bavarian", "de-bavaria"],
      ["Scottish", "gb-scotland"],
      ["Bosnian", "country-BA"],
    ]);
  });
  it("knows the famous peaks, reefs, monuments, lakes and tourist regions news names", () => {
    const ids = (text: string) => mentionsOf(run(text), "place").map((m) => m.entity.kbId);
    expect(ids("Climbers on Kilimanjaro and Everest were rescued.")).toEqual([
      "kilimanjaro",
      "mount-everest",
    ]);
    expect(ids("Coral bleaching on the Great Barrier Reef worsened near the Algarve.")).toEqual([
      "great-barrier-reef",
      "algarve",
    ]);
    expect(ids("Fishing resumed on Lake Erie, and tourists returned to Machu Picchu and Petra.")).toEqual([
      "lake-erie",
      "machu-picchu",
      "petra-site",
    ]);
    expect(ids("Petra Kvitova won in Prague.")).not.toContain("petra-site");
  });
  it("reads an institution's seat as the institution, and as the building after 'at' or 'inside'", () => {
    const seat = (text: string) =>
      mentionsOf(run(text))
        .filter((m) => m.text === "White House" || m.text === "Kremlin")
        .map((m) => [m.role, m.evidence?.map((e) => e.rule).find((r) => r.includes("seat"))]);
    expect(seat("The White House declined to comment.")).toEqual([["metonymic", "institution-by-its-seat"]]);
    expect(seat("Talks were held at the White House on Monday.")).toEqual([["literal", "seat-as-place"]]);
    expect(seat("Protesters gathered outside the Kremlin.")).toEqual([["literal", "seat-as-place"]]);
  });
  it("reads a name after an outlet's kind as the outlet ('the state news agency Petra')", () => {
    const petra = (text: string) => entityFor(run(text), "Petra")?.kind;
    expect(
      petra("In a statement carried by the state news agency Petra, the army said the drones were downed."),
    ).toBe("actor");
    expect(petra("Tourism to Petra fell sharply this year.")).toBe("place");
  });
  it("knows the short names news gives cities GeoNames lists under long ones", () => {
    expect(placeOf("Fans in Newcastle celebrated, and pubs in Sunderland were full.", "Newcastle")).toEqual([
      "GB",
      "city",
    ]);
    expect(placeOf("She travelled from Buenos Aires to Rio on Monday.", "Rio")).toEqual(["BR", "city"]);
    expect(placeOf("Fires burned near Santa Cruz, Bolivia's government said.", "Santa Cruz")).toEqual([
      "BO",
      "city",
    ]);
    expect(placeOf("Factories in Leon, Mexico, closed.", "Leon")).toEqual(["MX", "city"]);
    expect(placeOf("He grew up in Calcutta.", "Calcutta")).toEqual(["IN", "city"]);
    expect(placeOf("Investors in HK reacted.", "HK")).toEqual(["HK", "country"]);
    // context still chooses the namesake
    expect(placeOf("The Santa Cruz City Council met on Tuesday in California.", "Santa Cruz")).toEqual([
      "US",
      "city",
    ]);
  });
  it("sets aside a town with no reading in the country named after it and a comma", () => {
    const a = run("Floods hit Victoria, Guyana, on Monday. Protests spread to Paris, Kenya.");
    expect(a.entities.map((e) => e.name)).toEqual(["Guyana", "Kenya"]);
    expect(
      a.findings
        .filter((f) => f.rule === "no-reading-in-named-country")
        .map((f) => [f.spans[0]!.text, f.near?.name]),
    ).toEqual([
      ["Victoria", "Guyana"],
      ["Paris", "Kenya"],
    ]);
    // a reading in the country named stands
    expect(placeOf("Police in Tripoli, Lebanon, said.", "Tripoli")).toEqual(["LB", "city"]);
  });
});

describe("local news (red-team 7)", () => {
  const placeOf = kindOf;
  const kbIdOf = (text: string, surface: string) => entityFor(run(text), surface)?.kbId;
  it("reads a name before a town's council, police or schools as a town, a capital as one town among its namesakes", () => {
    expect(
      kbIdOf(
        "The Lebanon Board of Education voted to approve the budget for the Wilson County district.",
        "Lebanon",
      ),
    ).toBe("gn-4636045");
    expect(placeOf("The Vienna Town Council in Virginia approved the plan.", "Vienna")).toEqual([
      "US",
      "city",
    ]);
    expect(placeOf("The Hamilton Police Service charged a teen.", "Hamilton")).toEqual(["CA", "city"]);
    // a name that is also a person's is kept there
    expect(placeOf("The Austin City Council approved the budget.", "Austin")).toEqual(["US", "city"]);
    expect(placeOf("The Tyler Police Department arrested a man.", "Tyler")).toEqual(["US", "city"]);
    expect(placeOf("Tyler ISD closed its schools on Monday.", "Tyler")).toEqual(["US", "city"]);
    // not without the body's words
    expect(placeOf("Lebanon's army deployed along the border.", "Lebanon")).not.toEqual(["US", "city"]);
    expect(placeOf("Austin Butler said the film was done.", "Austin")).toBeUndefined();
  });
  it("reads a team named by its town or state as that big place, kept whatever its name", () => {
    const sport = (text: string) =>
      mentionsOf(run(text), "place").map((m) => [
        m.text,
        m.entity.kind === "place" ? m.entity.kbId : "",
        m.evidence?.[0]?.rule,
      ]);
    expect(sport("Boston beat Denver 112-104 on Friday night.")).toEqual([
      ["Boston", "gn-4930956", "sports-team"],
      ["Denver", "gn-5419384", "sports-team"],
    ]);
    expect(sport("Kerala beat Punjab by six wickets.").map(([t, , r]) => [t, r])).toEqual([
      ["Kerala", "sports-team"],
      ["Punjab", "sports-team"],
    ]);
    // not without a score or a margin
    expect(sport("Russia beat back an attack on Kharkiv.").map(([, , r]) => r)).not.toContain("sports-team");
  });
  it("reads a base's name as its town in a story with no military word", () => {
    expect(placeOf("A Lossiemouth man was fined for speeding.", "Lossiemouth")).toEqual(["GB", "city"]);
    expect(placeOf("The Fairford parish council met on Monday.", "Fairford")).toEqual(["GB", "city"]);
    expect(
      placeOf(
        "A Launceston man will face the Supreme Court in Hobart charged with arson in Devonport.",
        "Devonport",
      ),
    ).toEqual(["AU", "city"]);
    // with military words, the base
    expect(placeOf("Two new F-35s landed at Lossiemouth.", "Lossiemouth")).toEqual(["GB", "air-base"]);
    expect(placeOf("Warships returned to Devonport on Friday.", "Devonport")).toEqual(["GB", "naval-base"]);
  });
  it("counts a state abbreviated after a town as a state the story names, for its counties", () => {
    const county = (text: string, surface: string) => {
      const e = entityFor(run(text), surface);
      return e?.kind === "place" && e.kbId ? kb.place(e.kbId)?.admin : undefined;
    };
    expect(
      county("LINCOLN, Neb. — A man was sentenced Tuesday in Lancaster County Court.", "Lancaster County"),
    ).toBe("NE");
    expect(county("HOLLIDAY, Mo. — The Monroe County Commission met Monday.", "Monroe County")).toBe("MO");
  });
  it("reads a name the story qualifies once as that place wherever it stands unqualified", () => {
    const ids = (text: string, surface: string) =>
      mentionsOf(run(text), "place")
        .filter((m) => m.text.toLowerCase() === surface.toLowerCase())
        .map((m) =>
          m.entity.kind === "place"
            ? m.entity.countryCode + (m.entity.featureType === "city" ? "" : "?")
            : "",
        );
    expect(ids("LONDON, Ont. — A London man faces impaired driving charges.", "London")).toEqual([
      "CA",
      "CA",
    ]);
    expect(
      ids("Springfield, Mass., police said the man was found near a store in Springfield.", "Springfield"),
    ).toEqual(["US", "US"]);
    const springfields = mentionsOf(
      run("Springfield, Mass., police said the man was found near a store in Springfield."),
      "place",
    ).filter((m) => m.text === "Springfield");
    expect(new Set(springfields.map((m) => m.entity.id)).size).toBe(1);
    // two qualifiers that choose two places leave a bare mention to the usual reading
    const paris = mentionsOf(
      run("Paris, Texas, and Paris, France, are far apart. Tourists love Paris."),
      "place",
    ).find((m) => m.start > 50);
    expect(paris?.evidence?.map((e) => e.rule)).not.toContain("same-name-qualified-elsewhere");
  });
});

describe("red-team leftovers: clubs, companies, counties, who acts where", () => {
  it("reads a city in a football club's name as a modifier, not its government acting or where it happened", () => {
    const real = roleOf("Real Madrid signed the Brazilian striker on Tuesday.", "Madrid");
    expect(real?.role).toBe("modifier");
    expect(real?.evidence?.[0]?.rule).toBe("club-name");
    expect(kindOf("Real Madrid signed the Brazilian striker on Tuesday.", "Madrid")).toEqual([
      "ES",
      "capital",
    ]);
    expect(roleOf("Shakhtar Donetsk beat Dynamo Kyiv 2-1 in Lviv.", "Donetsk")?.role).toBe("modifier");
    expect(roleOf("Shakhtar Donetsk beat Dynamo Kyiv 2-1 in Lviv.", "Kyiv")?.role).toBe("modifier");
    expect(roleOf("Shakhtar Donetsk beat Dynamo Kyiv 2-1 in Lviv.", "Lviv")?.role).toBe("literal");
    expect(roleOf("Fans of Red Star Belgrade clashed with police.", "Belgrade")?.role).toBe("modifier");
    // not after another word, nor "Star" without "Red"
    expect(roleOf("Madrid signed the agreement on Tuesday.", "Madrid")?.role).toBe("metonymic");
    expect(roleOf("The North Star Belgrade hotel opened.", "Belgrade")?.role).not.toBe("modifier");
    expect(roleOf("Fighting in Donetsk intensified on Tuesday.", "Donetsk")?.role).toBe("literal");
  });

  it("reads a river's bare name before a verb as a namesake, not the river; 'the Amazon' is the river", () => {
    expect(entityFor(run("Amazon said it would hire 5,000 workers in Ohio."), "Amazon")).toBeUndefined();
    expect(kindOf("Deforestation in the Amazon rose by 20 percent last year.", "Amazon")?.[1]).toBe("river");
    expect(kindOf("The Amazon flooded villages upstream of Manaus.", "Amazon")?.[1]).toBe("river");
  });

  it("reads Irish counties by their bare names and after 'Co.'", () => {
    expect(kindOf("Floods hit Mayo and Galway after heavy rain.", "Mayo")).toEqual(["IE", "admin1"]);
    expect(
      entityFor(run("Gardaí in Co. Kerry said the crash happened near Killarney."), "Co. Kerry")?.name,
    ).toBe("County Kerry");
    expect(kindOf("Gardaí in Co. Kerry said the crash happened near Killarney.", "Killarney")?.[0]).toBe(
      "IE",
    );
    expect(kindOf("The farmer from Tyrone was fined in Omagh.", "Tyrone")).toEqual(["GB", "admin1"]);
  });

  it("reads a surname alone that is also a county's as the place after a locative or beside a place", () => {
    expect(kindOf("Voters in Cork and Kerry backed the proposal.", "Kerry")).toEqual(["IE", "admin1"]);
    expect(kindOf("Heavy rain caused flooding in Kerry on Monday.", "Kerry")).toEqual(["IE", "admin1"]);
    expect(kindOf("Kerry or Clare could host the games.", "Kerry")).toEqual(["IE", "admin1"]);
    // the person where the story names him in full, or beside another person
    const named = run("John Kerry met Sergei Lavrov in Geneva. Kerry said the talks were useful in Geneva.");
    expect(entityFor(named, "Kerry")?.kind).toBe("actor");
    expect(kindOf("Merkel and Kerry met in Berlin.", "Kerry")).toEqual(["actor"]);
    expect(kindOf("Kerry said the United States would not recognise the vote.", "Kerry")).toEqual(["actor"]);
  });

  it("weighs a country its actors alone name less than one named as a place or a people", () => {
    // the Ukrainian city of a million, not the Russian town of 50,000 the attackers' country holds
    expect(kindOf("Russian forces shelled Donetsk on Tuesday.", "Donetsk")?.[0]).toBe("UA");
    // the country named as a place keeps its full weight
    expect(
      kindOf("In Russia's Rostov region, officials in Donetsk said the bridge was closed.", "Donetsk")?.[0],
    ).toBe("RU");
    const e = entityFor(run("Russian forces shelled Donetsk on Tuesday."), "Donetsk");
    expect(e?.mentions[0]?.evidence.some((x) => x.rule === "country-in-document")).toBe(false);
  });
});

describe("front-line towns beside the attacker's actors (red-team 8)", () => {
  const townOf = (text: string, surface: string) => {
    const e = entityFor(run(text, "2026-11-20"), surface);
    return e?.kind === "place" ? [e.countryCode, e.name] : undefined;
  };
  it("does not take the actors' country for where the story is set", () => {
    expect(
      townOf(
        "Russian forces captured Pokrovsk after a months-long assault, the Russian defence ministry said.",
        "Pokrovsk",
      ),
    ).toEqual(["UA", "Pokrovsk"]);
    expect(
      townOf(
        "Russia's defence ministry said its troops had taken full control of Krasnoarmeysk.",
        "Krasnoarmeysk",
      ),
    ).toEqual(["UA", "Pokrovsk"]);
    expect(
      townOf(
        "Russian forces shelled Volchansk and Kupyansk, a Russian military blogger said.",
        "Volchansk",
      )?.[0],
    ).toBe("UA");
    expect(
      townOf("Russian forces attacked Ukrainian positions near Dimitrov, the ministry said.", "Dimitrov"),
    ).toEqual(["UA", "Myrnohrad"]);
    // where the words say Russia, Russia
    expect(townOf("Russian police detained protesters in Pokrovsk, Yakutia.", "Pokrovsk")?.[0]).toBe("RU");
  });

  it("counts a disputed region of one country as that country named", () => {
    expect(
      townOf(
        "Russian troops liberated Seversk in the Donetsk People's Republic, the ministry said.",
        "Seversk",
      ),
    ).toEqual(["UA", "Sivers’k"]);
  });

  it("never counts another reading of the same words as a near place", () => {
    // the Crimean village Konstantinovka is not "near" Kostiantynivka because the word was read as the city
    const e = entityFor(
      run("The Russian defence ministry said its forces had liberated Konstantinovka after heavy fighting."),
      "Konstantinovka",
    );
    expect(e?.kind === "place" && e.name).toBe("Kostyantynivka");
  });
});

describe("a town qualified by the region named after 'in' (red-team 8)", () => {
  it("reads the town's reading inside the region", () => {
    const e = entityFor(
      run("Ukrainian troops repelled an attack near Oleksandrivka in the Donetsk region."),
      "Oleksandrivka",
    );
    expect(e?.kind).toBe("place");
    if (e?.kind !== "place") return;
    // inside Donetsk Oblast's box, not the town of the Kirovohrad region 400 km west
    expect(e.lon).toBeGreaterThan(36.6);
    expect(e.countryCode).toBe("UA");
    expect(kindOf("Troops moved to Kramatorsk in the Donetsk region on Monday.", "Kramatorsk")).toEqual([
      "UA",
      "city",
    ]);
  });

  it("keeps a name with no reading in that region as one the gazetteer does not know there", () => {
    const a = run(
      "Russian troops have captured New York in the Donetsk region, the Russian defence ministry claimed.",
    );
    expect(entityFor(a, "New York")).toBeUndefined();
    const f = a.findings.find((x) => x.rule === "no-reading-in-named-region");
    expect(f?.spans[0]?.text).toBe("New York");
    expect(f?.message).toMatch(/Donetsk Oblast/);
    // after a comma or without a region noun, the usual reading
    expect(kindOf("Officials in Paris in France said the talks went well.", "Paris")).toEqual([
      "FR",
      "capital",
    ]);
  });
});

describe("equipment as wire copy names it (red-team 8)", () => {
  const systems = (text: string) =>
    run(text, "2026-11-20")
      .entities.filter((e) => e.kind === "equipment" && e.kbId && !e.kbId.startsWith("class-"))
      .map((e) => e.kbId);
  it("reads the bare and plural names of the Shahed family and of other systems; two plurals speak of the military together", () => {
    expect(systems("Russia launched 95 Shahed drones and three Iskander-M missiles at Odesa.")).toEqual([
      "shahed-136",
      "iskander-m",
    ]);
    expect(
      systems(
        "Russia launched 120 Shaheds and Gerans overnight, along with four Iskanders and two Kinzhals.",
      ),
    ).toEqual(["shahed-136", "iskander-m", "kh-47m2-kinzhal"]);
    // one bare name alone, with no military word, is not read as a system
    expect(systems("The Kinzhal restaurant opened on Friday.")).toEqual([]);
  });

  it("reads the Typhoon as the Eurofighter, not a storm with its own name", () => {
    expect(systems("A Typhoon from RAF Lossiemouth intercepted two Russian Tu-142 Bear aircraft.")).toContain(
      "eurofighter-typhoon",
    );
    expect(systems("British Typhoon jets struck Islamic State targets in Syria.")).toEqual([
      "eurofighter-typhoon",
    ]);
    expect(
      systems("Typhoon Kong-rey hit Taiwan on Thursday, forcing the military to cancel its drills."),
    ).toEqual([]);
  });

  it("reads Russian aerial bombs, not the Brazilian air force's initials", () => {
    const a = run("Russian forces used FAB-500 glide bombs with UMPK kits on Kostiantynivka.");
    expect(a.entities.some((e) => e.kbId === "br-air-force")).toBe(false);
    expect(systems("Russian forces used FAB-500 glide bombs with UMPK kits on Kostiantynivka.")).toContain(
      "fab-500-umpk",
    );
    expect(systems("Russian aircraft dropped KAB-1500 glide bombs on Kharkiv.")).toEqual(["kab-1500"]);
  });

  it("reads HIMARS after 'from' as the launcher, not an unknown place", () => {
    const a = run("Ukraine used GMLRS rockets fired from HIMARS and Storm Shadows against Russian depots.");
    expect(a.findings.some((f) => f.spans[0]?.text === "HIMARS")).toBe(false);
    expect(
      systems("Ukraine used GMLRS rockets fired from HIMARS and Storm Shadows against Russian depots."),
    ).toEqual(["gmlrs", "m142-himars", "storm-shadow-scalp"]);
  });
});

describe("governments that react, stances, outlets' towns and a country's platforms (red-team 8)", () => {
  const role = (text: string, surface: string) => {
    const m = roleOf(text, surface);
    return m ? [m.role, m.evidence?.[0]?.rule] : undefined;
  };
  it("reads a government reacting from a place as that government", () => {
    expect(
      role("The destroyer transited the Taiwan Strait, drawing a rebuke from Beijing.", "Beijing"),
    ).toEqual(["metonymic", "source-of-reaction"]);
    expect(
      role("Houthi fighters attacked a ship, drawing condemnation from Washington and London.", "London"),
    ).toEqual(["metonymic", "source-of-reaction"]);
    // a journey from a place is the place
    expect(role("The ministers flew in from Washington and Berlin on Monday.", "Berlin")?.[0]).toBe(
      "literal",
    );
    expect(role("Flights from London and Paris were cancelled.", "London")?.[0]).toBe("literal");
  });

  it("reads a stance and an outlet's town as modifiers, not places of the events", () => {
    expect(role("Russian troops shelled Kirovsk, a pro-Kyiv channel reported.", "Kyiv")).toEqual([
      "modifier",
      "stance-prefix",
    ]);
    expect(role("Israeli strikes hit Khan Younis, a Tehran newspaper reported.", "Tehran")).toEqual([
      "modifier",
      "outlet-home",
    ]);
    const a = run("Israeli strikes hit Khan Younis, a Tehran newspaper reported.");
    const places = a.events.flatMap((e) => e.places.map((id) => a.entities.find((x) => x.id === id)?.name));
    expect(places).not.toContain("Tehran");
    expect(role("Drones struck an oil depot in Tehran overnight.", "Tehran")?.[0]).toBe("literal");
  });

  it("reads a country that uses weapons, and one before its platforms or garrison, as its state", () => {
    expect(role("Ukraine used Storm Shadow missiles to hit a command post in Kursk.", "Ukraine")).toEqual([
      "metonymic",
      "subject-of-verb",
    ]);
    for (const text of [
      "A drone attack targeted the US garrison at al-Tanf, the Pentagon said.",
      "A US MQ-9 Reaper drone was shot down over Marib.",
      "US EA-18G Growler jets joined the exercise off Okinawa.",
    ])
      expect(role(text, "US"), text).toEqual(["metonymic", "country-before-its-forces"]);
  });
  it("reads a country before its act or its people, and before '-led' after an initial, as its state", () => {
    expect(role("Venezuela said a U.S. strike killed six people on a boat.", "U.S")).toEqual([
      "metonymic",
      "country-before-its-act",
    ]);
    expect(role("Japan analysed the data with U.S. counterparts.", "U.S")).toEqual([
      "metonymic",
      "country-before-its-act",
    ]);
    expect(role("Drones struck the Ain al-Asad base, which hosts U.S.-led coalition troops.", "U.S")).toEqual(
      ["metonymic", "backer-suffix"],
    );
    // after a locative it is the place: "drones struck in Ukraine overnight"
    expect(role("Attacks in Ukraine officials blamed on Russia rose.", "Ukraine")?.[0]).toBe("literal");
  });
});

describe("gazetteer gaps of conflict reporting (red-team 8)", () => {
  it("reads a Nigerian state by its bare name, and a Spratly cay", () => {
    expect(
      kindOf("Boko Haram militants killed 40 farmers near Monguno and Damboa in Borno.", "Borno"),
    ).toEqual(["NG", "admin1"]);
    const cay = entityFor(
      run("Manila summoned the Chinese ambassador after the collision near Sandy Cay."),
      "Sandy Cay",
    );
    expect(cay?.kind === "place" && cay.name).toBe("Sandy Cay");
    // no town of Utah or Turkey in its words
    const a = run("Manila summoned the Chinese ambassador after the collision near Sandy Cay.");
    expect(
      a.entities.some((e) => e.kind === "place" && (e.countryCode === "US" || e.countryCode === "TR")),
    ).toBe(false);
  });
});

describe("an organisation's base, a ship's flag and a town named for a date (red-team 9)", () => {
  it("reads '-based' and a flag as modifiers, not places of the events", () => {
    expect(
      roleOf("The Syrian Observatory, a UK-based war monitor, said Israeli jets struck Damascus.", "UK")
        ?.role,
    ).toBe("modifier");
    expect(
      roleOf(
        "Finnish police seized the tanker Eagle S, which sails under the Cook Islands flag, in the Gulf of Finland.",
        "Cook Islands",
      )?.role,
    ).toBe("modifier");
    const a = run(
      "The Syrian Observatory, a UK-based war monitor, said Israeli jets struck targets near Damascus airport.",
    );
    const places = a.events.flatMap((e) => e.places.map((id) => a.entities.find((x) => x.id === id)?.name));
    expect(places).not.toContain("United Kingdom");
  });
  it("reads a date as a date, not the Romanian town named for it, except after 'the town of'", () => {
    expect(
      entityFor(
        run(
          "The Houthis attacked the tanker on 21 August 2024, two days after the crew abandoned it on 23 August.",
        ),
        "23 August",
      ),
    ).toBeUndefined();
    expect(kindOf("The town of 23 August lies on the Black Sea coast of Romania.", "23 August")).toEqual([
      "RO",
      "city",
    ]);
  });
});

describe("a country before a modal and its verb acts (red-team 9)", () => {
  it("reads 'Russia did not deploy', 'China will send' as the state", () => {
    expect(
      roleOf(
        "Russia did not deploy any additional troops to the border, the Finnish Border Guard said.",
        "Russia",
      )?.role,
    ).toBe("metonymic");
    expect(roleOf("China will send two warships to the exercise.", "China")?.role).toBe("metonymic");
    // a place the talks will be held in stays the place
    expect(roleOf("The talks in Geneva will resume on Monday.", "Geneva")?.role).toBe("literal");
  });
});

describe("an acronym is one word (red-team 10)", () => {
  it("does not read 'A U.N. team' as the African Union", () => {
    const names = run("A U.N. team visited Goma on Monday.").entities.map((e) => e.name);
    expect(names).toContain("United Nations");
    expect(names).not.toContain("African Union");
    expect(run("The AU sent envoys to Khartoum.").entities.map((e) => e.name)).toContain("African Union");
  });
});

describe("a state that is also a country, bases and ship classes (red-team 13)", () => {
  const places = (text: string) =>
    run(text, "2026-11-20")
      .entities.filter((e) => e.kind === "place")
      .map((e) => `${e.name} ${e.kind === "place" ? `${e.featureType} ${e.countryCode}` : ""}`);
  const findings = (text: string) => run(text, "2026-11-20").findings.map((f) => f.rule);
  it("keeps a town before 'Georgia,' whichever Georgia it lies in", () => {
    expect(places("A drone crashed in Atlanta, Georgia, police said.")).toEqual([
      "Atlanta city US",
      "Georgia admin1 US",
    ]);
    expect(places("Russian jets flew over Tbilisi, Georgia.")).toContain("Tbilisi capital GE");
    expect(places("Russian troops in Gori, Georgia, withdrew.")).toEqual([
      "Russia country RU",
      "Gori city GE",
      "Georgia country GE",
    ]);
    expect(findings("A drone crashed in Atlanta, Georgia, police said.")).not.toContain(
      "no-reading-in-named-country",
    );
    // a town in neither is still reported as unknown there
    expect(findings("HOLLIDAY, Mo. - A storm hit the town.")).toContain("no-reading-in-named-state");
  });
  it("reads a state after a US installation as the US state", () => {
    expect(places("Two F-22 Raptors from Moody Air Force Base, Georgia, deployed to Poland.")).toContain(
      "Georgia admin1 US",
    );
    expect(places("Soldiers from Fort Benning, Georgia, deployed to Romania.")).toContain(
      "Georgia admin1 US",
    );
  });
  it("reads acronyms written as words, and a system's full name over its parts", () => {
    const systems = (text: string) =>
      run(text, "2026-11-20")
        .entities.filter((e) => e.kind === "equipment" && !e.generic)
        .map((e) => (e.kind === "equipment" ? e.catalogId : ""));
    expect(systems("Ukrainian HIMARs strikes have hit Russian ammunition depots near Horlivka.")).toEqual([
      "m142-himars",
    ]);
    expect(systems("Ukraine fired Himars rockets and Atacms missiles at Crimea.")).toEqual([
      "m142-himars",
      "mgm-140-atacms",
    ]);
    // a long acronym that reads as nothing else needs no other military word
    expect(systems("Ukraine used ATACMS against an airfield.")).toEqual(["mgm-140-atacms"]);
    expect(systems("Ukraine used ATACMs against an airfield.")).toEqual(["mgm-140-atacms"]);
    // a short one, or a word, still does not
    expect(systems("The Sam was fine and Nato met in Oslo.")).toEqual([]);
    expect(systems("Patriot PAC-3 batteries shot down two missiles over Kyiv.")).toEqual(["patriot-pac-3"]);
  });
  it("reads 'the Gulf' in a story about the Persian Gulf's shores as that gulf", () => {
    expect(places("Iranian drones attacked a ship in the Gulf on Tuesday.")).toEqual([
      "Iran country IR",
      "Persian Gulf gulf null",
    ]);
    // not in a story on the US Gulf Coast, nor in a longer name
    expect(places("Shrimp boats left Houston for the Gulf as Iran's navy watched.")).not.toContain(
      "Persian Gulf gulf null",
    );
    expect(places("Saudi Arabia hosted the Gulf Cooperation Council in Riyadh.")).not.toContain(
      "Persian Gulf gulf null",
    );
    expect(places("Iran said the Gulf states must expel US forces.")).not.toContain("Persian Gulf gulf null");
  });
  it("finds Attock by its short name and the Kamra beside it, with the air base", () => {
    const a = run(
      "The air force based them at Minhas air base in Kamra, near the city of Attock.",
      "2026-11-20",
    );
    const at = (name: string) => {
      const e = a.entities.find((x) => x.kind === "place" && x.mentions.some((m) => m.text === name));
      return e?.kind === "place" ? [e.kbId, Math.round(e.lon * 10) / 10] : undefined;
    };
    expect(at("Minhas air base")).toEqual(["minhas-air-base", 72.4]);
    expect(at("Kamra")?.[1]).toBe(72.4);
    expect(at("Attock")?.[1]).toBe(72.4);
  });
  it("finds towns, camps and bases of other theatres the package lacks (red team 15)", () => {
    const at = (text: string, name: string) => {
      const e = run(text, "2026-11-20").entities.find(
        (x) => x.kind === "place" && x.mentions.some((m) => m.text === name),
      );
      return e?.kind === "place" ? e.countryCode : undefined;
    };
    expect(at("RSF fighters killed 12 civilians in Bara on Monday.", "Bara")).toBe("SD");
    expect(at("Shelling hit the Abu Shouk camp near El Fasher.", "Abu Shouk camp")).toBe("SD");
    expect(at("Hundreds of residents protested outside Camp Schwab in Okinawa.", "Camp Schwab")).toBe("JP");
    expect(at("A drone struck Harir air base in Iraq's Kurdistan region.", "Harir air base")).toBe("IQ");
    expect(at("Jihadists attacked soldiers in Diafarabe, Mali.", "Diafarabe")).toBe("ML");
    expect(at("A car bomb exploded in Hodan district of Mogadishu.", "Hodan")).toBe("SO");
  });
  it("reads a country's own name with no noun after it as the place, not a demonym", () => {
    const role = (text: string) =>
      run(text, "2026-11-20")
        .entities.find((e) => e.name === "Djibouti")
        ?.mentions.map((m) => m.role);
    expect(role("The vessel, sailing from Jeddah to Djibouti, was not hit.")).toEqual(["literal"]);
    expect(role("Djibouti troops patrolled the border.")).toEqual(["demonym"]);
  });
  it("reads a ship class named after a place as no place", () => {
    expect(places("The Halifax-class ship had sailed through the Taiwan Strait in September.")).toEqual([
      "Taiwan Strait strait null",
    ]);
    expect(places("A Brandenburg-class frigate escorted ships in the Red Sea on Sunday.")).not.toContain(
      "Brandenburg admin1 DE",
    );
    // "class of" is a year's class, and the town stays
    expect(places("Halifax class of 2024 graduates met in Ottawa.").length).toBeGreaterThan(0);
  });
  it("reads a thing named after a place or its people as no place ('a Panama hat', 'French fries')", () => {
    const names = (text: string) =>
      run(text, "2026-11-20")
        .entities.filter((e) => e.kind === "place")
        .flatMap((e) => e.mentions.map((m) => m.text));
    expect(
      names("Soldiers wore Panama hats, ate French fries and Brussels sprouts and kept a Guinea pig."),
    ).toEqual([]);
    // the same names before other words stay the places
    expect(names("French troops flew from Brussels to Panama and Guinea.")).toEqual([
      "French",
      "Brussels",
      "Panama",
      "Guinea",
    ]);
    // capitalised after it, the word is no eponym's ("the Panama Canal", "French Navy")
    expect(names("The Panama Canal reopened.")).toEqual(["Panama Canal"]);
  });
});

describe("routes between places and systems named without a noun (red-team 14)", () => {
  const names = (text: string, kind: string) =>
    run(text, "2026-11-20")
      .entities.filter((e) => e.kind === kind)
      .map((e) => e.name);
  it("reads the first of two places a route joins, though it is also a surname", () => {
    expect(names("Militants ambushed a convoy between Gao and Menaka.", "place")).toEqual(["Gao", "Ménaka"]);
    expect(names("Flights from Gao to Bamako resumed.", "place")).toEqual(["Gao", "Bamako"]);
    expect(names("Talks between Gao and Wang ended.", "place")).toEqual([]);
  });
  it("reads a system's name of two words without a noun after it", () => {
    expect(names("Iran launched Kheibar Shekan at Israel overnight.", "equipment")).toEqual([
      "Kheibar Shekan",
    ]);
    // two English words still need military words around them
    expect(names("A Chinook wind warmed Black Hawk on Monday.", "equipment")).toEqual([]);
  });
  it("reads a known name at the start of a longer unknown one as that unknown name, reported whole", () => {
    const read = (text: string) => {
      const a = run(text, "2026-11-20");
      return {
        places: a.entities.filter((e) => e.kind === "place").map((e) => e.name),
        unknown: a.findings.filter((f) => f.kind === "unresolved-toponym").map((f) => f.spans[0]!.text),
      };
    };
    expect(
      read("Al-Shabaab militants recaptured the town of Adan Yabaal in Middle Shabelle on Wednesday."),
    ).toEqual({
      places: ["Middle Shabelle"],
      unknown: ["Adan Yabaal"],
    });
    expect(read("Turkish drones flew from Mogadishu's Aden Adde airport on Saturday.")).toEqual({
      places: ["Türkiye", "Mogadishu"],
      unknown: ["Aden Adde"],
    });
    expect(read("Vietnam had reclaimed new land at Barque Canada Reef in the Spratly Islands.")).toEqual({
      places: ["Spratly Islands"],
      unknown: ["Barque Canada Reef"],
    });
    // a river named after a town, opened by a common word: the river, not the town
    expect(read("Anglers on the Little Miami River near Cincinnati reported a fish kill.")).toEqual({
      places: ["Cincinnati"],
      unknown: ["Little Miami River"],
    });
    expect(
      read("Pakistani troops killed eight militants in the Tirah valley of Khyber district on Monday."),
    ).toEqual({ places: ["Pakistan"], unknown: ["Tirah valley"] });
    // a township of Myanmar named like a town of Cote d'Ivoire
    expect(
      read(
        "A military airstrike on a monastery in Kani township in Myanmar's Sagaing region killed 15 people.",
      ),
    ).toEqual({ places: ["Myanmar", "Sagaing Region"], unknown: ["Kani"] });
    // a known airport, a valley of a named country's town, and a shoal the gazetteer knows stay
    expect(read("Houthi drones struck Aden airport on Saturday.").places).toEqual(["Aden"]);
    expect(read("Floods hit the Swat valley in Pakistan.").places).toContain("Swat Valley");
    expect(read("Philippine ships reached Second Thomas Shoal.").places).toContain("Second Thomas Shoal");
  });
  it("reads a ministry or a branch named without its country as that of the one country the story names", () => {
    const actor = (text: string, said: string) =>
      run(text, "2026-11-20").entities.find(
        (e) => e.kind === "actor" && e.mentions.some((m) => m.text === said),
      );
    const id = (text: string, said: string) => {
      const e = actor(text, said);
      return e?.kind === "actor" ? e.kbId : undefined;
    };
    expect(
      id(
        "Mexican soldiers clashed with cartel gunmen in Culiacan on Friday, the Defence Ministry said.",
        "Defence Ministry",
      ),
    ).toBe("mx-sedena");
    expect(
      id("Ukrainian troops shelled Donetsk on Friday, the Defence Ministry said.", "Defence Ministry"),
    ).toBe("ua-mod");
    expect(
      id(
        "Mexican troops arrived in Sinaloa. Local media reported that the National Guard had been deployed to Tijuana.",
        "National Guard",
      ),
    ).toBe("mx-national-guard");
    // two countries named: not one of them by guess
    expect(
      id("Russian and Ukrainian troops clashed, the Defence Ministry said.", "Defence Ministry"),
    ).not.toBe("ru-mod");
  });
  it("reads a country's zone after its possessive as the place, and its named body as the owner", () => {
    const a = run(
      "China's People's Liberation Army sent 45 aircraft into Taiwan's air defence identification zone on Sunday.",
      "2026-11-20",
    );
    const role = (name: string) =>
      a.entities.find((e) => e.name === name && e.kind === "place")?.mentions.map((m) => m.role) ??
      a.entities.find((e) => e.name === name)?.mentions.map((m) => m.role);
    expect(role("Taiwan")).toEqual(["literal"]);
    const sent = a.events.find((e) => e.type === "deployment")!;
    expect(sent.places.map((id) => a.entities.find((e) => e.id === id)?.name)).toEqual(["Taiwan"]);
    const b = run("Russian bombers violated Japan's airspace on Monday.", "2026-11-20");
    const incident = b.events.find((e) => e.type === "incident")!;
    expect(incident.places.map((id) => b.entities.find((e) => e.id === id)?.name)).toEqual(["Japan"]);
  });
  it("reads UK Maritime Trade Operations as the agency and a source, not the UK as a place", () => {
    const a = run(
      "The Houthis fired two missiles at a tanker in the Bab el-Mandeb strait on Tuesday, and the UK Maritime Trade Operations agency said the vessel was not damaged.",
      "2026-11-20",
    );
    const attack = a.events.find((e) => e.type === "attack")!;
    expect(attack.places.map((id) => a.entities.find((e) => e.id === id)?.name)).toEqual(["Bab el-Mandeb"]);
    expect(a.sources.map((x) => x.name)).toContain("UK Maritime Trade Operations");
  });
});

describe("a state's holdings abroad, a capital's officials and a body owned by a state (session 29)", () => {
  const role = (text: string, surface: string) => {
    const m = roleOf(text, surface);
    return m ? [m.role, m.evidence?.[0]?.rule] : undefined;
  };
  const placesOfEvents = (text: string) => {
    const a = run(text);
    return a.events.flatMap((e) => e.places.map((id) => a.entities.find((x) => x.id === id)?.name));
  };
  it("reads a country before its bases or embassy as a modifier, no place of the story", () => {
    const text = "Drones attacked US bases in Syria on Monday, the Pentagon said.";
    expect(role(text, "US")).toEqual(["modifier", "country-of-its-holdings"]);
    expect(placesOfEvents(text)).toEqual(["Syria"]);
    expect(role("A drone hit the US embassy in Baghdad.", "US")).toEqual([
      "modifier",
      "country-of-its-holdings",
    ]);
    // the bases in the country are in it
    expect(role("Drones attacked bases in the US on Monday.", "US")?.[0]).toBe("literal");
  });
  it("reads a capital before its authorities or officials as its government, a town's as the town", () => {
    const text = "Kyiv authorities said the strike on Odesa damaged the port.";
    expect(role(text, "Kyiv")).toEqual(["metonymic", "capital-before-its-officials"]);
    expect(entityFor(run(text), "Kyiv")?.name).toBe("Government of Ukraine");
    expect(placesOfEvents(text)).toEqual(["Odessa"]);
    // local officials speak of their own town, which is where it happened
    expect(role("Kharkiv officials said three people were injured.", "Kharkiv")?.[0]).toBe("literal");
  });
  it("reads a country owning a body known by a short name as its state: 'Russia's FSB'", () => {
    expect(role("Russia's FSB said it detained a saboteur in Bryansk.", "Russia")).toEqual([
      "metonymic",
      "possessive-owner-of-body",
    ]);
    expect(placesOfEvents("Russia's FSB said it detained a saboteur in Bryansk.")).toEqual(["Bryansk"]);
  });
  it("reads a town where a demonym's forces deploy in their country: 'Lebanese troops deployed in Tripoli'", () => {
    const cc = (text: string) => {
      const p = entityFor(run(text), "Tripoli");
      return p?.kind === "place" ? p.countryCode : undefined;
    };
    expect(cc("Lebanese troops deployed in Tripoli after clashes on Sunday.")).toBe("LB");
    expect(cc("Lebanese troops were quickly deployed to the northern city of Tripoli.")).toBe("LB");
    // forces of a country with no Tripoli, or named by no demonym, leave Libya's capital
    expect(cc("Turkish troops were deployed in Tripoli to train the Libyan army.")).toBe("LY");
    expect(cc("Troops deployed in Tripoli after clashes on Sunday.")).toBe("LY");
  });
  it("reads Batan Island as the island of Batanes, not a town of Aklan", () => {
    const p = entityFor(run("The Marines fired a missile at a hulk off Batan Island."), "Batan Island");
    expect(p?.kind === "place" && [p.name, p.countryCode, Math.round(p.lat)]).toEqual([
      "Batan Island",
      "PH",
      20,
    ]);
  });
});

describe("variant spellings with a word of their kind, and a product's name (red team 19)", () => {
  const equipmentOf = (text: string) =>
    run(text)
      .entities.filter((e) => e.kind === "equipment" && !e.generic)
      .map((e) => e.name);
  it("reads a misspelt system before a word of its kind and its head, not a town of its name", () => {
    const a = run("Ukraine's air force said it intercepted three Iskandar-M ballistic missiles overnight.");
    expect(a.entities.find((e) => e.kind === "equipment" && !e.generic)?.name).toBe("9K720 Iskander-M");
    expect(a.entities.some((e) => e.kind === "place" && e.countryCode === "UZ")).toBe(false);
    expect(equipmentOf("Russia fired Kinzal hypersonic missiles at Kyiv.")).toEqual(["Kh-47M2 Kinzhal"]);
    expect(equipmentOf("Russia fired Kinjal missiles at Kyiv.")).toEqual(["Kh-47M2 Kinzhal"]);
    // the town of that name stays the town
    expect(entityFor(run("Residents of Iskandar in Uzbekistan celebrated."), "Iskandar")?.kind).toBe("place");
  });
  it("does not read a class noun capitalised in a product's name: 'Land Cruiser'", () => {
    expect(
      run("Toyota said sales of its Land Cruiser rose in Nigeria.").entities.filter(
        (e) => e.kind === "equipment",
      ),
    ).toEqual([]);
    expect(
      run("The Chinese Destroyer sailed past Okinawa.").entities.some((e) => e.kind === "equipment"),
    ).toBe(true);
  });
});
