// STIX 2.1 bundles of stored events, for OpenCTI/MISP-style tools: one report per document, a location per
// place, an identity per outlet (and one for orbat), and a note per event with its evidence, factuality and
// confidence. Ids are UUIDv5 over stable keys, so exporting twice gives the same objects. Every bundle is
// parsed with the zod schema below and checked with validateStixBundle before it is handed out; the tests
// also hold it to docs/stix-2.1.schema.json (docs/stix.md).
import { createHash } from "node:crypto";
import { z } from "zod";
import { ErrorCodes, OrbatError } from "../core/errors.js";
import { validateStixBundle } from "./stix-validate.js";
import type { EventRow } from "./store.js";

const NAMESPACE = "8b3f2a0e-5c1d-4e2b-9a6f-0d7c1e4b2a90";
/**
 * created/modified of the objects several documents share (orbat's identity, outlets, places). STIX forbids
 * changing created between versions of an object, so it must not depend on which events are exported.
 */
const SHARED_CREATED = "2026-01-01T00:00:00.000Z";

function uuid5(name: string): string {
  const ns = Buffer.from(NAMESPACE.replace(/-/g, ""), "hex");
  const h = createHash("sha1")
    .update(Buffer.concat([ns, Buffer.from(name)]))
    .digest();
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString("hex");
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

/** A STIX timestamp (UTC, milliseconds, Z) for a date or date-time, or for the fallback instant. */
const ts = (d: string | null | undefined, fallback: string) => {
  const v = d ? new Date(d.length === 10 ? `${d}T00:00:00Z` : d) : new Date(fallback);
  return Number.isNaN(v.getTime()) ? new Date(fallback).toISOString() : v.toISOString();
};

/** An http(s) URL in its normalised, ASCII form (what an RFC 3986 `uri` is), or null. */
function webUrl(u: string | null): string | null {
  if (!u || !URL.canParse(u)) return null;
  const url = new URL(u);
  return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
}

/**
 * What the STIX 2.1 specification requires of the objects we write (common and per-type properties), in
 * step with docs/stix-2.1.schema.json; src/store/stix-validate.ts checks what spans objects.
 */
const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";
const id = (type: string) => z.string().regex(new RegExp(`^${type}--${UUID}$`));
const stamp = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
/** created and modified need at least millisecond precision */
const stampMs = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3,}Z$/);
const common = (type: string) =>
  z.strictObject({
    type: z.literal(type),
    spec_version: z.literal("2.1"),
    id: id(type),
    created: stampMs,
    modified: stampMs,
    created_by_ref: id("identity").optional(),
  });
const ref = z.string().regex(new RegExp(`^[a-z0-9][a-z0-9-]+[a-z0-9]--${UUID}$`));
/** The standard prohibits empty lists. */
const strings = z.array(z.string()).min(1);
const extRef = z
  .strictObject({
    source_name: z.string().min(1),
    url: z.url().optional(),
    description: z.string().optional(),
    external_id: z.string().optional(),
  })
  .refine((r) => r.url !== undefined || r.description !== undefined || r.external_id !== undefined, {
    message: "an external reference needs a description, url or external_id besides source_name",
  });
export const StixObject = z.discriminatedUnion("type", [
  common("identity").extend({
    name: z.string().min(1),
    identity_class: z.enum(["individual", "group", "system", "organization", "class", "unknown"]),
  }),
  common("location").extend({
    name: z.string().optional(),
    latitude: z.number().min(-90).max(90),
    longitude: z.number().min(-180).max(180),
    country: z.string().optional(),
  }),
  common("note").extend({
    abstract: z.string().optional(),
    content: z.string().min(1),
    authors: strings.optional(),
    object_refs: z.array(ref).min(1),
    confidence: z.number().int().min(0).max(100).optional(),
    labels: strings.optional(),
  }),
  common("report").extend({
    name: z.string().min(1),
    published: stamp,
    report_types: strings.optional(),
    object_refs: z.array(ref).min(1),
    external_references: z.array(extRef).min(1).optional(),
    description: z.string().optional(),
  }),
]);
export const StixBundle = z.strictObject({
  type: z.literal("bundle"),
  id: id("bundle"),
  objects: z.array(StixObject),
});
export type StixBundle = z.infer<typeof StixBundle>;

export function toStix(rows: EventRow[], now = new Date().toISOString()): StixBundle {
  const objects = new Map<string, z.infer<typeof StixObject>>();
  const orbat = {
    type: "identity" as const,
    spec_version: "2.1" as const,
    id: `identity--${uuid5("orbat")}`,
    created: SHARED_CREATED,
    modified: SHARED_CREATED,
    name: "orbat",
    identity_class: "system" as const,
  };
  objects.set(orbat.id, orbat);
  const byDoc = new Map<string, EventRow[]>();
  for (const r of rows) byDoc.set(r.docId, [...(byDoc.get(r.docId) ?? []), r]);
  for (const [docId, events] of byDoc) {
    const d = events[0]!.document;
    const published = ts(d.publishedAt, now);
    const refs: string[] = [];
    if (d.source) {
      const outlet = {
        type: "identity" as const,
        spec_version: "2.1" as const,
        id: `identity--${uuid5(`outlet:${d.source}`)}`,
        created: SHARED_CREATED,
        modified: SHARED_CREATED,
        name: d.source,
        identity_class: "organization" as const,
      };
      if (!objects.has(outlet.id)) objects.set(outlet.id, outlet);
      refs.push(outlet.id);
    }
    for (const e of events) {
      const noteRefs: string[] = [];
      if (e.lat !== null && e.lon !== null) {
        const loc = {
          type: "location" as const,
          spec_version: "2.1" as const,
          id: `location--${uuid5(`loc:${e.places[0] ?? ""}:${e.lat},${e.lon}`)}`,
          created: SHARED_CREATED,
          modified: SHARED_CREATED,
          name: e.places[0] ?? `${e.lat},${e.lon}`,
          latitude: e.lat,
          longitude: e.lon,
          ...(e.countryCode ? { country: e.countryCode } : {}),
        };
        if (!objects.has(loc.id)) objects.set(loc.id, loc);
        noteRefs.push(loc.id);
        refs.push(loc.id);
      }
      const note = {
        type: "note" as const,
        spec_version: "2.1" as const,
        id: `note--${uuid5(`event:${docId}:${e.eventId}`)}`,
        created: published,
        modified: published,
        created_by_ref: orbat.id,
        abstract: `${e.type} (CAMEO ${e.cameo.code} ${e.cameo.label})${e.time.start ? ` on ${e.time.start}` : ""}`,
        content: [
          `Evidence: "${e.evidence.text}"`,
          `Factuality: ${e.factuality}. Confidence: ${e.confidence}. Corroborated by ${e.corroboration} independent stor${e.corroboration === 1 ? "y" : "ies"}.`,
          e.actors.length ? `Actors: ${e.actors.join(", ")}.` : "",
          e.equipment.length ? `Equipment: ${e.equipment.join(", ")}.` : "",
          e.sources.length ? `Sources: ${e.sources.map((s) => `${s.name} (${s.type})`).join(" <- ")}.` : "",
        ]
          .filter(Boolean)
          .join("\n"),
        object_refs: noteRefs.length ? noteRefs : [orbat.id],
        confidence: Math.round(e.confidence * 100),
        labels: [e.type, `factuality:${e.factuality}`, `cameo:${e.cameo.code}`],
      };
      objects.set(note.id, note);
      refs.push(note.id);
    }
    const url = webUrl(d.url);
    const report = {
      type: "report" as const,
      spec_version: "2.1" as const,
      id: `report--${uuid5(`doc:${docId}`)}`,
      created: published,
      modified: published,
      created_by_ref: orbat.id,
      name: d.title || docId,
      published,
      report_types: ["threat-report"],
      object_refs: [...new Set(refs.length ? refs : [orbat.id])],
      // STIX requires a description, url or external_id beside source_name: without a URL, say what it is.
      ...(d.url || d.source
        ? {
            external_references: [
              {
                source_name: d.source ?? "article",
                ...(url
                  ? { url }
                  : {
                      description: `The article "${d.title || docId}"${d.source ? ` as published by ${d.source}` : ""}${d.publishedAt ? ` on ${d.publishedAt.slice(0, 10)}` : ""}`,
                    }),
              },
            ],
          }
        : {}),
    };
    objects.set(report.id, report);
  }
  const bundle = {
    type: "bundle" as const,
    id: `bundle--${uuid5(`bundle:${[...objects.keys()].sort().join(",")}`)}`,
    objects: [...objects.values()],
  };
  return assertValidStix(StixBundle.parse(bundle));
}

/** The bundle, once the cross-object checks pass (ids, timestamps, every reference resolving); else a typed error. */
export function assertValidStix<T>(bundle: T): T {
  const errors = validateStixBundle(bundle);
  if (errors.length)
    throw new OrbatError(
      ErrorCodes.EXPORT_INVALID,
      `the STIX bundle orbat built is not valid STIX 2.1 (${errors.length} problem${errors.length === 1 ? "" : "s"}): ${errors.slice(0, 3).join("; ")}`,
      "this is a bug in orbat's STIX export; please report it with the command you ran",
    );
  return bundle;
}
