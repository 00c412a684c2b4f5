// Turns KB records into Analysis entities (one per KB entry per document) and adds mentions to them.
// Optional fields are set one by one when present, in the order the output has always had them: a
// conditional spread would build and copy a small object for each.
import type {
  ActorEntity,
  Entity,
  EntityMention,
  EquipmentEntity,
  Evidence,
  PlaceEntity,
} from "../../core/analysis.js";
import type { Kb, Ref } from "../../kb/kb.js";
import type { KbActor, KbEquipment, KbPlace } from "../../kb/types.js";
import type { Candidate } from "../candidates.js";
import type { EntityTable } from "../entity-table.js";
import type { RankedPlace } from "./place-ranker.js";

/**
 * The table keys of KB records, made once per record (and kind): a key joined anew for every mention is a
 * new string to flatten and hash before each lookup.
 */
function keyMaker(prefix: string): (record: { id: string }) => string {
  const keys = new WeakMap<object, string>();
  return (record) => {
    let key = keys.get(record);
    if (key === undefined) {
      key = `${prefix}${record.id}`;
      keys.set(record, key);
    }
    return key;
  };
}

const placeKey = keyMaker("place:");
const actorKey = keyMaker("actor:");
const equipmentKey = keyMaker("equipment:");

// Each builder looks its entity up before making one: a closure passed to table.add would be made for
// every mention.

export function addPlaceEntity(
  table: EntityTable,
  p: KbPlace,
  m: EntityMention,
  sentence: number,
  alternatives: RankedPlace[] = [],
): void {
  const key = placeKey(p);
  table.addMention(table.find(key) ?? table.create(key, placeFields(p, m, alternatives)), m, sentence);
}

function placeFields(
  p: KbPlace,
  m: EntityMention,
  alternatives: RankedPlace[],
): Omit<PlaceEntity, "id" | "mentions"> {
  const e: Omit<PlaceEntity, "id" | "mentions"> = {
    kind: "place",
    name: p.name,
    kbId: p.id,
    lat: p.lat,
    lon: p.lon,
    countryCode: p.cc,
    featureType: p.type,
    confidence: m.confidence,
  };
  if (p.geonameId) e.geonameId = p.geonameId;
  if (p.bbox) e.bbox = p.bbox;
  if (alternatives.length)
    e.alternatives = alternatives.map((a) => ({
      kbId: a.place.id,
      name: a.place.name,
      countryCode: a.place.cc,
      score: a.score,
    }));
  return e;
}

export function addActorEntity(
  kb: Kb,
  table: EntityTable,
  a: KbActor,
  m: EntityMention,
  sentence: number,
): Entity {
  const key = actorKey(a);
  return table.addMention(table.find(key) ?? table.create(key, actorFields(kb, a, m)), m, sentence);
}

/**
 * An actor's seat, kb.place(placeId), kept per actor (and KB) once found: a lookup among the 140,000 place
 * ids misses the CPU's caches for every new actor entity of every document. A found place stays the
 * answer (extend() adds no place whose id is taken); a seat not found is asked again, as extend() may add it.
 */
const seats = new WeakMap<Kb, WeakMap<KbActor, KbPlace>>();
function seatOf(kb: Kb, a: KbActor): KbPlace | undefined {
  if (!a.placeId) return undefined;
  let byActor = seats.get(kb);
  if (!byActor) {
    byActor = new WeakMap();
    seats.set(kb, byActor);
  }
  let seat = byActor.get(a);
  if (seat === undefined || seat.id !== a.placeId) {
    seat = kb.place(a.placeId);
    if (seat) byActor.set(a, seat);
  }
  return seat;
}

function actorFields(kb: Kb, a: KbActor, m: EntityMention): Omit<ActorEntity, "id" | "mentions"> {
  const e: Omit<ActorEntity, "id" | "mentions"> = {
    kind: "actor",
    name: a.name,
    kbId: a.id,
    type: a.type,
    confidence: m.confidence,
  };
  if (a.cc) e.countryCode = a.cc;
  const seat = seatOf(kb, a);
  if (seat) {
    e.lat = seat.lat;
    e.lon = seat.lon;
  }
  return e;
}

export function addEquipmentEntity(
  kb: Kb,
  table: EntityTable,
  c: Candidate,
  refs: Ref[],
  military: number,
  sentence: number,
): void {
  // Several systems can share a designator ("S-300" names a family): the first entry is the catalog's
  // primary reading; the others stay listed in the evidence.
  const ref = refs[0]!;
  const e = kb.equipment[ref.index]!;
  const variantDiffers = c.fuzzy !== undefined || ref.surface.toLowerCase() !== e.name.toLowerCase();
  const confidence = c.fuzzy
    ? military >= 4
      ? 0.7
      : 0.55
    : ref.kind === "nato"
      ? 0.8
      : e.generic
        ? 0.85
        : 0.95;
  const evidence: Evidence[] = [
    {
      rule: c.fuzzy
        ? "designator-one-edit"
        : ref.kind === "nato"
          ? "nato-reporting-name"
          : e.generic
            ? "equipment-class"
            : e.members
              ? "family-name"
              : "designator",
      // a family's name: the systems it may be (the text does not say which)
      detail: e.members ? `${e.id} (${e.members.join(", ")})` : e.id,
      score: confidence,
    },
  ];
  for (let k = 1; k < refs.length; k++)
    evidence.push({ rule: "also-matches", detail: kb.equipment[refs[k]!.index]!.id });
  const m: EntityMention = {
    start: c.start,
    end: c.end,
    text: c.text,
    role: e.generic ? "category" : "literal",
    confidence,
    evidence,
  };
  if (variantDiffers) m.matchedVariant = c.fuzzy ? c.fuzzy.key : ref.surface;
  const key = equipmentKey(e);
  table.addMention(table.find(key) ?? table.create(key, equipmentFields(e, m, confidence)), m, sentence);
}

function equipmentFields(
  e: KbEquipment,
  m: EntityMention,
  confidence: number,
): Omit<EquipmentEntity, "id" | "mentions"> {
  const entity: Omit<EquipmentEntity, "id" | "mentions"> = {
    kind: "equipment",
    name: e.name,
    kbId: e.id,
    catalogId: e.id,
    category: e.category,
    confidence,
  };
  if (e.nato) entity.natoName = e.natoCode ? `${e.natoCode} ${e.nato}` : e.nato;
  if (e.family) entity.family = e.family;
  if (e.origin) entity.origin = e.origin;
  if (e.generic) entity.generic = true;
  if (m.matchedVariant) entity.matchedVariant = m.matchedVariant;
  return entity;
}
