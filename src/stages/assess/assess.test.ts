// Findings: what does not add up inside a report or against the knowledge base, each with its spans.
import { describe, expect, it } from "vitest";
import { run } from "../../../test/helpers.js";

const findings = (text: string, published = "2025-10-09") => run(text, published).findings;
const kinds = (text: string, published?: string) => findings(text, published).map((f) => f.rule);

describe("the same event told with another day or place", () => {
  it("is a warning with both dates' spans", () => {
    const text =
      "Russia deployed S-400 Triumf systems to Kaliningrad on Monday, the ministry said.\n\nThe S-400 Triumf deployment to Kaliningrad on Wednesday was confirmed by satellite images.";
    const f = findings(text).find((x) => x.rule === "same-event-different-dates");
    expect(f?.severity).toBe("warning");
    expect(f?.spans.map((s) => s.text)).toEqual(["on Monday", "on Wednesday"]);
    expect(f!.spans.every((s) => text.slice(s.start, s.end) === s.text)).toBe(true);
  });
  it("is a warning when one system is placed in two far-apart towns", () => {
    const text =
      "Russia deployed S-400 Triumf systems to Sevastopol, the ministry said.\n\nThe S-400 Triumf deployment to Vladivostok was confirmed by satellite images.";
    expect(kinds(text)).toContain("same-event-different-places");
  });
  it("is not raised for two systems, a possibility, or nearby places", () => {
    expect(
      kinds(
        "Russia deployed S-400 Triumf systems to Kaliningrad on Monday. Russia deployed Iskander-M launchers to Kaliningrad on Wednesday.",
      ),
    ).not.toContain("same-event-different-dates");
    expect(
      kinds(
        "Japan deployed Type 12 missiles to Kumamoto on Monday. Analysts said the Type 12 launchers could later be moved to Ishigaki.",
      ),
    ).not.toContain("same-event-different-places");
    expect(
      kinds(
        "Russia deployed S-400 Triumf systems to Sevastopol. The S-400 Triumf deployment to Yevpatoria was confirmed by satellite images.",
      ),
    ).not.toContain("same-event-different-places");
  });
});

describe("a claim the other side contests", () => {
  it("is an info finding when the side a claim accuses denies it", () => {
    const text =
      "The Indian Army said Pakistani troops opened unprovoked fire on Indian posts in Poonch on Tuesday. Pakistan's military denied the claim, saying Indian forces had fired first.";
    const f = findings(text, "2026-11-20").find((x) => x.rule === "denied-by-another-side");
    expect(f?.severity).toBe("info");
    expect(f?.spans.map((s) => s.text)).toEqual(["opened unprovoked fire", "denied"]);
    expect(f!.spans.every((s) => text.slice(s.start, s.end) === s.text)).toBe(true);
  });
  it("names the accuser as the one who tells an act it accuses the other side of", () => {
    const f = findings(
      "Azerbaijan's defence ministry accused Armenian forces on Thursday of firing on its positions in Nakhchivan. Armenia's defence ministry denied the report.",
      "2026-11-20",
    ).find((x) => x.rule === "denied-by-another-side");
    expect(f?.message).toMatch(
      /told by Ministry of Defence of Azerbaijan .* denied by Ministry of Defence of Armenia/,
    );
  });
  it("reads a claim named as such as contested whichever side denies it", () => {
    const f = findings(
      "The Houthis said in a statement that they had attacked a US destroyer with ballistic missiles, a claim that US Central Command rejected.",
      "2026-11-20",
    ).find((x) => x.rule === "denied-by-another-side");
    expect(f?.message).toMatch(/told by Houthis .* denied by U\.S\. Central Command/);
  });
  it("reads the side holding a place denying its fall, and a claim rejected in its own sentence", () => {
    expect(
      kinds(
        "Russia's defence ministry claimed on Tuesday that its troops had captured the village of Bilytske. Ukraine's military denied the village had fallen.",
        "2026-11-20",
      ),
    ).toContain("denied-by-another-side");
    const f = findings(
      "Washington blamed Tehran for the attack on the embassy, an accusation Iran's foreign ministry rejected.",
      "2026-11-20",
    ).find((x) => x.rule === "denied-by-another-side");
    expect(f?.spans.map((s) => s.text)).toEqual(["attack", "rejected"]);
  });
  it("is an info finding when that side tells the act as not having happened", () => {
    expect(
      kinds(
        "Poland said Russian jets violated its airspace on Saturday. Moscow said its aircraft did not violate any border.",
        "2026-11-20",
      ),
    ).toContain("negated-by-another-side");
  });
  it("is not raised for a denial of something else, another side's denial, or a side's own words", () => {
    // a denial of something else, by another side
    expect(
      kinds(
        "The Indian Army said Pakistani troops opened fire on Indian posts in Poonch on Tuesday. China denied sending troops to the border.",
        "2026-11-20",
      ),
    ).not.toContain("denied-by-another-side");
    // "denied" with no claim referred back
    expect(
      kinds(
        "The Indian Army said Pakistani troops opened fire on Indian posts in Poonch on Tuesday. Pakistan denied visas to Indian pilgrims.",
        "2026-11-20",
      ),
    ).not.toContain("denied-by-another-side");
    // one side telling what it did and what it did not do
    expect(
      kinds(
        "Russia said it struck an airfield near Kyiv but did not strike any residential buildings.",
        "2026-11-20",
      ),
    ).not.toContain("negated-by-another-side");
  });
});

describe("a report withdrawn or corrected", () => {
  it("is a warning with its words, and no troop withdrawal", () => {
    const a = run(
      "Reuters later withdrew the report, saying the Kyiv Independent had retracted its story.",
      "2026-11-20",
    );
    expect(a.findings.filter((f) => f.kind === "retraction").map((f) => f.spans[0]?.text)).toEqual([
      "withdrew the report",
      "retracted its story",
    ]);
    expect(a.events.map((e) => e.type)).not.toContain("deployment");
    expect(
      findings("Russia withdrew its troops from Kherson.", "2026-11-20").map((f) => f.kind),
    ).not.toContain("retraction");
  });
});

describe("designators the catalog does not know", () => {
  it("says when one was read one edit away from a known system", () => {
    const f = findings("Pakistan inducted its first JF-17C fighter jets into service on Monday.").find(
      (x) => x.kind === "designator-variant",
    );
    expect(f?.spans[0]?.text).toBe("JF-17C");
    expect(f?.message).toMatch(/JF-17 Thunder/);
  });
  it("flags a designator-shaped name beside a weapon noun that matches nothing", () => {
    const f = findings("North Korea displayed a new KN-99 missile on a mobile launcher.").find(
      (x) => x.kind === "unknown-designator",
    );
    expect(f?.spans[0]?.text).toBe("KN-99");
  });
  it("leaves alone codes that are not about weapons, and known systems", () => {
    expect(kinds("The G-20 summit opened in Rio on Monday after the COVID-19 pandemic.")).not.toContain(
      "designator-not-in-catalog",
    );
    expect(kinds("Russia deployed S-400 missile systems to Kaliningrad.")).not.toContain(
      "designator-not-in-catalog",
    );
  });
});

describe("dates after publication", () => {
  it("is a warning when the sentence tells the date as past", () => {
    expect(kinds("The drills took place on March 3, 2026.", "2025-10-09")).toContain(
      "future-date-in-past-tense",
    );
  });
  it("is not raised for what is planned", () => {
    expect(kinds("The drills will take place on March 3, 2026.", "2025-10-09")).not.toContain(
      "future-date-in-past-tense",
    );
  });
});

describe("equipment and its operators", () => {
  it("notes a system attributed to a state the catalog does not list as operating it", () => {
    expect(kinds("Brazil deployed S-400 Triumf systems to the Amazon on Monday.")).toContain(
      "equipment-operator-check",
    );
    expect(kinds("Russia deployed S-400 Triumf systems to Kaliningrad on Monday.")).not.toContain(
      "equipment-operator-check",
    );
  });
  it("does not check a system against the actor when the text gives it to another country", () => {
    expect(
      kinds("Swedish Gripen and Finnish F/A-18 Hornet jets were scrambled over the Baltic last Friday."),
    ).not.toContain("equipment-operator-check");
    expect(kinds("Finland deployed Gripen jets to Lapland on Monday.")).toContain("equipment-operator-check");
  });
  it("checks only systems of the trigger's clause, and those of no owner named before them (red team 16)", () => {
    for (const text of [
      "Japan scrambled fighters after two Tu-95MS Bears and a Tu-22M3 Backfire flew over the Sea of Japan.",
      "HMS Dragon shadowed the Russian frigate Admiral Grigorovich through the English Channel.",
      "The US Navy deployed EA-18G Growlers to Japan, while Russia moved SA-21 Growler batteries to Kaliningrad.",
    ])
      expect([text, kinds(text)]).not.toContainEqual(expect.arrayContaining(["equipment-operator-check"]));
    expect(kinds("Venezuela deployed F-35 jets to the Caribbean coast on Sunday.")).toContain(
      "equipment-operator-check",
    );
  });
});

describe("titles against dates of office", () => {
  const office = (text: string, published: string) =>
    findings(text, published).filter((f) => f.rule === "title-vs-dates-of-office");
  it("takes a title as right for the year the sentence tells of (red team 16)", () => {
    expect(
      office(
        "In March 2022, Defence Minister Oleksii Reznikov asked for more Stinger missiles.",
        "2026-11-20",
      ),
    ).toEqual([]);
    expect(
      office("Defence Minister Oleksii Reznikov asked for more Stinger missiles on Monday.", "2026-11-20"),
    ).toHaveLength(1);
  });
  it("warns when a title contradicts dates the knowledge base confirms", () => {
    const [f] = office("Defence Minister Sergei Shoigu inspected the troops on Monday.", "2025-03-10");
    expect(f?.severity).toBe("warning");
    expect(f?.message).not.toMatch(/unverified/);
  });
  it("only notes it, saying so, when the decision turns on a date marked unverified", () => {
    // the knowledge base ends Maduro's presidency on a date it marks as unverified
    const [late] = office("President Nicolás Maduro addressed the troops on Monday.", "2026-03-10");
    expect(late?.severity).toBe("info");
    expect(late?.message).toMatch(/unverified/);
    // before that date the verified start of office decides, and nothing is found
    expect(office("President Nicolás Maduro addressed the troops on Monday.", "2024-03-10")).toEqual([]);
    const [former] = office("Former president Nicolás Maduro addressed the troops on Monday.", "2024-03-10");
    expect(former?.severity).toBe("warning");
  });
});

describe("names the gazetteer does not know", () => {
  const unknown = (text: string) => findings(text).find((f) => f.kind === "unresolved-toponym");
  it("are kept after 'the town of', 'the village of' and a direction's 'of'", () => {
    expect(unknown("Troops entered the town of Foobaria on Monday.")?.spans[0]?.text).toBe("Foobaria");
    expect(unknown("Shells fell south of Zzyzxovka overnight.")?.spans[0]?.text).toBe("Zzyzxovka");
    // "of" after anything else opens no place
    expect(unknown("The Ministry of Zzyzxovka Affairs spoke.")).toBeUndefined();
  });
  it("are kept after a locative and 'the' before a feature word, with the word", () => {
    expect(unknown("Indian troops fired shells into the Zzyzx valley on Tuesday.")?.spans[0]?.text).toBe(
      "Zzyzx valley",
    );
    // no feature word: a name of something else
    expect(unknown("Troops moved into the Zzyzx house.")).toBeUndefined();
  });
  it("are placed in the place they are said to lie in, at the part the words name", () => {
    const f = unknown("He grew up in the village of Foobaria in northwestern India, far from the capital.");
    expect(f?.near?.rule).toBe("place-it-lies-in");
    expect(f?.near?.name).toBe("India");
    // the north-west of India, not its middle
    expect(f!.near!.lat).toBeGreaterThan(25);
    expect(f!.near!.lon).toBeLessThan(78);
  });
  it("are not figures, models, lone acronyms or a person given another name", () => {
    for (const text of [
      "The reserves are estimated at R2bn, officials said.",
      "His son competed in GT3 and DTM last year.",
      "The races will be live in HD this year.",
      "Shares fell in BOV and rose elsewhere.",
      "A woman in Noma (not her real name) opened a case.",
    ])
      expect(unknown(text), text).toBeUndefined();
    // a name in capitals that is longer, or of several words, stays
    expect(unknown("Troops moved into ZZYZXOVKA overnight.")?.spans[0]?.text).toBe("ZZYZXOVKA");
  });
});

describe("names the gazetteer does not know, where forces go or what they take (red-team 17)", () => {
  const unknown = (text: string) => findings(text).find((f) => f.kind === "unresolved-toponym");
  it.each([
    ["Forces captured Zorkhabad on Tuesday.", "Zorkhabad"],
    ["Troops were deployed to Zorkhabad.", "Zorkhabad"],
    ["Thousands fled to Umm Kadada.", "Umm Kadada"],
    ["The drills took place near the Ras el-Tin naval base in Alexandria.", "Ras el-Tin naval base"],
    ["Soldiers trained at the Vaziani training area.", "Vaziani training area"],
    ["Clashes erupted in the Souq al-Juma district.", "Souq al-Juma district"],
    // a name ending in a natural feature's head, after "the" whatever comes before it
    ["Troops crossed the Zorba River on Monday.", "Zorba River"],
    ["Rescuers searched the Great Zorba River overnight.", "Great Zorba River"],
    ["Rebels held the Zorba Mountains for a week.", "Zorba Mountains"],
  ])("%s -> %s", (text, name) => {
    expect(unknown(text)?.spans[0]?.text).toBe(name);
  });
  it.each([
    "He talked to Zorkhabad about the plan.",
    "Forces captured Russian soldiers on Tuesday.",
    "Soldiers trained at the Zzyzx house.",
    // after "the" alone, a feature word in lower case or a name not ending in a feature's head is not enough
    "This is the Sikh area, the guide said.",
    "The Good Friday Agreement held.",
    "Fans cheered the Zorba Rivers Band.",
  ])("but not %s", (text) => {
    expect(unknown(text)).toBeUndefined();
  });
});

describe("a title against the date its sentence tells of (red-team 9)", () => {
  const told = (text: string) => findings(text, "2026-11-20").filter((f) => f.rule === "title-vs-date-told");
  it("notes a title held at publication but not at the time told, as information", () => {
    const [f] = told(
      "In March 2022, Defence Minister Andrei Belousov inspected the Kalibr missile production line.",
    );
    expect(f?.severity).toBe("info");
    expect(f?.message).toMatch(/March 2022/);
    expect(f?.spans.map((s) => s.text)).toEqual(["Defence Minister Andrei Belousov", "March 2022"]);
  });
  it("says nothing where the title was held then, or where no year is told", () => {
    expect(told("In 2025, Defence Minister Andrei Belousov visited Syria.")).toEqual([]);
    expect(told("Defence Minister Andrei Belousov visited the front on Monday.")).toEqual([]);
    expect(told("In 2020, then-Defence Minister Sergei Shoigu visited Syria.")).toEqual([]);
    // the date names a ceasefire referred to, not when the president condemned the strikes
    expect(
      told(
        "Lebanese President Joseph Aoun condemned the strikes as a violation of the November 2024 ceasefire.",
      ),
    ).toEqual([]);
  });
});

describe("a title inside the mention's own words (red-team 9)", () => {
  it("reads 'Former US' before an alias that opens with the title", () => {
    const f = findings(
      "Former US Defense Secretary Pete Hegseth said on Monday that the strikes would continue.",
      "2026-11-20",
    ).filter((x) => x.rule === "title-vs-dates-of-office");
    expect(f.map((x) => x.spans[0]?.text)).toEqual(["Former US Defense Secretary Pete Hegseth"]);
    expect(
      findings(
        "US Defense Secretary Pete Hegseth said on Monday that the strikes would continue.",
        "2026-11-20",
      ).filter((x) => x.rule === "title-vs-dates-of-office"),
    ).toEqual([]);
  });
});

describe("a date without its year read after publication in a sentence told in the past (red-team 9)", () => {
  const yearless = (text: string) =>
    findings(text, "2026-11-20").filter((f) => f.rule === "yearless-date-after-publication");
  it("notes it, as information", () => {
    const [f] = yearless("The blast on 25 November killed three soldiers in Donetsk.");
    expect(f?.severity).toBe("info");
    expect(f?.message).toMatch(/2026-11-25/);
  });
  it("says nothing of a date said of the future", () => {
    expect(yearless("The drills will begin on 25 November.")).toEqual([]);
    expect(yearless("The exercise is scheduled for 25 November.")).toEqual([]);
  });
});

describe("a claim rejected by name (session 29)", () => {
  it("'rejected the claim' contests the claim as 'denied the claim' does; a rejected bid does not", () => {
    for (const v of [
      "Russia denied the claim.",
      "Russia rejected the claim.",
      "Moscow rejected the claim, calling it fabricated.",
    ])
      expect(kinds(`Ukraine said Russian drones struck a hospital in Kharkiv on Monday. ${v}`), v).toContain(
        "denied-by-another-side",
      );
    expect(
      kinds("Ukraine said Russian drones struck a hospital in Kharkiv on Monday. Russia rejected the bid."),
    ).not.toContain("denied-by-another-side");
  });
});

describe("a text in a language the rules do not read (session 29)", () => {
  it("says so in a warning, and an English text does not", () => {
    for (const text of [
      "El ejército venezolano desplegó sistemas de defensa aérea S-125 a lo largo de la costa.",
      "Збройні сили України заявили, що російські дрони атакували Одесу в понеділок вночі.",
    ])
      expect(findings(text).find((f) => f.kind === "language-unsupported")?.severity, text).toBe("warning");
    expect(kinds("The army moved S-125 systems to the coast on Monday.")).not.toContain("not-english");
  });
});

describe("designators of a known series the catalog does not have (red team 19)", () => {
  const unknown = (text: string) =>
    findings(text)
      .filter((f) => f.kind === "unknown-designator")
      .map((f) => f.spans[0]?.text);
  it("flags 'Su-43', 'Kh-999' and 'Hwasong-25', not systems the catalog has nor other words", () => {
    expect(
      unknown(
        "North Korea said it tested a new Hwasong-25 missile and that Su-43 fighters and Kh-999 cruise missiles flew over.",
      ),
    ).toEqual(expect.arrayContaining(["Su-43", "Kh-999", "Hwasong-25"]));
    expect(unknown("Russia's Su-35 jets and Kh-101 missiles were seen over the Black Sea.")).toEqual([]);
    expect(unknown("Troops received Covid-19 vaccines before the missile drills.")).toEqual([]);
  });
});

describe("operators and origins checked against the catalog (red team 19)", () => {
  const rules = (text: string) => findings(text).map((f) => f.rule);
  it("checks the system an interception's actor uses, not what it shoots down or what fired at it", () => {
    expect(rules("Egypt's S-400 batteries shot down two drones over Sinai on Monday.")).toContain(
      "equipment-operator-check",
    );
    expect(rules("Ukraine shot down 30 Shahed drones overnight.")).not.toContain("equipment-operator-check");
    expect(
      rules(
        "Russia's defence ministry said its units shot down 14 rockets fired from RM-70 Vampire launchers.",
      ),
    ).not.toContain("equipment-operator-check");
  });
  it("checks the recipient of a delivery, in the sentence that names it", () => {
    expect(rules("Russia delivered Su-57 fighters to Venezuela last month.")).toContain(
      "delivery-recipient-check",
    );
    expect(rules("The United States delivered F-16 jets to Ukraine.")).not.toContain(
      "delivery-recipient-check",
    );
    // told by its recipient
    expect(rules("Venezuela also received Chinese J-20 stealth fighters in October.")).toContain(
      "delivery-recipient-check",
    );
    expect(rules("Poland received its first F-35 jets in 2024.")).not.toContain("delivery-recipient-check");
  });
  it("says when the text gives a system an origin that is neither its maker's nor an operator's", () => {
    expect(rules("India inducted the Chinese-made Rafale fighters on Monday.")).toContain("origin-check");
    expect(rules("Turkey deployed American-made S-400 batteries.")).toContain("origin-check");
    // licence-built by an operator, or made where the catalog says
    expect(rules("India's Indian-made Su-30MKI jets flew.")).not.toContain("origin-check");
    expect(rules("Ukraine used Turkish-made Bayraktar TB2 drones.")).not.toContain("origin-check");
  });
});
