// "post-apartheid SA": initials standing for a country or state the story names in full.
import { describe, expect, it } from "vitest";
import { mentionsOf, run } from "../../../test/helpers.js";
import { initialsOf } from "./initials.js";

const byInitials = (text: string) =>
  mentionsOf(run(text))
    .filter((m) => m.evidence?.some((e) => e.rule === "initials-of-named-place"))
    .map((m) => [m.text, m.entity.kind === "place" ? m.entity.countryCode : undefined, m.entity.name]);

describe("initials of a named place", () => {
  it("takes the initials of a name's capitalised words, skipping 'and', 'of', 'the'", () => {
    expect(initialsOf("Papua New Guinea")).toBe("PNG");
    expect(initialsOf("South Africans")).toBe("SA");
    expect(initialsOf("Bosnia and Herzegovina")).toBe("BH");
    expect(initialsOf("Democratic Republic of the Congo")).toBe("DRC");
    expect(initialsOf("Kenya")).toBeUndefined();
    expect(initialsOf("the south of France")).toBeUndefined();
  });

  it("reads initials as the country or state the story names with those initials", () => {
    expect(
      byInitials(
        "Mining affects millions of South Africans. That SA holds huge platinum reserves is no secret. Chiefs in SA have grown rich.",
      ),
    ).toEqual([
      ["SA", "ZA", "South Africa"],
      ["SA", "ZA", "South Africa"],
    ]);
    expect(
      byInitials("Sao Tome and Principe held elections on Saturday. Voters across STP queued for hours."),
    ).toEqual([["STP", "ST", "São Tomé and Príncipe"]]);
  });

  it("reads nothing when the story names no such place, or two places with the same initials", () => {
    expect(byInitials("Chiefs in SA have grown rich, the report said.")).toEqual([]);
    expect(
      byInitials("Saudi Arabia and South Africa signed a deal. Officials in SA welcomed it on Monday."),
    ).toEqual([]);
  });

  it("reads initials the KB knows only as an organisation's as the named country, unless the story spells it out", () => {
    expect(
      byInitials(
        "Rebels seized the town of Bria in the Central African Republic. Russian instructors have been in the CAR since 2018.",
      ),
    ).toEqual([["CAR", "CF", "Central African Republic"]]);
    const actors = (text: string) =>
      run(text)
        .entities.filter((e) => e.kind === "actor")
        .map((e) => e.name);
    // the organisation spelled out: its initials stay its own
    const spelled =
      "Conflict Armament Research (CAR) traced the rifles seized in the Central African Republic. CAR said the serial numbers had been filed off.";
    expect(byInitials(spelled)).toEqual([]);
    expect(actors(spelled)).toContain("Conflict Armament Research");
    // no such country named: the organisation
    expect(actors("CAR said the serial numbers on the rifles had been filed off.")).toContain(
      "Conflict Armament Research",
    );
  });

  it("leaves initials that end a name: a company's legal form after its name", () => {
    expect(byInitials("South Africa's regulator fined Renault SA and Acme SA on Monday.")).toEqual([]);
  });
});

describe("country abbreviations the gazetteer lacks", () => {
  it("reads NZ as New Zealand and KSA as Saudi Arabia", () => {
    const a = run("NZ and the KSA signed a trade deal in Riyadh on Monday.");
    const names = a.entities.filter((e) => e.kind === "place" || e.kind === "actor").map((e) => e.name);
    expect(names).toContain("New Zealand");
    expect(names).toContain("Saudi Arabia");
    expect(names).not.toContain("Nukunonu");
  });
});

describe("the North and the South of a divided country the story names", () => {
  const halves = (text: string) =>
    run(text).entities.flatMap((e) =>
      e.mentions
        .filter((m) => m.evidence.some((x) => x.rule === "half-of-named-country"))
        .map((m) => `${m.text}:${e.kind === "place" ? e.countryCode : ""}`),
    );
  it("reads 'the North' and 'the South' as North and South Korea in a story naming them", () => {
    expect(
      halves(
        "North Korea fired a missile, South Korea said. It was the North's first test since October, the South said.",
      ),
    ).toEqual(["North:KP", "South:KR"]);
    // the South's half only where South Korea is named
    expect(halves("North Korea fired a missile. It was the North's first test, the South said.")).toEqual([
      "North:KP",
    ]);
  });
  it("reads neither without the country named, nor before a capitalised word", () => {
    expect(halves("Storms hit the North on Thursday.")).toEqual([]);
    expect(halves("North Korea sent ships into the North Sea.")).toEqual([]);
  });
});
