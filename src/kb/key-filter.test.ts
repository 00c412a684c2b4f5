// The key filter may let through a string that is not in the index, never rule out one that is: every
// span the matcher can try in the fixtures, hashed part by part as the matcher hashes it, is checked
// against Kb.probe().
import { describe, expect, it } from "vitest";
import { kb } from "../../test/helpers.js";
import { loadFixtures } from "../eval/fixtures.js";
import { tokenize } from "../stages/tokens.js";
import { hashKey, KEY_HASH_START, KeyFilter } from "./key-filter.js";
import { RefKind, readInLowerCase } from "./types.js";

describe("KeyFilter", () => {
  it("never rules out a key or a prefix of the name index", () => {
    const filter = kb.keyFilter();
    const missed: string[] = [];
    let keys = 0;
    let ruledOut = 0;
    for (const { text } of loadFixtures()) {
      const { tokens } = tokenize(text);
      for (let i = 0; i < tokens.length; i++) {
        let key = "";
        let hash = KEY_HASH_START;
        for (let j = i; j < Math.min(tokens.length, i + 8); j++) {
          key += tokens[j]!.norm;
          hash = hashKey(hash, tokens[j]!.norm);
          const probe = kb.probe(key);
          if (probe !== 0) keys++;
          if (!filter.mayHave(hash)) {
            ruledOut++;
            if (probe !== 0) missed.push(key);
          }
        }
      }
    }
    expect(missed).toEqual([]);
    expect(keys).toBeGreaterThan(1000);
    expect(ruledOut).toBeGreaterThan(keys); // and it does rule out most other spans
  });

  it("the lower-case filter keeps every key a span starting in lower case may be read as, and rules out most such spans", () => {
    const filter = kb.lowerCaseFilter();
    const missed: string[] = [];
    let lowerKeys = 0;
    let ruledOut = 0;
    let keysOrPrefixes = 0;
    const texts = [
      ...loadFixtures().map((f) => f.text),
      "troops with s-300pmu-2 batteries, su-27 jets, t-72b3m tanks and attack drones moved to al-Tanf",
    ];
    for (const text of texts) {
      const { tokens } = tokenize(text);
      for (let i = 0; i < tokens.length; i++) {
        if (!/^[a-z]/.test(tokens[i]!.text)) continue;
        let key = "";
        let hash = KEY_HASH_START;
        const passed: boolean[] = [];
        for (let j = i; j < Math.min(tokens.length, i + 8); j++) {
          key += tokens[j]!.norm;
          hash = hashKey(hash, tokens[j]!.norm);
          passed.push(filter.mayHave(hash));
          if (kb.probe(key) === 0) continue;
          keysOrPrefixes++;
          if (!filter.mayHave(hash)) ruledOut++;
          // a key read in lower case: it and every span the matcher extended through to it pass
          if (kb.lookup(key).some((r) => readInLowerCase(RefKind[r.kind], r.surface, r.flags))) {
            lowerKeys++;
            if (passed.includes(false)) missed.push(key);
          }
        }
      }
    }
    expect(missed).toEqual([]);
    expect(lowerKeys).toBeGreaterThan(100);
    // most lower-case words that are keys or prefixes ("said", "the") are names read only capitalised (the
    // others open a class of equipment, "air defence", or a designator, "a" of "A-50" and "s" of "S-300")
    expect(ruledOut).toBeGreaterThan(0.5 * keysOrPrefixes);
  });

  it("hashes a string the same whole or in parts", () => {
    const filter = new KeyFilter([["newyork", "s400", "zürich"]]);
    expect(filter.mayHave(hashKey(hashKey(KEY_HASH_START, "new"), "york"))).toBe(true);
    expect(filter.mayHave(hashKey(KEY_HASH_START, "s400x", 4))).toBe(true);
    expect(filter.mayHave(hashKey(hashKey(KEY_HASH_START, "zü"), "rich"))).toBe(true);
  });
});
