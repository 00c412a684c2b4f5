// Typed calls to the orbat HTTP API.
import { decodeEvents, type EventColumns } from "../../src/core/event-columns.js";
import type { EventRow } from "../../src/core/event-row.js";

export type { EventRow };

export interface Span {
  start: number;
  end: number;
  text: string;
}
export interface Mention extends Span {
  role: string;
  confidence: number;
  evidence: Array<{ rule: string; score?: number; detail?: string }>;
  matchedVariant?: string;
  /** the part of the place a direction names: "northern Syria" is "north" */
  part?: string;
}
export interface Entity {
  id: string;
  kind: "place" | "actor" | "equipment" | "unit";
  name: string;
  mentions: Mention[];
  confidence: number;
  [k: string]: unknown;
}
export interface AnalysisEvent {
  id: string;
  type: string;
  cameo: { code: string; label: string };
  evidence: Span;
  evidenceSpans?: Span[];
  trigger: Span;
  factuality: string;
  confidence: number;
  sourceIds: string[];
  actors: string[];
  equipment: string[];
  places: string[];
  time: { start: string | null; end: string | null };
}
export interface Source {
  id: string;
  name: string;
  type: string;
  citedBy?: string;
}
export interface Finding {
  kind: string;
  severity: string;
  message: string;
  spans: Span[];
}
export interface Analysis {
  document: {
    id: string;
    title: string;
    text: string;
    source?: string;
    publishedAt: string | null;
    publishedAtInferred: boolean;
    url?: string;
  };
  entities: Entity[];
  events: AnalysisEvent[];
  sources: Source[];
  findings: Finding[];
}

async function json<T>(res: Response): Promise<T> {
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as { error?: { message?: string } };
    throw new Error(body.error?.message ?? `HTTP ${res.status}`);
  }
  return (await res.json()) as T;
}

export const api = {
  /** with compact=1 the server answers in columns; either way the app gets rows */
  events: (q: URLSearchParams) =>
    fetch(`/api/events?${q}`)
      .then((r) => json<EventRow[] | EventColumns>(r))
      .then((b) => (Array.isArray(b) ? b : (decodeEvents(b) as unknown as EventRow[]))),
  document: (id: string) => fetch(`/api/documents/${encodeURIComponent(id)}`).then((r) => json<Analysis>(r)),
  analyze: (input: { text: string; title?: string } | { html: string }, publishedAt?: string) =>
    fetch("/api/analyze", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ ...input, ...(publishedAt ? { publishedAt } : {}) }),
    }).then((r) => json<Analysis>(r)),
  entityEvents: (kbId: string) =>
    fetch(`/api/entities/${encodeURIComponent(kbId)}/events`).then((r) => json<EventRow[]>(r)),
  basemap: () => fetch("/api/basemap").then((r) => json<GeoJSON.FeatureCollection>(r)),
};
