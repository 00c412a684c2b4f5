// The event ontology: each type with its CAMEO code, PLOVER category, and trigger words (rules as data).
// docs/events.md is written from this table.

export interface EventType {
  type: string;
  cameo: { code: string; label: string };
  plover?: { type: string; mode?: string };
  /** trigger patterns, matched case-insensitively on word boundaries */
  triggers: RegExp;
  description: string;
}

export const EVENT_TYPES: EventType[] = [
  {
    type: "deployment",
    cameo: { code: "154", label: "Mobilize or increase armed forces" },
    plover: { type: "MOBILIZE", mode: "military" },
    triggers:
      /\b(?:(?:re)?deploy(?:ed|ing|s|ment|ments)?|relocat(?:ed|ing|ion|es?)|(?:detected|spotted|sighted|observed)(?=\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|dozens\s+of|a|an)\s+(?:[\w-]+\s+){0,2}?(?:Chinese|Russian|North\s+Korean|Iranian|Belarusian|Turkish|Syrian|Venezuelan|PLA|military|naval|enemy)\b)|mov(?:ed|ing|es?)(?=\s+(?:[\w-]+\s+){0,16}?(?:to|into|towards?|closer|near|along|from)\b)|(?:began|begun|started|start)\s+moving|(?:will\s+)?send(?:s|ing)?(?=\s+(?:[\w-]+\s+){0,10}?(?:to|into|towards?)\b)|sent(?=\s+(?:[\w,.-]+\s+){0,8}?(?:to|into|towards?)\s+(?:the\s+)?\p{Lu})|sail(?:ed|ing|s)?\s+(?:into|to|through|towards?|past|near|along|off|around|(?:north|south|east|west|northeast|northwest|southeast|southwest)\s+of)|(?:flown|flew|fly(?:ing)?)\s+(?:[\w-]+\s+){0,10}?(?:to|into|from)\b|(?:flew|flown)\s+(?:over|near|along|past|through|around|off|close\s+to)(?!\s+the\s+(?:weekend|week|years?|months?|days?|past|last|next)\b)|(?:been|were|was)\s+sent\s+(?:to|into)\b|call(?:ed|s|ing)?\s+up\s+(?:[\w-]+\s+){0,3}?(?:reservists|reserves|troops|conscripts|soldiers)|mobili[sz](?:ed|ing|ation)|heading\s+(?:to|towards?|for)|withdr(?:ew|awn|awal|awing)|removed\s+(?:[\w-]+\s+){0,8}?from|(?:was|were|been)\s+(?:\w+ly\s+){0,2}(?:seen|spotted|photographed|observed)|stationed|positioned|(?:will|would|to|plans?\s+to|planned\s+to)\s+(?:permanently\s+|also\s+)?station(?=\s+(?:[\w-]+\s+){0,5}?(?:troops|forces|soldiers|jets|aircraft|missiles|systems|warships|ships|bombers|fighters|drones|batteries|launchers|brigades?|battalions?|units|weapons|marines|personnel)\b)|repositioned|dispatch(?:ed|ing)?|sent\s+(?:[\w,.-]+\s+){0,4}?(?:troops|forces|soldiers|warships?|jets|systems|reinforcements|boats|vessels|ships|aircraft|fighters|bombers|drones|patrols?)|(?:transit(?:ed|s|ing)|passed\s+through)\s+(?:the\s+)?(?:\p{Lu}[\p{L}-]*\s+){0,3}(?:Strait|Channel|Sea|Passage|Canal|Sound|Gulf)|entered\s+(?:the\s+)?(?:\p{Lu}[\p{L}-]*\s+){1,3}(?:Sea|Ocean|Gulf|Strait|Bay|Channel)|(?:left|leave|leaves|leaving|pulled\s+out\s+of)(?=\s+(?:the\s+(?:port|naval\s+base|base|harbou?r)\s+of\s+)?(?:\p{Lu}[\p{L}-]*)(?:\s+\p{Lu}[\p{L}-]*)?(?:\s+(?:in|on|by|after|last|this|earlier|at|for)\b|\s*[,.;]|\s*$))|scrambled|shadow(?:ed|ing)|(?<=\b(?:images?|imagery|photos?|photographs?|pictures|footage|videos?)\b[^.;!?]{0,80}?)\b(?:show|shows|showed|showing)(?=\s+(?:that\s+)?(?:[\w-]+\s+){0,6}?(?:launchers?|systems?|batter(?:y|ies)|jets|aircraft|fighters|bombers|helicopters|tanks|vehicles|ships|warships|submarines?|vessels|drones|missiles|radars?|howitzers|troops)\s+(?:at|in|near|on|outside|around|parked|deployed|stationed|positioned)\b)|track(?:ed|ing)(?=\s+(?:[\w-]+\s+){1,8}?with\s)|stepped\s+up\s+(?:[\w-]+\s+){0,3}?(?:patrols?|presence|deployments?|flights)|(?:staged|conducted|carried\s+out|began|launched)\s+(?:[\w-]+\s+){0,3}?patrols\b|fortif(?:ied|ying|ies)\s+(?:[\w'’-]+\s+){0,3}?(?:positions|defen[cs]es|lines|border|frontier|bases?|islands?|outposts)|rotat(?:ing|ed|es)\s+(?:(?:[\w-]+\s+){0,4}?(?:troops|forces|units?|brigades?|battalions?|divisions?)|through|into)|push(?:ed|ing)\s+(?:[\w'’-]+\s+){0,8}?(?:east|west|north|south)?\s*(?:to|into|towards?)\b|set(?:ting)?\s+up\s+(?:new\s+)?(?:bases?|positions|outposts)|interven(?:ed|ing)\s+in|keep(?:ing|s)?\s+(?:[\w-]+\s+){0,3}?(?:troops|forces|presence|warships)|(?:has|have|had)\s+flown|operat(?:ing|ed|es)\s+from|(?:will|to)\s+form\s+(?:[\w-]+\s+){0,3}?(?:battalion|brigade|regiment|division)|reinforc(?:ed|ing|ements)|build-?up|massing|amass(?:ed|ing)|arriv(?:ed|al)\s+(?:in|at)|call(?:ed|s|ing)?\s+at|docked\s+(?:in|at)|rotat(?:ed|ion)\s+(?:of|into)|transferr?(?:ed|ing)\s+(?:[\w-]+\s+){0,4}?to\s+(?:the\s+)?(?:front|border|coast|base|region|island|peninsula|area))\b/giu,
    description: "Forces or equipment moved, deployed, stationed or reinforced somewhere.",
  },
  {
    type: "exercise",
    cameo: { code: "150", label: "Demonstrate military or police power" },
    plover: { type: "MOBILIZE", mode: "exercise" },
    triggers:
      /\b(?:exercises?|drills?|war\s?games?|manoeuvres|maneuvers|live-fire|live\s+firing|joint\s+patrols?)\b/gi,
    description: "Military exercise or drill; joint exercises with another country map to CAMEO 062.",
  },
  {
    type: "weapons-test",
    cameo: { code: "150", label: "Demonstrate military or police power" },
    plover: { type: "MOBILIZE", mode: "weapons-test" },
    triggers:
      /\b(?:test(?:ed|s|ing)?(?:-fired?|\s+fired?|\s+launch(?:ed)?)?|test-launch(?:ed)?|flight-test(?:ed|s|ing)?|launch(?:ed|es|ing)?|fired(?!\s+(?:on|first)\b)|firing(?=\s+(?:[\w-]+\s+){0,4}?(?:at|on|into|towards?)\s)|test\s+flight|flight\s+test|(?:plans?|planned|will|would|to)\s+(?:to\s+)?fire(?=\s+(?:an?\s+|the\s+|its\s+)?(?:[\w-]+\s+){0,3}?(?:missiles?|rockets?|torpedo(?:es)?|shells?)\b))\b/gi,
    description: "Weapons test or launch that is not aimed at an adversary.",
  },
  {
    type: "procurement",
    cameo: { code: "062", label: "Cooperate militarily" },
    plover: { type: "COOPERATE", mode: "military" },
    triggers:
      /\b(?:(?:purchas|acquir|order)(?:ed|es|ing|e|s)?|buy(?:s|ing)?|bought|contracts?|procure(?:d|ment)?|arms\s+deal|signed\s+a\s+deal|acquisition|(?:approved|cleared|authori[sz]ed)\s+(?:a\s+|the\s+)?(?:possible\s+|potential\s+|proposed\s+)?(?:sale|export)s?|notified\s+Congress\s+of\s+(?:a|an|the)\s+(?:possible\s+|potential\s+|proposed\s+)?(?:[$\w.,-]+\s+){0,4}?(?:sale|export)s?)\b/gi,
    description: "Purchase, order or contract for military equipment.",
  },
  {
    type: "delivery",
    cameo: { code: "072", label: "Provide military aid" },
    plover: { type: "AID", mode: "military" },
    triggers:
      /\b(?:deliver(?:ed|ing|ies|y|s)?|(?:(?:due|expected|set|scheduled)\s+to|will|would)\s+arrive|handed\s+over|shipped|shipments?|supplied|supply(?:ing)?|transfer(?:s|r?ed|r?ing)?|received|receiv(?:e|es|ing)|aid\s+package|military\s+aid|arrived|export(?:ed|s|ing)?\s+(?:[\w-]+\s+){0,6}?to|arming(?=\s+(?:the\s+)?\p{Lu})|sen[dt](?:s|ing)?(?=\s+(?:[\w,.-]+\s+){0,6}?(?:missiles?|shells|ammunition|munitions|weapons|arms|rockets|artillery\s+shells|interceptors)\s+to\b))\b/giu,
    description: "Delivery, supply or transfer of equipment or military aid.",
  },
  {
    type: "production",
    cameo: { code: "150", label: "Demonstrate military or police power" },
    plover: { type: "MOBILIZE", mode: "production" },
    triggers:
      /\b(?:produc(?:ed|es|ing|tion)|manufactur(?:ed|es|ing|e)|mass-produc\w*|assembl(?:ed|y|ing)|production\s+line|rolled\s+out|turn(?:s|ed)?\s+out|output|(?:is|are|was|were)\s+building|will\s+build)\b/gi,
    description: "Production or manufacture of weapons (CAMEO has no specific code; 150 is used).",
  },
  {
    type: "threat",
    cameo: { code: "138", label: "Threaten to use military force" },
    plover: { type: "THREATEN", mode: "military" },
    triggers:
      /\b(?:threat(?:en(?:ed|s|ing)?)|vow(?:ed|s)?\s+(?:[\w-]+\s+){0,3}?to\s+(?:retaliate|respond|strike|destroy|recapture|retake|crush|defeat)|(?:would|will)\s+not\s+go\s+unanswered|respond\s+accordingly|(?:would|will)\s+(?:\w+\s+)?(?:respond|retaliate)(?=\s+(?:with|militarily|in\s+kind|by\s+force|against|to\s+any|to\s+(?:[\w'’-]+\s+){0,3}(?:attacks?|provocations?|aggression|threats?|moves?|deployments?|drills|exercises?|incursions?))\b)|(?:would|will)\s+(?:\w+ly\s+)?(?:strike|attack|hit|destroy|target)(?=\s+(?:[\w'’.-]+\s+){1,10}?(?:if|unless|should|were)\s)|ultimatum)\b/gi,
    description: "Threat to use force.",
  },
  {
    type: "warning",
    cameo: { code: "130", label: "Threaten, not specified below" },
    plover: { type: "THREATEN" },
    triggers: /\b(?:warn(?:ed|s|ing|ings)?|cautioned)\b/gi,
    description: "Warning addressed to another party.",
  },
  {
    type: "denial",
    cameo: { code: "016", label: "Deny responsibility" },
    plover: { type: "REJECT" },
    // "the claims were rejected": the look back comes after the word, so it runs only where the word is,
    // not at every position of every sentence
    triggers:
      /\b(?:den(?:ied|ies|y|ying|ial)|dismissed\s+(?:the\s+)?(?:reports?|claims?|allegations?)|rejected\s+(?:the\s+)?(?:reports?|claims?|allegations?|accusations?|statement)|(?:rejected|dismissed)(?<=\b(?:claims?|accusations?|allegations?|reports?)\s+(?:[\w'’-]+\s+){0,4}(?:rejected|dismissed)))\b/gi,
    description: "Denial of a report, claim or responsibility.",
  },
  {
    type: "accusation",
    cameo: { code: "112", label: "Accuse, not specified below" },
    plover: { type: "ACCUSE" },
    triggers:
      /\b(?:(?:illegally|unlawfully)\s+\w+ed|accus(?:ed|es|ing|ation|ations)|blam(?:ed|es|ing)|condemn(?:ed|s|ing)?|called\s+(?:the|it|this|that|their|his|her|its|an?)\s+(?:[\w-]+\s+){0,3}?(?:an?\s+)?["“]?(?:threat|provocat\w*|violation|aggression|illegal|unacceptable|dangerous|reckless|act\s+of))/gi,
    description: "Accusation or condemnation.",
  },
  {
    type: "sanction",
    cameo: { code: "163", label: "Impose embargo, boycott, or sanctions" },
    plover: { type: "SANCTION" },
    triggers:
      /\b(?:sanction(?:ed|s|ing)?|embargo(?:es)?|blacklist(?:ed)?|export\s+(?:ban|controls?)|asset\s+freezes?)\b/gi,
    description: "Sanctions, embargoes, blacklisting, export controls.",
  },
  {
    type: "diplomatic-meeting",
    cameo: { code: "040", label: "Consult, not specified below" },
    plover: { type: "CONSULT" },
    triggers:
      /\b(?:met\s+with|met\s+(?:in|on|at)|met\s+(?:(?:his|her|their)\s+(?:[\w-]+\s+){0,2}?counterparts?|(?:[\w-]+\s+)?(?:president|prime\s+minister|chancellor|king|crown\s+prince|emir|foreign\s+minister|defen[cs]e\s+(?:minister|secretary)|secretary|gen\.?|general|admiral|officials|leaders|ministers|envoys?|delegations?|representatives)\b)|meeting|summit|talks|held\s+talks|visit(?:ed|s)?|hosted|(?:(?:due|expected|set|scheduled|plan(?:s|ned)?)\s+to|will|would)\s+meet|meet\s+again|(?:send|sent|sending|dispatch(?:ed|es|ing)?)\s+(?:a\s+|an\s+)?(?:[\w-]+\s+)?delegation)\b/gi,
    description: "Meeting, talks, visit or summit.",
  },
  {
    type: "agreement",
    cameo: { code: "057", label: "Sign formal agreement" },
    plover: { type: "AGREE" },
    triggers:
      /\b(?:sign(?:ed|s|ing)\s+(?:\w+\s+){0,4}?(?:agreement|accord|treaty|memorandum|pact|deal|declaration)|agreement|accord|treaty|memorandum\s+of\s+understanding|pact|ceasefire|truce|armistice|agreed\s+(?:(?:in|on|last|this)\s+\w+\s+)?(?:to|on)|agreed\s+that)\b/gi,
    description: "Formal agreement, treaty or memorandum.",
  },
  {
    type: "military-cooperation",
    cameo: { code: "062", label: "Cooperate militarily" },
    plover: { type: "COOPERATE", mode: "military" },
    triggers:
      /\b(?:military\s+cooperation|defen[cs]e\s+cooperation|cooperation|partnership|train(?:s|ed|ing)?\s+(?:[\w-]+\s+){0,3}?(?:troops|soldiers|pilots|crews|forces|commandos|officers|personnel|units)|alliance)\b/gi,
    description: "Military cooperation, training of another country's forces, partnership.",
  },
  {
    type: "attack",
    cameo: { code: "190", label: "Use conventional military force, not specified below" },
    plover: { type: "ASSAULT" },
    triggers:
      /\b(?:attack(?:ed|s|ing)?|strik(?:e|es|ing)|struck|airstrikes?|air\s+strikes?|shell(?:ed|ing)|bomb(?:ed|ing|ardment)|hit|targeted|barrage|raid(?:ed|s)?|assault(?:ed|s)?|repel(?:led|s)|repuls(?:ed|es)|fought\s+off|beat\s+back|offensive|fighting|fought|invasion|invaded|ambush(?:ed|es|ing)?|stormed(?=\s+(?:the|a|an|into|its|their|two|three|several|\d+)\s(?![\w-]*\s?(?:vessel|ship|tanker|boat|carrier|freighter)))|suicide\s+(?:bomber|bombing|attack)s?|(?:car|truck|roadside)\s+bomb(?:ing)?s?|shot\s+dead|open(?:ed|ing|s)?\s+(?:[\w-]+\s+){0,2}?fire|exchanged\s+(?:[\w-]+\s+){0,2}?fire|sank(?=\s+(?:a|an|the|its|their|two|three|four|several|\d+)\s)|used\s+(?:[\w-]+\s+){0,6}?(?:missiles?|drones?|rockets?|bombs?|munitions|launchers?|artillery|howitzers?|guns?|systems?|MLRS|tanks?)\s+against|(?:has|have|had)\s+used(?=\s+(?:[\w-]+\s+){0,4}?(?:missiles|drones|rockets|bombs|munitions)\b)|clash(?:ed|es)?\s+with\s+(?:[\w'’-]+\s+){0,4}?(?:rebels|militants|militiamen|militias?|guerrillas|fighters|insurgents|jihadists|gunmen|forces|troops|soldiers|army)|(?:armed|heavy|fierce|deadly|intense|renewed)\s+clashes|overr?an|fir(?:ed|ing)\s+(?:on|first)|violat(?:ed|ing|es?)\s+(?:the\s+|a\s+)?(?:\d{4}\s+)?(?:ceasefire|truce)|killed\s+(?:(?:at\s+least|about|some|more\s+than|up\s+to|[\d,]+|two|three|four|five|six|seven|eight|nine|ten|dozens\s+of|several|a\s+senior|a\s+top|the)\s+){1,3}(?:[\w-]+\s+)?(?:militants|insurgents|fighters|rebels|soldiers|troops|civilians|terrorists|jihadists|gunmen|commanders?|leaders?|people|worshippers|villagers|farmers|protesters|demonstrators|miners|students|police(?:men|\s+officers)?)|destroyed\s+(?:(?!uncrewed|unmanned|explosive|drone|robotic)[\w-]+\s+){0,3}?(?:boats?|vessels?|ships?|positions?|depots?|tanks?|vehicles?|bases?|bridges?|helicopters?|bombers?|convoys?|columns?|launchers?|radars?|air[\s-]defen[cs]e\s+systems?|warehouses?|refiner(?:y|ies)|trains?|locomotives?))\b/gi,
    description: "Attack, strike, shelling or raid; air, missile and drone strikes map to CAMEO 195.",
  },
  {
    type: "interception",
    cameo: { code: "190", label: "Use conventional military force, not specified below" },
    plover: { type: "ASSAULT", mode: "air-defence" },
    triggers:
      /\b(?:intercept(?:ed|s|ing|ion|ions)?|shot\s+down|shoot\s+down|downed|(?<=\b(?:drones?|missiles?|rockets?|UAVs?)\s+(?:were|was|had\s+been|have\s+been)\s+(?:\w+ly\s+)?)destroyed|destroyed\s+(?:[\w-]+\s+){0,3}?(?:drones?|missiles?|rockets?|aircraft|targets?|(?:uncrewed|unmanned|explosive|drone|robotic)\s+(?:boats?|vessels?)))\b/gi,
    description: "Interception of missiles, drones or aircraft.",
  },
  {
    type: "incident",
    cameo: { code: "150", label: "Demonstrate military or police power" },
    triggers:
      /\b(?:crash(?:ed|es)?|collid(?:ed|es)|collision|accident|c[oa]me\s+down|clash(?:ed|es)|jamming|blocked|damaged\s+(?:[\w-]+\s+){0,3}?(?:cables?|pipelines?)|explosion|blast|caught\s+fire|fire\s+broke\s+out|ran\s+aground|lost\s+(?:all\s+)?(?:[\w-]+\s+){0,2}?power|(?<=\b(?:cables?|pipelines?|interconnectors?|links?)\s+)went\s+offline|(?:flew|came|passed)\s+within\s+(?:\d+|a\s+few|several|about|some)\b|sank|unsafe|dangerous\s+(?:manoeuvre|maneuver|intercept)|close\s+encounter|incident|ramm(?:ed|ing)|intrud(?:ed|ing)\s+into|incursions?|water\s+cannons?|crossed\s+into|crossed\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?median\s+line|entered\s+(?:[\w'’-]+\s+){0,3}?(?:waters|airspace|zone)|dragg(?:ed|ing)\s+(?:its\s+)?anchor|violat(?:e|ed|es|ing|ions?)\s+(?:[\w'’-]+\s+){0,2}?(?:airspace|waters|borders?|frontier))\b/gi,
    description: "Incident or accident involving military assets (CAMEO has no accident code; 150 is used).",
  },
  {
    type: "seizure",
    cameo: { code: "171", label: "Seize or damage property" },
    plover: { type: "COERCE", mode: "seize" },
    triggers:
      /\b(?:seiz(?:e|ed|es|ing|ure)|captur(?:e|ed|es|ing)|detain(?:ed|s)?|arrest(?:ed|s)?(?!\s+warrants?\b)|board(?:ed|ing)|confiscat(?:ed|ion)|impounded|hijack(?:ed|ing)|stormed\s+(?:the|a|an)\s+(?:[\w-]+\s+)?(?:vessel|ship|tanker|boat|carrier|freighter)|kidnapp(?:ed|ing)|abduct(?:ed|ing|ion)|retook|retaken|recaptur(?:ed|es|ing)|liberat(?:ed|es|ing)|(?:took|taken|take|gained|gain|regained|regain|assumed|seized)\s+(?:full\s+|complete\s+|total\s+|effective\s+)?control\s+of)\b/gi,
    description:
      'Seizure of a ship, cargo or territory (also as Russia\'s defence ministry tells it, "liberated"); detention.',
  },
  {
    type: "blockade",
    cameo: { code: "191", label: "Impose blockade, restrict movement" },
    plover: { type: "COERCE" },
    triggers:
      /\b(?:blockad(?:e|es|ed|ing)|(?:naval|maritime)\s+(?:siege|cordon)|besieg(?:ed|ing|es?)|(?:laid|lay|lays|laying)\s+siege|siege\s+of|encircl(?:ed|ing)|clos(?:ed|ing|es?)\s+(?:the\s+)?(?:\p{Lu}[\p{L}-]*\s+){0,3}(?:Strait|Straits|Channel|Canal|Gulf|Sound)(?:\s+of\s+\p{Lu}[\p{L}-]*)?\s+to\s+(?:[\w-]+\s+){0,2}?(?:shipping|ships|vessels|traffic|navigation|tankers))/giu,
    description: "Blockade, siege or encirclement, or closure of a sea route, port or territory to traffic.",
  },
  {
    type: "expulsion",
    cameo: { code: "174", label: "Expel or deport individuals" },
    triggers:
      /\b(?:(?:expel(?:led|s|ling)?|expulsions?(?:\s+of)?|deport(?:ed|s|ing)?|deportations?(?:\s+of)?)(?=\s+(?:[\w'’-]+\s+){0,5}?(?:diplomats?|envoys?|ambassadors?|attach[eé]s?|consuls?|embassy\s+staff|officials|nationals|journalists|correspondents|citizens|(?:military\s+)?advisers?|advisors?|peacekeepers)\b)|declared\s+(?:[\w'’.-]+\s+){0,5}?persona\s+non\s+grata|ordered\s+(?:[\w'’-]+\s+){0,5}?(?:diplomats?|envoys?|ambassadors?|attach[eé]s?|consuls?|peacekeepers|troops|forces|advisers?)(?=\s+(?:[\w'’-]+\s+){0,3}?to\s+leave\b))/giu,
    description:
      "Expulsion of diplomats, nationals or foreign forces: expelled, declared persona non grata, ordered to leave.",
  },
  {
    type: "protest",
    cameo: { code: "114", label: "Complain officially" },
    plover: { type: "PROTEST" },
    triggers:
      /\b(?:protest(?:ed|s|ing)?|(?:diplomatic\s+note|note\s+of\s+protest)|summoned\s+(?:[\w'’.-]+\s+){0,3}?(?:ambassador|envoy|charg[eé]\s+d['’]affaires|official|diplomat|representative|deputy)|demonstrat(?:ion|ions|ors|ed)|rall(?:y|ies|ied))\b/gi,
    description: "Official protest (CAMEO 114) or street demonstration (CAMEO 141).",
  },
  {
    type: "statement",
    cameo: { code: "010", label: "Make statement, not specified below" },
    triggers: /\b(?:announc(?:ed|es)|declared|stated)\b/gi,
    description: "Public statement or announcement (only when no more specific event is in the sentence).",
  },
];

export const CAMEO_OVERRIDES = {
  jointExercise: { code: "062", label: "Cooperate militarily" },
  aerialStrike: { code: "195", label: "Employ aerial weapons" },
  nonMilitaryBombing: { code: "183", label: "Conduct suicide, car, or other non-military bombing" },
  artillery: { code: "194", label: "Fight with artillery and tanks" },
  streetProtest: { code: "141", label: "Demonstrate or rally" },
  highAlert: { code: "152", label: "Increase military alert status" },
  abduction: { code: "181", label: "Abduct, hijack, or take hostage" },
  arrest: { code: "173", label: "Arrest, detain, or charge with legal action" },
};
