// Time expressions: (text, publication date) -> grounded value with its span; and what must not parse.
import { describe, expect, it } from "vitest";
import { run } from "../../../test/helpers.js";

const times = (text: string, published = "2025-10-07") => {
  const a = run(text, published);
  return a.events.map((e) => e.time).concat();
};

import * as chrono from "chrono-node";
import { kb } from "../../../test/helpers.js";
import { randomText, seededRandom } from "../../../test/random.js";
import { analyzeText } from "../../analyze.js";
import type { Context } from "../../core/context.js";
import { loadFixtures } from "../../eval/fixtures.js";
import { makeDocument } from "../../ingest/document.js";
import { tokenize } from "../tokens.js";
import { easterSunday } from "./extra-parsers.js";
import { MONTH, NeedFinder } from "./needs.js";
import {
  DATE_HINT,
  DATE_HINT_WORD,
  DATE_HINT_WORDS,
  DATE_PARSERS_USED,
  DATE_REFINERS,
  DAY_OF_MONTH,
  dateWindow,
  dayOfMonthMatches,
  hasDateHint,
  hasHintWord,
  PARSER_NEEDS,
  timeStage,
  WEEKDAY_REFINERS,
} from "./time-stage.js";

function timeMentions(text: string, published: string | null) {
  const doc = makeDocument({ text, format: "text", publishedAt: published });
  const { tokens, sentences } = tokenize(doc.text);
  const ctx: Context = { doc, kb, options: {}, findings: [], tokens, sentences };
  timeStage.run(ctx);
  return { times: ctx.times!, doc: ctx.doc, findings: ctx.findings };
}

describe("the day a source spoke, after a clause told in the future", () => {
  it("is the past day, not the coming one", () => {
    const [t] = timeMentions(
      "Turkey will buy Eurofighter Typhoon jets, Bloomberg reported on Thursday.",
      "2026-11-20",
    ).times;
    expect(t?.value.start).toBe("2026-11-19");
    // the drills' own day, told in the future, is the coming one
    const [d] = timeMentions("Russia will hold drills on Thursday, the ministry said.", "2026-11-20").times;
    expect(d?.value.start).toBe("2026-11-26");
  });
});

describe("a year after a preposition of bound", () => {
  it.each([
    ["The jets will arrive before 2029.", "before 2029", null, "2028-12-31"],
    ["The jets will arrive by 2029.", "by 2029", null, "2029-12-31"],
    ["The base stays open until 2030.", "until 2030", null, "2030-12-31"],
    ["Deliveries resume after 2027.", "after 2027", "2028-01-01", null],
    ["Crews train there from 2026.", "from 2026", "2026-01-01", null],
    ["The order was signed in 2021.", "in 2021", "2021-01-01", "2021-12-31"],
  ])("%s -> %s is open where it is a bound", (text, said, start, end) => {
    const t = timeMentions(text, "2025-10-07").times.find((x) => x.text === said);
    expect(t, said).toBeDefined();
    expect(t!.value.start).toBe(start);
    expect(t!.value.end).toBe(end);
  });
});

describe("a day or month after a preposition of bound", () => {
  it.each([
    ["The exercise will run until Dec. 15.", "Dec. 15", null, "2025-12-15", "chrono+until"],
    ["The ban stays in force through Nov. 30.", "Nov. 30", null, "2025-11-30", "chrono+until"],
    ["Airspace was closed before October 4.", "October 4", null, "2025-10-03", "chrono+before"],
    ["Troops withdrew after Oct. 1, officials said.", "Oct. 1", "2025-10-02", null, "chrono+after"],
    ["The ban lasts until December.", "December", null, "2025-12-31", "chrono+until"],
    // not a range's words, a plain date, nor a day counted from the reference date
    ["The drills run from Oct. 1 until Oct. 5.", "Oct. 1 until Oct. 5", "2025-10-01", "2025-10-05", "chrono"],
    ["The jets arrived on Oct. 5.", "Oct. 5", "2025-10-05", "2025-10-05", "chrono"],
    ["Talks went on until yesterday.", "yesterday", "2025-10-06", "2025-10-06", "chrono"],
    // a date without its year bounding what is or will be is the next one; told of the past, the last
    ["The ban applies until March 3.", "March 3", null, "2026-03-03", "chrono+until"],
    ["Airspace was closed until March 3.", "March 3", null, "2025-03-03", "chrono+past-year+until"],
    // from a decade or the year's start up to publication (red team 18)
    [
      "Troops have been stationed near Mosul since the 1990s.",
      "since the 1990s",
      "1990-01-01",
      "2025-10-07",
      "since-decade",
    ],
    [
      "Attacks rose since the late 2010s.",
      "since the late 2010s",
      "2017-01-01",
      "2025-10-07",
      "since-decade",
    ],
    [
      "Ukraine has received 40 tanks since the start of the year.",
      "since the start of the year",
      "2025-01-01",
      "2025-10-07",
      "since-start-of-year",
    ],
  ])("%s -> %s", (text, said, start, end, rule) => {
    const t = timeMentions(text, "2025-10-07").times.find((x) => x.text === said);
    expect(t, said).toBeDefined();
    expect([t!.value.start, t!.value.end, t!.rule]).toEqual([start, end, rule]);
  });
});

describe("time grounding (published Tuesday 2025-10-07)", () => {
  it.each([
    ["The drills began on October 5.", "October 5", "2025-10-05", "day"],
    ["Troops moved on Sunday.", "Sunday", "2025-10-05", "day"],
    ["The systems arrived in March 2024.", "March 2024", "2024-03-01", "month"],
    ["The base was built in the 1970s.", "1970s", "1970-01-01", "decade"],
    ["Deliveries slipped to early 2024.", "early 2024", "2024-01-01", "quarter"],
    ["Patrols have continued since 2022.", "since 2022", "2022-01-01", "year"],
    ["It happened last week.", "last week", "2025-09-29", "week"],
    ["The drills start next week.", "next week", "2025-10-13", "week"],
    ["Talks were held earlier this week.", "earlier this week", "2025-10-06", "week"],
    ["Officials met earlier this month.", "earlier this month", "2025-10-01", "month"],
    ["The order was signed in 2021.", "2021", "2021-01-01", "year"],
    ["Missiles have been used since the end of 2023.", "end of 2023", "2023-12-01", "month"],
    ["Production began at the start of 2024.", "start of 2024", "2024-01-01", "month"],
    ["He would respond to any attack, months after the fighting in May.", "May", "2025-05-01", "month"],
    ["The guns will be delivered in batches through 2026.", "2026", "2026-01-01", "year"],
    ["The drills ran from March 3 to March 7.", "March 3", "2025-03-03", "day"],
    ["Patrols have doubled since March.", "since March", "2025-03-01", "month"],
    ["Deliveries are due between 2026 and 2028.", "between 2026 and 2028", "2026-01-01", "year"],
    ["The plant opened in the spring of 2024.", "spring of 2024", "2024-03-01", "quarter"],
    // a part of a month: days 1-10, 11-20, 21 to the end; without a year, grounded as a date without one
    ["Deliveries are expected in late March 2026.", "late March 2026", "2026-03-21", "month"],
    ["Fighting intensified in early May, officials said.", "early May", "2025-05-01", "month"],
    ["Mid-August saw heavy shelling near the town.", "Mid-August", "2025-08-11", "month"],
    ["The drills will run through mid-October.", "mid-October", "2025-10-11", "month"],
    ["The drills will resume in early January.", "early January", "2026-01-01", "month"],
    ["The strike happened this morning.", "this morning", "2025-10-07", "day"],
    ["Earlier this afternoon, sirens sounded in Kyiv.", "this afternoon", "2025-10-07", "day"],
    // a month said of the future: the month under way is this year's, an earlier one next year's
    ["The talks will resume in October.", "October", "2025-10-01", "month"],
    ["The talks will resume in September.", "September", "2026-09-01", "month"],
    ["Output rose in Q3 2025.", "Q3 2025", "2025-07-01", "quarter"],
    ["Russia launched 60 drones overnight.", "overnight", "2025-10-06", "day"],
    ["The exercise will begin on October 20.", "October 20", "2025-10-20", "day"],
    ["The exercise is due to begin on Monday.", "Monday", "2025-10-13", "day"],
    ["Pirates hijacked the tanker at the weekend.", "weekend", "2025-10-04", "day"],
    ["The navy will hold drills at the weekend.", "weekend", "2025-10-11", "day"],
    ["Russia has flown equipment to Libya over the past two weeks.", "past two weeks", "2025-09-23", "week"],
    ["Strikes rose in the last 10 days.", "last 10 days", "2025-09-27", "day"],
    [
      "The army will form a second battalion by the end of the year.",
      "end of the year",
      "2025-12-01",
      "month",
    ],
    ["The talks resume at the start of this month.", "start of this month", "2025-10-01", "day"],
    // a part of last, this or next month or year
    ["Russia attacked Kharkiv late last month.", "late last month", "2025-09-21", "month"],
    ["Officials met early this month.", "early this month", "2025-10-01", "month"],
    ["Deliveries start in mid-next month.", "mid-next month", "2025-11-11", "month"],
    ["The plant opened late last year.", "late last year", "2024-09-01", "month"],
    // a day of the month alone: the last such day, or the next when said of the future
    ["Russia attacked Kharkiv on the 12th.", "on the 12th", "2025-09-12", "day"],
    ["Russia attacked Kharkiv on the 3rd.", "on the 3rd", "2025-10-03", "day"],
    ["The talks will resume on the 3rd.", "on the 3rd", "2025-11-03", "day"],
    ["Russia attacked Kharkiv on the 31st.", "on the 31st", "2025-08-31", "day"],
    // white space in a run between the words (text pasted from a page's layout)
    ["Russia attacked Kharkiv before   the 12th.", "the 12th", "2025-09-12", "day"],
    ["Deliveries came in the \n last week of March.", "last week of March", "2025-03-25", "week"],
    // the weekend is Saturday and Sunday, however it is said
    ["Russia attacked Kharkiv last weekend.", "last weekend", "2025-10-04", "day"],
    ["Russia attacked Kharkiv this past weekend.", "past weekend", "2025-10-04", "day"],
    ["Russia attacked Kharkiv last night.", "last night", "2025-10-06", "day"],
    // years ago: about that month
    ["Russia attacked Kharkiv a year ago.", "a year ago", "2024-10-01", "month"],
    ["Russia attacked Kharkiv two years ago.", "two years ago", "2023-10-01", "month"],
    // a date that opens its sentence takes the future from the clause after it
    ["On Jan. 14 South Korea will deliver the tanks.", "Jan. 14", "2026-01-14", "day"],
    ["On Jan. 14 South Korea delivered the tanks.", "Jan. 14", "2025-01-14", "day"],
    [
      "Japan will deploy the missiles to Kumamoto prefecture by the end of March.",
      "March",
      "2026-03-31",
      "day",
    ],
  ])("%s", (text, surface, start, granularity) => {
    const { times } = timeMentions(text, "2025-10-07");
    const t = times.find((x) => x.text.includes(surface));
    expect(t, `${surface} in ${JSON.stringify(times.map((x) => x.text))}`).toBeDefined();
    expect(t!.value.start).toBe(start);
    expect(t!.value.granularity).toBe(granularity);
    expect(text.slice(t!.start, t!.end)).toBe(t!.text);
  });

  it("reads 'since' a day as the span up to the reference date, and no day in a unit's ordinal", () => {
    const since = timeMentions("Russia has attacked Kharkiv since Sept. 1.", "2025-10-07").times[0]!;
    expect([since.value.start, since.value.end, since.rule]).toEqual([
      "2025-09-01",
      "2025-10-07",
      "chrono+since",
    ]);
    expect(timeMentions("Russia attacked the 12th Brigade.", "2025-10-07").times).toEqual([]);
    expect(timeMentions("It was the 5th anniversary of the war.", "2025-10-07").times).toEqual([]);
    expect(timeMentions("The last nightclub closed.", "2025-10-07").times).toEqual([]);
  });

  it("reads no part of a month where the words are not one ('as late as May', 'the early Mayday call')", () => {
    for (const text of ["It was as late as May when they left.", "Crews heard the early Mayday call."])
      expect(timeMentions(text, "2025-10-07").times.map((t) => t.rule)).not.toContain("part-of-month");
  });

  it("keeps a weekday in the future when the sentence speaks of the future", () => {
    const { times } = timeMentions("The navy will hold drills on Friday.", "2025-10-07");
    expect(times[0]?.value.start).toBe("2025-10-10");
  });

  it.each(["The S-300 has a range of 200 km.", "Unit 2 reported to sector 7.", "He scored 12 points."])(
    "finds no date in %s",
    (text) => {
      expect(timeMentions(text, "2025-10-07").times.filter((t) => t.value.start)).toEqual([]);
    },
  );

  it.each([
    [
      "Patrols ran between January and March 2024.",
      "between January and March 2024",
      "2024-01-01",
      "2024-03-31",
    ],
    [
      "Exports fell from September to November last year.",
      "September to November last year",
      "2024-09-01",
      "2024-11-30",
    ],
    [
      "The drills ran from November to February 2025.",
      "November to February 2025",
      "2024-11-01",
      "2025-02-28",
    ],
    ["Deliveries took place in March-May 2024.", "March-May 2024", "2024-03-01", "2024-05-31"],
    ["The drills ran from May to August.", "May to August", "2025-05-01", "2025-08-31"],
    ["The drills ran from March to May 5.", "March to May 5", "2025-03-01", "2025-05-05"],
  ])("reads a span of months to its last month: %s", (text, said, start, end) => {
    const t = timeMentions(text, "2025-10-07").times.find((x) => x.text.includes(said.split(" ")[0]!))!;
    expect(t.text).toContain(said);
    expect([t.value.start, t.value.end]).toEqual([start, end]);
  });
  it.each([
    ["Exports rose last summer.", "last summer", "2025-06-01", "2025-08-31"],
    ["Exports rose this spring.", "this spring", "2025-03-01", "2025-05-31"],
    ["The frigate will sail this winter.", "this winter", "2025-12-01", "2026-02-28"],
    ["The frigate will sail next summer.", "next summer", "2026-06-01", "2026-08-31"],
    ["The base was built in the '90s.", "the '90s", "1990-01-01", "1999-12-31"],
    ["The base was built in the 80s.", "the 80s", "1980-01-01", "1989-12-31"],
    ["Losses mounted in the 2023-24 winter campaign.", "2023-24", "2023-01-01", "2024-12-31"],
    ["The 2014–2016 campaign ended in a truce.", "2014–2016", "2014-01-01", "2016-12-31"],
    ["The treaty was signed a decade ago.", "a decade ago", "2015-01-01", "2015-12-31"],
  ])("reads %s", (text, said, start, end) => {
    const t = timeMentions(text, "2025-10-07").times.find((x) => x.text === said);
    expect([t?.value.start, t?.value.end]).toEqual([start, end]);
  });
  it.each([
    ["The software release 2023-10 shipped.", "2023-10"],
    ["The '20s were loud.", "'20s"],
  ])("grounds no span in %s", (text, said) => {
    const t = timeMentions(text, "2025-10-07").times.find((x) => x.text.includes(said));
    expect(t?.value.start ?? null).toBeNull();
  });
  it("does not join two months with 'and' without 'between': 'in March and May 2024'", () => {
    const ts = timeMentions("Drills were held in March and May 2024.", "2025-10-07").times;
    expect(ts.map((t) => t.text)).toEqual(["March", "May 2024"]);
  });
  it("reads 'last Tuesday' said on a Tuesday as a week ago, and 'on Tuesday' as that day", () => {
    expect(timeMentions("The convoy left last Tuesday.", "2025-10-07").times[0]?.value.start).toBe(
      "2025-09-30",
    );
    expect(timeMentions("The convoy left on Tuesday.", "2025-10-07").times[0]?.value.start).toBe(
      "2025-10-07",
    );
  });
  it("grounds 'ago' on the publication date, but not 'earlier' or 'before', counted from a time the story tells of", () => {
    const ago = timeMentions("The convoy left two weeks ago.", "2025-10-07").times[0]!;
    expect(ago.value.start).toBe("2025-09-23");
    for (const text of [
      "The drills, which began two days earlier, ended on Friday.",
      "Four years before the move back in 2015, she lived abroad.",
    ]) {
      const t = timeMentions(text, "2025-10-07").times.find((x) => /earlier|before/.test(x.text));
      expect(t?.value.start).toBeNull();
      expect(t?.rule).toBe("chrono+story-relative");
    }
  });
  it.each([
    ["Drones struck on the night of May 19/20.", "May 19/20", "2025-05-19", "2025-05-20"],
    ["Voting took place on March 3/4, 2024.", "March 3/4, 2024", "2024-03-03", "2024-03-04"],
    ["Drones struck overnight on 19/20 May 2024.", "19/20 May 2024", "2024-05-19", "2024-05-20"],
    ["Drills ran on December 19/20.", "December 19/20", "2024-12-19", "2024-12-20"],
    ["Talks will resume on May 19/20.", "May 19/20", "2026-05-19", "2026-05-20"],
  ])("reads two days running written with a slash: %s", (text, said, start, end) => {
    const t = timeMentions(text, "2025-10-07").times.find((x) => x.text === said);
    expect([t?.value.start, t?.value.end, t?.value.granularity]).toEqual([start, end, "day"]);
  });
  it("takes no year from the second day of a pair ('May 19/20' is not 2020), and no pair of days apart", () => {
    const { times, doc } = timeMentions("The summit of May 19/20 ended without a deal.", null);
    expect(times[0]?.value.start ?? null).toBeNull();
    expect(doc.publishedAt ?? null).toBeNull();
    // "9/11" is no pair of days running
    const t = timeMentions("The 9/11 May attacks were remembered.", "2025-10-07").times;
    expect(t.some((x) => x.rule.startsWith("day-pair"))).toBe(false);
    // a day the month does not have is grounded to nothing
    const nov = timeMentions("Talks on November 30/31 failed.", "2025-10-07").times[0];
    expect([nov?.text, nov?.value.start ?? null]).toEqual(["November 30/31", null]);
  });
  it("says which parts were stated", () => {
    const t = timeMentions("Talks ended on October 5.", "2025-10-07").times[0]!;
    expect(t.stated).toContain("month");
    expect(t.stated).not.toContain("year");
  });
});

describe("publication date", () => {
  it("is inferred from the latest full date in the text and flagged", () => {
    const { doc, findings } = timeMentions(
      "KYIV, Sunday, January 14, 2024 - Drills that began on January 2, 2024 ended.",
      null,
    );
    expect(doc.publishedAt).toBe("2024-01-14");
    expect(doc.publishedAtInferred).toBe(true);
    expect(findings[0]?.kind).toBe("publication-date-inferred");
  });
  it("stays unknown, with a warning, when the text has no full date", () => {
    const { doc, times, findings } = timeMentions("Troops moved on Sunday.", null);
    expect(doc.publishedAt).toBeNull();
    expect(findings[0]?.kind).toBe("publication-date-unknown");
    expect(times[0]?.value.start).toBeNull();
  });
  it.each([
    "Today the brigade trains near the border.",
    "The ministry said yesterday that troops had moved.",
    "The convoy left two weeks ago.",
    "Tonight the navy will sail.",
  ])("is not inferred from words counted from the publication date itself: %s", (text) => {
    const { doc, times, findings } = timeMentions(text, null);
    expect(doc.publishedAt).toBeNull();
    expect(findings[0]?.kind).toBe("publication-date-unknown");
    expect(times[0]?.value.start).toBeNull();
    expect(times[0]?.stated).toEqual([]);
  });
  it("is not inferred from a date said of the future, nor from one after today", () => {
    const { doc } = timeMentions(
      "The frigates will be delivered by March 1, 2031. The contract was signed on May 5, 2024. A treaty of June 2, 2099 was mooted.",
      null,
    );
    expect(doc.publishedAt).toBe("2024-05-05");
  });
  it.each([
    "Russia moved S-400 launchers to Kaliningrad on Tuesday. The move breaches the Treaty signed on 8 December 1987.",
    "Russia moved the Iskander brigade on Tuesday. The systems were first deployed there on March 11, 2012.",
  ])("is not inferred from a date of the story's background (red-team 18): %s", (text) => {
    const { doc, findings } = timeMentions(text, null);
    expect(doc.publishedAt).toBeNull();
    expect(findings[0]?.kind).toBe("publication-date-unknown");
  });
  it("is inferred from a date of the news told with 'was signed on'", () => {
    expect(timeMentions("The contract was signed on May 5, 2024.", null).doc.publishedAt).toBe("2024-05-05");
  });
  it("is inferred from a full date even when relative words come after it", () => {
    const { doc } = timeMentions(
      "On March 3, 2024, the drills began. Today they ended, two days later.",
      null,
    );
    expect(doc.publishedAt).toBe("2024-03-03");
  });
  it("uses --published only when metadata has none", () => {
    const a = analyzeText(
      "Troops moved on Sunday.",
      kb,
      { publishedAt: "2025-10-07" },
      { published: "2020-01-01" },
    );
    expect(a.document.publishedAt).toBe("2025-10-07");
    const b = analyzeText("Troops moved on Sunday.", kb, {}, { published: "2020-01-01" });
    expect(b.document.publishedAt).toBe("2020-01-01");
    expect(times("Troops deployed on Sunday.")[0]?.start).toBe("2025-10-05");
  });
});

describe("the date hint in two parts", () => {
  const agree = (text: string) => expect([text, hasDateHint(text)]).toEqual([text, DATE_HINT.test(text)]);
  it("agrees with DATE_HINT on every fixture sentence and article", () => {
    for (const { text } of loadFixtures()) {
      agree(text);
      for (const s of tokenize(text).sentences) agree(text.slice(s.start, s.end));
    }
  });
  it.each([
    "In January, Jan. 5, in SEPT, Sepember, septembers, sept5, 5sept, may_, _may, Mayday, maY, JUNE, julY",
    "on 5/6, 05.06, 5-6, 123/4, 1/234, 1//2, 1/2a, a1/2, 1/2_, 1/, /2, 12-31-2024",
    "in 1999, 2099, 2100, 1899, 19999, 199, 2024a, Mondays, monday, WEDNESDAY, tues, yesterday, ago, agog.",
    "Friday, Saturday, Sunday, Thursday, Tuesday, today, tonight, tomorrow, weekend, weekends, FEBRUARY, Aug, April",
    "éjanvier, jané, éMay, 2024é, 5/6é, é5/6, ſept, \u212Aan",
  ])("agrees with DATE_HINT on %j and each of its pieces", (text) => {
    agree(text);
    for (const piece of text.split(/(?<=,) /)) agree(piece);
    for (let i = 0; i <= text.length; i++) agree(text.slice(i, i + 8));
  });
  it("agrees with DATE_HINT on random strings of the characters that matter", () => {
    const chars = "0123456789/.-_ ,éaAyYmMsSeEpPtTjJnNuUrRbBoOcCvVdDgGlLhHwWiIfFkKqQ";
    const next = seededRandom(7);
    for (let n = 0; n < 20000; n++) agree(randomText(next, chars, 12));
  });
});

describe("the hint's words found in one pass over the text", () => {
  const words = DATE_HINT_WORDS as readonly string[];
  const finder = new NeedFinder([words]);
  /** hasHintWord on each range agrees with DATE_HINT_WORD on the range's slice */
  const agree = (text: string, ranges: Iterable<[number, number]>) => {
    const found = finder.tester(text, true).occurrencesOf(words);
    for (const [start, end] of ranges)
      expect([text, start, end, hasHintWord(text, found, start, end)]).toEqual([
        text,
        start,
        end,
        DATE_HINT_WORD.test(text.slice(start, end)),
      ]);
  };
  /** the whole text and every range of up to 12 characters */
  function* short(text: string): Generator<[number, number]> {
    yield [0, text.length];
    for (let i = 0; i <= text.length; i++)
      for (let j = i; j <= Math.min(text.length, i + 12); j++) yield [i, j];
  }
  it("are each a whole match of DATE_HINT_WORD", () => {
    for (const w of words) expect(new RegExp(`^(?:${DATE_HINT_WORD.source})$`, "i").test(w), w).toBe(true);
  });
  it("agree with DATE_HINT_WORD on every fixture sentence and article", () => {
    for (const { text } of loadFixtures())
      agree(text, [
        [0, text.length],
        ...tokenize(text).sentences.map((s) => [s.start, s.end] as [number, number]),
      ]);
  });
  it.each([
    "In January, Jan. 5, in SEPT, Sepember, septembers, sept5, 5sept, may_, _may, Mayday, maY, JUNE, julY",
    "in 1999, Mondays, monday, WEDNESDAY, tues, yesterday, ago, agog, Chicago, today's, to-day",
    "Friday, Saturday, Sunday, Thursday, Tuesday, today, tonight, tomorrow, weekend, weekends, FEBRUARY, Aug, April",
    "éjanvier, jané, éMay, ſept, \u212Aan, jan\u00a0may\nmar\tdec",
  ])("agree with DATE_HINT_WORD on %j and its short ranges", (text) => agree(text, short(text)));
  it("agree with DATE_HINT_WORD on random texts of the words, their beginnings and ends", () => {
    const pieces = [
      ...new Set(
        words.flatMap((w) => [w, w.toUpperCase(), w.slice(0, 2), w.slice(0, 4), w.slice(2), w.slice(-3)]),
      ),
      ..." , . _ 1 é x - ' \n".split(" "),
    ];
    const next = seededRandom(3);
    for (let n = 0; n < 3000; n++) {
      const text = randomText(next, pieces, 5);
      agree(text, short(text));
    }
  });
});

describe("chrono-node's refiners, two of them run only where a cheap test says they may act", () => {
  const casual = chrono.en.casual as unknown as { refiners: chrono.Refiner[] };
  const all = new chrono.Chrono({ parsers: DATE_PARSERS_USED, refiners: casual.refiners });
  const guarded = new chrono.Chrono({ parsers: DATE_PARSERS_USED, refiners: DATE_REFINERS });
  const components = ["year", "month", "day", "weekday", "hour", "timezoneOffset"] as const;
  const read = (text: string, chronoInstance: chrono.Chrono) =>
    chronoInstance.parse(text, { instant: new Date(Date.UTC(2025, 9, 7, 12)), timezone: 0 }).map((r) => ({
      index: r.index,
      text: r.text,
      start: components.map((c) => [r.start.isCertain(c), r.start.get(c)]),
      end: r.end ? components.map((c) => [r.end!.isCertain(c), r.end!.get(c)]) : null,
    }));
  const written = [
    "The talks resume on March 5 EST and end on Friday (GMT), or on Monday, PST.",
    "By the end of June, at the END OF\nTHE March, the last day of May, the end of  next month, since the\tMonday.",
    "Strikes on Tuesday in Kyiv, on Wednesday IST and on 3 May CET; on Sunday, NATO said.",
  ];
  it.each([...written, ...loadFixtures().map((f) => f.text)].map((t) => [t.slice(0, 40), t]))(
    "the same results as all of them: %j",
    (_, text) => {
      expect(read(text, guarded)).toEqual(read(text, all));
    },
  );
  const weekday = DATE_PARSERS_USED.filter((p) => p.constructor.name === "ENWeekdayParser");
  const weekdayAll = new chrono.Chrono({ parsers: weekday, refiners: casual.refiners });
  const weekdayOnly = new chrono.Chrono({ parsers: weekday, refiners: WEEKDAY_REFINERS });
  const weekdays = [
    "From Monday to Wednesday, on (Sunday), on Monday +3, on a weekday, last weekend, next Fri. and Sat.",
    "On Tuesday EST, Thursday of next week, this Sunday-Monday, on Wed. 5 and on Sun.",
  ];
  it.each([...weekdays, ...loadFixtures().map((f) => f.text)].map((t) => [t.slice(0, 40), t]))(
    "with the weekday parser alone, the same results without the refiners that leave its results alone: %j",
    (_, text) => {
      expect(read(text, weekdayOnly)).toEqual(read(text, weekdayAll));
    },
  );
});

describe("chrono-node reads only the stretch of a sentence where a date can be", () => {
  const casual = chrono.en.casual as unknown as { refiners: chrono.Refiner[] };
  const all = new chrono.Chrono({ parsers: DATE_PARSERS_USED, refiners: casual.refiners });
  const read = (text: string, shift = 0) =>
    all
      .parse(text, { instant: new Date(Date.UTC(2025, 9, 7, 12)), timezone: 0 })
      .map((r) => [r.index + shift, r.text, r.start.date().toISOString(), r.end?.date().toISOString()]);
  const filler =
    "the convoy of trucks and armoured vehicles moved slowly along the coastal road past villages and checkpoints";
  const sentences = [
    ...loadFixtures().flatMap((f) => tokenize(f.text).sentences.map((s) => f.text.slice(s.start, s.end))),
    "Two years, three months and five days ago the base was built, officials said.",
    "The talks, first held in Geneva on 5 October 2024 and then on the 7th, resumed on Monday.",
    "It was the first strike since the fifth of June, he said, and the second since last night.",
  ];
  const texts = sentences.flatMap((s) => [s, `${filler} ${s} ${filler}`, `${filler}, ${filler}. ${s}`]);
  it("finds in it what it finds in the whole sentence, on every fixture sentence and with long stretches around", () => {
    let cut = 0;
    for (const text of texts) {
      const [a, b] = dateWindow(text, PARSER_NEEDS.tester(text, true));
      if (b - a < text.length) cut++;
      expect([text, read(text.slice(a, b), a)]).toEqual([text, read(text)]);
    }
    // (the stretch is shorter than the sentence in some of them)
    expect(cut).toBeGreaterThan(sentences.length);
  });
});

describe("holidays, two days of a month, and clauses of time (red-team 3)", () => {
  const first = (text: string, published = "2026-11-20") => timeMentions(text, published).times[0]?.value;
  it("reads Christmas, New Year's and Boxing Day as days of the year the tense gives", () => {
    expect(first("A village was bombed on Christmas Day.")).toMatchObject({
      start: "2025-12-25",
      granularity: "day",
    });
    expect(first("The carrier will arrive by Christmas Eve.")).toMatchObject({ start: "2026-12-24" });
    expect(first("Rockets were fired on New Year's Eve.")).toMatchObject({ start: "2025-12-31" });
    expect(first("Rockets were fired on New Year's Day.")).toMatchObject({ start: "2026-01-01" });
    expect(first("Shops opened on Boxing Day.", "2026-12-30")).toMatchObject({ start: "2026-12-26" });
    // Thanksgiving, the fourth Thursday of November: a week after publication, so told in the past, last year's
    expect(first("The frigate attacked a skiff on Thanksgiving Day.")).toMatchObject({ start: "2025-11-27" });
    expect(first("Russia struck Kyiv on Orthodox Christmas.")).toMatchObject({ start: "2026-01-07" });
    expect(first("Russia will hold its parade on Victory Day.")).toMatchObject({ start: "2027-05-09" });
    // not the words alone
    expect(first("The Christmas market and the New Year celebrations were cancelled.")).toBeUndefined();
  });
  it("computes Easter, Western and Orthodox, and the days around it", () => {
    expect([2024, 2025, 2026, 2027, 2038].map((y) => [easterSunday(y), easterSunday(y, true)])).toEqual([
      ["2024-03-31", "2024-05-05"],
      ["2025-04-20", "2025-04-20"],
      ["2026-04-05", "2026-04-12"],
      ["2027-03-28", "2027-05-02"],
      ["2038-04-25", "2038-04-25"],
    ]);
    expect(first("Drones struck Odesa on Orthodox Easter.")).toMatchObject({
      start: "2026-04-12",
      granularity: "day",
    });
    expect(first("The ceasefire was broken on Easter Sunday.")).toMatchObject({ start: "2026-04-05" });
    expect(first("Talks will resume on Easter Monday.")).toMatchObject({ start: "2027-03-29" });
    expect(first("The strike came on Good Friday.")).toMatchObject({ start: "2026-04-03" });
    expect(first("Fighting paused over Easter.")).toMatchObject({ start: "2026-04-05" });
    // a place, a rising, an offensive: no day
    expect(first("The ship called at Easter Island.")).toBeUndefined();
    expect(first("The Easter Rising was a revolt.")).toBeUndefined();
    expect(first("Analysts expect an Easter offensive.")).toBeUndefined();
  });
  it("reads 'Oct. 5 and 6' and '5 and 6 October' as both days", () => {
    expect(first("Strikes hit Kharkiv on Oct. 5 and 6.")).toMatchObject({
      start: "2026-10-05",
      end: "2026-10-06",
    });
    expect(first("Strikes hit Kharkiv on 5 and 6 October, officials said.")).toMatchObject({
      start: "2026-10-05",
      end: "2026-10-06",
    });
    // a count after the second number is no day
    expect(first("On Oct. 5 and 6 people were evacuated.")).toMatchObject({
      start: "2026-10-05",
      end: "2026-10-05",
    });
  });
  it("reads a clause of time after a main clause in the future as future", () => {
    // published on a Wednesday: "on Friday" is the coming one, not the last
    expect(
      first("The leaders will discuss the deal when they meet in Washington on Friday.", "2026-11-18"),
    ).toMatchObject({ start: "2026-11-20" });
    expect(
      first("The leaders discussed the deal when they met in Washington on Friday.", "2026-11-18"),
    ).toMatchObject({ start: "2026-11-13" });
  });
});

describe("seasons, weeks of a month, nights and spans in hours (red-team 5)", () => {
  const first = (text: string, published = "2026-11-20") => timeMentions(text, published).times[0]?.value;
  it("reads a season alone by the tense: this one under way or the last, the coming one in the future", () => {
    expect(first("Finland hosted a NATO air exercise in the spring.")).toMatchObject({
      start: "2026-03-01",
      end: "2026-05-31",
    });
    expect(first("Finland will host a NATO air exercise in the spring.")).toMatchObject({
      start: "2027-03-01",
    });
    expect(first("Russian forces attacked Pokrovsk in the autumn.")).toMatchObject({ start: "2026-09-01" });
  });
  it("reads the first or last week of a month as its seven days", () => {
    expect(first("China held naval drills near Taiwan in the last week of October.")).toMatchObject({
      start: "2026-10-25",
      end: "2026-10-31",
      granularity: "week",
    });
    expect(first("NATO will hold an exercise in the first week of March.")).toMatchObject({
      start: "2027-03-01",
      end: "2027-03-07",
    });
    // "last week" alone is still the week before
    expect(first("China held naval drills near Taiwan last week.")).toMatchObject({ start: "2026-11-09" });
  });
  it("reads a month of last or next year in that year", () => {
    expect(first("Ukraine attacked the Kerch bridge in July last year.")).toMatchObject({
      start: "2025-07-01",
      end: "2025-07-31",
    });
    expect(first("The frigate will arrive in March of next year.")).toMatchObject({ start: "2027-03-01" });
  });
  it("reads the night of one weekday to the next as the last such night, or the coming one", () => {
    expect(first("Drones struck Moscow on the night of Saturday to Sunday.")).toMatchObject({
      start: "2026-11-14",
      end: "2026-11-15",
    });
    expect(first("Drones will be tested on the night of Saturday to Sunday.")).toMatchObject({
      start: "2026-11-21",
    });
  });
  it("reads 'the past 48 hours' as the days they reach into", () => {
    expect(first("Russia launched 300 drones at Ukraine over the past 48 hours.")).toMatchObject({
      start: "2026-11-18",
      end: "2026-11-20",
    });
  });
});

describe("quarters without a year, recent and coming spans (red-team 5)", () => {
  const first = (text: string, published = "2026-11-20") => timeMentions(text, published).times[0]?.value;
  it("reads a quarter or half alone by the tense", () => {
    expect(first("Rheinmetall will deliver 20 Skyranger systems in Q3.")).toMatchObject({
      start: "2027-07-01",
      end: "2027-09-30",
    });
    expect(first("The ceasefire was violated three times during the first half of the year.")).toMatchObject({
      start: "2026-01-01",
      end: "2026-06-30",
    });
    // one with its year is that year's
    expect(first("Output rose in Q3 2025.")).toMatchObject({ start: "2025-07-01" });
  });
  it("reads recent, coming and 'within' spans from the report", () => {
    expect(first("Fighting intensified around Pokrovsk in recent days.")).toMatchObject({
      start: "2026-11-13",
      end: "2026-11-20",
    });
    expect(first("Poland will deploy 2,000 troops to the border within two weeks.")).toMatchObject({
      start: "2026-11-20",
      end: "2026-12-04",
    });
    expect(first("NATO will send more troops in the coming weeks.")).toMatchObject({ start: "2026-11-20" });
  });
});

describe("the end of next year, a fortnight ago, in two years (red-team 5)", () => {
  const first = (text: string, published = "2026-11-20") => timeMentions(text, published).times[0]?.value;
  it("reads them from the report", () => {
    expect(first("The army will receive all 44 tanks by the end of next year.")).toMatchObject({
      start: "2027-12-01",
      end: "2027-12-31",
    });
    expect(first("Russian forces captured the village a fortnight ago.")).toMatchObject({
      start: "2026-11-06",
    });
    expect(first("South Korea will receive the first KF-21 fighters in two years.")).toMatchObject({
      start: "2028-01-01",
      end: "2028-12-31",
    });
    // a span of time told in the past is no date
    expect(first("The army grew in two years.")?.start ?? null).toBeNull();
  });
});

describe("fiscal years", () => {
  const fiscal = (text: string) => {
    const t = timeMentions(text, "2026-11-20").times.find((x) => x.rule === "fiscal-year");
    return t ? [t.text, t.value.start, t.value.end, t.value.granularity] : undefined;
  };
  it.each([
    ["The Pentagon requested 12 F-35s in its FY2026 budget.", "FY2026", "2025-10-01", "2026-09-30"],
    [
      "The Army plans to buy 40 more in fiscal 2027, the U.S. Army said.",
      "fiscal 2027",
      "2026-10-01",
      "2027-09-30",
    ],
    ["The fiscal year 2025 defense bill passed the Senate.", "fiscal year 2025", "2024-10-01", "2025-09-30"],
    ["The FY-2027 request goes to Congress in February.", "FY-2027", "2026-10-01", "2027-09-30"],
    ["India raised defence spending in FY26 by 9 percent.", "FY26", "2025-04-01", "2026-03-31"],
    ["India set aside more for capital outlay in FY2025-26.", "FY2025-26", "2025-04-01", "2026-03-31"],
    [
      "Australia will spend more in the 2025-26 fiscal year.",
      "2025-26 fiscal year",
      "2025-07-01",
      "2026-06-30",
    ],
    ["Japan approved a record defence budget for fiscal 2026.", "fiscal 2026", "2026-04-01", "2027-03-31"],
  ])("%s", (text, said, start, end) => {
    expect(fiscal(text)).toEqual([said, start, end, "year"]);
  });

  it("reads no fiscal year in other words, nor two years that do not follow each other", () => {
    expect(fiscal("Fyodor said fiscal policy was tight in 2025.")).toBeUndefined();
    expect(fiscal("The FY2025-27 plan was shelved.")?.[1]).toBeNull();
    // the calendar year is not read inside "fiscal year 2025"
    const all = timeMentions("The fiscal year 2025 defense bill passed the Senate.", "2026-11-20").times;
    expect(all.map((t) => t.rule)).toEqual(["fiscal-year"]);
  });

  it("reads 'is due in' as said of the future, 'was due in' as past", () => {
    const at = (text: string) => timeMentions(text, "2026-11-20").times.find((t) => t.text === "February");
    expect(at("The request is due in February.")?.value.start).toBe("2027-02-01");
    expect(at("The report was due in February but came late.")?.value.start).toBe("2026-02-01");
  });
});

describe("a date without its year after one with it in the same sentence (red-team 8)", () => {
  const at = (text: string, said: string) => {
    const t = timeMentions(text, "2026-11-20").times.find((x) => x.text === said);
    return t ? [t.value.start, t.value.end, t.rule] : undefined;
  };
  it("takes the year of the sentence's stated date, moving on a year past its end", () => {
    expect(
      at(
        "Israel and Hamas agreed to a ceasefire on January 15, 2025, but fighting resumed in March.",
        "March",
      ),
    ).toEqual(["2025-03-01", "2025-03-31", "chrono+year-of-sentence"]);
    expect(at("The talks opened on December 20, 2024, and ended on January 9.", "January 9")).toEqual([
      "2025-01-09",
      "2025-01-09",
      "chrono+year-of-sentence",
    ]);
  });
  it("leaves dates of other sentences, and those with no stated year before them, to the publication date", () => {
    expect(at("The ceasefire of January 15, 2025 collapsed. Fighting resumed in March.", "March")?.[0]).toBe(
      "2026-03-01",
    );
    expect(at("The drills began on March 3 and end on March 9.", "March 9")?.[0]).toBe("2026-03-09");
  });
  it("reads a bound followed by a past verb as past: 'by October had cut'", () => {
    expect(
      at(
        "Russian troops entered the city in late September, and by October had cut the main supply road.",
        "October",
      ),
    ).toEqual([null, "2026-10-31", "chrono+by"]);
    expect(at("The ban applies until March 3.", "March 3")?.[1]).toBe("2027-03-03");
  });
});

describe("a wire dateline's date grounds the story's relative dates (red-team 10)", () => {
  const at = (text: string, said: string) => {
    const t = timeMentions(text, "2026-11-20").times.find((x) => x.text === said);
    return t ? [t.value.start, t.value.end] : undefined;
  };
  const text =
    "KYIV, Nov 18 (Reuters) - Russia launched 140 drones at Ukraine overnight, the Ukrainian air force said on Wednesday.";
  it("counts 'overnight' and a weekday from the day the story was filed, and says so", () => {
    expect(at(text, "overnight")).toEqual(["2026-11-17", "2026-11-18"]);
    expect(at(text, "on Wednesday")).toEqual(["2026-11-18", "2026-11-18"]);
    const f = timeMentions(text, "2026-11-20").findings.find((x) => x.rule === "dateline-date-as-reference");
    expect(f?.spans[0]?.text).toBe("Nov 18");
  });
  it("keeps the publication date where the dateline's is the same day, later, or more than a week before", () => {
    expect(at("KYIV, Nov 20 (Reuters) - Russia launched drones overnight.", "overnight")).toEqual([
      "2026-11-19",
      "2026-11-20",
    ]);
    expect(at("KYIV, Nov 2 (Reuters) - Russia launched drones overnight.", "overnight")).toEqual([
      "2026-11-19",
      "2026-11-20",
    ]);
    expect(at("Russia launched drones overnight, KYIV, Nov 18 - said.", "overnight")).toEqual([
      "2026-11-19",
      "2026-11-20",
    ]);
  });
});

describe("months told in the past, dotted dates and days no month has (red-team 13)", () => {
  const one = (text: string, published = "2026-11-20") => {
    const { times, findings } = timeMentions(text, published);
    return { t: times.map((x) => [x.value.start, x.value.end]), f: findings.map((f) => [f.kind, f.rule]) };
  };
  it("reads a month alone, told in the past and not begun by publication, as last year's", () => {
    expect(one("Russian drones attacked Odesa in December.").t).toEqual([["2025-12-01", "2025-12-31"]]);
    expect(one("Russian drones attacked Odesa last December.").t).toEqual([["2025-12-01", "2025-12-31"]]);
    // "last" before the month under way is a year before; before an earlier month, this year's
    expect(one("Russian drones attacked Odesa last November.").t).toEqual([["2025-11-01", "2025-11-30"]]);
    expect(one("Russian drones attacked Odesa last March.").t).toEqual([["2026-03-01", "2026-03-31"]]);
    // the month under way, and a month to come said of the future, stay this year's
    expect(one("Russian drones attacked Odesa in November.").t).toEqual([["2026-11-01", "2026-11-30"]]);
    expect(one("Russia will hold drills in December.").t).toEqual([["2026-12-01", "2026-12-31"]]);
  });
  it("reads a date written with full stops day first", () => {
    expect(one("Russian drones attacked Odesa on 05.10.2026.").t).toEqual([["2026-10-05", "2026-10-05"]]);
    expect(one("Russian drones attacked Odesa on 5.10.2026.").t).toEqual([["2026-10-05", "2026-10-05"]]);
    // with slashes, month first as chrono-node reads it
    expect(one("Russian drones attacked Odesa on 05/10/2026.").t).toEqual([["2026-05-10", "2026-05-10"]]);
    expect(one("Russian drones attacked Odesa on 31.09.2026.").t).toEqual([]);
  });
  it("says a day no month has is no date, and reads none from it", () => {
    for (const text of [
      "Russian forces attacked Kupiansk on October 35.",
      "North Korea fired two missiles on February 30.",
      "Iran seized a tanker on 31 September, state media said.",
      "Russia attacked Kharkiv on February 29, 2025.",
      // in numbers, no day of any month read day first or month first (red team 16)
      "The drills ended on 31/11/2026, the ministry said.",
      "The drills ended on 30.02.2026.",
      // in ISO form (red team 18)
      "Russia struck Kharkiv on 2026-02-30.",
      "Russia struck Kharkiv on 2025-09-31.",
    ]) {
      const r = one(text);
      expect(r.t, text).toEqual([]);
      expect(r.f, text).toEqual([["invalid-date", "no-such-day"]]);
    }
    // a leap day in a leap year, or without a year, is a day; a count after a month is no day and no year
    expect(one("Russia attacked Kharkiv on February 29, 2024.").t).toEqual([["2024-02-29", "2024-02-29"]]);
    expect(one("Russia attacked Kharkiv on February 29.").f).toEqual([]);
    expect(one("The drills ended on 30/11/2026.").f).toEqual([]);
    expect(one("The drills ended on 11/30/2026.").f).toEqual([]);
    expect(one("Russia struck Kharkiv on 2024-02-29.").t).toEqual([["2024-02-29", "2024-02-29"]]);
    const count = one("In June 50 soldiers arrived in Gao.");
    expect(count.t).toEqual([]);
    expect(count.f).toEqual([]);
  });
  it("reads a season right before its year, and 'around' or 'circa' a year", () => {
    expect(one("Russian forces attacked Kupiansk in spring 2024.").t).toEqual([["2024-03-01", "2024-05-31"]]);
    expect(one("Russia deployed troops in summer 2023.").t).toEqual([["2023-06-01", "2023-08-31"]]);
    expect(one("Russia deployed S-400 systems to Crimea around 2015.").t).toEqual([
      ["2015-01-01", "2015-12-31"],
    ]);
    expect(one("Russia built the base circa 2015.").t).toEqual([["2015-01-01", "2015-12-31"]]);
    // a count is no year
    expect(one("Around 2015 soldiers were deployed to Crimea.").t).toEqual([]);
  });
  it("reads parts of a decade, a run of weekdays, and a weekday of last week", () => {
    expect(one("Russia built the base in the early 2000s.").t).toEqual([["2000-01-01", "2003-12-31"]]);
    expect(one("Soviet troops left in the late 1980s.").t).toEqual([["1987-01-01", "1989-12-31"]]);
    expect(one("NATO expanded in the 1990s.").t).toEqual([["1990-01-01", "1999-12-31"]]);
    // published on a Friday: the last Friday to Sunday, not that Friday and the Sunday before
    expect(one("Russia attacked Kharkiv between Friday and Sunday.").t).toEqual([
      ["2026-11-13", "2026-11-15"],
    ]);
    expect(one("Russia will hold drills from Monday to Wednesday.").t).toEqual([
      ["2026-11-23", "2026-11-25"],
    ]);
    expect(one("Russia attacked Kharkiv on Tuesday last week.").t).toEqual([["2026-11-10", "2026-11-10"]]);
  });
});

describe("days of a month tried only where a match may start", () => {
  const finder = new NeedFinder([MONTH]);
  const agree = (text: string) => {
    const months = finder.tester(text, true).startsOf(MONTH as readonly string[]);
    const tried = dayOfMonthMatches(text, months).map((m) => [m.index, [...m]]);
    expect([text, tried]).toEqual([text, [...text.matchAll(DAY_OF_MONTH)].map((m) => [m.index, [...m]])]);
  };
  it("finds what the global regex finds, on every fixture article and sentence", () => {
    for (const { text } of loadFixtures()) {
      agree(text);
      for (const s of tokenize(text).sentences) agree(text.slice(s.start, s.end));
    }
  });
  it("finds what the global regex finds, on random texts of days, months and what may come between", () => {
    const pieces = [
      ..."May may Sept. October Febr 5 30 305 2024 of st th 1st 30th".split(" "),
      ..." ,\n\u00a0.-x".split(""),
      " ",
      " ",
      " of ",
    ];
    const next = seededRandom(13);
    for (let n = 0; n < 20000; n++) agree(randomText(next, pieces, 9));
  });
});

describe("a year in two digits and the past fortnight (red-team 13)", () => {
  const first = (text: string, published = "2026-11-20") => timeMentions(text, published).times[0];
  it("reads '22 as the latest such year not after the report, and since '14 up to the report", () => {
    expect(first("Russia attacked Kyiv in '22.")).toMatchObject({
      text: "in '22",
      value: { start: "2022-01-01", end: "2022-12-31", granularity: "year" },
    });
    expect(first("The base was built in ’99.")?.value).toMatchObject({ start: "1999-01-01" });
    expect(first("Patrols have continued since '14.")?.value).toMatchObject({
      start: "2014-01-01",
      end: "2026-11-20",
    });
    // a quoted word is no year, nor a decade ("the '90s" is read as one)
    expect(first("He said 'no' to the plan.")).toBeUndefined();
    expect(first("The base was built in the '90s.")?.value.granularity).toBe("decade");
  });
  it("reads the past fortnight as the fourteen days up to the report", () => {
    expect(first("Strikes increased in the past fortnight.")?.value).toMatchObject({
      start: "2026-11-06",
      end: "2026-11-20",
    });
  });
});

describe("a half of the year, not of a match (red-team 15)", () => {
  const first = (text: string) => timeMentions(text, "2026-11-20").times[0];
  it("reads 'the first half of the year' and leaves 'during the second half' alone", () => {
    expect(first("Output rose during the first half of the year.")?.value).toMatchObject({
      start: "2026-01-01",
      end: "2026-06-30",
    });
    expect(first("The striker scored during the second half.")).toBeUndefined();
    expect(first("Deliveries will come in Q3.")?.value.start).toBe("2027-07-01");
  });
});
