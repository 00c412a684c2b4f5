// What kind of actor a description names, and a country's actor of that kind.
import { describe, expect, it } from "vitest";
import { kb } from "../../test/helpers.js";
import { countryActorOfKind, describes } from "./actor-kinds.js";

const gov = (name: string) => ({ type: "government", name });

describe("a ministry of a kind", () => {
  it.each([
    ["defence ministry", "Ministry of Defence of Kenya"],
    ["defence ministry", "U.S. Department of Defense"],
    ["defence ministry", "Department of National Defence"],
    ["defence ministry", "Ministry of the Armed Forces"],
    ["foreign ministry", "Ministry of Foreign Affairs of Ukraine"],
    ["foreign ministry", "U.S. Department of State"],
    ["foreign ministry", "Federal Foreign Office"],
    ["foreign ministry", "Foreign, Commonwealth and Development Office"],
    ["foreign ministry", "Ministry of External Affairs"],
    ["foreign ministry", "Global Affairs Canada"],
    ["interior ministry", "Ministry of Internal Affairs of Russia"],
    ["ministry", "Ministry of Emergency Situations of Russia"],
  ])("'the %s' may name the %s", (kind, name) => {
    expect(describes(kind, gov(name))).toBe(true);
  });
  it.each([
    ["foreign ministry", "Office of Foreign Assets Control"],
    ["foreign ministry", "Ministry of Defence of Kenya"],
    ["defence ministry", "Defense Intelligence Agency"],
    ["defence ministry", "U.S. Department of State"],
    ["ministry", "U.S. Department of State"],
  ])("'the %s' does not name the %s", (kind, name) => {
    expect(describes(kind, gov(name))).toBe(false);
  });
  it("is a body of government, not an armed force named so", () => {
    expect(describes("defence ministry", { type: "military", name: "Ministry of Defence Police" })).toBe(
      false,
    );
  });
});

describe("a country's actor of a kind", () => {
  it.each([
    ["US", "defence ministry", "us-dod"],
    ["US", "foreign ministry", "us-state-department"],
    ["FR", "defence ministry", "fr-mod"],
    ["GB", "foreign ministry", "gb-fcdo"],
    ["DE", "foreign ministry", "de-aa"],
    ["RU", "interior ministry", "ru-mvd"],
  ])("%s's %s is %s", (cc, kind, id) => {
    expect(countryActorOfKind(kb, cc, kind)?.id).toBe(id);
  });
  it("is none where the knowledge base has none, never another country's", () => {
    expect(countryActorOfKind(kb, "FJ", "defence ministry")).toBeUndefined();
  });
});
