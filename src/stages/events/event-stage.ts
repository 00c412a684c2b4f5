// Events: triggers found per sentence (ontology.ts), arguments linked within the sentence and through
// coreference to earlier ones, factuality from cues and attribution, CAMEO refined by context.
import {
  type Cue,
  type Entity,
  type Event,
  Granularity,
  type PlaceEntity,
  type Source,
  type Span,
  type TextSpan,
  type TimeValue,
} from "../../core/analysis.js";
import type { Context, TimeMention } from "../../core/context.js";
import { checkBudget, type Stage } from "../../core/pipeline.js";
import { countryActorOfKind, describes } from "../actor-kinds.js";
import { countryOf, type EntityTable, type MentionRecord, sameSide } from "../entity-table.js";
import { addActorEntity } from "../resolve/entity-builders.js";
import { haversineKm } from "../resolve/place-ranker.js";
import { CUES, sentenceScan, TRIGGERS } from "../rule-scan.js";
import type { Scan } from "../start-words.js";
import { addDays } from "../time/dates.js";
import { countOf } from "../time/extra-parsers.js";
import { lineBefore } from "../tokens.js";
import { confidenceOf } from "./confidence.js";
import { decideFactuality, findCues } from "./factuality.js";
import { CAMEO_OVERRIDES, EVENT_TYPES, type EventType } from "./ontology.js";
import { notEventSense } from "./senses.js";

const ARRIVAL = /^arriv/i;
const ARRIVING = new Set(["deployment", "delivery"]);

/**
 * Clause boundaries inside a sentence: a comma before a conjunction or relative word, a semicolon, a dash,
 * a colon. Complements ("denied that ...") stay with their verb; "X said" after a comma stays too.
 */
const CLAUSE_BREAK =
  /\s+(?=(?:in|during|after)\s+which\b)|,\s+(?=(?:and|but|while|whereas|which|who|where|when|after|before|although|though|as|since|because|saying|adding|claiming|denying|rejecting|insisting|even|if|days|weeks|months|in\s+the\s+latest|in\s+one\s+of)\b)|;\s+|\s[—–]\s|:\s+|,\s+(?=(?:might|could|would|will|should|must|is|are|was|were|has|have|had|may(?!\s+\d))\b)/gi;

/** The preposition of a time adjunct right before a trigger: "since the ceasefire", "after the strike". */
const TIME_ADJUNCT_BEFORE =
  /\b(?:since|after|before|during|until|following)\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+)?$/i;

/** A sentence that asks: its last character, past closing quotes, is a question mark. */
const QUESTION_END = /\?["'”’)]*\s*$/;
/** How a yes-no question opens: an auxiliary verb, maybe after an opening quote. */
const YES_NO_OPENING =
  /^\s*["“']?(?:has|have|had|did|does|do|is|are|was|were|will|would|can|could|should|may|might)\b/i;
/** The question mark right after a sentence's span, past closing quotes. */
const QUESTION_AFTER = /^["'”’)]*\?/;
/** A condition on the truth of the whole sentence: "if confirmed", "if true". */
const IF_CONFIRMED = /\bif\s+(?:confirmed|true|verified|accurate|correct)\b/i;
/**
 * An act named by a noun after "a", "an" or "any" (a demonym or two between) as a subject: at the
 * sentence's start (the text given opens with a newline there), after a comma or a verb of saying ("a
 * Russian deployment"; not "would send a diplomatic note").
 */
const HYPOTHETICAL_ACT_BEFORE =
  /(?:\n\s*|[,;:]\s+|\b(?:that|says?|said|warn(?:ed|s)?|believes?|believed|argues?|argued)\s+)(?:a|an|any)\s+(?:[\p{L}-]+\s+){0,2}$/iu;
/**
 * What would follow it, in the subject's clause: "... to Belarus would alarm", "..., if it happened, would";
 * not after a word that opens another clause ("but stressed that cooperation would continue").
 */
const HYPOTHETICAL_ACT_AFTER =
  /^(?:(?!\b(?:but|and|that|which|who|said|says|stressed)\b)[^.;:!?]){0,80}?\b((?:would|could|might)\s+(?!have\b|not\b)(?:\w+ly\s+)?[a-z]+)\b/;
/**
 * A sentence that opens on a condition supposes what it tells, across its commas: "Were Russia to attack
 * Estonia, NATO would deploy troops", "If China blockaded Taiwan, ..."; one told inverted after a comma
 * ("NATO would respond, were Russia to attack Estonia"); and "..., if it happened, would".
 */
const SUPPOSED =
  /^\s*(?:(?:were|should)\s+(?:\p{Lu}[\p{L}'’-]*\s+){1,3}(?:to\s+)?[a-z]+|if\s+(?!confirmed\b|true\b|verified\b|accurate\b|correct\b))|,\s+(?:were|should)\s+(?:\p{Lu}[\p{L}'’-]*\s+){1,3}(?:to\s+)?[a-z]+|,\s+if\s+(?:it|they|this|that|such\s+\w+)\s+(?:happened|occurred|happens|occurs|went\s+ahead|goes\s+ahead|took\s+place|takes\s+place)\b/iu;
/**
 * A claim said to be unverified: "the claim could not be independently verified", "Reuters could not
 * independently verify the report".
 */
const CLAIM_UNVERIFIED =
  /\b(?:the|this|that|these|those|its|their)\s+(?:claims?|reports?|accounts?|videos?|footage|images?|assertions?)\s+(?:could|can|has|have)\s+not\s+(?:yet\s+)?(?:be\s+|been\s+)?(?:independently\s+)?(?:verified|confirmed)\b|\b(?:could|can|was|were|has|have)\s+(?:not|unable\s+to|not\s+been\s+able\s+to)\s+(?:independently\s+)?(?:verify|confirm)\s+(?:the|this|that|these|those|its|their)\s+(?:claims?|reports?|accounts?|videos?|footage|images?|assertions?)\b/i;
/**
 * The cues of sentence `si` that hold for the whole sentence, across its commas: "Has China deployed J-20
 * fighters to Tibet?" asserts nothing (a yes-no question: "Why did Russia attack Kyiv?" takes the attack as
 * given); "The strike on Engels, if confirmed, would be..." and "..., but the claim could not be
 * independently verified" hedge it, as does the next sentence opening "The claim could not be verified".
 */
function sentenceWideCues(text: string, sentences: readonly Span[], si: number): Cue[] {
  const sent = sentences[si]!;
  const sText = text.slice(sent.start, sent.end);
  const out: Cue[] = [];
  // (the sentence's span may stop before its closing mark)
  const after = QUESTION_AFTER.exec(text.slice(sent.end, sent.end + 4));
  const mark = QUESTION_END.test(sText)
    ? sent.start + sText.lastIndexOf("?")
    : after
      ? sent.end + after[0].length - 1
      : -1;
  if (mark >= 0 && YES_NO_OPENING.test(sText))
    out.push({ start: mark, end: mark + 1, text: "?", kind: "speculative", rule: "question" });
  const supposed = SUPPOSED.exec(sText);
  if (supposed) {
    const lead = supposed[0].length - supposed[0].trimStart().length;
    const at = sent.start + supposed.index + lead;
    const words = supposed[0].slice(lead);
    out.push({ start: at, end: at + words.length, text: words, kind: "speculative", rule: "condition" });
  }
  const next = sentences[si + 1];
  const opening = (s: Span | undefined) => (s ? text.slice(s.start, Math.min(s.end, s.start + 90)) : "");
  // "Neither claim could be independently verified", "Neither side's claims could be verified": every
  // claim of the two sentences before
  const afterNext = sentences[si + 2];
  const both = BOTH_CLAIMS_UNVERIFIED.exec(opening(next)) ?? BOTH_CLAIMS_UNVERIFIED.exec(opening(afterNext));
  const doubt =
    IF_CONFIRMED.exec(sText) ??
    CLAIM_UNVERIFIED.exec(sText) ??
    (next ? claimUnverifiedOpening(opening(next)) : null) ??
    both;
  if (doubt) {
    const base =
      doubt.input === sText
        ? sent.start
        : doubt === both && both.input !== opening(next)
          ? afterNext!.start
          : next!.start;
    const at = base + doubt.index;
    out.push({ start: at, end: at + doubt[0].length, text: doubt[0], kind: "hedged", rule: "hedge" });
  }
  return out;
}

/** A sentence opening that leaves every claim told before it unverified: "Neither claim could be verified". */
const BOTH_CLAIMS_UNVERIFIED =
  /^\s*(?:neither|none\s+of\s+the|both|either)\s+(?:(?:side|party)['’]s\s+|of\s+the\s+)?(?:claims?|accounts?|reports?|versions?)\s+(?:could|can|has|have|was|were)\s+(?:not\s+)?(?:yet\s+)?(?:be\s+|been\s+)?(?:independently\s+)?(?:verified|confirmed)\b/i;

/** The same, opening the next sentence (after who could not verify it): the doubt is of what the sentence before told. */
function claimUnverifiedOpening(opening: string): RegExpExecArray | null {
  const m = CLAIM_UNVERIFIED.exec(opening);
  // (after the one who could not verify it: "Reuters could not independently verify the report")
  return m && /^\s*(?:\p{Lu}[\p{L}.'’-]*\s+){0,3}$/u.test(opening.slice(0, m.index)) ? m : null;
}

/** A sentence's clause breaks as [start, end] pairs, found once per sentence however many triggers it has. */
interface ClauseBreaks {
  length: number;
  at: number[];
}

function clauseBreaks(sText: string): ClauseBreaks {
  const at: number[] = [];
  CLAUSE_BREAK.lastIndex = 0;
  for (let m = CLAUSE_BREAK.exec(sText); m; m = CLAUSE_BREAK.exec(sText))
    at.push(m.index, m.index + m[0].length);
  return { length: sText.length, at };
}

function clauseAround(breaks: ClauseBreaks, start: number, end: number): { start: number; end: number } {
  let from = 0;
  let to = breaks.length;
  const at = breaks.at;
  for (let k = 0; k < at.length; k += 2) {
    if (at[k + 1]! <= start) from = at[k + 1]!;
    else if (at[k]! >= end) {
      to = at[k]!;
      break;
    }
  }
  return { start: from, end: to };
}

/** An event while the stage builds it: what merging needs to know, dropped from the output. */
/**
 * An event while the stage builds it: what merging needs to know, dropped from the output. `reaction`: the
 * sentence reacts to an event told before ("condemned the attack": "reacts") or tells of it from outside
 * ("Hezbollah did not comment on the strike", "the Kremlin said the sanctions were illegal": "tells").
 */
type DraftEvent = Event & {
  anaphoric?: boolean;
  reportTime?: boolean;
  reaction?: "reacts" | "tells";
  /** told of after a preposition or a verb of speech (see TOLD_FROM_OUTSIDE) */
  fromOutside?: boolean;
};

/** A verb of reaction before a noun that refers back to an event: "condemned the attack". */
const REACTION_BEFORE =
  /\b(?:condemn(?:ed|s|ing)?|denounc(?:ed|es|ing)|critici[sz](?:ed|es|ing)|blamed|welcomed|praised|mourned|deplored|decried|(?:responded|reacted)\s+to)\s+(?:(?:the|this|that|these|those|its|their|last\s+\w+['’]s|\w+day['’]s)\s+)?(?:[\w'’-]+\s+){0,2}$/i;

/**
 * Who did the event a noun refers back to, when the words before the noun say so: "claimed the attack",
 * "carried out the strikes", "was behind the raid", "announced the deployment". Its subject is then the
 * event's actor; and "blamed Tehran for the attack" names who did it.
 */
const AGENT_OF_REFERENT =
  /\b(?:claim(?:ed|ing)(?:\s+responsibility\s+for)?|carr(?:ied|ying)\s+out|conduct(?:ed|ing)|launch(?:ed|ing)|stag(?:ed|ing)|mount(?:ed|ing)|order(?:ed|ing)|approv(?:ed|ing)|authori[sz](?:ed|ing)|plann(?:ed|ing)|behind|responsible\s+for|took\s+part\s+in|taking\s+part\s+in|led|leading|announc(?:ed|ing)|unveil(?:ed|ing)|began|beginning|start(?:ed|ing)|complet(?:ed|ing)|continu(?:ed|ing)|resum(?:ed|ing)|stepp(?:ed|ing)\s+up|expand(?:ed|ing)|intensif(?:ied|ying))\s+(?:(?:the|this|that|these|those|such)\s+)?(?:[\w'’-]+\s+){0,2}$/i;

/**
 * "blamed Tehran for the attack", "accused Moscow of the strikes": the act named right after "of" or
 * "for", whose doer is the one accused (not "accused Taipei of hyping the incident": Taipei hypes).
 */
const ACCUSED_OF_REFERENT =
  /\b(?:accus\w*|blam\w*)\s+(?:[\w'’.-]+\s+){1,4}?(?:of|for)\s+(?:(?:the|this|that|these|those|such|its|their)\s+)?(?:(?![\w'’-]*ing\s)[\w'’-]+\s+)?$/i;

/** The prepositions before a noun referring back that make it no subject: "killed in the attack". */
const REFERENT_PREPOSITIONS =
  "in|on|about|of|over|after|since|for|from|at|against|to|by|into|following|amid|despite";

/**
 * A noun referring back after a preposition or a verb of its clause ("killed in the attack", "did not
 * comment on the strike", "called the attack a cynical strike", "repelled the assault"): the noun is no
 * subject, and whoever the clause's subject is (a reactor, a witness, a defender) did not do the event.
 * Only after "the", "this", "that", "these", "those" or "such": "said its attack" is the subject's own.
 */
const REFERENT_AS_OBJECT = new RegExp(
  String.raw`\b(?:${REFERENT_PREPOSITIONS}|\w{3,}ed|\w{3,}ing|called|calls|call|said|says|comment|described?|describes|terms?|brands?|labels?|mention|confirm|deny|denies|investigate|investigating|investigates|survived?|survives|discuss|discussing)["”’]?\s+(?:the|this|that|these|those|such|either|both|neither)\s+(?:[\w'’-]+\s+){0,2}$`,
  "i",
);

/**
 * Whether the words before a noun referring back (in its sentence) make its clause's subject a reactor
 * ("reacts": condemned, denounced...) or one who tells of the event from outside it ("tells").
 */
export function reactsToReferent(before: string): "reacts" | "tells" | undefined {
  if (AGENT_OF_REFERENT.test(before) || ACCUSED_OF_REFERENT.test(before)) return undefined;
  // "It was the third such incident this month": a count of like events adds nothing to the one told
  if (REACTION_BEFORE.test(before) || /\bsuch\s+$/i.test(before)) return "reacts";
  return REFERENT_AS_OBJECT.test(before) ? "tells" : undefined;
}

/**
 * A preposition or a verb of speech before the noun ("killed in the attack", "no information about the
 * incident", "said the sanctions"): its clause's subject tells of the event from outside even where no
 * event was told before (a verb like "announced the deployment" may be the subject's own act).
 */
const TOLD_FROM_OUTSIDE = new RegExp(
  String.raw`\b(?:${REFERENT_PREPOSITIONS}|called|calls|said|says|comment|commented|described?|describes|termed|branded|labell?ed|mentioned|investigat\w*|survived|monitoring|watching|following|studying|examining|analy[sz]ing|reviewing|tracking)\s+(?:the|this|that|these|those|such)\s+(?:[\w'’-]+\s+){0,2}$`,
  "i",
);

interface Trigger extends TextSpan {
  def: EventType;
  sentence: number;
  /** "the attack", "the drills": a noun that refers back to an event told earlier */
  anaphoric: boolean;
}

const AHEAD_OF =
  /\b(?:ahead\s+of|in\s+the\s+run-up\s+to|in\s+preparation\s+for|preparing\s+for)\s+(?:an?|the|this|next|its|their)?\s*(?:[\w'’-]+\s+){0,3}$/i;
const PAST_VERB =
  /(?:ed|\b(?:sent|held|met|fought|struck|shot|took|began|begun|built|bought|sold|flew|flown|withdrew|hit|made|led|won|ran|sank|seized|fired|launched|signed))$/i;
/** The first word of a trigger ("destroyed" of "destroyed a boat"). */
function firstWord(text: string): string {
  const space = text.search(/\s/);
  return space < 0 ? text : text.slice(0, space);
}
const DENIAL_CUE = /^(?:denied|denies|deny|dismissed|rejected)$/i;
/** "... and threatened", "... and said", "..., saying": a new act of the speaker after a denial. */
const NEXT_ACT =
  /\b(?:and|but)\s+(?:also\s+)?(?:said|says|accused|added|warned|insisted|claimed|threatened|vowed|called)\b|\bsaying\b/i;
/** Nominal triggers: these name an event rather than tell it, so alone they need an argument nearby. */
/** Background dates do not carry over to the next sentence. */
const NEW_FRAME = /\b(?:since|in\s+the\s+\d{4}s|\d{4}s)\b/i;
const FORCE_THREAT =
  /\b(?:retaliat\w*|(?:would|will)\s+respond\s+(?:with|to\s+(?:any|upcoming|the|these|such))|respond\s+(?:accordingly|decisively|with\s+force|militarily|to\s+any)|unanswered|use\s+(?:of\s+)?force|(?:with|by)\s+(?:full\s+|overwhelming\s+)?force|military\s+(?:force|response|action)|destroy|strike\s+back|consequences|annihilat\w*|countermeasures|overwhelming|take\s+(?:\w+\s+)?action)\b/i;
const MILITARY_OBJECT =
  /\b(?:missiles?|drones?|shells?|ammunition|munitions?|tanks?|jets?|aircraft|warships?|weapons?|rockets?|howitzers?|artillery|submarines?|frigates?|corvettes?|destroyers?|(?:patrol|defen[cs]e)\s+boats?|vessels?|ships?|systems?|launchers?|vehicles?|helicopters?)\b/i;
/** "the attack", "this deployment", "that attack" (but not "said that talks", where "that" opens a clause). */
const REFERRING =
  /(?:\b(?:the|this|its|their|such|either|both|neither)|(?<!\b(?:said|says|say|added|warned|claimed|noted|reported|stressed|insisted|believed?|believes|Wednesday|Monday|Tuesday|Thursday|Friday|Saturday|Sunday)\s)\bthat)\s+$/i;
const NOMINAL =
  /^(?:attacks?|strikes?|exercises?|drills?|tests?|launch(?:es)?|production|statement|talks|meeting|summit|sanctions?|accusations?|incident|deployment|build-?up|agreement|accord|treaty|pact|cooperation|partnership|alliance|visit|delivery|deliveries|contracts?|offensive|barrage|raid|assault|interception|invasion|fighting|jamming|ceasefire|truce|armistice|shipments?)$/i;
/** Nouns that may refer back to an event told before: the NOMINAL ones and "the shelling", "the raids". */
const REFERRING_NOUN =
  /^(?:raids|assaults|interceptions|shelling|bombing|bombardment|airstrikes?|seizure|detention)$/i;

/**
 * A delivery passes through several places (shipped to a port, driven to a base), a missile flies from a
 * launch site into a sea: with the same equipment, that is one event.
 */
const ROUTED = new Set(["delivery", "procurement", "weapons-test"]);
/**
 * "claimed responsibility for a drone attack", "claimed credit for the strikes", "claimed to have fired":
 * the claimant's act.
 */
const CLAIMED_ACT =
  /^\s+(?:(?:has|have|had)\s+)?(?:claim(?:ed|s)?\s+(?:responsibility|credit)\s+for\s+(?:(?:a|an|the|its|their|two|three|several|\d+)\s+)?(?:[\w-]+\s+){0,3}|(?:claim(?:ed|s)?|said)\s+to\s+have\s+(?:\w+ly\s+)?)$/i;
/**
 * A verb of speech, then "its", "it", "they" or "their" opening what is said: "said its", "said that it",
 * "said in a statement that they".
 */
const SAID_ITS =
  /\b(?:said|says|stated|insisted|maintained|added)\s+(?:(?:in|on)\s+(?:a|an|its|their)\s+(?:[\w-]+\s+){0,2}?)?(?:(?:last|this|on|late|early)\s+(?:week|month|year|night|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|morning|evening)\s+|(?:on|late|early)\s+(?:on\s+)?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\s+|yesterday\s+|earlier\s+)?(?:that\s+)?(?:its?|they|their)\b/i;

/**
 * The speaker a pronoun after its verb of speech refers to, before the trigger: "Russia's defence ministry
 * said its aircraft ... did not violate any border". Only a speaker the knowledge base knows, named right
 * before the verb.
 */
function speakerBeforePronoun(
  text: string,
  sentenceStart: number,
  triggerStart: number,
  sourceIds: readonly string[],
  sourceOf: (id: string) => Source | undefined,
): { entityId: string; words: TextSpan } | undefined {
  const before = text.slice(sentenceStart, triggerStart);
  const said = SAID_ITS.exec(before);
  if (!said) return undefined;
  const verbAt = sentenceStart + said.index;
  for (const id of sourceIds) {
    const src = sourceOf(id);
    if (!src?.entityId) continue;
    const sp = src.spans.find((x) => x.end <= verbAt && /^\s*$/.test(text.slice(x.end, verbAt)));
    if (sp) return { entityId: src.entityId, words: { start: sp.start, end: sp.end, text: sp.text } };
  }
  return undefined;
}

/**
 * Whether a mention lies inside the words of a speaker the knowledge base does not list ("Finnish" of
 * "Finnish investigators", "Sudan" of "the Sudan Doctors Network"): it names who speaks, not who acts.
 * (A speaker that is an actor keeps its people: "The Estonian navy said its patrol vessels escorted the
 * ship" tells Estonia's act.)
 */
function insideUnlistedSpeaker(
  m: { start: number; end: number },
  sourceIds: readonly string[],
  sourceOf: (id: string) => Source | undefined,
): boolean {
  for (const id of sourceIds) {
    const src = sourceOf(id);
    if (!src || src.entityId || src.type === "article") continue;
    if (src.spans.some((sp) => sp.start <= m.start && m.end <= sp.end)) return true;
  }
  return false;
}

/** "claimed the attack": the words between a speaker and an act told before that they claim as theirs. */
const CLAIMED_REFERENT = /^\s+(?:(?:has|have|had)\s+)?claim(?:ed|s)?\s+(?:the|this|that|these|those)\s+$/i;
/** "claimed the attack was staged": a claim about the act, whose speaker only reports. */
const CLAIM_CONTINUES = /^\s+(?:was|were|is|are|had|has|have|would|could|did)\b/i;
/** "said 50 were shot down", "said it had intercepted": a report with no other agent before the trigger. */
const OWN_INTERCEPTION =
  /^\s+(?:said|says|reported|announced)\s+(?:that\s+)?(?:(?:it|they)\s+(?:had\s+|has\s+|have\s+)?|(?:\d+|all|most|some)\s+(?:of\s+(?:them|the\s+\w+)\s+|(?:[\w-]+\s+){1,3}?)?(?:were|was|had\s+been|have\s+been)\s+)$/i;

/** Whether an actor is a force that fights (military, or a state's armed body by its kind). */
function isForce(e: ReturnType<NonNullable<Context["entities"]>["get"]>): boolean {
  // (a defence ministry speaks for the forces it commands: "Russia's defence ministry said 45 drones were
  // destroyed")
  return e?.kind === "actor" && (e.type === "military" || DEFENCE_MINISTRY.test(e.name));
}
const DEFENCE_MINISTRY = /\bMinistry\s+of\s+(?:National\s+)?Defen[cs]e\b|\bDefen[cs]e\s+Ministry\b/;

/** A verb of seeing forces: "detected", "spotted" (see the deployment triggers). */
const DETECTED = /^(?:detected|spotted|sighted|observed)$/i;

/** A hedging adverb before a participle: "allegedly carrying", "reportedly linked". */
const HEDGED_PARTICIPLE =
  /^(?:allegedly|reportedly|apparently|purportedly|presumably|possibly|likely)\s+\w+(?:ing|ed)\b/i;

const SPEECH_ACTS = new Set(["statement", "denial", "warning", "threat", "accusation", "protest"]);

/**
 * "The EU announced new sanctions on Minsk", "Russia has announced the deployment of": between a speaker
 * and the trigger, a verb that makes the act the speaker's own, its object the trigger (up to three words
 * before it, none a verb of its own: "announced that Russian troops" is someone else's act); or whose
 * complement the trigger is: "Iran has denied supplying drones", "Moscow threatened to strike".
 */
const OWN_ACT_VERB =
  /^\s+(?:(?:has|have|had)\s+)?(?:also\s+)?(?:(?:announced|unveiled|imposed|adopted|approved|introduced|declared|ordered|launched)\s+(?:(?:a|an|the|its|their|new|fresh|further|additional|more|sweeping|tougher|wide-ranging|first|second|third|\d+)\s+){0,3}|(?:denied|denies|deny|admitted|admits|acknowledged|acknowledges)\s+(?:ever\s+|having\s+)?|(?:threatened|threatens|vowed|vows|promised|promises|pledged|pledges|refused|refuses|offered|offers)\s+to\s+)$/i;
/** Sentences that tell the same event with these factualities are one event; the most certain wins. */
/** A clause with a stance of its own: possible, planned, denied, or said by someone else. */
const STANCE =
  /\b(?:could|might|may|would|will|plans?\s+to|expected\s+to|due\s+to|denied|denies|not|never|saying|said|says)\b/i;
const MERGEABLE = new Set(["asserted", "reported", "hedged"]);
const COREF_ACTOR =
  /\b(?:the\s+(?:country|government|military|army|navy|regime|ministry|administration|state)|it|its)\b/i;
/** "He", "She" opening the words before the trigger. */
const PERSON_PRONOUN = /^\s*(?:He|She)\s+(?:[\w-]+\s+){0,2}$/;

/**
 * Whether an actor's mention names a person: a person's name, or a state's before the title of its official
 * ("Sweden's defence minister").
 */
function namesPerson(text: string, m: MentionRecord, ctx: Context): boolean {
  const e = ctx.entities!.get(m.entityId);
  if (e?.kind === "actor" && e.type === "person") return true;
  return /^['’]s\s+(?:[\w-]+\s+){0,2}?(?:minister|president|secretary|chancellor|commander|chief|general|envoy|ambassador|spokes(?:man|woman|person)|leader|premier|king)\b/i.test(
    text.slice(m.end, m.end + 50),
  );
}

const COREF_EQUIPMENT =
  /\bthe\s+(?:[\w-]+\s+){0,2}?(?:systems?|missiles?|launchers?|batteries|jets|aircraft|drones?|vessels?|ships?|warships?|units?|weapons?|vehicles?|tanks?|howitzers?|guns|artillery|platforms?|fighters|bombers|helicopters|frigates|submarines?)\b/i;
const STRIKE_AIR = /\b(?:air\s*strikes?|airstrikes?|drone|missile|bomb|aerial|air\s+raid|rocket)/i;
/** A bomb no air force drops: "a suicide bomber", "a car bomb", "a roadside bomb" (CAMEO 183). */
/** People taken hostage, abducted or a vehicle hijacked. */
const ABDUCTION = /\b(?:kidnapp(?:ed|ing)|abduct(?:ed|ing|ion)|hijack(?:ed|ing)|hostages?)\b/i;
const NON_MILITARY_BOMB = /\b(?:suicide|car|truck|roadside)[\s-]+bomb/i;
/** "drills with Japan": a partner, but not the neighbour of "near its border with Azerbaijan". */
const EXERCISE_WITH = /(?<!\bborders?\s)\bwith\s+(?:the\s+)?\p{Lu}/u;
const SHELLING = /\b(?:shell(?:ed|ing)|artillery|mortar)/i;
const TEST_CONTEXT =
  /\b(?:test|tests|tested|trial|into\s+the\s+(?:sea|ocean|waters)|splashed\s+down|flight)\b/i;
const PRACTICE_TARGET =
  /\b(?:mock|floating|practice|simulated|decommissioned)\s+targets?\b|\btarget\s+(?:ship|vessel|barge|drone|island|islet|rock|area)s?\b|\bdecommissioned\s+(?:hulk|ship|vessel|frigate|destroyer|corvette)s?\b|\bhulks?\b/i;
const HOSTILE = new Set(["attack", "interception"]);
/** "launch 1,000 drones in a night": drones are launched at someone, not tested, unless the text says test. */
const DRONE_OBJECT =
  /^\s+(?:(?:more\s+than|over|up\s+to|about|some|at\s+least|[\d,]+|dozens\s+of|hundreds\s+of|or|more|\w+-?)\s+){0,5}?(?:attack\s+|kamikaze\s+|long-range\s+)?drones\b/i;
/** "Azerbaijani troops had fired", "Armenian units had fired first": soldiers who fire are in a fight. */
const FORCES_FIRING =
  /\b(?:troops|soldiers|units|gunmen|militants|fighters|snipers|border\s+guards)\b(?:\s+[\w-]+){0,3}\s+fired\b/i;
/** "launched three Kinzhal missiles overnight": salvos told by the night they came in are strikes, not tests. */
const OVERNIGHT = /\b(?:overnight|through(?:out)?\s+the\s+night)\b/i;
const ATTACK_CONTEXT =
  /\bacross\s+the\s+(?:border|frontier|line)\b|(?<!\b(?:based|stationed|located|docked|moored|arrived|commissioned|built)\s)\b(?:at|on|against|toward|towards)\s+(?:the\s+|an?\s+|its\s+|their\s+|our\s+)?(?:(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+|central\s+)?(?:(?!(?:\p{Lu}\p{L}*\s+){0,2}(?:Sea|Ocean|Gulf|Bay|Strait)\b|Sea\s+of\b)(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)\b)\p{Lu}|(?:[a-z-]+\s+){0,2}(?:targets?|positions?|city|cities|base|bases|ships?|vessels?|tankers?|carriers?|warships?|refiner(?:y|ies)|depots?|airfields?|bridges?|plants?|terminals?|ports?|airports?|hospitals?|buildings?|infrastructure|facilit(?:y|ies))|protesters|demonstrators|crowds?|troops|soldiers|civilians|villages?|homes|houses|convoys?)/u;

export const eventStage: Stage = {
  name: "events",
  requires: ["sentences", "entities", "times", "attributions", "sources"],
  provides: ["events"],
  run(ctx: Context) {
    const text = ctx.doc.text;
    const sentences = ctx.sentences!;
    const table = ctx.entities!;
    const mentions = table.sorted();
    // A trigger word inside an equipment or actor name is part of that name, not an event.
    const named = mentions.filter((m) => {
      const e = table.get(m.entityId);
      return e?.kind === "equipment" || e?.kind === "actor" || e?.kind === "unit";
    });
    const inside = (s: number, e: number) => named.some((m) => s >= m.start && e <= m.end);
    const breaksOf = new Map<number, ClauseBreaks>();
    const breaksIn = (si: number, sText: string) => {
      let b = breaksOf.get(si);
      if (!b) breaksOf.set(si, (b = clauseBreaks(sText)));
      return b;
    };
    // where the trigger and cue patterns can start in each sentence (rule-scan.ts)
    const scans = new Map<number, Scan>();
    const scanOf = (si: number) => {
      let scan = scans.get(si);
      if (!scan) scans.set(si, (scan = sentenceScan(ctx, sentences[si]!.start, sentences[si]!.end)));
      return scan;
    };
    const triggers = findTriggers(ctx, sentences, inside, breaksIn, scanOf);
    const events: DraftEvent[] = [];
    let lastActor: MentionRecord | undefined;
    let lastEquipment: string[] = [];
    let sentenceCursor = -1;
    // how far the mentions of earlier sentences have been read, and the last actor among them
    let mentionCursor = 0;
    let lastEarlierActor: MentionRecord | undefined;
    let storyTime: TimeValue | undefined;
    /**
     * The last day an event of the sentences before was told on (its own, or counted from another), which
     * a count of days moves; and that of the sentence being read.
     */
    const toldDay: { sentence: number; before?: TimeValue; inSentence?: TimeValue } = { sentence: -1 };
    // Per sentence, worked out once however many triggers it holds: its mentions, its cues, its attribution.
    const bySentence = new Map<number, MentionRecord[]>();
    for (const m of mentions) {
      const list = bySentence.get(m.sentence) ?? [];
      list.push(m);
      bySentence.set(m.sentence, list);
    }
    const cuesOf = new Map<number, Cue[]>();
    /** each sentence's cues that hold across its clauses (see sentenceWideCues), found once per sentence */
    const wideCuesOf = new Map<number, Cue[]>();
    const subjectCandidatesOf = new Map<number, SubjectCandidate[]>();
    const inSentOf = new Map<number, MentionRecord[]>();
    // sentence-wide tests, each run once per sentence (the others only when a trigger needs them)
    const factsBySentence = new Map<
      number,
      { corefAt: number; sameDay?: boolean; background?: boolean; came?: CameAfter | null }
    >();
    const factsOf = (si: number, sText: string) => {
      let f = factsBySentence.get(si);
      if (!f) factsBySentence.set(si, (f = { corefAt: sText.search(COREF_EQUIPMENT) }));
      return f;
    };
    const sourceById = new Map(ctx.sources!.map((s) => [s.id, s] as const));
    /** what `ctx.sources.find((s) => s.id === id)` finds (ids are unique) */
    const sourceOf = (id: string) => sourceById.get(id);
    const attributionOf = new Map(ctx.attributions!.map((a) => [a.sentence, a] as const));
    /** the triggers of each sentence, in order */
    const triggersOf = new Map<number, Trigger[]>();
    for (const t of triggers) {
      const list = triggersOf.get(t.sentence);
      if (list) list.push(t);
      else triggersOf.set(t.sentence, [t]);
    }
    const triggersIn = (si: number) => triggersOf.get(si) ?? [];
    for (const t of triggers) {
      checkBudget(ctx);
      const sent = sentences[t.sentence]!;
      let inSent = inSentOf.get(t.sentence);
      if (!inSent) {
        inSent = (bySentence.get(t.sentence) ?? []).filter((m) => m.start >= sent.start && m.end <= sent.end);
        inSentOf.set(t.sentence, inSent);
      }
      if (sentenceCursor < t.sentence) {
        // remember the last actor of the earlier sentences for coreference: the mentions up to the first of
        // this sentence or a later one (read on from where the last sentence stopped; that point only moves on)
        for (; mentionCursor < mentions.length; mentionCursor++) {
          const m = mentions[mentionCursor]!;
          if (m.sentence >= t.sentence) break;
          if (isActorMention(table.get(m.entityId), m)) lastEarlierActor = m;
        }
        if (lastEarlierActor) lastActor = lastEarlierActor;
        sentenceCursor = t.sentence;
      }
      const sText = text.slice(sent.start, sent.end);
      const attribution = attributionOf.get(t.sentence);
      const sourceIds = attribution?.sourceIds.length ? attribution.sourceIds : ["s0"];
      const speakerIds = new Set(
        sourceIds.map((id) => sourceOf(id)?.entityId).filter((x): x is string => !!x),
      );
      // For speech acts (a denial, a warning) the speaker is the actor; otherwise a speaker only reports.
      const speech = SPEECH_ACTS.has(t.def.type);
      // a speaker who announces the act as its own ("The EU announced new sanctions") is its actor too
      let ownActs: Set<string> | undefined;
      const actorMentions = inSent.filter((m) => {
        if (!isActorMention(table.get(m.entityId), m)) return false;
        // "Moscow has not confirmed any drone attack": who does not confirm an act tells of it
        // ("UKMTO said it had received a report of an incident": who is told of an act does not act either)
        if (!speech && m.end <= t.start && NOT_CONFIRMED.test(text.slice(m.end, t.start))) return false;
        if (!speech && m.end <= t.start && REPORT_OF.test(text.slice(Math.max(m.end, t.start - 60), t.start)))
          return false;
        // "Finnish investigators said the tanker had damaged the cable": the speaker's people only report
        if (!speech && insideUnlistedSpeaker(m, sourceIds, sourceOf)) return false;
        if (speech || !speakerIds.has(m.entityId)) return true;
        if (m.end >= t.start) return false;
        const between = text.slice(m.end, t.start);
        // "The Houthis claimed responsibility for a drone attack": theirs, as they claim (still reported)
        if (CLAIMED_ACT.test(between)) return true;
        // "Ukraine's military intelligence claimed the attack": the act told before, claimed as theirs
        // (not "claimed the attack was staged", which reports)
        if (CLAIMED_REFERENT.test(between) && !CLAIM_CONTINUES.test(text.slice(t.end, t.end + 12)))
          return true;
        // "Ukraine's air force said 50 were shot down": a force reports what it shot down itself
        if (
          t.def.type === "interception" &&
          table.get(m.entityId)?.kind === "actor" &&
          OWN_INTERCEPTION.test(between)
        )
          return isForce(table.get(m.entityId));
        if (!OWN_ACT_VERB.test(between)) return false;
        (ownActs ??= new Set()).add(m.entityId);
        return true;
      });
      // (the subject candidates are the same for every trigger of the sentence that is, or is not, a
      // speech act)
      const candidatesKey = 2 * t.sentence + (speech ? 1 : 0);
      let subjectCands = subjectCandidatesOf.get(candidatesKey);
      if (!subjectCands) {
        subjectCands = subjectCandidates(actorMentions, inSent, sent.start, ctx, speech, speakerIds);
        subjectCandidatesOf.set(candidatesKey, subjectCands);
      }
      // the earlier sentences' mentions are those before the cursor
      const choice = chooseActor(subjectCands, inSent, actorMentions, speakerIds, speech, t, ctx, {
        mentions,
        count: mentionCursor,
      });
      let actors = choice
        ? uniq(choice.mentions.map((m) => actorIdFor(m, ctx)))
        : pickActors(actorMentions, inSent, t, ctx);
      // "it detected 23 Chinese aircraft": what was seen is the forces of the side its demonym names; the
      // one who saw them only reports
      const seenSide = DETECTED.test(t.text)
        ? inSent.find(
            (m) =>
              m.start >= t.end &&
              m.start - t.end < 40 &&
              (m.role === "demonym" || m.role === "metonymic") &&
              isActorMention(table.get(m.entityId), m),
          )
        : undefined;
      if (seenSide) actors = [actorIdFor(seenSide, ctx)];
      // "a strike by Russian missiles on Odesa", "repelled an assault by Boko Haram": the agent after "by"
      // acts, not the subject who condemns or repels
      const repelled = REPELLED.test(t.text);
      // ("96 Shahed drones launched by Russia overnight": a participle's agent right after it acts too)
      const byAgent =
        !seenSide && (repelled || !PARTICIPLE.test(t.text) || /^\s+by\s/.test(text.slice(t.end, t.end + 4)))
          ? agentAfterBy(text, t, inSent, table, repelled ? 40 : 0)
          : undefined;
      if (byAgent) actors = [actorIdFor(byAgent.mention, ctx)];
      // "Japan held drills with the United States": the partner acts with the subject
      // (of an agreement or a meeting, the other party is told as its target, not as an actor)
      if (actors.length && t.def.type === "exercise")
        for (const m of inSent) {
          const e = table.get(m.entityId);
          if (m.start < t.end || m.start - t.end > 60 || e?.kind !== "place" || e.featureType !== "country")
            continue;
          const before = text.slice(Math.max(0, m.start - 30), m.start);
          if (PARTNER.test(before) && !NEIGHBOUR.test(before)) actors = uniq([...actors, actorIdFor(m, ctx)]);
        }
      // A cue speaks for its own clause: "the strikes have not stopped the campaign" does not negate
      // "US and British strikes" told in the clause before.
      const clause = clauseAround(breaksIn(t.sentence, sText), t.start - sent.start, t.end - sent.start);
      let sentenceCues = cuesOf.get(t.sentence);
      if (!sentenceCues) {
        const rules = scanOf(t.sentence);
        sentenceCues = findCues(sent.start, (k) => rules.matches(CUES + k));
        cuesOf.set(t.sentence, sentenceCues);
      }
      let consequence: boolean | undefined;
      let speakerAfter: RegExpExecArray | null | undefined;
      const cues: Cue[] = sentenceCues.filter(
        (c) =>
          c.start - sent.start >= clause.start &&
          c.end - sent.start <= clause.end &&
          // "threatened to attack": what is to come is the attack's; the threat is made
          !(speech && c.kind === "planned" && c.start < t.end && t.start < c.end) &&
          // "Russia will hit Kyiv if the strikes continue, Medvedev warned": the words told are the
          // content's; the warning is made
          !(
            speech &&
            c.kind !== "negated" &&
            c.end <= t.start &&
            (speakerAfter ??= SPEAKER_AFTER_CONTENT.exec(
              text.slice(Math.max(sent.start, t.start - 60), t.start),
            )) !== null &&
            c.end <= t.start - speakerAfter[0].length
          ) &&
          // a negation reaches forward: "did not deploy", "denied that ... struck"; not back to a subject,
          // nor into a time told after it ("have not attacked any ships since the ceasefire")
          (c.kind !== "negated" ||
            (c.start <= t.start &&
              !TIME_ADJUNCT_BEFORE.test(text.slice(Math.max(c.end, t.start - 16), t.start)))) &&
          // what is to come after a speech act or a past-tense verb is its content, not its time: "condemned
          // the sale and said it would impose sanctions", "jets ordered last August would arrive"
          !(
            (c.kind === "planned" ||
              c.kind === "speculative" ||
              // "struck a boat allegedly carrying drugs": a hedge on the participle after it, not on the strike
              (c.kind === "hedged" && HEDGED_PARTICIPLE.test(text.slice(c.start, c.end + 20)))) &&
            c.start >= t.end &&
            // (of a trigger of several words, its verb: "destroyed a boat")
            (speech || PAST_VERB.test(firstWord(t.text)))
          ) &&
          // "India's latest missile launch is likely to raise tensions": the modal of what the event leads to,
          // not of the event
          !(
            (c.kind === "planned" || c.kind === "speculative" || c.kind === "hedged") &&
            c.start >= t.end &&
            (consequence ??= CONSEQUENCE_AFTER.test(text.slice(t.end, t.end + 60)))
          ) &&
          // "ordered French troops to leave": the order is given; the leaving to come is what it orders
          !(t.def.type === "expulsion" && c.kind === "planned" && c.start >= t.start && c.start < t.end) &&
          !(
            t.def.type === "denial" &&
            c.kind === "negated" &&
            c.start >= t.start - 1 &&
            c.end <= t.end + 1
          ) &&
          // "denied losing fighters and threatened to attack": a denial negates what it denies, not the next
          // thing its speaker says or does
          !(
            c.kind === "negated" &&
            DENIAL_CUE.test(c.text) &&
            c.end <= t.start &&
            NEXT_ACT.test(text.slice(c.end, t.end))
          ),
      );
      // the rule that chose the actor, on the words it read (the nearest actor needs none)
      if (choice) {
        const { start, end } = choice.words;
        cues.push({ start, end, text: text.slice(start, end), kind: "actor", rule: choice.rule });
      }
      if (byAgent) cues.push({ ...byAgent.words, kind: "actor", rule: "agent-after-by" });
      // "Analysts say a Russian deployment of Oreshnik missiles to Belarus would alarm NATO", "any attack on
      // Taiwan would": an act named as the subject of what would follow is one supposed
      // (the noun a subject: after the sentence's start, a comma, or a verb of saying)
      const from = Math.max(sent.start, t.start - 40);
      if (HYPOTHETICAL_ACT_BEFORE.test((from === sent.start ? "\n" : "") + text.slice(from, t.start))) {
        const after = HYPOTHETICAL_ACT_AFTER.exec(text.slice(t.end, Math.min(sent.end, t.end + 90)));
        if (after)
          cues.push({
            start: t.end + after[0].lastIndexOf(after[1]!),
            end: t.end + after[0].lastIndexOf(after[1]!) + after[1]!.length,
            text: after[1]!,
            kind: "speculative",
            rule: "supposed-act",
          });
      }
      // "with deliveries expected in 2030": the noun's own participle of what is to come
      const expected =
        !speech && !PAST_VERB.test(firstWord(t.text)) && EXPECTED_AFTER.exec(text.slice(t.end, t.end + 30));
      if (expected)
        cues.push({
          start: t.end + expected.index + expected[0].length - expected[1]!.length,
          end: t.end + expected[0].length,
          text: expected[1]!,
          kind: "planned",
          rule: "expected",
        });
      // "ahead of a week-long exercise", "in the run-up to the summit": what is ahead has not happened yet
      if (AHEAD_OF.test(text.slice(Math.max(sent.start, t.start - 60), t.start)))
        cues.push({ start: t.start, end: t.end, text: t.text, kind: "planned", rule: "ahead-of" });
      // "Russia's defence ministry said its aircraft strictly complied with the rules and did not violate
      // any border": "its" after the speaker's verb of speech is the speaker's, not an earlier actor's
      const speakerOfIts =
        actors.length === 0 && !REPORT_OF.test(text.slice(Math.max(sent.start, t.start - 60), t.start))
          ? speakerBeforePronoun(text, sent.start, t.start, sourceIds, sourceOf)
          : undefined;
      if (speakerOfIts) {
        actors = [speakerOfIts.entityId];
        cues.push({ ...speakerOfIts.words, kind: "actor", rule: "actor-speaks-of-itself" });
      } else if (
        actors.length === 0 &&
        lastActor &&
        (COREF_ACTOR.test(sText.slice(0, t.start - sent.start + t.text.length)) ||
          // "He announced", after "Sweden's defence minister visited" or "Gen. Cavoli visited": a person
          (PERSON_PRONOUN.test(sText.slice(0, t.start - sent.start)) && namesPerson(text, lastActor, ctx)))
      ) {
        actors = [actorIdFor(lastActor, ctx)];
        cues.push({
          start: t.start,
          end: t.end,
          text: t.text,
          kind: "coreference",
          rule: "actor-from-earlier-sentence",
        });
      }
      if (actorMentions.length > 0) lastActor = actorMentions[0];
      let equipment = uniq(
        inSent
          .filter(
            (m) =>
              table.get(m.entityId)?.kind === "equipment" &&
              // "targeted a Hezbollah operative who was rebuilding the group's rocket launching
              // capabilities": what a relative clause after the act tells of is not its equipment
              !(m.start > t.end && RELATIVE_WORD.test(text.slice(t.end, m.start))),
          )
          .map((m) => m.entityId),
      );
      // "the howitzers" after "K9 howitzers": a generic class with "the" refers back to the named system
      const onlyGeneric = equipment.every((id) => {
        const e = table.get(id);
        return e?.kind === "equipment" && e.generic;
      });
      // "The missile was launched from the frigate Admiral Golovko": the subject refers back even when
      // the sentence names other systems after it
      const facts = factsOf(t.sentence, sText);
      const corefAt = facts.corefAt;
      const subjectRefersBack =
        corefAt >= 0 &&
        corefAt < t.start - sent.start &&
        corefAt < 40 &&
        // "The Kilo-class submarine Krasnodar passed through ...": a subject that names its own system
        !inSent.some((m) => {
          const e = table.get(m.entityId);
          const at = m.start - sent.start;
          return (
            e?.kind === "equipment" &&
            !e.generic &&
            at >= corefAt &&
            at < corefAt + 40 &&
            m.start < t.start &&
            // (not a second system after "and": "The launchers and an ELM-2084 radar were unloaded")
            !/,|\b(?:and|with|or)\b/.test(text.slice(sent.start + corefAt, m.start))
          );
        });
      if ((onlyGeneric || subjectRefersBack) && corefAt >= 0 && lastEquipment.length) {
        equipment = onlyGeneric ? lastEquipment : uniq([...lastEquipment, ...equipment]);
        cues.push({
          start: t.start,
          end: t.end,
          text: t.text,
          kind: "coreference",
          rule: "equipment-from-earlier-sentence",
        });
      }
      if (equipment.length) lastEquipment = equipment;
      // A dateline ("MOSCOW -") says where the story was filed, not where the event happened; nor does a
      // place inside the name of a source ("according to officials in Kyiv", "the Kyiv Independent said").
      const placeMentions = inSent.filter(
        (m) =>
          table.get(m.entityId)?.kind === "place" &&
          m.role === "literal" &&
          m !== byAgent?.mention &&
          // "drones launched by Russia", "a raid backed by Iran": a country as an agent, not where
          !(
            isCountry(table.get(m.entityId)) &&
            PARTICIPLE_BY.test(text.slice(Math.max(0, m.start - 24), m.start)) &&
            // (the country itself, not one naming who follows: "hosted by US President Donald Trump")
            /^(?:\s+[a-z]|[,.;:)]|\s*$)/.test(text.slice(m.end, m.end + 2))
          ) &&
          !isDateline(text, m) &&
          !sourceIds.some((id) => sourceOf(id)?.spans.some((sp) => sp.start <= m.start && m.end <= sp.end)) &&
          !notWhere(text, m, t.def.type, table) &&
          // "according to diplomats in Asmara": where the sources are, not where it happened
          !SOURCE_IN.test(text.slice(Math.max(0, m.start - 60), m.start)) &&
          // "a missile launched from Yemen was intercepted": where a strike came from, not where it was
          // met or where it struck
          !(
            ORIGIN_TYPES.has(t.def.type) && LAUNCHED_FROM.test(text.slice(Math.max(0, m.start - 30), m.start))
          ) &&
          // "the defence ministry in Berlin said": where a speaker sits
          !(
            SEAT_BEFORE.test(text.slice(Math.max(0, m.start - 6), m.start)) &&
            SPEAKS_RIGHT_AFTER.test(text.slice(m.end, m.end + 14))
          ) &&
          // "Pistorius said in Berlin", "told reporters in Kyiv": where a speaker spoke, the place of what
          // is said there only (a warning, a visit), not of the delivery told
          !(
            !SPEECH_ACTS.has(t.def.type) &&
            t.def.type !== "diplomatic-meeting" &&
            SPOKE_IN.test(text.slice(Math.max(0, m.start - 60), m.start))
          ) &&
          !placeOfAnotherTrigger(text, ctx.times!, m, t, triggersIn(t.sentence)),
      );
      // "50 km south of Maracaibo": the point the phrase gives is where it happened, not the town
      const places = orderPlaces(
        placeMentions.filter(
          (m) =>
            !placeMentions.some(
              (o) => o.start <= m.start && m.end <= o.end && o.end - o.start > m.end - m.start,
            ),
        ),
        ctx,
      );
      // "were intercepted near the island", "drones hit the port": with no place of its own, the event is
      // at the last such place told before it
      if (places.length === 0) {
        const named = placeNamedByAnaphor(text, t, sent.end, mentions, table);
        if (named) {
          places.push(named.entityId);
          const at = named.words;
          cues.push({
            start: at.start,
            end: at.end,
            text: text.slice(at.start, at.end),
            kind: "coreference",
            rule: "place-named-by-anaphor",
          });
        }
      }
      // "The attack came two days after Ukraine hit an oil refinery in Saratov": the noun before "came" is
      // the event told before, with none of the words after it; what follows "after" is another event,
      // dated by the count (below)
      const came = (facts.came ??= cameAfter(sText) ?? null) ?? undefined;
      const inCameClause = came !== undefined && t.start - sent.start >= came.split;
      if (came && !inCameClause) {
        actors = [];
        equipment = [];
        places.length = 0;
      }
      const picked = pickTime(
        text,
        ctx.times!,
        sent,
        t,
        sentences[t.sentence - 1],
        speech,
        ctx.doc.publishedAt,
      );
      let { reportTime } = picked;
      let time = picked.time;
      // "Ukraine's air force said on Sunday that Russia had launched 150 drones overnight": the night before
      // the day the source spoke, not before publication
      if (time.text !== undefined && /^overnight$/i.test(time.text)) {
        const spoke = ctx.times!.find(
          (x) =>
            x.start >= sent.start &&
            x.end <= sent.end &&
            x.value.granularity === "day" &&
            x.value.start !== null &&
            isReportTime(text, x) &&
            !inDateline(text, x),
        );
        if (spoke?.value.start) {
          time = { ...time, start: addDays(spoke.value.start, -1), end: spoke.value.start };
          reportTime = false;
        }
      }
      // "South Korea on Thursday commemorated the 16th anniversary of North Korea's shelling of Yeonpyeong":
      // the act is that many years before the day told, its year only; without a count, of no day told
      const anniversary = ANNIVERSARY_OF.exec(text.slice(Math.max(sent.start, t.start - 80), t.start));
      if (anniversary) {
        const years = anniversary[1] ? Number.parseInt(anniversary[1], 10) : Number.NaN;
        const year = time.start ? Number(time.start.slice(0, 4)) - years : Number.NaN;
        time = Number.isFinite(year)
          ? {
              start: `${year}-01-01`,
              end: `${year}-12-31`,
              granularity: "year",
              text: anniversary[0].trim(),
              inferred: true,
            }
          : { start: null, end: null, granularity: "unknown" };
        reportTime = false;
      }
      // "A Russian drone crashed in Poland on Tuesday, and Poland summoned Russia's envoy the next day": a
      // count closing the trigger's clause moves the day an earlier clause of the sentence told
      if (
        time.start !== null &&
        time.end !== null &&
        time.granularity === "day" &&
        time.span &&
        time.span.start >= sent.start &&
        time.span.end <= t.start
      ) {
        const after = text.slice(t.end, sent.end);
        const count = STORY_OFFSET_CLOSING.exec(after);
        // (in the trigger's own clause: not "..., the air force said the next day")
        const offset = count && !OFFSET_CLAUSE_BREAK.test(after.slice(0, count.index)) ? daysOf(count) : 0;
        if (offset !== 0) {
          time = shiftedBy(time, offset);
          reportTime = false;
        }
      }
      // "Reuters reported on Monday, citing photographs ... The images were taken on Saturday": what was seen
      // happened when the pictures were taken, not when the outlet reported them
      if ((reportTime || time.start === null) && SEEN_IN_PICTURES.has(t.def.type)) {
        const shot = imageryTime(text, ctx.times!, sent, sentences[t.sentence + 1]);
        if (shot) {
          time = shot;
          reportTime = false;
        }
      }
      // "The tanks have arrived, the ministry said on Thursday. The tanks were unloaded at the port on
      // Tuesday": the next sentence, opening on the same things, dates what the report only said
      if (reportTime && ARRIVING.has(t.def.type)) {
        const next = sentences[t.sentence + 1];
        const opening = next ? text.slice(next.start, Math.min(next.end, next.start + 40)) : "";
        // only a sentence that tells the arrival itself ("were unloaded at Taipei Port on Tuesday"), not
        // the move before it ("were moved by rail over the weekend")
        const nextText = next ? text.slice(next.start, next.end) : "";
        const x =
          next &&
          /^\s*the\s/i.test(opening) &&
          COREF_EQUIPMENT.test(opening) &&
          /\b(?:unloaded|arrived|landed|delivered|docked|reached|handed\s+over|offloaded)\b/i.test(nextText)
            ? ctx.times!.find(
                (m) => m.start >= next.start && m.end <= next.end && m.value.start && !isReportTime(text, m),
              )
            : undefined;
        if (x) {
          time = timeOf(x, true);
          reportTime = false;
        }
      }
      // "On the same day, the ministry said it had signed a contract": the day of the event told before
      if (time.start === null && (facts.sameDay ??= SAME_DAY.test(sText)) && events.length) {
        const prior = findLast(events, (e) => e.time.start !== null);
        if (prior) time = inferredFrom(prior.time);
      }
      // "Beijing warned Tokyo ... A spokesperson said on Tuesday that ...": a speech act told without a date
      // takes the day the next sentence gives its words (marked inferred)
      if (time.start === null && speech)
        time = nextSpeechTime(text, ctx.times!, sentences[t.sentence + 1]) ?? time;
      // A later sentence that goes on with the story, in the simple past and with no date of its own,
      // happened when the story did (marked inferred); background in the perfect or with "since" does not.
      // "The next day, the Houthis launched two drones", after a sentence with no date of its own: the day
      // the story last told, moved by the count
      if (toldDay.sentence !== t.sentence) {
        toldDay.before = toldDay.inSentence ?? toldDay.before;
        toldDay.inSentence = undefined;
        toldDay.sentence = t.sentence;
      }
      if (time.start === null && toldDay.before) {
        const offset = storyOffset(sText);
        if (offset !== 0) time = shiftedBy(toldDay.before, offset);
      }
      if (inCameClause && toldDay.before && (time.start === null || time.inferred))
        time = shiftedBy(toldDay.before, came.days);
      if (
        time.start === null &&
        storyTime &&
        !(facts.background ??= BACKGROUND.test(sText)) &&
        !VAGUE_COUNT_BETWEEN.test(text.slice(sent.start, t.start))
      )
        time = inferredFrom(storyTime);
      else if (
        !storyTime &&
        time.start !== null &&
        !time.inferred &&
        // "The carrier, which left Sanya on Tuesday, ...": a relative clause's day is background
        !(time.span && inRelativeClause(text.slice(sent.start, time.span.start)))
      )
        storyTime = time;
      if (time.start !== null && time.end !== null && time.granularity === "day" && !reportTime)
        toldDay.inSentence = time;
      const actorIds = new Set(actors);
      const attributed = sourceIds.some((id) => {
        if (id === "s0") return false;
        const src = sourceOf(id);
        const ent = src?.entityId;
        // (an act announced by its own actor is asserted by the announcement: imposing sanctions is that)
        if (!speech) return !(ent && ownActs?.has(ent) && actorIds.has(ent));
        if (ent && (actorIds.has(ent) || actorMentions.some((m) => m.entityId === ent))) return false;
        // "Venezuela's foreign ministry called the announcement a threat": a speaker the KB does not know is
        // still the one who speaks when its words are the actor's mention
        // ("a spokesperson for the China Coast Guard": the speaker speaks for the actor named right after it)
        // (not a country's press: "Iranian state media reported" the accusation, they did not make it)
        if (src?.type === "outlet") return true;
        return !src?.spans.some((sp) =>
          actorMentions.some(
            (m) =>
              (m.start < sp.end && sp.start < m.end) ||
              (m.start >= sp.end && /^\s+(?:for|of)\s+(?:the\s+)?$/i.test(text.slice(sp.end, m.start))),
          ),
        );
      });
      // "accused Moscow of jamming": what someone is accused of is their claim, reported, not asserted
      const accusedOf =
        !speech &&
        (ACCUSED_OF.test(text.slice(sent.start, t.start)) ||
          BLAMED_ACT.test(text.slice(Math.max(sent.start, t.start - 40), t.start)));
      if (accusedOf)
        cues.push({
          start: t.start,
          end: t.end,
          text: t.text,
          kind: "reported",
          rule: "object-of-accusation",
        });
      // what holds for the whole sentence, across its commas: a question, "if confirmed", "the claim could
      // not be verified" (not again where the clause's own cues have that hedge)
      let wide = wideCuesOf.get(t.sentence);
      if (!wide) wideCuesOf.set(t.sentence, (wide = sentenceWideCues(text, sentences, t.sentence)));
      for (const w of wide)
        if (
          (w.rule !== "hedge" || !cues.some((c) => c.rule === "hedge" && c.text === w.text)) &&
          // (a condition is of what is told, not of the telling: "..., if it happened, ..., analysts warned")
          !(w.rule === "condition" && speech)
        )
          cues.push(w);
      const factuality = decideFactuality(cues, attributed || accusedOf);
      let def = refineType(
        t,
        sText,
        text.slice(t.end, Math.min(sent.end, t.end + 60)),
        equipment.length > 0,
        HOSTILE.has(events[0]?.type ?? ""),
      );
      // "Germany plans to send four Patriot launchers to Kyiv": weapons sent to another country are a
      // delivery, not a move of one's own forces
      if (def.type === "deployment" && sentAbroad(t, text, equipment, actors, places, table))
        def = EVENT_TYPES.find((e) => e.type === "delivery")!;
      // field by field, in the order of the schema (plover only when the type has one): a spread inside
      // the literal would make every field after it a slow store
      const event = {
        id: `ev${events.length + 1}`,
        type: def.type,
        cameo: refineCameo(def, sText, actors.length, ctx),
      } as Event;
      if (def.plover) event.plover = def.plover;
      event.actors = actors;
      event.equipment = equipment;
      event.places = places;
      event.time = time;
      event.evidence = { start: sent.start, end: sent.end, text: sText };
      event.trigger = { start: t.start, end: t.end, text: t.text };
      event.factuality = factuality;
      event.confidence = 0;
      event.sourceIds = sourceIds;
      event.cues = cues;
      event.rule = `trigger:${def.type}`;
      event.confidence = confidenceOf(event, ctx);
      const args = actors.length + equipment.length + places.length;
      if (NOMINAL.test(t.text) && args === 0 && !t.anaphoric) continue;
      // "The birds flew over the house": a flight or a passage past a place is a deployment only of forces,
      // warships or aircraft
      if (NEEDS_OWN_FORCES.test(t.text) && actors.length + equipment.length === 0) continue;
      // the draft fields go last, as a spread into a copy would put them (the event is not kept elsewhere)
      const draft: DraftEvent = event;
      if (t.anaphoric) {
        draft.anaphoric = true;
        // "Zelenskiy condemned the attack", "Hezbollah did not comment on the strike", "12 people were
        // killed in the attack": who reacts to the event told before, or tells of it, is none of its actors
        const before = text.slice(Math.max(sent.start, t.start - 60), t.start);
        const reaction = reactsToReferent(before);
        if (reaction) draft.reaction = reaction;
        if (reaction === "tells" && TOLD_FROM_OUTSIDE.test(before)) draft.fromOutside = true;
      }
      if (reportTime) draft.reportTime = reportTime;
      events.push(draft);
    }
    // Two actors agree when one list is empty, or they stand on one side ("the Northern Fleet", "Russia").
    const actorsAgree = (a: string[], b: string[]) => compatible(a, b) || sameSide(table, a, b);
    // Who tells of an event stands with it when one of its speakers is one of the event's actors or
    // sources, or of their country (a speaker unknown to the knowledge base, or none, cannot be told apart)
    const speakersOf = (e: DraftEvent) =>
      e.sourceIds.map((id) => sourceOf(id)?.entityId).filter((x): x is string => x !== undefined);
    // (the side telling an event includes who accuses another of it: "Warsaw accused Moscow of jamming")
    const accusersOf = (twin: DraftEvent) => {
      const starts = (twin.evidenceSpans ?? [twin.evidence]).map((sp) => sp.start);
      return events
        .filter((a) => a.type === "accusation" && starts.includes(a.evidence.start))
        .flatMap((a) => a.actors);
    };
    const speakersAgree = (e: DraftEvent, twin: DraftEvent) => {
      const speakers = speakersOf(e);
      const side = [...twin.actors, ...speakersOf(twin), ...accusersOf(twin)];
      return speakers.length === 0 || side.length === 0 || sameSide(table, speakers, side);
    };
    const placesApart = (a: DraftEvent, b: DraftEvent) => farApart(table, text, a, b);
    ctx.events = mergeEvents(
      events,
      actorsAgree,
      speakersAgree,
      placesApart,
      (a, b) => kindThenSystemWithin(table, a, b),
      headlineEnd(ctx.doc.text),
      ctx.doc.text,
    );
  },
};

function isDateline(text: string, m: { start: number; end: number; text: string }): boolean {
  // the line before it: nothing but white space, or towns in capitals each then a slash ("KYIV/MOSCOW")
  const line = lineBefore(text, m.start);
  return (
    (/^\s*$/.test(line) || /^\s*(?:\p{Lu}[\p{Lu} .'’-]*\/)+$/u.test(line)) &&
    /^[\p{Lu}\s.'’/-]+$/u.test(m.text) &&
    /^(?:\/\p{Lu}[\p{Lu} .'’-]*)*\s*(?:,[^-–—\n]{0,40})?\s*[-–—(]/u.test(text.slice(m.end, m.end + 60))
  );
}

function isActorMention(e: ReturnType<NonNullable<Context["entities"]>["get"]>, m: MentionRecord): boolean {
  if (!e) return false;
  // "accused Washington of", "urged Kyiv to": a government spoken to is the target, never the one acting
  if (m.role === "metonymic" && m.evidence.some((x) => x.rule === "object-of-verb")) return false;
  // "the Iran-aligned Houthi movement", "Tehran-backed militias fired": the backer is not the one acting
  if (m.evidence.some((x) => x.rule === "backer-suffix")) return false;
  // "near the Lebanese border", "entered Polish airspace": the country's land, not the one acting
  if (m.evidence.some((x) => x.rule === "demonym-of-a-place" || x.rule === "demonym-of-an-object"))
    return false;
  if (e.kind === "actor") return e.type !== "outlet";
  // "The 155th Naval Infantry Brigade was redeployed", "Ukraine's 3rd Army Corps said it repelled"
  if (e.kind === "unit") return true;
  return (
    e.kind === "place" && e.featureType === "country" && (m.role === "demonym" || m.role === "metonymic")
  );
}

/** Actor entity id for a mention: a demonym ("Venezuelan troops") stands for the state. */
function actorIdFor(m: MentionRecord, ctx: Context): string {
  const e = ctx.entities!.get(m.entityId)!;
  if (e.kind !== "place") return e.id;
  const state = ctx.kb.actor(`state-${e.countryCode}`);
  if (!state) return e.id;
  const added = ctx.entities!.add(
    `actor:${state.id}`,
    () => ({
      kind: "actor",
      name: state.name,
      kbId: state.id,
      type: "state",
      confidence: m.confidence,
      ...(state.cc ? { countryCode: state.cc } : {}),
    }),
    {
      start: m.start,
      end: m.end,
      text: m.text,
      role: m.role,
      confidence: m.confidence,
      evidence: [{ rule: "demonym-as-state", detail: state.id }],
    },
    m.sentence,
  );
  return added.id;
}

/**
 * "built by KNDS", "made by Kongsberg": a maker named to describe equipment, not the one who acts; nor
 * who released the pictures of the act ("according to photographs released by the Italian navy").
 */
const MAKER =
  /\b(?:built|made|manufactured|produced|designed|developed|(?:photographs|photos|pictures|images|imagery|footage|videos?)\s+(?:released|published|provided|posted|shared|obtained))\s+by\s+(?:the\s+)?$/i;
/** A trigger that is a past participle: "shadowed", "taken", "shown". */
const PARTICIPLE = /(?:ed|en|wn)$/i;
/** Triggers of blame, whose object is the one blamed: "accused", "blamed", "condemned". */
const BLAMING = /^(?:accus|blam|condemn|denounc)/i;
/** "repelled", "repulsed", "fought off", "beat back": the assault is the other side's. */
const REPELLED = /^(?:repel|repuls|fought\s+off|beat\s+back)/i;
/** " by " and up to three words before the agent's mention: "by Russian", "by the Houthis'". */
const NOUN_BY_AGENT = /^\s+by\s+(?:the\s+|a\s+|an\s+)?$/i;

/**
 * The actor after "by" right after a noun trigger ("a strike by Russian missiles"), or within `reach`
 * characters after a verb of repelling ("repelled an assault by Boko Haram"), with the words that say so.
 */
function agentAfterBy(
  text: string,
  t: Trigger,
  inSent: readonly MentionRecord[],
  table: NonNullable<Context["entities"]>,
  reach: number,
): { mention: MentionRecord; words: { start: number; end: number; text: string } } | undefined {
  const by = reach ? text.slice(t.end, t.end + reach).search(/\sby\s/) : 0;
  if (by < 0) return undefined;
  const from = t.end + by;
  for (const m of inSent) {
    if (m.start <= from || m.start - from > 14) continue;
    if (!NOUN_BY_AGENT.test(text.slice(from, m.start))) continue;
    const e = table.get(m.entityId);
    // (a country after "by" is its state acting: "launched by Russia")
    if (
      !isActorMention(e, m) &&
      m.role !== "demonym" &&
      !(e?.kind === "place" && e.featureType === "country")
    )
      continue;
    return { mention: m, words: { start: from, end: m.end, text: text.slice(from, m.end) } };
  }
  return undefined;
}

/** "the 16th anniversary of North Korea's shelling": what is remembered, and how many years ago. */
const ANNIVERSARY_OF =
  /\b(?:(\d{1,3})(?:st|nd|rd|th)\s+)?anniversary\s+of\s+(?:(?:the|a|an)\s+)?(?:[\p{L}'’.-]+\s+){0,3}$/iu;

/** "blamed Ukrainian shelling for": the act blamed, the blamer's claim. */
const BLAMED_ACT = /\bblam(?:ed|es|ing)\s+(?:(?:the|a|an)\s+)?(?:[\w'’.-]+\s+){0,2}$/i;
/** "were blocked by", "was intercepted by": a passive verb, whose agent follows "by". */
const PASSIVE = /\b(?:was|were|been|being|is|are)\s+(?:\w+ly\s+)?$/i;

/**
 * Words that may stand between a subject and its verb: "has repeatedly", "on Tuesday", "also", and a verb
 * that raises it ("China appears to have deployed", "Russia is said to have moved", "intends to buy").
 */
const ADVERBS = String.raw`(?:(?:has|have|had|also|again|then|later|earlier|today|yesterday|on\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|last\s+(?:week|month)|this\s+week|\w+ly|(?:appear(?:s|ed)?|seem(?:s|ed)?|(?:is|are|was|were)\s+(?:said|believed|thought|reported|understood|alleged|rumou?red)|intend(?:s|ed)?|plan(?:s|ned)?|want(?:s|ed)?|aim(?:s|ed)?|seek(?:s)?|sought|vow(?:s|ed)?|pledg(?:es|ed)|promis(?:es|ed)|agree(?:s|d)|decide(?:s|d))\s+to(?:\s+have)?)\s+){0,3}`;
/**
 * A verb that carries an event named by a noun, with what may come before it and the words up to the noun:
 * "will hold a joint exercise", "are due to hold talks", "imposed sanctions", "signed a contract",
 * "concluded a security pact".
 */
const LIGHT_VERB = String.raw`(?:(?:(?:will|would|could|is|are|was|were)\s+)?(?:(?:due|set|expected|scheduled|preparing|planning)\s+to\s+)?(?:hold|holds|held|conduct|conducts|conducted|stage|stages|staged|carr(?:y|ies|ied)\s+out|launch|launches|launched|sign|signs|signed|conclude|concludes|concluded|begin|begins|began|start|starts|started|impose|imposes|imposed|announce|announces|announced|complete|completes|completed)\s+(?:(?:a|an|the|its|their|new|joint)\s+)?(?:[\w-]+\s+){0,3})?`;
/** A subject right before its verb: "Moscow denied", "Guyana on Tuesday accused", "Greece will hold a drill". */
const SUBJECT_GAP = new RegExp(String.raw`^\s+${ADVERBS}${LIGHT_VERB}$`, "i");
/** A subject before a relative clause that the verb follows: "Brazil, which borders both countries, reinforced". */
const SUBJECT_GAP_RELATIVE = new RegExp(
  String.raw`^,\s+(?:which|who)\s+[^,;]*,\s+${ADVERBS}${LIGHT_VERB}$`,
  "i",
);
/** The one a relative clause is about, when the verb is in it: "Russia, which has used", "China, which concluded a pact". */
const RELATIVE_SUBJECT = new RegExp(String.raw`^,\s+(?:which|who)\s+${ADVERBS}${LIGHT_VERB}$`, "i");
/** A possessive before an event noun: "Russia's full-scale invasion", "Israel's strikes". */
const POSSESSIVE_SUBJECT = /^['’]s\s+(?:[\w-]+\s+){0,2}$/;
/**
 * A possessive subject, then an apposition, then the verb: "Russia's Geran-2 drones, its version of the
 * Iranian Shahed-136, hit Lviv" (the country named in the apposition is not who struck; an apposition
 * that names the subject, "Venezuela's defence minister, Vladimir Padrino López, warned", is the subject).
 */
const POSSESSIVE_APPOSITIVE =
  /^['’]s\s+(?:[\w-]+\s+){0,2}[\w-]+,\s+(?:its|their|a|an|the)\s+[^,;.]{1,80},\s+$/;
/** A country's embassy or envoy, which speaks for the country: "Russia's embassy in Warsaw". */
const EMBASSY =
  /^['’]s\s+(?:embassy|mission|consulate|ambassador|envoy)(?:\s+(?:in|to)\s+[\p{Lu}][\p{L}-]*(?:\s+[\p{Lu}][\p{L}-]*)?)?/u;

/** What opens a sentence before its subject: nothing, or a dateline ("GEORGETOWN - "). */
const SENTENCE_OPENING = /^\s*(?:[\p{Lu}][\p{Lu}\s.'’-]*\s[-–—]\s*)?$/u;

/** A mention that may be a verb's subject, with where its phrase ends ("Russia's embassy in Riga"). */
interface SubjectCandidate {
  m: MentionRecord;
  end: number;
  /** an actor, or what stands for one (a country opening the sentence, an embassy), not a mere place */
  acts: boolean;
}

/**
 * What may be a verb's subject, in order: the actors; a country that opens the sentence, and those listed
 * with it, read as places ("Guyana on Tuesday accused": the country acts, though "troops in Ukraine
 * attacked" does not make Ukraine act); a country's embassy ("Russia's embassy in Warsaw denied"); any
 * country, as the owner of an event named by a noun ("since Russia's full-scale invasion"); and for a
 * speech act, a capital.
 */
function subjectCandidates(
  actors: MentionRecord[],
  inSent: MentionRecord[],
  sentenceStart: number,
  ctx: Context,
  speech: boolean,
  speakerIds: ReadonlySet<string>,
): SubjectCandidate[] {
  const text = ctx.doc.text;
  const table = ctx.entities!;
  const actorSet = new Set(actors);
  // (a non-speech event's speakers only report it: they are among no candidates)
  if (!speech && speakerIds.size)
    inSent = inSent.filter((m) => actorSet.has(m) || !speakerIds.has(m.entityId));
  const first = inSent.find((m) => !isDateline(text, m));
  const opening =
    first && !actorSet.has(first) && SENTENCE_OPENING.test(text.slice(sentenceStart, first.start))
      ? new Set(withListed(first, inSent, ctx))
      : undefined;
  const out: SubjectCandidate[] = [];
  // where the last embassy's phrase ends: the capital named in it ("in Chisinau") is not a subject
  let phraseEnd = -1;
  for (const m of inSent) {
    // a name inside a longer one is read as part of it ("Poland" in "Poland's navy")
    if (m.start < phraseEnd || insideAnother(m, inSent)) continue;
    if (actorSet.has(m)) {
      out.push({ m, end: m.end, acts: true });
      continue;
    }
    const e = table.get(m.entityId);
    if (e?.kind !== "place") continue;
    // (asked only after a possessive's apostrophe)
    const apostrophe = text.charCodeAt(m.end);
    const embassy =
      apostrophe === 39 || apostrophe === 0x2019 ? EMBASSY.exec(text.slice(m.end, m.end + 60)) : null;
    if (embassy && (e.featureType === "country" || e.featureType === "capital")) {
      phraseEnd = m.end + embassy[0].length;
      out.push({ m, end: phraseEnd, acts: true });
    } else if (e.featureType === "country") out.push({ m, end: m.end, acts: opening?.has(m) === true });
    // a capital, or a city read as its government, that speaks ("an allegation Cotonou has repeatedly denied")
    else if (speech && (e.featureType === "capital" || m.role === "metonymic"))
      out.push({ m, end: m.end, acts: true });
  }
  return out;
}

/** The mentions of the earlier sentences: `mentions` before `count`, in the order of the text. */
interface Earlier {
  mentions: readonly MentionRecord[];
  count: number;
}

/** Who acts, the rule that says so, and the words it read. */
interface ActorChoice {
  mentions: MentionRecord[];
  rule: string;
  words: { start: number; end: number };
}

/**
 * Who acts, by the first rule that finds them: the subject of the verb, with the actors listed with it;
 * the one accused of the act; the person, group or actor of a kind that a word refers back to ("he", "the
 * group", "the army"); the one who speaks, when the subject is a pronoun for them; for a speech act, the
 * sentence's speaker. Undefined when none does: the nearest actor is taken then (pickActors).
 */
function chooseActor(
  cands: SubjectCandidate[],
  inSent: MentionRecord[],
  actorMentions: MentionRecord[],
  speakerIds: ReadonlySet<string>,
  speech: boolean,
  t: Trigger,
  ctx: Context,
  earlier: Earlier,
): ActorChoice | undefined {
  const subject = subjectBefore(cands, t, ctx.doc.text);
  if (subject) {
    const listed = withConjuncts(subject, inSent, ctx);
    return {
      mentions: listed,
      rule: listed.length > 1 ? "actors-listed-as-subject" : "actor-is-subject",
      words: { start: listed[0]!.start, end: listed[listed.length - 1]!.end },
    };
  }
  const accused = accusedOfAct(inSent, t, ctx);
  if (accused) return { mentions: [accused], rule: "actor-accused-of-act", words: accused };
  const referred = anaphoricSubject(t, ctx, earlier);
  if (referred)
    return { mentions: [referred.antecedent], rule: "actor-named-by-anaphor", words: referred.words };
  const pronounOf = speakerByPronoun(inSent, speakerIds, t, ctx);
  if (pronounOf) return { mentions: [pronounOf], rule: "actor-speaks-of-itself", words: pronounOf };
  const speaker = speech ? actorMentions.find((m) => speakerIds.has(m.entityId)) : undefined;
  if (speaker) return { mentions: [speaker], rule: "actor-is-speaker", words: speaker };
  return undefined;
}

/** The most characters between a subject and its verb that the patterns read (a relative clause between). */
const MAX_SUBJECT_GAP = 160;

/** The subject of a verb (or of the noun a light verb carries), from the candidates before it. */
function subjectBefore(
  cands: SubjectCandidate[],
  verb: { start: number },
  text: string,
): MentionRecord | undefined {
  for (let k = cands.length - 1; k >= 0; k--) {
    const c = cands[k]!;
    if (c.end > verb.start) continue;
    // no subject is this far before its verb, and the candidates before this one are further still
    if (verb.start - c.end > MAX_SUBJECT_GAP) break;
    // each pattern opens with its own character: a possessive's apostrophe, a relative clause's comma, or
    // white space (tested first, without cutting the gap out of the text)
    const open = text.charCodeAt(c.end);
    if (open === 39 || open === 0x2019) {
      const gap = text.slice(c.end, verb.start);
      if (POSSESSIVE_SUBJECT.test(gap) || POSSESSIVE_APPOSITIVE.test(gap)) return c.m;
    } else if (open === 44) {
      const gap = text.slice(c.end, verb.start);
      // a country does what a relative clause about it says
      if (RELATIVE_SUBJECT.test(gap) || (c.acts && SUBJECT_GAP_RELATIVE.test(gap))) return c.m;
    } else if (c.acts && SUBJECT_GAP.test(text.slice(c.end, verb.start))) return c.m;
    // "Were Russia to attack Estonia", "Should China invade": the subject of a condition told inverted
    else if (
      INVERTED_SUBJECT_GAP.test(text.slice(c.end, verb.start)) &&
      INVERTED_CONDITION_BEFORE.test(text.slice(Math.max(0, c.m.start - 12), c.m.start))
    )
      return c.m;
  }
  return undefined;
}

/** What opens a condition told inverted, right before its subject: "Were", "Should", "Had" (", were"). */
const INVERTED_CONDITION_BEFORE = /(?:^|[.!?;:,]\s+|\n\s*)(?:were|should|had)\s+$/i;
/** Between the subject of an inverted condition and its verb: "to" ("Were Russia to attack"), or nothing. */
const INVERTED_SUBJECT_GAP = /^\s+(?:ever\s+)?(?:to\s+)?$/i;

/** "accused Moscow on Tuesday of", "blamed the group for a": the one accused of the act named next. */
const ACCUSING = /\b(?:accus(?:ed|es|ing)|blam(?:ed|es|ing))\s+(?:the\s+)?$/i;
const OF_THE_ACT = /^\s+(?:on\s+\w+day\s+)?(?:of|for)\s+(?:(?:a|an|the|its|their)\s+)?(?:[\w-]+\s+){0,2}$/i;

/** The one accused of the act the trigger names ("Warsaw accused Moscow of jamming": Moscow jams). */
function accusedOfAct(inSent: MentionRecord[], t: Trigger, ctx: Context): MentionRecord | undefined {
  const text = ctx.doc.text;
  const table = ctx.entities!;
  for (let k = inSent.length - 1; k >= 0; k--) {
    const m = inSent[k]!;
    if (m.end > t.start) continue;
    if (!OF_THE_ACT.test(text.slice(m.end, t.start))) return undefined;
    const e = table.get(m.entityId);
    const party =
      (e?.kind === "actor" && e.type !== "outlet") ||
      (e?.kind === "place" && (e.featureType === "country" || e.featureType === "capital"));
    return party && ACCUSING.test(text.slice(Math.max(0, m.start - 20), m.start)) ? m : undefined;
  }
  return undefined;
}

/**
 * "He also warned", "the group has attacked", "which the group has fired", "The army will form": a subject
 * that refers back (group 1: "the group"; 2: "he" or "she"; 3: the kind of actor a definite description
 * names).
 */
const ANAPHOR = new RegExp(
  String.raw`\b(?:(the\s+group)|(he|she)|the\s+((?:foreign|defen[cs]e|interior)\s+ministry|army|military|armed\s+forces|navy|air\s+force|coast\s+guard|government|junta))\s+${ADVERBS}${LIGHT_VERB}$`,
  "i",
);

/** A word ANAPHOR may read. */
const ANAPHOR_WORD = /\b(?:group|he|she|ministry|army|military|forces|navy|force|guard|government|junta)\s/i;

/**
 * The actor of the earlier sentences that "he", "she", "the group" or a definite description ("the army",
 * "the foreign ministry") before the trigger is: the last person, armed group, or actor of that kind; for
 * a description of none named, that actor of the country the earlier sentences name most.
 */
function anaphoricSubject(
  t: Trigger,
  ctx: Context,
  earlier: Earlier,
): { antecedent: MentionRecord; words: { start: number; end: number } } | undefined {
  const before = ctx.doc.text.slice(Math.max(0, t.start - 80), t.start);
  // (the words first, with a cheap pattern: most triggers have none before them)
  if (!ANAPHOR_WORD.test(before)) return undefined;
  const match = ANAPHOR.exec(before);
  if (!match) return undefined;
  // the words that refer back: "the group", "he", "the army"
  const start = t.start - before.length + match.index;
  const words = {
    start,
    end: start + (match[1] ?? match[2] ?? /^the\s+/i.exec(match[0])![0] + match[3]!).length,
  };
  const referred = (antecedent: MentionRecord) => ({ antecedent, words });
  const kind = match[3]?.toLowerCase().replace(/\s+/g, " ");
  const table = ctx.entities!;
  // the earlier sentences' actors, the latest first
  for (let k = earlier.count - 1; k >= 0; k--) {
    const m = earlier.mentions[k]!;
    const e = table.get(m.entityId);
    if (e?.kind !== "actor" || !isActorMention(e, m)) continue;
    if (match[2]) {
      if (e.type === "person") return referred(m);
      continue;
    }
    const branch = e.kbId ? ctx.kb.actor(e.kbId)?.branch : undefined;
    if (match[1]) {
      if (e.type !== "person" && branch === "paramilitary") return referred(m);
    } else if (describes(kind!, { type: e.type, name: e.name, branch })) return referred(m);
  }
  if (!kind) return undefined;
  // none of that kind named: the country the earlier sentences name most, by their places and actors,
  // when one leads (no guess between equals)
  const named = new Map<string, number>();
  for (let k = 0; k < earlier.count; k++) {
    const cc = countryOf(table, earlier.mentions[k]!.entityId);
    if (cc) named.set(cc, (named.get(cc) ?? 0) + 1);
  }
  let story: string | undefined;
  let top = 0;
  let tie = false;
  for (const [cc, n] of named) {
    if (n > top) [story, top, tie] = [cc, n, false];
    else if (n === top) tie = true;
  }
  if (!story || tie) return undefined;
  // that kind of actor of the story's country ("The army flew reinforcements" in a story about Benin),
  // added with the description as its mention
  const actor = countryActorOfKind(ctx.kb, story, kind);
  if (!actor) return undefined;
  const mention = {
    start: words.start,
    end: words.end,
    text: ctx.doc.text.slice(words.start, words.end),
    role: "coreference" as const,
    confidence: 0.6,
    evidence: [{ rule: "definite-description-of-story-country", detail: actor.id }],
  };
  const entity = addActorEntity(ctx.kb, table, actor, mention, t.sentence);
  return referred({ ...mention, entityId: entity.id, sentence: t.sentence });
}

/**
 * A reported clause whose subject is a pronoun, right before its verb: "said on Wednesday that its air
 * defences had shot down", "said it intercepted", "warned it would respond". The pronoun stands for the
 * one who speaks (group 1: the verb of speech).
 */
const SPEAKER_PRONOUN = new RegExp(
  String.raw`\b(said|says|reported|announced|stated|added|claimed|warned|threatened|insisted|vowed|promised)\b(?:\s+(?:(?:on|in)\s+(?:(?:a|an|its|their)\s+(?:[\w-]+\s+){0,2}?)?\w+|last\s+(?:week|month)|separately|later|also|today|yesterday))?(?:\s+that)?\s+(?:(?:its|their|our)\s+(?:[\w-]+\s+){1,4}|(?:it|they|we)\s+)(?:(?:had|has|have|would|will|could|also)\s+){0,2}${LIGHT_VERB}$`,
  "i",
);

/** A pronoun SPEAKER_PRONOUN may read. */
const PRONOUN = /\b(?:it|its|they|their|we|our)\s/i;

/**
 * The one who speaks, when the trigger's subject is a pronoun for them (SPEAKER_PRONOUN): the actor right
 * before the verb of speech ("Pyongyang warned it would..."), else the sentence's speaker named before it.
 */
function speakerByPronoun(
  inSent: MentionRecord[],
  speakerIds: ReadonlySet<string>,
  t: Trigger,
  ctx: Context,
): MentionRecord | undefined {
  const text = ctx.doc.text;
  const from = Math.max(0, t.start - 120);
  const before = text.slice(from, t.start);
  // (a pronoun first, with a cheap pattern: most triggers have none before them)
  if (!PRONOUN.test(before)) return undefined;
  const match = SPEAKER_PRONOUN.exec(before);
  if (!match) return undefined;
  const verb = { start: from + match.index };
  const table = ctx.entities!;
  // (the speakers too: a non-speech event's own candidates leave them out)
  const actors = inSent.filter((m) => isActorMention(table.get(m.entityId), m));
  const subject = subjectBefore(
    actors.map((m) => ({ m, end: m.end, acts: true })),
    verb,
    text,
  );
  if (subject) return subject;
  let found: MentionRecord | undefined;
  for (const m of actors) {
    if (m.end > verb.start) break;
    if (speakerIds.has(m.entityId)) found = m;
  }
  return found;
}

/** What joins two actors named together: "Greece and Italy", "Croatia, Albania and Kosovo". */
const CONJUNCTION_GAP = /^(?:\s*,\s*|,?\s+(?:and|&)\s+)(?:the\s+)?$/i;
/** Title words between a demonym and the person it describes: "Armenian Prime Minister Nikol Pashinyan". */
const TITLE_GAP = /^\s+(?:[\p{Lu}][\p{L}.-]*\s+){1,3}$/u;

/** Whether a longer mention holds this one ("French" in "French forces"). */
function insideAnother(m: MentionRecord, inSent: MentionRecord[]): boolean {
  // (a loop: a closure made for each call costs more than the test)
  for (const o of inSent)
    if (o !== m && o.start <= m.start && o.end >= m.end && o.end - o.start > m.end - m.start) return true;
  return false;
}

/** A mention with those listed after it: "Colombia and the United States", "Croatia, Albania and Kosovo". */
function withListed(m: MentionRecord, inSent: MentionRecord[], ctx: Context): MentionRecord[] {
  const text = ctx.doc.text;
  const group = [m];
  let tail = m;
  for (let k = inSent.indexOf(m) + 1; k < inSent.length; k++) {
    const o = inSent[k]!;
    if (o.start < tail.end || insideAnother(o, inSent)) continue;
    if (!CONJUNCTION_GAP.test(text.slice(tail.end, o.start))) break;
    group.push(o);
    tail = o;
  }
  return group;
}

/** A force noun, then "and", between a demonym and the next actor: " troops and ", " forces, and ". */
const FORCES_THEN_AND =
  /^\s+(?:[\w-]+\s+)?(?:troops|forces|soldiers|army|navy|police|militias?|paramilitaries|fighters|units|jets|warships)(?:\s*,)?\s+(?:and|&)\s+(?:the\s+)?$/i;

/**
 * The actor with those named together with it before it, in order: "Kuwait and Saudi Arabia signed" has
 * both as actors, "President Ilham Aliyev and Armenian Prime Minister Nikol Pashinyan initialled" both
 * leaders. A country named in the list is an actor there even where it was read as a place.
 */
function withConjuncts(m: MentionRecord, inSent: MentionRecord[], ctx: Context): MentionRecord[] {
  const text = ctx.doc.text;
  const table = ctx.entities!;
  const group = [m];
  let head = m;
  for (let k = inSent.indexOf(m) - 1; k >= 0; k--) {
    const o = inSent[k]!;
    if (o.end > head.start || insideAnother(o, inSent)) continue;
    const gap = text.slice(o.end, head.start);
    const e = table.get(o.entityId);
    // a demonym before the person's title is part of the same name: read on from it
    if (o.role === "demonym" && TITLE_GAP.test(gap)) {
      head = o;
      continue;
    }
    // "Malian troops and Russian paramilitaries", "Taliban forces and Pakistani troops": a force noun before
    // the "and"
    if (!CONJUNCTION_GAP.test(gap) && !FORCES_THEN_AND.test(gap)) break;
    if (!(isActorMention(e, o) || (e?.kind === "place" && e.featureType === "country"))) break;
    // "In Mali, Wagner fighters attacked": a place after a locative opens the sentence; it lists no actor
    if (LOCATIVE_BEFORE.test(text.slice(Math.max(0, o.start - 8), o.start))) break;
    group.unshift(o);
    head = o;
  }
  return group;
}

function pickActors(cands: MentionRecord[], inSent: MentionRecord[], t: Trigger, ctx: Context): string[] {
  const text = ctx.doc.text;
  let agents = cands.filter(
    (m) =>
      !MAKER.test(text.slice(Math.max(0, m.start - 30), m.start)) &&
      // "protested ... against the construction of a new U.S. Marine Corps airfield": what is opposed
      !AGAINST_WHAT.test(text.slice(Math.max(t.end, m.start - 60), m.start)),
  );
  if (agents.length === 0) return [];
  // "cutters were blocked by six China Coast Guard vessels": in the passive the agent follows "by"
  // (also a participle right before "by": "was anchored in the Kattegat and shadowed by Danish vessels")
  const passive =
    PASSIVE.test(text.slice(Math.max(0, t.start - 20), t.start)) ||
    (PARTICIPLE.test(t.text) && /^\s+by\s/i.test(text.slice(t.end, t.end + 4)));
  if (passive) {
    // "were intercepted near Alaska on Wednesday by US and Canadian fighters": "by" may follow the
    // verb's place and time, in its clause
    const by = BY_AGENT.exec(text.slice(t.end, t.end + 80));
    const from = by ? t.end + by.index + by[0].length : -1;
    const byAgent = by
      ? agents.find(
          (m) =>
            m.start >= from &&
            /^(?:(?:the|an?|at\s+least|some|about|several|[\w-]+)\s+){0,4}$/i.test(text.slice(from, m.start)),
        )
      : undefined;
    if (byAgent) {
      // the list's last agent, from which withConjuncts reads back to the first: "by US and Canadian fighters"
      let last = byAgent;
      for (const m of agents)
        if (m.start >= last.end && CONJUNCTION_GAP.test(text.slice(last.end, m.start))) last = m;
      return uniq(withConjuncts(last, inSent, ctx).map((m) => actorIdFor(m, ctx)));
    }
    // "A Colombian military helicopter was shot down": the subject of a strike or a seizure told in the
    // passive is its target, and no agent is named ("Ukraine's air force said 50 were shot down" names it)
    if (PATIENT_SUBJECT.has(t.def.type)) {
      // ("Russia's defence ministry said 45 Ukrainian drones were destroyed": the speaker, not the drones'
      // people)
      const own = agents.find((m) => m.end <= t.start && OWN_INTERCEPTION.test(text.slice(m.end, t.start)));
      return own ? [actorIdFor(own, ctx)] : [];
    }
  }
  // The agent usually comes before the trigger; take the nearest one before it, else the first after.
  // (Of a strike or an interception, not one that an earlier strike's verb makes its target: "Israel killed
  // a senior Hamas commander in a strike".)
  const struck = (m: MentionRecord) =>
    TARGETED.has(t.def.type) &&
    m.end <= t.start &&
    (STRUCK_OBJECT.test(text.slice(Math.max(0, m.start - 50), m.start)) ||
      STRUCK_SUBJECT.test(text.slice(m.end, t.start)));
  // "deployed two destroyers after a drone attack on a tanker": an event named after "after", "during"...
  // is not done by the main clause's subject; only an agent inside that phrase acts ("after Russian strikes")
  const phrase = EVENT_AFTER_PREPOSITION.exec(text.slice(Math.max(0, t.start - 60), t.start));
  const phraseStart = phrase ? t.start - phrase[0].length : -1;
  if (phrase) agents = agents.filter((m) => m.start >= phraseStart || m.start >= t.end);
  const before = agents.filter((m) => m.end <= t.start && !struck(m));
  // "were shipped to Poti and driven across Georgia": a passive with no "by" names no agent after its verb
  if (passive && before.length === 0) return [];
  // "The Russian-installed management blamed Ukrainian shelling": who is blamed is never who blames
  if (before.length === 0 && t.def.type === "accusation" && BLAMING.test(t.text)) return [];
  if (before.length === 0) {
    // "The US military said it killed an al-Shabaab commander in an airstrike": the target is no actor,
    // and the one who says "it" struck is
    const target = agents.find(struck);
    if (target) {
      const striker = strikerSpeaking(inSent, target, ctx);
      return striker ? [actorIdFor(striker, ctx)] : [];
    }
    // "Drones struck a Ukrainian port", "shot down 40 Russian drones": after the verb of a strike or an
    // interception, a demonym names the target or the side of the weapon, not the one acting
    // ("attacks on US forces": the forces are the target)
    // ("A missile struck a hospital in Kharkiv, Ukrainian officials told": those who tell of the strike
    // after it are its source, not its actor; "A drone attack ... wounded three US troops": the wounded
    // are its victims, of an explosion too)
    const targeted = TARGETED.has(t.def.type);
    const after = agents.filter(
      (m) =>
        // ("killed two Israeli soldiers" as the trigger: those inside it are its object)
        !(m.start > t.start && m.end <= t.end) &&
        !(
          m.start >= t.end &&
          (VICTIM_AFTER.test(text.slice(t.end, m.start)) ||
            // "a Type 214 submarine shadowed a Turkish frigate", "seized a Turkish vessel": the object of
            // any act is not who acts
            (!SPEECH_ACTS.has(t.def.type) && OBJECT_START.test(text.slice(t.end, m.start))) ||
            (targeted &&
              (OBJECT_START.test(text.slice(t.end, m.start)) ||
                TARGET_AFTER.test(text.slice(t.end, m.start)) ||
                SPEAKS_AFTER.test(text.slice(m.end, m.end + 40)))))
        ),
    );
    return after.length ? [actorIdFor(after[0]!, ctx)] : [];
  }
  return uniq(withConjuncts(before[before.length - 1]!, inSent, ctx).map((m) => actorIdFor(m, ctx)));
}

/** From a victim to the passive verb that says so, before the strike: "commander was killed in a". */
const STRUCK_SUBJECT =
  /^\s+(?:[\w-]+\s+){0,3}?(?:was|were|(?:had|has|have)\s+been)\s+(?:\w+ly\s+)?(?:killed|struck|hit|targeted|wounded|injured|shot\s+down|downed|intercepted|destroyed|sunk|damaged)\b/i;

/** From a speaker to the verb of the strike it tells of itself: " said it", " said on Tuesday that they had". */
const SAID_IT =
  /^\s+(?:said|says|claimed|announced|confirmed|reported)\s+(?:on\s+\w+day\s+)?(?:that\s+)?(?:it|they)\s+(?:had\s+|has\s+|have\s+)?(?:\w+ly\s+)?$/i;

/** The actor that says "it" struck the target (see SAID_IT), if one does. */
function strikerSpeaking(
  inSent: MentionRecord[],
  target: MentionRecord,
  ctx: Context,
): MentionRecord | undefined {
  const text = ctx.doc.text;
  const from = Math.max(0, target.start - 50);
  const verb = STRUCK_OBJECT.exec(text.slice(from, target.start));
  if (!verb) return undefined;
  const at = from + verb.index;
  for (let k = inSent.length - 1; k >= 0; k--) {
    const m = inSent[k]!;
    // ("US" inside "The US military" is read as part of it)
    if (m.end > at || insideAnother(m, inSent)) continue;
    if (!SAID_IT.test(text.slice(m.end, at))) return undefined;
    return isActorMention(ctx.entities!.get(m.entityId), m) ? m : undefined;
  }
  return undefined;
}

/**
 * A preposition before an event's noun that a word of another kind of attacker qualifies: "after a drone ",
 * "during renewed ethnic ", "after gang ". (A bare "after fighting" may be the subject's own: "Tajikistan
 * and Kyrgyzstan signed a deal after fighting in 2022".)
 */
const EVENT_AFTER_PREPOSITION =
  /\b(?:after|during|following|amid|amidst|despite)\s+(?:(?:a|an|the|renewed|recent|repeated|fresh|new|deadly|heavy|several|two|three|series\s+of)\s+){0,3}(?:drone|missile|rocket|suicide|gang|ethnic|sectarian|militant|rebel|terrorist|jihadist|insurgent|tribal|bandit|cross-border|artillery|mortar)\s+$/i;

/** From a strike's noun to its target: " on ", " against the ", " on two ". */
const TARGET_AFTER = /^\s+(?:on|against|at|targeting)\s+(?:(?:the|a|an|two|three|several|\d+)\s+)?$/i;
/**
 * From an event's trigger to those it harmed, after a verb of harm in its clause: "attack targeted the US
 * garrison", "explosion near the Lebanese border killed two Israeli soldiers".
 */
const VICTIM_AFTER =
  /\b(?:targeted|targeting|killed|killing|wounded|wounding|injured|injuring|hit|struck|damaged|destroyed)\s+(?:(?:the|a|an|at\s+least|some|about|several|two|three|four|five|six|seven|eight|nine|ten|dozens\s+of|\d[\d,]*)\s+)*$/i;
/** From a demonym or an actor to its verb of speech: "Ukrainian officials told", "the ministry said". */
const SPEAKS_AFTER =
  /^\s+(?:[\w-]+\s+){0,2}?(?:said|says|told|tells|reported|reports|claimed|stated|announced|confirmed|wrote)\b/i;

/** Event types whose verb is followed by its target (see pickActors). */
const TARGETED = new Set(["attack", "interception"]);
/** Event types whose subject, in the passive, is what was struck or taken ("was shot down", "was seized"). */
const PATIENT_SUBJECT = new Set(["attack", "interception", "seizure"]);
/** The "by" of a passive's agent, after the verb's place and time and before the clause ends. */
const BY_AGENT = /^[^,;.]*?\bby\s+/;
/** The words from a verb of a strike to the target it names: "killed a senior Hamas commander". */
const STRUCK_OBJECT =
  /\b(?:killed|killing|kills|struck|striking|hit|attacked|targeted|targeting|assassinated|eliminated|shot\s+down|downed|intercepted|destroyed)\s+(?:(?:the|a|an|two|three|four|five|several|senior|top|key|local|\d[\d,]*)\s+){0,3}(?:(?:[\w-]+\s+){0,2}?(?:commander|leader|chief|colonel|col\.|general|gen\.|lieutenant|major|captain|officer|official|spokesman|founder|head)\s+)?$/i;
/**
 * The words from a verb to a demonym that opens its object: "struck Polish water plants", "shot down 40
 * Russian drones", "hit a Ukrainian port"; not "destroyed the missile outside Israeli airspace", nor
 * "struck by Russian missiles".
 */
const OBJECT_START =
  /^\s+(?:(?:down|the|a|an|two|three|four|five|six|seven|eight|nine|ten|several|dozens\s+of|at\s+least|some|about|\d[\d,]*)\s+)*$/i;

const SPECIFICITY: Record<string, number> = {
  country: 0,
  continent: 0,
  region: 1,
  "disputed-region": 2,
  admin1: 2,
  sea: 2,
  ocean: 1,
  "relative-position": 4,
};

/** From "according to" to the place its sources are in: "according to diplomats in ". */
const SOURCE_IN = /\baccording\s+to\s+(?:[\w'’-]+\s+){1,4}?in\s+(?:the\s+)?$/i;
/** Event types whose place is where the strike landed or was met, not where it was launched from. */
const ORIGIN_TYPES = new Set(["interception", "attack"]);
/** "launched from", "fired from", "flying from": the origin of what was launched. */
const LAUNCHED_FROM =
  /\b(?:launched|fired|flying|flown|coming|sent)\s+from\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?$/i;
/** "the defence ministry in Berlin said", "the UN office in Port Sudan condemned": "in" before a place, and a verb of speech or reaction right after it. */
const SEAT_BEFORE = /\b(?:in|from)\s+$/i;
/** Where a speaker spoke, before the place: "said in", "told reporters in", "at a news conference in". */
const SPOKE_IN =
  /\b(?:said|says|told\s+(?:reporters|journalists|parliament|lawmakers)|speaking|spoke|announced|stated|added|warned|stressed|declared|insisted|confirmed|reiterated|promised|pledged|vowed|(?:news|press)\s+conference|in\s+a\s+speech|(?:during|on)\s+a\s+(?:visit|trip)\s+to)\s+(?:(?:late|early|earlier)\s+)?(?:on\s+\w+\s+)?(?:in|at|to)\s+(?:the\s+)?$/i;
const SPEAKS_RIGHT_AFTER =
  /^,?\s+(?:said|says|told|reported|announced|confirmed|added|condemned|denounced|critici[sz]ed|welcomed|warned|accused)\b/i;

/** The kinds of place a noun referring back names: "the island", "the port", "the base". */
const PLACE_NOUN_TYPES: Record<string, readonly string[]> = {
  island: ["island"],
  islands: ["archipelago", "island"],
  port: ["city", "capital", "naval-base"],
  city: ["city", "capital"],
  town: ["city"],
  village: ["city"],
  base: ["naval-base", "air-base", "army-base", "missile-base"],
  airbase: ["air-base"],
  airfield: ["air-base", "airport"],
  airport: ["airport", "air-base"],
  strait: ["strait"],
  peninsula: ["peninsula"],
  shoal: ["shoal", "reef"],
  reef: ["reef", "shoal"],
};
/** A place named by a noun referring back, in the trigger's clause right after it: "near the island". */
const PLACE_ANAPHOR =
  /^[^,;.!?]{0,60}?\b(?:near|off|around|over|on|at|in|into|to|from|toward|towards|outside)\s+the\s+(island|islands|port|city|town|village|base|airbase|airfield|airport|strait|peninsula|shoal|reef)\b(?!\s+(?:of|in)\b)/i;

/**
 * The place a noun referring back names, after the trigger ("were intercepted near the island"): the last
 * literal mention before the trigger, in the story, of a place of that kind, with the words that name it.
 */
function placeNamedByAnaphor(
  text: string,
  t: { start: number; end: number },
  sentenceEnd: number,
  mentions: readonly MentionRecord[],
  table: NonNullable<Context["entities"]>,
): { entityId: string; words: { start: number; end: number } } | undefined {
  const m = PLACE_ANAPHOR.exec(text.slice(t.end, Math.min(sentenceEnd, t.end + 90)));
  if (!m) return undefined;
  const types = PLACE_NOUN_TYPES[m[1]!.toLowerCase()]!;
  for (let i = mentions.length - 1; i >= 0; i--) {
    const x = mentions[i]!;
    if (x.start >= t.start || x.role !== "literal") continue;
    const e = table.get(x.entityId);
    if (e?.kind === "place" && types.includes(e.featureType)) {
      const end = t.end + m.index + m[0].length;
      const the = /\bthe\s+\S+$/i.exec(m[0])!;
      return { entityId: x.entityId, words: { start: t.end + m.index + the.index, end } };
    }
  }
  return undefined;
}

/** What parts a place from an event's trigger: a comma, a semicolon, a colon, a dash, a subordinating word. */
const PLACE_CLAUSE_BREAK =
  /[,;:]|\s[—–]\s|\b(?:since|after|before|when|while|which|who|whose|despite|although|though|until|following|because|whereas)\b/i;

/**
 * Whether a place of the sentence belongs to another of its triggers: one nearer to it, with no clause
 * break between the two, where a clause break parts it from this trigger. "accused Armenian forces of
 * firing on its positions in Nakhchivan, the first such claim since the two countries initialled a peace
 * agreement in Washington": Washington is the agreement's, not the firing's or the accusation's; "The RSF,
 * which seized El Fasher, denied targeting civilians": El Fasher is the seizure's, not the denial's.
 * "attacked and captured Pokrovsk" leaves Pokrovsk to both.
 */
function placeOfAnotherTrigger(
  text: string,
  times: readonly { start: number; end: number }[],
  m: { start: number; end: number },
  t: { start: number; end: number },
  others: readonly { start: number; end: number }[],
): boolean {
  if (others.length < 2) return false;
  const gap = (x: { start: number; end: number }) =>
    x.end <= m.start ? m.start - x.end : x.start >= m.end ? x.start - m.end : 0;
  // the words between the place and a trigger, less the commas of dates ("on Saturday, March 8, 2025,")
  // and the "and" of a verb sharing its subject ("met in Niamey on Saturday, and signed an agreement")
  const parted = (x: { start: number; end: number }) => {
    const from = x.end <= m.start ? x.end : m.end;
    const to = x.end <= m.start ? m.start : x.start;
    let words = "";
    let at = from;
    for (const d of times) {
      if (d.end <= from || d.start >= to) continue;
      words += text.slice(at, Math.max(at, d.start));
      at = Math.max(at, d.end);
    }
    words += text.slice(at, to);
    if (x.start >= m.end) words = words.replace(AND_BEFORE_VERB, "");
    return PLACE_CLAUSE_BREAK.test(words);
  };
  if (!parted(t)) return false;
  return others.some((o) => o !== t && gap(o) < gap(t) && !parted(o));
}

/** ", and " right before a trigger: a verb sharing the subject of the verb before it. */
const AND_BEFORE_VERB = /,?\s+and\s+(?:then\s+)?$/i;

/** "near its border with Azerbaijan": the neighbour across a border, not where the event is. */
const NEIGHBOUR = /\b(?:border|borders|frontier|boundary)\s+with\s+(?:the\s+)?$/i;
/** "drills with the United States", "talks with Japan": a partner. */
const PARTNER = /\bwith\s+(?:the\s+)?$/i;
/** Events whose "with <country>" names a partner, not a place. */
const WITH_PARTNER = new Set(["exercise", "diplomatic-meeting", "agreement"]);

/** Whether a country named in the event's sentence says who it is done with or beside, not where. */
function notWhere(
  text: string,
  m: MentionRecord,
  type: string,
  table: NonNullable<Context["entities"]>,
): boolean {
  const e = table.get(m.entityId);
  if (e?.kind !== "place" || e.featureType !== "country") return false;
  const before = text.slice(Math.max(0, m.start - 30), m.start);
  return (
    NEIGHBOUR.test(before) ||
    (WITH_PARTNER.has(type) && PARTNER.test(before)) ||
    // "summoned Russia's charge d'affaires": the country whose envoy it is, not where
    ENVOY_OF.test(text.slice(m.end, m.end + 40))
  );
}

/** A country's envoy or mission after its possessive: "Russia's charge d'affaires", "Iran's ambassador". */
const ENVOY_OF =
  /^['’]s?\s+(?:(?:top|senior|deputy|acting|new)\s+)?(?:ambassador|envoy|charg[eé]\s+d['’]affaires|diplomats?|consul(?:\s+general)?|military\s+attach[eé]|attach[eé]|embassy|mission|representative)\b/i;

function orderPlaces(ms: MentionRecord[], ctx: Context): string[] {
  const ids = uniq(ms.map((m) => m.entityId));
  const score = (id: string) => {
    const e = ctx.entities!.get(id);
    return e?.kind === "place" ? (SPECIFICITY[e.featureType] ?? 3) : 0;
  };
  return ids.sort((a, b) => score(b) - score(a));
}

/** A non-restrictive relative clause still open at the end of a sentence's words: ", which left Sanya on". */
const OPEN_RELATIVE = /,\s+(?:which|who)\b[^,;:]*$/i;

function inRelativeClause(before: string): boolean {
  return OPEN_RELATIVE.test(before);
}

/** What an event named as a noun leads to, with its modal: "is likely to raise tensions", "could strain ties". */
const CONSEQUENCE_AFTER =
  /^\s+(?:(?:is|are|was|were)\s+(?:likely|unlikely|expected|set|bound|certain|sure)\s+to|(?:could|may|might|would|will)(?:\s+well)?)\s+(?:further\s+|only\s+|also\s+)?(?:raise|heighten|fuel|stoke|inflame|escalate|deepen|worsen|strain|complicate|anger|alarm|rattle|unsettle|provoke|prompt|spark|trigger|draw|test|add\s+to|increase|intensify|aggravate|undermine|jeopardi[sz]e|derail|overshadow|embolden|irk|infuriate)\b/i;

/** Background told in the perfect, with "since", or as a habit, carries no story date. */
const BACKGROUND =
  /\b(?:has|have|had)\s+(?:\w+\s+)?(?:been|\w+ed|\w+en|built|sent|sold|held|fought|made|brought|bought|shot)\b|\bsince\b|\b(?:regularly|routinely|often|usually)\b|\b(?:is|are)\s+\w+ing\b|\b(?:will|would|plans?\s+to)\b|\b(?:is|are)\s+(?:likely|unlikely|expected)\s+to\b/i;

/** "said on Monday", "reported on Tuesday": the date a source spoke, not the date the event happened. */
const REPORT_TIME =
  /\b(?:said|says|reported|announced|stated|added|confirmed|claimed|wrote|disclosed|revealed|told\s+(?:[\w'’.-]+\s+){1,3}?|(?:accused|warned|denied|protested|urged)\s+(?:[\w'’.-]+\s+){0,3}?)\s*(?:late\s+|early\s+)?$/i;
const ACCUSED_OF = /\baccus(?:ed|es|ing)\s+(?:[\w'’.-]+\s+){0,6}?of\s+(?:[\w'’-]+\s+){0,8}$/i;
/** A clause opened by "since" that runs on up to a date: "since the two countries initialled ... in". */
const SINCE_CLAUSE = /\bsince\b[^,;:.]{0,90}$/i;
/** "New Delhi has since deployed", "since then": what follows came after the time told before. */
const SINCE_THEN =
  /\b(?:(?:has|have|had)\s+since|since\s+then|ever\s+since|in\s+the\s+(?:days|weeks|months|years)\s+since)\b/i;
/** "the first strike that far north", "the largest drill": an event counted against others before it. */
const FIRST_OF_ITS_KIND =
  /\bthe\s+(?:first|latest|largest|biggest|deadliest|heaviest|worst|only|most\s+\w+)\s+(?:[\w'’-]+\s+){0,1}$/i;
const SINCE_RIGHT_BEFORE = /\bsince\s+$/i;
/** ", weeks after", ", months before": a count of time too vague to move a day by. */
const VAGUE_COUNT_BETWEEN =
  /,\s+(?:(?:a\s+few|several|some|many)\s+)?(days|weeks|months|years)\s+(after|before|earlier|later)\b/i;
/** How many days a vague count spans, at least and at most: "days after" is 1 to 10 days after. */
const VAGUE_DAYS: Record<string, [number, number] | undefined> = {
  days: [1, 10],
  weeks: [7, 56],
  months: [28, 365],
};
/** "months after the fighting in May": a date that places another event, not this one. */
const REFERENCE_TIME =
  /\b(?:after|before|since|following|until)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}(?:in|on|of)?\s*$/i;
/** "a ship commissioned in late 2023": a date that describes a thing, never an event told about it. */
const DESCRIBING_TIME =
  /\b(?:commissioned|built|founded|established|designed|introduced|developed|laid\s+down)\s+(?:[\w'’-]+\s+){0,2}?(?:in|on|since)?\s*$/i;
/** "108 tanks ordered in 2019": the date of another happening, told in a participle beside this one. */
const PARTICIPLE_TIME =
  /\b(ordered|purchased|bought|signed|agreed|delivered|supplied|announced)\s+(?:[\w'’-]+\s+){0,2}?(?:in|on|since)?\s*$|\bexpected\s+(?:(?:in|by)\s+)?$/i;
/** A locative right before a name: "In Mali", "near Gao". */
const LOCATIVE_BEFORE = /\b(?:in|near|at|across|inside|outside|around)\s+(?:the\s+)?$/i;
/** ", Medvedev warned": a comma, then the speaker's few words, right before a speech trigger after its content. */
const SPEAKER_AFTER_CONTENT = /,\s+(?:[\p{L}'’.-]+\s+){1,5}$/u;
/** A trigger noun's participle of what is to come: "deliveries expected in 2030", "are due by". */
const EXPECTED_AFTER =
  /^\s+(?:(?:is|are)\s+)?((?:expected|due)\s+(?:in|by|on|later|next|this|early|late))\b/i;
/** What stands between a trigger and the date it is expected on: " are expected in", " due by". */
const EXPECTED_ON = /^\s+(?:(?:is|are|was|were)\s+)?(?:expected|due)\s+(?:(?:in|by|on)\s+)?$/i;
/** A trigger noun's own phrase, then its verb "to be": " of the F-35 jets to Poland are ". */
const OWN_PHRASE_THEN_COPULA =
  /^(?:\s+(?:of|to|for|from)\s+(?:[\w'’.-]+\s+){0,6}?)?\s*(?:is|are|was|were)\s+$/i;
/** A source's clause after the event, up to its date: ", the Swedish armed forces announced on". */
const REPORTING_CLAUSE = /,\s+(?:the\s+)?(?:[\p{L}'’.-]+\s+){1,4}announced\s+(?:on\s+|late\s+|early\s+)?$/u;
/** "the May 9 parade", "the Oct. 7 attacks": a date before an occasion's noun names the occasion. */
const OCCASION_AFTER =
  /^\s+(?:parade|parades|anniversary|celebrations?|commemorations?|holiday|deadline|elections?|vote|referendum|summit|attacks?|massacre|bombing|ceasefire|truce|accords?|agreement|deal|attack|invasion|war|coup|offensive)\b/i;
/** An occasion referred to, not the setting of what happens: "a violation of the", "since the". */
const OCCASION_REFERRED = /\b(?:of|since|after|before|under|despite|than|violat\w*|breach\w*)\s+the\s+$/i;
const namesOccasion = (text: string, x: TimeMention) =>
  /\bthe\s+$/i.test(text.slice(Math.max(0, x.start - 5), x.start)) &&
  OCCASION_AFTER.test(text.slice(x.end, x.end + 20));
const isDescribingTime = (text: string, x: TimeMention) =>
  DESCRIBING_TIME.test(text.slice(Math.max(0, x.start - 40), x.start));
const isReferenceTime = (text: string, x: TimeMention) =>
  REFERENCE_TIME.test(text.slice(Math.max(0, x.start - 50), x.start));

function pickTime(
  text: string,
  times: TimeMention[],
  sent: { start: number; end: number },
  t: Trigger,
  previous: { start: number; end: number } | undefined,
  speech: boolean,
  published?: string | null,
): { time: TimeValue; reportTime: boolean } {
  // "Trump, who was sworn in on January 20 and leads ..., told reporters": a date inside a relative clause
  // that does not hold the trigger belongs to that clause
  const inOtherRelative = (x: TimeMention, within: { start: number; end: number } = sent) => {
    const from = text.lastIndexOf(",", x.start);
    if (from < within.start || !/^,\s+(?:who|which|whose)\b/i.test(text.slice(from, from + 10))) return false;
    // "The drills, which began on Oct. 1": a clause right after the trigger's noun tells of the trigger
    if (from >= t.end && CLAUSE_OF_TRIGGER.test(text.slice(t.end, from))) return false;
    const to = text.indexOf(",", x.end);
    const end = to < 0 || to > within.end ? within.end : to;
    return !(t.start > from && t.end <= end);
  };
  const otherParticiple = (x: TimeMention) => {
    const from = Math.max(0, x.start - 40);
    const m = PARTICIPLE_TIME.exec(text.slice(from, x.start));
    if (!m || x.start <= t.end) return false;
    // ", the Swedish armed forces announced on Wednesday": a source's verb, not a participle
    if (REPORTING_CLAUSE.test(text.slice(Math.max(0, x.start - 80), x.start))) return false;
    const at = from + m.index;
    // the trigger's own participle ("signed a treaty in March"), or one right after the trigger noun ("an
    // agreement signed in July 2024"), dates the trigger itself
    if (at < t.end) return false;
    const between = text.slice(t.end, at);
    // "the first deliveries of the F-35 jets to Poland are expected in 2028": the trigger's noun is what
    // is expected (not "deliveries" after "signed a deal")
    if (m[0].startsWith("expected") && OWN_PHRASE_THEN_COPULA.test(between)) return false;
    return !/^[\s,]*(?:[\w'’-]+\s+){0,1}$/.test(between);
  };
  // the sentence's dates a vague count of time parts from the trigger, with the count's words
  const apartByCount: Array<{ x: TimeMention; m: RegExpExecArray }> = [];
  const apartByVagueCount = (x: TimeMention) => {
    const m = VAGUE_COUNT_BETWEEN.exec(text.slice(Math.min(x.end, t.end), Math.max(x.start, t.start)));
    if (m) apartByCount.push({ x, m });
    return m !== null;
  };
  // dates of other happenings told beside this one are never its date
  const inSent = times.filter(
    (x) =>
      x.start >= sent.start &&
      x.end <= sent.end &&
      // "reinforced positions on Wednesday, weeks after drones crashed": a vague count of time parts the two
      // (asked of every date of the sentence: each so parted is noted for the span below)
      !apartByVagueCount(x) &&
      // ("by 2030" has an end only)
      (x.value.start || x.value.end) &&
      !isDescribingTime(text, x) &&
      !inOtherRelative(x) &&
      !otherParticiple(x) &&
      // "It was the first strike that far north since late 2024": the day counted from is not the event's
      !(
        FIRST_OF_ITS_KIND.test(text.slice(Math.max(sent.start, t.start - 60), t.start)) &&
        x.start > t.end &&
        SINCE_RIGHT_BEFORE.test(text.slice(Math.max(0, x.start - 8), x.start))
      ) &&
      // "condemned the strikes as a violation of the November 2024 ceasefire": the date names an occasion
      // referred to, never the condemnation ("warned at the May 9 parade" is dated by the parade)
      !(
        namesOccasion(text, x) &&
        OCCASION_REFERRED.test(text.slice(Math.max(0, x.start - 30), x.start)) &&
        !(t.start >= x.end && t.start - x.end <= 2)
      ),
  );
  // "reinforced positions on Wednesday, weeks after drones crashed": the day the other clause tells, moved
  // by the vague count into a span of days (marked inferred)
  if (inSent.length === 0) {
    for (const { x, m } of apartByCount) {
      const range =
        x.value.granularity === "day" && x.value.start ? VAGUE_DAYS[m[1]!.toLowerCase()] : undefined;
      if (!range) continue;
      // the trigger after the count and "after" it, or before the count and "before" it: earlier than the day
      const earlier = x.start < t.start === /^(?:after|later)$/i.test(m[2]!);
      const time = timeOf(x, true);
      time.start = addDays(x.value.start!, earlier ? -range[1] : range[0]);
      time.end = addDays(x.value.end ?? x.value.start!, earlier ? -range[0] : range[1]);
      COUNTED.add(time);
      return { time, reportTime: false };
    }
  }
  if (inSent.length === 0) {
    // A sentence that goes on telling the event of the one before takes its date (marked inferred).
    const before = previous
      ? times.filter((x) => x.start >= previous.start && x.end <= previous.end && x.value.start)
      : [];
    const last = before
      .filter(
        (x) =>
          !isReferenceTime(text, x) &&
          !isDescribingTime(text, x) &&
          !inOtherRelative(x, previous!) &&
          !PARTICIPLE_TIME.test(text.slice(Math.max(0, x.start - 40), x.start)) &&
          // "..., the first such claim since the two countries initialled a peace agreement in Washington
          // in August": the date of what a "since" clause tells, not of the sentence's news
          !SINCE_CLAUSE.test(text.slice(Math.max(previous!.start, x.start - 100), x.start)),
      )
      .at(-1);
    // "Israel struck Beirut on Tuesday. A day earlier, Hezbollah attacked Haifa": that day moved by the offset
    const offset = last ? storyOffset(text.slice(sent.start, sent.end)) : 0;
    // ("It was the third such incident this month. A day later, ...": a count of days from no day told
    // there is counted from the day the story last told, by the caller)
    if (last && offset !== 0 && last.value.granularity !== "day")
      return { time: { start: null, end: null, granularity: "unknown" }, reportTime: false };
    if (last && offset !== 0 && last.value.start && last.value.end) {
      const time = timeOf(last, true);
      time.start = addDays(last.value.start, offset);
      time.end = addDays(last.value.end, offset);
      COUNTED.add(time);
      return { time, reportTime: false };
    }
    if (
      last &&
      !NEW_FRAME.test(last.text) &&
      !SINCE_THEN.test(text.slice(sent.start, t.start)) &&
      // "Rockets hit Erbil on Monday. Israel will station F-35 jets at Nevatim": what is to come is not
      // on a day already past
      !(
        published &&
        (last.value.end ?? last.value.start)! < published &&
        FUTURE_ACT.test(text.slice(Math.max(sent.start, t.start - 40), t.end))
      )
    ) {
      // "between June and August": the span the sentence before told, not its last month
      const from = before.find((x) => x.end <= last.start && runsUntil(text, x, [last]) === last);
      if (from) {
        const time = timeBetween(text, from, last);
        time.inferred = true;
        return { time, reportTime: false };
      }
      return {
        time: timeOf(last, true),
        reportTime: isReportTime(text, last),
      };
    }
    return { time: { start: null, end: null, granularity: "unknown" }, reportTime: false };
  }
  // For a speech act the day it was said is its date; for anything else it is the last resort.
  // "after fighting in September 2022": the date after "after" belongs to the event named there
  const namesThisEvent = (x: TimeMention) => t.start >= x.start - 50 && t.end <= x.start;
  const rank = (x: TimeMention) =>
    // "signed the deal in 2020, with deliveries expected in 2030": the date the trigger is expected on,
    // right after it, is its own, before any other of the sentence
    !speech && x.start > t.end && x.start - t.end < 40 && EXPECTED_ON.test(text.slice(t.end, x.start))
      ? -1
      : // "under a 2022 contract": a year that describes a thing dates the event only when nothing else
        // does; so does a date that names an occasion ("for the May 9 parade")
        (isReferenceTime(text, x) && !namesThisEvent(x)) ||
          x.rule === "year-as-adjective" ||
          namesOccasion(text, x)
        ? 2
        : !speech && isReportTime(text, x)
          ? 1
          : 0;
  // of the days a source spoke, the one a verb of speech gives before a dateline's ("WASHINGTON, Nov 19
  // (Reuters) - ..., the agency said on Wednesday": Wednesday); each key worked out once, not per comparison
  if (inSent.length > 1) {
    const keys = new Map<TimeMention, number>();
    for (const x of inSent) {
      const r = rank(x);
      keys.set(x, r * 2 + (r === 1 && inDateline(text, x) ? 1 : 0));
    }
    inSent.sort(
      (a, b) => keys.get(a)! - keys.get(b)! || Math.abs(a.start - t.start) - Math.abs(b.start - t.start),
    );
  }
  const best = inSent[0]!;
  // the span the words make of two times, the chosen one its start or its end
  const until = rank(best) === 0 ? runsUntil(text, best, inSent) : undefined;
  const from =
    rank(best) === 0 && !until ? inSent.find((x) => runsUntil(text, x, [best]) === best) : undefined;
  return {
    time: until ? timeBetween(text, best, until) : from ? timeBetween(text, from, best) : timeOf(best),
    reportTime: rank(best) === 1,
  };
}

/**
 * Nothing between the trigger and the comma of a clause that tells of it: "The drills, which began on
 * Oct. 1". ("Russia attacked Kyiv, which was founded in 482": the clause tells of Kyiv.)
 */
const CLAUSE_OF_TRIGGER = /^\s*$/;

/** "began on Oct. 1 and will run through mid-October": the words from an event's start to its end. */
const RUNS_UNTIL =
  /^[\s,]*(?:and\s+)?(?:(?:will|would|is\s+to|are\s+to|(?:is|are)\s+(?:due|set|expected)\s+to)\s+)?(?:(?:runs?|ran|lasts?|lasted|continue[sd]?|go(?:es)?\s+on|went\s+on|ends?|ended|conclude[sd]?|finish(?:es|ed)?)(?:\s+(?:through|until|till|to|into|on))?|through|until|till|to|into)\s*$/i;

/** "between Oct. 1 and Oct. 5": the word before the first of two times that makes them a span. */
const BETWEEN_BEFORE = /\bbetween\s+$/i;

/** The time after `best` in its sentence that the words between make its end, later than it. */
function runsUntil(text: string, best: TimeMention, inSent: TimeMention[]): TimeMention | undefined {
  const between = BETWEEN_BEFORE.test(text.slice(Math.max(0, best.start - 12), best.start));
  for (const x of inSent) {
    if (x.start <= best.end || !x.value.end || !best.value.end || x.value.end <= best.value.end) continue;
    const gap = text.slice(best.end, x.start);
    if (RUNS_UNTIL.test(gap) || (between && /^\s+and\s+$/.test(gap))) return x;
  }
  return undefined;
}

/** The granularities, finest first, as the contract lists them. */
const GRAIN_ORDER: readonly string[] = Granularity.options;

/** One span from the start of `from` to the end of `to`, with the coarser of their granularities. */
function timeBetween(text: string, from: TimeMention, to: TimeMention): TimeValue {
  const a = from.value.granularity;
  const b = to.value.granularity;
  return {
    start: from.value.start,
    end: to.value.end,
    granularity: GRAIN_ORDER.indexOf(b) > GRAIN_ORDER.indexOf(a) ? b : a,
    text: text.slice(from.start, to.end),
    span: { start: from.start, end: to.end },
  };
}

/** What pictures show as it is: forces in place, a drill, a plant at work (a strike's pictures show its aftermath). */
const SEEN_IN_PICTURES = new Set(["deployment", "exercise", "production"]);
const SAME_DAY = /\b(?:on\s+)?(?:the\s+same\s+day|that\s+same\s+day|that\s+day)\b/i;

/** "images taken on Saturday", "footage filmed on 3 May": the day something was seen. */
const IMAGERY_TIME =
  /\b(?:taken|captured|shot|filmed|recorded|acquired|collected|photographed|dated)\s+(?:(?:late|early)\s+)?(?:on|in)?\s*$/i;

function imageryTime(
  text: string,
  times: TimeMention[],
  sent: { start: number; end: number },
  next: { start: number; end: number } | undefined,
): TimeValue | undefined {
  const end = next?.end ?? sent.end;
  const x = times.find(
    (m) =>
      m.start >= sent.start &&
      m.end <= end &&
      m.value.start &&
      IMAGERY_TIME.test(text.slice(Math.max(0, m.start - 30), m.start)),
  );
  if (!x) return undefined;
  return timeOf(x, x.start > sent.end);
}

function nextSpeechTime(
  text: string,
  times: TimeMention[],
  next: { start: number; end: number } | undefined,
): TimeValue | undefined {
  if (!next) return undefined;
  const x = times.find(
    (m) => m.start >= next.start && m.end <= next.end && m.value.start && isReportTime(text, m),
  );
  return x ? timeOf(x, true) : undefined;
}

/**
 * "flew over", "flew near", "passed through the Strait", "sent ... to": deployment triggers that need
 * forces, ships or aircraft of their own (not "the birds flew over the house", "two tankers passed through
 * the Strait", "she sent the children to Kyiv").
 */
const NEEDS_OWN_FORCES =
  /^(?:(?:flew|flown)\s+(?:over|near|along|past|through|around|off|close\s+to)$|passed\s+through\b|sent$)/i;

/** The words from a subject to an act it does not confirm: " has not confirmed any drone ". */
const NOT_CONFIRMED =
  /^\s+(?:has|have|had|did|does|do)\s+not\s+(?:yet\s+|publicly\s+|officially\s+|independently\s+)?(?:confirm(?:ed)?|acknowledged?|comment(?:ed)?\s+on|verif(?:y|ied))\s+(?:[\w'’-]+\s+){0,4}$/i;

/**
 * A relative pronoun that opens a clause about someone else: "who", "whose", "whom" (not "which":
 * "missiles, which were launched from ships" may tell of the act's own).
 */
const RELATIVE_WORD = /\b(?:who|whose|whom)\b/i;

/** "received a report of an", "had reports of": what someone was told of, right before the act's noun. */
const REPORT_OF =
  /\b(?:received|receiving|receives|had|has|got|is\s+investigating|was\s+investigating)\s+(?:a\s+|an\s+|several\s+|multiple\s+)?reports?\s+of\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}$/i;

/**
 * Whether a deployment trigger of sending ("send", "sent", "sending") moves equipment, with no troops
 * named, to places all in countries other than those of its actors.
 */
function sentAbroad(
  t: Trigger,
  text: string,
  equipment: readonly string[],
  actors: readonly string[],
  places: readonly string[],
  table: EntityTable,
): boolean {
  if (!/^(?:(?:will|would)\s+)?sen[dt](?:s|ing)?\b/i.test(t.text) || equipment.length === 0) return false;
  if (TROOPS_SENT.test(text.slice(t.end, t.end + 80))) return false;
  // (jets, ships and submarines sent abroad are mostly one's own, deployed: "sent F-35 jets to Poland")
  for (const id of equipment) {
    const e = table.get(id);
    if (e?.kind !== "equipment" || FLOWN_OR_SAILED.has(e.category)) return false;
  }
  const own = new Set<string>();
  for (const id of actors) {
    const cc = countryOf(table, id);
    if (!cc) return false;
    own.add(cc);
  }
  let abroad = 0;
  for (const id of places) {
    const p = table.get(id);
    if (p?.kind !== "place" || !p.countryCode) continue;
    if (own.has(p.countryCode)) return false;
    abroad++;
  }
  return own.size > 0 && abroad > 0;
}

/** Kinds of equipment a state sends abroad as its own forces rather than hands over. */
const FLOWN_OR_SAILED = new Set(["aircraft", "ship", "submarine", "helicopter"]);

/** People sent with the equipment: a move of forces, whatever they bring. */
const TROOPS_SENT =
  /^\s+(?:[\w-]+\s+){0,6}?(?:airmen|troops|soldiers|forces|personnel|marines|sailors|crews|instructors|advisers|battalions?|brigades?|units?|warships|ships|vessels|squadrons?)\b/i;

/** "against" and a few words before a name: who or what is opposed or struck at, not who acts. */
const AGAINST_WHAT = /\bagainst\s+(?:[\w'’.-]+\s+){0,5}$/i;

const isCountry = (e: Entity | undefined) => e?.kind === "place" && e.featureType === "country";

/** A past participle and "by" right before a name: "launched by ", "backed by the ". */
const PARTICIPLE_BY = /\b[a-z]+(?:ed|en|wn)\s+by\s+(?:the\s+)?$/i;

/** What is to come: "will station", "plans to deploy", "is expected to arrive". */
const FUTURE_ACT =
  /\b(?:will|would|plans?\s+to|planned\s+to|intends?\s+to|is\s+to|are\s+to|(?:is|are)\s+(?:expected|due|set|scheduled)\s+to)\b/i;

/**
 * A time told elsewhere, marked inferred: the keys a spread would give, in the same order, written out when
 * the time has the usual five (a spread of these small objects is costly on this path).
 */
function inferredFrom(t: TimeValue): TimeValue {
  if (t.inferred !== undefined || t.text === undefined || t.span === undefined)
    return { ...t, inferred: true };
  return {
    start: t.start,
    end: t.end,
    granularity: t.granularity,
    text: t.text,
    span: t.span,
    inferred: true,
  };
}

/** A day moved by a count of days, marked inferred. */
function shiftedBy(day: TimeValue, offset: number): TimeValue {
  const time = inferredFrom(day);
  time.start = addDays(day.start!, offset);
  time.end = addDays(day.end!, offset);
  COUNTED.add(time);
  return time;
}

/** The times counted from another by a number of days ("A day earlier"): a day of their own, though inferred. */
const COUNTED = new WeakSet<TimeValue>();

/** A sentence that opens by counting from the day the one before told: "A day earlier,", "Two days later,". */
const STORY_OFFSET =
  /^\s*(?:(a|one|two|three|four|five|six|seven|\d{1,2})\s+(days?|weeks?)\s+(earlier|later|before|after)|the\s+(previous|next|following)\s+day|the\s+day\s+(before|after))\b/i;

/**
 * The same count closing a clause of the sentence: "Poland summoned Russia's envoy the next day.",
 * "They withdrew two days later," (not "the day before the vote", which counts from the vote).
 */
const STORY_OFFSET_CLOSING =
  /\b(?:(a|one|two|three|four|five|six|seven|\d{1,2})\s+(days?|weeks?)\s+(earlier|later)|the\s+(previous|next|following)\s+day)(?=\s*(?:[.,;:!?"”]|$)|\s+and\s)/i;

/** "The attack came two days after", "This followed a week of", "It came a day before": see cameAfter. */
const CAME_AFTER =
  /^\s*(?:the|this|that|it)\s+(?:[\w-]+\s+){0,2}?(?:came|comes|followed|follows)\s+(?:(a|one|two|three|four|five|six|seven|\d{1,2})\s+(days?|weeks?)|(?:a\s+)?(day|week))\s+(after|before)\b/i;

/**
 * A sentence that dates the event told before against another: "The attack came two days after Ukraine
 * hit an oil refinery". Gives where the other event's clause starts and how many days from the day told
 * before it lies (negative for "after").
 */
interface CameAfter {
  split: number;
  days: number;
}

function cameAfter(sentence: string): CameAfter | undefined {
  const m = CAME_AFTER.exec(sentence);
  if (!m) return undefined;
  const n = m[1] ? countOf(m[1]) : 1;
  const unit = (m[2] ?? m[3]!).toLowerCase();
  const days = unit.startsWith("week") ? 7 * n : n;
  return { split: m.index + m[0].length, days: m[4]!.toLowerCase() === "after" ? -days : days };
}

/** What parts a trigger from a count of days after it: a comma, a semicolon, a verb of speech, "and". */
const OFFSET_CLAUSE_BREAK = /[,;:]|\b(?:said|says|told|reported|announced|and|but|while|after|before)\b/i;

/** The days a sentence's opening, or a clause's closing, moves the day before it by, or 0. */
function storyOffset(sentence: string): number {
  const m = STORY_OFFSET.exec(sentence.slice(0, 40)) ?? STORY_OFFSET_CLOSING.exec(sentence);
  return m ? daysOf(m) : 0;
}

/** The days a match of STORY_OFFSET or STORY_OFFSET_CLOSING counts ("two days later": 2). */
function daysOf(m: RegExpExecArray): number {
  if (m[4]) return m[4].toLowerCase() === "previous" ? -1 : 1;
  if (m[5]) return m[5].toLowerCase() === "before" ? -1 : 1;
  const n = countOf(m[1]!);
  const days = m[2]!.toLowerCase().startsWith("week") ? 7 * n : n;
  const back = /^(?:earlier|before)$/i.test(m[3]!);
  return back ? -days : days;
}

/** An event's time from a time mention, with its words and span; `inferred` when it comes from elsewhere. */
function timeOf(x: TimeMention, inferred = false): TimeValue {
  const v = x.value;
  // written out field by field (a spread of these small objects was the stage's costliest line); the keys
  // in the order the spread gave, so the JSON is the same
  const time: TimeValue =
    v.inferred === undefined
      ? {
          start: v.start,
          end: v.end,
          granularity: v.granularity,
          text: x.text,
          span: { start: x.start, end: x.end },
        }
      : { ...v, text: x.text, span: { start: x.start, end: x.end } };
  if (inferred) time.inferred = true;
  return time;
}

function isReportTime(text: string, x: TimeMention): boolean {
  return REPORT_TIME.test(text.slice(Math.max(0, x.start - 40), x.start)) || inDateline(text, x);
}

/** What ends a dateline after its date: the wire's name in brackets, then a dash ("(Reuters) -"). */
const DATELINE_AFTER = /^\s*(?:\([^()\n]{1,40}\)\s*)?[-–—]/;

/**
 * "KYIV, Oct. 5 (Reuters) - Russia has moved...": the date in a dateline is the day of the report, not
 * of what the story tells (which the story dates itself, "since March"), as "said on Sunday" is. The
 * dateline is the one isDateline reads: the line's first words, up to its first comma, are its place.
 */
function inDateline(text: string, x: TimeMention): boolean {
  if (x.start > 80) return false;
  const lineStart = text.lastIndexOf("\n", x.start - 1) + 1;
  const comma = text.indexOf(",", lineStart);
  if (comma < 0 || comma >= x.start) return false;
  const place = { start: lineStart, end: comma, text: text.slice(lineStart, comma) };
  return isDateline(text, place) && DATELINE_AFTER.test(text.slice(x.end, x.end + 50));
}

/** "was met with": the meeting sense is ruled out after a form of "be" (a bounded look at the words before). */
function afterBe(before: string): boolean {
  const head = before.trimEnd();
  return head.length < before.length && /\b(?:be|been|was|were|is|are)$/i.test(head.slice(-5));
}

/**
 * Where the last "hit the/by/a...", or "hit" before a capital ("hit Lviv", "hit Ukrainian ports"), starts in
 * a sentence (-1 if none): "hit" is an attack only before it (not "a hit TV series").
 */
function lastHitObject(stext: string): number {
  let last = -1;
  for (const re of [HIT_OBJECT, WEAPON_HIT]) {
    re.lastIndex = 0;
    for (let m = re.exec(stext); m; m = re.exec(stext)) last = Math.max(last, m.index + m[0].length - 3);
  }
  return last;
}

/** "hit the port", "hit Lviv", "hit near Erbil airport": "hit" before its object or scene. */
const HIT_OBJECT =
  /(?<!\b(?:[Aa]|[Tt]he|big|huge|major|surprise)\s+)\b[Hh][Ii][Tt](?=\s+(?:(?:[Bb]y|[Tt]he|an?|two|three|four|five|several|dozens|\d+|near|inside|outside|close\s+to)\b|\p{Lu}))/gu;
/** "missiles hit runways", "a drone hit": "hit" after a weapon that hits, whatever follows it. */
const WEAPON_HIT =
  /\b(?:missiles?|rockets?|drones?|shells?|bombs?|projectiles?|mortars?|munitions|(?:air)?strikes?|UAVs?)\s+(?:\w+ly\s+)?[Hh][Ii][Tt]\b/g;

function findTriggers(
  ctx: Context,
  sentences: Array<{ start: number; end: number }>,
  inside: (start: number, end: number) => boolean,
  breaksIn: (si: number, stext: string) => ClauseBreaks,
  scanOf: (si: number) => Scan,
): Trigger[] {
  const text = ctx.doc.text;
  const out: Trigger[] = [];
  sentences.forEach((s, si) => {
    const stext = text.slice(s.start, s.end);
    const local: Trigger[] = [];
    // Sentence-wide tests, worked out at most once per sentence rather than once per trigger word.
    let military: boolean | undefined;
    let hitObject: number | undefined;
    const scan = scanOf(si);
    for (let k = 0; k < EVENT_TYPES.length; k++) {
      const def = EVENT_TYPES[k]!;
      for (const m of scan.matches(TRIGGERS + k)) {
        checkBudget(ctx);
        const start = s.start + m.index;
        const end = start + m[0].length;
        if (local.some((x) => start < x.end && x.start < end)) continue;
        if (inside(start, end)) {
          // "amphibious assault ship", "Naval Strike Missile": part of a name
          (ctx.notEvents ??= []).push({ start, end, text: m[0], type: def.type, rule: "part-of-a-name" });
          continue;
        }
        if (def.type === "diplomatic-meeting" && /^met with/i.test(m[0]) && afterBe(stext.slice(0, m.index)))
          continue;
        if (def.type === "production" && !(military ??= MILITARY_OBJECT.test(stext))) continue;
        if (def.type === "attack" && /^hit$/i.test(m[0]) && (hitObject ??= lastHitObject(stext)) < m.index)
          continue;
        const sense = notEventSense(
          def.type,
          m[0],
          stext.slice(Math.max(0, m.index - 80), m.index),
          stext.slice(m.index + m[0].length, m.index + m[0].length + 60),
        );
        if (sense) {
          (ctx.notEvents ??= []).push({ start, end, text: m[0], type: def.type, rule: sense });
          continue;
        }
        const anaphoric =
          (NOMINAL.test(m[0]) || REFERRING_NOUN.test(m[0])) &&
          REFERRING.test(stext.slice(Math.max(0, m.index - 30), m.index));
        local.push({ start, end, text: m[0], def, sentence: si, anaphoric });
      }
    }
    // "statement" only when nothing more specific happened in the sentence
    const specific = local.filter((x) => x.def.type !== "statement");
    const keep = specific.length ? specific : local;
    // "missiles launched from ships" in a sentence about an attack is the attack, not a test
    // "fired ... at a bulk carrier, and a destroyer shot down the drones": with only an interception told,
    // the launch is kept (it becomes the attack); with an attack told, it is part of that attack
    const hostile = keep.some((x) => x.def.type === "attack");
    const seen = new Map<string, { start: number; end: number } | null>(
      hostile ? [["weapons-test", null]] : [],
    );
    const drill = keep.find((x) => x.def.type === "exercise");
    const came = cameAfter(stext);
    // "shot down two drones that crossed into the kingdom": the incursion of what was intercepted is part
    // of the interception
    const intercepted = keep.some((x) => x.def.type === "interception");
    // "ordered French troops to leave the country": the leaving is the expulsion's, not a move of its own
    const expelled = keep.find((x) => x.def.type === "expulsion");
    for (const t of keep.sort((a, b) => a.start - b.start)) {
      // "began an exercise ..., rehearsing launches and moving batteries to firing positions": what a drill
      // does, told in participles after it, is the drill
      // ("staged a coastal artillery drill ..., firing around 90 rounds into the sea": the drill's firing)
      if (
        drill &&
        (t.def.type === "deployment" || t.def.type === "weapons-test") &&
        t.start > drill.end &&
        /ing\b/i.test(t.text)
      )
        continue;
      if (intercepted && t.def.type === "incident" && /^(?:crossed|entered)\b/i.test(t.text)) continue;
      if (
        expelled &&
        t.def.type === "deployment" &&
        t.start >= expelled.end &&
        t.start - expelled.end < 25 &&
        /^(?:leav|left|withdr|pull)/i.test(t.text)
      )
        continue;
      // One event of a type per sentence, unless a second trigger of that type sits in a clause of its own
      // with its own stance ("was heading for Tartus, though it could also call at Tobruk"); merging
      // joins the two again when nothing sets them apart.
      const clause = clauseAround(breaksIn(si, stext), t.start - s.start, t.end - s.start);
      if (seen.has(t.def.type)) {
        const first = seen.get(t.def.type);
        // ("The attack came two days after Ukraine hit a refinery": the strike after "after" is another)
        const afterCame =
          came !== undefined && t.start - s.start >= came.split && first && first.start < came.split;
        if (
          !afterCame &&
          (!first || first.start === clause.start || !STANCE.test(stext.slice(clause.start, clause.end)))
        )
          continue;
      }
      seen.set(t.def.type, clause);
      out.push(t);
    }
  });
  return out;
}

/** "launched" at a target is an attack, into the sea or in a test a weapons test. */
/** Goods named right after "received": what makes the verb a delivery without a system named. */
const RECEIVED_GOODS =
  /^\s+(?:(?:the|a|an|its|their|his|her|our|new|first|second|third|last|latest|further|more|another|\d+|[\d,.]+\s+tonnes?\s+of)\s+){0,3}(?:shipments?|consignments?|deliver(?:y|ies)|cargo(?:es)?|batch(?:es)?|supplies|ammunition|munitions|shells|rounds|weapons|arms|aid|equipment|hardware|parts|spare\s+parts)\b/i;

function refineType(
  t: Trigger,
  sText: string,
  after: string,
  hasEquipment: boolean,
  storyIsAttack: boolean,
): EventType {
  // "fired water cannon at a vessel": a coast-guard incident, not a weapons launch or an attack
  if (
    (t.def.type === "weapons-test" || t.def.type === "attack") &&
    /water\s+cannons?|jets?\s+of\s+water/i.test(sText)
  )
    return EVENT_TYPES.find((e) => e.type === "incident")!;
  if (t.def.type === "weapons-test" && /^(?:launch|fir(?:ed|ing))/i.test(t.text)) {
    // aimed at a target, or told in a story about an attack, a launch is the attack; at mock targets, a test
    if (
      !TEST_CONTEXT.test(sText) &&
      !PRACTICE_TARGET.test(sText) &&
      (ATTACK_CONTEXT.test(sText) ||
        storyIsAttack ||
        DRONE_OBJECT.test(after) ||
        FORCES_FIRING.test(sText) ||
        OVERNIGHT.test(sText))
    )
      return EVENT_TYPES.find((e) => e.type === "attack")!;
  }
  // "struck a target ship", "fired at mock targets": a strike in a test or drill is that test
  if (t.def.type === "attack" && PRACTICE_TARGET.test(sText))
    return EVENT_TYPES.find((e) => e.type === "weapons-test")!;
  // "France agreed to sell the howitzers": an arms deal, not a political agreement
  if (t.def.type === "agreement" && /^\s+(?:sell|buy|purchase|supply|provide|deliver|acquire)\b/i.test(after))
    return EVENT_TYPES.find((e) => e.type === "procurement")!;
  if (t.def.type === "warning" && FORCE_THREAT.test(sText))
    return EVENT_TYPES.find((e) => e.type === "threat")!;
  // "troops arrived", "the battalion received orders": forces on the move; but what was received may
  // be goods, named as such ("received the shipments", "received a batch of shells"), a delivery still
  if (
    t.def.type === "delivery" &&
    /^(?:arrived|received)$/i.test(t.text) &&
    !hasEquipment &&
    !RECEIVED_GOODS.test(after)
  ) {
    return EVENT_TYPES.find((e) => e.type === "deployment")!;
  }
  return t.def;
}

function refineCameo(def: EventType, sText: string, nActors: number, _ctx: Context): Event["cameo"] {
  if (def.type === "exercise" && (/\bjoint\b/i.test(sText) || nActors > 1 || EXERCISE_WITH.test(sText)))
    return CAMEO_OVERRIDES.jointExercise;
  if (def.type === "attack" && NON_MILITARY_BOMB.test(sText)) return CAMEO_OVERRIDES.nonMilitaryBombing;
  // people taken: "gunmen kidnapped 20 students", "hijacked a tanker" (a ship's crew with it)
  if (def.type === "seizure" && ABDUCTION.test(sText)) return CAMEO_OVERRIDES.abduction;
  // "Police detained 45 protesters", "detained its crew of eight": people held by a state's authorities
  if (def.type === "seizure" && DETAINED_PEOPLE.test(sText)) return CAMEO_OVERRIDES.arrest;
  if (def.type === "attack" && STRIKE_AIR.test(sText)) return CAMEO_OVERRIDES.aerialStrike;
  if (def.type === "attack" && SHELLING.test(sText)) return CAMEO_OVERRIDES.artillery;
  if (def.type === "protest" && /\b(?:demonstrat|rall|protesters|crowds?)/i.test(sText))
    return CAMEO_OVERRIDES.streetProtest;
  if (def.type === "deployment" && /\b(?:high|combat)\s+alert\b/i.test(sText))
    return CAMEO_OVERRIDES.highAlert;
  return def.cameo;
}

/** People detained or arrested: "detained 45 protesters", "arrested two men", "detained its crew". */
const DETAINED_PEOPLE =
  /\b(?:detain(?:ed|s|ing)?|arrest(?:ed|s|ing)?|held)\s+(?:(?:at\s+least|about|some|more\s+than|its|their|the|a|an|[\d,]+|two|three|four|five|six|seven|eight|nine|ten|dozens\s+of|several)\s+){0,3}(?:[\w-]+\s+)?(?:protesters|demonstrators|people|activists|journalists|men|women|crew|crews|sailors|fishermen|nationals|citizens|suspects|opposition|students|members|officials|soldiers)\b/i;

/** Types one noun can name another as: "the attack" for an incident, "the visit" for a port call. */
const FAMILY: Record<string, string> = {
  attack: "force",
  incident: "force",
  seizure: "force",
  interception: "force",
  deployment: "presence",
  "diplomatic-meeting": "presence",
};

/** The id the sources stage gives the article itself, the root of every attribution chain. */
const ARTICLE_SOURCE = "s0";

const UNREAL = new Set<Event["factuality"]>(["speculative", "planned"]);
const DOUBTED = new Set<Event["factuality"]>(["hedged", "negated", "speculative"]);

/**
 * Where the text's headline ends: its first line when that line is short, ends without a full stop and
 * has more text after it ("Venezuela moves air defences to coast, report says"); 0 when there is none.
 */
function headlineEnd(text: string): number {
  const end = text.indexOf("\n");
  if (end < 0 || end > 200 || text.slice(end).trim() === "") return 0;
  return /[.!?]["”’]?\s*$/.test(text.slice(0, end)) ? 0 : end;
}

/** ", saying", ", adding", ", insisting": the clause in which a denier tells its own version. */
const OWN_VERSION = /,\s+(?:saying|adding|insisting|claiming|arguing|and\s+said)\b/i;

/** Whether an event is told after a denial of its sentence, in the denier's own clause. */
function counterClaim(e: DraftEvent, events: readonly DraftEvent[], text: string): boolean {
  return events.some(
    (d) =>
      d.type === "denial" &&
      d.evidence.start === e.evidence.start &&
      d.trigger.end <= e.trigger.start &&
      OWN_VERSION.test(text.slice(d.trigger.end, e.trigger.start)),
  );
}

/** One real-world event told in several sentences is one event with several evidence spans. */
function mergeEvents(
  events: DraftEvent[],
  actorsAgree: (a: string[], b: string[]) => boolean,
  speakersAgree: (e: DraftEvent, twin: DraftEvent) => boolean,
  placesApart: (a: DraftEvent, b: DraftEvent) => boolean,
  namedWithin: (a: DraftEvent, b: DraftEvent) => boolean,
  headline: number,
  text: string,
): Event[] {
  const out: DraftEvent[] = [];
  for (const e of events) {
    // "Pakistan's military denied the claim, saying Indian forces had fired first": what a denier tells
    // after its denial, in a clause of its own, is its own version, kept apart from the claim it denies
    if (!e.anaphoric && counterClaim(e, events, text)) {
      out.push(e);
      continue;
    }
    // "the attack", "the strikes": a noun referring back joins the latest event of its type.
    const referent = e.anaphoric
      ? // (not an act told as not done: "Hezbollah has not claimed any attack since the truce. Aoun
        // condemned the strike" condemns the strike told before)
        (findLast(
          out,
          (o) =>
            o.type === e.type &&
            (o.factuality !== "negated" || e.factuality === "negated") &&
            // "the strike on Odesa" after an attack in Syria: the strike told of is another one (a
            // sanction's places are whom it targets, not a scene)
            (FAMILY[e.type] !== "force" || !placesApart(o, e)),
        ) ??
        // "the attack" after water cannon was fired, "the visit" after a port call: a noun that refers back
        // names the event told before in other words
        findLast(
          out,
          (o) =>
            FAMILY[o.type] !== undefined &&
            FAMILY[o.type] === FAMILY[e.type] &&
            (FAMILY[e.type] !== "force" || !placesApart(o, e)),
        ))
      : ARRIVAL.test(e.trigger.text) && e.equipment.length
        ? // "the guns arrived on Sunday": the end of the move or delivery told before
          findLast(out, (o) => ARRIVING.has(o.type) && overlap(o.equipment, e.equipment))
        : e.type === "weapons-test" &&
            (e.trigger.text.endsWith("ing") ||
              e.cues.some((c) => c.rule === "equipment-from-earlier-sentence")) &&
            (e.time.start === null || e.time.inferred) &&
            !UNREAL.has(e.factuality)
          ? // "footage showed the missile striking a floating target": part of the test told before
            findLast(
              out,
              (o) => o.type === "weapons-test" && actorsAgree(o.actors, e.actors) && sameDay(o, e),
            )
          : FAMILY[e.type] === "force" &&
              (e.time.start === null || e.time.inferred) &&
              // "could soon launch 1,000 drones" is a possibility, not a part of an attack already told
              !UNREAL.has(e.factuality)
            ? // "One drone hit a fuel depot", "a jet of water striking the wheelhouse": a strike told without
              // a date of its own is part of the attack or incident the story already tells, when the actors agree
              findLast(
                out,
                (o) =>
                  // an interception is the defender's own act, never a part of the attack it meets; a strike
                  // is part of an interception only with its weapons or targets ("the destroyer used SM-2
                  // missiles against the drones"), not "a missile hit an apartment building" after it
                  // (nor is an arrest or a seizure: "the FSB said it detained a saboteur")
                  ((o.type === "attack" && e.type !== "interception" && e.type !== "seizure") ||
                    (o.type === e.type && (e.factuality !== "negated" || o.factuality === "negated")) ||
                    (e.type === "attack" &&
                      FAMILY[o.type] === "force" &&
                      (o.type !== "interception" || overlap(o.equipment, e.equipment)) &&
                      // "a drone attack may have caused the blaze", "has not confirmed any drone attack":
                      // an attack in doubt is no part of the fire or the arrest told before
                      !DOUBTED.has(e.factuality))) &&
                  actorsAgree(o.actors, e.actors) &&
                  // "A day earlier, army drones struck RSF positions near Bara": a strike counted to another
                  // day is another strike
                  sameDay(o, e) &&
                  // "jets struck targets in Paktika" after a clash at Torkham, 270 km away: a strike
                  // elsewhere is another strike
                  !placesApart(o, e),
              )
            : undefined;
    const twin =
      referent ??
      out.find(
        (o) =>
          o.type === e.type &&
          (o.factuality === e.factuality || (MERGEABLE.has(o.factuality) && MERGEABLE.has(e.factuality))) &&
          actorsAgree(o.actors, e.actors) &&
          // two speech acts are one only when one side says both, named in each ("Opposition leaders
          // accused..." and "The EU's foreign policy chief condemned..." are two accusations)
          (!SPEECH_ACTS.has(e.type) ||
            e.anaphoric ||
            (o.actors.length > 0 && e.actors.length > 0 && actorsAgree(o.actors, e.actors))) &&
          (((overlap(o.equipment, e.equipment) ||
            e.anaphoric ||
            (e.equipment.length === 0 && e.places.length === 0) ||
            (compatible(o.equipment, e.equipment) && overlap(o.places, e.places))) &&
            (compatible(o.places, e.places) || (ROUTED.has(e.type) && overlap(o.equipment, e.equipment)))) ||
            // "a Russian submarine sailed through the region ... The Kilo-class submarine Krasnodar passed
            // through the Strait of Sicily": the kind told first, then the boat, in the area told first
            (e.type === "deployment" && namedWithin(o, e))) &&
          (o.time.start === null || e.time.start === null || o.time.start === e.time.start),
      );
    if (!twin) {
      // "The UN office condemned the shelling of a market in El Fasher", with no shelling told before: the
      // shelling is told only here, and who reacts to it is none of its actors
      if (e.reaction === "reacts" || (e.reaction === "tells" && e.fromOutside)) e.actors = [];
      out.push(e);
      continue;
    }
    // "The Kremlin said the sanctions were illegal", "Russia's embassy said the deliveries would prolong
    // the conflict": the other side tells of the event, adding no source, place or date to it (a side's
    // own "CENTCOM said the strikes hit radar sites" does)
    const outsider = e.reaction === "reacts" || (e.reaction === "tells" && !speakersAgree(e, twin));
    if (!e.reaction) twin.actors = uniq([...twin.actors, ...e.actors]);
    twin.equipment = uniq([...twin.equipment, ...e.equipment]);
    if (!outsider) twin.places = uniq([...twin.places, ...e.places]);
    // the date a source spoke ("said on Monday") gives way to the date a later sentence gives the event,
    // and dates an event told first without a date (a headline) when no sentence gives it another
    if (
      !outsider &&
      e.time.start !== null &&
      (twin.time.start === null || (twin.reportTime && !e.reportTime))
    ) {
      twin.time = e.time;
      twin.reportTime = e.reportTime;
    }
    if (!outsider) twin.sourceIds = uniq([...twin.sourceIds, ...e.sourceIds]);
    twin.cues = [...twin.cues, ...e.cues];
    twin.evidenceSpans = [...(twin.evidenceSpans ?? [twin.evidence]), e.evidence];
    twin.confidence = Math.max(twin.confidence, e.confidence);
    // The first telling (usually the lede, with its attribution) sets the factuality; a later bare
    // "the attack" in the article's voice does not turn a reported claim into an asserted one.
    // Nor does a headline in the article's voice ("Venezuela moves air defences to coast") turn the claim
    // the story then attributes ("El Pitazo reported") into the article's own: a headline is short for
    // its lede.
    const fromHeadline = (twin.evidenceSpans?.[0] ?? twin.evidence).start < headline;
    if (
      (twin.factuality === "hedged" || (twin.factuality === "asserted" && fromHeadline)) &&
      e.factuality === "reported"
    )
      twin.factuality = e.factuality;
    // a reported claim's sources are those the article cites: its own voice (s0, a headline's, or a later
    // "the deployment could not be verified") is not one of them
    if (
      twin.factuality === "reported" &&
      twin.sourceIds.length > 1 &&
      twin.sourceIds.includes(ARTICLE_SOURCE)
    )
      twin.sourceIds = twin.sourceIds.filter((id) => id !== ARTICLE_SOURCE);
  }
  return out.map((d, i) => {
    // the event without its draft fields; `id` is its first key already, so setting it keeps the order
    // `{ ...e, id }` gives (and a draft without those fields needs no copy)
    const e: Event = "anaphoric" in d || "reportTime" in d ? withoutDraft(d) : d;
    e.id = `ev${i + 1}`;
    return e;
  });
}

/**
 * Whether a later event's time may be that of one told before: one has none, the later one only carries
 * over the time of the sentence before, or their spans overlap ("this year" holds Tuesday; a day counted
 * back from Tuesday does not).
 */
function sameDay(a: DraftEvent, b: DraftEvent): boolean {
  const { start: as, end: ae } = a.time;
  const { start: bs, end: be } = b.time;
  // (a time only carried over from the sentence before tells nothing of the day: "the explosion")
  if (as === null || bs === null || (b.time.inferred && !COUNTED.has(b.time))) return true;
  return as <= (be ?? bs) && bs <= (ae ?? as);
}

function withoutDraft({
  anaphoric: _a,
  reportTime: _r,
  reaction: _x,
  fromOutside: _o,
  ...e
}: DraftEvent): Event {
  return e;
}

/** Beyond this distance, two places told of strikes on one day are two scenes, not one. */
const SCENE_KM = 150;
/** Kinds of place too wide to part two scenes: a strike "in Ukraine" may be anywhere in it. */
const WIDE_PLACES = new Set(["country", "continent", "region", "sea", "ocean", "gulf", "bay", "desert"]);

/**
 * What a place named as where a strike came from, or as the mark a distance is counted from, follows:
 * "launched ... from occupied Crimea", "about 140 kilometres west of Palawan". Such a place is not the scene.
 */
const NOT_SCENE =
  /(?:\bfrom(?:\s+(?:the|occupied|annexed|its|their|northern|southern|eastern|western))?|\b(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of(?:\s+the)?)\s+$/i;

/** The places of an event named in its sentences as a scene (see NOT_SCENE), with their entities. */
function scenes(table: EntityTable, text: string, e: DraftEvent): PlaceEntity[] {
  const spans = e.evidenceSpans ?? [e.evidence];
  const out: PlaceEntity[] = [];
  for (const id of e.places) {
    const p = table.get(id);
    if (p?.kind !== "place") continue;
    const named = p.mentions.some(
      (m) =>
        spans.some((sp) => m.start >= sp.start && m.end <= sp.end) &&
        !NOT_SCENE.test(text.slice(Math.max(0, m.start - 40), m.start)),
    );
    if (named) out.push(p);
  }
  return out;
}

/**
 * Whether two events' scenes are all far apart: each place of one more than SCENE_KM from each of the
 * other's, and none inside the other's bounding box (a town in the province the other names) nor a wide
 * area (a country, a sea), but for a country and a town or country outside it ("in Syria", "on Odesa"). Events
 * without a scene of their own are not apart.
 */
function farApart(table: EntityTable, text: string, a: DraftEvent, b: DraftEvent): boolean {
  const as = scenes(table, text, a);
  const bs = scenes(table, text, b);
  if (as.length === 0 || bs.length === 0) return false;
  for (const p of as)
    for (const q of bs) {
      if (p === q) return false;
      // a country and a town (or site, or province, or another country) outside it
      const country = p.featureType === "country" ? p : q.featureType === "country" ? q : undefined;
      const other = country === p ? q : p;
      if (
        country &&
        (!WIDE_PLACES.has(other.featureType) || other.featureType === "country") &&
        other.countryCode !== country.countryCode &&
        !inBox(other, country) &&
        !inBox(country, other)
      )
        continue;
      if (WIDE_PLACES.has(p.featureType) || WIDE_PLACES.has(q.featureType)) return false;
      if (inBox(p, q) || inBox(q, p)) return false;
      if (haversineKm(p.lat, p.lon, q.lat, q.lon) <= SCENE_KM) return false;
    }
  return true;
}

/**
 * Whether an event told first names only a kind of equipment ("a Russian submarine") and a later one a
 * system of that kind ("the Kilo-class submarine Krasnodar"), every place of the later one lying inside
 * the area of one of the first's ("the Strait of Sicily" in "the Mediterranean"): one boat's one voyage.
 */
function kindThenSystemWithin(table: EntityTable, first: DraftEvent, later: DraftEvent): boolean {
  if (first.equipment.length !== 1 || later.equipment.length === 0 || later.places.length === 0) return false;
  const kind = table.get(first.equipment[0]!);
  if (kind?.kind !== "equipment" || !kind.generic) return false;
  for (const id of later.equipment) {
    const e = table.get(id);
    if (e?.kind !== "equipment" || e.generic || e.category !== kind.category) return false;
  }
  const areas = first.places.map((id) => table.get(id)).filter((p): p is PlaceEntity => p?.kind === "place");
  return later.places.every((id) => {
    const p = table.get(id);
    return p?.kind === "place" && areas.some((a) => a !== p && inBox(p, a));
  });
}

/** Whether a place's point lies inside another's bounding box. */
function inBox(p: { lat: number; lon: number }, area: { bbox?: [number, number, number, number] }): boolean {
  if (!area.bbox) return false;
  const [w, s, e, n] = area.bbox;
  return p.lon >= w && p.lon <= e && p.lat >= s && p.lat <= n;
}

function compatible(a: string[], b: string[]): boolean {
  return a.length === 0 || b.length === 0 || overlap(a, b);
}

function overlap(a: string[], b: string[]): boolean {
  return a.some((x) => b.includes(x));
}

/** The distinct elements in their first order (what `[...new Set(xs)]` gives; the lists are short). */
function uniq<T>(xs: T[]): T[] {
  const out: T[] = [];
  for (const x of xs) if (!out.includes(x)) out.push(x);
  return out;
}

/** The last element that passes (what `[...xs].reverse().find(pass)` gives, without the two copies). */
function findLast<T>(xs: T[], pass: (x: T) => boolean): T | undefined {
  for (let i = xs.length - 1; i >= 0; i--) if (pass(xs[i]!)) return xs[i];
  return undefined;
}
