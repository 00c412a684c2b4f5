// Event evaluation against our gold fixtures: detection P/R/F1 (overall, by type, by CAMEO root),
// and on matched events the accuracy of equipment, place, date, factuality and source chain.
import type { Analysis, Event } from "../core/analysis.js";
import { EVENT_TYPES } from "../stages/events/ontology.js";
import type { GoldArticle, GoldEvent } from "./fixtures.js";

const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
const cameoRoot = (type: string) => EVENT_TYPES.find((e) => e.type === type)?.cameo.code.slice(0, 2) ?? "??";

interface Tally {
  tp: number;
  fp: number;
  fn: number;
}
const tally = (): Tally => ({ tp: 0, fp: 0, fn: 0 });

export interface EventEvalResult {
  documents: number;
  gold: number;
  predicted: number;
  precision: number;
  recall: number;
  f1: number;
  byType: Record<string, Tally & { f1: number }>;
  byCameoRoot: Record<string, Tally & { f1: number }>;
  arguments: Record<string, { correct: number; total: number; accuracy: number }>;
  misses: Array<{ doc: string; kind: "missed" | "spurious" | "argument"; detail: string }>;
}

function sentenceOf(text: string, at: number): [number, number] {
  const before = text.lastIndexOf(". ", at);
  const after = text.indexOf(". ", at);
  return [before < 0 ? 0 : before + 2, after < 0 ? text.length : after + 1];
}

export function evaluateEvents(items: Array<{ gold: GoldArticle; analysis: Analysis }>): EventEvalResult {
  const all = tally();
  const byType: Record<string, Tally> = {};
  const byRoot: Record<string, Tally> = {};
  const args: Record<string, { correct: number; total: number }> = {};
  const misses: EventEvalResult["misses"] = [];
  const arg = (k: string, ok: boolean, doc: string, detail: string) => {
    args[k] ??= { correct: 0, total: 0 };
    args[k].total++;
    if (ok) args[k].correct++;
    else misses.push({ doc, kind: "argument", detail: `${k}: ${detail}` });
  };
  for (const { gold, analysis } of items) {
    const text = analysis.document.text;
    const preds = [...analysis.events];
    const used = new Set<Event>();
    const mentionText = (id: string) =>
      analysis.entities.find((e) => e.id === id)?.mentions.map((m) => norm(m.text)) ?? [];
    for (const g of gold.gold.events) {
      const at = text.indexOf(g.trigger);
      const [ss, se] = at >= 0 ? sentenceOf(text, at) : [-1, -1];
      // Of the unused predictions of this type told in the gold trigger's sentence, the one whose trigger is
      // nearest the gold trigger: two events of one type in a sentence are aligned by where they are told.
      const distance = (p: Event) => (at < 0 ? 0 : Math.abs(p.trigger.start - at));
      const match = preds
        .filter(
          (p) =>
            !used.has(p) &&
            p.type === g.type &&
            [p.evidence, ...(p.evidenceSpans ?? [])].some((ev) => ev.start < se && ss < ev.end),
        )
        .sort((a, b) => distance(a) - distance(b))[0];
      const t = (byType[g.type] ??= tally());
      const r = (byRoot[cameoRoot(g.type)] ??= tally());
      if (!match) {
        all.fn++;
        t.fn++;
        r.fn++;
        misses.push({ doc: gold.id, kind: "missed", detail: `${g.type} "${g.trigger}"` });
        continue;
      }
      used.add(match);
      all.tp++;
      t.tp++;
      r.tp++;
      if (g.equipment?.length) {
        const predEq = match.equipment.flatMap(mentionText);
        const ok = g.equipment.every((x) => predEq.some((p) => p.includes(norm(x)) || norm(x).includes(p)));
        arg(
          "equipment",
          ok,
          gold.id,
          `${g.type} "${g.trigger}" gold [${g.equipment.join(", ")}] got [${predEq.join(", ")}]`,
        );
      }
      if (g.place) {
        const predPl = match.places.flatMap(mentionText);
        const ok = predPl.some((p) => p.includes(norm(g.place!)) || norm(g.place!).includes(p));
        arg("place", ok, gold.id, `${g.type} "${g.trigger}" gold "${g.place}" got [${predPl.join(", ")}]`);
      }
      if (g.actor) {
        const predAc = match.actors.flatMap(mentionText);
        const ok = predAc.some((p) => p.includes(norm(g.actor!)) || norm(g.actor!).includes(p));
        arg("actor", ok, gold.id, `${g.type} "${g.trigger}" gold "${g.actor}" got [${predAc.join(", ")}]`);
      }
      if (g.date) {
        const ok = match.time.start !== null && dateMatches(g.date, match.time.start, match.time.end);
        arg(
          "date",
          ok,
          gold.id,
          `${g.type} "${g.trigger}" gold ${g.date} got ${match.time.start ?? "none"}..${match.time.end ?? ""} ("${match.time.text ?? ""}")`,
        );
      }
      arg(
        "factuality",
        match.factuality === g.factuality,
        gold.id,
        `${g.type} "${g.trigger}" gold ${g.factuality} got ${match.factuality}`,
      );
      if (g.sources?.length)
        arg(
          "sources",
          sourcesMatch(g, match, analysis, gold),
          gold.id,
          `${g.type} "${g.trigger}" gold [${g.sources.join(" <- ")}] got [${match.sourceIds.map((id) => analysis.sources.find((s) => s.id === id)?.name).join(", ")}]`,
        );
    }
    for (const p of preds) {
      if (used.has(p)) continue;
      all.fp++;
      (byType[p.type] ??= tally()).fp++;
      (byRoot[p.cameo.code.slice(0, 2)] ??= tally()).fp++;
      misses.push({ doc: gold.id, kind: "spurious", detail: `${p.type} "${p.trigger.text}"` });
    }
  }
  const f1 = (t: Tally) => {
    const p = t.tp / Math.max(1, t.tp + t.fp);
    const r = t.tp / Math.max(1, t.tp + t.fn);
    return Math.round(((2 * p * r) / Math.max(1e-9, p + r)) * 1000) / 1000;
  };
  const p = all.tp / Math.max(1, all.tp + all.fp);
  const r = all.tp / Math.max(1, all.tp + all.fn);
  return {
    documents: items.length,
    gold: all.tp + all.fn,
    predicted: all.tp + all.fp,
    precision: Math.round(p * 1000) / 1000,
    recall: Math.round(r * 1000) / 1000,
    f1: f1(all),
    byType: Object.fromEntries(Object.entries(byType).map(([k, v]) => [k, { ...v, f1: f1(v) }])),
    byCameoRoot: Object.fromEntries(Object.entries(byRoot).map(([k, v]) => [k, { ...v, f1: f1(v) }])),
    arguments: Object.fromEntries(
      Object.entries(args).map(([k, v]) => [
        k,
        { ...v, accuracy: Math.round((v.correct / Math.max(1, v.total)) * 1000) / 1000 },
      ]),
    ),
    misses,
  };
}

function dateMatches(gold: string, start: string, end: string | null): boolean {
  // A gold day must fall in the predicted range; a gold month or year must equal the predicted prefix.
  if (gold.length === 10)
    return start <= gold && gold <= (end ?? start) && (end === null || daysBetween(start, end) <= 31);
  return start.startsWith(gold);
}

function daysBetween(a: string, b: string): number {
  return (Date.parse(b) - Date.parse(a)) / 86_400_000;
}

/** Every cited source in the gold chain (beyond the publisher) is among the event's sources or their chain. */
function sourcesMatch(g: GoldEvent, e: Event, a: Analysis, gold: GoldArticle): boolean {
  const chain = new Set<string>();
  for (const id of e.sourceIds) {
    let s = a.sources.find((x) => x.id === id);
    while (s && !chain.has(s.id)) {
      chain.add(s.id);
      s = s.citedBy ? a.sources.find((x) => x.id === s!.citedBy) : undefined;
    }
  }
  const names = [...chain]
    .map((id) => a.sources.find((s) => s.id === id)!)
    .flatMap((s) => [norm(s.name), ...s.spans.map((x) => norm(x.text))]);
  const wanted = (g.sources ?? []).filter((s) => norm(s) !== norm(gold.source ?? ""));
  return wanted.every((w) => names.some((n) => n.includes(norm(w)) || norm(w).includes(n)));
}
