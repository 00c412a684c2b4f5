// An event as the store lists it, with its document, corroboration and argument names: the row `orbat
// query --json` prints and `/api/events` answers. No imports, so the web app uses the same type.

/** A sea, coast or region among an event's places, with its bounding box (west, south, east, north). */
export interface EventArea {
  name: string;
  type: string;
  bbox: [number, number, number, number];
}

export interface EventRow {
  /** the cross-document key: type, specific systems, country of the place, date */
  signature: string;
  docId: string;
  eventId: string;
  type: string;
  cameo: { code: string; label: string };
  factuality: string;
  confidence: number;
  time: { start: string | null; end: string | null };
  lat: number | null;
  lon: number | null;
  countryCode: string | null;
  evidence: { start: number; end: number; text: string };
  document: { title: string | null; url: string | null; source: string | null; publishedAt: string | null };
  storyId: string;
  /**
   * whose report this telling is: `relay:<outlets>` for an article telling it on other outlets' word,
   * `own:<outlet>` for one whose publisher the knowledge base knows, else null (its story alone)
   */
  origin: string | null;
  /** independent reports of this event in the store: syndicated copies, relays of one outlet and an outlet's own stories count once */
  corroboration: number;
  firstReported: string | null;
  actors: string[];
  equipment: string[];
  places: string[];
  sources: Array<{ name: string; type: string }>;
  /** seas, coasts and regions among the event's places, with their bounding boxes */
  areas: EventArea[];
  /** knowledge-base ids of the event's actors, equipment and places */
  entityIds: string[];
}
