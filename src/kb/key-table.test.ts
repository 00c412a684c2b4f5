// The key table answers exactly what Kb.probe() and Kb.refsOf() answer for the key a span would build:
// on every span the matcher can try in the fixtures (whole, and less a final character as for plurals),
// and on random sequences of norms drawn from the index's own keys (so that hits and hash neighbours occur).
import { describe, expect, it } from "vitest";
import { kb } from "../../test/helpers.js";
import { loadFixtures } from "../eval/fixtures.js";
import { tokenize } from "../stages/tokens.js";
import { PROBE_KEY } from "./kb.js";
import { hashKey, KEY_HASH_START } from "./key-filter.js";
import { bitsOf, entryOf, KeyTable, type Normed } from "./key-table.js";

/** Every span of up to 8 parts from each start: the table's answer against the old lookup by string. */
function compare(parts: Normed[]): { tried: number; found: number; mismatches: string[] } {
  const table = kb.keyTable();
  const mismatches: string[] = [];
  let tried = 0;
  let found = 0;
  for (let i = 0; i < parts.length; i++) {
    let key = "";
    let hash = KEY_HASH_START;
    for (let j = i; j < Math.min(parts.length, i + 8); j++) {
      const norm = parts[j]!.norm;
      // less the final character, as pluralOf asks
      if (norm.length > 0) {
        const cut = key + norm.slice(0, -1);
        const bits = bitsOf(table.find(hashKey(hash, norm, norm.length - 1), cut.length, parts, i, j, 1));
        if (bits !== kb.probe(cut)) mismatches.push(`${cut} (cut)`);
      }
      key += norm;
      hash = hashKey(hash, norm);
      const f = table.find(hash, key.length, parts, i, j);
      const bits = bitsOf(f);
      if (f >= 0 && bits !== table.bits[entryOf(f)]) mismatches.push(`${key} (bits)`);
      tried++;
      if (bits !== kb.probe(key)) mismatches.push(key);
      if (bits & PROBE_KEY) {
        found++;
        if (kb.refsAt(table.keyPos[entryOf(f)]!) !== kb.refsOf(key)) mismatches.push(`${key} (refs)`);
      }
    }
  }
  return { tried, found, mismatches };
}

describe("KeyTable", () => {
  it("finds exactly the keys and prefixes Kb.probe() finds, on every fixture span", () => {
    let found = 0;
    for (const { text } of loadFixtures()) {
      const r = compare(tokenize(text).tokens);
      expect(r.mismatches).toEqual([]);
      found += r.found;
    }
    expect(found).toBeGreaterThan(1000);
  });

  it("finds exactly what Kb.probe() finds on random sequences of parts of keys", () => {
    const table = kb.keyTable();
    let seed = 12345;
    const random = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed % n;
    };
    const parts: Normed[] = [];
    for (let k = 0; k < 20000; k++) {
      const s = table.strings[random(table.strings.length)]!;
      // a whole key, or a piece of one (so that joined pieces spell keys split anywhere)
      const a = random(2) ? 0 : random(s.length);
      const b = random(2) ? s.length : a + random(s.length - a + 1);
      parts.push({ norm: s.slice(a, b) });
    }
    const r = compare(parts);
    expect(r.mismatches).toEqual([]);
    expect(r.found).toBeGreaterThan(1000);
  });

  it("builds from keys and prefixes, a string that is both having both bits", () => {
    const t = new KeyTable(
      new Map([
        ["us", 0],
        ["usnavy", 1],
      ]),
      new Set(["us", "s"]),
      1,
      2,
    );
    const at = (...norms: string[]) => {
      const parts = norms.map((norm) => ({ norm }));
      let h = KEY_HASH_START;
      for (const n of norms) h = hashKey(h, n);
      return bitsOf(t.find(h, norms.join("").length, parts, 0, parts.length - 1));
    };
    expect(at("us")).toBe(3);
    expect(at("us", "navy")).toBe(1);
    expect(at("usn", "avy")).toBe(1);
    expect(at("s")).toBe(2);
    expect(at("army")).toBe(0);
  });
});
