// Attribution chains: who says what, citing whom.
import { describe, expect, it } from "vitest";
import { run } from "../../../test/helpers.js";

const chain = (text: string) => {
  const a = run(text, "2025-10-07", { source: "Example Daily" });
  return a.sources.map((s) => ({
    name: s.name,
    type: s.type,
    by: a.sources.find((x) => x.id === s.citedBy)?.name,
  }));
};

describe("attribution", () => {
  it("outlet citing anonymous photographs", () => {
    const c = chain(
      "The army has begun moving S-125 systems to the coast, El Nacional reported, citing photographs obtained from anonymous sources.",
    );
    expect(c).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: "El Nacional", type: "outlet", by: "Example Daily" }),
        expect.objectContaining({ type: "photographs", by: "El Nacional" }),
      ]),
    );
  });
  it("an outlet reporting what a speaker said cites the speaker, before or after it", () => {
    for (const text of [
      "Kyodo reported that Japan's defence ministry said Chinese warships had sailed through the Miyako Strait.",
      "Japan's defence ministry said Chinese warships sailed through the Miyako Strait, Kyodo reported.",
    ])
      expect(chain(text)).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ name: "Kyodo News", by: "Example Daily" }),
          expect.objectContaining({ name: "Ministry of Defense of Japan", by: "Kyodo News" }),
        ]),
      );
    // no outlet reporting: the speaker is the article's own source
    expect(chain("Japan's defence ministry said Chinese warships sailed through the Miyako Strait.")).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: "Ministry of Defense of Japan", by: "Example Daily" }),
      ]),
    );
  });
  it("an outlet named in the dateline and told by sources cites them, and never itself", () => {
    const c = chain(
      "BAMAKO (AFP) - Jihadists seized the army camp at Boulkessi on Tuesday, two security sources told AFP.",
    );
    expect(c).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: "Agence France-Presse", by: "Example Daily" }),
        expect.objectContaining({
          name: "two security sources",
          type: "anonymous",
          by: "Agence France-Presse",
        }),
      ]),
    );
  });
  it("'X said, according to OUTLET': the outlet cites the speaker, and no chain loops", () => {
    for (const [text, speaker, outlet] of [
      [
        "North Korea fired two missiles on Thursday, South Korea's Joint Chiefs of Staff said, according to Yonhap.",
        "Joint Chiefs of Staff of South Korea",
        "Yonhap News Agency",
      ],
      [
        "Russia struck Kharkiv overnight, Ukraine's military intelligence said, according to the Kyiv Independent.",
        "Defence Intelligence of Ukraine",
        "The Kyiv Independent",
      ],
    ])
      expect(chain(text!)).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ name: outlet, by: "Example Daily" }),
          expect.objectContaining({ name: speaker, by: outlet }),
        ]),
      );
  });
  it("who analysed pictures cites them, and 'the think tank said' is that body again", () => {
    const text =
      "Satellite images taken on Monday appear to show four S-400 launchers at Belbek air base in Crimea, according to an analysis by the Center for Strategic and International Studies. The think tank said the launchers had arrived in early November.";
    expect(chain(text)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: "imagery", by: "Center for Strategic and International Studies" }),
        expect.objectContaining({
          name: "Center for Strategic and International Studies",
          by: "Example Daily",
        }),
      ]),
    );
    const a = run(
      `${text} The think tank said Russia had also moved S-300 launchers to Dzhankoi.`,
      "2026-11-20",
    );
    const s300 = a.events.find((e) =>
      e.equipment.some((id) => /S-300/.test(a.entities.find((x) => x.id === id)?.name ?? "")),
    );
    expect(s300?.sourceIds.map((id) => a.sources.find((x) => x.id === id)?.name)).toEqual([
      "Center for Strategic and International Studies",
    ]);
  });
  it("a wire in the dateline cites the speaker; unnamed reports are a source, not those denied", () => {
    expect(
      chain(
        "NEW DELHI (AP) - India test-fired an Agni-V missile on Wednesday, the Defence Research and Development Organisation said.",
      ),
    ).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          name: "Defence Research and Development Organisation",
          by: "Associated Press",
        }),
      ]),
    );
    const a = run(
      "The Pentagon declined to comment on reports that Israel had received THAAD interceptors.",
      "2026-11-20",
    );
    expect(a.events[0]?.factuality).toBe("hedged");
    expect(a.sources.map((x) => x.name)).toContain("reports");
    const denied = run("Iran denied reports of explosions near Isfahan.", "2026-11-20");
    expect(denied.sources.map((x) => x.name)).not.toContain("reports");
  });
  it("an outlet citing a named staff or service the KB does not list", () => {
    const c = chain(
      "North Korea fired two missiles into the sea on Thursday, Yonhap News Agency reported, citing South Korea's Joint Chiefs of Staff.",
    );
    expect(c).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: "Yonhap News Agency", by: "Example Daily" }),
        expect.objectContaining({
          name: "South Korea's Joint Chiefs of Staff",
          type: "military",
          by: "Yonhap News Agency",
        }),
      ]),
    );
    const d = chain(
      "The fleet began a snap drill on Tuesday, TASS reported, citing the fleet's press service.",
    );
    expect(d).toEqual(expect.arrayContaining([expect.objectContaining({ type: "military", by: "TASS" })]));
  });
  it("a speaker whose acronym follows in brackets", () => {
    const c = chain(
      "Guyana and the United States will hold a joint exercise near Lethem in January, the Guyana Defence Force (GDF) said on Monday.",
    );
    expect(c).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: "Guyana Defence Force", by: "Example Daily" }),
      ]),
    );
  });
  it("'citing security concerns' cites no one", () => {
    const c = chain("The ministry closed the airspace on Monday, citing security concerns.");
    expect(c.map((x) => x.name)).not.toContain("security concerns");
  });
  it("officials told an outlet", () => {
    const c = chain("Two US officials told Reuters the ships had left port.");
    expect(c).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: "Reuters", by: "Example Daily" }),
        expect.objectContaining({ type: "official", by: "Reuters" }),
      ]),
    );
  });
  it("satellite imagery reviewed by an outlet", () => {
    const c = chain("Satellite images reviewed by Naval News show three ships at the pier.");
    expect(c).toEqual(
      expect.arrayContaining([expect.objectContaining({ type: "imagery", by: "Naval News" })]),
    );
  });
  it("state media", () => {
    expect(
      chain("According to state media, the launch succeeded.").some(
        (s) => s.type === "outlet" && /state media/.test(s.name),
      ),
    ).toBe(true);
  });
  it("no source in a plain assertion", () => {
    expect(chain("The ships left port on Monday.")).toHaveLength(1);
  });
});

describe("institutions named by their kind", () => {
  it.each([
    ["Taiwan's ministry said it had dispatched patrols to the strait.", "Taiwan's ministry", "government"],
    ["The army said it struck targets near Kidal.", "army", "military"],
    [
      "Ukraine's military intelligence agency estimated this week that the plant turns out 2,700 drones.",
      "Ukraine's military intelligence agency",
      "government",
    ],
    [
      "Chinese ships fired water cannon at a boat, the Philippine task force for the West Philippine Sea said.",
      "Philippine task force for the West Philippine Sea",
      "military",
    ],
  ])("%s", (text, name, type) => {
    expect(chain(text)).toEqual(
      expect.arrayContaining([expect.objectContaining({ name, type, by: "Example Daily" })]),
    );
  });
  it("needs a reporting verb right after the institution", () => {
    expect(chain("The army moved troops to the border.").map((s) => s.type)).toEqual(["article"]);
  });
});

describe("people speaking, named with their title", () => {
  it.each([
    ["Troops moved to the border, said Lt. Gen. Ivan Petrenko.", "Ivan Petrenko"],
    ["Troops moved to the border, according to Defence Minister Ivan Petrenko.", "Ivan Petrenko"],
    ["Pål Jonson, the defence minister, said troops had moved to Gotland.", "Pål Jonson"],
  ])("%s", (text, name) => {
    expect(chain(text)).toEqual([
      expect.objectContaining({ type: "article" }),
      expect.objectContaining({ name, type: "official", by: "Example Daily" }),
    ]);
  });
  it("a description after the name is that person, not a second source", () => {
    expect(
      chain("Troops moved to the border, said Lt. Gen. Ivan Petrenko, a spokesman for the command.").map(
        (s) => s.name,
      ),
    ).toEqual(["Example Daily", "Ivan Petrenko"]);
  });
  it("what follows 'said' is no speaker when it is a clause", () => {
    expect(
      chain("Pål Jonson, the defence minister, said troops had moved to Gotland.").map((s) => s.name),
    ).not.toContain("troops had moved to Gotland");
    expect(chain("Troops moved, said the army.").map((s) => s.name)).toContain("army");
  });
});

describe("a country speaking, and people who are no source", () => {
  it("a country that says is its government speaking, and what it says is reported", () => {
    const a = run("Ukraine said Russia had deployed more troops near Kupiansk.");
    expect(a.sources.map((s) => s.name)).toContain("Ukraine");
    expect(a.events[0]?.factuality).toBe("reported");
  });
  it("the people an attack killed are no anonymous source", () => {
    expect(chain("Russia attacked Kharkiv on Friday, killing four people.").map((s) => s.type)).toEqual([
      "article",
    ]);
    expect(
      chain("Troops moved to the border, two people familiar with the plans said.").map((s) => s.type),
    ).toContain("anonymous");
  });
});

describe("sources named by their country, office or kind (red-team 3)", () => {
  const named = (text: string) => chain(text).slice(1);
  const factualityOf = (text: string) => run(text, "2025-10-07").events[0]?.factuality;
  it("a country's press named by its people", () => {
    expect(
      named("Russian troops moved an S-400 battalion to Abkhazia, according to Georgian media."),
    ).toEqual([{ name: "Georgian media", type: "outlet", by: "Example Daily" }]);
    expect(
      factualityOf("Russian troops moved an S-400 battalion to Abkhazia, according to Georgian media."),
    ).toBe("reported");
    // not an agency's own name, nor social media
    expect(named("The Associated Press reported the strike.").map((s) => s.name)).toEqual([
      "Associated Press",
    ]);
  });
  it("an official named by the office alone, of a country of one or two words", () => {
    expect(named("Colombia's defence minister said the army would buy 17 Gripen fighters.")).toEqual([
      { name: "Colombia's defence minister", type: "official", by: "Example Daily" },
    ]);
    expect(named("South Korea's defence minister said North Korea had fired artillery.")[0]?.name).toBe(
      "South Korea's defence minister",
    );
    expect(factualityOf("South Korea's defence minister said North Korea had fired artillery.")).toBe(
      "reported",
    );
    expect(named("The minister of culture opened a museum.")).toEqual([]);
  });
  it("diplomats cited where they are, who are not the event's place", () => {
    const a = run("Eritrea mobilised reservists along its border, according to diplomats in Asmara.");
    expect(a.sources.map((s) => s.name)).toContain("diplomats");
    expect(a.events[0]?.factuality).toBe("reported");
    expect(a.events[0]?.places).toEqual([]);
  });
  it("'the militant group claimed' is the group named before, which stays the actor", () => {
    const a = run(
      "Al-Shabaab fighters attacked an army base in Middle Shabelle, the militant group claimed.",
    );
    expect(a.sources.map((s) => s.name)).toContain("al-Shabaab");
    const ev = a.events.find((e) => e.type === "attack")!;
    expect(ev.factuality).toBe("reported");
    expect(ev.actors.map((id) => a.entities.find((e) => e.id === id)?.name)).toEqual(["al-Shabaab"]);
  });
});

describe("sources the red team found missing (red-team 9)", () => {
  const srcs = (text: string) =>
    run(text, "2026-11-20")
      .sources.filter((s) => s.id !== "s0")
      .map((s) => [s.type, s.name]);
  it("reads a governor, the police, activists and a titled anonymous official as sources", () => {
    expect(
      srcs("The Donetsk regional governor said Russian forces shelled Kostiantynivka on Sunday."),
    ).toEqual([["official", "Donetsk regional governor"]]);
    expect(srcs("Kosovo police said gunmen attacked a patrol near Zvecan.")).toEqual([
      ["official", "Kosovo police"],
    ]);
    expect(srcs("Sudan's Rapid Support Forces shelled El Fasher on Sunday, local activists said.")).toEqual([
      ["witness", "local activists"],
    ]);
    expect(
      srcs(
        "A senior Pentagon official, speaking on condition of anonymity, said the strike had severely damaged it.",
      ),
    ).toEqual([["official", "senior Pentagon official"]]);
    const a = run("Kosovo police said gunmen attacked a patrol near Zvecan.");
    expect(a.events[0]?.factuality).toBe("reported");
  });
  it("reads a named body no list knows as a source: two capitalised words or more, or an acronym", () => {
    expect(
      srcs("The RSF shelled El Obeid on Tuesday, killing 25 people, the Sudan Doctors Network said."),
    ).toEqual([["other", "Sudan Doctors Network"]]);
    expect(srcs("A vessel reported an explosion west of Hodeidah, JMIC said.")).toEqual([["other", "JMIC"]]);
    // (an agency the knowledge base knows is itself)
    expect(srcs("A vessel reported an explosion west of Hodeidah, UKMTO said.")).toEqual([
      ["military", "UK Maritime Trade Operations"],
    ]);
    expect(srcs("RSF vehicles massed around El Obeid, the Yale Humanitarian Research Lab said.")).toEqual([
      ["analyst", "Yale Humanitarian Research Lab"],
    ]);
    expect(srcs("Finnish investigators said the tanker Eagle S had damaged the cable on Tuesday.")).toEqual([
      ["official", "Finnish investigators"],
    ]);
    expect(srcs("The British maritime agency UKMTO said a vessel had reported an explosion.")).toEqual([
      ["military", "UK Maritime Trade Operations"],
    ]);
    // the speaker's people do not act in what it tells
    const cable = run("Finnish investigators said the tanker Eagle S had damaged the cable on Tuesday.");
    expect(cable.events[0]?.actors).toEqual([]);
    expect(
      srcs('"We shot down three drones over the Red Sea," the commander of the French frigate Alsace said.'),
    ).toEqual([["military", "commander of the French frigate Alsace"]]);
    // a bare surname, "the group", a lower-case phrase: no one named
    expect(srcs("Russian troops moved toward Kupiansk, Smith said.")).toEqual([]);
    expect(srcs("Hezbollah fired rockets at Metula on Thursday, the group said.")).toEqual([]);
  });
  it("does not read the police as a source where they do not speak", () => {
    expect(srcs("Police arrested two men near the base on Monday.")).toEqual([]);
  });
});

describe("services, ombudsmen and outlets by their name's last word (red-team 14)", () => {
  it("reads a service, emergency services and an ombudsman as official sources", () => {
    expect(
      chain(
        "Two rockets hit near Erbil airport late on Monday, the Kurdistan region's counter-terrorism service said.",
      ),
    ).toContainEqual({
      name: "Kurdistan region's counter-terrorism service",
      type: "official",
      by: "Example Daily",
    });
    expect(chain("A drone struck a house in Nahariya, Israeli emergency services said.")).toContainEqual({
      name: "Israeli emergency services",
      type: "official",
      by: "Example Daily",
    });
    expect(chain("Soldiers killed three protesters in Cauca, Colombia's ombudsman said.")).toContainEqual({
      name: "Colombia's ombudsman",
      type: "official",
      by: "Example Daily",
    });
  });
  it("reads an outlet no list knows by the word its name ends with, not a bare 'the newspaper'", () => {
    expect(chain("Taliban forces shelled a border post in Kunar, TOLOnews reported.")).toContainEqual({
      name: "TOLOnews",
      type: "outlet",
      by: "Example Daily",
    });
    expect(chain("Gunmen attacked a checkpoint in Kunar, the Khost Times reported.")).toContainEqual({
      name: "Khost Times",
      type: "outlet",
      by: "Example Daily",
    });
    expect(
      chain("Gunmen attacked a checkpoint in Kunar, the newspaper reported.").map((s) => s.type),
    ).not.toContain("outlet");
  });
  it("reads the sentence's event as theirs: reported, not the article's own", () => {
    const a = run("Taliban forces shelled a border post in Kunar, TOLOnews reported.", "2026-11-20");
    expect(a.events[0]?.factuality).toBe("reported");
  });
});

describe("'Citing X, Y said': the speaker after the opening cites what it names (red-team 14)", () => {
  it("chains imagery to the lab that cites it, and the lab to the article", () => {
    const c = chain(
      "Citing satellite imagery from Planet Labs, the Yale Humanitarian Research Lab said RSF fighters had burned homes in El Fasher.",
    );
    expect(c).toContainEqual({
      name: "satellite imagery",
      type: "imagery",
      by: "Yale Humanitarian Research Lab",
    });
    expect(c).toContainEqual({
      name: "Yale Humanitarian Research Lab",
      type: "analyst",
      by: "Example Daily",
    });
  });
  it("chains sources to a known outlet after the opening", () => {
    const c = chain(
      "Citing two security sources, Reuters reported that Russian troops had moved to Belgorod.",
    );
    expect(c).toContainEqual(expect.objectContaining({ type: "anonymous", by: "Reuters" }));
    expect(c).toContainEqual(expect.objectContaining({ name: "Reuters", by: "Example Daily" }));
  });
});

describe("a speaker after a wire's dateline (red-team 15)", () => {
  it("reads the speaker at the end of the sentence as cited by the wire", () => {
    const c = chain(
      "KYIV, Nov 20 (Reuters) - Russian drones struck port facilities in Odesa overnight, regional governor Oleh Kiper said on Friday.",
    );
    expect(c).toContainEqual({ name: "regional governor Oleh Kiper", type: "official", by: "Reuters" });
  });
});

describe("speakers before 'told Reuters' and names with a description after them (red-team 15)", () => {
  it("reads the titled speaker who told an outlet as cited by it", () => {
    const c = chain(
      "Gunmen attacked a police post in Mandera on Sunday, police captain Abdullahi Hassan told Reuters.",
    );
    expect(c).toContainEqual({ name: "police captain Abdullahi Hassan", type: "official", by: "Reuters" });
  });
  it("reads a named body after 'according to' with a description after it", () => {
    const c = chain(
      "RSF fighters killed 12 civilians in Bara, according to the Emergency Lawyers, a rights group that tracks violence in the war.",
    );
    expect(c).toContainEqual({ name: "Emergency Lawyers", type: "other", by: "Example Daily" });
  });
});

describe("a spokesman named right after the title (red-team 16)", () => {
  it("is one source, the person", () => {
    const c = chain("Houthi spokesman Yahya Saree said the group had fired missiles at Eilat.");
    expect(c.filter((s) => s.type !== "article").map((s) => s.name)).toEqual(["Yahya Saree"]);
    // a spokesman named by no one is still a source
    expect(chain("A military spokesman said the drills had ended.").map((s) => s.type)).toContain("official");
  });
});

describe("an anonymous source inside a body or told by its trade (red-team 18)", () => {
  it.each([
    [
      "A source in the Ukrainian military told Reuters that drones hit an airfield in Engels.",
      "source in the Ukrainian military",
    ],
    [
      "A Ukrainian military source told Reuters that drones hit an airfield in Engels.",
      "Ukrainian military source",
    ],
    [
      "A source in Ukraine's SBU security service told Reuters that drones hit an airfield in Engels.",
      "source in Ukraine's SBU security service",
    ],
  ])("%s -> an anonymous source cited by Reuters, not the body", (text, name) => {
    const c = chain(text);
    expect(c).toContainEqual({ name, type: "anonymous", by: "Reuters" });
    expect(c.some((s) => s.type === "military")).toBe(false);
  });
  it("keeps the body when it speaks itself, and 'a source of income' no source", () => {
    expect(
      chain("The Ukrainian military told Reuters that drones hit an airfield in Engels."),
    ).toContainEqual({
      name: "Armed Forces of Ukraine",
      type: "military",
      by: "Reuters",
    });
    expect(chain("The river is a source of income for the village.").length).toBe(1);
  });
});

describe("authorities speaking (session 29)", () => {
  it("are a source when they speak, named by their place or level, and not when they act", () => {
    for (const [text, name] of [
      ["Kyiv authorities said a drone hit the port of Odesa.", "Kyiv authorities"],
      ["Local authorities told reporters that a drone hit a school in Sumy.", "Local authorities"],
      ["The authorities said a drone hit a school in Sumy.", "authorities"],
    ] as const)
      expect(
        chain(text).find((s) => s.type === "official"),
        text,
      ).toEqual({ name, type: "official", by: "Example Daily" });
    expect(chain("Ukrainian police said the authorities detained two men.").map((s) => s.name)).not.toContain(
      "authorities",
    );
  });
});
