// Near-duplicates: copies of one wire story are one story, however each outlet titles, trims or wraps it.
import { describe, expect, it } from "vitest";
import { containment, minhash, sameStory, similarity } from "./minhash.js";

const wire =
  "KYIV (Reuters) - Russia launched 12 Kalibr cruise missiles at the port of Odesa on Tuesday, Ukraine's navy said. Ukrainian air defences shot down eight of the missiles, the navy said in a statement. Russia's defence ministry said its forces had struck military targets in the region. Reuters could not independently verify the claims.";

describe("one story in several copies", () => {
  it("joins a copy wrapped in an outlet's own intro and trailer, by containment", () => {
    const wrapped = `Odesa has been a frequent target this year, and residents say the port has been hit a dozen times since the spring. Local residents reported loud explosions near the port before dawn. ${wire} The port's grain terminals were not damaged, the regional governor said later.`;
    const a = minhash(wire);
    const b = minhash(wrapped);
    expect(similarity(a, b)).toBeLessThan(0.75);
    expect(containment(a, b)).toBeGreaterThan(0.75);
    expect(sameStory(a, b).same).toBe(true);
  });
  it("joins a copy with its date and spelling changed", () => {
    const edited = wire.replace("on Tuesday", "on Nov. 17").replace("defences", "defenses");
    expect(sameStory(minhash(wire), minhash(edited)).same).toBe(true);
  });
  it("keeps an independent report of the same event, and a short text, apart", () => {
    const own =
      "Ukraine's navy said Russian forces fired a dozen Kalibr cruise missiles at Odesa port on Tuesday, and that air defences intercepted eight of them over the Black Sea coast. The navy gave no details of the damage.";
    expect(sameStory(minhash(wire), minhash(own)).same).toBe(false);
    // too few shingles to tell containment from chance
    expect(containment(minhash("Russia fired missiles at Odesa on Tuesday."), minhash(wire))).toBeUndefined();
  });
  it("reads a signature stored without its size (an older store) by similarity alone", () => {
    const old = minhash(wire).slice(0, 64);
    expect(containment(old, minhash(wire))).toBeUndefined();
    expect(sameStory(old, minhash(wire)).same).toBe(true);
  });
});
