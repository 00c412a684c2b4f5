// Small date helpers on UTC calendar days (YYYY-MM-DD strings), so no time zone shifts a day.
export function ymd(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function parseYmd(s: string): Date {
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
