// Time: chrono-node for dates, our extra rules for what it misses, grounded against the publication date.
// Values say which parts the text stated and which were implied from the reference date.
import * as chrono from "chrono-node";
import type { TimeValue } from "../../core/analysis.js";
import type { Context, TimeMention } from "../../core/context.js";
import { checkBudget, type Stage } from "../../core/pipeline.js";
import { startLiterals } from "../start-words.js";
import { isSpaceAt } from "../tokens.js";
import { addDays, boundedSpan, MONTH_NAMES, monthRange, parseYmd, yearlessShift, ymd } from "./dates.js";
import { EXTRA_RULES, type ExtraRule, validDay } from "./extra-parsers.js";
import { MONTH, type Need, NeedFinder, type NeedList, type NeedTester } from "./needs.js";

const FUTURE_CUE =
  /\b(will|would|plans?|planned|scheduled|(?<!\bthe\s)next(?!\s+(?:day|morning|afternoon|evening|night)\b)|upcoming|expected to|is to|are to|set to|intends?|(?:is|are|was|were)\s+due\s+to|(?:is|are)\s+due\b|due\s+to\s+(?:begin|start|end|arrive|open|close|take\s+place|be\s+held))\b/i;
const WEEKDAY_ONLY =
  /^(?:(?:early|late)\s+)?(on\s+)?((?:last|past)\s+)?(?:(mon|tues|wednes|thurs|fri|satur|sun)day|(?:the\s+)?weekend)[,.]?$/i;

/**
 * chrono-node's English parsers for dates. Times of day ("10 a.m.") and relative periods, which our own
 * rules read with the granularity news needs, are left out: the time-of-day parser alone costs most of the run.
 */
const DATE_PARSERS =
  /^EN(?:YearMonthDay|MonthNameLittleEndian|MonthNameMiddleEndian|Weekday|TimeUnitAgoFormat|YearMonthName|CasualDate|MonthName)Parser$|^(?:ISOFormat|SlashDateFormat)Parser$/;
const casual = chrono.en.casual as unknown as { parsers: chrono.Parser[]; refiners: chrono.Refiner[] };

/** A digit, which every match of each regex need below also contains. */
const DIGIT = /\d/;

/**
 * What every day of the month chrono-node reads contains: a digit, or a word of each of its ordinals
 * ("thirteenth" to "nineteenth" end in "teenth", "twenty-first" holds "first").
 */
const DAY_NUMBER: Need = [
  ..."0123456789",
  ..."first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth teenth twentieth thirtieth".split(
    " ",
  ),
];

/**
 * A weekday's name as chrono-node's ENWeekdayParser reads it: a whole word, or glued to the words its
 * pattern lets stand against it with no space ("onMonday", "Mondaythis week"). Its words alone are met
 * by "month", "money", "satellite", "friends" and "weekly", and then a sentence's weekday parser runs for
 * nothing. (Anchored at its words, with which every weekday's name and abbreviation, "weekend" and
 * "weekday" start: the pattern, costly to read over a sentence, is tried only where they occur.)
 */
const WEEKDAY_WORD: Need = {
  words: ["sun", "mon", "tue", "wed", "thu", "fri", "sat", "week"],
  pattern:
    /(?:(?<![a-z0-9_])|(?<=on|this|last|past|next))(?:(?:sun|mon|tues|wednes|thurs|fri|satur)day|sun|mon|tue|wed|thu|thur|thurs|fri|sat|weekend|weekday)(?:(?![a-z0-9_])|(?=of|this|last|past|next))/i,
};

/**
 * A month's name as chrono-node's month parsers read it: the word stands alone but for a digit either
 * side ("5May", "May2024") and the few words their patterns let stand against it with no space: "in",
 * "of", an ordinal's ending and an era's letters before it ("inMay", "fifthof May", "5thMay",
 * "2024 ADMay"), "of" and an ordinal's first letters after it ("Mayfirst"). "decided", "market",
 * "separate" and "novel" meet its words alone (the first three letters of a month's name, at which it is
 * anchored).
 */
const MONTH_NAME_WORD: Need = {
  words: MONTH as readonly string[],
  pattern:
    /(?:(?<![a-z_])|(?<=in|of|st|nd|rd|th|ad|bc|be|ce))(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?:(?![a-z_])|(?=of|fi|fo|se|si|th|te|tw|ei|el|ni))/i,
};

/**
 * A day before its month, as ENMonthNameLittleEndianParser reads them: each of its matches ends its day
 * with a digit or an ordinal's ending (every ordinal word ends in "st", "nd", "rd" or "th"), then "-", "/"
 * or at most three blanks, "of" and three more, then the month's name ("5 May", "the fifth of May"). Anchored
 * at the month's first letters; "May 5" alone does not run the parser.
 */
const DAY_BEFORE_MONTH: Need = {
  words: MONTH as readonly string[],
  pattern:
    /(?<=(?:\d|st|nd|rd|th)(?:-|\/|\s{0,3}(?:of)?\s{0,3}))(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i,
};

/**
 * A month before its day, as ENMonthNameMiddleEndianParser reads them: the month's name (its first three
 * letters, more letters, maybe a full stop), "-", "/" or blanks and a comma, then the day: a digit or the
 * first two letters of an ordinal word (those of MONTH_NAME_WORD's lookahead). "5 May" alone does not run
 * the parser.
 */
const MONTH_BEFORE_DAY: Need = {
  words: MONTH as readonly string[],
  pattern:
    /(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?:-|\/|\s*,?\s*)(?:\d|fi|fo|se|si|th|te|tw|ei|el|ni)/i,
};

/** A casual date's word, whole ("now" not in "known", "night" after "last"), as ENCasualDateParser reads it. */
const CASUAL_WORD = /\b(?:now|today|tonight|tomorrow|overmorrow|tmrw?|yesterday|last\s*night)\b/i;

/** The regex need that is words, which a sentence without a digit may meet (the other regexes need one). */
const WORD_REGEXES = new Set([CASUAL_WORD]);

/**
 * What every match of each date parser's pattern contains (see needs.ts), read off chrono-node's patterns
 * (needs.test.ts checks them on the fixtures). A parser whose needs a sentence lacks finds nothing there,
 * so it is left out of that sentence's run: chrono gathers each parser's results, sorts them by position
 * (a stable sort) and only then refines them, so a parser that finds nothing changes nothing.
 */
export const DATE_PARSER_NEEDS: Record<string, readonly Need[]> = {
  // a year, a separator, a month's number or name (letters, maybe a full stop), a separator and a day:
  // a year alone ("in 2024") does not run the parser
  ENYearMonthDayParser: [/\d{4}[-./\s](?:\d{1,2}|[a-z]+\.?)[-./\s]\d/i],
  ISOFormatParser: [/\d{4}-\d{1,2}-\d/],
  SlashDateFormatParser: [/\d[-./]\d/],
  ENMonthNameLittleEndianParser: [MONTH_NAME_WORD, DAY_NUMBER, DAY_BEFORE_MONTH],
  ENMonthNameMiddleEndianParser: [MONTH_NAME_WORD, DAY_NUMBER, MONTH_BEFORE_DAY],
  ENWeekdayParser: [WEEKDAY_WORD],
  ENTimeUnitAgoFormatParser: [["ago", "before", "earlier"]],
  ENYearMonthNameParser: [MONTH_NAME_WORD, DIGIT],
  // now, today, tonight, tomorrow, overmorrow, tmr(w), yesterday, last night
  ENCasualDateParser: [["now", "today", "night", "morrow", "tmr", "yesterday"], CASUAL_WORD],
  ENMonthNameParser: [MONTH_NAME_WORD],
};
export const DATE_PARSERS_USED = casual.parsers.filter((p) => DATE_PARSERS.test(p.constructor.name));

/** The needs of the date parsers, found in each sentence chrono may read. */
export const PARSER_NEEDS = new NeedFinder(Object.values(DATE_PARSER_NEEDS).flat());

/** One chrono-node instance per set of parsers a sentence needs (by bit mask over DATE_PARSERS_USED). */
const dateParsers = new Map<number, chrono.Chrono>();

/** The needs of each of DATE_PARSERS_USED (a parser not in DATE_PARSER_NEEDS always runs). */
const USED_PARSER_NEEDS = DATE_PARSERS_USED.map((p) => DATE_PARSER_NEEDS[p.constructor.name] ?? []);

/** For each of DATE_PARSERS_USED, whether its needs have a regex other than a word's (so need a digit too). */
const NEEDS_DIGIT = USED_PARSER_NEEDS.map((needs) =>
  needs.some((n) => n instanceof RegExp && !WORD_REGEXES.has(n)),
);

/** USED_PARSER_NEEDS and the digit, compiled for PARSER_NEEDS' testers. */
const USED_PARSER_NEED_LISTS = USED_PARSER_NEEDS.map((needs) => PARSER_NEEDS.compile(needs));
const DIGIT_NEEDS = PARSER_NEEDS.compile([DIGIT]);

/**
 * The suffix chrono-node's ExtractTimezoneAbbrRefiner reads after each result (its TIMEZONE_NAME_PATTERN,
 * copied): the words it tries as a time zone's abbreviation.
 */
const TIMEZONE_NAME = /^\s*,?\s*\(?([A-Z]{2,4})\)?(?=\W|$)/i;

/** Whether chrono-node knows each abbreviation it was asked about as a time zone's (see zoneKnown). */
const ZONE_KNOWN = new Map<string, boolean>();

/**
 * Whether chrono-node's table of time zone abbreviations has this one: the refiner's toTimezoneOffset (not
 * exported) gives null for any date exactly when the table lacks the abbreviation (we give it no zones of
 * our own), and a reference made from the abbreviation takes its offset from that same function.
 */
function zoneKnown(abbreviation: string): boolean {
  let known = ZONE_KNOWN.get(abbreviation);
  if (known === undefined) {
    const ref = chrono.ReferenceWithTimezone.fromInput({ instant: new Date(0), timezone: abbreviation });
    known = ref.timezoneOffset !== null;
    ZONE_KNOWN.set(abbreviation, known);
  }
  return known;
}

/**
 * Whether ExtractTimezoneAbbrRefiner could change the result: only where the text after it reads as an
 * abbreviation chrono knows (it leaves every other result as it is, after working out its date).
 */
function mayHaveZone(context: chrono.ParsingContext, r: chrono.ParsingResult): boolean {
  const m = TIMEZONE_NAME.exec(context.text.substring(r.index + r.text.length));
  return m !== null && zoneKnown(m[1]!.toUpperCase());
}

/**
 * Whether ENEndOfPeriodRefiner could change the result: its PREFIX_PATTERN
 * (/\b(?:last\s+day|end)\s+of\s+(?:the\s+)?$/i, read over all the text before the result) ends with "of" or
 * "the" and then the white space up to the result, so without them it leaves the result as it is.
 */
function mayEndPeriod(context: chrono.ParsingContext, r: chrono.ParsingResult): boolean {
  const text = context.text;
  let i = r.index;
  while (i > 0 && /\s/.test(text[i - 1]!)) i--;
  if (i === r.index) return false;
  const word = text.slice(Math.max(0, i - 3), i).toLowerCase();
  return word.endsWith("of") || word === "the";
}

/** Each refiner that a cheap test of each result shows to leave every result as it is, with that test. */
const REFINER_ACTS: Record<string, (context: chrono.ParsingContext, r: chrono.ParsingResult) => boolean> = {
  ExtractTimezoneAbbrRefiner: mayHaveZone,
  ENEndOfPeriodRefiner: mayEndPeriod,
};

/**
 * chrono-node's refiners, each of REFINER_ACTS run only when its test says it may change one of the
 * results: both only change results in place and return the list they were given, so where none of the
 * results passes the test, returning the list is what they would have done.
 */
export const DATE_REFINERS: chrono.Refiner[] = casual.refiners.map((refiner) => {
  const acts = REFINER_ACTS[refiner.constructor.name];
  if (!acts) return refiner;
  return {
    refine(context: chrono.ParsingContext, results: chrono.ParsingResult[]): chrono.ParsingResult[] {
      for (const r of results) if (acts(context, r)) return refiner.refine(context, results);
      return results;
    },
  };
});

/** The bit of ENWeekdayParser in a mask over DATE_PARSERS_USED. */
const WEEKDAY_ONLY_MASK = 1 << DATE_PARSERS_USED.findIndex((p) => p.constructor.name === "ENWeekdayParser");

/**
 * The refiners of a sentence where only ENWeekdayParser runs, without those that leave every such result
 * as it is (read off chrono-node's source). A weekday result's text starts with its weekday, ",", "(", "on"
 * or a modifier and ends with its weekday, "week", ",", ")"; its weekday alone is certain, its year, month
 * and day being implied from a real date (the reference date moved by whole days); the refiners that do
 * run only add a time zone, drop overlaps or join two weekdays into a range. So:
 * ENMergeRelativeAfterDateRefiner wants a result starting with "+" or "-", ENMergeRelativeFollowByDateRefiner
 * one ending with "before", "from", "after" or "since", MergeWeekdayComponentRefiner a certain day after
 * the weekday, ENMergeDateTimeRefiner a time alone (no certain weekday), ENExtractYearSuffixRefiner a
 * certain month; ForwardDateRefiner acts only with the forwardDate option (we give none);
 * UnlikelyFormatFilter (casual's, not in strict mode) drops only texts of digits and invalid dates, and
 * ENUnlikelyFormatFilter only "may" and texts ending with "the second".
 */
const WEEKDAY_NO_OPS = new Set([
  "ENMergeRelativeAfterDateRefiner",
  "ENMergeRelativeFollowByDateRefiner",
  "MergeWeekdayComponentRefiner",
  "ENMergeDateTimeRefiner",
  "ForwardDateRefiner",
  "UnlikelyFormatFilter",
  "ENExtractYearSuffixRefiner",
  "ENUnlikelyFormatFilter",
]);
export const WEEKDAY_REFINERS = DATE_REFINERS.filter(
  (r) =>
    !WEEKDAY_NO_OPS.has(r.constructor.name) ||
    (r.constructor.name === "UnlikelyFormatFilter" && (r as { strictMode?: boolean }).strictMode === true),
);

function dateParserFor(needs: NeedTester): chrono.Chrono | undefined {
  // without a digit, the regex needs are not met, and not each read over the sentence
  const digit = needs.all(DIGIT_NEEDS);
  let mask = 0;
  for (let i = 0; i < USED_PARSER_NEEDS.length; i++)
    if ((digit || !NEEDS_DIGIT[i]) && needs.all(USED_PARSER_NEED_LISTS[i]!)) mask |= 1 << i;
  if (mask === 0) return undefined;
  let parser = dateParsers.get(mask);
  if (!parser) {
    parser = new chrono.Chrono({
      parsers: DATE_PARSERS_USED.filter((_, i) => mask & (1 << i)),
      refiners: mask === WEEKDAY_ONLY_MASK ? WEEKDAY_REFINERS : DATE_REFINERS,
    });
    dateParsers.set(mask, parser);
  }
  return parser;
}

/** Words without which a sentence holds no date chrono could read: it runs only on sentences that have one. */
export const DATE_HINT =
  /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|(?:mon|tues|wednes|thurs|fri|satur|sun)day|weekend|today|tonight|last\s+night|yesterday|tomorrow|ago|(?:19|20)\d\d)\b|\b\d{1,2}[/.-]\d{1,2}\b/i;
/**
 * DATE_HINT in two parts, tested in turn: its numbers (a year, 5/6), which a regex finds fast, then its
 * words (grouped by first letter), which cost the most to look for, only where there is no number.
 * (time.test.ts checks both parts together agree with DATE_HINT.)
 */
const DATE_HINT_NUMBER = /\b(?:(?:19|20)\d\d|\d{1,2}[/.-]\d{1,2})\b/;
export const DATE_HINT_WORD =
  /\b(?:j(?:an(?:uary)?|une?|uly?)|f(?:eb(?:ruary)?|riday)|m(?:ar(?:ch)?|ay|onday)|a(?:pr(?:il)?|ug(?:ust)?|go)|s(?:ept?(?:ember)?|aturday|unday)|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|t(?:uesday|hursday|oday|onight|omorrow)|w(?:ednesday|eekend)|yesterday|last\s+night)\b/i;

/** DATE_HINT.test(text), faster. */
export function hasDateHint(text: string): boolean {
  return DATE_HINT_NUMBER.test(text) || DATE_HINT_WORD.test(text);
}

/** Every word DATE_HINT_WORD matches (time.test.ts checks it), found with our rules' needs in one pass. */
export const DATE_HINT_WORDS: Need =
  "jan january jun june jul july feb february friday mar march may monday apr april aug august ago sep sept sepember september saturday sunday oct october nov november dec december tuesday thursday today tonight tomorrow wednesday weekend yesterday"
    .split(" ")
    .concat("last night");

/** The needs of our own rules, the hint's words and the months (for impossibleDays), found in each document. */
const RULE_NEEDS = new NeedFinder([...EXTRA_RULES.flatMap((r) => r.needs), DATE_HINT_WORDS, MONTH]);

/** A character \w matches: a letter, a digit or "_". */
function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

/**
 * DATE_HINT_WORD.test(text.slice(start, end)), from the occurrences of DATE_HINT_WORDS in the text (as
 * [start, end) pairs): it matches one of them that lies in the range with a word boundary on each side
 * (the range's edges are boundaries for the slice, as the words are all letters).
 */
export function hasHintWord(text: string, words: readonly number[], start: number, end: number): boolean {
  for (let i = 0; i < words.length; i += 2) {
    const a = words[i]!;
    const b = words[i + 1]!;
    if (
      start <= a &&
      b <= end &&
      (a === start || !isWordChar(text.charCodeAt(a - 1))) &&
      (b === end || !isWordChar(text.charCodeAt(b)))
    )
      return true;
  }
  return false;
}

/**
 * chrono-node's own patterns look back over the whole text before each date it finds, so one huge run-on
 * "sentence" full of dates costs the square of its length. Longer ranges are read in pieces cut at a line
 * break, else at a space.
 */
const MAX_CHRONO_CHARS = 10_000;

function* pieces(text: string, start: number, end: number): Generator<{ start: number; end: number }> {
  while (end - start > MAX_CHRONO_CHARS) {
    const limit = start + MAX_CHRONO_CHARS;
    const newline = text.lastIndexOf("\n", limit);
    const space = text.lastIndexOf(" ", limit);
    const cut = newline > start ? newline : space > start ? space : limit;
    yield { start, end: cut };
    start = cut;
  }
  yield { start, end };
}

/**
 * How far before the first word or digit a date parser needs, and after the last, chrono reads: every date
 * it finds holds one of them (DATE_PARSER_NEEDS), and none reaches this far from it ("two years, three
 * months and five days ago" is 36 characters).
 */
const WINDOW_PAD = 80;

const isBlank = (c: number) => c === 32 || c === 10 || c === 9 || c === 13 || c === 160;
const isDigit = (c: number) => c >= 48 && c <= 57;

/**
 * The stretch of a sentence chrono-node reads, [start, end): from the first word or digit its date parsers
 * need to the last, WINDOW_PAD characters wider on each side and cut at a blank. Its patterns try every
 * position of the text they are given, so a long sentence with one date near its end is read once over
 * a short stretch, not over all of it; what they find there is what they find in the whole sentence.
 */
export function dateWindow(part: string, needs: NeedTester): [number, number] {
  const words = needs.extent();
  let lo = words ? words[0] : part.length;
  let hi = words ? words[1] : 0;
  for (let i = 0; i < lo; i++)
    if (isDigit(part.charCodeAt(i))) {
      lo = i;
      break;
    }
  for (let i = part.length - 1; i >= hi; i--)
    if (isDigit(part.charCodeAt(i))) {
      hi = i + 1;
      break;
    }
  let start = lo - WINDOW_PAD;
  if (start <= 0) start = 0;
  else while (start > 0 && !isBlank(part.charCodeAt(start))) start--;
  let end = hi + WINDOW_PAD;
  if (end >= part.length) end = part.length;
  else while (end < part.length && !isBlank(part.charCodeAt(end))) end++;
  return [start, end];
}

/** chrono-node's results over a text's sentences, each with the index of the range (sentence) it was read in. */
interface DateResults {
  results: chrono.ParsedResult[];
  rangeOf: number[];
}

function parseDateSentences(
  text: string,
  refDate: Date,
  sentences: Context["sentences"],
  ctx: Context,
  hintWords: readonly number[] | undefined,
): DateResults {
  const ranges = sentences?.length ? sentences : [{ start: 0, end: text.length }];
  const out: chrono.ParsedResult[] = [];
  const from: number[] = [];
  let k = 0;
  const read = (start: number, end: number) => {
    checkBudget(ctx);
    const part = text.slice(start, end);
    // (the hint's words from the pass over the whole text, where there is one, not a regex per sentence)
    if (
      !(
        DATE_HINT_NUMBER.test(part) ||
        (hintWords ? hasHintWord(text, hintWords, start, end) : DATE_HINT_WORD.test(part))
      )
    )
      return;
    const needs = PARSER_NEEDS.tester(part, true);
    const parser = dateParserFor(needs);
    if (!parser) return;
    // chrono reads only the stretch of the sentence where a date can be (see dateWindow)
    const [a, b] = dateWindow(part, needs);
    const read = a === 0 && b === part.length ? part : part.slice(a, b);
    for (const r of parser.parse(read, { instant: refDate, timezone: 0 })) {
      (r as { index: number }).index += start + a;
      out.push(r);
      from.push(k);
    }
  };
  for (; k < ranges.length; k++) {
    const range = ranges[k]!;
    // a range short enough is its own one piece (without the generator)
    if (range.end - range.start <= MAX_CHRONO_CHARS) read(range.start, range.end);
    else for (const s of pieces(text, range.start, range.end)) read(s.start, s.end);
  }
  return { results: out, rangeOf: from };
}

/** Where a clause ends, as the time stage cuts the words before a date into clauses. */
const CLAUSE_BREAK =
  /[;:]|,\s+(?:and|but|while|which|who)\b|\bsaid\b|\b(?:after|before|since|following|when|ago)\b/g;

/** The last clause of a text: text.split(CLAUSE_BREAK).pop(), without the array of all the others. */
function lastClause(text: string): string {
  // (a break never matches the empty string, so split's pieces lie between the matches found in turn)
  let from = 0;
  CLAUSE_BREAK.lastIndex = 0;
  while (CLAUSE_BREAK.test(text)) from = CLAUSE_BREAK.lastIndex;
  return from === 0 ? text : text.slice(from);
}

/**
 * Whether the words before `at`, in its sentence and clause, speak of the future ("will be delivered by"),
 * at most 160 characters back. Without the sentence's start, the sentence is cut at the last ".", "!", "?"
 * or line break before.
 */
function saidOfFuture(text: string, at: number, sentenceStart?: number, end?: number): boolean {
  let before = text.slice(Math.max(sentenceStart ?? 0, at - 160), at);
  // "Turkey will buy the jets, Bloomberg reported on Thursday": the day a source spoke is past
  if (SPOKE_BEFORE.test(before)) return false;
  if (sentenceStart === undefined) before = before.slice(before.search(/[^.!?\n]*$/));
  const clause = lastClause(before);
  if (FUTURE_CUE.test(clause)) return true;
  // "will discuss the deal when they meet in Washington on Friday": a clause of time told in the present
  // after a main clause in the future is in the future
  if (
    clause.length < before.length &&
    TIME_CLAUSE_OPENING.test(before.slice(0, before.length - clause.length)) &&
    FUTURE_CUE.test(before)
  )
    return true;
  // "On Jan. 14 South Korea will deliver": a date that opens its sentence is dated by the clause after it
  if (end === undefined || !OPENING_PREPOSITION.test(before)) return false;
  const after = text.slice(end, end + 120);
  return FUTURE_CUE.test(after.slice(0, after.search(/[.;!?\n]|$/)));
}

/** A past verb of speech right before a date: "reported on", "said late on", "told Reuters on". */
const SPOKE_BEFORE =
  /\b(?:said|reported|announced|stated|told\s+[\w.'’-]+(?:\s+[\w.'’-]+)?|wrote|added|confirmed|claimed|tweeted|posted)\s+(?:late\s+|early\s+)?(?:on\s+)?$/i;

/** "when", opening a clause of time where CLAUSE_BREAK cut the words before a date (its one such break). */
const TIME_CLAUSE_OPENING = /\bwhen\s*$/i;

/** What may stand before a date that opens its sentence: "On", "By", "From", "Starting". */
const OPENING_PREPOSITION = /^\s*(?:(?:on|by|from|starting|beginning|until|in)\s+)?$/i;

/** The later of two days written YYYY-MM-DD (which sort as strings). */
function laterDay(a: string, b: string): string {
  return a > b ? a : b;
}

/** "a year ago", "two years ago". */
const YEARS_AGO = /\byears?\s+ago$/i;

/** "since" right before a date. */
const SINCE_BEFORE = /\bsince\s+$/i;
/** The past told in a clause's last words before a date: "was closed until", "had stayed through". */
const PAST_CLAUSE = /\b(?:was|were|had|did|\w{3,}ed)\b[^.,;:!?]*$/i;
/** The word of a bound right before a date: "until", "till", "through", "by", "before", "after". */
const BOUND_BEFORE = /\b(until|till|through|by|before|after)\s+$/i;
/** A past verb right after a bound's date: "by October had cut the road", "until March was closed". */
const PAST_AFTER = /^,?\s+(?:had|was|were)\b/i;

/** A month's name (capitalised, in full or abbreviated) and a day number, either way round, maybe with a year. */
const MONTH_WORD = `(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)`;
export const DAY_OF_MONTH = new RegExp(
  String.raw`\b(?:${MONTH_WORD}\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?!\d|[.,:/-]\d)(?:,?\s+((?:19|20)\d\d))?|(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?${MONTH_WORD}\b(?:,?\s+((?:19|20)\d\d))?)\b`,
  "g",
);
const DAY_PAST_28 = /(?<!\d)(?:29|[3-9]\d)(?!\d)/;
/** DAY_OF_MONTH tried at one position. */
const DAY_OF_MONTH_AT = new RegExp(DAY_OF_MONTH.source, "y");

const isSpace = (c: string | undefined) => c !== undefined && /\s/.test(c);
const isDigitAt = (text: string, i: number) => i >= 0 && isDigit(text.charCodeAt(i));

/**
 * Where a match of DAY_OF_MONTH may start, ascending, from where the words of MONTH start in the text: each
 * match holds a month's name, which starts with one of them, and starts either there ("October 35") or at
 * its day before it ("35th of October": one or two digits, maybe "st", "nd", "rd" or "th", white space,
 * maybe "of" and white space). Read back from each month, those are a few positions at most.
 */
function dayOfMonthStarts(text: string, months: readonly number[]): number[] {
  const out: number[] = [];
  for (const month of months) {
    out.push(month);
    let j = month;
    if (!isSpace(text[j - 1])) continue;
    while (isSpace(text[j - 1])) j--;
    // where the day (with its suffix) may end: before this white space, or before "of" and the white space before it
    const ends = [j];
    if (text.startsWith("of", j - 2) && isSpace(text[j - 3])) {
      let k = j - 2;
      while (isSpace(text[k - 1])) k--;
      ends.push(k);
    }
    for (const end of ends)
      for (const day of end >= 2 && /^(?:st|nd|rd|th)$/.test(text.slice(end - 2, end))
        ? [end, end - 2]
        : [end])
        if (isDigitAt(text, day - 1)) {
          out.push(day - 1);
          if (isDigitAt(text, day - 2)) out.push(day - 2);
        }
  }
  return out.sort((a, b) => a - b);
}

/**
 * DAY_OF_MONTH's matches in the text, as its global regex finds them in turn (each the first to start after
 * the last one), tried only where one may start rather than read over the whole text. `months` are where the
 * words of MONTH start in the text (as NeedTester.startsOf gives them).
 */
export function dayOfMonthMatches(text: string, months: readonly number[]): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  let from = 0;
  for (const at of dayOfMonthStarts(text, months)) {
    if (at < from) continue;
    DAY_OF_MONTH_AT.lastIndex = at;
    const m = DAY_OF_MONTH_AT.exec(text);
    if (!m) continue;
    out.push(m);
    from = at + m[0].length;
  }
  return out;
}

/**
 * Days of a month no calendar has: "February 30", "31 September", "October 35" (a leap day needs a year).
 * `months` are where the words of MONTH start in the text.
 */
export function impossibleDays(
  text: string,
  months: readonly number[],
): Array<{ start: number; end: number; text: string; why: string; quiet: boolean }> {
  const out: Array<{ start: number; end: number; text: string; why: string; quiet: boolean }> = [];
  // (no month has fewer than 28 days: without a number from 29 to 99 there is nothing to find)
  if (!DAY_PAST_28.test(text)) return out;
  for (const m of dayOfMonthMatches(text, months)) {
    const word = (m[1] ?? m[5])!;
    const day = Number(m[2] ?? m[4]);
    const year = m[3] ?? m[6];
    const prefix = word.slice(0, 3).toLowerCase();
    const month = MONTH_NAMES.findIndex((n) => n.startsWith(prefix)) + 1;
    // (without a year, February has its 29th in a leap year)
    const last = Number(monthRange(year ? Number(year) : 2024, month)[1].slice(8, 10));
    if (day >= 1 && day <= last) continue;
    const name = monthTitle(month);
    const end = m.index + m[0].length;
    out.push({
      start: m.index,
      end,
      text: m[0],
      // "in June 50 soldiers arrived": a count after the month, no day (nor chrono-node's year 2050)
      quiet: m[2] !== undefined && day > 31 && COUNTED_AFTER.test(text.slice(end, end + 24)),
      why: `${name}${year ? ` ${year}` : ""} has no day ${day}`,
    });
  }
  // "31/11/2026", "30.02.2026": a day no month has, read day first or month first
  NUMERIC_DATE.lastIndex = 0;
  for (let m = NUMERIC_DATE.exec(text); m; m = NUMERIC_DATE.exec(text)) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const year = Number(m[3]);
    if (validDay(year, b, a) || validDay(year, a, b)) continue;
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      text: m[0],
      quiet: false,
      why: `${m[0]} is no day of any month, read day first or month first`,
    });
  }
  // "2026-02-30": an ISO date with a day its month has not
  ISO_DATE.lastIndex = 0;
  for (let m = ISO_DATE.exec(text); m; m = ISO_DATE.exec(text)) {
    const year = Number(m[1]);
    const month = Number(m[2]);
    const day = Number(m[3]);
    // (a day 00 is left to the other readings, as before)
    if (month < 1 || month > 12 || day < 1 || validDay(year, month, day)) continue;
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      text: m[0],
      quiet: false,
      why: `${monthTitle(month)} ${year} has no day ${day}`,
    });
  }
  return out;
}
/** A month's name as written in a sentence: "February". */
const monthTitle = (month: number) => {
  const name = MONTH_NAMES[month - 1]!;
  return `${name[0]!.toUpperCase()}${name.slice(1)}`;
};
/** A date in numbers with its year: "31/11/2026", "30.02.2026" (not a version or a score: four-digit year). */
const NUMERIC_DATE = /\b(\d{1,2})[./](\d{1,2})[./]((?:19|20)\d\d)\b/g;
/** An ISO date: "2026-02-30" (a year of 19xx or 20xx, two-digit month and day). */
const ISO_DATE = /\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b/g;
/** A count's noun or unit after a number: "50 soldiers", "40 km", "35 per cent". */
const COUNTED_AFTER = /^\s*(?:%|per\s*cent|percent|[a-z]{2,})/;

/** "last" right before a month, inside its words or not: "last November". */
const LAST_BEFORE = /\blast\s+\S*$|^last\s/i;

/** "last" in a weekday's words: "last Tuesday". */
const LAST_WORD = /\blast\b/i;

/** The last day of a range's end month, or its day when the text says it, moved by whole years. */
function monthSpanEnd(end: chrono.ParsedComponents, yearShift: number): string {
  const y = end.get("year")! + yearShift;
  const mo = end.get("month")!;
  if (end.isCertain("day")) return ymd(new Date(Date.UTC(y, mo - 1, end.get("day")!, 12)));
  return monthRange(y, mo)[1];
}

/** The end of a period counted from another time: "two days earlier", "a week before". */
const STORY_RELATIVE_END = /\b(?:before|earlier)$/i;

/** A time mention's value when it cannot be grounded: its words only. */
function ungrounded(text: string): TimeValue {
  return { start: null, end: null, granularity: "unknown", text };
}

/** Whether chrono-node worked out the result from the reference date: its casual words, "... ago". */
function isRelativeToReference(r: chrono.ParsedResult): boolean {
  const tags = r.tags();
  return tags.has("result/relativeDate") || tags.has("parser/ENCasualDateParser");
}

function chronoMentions(
  text: string,
  ref: string | null,
  sentences: Context["sentences"],
  ctx: Context,
  hintWords?: readonly number[],
): TimeMention[] {
  const refDate = ref ? parseYmd(ref) : new Date(Date.UTC(2000, 0, 1, 12));
  const out: TimeMention[] = [];
  // a week before and a month after the reference date, worked out once when first needed
  let weekBefore: string | undefined;
  let monthAfter: string | undefined;
  const found = parseDateSentences(text, refDate, sentences, ctx, hintWords);
  // the last date the sentence being read states with its year ("on January 15, 2025"), which a later
  // date of the same sentence without one follows ("but fighting resumed in March": March 2025)
  let anchor: { range: number; day: string } | undefined;
  for (let i = 0; i < found.results.length; i++) {
    const r = found.results[i]!;
    checkBudget(ctx);
    // chrono keeps a trailing comma ("on Sunday,"); the mention ends at the last word
    const trimmed = r.text.replace(/[\s,;:]+$/, "");
    const start = r.index;
    const end = r.index + trimmed.length;
    // which of the date's parts chrono read, each asked once (not through a closure made per result)
    const kYear = r.start.isCertain("year");
    const kMonth = r.start.isCertain("month");
    const kDay = r.start.isCertain("day");
    const kWeekday = r.start.isCertain("weekday");
    if (!kDay && !kMonth && !kWeekday && !kYear) continue; // times of day alone
    if (/^\d{1,2}(:\d{2})?$/.test(trimmed.trim())) continue;
    // "today", "yesterday", "two weeks ago": chrono marks the date's parts as known, but they are the
    // reference date's, not the text's (asked only where the year is marked known, as it is for these)
    const fromReference = kYear && isRelativeToReference(r);
    // (year, month, day, weekday: the order they have always been listed in)
    const stated: chrono.Component[] = [];
    if (!fromReference) {
      if (kYear) stated.push("year");
      if (kMonth) stated.push("month");
      if (kDay) stated.push("day");
      if (kWeekday) stated.push("weekday");
    }
    // "two days earlier", "a week before the vote": counted from a time the story tells of, not from the
    // reference date (chrono reads them as "ago"), so not grounded here
    const fromStoryTime = fromReference && STORY_RELATIVE_END.test(trimmed);
    const relative = !kYear || fromReference;
    if (fromStoryTime) {
      out.push({
        start,
        end,
        text: trimmed,
        rule: "chrono+story-relative",
        stated,
        value: ungrounded(trimmed),
      });
      continue;
    }
    if (relative && !ref) {
      out.push({
        start,
        end,
        text: trimmed,
        rule: "chrono",
        stated,
        value: ungrounded(trimmed),
      });
      continue;
    }
    let d = ymd(new Date(Date.UTC(r.start.get("year")!, r.start.get("month")! - 1, r.start.get("day")!, 12)));
    let granularity: TimeValue["granularity"] = kDay || kWeekday ? "day" : kMonth ? "month" : "year";
    // "a year ago", "two years ago": about that month, not the whole year
    if (granularity === "year" && fromReference && YEARS_AGO.test(trimmed)) granularity = "month";
    let rule = "chrono";
    let yearShift = 0;
    // News reports the past: a bare weekday ("on Sunday") after the reference date means the one before,
    // unless the sentence speaks of the future.
    // The future counts only when it is said in the same clause, just before the date ("will hold drills on Friday").
    // Sentences are in order and do not overlap (see tokenize), so the one the date was read in is the
    // only one that holds it, unless the mention is empty; no search over all of them.
    const weekdayOnly = !!ref && WEEKDAY_ONLY.test(trimmed.trim());
    // The words before the date are read only where they decide something below (a weekday alone, or a date
    // without its year, with a reference date): the same tests as before, skipped where their answer was unused.
    let future = false;
    if (ref && (weekdayOnly || !kYear)) {
      const read = sentences?.[found.rangeOf[i]!];
      const sentence =
        read && start < end && read.start <= start && end <= read.end
          ? read
          : sentences?.find((s) => s.start <= start && end <= s.end);
      future = saidOfFuture(text, start, sentence?.start ?? 0, end);
    }
    // "until Dec. 15", "by Friday", "before October 12": a bound (made open on its other side below); a
    // date without its year bounding what is, or will be ("the ban stays in force through Nov. 30"), is
    // the next such date, unless its clause tells of the past ("was closed until March 3")
    const bound =
      !r.end && !fromReference ? BOUND_BEFORE.exec(text.slice(Math.max(0, start - 9), start)) : null;
    const boundWord = bound?.[1]?.toLowerCase();
    if (
      ref &&
      !future &&
      !kYear &&
      (boundWord === "until" || boundWord === "till" || boundWord === "through" || boundWord === "by") &&
      !PAST_CLAUSE.test(text.slice(Math.max(0, start - 60), start)) &&
      !PAST_AFTER.test(text.slice(end, end + 16))
    )
      future = true;
    if (weekdayOnly) {
      if (d > ref && !future) {
        d = addDays(d, -7);
        rule = "chrono+past-weekday";
      } else if (future && d < ref) {
        // "is due to begin on Monday", said on a Tuesday: the coming Monday
        d = addDays(d, 7);
        rule = "chrono+next-weekday";
      } else if (d <= (weekBefore ??= addDays(ref, -7)) && !LAST_WORD.test(trimmed)) {
        // ("last Tuesday" said on a Tuesday is a week ago, as chrono reads it)
        d = addDays(d, 7);
        rule = "chrono+this-week";
      }
    } else if (ref && !kYear && !fromReference && anchor?.range === found.rangeOf[i] && (kMonth || kDay)) {
      // a date without its year after one with it in the same sentence: the first such date from there
      const year = Number(anchor.day.slice(0, 4));
      const same = `${year}${d.slice(4)}`;
      const monthOf = (x: string) => x.slice(0, 7);
      const after = granularity === "month" ? monthOf(same) >= monthOf(anchor.day) : same >= anchor.day;
      d = after ? same : `${year + 1}${d.slice(4)}`;
      rule = "chrono+year-of-sentence";
    } else if (ref && !kYear) {
      // a date without its year: the last such date, or the next when said of the future (see yearlessShift)
      // (a month alone spans the month: said of the future, the month under way is this year's)
      const spanEnd =
        granularity === "month" ? monthRange(Number(d.slice(0, 4)), Number(d.slice(5, 7)))[1] : d;
      // a month alone told in the past that has not begun by publication ("attacked Odesa in December",
      // said in November), or "last" before the month under way or one to come ("last November"): last year's
      const lastMonth =
        granularity === "month" &&
        !future &&
        (d > ref ||
          (d.slice(0, 7) === ref.slice(0, 7) &&
            LAST_BEFORE.test(text.slice(Math.max(0, start - 6), start + 5))));
      const shift = lastMonth
        ? -1
        : yearlessShift(d, ref, future, (monthAfter ??= addDays(ref, 31)), spanEnd);
      if (shift !== 0) {
        d = `${Number(d.slice(0, 4)) + shift}${d.slice(4)}`;
        rule = shift > 0 ? "chrono+next-year" : "chrono+past-year";
        // (a span's end moves with its start only into the past, as it always has)
        if (shift < 0) yearShift = shift;
      }
    }
    let value: TimeValue;
    if (granularity === "month") {
      const [s, e] = monthRange(Number(d.slice(0, 4)), Number(d.slice(5, 7)));
      // "from March to May": to the end of the last month (or to its day, "March to May 5")
      const last = r.end ? monthSpanEnd(r.end, yearShift) : e;
      value = { start: s, end: laterDay(last, e), granularity, text: trimmed, span: { start, end } };
    } else if (granularity === "year") {
      value = {
        start: `${d.slice(0, 4)}-01-01`,
        end: `${d.slice(0, 4)}-12-31`,
        granularity,
        text: trimmed,
        span: { start, end },
      };
    } else {
      const rawEnd = r.end ? ymd(r.end.date()) : d;
      const endD = yearShift ? `${Number(rawEnd.slice(0, 4)) + yearShift}${rawEnd.slice(4)}` : rawEnd;
      // "at the weekend", "last weekend": Saturday and Sunday (chrono may give the Sunday)
      const isWeekend = /weekend/i.test(trimmed);
      if (isWeekend && new Date(`${d}T12:00:00Z`).getUTCDay() === 0) d = addDays(d, -1);
      const weekend = isWeekend ? addDays(d, 1) : d;
      value = {
        start: d,
        end: laterDay(endD, weekend),
        granularity,
        text: trimmed,
        span: { start, end },
      };
      // "since Sept. 1": from that day up to the reference date
      if (ref && d <= ref && SINCE_BEFORE.test(text.slice(Math.max(0, start - 8), start))) {
        value.end = laterDay(value.end!, ref);
        rule = "chrono+since";
      }
    }
    // "until Dec. 15", "by Friday", "before October 12", "after Oct. 5": a bound, open on its other side
    // (as "until 2030" and "before 2029" are; not a range's words, nor a day counted from the reference)
    if (boundWord && value.start && value.end) {
      const word = boundWord === "till" || boundWord === "through" ? "until" : boundWord;
      value = { ...value, ...boundedSpan(word, value.start, value.end) };
      rule += `+${word}`;
    }
    if (r.end && kDay) granularity = "day";
    if (kYear && !fromReference && (kMonth || kDay) && value.start)
      anchor = { range: found.rangeOf[i]!, day: value.start };
    out.push({ start, end, text: trimmed, rule, stated, value });
  }
  return out;
}

/** True when [start, end) overlaps one of the mentions. */
function overlapsAny(mentions: readonly TimeMention[], start: number, end: number): boolean {
  for (const t of mentions) if (start < t.end && t.start < end) return true;
  return false;
}

/** A rule with its needs compiled for RULE_NEEDS' testers. */
interface CompiledRule {
  rule: ExtraRule;
  needs: NeedList;
}
const compiled = (rules: ExtraRule[]): CompiledRule[] =>
  rules.map((rule) => ({ rule, needs: RULE_NEEDS.compile(rule.needs) }));

/** The rules applied before chrono-node and those applied after it, split once. */
const FIRST_RULES = compiled(EXTRA_RULES.filter((r) => r.priority === true));
const LATER_RULES = compiled(EXTRA_RULES.filter((r) => r.priority !== true));

/** Each rule with a lead as a sticky regex, to try it at one position. */
const STICKY = new Map(
  EXTRA_RULES.filter((r) => r.lead !== undefined).map((r) => {
    if (r.needs[0] instanceof RegExp) throw new Error(`rule ${r.id}: a lead needs words first`);
    return [r, new RegExp(r.pattern.source, `${r.pattern.flags}y`)];
  }),
);

/**
 * The rules with a lead whose every match starts at the start of a word (a \b before a first character
 * that is a letter, a digit or "_", as startLiterals reads the pattern): inside a word, or at any other
 * character, they are not tried.
 */
const AT_WORD_START = new Set(
  EXTRA_RULES.filter((r) => r.lead !== undefined && startLiterals(r.pattern) !== undefined),
);

/**
 * The matches of a rule in the text, in order, as its global regex finds them. A rule with a lead is tried
 * only at the positions where a match can start (up to its lead before an occurrence of one of its first
 * need's words), rather than at every position of the text: it finds the same matches, as the global
 * regex finds, in turn, the match that starts first after the last one (none of these matches is empty).
 */
export function ruleMatches(rule: ExtraRule, text: string, needs: NeedTester): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  const sticky = STICKY.get(rule);
  if (!sticky) {
    rule.pattern.lastIndex = 0;
    for (let m = rule.pattern.exec(text); m; m = rule.pattern.exec(text)) out.push(m);
    return out;
  }
  const lead = rule.lead!;
  const atWordStart = AT_WORD_START.has(rule);
  // the first position not tried yet
  let from = 0;
  for (const word of needs.startsOf(rule.needs[0] as readonly string[])) {
    for (let at = Math.max(from, leadStart(text, word, lead)); at <= word; at = from) {
      from = at + 1;
      if (
        atWordStart &&
        !(isWordChar(text.charCodeAt(at)) && (at === 0 || !isWordChar(text.charCodeAt(at - 1))))
      )
        continue;
      sticky.lastIndex = at;
      const m = sticky.exec(text);
      if (m) {
        out.push(m);
        from = at + m[0].length;
      }
    }
  }
  return out;
}

/**
 * Where a match that reaches a word at `word` may start: `lead` characters before it, a run of white space
 * counted as one (the patterns write the gaps between their words as \s+ or \s*, so "before   the 12th"
 * starts further back than "before the 12th").
 */
function leadStart(text: string, word: number, lead: number): number {
  let at = word;
  for (let k = 0; k < lead && at > 0; k++) {
    at--;
    if (isSpaceAt(text, at)) while (at > 0 && isSpaceAt(text, at - 1)) at--;
  }
  return at;
}

/**
 * { ...v, text, span: { start, end } }, copied key by key: the spread of the values our rules give, of many
 * shapes, takes V8's slow path and cost several times as much.
 */
function withSpan(v: Omit<TimeValue, "text" | "span">, text: string, start: number, end: number): TimeValue {
  const value: Record<string, unknown> = {};
  for (const key in v) value[key] = v[key as keyof typeof v];
  value.text = text;
  value.span = { start, end };
  return value as unknown as TimeValue;
}

function extraMentions(
  text: string,
  needs: NeedTester,
  ref: string | null,
  taken: readonly TimeMention[],
  rules: readonly CompiledRule[],
  ctx: Context,
): TimeMention[] {
  const out: TimeMention[] = [];
  for (const { rule, needs: ruleNeeds } of rules) {
    // a text without what every match contains has no match
    if (!needs.all(ruleNeeds)) continue;
    for (const m of ruleMatches(rule, text, needs)) {
      checkBudget(ctx);
      if (rule.accept && !rule.accept(m)) continue;
      const g = rule.group ? m[rule.group] : undefined;
      const start = g ? m.index + m[0].lastIndexOf(g) : m.index;
      const said = g ?? m[0];
      const end = start + said.length;
      // (two loops rather than a joined copy of both lists per match)
      if (overlapsAny(taken, start, end) || overlapsAny(out, start, end)) continue;
      const v = rule.ground(m, ref, () => saidOfFuture(text, start), text);
      const value: TimeValue = v
        ? withSpan(v, said, start, end)
        : { start: null, end: null, granularity: "unknown", text: said, span: { start, end } };
      out.push({ start, end, text: said, rule: rule.id, stated: rule.stated, value });
    }
  }
  return out;
}

/**
 * The latest fully stated date in the text that is not implausibly late, our guess at publication: not
 * after today, not said of the future ("will be delivered by March 1, 2031", "is due to end on..."), and not
 * background ("the Treaty signed on 8 December 1987": none rather than that one).
 * Read as the stage reads dates: where one of our first rules matches, chrono-node's reading is not used.
 */
export function inferPublication(
  text: string,
  ctx: Context,
  today = ymd(new Date()),
): TimeMention | undefined {
  // our rules that win over chrono-node first ("May 19/20" is no date of 2020; "March 3/4, 2024" is one)
  const first = extraMentions(text, RULE_NEEDS.tester(text, true), null, [], FIRST_RULES, ctx);
  const read = chronoMentions(text, null, undefined, ctx).filter((c) => !overlapsAny(first, c.start, c.end));
  const explicit = read
    .concat(first)
    .filter(
      (t) =>
        t.stated.includes("year") &&
        t.stated.includes("month") &&
        t.stated.includes("day") &&
        t.value.start &&
        t.value.start <= today &&
        !saidOfFuture(text, t.start) &&
        !BACKGROUND_DATE_BEFORE.test(text.slice(Math.max(0, t.start - 60), t.start)),
    );
  explicit.sort((a, b) => (a.value.start! < b.value.start! ? 1 : -1));
  return explicit[0];
}

/**
 * What makes a date a story's background, not its news, in the words before it in its sentence: "the Treaty
 * signed on 8 December 1987" (a participle right before the date, no "was" before it: "the contract was
 * signed on May 5, 2024" is news), "first deployed there on March 11, 2012", "since", an anniversary.
 */
const BACKGROUND_DATE_BEFORE =
  /(?:\b(?:first|since|anniversary|dat(?:ed|ing)\s+(?:back\s+)?(?:to|from)|as\s+early\s+as|originally)\b[^.;!?]*|(?<!\b(?:was|were|is|are|been|be|being)\s+)\b(?:signed|founded|established|ratified|adopted|concluded|born|died|created|formed)\s+(?:(?:on|in)\s+)?)$/i;

/**
 * A wire dateline opening the text or a paragraph in its first lines: a place (in capitals or not: the
 * pattern reads case-blind, as the month's name needs), a comma, a month and a day, maybe a year, then the
 * agency or a dash ("KYIV, Nov 18 (Reuters) -", "Moscow, Nov. 16 -").
 */
const DATELINE_DATE =
  /(?:^|\n)[ \t]*\p{Lu}[\p{Lu} .'’/-]{1,40},\s+((?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})(?:,?\s+((?:19|20)\d\d))?)\s*(?:\([^)\n]{1,30}\)\s*)?[-–—]/iu;

/**
 * The date of the text's dateline, when it has one with a month and a day, is at most a week before the
 * publication date and not after it (a year it does not state is the publication's, or the one before).
 */
function datelineDate(
  text: string,
  published: string,
): { date: string; start: number; end: number } | undefined {
  const m = DATELINE_DATE.exec(text.slice(0, 400));
  if (!m) return undefined;
  const month = MONTHS.indexOf(m[1]!.slice(0, 3).toLowerCase()) + 1;
  const day = Number(m[2]);
  if (month < 1 || day < 1 || day > 31) return undefined;
  const mm = String(month).padStart(2, "0");
  const dd = String(day).padStart(2, "0");
  let year = m[3] ? Number(m[3]) : Number(published.slice(0, 4));
  if (!m[3] && `${year}-${mm}-${dd}` > published) year--;
  const date = `${year}-${mm}-${dd}`;
  const parsed = parseYmd(date);
  if (!parsed || ymd(parsed) !== date || date >= published || date < addDays(published, -7)) return undefined;
  const start = m.index + m[0].indexOf(m[1]!);
  return { date, start, end: start + m[1]!.length };
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

export const timeStage: Stage = {
  name: "time",
  requires: ["sentences"],
  provides: ["times"],
  run(ctx: Context) {
    const doc = ctx.doc;
    if (!doc.publishedAt && ctx.options.published) doc.publishedAt = ctx.options.published;
    if (!doc.publishedAt) {
      const guess = inferPublication(doc.text, ctx);
      if (guess?.value.start) {
        doc.publishedAt = guess.value.start;
        doc.publishedAtInferred = true;
        ctx.findings.push({
          kind: "publication-date-inferred",
          severity: "info",
          message: `No publication date in the metadata; assumed ${guess.value.start}, the latest full date in the text. Relative dates are grounded on it.`,
          spans: [{ start: guess.start, end: guess.end, text: guess.text }],
          rule: "latest-explicit-date",
        });
      } else {
        ctx.findings.push({
          kind: "publication-date-unknown",
          severity: "warning",
          message: "No publication date in the metadata or the text; relative dates are left ungrounded.",
          spans: [],
          rule: "no-date",
        });
      }
    }
    const published = doc.publishedAt ? doc.publishedAt.slice(0, 10) : null;
    // "KYIV, Nov 18 (Reuters) -": a wire dateline's date, a few days before the date the document carries
    // (a feed's), is the day the story was filed, from which its "overnight" and "on Wednesday" count
    const filed = published && !doc.publishedAtInferred ? datelineDate(doc.text, published) : undefined;
    const ref = filed?.date ?? published;
    if (filed)
      ctx.findings.push({
        kind: "dateline-date",
        severity: "info",
        message: `Relative dates are grounded on the dateline's date, ${filed.date}, the day the story was filed, not on the publication date ${published}.`,
        spans: [{ start: filed.start, end: filed.end, text: doc.text.slice(filed.start, filed.end) }],
        rule: "dateline-date-as-reference",
      });
    // Our relative-period and decade rules win over chrono where both match ("last week" is a week).
    // (with where the words start, for the rules tried only there)
    const needs = RULE_NEEDS.tester(doc.text, true);
    const first = extraMentions(doc.text, needs, ref, [], FIRST_RULES, ctx);
    const chronoFound = chronoMentions(
      doc.text,
      ref,
      ctx.sentences,
      ctx,
      needs.occurrencesOf(DATE_HINT_WORDS as readonly string[]),
    );
    // (no filtered copy when no rule found anything first)
    const base = first.length ? chronoFound.filter((c) => !overlapsAny(first, c.start, c.end)) : chronoFound;
    const taken = first.length ? first.concat(base) : base;
    const rest = extraMentions(doc.text, needs, ref, taken, LATER_RULES, ctx);
    // (taken is a new array here, never one of the lists above still in use)
    let times = (rest.length ? taken.concat(rest) : taken).sort((a, b) => a.start - b.start);
    // "on February 30", "on October 35": no such day, said so, and no date read from the words
    const impossible = impossibleDays(doc.text, needs.startsOf(MONTH as readonly string[]));
    if (impossible.length) {
      times = times.filter((x) => !impossible.some((m) => x.start < m.end && m.start < x.end));
      for (const m of impossible)
        if (!m.quiet)
          ctx.findings.push({
            kind: "invalid-date",
            severity: "warning",
            message: `"${m.text}" is no date: ${m.why}. No date is read from it; the source may have mistyped the day.`,
            spans: [{ start: m.start, end: m.end, text: m.text }],
            rule: "no-such-day",
          });
    }
    ctx.times = times;
  },
};
