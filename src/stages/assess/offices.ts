// Titles against dates of office: "former president X" while X is in office, or "Defence Minister X"
// when X did not hold the post on the publication date.
import type { Finding } from "../../core/analysis.js";
import type { Context, TimeMention } from "../../core/context.js";
import { checkBudget } from "../../core/pipeline.js";
import type { KbActor, KbOffice } from "../../kb/types.js";

const TITLE_WORDS: Array<[RegExp, string[]]> = [
  [/\bpresident\b/i, ["president"]],
  [/\bprime\s+minister\b|\bpremier\b/i, ["prime-minister"]],
  [
    /\bdefen[cs]e\s+(?:minister|secretary)\b|\bsecretary\s+of\s+(?:defen[cs]e|war)\b|\bminister\s+of\s+defen[cs]e\b|\bwar\s+secretary\b/i,
    ["defence-minister"],
  ],
  [/\bforeign\s+(?:minister|secretary)\b|\bsecretary\s+of\s+state\b/i, ["foreign-minister"]],
  [/\bchancellor\b/i, ["chancellor"]],
];
const FORMER = /\b(?:former|ex-|then-|late)\s*$/i;
/** The titles the check reads, as a pattern's source: "president", "defence minister", "secretary of state"... */
const TITLE = String.raw`(?:president|prime\s+minister|premier|defen[cs]e\s+(?:minister|secretary)|secretary\s+of\s+(?:defen[cs]e|war|state)|foreign\s+(?:minister|secretary)|minister\s+of\s+defen[cs]e|chancellor|war\s+secretary)`;
/** A title that opens a mention's own words ("Defense Secretary Pete Hegseth"), with the space after it. */
const OWN_TITLE = new RegExp(String.raw`^${TITLE}\s+`, "i");
/** The title right before a name, with "former", "then-"... and one word before it ("Former US Defense Secretary"). */
const TITLE_BEFORE = new RegExp(
  String.raw`((?:(?:former|ex-|then-|late)\s*)?(?:(?<![\w'’])[\w-]+\s+)?${TITLE})\s*$`,
  "i",
);
const SITTING =
  /\b(?:sworn\s+in|took\s+office|current\s+administration|sitting\s+president|incumbent|his\s+administration|her\s+administration)\b/i;

function holds(offices: KbOffice[] | undefined, titles: string[], date: string): boolean | undefined {
  const relevant = (offices ?? []).filter((o) => titles.includes(o.title));
  if (relevant.length === 0) return undefined;
  return relevant.some(
    (o) => (!o.start || o.start.slice(0, 10) <= date) && (!o.end || date < o.end.slice(0, 10)),
  );
}

/** Whether one of the relevant offices was held at some time between start and end (YYYY-MM-DD). */
function holdsDuring(offices: KbOffice[] | undefined, titles: string[], start: string, end: string): boolean {
  return (offices ?? []).some(
    (o) =>
      titles.includes(o.title) &&
      (!o.start || o.start.slice(0, 10) <= end) &&
      (!o.end || start < o.end.slice(0, 10)),
  );
}

/**
 * The time mention with a stated year that the sentence holding `at` tells of, before `at` ("In March 2022,
 * Defence Minister..."), else after it in the sentence: a date of the story's events, not the report's.
 */
function yearStatedIn(ctx: Context, at: number): TimeMention | undefined {
  const sentence = ctx.sentences?.find((s) => s.start <= at && at < s.end);
  if (!sentence) return undefined;
  let found: TimeMention | undefined;
  for (const t of ctx.times ?? []) {
    if (t.start < sentence.start || t.end > sentence.end || !t.stated.includes("year")) continue;
    // "condemned the strikes as a violation of the November 2024 ceasefire": after the title, a date
    // naming something referred to is not when the sentence's events happen
    if (
      t.start > at &&
      REFERRED_DATE.test(ctx.doc.text.slice(Math.max(sentence.start, t.start - 20), t.start))
    )
      continue;
    if (t.start < at || !found) found = t;
  }
  return found;
}

/** Words before a date that names something referred to: "of the", "since the", "after the". */
const REFERRED_DATE = /\b(?:of|since|after|before|under|despite|than)\s+the\s+$/i;

/**
 * The earliest date of office among the relevant ones that the knowledge base marks as unverified: a
 * finding about a later date turns on it, and says so instead of warning.
 */
function unverifiedSince(offices: KbOffice[] | undefined, titles: string[]): string | undefined {
  let since: string | undefined;
  for (const o of offices ?? []) {
    if (!titles.includes(o.title)) continue;
    for (const which of o.unverified ?? []) {
      const d = o[which]?.slice(0, 10);
      if (d && (!since || d < since)) since = d;
    }
  }
  return since;
}

const UNVERIFIED_NOTE =
  " The knowledge base marks the dates this turns on as unverified: check them before relying on this.";

export function officeFindings(ctx: Context): Finding[] {
  const out: Finding[] = [];
  const text = ctx.doc.text;
  const date = ctx.doc.publishedAt?.slice(0, 10);
  if (!date) return out;
  // The text's first "sworn in", "incumbent"...: looked up once per document, not once per title.
  let sittingMatch: RegExpMatchArray | null | undefined;
  for (const e of ctx.entities!.list) {
    if (e.kind !== "actor" || e.type !== "person" || !e.kbId) continue;
    const actor: KbActor | undefined = ctx.kb.actor(e.kbId);
    for (const m of e.mentions) {
      checkBudget(ctx);
      // (a title the mention itself opens with, as a knowledge-base alias may: "Former US [Defense Secretary
      // Pete Hegseth]" is read with the words before it)
      const own = OWN_TITLE.exec(m.text);
      const end = own ? m.start + own[0].length : m.start;
      const before = text.slice(Math.max(0, end - 45), end);
      const hit = TITLE_WORDS.find(([re]) => re.test(before.slice(-30)));
      if (!hit) continue;
      const titleMatch = before.match(TITLE_BEFORE);
      if (!titleMatch) continue;
      const titleText = titleMatch[1]!.trim();
      const titleStart =
        end -
        (before.length - before.lastIndexOf(titleMatch[1]!)) +
        (titleMatch[1]!.length - titleMatch[1]!.trimStart().length);
      const span = { start: titleStart, end: m.end, text: text.slice(titleStart, m.end) };
      const inOffice = holds(actor?.offices, hit[1], date);
      if (inOffice === undefined) continue;
      const since = unverifiedSince(actor?.offices, hit[1]);
      const doubtful = since !== undefined && date >= since;
      const former =
        FORMER.test(
          titleText
            .replace(
              /\s*[\w-]*\s*(?:president|prime\s+minister|premier|defen[cs]e.*|secretary.*|foreign.*|minister.*|chancellor|war\s+secretary)$/i,
              " ",
            )
            .trim() + " ",
        ) || /^(former|ex-)/i.test(titleText);
      if (former && inOffice) {
        if (sittingMatch === undefined) sittingMatch = text.match(SITTING);
        const sitting = sittingMatch;
        out.push({
          kind: sitting ? "internal-contradiction" : "kb-conflict",
          severity: sitting ? "error" : doubtful ? "info" : "warning",
          message: `"${span.text}" calls ${e.name} a former ${hit[1][0]!.replace("-", " ")}, but ${e.name} held that office on ${date}${sitting ? `, and the text itself says "${sitting[0]}"` : " according to the knowledge base"}.${doubtful && !sitting ? UNVERIFIED_NOTE : ""}`,
          spans:
            sitting && sitting.index !== undefined
              ? [span, { start: sitting.index, end: sitting.index + sitting[0].length, text: sitting[0] }]
              : [span],
          rule: "title-vs-dates-of-office",
        });
      } else if (!former && !inOffice && !/then-/i.test(titleText)) {
        // "In March 2022, Defence Minister Oleksii Reznikov asked for ...": the title held at the time the
        // sentence tells of is right, whoever holds it at publication
        const told = yearStatedIn(ctx, m.start);
        if (
          told?.value.start &&
          told.value.end &&
          holdsDuring(actor?.offices, hit[1], told.value.start, told.value.end)
        )
          continue;
        out.push({
          kind: "kb-conflict",
          severity: doubtful ? "info" : "warning",
          message: `"${span.text}": the knowledge base has no record of ${e.name} holding the office of ${hit[1][0]!.replace("-", " ")} on ${date}.${doubtful ? UNVERIFIED_NOTE : ""}`,
          spans: [span],
          rule: "title-vs-dates-of-office",
        });
      } else if (!former && inOffice && !/then-/i.test(titleText)) {
        // "In March 2022, Defence Minister Andrei Belousov inspected...": the title is his at publication,
        // not at the time the sentence tells of (the writer may give the present title: said, not warned)
        const told = yearStatedIn(ctx, m.start);
        if (
          told?.value.start &&
          told.value.end &&
          !holdsDuring(actor?.offices, hit[1], told.value.start, told.value.end)
        ) {
          out.push({
            kind: "kb-conflict",
            severity: "info",
            message: `"${span.text}": the sentence tells of ${told.text.replace(/^(?:in|on|during|by|since|from)\s+/i, "")}, when the knowledge base has no record of ${e.name} holding the office of ${hit[1][0]!.replace("-", " ")}; the title may be the one held when the article was published.`,
            spans: [span, { start: told.start, end: told.end, text: told.text }],
            rule: "title-vs-date-told",
          });
        }
      }
    }
  }
  return out;
}
