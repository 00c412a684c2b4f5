// Time expressions chrono-node leaves out, as data: each rule finds one pattern and says how to ground it.
import type { TimeValue } from "../../core/analysis.js";
import {
  addDays,
  boundedSpan,
  MONTH_ABBREVIATIONS,
  MONTH_NAMES,
  monthRange,
  yearlessShift,
  yearRange,
} from "./dates.js";
import { CENTURIES, followedBy, type Need, YEAR } from "./needs.js";

export interface ExtraRule {
  id: string;
  pattern: RegExp;
  /**
   * returns null when the expression cannot be grounded (no reference date for a relative one); `future`
   * says whether the words before it, in its clause, speak of the future ("will meet on")
   */
  ground(
    m: RegExpExecArray,
    ref: string | null,
    future: () => boolean,
    /** the whole text, for the rules whose reading depends on the story (a fiscal year's country) */
    text: string,
  ): Omit<TimeValue, "text" | "span"> | null;
  /** whether a match is an expression of this rule at all (when not, it is no time mention) */
  accept?(m: RegExpExecArray): boolean;
  stated: string[];
  /** applied before chrono-node, whose reading of the same words it replaces */
  priority?: boolean;
  /** the mention is this capture group rather than the whole match ("a 2020 crisis" -> "2020") */
  group?: number;
  /**
   * What every match contains (see needs.ts): a text that lacks one of these cannot match, so the pattern
   * is not run over it. Each is read off the pattern: words it cannot match without (a space for its \s+),
   * or the year.
   */
  needs: readonly Need[];
  /**
   * When set, every match starts at most this many characters before the start of an occurrence of one of
   * the words of needs[0] (which must be words), so the pattern is tried only there, not read over the whole
   * text (needs.test.ts checks it).
   */
  lead?: number;
}

/** Numbers written as words, from two ("a" and "one" are read where a rule allows them). */
const NUMBER_WORDS: Record<string, number> = {
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
};

/** The weekdays in the order of Date.getUTCDay(). */
const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
const WEEKDAY_NAMES: Need = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
const WEEKDAY_PATTERN = "monday|tuesday|wednesday|thursday|friday|saturday|sunday";

/** A count written as a word ("a", "one", "two"...) or in digits. */
export function countOf(word: string): number {
  const w = word.toLowerCase();
  return w === "a" || w === "one" ? 1 : (NUMBER_WORDS[w] ?? Number(w));
}

const MONTH_INDEX: Record<string, number> = Object.fromEntries(MONTH_NAMES.map((name, i) => [name, i + 1]));

const SEASON_MONTHS: Record<string, [number, number]> = {
  spring: [3, 5],
  summer: [6, 8],
  autumn: [9, 11],
  fall: [9, 11],
  winter: [12, 2],
  "first quarter": [1, 3],
  "second quarter": [4, 6],
  "third quarter": [7, 9],
  "fourth quarter": [10, 12],
  q1: [1, 3],
  q2: [4, 6],
  q3: [7, 9],
  q4: [10, 12],
  "first half": [1, 6],
  "second half": [7, 12],
  h1: [1, 6],
  h2: [7, 12],
};

/** The months' names as news writes them, capitalised ("May", not the verb "may"), for a regex. */
const CAPITALISED_MONTHS = MONTH_NAMES.map((n) => n[0]!.toUpperCase() + n.slice(1)).join("|");
/** Their abbreviations, capitalised ("Oct", "Sept"), longest first, for a regex. */
const CAPITALISED_ABBREVIATIONS = [...MONTH_ABBREVIATIONS]
  .sort((a, b) => b.length - a.length)
  .map((n) => n[0]!.toUpperCase() + n.slice(1))
  .join("|");
/** A month's number by its abbreviation ("sept" is 9). */
const MONTH_ABBREVIATIONS_INDEX: Record<string, number> = Object.fromEntries(
  MONTH_ABBREVIATIONS.map((a) => [a, MONTH_NAMES.findIndex((n) => n.startsWith(a.slice(0, 3))) + 1]),
);

/**
 * Two days running with a slash between, before or after their month: "May 19/20" (groups 1-3) or
 * "19/20 May" (groups 4-6).
 */
const DAY_PAIR = `\\b(?:(${CAPITALISED_MONTHS})\\s+(\\d{1,2})\\s*/\\s*(\\d{1,2})|(\\d{1,2})\\s*/\\s*(\\d{1,2})\\s+(${CAPITALISED_MONTHS}))`;
/** A digit, a slash and a digit (blanks allowed between), tried at the slashes rather than at every digit. */
const DAY_PAIR_NEED: Need = { words: ["/"], pattern: /(?<=\d\s*)\/\s*\d/ };
/** A day, a month and a year with full stops between: "05.10.2026". */
const DOTTED_DATE_NEED: Need = /\d\.\d{1,2}\.(?:19|20)\d\d/;

/** The first and last years of a decade or its part: "the early 2000s" 2000-2003, "the late 1980s" 1987-1989. */
function decadePart(decade: number, part: string | undefined): [number, number] {
  const p = part?.toLowerCase();
  const [from, to] = p === "early" ? [0, 3] : p === "mid" ? [3, 6] : p === "late" ? [7, 9] : [0, 9];
  return [decade + from, decade + to];
}

/** Whether the month has that day ("31.09.2025" is no date). */
export function validDay(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= Number(monthRange(year, month)[1].slice(8, 10));
}

/** Whether a DAY_PAIR match is two days running (19/20, not 9/11 or 24/7). */
function acceptDayPair(m: RegExpExecArray): boolean {
  const a = Number(m[2] ?? m[4]);
  return a >= 1 && Number(m[3] ?? m[5]) === a + 1;
}

/** The two days of a DAY_PAIR match in a year; null for a day the month does not have. */
function groundDayPair(
  m: RegExpExecArray,
  y: number,
): { start: string; end: string; granularity: "day" } | null {
  const mo = MONTH_INDEX[(m[1] ?? m[6])!.toLowerCase()]!;
  const a = Number(m[2] ?? m[4]);
  const last = monthRange(y, mo)[1];
  if (a + 1 > Number(last.slice(8, 10))) return null;
  const start = `${last.slice(0, 8)}${String(a).padStart(2, "0")}`;
  return { start, end: addDays(start, 1), granularity: "day" };
}

/** A season's or quarter's first and last day in a year: winter runs from December into the next February. */
function seasonOf(year: number, [a, b]: [number, number]): { start: string; end: string } {
  return { start: monthRange(year, a)[0], end: monthRange(a === 12 ? year + 1 : year, b)[1] };
}

/**
 * A season, quarter or half named without its year ("in the spring", "in Q3"): told in the past, the last one
 * begun by the reference date; said of the future, the next one not ended.
 */
function partByTense(
  months: [number, number],
  ref: string,
  later: boolean,
): { start: string; end: string; granularity: "quarter" } | null {
  const y = Number(ref.slice(0, 4));
  const day = ref.slice(0, 10);
  const parts = [y - 1, y, y + 1].map((year) => seasonOf(year, months));
  const part = later ? parts.find((x) => x.end >= day) : parts.filter((x) => x.start <= day).pop();
  return part ? { ...part, granularity: "quarter" } : null;
}

const PART: Record<string, [number, number]> = { early: [1, 4], mid: [5, 8], late: [9, 12] };

/** Early, mid or late in a month: days 1-10, 11-20, 21 to its last. */
function partOfMonth(y: number, mo: number, which: string): { start: string; end: string } {
  const [first, last] = monthRange(y, mo);
  const ym = first.slice(0, 8);
  if (which === "early") return { start: first, end: `${ym}10` };
  if (which === "mid") return { start: `${ym}11`, end: `${ym}20` };
  return { start: `${ym}21`, end: last };
}

/**
 * Whose fiscal year a story counts in, from the countries it names: the United States' (October to
 * September, named by the year it ends) unless it names none of the US words and one of the others.
 */
const FISCAL_US = /\b(?:U\.S\.|US|United States|American|Pentagon|Congress|Senate|Capitol Hill)\b/;
const FISCAL_COUNTRIES: ReadonlyArray<[RegExp, "JP" | "AU" | "IN"]> = [
  [/\b(?:Japan(?:ese)?|Tokyo)\b/, "JP"],
  [/\b(?:Australian?|Canberra|New Zealand)\b/, "AU"],
  // (April to March, named by the year it ends: India, Pakistan, the UK, Canada)
  [/\b(?:India|Indian|New Delhi|Pakistani?|Islamabad|Britain|British|UK|Canada|Canadian|Ottawa)\b/, "IN"],
];

function fiscalConvention(text: string): "US" | "JP" | "AU" | "IN" {
  if (FISCAL_US.test(text)) return "US";
  for (const [re, cc] of FISCAL_COUNTRIES) if (re.test(text)) return cc;
  return "US";
}

/** A year written with two digits ("FY26", "2025-26") or four, as four. */
const fullYear = (y: string, century = 2000) => (y.length === 2 ? century + Number(y) : Number(y));

export const EXTRA_RULES: ExtraRule[] = [
  {
    // "FY2026", "FY26", "fiscal 2027", "fiscal year 2025", "FY2025-26", "the 2025-26 fiscal year": a
    // fiscal year, whose months depend on whose it is (see fiscalConvention): the US federal year ends in
    // September, India's, Britain's and Canada's in March, Australia's in June; Japan's starts in April of
    // the year that names it. A year written as two ("2025-26") runs from April (July in Australia).
    id: "fiscal-year",
    needs: [["fy", "fiscal"]],
    priority: true,
    pattern:
      /\b(?:FY[\s-]?'?(\d{4}|\d{2})(?:[-/](\d{4}|\d{2}))?|[Ff]iscal(?:[- ][Yy]ear)?\s+((?:19|20)\d{2})(?:[-/](\d{4}|\d{2}))?|((?:19|20)\d{2})[-/](\d{2})\s+fiscal(?:\s+year)?)\b/g,
    stated: ["year"],
    ground: (m, _ref, _future, text) => {
      const first = m[1] ?? m[3] ?? m[5]!;
      const second = m[2] ?? m[4] ?? m[6];
      const convention = fiscalConvention(text);
      if (second) {
        const a = fullYear(first);
        const b = fullYear(second, Math.floor(a / 100) * 100);
        if (b !== a + 1) return null;
        return convention === "AU"
          ? { start: `${a}-07-01`, end: `${b}-06-30`, granularity: "year" }
          : { start: `${a}-04-01`, end: `${b}-03-31`, granularity: "year" };
      }
      const y = fullYear(first);
      if (convention === "JP") return { start: `${y}-04-01`, end: `${y + 1}-03-31`, granularity: "year" };
      if (convention === "IN") return { start: `${y - 1}-04-01`, end: `${y}-03-31`, granularity: "year" };
      if (convention === "AU") return { start: `${y - 1}-07-01`, end: `${y}-06-30`, granularity: "year" };
      return { start: `${y - 1}-10-01`, end: `${y}-09-30`, granularity: "year" };
    },
  },
  {
    // "since the 1990s", "since the early 2000s": from the decade (or that part of it) up to publication
    id: "since-decade",
    // (the match starts with "since")
    lead: 0,
    needs: [["since the"], ["0s"]],
    priority: true,
    pattern: /\bsince\s+the\s+(?:(early|mid|late)[\s-]+)?((?:1[89]|20)\d0)s\b/gi,
    stated: ["decade"],
    ground: (m, ref) => ({
      start: `${decadePart(Number(m[2]), m[1])[0]}-01-01`,
      end: ref,
      granularity: "decade",
    }),
  },
  {
    // "since the start of the year", "since the beginning of this year": from 1 January up to publication
    id: "since-start-of-year",
    // (the match starts with "since")
    lead: 0,
    needs: [["since the"], ["of the year", "of this year"]],
    priority: true,
    pattern: /\bsince\s+the\s+(?:start|beginning|turn)\s+of\s+(?:the|this)\s+year\b/gi,
    stated: ["part"],
    ground: (_m, ref) => (ref ? { start: `${ref.slice(0, 4)}-01-01`, end: ref, granularity: "year" } : null),
  },
  {
    id: "decade",
    needs: [["0s"]],
    priority: true,
    // ("the early 2000s", "the late 1980s", "the mid-1990s": its first, middle or last years)
    pattern: /\b(?:the\s+)?(?:(early|mid|late)[\s-]+)?((?:1[89]|20)\d0)s\b/gi,
    stated: ["decade"],
    ground: (m) => {
      const [from, to] = decadePart(Number(m[2]), m[1]);
      return { start: `${from}-01-01`, end: `${to}-12-31`, granularity: "decade" };
    },
  },
  {
    id: "part-of-year",
    // (the match starts with the part of the year)
    lead: 0,
    // the word, a space or hyphen, maybe "in", and how the year starts ("late" alone is in "chocolate")
    needs: [
      ["early", "mid", "late"].flatMap((part) =>
        [" ", "-"].flatMap((sep) =>
          followedBy([`${part}${sep}in`], CENTURIES).concat(`${part}${sep}19`, `${part}${sep}20`),
        ),
      ),
      YEAR,
    ],
    priority: true,
    pattern: /\b(early|mid|late)[- ](?:in\s+)?((?:19|20)\d{2})\b/gi,
    stated: ["year", "part"],
    ground: (m) => {
      const [a, b] = PART[m[1]!.toLowerCase()]!;
      const y = Number(m[2]);
      return { start: monthRange(y, a)[0], end: monthRange(y, b)[1], granularity: "quarter" };
    },
  },
  {
    // "mid-October", "early March 2024", "late in May": the first, middle or last ten days or so of a month
    id: "part-of-month",
    // (the match starts with the part of the month)
    lead: 0,
    needs: [["early", "mid", "late"], MONTH_NAMES],
    priority: true,
    pattern: new RegExp(
      `\\b([Ee]arly|[Mm]id|[Ll]ate)(?:-|\\s+)(?:in\\s+)?(${CAPITALISED_MONTHS})\\b(?:,?\\s+((?:19|20)\\d{2})\\b)?`,
      "g",
    ),
    stated: ["month", "part"],
    ground: (m, ref, future) => {
      const mo = MONTH_INDEX[m[2]!.toLowerCase()]!;
      const part = (y: number) => partOfMonth(y, mo, m[1]!.toLowerCase());
      if (m[3]) return { ...part(Number(m[3])), granularity: "month" };
      if (!ref) return null;
      const y = Number(ref.slice(0, 4));
      const here = part(y);
      const shift = yearlessShift(here.start, ref, future(), undefined, here.end);
      return { ...part(y + shift), granularity: "month" };
    },
  },
  {
    // "the end of 2023", "the start of 2025": the last or first month of the year
    id: "end-or-start-of-year",
    needs: [["end", "start", "beginning", "turn"], followedBy(["of"], CENTURIES)],
    priority: true,
    pattern: /\b(?:the\s+)?(end|start|beginning|turn)\s+of\s+((?:19|20)\d{2})\b/gi,
    stated: ["year", "part"],
    ground: (m) => {
      const y = Number(m[2]);
      const last = m[1]!.toLowerCase() === "end";
      const [start, end] = monthRange(y, last ? 12 : 1);
      return { start, end, granularity: "month" };
    },
  },
  {
    // "between 2026 and 2028", "from 2019 to 2021": a span of years
    id: "year-range",
    // (the match starts with the first word)
    lead: 0,
    needs: [followedBy(["between", "from"], CENTURIES)],
    priority: true,
    pattern: /\b(?:between|from)\s+((?:19|20)\d{2})\s+(?:and|to|until|through)\s+((?:19|20)\d{2})\b/gi,
    stated: ["year"],
    ground: (m) => {
      const a = Number(m[1]);
      const b = Number(m[2]);
      if (b < a) return null;
      return { start: `${a}-01-01`, end: `${b}-12-31`, granularity: "year" };
    },
  },
  {
    // "between January and March 2024", "from September to November last year", "March to May 2025": a
    // span of months whose year is stated (chrono-node reads "between ... and" as two dates, takes no year
    // from after the second month for the first, and reads no "last year"); "from March to May" without a
    // year is chrono's, grounded as its other dates
    id: "month-range",
    // (the match starts with its first month, or "from " or "between " before it: tried only there)
    lead: 8,
    needs: [MONTH_NAMES, { words: ["19", "20", "year"], pattern: /(?:19|20)\d\d|year/ }],
    priority: true,
    // ("and" joins a span only after "between": "in March and May 2024" are two months)
    pattern: new RegExp(
      `\\b(?:between\\s(${CAPITALISED_MONTHS})(?:\\s+((?:19|20)\\d{2}))?\\s+and|(?:from\\s)?(${CAPITALISED_MONTHS})(?:\\s+((?:19|20)\\d{2}))?\\s*(?:to|through|until|-|\u2013))\\s*(${CAPITALISED_MONTHS})(?:,?\\s+((?:19|20)\\d{2})|\\s+(?:of\\s+)?(last|this|next)\\s+year)\\b(?![-/]\\d)`,
      "g",
    ),
    stated: ["year", "month"],
    ground: (m, ref) => {
      const a = MONTH_INDEX[(m[1] ?? m[3])!.toLowerCase()]!;
      const b = MONTH_INDEX[m[5]!.toLowerCase()]!;
      const first = m[2] ?? m[4];
      let y2: number;
      if (m[6]) y2 = Number(m[6]);
      else {
        if (!ref) return null;
        y2 = Number(ref.slice(0, 4)) + (m[7] === "last" ? -1 : m[7] === "next" ? 1 : 0);
      }
      // "from November to February 2025" starts in 2024
      const y1 = first ? Number(first) : a > b ? y2 - 1 : y2;
      if (y1 > y2 || (y1 === y2 && a > b)) return null;
      return { start: monthRange(y1, a)[0], end: monthRange(y2, b)[1], granularity: "month" };
    },
  },
  {
    // "in the spring of 2024", "the first quarter of 2025", "Q3 2025": a season (northern-hemisphere months,
    // as in most defence reporting) or a quarter
    id: "season-or-quarter",
    // the part followed by "of" and how the year starts, or the quarter or half followed by it
    needs: [
      followedBy(
        ["spring of", "summer of", "autumn of", "fall of", "winter of", "quarter of", "half of"],
        CENTURIES,
      ).concat(
        followedBy(["q1", "q2", "q3", "q4", "h1", "h2"], CENTURIES),
        // "in spring 2024", "last summer 2023": a season right before its year
        followedBy(["spring", "summer", "autumn", "fall", "winter"], CENTURIES),
      ),
      YEAR,
    ],
    priority: true,
    pattern:
      /\b(?:(?:the\s+)?(spring|summer|autumn|fall|winter|first\s+quarter|second\s+quarter|third\s+quarter|fourth\s+quarter|first\s+half|second\s+half)\s+(?:of\s+)?|(Q[1-4]|H[12])\s+)((?:19|20)\d{2})\b/gi,
    stated: ["year", "part"],
    ground: (m) => {
      const y = Number(m[3]);
      const part = (m[1] ?? m[2]!).toLowerCase().replace(/\s+/g, " ");
      const months = SEASON_MONTHS[part];
      if (!months) return null;
      return { ...seasonOf(y, months), granularity: "quarter" };
    },
  },
  {
    // "since March": from the start of the last such month up to the reference date
    id: "since-month",
    // (the match starts with "since")
    lead: 0,
    needs: [["since"], MONTH_NAMES],
    priority: true,
    pattern:
      /\bsince\s+(?:early\s+|late\s+|mid-)?(January|February|March|April|May|June|July|August|September|October|November|December)(?:\s+((?:19|20)\d{2}))?\b/g,
    stated: ["month"],
    ground: (m, ref) => {
      const mo = MONTH_INDEX[m[1]!.toLowerCase()]!;
      let y = m[2] ? Number(m[2]) : ref ? Number(ref.slice(0, 4)) : null;
      if (y === null) return null;
      if (!m[2] && ref && mo > Number(ref.slice(5, 7))) y -= 1;
      return { start: monthRange(y, mo)[0], end: ref ?? monthRange(y, mo)[1], granularity: "month" };
    },
  },
  {
    // "on the 12th", "since the 3rd": a day of the month alone, the last such day up to the reference date
    // (the next one when said of the future); not "the 12th Brigade" nor "the 5th anniversary"
    id: "day-of-month",
    // (the match starts with the preposition, "before" the longest)
    lead: 7,
    needs: [followedBy(["the"], [..."123456789"])],
    priority: true,
    pattern:
      /\b(?:on|by|since|until|from|before|after)\s+the\s+([1-9]|[12]\d|3[01])(?:st|nd|rd|th)\b(?=\s*(?:[,.;:)!?]|$)|\s+(?:and|when|at|after|before|in|as|amid|while|during|with|to|of\s+(?:this|last)\s+month)\b)/gi,
    stated: ["day"],
    ground: (m, ref, future) => {
      if (!ref) return null;
      const day = Number(m[1]);
      let y = Number(ref.slice(0, 4));
      let mo = Number(ref.slice(5, 7));
      const later = future();
      // the month holding the day: this one when the day has come (or is to come), else the one before
      // (or after), passing over months too short for it
      const step = later ? 1 : -1;
      const fits = (yy: number, mm: number) => day <= Number(monthRange(yy, mm)[1].slice(8, 10));
      const here = later ? day >= Number(ref.slice(8, 10)) : day <= Number(ref.slice(8, 10));
      if (!here || !fits(y, mo))
        do {
          mo += step;
          if (mo === 0) [y, mo] = [y - 1, 12];
          if (mo === 13) [y, mo] = [y + 1, 1];
        } while (!fits(y, mo));
      const start = `${y}-${String(mo).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
      return { start, end: start, granularity: "day" };
    },
  },
  {
    // "on Christmas Day", "on New Year's Eve": the holiday's day in the year the tense and the publication
    // date give, as "on December 25" would be
    id: "holiday",
    // (the match starts with the holiday's first word)
    lead: 0,
    needs: [
      [
        "christmas",
        "orthodox",
        "new year",
        "boxing day",
        "victory day",
        "thanksgiving",
        "easter",
        "good friday",
      ],
    ],
    priority: true,
    // Easter alone after a preposition ("on Easter", "over Easter"), not "Easter Island", "the Easter Rising"
    // or "an Easter offensive"
    pattern:
      /\b((?:Orthodox\s+)?Christmas\s+(?:Day|Eve)|Orthodox\s+Christmas|New\s+Year(?:['’]s|s)?\s+(?:Day|Eve)|Boxing\s+Day|Victory\s+Day|Thanksgiving(?:\s+Day)?|(?:Orthodox\s+)?Easter\s+(?:Sunday|Monday|Day)|Orthodox\s+Easter|Good\s+Friday|(?<=\b(?:on|at|over|since|until|before|after|by)\s+)Easter(?!\s+(?:Island|Rising|offensive|holidays?|break|eggs?|bunny|egg-?hunt)\b))\b/g,
    stated: ["day"],
    ground: (m, ref, future) => {
      if (!ref) return null;
      const name = m[1]!.toLowerCase().replace(/\s+/g, " ");
      const y = Number(ref.slice(0, 4));
      // the day in a year; Thanksgiving is the fourth Thursday of November
      const dayIn = (year: number): string => {
        if (name.includes("easter") || name.startsWith("good")) {
          const sunday = easterSunday(year, name.startsWith("orthodox"));
          return name.endsWith("monday")
            ? addDays(sunday, 1)
            : name.startsWith("good")
              ? addDays(sunday, -2)
              : sunday;
        }
        if (name.startsWith("thanksgiving")) {
          const first = new Date(Date.UTC(year, 10, 1)).getUTCDay();
          return `${year}-11-${String(1 + ((4 - first + 7) % 7) + 21).padStart(2, "0")}`;
        }
        const [mo, day] = name.startsWith("orthodox")
          ? [1, name.endsWith("eve") ? 6 : 7]
          : name.startsWith("christmas")
            ? [12, name.endsWith("eve") ? 24 : 25]
            : name.startsWith("boxing")
              ? [12, 26]
              : name.startsWith("victory")
                ? [5, 9]
                : name.endsWith("eve")
                  ? [12, 31]
                  : [1, 1];
        return `${year}-${String(mo).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
      };
      // (a holiday is one day a year: told in the past, the last one; of the future, the next)
      const day = ref.slice(0, 10);
      const later = future();
      const start = later
        ? dayIn(y) < day
          ? dayIn(y + 1)
          : dayIn(y)
        : dayIn(y) > day
          ? dayIn(y - 1)
          : dayIn(y);
      return { start, end: start, granularity: "day" };
    },
  },
  {
    // "Russia launched 60 drones overnight": the night before the report
    id: "overnight",
    // (the match starts with "overnight")
    lead: 0,
    needs: [["overnight"]],
    // ("overnight on Monday" is Monday: chrono reads the day)
    pattern: /\bovernight\b(?!\s+(?:on|into|to)\s+\w+day\b)/gi,
    stated: ["relative"],
    ground: (_m, ref) => (ref ? { start: addDays(ref, -1), end: ref, granularity: "day" } : null),
  },
  {
    // "this morning", "earlier this afternoon", "this evening": a part of the day of the report
    id: "this-part-of-day",
    // (the match starts with "this")
    lead: 0,
    needs: [["this"], ["morning", "afternoon", "evening"]],
    pattern: /\bthis\s+(?:morning|afternoon|evening)\b/gi,
    stated: ["relative"],
    ground: (_m, ref) => (ref ? { start: ref, end: ref, granularity: "day" } : null),
  },
  {
    // "a 2020 crisis", "the 2014 annexation": a year used as an adjective
    id: "year-as-adjective",
    // (the match starts with the article)
    lead: 0,
    needs: [followedBy(["a", "the", "its", "their"], CENTURIES)],
    // (no look-behind: one over a run of spaces would be re-scanned from every position of the run)
    pattern: /\b(?:a|the|its|their)\s+((?:19|20)\d{2})(?=\s+[a-z])/g,
    group: 1,
    stated: ["year"],
    ground: (m) => {
      const [start, end] = yearRange(Number(m[1]));
      return { start, end, granularity: "year" };
    },
  },
  {
    id: "since-year",
    // (the match starts with "since")
    lead: 0,
    needs: [followedBy(["since"], CENTURIES)],
    pattern: /\bsince\s+((?:19|20)\d{2})\b(?![-/]\d)/gi,
    stated: ["year"],
    ground: (m, ref) => ({ start: `${m[1]}-01-01`, end: ref, granularity: "year" }),
  },
  {
    id: "bare-year",
    // (the match starts with the word before the year)
    lead: 0,
    needs: [
      followedBy(
        [
          "in",
          "by",
          "during",
          "until",
          "from",
          "before",
          "after",
          "of",
          "throughout",
          "through",
          "into",
          "for",
          "year",
          "around",
          "circa",
        ],
        CENTURIES,
      ),
    ],
    // ("around 2015", "circa 2015": that year, roughly; not "around 2015 people")
    pattern:
      /\b(?:in|by|during|until|from|before|after|of|throughout|through|into|for|year|(?:around|circa)(?=\s+\d{4}\b(?!\s+[a-z]+s\b)))\s+((?:19|20)\d{2})\b(?![-/,]?\s?\d)/gi,
    stated: ["year"],
    ground: (m) => {
      const [start, end] = yearRange(Number(m[1]));
      // a bound is open on one side: "before 2029" ends with 2028, "by 2029" and "until 2029" with 2029,
      // "after 2029" starts in 2030, "from 2029" with it; none is the year itself
      const word = m[0]
        .slice(0, m[0].length - m[1]!.length)
        .trim()
        .toLowerCase();
      return { ...boundedSpan(word, start, end), granularity: "year" };
    },
  },
  {
    // "by the end of the year", "at the start of this month": the last or first month of the current year,
    // or the last or first days of the current month
    id: "end-or-start-of-this-period",
    needs: [
      ["end", "start", "beginning"],
      [
        "of the year",
        "of this year",
        "of the month",
        "of this month",
        "of next year",
        "of last year",
        "of next month",
        "of last month",
      ],
    ],
    priority: true,
    // ("the end of next year", "the start of last month": that year's or month's)
    pattern: /\b(?:the\s+)?(end|start|beginning)\s+of\s+(the|this|next|last)\s+(year|month)\b/gi,
    stated: ["relative", "part"],
    ground: (m, ref) => {
      if (!ref) return null;
      const rel = m[2]!.toLowerCase();
      const shift = rel === "next" ? 1 : rel === "last" ? -1 : 0;
      const unit = m[3]!.toLowerCase();
      const at = new Date(
        Date.UTC(
          Number(ref.slice(0, 4)) + (unit === "year" ? shift : 0),
          Number(ref.slice(5, 7)) - 1 + (unit === "month" ? shift : 0),
          1,
          12,
        ),
      );
      const y = at.getUTCFullYear();
      const mo = at.getUTCMonth() + 1;
      const last = m[1]!.toLowerCase() === "end";
      if (unit === "year") {
        const [start, end] = monthRange(y, last ? 12 : 1);
        return { start, end, granularity: "month" };
      }
      const [first, lastDay] = monthRange(y, mo);
      return last
        ? { start: addDays(lastDay, -9), end: lastDay, granularity: "day" }
        : { start: first, end: addDays(first, 9), granularity: "day" };
    },
  },
  {
    // "a fortnight ago": fourteen days before the report
    id: "fortnight-ago",
    // (the match starts with "a", "one" or "two", and white space, before "fortnight")
    lead: 10,
    needs: [["fortnight"]],
    priority: true,
    pattern: /\b(a|one|two)\s+fortnights?\s+ago\b/gi,
    stated: ["relative"],
    ground: (m, ref) => {
      if (!ref) return null;
      const day = addDays(ref.slice(0, 10), m[1]!.toLowerCase() === "two" ? -28 : -14);
      return { start: day, end: day, granularity: "day" };
    },
  },
  {
    // "over the past fortnight", "in the last fortnight": the fourteen days up to the report
    id: "past-fortnight",
    needs: [["fortnight"]],
    priority: true,
    pattern: /\b(?:over|in|during|for|within)\s+the\s+(?:past|last|previous)\s+fortnight\b/gi,
    stated: ["relative"],
    ground: (_m, ref) => {
      if (!ref) return null;
      return { start: addDays(ref.slice(0, 10), -14), end: ref.slice(0, 10), granularity: "week" };
    },
  },
  {
    // "in '22", "since ’14": a year written with its last two digits, the latest such year not after the report
    id: "short-year",
    needs: [/['\u2019]\d\d/],
    priority: true,
    pattern: /\b(in|since|of|from|until|till|by|before|after)\s+['\u2019](\d\d)(?![\w'\u2019])/gi,
    stated: ["year"],
    ground: (m, ref) => {
      const yy = Number(m[2]);
      const now = ref ? Number(ref.slice(0, 4)) : 2099;
      const y = 2000 + yy <= now ? 2000 + yy : 1900 + yy;
      // ("since '14": from that year up to the report, as "since 2014" is read)
      if (ref && m[1]!.toLowerCase() === "since")
        return { start: `${y}-01-01`, end: ref.slice(0, 10), granularity: "year" };
      return { start: `${y}-01-01`, end: `${y}-12-31`, granularity: "year" };
    },
  },
  {
    // "will receive the first fighters in two years": said of the future, that year or month from the report
    id: "years-ahead",
    // (the match starts with "in" and its number, where it is tried; "in 2" is in every "in 2024": the
    // unit, rarer, is what decides whether it is tried at all)
    lead: 0,
    needs: [followedBy(["in"], [...Object.keys(NUMBER_WORDS), ..."0123456789"]), ["years", "months"]],
    priority: true,
    pattern:
      /\bin\s+(two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(years|months)(?!\s+(?:of|since|after|before|ago)\b)/gi,
    stated: ["relative"],
    ground: (m, ref, future) => {
      if (!ref || !future()) return null;
      const n = countOf(m[1]!);
      const y = Number(ref.slice(0, 4));
      if (m[2]!.toLowerCase() === "years") {
        const [start, end] = yearRange(y + n);
        return { start, end, granularity: "year" };
      }
      const at = new Date(Date.UTC(y, Number(ref.slice(5, 7)) - 1 + n, 1, 12));
      const [start, end] = monthRange(at.getUTCFullYear(), at.getUTCMonth() + 1);
      return { start, end, granularity: "month" };
    },
  },
  {
    // "in Q3", "in the first half of the year": the quarter or half of this year, told in the past the last
    // one begun, said of the future the next one not ended
    id: "bare-quarter",
    // (the match starts at most "during the second " before "quarter" or "half"; a half only "of the year":
    // "scored during the second half" is a match's)
    lead: 19,
    needs: [["q1", "q2", "q3", "q4", "h1", "h2", "quarter", "half"]],
    priority: true,
    pattern:
      /\b(?:in|during|by|for)\s+(?:the\s+)?(Q[1-4]|H[12]|(?:first|second|third|fourth)\s+quarter|(?:first|second)\s+half(?=\s+of\s+(?:the|this)\s+year\b))(?:\s+of\s+(?:the|this)\s+year)?\b(?!,?\s+(?:of\s+)?(?:19|20)\d\d|\s+of\s+(?:next|last)\b)/gi,
    stated: ["part"],
    ground: (m, ref, future) => {
      if (!ref) return null;
      const months = SEASON_MONTHS[m[1]!.toLowerCase().replace(/\s+/g, " ")];
      return months ? partByTense(months, ref, future()) : null;
    },
  },
  {
    // "in recent days", "over the past few weeks", "in the coming weeks", "within two weeks": a span up to, or
    // from, the report
    id: "recent-or-coming",
    // (the match starts at most "during the next " before "few")
    lead: 16,
    needs: [["recent", "coming", "few", "within"]],
    priority: true,
    pattern:
      /\b(?:(?:in|over|during)\s+(?:the\s+)?(recent|coming|(?:next|past|last)\s+few)\s+(days|weeks|months)|within\s+(?:the\s+next\s+)?(a|one|two|three|four|five|six|\d{1,2})\s+(days?|weeks?|months?))\b/gi,
    stated: ["relative"],
    ground: (m, ref) => {
      if (!ref) return null;
      const day = ref.slice(0, 10);
      const unitDays = (unit: string) => (unit.startsWith("day") ? 1 : unit.startsWith("week") ? 7 : 30);
      if (m[3]) {
        const n = countOf(m[3]);
        return { start: day, end: addDays(day, n * unitDays(m[4]!.toLowerCase())), granularity: "day" };
      }
      const which = m[1]!.toLowerCase();
      const unit = m[2]!.toLowerCase();
      // a few of the unit: a week of days, four weeks, three months
      const span = unit === "days" ? 7 : unit === "weeks" ? 28 : 90;
      const granularity = unit === "months" ? "month" : unit === "weeks" ? "week" : "day";
      if (which === "coming" || which.startsWith("next"))
        return { start: day, end: addDays(day, span), granularity };
      return { start: addDays(day, -span), end: day, granularity };
    },
  },
  {
    // "in the spring", "during the winter": the season the tense and the publication date give (this one when
    // under way, else the last one; the coming one when said of the future)
    id: "bare-season",
    // (the match starts at most "throughout " before "the")
    lead: 11,
    needs: [followedBy(["the"], ["spring", "summer", "autumn", "fall", "winter"])],
    priority: true,
    pattern:
      /\b(?:in|during|over|through|throughout)\s+the\s+(spring|summer|autumn|fall|winter)\b(?!\s+(?:of|months|season)\b)/gi,
    stated: ["part"],
    ground: (m, ref, future) => {
      if (!ref) return null;
      return partByTense(SEASON_MONTHS[m[1]!.toLowerCase()]!, ref, future());
    },
  },
  {
    // "in the last week of October", "the first week of March 2025": seven days of the month
    id: "week-of-month",
    // (the match starts with "the " before the ordinal)
    lead: 4,
    needs: [followedBy(["first", "second", "third", "fourth", "last", "final"], ["week of"]), MONTH_NAMES],
    priority: true,
    pattern: new RegExp(
      `\\bthe\\s+(first|second|third|fourth|last|final)\\s+week\\s+of\\s+(${CAPITALISED_MONTHS})\\b(?:,?\\s+((?:19|20)\\d{2})\\b)?`,
      "gi",
    ),
    stated: ["month", "part"],
    ground: (m, ref, future) => {
      const mo = MONTH_INDEX[m[2]!.toLowerCase()]!;
      const which = m[1]!.toLowerCase();
      const week = (y: number) => {
        const [first, last] = monthRange(y, mo);
        if (which === "last" || which === "final") return { start: addDays(last, -6), end: last };
        const start = addDays(first, 7 * ["first", "second", "third", "fourth"].indexOf(which));
        return { start, end: addDays(start, 6) };
      };
      if (m[3]) return { ...week(Number(m[3])), granularity: "week" };
      if (!ref) return null;
      const y = Number(ref.slice(0, 4));
      const [a, b] = monthRange(y, mo);
      return { ...week(y + yearlessShift(a, ref, future(), undefined, b)), granularity: "week" };
    },
  },
  {
    // "in July last year", "March of next year": that month of the year named
    id: "month-of-relative-year",
    // (the match starts with the month)
    lead: 0,
    needs: [MONTH_NAMES, followedBy(["last", "next", "this"], ["year"])],
    priority: true,
    pattern: new RegExp(`\\b(${CAPITALISED_MONTHS})\\s+(?:of\\s+)?(last|next|this)\\s+year\\b`, "gi"),
    stated: ["month", "relative"],
    ground: (m, ref) => {
      if (!ref) return null;
      const rel = m[2]!.toLowerCase();
      const y = Number(ref.slice(0, 4)) + (rel === "last" ? -1 : rel === "next" ? 1 : 0);
      const [start, end] = monthRange(y, MONTH_INDEX[m[1]!.toLowerCase()]!);
      return { start, end, granularity: "month" };
    },
  },
  {
    // "on the night of Saturday to Sunday": the last such night (the coming one when said of the future)
    id: "night-of-weekdays",
    // (the match starts with "night of")
    lead: 0,
    needs: [["night of"]],
    priority: true,
    pattern:
      /\bnight\s+of\s+(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s+(?:to|into|and)\s+(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/gi,
    stated: ["relative"],
    accept: (m) => (WEEKDAYS.indexOf(m[1]!.toLowerCase()) + 1) % 7 === WEEKDAYS.indexOf(m[2]!.toLowerCase()),
    ground: (m, ref, future) => {
      if (!ref) return null;
      const day = ref.slice(0, 10);
      const want = WEEKDAYS.indexOf(m[1]!.toLowerCase());
      const dow = new Date(`${day}T12:00:00Z`).getUTCDay();
      // the first night's day: the last one whose night has ended by publication, or the coming one
      let start: string;
      if (future()) start = addDays(day, (want - dow + 7) % 7);
      else {
        start = addDays(day, -((dow - want + 7) % 7));
        if (addDays(start, 1) > day) start = addDays(start, -7);
      }
      return { start, end: addDays(start, 1), granularity: "day" };
    },
  },
  {
    // "between Friday and Sunday", "from Monday to Wednesday": the last such run of days ended by
    // publication (the coming one when said of the future), not each day read on its own
    id: "weekday-range",
    // (the match starts with "between" or "from")
    lead: 0,
    needs: [["between", "from"], WEEKDAY_NAMES, WEEKDAY_NAMES],
    priority: true,
    pattern: new RegExp(
      `\\b(?:between|from)\\s+(${WEEKDAY_PATTERN})\\s+(?:and|to|until|through|till)\\s+(${WEEKDAY_PATTERN})\\b`,
      "gi",
    ),
    stated: ["relative"],
    ground: (m, ref, future) => {
      if (!ref) return null;
      const day = ref.slice(0, 10);
      const dow = new Date(`${day}T12:00:00Z`).getUTCDay();
      const first = WEEKDAYS.indexOf(m[1]!.toLowerCase());
      const last = WEEKDAYS.indexOf(m[2]!.toLowerCase());
      const length = (last - first + 7) % 7;
      if (future()) {
        const start = addDays(day, (first - dow + 7) % 7);
        return { start, end: addDays(start, length), granularity: "day" };
      }
      // the last run whose final day is before publication, or is its day
      const end = addDays(day, -((dow - last + 7) % 7));
      return { start: addDays(end, -length), end, granularity: "day" };
    },
  },
  {
    // "on Tuesday last week", "Tuesday of last week": that day of the week before publication's (weeks
    // start on Monday)
    id: "weekday-of-last-week",
    needs: [WEEKDAY_NAMES, ["last week"]],
    priority: true,
    pattern: new RegExp(`\\b(${WEEKDAY_PATTERN})\\s+(?:of\\s+)?last\\s+week\\b`, "gi"),
    stated: ["relative"],
    ground: (m, ref) => {
      if (!ref) return null;
      const day = ref.slice(0, 10);
      const dow = (new Date(`${day}T12:00:00Z`).getUTCDay() + 6) % 7; // Monday 0
      const want = (WEEKDAYS.indexOf(m[1]!.toLowerCase()) + 6) % 7;
      const at = addDays(day, -dow - 7 + want);
      return { start: at, end: at, granularity: "day" };
    },
  },
  {
    // "last summer", "this winter", "next spring": the season (northern-hemisphere months) that ended last
    // before the reference date, the one it falls in (else that of its year), the next to start after it
    id: "relative-season",
    // (the match starts with the first word)
    lead: 0,
    needs: [followedBy(["last", "this", "next", "past"], ["spring", "summer", "autumn", "fall", "winter"])],
    priority: true,
    pattern: /\b(last|this|next|past)\s+(spring|summer|autumn|fall|winter)\b/gi,
    stated: ["relative", "part"],
    ground: (m, ref) => {
      if (!ref) return null;
      const rel = m[1]!.toLowerCase();
      const months = SEASON_MONTHS[m[2]!.toLowerCase()]!;
      const y = Number(ref.slice(0, 4));
      // the season of each year around the reference date
      const of = (year: number) => seasonOf(year, months);
      const seasons = [y - 2, y - 1, y, y + 1].map(of);
      const day = ref.slice(0, 10);
      const season =
        rel === "next"
          ? seasons.find((x) => x.start > day)
          : rel === "this"
            ? (seasons.find((x) => x.start <= day && day <= x.end) ?? of(y))
            : seasons.filter((x) => x.end < day).pop();
      return season ? { ...season, granularity: "quarter" } : null;
    },
  },
  {
    // "the '90s", "the 80s": a decade written with two digits (not "the '20s", 1920s or 2020s)
    id: "short-decade",
    needs: [["0s"]],
    priority: true,
    pattern: /(?:\bthe\s+['\u2019]?|(?<![\w'\u2019])['\u2019])([013-9])0s\b/gi,
    stated: ["decade"],
    ground: (m) => {
      const d = Number(m[1]);
      const y = d >= 3 ? 1900 + d * 10 : 2000 + d * 10;
      return { start: `${y}-01-01`, end: `${y + 9}-12-31`, granularity: "decade" };
    },
  },
  {
    // "the 2023-24 season", "in 2019/20", "the 1999-2003 war": a span of years (not "2023-10", a month)
    id: "year-pair",
    needs: [/(?:19|20)\d\d[-\u2013/]\d\d/],
    priority: true,
    pattern: /\b((?:19|20)\d{2})[-\u2013/]((?:19|20)\d{2}|\d{2})\b(?![-/.]\d)/g,
    stated: ["year"],
    accept: (m) => {
      const a = Number(m[1]);
      if (m[2]!.length === 2) return Number(m[2]) === (a + 1) % 100;
      const b = Number(m[2]);
      return b > a && b - a <= 30;
    },
    ground: (m) => {
      const a = Number(m[1]);
      const b = m[2]!.length === 2 ? a + 1 : Number(m[2]);
      return { start: `${a}-01-01`, end: `${b}-12-31`, granularity: "year" };
    },
  },
  {
    // "on March 3/4, 2024", "the night of 19/20 May 2024": two days running, written with a slash. chrono-node
    // reads "May 19/20" as May 19, 2020, "March 3/4, 2024" as March 3 of the reference year, and "19/20 May"
    // as May 20 alone
    id: "day-pair",
    needs: [MONTH_NAMES, DAY_PAIR_NEED, YEAR],
    priority: true,
    pattern: new RegExp(`${DAY_PAIR}(?:,?\\s+((?:19|20)\\d{2}))\\b(?![/.-]\\d)`, "g"),
    stated: ["year", "month", "day"],
    accept: acceptDayPair,
    ground: (m) => groundDayPair(m, Number(m[7])),
  },
  {
    // "on 05.10.2026": a date written with full stops is day first (as in most of Europe, Ukraine and Russia);
    // chrono-node reads it month first, as it does a date with slashes ("05/10/2026", left to it)
    id: "dotted-date",
    needs: [DOTTED_DATE_NEED],
    priority: true,
    pattern: /(?<![\d.])(\d{1,2})\.(\d{1,2})\.((?:19|20)\d{2})(?![\d]|\.\d)/g,
    stated: ["year", "month", "day"],
    accept: (m) => validDay(Number(m[3]), Number(m[2]), Number(m[1])),
    ground: (m) => {
      const day = `${m[3]}-${m[2]!.padStart(2, "0")}-${m[1]!.padStart(2, "0")}`;
      return { start: day, end: day, granularity: "day" };
    },
  },
  {
    // "on Oct. 5 and 6", "on 5 and 6 October": two days of one month, each its own day; the time runs over both
    id: "day-and-day",
    // (the match starts with its month, or with its first day: at most a digit before a digit followed by
    // "and"; tried only there)
    lead: 1,
    needs: [
      [...MONTH_NAMES, ...MONTH_ABBREVIATIONS, ...followedBy([..."0123456789"], ["and"])],
      [...MONTH_NAMES, ...MONTH_ABBREVIATIONS],
      followedBy(["and"], [..."123456789"]),
    ],
    priority: true,
    pattern: new RegExp(
      `\\b(?:(${CAPITALISED_MONTHS}|${CAPITALISED_ABBREVIATIONS})\\.?\\s+(\\d{1,2})\\s+and\\s+(\\d{1,2})|(\\d{1,2})\\s+and\\s+(\\d{1,2})\\s+(${CAPITALISED_MONTHS}))\\b(?!\\s*(?:[/.:%-]\\d|,?\\s+(?:19|20)\\d{2}\\b)|\\s+(?:[a-z]+)\\b(?<!\\s(?:in|at|on|when|as|and|after|before|while|during|with|to|amid|near|off|along)))`,
      "g",
    ),
    stated: ["month", "day"],
    accept: (m) => {
      const a = Number(m[2] ?? m[4]);
      const b = Number(m[3] ?? m[5]);
      return a >= 1 && b > a && b <= 31;
    },
    ground: (m, ref, future) => {
      if (!ref) return null;
      const word = (m[1] ?? m[6])!.toLowerCase();
      const mo = MONTH_INDEX[word] ?? MONTH_ABBREVIATIONS_INDEX[word]!;
      const a = Number(m[2] ?? m[4]);
      const b = Number(m[3] ?? m[5]);
      const at = (y: number) => {
        const last = Number(monthRange(y, mo)[1].slice(8, 10));
        if (b > last) return null;
        const ym = `${y}-${String(mo).padStart(2, "0")}-`;
        return { start: `${ym}${String(a).padStart(2, "0")}`, end: `${ym}${String(b).padStart(2, "0")}` };
      };
      const y = Number(ref.slice(0, 4));
      const value = at(y);
      if (!value) return null;
      const shift = yearlessShift(value.start, ref, future(), undefined, value.end);
      const shifted = shift === 0 ? value : at(y + shift);
      return shifted ? { ...shifted, granularity: "day" } : null;
    },
  },
  {
    // "on the night of May 19/20": the same without a year, grounded as chrono-node's dates without one
    // (see yearlessShift)
    id: "day-pair-no-year",
    needs: [MONTH_NAMES, DAY_PAIR_NEED],
    priority: true,
    pattern: new RegExp(`${DAY_PAIR}\\b(?![/.-]\\d|,?\\s+(?:19|20)\\d{2}\\b)`, "g"),
    stated: ["month", "day"],
    accept: acceptDayPair,
    ground: (m, ref, future) => {
      if (!ref) return null;
      const y = Number(ref.slice(0, 4));
      const value = groundDayPair(m, y);
      if (!value) return null;
      const shift = yearlessShift(value.start, ref, future(), undefined, value.end);
      return shift === 0 ? value : groundDayPair(m, y + shift);
    },
  },
  {
    // "a decade ago", "two decades ago": the year that many decades before the reference date's
    id: "decades-ago",
    needs: [["decade ago", "decades ago"]],
    priority: true,
    pattern: /\b(a|one|two|three|four|five)\s+decades?\s+ago\b/gi,
    stated: ["relative"],
    ground: (m, ref) => {
      if (!ref) return null;
      const n = countOf(m[1]!);
      const [start, end] = yearRange(Number(ref.slice(0, 4)) - 10 * n);
      return { start, end, granularity: "year" };
    },
  },
  {
    // "over the past two weeks", "in the last 10 days": from that long before the reference date up to it
    id: "past-span",
    // "the past", "the last" or "the previous" followed by the number (or how it starts)
    needs: [
      followedBy(["the past", "the last", "the previous"], [...Object.keys(NUMBER_WORDS), ..."0123456789"]),
      ["days", "weeks", "months", "hours"],
    ],
    priority: true,
    pattern:
      /\b(?:over|in|during|for|within)\s+the\s+(?:past|last|previous)\s+(two|three|four|five|six|seven|eight|nine|ten|\d{1,3})\s+(days|weeks|months|hours)\b/gi,
    stated: ["relative"],
    ground: (m, ref) => {
      if (!ref) return null;
      const n = countOf(m[1]!);
      const unit = m[2]!.toLowerCase();
      // "over the past 48 hours": the days they reach back into, up to the report
      if (unit === "hours")
        return { start: addDays(ref, -Math.max(1, Math.ceil(n / 24))), end: ref, granularity: "day" };
      if (unit === "months") {
        const d = new Date(`${ref.slice(0, 10)}T12:00:00Z`);
        d.setUTCMonth(d.getUTCMonth() - n);
        return { start: d.toISOString().slice(0, 10), end: ref, granularity: "month" };
      }
      return {
        start: addDays(ref, -(unit === "weeks" ? 7 * n : n)),
        end: ref,
        granularity: unit === "weeks" ? "week" : "day",
      };
    },
  },
  {
    id: "relative-period",
    // ("earlier " or "later " may come before "this week")
    lead: 8,
    needs: [followedBy(["this", "last", "next", "past", "previous", "coming"], ["week", "month", "year"])],
    priority: true,
    // ("late last month", "early this year", "mid-next month": a part of it, as part-of-month reads one)
    pattern:
      /\b(?:(early|mid|late)(?:-|\s+)(?=(?:this|last|next|past|previous|coming)\s+(?:month|year)\b))?(earlier this|later this|this|last|next|past|previous|coming)\s+(week|month|year)\b/gi,
    stated: ["relative"],
    ground: (m, ref) => {
      if (!ref) return null;
      const part = m[1]?.toLowerCase();
      const rel = m[2]!.toLowerCase();
      const unit = m[3]!.toLowerCase();
      const y = Number(ref.slice(0, 4));
      const mo = Number(ref.slice(5, 7));
      const shift =
        rel === "last" || rel === "past" || rel === "previous"
          ? -1
          : rel === "next" || rel === "coming"
            ? 1
            : 0;
      if (unit === "year") {
        const [start, end] = yearRange(y + shift);
        if (part) {
          const [a, b] = PART[part]!;
          return {
            start: monthRange(y + shift, a)[0],
            end: monthRange(y + shift, b)[1],
            granularity: "month",
          };
        }
        if (rel === "earlier this") return { start, end: ref, granularity: "year" };
        return { start, end, granularity: "year" };
      }
      if (unit === "month") {
        const d = new Date(Date.UTC(y, mo - 1 + shift, 1, 12));
        if (part)
          return { ...partOfMonth(d.getUTCFullYear(), d.getUTCMonth() + 1, part), granularity: "month" };
        const [start, end] = monthRange(d.getUTCFullYear(), d.getUTCMonth() + 1);
        if (rel === "earlier this") return { start, end: ref, granularity: "month" };
        return { start, end, granularity: "month" };
      }
      // A week in news is a calendar week, Monday to Sunday: "last week" said on a Tuesday is the week
      // before this one, not the seven days before the article.
      const dow = (new Date(`${ref.slice(0, 10)}T12:00:00Z`).getUTCDay() + 6) % 7;
      const start = addDays(ref, shift * 7 - dow);
      if (rel === "earlier this") return { start, end: ref, granularity: "week" };
      if (rel === "later this") return { start: ref, end: addDays(start, 6), granularity: "week" };
      return { start, end: addDays(start, 6), granularity: "week" };
    },
  },
];

/**
 * Easter Sunday of a year (YYYY-MM-DD, Gregorian): the Western date by the anonymous Gregorian computus, the
 * Orthodox one by the Julian computus, moved to the Gregorian calendar (13 days, from 1900 to 2099).
 */
export function easterSunday(year: number, orthodox = false): string {
  let month: number;
  let day: number;
  if (orthodox) {
    const d = (19 * (year % 19) + 15) % 30;
    const e = (2 * (year % 4) + 4 * (year % 7) - d + 34) % 7;
    month = Math.floor((d + e + 114) / 31);
    day = ((d + e + 114) % 31) + 1;
    return addDays(`${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`, 13);
  }
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const h = (19 * a + b - Math.floor(b / 4) - Math.floor((b - Math.floor((b + 8) / 25) + 1) / 3) + 15) % 30;
  const l = (32 + 2 * (b % 4) + 2 * Math.floor(c / 4) - h - (c % 4)) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  month = Math.floor((h + l - 7 * m + 114) / 31);
  day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}
