// The key filter may let through a string that is not in the index, never rule out one that is: every
// span the matcher can try in the fixtures, hashed part by part as the matcher hashes it, is checked
// against Kb.probe().
import { describe, expect, it } from "vitest";
import { kb } from "../../test/helpers.js";
import { loadFixtures } from "../eval/fixtures.js";
import { tokenize } from "../stages/tokens.js";
import { hashKey, KEY_HASH_START, KeyFilter } from "./key-filter.js";

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

  it("hashes a string the same whole or in parts", () => {
    const filter = new KeyFilter(["newyork", "s400", "zürich"]);
    expect(filter.mayHave(hashKey(hashKey(KEY_HASH_START, "new"), "york"))).toBe(true);
    expect(filter.mayHave(hashKey(KEY_HASH_START, "s400x", 4))).toBe(true);
    expect(filter.mayHave(hashKey(hashKey(KEY_HASH_START, "zü"), "rich"))).toBe(true);
  });
});
