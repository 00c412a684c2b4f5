// Geoparsing evaluation in the manner of Gritta et al.: recognition P/R/F1 by span overlap, and for
// matched toponyms with coordinates Acc@161 km, median error and AUC of the log error curve.
import type { Analysis } from "../core/analysis.js";
import { haversineKm } from "../stages/resolve/place-ranker.js";

export const MAX_ERROR_KM = 20039;
const EXCLUDED_TYPES = new Set(["Homonym", "Language"]);

export interface GoldToponym {
  start: number;
  end: number;
  name: string;
  lat: number | null;
  lon: number | null;
  type?: string | null;
}

export interface Predicted {
  start: number;
  end: number;
  text: string;
  lat?: number;
  lon?: number;
  source: string;
}

export function predictedToponyms(a: Analysis): Predicted[] {
  const out: Predicted[] = [];
  for (const e of a.entities) {
    for (const m of e.mentions) {
      if (e.kind === "place")
        out.push({
          start: m.start,
          end: m.end,
          text: m.text,
          lat: e.lat,
          lon: e.lon,
          source: `${e.featureType}:${e.kbId}`,
        });
      // an institution named by its seat ("the Kremlin said", "White House aides") is an actor, as the
      // corpora annotate it (no toponym); the seat named as the building ("at the White House") is a place
      else if (
        e.kind === "actor" &&
        e.lat !== undefined &&
        (m.role === "metonymic" || m.evidence?.some((x) => x.rule === "seat-as-place")) &&
        !m.evidence?.some((x) => x.rule === "institution-by-its-seat")
      ) {
        out.push({
          start: m.start,
          end: m.end,
          text: m.text,
          lat: e.lat,
          lon: e.lon!,
          source: `metonym:${e.kbId}`,
        });
      }
    }
  }
  for (const f of a.findings) {
    if (f.kind !== "unresolved-toponym") continue;
    // an unknown toponym is scored at the approximate location the analysis gives it, when it gives one
    for (const s of f.spans)
      out.push(
        f.near
          ? { ...s, lat: f.near.lat, lon: f.near.lon, source: `near:${f.near.rule}` }
          : { ...s, source: "unresolved" },
      );
  }
  return out.sort((x, y) => x.start - y.start);
}

/** How well two spans coincide: the shared characters over the characters either covers. */
function spanFit(a: { start: number; end: number }, b: { start: number; end: number }): number {
  const shared = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  return shared <= 0 ? 0 : shared / (Math.max(a.end, b.end) - Math.min(a.start, b.start));
}

export function goldToponyms(all: GoldToponym[]): GoldToponym[] {
  return all.filter((t) => !EXCLUDED_TYPES.has(t.type ?? ""));
}

export interface DocResult {
  id: string;
  tp: number;
  fp: Predicted[];
  fn: GoldToponym[];
  /** gold toponyms a prediction matched */
  found: GoldToponym[];
  errors: Array<{ gold: GoldToponym; pred: Predicted; km: number }>;
}

export function scoreDocument(id: string, gold: GoldToponym[], pred: Predicted[]): DocResult {
  const usedPred = new Set<number>();
  const fn: GoldToponym[] = [];
  const found: GoldToponym[] = [];
  const errors: DocResult["errors"] = [];
  let tp = 0;
  for (const g of gold) {
    // of the predictions that overlap the gold span, the one whose span fits it best: the corpora differ on
    // whether "the Turkish Embassy" is a toponym or "Turkish" is, and orbat reports both
    let i = -1;
    let best = 0;
    for (let k = 0; k < pred.length; k++) {
      const fit = usedPred.has(k) ? 0 : spanFit(pred[k]!, g);
      if (fit > best) [i, best] = [k, fit];
    }
    if (i < 0) {
      fn.push(g);
      continue;
    }
    usedPred.add(i);
    tp++;
    found.push(g);
    const p = pred[i]!;
    if (g.lat !== null && g.lon !== null) {
      const km =
        p.lat !== undefined && p.lon !== undefined ? haversineKm(g.lat, g.lon, p.lat, p.lon) : MAX_ERROR_KM;
      errors.push({ gold: g, pred: p, km });
    }
  }
  // a prediction inside or around one that matched ("Russian" in "the Russian Embassy") is a reading of the
  // same toponym, not a toponym of its own
  const matched = pred.filter((_, k) => usedPred.has(k));
  const nested = (p: Predicted) =>
    matched.some((m) => (m.start <= p.start && p.end <= m.end) || (p.start <= m.start && m.end <= p.end));
  return { id, tp, fp: pred.filter((p, k) => !usedPred.has(k) && !nested(p)), fn, found, errors };
}

export interface Summary {
  documents: number;
  gold: number;
  predicted: number;
  precision: number;
  recall: number;
  f1: number;
  resolved: number;
  accAt161: number;
  medianKm: number;
  meanKm: number;
  auc: number;
  /** matched toponyms the gazetteer did not know, scored at the nearby place the analysis names */
  approximate: { n: number; within161: number };
  /** by the corpus's toponym type (GeoWebNews: Literal, Metonymic, Demonym...), when it gives one */
  byType: Record<string, { gold: number; found: number; resolved: number; within161: number }>;
  /** Acc@161 by the kind of reading orbat gave (city, country, region, ocean, near:..., unresolved) */
  byReading: Record<string, { resolved: number; within161: number }>;
}

function byReading(results: DocResult[]): Summary["byReading"] {
  const out: Summary["byReading"] = {};
  for (const r of results)
    for (const e of r.errors) {
      const kind = e.pred.source.startsWith("near:") ? e.pred.source : e.pred.source.split(":")[0]!;
      out[kind] ??= { resolved: 0, within161: 0 };
      out[kind]!.resolved++;
      if (e.km <= 161) out[kind]!.within161++;
    }
  return out;
}

function byType(results: DocResult[]): Summary["byType"] {
  const out: Summary["byType"] = {};
  const row = (g: GoldToponym) => {
    const t = g.type ?? "";
    out[t] ??= { gold: 0, found: 0, resolved: 0, within161: 0 };
    return out[t]!;
  };
  for (const r of results) {
    for (const g of r.fn) row(g).gold++;
    for (const g of r.found) {
      row(g).gold++;
      row(g).found++;
    }
    for (const e of r.errors) {
      row(e.gold).resolved++;
      if (e.km <= 161) row(e.gold).within161++;
    }
  }
  return Object.keys(out).length === 1 && out[""] ? {} : out;
}

export function summarize(results: DocResult[]): Summary {
  const tp = results.reduce((s, r) => s + r.tp, 0);
  const fp = results.reduce((s, r) => s + r.fp.length, 0);
  const fn = results.reduce((s, r) => s + r.fn.length, 0);
  const km = results.flatMap((r) => r.errors.map((e) => e.km)).sort((a, b) => a - b);
  const precision = tp / Math.max(1, tp + fp);
  const recall = tp / Math.max(1, tp + fn);
  const r4 = (n: number) => Math.round(n * 10000) / 10000;
  const approx = results.flatMap((r) => r.errors.filter((e) => e.pred.source.startsWith("near:")));
  return {
    documents: results.length,
    gold: tp + fn,
    predicted: tp + fp,
    precision: r4(precision),
    recall: r4(recall),
    f1: r4((2 * precision * recall) / Math.max(1e-9, precision + recall)),
    resolved: km.length,
    accAt161: r4(km.filter((k) => k <= 161).length / Math.max(1, km.length)),
    medianKm: Math.round(km.length ? km[Math.floor((km.length - 1) / 2)]! : 0),
    meanKm: Math.round(km.reduce((s, k) => s + k, 0) / Math.max(1, km.length)),
    // Area under the curve of ln(error+1)/ln(max) over the sorted errors (0 is perfect, 1 worst).
    approximate: { n: approx.length, within161: approx.filter((e) => e.km <= 161).length },
    byType: byType(results),
    byReading: byReading(results),
    auc: r4(
      km.reduce((s, k) => s + Math.log(k + 1) / Math.log(MAX_ERROR_KM + 1), 0) / Math.max(1, km.length),
    ),
  };
}
