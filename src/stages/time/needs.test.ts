// The needs that let the time stage skip a pattern must be necessary: wherever a pattern matches, its needs
// are met. Checked on every match in every fixture sentence and article, and on sentences written to match.
import * as chrono from "chrono-node";
import { describe, expect, it } from "vitest";
import { randomText, seededRandom } from "../../../test/random.js";
import { loadFixtures } from "../../eval/fixtures.js";
import { tokenize } from "../tokens.js";
import { EXTRA_RULES } from "./extra-parsers.js";
import { type Anchored, type Need, NeedFinder, WordFinder } from "./needs.js";
import { DATE_PARSER_NEEDS, DATE_PARSERS_USED, ruleMatches } from "./time-stage.js";

/** Sentences that match the rarer patterns, so none is checked on nothing. */
const WRITTEN = [
  "The base was built in the 1970s and rebuilt in the 2000s.",
  "Troops have been stationed there since the 1990s, and since the early 2000s near the border.",
  "Deliveries rose since the start of the year, and since the beginning of this year output doubled.",
  "Deliveries slipped to early 2024, then to mid-2025 and late in 2026.",
  "Missiles have been used since the end of 2023 and the turn of 2024.",
  "Deliveries are due between 2026 and 2028, from 2019 to 2021.",
  "The plant opened in the spring of 2024; output rose in Q3 2025 and in the second half of 2025.",
  "Patrols have doubled since March and since early May 2024.",
  "Russia launched 60 drones OVERNIGHT.",
  "After a 2020 crisis, the 2014 annexation.",
  "Patrols have continued since 2022, in 2021 and by 2030.",
  "By the end of the year, at the start of this month.",
  "Over the past two weeks, in the last 10 days, within the previous three months.",
  "Earlier this week, later this month, next year, last week.",
  "On 2024-05-06, on 2024/05/06, on 5/6/2024 and 12.3.2024, on 2024-05-06T10:00:00Z.",
  "On 2024 March 5, on 2024 Jan. 6, on 2024-sept-7, on 2024.05.06 and on 2024\t5 7.",
  "On the 5th of October, on October 5th, 2024, on Oct. 5 and on 5 Oct to 7 Oct.",
  "On Sunday, last weekend, this Thurs., on the weekday.",
  "Three days ago, two weeks earlier, a few months before.",
  "In 2024 March, 2025 of June.",
  "Today, tonight, tomorrow, yesterday, last night, now, tmrw.",
  "In March, in September 2024, Sept. 2025.",
  "In the '90s and the 80s, the ’70s, the 2023-24 season, 2014\u20132016, 2019/20, a decade ago, two decades ago, last summer, this winter.",
  "Between January and March 2024, from September to November last year, March-May 2025, December\u2013February 2026.",
  "On the night of May 19/20, on March 3/4, 2024, over 19 / 20 May 2024 and 30/31 December.",
  "On the twenty-first of May, on March thirteenth, on the thirtieth of June, the first of July, August twenty second.",
  "It happened this morning, this\tafternoon and THIS  evening; in mid-October, early March 2024 and late in May.",
  // runs of white space between a rule's lead words and the words it is found by
  "It was moved before   the 12th, and since \n the 3rd of this month; in  the  last \t week of October and the \n first week of March.",
  "It began on the 12th, went on until the 3rd and after\nthe  31st when, since the 5th of this month.",
  "Late last month, early this year, mid-next month and EARLY\tTHIS  month.",
  "On Christmas Day, Christmas  Eve, New Year's Eve, New Years Day, New Year’s\nDay and Boxing Day.",
  "On Orthodox Christmas, Orthodox Christmas Eve, Victory Day, Thanksgiving and Thanksgiving  Day.",
  "On Oct. 5 and 6, on Sept 12 and 13, on October 5 and 6 in the Baltic, on 5 and 6 October and 30 and 31 May.",
  "In the spring, during the\twinter, in the last week of October, the first  week of March 2025, in July last year, March of next\nyear.",
  "On the night of Saturday to Sunday, the night of Friday into Saturday, over the past 48 hours.",
  "Between Friday and Sunday, from Monday to\tWednesday, from SATURDAY till  Monday, on Tuesday last week, Friday of last\nweek.",
  "A fortnight ago, two  fortnights ago, it will come in two years or in 18 months.",
  "Over the past fortnight, in the last\tfortnight; in '22, since ’14 and by '99.",
  "In Q3, during the first half of the year, by the fourth  quarter, in recent days, over the past few weeks, in the coming\tmonths, within two weeks, within a day.",
  "In FY2026, FY 26, FY-2027, FY'27, fiscal 2027, Fiscal Year 2025, FY2025-26, the 2025/26 fiscal year and fiscal-year 2024.",
  // words glued to a weekday's or a month's name, as chrono-node's patterns allow
  "It came onFriday, Tuesdaythis week, Sundaylast week, Fridayof last week, on(Monday), the fifthof May, the 5thMay, 5May 2024, May2024, Mayfirst, inMay, 2024 ADMay, 2024May and Octoberthirtieth.",
  // white space other than one space between the words
  "After the\n2014 annexation, in\t2021, since  2022, between\n2026 and 2028, the end of\u00a02023.",
  "By the end\nof  the year, this\u00a0week, over the\tpast two\ndays, early\n2024.",
];

function sentencesOf(text: string): string[] {
  return [text, ...tokenize(text).sentences.map((s) => text.slice(s.start, s.end))];
}

const TEXTS = [...loadFixtures().flatMap((f) => sentencesOf(f.text)), ...WRITTEN.flatMap(sentencesOf)];

/** For every match of the pattern in the texts: the needs hold on the match itself and on its sentence. */
function check(pattern: RegExp, needs: readonly Need[]): { matches: number; missed: string[] } {
  const finder = new NeedFinder(needs);
  const re = new RegExp(pattern.source, pattern.flags.includes("g") ? pattern.flags : `${pattern.flags}g`);
  const missed: string[] = [];
  let matches = 0;
  for (const text of TEXTS) {
    re.lastIndex = 0;
    let any = false;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0] === "") {
        re.lastIndex++;
        continue;
      }
      any = true;
      matches++;
      if (!finder.tester(m[0]).all(needs)) missed.push(m[0]);
    }
    if (any && !finder.tester(text).all(needs)) missed.push(text);
  }
  return { matches, missed };
}

describe("needs of our rules", () => {
  it.each(EXTRA_RULES.map((r) => [r.id, r] as const))("%s: met wherever the rule matches", (_, rule) => {
    const { matches, missed } = check(rule.pattern, rule.needs);
    expect(missed).toEqual([]);
    expect(matches).toBeGreaterThan(0);
  });
});

describe("rules tried only near their words (lead)", () => {
  const leading = EXTRA_RULES.filter((r) => r.lead !== undefined);
  const finder = new NeedFinder(EXTRA_RULES.flatMap((r) => r.needs));
  /** [index, text] of each match as the rule's global regex finds them over the whole text */
  const scanned = (pattern: RegExp, text: string) => [...text.matchAll(pattern)].map((m) => [m.index, m[0]]);
  const tried = (rule: (typeof EXTRA_RULES)[number], text: string) => {
    const needs = finder.tester(text, true);
    return needs.all(rule.needs) ? ruleMatches(rule, text, needs).map((m) => [m.index, m[0]]) : [];
  };
  // words of the rules, white space and what may come between, put together at random
  const pieces = [
    ..."in by of the a its their since from between and to year this last next past earlier later coming week month early mid late overnight March May morning evening".split(
      " ",
    ),
    ..."Oct. October two years months".split(" "),
    ..."2024 1990 20 19 202 5 12 - -in ( Q . ,".split(" "),
    ..."before on after until 12th 3rd 21st first second final".split(" "),
    ..." \n\t\u00a0x".split(""),
  ];
  const random = seededRandom(11);
  const RANDOM: string[] = [];
  for (let n = 0; n < 20000; n++) {
    let text = "";
    const length = Math.floor(random() * 10);
    for (let i = 0; i < length; i++) {
      const piece = pieces[Math.floor(random() * pieces.length)]!;
      text += random() < 0.3 ? piece.toUpperCase() : piece;
      if (random() < 0.6) text += " ";
    }
    RANDOM.push(text);
  }

  it.each(leading.map((r) => [r.id, r] as const))(
    "%s: the same matches as over the whole text, on the fixtures and on random texts",
    (_, rule) => {
      let matches = 0;
      for (const text of [...TEXTS, ...RANDOM]) {
        const expected = scanned(rule.pattern, text);
        matches += expected.length;
        expect(tried(rule, text), JSON.stringify(text)).toEqual(expected);
      }
      expect(matches).toBeGreaterThan(0);
    },
  );
});

describe("needs of chrono-node's parsers", () => {
  const context = new chrono.ParsingContext("", new Date(Date.UTC(2025, 9, 7, 12)), {});
  it("cover every parser the stage uses", () => {
    expect(DATE_PARSERS_USED.map((p) => p.constructor.name).sort()).toEqual(
      Object.keys(DATE_PARSER_NEEDS).sort(),
    );
  });
  it.each(DATE_PARSERS_USED.map((p) => [p.constructor.name, p] as const))(
    "%s: met wherever the parser's pattern matches",
    (name, parser) => {
      const { matches, missed } = check(parser.pattern(context), DATE_PARSER_NEEDS[name]!);
      expect(missed).toEqual([]);
      expect(matches).toBeGreaterThan(0);
    },
  );
});

describe("anchored needs", () => {
  const anchored = [
    ...new Set(
      [...Object.values(DATE_PARSER_NEEDS), ...EXTRA_RULES.map((r) => r.needs)].flatMap((needs) =>
        needs.filter((n) => "pattern" in n),
      ),
    ),
  ] as Anchored[];
  it("are some of the parsers' and the rules' needs", () => expect(anchored.length).toBeGreaterThan(1));
  // words, what may stand against them, and other characters, put together at random
  const pieces = [
    ..."january sept May mon Monday TUES Thursday weekend weekday week sun Sunday sat fri".split(" "),
    ..."on this last in of st th ad fi ni te 5 2024 1920 _ x é year YEAR".split(" "),
    ..." \n-/".split(""),
  ];
  const random = seededRandom(17);
  const RANDOM = Array.from({ length: 20000 }, () => randomText(random, pieces, 6));
  it.each(anchored.map((n) => [String(n.pattern).slice(0, 40), n] as const))(
    "%s: met exactly where its pattern matches, on the fixtures and on random texts",
    (_, need) => {
      const finder = new NeedFinder([need]);
      let met = 0;
      for (const text of [...TEXTS, ...RANDOM]) {
        const ok = finder.tester(text).all([need]);
        if (ok) met++;
        expect([text, ok]).toEqual([text, need.pattern.test(text)]);
      }
      expect(met).toBeGreaterThan(0);
    },
  );
});

describe("WordFinder", () => {
  it("finds every word that occurs, in any case, overlapping or not, a space for any white space, and only those", () => {
    const words = ["he", "she", "his", "hers", "day", "today", "0s", "q1", "early-", "late ", "a 1", "b b"];
    const finder = new WordFinder(words);
    const texts = [
      "USHERS",
      "ahishers",
      "Today's 1990s",
      "Q1 EARLY-2024",
      "late\u00a0and late 2024",
      "a\n \t1 b  b",
      "tod\u0430y",
      "",
      "h",
    ];
    for (const text of texts) {
      const found = finder.find(text);
      const expected = words.map((w) => (text.replace(/\s+/g, " ").toLowerCase().includes(w) ? 1 : 0));
      expect([...found], text).toEqual(expected);
    }
  });

  it("gives where each occurrence starts, as a search for each word at each position does, on random texts", () => {
    const words = ["ab", "abc", "bca", "c", "a-b", "b b", "12", "2a", "aaa", "a ", "c 1 c", "b -"];
    const finder = new WordFinder(words);
    // each word as a sticky regex, its space for a run of white space
    const sticky = words.map((w) => new RegExp(w.replace(/[-]/g, "\\$&").replace(/ /g, "\\s+"), "iy"));
    const alphabet = ["a", "b", "c", "A", "B", "C", "-", " ", "1", "2", "é", "\u00a0", "\n", "\t", "x"];
    const random = seededRandom(5);
    for (let n = 0; n < 20000; n++) {
      const text = randomText(random, alphabet, 12);
      const expected: string[] = [];
      for (let w = 0; w < words.length; w++)
        for (let at = 0; at < text.length; at++) {
          sticky[w]!.lastIndex = at;
          if (sticky[w]!.test(text)) expected.push(`${w}@${at}`);
        }
      const hits: number[] = [];
      finder.find(text, hits);
      const got = new Set<string>();
      for (let i = 0; i < hits.length; i += 3) {
        got.add(`${hits[i]}@${hits[i + 1]}`);
        // it ends where the search's match does (a word ending with a space: where its run may)
        sticky[hits[i]!]!.lastIndex = hits[i + 1]!;
        const length = sticky[hits[i]!]!.exec(text)![0].length;
        if (words[hits[i]!]!.endsWith(" ")) expect(hits[i + 2]! - hits[i + 1]!).toBeLessThanOrEqual(length);
        else expect(hits[i + 2]! - hits[i + 1]!, JSON.stringify(text)).toBe(length);
      }
      expect([...got].sort(), JSON.stringify(text)).toEqual(expected.sort());
    }
  });

  it("agrees with a search for each word on random texts", () => {
    const words = ["ab", "abc", "bca", "c", "a-b", "b b", "12", "2a", "aaa", "a ", "c 1 c", "b -"];
    const finder = new WordFinder(words);
    const alphabet = ["a", "b", "c", "A", "B", "C", "-", " ", "1", "2", "é", "\u00a0", "\n", "\t", "x"];
    const random = seededRandom(7);
    for (let n = 0; n < 20000; n++) {
      const text = randomText(random, alphabet, 12);
      const expected = words.map((w) => (text.replace(/\s+/g, " ").toLowerCase().includes(w) ? 1 : 0));
      expect([...finder.find(text)], JSON.stringify(text)).toEqual(expected);
    }
  });
});
