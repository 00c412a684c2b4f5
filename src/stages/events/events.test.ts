// Event frames: type, CAMEO, arguments, factuality, merging.
import { describe, expect, it } from "vitest";
import { mentionsOf, run } from "../../../test/helpers.js";

const events = (text: string) => run(text);

describe("event detection and CAMEO", () => {
  it.each([
    ["Russia deployed S-400 systems to Kaliningrad on Monday.", "deployment", "154"],
    ["China and Russia held joint naval exercises in the Sea of Japan.", "exercise", "062"],
    ["North Korea test-fired a ballistic missile into the Sea of Japan on Sunday.", "weapons-test", "150"],
    ["The US imposed sanctions on three Iranian drone makers.", "sanction", "163"],
    ["Israeli jets carried out airstrikes on targets in southern Lebanon.", "attack", "195"],
    ["Iran's navy seized a tanker in the Gulf of Oman.", "seizure", "171"],
    ["Moscow warned NATO against sending troops.", "warning", "130"],
    ["Poland signed a deal to buy K2 tanks.", "procurement", "062"],
  ])("%s -> %s (CAMEO %s)", (text, type, code) => {
    const ev = events(text).events.find((e) => e.type === type);
    expect(ev, JSON.stringify(events(text).events.map((e) => e.type))).toBeDefined();
    expect(ev!.cameo.code).toBe(code);
  });
  it("finds nothing in a text with no event", () => {
    expect(events("The weather in Oslo was mild and the museums were busy.").events).toHaveLength(0);
  });
});

describe("arguments", () => {
  it("links actor, equipment, place and time", () => {
    const a = events(
      "Venezuela's military has begun moving S-125 Pechora systems to the Caribbean coast on Sunday.",
    );
    const ev = a.events.find((e) => e.type === "deployment")!;
    const name = (id: string) => a.entities.find((e) => e.id === id)?.name ?? "";
    const actor = a.entities.find((e) => e.id === ev.actors[0]);
    expect(actor?.kind === "actor" ? actor.countryCode : undefined).toBe("VE");
    expect(ev.equipment.map(name).join()).toMatch(/S-125/);
    expect(ev.places.length).toBeGreaterThan(0);
    expect(ev.time.start).toBe("2025-10-05");
  });
  it("resolves 'the systems' to equipment named in an earlier sentence", () => {
    const a = events(
      "Russia moved Iskander-M launchers toward the border on Monday. The systems were deployed near Belgorod on Tuesday.",
    );
    expect(
      a.events.some(
        (e) => e.equipment.length > 0 && e.cues.some((c) => c.rule === "equipment-from-earlier-sentence"),
      ),
    ).toBe(true);
  });
});

describe("claims left unverified, and 'they' after a statement", () => {
  it("hedges both claims when 'Neither claim could be independently verified' follows them", () => {
    const a = run(
      "Azerbaijan said Armenian forces fired on its positions near Lachin. Armenia said Azerbaijani troops shelled the village of Sotk. Neither claim could be independently verified.",
      "2026-11-20",
    );
    expect(a.events.map((e) => e.factuality)).toEqual(["hedged", "hedged"]);
  });
  it("reads 'they' after 'said in a statement that' as the speaker, not the side rejecting the claim", () => {
    const a = run(
      "The Houthis said in a statement that they had attacked a US destroyer, a claim that US Central Command rejected.",
      "2026-11-20",
    );
    const attack = a.events.find((e) => e.type === "attack")!;
    expect(attack.actors.map((id) => a.entities.find((x) => x.id === id)?.name)).toEqual(["Houthis"]);
  });
});

describe("plans given up", () => {
  it.each([
    "Turkey has shelved plans to buy Eurofighter Typhoon jets from Britain.",
    "Poland abandoned its plan to buy K2 tanks.",
  ])("%s -> negated", (text) => {
    expect(events(text).events.find((e) => e.type === "procurement")?.factuality).toBe("negated");
  });
});

describe("factuality", () => {
  it.each([
    ["Russia deployed S-400 systems to Crimea.", "asserted"],
    ["Russia deployed S-400 systems to Crimea, Reuters reported.", "reported"],
    ["Russia appears to have deployed S-400 systems to Crimea.", "hedged"],
    ["Analysts speculated that Russia could be preparing to deploy S-400 systems to Crimea.", "speculative"],
    ["Russia did not deploy S-400 systems to Crimea.", "negated"],
    ["Russia will deploy S-400 systems to Crimea next month.", "planned"],
    ["Belarus hopes to deploy S-400 systems to Crimea next year.", "planned"],
    ["Russia could soon deploy S-400 systems to Crimea.", "speculative"],
    ["Neither of the S-400 systems was deployed to Crimea.", "negated"],
    ["The launchers could later be moved to Crimea.", "speculative"],
    ["Russia deployed S-400 systems to Crimea, a claim that could not be independently verified.", "hedged"],
  ])("%s -> %s", (text, factuality) => {
    const ev = events(text).events.find((e) => e.type === "deployment");
    expect(ev?.factuality).toBe(factuality);
    expect(ev!.cues.every((c) => text.slice(c.start, c.end) === c.text)).toBe(true);
  });
  it("a speech act told in the article's voice is asserted, even when the KB does not know the speaker", () => {
    const ev = events(
      "Venezuela's foreign ministry called the announcement a threat to regional peace.",
    ).events.find((e) => e.type === "accusation");
    expect(ev?.factuality).toBe("asserted");
  });
  it("a denial is itself asserted", () => {
    const ev = events("Moscow denied the report.").events.find((e) => e.type === "denial");
    expect(ev?.factuality).toBe("asserted");
  });
});

describe("merging", () => {
  it("one deployment told twice is one event with two evidence spans", () => {
    const a = events(
      "Russia deployed S-400 systems to Kaliningrad. The S-400 deployment was confirmed by satellite images.",
    );
    const deps = a.events.filter((e) => e.type === "deployment");
    expect(deps).toHaveLength(1);
  });
});

describe("word senses that are not events", () => {
  const types = (text: string) => run(text).events.map((e) => `${e.type}:${e.trigger.text}`);
  it.each([
    ["Tehran builds attack drones at a plant near Isfahan.", "attack:attack"],
    ["About a fifth of the world's oil supply passes through the strait.", "delivery:supply"],
    ["The tanker was stopped under a court order, IRNA said.", "procurement:order"],
    ["The Defence Minister ordered the check on Tuesday, the ministry said.", "procurement:ordered"],
    ["The centre said it had received a report of a vessel being boarded.", "delivery:received"],
    ["Russia had issued navigational warnings for a large area east of Kildin Island.", "warning:warnings"],
    [
      "The minister said the exercise would test how quickly allied fires could be coordinated.",
      "weapons-test:test",
    ],
    ["Norway signed a contract for more Naval Strike Missiles for its frigates.", "attack:Strike"],
    ["Bogotá said it would send a diplomatic note to Caracas.", "deployment:send a diplomatic note to"],
    ["Iran regularly announces seizures of small vessels smuggling fuel.", "statement:announces"],
    [
      "The navy will hold drills with frigates and aircraft operating from Karachi.",
      "deployment:operating from",
    ],
    ["The drills were also meant to test an air-defence network along the coast.", "weapons-test:test"],
    [
      "The Baltic Fleet began an exercise on Tuesday, rehearsing electronic launches of Iskander-M missiles.",
      "weapons-test:launches",
    ],
    ["Video appeared to show the missile leaving a vertical launch cell at dusk.", "weapons-test:launch"],
    ["KCNA did not say how many missiles were fired.", "weapons-test:fired"],
    [
      "The directorate said the rocket hit its target but did not say where it was fired from.",
      "weapons-test:fired",
    ],
    ["Tehran warned that it would respond to any attack on its nuclear facilities.", "attack:attack"],
    ["Pyongyang condemned what it called the allies' rehearsals for invasion.", "attack:invasion"],
    // what is spoken of as "any" has not happened, and is no act of the speaker's
    [
      "Moscow would respond to any deployment of Tomahawks in Germany, the Kremlin said.",
      "deployment:deployment",
    ],
    ["Any transfer of Taurus missiles would be seen as escalation, Moscow said.", "delivery:transfer"],
    ["The ministry warned against any new sanctions on its banks.", "sanction:sanctions"],
    ["It became a hit TV series in Ukraine.", "attack:hit"],
    ["The bill met resistance in parliament.", "diplomatic-meeting:met"],
    ["The ferry sank off Crimea on Monday.", "attack:sank"],
    ["North Korea launched a ballistic missile toward the East Sea.", "attack:launched"],
    ["Hezbollah fired rockets at northern Israel on Monday.", "weapons-test:fired"],
    // an undertaking begun is no weapon fired
    ["The ministry said the Baltic Fleet had launched an exercise.", "weapons-test:launched"],
    ["Prosecutors launched an investigation into the crash.", "weapons-test:launched"],
    [
      "The jamming came from electronic warfare systems deployed in the Kaliningrad region, the ministry said.",
      "deployment:deployed",
    ],
    [
      "The group targeted the ship because its owner had vessels calling at Israeli ports.",
      "deployment:calling at",
    ],
    [
      "The Baltic Fleet began a snap exercise on Tuesday, rehearsing launches and moving Bastion batteries to firing positions.",
      "deployment:moving",
    ],
  ])("%s has no %s", (text, dropped) => {
    expect(types(text)).not.toContain(dropped);
  });
  it.each([
    ["Russia launched an attack on Odesa overnight, the air force said.", "attack"],
    ["Germany will supply Ukraine with more IRIS-T systems, the ministry said.", "delivery"],
    ["Poland ordered 96 AH-64E Apache helicopters from the United States.", "procurement"],
    ["Ukraine received the first F-16 jets from Denmark on Monday.", "delivery"],
    ["North Korea tested a new cruise missile off its west coast.", "weapons-test"],
    ["Russia launched Iskander missiles in a live-fire drill near Luga.", "weapons-test"],
    ["Russia deployed S-400 systems in the Kaliningrad region on Monday.", "deployment"],
    ["Fences went up in 2021, when Minsk was accused of pushing migrants across the frontier.", "accusation"],
    ["Russian warships began moving to the Baltic Sea before the exercise.", "deployment"],
    // goods received, not a system named: a delivery; forces arriving: a deployment
    ["Ukraine received the shipments via Rzeszow, Poland, officials said.", "delivery"],
    ["Armenia received a new consignment of howitzer shells from India.", "delivery"],
    ["Russian paratroopers arrived in the town on Monday.", "deployment"],
    ["Any doubt ended when the deployment of Tomahawks in Germany began in May.", "deployment"],
    ["North Korea launched two ballistic missiles on Monday.", "weapons-test"],
    // "hit" before a name is a strike; "a hit TV series" is none
    ["Russian missiles hit Lviv on Sunday.", "attack"],
    // fired at a part of a country is an attack; toward a sea, a test
    ["Hezbollah fired rockets at northern Israel on Monday.", "attack"],
    ["North Korea launched a ballistic missile toward the East Sea.", "weapons-test"],
    ["Russia launched a large-scale attack on Kyiv overnight.", "attack"],
  ])("%s still has its %s", (text, type) => {
    expect(run(text).events.map((e) => e.type)).toContain(type);
  });
  it("one missile launch told twice (from where, into which sea) is one event", () => {
    const a = run(
      "North Korea fired two short-range ballistic missiles into the Sea of Japan on Thursday, Seoul said.\n\nThe missiles were launched from near Sunan.",
    );
    expect(a.events.filter((e) => e.type === "weapons-test")).toHaveLength(1);
  });
});

describe("a speaker announcing its own act", () => {
  const first = (text: string) => {
    const a = run(text);
    const names = new Map(a.entities.map((e) => [e.id, e.name]));
    const e = a.events[0];
    return e && { type: e.type, actors: e.actors.map((id) => names.get(id)), factuality: e.factuality };
  };
  it.each([
    ["The EU announced new sanctions on Minsk.", "sanction", "European Union"],
    ["Brussels announced new sanctions on Belarus on Monday.", "sanction", "European Union"],
    ["Russia has announced the deployment of Iskander missiles to Belarus.", "deployment", "Russia"],
  ])("%s: the announcer does it, as asserted", (text, type, actor) => {
    expect(first(text)).toEqual({ type, actors: [actor], factuality: "asserted" });
  });
  it("a speaker denying or threatening an act of its own is its actor", () => {
    const a = run("Iran has denied supplying drones for use in the war.");
    const supply = a.events.find((e) => e.type === "delivery");
    expect(a.entities.find((e) => e.id === supply?.actors[0])?.name).toBe("Iran");
    expect(supply?.factuality).toBe("negated");
  });
  it("a group claiming an attack is its actor, as it claims", () => {
    expect(first("The Houthis claimed responsibility for a drone attack on Eilat on Sunday.")).toEqual({
      type: "attack",
      actors: ["Houthis"],
      factuality: "reported",
    });
  });
  it("a force reporting what was shot down shot it down", () => {
    const a = run(
      "Russia launched 60 drones at Ukraine overnight. Ukraine's air force said 50 were shot down.",
    );
    const names = new Map(a.entities.map((e) => [e.id, e.name]));
    const interception = a.events.find((e) => e.type === "interception");
    expect(interception?.actors.map((id) => names.get(id))).toEqual(["Ukrainian Air Force"]);
    expect(first("Russia said Ukraine had shot down a plane.")?.actors).toEqual(["Ukraine"]);
  });
  it("a speaker announcing what others did is no actor of it", () => {
    const e = first("Ukraine's air force announced that Russian drones attacked Odesa.");
    expect(e?.actors).toEqual(["Russia"]);
    expect(e?.factuality).toBe("reported");
  });
});

describe("more ways of telling an event", () => {
  it.each([
    ["Austin met his Japanese counterpart in Tokyo on Monday.", "diplomatic-meeting"],
    ["Zelensky met Greek Prime Minister Kyriakos Mitsotakis in Athens.", "diplomatic-meeting"],
    ["The State Department approved the sale of 400 AMRAAM missiles to Taiwan.", "procurement"],
    ["Russian and Ukrainian forces exchanged artillery fire near Bakhmut.", "attack"],
    ["Ukraine's navy sank a Russian landing ship off Crimea.", "attack"],
    ["The ferry sank off Crimea on Monday.", "incident"],
    ["China's coast guard said the Philippine ship had illegally entered its waters.", "accusation"],
    ["Bogotá said it would send a diplomatic note to Caracas over the flight.", "protest"],
    ["The US Navy tracked the group across the Atlantic with a P-8A Poseidon.", "deployment"],
    ["Kyiv has used explosive sea drones since 2022.", "attack"],
    ["The army retook Kidal from the separatists in November 2023.", "seizure"],
    ["India has exported shore-based batteries of the missile to the Philippines.", "delivery"],
    ["Iran denies arming the Houthis.", "delivery"],
    ["Turkey also trains Somali special forces at a base in Mogadishu.", "military-cooperation"],
    ["Suspected Shining Path fighters ambushed an army patrol near Pichari on Sunday.", "attack"],
    ["Tajik border guards shot dead three armed men on the Panj river.", "attack"],
    ["Eritrea called up reservists in February.", "deployment"],
    ["The icebreaker Healy had been sent to monitor the Chinese ships.", "deployment"],
    [
      "Russia flew four Su-25 jets and two Mi-24 helicopters from Kant to Tajikistan last week.",
      "deployment",
    ],
    ["Nigeria and Cameroon agreed in April to run joint patrols off Bakassi.", "agreement"],
    ["The three leaders signed a joint declaration on Red Sea security.", "agreement"],
    ["Analysts said the army could try to seize the port.", "seizure"],
    ["Tokyo is expected to transfer six retired destroyer escorts to the Philippine Navy.", "delivery"],
    ["A naval dockyard in Lagos is building two more patrol boats for the navy.", "production"],
    [
      "The Marines plan to fire an NMESIS anti-ship missile at a decommissioned hulk off Batan Island.",
      "weapons-test",
    ],
    ["Beijing said the vessel had intruded into Chinese waters.", "incident"],
    ["Taipei said 23 J-16 fighters crossed the median line of the Taiwan Strait.", "incident"],
    ["Romania and Bulgaria run patrols under an agreement signed in Istanbul in January.", "agreement"],
  ])("%s -> %s", (text, type) => {
    expect(run(text).events.map((e) => e.type)).toContain(type);
  });
  it.each([
    ["The radar tracked two small aircraft crossing the border.", "deployment"],
    ["The ministry said the vessel had been legally entered in the register.", "accusation"],
    ["Kyiv has used the port since 2022.", "attack"],
    ["The fire at the depot was put out, officials said, and no one plans to fire anyone.", "weapons-test"],
    ["The company is building a new headquarters in Lagos.", "production"],
    ["The ferry crossed the line of buoys at the harbour mouth.", "incident"],
    ["The Bolivarian National Armed Forces said the helicopter never left Venezuelan airspace.", "delivery"],
  ])("%s has no %s", (text, type) => {
    expect(run(text).events.map((e) => e.type)).not.toContain(type);
  });
});

describe("a noun that refers back in other words", () => {
  it("'the attack' after water cannon was fired joins that incident", () => {
    const a = run(
      "Chinese coast guard ships fired water cannon at a Philippine supply boat near Second Thomas Shoal on Saturday. The defence secretary said the attack was not the act of a responsible state.",
      "2024-05-12",
    );
    expect(a.events.filter((e) => e.type === "attack")).toHaveLength(0);
    const spans = a.events.find((e) => e.type === "incident")?.evidenceSpans ?? [];
    expect(spans.some((x) => x.text.startsWith("The defence secretary said the attack"))).toBe(true);
  });
  it("'said that talks' is a clause, not a reference back", () => {
    const a = run(
      "Moscow denied that it was withdrawing from Syria. The ministry said on Wednesday that talks with Damascus about the base were continuing.",
    );
    expect(a.events.map((e) => e.type)).toContain("diplomatic-meeting");
  });
  it("'The alliance did not say' is an organisation speaking, and 'opposed unilateral sanctions' imposes none", () => {
    expect(run("The alliance did not say how the force would be funded.").events).toHaveLength(0);
    const a = run("China's foreign ministry said it opposed unilateral sanctions that had no basis in law.");
    expect(a.events.map((e) => e.type)).not.toContain("sanction");
  });
});

describe("who acts", () => {
  it("in the passive is the agent after 'by'", () => {
    const a = run(
      "Two Philippine Coast Guard cutters were blocked by six China Coast Guard vessels near Second Thomas Shoal.",
    );
    const ev = a.events.find((e) => e.type === "incident");
    const names = ev?.actors.map((id) => a.entities.find((x) => x.id === id)?.name);
    expect(names).toEqual(["China Coast Guard"]);
  });
  const actorsOf = (text: string, type: string) => {
    const a = run(text);
    const ev = a.events.find((e) => e.type === type);
    expect(ev, JSON.stringify(a.events.map((e) => e.type))).toBeDefined();
    return ev!.actors.map((id) => a.entities.find((x) => x.id === id)?.name);
  };
  it("is not a government named as the backer of those who act ('Tehran-backed militias fired')", () => {
    const names = actorsOf("Tehran-backed militias fired rockets at a U.S. base in eastern Syria.", "attack");
    expect(names.filter((n) => /Iran/.test(n ?? ""))).toEqual([]);
  });
  it("is not an actor named as the one others are linked to ('Al-Qaeda-linked fighters attacked')", () => {
    expect(actorsOf("Al-Qaeda-linked fighters attacked an army post in northern Benin.", "attack")).toEqual(
      [],
    );
    expect(actorsOf("Kremlin-linked hackers attacked the water plant on Monday.", "attack")).toEqual([]);
  });
  it("is not the country of a strike's or an interception's object ('struck a Ukrainian port')", () => {
    expect(actorsOf("Drones struck a Ukrainian port overnight.", "attack")).toEqual([]);
    expect(actorsOf("Air defences shot down 40 Russian drones overnight.", "interception")).toEqual([]);
    // the agent after "by", and a demonym further on, are still read
    expect(actorsOf("Struck by Russian missiles, the port burned.", "attack")).toEqual(["Russia"]);
    expect(actorsOf("Russian drones struck a Ukrainian port overnight.", "attack")).toEqual(["Russia"]);
  });
  it("is not a group named as the target of a strike ('killed a senior Hamas commander in a strike')", () => {
    expect(actorsOf("Israel killed a senior Hamas commander in a strike on Beirut.", "attack")).toEqual([
      "Israel",
    ]);
    expect(actorsOf("Air defences shot down three Houthi drones over the Red Sea.", "interception")).toEqual(
      [],
    );
    expect(actorsOf("Hamas attacked Israeli positions on Monday.", "attack")).toEqual(["Hamas"]);
  });
  it("are all the actors named together as the subject", () => {
    expect(
      actorsOf("Kuwait and Saudi Arabia signed an agreement in 2022 to develop the field.", "agreement"),
    ).toEqual(["Kuwait", "Saudi Arabia"]);
    expect(
      actorsOf("Croatia, Albania and Kosovo signed a joint declaration on defence cooperation.", "agreement"),
    ).toEqual(["Croatia", "Albania", "Kosovo"]);
    // a demonym before a leader's title belongs to that leader's name, not to the list
    expect(
      actorsOf(
        "President Ilham Aliyev and Armenian Prime Minister Nikol Pashinyan initialled a peace agreement.",
        "agreement",
      ),
    ).toEqual(["Ilham Aliyev", "Nikol Pashinyan"]);
  });
  it("is not a party named after the verb, nor one named earlier in another role", () => {
    expect(actorsOf("Saudi Arabia signed an agreement with Kuwait in 2022.", "agreement")).toEqual([
      "Saudi Arabia",
    ]);
    expect(
      actorsOf("Drones struck Odesa and Kyiv overnight, and Russia launched missiles at Kharkiv.", "attack"),
    ).not.toContain("Ukraine");
  });
  it("is the speaker when the reported clause's subject is a pronoun for it", () => {
    expect(
      actorsOf(
        "Russia's defence ministry said its air-defence units had shot down 14 rockets.",
        "interception",
      ),
    ).toEqual(["Ministry of Defence of the Russian Federation"]);
    expect(
      actorsOf("Ukraine's general staff said that its forces had hit a Russian command post.", "attack"),
    ).toEqual(["General Staff of the Armed Forces of Ukraine"]);
    // the subject of the verb of speech, not the outlet or official who reports it
    expect(
      actorsOf(
        "North Korea fired artillery, South Korea's Joint Chiefs of Staff said, hours after Pyongyang warned it would respond to the drills.",
        "threat",
      ),
    ).toEqual(["Government of North Korea"]);
  });
  it("is not the speaker when the reported clause names its own subject", () => {
    expect(
      actorsOf("Ukraine's general staff said Russian forces had hit a hospital in Kharkiv.", "attack"),
    ).not.toContain("General Staff of the Armed Forces of Ukraine");
  });
  it("of a denial is the one named right before it, not the sentence's speaker", () => {
    expect(
      actorsOf(
        "Ukraine's military intelligence agency said its drones struck a Russian landing ship, a claim Moscow denied.",
        "denial",
      ),
    ).toEqual(["Government of Russia"]);
    expect(actorsOf("Moscow has repeatedly denied the allegation, the agency said.", "denial")).toEqual([
      "Government of Russia",
    ]);
  });
  it("is the subject of the verb that carries an event noun", () => {
    expect(actorsOf("Greece will hold a joint naval exercise near Crete next month.", "exercise")).toEqual([
      "Greece",
    ]);
    expect(
      actorsOf("Colombia and the United States are due to hold talks in Washington.", "diplomatic-meeting"),
    ).toEqual(["Colombia", "United States"]);
    expect(
      actorsOf("The Pakistan Navy said it will hold a live-fire exercise next week.", "exercise"),
    ).toEqual(["Pakistan Navy"]);
  });
  it("is the one a relative clause is about", () => {
    expect(
      actorsOf(
        "Brazil, which borders both countries, reinforced its army units in Roraima state.",
        "deployment",
      ),
    ).toEqual(["Brazil"]);
    expect(
      actorsOf(
        "Analysts linked the test to Russia, which has used North Korean missiles in Ukraine.",
        "attack",
      ),
    ).toEqual(["Russia"]);
  });
  it("is the owner of an event named with a possessive, and a country's embassy speaks for it", () => {
    expect(
      actorsOf(
        "Planners have worried about the gap since Russia's full-scale invasion of Ukraine.",
        "attack",
      ),
    ).toEqual(["Russia"]);
    expect(
      actorsOf("Russia's embassy in Copenhagen denied that the ship had any military purpose.", "denial"),
    ).toEqual(["Russia"]);
  });
  it("is a country that opens the sentence, read as a place", () => {
    expect(
      actorsOf(
        "GEORGETOWN - Guyana on Tuesday accused a Venezuelan navy vessel of entering its waters.",
        "accusation",
      ),
    ).toEqual(["Guyana"]);
    // a country named in the middle of the sentence is where, not who
    expect(actorsOf("Russian troops in Ukraine attacked a village near Kupiansk.", "attack")).not.toContain(
      "Ukraine",
    );
  });
  it("is the actor of that kind named before, for 'the navy', 'the army', 'the foreign ministry'", () => {
    const a = run(
      "Poland's navy held drills on Monday. The navy will hold another exercise in the Baltic Sea next month.",
    );
    const ev = a.events.filter((e) => e.type === "exercise").at(-1)!;
    expect(ev.actors.map((id) => a.entities.find((x) => x.id === id)?.name)).toEqual(["Polish Navy"]);
    expect(ev.cues.find((c) => c.kind === "actor")).toMatchObject({
      rule: "actor-named-by-anaphor",
      text: "The navy",
    });
  });
  it("is that kind of actor of the story's country when none was named, as a mention that refers back", () => {
    const a = run(
      "TAIPEI - Taiwan received the second batch of HIMARS launchers on Tuesday, Taiwan's defence ministry said. The army will form a second HIMARS battalion by the end of the year.",
    );
    const ev = a.events.find((e) => e.type === "deployment")!;
    const actor = a.entities.find((x) => x.id === ev.actors[0]);
    expect(actor?.name).toBe("Republic of China Army");
    expect(actor?.mentions.find((m) => m.text === "The army")?.role).toBe("coreference");
  });
  it("is no country's army when the story names two countries alike", () => {
    const a = run(
      "Kyiv and Moscow traded accusations on Tuesday. The army will form a new brigade by the end of the year.",
    );
    expect(mentionsOf(a).some((m) => m.role === "coreference")).toBe(false);
  });
  it("keeps the rule that chose it, on the words it read", () => {
    const a = run("Warsaw accused Moscow on Tuesday of jamming satellite navigation signals.");
    const ev = a.events.find((e) => e.type === "incident")!;
    expect(ev.cues.find((c) => c.kind === "actor")).toMatchObject({
      rule: "actor-accused-of-act",
      text: "Moscow",
    });
    const b = run("Kuwait and Saudi Arabia signed an agreement in 2022 to develop the field.");
    expect(b.events[0]!.cues.find((c) => c.kind === "actor")).toMatchObject({
      rule: "actors-listed-as-subject",
      text: "Kuwait and Saudi Arabia",
    });
  });
  it("of a speech act may be a city read as its government, but not the city an embassy is in", () => {
    expect(
      actorsOf(
        "Niger's junta accused Benin of letting foreign troops use its territory, an allegation Cotonou has repeatedly denied.",
        "denial",
      ),
    ).toEqual(["Benin"]);
    expect(actorsOf("Moscow's embassy in Chisinau denied that the drone was Russian.", "denial")).toEqual([
      "Russia",
    ]);
  });
  it("is the speaker of 'said in October that it would'", () => {
    expect(
      actorsOf(
        "The European Union said in October that it would supply Benin with armoured vehicles.",
        "delivery",
      ),
    ).toEqual(["European Union"]);
  });
  it("is the one accused of the act", () => {
    expect(
      actorsOf("Warsaw accused Moscow on Tuesday of jamming satellite navigation signals.", "incident"),
    ).toEqual(["Government of Russia"]);
    expect(
      actorsOf("Kosovo's government accused Belgrade of moving troops closer to the boundary.", "deployment"),
    ).toEqual(["Government of Serbia"]);
  });
  it("is the person or armed group that 'he', 'she' or 'the group' refers to", () => {
    expect(
      actorsOf(
        "Donald Trump said the destroyers would stay in the region. He also warned the government in Caracas against interfering with shipping.",
        "warning",
      ),
    ).toEqual(["Donald Trump"]);
    expect(
      actorsOf(
        "The Houthis claimed the strike on the tanker. The group has attacked dozens of merchant ships since November 2023.",
        "attack",
      ),
    ).toEqual(["Houthis"]);
    // "the group" is no state named before it
    expect(
      actorsOf(
        "Russia condemned the vote. The group has attacked dozens of merchant ships since 2023.",
        "attack",
      ),
    ).not.toContain("Russia");
  });
  it("is never the maker named to describe the equipment", () => {
    const a = run("The guns, built by KNDS, were shipped to the port of Poti on Sunday.");
    const ev = a.events.find((e) => e.type === "delivery");
    expect(ev).toBeDefined();
    expect(ev!.actors.map((id) => a.entities.find((x) => x.id === id)?.name)).not.toContain("KNDS");
  });
  it("'agreed to sell' is an arms deal, not a political agreement", () => {
    const types = run("France agreed to sell 36 Caesar howitzers to Armenia in June 2024.").events.map(
      (e) => e.type,
    );
    expect(types).toContain("procurement");
    expect(types).not.toContain("agreement");
  });
  it("'the missile striking a floating target' is part of the test told before", () => {
    const a = run(
      "Iran's navy test-fired a cruise missile near Jask on Sunday. Footage showed the missile striking a floating target at sea.",
      "2024-01-15",
    );
    expect(a.events.filter((e) => e.type === "weapons-test")).toHaveLength(1);
  });
});

describe("two events of one type in one sentence", () => {
  it("are kept apart when the second clause has a stance of its own", () => {
    const a = run(
      "The submarine appeared to be heading for Tartus in Syria, though it could also call at Tobruk in eastern Libya.",
    );
    const moves = a.events.filter((e) => e.type === "deployment");
    expect(moves.map((e) => e.factuality).sort()).toEqual(["hedged", "speculative"]);
  });
  it("are one event when nothing sets the second clause apart", () => {
    const a = run(
      "Russia deployed S-400 systems to Kaliningrad, and moved Iskander launchers to the border.",
    );
    expect(a.events.filter((e) => e.type === "deployment")).toHaveLength(1);
  });
});

describe("rules learnt from the held-out articles", () => {
  it("a denial negates what it denies, not the threat its speaker makes next", () => {
    const a = run(
      "Al-Shabaab denied losing any fighters and threatened to attack Turkish bases in the country.",
    );
    expect(a.events.find((e) => e.type === "threat")?.factuality).toBe("asserted");
  });
  it("a spokesperson for an actor speaks for it: the denial is asserted", () => {
    const a = run(
      "A spokesperson for the China Coast Guard said its officers had expelled the vessel and denied that anyone had been hurt.",
    );
    expect(a.events.find((e) => e.type === "denial")?.factuality).toBe("asserted");
  });
  it("a cooperation agreement is an agreement, talks on cooperation are talks", () => {
    const types = (t: string) => run(t).events.map((e) => e.type);
    expect(
      types("Ankara and Mogadishu signed a ten-year defence cooperation agreement in February 2024."),
    ).toEqual(["agreement"]);
    expect(
      types(
        "Colombia and the United States will hold talks in Washington on renewing counter-narcotics cooperation.",
      ),
    ).not.toContain("military-cooperation");
    expect(
      types("Turkey trains Somali special forces under a military cooperation programme."),
    ).toBeDefined();
  });
  it("'a stated range' is no statement; 'will send a delegation' is a meeting, not a deployment", () => {
    expect(run("The rocket has a stated range of 400 km.").events).toHaveLength(0);
    const types = run(
      "Iraq will send a delegation to Amman this week to discuss border security.",
    ).events.map((e) => e.type);
    expect(types).toContain("diplomatic-meeting");
    expect(types).not.toContain("deployment");
  });
  it("'is due to flight-test' is a planned test", () => {
    const ev = run("The army is due to flight-test the rocket again next month.").events.find(
      (e) => e.type === "weapons-test",
    );
    expect(ev?.factuality).toBe("planned");
  });
  it("a year that describes a thing ('a 2020 crisis in which frigates collided') dates only what has no other date", () => {
    const a = run(
      "Analysts said Ankara could respond by sending warships, repeating a 2020 crisis in which a Greek and a Turkish frigate collided.",
      "2026-01-21",
    );
    const c = a.events.find((e) => e.type === "incident");
    expect(c?.time.start).toBe("2020-01-01");
    expect(c?.factuality).not.toBe("speculative");
    const b = run(
      "India will deliver the third battery due under a 2022 contract to the Philippines by the middle of next year.",
      "2025-10-09",
    );
    expect(b.events.find((e) => e.type === "delivery")?.time.start).toBe("2026-01-01");
  });
  it("'108 ordered in 2019' does not date the arrival told beside it", () => {
    const a = run(
      "A second batch of Abrams tanks has arrived in Taiwan, the ministry said on Thursday, bringing to 80 the number delivered out of 108 ordered in 2019.",
      "2025-07-25",
    );
    expect(a.events.find((e) => e.type === "delivery")?.time.start).toBe("2025-07-24");
  });
});

describe("what is to come", () => {
  it.each([
    [
      "Sweden moved air-defence units to Gotland ahead of a week-long national exercise.",
      "exercise",
      "planned",
    ],
    ["The United States said it would impose sanctions on three Chinese firms.", "sanction", "planned"],
    ["The last 28 tanks are due to arrive next year.", "delivery", "planned"],
    ["The two leaders are due to meet again in Copenhagen next month.", "diplomatic-meeting", "planned"],
  ])("%s -> %s, %s", (text, type, factuality) => {
    const ev = run(text, "2025-09-18").events.find((e) => e.type === type);
    expect(ev?.factuality).toBe(factuality);
  });
  it("'would respond with' force is a threat", () => {
    const a = run(
      "Russia's embassy in Stockholm said Moscow would respond with military-technical measures.",
    );
    expect(a.events.map((e) => e.type)).toContain("threat");
    expect(
      run("The ministry said it would respond to questions later.").events.map((e) => e.type),
    ).not.toContain("threat");
  });
  it("what is to come after a speech act or a past-tense verb is its content, not its time", () => {
    const a = run("Beijing condemned the sale and said it would impose sanctions on the companies involved.");
    expect(a.events.find((e) => e.type === "accusation")?.factuality).toBe("asserted");
    const b = run(
      "The first of 12 Rafale jets ordered from France last August would arrive well before 2029.",
      "2025-03-26",
    );
    expect(b.events.find((e) => e.type === "procurement")?.factuality).not.toBe("planned");
  });
  it("'ahead of' makes only the thing ahead planned", () => {
    const a = run("Sweden moved air-defence units to Gotland ahead of a week-long national exercise.");
    expect(a.events.find((e) => e.type === "deployment")?.factuality).toBe("asserted");
  });
  it("'a pact Vučić called a threat' is an accusation", () => {
    const a = run("Croatia and Albania signed a defence pact, a pact Vučić called a threat to Serbia.");
    expect(a.events.map((e) => e.type)).toContain("accusation");
  });
});

describe("firing", () => {
  it.each([
    "Armenia said Azerbaijani troops had fired at its positions near Khnatsakh late on Monday.",
    "Baku denied the claim and said Armenian units had fired first.",
    "The conflict ended after both sides fired missiles and drones across the border.",
  ])("by troops, at positions or across a border, is an attack: %s", (text) => {
    const types = run(text, "2025-09-17").events.map((e) => e.type);
    expect(types).toContain("attack");
    expect(types).not.toContain("weapons-test");
  });
  it("the missile, fired from a submarine, is the test already told", () => {
    const a = run(
      "Russia's Northern Fleet test-fired a Bulava missile from the White Sea on Tuesday, the ministry said.\n\nThe ministry said the missile, fired from the submarine Knyaz Pozharsky, hit its target at the Kura range.",
      "2025-11-05",
    );
    expect(a.events.filter((e) => e.type === "weapons-test")).toHaveLength(1);
  });
});

describe("words read as no event", () => {
  it("are kept with the rule that read them, and their spans slice exactly", () => {
    const text =
      "Tehran builds attack drones and warned it would respond to any attack, rehearsing electronic launches.";
    const a = run(text);
    expect(a.notEvents?.map((n) => `${n.text}:${n.rule}`)).toEqual([
      "attack:part-of-a-name",
      "attack:hypothetical-object",
      "launches:simulated-launch",
    ]);
    expect(a.notEvents!.every((n) => text.slice(n.start, n.end) === n.text)).toBe(true);
  });
  it("are left out when there are none", () => {
    expect(run("Russia deployed S-400 systems to Kaliningrad.").notEvents).toBeUndefined();
  });
});

describe("launching drones", () => {
  it("is an attack, and 'could soon launch' a possibility kept apart from the attacks already told", () => {
    const a = run(
      "Moscow steps up output of the attack drones it launches at Ukraine every night.\n\nAnalysts said Russia could soon launch 1,000 drones in a single night.",
    );
    const attacks = a.events.filter((e) => e.type === "attack");
    expect(attacks.map((e) => e.factuality).sort()).toEqual(["asserted", "speculative"]);
    expect(a.events.some((e) => e.type === "weapons-test")).toBe(false);
  });
  it("is still a test when the text says so", () => {
    const a = run("Iran launched new drones in a flight test over the desert on Sunday.");
    expect(a.events.map((e) => e.type)).toContain("weapons-test");
  });
});

describe("the day pictures were taken", () => {
  it("dates what they show, not the day the outlet reported them", () => {
    const a = run(
      "Venezuelan troops moved two Pechora-2M batteries to the Paraguaná Peninsula, Reuters reported on Monday, citing photographs.\n\nThe images, which the agency said were taken on Saturday, show launchers near Punto Fijo.",
      "2025-10-21",
    );
    const d = a.events.find((e) => e.type === "deployment");
    expect(d?.time.start).toBe("2025-10-18");
    expect(d?.time.inferred).toBe(true);
  });
  it("leaves the report date when no picture is dated", () => {
    const a = run(
      "Venezuelan troops moved two Pechora-2M batteries to the Paraguaná Peninsula, Reuters reported on Monday.",
      "2025-10-21",
    );
    expect(a.events.find((e) => e.type === "deployment")?.time.start).toBe("2025-10-20");
  });
  it("dates an event by the story's own date, not the dateline's", () => {
    const a = run(
      "KYIV, Oct. 5 (Reuters) - Russia has moved S-400 batteries near Novorossiysk since March, officials said.",
      "2025-10-07",
    );
    expect(a.events.find((e) => e.type === "deployment")?.time.text).toBe("since March");
    // a dateline's date still dates an event the sentence dates no other way
    const b = run(
      "KYIV, Oct. 5 (Reuters) - Russia has moved S-400 batteries near Novorossiysk.",
      "2025-10-07",
    );
    expect(b.events.find((e) => e.type === "deployment")?.time.start).toBe("2025-10-05");
    // an early date that is no dateline dates the event
    const c = run(
      "On Oct. 5 Russia moved S-400 batteries near Novorossiysk, where it has kept others since March.",
      "2025-10-07",
    );
    expect(c.events.find((e) => e.type === "deployment")?.time.text).toBe("Oct. 5");
  });
});

describe("a government spoken to", () => {
  it("is the target of an accusation, not its actor", () => {
    const a = run(
      "Azerbaijan's foreign ministry issued a statement on Tuesday. It accused Paris of arming Armenia with CAESAR howitzers.",
      "2025-10-08",
    );
    const acc = a.events.find((e) => e.type === "accusation");
    expect(acc).toBeDefined();
    const names = acc!.actors.map((id) => a.entities.find((e) => e.id === id)?.name ?? id);
    expect(names.join()).not.toMatch(/France/);
    expect(names.join()).toMatch(/Azerbaijan/);
  });
});

describe("one happening told in several sentences", () => {
  it("a seizure told again without a date is that seizure", () => {
    const a = run(
      "Iran's Revolutionary Guards seized a tanker near Qeshm Island on Thursday, Tasnim reported.\n\nAbout two million litres of diesel were confiscated on the orders of a provincial court.",
      "2025-04-25",
    );
    expect(a.events.filter((e) => e.type === "seizure")).toHaveLength(1);
  });
  it("an interception stays apart from the attack it meets, and one that did not happen from one that did", () => {
    const a = run(
      "Russia launched two Iskander-M missiles and 63 drones at Odesa overnight. Air-defence units shot down 41 of the drones. Neither missile was intercepted.",
      "2025-05-07",
    );
    const i = a.events.filter((e) => e.type === "interception");
    expect(i.map((e) => e.factuality).sort()).toEqual(["asserted", "negated"]);
  });
  it("a headline is short for its attributed lede: the claim is reported, by the lede's sources, on its date", () => {
    const a = run(
      "Venezuela moves air defences to Caribbean coast, report says\n\nThe Venezuelan military has begun moving air-defence systems along the Caribbean coast, El Pitazo reported on Monday, citing photographs from anonymous sources.",
      "2025-11-25",
    );
    const d = a.events.filter((e) => e.type === "deployment");
    expect(d).toHaveLength(1);
    expect(d[0]!.factuality).toBe("reported");
    const names = d[0]!.sourceIds.map((id) => a.sources.find((s) => s.id === id)?.name);
    expect(names).toContain("El Pitazo");
    expect(d[0]!.sourceIds).not.toContain("s0");
    expect(d[0]!.time.start).toBe("2025-11-24");
  });
  it("a claim the article makes in its first sentence stays its own when a later one is attributed", () => {
    const a = run(
      "Russia deployed S-400 batteries near Novorossiysk on Monday. The deployment was confirmed by satellite images, officials said.",
      "2025-11-25",
    );
    const d = a.events.filter((e) => e.type === "deployment");
    expect(d).toHaveLength(1);
    expect(d[0]!.factuality).toBe("asserted");
    expect(d[0]!.sourceIds).toContain("s0");
  });
});

describe("'on the same day'", () => {
  it("dates an event by the one told before", () => {
    const a = run(
      "Norwegian F-35A fighters intercepted two Russian Tu-142 aircraft over the Norwegian Sea on Monday.\n\nOn the same day, Norway's defence ministry said it had signed a contract with Kongsberg for more Naval Strike Missiles.",
      "2024-10-16",
    );
    const p = a.events.find((e) => e.type === "procurement");
    expect(p?.time.start).toBe("2024-10-14");
    expect(p?.time.inferred).toBe(true);
  });
  it("pictures of a strike's aftermath do not date the strike", () => {
    const a = run(
      "Ukraine's General Staff said on Wednesday that its forces had hit an S-400 battalion near Yevpatoria.\n\nSatellite images taken on Thursday appear to show scorch marks.",
      "2024-06-14",
    );
    expect(a.events.find((e) => e.type === "attack")?.time.start).toBe("2024-06-12");
  });
});

describe("dates that belong to something else", () => {
  it("a date in a relative clause ('who was sworn in on January 20') dates neither this sentence nor the next", () => {
    const a = run(
      "Trump, who was sworn in for a second term on January 20 and leads the administration, told reporters the ships would stay. He also warned Caracas against interfering with shipping, saying any such move would be met with force.",
      "2025-09-16",
    );
    expect(a.events.find((e) => e.type === "threat")?.time.start ?? null).not.toBe("2025-01-20");
  });
  it("the next sentence about the same things dates an arrival the report only said", () => {
    const a = run(
      "A second batch of 42 Abrams tanks has arrived in Taiwan, the defence ministry said on Thursday.\n\nThe tanks were unloaded at Taipei Port on Tuesday and driven to a base in Hsinchu county.",
      "2025-07-24",
    );
    const d = a.events.find((e) => e.type === "delivery" || e.type === "deployment");
    expect(d?.time.start).toBe("2025-07-22");
    expect(d?.time.inferred).toBe(true);
  });
  it("a participle of the trigger or right after it dates the trigger; 'after fighting in September 2022' dates the fighting", () => {
    const a = run(
      "Tajikistan and Kyrgyzstan signed a treaty in March settling their frontier, after fighting in September 2022 killed about 100 people.",
      "2025-05-13",
    );
    expect(a.events.find((e) => e.type === "agreement")?.time.start).toBe("2025-03-01");
    expect(a.events.find((e) => e.type === "attack")?.time.start).toBe("2022-09-01");
    const b = run(
      "About 150 Japanese soldiers arrived at Clark Air Base on Wednesday under a reciprocal access agreement signed in July 2024.",
      "2025-10-16",
    );
    expect(b.events.find((e) => e.type === "agreement")?.time.start).toBe("2024-07-01");
    expect(b.events.find((e) => e.type === "deployment")?.time.start).toBe("2025-10-15");
  });
  it("a move told after the report does not date the arrival", () => {
    const a = run(
      "Russia has deployed S-400 air-defence systems to Kaliningrad, the defence ministry said on Monday. The systems were moved from the Leningrad region by rail over the weekend.",
      "2025-03-11",
    );
    expect(a.events.find((e) => e.type === "deployment")?.time.start).toBe("2025-03-10");
  });
  it("'overnight on Monday' is Monday", () => {
    const a = run(
      "Ukraine's navy said its sea drones struck a Russian patrol ship near Crimea overnight on Monday.",
      "2025-03-06",
    );
    expect(a.events.find((e) => e.type === "attack")?.time.start).toBe("2025-03-03");
  });
});

describe("a speech act told without a date", () => {
  it("takes the day the next sentence gives its words, marked inferred", () => {
    const a = run(
      "Beijing warned Tokyo against a return to militarism. A foreign ministry spokesperson said on Tuesday that the moves disturbed regional stability.",
      "2025-09-11",
    );
    const w = a.events.find((e) => e.type === "warning");
    expect(w?.time.start).toBe("2025-09-09");
    expect(w?.time.inferred).toBe(true);
  });
  it("does not take a date from a next sentence that tells something else", () => {
    const a = run(
      "Beijing warned Tokyo against a return to militarism. The drills ended on Tuesday.",
      "2025-09-11",
    );
    expect(a.events.find((e) => e.type === "warning")?.time.start ?? null).toBeNull();
  });
});

describe("plural equipment names", () => {
  it("finds 'Naval Strike Missiles' and 'NSMs' as the Naval Strike Missile", () => {
    const a = run("Norway ordered more Naval Strike Missiles and two NSMs for its frigates.");
    const nsm = a.entities.find((e) => e.name === "Naval Strike Missile");
    expect(nsm?.mentions.map((m) => m.text)).toEqual(["Naval Strike Missiles", "NSMs"]);
  });
  it("does not turn a plural word into equipment when the singular is not equipment", () => {
    const a = run("The talks were held in Minsk.");
    expect(a.entities.filter((e) => e.kind === "equipment")).toHaveLength(0);
  });
});

describe("one test told three times", () => {
  it("is one event: the fleet and its country agree, and a ship's commissioning date is not the test's date", () => {
    const a = run(
      "Russia's Northern Fleet test-fired a Zircon hypersonic missile in the Barents Sea on Tuesday, the defence ministry said. The missile was launched from the frigate Admiral Golovko, a ship commissioned in late 2023.\n\nThe ministry said the Zircon struck a target ship in the Pechora Sea.",
      "2024-10-16",
    );
    const tests = a.events.filter((e) => e.type === "weapons-test");
    expect(tests.every((e) => e.time.start === "2024-10-15")).toBe(true);
    expect(tests.length).toBeLessThanOrEqual(2);
  });
});

describe("what someone is accused of", () => {
  it("is reported, with the rule that says so, while the accusation itself is asserted", () => {
    const a = run("Lithuania accused Belarus on Tuesday of moving Russian-made drones toward the border.");
    const move = a.events.find((e) => e.type === "deployment");
    expect(move?.factuality).toBe("reported");
    expect(move?.cues.some((c) => c.rule === "object-of-accusation")).toBe(true);
    expect(a.events.find((e) => e.type === "accusation")?.factuality).toBe("asserted");
  });
});

describe("event dates", () => {
  const dated = (text: string, published: string, type: string) =>
    run(text, published).events.find((e) => e.type === type)?.time;
  it("runs from the day an event began to the day the words say it will run until", () => {
    const t = dated(
      "The drills, which began on Oct. 1 and will run through mid-October, involve about 5,000 troops.",
      "2025-10-07",
      "exercise",
    );
    expect([t?.start, t?.end, t?.text]).toEqual([
      "2025-10-01",
      "2025-10-20",
      "Oct. 1 and will run through mid-October",
    ]);
  });
  it("spans 'between' two dates, whichever is nearer the trigger; two dates joined by 'and' alone stay apart", () => {
    const between = dated(
      "Between Oct. 1 and Oct. 5, Russia launched 300 drones at Ukraine.",
      "2025-10-07",
      "attack",
    );
    expect([between?.start, between?.end]).toEqual(["2025-10-01", "2025-10-05"]);
    const two = dated("Russia launched 300 drones at Ukraine on Oct. 1 and Oct. 5.", "2025-10-07", "attack");
    expect([two?.start, two?.end]).toEqual(["2025-10-01", "2025-10-01"]);
  });
  it("takes no date from a clause about a place named after the trigger", () => {
    const t = dated(
      "Russian drones attacked Kyiv, which was founded in 482, overnight.",
      "2025-10-07",
      "attack",
    );
    expect(t?.start).not.toBe("0482-01-01");
    expect(
      dated("The exercise began on Monday and ended on Friday in the Baltic Sea.", "2025-10-11", "exercise")
        ?.end,
    ).toBe("2025-10-10");
  });
  it("prefers the event's own date to the day the source spoke", () => {
    const t = dated(
      "Colombia's army said on Sunday that a Venezuelan helicopter crossed into Colombian airspace on Saturday.",
      "2025-03-10",
      "incident",
    );
    expect(t?.start).toBe("2025-03-08");
  });
  it("a later sentence's date replaces the reporting day of the same event", () => {
    const a = run(
      "Poland's army has moved K9 howitzers to Orzysz, the ministry said on Tuesday.\n\nThe minister said the howitzers had arrived on Sunday.",
      "2024-05-15",
    );
    const dep = a.events.filter((e) => e.type === "deployment");
    expect(dep).toHaveLength(1);
    expect(dep[0]!.time.start).toBe("2024-05-12");
  });
  it("a speech act keeps the day it was said", () => {
    expect(
      dated("Moscow warned NATO on Monday against sending troops.", "2025-10-08", "warning")?.start,
    ).toBe("2025-10-06");
  });
  it("a later sentence of the story inherits the story's date, marked inferred; background does not", () => {
    const a = run(
      "Russia struck port facilities in Odesa on Tuesday, officials said.\n\nThe air force said it shot down 41 drones over the Odesa region.\n\nRussia has attacked the port many times since 2023.",
      "2025-05-07",
    );
    const later = a.events.find((e) => e.type === "interception");
    expect(later?.time).toMatchObject({ start: "2025-05-06", inferred: true });
    const background = a.events.find((e) => e.trigger.text === "attacked");
    expect(background?.time.inferred).not.toBe(true);
  });
  it("a launch told in an attack story, without a date of its own, is more evidence of that attack", () => {
    const a = run(
      "Russia struck port facilities in Odesa on Tuesday, officials said.\n\nThe air force said Russia launched two Iskander-M missiles from Crimea.",
      "2025-05-07",
    );
    const attacks = a.events.filter((e) => e.type === "attack");
    expect(attacks).toHaveLength(1);
    expect(attacks[0]!.evidenceSpans).toHaveLength(2);
  });
  it("a date that places another event ('months after the fighting in May') is not the event's date", () => {
    const t = dated(
      "The minister warned on Tuesday that Islamabad would respond and accused New Delhi of raising tensions months after the fighting in May.",
      "2025-08-28",
      "accusation",
    );
    expect(t?.start).toBe("2025-08-26");
  });
  it("the day of an accusation is not the day of the act it accuses someone of", () => {
    const t = dated(
      "Warsaw accused Moscow on Tuesday of jamming satellite navigation signals over the past month.",
      "2024-04-03",
      "incident",
    );
    expect(t?.start).not.toBe("2024-04-02");
  });
  it("'on Sunday,' in a past-tense report is the Sunday before publication", () => {
    expect(
      dated(
        "Malian forces carried out drone strikes near Anéfis on Sunday, the army said.",
        "2025-03-14",
        "attack",
      )?.start,
    ).toBe("2025-03-09");
  });
});

describe("the month May is no hedge", () => {
  it.each([
    ["India carried out strikes on nine sites in Pakistan on May 7.", "asserted"],
    ["In May, Russia deployed troops to the border.", "asserted"],
    ["The drills ran between March and May.", "asserted"],
    ["Russia may have deployed troops to the border.", "hedged"],
  ])("%s is %s", (text, factuality) => {
    expect(run(text).events[0]?.factuality).toBe(factuality);
  });
});

describe("factuality of conditions, plans not made and things said of something else", () => {
  it.each([
    ["Iran said it would retaliate if the US attacked its facilities.", "attack", "speculative"],
    ["Germany is considering sending Taurus missiles to Ukraine.", "delivery", "speculative"],
    ["Turkey will not buy more S-400 systems.", "procurement", "negated"],
    ["Japan has no plans to deploy the missiles.", "deployment", "negated"],
    ["No missiles were fired, the ministry said.", "weapons-test", "negated"],
    // a hedge after a past verb speaks of what follows: the strike itself is asserted
    ["The US struck a boat allegedly carrying drugs.", "attack", "asserted"],
    ["Russia will hold drills next week.", "exercise", "planned"],
    // "as if" is no condition
    ["The drones struck Kharkiv as if they knew the targets.", "attack", "asserted"],
  ])("%s: %s is %s", (text, type, factuality) => {
    expect(run(text).events.find((e) => e.type === type)?.factuality).toBe(factuality);
  });
  it("keeps a threat that something 'would not go unanswered' asserted", () => {
    const threat = run("Moscow said the attack would not go unanswered.").events.find(
      (e) => e.type === "threat",
    );
    expect(threat?.factuality).toBe("asserted");
  });
});

describe("the places of an event are not its sources'", () => {
  const placesOf = (text: string) => {
    const a = run(text);
    const names = new Map(a.entities.map((e) => [e.id, e.name]));
    return a.events[0]?.places.map((id) => names.get(id));
  };
  it.each([
    // a dateline of two towns is where the story was filed from, and its date the report's
    ["KYIV/MOSCOW, Oct 5 (Reuters) - Russia launched drones at Kharkiv overnight.", ["Kharkiv"]],
    ["Russia has moved S-400 batteries near Kursk, according to officials in Kyiv.", ["Kursk"]],
    ["Russia has moved S-400 batteries near Kursk, according to two U.S. officials.", ["Kursk"]],
  ])("%s", (text, places) => {
    expect(placesOf(text)).toEqual(places);
  });
});

describe("forces seen by another side", () => {
  const first = (text: string) => {
    const a = run(text);
    const names = new Map(a.entities.map((e) => [e.id, e.name]));
    const e = a.events[0];
    return e && { type: e.type, actors: e.actors.map((id) => names.get(id)), factuality: e.factuality };
  };
  it.each([
    ["Taiwan's defence ministry said it detected 23 Chinese aircraft around the island on Monday.", "China"],
    ["Japan's Joint Staff said it spotted two Russian bombers over the Sea of Japan.", "Russia"],
  ])("%s: a reported deployment by the side seen", (text, actor) => {
    expect(first(text)).toEqual({ type: "deployment", actors: [actor], factuality: "reported" });
  });
  it("no event in what is detected that is no force", () => {
    expect(run("Doctors detected a rare disease in two patients.").events).toEqual([]);
  });
});

describe("'He' for the person the sentence before named", () => {
  const actorsOf = (text: string, type: string) => {
    const a = run(text);
    const names = new Map(a.entities.map((e) => [e.id, e.name]));
    return a.events.find((e) => e.type === type)?.actors.map((id) => names.get(id));
  };
  it("is the state whose official was named, or the person", () => {
    expect(
      actorsOf(
        "Sweden's defence minister visited Kyiv on Monday. He announced a new package of air-defence aid.",
        "statement",
      ),
    ).toEqual(["Sweden"]);
  });
  it("is no one after a sentence that named no person", () => {
    expect(actorsOf("Russia moved troops to the border. He announced nothing new.", "statement")).toEqual([]);
  });
});

describe("victims, targets, partners and neighbours are not who acts or where", () => {
  const eventOf = (text: string, type: string) => {
    const a = run(text);
    const ev = a.events.find((e) => e.type === type);
    expect(ev, `${text}: ${JSON.stringify(a.events.map((e) => e.type))}`).toBeDefined();
    const name = (id: string) => a.entities.find((x) => x.id === id)?.name;
    return { actors: ev!.actors.map(name), places: ev!.places.map(name), cameo: ev!.cameo.code };
  };
  it.each([
    ["A Colombian military helicopter was shot down in Antioquia on Thursday.", "interception"],
    ["A Ukrainian helicopter was shot down near the border on Friday.", "interception"],
    ["A Greek-flagged tanker was attacked off Yemen on Monday.", "attack"],
    ["A Liberian-flagged bulk carrier was struck by projectiles west of Hodeidah.", "attack"],
  ])("the subject of a passive strike is its target, and no one acts: %s", (text, type) => {
    expect(eventOf(text, type).actors).toEqual([]);
  });
  it("a passive's agent follows 'by', past the verb's place and time, with those listed with it", () => {
    expect(
      eventOf(
        "Two Russian Tu-95 bombers were intercepted near Alaska on Wednesday by US and Canadian fighters.",
        "interception",
      ).actors,
    ).toEqual(["United States", "Canada"]);
    // the thing moved in a passive deployment is still its owner's
    expect(eventOf("Russian troops were deployed to Belarus.", "deployment").actors).toEqual(["Russia"]);
  });
  it("the one who says 'it' killed the target acts, not the target", () => {
    expect(
      eventOf("The US military said it killed an al-Shabaab commander in an airstrike in Somalia.", "attack")
        .actors,
    ).toEqual(["United States Armed Forces"]);
    expect(eventOf("Israel killed a senior Hamas commander in a strike.", "attack").actors).toEqual([
      "Israel",
    ]);
  });
  it("a flag state is no place of the event", () => {
    const seized = eventOf("Iran seized a Marshall Islands-flagged tanker in the Gulf of Oman.", "seizure");
    expect(seized.places).toEqual(["Gulf of Oman"]);
    expect(seized.actors).toEqual(["Iran"]);
  });
  it("a neighbour across a border is no place and no partner; a partner after 'with' acts too", () => {
    const border = eventOf(
      "Iran held military drills near its border with Azerbaijan on Thursday.",
      "exercise",
    );
    expect(border.places).toEqual([]);
    expect(border.actors).toEqual(["Iran"]);
    expect(border.cameo).toBe("150");
    const joint = eventOf("Japan held drills with the United States on Monday.", "exercise");
    expect(joint.actors).toEqual(["Japan", "United States"]);
    expect(joint.places).toEqual([]);
    expect(joint.cameo).toBe("062");
    expect(eventOf("Japan held drills in the Philippines.", "exercise").places).toEqual(["Philippines"]);
  });
  it("a suicide or car bomber is no aircraft, and the attack is a bombing (CAMEO 183)", () => {
    const a = run("A suicide bomber attacked a train in Quetta on Saturday.");
    expect(a.entities.filter((e) => e.kind === "equipment")).toEqual([]);
    expect(a.events.find((e) => e.type === "attack")?.cameo.code).toBe("183");
    const tanks = run("A think tank said fuel tanks and a water tank were hit, as Russian tanks advanced.");
    expect(mentionsOf(tanks, "equipment").map((m) => m.text)).toEqual(["tanks"]);
    expect(mentionsOf(tanks, "equipment")[0]!.start).toBe(tanks.document.text.indexOf("tanks advanced"));
    expect(eventOf("Russian bombers struck Kharkiv.", "attack").cameo).toBe("195");
  });
});

describe("other senses of trigger words, and triggers the red team found missing", () => {
  const types = (text: string) => run(text, "2026-11-20").events.map((e) => `${e.type}:${e.factuality}`);
  const notEvents = (text: string) => (run(text, "2026-11-20").notEvents ?? []).map((n) => n.rule);
  it.each([
    [
      "NATO launched Baltic Sentry, a mission to protect undersea cables, in January.",
      "launched-named-undertaking",
    ],
    ["The EU launched a naval mission in the Red Sea in February.", "launched-undertaking"],
    ["Chinese warships held live-fire drills in the Tasman Sea without warning.", "without-warning"],
    ["Imagery shows new construction at the Sohae satellite launching station.", "noun-modifier"],
    ["Chad ended its defence cooperation agreement with France on Thursday.", "agreement-ended"],
    ["Georgia's government suspended talks on EU accession.", "talks-halted"],
    ["The SDF handed over control of the Tishrin Dam to government forces.", "handover-of-control"],
    ["Haftar's forces deployed near Sirte, raising fears of renewed fighting.", "feared"],
    ["Taiwan will hold its annual exercise in July, simulating a Chinese invasion.", "simulated-object"],
    ["Maduro ordered the mobilisation of the Bolivarian Militia.", "ordered-someone-to"],
    ["The drills improve the allies' ability to track and respond to missile launches.", "capability-object"],
    ["Hezbollah fired rockets at Metula, its first attack since the ceasefire.", "ceasefire-referred-to"],
    ["Opposition leaders accused the government of acting on Moscow's orders.", "orders-obeyed"],
    [
      "The EU sanctioned several Chinese companies accused of supplying drone parts.",
      "accused-as-description",
    ],
    ["Ukraine said it had struck the depot, which it said supplied Russian forces.", "role-of-a-target"],
    ["Aoun called the strikes a violation of the November 2024 ceasefire.", "ceasefire-referred-to"],
    ["Lithuania has bought air defence systems since the 2022 invasion.", "time-counted-from"],
  ])("%s -> no event read by rule %s", (text, rule) => {
    expect(notEvents(text)).toContain(rule);
  });
  it("still reads the events those words tell in their own sense", () => {
    expect(types("North Korea launched a ballistic missile into the sea.")).toContain(
      "weapons-test:asserted",
    );
    expect(types("Chad signed a defence cooperation agreement with France.")).toContain("agreement:asserted");
    expect(types("Moscow warned Kyiv against any escalation.")).toContain("warning:asserted");
    expect(types("Poland ordered 96 Apache helicopters.")).toContain("procurement:asserted");
    expect(types("The M23 took Walikale despite a ceasefire agreed in Doha last month.")).toContain(
      "agreement:asserted",
    );
    expect(types("A ceasefire between Israel and Hezbollah took effect on Wednesday.")).toContain(
      "agreement:asserted",
    );
    expect(
      types("NATO has worried about the gap since Russia's full-scale invasion of Ukraine in 2022."),
    ).toContain("attack:asserted");
  });
  it.each([
    ["Ethiopia's federal forces clashed with Fano militiamen near Gondar.", "attack"],
    ["Al-Shabaab fighters overran an army base in Middle Shabelle on Monday.", "attack"],
    ["The US Navy destroyed a boat off the coast of Venezuela on Tuesday.", "attack"],
    ["Russia said it destroyed five uncrewed boats near Sevastopol.", "interception"],
    ["Azerbaijani troops took full control of Khankendi on Wednesday.", "seizure"],
    ["The two countries' coast guards clashed near the shoal.", "incident"],
    ["Pakistani troops opened unprovoked fire on Indian posts in Poonch.", "attack"],
    ["Pakistan's military said Indian forces had fired first in the Kotli sector.", "attack"],
    ["Moscow said its aircraft did not violate any border.", "incident"],
    ["Azerbaijan accused Armenian forces of opening fire on its positions in Kalbajar.", "attack"],
    [
      "The Chinese aircraft carrier Shandong sailed southeast of the Pratas Islands on Tuesday.",
      "deployment",
    ],
    ["A Chinese navy helicopter flew within 10 metres of a Philippine aircraft over the shoal.", "incident"],
    ["The Zaporizhzhia nuclear power plant lost all off-site power on Monday.", "incident"],
    ["The Estlink 2 cable went offline on Tuesday.", "incident"],
    ["Ukraine's General Staff said its forces had repelled 14 Russian assaults near Pokrovsk.", "attack"],
    [
      "The Pentagon notified Congress of a $330 million sale of aircraft spare parts to Taiwan.",
      "procurement",
    ],
    [
      "Ukraine's military intelligence said its drones destroyed an Mi-8 helicopter near Sevastopol.",
      "attack",
    ],
    [
      "Russia's defence ministry said 45 Ukrainian drones were destroyed over several regions.",
      "interception",
    ],
    ["A Russian Kilo-class submarine has left the port of Tartus in Syria.", "deployment"],
    ["Russian forces used TOS-1A rocket launchers against Ukrainian positions near Orikhiv.", "attack"],
    ["North Korea has sent more KN-23 missiles to Russia.", "delivery"],
    ["Ukrainian drones destroyed a Russian Su-34 bomber at Marinovka air base on Monday.", "attack"],
    ["Turkish drones destroyed a convoy of fighters near Kidal on Tuesday.", "attack"],
    ["Satellite images appear to show four S-400 launchers at Belbek air base in Crimea.", "deployment"],
  ])("%s -> %s", (text, type) => {
    expect(run(text, "2026-11-20").events.map((e) => e.type)).toContain(type);
  });
});

describe("who acts in a phrase after the main clause, and in a list of forces", () => {
  const actorsOf = (text: string, type: string) => {
    const a = run(text, "2026-11-20");
    const ev = a.events.find((e) => e.type === type);
    expect(ev, `${text}: ${JSON.stringify(a.events.map((e) => e.type))}`).toBeDefined();
    return ev!.actors.map((id) => a.entities.find((x) => x.id === id)?.name);
  };
  it("an attack named after 'after a drone', 'after gang' is not the main clause's subject's", () => {
    expect(
      actorsOf(
        "The Indian Navy deployed two destroyers to the Arabian Sea after a drone attack on a tanker.",
        "attack",
      ),
    ).toEqual([]);
    expect(
      actorsOf("Ecuador's army patrolled the port of Guayaquil after gang attacks on Tuesday.", "attack"),
    ).toEqual([]);
    // one whose own words name who struck, or a bare "after fighting", keeps its actor
    expect(actorsOf("Kyiv was quiet after Russian strikes on Monday.", "attack")).toEqual(["Russia"]);
  });
  it("the target of 'attacks on' is not their actor", () => {
    expect(
      actorsOf("Iraq's Kataib Hezbollah said it would suspend attacks on US forces.", "attack"),
    ).not.toContain("United States Armed Forces");
  });
  it("forces listed by their demonyms and nouns all act", () => {
    expect(
      actorsOf("Malian troops and Russian paramilitaries retook the town of Kidal on Tuesday.", "seizure"),
    ).toEqual(["Mali", "Russia"]);
    expect(
      actorsOf("Afghan Taliban forces and Pakistani troops exchanged fire at the border.", "attack"),
    ).toEqual(["Taliban", "Pakistan Armed Forces"]);
  });
});

describe("moves, accused acts and ships' owners the red team found missing", () => {
  const ev = (text: string, type: string) => {
    const a = run(text, "2026-11-20");
    const e = a.events.find((x) => x.type === type);
    return (
      e && {
        actors: e.actors.map((id) => a.entities.find((x) => x.id === id)?.name),
        factuality: e.factuality,
      }
    );
  };
  it.each([
    ["North Korea has sent about 11,000 troops to Russia's Kursk region.", "deployment", "North Korea"],
    ["A Canadian frigate transited the Taiwan Strait on Wednesday.", "deployment", "Canada"],
    ["The last French soldiers left Senegal in July.", "deployment", "France"],
    [
      "The USS Gerald R. Ford carrier strike group entered the Caribbean Sea on Sunday.",
      "deployment",
      "United States Navy",
    ],
    ["The destroyer USS Gravely shot down a drone in the Red Sea.", "interception", "United States Navy"],
    ["HMS Prince of Wales sailed to Japan.", "deployment", "Royal Navy"],
  ])("%s -> %s by %s", (text, type, actor) => {
    expect(ev(text, type)?.actors).toEqual([actor]);
  });
  it("a person leaving a town is no withdrawal", () => {
    expect(run("He left Paris on Monday.", "2026-11-20").events).toEqual([]);
  });
  it.each([
    ["Pakistan accused India of violating its airspace near Sialkot.", "incident", "India"],
    ["Azerbaijan accused Armenian forces of firing on its positions on Friday.", "attack", "Armenia"],
    ["Guyana accused Venezuela of an incursion into the Essequibo region.", "incident", "Venezuela"],
    [
      "The Philippines accused China of ramming one of its vessels near Scarborough Shoal.",
      "incident",
      "China",
    ],
  ])("the act someone is accused of is reported, by the accused: %s", (text, type, actor) => {
    expect(ev(text, type)).toEqual({ actors: [actor], factuality: "reported" });
  });
  it("the latest of a string of incidents sums up earlier ones", () => {
    const a = run("Jordan's air force shot down two drones on Sunday, the latest in a string of incursions.");
    expect(a.events.map((e) => e.trigger.text)).toEqual(["shot down"]);
    expect(a.notEvents?.map((n) => n.rule)).toContain("latest-in-a-series");
  });
});

describe("claims, tests and kills (red-team 3)", () => {
  const first = (text: string, type: string) => {
    const a = run(text, "2026-11-20");
    const e = a.events.find((x) => x.type === type);
    return (
      e && {
        actors: e.actors.map((id) => a.entities.find((x) => x.id === id)?.name),
        places: e.places.map((id) => a.entities.find((x) => x.id === id)?.name),
        factuality: e.factuality,
      }
    );
  };
  it("'claimed to have fired ... at a commercial ship' is the claimant's attack, reported", () => {
    expect(
      first(
        "The Houthis claimed to have fired a ballistic missile at a commercial ship in the Red Sea.",
        "attack",
      ),
    ).toEqual({ actors: ["Houthis"], places: ["Red Sea"], factuality: "reported" });
    // a target island is practice
    expect(
      first("North Korea fired a missile at a target island off its east coast.", "weapons-test"),
    ).toBeDefined();
  });
  it("a country that test-fires is its state acting, not the place of the test", () => {
    expect(first("Pakistan test-fired a Fatah-II rocket on Tuesday.", "weapons-test")).toMatchObject({
      actors: ["Pakistan"],
      places: [],
    });
    expect(first("India successfully tested an Agni-V missile.", "weapons-test")).toMatchObject({
      actors: ["India"],
      places: [],
    });
  });
  it("'killed 12 militants in an operation' is an attack", () => {
    expect(
      first(
        "Pakistan's army said it killed 12 militants in an operation in North Waziristan on Tuesday.",
        "attack",
      ),
    ).toEqual({ actors: ["Pakistan Army"], places: ["North Waziristan"], factuality: "reported" });
  });
  it("a hedge on the participle after a trigger of several words does not hedge it", () => {
    expect(
      first(
        "The US Navy destroyed a boat allegedly carrying drugs off Venezuela, Pete Hegseth said.",
        "attack",
      )?.factuality,
    ).toBe("reported");
  });
});

describe("an event's date: deadlines and occasions", () => {
  const timeOf = (text: string) => run(text, "2026-11-20").events[0]?.time;
  it("keeps a deadline with no start ('by 2030')", () => {
    expect(timeOf("Sweden will deploy 500 troops to Latvia by 2030.")).toMatchObject({
      start: null,
      end: "2030-12-31",
    });
  });
  it("does not date an event by the date that names an occasion ('the May 9 parade')", () => {
    expect(timeOf("Russia deployed troops to Moscow for the May 9 parade on Wednesday.")?.start).toBe(
      "2026-11-18",
    );
    expect(timeOf("Russia struck Kyiv on May 9.")?.start).toBe("2026-05-09");
  });
});

describe("people detained, and speech acts of two speakers", () => {
  it("codes people detained as an arrest (CAMEO 173), a ship seized as a seizure (171)", () => {
    const a = run("Police detained 45 protesters outside the parliament in Tbilisi on Monday.", "2026-11-20");
    expect(a.events[0]?.cameo.code).toBe("173");
    expect(run("Iran's navy seized a tanker in the Gulf of Oman.", "2026-11-20").events[0]?.cameo.code).toBe(
      "171",
    );
  });
  it("keeps two accusations apart when another speaker condemns", () => {
    const a = run(
      "Opposition leaders accused the government of acting on Moscow's orders. The European Union's foreign policy chief condemned the crackdown.",
      "2026-11-20",
    );
    expect(a.events.filter((e) => e.type === "accusation")).toHaveLength(2);
  });
  it("reads what described companies are accused of as reported", () => {
    const a = run(
      "The EU sanctioned several Chinese companies accused of supplying drone parts to Russia.",
      "2026-11-20",
    );
    expect(a.events.find((e) => e.type === "delivery")?.factuality).toBe("reported");
  });
});

describe("red-team 11: dates of speech, counts before 'and', and who is accused of what", () => {
  it("dates a report by the day its source spoke rather than by the dateline", () => {
    const a = run(
      "WASHINGTON, Nov 19 (Reuters) - The State Department has approved the possible sale of AMRAAM missiles to Saudi Arabia, the Defense Security Cooperation Agency said on Wednesday.",
      "2026-11-20",
    );
    expect(a.events[0]?.time.start).toBe("2026-11-18");
  });
  it("leaves a deal undated when only its deliveries have a year", () => {
    const a = run(
      "Turkey said it had signed a deal to buy 40 Eurofighter Typhoon jets, with the first deliveries expected in 2030.",
      "2026-11-20",
    );
    expect(a.events.map((e) => [e.type, e.time.start])).toEqual([
      ["procurement", null],
      ["delivery", "2030-01-01"],
    ]);
  });
  it("reads a count before 'and' as closing its clause", () => {
    const a = run(
      "A cable linking Taiwan to Penghu was severed on Sunday, the coast guard said. Officers boarded the cargo ship Hong Tai 58, which had loitered near the cable for days, the next day and detained its crew.",
      "2026-11-20",
    );
    expect(a.events.find((e) => e.type === "seizure")?.time.start).toBe("2026-11-16");
  });
  it("does not make who is accused of hyping an incident its actor", () => {
    const a = run(
      'Coast guard officers boarded the cargo ship Hong Tai 58 in Tainan on Monday. China\'s Taiwan Affairs Office accused Taipei of "hyping" the incident.',
      "2026-11-20",
    );
    expect(a.events.find((e) => e.type === "seizure")?.actors).toEqual([]);
  });
});

describe("where a strike came from, and a state's strikes after a locative", () => {
  it("does not place an interception where the missile was launched from", () => {
    const a = run(
      "The Israel Defense Forces said a missile launched from Yemen was intercepted by an Arrow 3 interceptor.",
      "2026-11-20",
    );
    expect(a.events.find((e) => e.type === "interception")?.places).toEqual([]);
    // a test's launch site is its place
    const b = run("North Korea launched a missile from the Sunan area.", "2026-11-20");
    expect(b.events[0]?.places.length).toBe(1);
  });
  it("reads 'damaged in US strikes' as strikes by the United States, not in it", () => {
    const a = run("Iran is rebuilding facilities damaged in US strikes in June 2025.", "2026-11-20");
    const strikes = a.events.find((e) => e.type === "attack")!;
    expect(strikes.actors.map((id) => a.entities.find((x) => x.id === id)?.name)).toEqual(["United States"]);
    expect(strikes.places).toEqual([]);
  });
});

describe("overnight, told by a source on a given day", () => {
  it("is the night before the day the source spoke, whether it opens or closes the sentence", () => {
    for (const text of [
      "Ukraine's air force said on Sunday that Russia had launched 150 Shahed drones at Ukraine overnight.",
      "Russia launched 150 Shahed drones at Ukraine overnight, the Ukrainian air force said on Sunday.",
    ])
      expect(run(text, "2026-11-20").events[0]?.time, text).toMatchObject({
        start: "2026-11-14",
        end: "2026-11-15",
      });
    // no day told: the night before publication
    expect(run("Russia launched 150 drones at Ukraine overnight.", "2026-11-20").events[0]?.time.start).toBe(
      "2026-11-19",
    );
  });
});

describe("a date of another happening told beside the event", () => {
  it("leaves the year deliveries are expected in to the deliveries, not to the deal", () => {
    const a = run(
      "Turkey said it had signed a deal to buy 40 Eurofighter Typhoon jets on Wednesday, with the first deliveries expected in 2030.",
      "2026-11-20",
    );
    expect(a.events.map((e) => [e.type, e.time.start])).toEqual([
      ["procurement", "2026-11-18"],
      ["delivery", "2030-01-01"],
    ]);
  });
});

describe("a date naming an occasion", () => {
  it("dates no event that refers to the occasion, but one told at it", () => {
    const a = run(
      "Israeli jets struck Hezbollah sites in the Bekaa Valley on Monday. Lebanon's president condemned the strikes as a violation of the November 2024 ceasefire.",
      "2026-11-20",
    );
    expect(a.events.find((e) => e.type === "accusation")?.time).toMatchObject({
      start: "2026-11-16",
      inferred: true,
    });
    const parade = run(
      "Thousands attended the May 9 parade in Moscow, where Putin warned the West.",
      "2026-11-20",
    );
    expect(parade.events.find((e) => e.type === "warning")?.time.start).toBe("2026-05-09");
  });
});

describe("a day counted from the one the sentence before told", () => {
  it("moves that day by the offset the sentence opens with, marked inferred", () => {
    const a = run(
      "Israel struck Beirut on Tuesday. A day earlier, Hezbollah attacked Haifa with rockets.",
      "2026-11-20",
    );
    const haifa = a.events.find((e) =>
      e.actors.some((id) => a.entities.find((x) => x.id === id)?.name === "Hezbollah"),
    );
    expect(haifa?.time).toMatchObject({ start: "2026-11-16", end: "2026-11-16", inferred: true });
    const later = run(
      "Russia struck Kyiv on Tuesday. Two days later, Ukraine attacked a refinery.",
      "2026-11-20",
    );
    expect(later.events[1]?.time).toMatchObject({ start: "2026-11-19", inferred: true });
    // no offset: the same day, inferred
    const same = run("Russia struck Kyiv on Tuesday. Ukraine attacked a refinery.", "2026-11-20");
    expect(same.events[1]?.time).toMatchObject({ start: "2026-11-17", inferred: true });
  });
  it("counts from the day last told past a sentence without a date, once for every event of the sentence", () => {
    const a = run(
      "U.S. forces struck Houthi radar sites near Ras Isa on Monday, CENTCOM said. The strikes were carried out by F/A-18 jets. The next day, the Houthis launched two drones toward the carrier, which were shot down by the destroyer USS Stockdale.",
      "2026-11-20",
    );
    expect(a.events.map((e) => [e.type, e.time.start])).toEqual([
      ["attack", "2026-11-16"],
      ["attack", "2026-11-17"],
      ["interception", "2026-11-17"],
    ]);
    const tests = run(
      "India's DRDO announced on Thursday it had test-fired a new missile. The launch was witnessed by senior officers. Two days earlier, India flight-tested the Agni-Prime missile off Odisha.",
      "2026-11-20",
    );
    // two tests on two days, not one
    expect(tests.events.filter((e) => e.type === "weapons-test").map((e) => e.time.start)).toEqual([
      "2026-11-19",
      "2026-11-17",
    ]);
  });
  it("moves the day an earlier clause of the same sentence told by a count closing the trigger's clause", () => {
    const a = run(
      "A Russian drone crashed in eastern Poland on Tuesday, and Poland summoned Russia's envoy the next day.",
      "2026-11-20",
    );
    expect(a.events.map((e) => [e.type, e.time.start])).toEqual([
      ["incident", "2026-11-17"],
      ["protest", "2026-11-18"],
    ]);
    // a count of the reporting clause is not the event's, and "the next day" tells no future
    const said = run(
      "On Monday, Russia launched drones at Kyiv, the air force said the next day.",
      "2026-11-20",
    );
    expect(said.events[0]?.time.start).toBe("2026-11-16");
  });
  it("reads 'The attack came two days after X' as the attack told before, and X as another event two days earlier", () => {
    const a = run(
      "Russian missiles struck an energy facility near Kremenchuk on Wednesday. The attack came two days after Ukraine hit an oil refinery in Russia's Saratov region with long-range drones.",
      "2026-11-20",
    );
    const attacks = a.events.filter((e) => e.type === "attack");
    expect(attacks.map((e) => [a.entities.find((x) => x.id === e.actors[0])?.name, e.time.start])).toEqual([
      ["Russia", "2026-11-18"],
      ["Ukraine", "2026-11-16"],
    ]);
    expect(attacks[0]!.places.map((id) => a.entities.find((x) => x.id === id)?.name)).toEqual(["Kremenchuk"]);
    const b = run(
      "Chinese ships fired water cannon at a Philippine vessel near Scarborough Shoal on Thursday. The incident came a week after the Philippines and the United States ended a joint naval exercise west of Palawan.",
      "2026-11-20",
    );
    expect(
      b.events
        .find((e) => e.type === "incident")
        ?.actors.map((id) => b.entities.find((x) => x.id === id)?.name),
    ).toEqual(["China"]);
    expect(b.events.find((e) => e.type === "exercise")?.time.start).toBe("2026-11-12");
  });
  it("reads the count where it closes a clause too ('summoned the envoy the next day'), red-team 10", () => {
    const a = run(
      "Polish authorities said a Russian drone crashed near Lublin on Tuesday. Poland summoned Russia's charge d'affaires the next day.",
      "2026-11-20",
    );
    expect(a.events.find((e) => e.type === "protest")?.time).toMatchObject({
      start: "2026-11-18",
      inferred: true,
    });
    const withdrew = run(
      "Israeli troops entered Jenin on Monday. They withdrew two days later.",
      "2026-11-20",
    );
    expect(withdrew.events.at(-1)?.time).toMatchObject({ start: "2026-11-18", inferred: true });
    // "the day before the vote" counts from the vote, not from Monday
    const vote = run(
      "Israeli troops entered Jenin on Monday. Officials held talks the day before the vote.",
      "2026-11-20",
    );
    expect(vote.events.at(-1)?.time.start).not.toBe("2026-11-15");
  });
});

describe("war reporting's own words (red-team 8)", () => {
  const types = (text: string) => run(text, "2026-11-20").events.map((e) => e.type);
  it("reads 'liberated' and 'regained control of' as seizures", () => {
    expect(
      types("Russian troops liberated Seversk in the Donetsk People's Republic, the ministry said."),
    ).toContain("seizure");
    expect(types("Ukrainian forces regained control of the village on Monday.")).toContain("seizure");
  });

  it("reads no attack where a storm or a quake hits, and no purchase where residents are ordered to move", () => {
    const a = run(
      "Typhoon Kong-rey hit Taiwan on Thursday, forcing the military to cancel part of its drills.",
    );
    expect(a.events.map((e) => e.type)).not.toContain("attack");
    expect(a.notEvents?.some((n) => n.rule === "natural-hazard" && n.text === "hit")).toBe(true);
    expect(types("A powerful earthquake struck eastern Turkey on Monday.")).not.toContain("attack");
    expect(types("Israeli forces ordered residents of northern Gaza to move south.")).not.toContain(
      "procurement",
    );
    // weapons that hit are still attacks, a storm shelter among their targets too
    expect(types("Russian missiles hit Kharkiv on Monday.")).toContain("attack");
    expect(types("A missile strike hit a storm shelter in Dnipro.")).toContain("attack");
  });
});

describe("who acts: the backed, not the backer; groups named after a person; shared initials (red-team 8)", () => {
  const actorsOf = (text: string, type: string) => {
    const a = run(text, "2026-11-20");
    const ev = a.events.find((e) => e.type === type);
    return (ev?.actors ?? []).map((id) => a.entities.find((e) => e.id === id)?.name);
  };
  it("reads the militias a state backs as the actor, not the state", () => {
    expect(
      actorsOf("Iranian-backed militias attacked a base hosting US troops near Erbil on Tuesday.", "attack"),
    ).toEqual(["militias"]);
    expect(actorsOf("Russian-backed separatists shelled Mariupol in 2014.", "attack")).toEqual([
      "separatists",
    ]);
    expect(actorsOf("Iraqi militias launched drones at Ain al-Asad air base on Sunday.", "attack")).toEqual([
      "Iraqi militias",
    ]);
  });

  it("reads a group named after a person as the group", () => {
    expect(
      actorsOf(
        "Clashes erupted in Jableh and Baniyas between security forces and Assad loyalists.",
        "incident",
      ),
    ).toEqual(["Assad loyalists"]);
  });

  it("reads shared initials as the actor of the country the story names as a place", () => {
    expect(
      actorsOf(
        "ADF militants killed at least 20 civilians near Beni in North Kivu province on Saturday.",
        "attack",
      ),
    ).toEqual(["Allied Democratic Forces"]);
    expect(actorsOf("The ADF deployed two frigates to the Coral Sea, Canberra said.", "deployment")).toEqual([
      "Australian Defence Force",
    ]);
  });
});

describe("who does not act: the border's country, the victims, those who tell of it (red-team 8)", () => {
  const actorsOf = (text: string, type: string) => {
    const a = run(text, "2026-11-20");
    const ev = a.events.find((e) => e.type === type);
    return ev ? ev.actors.map((id) => a.entities.find((e) => e.id === id)?.name) : undefined;
  };
  it("names no actor the words do not name", () => {
    expect(
      actorsOf("An explosion near the Lebanese border killed two Israeli soldiers.", "incident"),
    ).toEqual([]);
    expect(
      actorsOf(
        "A missile struck a hospital in Kharkiv, Ukrainian officials told a news conference.",
        "attack",
      ),
    ).toEqual([]);
    expect(
      actorsOf("A drone attack targeted the US garrison at al-Tanf near the Jordanian border.", "attack"),
    ).toEqual([]);
    expect(
      actorsOf(
        "A drone attack near the Syrian border wounded three US troops at Tower 22 in Jordan.",
        "attack",
      ),
    ).toEqual([]);
  });
  it("still names the actor the words do name", () => {
    expect(actorsOf("An attack by Houthi forces hit a British tanker.", "attack")).toEqual(["Houthis"]);
    expect(actorsOf("Ukrainian forces struck a Russian depot, the General Staff said.", "attack")).toEqual([
      "Armed Forces of Ukraine",
    ]);
    expect(actorsOf("Russian drones entered Polish airspace on Wednesday.", "incident")).toEqual(["Russia"]);
  });
});

describe("event kinds the red team found misread (red-team 8)", () => {
  const kinds = (text: string) => run(text, "2026-11-20").events.map((e) => e.type);
  it("reads missiles fired at a refinery as an attack, and heavy fighting as one", () => {
    expect(
      kinds("Ukraine fired its domestically made Neptune and Flamingo missiles at a refinery in Tuapse."),
    ).toEqual(["attack"]);
    expect(kinds("Heavy fighting continued near Pokrovsk.")).toEqual(["attack"]);
  });
  it("reads no attack in 'fighting vehicles' and no meeting where missiles are hosted", () => {
    expect(kinds("The US delivered 50 Bradley fighting vehicles to Ukraine.")).toEqual(["delivery"]);
    expect(kinds("Minsk hosted Russian Oreshnik missiles on its territory.")).not.toContain(
      "diplomatic-meeting",
    );
    expect(kinds("President Lukashenko hosted Putin in Minsk on Friday.")).toEqual(["diplomatic-meeting"]);
  });
  it("reads a backer after 'backed by' as no actor", () => {
    const a = run("M23 rebels backed by Rwanda seized the airport in Goma on Sunday.");
    const ev = a.events.find((e) => e.type === "seizure");
    expect(ev?.actors.map((id) => a.entities.find((e) => e.id === id)?.name)).toEqual(["M23"]);
  });
});

describe("the people of what a verb uses or strikes do not act (red-team 8)", () => {
  const actorsOf = (text: string, type: string) => {
    const a = run(text, "2026-11-20");
    const ev = a.events.find((e) => e.type === type);
    return ev?.actors.map((id) => a.entities.find((e) => e.id === id)?.name);
  };
  it("reads the subject as the actor, not the origin or target of the object", () => {
    expect(
      actorsOf("Russia used North Korean KN-23 missiles to hit Kharkiv, Ukrainian officials said.", "attack"),
    ).toEqual(["Russia"]);
    expect(actorsOf("Israel struck Iranian air defences on Saturday.", "attack")).toEqual(["Israel"]);
    expect(actorsOf("Poland bought American HIMARS launchers.", "procurement")).toEqual(["Poland"]);
  });
  it("still reads the people of what is seen or accused as acting", () => {
    expect(actorsOf("Russian drones struck Kyiv overnight.", "attack")).toEqual(["Russia"]);
  });
});

describe("factuality the red team found overstated (red-team 9)", () => {
  const fact = (text: string) => run(text, "2026-11-20").events.map((e) => [e.type, e.factuality]);
  it("asserts nothing of a yes-no question, and takes a why-question's act as given", () => {
    expect(fact("Has China deployed J-20 fighters to Tibet?")).toEqual([["deployment", "speculative"]]);
    expect(fact("Did the Houthis hit the USS Eisenhower? The Pentagon denied it.")[0]).toEqual([
      "attack",
      "speculative",
    ]);
    expect(fact("Russian jets struck Kharkiv on Monday.")).toEqual([["attack", "asserted"]]);
  });
  it("hedges what is unconfirmed, attempted or conditioned on confirmation; negates what failed or was cancelled", () => {
    expect(fact("The strike on Engels, if confirmed, would be the deepest inside Russia so far.")).toEqual([
      ["attack", "hedged"],
    ]);
    expect(fact("The Ukrainian General Staff did not confirm the strike on the Saky air base.")).toEqual([
      ["attack", "hedged"],
    ]);
    expect(fact("Russian forces tried to capture Chasiv Yar in March.")).toEqual([["seizure", "hedged"]]);
    expect(fact("Russian forces failed to capture Chasiv Yar.")).toEqual([["seizure", "negated"]]);
    expect(fact("Norway cancelled its order for NH90 helicopters.")).toEqual([["procurement", "negated"]]);
    expect(fact("Taiwan detected 27 Chinese aircraft, but none crossed the median line.")).toContainEqual([
      "incident",
      "negated",
    ]);
    expect(fact("Russia did not deploy additional troops to the border.")).toEqual([
      ["deployment", "negated"],
    ]);
  });
  it("reads an order to prepare for an offensive as a plan", () => {
    expect(
      fact(
        "Israeli Defence Minister Yoav Gallant ordered the army on Thursday to prepare for a ground offensive in Lebanon.",
      ),
    ).toContainEqual(["attack", "planned"]);
  });
});

describe("doubt told after the claim, orders and preparations (red-team 9)", () => {
  const fact = (text: string) => run(text, "2026-11-20").events.map((e) => [e.type, e.factuality]);
  it("hedges a claim the next clause or sentence says could not be verified", () => {
    expect(
      fact(
        "Ukrainian drones struck an oil depot in Novorossiysk overnight, according to a Telegram channel. The claim could not be independently verified.",
      ),
    ).toEqual([["attack", "hedged"]]);
    expect(
      fact(
        "Hezbollah claimed responsibility for a drone attack near Safed, but the claim could not be independently verified.",
      ),
    ).toEqual([["attack", "hedged"]]);
    // a later sentence that does not open so leaves the claim as it was
    expect(
      fact(
        "Ukrainian drones struck an oil depot in Novorossiysk overnight, the governor said. Firefighters worked all night.",
      ),
    ).toEqual([["attack", "reported"]]);
  });
  it("hedges what could have happened or is being looked into; what remains unclear is conjecture", () => {
    expect(fact("The drone could have been launched from Iraq, an Israeli official said.")[0]?.[1]).toBe(
      "hedged",
    );
    expect(fact("The Pentagon said it was aware of reports of a strike near Baghdad.")).toEqual([
      ["attack", "hedged"],
    ]);
    expect(fact("Whether North Korea will launch a satellite this month remains unclear.")[0]?.[1]).toBe(
      "speculative",
    );
  });
  it("plans what is ordered or prepared, not what is ordered as a thing", () => {
    expect(fact("Netanyahu ordered the army to strike Hamas targets in Gaza.")).toEqual([
      ["attack", "planned"],
    ]);
    expect(fact("Russia was preparing a new offensive in Zaporizhzhia, Zelensky said.")).toEqual([
      ["attack", "planned"],
    ]);
  });
});

describe("negation where it reaches, and victims with their titles (red-team 9)", () => {
  const fact = (text: string) => run(text, "2026-11-20").events.map((e) => [e.type, e.factuality]);
  it("does not negate what is only unclear, a time told after a negation, or a denial after the denied", () => {
    expect(fact("It was not clear whether the missiles were launched from Yemen or Iraq.")[0]?.[1]).toBe(
      "speculative",
    );
    expect(
      fact("The Houthis have not attacked any ships in the Red Sea since the ceasefire, CENTCOM said."),
    ).toEqual([["attack", "negated"]]);
    // (the ceasefire referred to is no event of the story; a negation would not reach it either)
    expect(fact("The Houthis have not attacked any ships since the ceasefire took effect in May.")).toEqual([
      ["attack", "negated"],
      ["agreement", "asserted"],
    ]);
    expect(
      fact(
        "No missiles were fired at Israel overnight, the IDF said, denying earlier reports of sirens in Haifa.",
      ),
    ).toEqual([
      ["attack", "negated"],
      ["denial", "asserted"],
    ]);
  });
  it("reads a titled victim after 'killed' as no actor", () => {
    const a = run(
      "Israeli forces killed Hezbollah commander Ibrahim Aqil in a strike on Beirut's southern suburbs.",
    );
    const names = a.events[0]?.actors.map((id) => a.entities.find((e) => e.id === id)?.name);
    expect(names).toEqual(["Israel"]);
  });
});

describe("attacks and abductions the red team found missed (red-team 9)", () => {
  const evs = (text: string) => run(text, "2026-11-20").events.map((e) => [e.type, e.cameo.code]);
  it("reads storming, suicide and car bombs, and killing people as attacks", () => {
    expect(evs("Al-Shabaab militants stormed a hotel in Kismayo on Friday.")).toEqual([["attack", "190"]]);
    expect(evs("A suicide bomber killed 15 people at a mosque in Peshawar.")).toEqual([["attack", "183"]]);
    expect(evs("A car bomb exploded near a checkpoint in Mogadishu.")[0]?.[0]).toBe("attack");
    // storming a vessel is boarding it; storming ahead is no attack
    expect(evs("Nigerian Navy special forces stormed the vessel on Tuesday.")).toEqual([["seizure", "171"]]);
    expect(evs("The army stormed ahead with reforms.")).toEqual([]);
  });
  it("reads a kidnapping as an abduction (CAMEO 181)", () => {
    expect(evs("Gunmen kidnapped 20 students in Kaduna state on Sunday.")).toEqual([["seizure", "181"]]);
  });
});

describe("a stance and a country's port are no actors (red-team 9)", () => {
  const actorsOf = (text: string) => {
    const a = run(text, "2026-11-20");
    return a.events.map((e) => e.actors.map((id) => a.entities.find((x) => x.id === id)?.name));
  };
  it("reads no actor in 'a pro-Russian Telegram channel' or 'the Iranian port of Bandar Abbas'", () => {
    expect(actorsOf("The attack was first reported by Rybar, a pro-Russian Telegram channel.")).toEqual([[]]);
    expect(
      actorsOf("Nobody has claimed responsibility for the explosion at the Iranian port of Bandar Abbas."),
    ).toEqual([[]]);
    expect(actorsOf("Russian drones struck the Ukrainian city of Kharkiv overnight.")).toEqual([["Russia"]]);
  });
});

describe("multi-sentence stories (red-team 10)", () => {
  it("does not make who condemns an attack one of its actors", () => {
    const a = run(
      "Russian missiles hit an apartment building in Ternopil on Wednesday, killing 19 people. President Zelenskiy condemned the attack and called for more air defence.",
      "2026-11-20",
    );
    const attack = a.events.find((e) => e.type === "attack");
    expect(attack?.actors.map((id) => a.entities.find((e) => e.id === id)?.name)).toEqual(["Russia"]);
  });
  const attackActors = (text: string) => {
    const a = run(text, "2026-11-20");
    return a.events
      .filter((e) => e.type === "attack")
      .map((e) => e.actors.map((id) => a.entities.find((x) => x.id === id)?.name));
  };
  it.each([
    "Hezbollah did not comment on the strike.",
    "Israel's prime minister called the attack a cowardly act.",
    "Al Masirah TV, which Hezbollah runs, reported that 12 people were killed in the attack.",
  ])("does not make the subject of '%s' an actor of the strike told before", (after) => {
    expect(attackActors(`Israeli jets struck a village in southern Lebanon on Monday. ${after}`)).toEqual([
      ["Israel"],
    ]);
  });
  it("keeps who claims or carries out the attack referred back to as its actor", () => {
    const both = attackActors(
      "A drone struck an oil depot near Novorossiysk on Monday. Ukraine's military intelligence claimed the attack.",
    );
    expect(both).toHaveLength(1);
    expect(both[0]).toEqual(["Defence Intelligence of Ukraine"]);
    // a claim about the act reports it: its speaker is no actor
    expect(
      attackActors(
        "A drone struck an oil depot near Novorossiysk on Monday. Moscow claimed the attack was staged.",
      ),
    ).toEqual([[]]);
  });
  it("keeps a strike after an interception out of the interception, unless it shares its weapons", () => {
    const a = run(
      "Russia launched 40 drones at Ukraine overnight, and air defences shot down 30 of them, the air force said. A missile hit an apartment building in Ternopil, killing 19 people.",
      "2026-11-20",
    );
    const interception = a.events.find((e) => e.type === "interception")!;
    expect(interception.evidenceSpans ?? [interception.evidence]).toHaveLength(1);
    const b = run(
      "A U.S. destroyer shot down three Houthi drones over the Red Sea on Tuesday. The destroyer used SM-2 missiles against the drones.",
      "2026-11-20",
    );
    expect(b.events.filter((e) => e.type === "attack")).toHaveLength(0);
  });
  const placesOf = (text: string, type: string) => {
    const a = run(text, "2026-11-20");
    return a.events
      .filter((e) => e.type === type)
      .map((e) => e.places.map((id) => a.entities.find((x) => x.id === id)?.name));
  };
  it("gives a place told in another trigger's clause to that trigger's event", () => {
    const text =
      "Azerbaijan accused Armenian forces of firing on its positions in Nakhchivan on Thursday, the first such claim since the two countries initialled a peace agreement in Washington in August.";
    expect(placesOf(text, "attack").flat()).not.toContain("Washington, D.C.");
    expect(placesOf(text, "accusation").flat()).not.toContain("Washington, D.C.");
    expect(placesOf(text, "agreement").flat()).toContain("Washington, D.C.");
    const rsf = "The RSF, which seized El Fasher late last month, denied shelling civilians in Kadugli.";
    expect(placesOf(rsf, "denial").flat()).not.toContain("El Fasher");
    expect(placesOf(rsf, "seizure").flat()).toContain("El Fasher");
  });
  it("leaves a place to verbs sharing it, and to a verb joined by 'and' across a date", () => {
    expect(placesOf("Russian troops attacked and captured Pokrovsk on Monday.", "seizure").flat()).toContain(
      "Pokrovsk",
    );
    expect(
      placesOf(
        "Defence ministers of Mali, Burkina Faso and Niger met in Niamey on Saturday, March 8, 2025, and signed an agreement on a joint force.",
        "agreement",
      ).flat(),
    ).toContain("Niamey");
  });
  it("places an event 'near the island' at the island told before, and nowhere without one", () => {
    const a = run(
      "Sweden moved air-defence units to Gotland on Thursday. Russian fighter jets were intercepted near the island.",
      "2026-11-20",
    );
    const interception = a.events.find((e) => e.type === "interception")!;
    expect(interception.places.map((id) => a.entities.find((x) => x.id === id)?.name)).toEqual(["Gotland"]);
    expect(interception.cues.map((c) => `${c.rule}:${c.text}`)).toContain(
      "place-named-by-anaphor:the island",
    );
    // a town is no island, and "the island of" names its own
    expect(
      placesOf("Troops entered Bakhmut on Monday. Jets were intercepted near the island.", "interception"),
    ).toEqual([[]]);
  });
  it("does not place an event where the speaker sits", () => {
    const delivery = placesOf(
      "Germany delivered two more Patriot systems to Ukraine last week, the defence ministry in Berlin said.",
      "delivery",
    ).flat();
    expect(delivery).toContain("Ukraine");
    expect(delivery).not.toContain("Berlin");
  });
  it("reads who is blamed as no blamer, and the act blamed as the blamer's claim", () => {
    const a = run(
      "The Russian-installed management of the plant blamed Ukrainian shelling for cutting the last power line.",
      "2026-11-20",
    );
    expect(a.events.find((e) => e.type === "accusation")?.actors).toEqual([]);
    const shelling = a.events.find((e) => e.type === "attack")!;
    expect(shelling.factuality).toBe("reported");
    expect(shelling.cues.map((c) => c.rule)).toContain("object-of-accusation");
  });
  it("reads the agent after 'by' of a participle joined to a passive", () => {
    const a = run(
      "The Chinese bulk carrier Yi Peng 3 was anchored in the Kattegat and shadowed by Danish navy patrol vessels.",
      "2026-11-20",
    );
    const ev = a.events.find((e) => e.type === "deployment")!;
    // the navy the KB makes for Denmark (addServiceActors), a Danish actor
    const actors = ev.actors.map((id) => a.entities.find((x) => x.id === id));
    expect(actors.map((x) => x?.name)).toEqual(["Danish Navy"]);
    expect(actors.map((x) => (x?.kind === "actor" ? x.countryCode : undefined))).toEqual(["DK"]);
  });
  it("reads 'its' after a speaker's verb of speech as the speaker, not an actor of the sentence before", () => {
    const a = run(
      "Estonia said a Russian jet violated its airspace on Saturday. NATO scrambled two F-16s from Siauliai. Russia's defence ministry said its aircraft complied with the rules and did not violate any border.",
      "2026-11-20",
    );
    const denied = a.events.find((e) => e.factuality === "negated")!;
    expect(denied.actors.map((id) => a.entities.find((x) => x.id === id)?.name)).toEqual([
      "Ministry of Defence of the Russian Federation",
    ]);
    expect(denied.cues.map((c) => c.rule)).toContain("actor-speaks-of-itself");
  });
  it("keeps a denier's own version apart from the claim it denies", () => {
    const a = run(
      "Indian and Pakistani troops exchanged fire in the Poonch sector on Tuesday, the Indian army said. Pakistan's military denied the claim, saying Indian forces had fired first in the Kotli sector.",
      "2026-11-20",
    );
    const attacks = a.events.filter((e) => e.type === "attack");
    expect(attacks).toHaveLength(2);
    expect(attacks[0]!.evidenceSpans ?? [attacks[0]!.evidence]).toHaveLength(1);
    // (a denial of an accusation referred back still joins it: "denied the accusation")
    const b = run(
      "Poland accused Russia of jamming GPS signals over the Baltic. Moscow denied the accusation.",
      "2026-11-20",
    );
    expect(b.events.filter((e) => e.type === "accusation")).toHaveLength(1);
  });
  it("takes no date from a 'since' clause of the sentence before", () => {
    const a = run(
      "Azerbaijan accused Armenian forces on Thursday of firing on its positions, the first such claim since the two countries initialled a peace agreement in Washington in August. Armenia's defence ministry denied the report.",
      "2026-11-20",
    );
    expect(a.events.find((e) => e.type === "denial")?.time.start).toBe("2026-11-19");
  });
  it("reads a defence ministry telling of drones destroyed as the interceptor, not the drones' people", () => {
    const a = run(
      "Russia's defence ministry said 45 Ukrainian drones were destroyed over several regions overnight.",
      "2026-11-20",
    );
    const ev = a.events.find((e) => e.type === "interception")!;
    expect(ev.actors.map((id) => a.entities.find((x) => x.id === id)?.name)).toEqual([
      "Ministry of Defence of the Russian Federation",
    ]);
    // no one named who destroyed them: no actor
    expect(
      run("Forty Ukrainian drones were destroyed over Bryansk.", "2026-11-20").events[0]?.actors,
    ).toEqual([]);
  });
  const names = (a: ReturnType<typeof run>, ids: string[]) =>
    ids.map((id) => a.entities.find((x) => x.id === id)?.name);
  it("adds no source, place or date from the other side telling of an event told before", () => {
    const a = run(
      "Germany delivered two IRIS-T systems to Ukraine on Monday, the defence ministry said. Russia's embassy in Berlin said the deliveries would only prolong the conflict.",
      "2026-11-20",
    );
    const delivery = a.events.find((e) => e.type === "delivery")!;
    expect(delivery.sourceIds.map((id) => a.sources.find((x) => x.id === id)?.name)).toEqual([
      "defence ministry",
    ]);
    expect(names(a, delivery.places)).toEqual(["Ukraine"]);
    // the side's own telling adds its words
    const b = run(
      "U.S. forces struck Houthi sites near Hodeidah on Monday. CENTCOM said the strikes hit radar sites near Ras Isa.",
      "2026-11-20",
    );
    expect(names(b, b.events.find((e) => e.type === "attack")!.places)).toContain("Ras Isa");
  });
  it("keeps a strike counted to another day apart from the one told before", () => {
    const a = run(
      "RSF fighters shelled El Obeid on Tuesday, killing 25 people. A day earlier, army drones struck RSF positions near Bara.",
      "2026-11-20",
    );
    expect(a.events.filter((e) => e.type === "attack").map((e) => e.time.start)).toEqual([
      "2026-11-17",
      "2026-11-16",
    ]);
  });
  it("keeps a strike far from the scene told before apart, not one told nearby or from where it came", () => {
    const far = run(
      "Pakistani and Afghan forces exchanged fire at the Torkham border crossing on Tuesday, officials said. Pakistani JF-17 jets allegedly struck targets in Paktika province later that night, according to Taliban officials.",
      "2026-11-20",
    );
    expect(far.events.map((e) => [e.type, names(far, e.places).join()])).toEqual([
      ["attack", "Torkham"],
      ["attack", "Paktika Province"],
    ]);
    // a town inside the province the strike was told in is the same scene
    const inside = run(
      "Russian drones attacked the Odesa region overnight. One drone hit a fuel depot in Izmail.",
      "2026-11-20",
    );
    expect(inside.events.filter((e) => e.type === "attack")).toHaveLength(1);
    // where the missiles came from is no scene
    const origin = run(
      "Russia struck port facilities in Odesa overnight. Ukraine's air force said Russia launched two Iskander-M missiles from occupied Crimea.",
      "2026-11-20",
    );
    expect(origin.events.filter((e) => e.type === "attack")).toHaveLength(1);
  });
  it("reads 'the shelling' a reaction names as the shelling told, or as one with no actor", () => {
    const a = run(
      "Sudanese troops shelled a market in El Fasher. The United Nations office in Port Sudan condemned the shelling.",
      "2026-11-20",
    );
    expect(a.events.map((e) => [e.type, names(a, e.actors).join()])).toEqual([
      ["attack", "Sudan"],
      ["accusation", "United Nations"],
    ]);
    const b = run(
      "The United Nations office in Port Sudan condemned the shelling of a market in El Fasher.",
      "2026-11-20",
    );
    const shelling = b.events.find((e) => e.type === "attack")!;
    expect(shelling.actors).toEqual([]);
    expect(names(b, shelling.places)).toEqual(["El Fasher"]);
  });
  it("reads a strike denied with 'any' as negated, not hypothetical", () => {
    const a = run(
      "Israel has not carried out any strike in Iran this week, an Israeli official said.",
      "2026-11-20",
    );
    expect(a.events.map((e) => [e.type, e.factuality])).toEqual([["attack", "negated"]]);
    expect(
      run("Israel would respond to any attack by Iran.", "2026-11-20").events.map((e) => e.type),
    ).not.toContain("attack");
  });
  it("reads warning shots as no warning", () => {
    const a = run("South Korean troops fired warning shots after North Korean soldiers crossed the line.");
    expect(a.events.map((e) => e.type)).not.toContain("warning");
  });
  it("keeps a relative clause's stance and day to itself", () => {
    // "might" is the main clause's: the departure the relative clause tells is reported, not hedged
    const a = run(
      "The carrier Shandong, which left Sanya on Tuesday, might also carry J-15 fighters, analysts said.",
      "2026-11-20",
    );
    const left = a.events.find((e) => e.type === "deployment")!;
    expect([left.factuality, left.time.start]).toEqual(["reported", "2026-11-17"]);
    // ... and its day is no story day for a later sentence without one
    const b = run(
      "The carrier Shandong, which left Sanya on Tuesday, might also carry J-15 fighters, analysts said. India's latest missile launch is likely to raise tensions.",
      "2026-11-20",
    );
    expect(b.events.find((e) => e.type === "weapons-test")?.time.start).toBeNull();
    // a day told in the main clause still dates the story
    const c = run(
      "The carrier Shandong left Sanya on Tuesday, analysts said. Two destroyers were deployed to the Paracel Islands.",
      "2026-11-20",
    );
    expect(c.events.map((e) => e.time.start)).toEqual(["2026-11-17", "2026-11-17"]);
  });
  it("reads the modal of what an event leads to as that consequence's, not the event's", () => {
    const stance = (text: string) =>
      run(text, "2026-11-20").events.find((e) => e.type === "weapons-test")?.factuality;
    expect(stance("India's latest missile launch is likely to raise tensions with Pakistan.")).toBe(
      "asserted",
    );
    expect(stance("North Korea's missile test could further strain ties with Seoul.")).toBe("asserted");
    // the event's own modal stays: what is likely to take place has not
    expect(stance("India's next missile launch is likely to take place in December.")).not.toBe("asserted");
    expect(stance("North Korea could test a missile next week.")).not.toBe("asserted");
  });
  it("dates nothing by a day told before 'has since', nor by the day a 'first since' counts from", () => {
    const a = run(
      "Indian and Chinese troops clashed in the Galwan Valley in June 2020. New Delhi has since deployed Rafale jets to Ambala.",
      "2026-11-20",
    );
    expect(a.events.map((e) => [e.type, e.time.start])).toEqual([
      ["incident", "2020-06-01"],
      ["deployment", null],
    ]);
    // "the first strike that far north since late 2024" is the strike told before, not one in late 2024
    const b = run(
      "An Israeli drone struck a car near Tripoli in northern Lebanon on 12 January. It was the first strike that far north since late 2024.",
      "2026-11-20",
    );
    expect(b.events.map((e) => [e.type, e.time.start])).toEqual([["attack", "2026-01-12"]]);
  });
  it("reads 'weeks after' and 'days after' as a span before the day the other clause tells", () => {
    const a = run(
      "Polish troops reinforced positions near Sejny on Wednesday, weeks after drones crashed near the village of Wyryki.",
      "2026-11-20",
    );
    const crash = a.events.find((e) => e.type === "incident")!;
    expect([crash.time.start, crash.time.end, crash.time.inferred]).toEqual([
      "2026-09-23",
      "2026-11-11",
      true,
    ]);
    expect(a.events.find((e) => e.type === "deployment")?.time.start).toBe("2026-11-18");
    const b = run(
      "Sweden moved air-defence units to Gotland on Thursday, days after Russian jets were intercepted near the island.",
      "2026-11-20",
    );
    const met = b.events.find((e) => e.type === "interception")!;
    expect([met.time.start, met.time.end]).toEqual(["2026-11-09", "2026-11-18"]);
  });
  it("gives a sentence going on with the story the whole span the one before told", () => {
    const a = run(
      "Mali's forces killed dozens of militants near Menaka between June and August. The fighting pushed thousands of refugees across the border into Niger.",
      "2026-11-20",
    );
    const last = a.events.at(-1)!;
    expect([last.time.start, last.time.end, last.time.inferred]).toEqual(["2026-06-01", "2026-08-31", true]);
  });
  it("reads the month after a day as no modal, and the agent after 'by' as the actor (red-team 14)", () => {
    const stance = (text: string) => run(text, "2026-11-20").events[0]?.factuality;
    expect(stance("Troops killed 20 fighters near Tillaberi on 3 May.")).toBe("asserted");
    expect(stance("Troops killed 20 fighters on 3rd May.")).toBe("asserted");
    expect(stance("Troops may have killed 20 fighters near Tillaberi.")).toBe("hedged");
    const actor = (text: string, type: string) => {
      const a = run(text, "2026-11-20");
      const ev = a.events.find((e) => e.type === type);
      return ev?.actors.map((id) => a.entities.find((e) => e.id === id)?.name);
    };
    expect(
      actor("Chadian soldiers repelled an assault by Boko Haram on a military post on Sunday.", "attack"),
    ).toEqual(["Boko Haram"]);
    expect(actor("Ukraine condemned a strike by Russian missiles on Odesa.", "attack")).toEqual(["Russia"]);
    expect(actor("Ukraine condemned a strike by Russian missiles on Odesa.", "accusation")).toEqual([
      "Ukraine",
    ]);
  });
});

describe("strikes told by what hit, expulsions, blockades and planned basing (red-team 14)", () => {
  const kinds = (text: string) =>
    run(text, "2026-11-20").events.map((e) => [e.type, e.cameo.code, e.factuality, e.trigger.text]);
  it("reads 'hit' after a weapon or before where it hit as a strike, and not a hit song or record highs", () => {
    expect(kinds("Indian BrahMos missiles hit runways at Sargodha air base on Saturday.")[0]).toEqual([
      "attack",
      "195",
      "asserted",
      "hit",
    ]);
    expect(kinds("Two rockets hit near Erbil airport late on Monday.")[0]?.[0]).toBe("attack");
    expect(kinds("The film was a hit in Kyiv.")).toEqual([]);
    expect(kinds("Prices hit record highs in Kyiv.")).toEqual([]);
  });
  it("reads expulsions of diplomats and foreign forces, and not a student expelled or troops driven out", () => {
    expect(kinds("Iran expelled two German diplomats on Wednesday.")).toEqual([
      ["expulsion", "174", "asserted", "expelled"],
    ]);
    expect(kinds("Lithuania declared a Russian diplomat persona non grata on Friday.")[0]?.[0]).toBe(
      "expulsion",
    );
    // the order is given (asserted); the leaving it orders is no move of its own
    expect(kinds("Niger ordered French troops to leave the country by the end of the year.")).toEqual([
      ["expulsion", "174", "asserted", "ordered French troops"],
    ]);
    expect(kinds("The student was expelled from the university.")).toEqual([]);
    expect(
      kinds("Ukrainian forces expelled Russian troops from the village.").map((k) => k[0]),
    ).not.toContain("expulsion");
  });
  it("reads a blockade, and a strait closed to shipping", () => {
    expect(kinds("The Houthis imposed a blockade on Israeli-linked ships in the Red Sea.")).toEqual([
      ["blockade", "191", "asserted", "blockade"],
    ]);
    expect(kinds("Iran closed the Strait of Hormuz to shipping on Sunday.")[0]?.[0]).toBe("blockade");
    expect(kinds("Iran closed its embassy in Kabul on Sunday.")).toEqual([]);
  });
  it("reads basing to come as a planned deployment, not dated by the day the sentence before told", () => {
    const a = run(
      "Two rockets hit near Erbil airport late on Monday. Israel will station F-35 jets at Nevatim air base, the defence ministry said.",
      "2026-11-20",
    );
    const basing = a.events.find((e) => e.type === "deployment");
    expect(basing).toMatchObject({ factuality: "planned", trigger: { text: "will station" } });
    expect(basing?.time.start).toBeNull();
    // what goes on with the story in the past still takes its day
    const b = run(
      "Two rockets hit near Erbil airport on Monday. A drone struck a base nearby.",
      "2026-11-20",
    );
    expect(b.events.map((e) => e.time.start)).toContain("2026-11-16");
    expect(kinds("The train will station in Lviv.")).toEqual([]);
  });
});

describe("order kept and crowds dispersed are no procurement or launch (red-team 14)", () => {
  const types = (text: string) => run(text, "2026-11-20").events.map((e) => e.type);
  it("reads neither 'fired tear gas' nor 'to restore order' as an event, and still an order placed", () => {
    expect(types("Police fired tear gas to restore order in Nairobi.")).toEqual([]);
    expect(types("Russia seeks a new world order, Putin said in Moscow.")).toEqual([]);
    expect(types("The ministry placed an order for 12 Rafale jets.")).toEqual(["procurement"]);
    expect(types("North Korea fired two ballistic missiles into the sea.")).toEqual(["weapons-test"]);
  });
});

describe("flights past a place (red-team 14)", () => {
  const types = (text: string) => run(text, "2026-11-20").events.map((e) => [e.type, e.trigger.text]);
  it("reads aircraft or forces flying over or near a place as a deployment, not birds nor a weekend", () => {
    expect(types("Two Tu-95 bombers flew over the Sea of Japan on Monday.")).toEqual([
      ["deployment", "flew over"],
    ]);
    expect(types("Russian jets flew near Estonian airspace on Monday.")).toEqual([
      ["deployment", "flew near"],
    ]);
    expect(types("The birds flew over the house.")).toEqual([]);
    expect(types("He flew over the weekend to Kyiv.")).toEqual([["deployment", "flew over the weekend to"]]);
  });
});

describe("a passage through a strait, and one boat told first by its kind (red-team 14)", () => {
  const names = (a: ReturnType<typeof run>, ids: string[]) =>
    ids.map((id) => a.entities.find((e) => e.id === id)?.name);
  it("reads a warship that passed through a strait as a deployment, not tankers nor traffic counted", () => {
    const a = run(
      "A Russian frigate passed through the English Channel on Tuesday, the Royal Navy said.",
      "2026-11-20",
    );
    expect(a.events.map((e) => [e.type, e.trigger.text])).toEqual([
      ["deployment", "passed through the English Channel"],
    ]);
    expect(run("Two tankers passed through the Strait of Hormuz on Monday.").events).toEqual([]);
    expect(run("About 3,000 ships passed through the Strait of Hormuz last year.").events).toEqual([]);
  });
  it("reads who released the photographs as a source, not the actor; a subject naming its system keeps it", () => {
    const a = run(
      "Italian frigates and maritime patrol aircraft shadowed the boat. The Kilo-class submarine Krasnodar passed through the Strait of Sicily last week, according to photographs released by the Italian navy.",
      "2025-05-23",
    );
    const passage = a.events.find((e) => e.trigger.text.startsWith("passed through"))!;
    expect(names(a, passage.actors)).not.toContain("Italian Navy");
    expect(names(a, passage.equipment)).toEqual(["Kilo-class submarine", "Krasnodar"]);
    expect(a.sources.map((s) => s.type)).toContain("photographs");
  });
  it("joins a boat told by its kind first and by its class later, inside the area told first", () => {
    const a = run(
      "A Russian submarine sailed through the Mediterranean last week. The Kilo-class submarine Krasnodar passed through the Strait of Sicily last week.",
      "2025-05-23",
    );
    expect(a.events.filter((e) => e.type === "deployment")).toHaveLength(1);
    // a boat of another kind, or far outside the area, is another voyage
    const b = run(
      "A Russian submarine sailed through the Mediterranean last week. The Kilo-class submarine Krasnodar passed through the English Channel last week.",
      "2025-05-23",
    );
    expect(b.events.filter((e) => e.type === "deployment")).toHaveLength(2);
  });
});

describe("red-team 15: arrests, ceasefires broken, firing at, and words that are no event", () => {
  const kinds = (text: string) =>
    run(text, "2026-11-20").events.map((e) => [e.type, e.trigger.text, e.cameo.code]);
  it("reads arrests, a ceasefire violated and firing at positions", () => {
    expect(
      kinds("Police arrested two men in Rzeszow on October 5 on suspicion of spying for Russia."),
    ).toEqual([["seizure", "arrested", "173"]]);
    expect(kinds("A court issued arrest warrants for two officers.")).toEqual([]);
    expect(
      kinds(
        "Pakistani troops violated the ceasefire in the Kupwara sector on Wednesday, firing mortars at Indian posts, the Indian army said.",
      ).map((k) => k[0]),
    ).toEqual(["attack"]);
    expect(
      kinds(
        "Azerbaijan's defence ministry accused Armenian forces on Wednesday of firing at its positions in the Kalbajar district.",
      ).map((k) => k[0]),
    ).toEqual(["accusation", "attack"]);
    // a drill's firing is the drill
    expect(
      kinds("North Korea staged an artillery drill on Tuesday, firing around 90 rounds into the sea.").map(
        (k) => k[0],
      ),
    ).toEqual(["exercise"]);
  });
  it.each([
    ["Drones struck a fuel depot in Bryansk. Police did not say who launched the drones.", ["attack"]],
    ["Poland ordered the expulsion of three Russian diplomats on Thursday.", ["expulsion"]],
    ["Rzeszow has become a hub for Western military aid to Ukraine.", []],
    ["Satellite imagery, captured on November 12, shows damage at the base.", []],
    ["Russia's sanctions-busting shadow fleet grew this year.", []],
    ["In a separate incident, gunmen attacked a police post in Zamfara.", ["attack"]],
    ["Troops rescued 11 kidnapped schoolgirls in Zuru on Friday.", []],
    ["Gunmen kidnapped 20 students in Kaduna on Friday.", ["seizure"]],
  ])("%s -> %j", (text, types) => {
    expect(kinds(text).map((k) => k[0])).toEqual(types);
  });
});

describe("red-team 15: the strike condemned, figures unverified", () => {
  it("refers 'the strike' back to the strike told, not to an attack told as not done", () => {
    const a = run(
      "An Israeli strike hit a car near Nabatieh on Sunday, killing two people. Hezbollah has not claimed any attack on Israel since the truce. Lebanese President Joseph Aoun condemned the strike.",
      "2026-11-20",
    );
    const negated = a.events.find((e) => e.factuality === "negated");
    expect(negated?.evidenceSpans ?? [negated?.evidence]).toHaveLength(1);
    expect(
      a.events.find((e) => e.actors.length && e.factuality === "asserted" && e.type === "attack"),
    ).toBeDefined();
  });
  it("leaves a strike asserted when only the figures told of it could not be verified", () => {
    const a = run(
      "Russian drones struck a hospital in Sumy on Monday, killing nine people, officials said. The figures could not be independently verified.",
      "2026-11-20",
    );
    expect(a.events[0]?.factuality).toBe("reported");
    const b = run(
      "Russian drones struck a hospital in Sumy on Monday, Ukrainian officials said. The claim could not be independently verified.",
      "2026-11-20",
    );
    expect(b.events[0]?.factuality).toBe("hedged");
  });
});

describe("red-team 15: agents after 'by', envoys and sites under flights", () => {
  const names = (a: ReturnType<typeof run>, ids: string[]) =>
    ids.map((id) => a.entities.find((e) => e.id === id)?.name);
  it("reads the country after a participle and 'by' as who launched, and as no place", () => {
    const a = run(
      "Ukraine's air force said its units shot down 74 of the 96 Shahed drones launched by Russia overnight.",
      "2026-11-20",
    );
    const launch = a.events.find((e) => e.type === "attack")!;
    expect(names(a, launch.actors)).toEqual(["Russia"]);
    expect(a.events.flatMap((e) => names(a, e.places))).not.toContain("Russia");
    // a country that only names who follows is still read as it was
    const b = run(
      "Aliyev and Pashinyan initialled a peace agreement at a summit hosted by US President Donald Trump at the White House.",
      "2026-11-20",
    );
    expect(b.events.find((e) => e.type === "diplomatic-meeting")?.places.length).toBeGreaterThan(0);
  });
  it("reads a country's envoy as the country's, not the place of the summons", () => {
    const a = run("Estonia summoned Russia's charge d'affaires to protest on Thursday.", "2026-11-20");
    expect(a.events[0]?.places).toEqual([]);
  });
  it("reads a town before 'air base' after 'over' as the place", () => {
    const a = run(
      "Several unidentified drones were spotted over Karup air base in western Denmark on Wednesday night, Danish police said.",
      "2026-11-20",
    );
    expect(names(a, a.events[0]!.places)).toContain("Karup");
  });
});

describe("red-team 15: who tells, counts and opposes adds no actor", () => {
  const names = (a: ReturnType<typeof run>, ids: string[]) =>
    ids.map((id) => a.entities.find((e) => e.id === id)?.name);
  it("'the third such incident' and 'either attack' add no actor to the event told", () => {
    const a = run(
      "Chinese coast guard ships fired water cannon at a Philippine supply boat near Second Thomas Shoal on Tuesday, the Philippine Coast Guard said. It was the third such incident this month.",
      "2026-11-20",
    );
    expect(names(a, a.events[0]!.actors)).toEqual(["China"]);
    const b = run(
      "On Wednesday, a Russian missile hit a residential building in Dnipro, the State Emergency Service said. Moscow did not comment on either attack.",
      "2026-11-20",
    );
    expect(names(b, b.events[0]!.actors)).toEqual(["Russia"]);
  });
  it("what protesters oppose is not who protests, and residents who protest are no source", () => {
    const a = run(
      "Hundreds of residents protested on Saturday outside Camp Schwab in Okinawa against the construction of a new U.S. Marine Corps airfield.",
      "2026-11-20",
    );
    expect(a.events[0]?.actors).toEqual([]);
    expect(a.sources.map((s) => s.type)).toEqual(["article"]);
    const b = run("Shelling hit the market in Khartoum on Monday, residents said.", "2026-11-20");
    expect(b.sources.map((s) => s.type)).toContain("witness");
  });
});

describe("a count of days after a sentence that tells no day (red-team 15)", () => {
  it("counts 'a day later' from the day the story last told", () => {
    const a = run(
      "Chinese ships fired water cannon at a Philippine boat near Second Thomas Shoal on Tuesday. It was the third such incident this month. A day later, Chinese vessels blocked two Philippine boats near Scarborough Shoal.",
      "2026-11-20",
    );
    expect(a.events.map((e) => e.time.start)).toEqual(["2026-11-17", "2026-11-18"]);
  });
});

describe("a plan told as possible (red-team 15)", () => {
  it("reads 'may deploy ... next month' as speculative, 'will deploy' as planned and 'may have deployed' as hedged", () => {
    const f = (text: string) => run(text, "2026-11-20").events[0]?.factuality;
    expect(
      f("Russia may deploy its Oreshnik missile system to Belarus next month, Alexander Lukashenko said."),
    ).toBe("speculative");
    expect(f("Russia will deploy its Oreshnik missile system to Belarus next month.")).toBe("planned");
    expect(f("Russia may have deployed Oreshnik missiles to Belarus last month.")).toBe("hedged");
  });
});

describe("an attack in doubt after another act, and a plan after 'would' (red-team 15)", () => {
  const names = (a: ReturnType<typeof run>, ids: string[]) =>
    ids.map((id) => a.entities.find((e) => e.id === id)?.name);
  it("keeps an attack not confirmed or only possible apart from the arrest or the fire told before", () => {
    const a = run(
      "Russia's FSB said it had detained a man in Kursk on Monday. Moscow has not confirmed any drone attack in the region.",
      "2026-11-20",
    );
    expect(a.events.map((e) => e.type)).toEqual(["seizure", "attack"]);
    expect(a.events[0]!.equipment).toEqual([]);
    // who does not confirm it does not act
    expect(a.events[1]!.actors).toEqual([]);
    const b = run(
      "A fire broke out at an ammunition depot near Bryansk on Sunday night, the governor said. Ukrainian military intelligence sources told Ukrainska Pravda that a drone attack may have caused the blaze.",
      "2026-11-20",
    );
    expect(b.events.map((e) => [e.type, e.factuality])).toEqual([
      ["incident", "reported"],
      ["attack", "hedged"],
    ]);
    expect(names(b, b.events[0]!.actors)).toEqual([]);
  });
  it("reads 'said Denmark would acquire' as planned", () => {
    const a = run(
      "Defence Minister Troels Lund Poulsen said Denmark would acquire new counter-drone systems.",
    );
    expect(a.events[0]?.factuality).toBe("planned");
  });
});

describe("equipment of a relative clause about someone else (red-team 15)", () => {
  it("does not give a strike the rockets its target was rebuilding", () => {
    const a = run(
      "An Israeli strike on a car in Nabatieh killed two people on Thursday. The Israeli military said it had targeted a Hezbollah operative who was rebuilding the group's rocket launching capabilities.",
      "2026-11-20",
    );
    expect(a.events.filter((e) => e.type === "attack").flatMap((e) => e.equipment)).toEqual([]);
    const b = run("Israeli jets struck a Hezbollah rocket launcher near Tyre on Thursday.", "2026-11-20");
    expect(b.events[0]!.equipment.length).toBeGreaterThan(0);
  });
});

describe("sieges, patrols, fortification, and who is told of an incident (red-team 15)", () => {
  const kinds = (text: string) =>
    run(text, "2026-11-20").events.map((e) => [e.type, e.trigger.text, e.actors.length]);
  it.each([
    ["RSF fighters besieged El Fasher for 18 months.", "blockade", "besieged"],
    ["Russian forces encircled the town of Pokrovsk.", "blockade", "encircled"],
    [
      "Chinese coast guard ships staged patrols near the Senkaku Islands on Monday.",
      "deployment",
      "staged patrols",
    ],
    ["Russia fortified positions along the Dnipro river.", "deployment", "fortified positions"],
  ])("%s -> %s", (text, type, trigger) => {
    expect(kinds(text)[0]?.slice(0, 2)).toEqual([type, trigger]);
  });
  it("does not make who received a report of an incident its actor", () => {
    expect(
      kinds("UKMTO said it had received a report of an incident 20 nautical miles east of Khor Fakkan."),
    ).toEqual([["incident", "incident", 0]]);
  });
});

describe("what was sent, and where (red-team 15)", () => {
  const kinds = (text: string) => run(text, "2026-11-20").events.map((e) => [e.type, e.factuality]);
  it.each([
    [
      "Germany plans to send four Patriot launchers to Kyiv by the end of the year.",
      [["delivery", "planned"]],
    ],
    ["France will send Caesar howitzers to Ukraine.", [["delivery", "planned"]]],
    ["Russia sent S-400 batteries to Kaliningrad.", [["deployment", "asserted"]]],
    ["The US sent F-35 jets and 300 airmen to Poland.", [["deployment", "asserted"]]],
    ["The US sent a Patriot battery and 200 soldiers to Poland.", [["deployment", "asserted"]]],
    ["Kyiv sent a letter to the United Nations.", []],
    ["Putin sent condolences to Erdogan.", []],
    ["She sent the children to Kyiv.", []],
  ])("%s -> %j", (text, expected) => {
    expect(kinds(text)).toEqual(expected);
  });
});

describe("salvos told by the night, a dismissed speaker and 'should' (red-team 16)", () => {
  it("reads missiles launched overnight as an attack, and a launch into the sea as a test", () => {
    const type = (text: string) => run(text, "2026-11-20").events[0]?.type;
    expect(type("Russian forces launched three Kinzhal missiles overnight, Ukraine's air force said.")).toBe(
      "attack",
    );
    expect(type("North Korea launched two ballistic missiles into the sea on Monday.")).toBe("weapons-test");
  });
  it("does not read a speaker 'who was dismissed' as denying what he tells", () => {
    const f = (text: string) => run(text, "2026-11-20").events[0]?.factuality;
    expect(f("Oleksii Reznikov, who was dismissed in 2023, said Ukraine had received F-16 jets.")).toBe(
      "reported",
    );
    const denied = run(
      "The Kremlin dismissed reports that Russian troops had deployed to Belarus.",
      "2026-11-20",
    );
    expect(denied.events.find((e) => e.type === "deployment")?.factuality).toBe("negated");
  });
  it("reads 'should receive' as planned, not 'should have'", () => {
    const f = (text: string) => run(text, "2026-11-20").events[0]?.factuality;
    expect(f("Blinken said Ukraine should receive more ATACMS.")).toBe("planned");
    expect(f("Blinken said Ukraine should have received more ATACMS.")).not.toBe("planned");
  });
});

describe("refusals, promises, suppositions and doubts told in a word (red-team 18)", () => {
  const facts = (text: string) => run(text, "2026-11-20").events.map((e) => [e.type, e.factuality]);
  it.each([
    ["Germany refused to deliver Taurus missiles to Ukraine.", "delivery", "negated"],
    ["Germany ruled out sending Taurus missiles to Ukraine.", "delivery", "negated"],
    ["Russia has yet to deploy the S-500 system to Crimea.", "deployment", "negated"],
    ["There were no signs that Russia had moved Iskander launchers to Kaliningrad.", "deployment", "negated"],
    ["The Houthis vowed to attack US warships in the Red Sea.", "attack", "planned"],
    ["The United States pledged to deliver more Patriot interceptors to Ukraine.", "delivery", "planned"],
    ["Russia is said to have moved S-400 launchers to Belarus.", "deployment", "hedged"],
    ["Were Russia to attack Estonia, NATO would deploy troops to the Baltics.", "deployment", "speculative"],
    [
      "Analysts say a Russian deployment of Oreshnik missiles to Belarus would alarm NATO.",
      "deployment",
      "speculative",
    ],
    [
      "A Chinese blockade of Taiwan, if it happened, would disrupt global trade, analysts warned.",
      "blockade",
      "speculative",
    ],
  ])("%s -> %s %s", (text, type, factuality) => {
    expect(facts(text)).toContainEqual([type, factuality]);
  });
  it.each([
    ["Germany delivered Taurus missiles to Ukraine after it refused to wait.", "delivery", "asserted"],
    [
      "Germany declined to provide details of how it delivered Taurus missiles to Ukraine.",
      "delivery",
      "asserted",
    ],
    ["A Russian deployment of Oreshnik missiles to Belarus began on Monday.", "deployment", "asserted"],
    [
      "Petro said he would send a diplomatic note to Caracas but stressed that cooperation would continue.",
      "protest",
      "planned",
    ],
  ])("but not %s -> %s %s", (text, type, factuality) => {
    expect(facts(text)).toContainEqual([type, factuality]);
  });
  it("keeps a threat made, and its content no attack of its own", () => {
    const a = run("The Houthis threatened to attack US warships in the Red Sea.", "2026-11-20");
    expect(a.events.map((e) => [e.type, e.factuality])).toEqual([["threat", "asserted"]]);
    expect(a.notEvents?.map((n) => n.rule)).toContain("content-of-threat");
  });
  it("doubts what the sentence before told when a named outlet could not verify it", () => {
    const a = run(
      "Israel struck an air defence site near Isfahan on Friday, Axios reported. Reuters could not independently verify the report.",
      "2026-11-20",
    );
    expect(a.events[0]?.factuality).toBe("hedged");
  });
});

describe("an act remembered and a subject raised (red-team 18)", () => {
  it("dates what an anniversary remembers that many years before, by its year", () => {
    const a = run(
      "South Korea on Thursday commemorated the 16th anniversary of North Korea's shelling of Yeonpyeong Island.",
      "2026-11-20",
    );
    const attack = a.events.find((e) => e.type === "attack");
    expect(attack?.time).toMatchObject({ start: "2010-01-01", end: "2010-12-31", granularity: "year" });
    const b = run("Veterans marked the anniversary of the Russian invasion on Tuesday.", "2026-11-20");
    expect(b.events.find((e) => e.type === "attack")?.time.start ?? null).toBeNull();
  });
  it.each([
    ["China appears to have deployed J-20 fighters to Tibet.", "China"],
    ["Russia is said to have moved S-400 launchers to Belarus.", "Russia"],
  ])("finds the subject before a raising verb: %s", (text, actor) => {
    const a = run(text, "2026-11-20");
    const names = a.events[0]?.actors.map((id) => a.entities.find((e) => e.id === id)?.name);
    expect(names).toEqual([actor]);
  });
});

describe("'it' after a speaker and a time (red-team 18)", () => {
  it("is the speaker, not an actor of the sentence before", () => {
    const a = run(
      "The Indian Army declined to comment. China's defence ministry said last week that it had no plans to station aircraft in Tibet.",
      "2026-11-20",
    );
    const names = a.events[0]?.actors.map((id) => a.entities.find((e) => e.id === id)?.name);
    expect(names).toEqual(["Ministry of National Defense of the People's Republic of China"]);
  });
});

describe("strikes and arrests told apart (session 29)", () => {
  it("an arrest told after an attack, without a date of its own, is no part of the attack", () => {
    const a = run(
      "Drones attacked US bases in Syria on Monday, the Pentagon said. Russia's FSB said it detained a saboteur in Bryansk.",
      "2025-05-07",
    );
    expect(a.events.map((e) => e.type).sort()).toEqual(["attack", "seizure"]);
    expect(a.events.find((e) => e.type === "attack")?.evidenceSpans ?? []).toHaveLength(0);
  });
  it("'the strike on Odesa' after an attack in Syria is another strike; 'the strike' alone is the same", () => {
    const apart = run(
      "Drones attacked US bases in Syria on Monday, the Pentagon said. Kyiv authorities said the strike on Odesa damaged the port.",
      "2025-05-07",
    );
    const attacks = apart.events.filter((e) => e.type === "attack");
    expect(attacks).toHaveLength(2);
    expect(attacks[1]!.sourceIds.map((id) => apart.sources.find((s) => s.id === id)?.name)).toEqual([
      "Kyiv authorities",
    ]);
    const same = run(
      "Drones attacked US bases in Syria on Monday, the Pentagon said. Officials said the strike damaged a hangar.",
      "2025-05-07",
    );
    expect(same.events.filter((e) => e.type === "attack")).toHaveLength(1);
  });
  it("a raid near another country's border in April is not the attack of this week", () => {
    const a = run(
      "Gunmen attacked an army post near Karimama in northern Benin on Monday, killing eight soldiers. Analysts said the attack bore the hallmarks of JNIM, whose fighters killed 54 soldiers in a raid near the border with Niger and Burkina Faso in April.",
      "2025-12-04",
    );
    expect(a.events.filter((e) => e.type === "attack").length).toBeGreaterThanOrEqual(2);
  });
});

describe("where a speaker spoke, and what is expected (session 29)", () => {
  const placesOf = (a: ReturnType<typeof run>, type: string) =>
    a.events.find((e) => e.type === type)?.places.map((id) => a.entities.find((x) => x.id === id)?.name);
  it("a place a speaker spoke in is not the place of the delivery told, but is a warning's", () => {
    const a = run(
      "Germany will deliver four more IRIS-T systems to Ukraine this year, Defence Minister Boris Pistorius said in Berlin on Tuesday.",
    );
    expect(placesOf(a, "delivery")).toEqual(["Ukraine"]);
    const b = run("Putin warned in Minsk that Russia would deploy Oreshnik missiles.");
    expect(placesOf(b, "warning")).toEqual(["Minsk"]);
    expect(placesOf(b, "deployment")).toEqual([]);
    // a delivery to the place named after "in" without a speaker is there
    expect(placesOf(run("Germany delivered four IRIS-T systems in Kyiv on Tuesday."), "delivery")).toContain(
      "Kyiv",
    );
  });
  it("deliveries 'expected in 2028' are planned for 2028, and not dated by the deal's year", () => {
    const a = run("The first deliveries of the F-35 jets to Poland are expected in 2028, the ministry said.");
    const d = a.events.find((e) => e.type === "delivery");
    expect([d?.factuality, d?.time.start]).toEqual(["planned", "2028-01-01"]);
    const b = run("Poland signed a deal for 32 F-35 jets in 2020, with deliveries expected in 2030.");
    expect(b.events.map((e) => [e.type, e.factuality, e.time.start])).toEqual([
      ["procurement", "asserted", "2020-01-01"],
      ["delivery", "planned", "2030-01-01"],
    ]);
  });
});

describe("a condition told inverted (session 29)", () => {
  it("'Were Russia to attack Estonia' makes Russia the attack's actor, not its place", () => {
    for (const text of [
      "Were Russia to attack Estonia, NATO would deploy additional brigades to the Baltic states.",
      "NATO would respond, were Russia to attack Estonia.",
    ]) {
      const a = run(text);
      const attack = a.events.find((e) => e.type === "attack");
      const names = (ids: string[] = []) => ids.map((id) => a.entities.find((x) => x.id === id)?.name);
      expect([names(attack?.actors), names(attack?.places), attack?.factuality], text).toEqual([
        ["Russia"],
        ["Estonia"],
        "speculative",
      ]);
    }
    // "were" inside a clause is no condition: the place stays a place
    const b = run("Troops that were in Russia to train left.");
    expect(b.entities.find((e) => e.name === "Russia")?.kind).toBe("place");
  });
});

describe("a conditional use of force told by a speaker (session 29)", () => {
  it("is a threat, made (asserted), not an attack", () => {
    const a = run(
      "Medvedev said Russia would strike Kyiv with Oreshnik missiles if Western long-range weapons were used against Russian territory.",
    );
    expect(a.events.map((e) => [e.type, e.factuality])).toEqual([["threat", "asserted"]]);
    // a forecast with no condition stays a planned attack
    expect(
      run("Analysts said Russia would strike Kyiv again within days.").events.map((e) => e.type),
    ).toEqual(["attack"]);
  });
  it("a warning told after its content is made, whatever its content supposes", () => {
    const a = run(
      "Russia will hit decision-making centres in Kyiv if the strikes continue, Medvedev warned.",
    );
    expect(a.events.find((e) => e.type === "warning")?.factuality).toBe("asserted");
    expect(a.events.find((e) => e.type === "threat")?.factuality).toBe("asserted");
  });
});

describe("who acts: units, a place opening the sentence, an apposition, an object (red team 19)", () => {
  const actorsOf = (text: string, type: string) => {
    const a = run(text);
    return a.events
      .find((e) => e.type === type)
      ?.actors.map((id) => a.entities.find((x) => x.id === id)?.name);
  };
  it("a unit acts and speaks, with its country from the words before it", () => {
    expect(
      actorsOf(
        "The 155th Naval Infantry Brigade was redeployed to the Kursk region last week.",
        "deployment",
      ),
    ).toEqual(["155th Naval Infantry Brigade"]);
    const a = run(
      "Iran's IRGC Aerospace Force test-fired a missile on Monday. Ukraine's 3rd Army Corps said it repelled Russian assaults near Lyman.",
    );
    const unit = a.entities.find((e) => e.kind === "unit");
    expect(unit?.kind === "unit" && [unit.name, unit.countryCode]).toEqual(["3rd Army Corps", "UA"]);
    expect(a.sources.map((s) => s.name)).toContain("3rd Army Corps");
    expect(a.events.find((e) => e.type === "attack")?.actors).not.toContain(
      a.entities.find((e) => e.name === "IRGC Aerospace Force")?.id,
    );
    // a unit the knowledge base knows is its actor, once
    const known = run("The 101st Airborne Division deployed to Romania on Monday.");
    expect(known.entities.filter((e) => e.name === "101st Airborne Division").map((e) => e.kind)).toEqual([
      "actor",
    ]);
    const b = run("The Ukrainian 47th Mechanized Brigade holds the line near Avdiivka.");
    const brigade = b.entities.find((e) => e.kind === "unit");
    expect(brigade?.kind === "unit" && brigade.countryCode).toBe("UA");
  });
  it("a place after 'In' opening the sentence lists no actor", () => {
    expect(
      actorsOf("In Mali, Wagner fighters attacked a village near Gao on Sunday, residents said.", "attack"),
    ).toEqual(["Wagner Group"]);
  });
  it("a possessive subject keeps the act across an apposition naming another country", () => {
    expect(
      actorsOf(
        "Russia's Geran-2 drones, its version of the Iranian Shahed-136, hit Lviv overnight.",
        "attack",
      ),
    ).toEqual(["Russia"]);
  });
  it("the object's demonym is not who acts", () => {
    expect(
      actorsOf(
        "Greece said a Type 214 submarine shadowed a Turkish frigate in the Aegean on Tuesday.",
        "deployment",
      ),
    ).toEqual([]);
  });
});
