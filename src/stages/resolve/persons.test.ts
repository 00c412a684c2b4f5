// People named with their title whom the knowledge base does not list: kept as persons, with title and
// country, and their surname's later mentions; and what is not such a name.
import { describe, expect, it } from "vitest";
import { run } from "../../../test/helpers.js";
import type { ActorEntity, Analysis } from "../../core/analysis.js";

/** The persons without a knowledge-base id, as "name [title, country]: mention texts". */
function persons(a: Analysis): string[] {
  return a.entities
    .filter((e): e is ActorEntity => e.kind === "actor" && e.type === "person" && !e.kbId)
    .map(
      (e) => `${e.name} [${e.title}, ${e.countryCode ?? "-"}]: ${e.mentions.map((m) => m.text).join(" | ")}`,
    );
}

describe("titled names the knowledge base lacks", () => {
  it.each([
    [
      "Greek Prime Minister Kyriakos Mitsotakis met reporters.",
      ["Kyriakos Mitsotakis [Prime Minister, GR]: Kyriakos Mitsotakis"],
    ],
    [
      "Russia's Deputy Defence Minister Ivan Petrov visited the plant.",
      ["Ivan Petrov [Deputy Defence Minister, RU]: Ivan Petrov"],
    ],
    ["Troops moved, said Lt. Gen. Ivan Petrenko on Monday.", ["Ivan Petrenko [Lt. Gen, -]: Ivan Petrenko"]],
    [
      "Secretary General Marek Novak said allies would respond.",
      ["Marek Novak [Secretary General, -]: Marek Novak"],
    ],
    ["The ministry's spokesman Oleh Demchenko denied it.", ["Oleh Demchenko [spokesman, -]: Oleh Demchenko"]],
    [
      "Crown Prince Khalid bin Nasser hosted the talks.",
      ["Khalid bin Nasser [Crown Prince, -]: Khalid bin Nasser"],
    ],
  ])("%s", (text, expected) => {
    expect(persons(run(text))).toEqual(expected);
  });

  it("reads the surname alone later in the story as the same person", () => {
    const a = run(
      "President Nikos Christodoulides is due to meet Greek Prime Minister Kyriakos Mitsotakis on Monday. Christodoulides said the talks would cover air defence.",
    );
    expect(persons(a)).toEqual([
      "Nikos Christodoulides [President, -]: Nikos Christodoulides | Christodoulides",
      "Kyriakos Mitsotakis [Prime Minister, GR]: Kyriakos Mitsotakis",
    ]);
  });

  it("makes the person the actor of what they do", () => {
    const a = run("Gen. Christopher Cavoli visited Tallinn on Monday.");
    const visit = a.events.find((e) => e.type === "diplomatic-meeting");
    const actor = a.entities.find((e) => e.id === visit?.actors[0]);
    expect(actor?.name).toBe("Christopher Cavoli");
  });

  it.each([
    // a person the knowledge base knows stays that entry
    "President Putin said the talks were useful.",
    // a company, a title without a name, a title before "of", a month
    "General Dynamics won the contract.",
    "The President said the talks were useful.",
    "The Minister of Defence signed the order.",
    "The general moved his staff to the front.",
    "President Macron spoke in March. Major March began.",
    // a lower-case word a title may be, before a capital that opens no name
    "A major Russian offensive began.",
  ])("finds no new person in: %s", (text) => {
    expect(persons(run(text))).toEqual([]);
  });

  it("does not take a surname inside a longer name for the person", () => {
    const a = run("Mayor Jeremiah Manele opened the market. Manele Street was closed.");
    expect(persons(a)).toEqual(["Jeremiah Manele [Mayor, -]: Jeremiah Manele"]);
  });
});
