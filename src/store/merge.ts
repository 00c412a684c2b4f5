// Cross-document merging: events told by several documents (same type, systems, country and date) become
// one event with every telling as evidence, the independent stories counted once, and the first report.
import { independentReports } from "./independent.js";
import type { EventRow } from "./store.js";

export interface MergedEvent
  extends Omit<EventRow, "docId" | "eventId" | "evidence" | "document" | "storyId" | "origin"> {
  signature: string;
  tellings: Array<{
    docId: string;
    eventId: string;
    evidence: EventRow["evidence"];
    document: EventRow["document"];
    storyId: string;
    factuality: string;
  }>;
  stories: number;
  /** independent reports among the tellings (see independent.ts): a relay of an outlet is that outlet's */
  reports: number;
}

export function mergeRows(rows: EventRow[], signatureOf: (r: EventRow) => string): MergedEvent[] {
  const groups = new Map<string, EventRow[]>();
  for (const r of rows) {
    const k = signatureOf(r);
    groups.set(k, [...(groups.get(k) ?? []), r]);
  }
  const uniq = <T>(xs: T[]) => [...new Set(xs)];
  return [...groups.entries()].map(([signature, rs]) => {
    const first = [...rs].sort((a, b) =>
      (a.document.publishedAt ?? "9999").localeCompare(b.document.publishedAt ?? "9999"),
    )[0]!;
    const { docId: _d, eventId: _e, evidence: _v, document: _doc, storyId: _s, origin: _o, ...rest } = first;
    return {
      ...rest,
      signature,
      actors: uniq(rs.flatMap((r) => r.actors)),
      equipment: uniq(rs.flatMap((r) => r.equipment)),
      places: uniq(rs.flatMap((r) => r.places)),
      sources: uniq(rs.flatMap((r) => r.sources.map((s) => JSON.stringify(s)))).map(
        (s) => JSON.parse(s) as { name: string; type: string },
      ),
      confidence: Math.max(...rs.map((r) => r.confidence)),
      stories: new Set(rs.map((r) => r.storyId)).size,
      reports: independentReports(
        rs.map((r) => ({
          docId: r.docId,
          storyId: r.storyId,
          publishedAt: r.document.publishedAt,
          origin: r.origin,
        })),
      ),
      tellings: rs.map((r) => ({
        docId: r.docId,
        eventId: r.eventId,
        evidence: r.evidence,
        document: r.document,
        storyId: r.storyId,
        factuality: r.factuality,
      })),
    };
  });
}
