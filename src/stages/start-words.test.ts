// The start words read from each rule pattern are a necessary condition: wherever a pattern matches, its
// pre-test passes, and the matches found at the candidate word starts are the ones a global scan finds.
import { describe, expect, it } from "vitest";
import { loadFixtures } from "../eval/fixtures.js";
import { RULE_SCAN } from "./rule-scan.js";
import { startLiterals } from "./start-words.js";
import { tokenize } from "./tokens.js";

/** Texts with their sentences: every fixture, each also in upper case, and a few made to trip the scan. */
function documents(): Array<{ text: string; sentences: Array<{ start: number; end: number }> }> {
  const texts = loadFixtures().flatMap((f) => [f.text, f.text.toUpperCase()]);
  texts.push(
    "The jets were ſhipped and Kept; a ſource said the army had moved troops to the border.",
    "_deployed 3deployed x-deployed re-deployed REDEPLOYED Deployments, U.S. officials said.",
    "İstanbul talks: the ministry's statement, seen by Reuters, was denied.",
  );
  const docs = texts.map((text) => ({ text, sentences: tokenize(text).sentences }));
  // a sentence that begins inside a word of the document: its first word starts there all the same
  const glued = "Xdeployed troops. Yattacked it; zwarned";
  docs.push({
    text: glued,
    sentences: [
      { start: 1, end: 17 },
      { start: 19, end: 32 },
      { start: 34, end: glued.length },
    ],
  });
  return docs;
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

  const docs = documents();
  it("the pre-test passes wherever a pattern matches, and the matches are the global scan's", () => {
    const failures: string[] = [];
    const check = (scan: ReturnType<typeof RULE_SCAN.scan>, text: string, how: string) =>
      RULE_SCAN.patterns.forEach((re, k) => {
        const want = globalMatches(re, text);
        if (want.length && !scan.may(k))
          failures.push(`${how}: pre-test of ${re.source.slice(0, 40)} on ${text}`);
        const got = scan.matches(k).map((m) => [m.index, m[0]]);
        if (JSON.stringify(got) !== JSON.stringify(want))
          failures.push(`${how}: matches of ${re.source.slice(0, 40)} on ${text}`);
      });
    for (const doc of docs) {
      check(RULE_SCAN.scan(doc.text), doc.text, "document");
      const whole = RULE_SCAN.scan(doc.text);
      for (const s of doc.sentences) {
        const text = doc.text.slice(s.start, s.end);
        check(RULE_SCAN.scan(text), text, "sentence");
        check(whole.within(s.start, s.end), text, "sentence of the document");
      }
    }
    expect(failures).toEqual([]);
  });
});
