// Mention recall on our fixtures: does each gold place, equipment and actor surface get a mention,
// and does each gold equipment mention resolve to the catalog entry the gold names?
import type { Analysis } from "../core/analysis.js";
import type { GoldArticle } from "./fixtures.js";

export interface MentionRecall {
  places: { found: number; total: number; within161: number; withCoords: number };
  equipment: { found: number; total: number; rightEntry: number };
  actors: { found: number; total: number };
  misses: string[];
}

function covered(
  a: Analysis,
  surface: string,
  kinds: string[],
): Array<{ entity: Analysis["entities"][number] }> {
  const text = a.document.text;
  const out: Array<{ entity: Analysis["entities"][number] }> = [];
  for (let at = text.indexOf(surface); at >= 0; at = text.indexOf(surface, at + 1)) {
    for (const e of a.entities) {
      if (!kinds.includes(e.kind)) continue;
      if (e.mentions.some((m) => m.start < at + surface.length && at < m.end)) out.push({ entity: e });
    }
  }
  return out;
}

export function mentionRecall(
  items: Array<{ gold: GoldArticle; analysis: Analysis }>,
  km: (a: number, b: number, c: number, d: number) => number,
): MentionRecall {
  const r: MentionRecall = {
    places: { found: 0, total: 0, within161: 0, withCoords: 0 },
    equipment: { found: 0, total: 0, rightEntry: 0 },
    actors: { found: 0, total: 0 },
    misses: [],
  };
  for (const { gold, analysis } of items) {
    for (const p of gold.gold.places) {
      r.places.total++;
      const hits = covered(analysis, p.text, ["place", "actor"]);
      if (hits.length) r.places.found++;
      else r.misses.push(`${gold.id} place "${p.text}"`);
      if (p.lat !== undefined && p.lon !== undefined) {
        r.places.withCoords++;
        const e = hits
          .map((h) => h.entity)
          .find((x) => x.kind === "place" || (x.kind === "actor" && x.lat !== undefined));
        const lat = e?.kind === "place" ? e.lat : e?.kind === "actor" ? e.lat : undefined;
        const lon = e?.kind === "place" ? e.lon : e?.kind === "actor" ? e.lon : undefined;
        if (lat !== undefined && lon !== undefined && km(p.lat, p.lon, lat, lon) <= 161) r.places.within161++;
        else if (hits.length) r.misses.push(`${gold.id} place "${p.text}" resolved far (${e?.name})`);
      }
    }
    for (const q of gold.gold.equipment) {
      r.equipment.total++;
      const hits = covered(analysis, q.text, ["equipment"]);
      if (hits.length) r.equipment.found++;
      else r.misses.push(`${gold.id} equipment "${q.text}"`);
      const entity = hits[0]?.entity;
      if (
        entity?.kind === "equipment" &&
        q.id &&
        (entity.catalogId === q.id || entity.catalogId.replace(/-/g, "") === q.id.replace(/-/g, ""))
      )
        r.equipment.rightEntry++;
    }
    for (const a of gold.gold.actors) {
      r.actors.total++;
      if (covered(analysis, a, ["actor", "place"]).length) r.actors.found++;
      else r.misses.push(`${gold.id} actor "${a}"`);
    }
  }
  return r;
}
