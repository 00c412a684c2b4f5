// The start words read from each rule pattern are a necessary condition: wherever a pattern matches, its
// pre-test passes, and the matches found at the candidate word starts are the ones a global scan finds.
import { describe, expect, it } from "vitest";
import { loadFixtures } from "../eval/fixtures.js";
import { TRIGGER_SCAN } from "./events/event-stage.js";
import { CUE_SCAN } from "./events/factuality.js";
import { SOURCE_SCAN } from "./sources/attribution.js";
import { type PatternSet, startLiterals } from "./start-words.js";
import { tokenize } from "./tokens.js";

const SETS: Record<string, PatternSet> = {
  triggers: TRIGGER_SCAN,
  cues: CUE_SCAN,
  sources: SOURCE_SCAN,
};

/** Every fixture split into sentences, each also in upper case, and a few texts made to trip the scan. */
function texts(): string[] {
  const out: string[] = [];
  for (const f of loadFixtures()) {
    out.push(f.text);
    for (const s of tokenize(f.text).sentences) {
      const t = f.text.slice(s.start, s.end);
      out.push(t, t.toUpperCase());
    }
  }
  out.push(
    "The jets were ſhipped and Kept; a ſource said the army had moved troops to the border.",
    "_deployed 3deployed x-deployed re-deployed REDEPLOYED Deployments, U.S. officials said.",
    "İstanbul talks: the ministry's statement, seen by Reuters, was denied.",
    "",
  );
  return out;
}

function globalMatches(re: RegExp, text: string): Array<[number, string]> {
  const g = new RegExp(re.source, re.flags.includes("g") ? re.flags : `${re.flags}g`);
  const out: Array<[number, string]> = [];
  for (let m = g.exec(text); m; m = g.exec(text)) out.push([m.index, m[0]]);
  return out;
}

describe("start words", () => {
  it("reads the words a match can start with from the pattern", () => {
    expect(startLiterals(/\b(?:(?:re)?deploy(?:ed)?|mov(?:ed|es))\b/i)?.sort()).toEqual([
      "deploy",
      "moved",
      "moves",
      "redeploy",
    ]);
    expect(startLiterals(/\b(?:defen[cs]e|[Tt]he)\s+ministry/)?.sort()).toEqual([
      "defence",
      "defense",
      "the",
    ]);
    // cut at the first character that is not one fixed letter; a repeat ends the literal after one round
    expect(startLiterals(/\bwar\s?games?\b/i)).toEqual(["war"]);
    expect(startLiterals(/\b(?:ab)+c/i)).toEqual(["ab"]);
    expect(startLiterals(/\bmanufacturing\b/i)).toEqual(["manufact"]);
  });

  it("gives none when a match may start anywhere", () => {
    expect(startLiterals(/deploy/i)).toBeUndefined(); // no \b before it
    expect(startLiterals(/\b\p{Lu}\w+ said/u)).toBeUndefined();
    expect(startLiterals(/\b(?:\s+x|y)/)).toBeUndefined();
    expect(startLiterals(/\b(?:x|)y?/)).toBeUndefined(); // may match nothing
    expect(startLiterals(/\b-x/)).toBeUndefined(); // starts on a non-word character
  });

  const all = texts();
  for (const [name, set] of Object.entries(SETS)) {
    it(`${name}: the pre-test passes wherever a pattern matches, and the matches are the global scan's`, () => {
      const failures: string[] = [];
      for (const text of all) {
        const scan = set.scan(text);
        set.patterns.forEach((re, k) => {
          const want = globalMatches(re, text);
          if (want.length && !scan.may(k)) failures.push(`pre-test of ${re.source.slice(0, 40)} on ${text}`);
          const got = scan.matches(k).map((m) => [m.index, m[0]]);
          if (JSON.stringify(got) !== JSON.stringify(want))
            failures.push(`matches of ${re.source.slice(0, 40)} on ${text}`);
        });
      }
      expect(failures).toEqual([]);
    });
  }
});
