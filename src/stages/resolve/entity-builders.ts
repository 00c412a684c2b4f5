// Turns KB records into Analysis entities (one per KB entry per document) and adds mentions to them.
import type { EntityMention } from "../../core/analysis.js";
import type { Kb, Ref } from "../../kb/kb.js";
import type { KbActor, KbPlace } from "../../kb/types.js";
import type { Candidate } from "../candidates.js";
import type { EntityTable } from "../entity-table.js";
import type { RankedPlace } from "./place-ranker.js";

export function addPlaceEntity(
  table: EntityTable,
  p: KbPlace,
  m: EntityMention,
  sentence: number,
  alternatives: RankedPlace[] = [],
): void {
  table.add(
    `place:${p.id}`,
    () => ({
      kind: "place",
      name: p.name,
      kbId: p.id,
      lat: p.lat,
      lon: p.lon,
      countryCode: p.cc,
      featureType: p.type,
      confidence: m.confidence,
      ...(p.geonameId ? { geonameId: p.geonameId } : {}),
      ...(p.bbox ? { bbox: p.bbox } : {}),
      ...(alternatives.length
        ? {
            alternatives: alternatives.map((a) => ({
              kbId: a.place.id,
              name: a.place.name,
              countryCode: a.place.cc,
              score: a.score,
            })),
          }
        : {}),
    }),
    m,
    sentence,
  );
}

export function addActorEntity(
  kb: Kb,
  table: EntityTable,
  a: KbActor,
  m: EntityMention,
  sentence: number,
): void {
  const seat = a.placeId ? kb.place(a.placeId) : undefined;
  table.add(
    `actor:${a.id}`,
    () => ({
      kind: "actor",
      name: a.name,
      kbId: a.id,
      type: a.type,
      confidence: m.confidence,
      ...(a.cc ? { countryCode: a.cc } : {}),
      ...(seat ? { lat: seat.lat, lon: seat.lon } : {}),
    }),
    m,
    sentence,
  );
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
  const evidence = [
    {
      rule: c.fuzzy
        ? "designator-one-edit"
        : ref.kind === "nato"
          ? "nato-reporting-name"
          : e.generic
            ? "equipment-class"
            : "designator",
      detail: e.id,
      score: confidence,
    },
    ...refs.slice(1).map((r) => ({ rule: "also-matches", detail: kb.equipment[r.index]!.id })),
  ];
  const m: EntityMention = {
    start: c.start,
    end: c.end,
    text: c.text,
    role: e.generic ? "category" : "literal",
    confidence,
    evidence,
    ...(variantDiffers ? { matchedVariant: c.fuzzy ? c.fuzzy.key : ref.surface } : {}),
  };
  table.add(
    `equipment:${e.id}`,
    () => ({
      kind: "equipment",
      name: e.name,
      kbId: e.id,
      catalogId: e.id,
      category: e.category,
      confidence,
      ...(e.nato ? { natoName: e.natoCode ? `${e.natoCode} ${e.nato}` : e.nato } : {}),
      ...(e.family ? { family: e.family } : {}),
      ...(e.origin ? { origin: e.origin } : {}),
      ...(e.generic ? { generic: true } : {}),
      ...(m.matchedVariant ? { matchedVariant: m.matchedVariant } : {}),
    }),
    m,
    sentence,
  );
}
