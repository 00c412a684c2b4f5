// "Brandon, Man.", "Sherbrooke, Que.", "Truro, N.S.", "Mildura, Vic", "Perth, WA": Canadian and Australian
// newspapers write a town's province or state after it as an abbreviation, as US ones write "Wichita,
// Kan." Read only there (after a town and a comma): alone, "Man", "Que" and "Vic" are other words or
// other places (Man in Côte d'Ivoire, Quế in Vietnam, Vic in Spain).
import type { Kb } from "../../kb/kb.js";
import type { KbPlace } from "../../kb/types.js";
import { capitalAfterComma } from "../tokens.js";

/** Abbreviations, lower-cased with their full stops, and the province's or state's id. */
const PROVINCES: Record<string, string> = {
  "ont.": "ca-ontario",
  on: "ca-ontario",
  "que.": "ca-quebec",
  qc: "ca-quebec",
  "man.": "ca-manitoba",
  mb: "ca-manitoba",
  "sask.": "ca-saskatchewan",
  sk: "ca-saskatchewan",
  "alta.": "ca-alberta",
  ab: "ca-alberta",
  "b.c.": "ca-british-columbia",
  bc: "ca-british-columbia",
  "n.s.": "ca-nova-scotia",
  ns: "ca-nova-scotia",
  "n.b.": "ca-new-brunswick",
  nb: "ca-new-brunswick",
  "nfld.": "ca-newfoundland-and-labrador",
  nl: "ca-newfoundland-and-labrador",
  "p.e.i.": "ca-prince-edward-island",
  pe: "ca-prince-edward-island",
  "n.w.t.": "ca-northwest-territories",
  "vic.": "au-victoria",
  vic: "au-victoria",
  "qld.": "au-queensland",
  qld: "au-queensland",
  "tas.": "au-tasmania",
  tas: "au-tasmania",
  nsw: "au-new-south-wales",
  wa: "au-western-australia",
  sa: "au-south-australia",
  nt: "au-northern-territory",
  act: "au-australian-capital-territory",
};

/** After a comma: "Man.", "N.S.", "P.E.I.", "Vic", "QLD", "WA" (nothing glued to it). */
const AFTER = /^,\s?([A-Z][a-z]{1,4}\.?|(?:[A-Z]\.){2,3}|[A-Z]{2,3})(?![\p{L}\p{N}])/u;

export interface ProvinceAfter {
  start: number;
  end: number;
  place: KbPlace;
}

/** The province or state abbreviated right after `end` (a town's) and a comma, when there is one. */
export function provinceAfter(kb: Kb, text: string, end: number): ProvinceAfter | undefined {
  if (!capitalAfterComma(text, end)) return undefined;
  const m = AFTER.exec(text.slice(end, end + 10));
  if (!m) return undefined;
  const id = PROVINCES[m[1]!.toLowerCase()];
  const place = id ? kb.place(id) : undefined;
  if (!place) return undefined;
  const start = end + m[0].length - m[1]!.length;
  return { start, end: end + m[0].length, place };
}

/** Whether a town lies in the province's or state's box (the gazetteer gives towns no province). */
export function inProvince(p: KbPlace, province: KbPlace): boolean {
  const box = province.bbox;
  if (p.cc !== province.cc) return false;
  if (!box) return true;
  return p.lon >= box[0] && p.lat >= box[1] && p.lon <= box[2] && p.lat <= box[3];
}
