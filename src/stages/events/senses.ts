// Word senses that are not events: a trigger word used as a modifier ("attack drones", "supply boat"), in
// another sense ("a court order", "received a report", "navigational warnings"), or telling a habit rather
// than a happening ("Iran regularly announces seizures"). Rules as data, each with a name, so --explain and
// the tests can say which one dropped a trigger.

export interface SenseRule {
  name: string;
  /** event types the rule applies to; empty means all */
  types: string[];
  /** the trigger text must match this */
  trigger: RegExp;
  /** text just before the trigger (up to 80 characters) */
  before?: RegExp;
  /** text just after the trigger (up to 60 characters) */
  after?: RegExp;
  /** the rule does not apply when the text after the trigger matches this */
  unlessAfter?: RegExp;
}

/** Nouns that a trigger word can modify: "attack drones", "launch site", "exercise area", "supply point". */
const MODIFIED_HEAD =
  /^[ -](?:drones?|helicopters?|aircraft|submarines?|boats?|craft|vessels?|ships?|jets?|planes?|groups?|forces?|units?|battalions?|brigades?|capabilit(?:y|ies)|ranges?|areas?|zones?|sites?|pads?|vehicles?|backlogs?|lines?|capacity|rates?|programmes?|programs?|plans?|packages?|points?|chains?|routes?|corridors?|network|convoys?|runs?|depots?|hubs?|teams?|pilots?|regimes?|lists?|officials?|cells?|tubes?|batch(?:es)?|halls?|stations?|facilit(?:y|ies)|complex(?:es)?|silos?|platforms?)\b/i;

export const NOT_EVENT_SENSES: SenseRule[] = [
  {
    name: "noun-modifier",
    types: [],
    trigger:
      /^(?:attack|strike|assault|launch|launching|test|exercise|drill|supply|delivery|production|patrol|raid|fighting)$/i,
    after: MODIFIED_HEAD,
  },
  {
    name: "part-of-a-name",
    types: [],
    trigger: /^\p{Lu}\p{Ll}+$/u,
    before: /\p{Lu}[\p{L}-]*\s$/u,
  },
  {
    // "Western-supplied weapons", "Iranian-made drones": the second half of a compound adjective
    name: "compound-adjective",
    types: [],
    trigger: /^\w/,
    before: /\w-$/,
  },
  {
    name: "supply-as-noun",
    types: ["delivery"],
    trigger: /^supply$/i,
    before: /(?:^|[^\w])(?:oil|fuel|energy|gas|food|water|power|world's|global|the|a|its|their|of)\s+$/i,
  },
  {
    name: "received-information",
    types: ["delivery", "deployment"],
    trigger: /^receiv(?:ed|e|es|ing)$/i,
    after:
      /^\s+(?:(?:a|an|the|no|several|multiple|many)\s+)?(?:reports?|calls?|information|complaints?|requests?|messages?|letters?|notes?|briefings?|word|confirmation|assurances?|invitations?|intelligence)\b/i,
  },
  {
    // "acting on Moscow's orders", "under orders from the general staff": commands, not purchases
    name: "orders-obeyed",
    types: ["procurement"],
    trigger: /^orders?$/i,
    before:
      /\b(?:on|under|following|against|defying|obeying|by)\s+(?:(?:the|his|her|their|its|direct)\s+|\S+['’]s\s+)?$/i,
  },
  {
    name: "order-as-command",
    types: ["procurement"],
    trigger: /^order(?:s|ed)?$/i,
    before: /(?:court|executive|presidential|restraining|on\s+the|under\s+(?:a|the|an))\s+$/i,
  },
  {
    name: "ordered-someone-to",
    types: ["procurement"],
    trigger: /^ordered$/i,
    after:
      /^\s+(?:(?:the|an?|its|his|her|their)\s+)?(?:[\w-]+\s+){0,3}?(?:check|inspection|investigation|probe|review|evacuation|withdrawal|halt|troops|forces|units?|military|army|navy|drills?|exercise|mobili[sz]ation|conscription|call-up|curfew|closure|arrests?|retaliation|reservists|residents|civilians|people|inhabitants|population|expulsion|deportation|departure|release|recall|suspension|to)\b/i,
  },
  {
    // "a hub for Western military aid to Ukraine", "the main route for arms supplies": what a place is for
    name: "what-a-place-is-for",
    types: ["delivery"],
    trigger: /./,
    before:
      /\b(?:hub|route|conduit|corridor|centre|center|gateway|channel|artery|lifeline|base)\s+for\s+(?:[\w-]+\s+){0,2}$/i,
  },
  {
    // "the imagery, captured on November 12", "footage captured by a drone": pictures taken, not a seizure
    name: "pictures-captured",
    types: ["seizure"],
    trigger: /^captur/i,
    before:
      /\b(?:images?|imagery|photos?|photographs?|pictures?|footage|videos?|scenes?|moments?|data)\s*,?\s+(?:(?:that|which)\s+(?:was|were)\s+)?$/i,
  },
  {
    // "sanctions-busting", "sanctions-hit": the first half of a compound adjective
    name: "compound-adjective-first",
    types: ["sanction", "attack", "seizure", "delivery"],
    trigger: /./,
    after: /^-(?:busting|evading|dodging|hit|related|proof|free|linked|exposed|era|resistant)\b/i,
  },
  {
    // "In a separate incident, gunmen attacked ...": the words that open the next event, no event of their own
    name: "separate-incident",
    types: ["incident"],
    trigger: /^incident$/i,
    before:
      /\b(?:in|during)\s+(?:a|an|another)\s+(?:separate|unrelated|similar|earlier|later|second|related)\s+$/i,
  },
  {
    // "rescued 11 kidnapped schoolgirls", "the abducted workers": those taken, named by it
    name: "taken-as-adjective",
    types: ["seizure"],
    trigger: /^(?:kidnapped|abducted|detained|captured|seized)$/i,
    before:
      /\b(?:the|\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens\s+of|several|some|all|other|remaining)\s+$/i,
    after:
      /^\s+(?:[\w-]+\s+)?(?:schoolgirls|schoolboys|students|pupils|children|girls|boys|women|men|workers|villagers|hostages|people|passengers|crew|sailors|fishermen|tankers?|ships?|vessels?|soldiers|civilians)\b/i,
  },
  {
    // "sent a letter to", "sent a message to Moscow", "sent condolences to": words sent, not forces
    name: "words-sent",
    types: ["deployment", "delivery"],
    trigger: /^(?:(?:will|would)\s+)?sen[dt]/i,
    after:
      /^\s+(?:(?:a|an|the|its|his|her|their|two|three|several|strong|clear|formal|written)\s+)*(?:letters?|messages?|notes?|invitations?|signals?|condolences|greetings|congratulations|warnings?|reports?|requests?|proposals?|emails?|memos?|documents?|questions?|complaints?|list|lists|tweets?|text|texts|envoys?|delegations?|representatives?|observers?)\b/i,
  },
  {
    // "to restore order", "law and order", "the rules-based order", "in order to": order kept, not bought
    name: "order-kept",
    types: ["procurement"],
    trigger: /^order$/i,
    before:
      /\b(?:restor(?:e|ed|es|ing)|maintain(?:ed|s|ing)?|keep(?:s|ing)?|kept|law\s+and|public|constitutional|social|world|new|rules-based|international|political|security|in)\s+$/i,
  },
  {
    // "Police fired tear gas", "fired rubber bullets at protesters": crowd control, not a weapons launch
    name: "crowd-control",
    types: ["weapons-test"],
    trigger: /^fired$/i,
    after:
      /^\s+(?:(?:volleys|rounds|canisters)\s+of\s+)?(?:tear\s*gas|rubber(?:-coated)?\s+bullets|pepper\s+spray|stun\s+grenades|flash-?bangs|plastic\s+bullets)\b/i,
  },
  {
    // "fired warning shots": shots, not a warning given
    name: "warning-shots",
    types: ["warning"],
    trigger: /^warning$/i,
    after: /^\s+(?:shots?|flares?)\b/i,
  },
  {
    // "Minsk hosted Russian Oreshnik missiles": forces or weapons hosted, not a meeting
    name: "hosting-forces",
    types: ["diplomatic-meeting"],
    trigger: /^host(?:ed|s|ing)?$/i,
    after:
      /^\s+(?:[\w-]+\s+){0,3}?(?:missiles?|troops|forces|soldiers|jets|aircraft|drones|weapons|warheads|systems|bases?|warships|ships|battalions?|brigades?|units?)\b/i,
  },
  {
    // "Typhoon Kong-rey hit Taiwan", "an earthquake struck", "floods battered": weather and quakes, not an attack
    name: "natural-hazard",
    types: ["attack"],
    trigger: /^(?:hit|hits|struck|strikes|battered|pounded|lashed|ravaged|slammed)$/i,
    before:
      /\b(?:typhoon|hurricane|cyclone|storm|earthquake|quake|tsunami|floods?|flooding|wildfires?|bushfires?|tornado(?:es)?|landslides?|mudslides?|heatwave|blizzard|drought)s?\s+(?:\p{Lu}[\p{L}'’-]*\s+){0,2}$/iu,
  },
  {
    name: "under-a-contract",
    types: ["procurement", "agreement"],
    // "under an agreement signed in Istanbul in January": the signing is told, so it is an event
    unlessAfter: /^\s+(?:signed|reached|concluded|agreed)\b/i,
    trigger: /^(?:contract|agreement|deal|accord|treaty)$/i,
    before:
      /(?:under|by|in\s+line\s+with|violating|breach\s+of|violation\s+of)\s+(?:the|a|an|its|their)?\s*(?:[\w-]+\s+){0,2}$/i,
  },
  {
    // "has bought air defence systems since the 2022 invasion", "its first such drill since the war": a
    // happening the story counts time from, not one it tells (one told before is told already); one
    // told with its own actor or place is told ("since Russia's full-scale invasion of Ukraine")
    name: "time-counted-from",
    types: [],
    trigger:
      /^(?:attacks?|invasion|offensive|strikes?|war|raids?|coup|fighting|exercises?|drills?|deployment|tests?|launch)$/i,
    before: /\bsince\s+(?:the|its|their)\s+(?:[\w'’.-]+\s+){0,2}$/i,
    // "since Russia's full-scale invasion of Ukraine in 2022" tells the invasion, with its own actor and place
    unlessAfter: /^\s+(?:of|on|in|against|by)\b/i,
  },
  {
    // "Reuters later withdrew the report", "retracted its story": an editorial act, not troops withdrawn
    name: "report-withdrawn",
    types: [],
    trigger: /^(?:withdr(?:ew|awn|awal|awing|aws?)|pulled)$/i,
    after:
      /^\s+(?:the|its|their|a|an|that)\s+(?:[\w-]+\s+)?(?:report|reports|story|stories|article|claim|statement|figures?|remarks|tweet|post)\b/i,
  },
  {
    // "threatened to attack Turkish bases": what is threatened is the threat's, told by it (the threat
    // event), not an attack of its own
    name: "content-of-threat",
    types: ["attack", "seizure", "blockade", "sanction", "expulsion"],
    trigger: /^\w/,
    before: /\bthreat(?:en(?:ed|s|ing)?|s)?\s+to\s+$/i,
  },
  {
    // "several Chinese companies accused of supplying drone components": a participle that describes those
    // named, not an accusation the story tells (what they are accused of is still told, as reported)
    name: "accused-as-description",
    types: ["accusation"],
    trigger: /^accused$/i,
    before:
      /\b(?:companies|firms|entities|individuals|people|men|women|officials|groups|networks|suppliers|vessels|ships|those|others)\s+$/i,
    after: /^\s+of\b/i,
  },
  {
    // "struck the depot, which it said supplied Russian forces": what a target is said to do, not a
    // delivery the story tells
    name: "role-of-a-target",
    types: ["delivery"],
    trigger: /^(?:supplied|supplies|supplying|served|serves)$/i,
    before:
      /\b(?:which|that)\s+(?:(?:it|they|officials|the\s+\w+)\s+(?:said|says|believes?|claimed)\s+)?(?:had\s+|has\s+|was\s+)?$/i,
    after: /^\s+(?:the\s+)?(?:[\w-]+\s+)?(?:forces|troops|army|front|units|frontline|military)\b/i,
  },
  {
    // "the first attack since the ceasefire", "a violation of the November 2024 ceasefire": a standing
    // ceasefire referred to, not one agreed in the story ("despite a ceasefire agreed in Doha" is one)
    name: "ceasefire-referred-to",
    types: ["agreement"],
    trigger: /^(?:ceasefire|cease-fire|truce|armistice)$/i,
    before:
      /\b(?:since|of|violat\w*|breach\w*|despite|under|during|throughout|after|before|until|observ\w*|respect\w*|uphold\w*|threaten\w*|undermin\w*|jeopardi[sz]\w*|fragile|existing|current)\s+(?:(?:the|a|an|its|their|this|that)\s+)?(?:[\w'’-]+\s+){0,2}$/i,
    unlessAfter:
      /^\s+(?:(?:was|were|is|has\s+been|had\s+been)\s+)?(?:agreed|signed|reached|brokered|announced|declared|took\s+effect|came\s+into\s+(?:force|effect)|went\s+into\s+effect)\b/i,
  },
  {
    name: "navigational-warning",
    types: ["warning"],
    trigger: /^warnings?$/i,
    before: /(?:navigational|navigation|maritime|aviation|storm|weather|notam|early)\s+$/i,
  },
  {
    name: "test-as-check",
    types: ["weapons-test"],
    trigger: /^(?:test|tests|tested|testing)$/i,
    after:
      /^\s+(?:[\w-]+\s+){0,3}?(?:readiness|how|whether|ability|capabilit|response|coordination|interoperability|procedures|network|resolve|defences|defenses)/i,
  },
  {
    name: "meeting-as-venue",
    types: ["diplomatic-meeting"],
    trigger: /^meeting$/i,
    before: /(?:told|addressed|at|during|before|to)\s+(?:a|the)\s+$/i,
  },
  {
    name: "send-a-message",
    types: ["deployment"],
    trigger: /^(?:will\s+)?send/i,
    after:
      /^\s+(?:(?:a|an|the)\s+)?(?:[\w-]+\s+)?(?:note|letter|message|delegation|envoy|condolences|signal|invitation|request)s?\b/i,
  },
  {
    name: "participle-describing-a-noun",
    types: ["deployment"],
    trigger: /^(?:flying|heading|sailing|operating|calling)\b/i,
    before:
      /(?:^|[^\w])(?:jets?|aircraft|planes?|drones?|ships?|vessels?|helicopters?|bombers?|missiles?|boats?|systems?|batteries|launchers?|craft|troops|forces|units?)\s+$/i,
  },
  {
    // "the jamming came from electronic warfare systems deployed in the Kaliningrad region": a participle that
    // says where things are, inside a phrase, not a deployment told
    name: "reduced-relative",
    types: ["deployment"],
    trigger: /^(?:deployed|stationed|positioned|based)$/i,
    before:
      /\b(?:from|of|by|with|against|at|to|on)\s+(?:the\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,3}?(?:systems?|units?|troops|forces|batteries|launchers?|jets|aircraft|missiles?|weapons|ships?|vessels?|radars?)\s+$/i,
  },
  {
    // "About 3,000 ships passed through the Strait of Hormuz last year": traffic counted, not a move told
    name: "traffic-counted",
    types: ["deployment"],
    trigger: /^(?:transit|passed)/i,
    before:
      /\b(?:\d{1,3}(?:,\d{3})+|\d{3,}|hundreds\s+of|thousands\s+of)\s+(?:[\w-]+\s+){0,2}?(?:ships|vessels|tankers|boats|freighters|carriers)\s+(?:have\s+|had\s+)?$/i,
  },
  {
    name: "habit-not-happening",
    types: [],
    trigger: /./,
    before: /\b(?:regularly|routinely|often|usually|frequently|typically|normally)\s+(?:[\w-]+\s+){0,5}$/i,
  },
  {
    // "rehearsing electronic launches of Iskander-M missiles": a drill's simulated firing is part of the drill
    name: "simulated-launch",
    types: ["weapons-test", "attack"],
    trigger: /^(?:launch|launches|launching|firings?|strikes?)$/i,
    before: /\b(?:electronic|simulated|mock|dry|notional|computer-simulated|virtual)\s+$/i,
  },
  {
    // "did not say how many missiles were fired": a question about the event already told, not another one
    name: "embedded-question",
    types: [],
    trigger: /^\w+ed$/i,
    before:
      /\b(?:how\s+(?:many|much)\s+|(?:say|said|says|disclose|disclosed|specify|specified|unclear|know|known|confirm|confirmed|explain|explained|asked|reveal|revealed)\s+(?:where|when|whether|why|how)\s+)(?:[\w-]+\s+){0,3}(?:were|was|had\s+been|have\s+been|had|has|have|it|they)\s+$/i,
  },
  {
    // "Police did not say who launched the drones", "without saying who fired them": who did it is asked,
    // the act is the one told already
    name: "asked-who",
    types: [],
    trigger: /^\w+ed\b/i,
    before:
      /\b(?:say|said|says|saying|disclose|specify|know|known|unclear|confirm|identify|identified|explain|reveal)\s+(?:who|which\s+(?:side|group|country|force))\s+(?:had\s+|has\s+|was\s+|were\s+)?$/i,
  },
  {
    // "The alliance did not say how the force would be funded": an organisation speaking, not an alliance formed
    name: "organisation-as-subject",
    types: [],
    trigger: /^(?:alliance|coalition|bloc|pact)$/i,
    after: /^\s+(?:said|says|did|does|has|have|had|will|would|is|was|stated|announced|added|declined)\b/i,
  },
  {
    // "said it opposed unilateral sanctions": sanctions as the thing criticised, not sanctions imposed
    name: "sanctions-opposed",
    types: ["sanction"],
    trigger: /^(?:sanctions?|embargo(?:es)?)$/i,
    before:
      /\b(?:oppos(?:ed|es|e)|against|criticis(?:ed|es)|criticiz(?:ed|es)|condemn(?:ed|s)|rejects?|rejected)\s+(?:[\w-]+\s+){0,2}$/i,
  },
  {
    // "would respond to any attack", "a possible invasion": an attack that may never come is not one that happened
    name: "hypothetical-object",
    types: ["attack", "incident"],
    trigger: /^(?:attacks?|strikes?|invasion|aggression|incursions?|assault|provocations?)$/i,
    // ("has not carried out any strike in Iran" denies a strike: no hypothesis)
    before:
      /\b(?<!\b(?:not|never|\w+n['’]t)\s+(?:[\w-]+\s+){0,3})(?:any|every|possible|potential|future|eventual|hypothetical)\s+(?:[\w-]+\s+)?$/i,
  },
  {
    // "the Baltic Fleet launched an exercise", "launched an investigation": an undertaking begun, not a
    // weapon fired (the undertaking, when it is an event, has its own trigger)
    name: "launched-undertaking",
    types: ["weapons-test"],
    trigger: /^(?:launch(?:ed|es|ing)?)$/i,
    after:
      /^\s+(?:(?:a|an|the|its|their|his|her|new|large-scale|major|joint|snap|surprise|fresh|full-scale|formal|criminal|military|naval|\d+-day|week-long|month-long)\s+){0,3}(?:exercises?|drills?|manoeuvres?|maneuvers?|operations?|offensives?|investigations?|inquir(?:y|ies)|probes?|campaigns?|initiatives?|programmes?|programs?|counter-?offensives?|attacks?|assaults?|raids?|strikes?|invasion|incursions?|reviews?|talks|appeals?|bids?|negotiations?|missions?|patrols?|air\s+policing)\b/i,
  },
  {
    // "NATO launched Baltic Sentry, a mission to protect undersea infrastructure": an undertaking named,
    // then said to be one
    name: "launched-named-undertaking",
    types: ["weapons-test"],
    trigger: /^(?:launch(?:ed|es|ing)?)$/i,
    after:
      /^\s+(?:\p{Lu}[\p{L}-]*\s?){1,3},\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:mission|operation|exercise|drills?|initiative|campaign|programme|program)\b/u,
  },
  {
    // "He left Paris on Monday": leaving is a withdrawal only of forces ("the last French soldiers left")
    name: "left-without-forces",
    types: ["deployment"],
    trigger: /^(?:left|leave|leaves|leaving)$/i,
    before:
      /^(?![\s\S]*\b(?:troops|soldiers|forces|army|navy|military|marines|units?|contingents?|peacekeepers|battalions?|brigades?|warships?|ships?|vessels?|frigates?|destroyers?|carriers?|submarines?|jets|aircraft|personnel|mission|fleet|group)\b)/i,
  },
  {
    // "the ability to track and respond to missile launches", "to deter attacks": what a force is able to
    // meet, not something that happened
    name: "capability-object",
    types: ["weapons-test", "attack"],
    trigger: /^(?:launch(?:es)?|attacks?|strikes?|incursions?|threats?)$/i,
    before:
      /\b(?:track|detect|respond\s+to|counter|defend\s+against|deter|intercept|withstand|repel|repelling|deterring|countering|tracking|detecting)\s+(?:(?:a|an|the|any|future|possible)\s+)?(?:[\w-]+\s+){0,2}$/i,
  },
  {
    // "the latest in a string of incursions": the earlier ones summed up, not one told
    name: "latest-in-a-series",
    types: [],
    trigger: /./,
    before:
      /\b(?:latest|last|newest)\s+in\s+an?\s+(?:long\s+)?(?:string|series|spate|wave|line|succession)\s+of\s+(?:[\w-]+\s+)?$/i,
  },
  {
    // "conducted drills without warning": no warning was given
    name: "without-warning",
    types: ["warning"],
    trigger: /^warnings?$/i,
    before: /\bwithout\s+(?:any\s+|prior\s+|advance\s+|a\s+|much\s+)?$/i,
  },
  {
    // "Chad ended its defence cooperation agreement with France": an agreement undone, not one signed
    name: "agreement-ended",
    types: ["agreement", "military-cooperation"],
    trigger: /^(?:agreement|accord|pact|deal|treaty|cooperation|partnership)$/i,
    before:
      /\b(?:ended|ends|terminated|terminates|scrapped|cancel+ed|suspended|revoked|tore\s+up|withdrew\s+from|withdraws\s+from|pulled\s+out\s+of|exited|quit|abandoned|renounced|denounced)\s+(?:[\w'’-]+\s+){0,4}$/i,
  },
  {
    // "suspended talks on EU accession": talks that will not be held
    name: "talks-halted",
    types: ["diplomatic-meeting"],
    trigger: /^(?:(?:held\s+)?talks|negotiations|meetings?|summit)$/i,
    before:
      /\b(?:suspended|suspends|halted|called\s+off|broke\s+off|cancel+ed|postponed|froze|frozen|walked\s+out\s+of|pulled\s+out\s+of|refused)\s+(?:[\w'’-]+\s+){0,3}$/i,
  },
  {
    // "handed over control of the Tishrin Dam": territory handed over, not arms delivered
    name: "handover-of-control",
    types: ["delivery"],
    trigger: /^(?:handed|hands|handing)\s+over$/i,
    after:
      /^\s+(?:full\s+|complete\s+)?(?:control|power|authority|command|security|responsibility|the\s+keys)\b/i,
  },
  {
    // "raising fears of renewed fighting", "the risk of a wider war": what is feared has not happened
    name: "feared",
    types: ["attack", "incident"],
    trigger: /^(?:fighting|clashes|war|attacks?|strikes?|invasion|escalation|hostilities|offensive)$/i,
    before:
      /\b(?:fears?|feared|risk|threat|prospect|spectre|specter|danger|concerns?|worries|possibility)\s+(?:of|about|over|that)\s+(?:an?\s+|the\s+)?(?:renewed\s+|new\s+|further\s+|wider\s+|full-scale\s+|all-out\s+|major\s+|possible\s+|an?\s+)?$/i,
  },
  {
    // "simulating a Chinese invasion", "rehearsing a strike on the port": what a drill plays out
    name: "simulated-object",
    types: ["attack"],
    trigger: /^(?:attacks?|strikes?|invasion|assault|landing|blockade|war)$/i,
    before:
      /\b(?:simulat\w*|rehears\w*|practi[cs]\w*|mimic\w*|play(?:ed|ing)\s+out)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}$/i,
  },
  {
    // "would respond to any deployment of Tomahawks", "any transfer of Taurus missiles would be seen as":
    // whatever is spoken of as "any" has not happened (and its actor is no one the sentence names)
    name: "any-such",
    types: ["deployment", "delivery", "procurement", "weapons-test", "exercise", "sanction"],
    trigger:
      /^(?:deployments?|stationing|transfers?|deliver(?:y|ies)|shipments?|supply|supplies|sales?|purchases?|tests?|launch(?:es)?|exercises?|drills?|sanctions?)$/i,
    before:
      /\b(?:any|every)\s+(?:(?:new|further|additional|such|future|possible|[\w-]+-(?:made|built|range))\s+)?$/i,
  },
  {
    // "the allies' rehearsals for invasion", "practising for a strike": what is rehearsed has not happened
    name: "rehearsal-for",
    types: ["attack"],
    trigger: /^(?:attacks?|strikes?|invasion|assault|war)$/i,
    before: /\b(?:rehears\w*|practi[cs]\w*|preparations?|simulat\w*)\s+(?:for|of)\s+(?:an?\s+|the\s+)?$/i,
  },
  {
    // "a defence cooperation agreement", "talks on renewing counter-narcotics cooperation": the agreement
    // or the talks are the event, the cooperation their subject
    name: "cooperation-as-subject",
    types: ["military-cooperation"],
    trigger:
      /^(?:(?:defen[cs]e|military|security|economic)\s+(?:and\s+\w+\s+)?)?(?:cooperation|partnership)$/i,
    after: /^\s+(?:agreement|accord|pact|deal|declaration|treaty|memorandum|framework)\b/i,
  },
  {
    name: "cooperation-as-topic",
    types: ["military-cooperation"],
    trigger: /^(?:(?:defen[cs]e|military|security)\s+)?(?:cooperation|partnership)$/i,
    before:
      /\b(?:agreement|declaration|accord|pact|treaty|memorandum|talks|deal)\b[^.]{0,50}\b(?:on|for|about)\s+(?:[\w-]+\s+){0,3}$/i,
  },
  {
    // "a stated range of 400 km": the adjective, not an announcement
    name: "stated-as-adjective",
    types: ["statement"],
    trigger: /^stated$/i,
    before: /\b(?:a|an|the|its|their|his|her)\s+$/i,
  },
  {
    name: "copular-predicate",
    types: ["incident"],
    trigger: /^(?:accident|incident)$/i,
    before: /\b(?:was|is|were|be|been)\s+(?:not\s+)?(?:an?|the)\s+$/i,
  },
];

const RULES_BY_TYPE = new Map<string, SenseRule[]>();

/** The rules that apply to an event type, in their order (worked out once per type). */
function rulesFor(type: string): SenseRule[] {
  let rules = RULES_BY_TYPE.get(type);
  if (!rules) {
    rules = NOT_EVENT_SENSES.filter((r) => !r.types.length || r.types.includes(type));
    RULES_BY_TYPE.set(type, rules);
  }
  return rules;
}

/** The rule that says this trigger is not an event, if any. */
export function notEventSense(
  type: string,
  trigger: string,
  before: string,
  after: string,
): string | undefined {
  for (const r of rulesFor(type)) {
    if (!r.trigger.test(trigger)) continue;
    if (r.before && !r.before.test(before)) continue;
    if (r.after && !r.after.test(after)) continue;
    if (r.unlessAfter?.test(after)) continue;
    return r.name;
  }
  return undefined;
}
