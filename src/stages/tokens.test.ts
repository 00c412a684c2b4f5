// Sentence breaks: where a full stop ends a sentence and where it does not.
import { describe, expect, it } from "vitest";
import { tokenize } from "./tokens.js";

const sentences = (text: string) => tokenize(text).sentences.map((s) => text.slice(s.start, s.end));

describe("sentence breaks", () => {
  it("breaks after a full stop before a capitalised word", () => {
    expect(sentences("Troops moved. Ships followed")).toEqual(["Troops moved.", "Ships followed"]);
  });
  it("does not break before a lower-case word ('6 a.m. on Thursday')", () => {
    expect(sentences("Drones were downed by 6 a.m. on Thursday")).toEqual([
      "Drones were downed by 6 a.m. on Thursday",
    ]);
    expect(sentences("He left at 6 p.m. The army arrived")).toEqual([
      "He left at 6 p.m.",
      "The army arrived",
    ]);
  });
  it("does not break after an abbreviation before a name", () => {
    expect(sentences("The U.S. Navy and Gen. Smith met on Oct. 5 in Norfolk")).toHaveLength(1);
  });
  it("does not break at a full stop followed by a comma", () => {
    expect(
      sentences("The homes are at 8024 Turtle Creek Cir., Gainesville. Prices start at $500,000"),
    ).toEqual(["The homes are at 8024 Turtle Creek Cir., Gainesville.", "Prices start at $500,000"]);
    expect(sentences("Acme Corp., which builds drones, said so")).toHaveLength(1);
  });
  it("does not break after a middle initial", () => {
    expect(sentences("The USS Gerald R. Ford sailed east")).toHaveLength(1);
    expect(sentences("He met John F. Kennedy's aides")).toHaveLength(1);
  });
  it("breaks after a capital letter that follows no name", () => {
    expect(sentences("It scored a grade of A. Troops moved")).toEqual([
      "It scored a grade of A.",
      "Troops moved",
    ]);
    expect(sentences("Ships reached the zone at 9 A. The rest followed")).toHaveLength(2);
  });
  it("reads a capital letter after a name as an initial, the rarer 'Team X.' at a sentence's end too", () => {
    expect(sentences("The unit is called Team X. Troops moved")).toHaveLength(1);
  });
  it("breaks at a blank line", () => {
    expect(sentences("A headline\n\nThe story begins here")).toEqual(["A headline", "The story begins here"]);
  });
});
