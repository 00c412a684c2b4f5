// Factuality cues as data: each cue has a kind and a reason; the strongest kind in a clause wins.
import type { Cue, Factuality } from "../../core/analysis.js";

/**
 * "may" the verb, not the month: not before a day or a year ("on May 7", "May 2024"), nor after a day ("on 3
 * May"), nor after a word that
 * opens a date ("in May", "since May") or a month and a word that joins it ("between March and May").
 */
const MAY_VERB = String.raw`(?<!\b(?:in|on|of|since|until|from|to|by|early|late|mid|last|next|this|through|till|between)\s+)(?<!\b\d{1,2}(?:st|nd|rd|th)?\s+)(?<!\b(?:jan\w*|feb\w*|march|april|june|july|aug\w*|sept?\w*|oct\w*|nov\w*|dec\w*)\s+(?:and|or|to|through|until|-)\s+)may(?!\s+\d)(?!,?\s+(?:19|20)\d\d)`;

export const FACTUALITY_CUES: Array<{
  kind: Exclude<Factuality, "asserted" | "reported">;
  rule: string;
  pattern: RegExp;
}> = [
  {
    kind: "negated",
    rule: "negation",
    pattern:
      /\b(?:(?:did\s+not|didn['’]t|has\s+not|hasn['’]t|have\s+not|haven['’]t|had\s+not)(?!\s+(?:yet\s+|immediately\s+|publicly\s+|independently\s+)?(?:confirm|comment|say|specify|disclose|elaborate|respond|verify)\w*)|(?:was|were|is|are)\s+not(?!\s+(?:yet\s+|immediately\s+)?(?:clear|known|certain))|failed\s+to|refus(?:ed|es|ing)\s+to|rul(?:ed|es|ing)\s+out|(?:has|have|had)\s+yet\s+to|declin(?:ed|es|ing)\s+to\s+(?:deliver|send|supply|provide\s+(?!details|information|further|more)|deploy|sell|join|sign|take\s+part|participate|transfer|approve)|(?:halted|suspended|stopped|paused)\s+(?:(?:its|their|the|all|further|arms)\s+)*(?:deliver(?:y|ies)|shipments?|transfers?|supplies|exports?|sales?)|no\s+(?:signs?|indications?)\s+(?:that|of)|cancell?(?:ed|s)?|scrapped|called\s+off|(?:shelved|abandoned|dropped|froze|frozen|ditched)\s+(?:(?:its|their|the|a)\s+)?plans?|put\s+(?:[\w'’-]+\s+){0,3}?on\s+hold|walked\s+away\s+from|none\s+(?:crossed|entered|hit|reached|landed|struck)|(?:will|would)\s+not(?!\s+(?:go\s+unanswered|hesitate|tolerate|allow|accept|rule\s+out|stand\s+idly|remain\s+silent))|won['’]t|wouldn['’]t|(?:has|have|had)\s+no\s+(?:plans?|intention)|(?:does|do)\s+not\s+(?:plan|intend)|no\s+evidence|never|not\s+been|denied|denies|deny|(?<!\b(?:was|were|been|being|be|is|are|who|later)\s)dismissed|rejected|false|baseless|fabricated|untrue|neither|none\s+of|no\s+[\w-]+\s+(?:entered|fell|crossed|hit|reached|landed|(?:was|were|had\s+been|have\s+been|has\s+been)\s+\w+(?:ed|en|d)))\b/gi,
  },
  {
    kind: "speculative",
    rule: "speculation",
    pattern:
      /\b(?:speculat(?:ed|ion|ing|e)|(?:is|are|was|were)\s+(?:considering|mulling|weighing|contemplating|exploring)|(?<!\bas\s)if|whether|unless|in\s+case|could\s+be|might\s+be|may\s+be\s+(?:preparing|planning)|rumou?rs?|conjecture|it\s+is\s+possible|possibly\s+(?:preparing|planning)|hypothes\w+|could\s+(?:signal|indicate|point)|could(?=\s+(?:soon\s+|later\s+|also\s+|eventually\s+|yet\s+)?(?!not\b|have\b|reach\b|hit\b|strike\b|carry\b|cover\b|fly\b|travel\b)[a-z]))\b/gi,
  },
  {
    kind: "planned",
    rule: "future",
    pattern:
      /\b(?:will|should(?!\s+(?:not|have|never)\b)|(?:vow|pledg|promis|threaten)(?:ed|es|s|ing|e)?\s+to|plans?\s+to|planned|planning\s+to|is\s+to|are\s+to|scheduled|expected\s+to|(?:is|are|was|were)\s+(?:expected|due)\s+(?:in|by|later|early|late|before|next|this|within)|intends?\s+to|hop(?:e|es|ed|ing)\s+to|aim(?:s|ed|ing)?\s+to|set\s+to|due\s+to|upcoming|next\s+(?:week|month|year)|(?:is|was|are|were)\s+preparing\s+(?:to|an?|for)|prepar(?:e|es|ing)\s+for|ordered\s+(?:the\s+|its\s+|his\s+|her\s+)?(?:[\w-]+\s+){0,3}?to\s+(?!the\b|a\b|an\b)|would\s+(?:\w+ly\s+)?(?:hold|begin|start|deliver|deploy|send|conduct|impose|arrive|join|sign|buy|build|open|form|take\s+part|launch|return|resume|receive|station|establish|visit|meet|host|lodge|expand|acquire|purchase|procure|order|supply|provide|transfer|withdraw|field|strike|attack|hit))\b/gi,
  },
  {
    kind: "hedged",
    rule: "hedge",
    pattern: new RegExp(
      String.raw`\b(?:appear(?:s|ed)?\s+to|apparently|seem(?:s|ed)?\s+to|suggest(?:s|ed|ing)?|${MAY_VERB}|might|reportedly|likely|unlikely|probably|possibly|believed\s+to|thought\s+to|(?:is|are|was|were)\s+said\s+to|rumou?red\s+to|alleged(?:ly)?|unconfirmed|unverified|declined\s+to\s+(?:comment\s+on|confirm)\s+(?:the\s+)?reports?|could\s+not\s+(?:be\s+)?(?:independently\s+)?(?:verif|confirm)\w*|(?:did|has|have|had|would)\s+not\s+(?:yet\s+|immediately\s+|publicly\s+|independently\s+)?(?:confirm|verify)\w*|not\s+(?:been\s+)?(?:independently\s+)?confirmed|if\s+(?:confirmed|true|verified|accurate|correct)|(?:tried|tries|trying|attempted|attempting|sought|seeking)\s+to|could\s+have|may\s+have|might\s+have|looking\s+into\s+(?:the\s+)?reports?|aware\s+of\s+(?:the\s+)?reports?|(?:remains?|is|was)\s+(?:still\s+)?unclear|(?:not|un)clear\s+(?:whether|if)|purported(?:ly)?|presumably|indicat(?:e|es|ed|ing))\b`,
      "gi",
    ),
  },
];

const ORDER: Factuality[] = ["negated", "speculative", "planned", "hedged", "reported", "asserted"];

/**
 * The cues of a sentence that begins at `offset`; `matches(k)` gives the matches of FACTUALITY_CUES[k] in
 * it, in order (see rule-scan.ts).
 */
export function findCues(offset: number, matches: (k: number) => RegExpExecArray[]): Cue[] {
  const cues: Cue[] = [];
  for (let k = 0; k < FACTUALITY_CUES.length; k++) {
    const c = FACTUALITY_CUES[k]!;
    for (const m of matches(k)) {
      cues.push({
        start: offset + m.index,
        end: offset + m.index + m[0].length,
        text: m[0],
        kind: c.kind,
        rule: c.rule,
      });
    }
  }
  return cues.sort((a, b) => a.start - b.start);
}

/** The factuality of an event given the cues in its clause and whether the clause is attributed. */
export function decideFactuality(cues: Cue[], attributed: boolean): Factuality {
  const kinds = new Set(cues.map((c) => c.kind));
  // "Russia may deploy its Oreshnik system to Belarus next month": a plan told as possible is speculation
  if (kinds.has("planned") && kinds.has("hedged") && !kinds.has("negated")) {
    const may = cues.some((c) => c.kind === "hedged" && /^(?:may|might|could)\b/i.test(c.text));
    if (may) return "speculative";
  }
  for (const k of ORDER) {
    if (k === "reported") {
      if (attributed) return "reported";
      continue;
    }
    if (k === "asserted") return "asserted";
    if (kinds.has(k)) return k;
  }
  return "asserted";
}
