// "Walker County", "Rapides Parish": counties are not in the gazetteer. We place one at a town of the same
// name in the document's home state (or near the document's other places), with a low confidence that says
// it is an approximation; otherwise assess keeps it as an unresolved toponym.
import type { Context } from "../../core/context.js";
import { checkBudget } from "../../core/pipeline.js";
import type { Kb } from "../../kb/kb.js";
import { compactKey } from "../../kb/normalize.js";
import type { KbPlace } from "../../kb/types.js";
import type { EntityTable } from "../entity-table.js";
import type { Token } from "../tokens.js";
import { addPlaceEntity } from "./entity-builders.js";
import { haversineKm, type PlaceContext } from "./place-ranker.js";
import { COUNTY_WORD, classify, type WordClasses } from "./word-classes.js";

const COUNTY = new Set(["county", "parish"]);
classify(COUNTY_WORD, COUNTY);

export function findCounties(
  text: string,
  tokens: Token[],
  kb: Kb,
  pctx: PlaceContext,
  table: EntityTable,
  ctx: Context,
  classes: WordClasses,
): void {
  for (let j = 1; j < tokens.length; j++) {
    if (!(classes[j]! & COUNTY_WORD) || !COUNTY.has(tokens[j]!.norm) || !tokens[j]!.cap) continue;
    checkBudget(ctx);
    let i = j - 1;
    while (
      i > 0 &&
      j - i < 3 &&
      tokens[i - 1]!.cap &&
      /^\s$/.test(text.slice(tokens[i - 1]!.end, tokens[i]!.start)) &&
      !tokens[i]!.sentenceStart
    )
      i--;
    if (!tokens[i]!.cap) continue;
    const start = tokens[i]!.start;
    const end = tokens[j]!.end;
    if (covered(table, start, end)) continue;
    const name = text.slice(start, tokens[j - 1]!.end);
    const seat = countySeat(kb, name, pctx);
    if (!seat) continue;
    const surface = text.slice(start, end);
    const place: KbPlace = {
      id: `county-${seat.place.cc}-${seat.place.admin ?? ""}-${compactKey(name)}`.toLowerCase(),
      name: surface,
      type: "admin2",
      lat: seat.place.lat,
      lon: seat.place.lon,
      cc: seat.place.cc,
      pop: 0,
      ...(seat.place.admin ? { admin: seat.place.admin } : {}),
    };
    addPlaceEntity(
      table,
      place,
      {
        start,
        end,
        text: surface,
        role: "literal",
        confidence: 0.4,
        evidence: [{ rule: seat.rule, detail: `approximated at ${seat.place.name} (${seat.place.id})` }],
      },
      tokens[i]!.sentence,
    );
  }
}

/**
 * Whether a mention overlaps [start, end) (a function of its own, not a closure made for every document,
 * most of which name no county).
 */
function covered(table: EntityTable, start: number, end: number): boolean {
  for (const m of table.mentions) if (start < m.end && m.start < end) return true;
  return false;
}

function countySeat(kb: Kb, name: string, pctx: PlaceContext): { place: KbPlace; rule: string } | undefined {
  const towns = kb
    .lookup(compactKey(name))
    .filter((r) => r.kind === "place")
    .map((r) => kb.places[r.index]!)
    .filter((p) => (p.type === "city" || p.type === "capital") && p.cc === "US");
  const state = pctx.dominant?.usState;
  const inState = towns.filter((t) => state && t.admin === state).sort((a, b) => b.pop - a.pop)[0];
  if (inState) return { place: inState, rule: "county-at-town-of-same-name-in-home-state" };
  const us = pctx.anchors.filter((a) => kb.place(a.id)?.cc === "US");
  if (us.length === 0 || towns.length === 0) return undefined;
  const lat = us.reduce((s, a) => s + a.lat, 0) / us.length;
  const lon = us.reduce((s, a) => s + a.lon, 0) / us.length;
  const near = towns
    .map((t) => ({ t, km: haversineKm(lat, lon, t.lat, t.lon) }))
    .sort((a, b) => a.km - b.km)[0];
  return near && near.km < 300
    ? { place: near.t, rule: "county-at-town-of-same-name-near-document-places" }
    : undefined;
}
