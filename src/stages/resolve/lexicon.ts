// Word lists the resolver reads as data. Each list says what kind of cue it gives.

/** Words after a place name that make it an acting agent: "Washington warned", "Moscow has denied". */
export const AGENT_VERBS = new Set([
  "said", "says", "say", "warned", "warns", "warn", "denied", "denies", "deny", "accused", "accuses", "accuse",
  "announced", "announces", "announce", "has", "have", "had", "will", "would", "could", "may", "might", "must",
  "should", "responded", "responds", "rejected", "rejects", "condemned", "condemns", "urged", "urges", "called",
  "calls", "demanded", "demands", "insisted", "insists", "claimed", "claims", "agreed", "agrees", "approved",
  "approves", "ordered", "orders", "sent", "sends", "plans", "planned", "wants", "wanted", "threatened", "threatens",
  "protested", "protests", "dismissed", "dismisses", "welcomed", "welcomes", "criticized", "criticised", "criticizes",
  "criticises", "blamed", "blames", "imposed", "imposes", "sanctioned", "sanctions", "hopes", "hoped", "believes",
  "believed", "fears", "feared", "considers", "considered", "confirmed", "confirms", "stated", "states", "vowed",
  "vows", "pledged", "pledges", "signed", "signs", "supplied", "supplies", "delivered", "delivers", "is", "was",
  "retaliated", "reacted", "summoned", "expelled", "recalled", "suspended", "launched", "deployed", "seeks", "sought",
  "insisted", "maintains", "maintained", "views", "argued", "argues", "told", "tells", "declined", "refused",
]);

/** Nouns after a possessive place name that make it an agent: "Beijing's navy", "Moscow's decision". */
export const AGENT_NOUNS = new Set([
  "navy", "army", "military", "government", "decision", "forces", "troops", "policy", "position", "response",
  "officials", "leadership", "regime", "administration", "ministry", "allies", "ally", "envoy", "ambassador",
  "demands", "stance", "warning", "claims", "plans", "strategy", "move", "support", "backing", "aggression",
  "invasion", "war", "offensive", "missiles", "drones", "jets", "warships", "fleet", "air", "defence", "defense",
]);

/** Prepositions that make the next capitalised words a location. */
export const LOCATIVE = new Set(["in", "near", "at", "outside", "off", "along", "from", "across", "into", "toward",
  "towards", "around", "over", "inside", "within", "north", "south", "east", "west", "via", "through", "to", "of",
  "between", "on", "northeast", "northwest", "southeast", "southwest", "beyond"]);

/** Titles before a name: a place name after them is a person's name ("President Lincoln" is not a place). */
export const TITLES = new Set(["mr", "mrs", "ms", "miss", "dr", "sir", "president", "gen", "general", "lt", "col",
  "colonel", "maj", "major", "capt", "captain", "sgt", "adm", "admiral", "sen", "senator", "rep", "gov", "governor",
  "minister", "secretary", "judge", "justice", "prince", "king", "queen", "pope", "saint", "st", "coach", "officer",
  "deputy", "chairman", "spokesman", "spokeswoman", "lord", "lady", "father", "rev", "reverend", "mayor", "chief",
  "prof", "professor", "detective", "sheriff", "commander", "cmdr", "brig", "trooper", "sergeant", "lieutenant"]);

/** Words that signal military or security reporting; nicknames like "Growler" need a few of these. */
export const MILITARY_WORDS = new Set([
  "military", "missile", "missiles", "troops", "army", "navy", "naval", "air", "force", "forces", "defence", "defense",
  "weapon", "weapons", "deployed", "deployment", "systems", "system", "drone", "drones", "battery", "batteries",
  "launcher", "launchers", "radar", "armed", "brigade", "battalion", "regiment", "division", "warship", "warships",
  "fighter", "jets", "aircraft", "artillery", "tank", "tanks", "strike", "strikes", "attack", "exercise", "exercises",
  "drills", "frontline", "front", "ministry", "combat", "sam", "interceptor", "interceptors", "submarine", "fleet",
  "airbase", "base", "bases", "ammunition", "shelling", "offensive", "munitions", "warhead", "ballistic", "cruise",
  "anti-aircraft", "air-defence", "air-defense", "soldiers", "militia", "mobilization", "mobilisation", "ordnance",
]);

/** Nouns right after an equipment name that confirm it is equipment: "Patriot batteries", "Buk launcher". */
export const EQUIPMENT_HEADS = new Set([
  "system", "systems", "battery", "batteries", "launcher", "launchers", "missile", "missiles", "interceptor",
  "interceptors", "jet", "jets", "fighter", "fighters", "aircraft", "drone", "drones", "tank", "tanks", "howitzer",
  "howitzers", "helicopter", "helicopters", "radar", "radars", "frigate", "frigates", "destroyer", "destroyers",
  "submarine", "submarines", "unit", "units", "rocket", "rockets", "vehicle", "vehicles", "air", "sam", "sams",
  "complex", "complexes", "warship", "corvette", "corvettes", "bomber", "bombers", "munition", "munitions", "class",
  "variant", "variants", "platform", "platforms", "airframe", "airframes", "crew", "crews", "sites", "site",
]);

/** Demonym followed by these is a modifier of origin ("Russian-made"), not a people or a state. */
export const ORIGIN_SUFFIXES = new Set(["made", "built", "designed", "supplied", "produced", "manufactured", "origin"]);

/** Unit nouns for "the 810th Naval Infantry Brigade" style unit names. */
export const UNIT_NOUNS = new Set(["brigade", "division", "regiment", "battalion", "corps", "army", "fleet",
  "squadron", "wing", "flotilla", "group", "detachment", "company", "battery", "command", "task"]);
