// Sources and attribution chains: who each sentence's claims rest on. The article is the root source;
// an outlet it cites is cited by the article; photographs or officials an outlet cites are cited by the outlet.
import type { Source, TextSpan } from "../../core/analysis.js";
import type { Context } from "../../core/context.js";
import { checkBudget, type Stage } from "../../core/pipeline.js";
import { SOURCES, sentenceScan } from "../rule-scan.js";
import { CITING, REPORTING, SOURCE_PATTERNS } from "./source-patterns.js";

export interface Attribution {
  sentence: number;
  /** sources the sentence's claims rest on, innermost first */
  sourceIds: string[];
  cue?: TextSpan;
}

interface Found {
  start: number;
  end: number;
  text: string;
  name: string;
  type: Source["type"];
  entityId?: string;
  rule: string;
}

/** Patterns that name an institution ("the army", "China's coast guard"): it becomes an actor too. */
const INSTITUTIONS = new Set(["institution-speaking", "military-institution-speaking"]);

/**
 * An actor for an institution the knowledge base does not list by name, so a denial or a warning it makes
 * has its speaker as actor. Its country is the one its name opens with ("China's coast guard").
 */
function institutionEntity(
  ctx: Context,
  start: number,
  end: number,
  name: string,
  type: Source["type"],
  sentence: number,
): string {
  const table = ctx.entities!;
  let countryCode: string | undefined;
  for (const m of table.mentions) {
    if (m.start < start || m.end > end) continue;
    const e = table.get(m.entityId);
    const cc = e?.kind === "place" ? e.countryCode : e?.kind === "actor" ? e.countryCode : undefined;
    if (cc) {
      countryCode = cc;
      break;
    }
  }
  const e = table.add(
    `actor:institution:${name.toLowerCase()}`,
    () => ({
      kind: "actor",
      name,
      type: type === "military" ? "military" : "government",
      confidence: 0.7,
      ...(countryCode ? { countryCode } : {}),
    }),
    {
      start,
      end,
      text: ctx.doc.text.slice(start, end),
      role: "literal",
      confidence: 0.7,
      evidence: [{ rule: "institution-named-by-kind" }],
    },
    sentence,
  );
  return e.id;
}

/** The name of the last armed group (an organisation or a paramilitary force) named before `at`, if any. */
function lastGroupBefore(ctx: Context, at: number): string | undefined {
  let best: { name: string; start: number } | undefined;
  for (const m of ctx.entities!.mentions) {
    if (m.start >= at || (best && m.start < best.start)) continue;
    const e = ctx.entities!.get(m.entityId);
    if (e?.kind !== "actor") continue;
    // (an armed group is kept in the knowledge base as a paramilitary force of the country it fights in)
    const armed =
      e.type === "organisation" ||
      (e.type === "military" && e.kbId !== undefined && ctx.kb.actor(e.kbId)?.branch === "paramilitary");
    if (armed) best = { name: e.name, start: m.start };
  }
  return best?.name;
}

const BACK_REFERENCE =
  /\b(?:the|that)\s+(?:report|outlet|newspaper|agency|broadcaster|channel|publication|paper|website)\b|\b(?:it|they|he|she)\s+(?:said|added|reported|wrote|noted)\b/i;
const BY_AGENT =
  /^\s*(?:[\w-]+\s+){0,2}?(?:reviewed|obtained|seen|analy[sz]ed|verified|geolocated|published|released|posted|shared|provided)\s+by\s+(?:the\s+)?$/i;
const SPEECH_AFTER =
  /^\s*(?:\([A-Z][\w.&-]{1,12}\)\s*)?(?:,\s*(?:(?:which|who)\s+[^,]{3,60}|(?:the|a|an|its|his|her|their)\s+[^,]{3,50}),\s*)?(?:has\s+|have\s+|had\s+)?(?:said|says|told|reported|reports|announced|stated|claimed|confirmed|denied|warned|added)\b/i;

/** "Reuters said", "according to the ministry": an actor's mention that speaks. */
function isSpeaker(text: string, m: { start: number; end: number }, person: boolean): boolean {
  return (
    SPEECH_AFTER.test(text.slice(m.end, m.end + 90)) ||
    /\baccording\s+to\s+(?:the\s+)?$/i.test(text.slice(Math.max(0, m.start - 20), m.start)) ||
    (person && SAID_TITLED.test(text.slice(Math.max(0, m.start - 70), m.start)))
  );
}

/** What stands between a name and the description of it that follows: ", a ", ", the ". */
const APPOSITIVE = /^,\s+(?:(?:a|an|the)\s+)?$/i;

/** "said Lt. Gen. Ivan Petrenko", "according to Greek Prime Minister Kyriakos Mitsotakis": a person's title first. */
const SAID_TITLED = /\b(?:said|says|according\s+to)\s+(?:(?:the|a|an)\s+)?(?:\p{Lu}[\p{L}'’-]*\.?\s+){1,6}$/u;

export const attributionStage: Stage = {
  name: "sources",
  requires: ["sentences", "entities"],
  provides: ["attributions", "sources"],
  run(ctx: Context) {
    const text = ctx.doc.text;
    const root: Source = {
      id: "s0",
      name: ctx.doc.source ?? (ctx.doc.title || "article"),
      type: "article",
      spans: [],
    };
    const publisher = ctx.kb.outletOf(ctx.doc)?.id;
    if (publisher) root.outlet = publisher;
    const sources: Source[] = [root];
    const byName = new Map<string, Source>();
    const attributions: Attribution[] = [];
    const mentions = ctx.entities!.sorted();
    // Mentions are sorted and sentences follow each other: the ones before this sentence are done with.
    let firstMention = 0;
    ctx.sentences!.forEach((sent, si) => {
      checkBudget(ctx);
      const stext = text.slice(sent.start, sent.end);
      const found: Found[] = [];
      while (firstMention < mentions.length && mentions[firstMention]!.start < sent.start) firstMention++;
      for (let k = firstMention; k < mentions.length && mentions[k]!.start <= sent.end; k++) {
        const m = mentions[k]!;
        if (m.end > sent.end) continue;
        const e = ctx.entities!.get(m.entityId);
        if (e?.kind === "actor" && e.type === "outlet") {
          found.push({
            start: m.start,
            end: m.end,
            text: m.text,
            name: e.name,
            type: "outlet",
            entityId: e.id,
            rule: "outlet",
          });
          continue;
        }
        // a state speaks by its government: "Ukraine said", not "Ukrainian" nor "in Ukraine"; a unit as the
        // military does ("Ukraine's 3rd Army Corps said")
        const type: Source["type"] | undefined =
          e?.kind === "unit"
            ? "military"
            : e?.kind !== "actor" || (e.type === "state" && m.role !== "metonymic")
              ? undefined
              : e.type === "military"
                ? "military"
                : e.type === "person"
                  ? "official"
                  : "government";
        if (type && isSpeaker(text, m, e?.kind === "actor" && e.type === "person"))
          found.push({
            start: m.start,
            end: m.end,
            text: m.text,
            name: e!.name,
            type,
            entityId: e!.id,
            rule: "speaker",
          });
      }
      // Whether the sentence reports or assesses anything: tested once per sentence, not once per match.
      let says: boolean | undefined;
      // each quick test is run at most once per sentence (the institution patterns share one)
      const passes = new Map<RegExp, boolean>();
      // where each source pattern can start in the sentence (rule-scan.ts)
      const scan = sentenceScan(ctx, sent.start, sent.end);
      for (let k = 0; k < SOURCE_PATTERNS.length; k++) {
        const p = SOURCE_PATTERNS[k]!;
        if (!scan.may(SOURCES + k)) continue;
        if (p.requires) {
          let pass = passes.get(p.requires);
          if (pass === undefined) {
            pass = p.requires.test(stext);
            passes.set(p.requires, pass);
          }
          if (!pass) continue;
        }
        for (const r of scan.matches(SOURCES + k)) {
          checkBudget(ctx);
          const start = sent.start + r.index + (r[0].length - r[0].trimStart().length);
          const end = sent.start + r.index + r[0].trimEnd().length;
          // "a source in the Ukrainian military told Reuters": the anonymous source, not the body it is in
          if (p.type === "anonymous")
            for (let j = found.length - 1; j >= 0; j--) {
              const f = found[j]!;
              if (f.rule === "speaker" && start < f.start && f.end <= end) found.splice(j, 1);
            }
          if (found.some((f) => start < f.end && f.start < end)) continue;
          // "Houthi spokesman Yahya Saree said": the title of the person named right after it, one source
          if (
            p.id === "spokesperson" &&
            found.some((f) => f.rule === "speaker" && f.start > end && /^\s+$/.test(text.slice(end, f.start)))
          )
            continue;
          // "said Lt. Gen. Ivan Petrenko, a spokesman for the command": the spokesman is the person named
          if (
            found.some(
              (f) => f.rule === "speaker" && f.end < start && APPOSITIVE.test(text.slice(f.end, start)),
            )
          )
            continue;
          if (p.type === "analyst" || p.type === "official" || p.type === "government") {
            says ??=
              REPORTING.test(stext) || /\b(?:believe|assess|speculat|estimate|suggest|think)/i.test(stext);
            if (!says) continue;
          }
          const name = text.slice(start, end).replace(/^(the|a|an)\s+/i, "");
          const f: Found = { start, end, text: text.slice(start, end), name, type: p.type, rule: p.id };
          // set after the other fields, where a spread would put it (object spreads cost here)
          if (INSTITUTIONS.has(p.id)) f.entityId = institutionEntity(ctx, start, end, name, p.type, si);
          // "the militant group claimed": the last group named before, by name (not linked to its entity:
          // a group claiming what it did stays that act's actor, where a speaker only reports)
          if (p.id === "group-speaking") f.name = lastGroupBefore(ctx, start) ?? f.name;
          found.push(f);
        }
      }
      // "Yonhap reported, citing South Korea's Joint Chiefs of Staff": whoever is cited is a source, named
      // or not in any list
      for (const c of citedPhrases(stext, sent.start)) {
        if (found.some((f) => c.start < f.end && f.start < c.end)) continue;
        found.push(c);
      }
      // "Citing satellite imagery from Planet Labs, the Yale lab said ...": the speaker after the opening
      // phrase is who cites what it names
      const front = FRONT_CITING.exec(stext);
      let frontSpeaker: Found | undefined;
      if (front) {
        const start = sent.start + front[1]!.length;
        const end = start + front[2]!.length;
        frontSpeaker = found.find((f) => f.start < end && start < f.end);
        const type = frontSpeaker ? undefined : typeOf(front[2]!, SPEAKER_TYPES, NAMED_BODY_TYPES);
        if (type) {
          const name = front[2]!;
          frontSpeaker = { start, end, text: name, name, type, rule: "speaker-after-citing" };
          found.push(frontSpeaker);
        }
      }
      // (also after a wire named in the dateline: "KYIV, Nov 20 (Reuters) - ..., regional governor Oleh
      // Kiper said on Friday";
      // and before an outlet that was told: "..., police captain Abdullahi Hassan told Reuters")
      if (
        found.length === 0 ||
        found.every(
          (f) =>
            f.type === "outlet" &&
            (inDateline(text, f) ||
              /\btold\s+$/i.test(text.slice(Math.max(sent.start, f.start - 8), f.start))),
        )
      ) {
        const speaker = trailingSpeaker(stext, sent.start);
        if (speaker && !found.some((f) => speaker.start < f.end && f.start < speaker.end))
          found.push(speaker);
      }
      // "The think tank said", "the institute found": the research body named before
      if (found.length === 0) {
        const body = BODY_SPEAKING.exec(stext);
        const named = body ? lastResearchBody(sources) : undefined;
        if (body && named) {
          const start = sent.start + body.index;
          const end = start + body[1]!.length;
          found.push({
            start,
            end,
            text: text.slice(start, end),
            name: named.name,
            type: named.type,
            rule: "research-body-named-before",
            ...(named.entityId ? { entityId: named.entityId } : {}),
          });
        }
      }
      found.sort((a, b) => a.start - b.start);
      if (found.length === 0) {
        const prev = attributions[attributions.length - 1];
        if (prev && prev.sentence === si - 1 && BACK_REFERENCE.test(stext)) {
          attributions.push({ sentence: si, sourceIds: prev.sourceIds });
        }
        return;
      }
      // "X reviewed by Y", "X obtained by Y": X is cited by Y whatever else the sentence says.
      const citedByNext = new Map<Found, Found>();
      for (let k = 0; k + 1 < found.length; k++) {
        const between = text.slice(found[k]!.end, found[k + 1]!.start);
        if (BY_AGENT.test(between)) citedByNext.set(found[k]!, found[k + 1]!);
      }
      const ids: string[] = [];
      let outer: Source = root;
      const citingAt = stext.search(CITING);
      for (const f of found) {
        const src = upsert(sources, byName, f);
        const isOutletLike = f.type === "outlet" || f.rule === "speaker";
        const afterCiting = citingAt >= 0 && f.start >= sent.start + citingAt;
        const told = /\btold\s+$/i.test(text.slice(Math.max(sent.start, f.start - 8), f.start));
        const by = citedByNext.get(f);
        if (by) {
          const agent = upsert(sources, byName, by);
          src.citedBy ??= agent.id;
          ids.push(src.id);
          continue;
        }
        if (told) {
          // "officials told Reuters": the sources found so far in the sentence are cited by this outlet.
          for (const id of ids) {
            // (the outlet itself, named in the dateline before: "BAMAKO (AFP) - ..., sources told AFP")
            if (id === src.id) continue;
            const s = sources.find((x) => x.id === id)!;
            if (s.citedBy === root.id || !s.citedBy) s.citedBy = src.id;
          }
          src.citedBy ??= root.id;
          outer = src;
        } else if (isOutletLike && !afterCiting) {
          src.citedBy ??= root.id;
          outer = src;
        } else {
          src.citedBy ??= outer.id;
          if (isOutletLike) outer = src;
        }
        ids.push(src.id);
      }
      // "Kyodo reported that Japan's defence ministry said ...", "The ministry said ..., Kyodo reported": an
      // outlet reporting in the sentence is who cites the speakers the sentence first names, not the article
      // ("NEW DELHI (AP) - India test-fired ..., the DRDO said": the wire whose dateline opens the story)
      const reporter = found.find(
        (f) =>
          f.type === "outlet" &&
          (OUTLET_REPORTS_AFTER.test(text.slice(f.end, f.end + 16)) ||
            OUTLET_REPORTS_BEFORE.test(text.slice(Math.max(sent.start, f.start - 24), f.start)) ||
            inDateline(text, f)),
      );
      if (reporter) {
        const via = upsert(sources, byName, reporter);
        // ("..., South Korea's Joint Chiefs of Staff said, according to Yonhap": Yonhap, read after
        // "according to", was set as cited by the staff; it is the outer one)
        const inSentence = new Set(found.map((f) => upsert(sources, byName, f).id));
        if (via.citedBy && via.citedBy !== root.id && inSentence.has(via.citedBy)) via.citedBy = root.id;
        for (const f of found) {
          if (f.type === "outlet") continue;
          const src = upsert(sources, byName, f);
          if (src === via || src.spans[0]!.start < sent.start) continue;
          if (
            src.citedBy === root.id ||
            (src.citedBy !== undefined && src.citedBy !== via.id && chainReaches(sources, via, src.id))
          )
            src.citedBy = via.id;
        }
      }
      // "Satellite images ... appear to show four S-400 launchers, according to an analysis by CSIS": whoever
      // analysed the pictures cites them
      const analyst = found.find((f) =>
        ANALYSIS_BY.test(text.slice(Math.max(sent.start, f.start - 50), f.start)),
      );
      if (analyst) {
        const by = upsert(sources, byName, analyst);
        for (const f of found) {
          if (f === analyst || !PICTURES.has(f.type)) continue;
          const pictures = upsert(sources, byName, f);
          if (pictures.citedBy === root.id && pictures.spans[0]!.start >= sent.start) {
            pictures.citedBy = by.id;
            if (by.citedBy === pictures.id) by.citedBy = root.id;
          }
        }
      }
      if (frontSpeaker) {
        const by = upsert(sources, byName, frontSpeaker);
        for (const f of found) {
          if (f.end > frontSpeaker.start) continue;
          const cited = upsert(sources, byName, f);
          if (cited.spans[0]!.start < sent.start) continue;
          cited.citedBy = by.id;
          if (by.citedBy === cited.id) by.citedBy = root.id;
        }
      }
      // (a source named twice in the sentence, "BAMAKO (AFP) - ..., sources told AFP", is listed once)
      const innermost = [...new Set(ids)].reverse();
      attributions.push({ sentence: si, sourceIds: innermost });
    });
    breakCycles(sources);
    ctx.sources = sources;
    ctx.attributions = attributions;
  },
};

/**
 * Every chain of citers ends at the article: a source whose chain comes back to itself (two sentences
 * that cite each other's speakers the other way round) is cited by the article instead.
 */
function breakCycles(sources: Source[]): void {
  const byId = new Map(sources.map((s) => [s.id, s] as const));
  for (const start of sources) {
    const seen = new Set<string>();
    for (let s: Source | undefined = start; s?.citedBy; s = byId.get(s.citedBy)) {
      if (seen.has(s.id)) {
        s.citedBy = sources[0]!.id;
        break;
      }
      seen.add(s.id);
    }
  }
}

/** "Citing satellite imagery from Planet Labs, the Yale lab said": the opening, then the speaker's name. */
const FRONT_CITING =
  /^(\s*Citing\s+[^,;]{3,120},\s+(?:(?:the|a|an)\s+)?)(\p{Lu}[^,;:"“”]{1,69}?)(?=\s+(?:has\s+|have\s+)?(?:said|says|reported|claimed|found|concluded|estimated|wrote|assessed)\b)/u;

/** "The think tank said", "the institute assessed": a research body named by its kind, speaking. */
const BODY_SPEAKING =
  /\b([Tt]he\s+(?:think\s+tank|institute|monitor|observatory|research\s+group|lab|centre|center|project))\s+(?:has\s+|had\s+)?(?:said|says|found|assessed|estimated|added|reported|wrote|concluded)\b/;
/** A source's name that makes it a research body: "Center for Strategic and International Studies". */
const RESEARCH_BODY =
  /\b(?:Institute|Center|Centre|Foundation|Council|Studies|Observatory|Monitor|Lab|Laboratory|Research|Project|Tracker|Insight|Intelligence\s+Group)\b/;

/** The research body the story named last, as a source. */
function lastResearchBody(sources: readonly Source[]): Source | undefined {
  for (let k = sources.length - 1; k > 0; k--)
    if (sources[k]!.type !== "anonymous" && RESEARCH_BODY.test(sources[k]!.name)) return sources[k];
  return undefined;
}

/** "according to an analysis by", "according to an assessment from the": who analysed what is shown. */
const ANALYSIS_BY =
  /\baccording\s+to\s+(?:an?|the|its|their)\s+(?:[\w-]+\s+)?(?:analysis|assessment|report|review|study|investigation)\s+(?:by|from|of)\s+(?:the\s+)?$/i;
/** Sources that are pictures someone shows or analyses. */
const PICTURES = new Set<Source["type"]>(["imagery", "photographs", "video"]);

/** Whether a source's chain of citers reaches the source with this id (a cycle were it cited by it). */
function chainReaches(sources: Source[], from: Source, id: string): boolean {
  const byId = new Map(sources.map((s) => [s.id, s] as const));
  const seen = new Set<string>();
  for (let s: Source | undefined = from; s?.citedBy && !seen.has(s.id); s = byId.get(s.citedBy)) {
    if (s.citedBy === id) return true;
    seen.add(s.id);
  }
  return false;
}

/** A wire named in a dateline: "NEW DELHI (AP) -", "KYIV, Nov 18 (Reuters) -". */
const DATELINE_WIRE_BEFORE = /(?:^|\n)[\p{Lu}][\p{Lu}\s.'’/-]*(?:,\s*[\w. ]{3,12})?\s*\(\s*$/u;
const DATELINE_WIRE_AFTER = /^\s*\)\s*[-–—]/;

/** Whether a source's words are a wire's name in a dateline: "KYIV, Nov 20 (Reuters) -". */
function inDateline(text: string, f: { start: number; end: number }): boolean {
  return (
    DATELINE_WIRE_BEFORE.test(text.slice(Math.max(0, f.start - 40), f.start)) &&
    DATELINE_WIRE_AFTER.test(text.slice(f.end, f.end + 6))
  );
}

/** An outlet's report around its name: "Kyodo reported", "according to Kyodo", "..., reported Kyodo". */
const OUTLET_REPORTS_AFTER = /^\s+(?:has\s+|had\s+)?(?:reported|reports|said|says|quoted|cited)\b/i;
const OUTLET_REPORTS_BEFORE = /\b(?:according\s+to|reported|said|quoted\s+by)\s+(?:the\s+)?$/i;

/** ", the regional governor said." / ", said the army." / "..., police told reporters.": a speaker no list knows. */
const TRAILING =
  /,["”’]?\s+((?:the|a|an|its|their|his|her)\s+)?([^,;:"“”]{2,70}?)\s+(?:said|says|told\s+[\w ]{2,30}|reported|claimed|added|stated|wrote|announced)(?:\s+(?:on|in|late|early)\s+[\w ]{2,25})?(?:,\s+(?:as|while|after|adding|but|though)\b[^"“”]*)?\s*\.?["”]?$/i;
// (a description may follow the name: "according to the Emergency Lawyers, a rights group that tracks ...")
const INVERTED =
  /,\s+(?:said|says|according\s+to)\s+((?:the|a|an)\s+)?([^,;:"“”]{2,70}?)(?:,\s+(?:a|an|the)\s+[^,;:"“”]{3,100})?\s*\.?["”]?$/i;
const SPEAKER_TYPES: Array<[RegExp, Source["type"]]> = [
  [/\b(?:sources?|people|person)\b/i, "anonymous"],
  [
    /\b(?:army|navy|military|forces|command|troops|brigade|regiment|guard|air\s+force|general|commander|spokes\w+\s+for\s+the\s+(?:army|military))\b/i,
    "military",
  ],
  [
    /\b(?:ministry|government|president|minister|governor|mayor|administration|office|agency|police|authorities|official|officials|spokes\w+|secretary|embassy|council|department|investigators|prosecutors|inspectors|(?<!press\s)services?|ombuds(?:man|woman|person)|rescuers|paramedics)\b/i,
    "official",
  ],
  [/\b(?:analysts?|experts?|researchers?|observers?)\b/i, "analyst"],
  [/\b(?:witness\w*|residents?|locals?)\b/i, "witness"],
];
/** Named bodies, asked after the kinds of speaker and what else is cited. */
const NAMED_BODY_TYPES: Array<[RegExp, Source["type"]]> = [
  // a paper, broadcaster or site by the word its name ends with: "TOLOnews", "the Kabul Times", "the Dawn
  // newspaper" (not a bare "the newspaper": the one named before)
  [
    /^\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*)*?(?:\s?(?:news|News|NEWS|TV|Times|Post|Press|Radio|Daily|Herald|Tribune|Journal|Gazette|Telegraph|Observer|Express|Chronicle|Standard)|\s+(?:newspaper|daily|broadcaster|news\s+(?:agency|channel|site|website|portal)))$/u,
    "outlet",
  ],
  // a named monitor or research body: "the Syrian Observatory for Human Rights", "the Yale Humanitarian
  // Research Lab", "ACLED" (capitalised: "the group", "a network" name no one)
  [/\b(?:Observatory|Monitor|Institute|Lab|Laboratory|Tracker|Project|Centre|Center)\b/, "analyst"],
  // a named body of another kind, of two capitalised words or more, or an acronym: "the Sudan Doctors
  // Network", "the National Bureau of Investigation", "UKMTO" (not a bare "Smith")
  [/^\p{Lu}[\p{L}'’.-]*(?:\s+(?:(?:of|for|on|and|the)\s+)*\p{Lu}[\p{L}'’.-]*)+$|^\p{Lu}{3,}$/u, "other"],
];
const NOT_SPEAKER = /^(?:he|she|it|they|we|i|you|this|that)$/i;
/** A clause rather than a name: an auxiliary, or a plural noun and a past ("troops moved"). */
const CLAUSE =
  /(?:^|\s)(?:had|has|have|was|were|is|are|would|will|could|can|may|might|did|does|do)(?:\s|$)|^\p{Ll}+s\s+\p{Ll}+ed\b/u;

function trailingSpeaker(stext: string, offset: number): Found | undefined {
  const m = TRAILING.exec(stext) ?? INVERTED.exec(stext);
  if (!m) return undefined;
  const phrase = m[2]!.trim();
  if (NOT_SPEAKER.test(phrase) || phrase.split(/\s+/).length > 9) return undefined;
  // ", said troops had moved to Gotland": after "said", a clause is what was said, not who said it
  if (m[0] !== TRAILING.exec(stext)?.[0] && CLAUSE.test(phrase)) return undefined;
  const type = typeOf(phrase, SPEAKER_TYPES, NAMED_BODY_TYPES);
  if (!type) return undefined;
  const start = offset + m.index + m[0].indexOf(m[2]!);
  const text = stext.slice(start - offset, start - offset + phrase.length);
  return { start, end: start + text.length, text, name: text, type, rule: "trailing-speaker" };
}

/** The type the first table, in order, with a pattern the phrase matches gives. */
function typeOf(
  phrase: string,
  ...tables: Array<Array<[RegExp, Source["type"]]>>
): Source["type"] | undefined {
  for (const table of tables) for (const [re, type] of table) if (re.test(phrase)) return type;
  return undefined;
}

/** "citing the fleet's press service", "citing three government sources, speaking on condition ...". */
const CITED =
  /\bciting\s+((?:the|a|an)\s+)?([^,;:.()"“”]{2,80}?)(?=\s*(?:[,;:.()"“”]|$)|\s+(?:as|which|who|that|in\s+a|on\s+condition|and\s+(?:said|added))\b)/gi;

function citedPhrases(stext: string, offset: number): Found[] {
  const out: Found[] = [];
  CITED.lastIndex = 0;
  for (let m = CITED.exec(stext); m; m = CITED.exec(stext)) {
    const phrase = m[2]!.trim();
    if (NOT_SPEAKER.test(phrase) || phrase.split(/\s+/).length > 9) continue;
    const type = typeOf(phrase, SPEAKER_TYPES, CITED_TYPES, NAMED_BODY_TYPES);
    if (!type) continue;
    const start = offset + m.index + m[0].indexOf(m[2]!, "citing".length);
    out.push({ start, end: start + phrase.length, text: phrase, name: phrase, type, rule: "citing" });
  }
  return out;
}

/** What else is cited: staffs and services, documents, outlets' own words. */
const CITED_TYPES: Array<[RegExp, Source["type"]]> = [
  [/\b(?:chiefs\s+of\s+staff|general\s+staff|joint\s+staff|fleet|press\s+service)\b/i, "military"],
  [/\b(?:documents?|report|statement|filing|letter|memo|records?|data)\b/i, "document"],
  [/\b(?:images?|imagery|satellite)\b/i, "imagery"],
  [/\b(?:photos?|photographs?)\b/i, "photographs"],
  [/\b(?:videos?|footage)\b/i, "video"],
  [/\b(?:judiciary|court|prosecutors?|service|committee|commission|staff)\b/i, "official"],
];

function upsert(sources: Source[], byName: Map<string, Source>, f: Found): Source {
  const key = f.entityId ?? `${f.type}:${f.name.toLowerCase()}`;
  let s = byName.get(key);
  if (!s) {
    s = { id: `s${sources.length}`, name: f.name, type: f.type, spans: [] };
    if (f.entityId) s.entityId = f.entityId;
    sources.push(s);
    byName.set(key, s);
  }
  if (!s.spans.some((x) => x.start === f.start)) s.spans.push({ start: f.start, end: f.end, text: f.text });
  return s;
}
