// docs/events.md, rendered from the ontology (EVENT_TYPES, CAMEO_OVERRIDES).
import { CAMEO_OVERRIDES, EVENT_TYPES } from "./ontology.js";

export function eventsMarkdown(): string {
  const rows = EVENT_TYPES.map(
    (e) =>
      `| \`${e.type}\` | ${e.cameo.code} ${e.cameo.label} | ${e.plover ? `${e.plover.type}${e.plover.mode ? ` (${e.plover.mode})` : ""}` : "-"} | ${e.description} |`,
  );
  const overrides = Object.entries(CAMEO_OVERRIDES).map(([k, v]) => `| ${k} | ${v.code} ${v.label} |`);
  return `# Event ontology

Generated from \`src/stages/events/ontology.ts\` by \`npm run docs\`; do not edit by hand.

Each event has a \`type\` from this table, the most specific CAMEO code that fits (\`cameo: {code, label}\`, so
results line up with GDELT-style data), and a PLOVER category and mode where one fits (ACLED/POLECAT style).
Triggers are regular expressions over a sentence (rules as data); \`orbat analyze --explain\` shows the trigger,
the rule and the cues behind every event.

| type | CAMEO | PLOVER | what it covers |
|---|---|---|---|
${rows.join("\n")}

## Context refinements

The base code above is refined from the sentence:

| when | CAMEO |
|---|---|
${overrides.join("\n")}

- \`jointExercise\`: an exercise with a second actor, "joint", or "with <Country>" (not "its border with <Country>").
- \`nonMilitaryBombing\`: an attack by a suicide, car, truck or roadside bomb or bomber.
- \`aerialStrike\`: an attack with air, drone, missile or rocket words.
- \`artillery\`: an attack by shelling, artillery or mortars.
- \`streetProtest\`: a protest by demonstrators or a rally rather than an official complaint.
- \`highAlert\`: a deployment with "high alert" or "combat alert".

"launched" and "fired" are a weapons test unless the sentence aims them at a target ("at", "on", "against" a
place) or tells them by the night they came in ("launched three Kinzhal missiles overnight"), in which case
they are an attack; in a sentence that already reports an attack or interception they
are part of it. "hit" is a strike after a weapon ("BrahMos missiles hit runways", "a drone hit") or before
its object or scene ("hit the port", "hit Lviv", "hit near Erbil airport"), not "a hit" nor "hit record
highs". An expulsion is of people (diplomats, envoys, nationals, journalists, advisers, peacekeepers: not
"expelled Russian troops from the village", a fight, nor a student expelled); "ordered French troops to
leave" is the order, asserted, and the leaving is no move of its own. A blockade includes a strait or canal
closed to shipping. Forces or systems "sent" to a named place are a deployment (not a letter, a message or condolences sent,
nor "sent the children to Kyiv", with no forces or systems); weapons other than jets, ships and submarines
sent to places all in another country than the sender's, with no troops, are a delivery ("Germany plans to
send four Patriot launchers to Kyiv"; "the US sent F-35 jets and 300 airmen to Poland" is a deployment).
A siege or an encirclement is a blockade (CAMEO 191); patrols staged or conducted and positions
fortified are deployments. Arrests are seizures (CAMEO 173 for people), not "arrest warrants"; "violated the
ceasefire" is an attack; "firing" at a target is an attack ("accused Armenian forces of firing at its
positions"), and firing told after a drill is the drill ("staged an artillery drill, firing 90 rounds"). Aircraft or forces that "flew over" or "flew near" a place deployed there, and a warship that "passed through
the English Channel" (not a flight or passage with no forces, warships or aircraft: "the birds flew over the
house", "two tankers passed through the Strait of Hormuz"; nor traffic counted: "3,000 ships passed
through"). A warning that speaks of force ("retaliate", "consequences", "unanswered") is a threat (138).

## Arguments

- **actor**: who acts is read from the sentence, in this order:
  - the **subject** right before the verb, or before the verb that carries an event noun ("Moscow denied",
    "Guyana on Tuesday accused", "Greece will hold a joint exercise", "imposed sanctions"), with a relative
    clause between ("Brazil, which borders both countries, reinforced") or about it ("Russia, which has used
    North Korean missiles"); the owner of an event noun ("Russia's full-scale invasion"); a country's
    embassy speaks for the country. All the actors listed together are actors ("Kuwait and Saudi Arabia
    signed"; a country in the list is an actor there). A country counts as a subject where it opens the
    sentence, owns the act, or is what a relative clause is about, not elsewhere ("troops in Ukraine
    attacked");
  - the one **accused** of the act ("Warsaw accused Moscow of jamming": Moscow jams);
  - "he", "she" and "the group" as the subject: the last person, or armed group, of the earlier sentences;
    "the army", "the navy", "the foreign ministry", "the government": the last actor of that kind, else that
    actor of the country the earlier sentences name most (when one leads), added with the description as a
    mention of role \`coreference\`;
  - a **pronoun** subject right after a verb of speech ("Ukraine's air force said its units shot down",
    "Pyongyang warned it would respond"): the one who speaks;
  - for speech acts (statement, denial, warning, threat, accusation, protest), the sentence's speaker;
  - else the nearest actor mention before the trigger (state, government, military, person; outlets are
    sources, not actors), or in the passive the agent after "by", past the verb's place and time ("were
    intercepted near Alaska on Wednesday by US and Canadian fighters": both; also after a participle
    joined to a passive: "was anchored in the Kattegat and shadowed by Danish navy vessels"). Who is
    accused, blamed or condemned after the verb is never the accusation's actor ("The Russian-installed
    management blamed Ukrainian shelling": no known actor blames). A speaker the knowledge base does not
    list keeps its people out of what it tells ("Finnish investigators said the tanker had damaged the
    cable": Finland did not damage it). "Its" right after a known speaker's verb of speech is the
    speaker ("Russia's defence ministry said its aircraft ... did not violate any border"), not an actor
    of the sentence before. A demonym ("Venezuelan
    troops") stands for its state. A unit named by its ordinal acts and speaks as itself ("The 155th Naval
    Infantry Brigade was redeployed", "Ukraine's 3rd Army Corps said it repelled": the corps, a source too),
    with the country its possessive or demonym gives ("the Ukrainian 47th Mechanized Brigade": UA). A
    place after a locative opening the sentence lists no actor ("In Mali, Wagner fighters attacked": Wagner
    only); a possessive subject keeps the act across an apposition ("Russia's Geran-2 drones, its version of
    the Iranian Shahed-136, hit Lviv": Russia); the object of any act is not who acts ("a Type 214 submarine
    shadowed a Turkish frigate": not Türkiye). "It", "the country", "the military" take the last actor of an earlier
    sentence (cue \`actor-from-earlier-sentence\`).
  - never the target of a strike, an interception or a seizure: the subject of one told in the passive with
    no "by" ("A Colombian military helicopter was shot down": no actor), the object of an earlier verb of
    striking ("Israel killed a senior Hamas commander in a strike"), a victim told in the passive ("a Hamas
    commander was killed in a strike"). When a speaker says "it" struck the target ("The US military said it
    killed an al-Shabaab commander in an airstrike"), the speaker acts.
  - not the main clause's subject for an attack named after "after", "during", "amid" with a word of
    another kind of attacker ("deployed two destroyers after a drone attack on a tanker", "after gang
    attacks": no actor), nor the target after "on" ("attacks on US forces").
  - never those an event harmed, after a verb of harm ("A drone attack ... wounded three US troops", "An
    explosion ... killed two Israeli soldiers"), nor those who tell of a strike after it ("A missile struck
    a hospital in Kharkiv, Ukrainian officials told"), nor a country named by its land, edge or towns ("near the
    Lebanese border", "into Syrian territory", "the Iranian port of Bandar Abbas"), nor a stance ("a
    pro-Russian Telegram channel"), nor the backer of those who act ("Iranian-backed militias"),
    nor the people of what a verb uses or strikes ("Russia used North Korean KN-23 missiles", "Israel
    struck Iranian air defences"; those seen or accused still act: "detected 23 Chinese aircraft").
  - forces listed with their nouns all act ("Malian troops and Russian paramilitaries retook Kidal").
  - for an exercise, a country after "with" acts too ("Japan held drills with the United States"), but not
    one across a border ("near its border with Azerbaijan").

  The rule that chose the actor is kept as a cue of kind \`actor\` on the words it read:
  \`actor-is-subject\`, \`actors-listed-as-subject\`, \`actor-accused-of-act\`, \`actor-named-by-anaphor\`,
  \`actor-speaks-of-itself\`, \`actor-is-speaker\`.
- **equipment**: equipment mentions in the sentence; "the systems", "the launchers" take the equipment of the
  previous event (cue \`equipment-from-earlier-sentence\`).
- **places**: literal place mentions in the sentence, most specific first (site, city, coast before region
  before country); not a country across a border ("near its border with Azerbaijan") or a partner ("drills
  with the United States"), nor a ship's flag state ("a Panama-flagged tanker", role \`modifier\`), nor
  where a speaker sits ("the defence ministry in Berlin said"), nor where a speaker spoke ("Pistorius said in
  Berlin", "told reporters in Kyiv": the place of a warning or a visit told there, not of a delivery), nor, for an attack or an interception,
  where the strike came from ("a missile launched from Yemen was intercepted"). A place nearer another trigger of the
  sentence, with no clause break between them, where a comma, a semicolon or a subordinating word ("since",
  "which", "despite") parts it from this one, is the other event's: "accused Armenian forces of firing on
  its positions in Nakhchivan, the first such claim since the two countries initialled a peace agreement in
  Washington" places the agreement, not the firing, in Washington. The commas of a date and an "and"
  before a verb sharing the subject part nothing ("met in Niamey on Saturday, March 8, 2025, and signed").
  With no place of its own, an event told "near the island", "in the town", "at the base" (an island,
  port, city, town, village, base, airfield, airport, strait, peninsula, shoal or reef named right after the
  trigger) is at the last place of that kind told before it (cue \`place-named-by-anaphor\`).
- **time**: the time expression in the sentence nearest the trigger, grounded on the publication date; the
  day a source spoke ("said on Sunday") or a dateline's date ("KYIV, Oct. 5 (Reuters) -") only when the
  sentence gives no other. A date in a relative clause about something else is not the event's ("Kyiv,
  which was founded in 482"); one in a clause right after the trigger's noun is ("The drills, which began
  on Oct. 1"). Where the words after the date say how long the event runs ("began on Oct. 1 and will run
  through mid-October", "began on Monday and ended on Friday", "between Oct. 1 and Oct. 5"), the time spans
  both dates. A later sentence that goes on with the story in the simple past, with no date of its own,
  takes the story's first day (marked inferred), but not a day told in a relative clause ("The carrier,
  which left Sanya on Tuesday, ..."), and not in a sentence of background or consequence ("has been",
  "since", "is likely to"); nor does one that goes on after it ("New Delhi has since deployed"), nor what
  is to come ("Israel will station F-35 jets at Nevatim" after rockets hit Erbil on Monday). The day
  a "first ... since" counts from is not the event's ("the first strike that far north since late 2024"
  is the strike told before). A vague count between two clauses ("reinforced positions on Wednesday,
  weeks after drones crashed") dates the other clause's event as a span before or after that day (days:
  1 to 10 days, weeks: 7 to 56, months: 28 to 365; marked inferred), not on it.

## One event, several sentences

Events of the same type in one document merge when their actors and places are compatible, their equipment
overlaps (or the later mention is a bare or anaphoric "the attack"), their dates do not conflict and their
factuality is compatible (asserted, reported and hedged merge). Who reacts to the event told before, or
tells of it, adds no actor to it: the subject of a clause where the noun referring back comes after a verb
or a preposition ("Zelenskiy condemned the attack", "called the attack a cynical strike", "Hezbollah did not
comment on the strike", "12 people were killed in the attack", "accused Taipei of "hyping" the
incident"); who claims it, carries it out or was behind it does act ("Ukraine's military intelligence
claimed the attack"; not "claimed the attack was staged"), and so does the one blamed for it ("blamed Tehran
for the attack").
A strike told without a date of its own after an interception joins the interception only when they share
weapons or targets ("the destroyer used SM-2 missiles against the drones"); "A missile hit an apartment
building" after "air defences shot down 118 of the drones" is part of the attack, not of its interception.
What a denier tells after its denial, in a clause of its own ("Pakistan's military denied the claim, saying
Indian forces had fired first"), is its own version: it stays an event apart from the claim it denies (the
assessment then notes the claim as contested).
The other side telling of an event told before ("Russia's embassy said the deliveries would only prolong
the conflict", "The Kremlin said the sanctions were illegal", "had no information about the incident")
adds no source, place or date to it: a speaker adds them only when it stands with the event's actors,
sources or accusers, or is unknown to the knowledge base ("CENTCOM said the strikes hit radar sites near Ras
Isa" does). A reaction to an event not told before ("condemned the shelling of a market in El Fasher")
leaves the event with no actor. "The shelling", "the raids", "the seizure" refer back as "the attack" does.
Two speech acts are one only when one side says both, named in each ("Opposition leaders accused the
government..." and "The EU's foreign policy chief condemned the crackdown" are two accusations).
A boat told first by its kind alone ("a Russian submarine sailed through the Mediterranean") and then by its
class or name ("The Kilo-class submarine Krasnodar passed through the Strait of Sicily"), every later place
inside the area told first, is one voyage. A subject that names its own system ("The Kilo-class submarine
Krasnodar passed ...") does not take the systems of the sentence before, as "The missile was launched
from ..." does. Who released the pictures ("according to photographs released by the Italian navy") is a
source, never the actor. A country right after a participle and "by" acts and is no place ("96 Shahed drones
launched by Russia"; not "hosted by US President Donald Trump"); a country's envoy is no place ("summoned
Russia's charge d'affaires"). "It was the third such incident" and "did not comment on either attack" add
nothing to the event told; what is opposed or struck at after "against" does not act ("protested ...
against the construction of a new U.S. Marine Corps airfield"), nor does who has not confirmed an act
("Moscow has not confirmed any drone attack") or was told of it ("UKMTO said it had received a report of
an incident"). An attack in doubt ("a drone attack may have caused the
blaze", "has not confirmed any drone attack") is no part of the fire or the arrest told before. Equipment named in a clause about someone else after the
act ("targeted a Hezbollah operative who was rebuilding the group's rocket launching capabilities") is not
the act's.
A strike counted to another day ("A day earlier, army drones struck RSF positions near Bara") is another
strike, not a part of the one told before; a time only carried over from the sentence before does not
part two tellings. Nor is a strike told more than 150 km from every scene of the one before ("Pakistani
JF-17 jets struck targets in Paktika province" after a clash at Torkham), nor one in a town or country
outside the country where the one before was ("the strike on Odesa" after drones attacked bases in Syria;
a raid near Niger's border in April, after an attack in Benin), whether told as a new strike or by "the
strike": a town inside the province told before, a sea, or where the missiles came from ("launched ...
from occupied Crimea") and the mark a distance is counted from ("140 kilometres west of Palawan") part
nothing. An arrest or a seizure told without a date ("the FSB said it detained a saboteur") is never a part
of an attack told before. The merged event keeps every sentence in
\`evidenceSpans\`. The first telling sets the factuality, except that a later attributed telling makes a
hedged one reported, and a headline's too (a headline in the article's voice, "Venezuela moves air defences
to coast", is short for its attributed lede); a reported event's sources are those cited, not the
article's own voice. A date a source spoke on gives way to the event's own date told later, and an undated
first telling (a headline) takes the first date a later one gives.
`;
}
