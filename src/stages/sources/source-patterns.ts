// Source phrases as data: each pattern names the kind of source it finds and why.
import type { Source } from "../../core/analysis.js";

export interface SourcePattern {
  id: string;
  type: Source["type"];
  pattern: RegExp;
  /**
   * A quick test that every match of the pattern passes (a word each match contains), so a sentence that
   * fails it is not scanned: the patterns start with alternations the regex engine tries at every position,
   * while a plain word is found by a fast search.
   */
  requires?: RegExp;
  /**
   * Lower-case words one of which begins a word in every match (the pattern's head: it always follows
   * whitespace or opens the match): a sentence with none of them at a word start is not scanned. Checked
   * with the sentence's other words in one pass (rule-scan.ts), before `requires`.
   */
  words?: string[];
}

/** The reporting verb that the institution patterns look ahead for (as they do: lower case, whole word). */
const INSTITUTION_VERB =
  /(?:said|says|told|reported|announced|stated|claimed|confirmed|added|estimated|assessed)\b/;

const OFFICIAL_QUALIFIER = String.raw`(?:Pentagon|Kremlin|administration|regional|local|U\.S\.|US|American|Russian|Ukrainian|Chinese|Iranian|Israeli|Venezuelan|Western|NATO|European|Taiwanese|Japanese|Korean|South Korean|North Korean|Indian|Pakistani|Turkish|British|French|German|Polish|military|defen[cs]e|government|security|intelligence|senior)`;

/** The first word of each head: "air\s+force" -> "air". A head follows whitespace in institutionSpeaking. */
function headWords(heads: string): string[] {
  return heads.split("|").map((h) => h.split(String.raw`\s+`)[0]!);
}

const MILITARY_HEADS = String.raw`army|navy|military|air\s+force|coast\s+guard|task\s+force|border\s+guard|general\s+staff|joint\s+staff|command|armed\s+forces`;
const OFFICE_HEADS =
  "minister|secretary|president|premier|chancellor|commander|ambassador|envoy|governor|mayor";
const INSTITUTION_HEADS = String.raw`ministry|border\s+committee|press\s+service|agency|department|government|embassy|presidency|cabinet|office`;

/**
 * "<Country>'s <kind>" (a country of one or two words: "South Korea's") or "the <kind>" (a few words may
 * qualify it, and its name in capitals may follow it: "the British maritime agency UKMTO") right before a
 * reporting verb.
 */
function institutionSpeaking(heads: string): RegExp {
  return new RegExp(
    String.raw`\b(?:(?:\p{Lu}[\p{L}.'’-]*\s+)?\p{Lu}[\p{L}.'’-]*(?:'s|’s)\s+|[Tt]he\s+)(?:\p{Lu}[\p{L}-]*\s+)?(?:[a-z-]+\s+){0,2}?(?:${heads})(?:\s+(?:for|of|in)\s+(?:the\s+)?(?:\p{Lu}[\p{L}'’-]*\s+){1,4})?(?:\s+\p{Lu}[\p{Lu}\d-]{2,})?(?=\s*(?:has\s+|had\s+|have\s+)?(?:said|says|told|reported|announced|stated|claimed|confirmed|added|estimated|assessed)\b)`,
    "gu",
  );
}

export const SOURCE_PATTERNS: SourcePattern[] = [
  {
    id: "satellite-imagery",
    type: "imagery",
    pattern: /\b(?:commercial\s+)?satellite\s+(?:images?|imagery|photos?|photographs|pictures)\b/gi,
  },
  {
    id: "photographs",
    type: "photographs",
    pattern:
      /\b(?:photo(?:graph)?s|pictures|images)\b(?=\s+(?:obtained|published|posted|shared|released|circulating|taken|seen|reviewed|showing|that|which|from|appear))/gi,
  },
  {
    id: "video",
    type: "video",
    pattern:
      /\b(?:video|videos|footage)\b(?=\s+(?:obtained|published|posted|shared|released|circulating|filmed|showing|appear|that|from))/gi,
  },
  {
    id: "anonymous",
    type: "anonymous",
    requires: /source|official|people|person|diplomat/i,
    words: ["source", "official", "people", "person", "diplomat"],
    pattern:
      /\b(?:(?:anonymous|unnamed|unidentified)\s+(?:sources?|officials?|people|persons|military sources?|diplomats?)|(?:sources?|people|persons|officials)\s+(?:familiar|close|briefed)\s+with\s+(?:the\s+)?(?:matter|situation|plans?|discussions?|operation|deliberations)|(?<!\b(?:killing|killed|kill|injuring|injured|wounding|wounded|including|evacuating|evacuated|arresting|arrested|detaining|detained|of)\s+)(?:a|one|two|three|four|several)\s+(?:security|military|intelligence|government|diplomatic|senior|local|regional|Western|European|US|U\.S\.)\s+sources|(?<!\b(?:killing|killed|kill|injuring|injured|wounding|wounded|including|evacuating|evacuated|arresting|arrested|detaining|detained|of)\s+)(?:a|one|two|three|four|several)\s+(?:sources|people(?=\s+(?:said|say|says|told|who|with|familiar|close|briefed|aware|knowledgeable|involved))|officials|diplomats)\b|(?:a|one)\s+(?:source|official|diplomat)\b(?!\s+(?:of|in|for)\b)|(?:a|an|one)\s+(?:[a-z][\w.-]*\s+)?(?:security|military|intelligence|government|diplomatic|defen[cs]e|police|army|navy|ministry)\s+(?:source|insider)\b|(?:a|one|two|three|several)\s+sources?\s+(?:in|within|inside|at|close\s+to)\s+(?:the\s+)?(?:[\w'’.-]+\s+){0,3}(?:military|army|navy|government|ministry|command|service|forces|intelligence|administration|office|SBU|GUR|Pentagon|Kremlin|presidency)\b|officials?\s+who\s+(?:spoke|asked)\s+on\s+condition\s+of\s+anonymity|sources\s+said|(?<=\baccording\s+to\s+)(?:(?:Western|foreign|European|regional|local|senior)\s+)?(?:diplomats|sources))\b/gi,
  },
  {
    // "according to Georgian media", "Iran's state media reported": a country's press, named by its people
    id: "national-media",
    type: "outlet",
    requires: /media|press|television/,
    pattern:
      /\b\p{Lu}[\p{L}'’-]+(?:'s|’s)?\s+(?:state(?:-run)?\s+|local\s+|independent\s+|pro-government\s+|opposition\s+)?(?:media|press|television)\b/gu,
  },
  {
    // "the militant group claimed": the group the story named before, speaking
    id: "group-speaking",
    type: "other",
    words: ["militant", "armed", "rebel", "jihadist", "insurgent", "extremist", "separatist"],
    pattern:
      /\b(?:militant|armed|rebel|jihadist|insurgent|extremist|separatist)\s+group(?=\s+(?:has\s+)?(?:said|says|claimed|announced|stated|confirmed)\b)/g,
  },
  {
    // "Kosovo police said", "police told reporters": the police, as officials speak
    id: "police",
    type: "official",
    words: ["police"],
    pattern:
      /\b(?:\p{Lu}[\p{L}'’-]+\s+)?(?:police|gendarmerie)(?=\s+(?:has\s+|have\s+)?(?:said|says|told|reported|announced|stated|claimed|confirmed)\b)/gu,
  },
  {
    // "Kyiv authorities said", "local authorities told reporters": those who govern a place, speaking
    id: "authorities",
    type: "official",
    words: ["authorities"],
    pattern:
      /\b(?:(?!The\b)\p{Lu}[\p{L}'’-]+\s+)?(?:(?:local|regional|city|provincial|military|occupation)\s+)?authorities(?=\s+(?:has\s+|have\s+)?(?:said|says|told|reported|announced|stated|claimed|confirmed)\b)/gu,
  },
  {
    id: "state-media",
    type: "outlet",
    pattern: /\bstate(?:-run|-owned)?\s+(?:media|television|TV|news\s+agency|broadcaster|outlets?)\b/gi,
  },
  {
    id: "officials",
    type: "official",
    // A match starts only at the first qualifier of a run (the lookbehind), so a long run of qualifiers
    // with no "officials" after it is scanned once, not once per word.
    requires: /official/i,
    words: ["official"],
    pattern: new RegExp(
      String.raw`\b(?<!\b${OFFICIAL_QUALIFIER}\s+)(?:${OFFICIAL_QUALIFIER}\s+)+officials?\b`,
      "gi",
    ),
  },
  {
    id: "ministry",
    type: "government",
    requires: /ministry/i,
    words: ["ministry"],
    pattern:
      /\b(?:the\s+)?(?:defen[cs]e|foreign|interior)\s+ministry\b|\bministry\s+of\s+(?:defen[cs]e|foreign affairs)\b/gi,
  },
  {
    id: "spokesperson",
    type: "official",
    requires: /spokes/i,
    pattern:
      /\b(?:a\s+)?(?:military|ministry|government|army|navy|pentagon|kremlin)?\s*spokes(?:man|woman|person)\b/gi,
  },
  {
    id: "social-media",
    type: "social-media",
    requires: /social|telegram|posts?\s+on|blogger/i,
    pattern:
      /\b(?:social\s+media|Telegram\s+channels?|posts?\s+on\s+(?:X|Telegram)|military\s+bloggers?|milbloggers?)\b/gi,
  },
  {
    id: "analysts",
    type: "analyst",
    requires: /analysts|experts|observers/i,
    words: ["analysts", "experts", "observers"],
    pattern: /\b(?:(?:military|defen[cs]e|independent|western|some)\s+)?(?:analysts|experts|observers)\b/gi,
  },
  {
    // "Finnish investigators said", "UN inspectors reported", "federal prosecutors say"
    id: "investigators",
    type: "official",
    requires: /investigators|prosecutors|inspectors/i,
    words: ["investigators", "prosecutors", "inspectors"],
    pattern:
      /(?:\b(?:the\s+)?(?:\p{Lu}[\p{L}.'’-]*|federal|state|police|military|international|independent)\s+)?\b(?:investigators|prosecutors|inspectors)\b(?=\s+(?:have\s+|had\s+)?(?:said|say|says|told|reported|believe|believed|suspect|suspected|found|concluded|announced)\b)/gu,
  },
  {
    // "declined to comment on reports that Israel had received THAAD", "unconfirmed reports of": reports no
    // one is named for, which the story cites (a lookbehind for "according to reports" scanned each blank
    // of a long run of them again: not linear)
    id: "unnamed-reports",
    type: "other",
    words: ["reports", "unconfirmed", "media", "press"],
    // (not reports a speaker denies: "Iran denied reports of explosions" is Iran's own denial)
    pattern:
      /\b(?<!\b(?:denied|denies|deny|denying|dismissed|dismisses|dismissing|rejected|rejects|rejecting|refuted|rebutted)\s+(?:(?:the|earlier|recent|any|those|these|such|media|press)\s+){0,2})(?:(?:unconfirmed|media|press|local)\s+)?reports(?=\s+(?:that|of)\s)/gi,
  },
  {
    id: "witnesses",
    type: "witness",
    // (residents and activists only where they tell: "residents said", "according to activists"; not
    // "Hundreds of residents protested")
    pattern:
      /\b(?:witnesses|eyewitnesses|(?:local\s+)?(?:residents|activists)(?=\s+(?:(?:have|had|has)\s+)?(?:said|say|says|told|reported|described|posted|recalled|saw|heard|counted|shared|filmed|photographed)\b|[,.;:]?\s*$|,\s+(?:who|which)\b)|(?<=\baccording\s+to\s+(?:local\s+)?)(?:residents|activists))\b/gi,
  },
  // "the army said", "Taiwan's ministry said", "the Philippine task force for the West Philippine Sea said",
  // "Ukraine's military intelligence agency estimated": an institution named by its kind
  {
    id: "military-institution-speaking",
    type: "military",
    requires: INSTITUTION_VERB,
    words: headWords(MILITARY_HEADS),
    pattern: institutionSpeaking(MILITARY_HEADS),
  },
  // "Colombia's defence minister said", "the foreign minister told": an official named by the office alone
  {
    id: "office-speaking",
    type: "official",
    requires: INSTITUTION_VERB,
    words: headWords(OFFICE_HEADS),
    pattern: institutionSpeaking(OFFICE_HEADS),
  },
  {
    id: "institution-speaking",
    type: "government",
    requires: INSTITUTION_VERB,
    words: headWords(INSTITUTION_HEADS),
    pattern: institutionSpeaking(INSTITUTION_HEADS),
  },
  {
    id: "document",
    type: "document",
    words: ["document", "report", "statement", "communiqu", "press"],
    pattern:
      /\b(?:(?:a|the)\s+)?(?:leaked\s+)?(?:documents?|report|statement|communiqu[eé]|press\s+release)\s+(?:seen|obtained|reviewed|released|published|issued)\s+by\b/gi,
  },
];

/** Words that make a sentence an attributed one: the claim is someone's, not the article's. */
export const REPORTING =
  /\b(?:according\s+to|reported|reports|reporting|said|says|told|citing|cited|claimed|claims|stated|announced|quoted|wrote|published|posted|shown|showed|show|reviewed\s+by|obtained\s+by|seen\s+by|confirmed|alleged)\b/i;

/** "X, citing Y", "Y told X", "Y reviewed by X": the cited source is the second. */
export const CITING =
  /\bciting\b|\bcited\s+by\b|\baccording\s+to\b|\b(?:reviewed|obtained|seen|analy[sz]ed|verified|geolocated)\s+by\b/i;
