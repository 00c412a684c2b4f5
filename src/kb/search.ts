// What a string resolves to in the KB, and why: the basis of `orbat kb search`.
import { rankPlaces } from "../stages/resolve/place-ranker.js";
import type { Kb, Ref } from "./kb.js";
import { compactKey, stripArticle } from "./normalize.js";

export interface SearchHit {
  kind: "place" | "equipment" | "actor";
  id: string;
  name: string;
  detail: string;
  matchedVariant: string;
  rule: string;
  score: number;
}

export function searchKb(kb: Kb, query: string, kind?: SearchHit["kind"]): SearchHit[] {
  const key = compactKey(stripArticle(query.trim()));
  let refs: Array<{ ref: Ref; rule: string; penalty: number }> = kb
    .lookup(key)
    .map((ref) => ({ ref, rule: `name:${ref.kind}`, penalty: 0 }));
  if (refs.length === 0) {
    refs = kb.fuzzyEquipment(key).map((h) => ({ ref: h.ref, rule: `one-edit:${h.key}`, penalty: 0.35 }));
  }
  const hits: SearchHit[] = [];
  const places = refs.filter((r) => r.ref.kind === "place" || r.ref.kind === "demonym");
  const ranked = rankPlaces(
    places.map((r) => kb.places[r.ref.index]!),
    { countries: new Map(), usStates: new Set(), anchors: [] },
  );
  const top = ranked[0]?.score ?? 1;
  for (const r of ranked) {
    const src = places.find((p) => kb.places[p.ref.index] === r.place)!;
    hits.push({
      kind: "place",
      id: r.place.id,
      name: r.place.name,
      detail: `${r.place.type}, ${r.place.cc ?? r.place.countries?.join("/") ?? "-"}, ${r.place.lat.toFixed(3)},${r.place.lon.toFixed(3)}${r.place.pop > 0 && r.place.type === "city" ? `, pop ${r.place.pop}` : ""}`,
      matchedVariant: src.ref.surface,
      rule: src.ref.kind === "demonym" ? "demonym" : src.rule,
      score: Math.round((r.score / top) * 100) / 100,
    });
  }
  for (const { ref, rule, penalty } of refs) {
    if (ref.kind === "equipment" || ref.kind === "nato" || ref.kind === "equipmentClass") {
      const e = kb.equipment[ref.index]!;
      const nato = e.nato ? `${e.natoCode ? `${e.natoCode} ` : ""}${e.nato}` : undefined;
      hits.push({
        kind: "equipment",
        id: e.id,
        name: e.name,
        detail: [
          e.category,
          nato && `NATO ${nato}`,
          e.family && `family ${e.family}`,
          e.origin && `origin ${e.origin}`,
          e.generic && "generic class",
        ]
          .filter(Boolean)
          .join(", "),
        matchedVariant: ref.surface,
        rule: ref.kind === "nato" ? "nato-reporting-name (needs military context in text)" : rule,
        score: Math.round((1 - penalty - (ref.kind === "nato" ? 0.15 : 0)) * 100) / 100,
      });
    }
    if (ref.kind === "actor" || ref.kind === "metonym") {
      const a = kb.actors[ref.index]!;
      hits.push({
        kind: "actor",
        id: a.id,
        name: a.name,
        detail: [a.type, a.cc, a.outletType, a.branch].filter(Boolean).join(", "),
        matchedVariant: ref.surface,
        rule: ref.kind === "metonym" ? "metonym (a place name used for the actor)" : rule,
        score: ref.kind === "metonym" ? 0.8 : 1,
      });
    }
  }
  return kind ? hits.filter((h) => h.kind === kind) : hits;
}
