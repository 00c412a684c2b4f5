// "the Ukrainian capital", "Syria's capital": a capital named by its country, with negative cases.
import { describe, expect, it } from "vitest";
import { entityFor, mentionsOf, run } from "../../../test/helpers.js";

const capital = (text: string) =>
  mentionsOf(run(text), "place").find((m) =>
    m.evidence.some((e) => e.rule === "capital-named-by-its-country"),
  );

describe("a capital named by its country", () => {
  it.each([
    ["Missiles struck the Ukrainian capital on Monday.", "Ukrainian capital", "Kyiv"],
    ["Protests spread in Syria's capital overnight.", "Syria's capital", "Damascus"],
    ["Diplomats left the Russian Embassy in the U.S. capital on Sunday.", "U.S. capital", "Washington, D.C."],
    ["Kyiv, the Ukrainian capital, was dark.", "Ukrainian capital", "Kyiv"],
  ])("%s", (text, span, city) => {
    const m = capital(text);
    expect(m?.text).toBe(span);
    expect(m?.entity.name).toBe(city);
  });
  it("keeps the country's own mention", () => {
    const a = run("Missiles struck the Ukrainian capital on Monday.");
    expect(entityFor(a, "Ukrainian")?.name).toBe("Ukraine");
  });
  it("places the event there", () => {
    const a = run("Russian missiles struck the Ukrainian capital on Monday, officials said.");
    const kyiv = a.entities.find((e) => e.name === "Kyiv");
    expect(a.events[0]?.places).toContain(kyiv?.id);
  });
  it.each([
    "Chinese capital poured into the port.",
    "The Russian capital markets fell on Monday.",
    "Investors pulled Chinese capital out of the fund.",
  ])("is not money: %s", (text) => {
    expect(capital(text)).toBeUndefined();
  });
});
