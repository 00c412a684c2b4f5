// Small date helpers on UTC calendar days (YYYY-MM-DD strings), so no time zone shifts a day.
/** "00" to "31": the two-digit months and days. */
const TWO_DIGITS = Array.from({ length: 32 }, (_, i) => String(i).padStart(2, "0"));

export function ymd(d: Date): string {
  const y = d.getUTCFullYear();
  // What toISOString().slice(0, 10) gives, built without the full ISO string (which costs several times
  // more): toISOString writes a year from 1000 to 9999 as its four digits. Other years, and an invalid
  // date (year NaN, on which toISOString throws), take toISOString itself.
  if (!(y >= 1000 && y <= 9999)) return d.toISOString().slice(0, 10);
  return `${y}-${TWO_DIGITS[d.getUTCMonth() + 1]}-${TWO_DIGITS[d.getUTCDate()]}`;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The number written by the n ASCII digits at s[i], or -1 when one of them is not a digit. */
function digitsAt(s: string, i: number, n: number): number {
  let v = 0;
  for (let k = i; k < i + n; k++) {
    const c = s.charCodeAt(k) - 48;
    if (!(c >= 0 && c <= 9)) return -1;
    v = v * 10 + c;
  }
  return v;
}

export function parseYmd(s: string): Date {
  // A valid date "YYYY-MM-DD" (year 1000 or later) is noon UTC of that day, as the parser below reads it,
  // and is made without parsing a string; anything else is left to the parser.
  const y = digitsAt(s, 0, 4);
  const m = digitsAt(s, 5, 2);
  const d = digitsAt(s, 8, 2);
  if (y >= 1000 && s.charCodeAt(4) === 45 && s.charCodeAt(7) === 45 && m >= 1 && m <= 12 && d >= 1) {
    const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
    if (d <= (m === 2 && leap ? 29 : DAYS_IN_MONTH[m - 1]!)) return new Date(Date.UTC(y, m - 1, d, 12));
  }
  return new Date(`${s.slice(0, 10)}T12:00:00Z`);
}

export function addDays(s: string, n: number): string {
  const d = parseYmd(s);
  d.setUTCDate(d.getUTCDate() + n);
  return ymd(d);
}

export function monthRange(y: number, m: number): [string, string] {
  const start = new Date(Date.UTC(y, m - 1, 1, 12));
  const end = new Date(Date.UTC(y, m, 0, 12));
  return [ymd(start), ymd(end)];
}

export function yearRange(y: number): [string, string] {
  return [`${y}-01-01`, `${y}-12-31`];
}

/** Months' abbreviations, which news writes with a full stop ("Nov. 3", "in Sept. 2019"). */
export const MONTH_ABBREVIATIONS: readonly string[] = [
  "jan",
  "feb",
  "mar",
  "apr",
  "jun",
  "jul",
  "aug",
  "sep",
  "sept",
  "oct",
  "nov",
  "dec",
];

/** Month names in calendar order, lower case. */
export const MONTH_NAMES = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
] as const;

/**
 * The years to move a date read without its year, taken in the reference date's year: news tells the past,
 * so a date more than a month after the reference date is last year's ("the drills ran from March 3", said
 * in October), unless the words just before it speak of the future, when a date before the reference date
 * is next year's ("by the end of March" said in September, with "will"). A span (a month, part of one)
 * that ends on or after the reference date is this year's even so: "will run through October", said on
 * October 7, is this October. `monthAfter` is addDays(ref, 31), which a caller grounding many dates works
 * out once; `end` is the span's last day.
 */
export function yearlessShift(
  date: string,
  ref: string,
  future: boolean,
  monthAfter = addDays(ref, 31),
  end = date,
): -1 | 0 | 1 {
  if (future) return end < ref ? 1 : 0;
  return date > monthAfter ? -1 : 0;
}

/**
 * A span after the word of a bound before it, open on its other side: "before" ends the day before it
 * starts, "after" starts the day after it ends, "by" and "until" keep its end with no start, "from" keeps
 * its start with no end; any other word leaves it whole.
 */
export function boundedSpan(
  word: string,
  start: string,
  end: string,
): { start: string | null; end: string | null } {
  switch (word) {
    case "before":
      return { start: null, end: addDays(start, -1) };
    case "after":
      return { start: addDays(end, 1), end: null };
    case "by":
    case "until":
      return { start: null, end };
    case "from":
      return { start, end: null };
    default:
      return { start, end };
  }
}
