// The Analysis JSON contract. Other tools read it: fields may be added, never removed or renamed.
import { z } from "zod";

/**
 * 1.1.0 added `near` to findings, 1.2.0 `notEvents`, 1.3.0 `relativeTo` on places ("50 km south of X"),
 * 1.4.0 `setAside` on findings (a far reading set aside), 1.5.0 `pipeline` in provenance (the version of
 * the code that made the analysis), 1.6.0 `part` on mentions ("northern Syria"), 1.7.0 `partPoint` on
 * mentions (where that part lies); readers accept any 1.x.
 */
export const SCHEMA_VERSION = "1.7.0";

export const Span = z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() });
export type Span = z.infer<typeof Span>;

export const TextSpan = Span.extend({ text: z.string() });
export type TextSpan = z.infer<typeof TextSpan>;

/** Why a decision was taken: the rule or catalog entry, and its score. */
export const Evidence = z.object({
  rule: z.string(),
  score: z.number().optional(),
  detail: z.string().optional(),
});
export type Evidence = z.infer<typeof Evidence>;

export const MentionRole = z.enum(["literal", "metonymic", "demonym", "modifier", "coreference", "category"]);
export type MentionRole = z.infer<typeof MentionRole>;

/** The part of a place the text names: "northern Syria", "north-eastern Nigeria", "central Ohio". */
export const PlacePart = z.enum([
  "north",
  "south",
  "east",
  "west",
  "north-east",
  "north-west",
  "south-east",
  "south-west",
  "central",
]);
export type PlacePart = z.infer<typeof PlacePart>;

export const EntityMention = TextSpan.extend({
  role: MentionRole,
  /**
   * the part of the place the words before it name ("northern Syria": "north"), when they are not
   * a place of their own (since 1.6.0); the mention's span and the place's point stay the place's
   */
  part: PlacePart.optional(),
  /**
   * An approximate point for that part, from the place's bounding box (since 1.7.0): the middle of its
   * northern (eastern...) half, or of its north-eastern (...) quarter, for a map ("the eastern
   * Mediterranean" is not the sea's centre)
   */
  partPoint: z.object({ lat: z.number(), lon: z.number() }).optional(),
  matchedVariant: z.string().optional(),
  confidence: z.number().min(0).max(1),
  evidence: z.array(Evidence),
});
export type EntityMention = z.infer<typeof EntityMention>;

const EntityBase = z.object({
  id: z.string(),
  name: z.string(),
  mentions: z.array(EntityMention),
  confidence: z.number().min(0).max(1),
  kbId: z.string().optional(),
});

export const PlaceEntity = EntityBase.extend({
  kind: z.literal("place"),
  lat: z.number(),
  lon: z.number(),
  countryCode: z.string().nullable(),
  featureType: z.string(),
  geonameId: z.number().int().optional(),
  bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]).optional(),
  alternatives: z
    .array(
      z.object({ kbId: z.string(), name: z.string(), countryCode: z.string().nullable(), score: z.number() }),
    )
    .optional(),
  /**
   * A point the text gives as a distance and a direction from a place it names ("50 km south of
   * Maracaibo", featureType "relative-position"): lat/lon are worked out from that place (since 1.3.0).
   */
  relativeTo: z
    .object({
      entityId: z.string(),
      kbId: z.string().optional(),
      name: z.string(),
      distanceKm: z.number().nonnegative(),
      bearingDeg: z.number().min(0).max(360),
    })
    .optional(),
});
export const ActorType = z.enum([
  "state",
  "government",
  "military",
  "person",
  "organisation",
  "outlet",
  "anonymous",
]);
export const ActorEntity = EntityBase.extend({
  kind: z.literal("actor"),
  type: ActorType,
  countryCode: z.string().optional(),
  lat: z.number().optional(),
  lon: z.number().optional(),
  title: z.string().optional(),
});
export const EquipmentEntity = EntityBase.extend({
  kind: z.literal("equipment"),
  catalogId: z.string(),
  natoName: z.string().optional(),
  family: z.string().optional(),
  category: z.string(),
  origin: z.string().optional(),
  generic: z.boolean().optional(),
  matchedVariant: z.string().optional(),
});
export const UnitEntity = EntityBase.extend({
  kind: z.literal("unit"),
  countryCode: z.string().optional(),
});
export const Entity = z.discriminatedUnion("kind", [PlaceEntity, ActorEntity, EquipmentEntity, UnitEntity]);
export type Entity = z.infer<typeof Entity>;
export type PlaceEntity = z.infer<typeof PlaceEntity>;
export type ActorEntity = z.infer<typeof ActorEntity>;
export type EquipmentEntity = z.infer<typeof EquipmentEntity>;

export const Factuality = z.enum(["asserted", "reported", "hedged", "speculative", "negated", "planned"]);
export type Factuality = z.infer<typeof Factuality>;

export const Granularity = z.enum([
  "instant",
  "day",
  "week",
  "month",
  "quarter",
  "year",
  "decade",
  "unknown",
]);
export const TimeValue = z.object({
  start: z.string().nullable(),
  end: z.string().nullable(),
  granularity: Granularity,
  text: z.string().optional(),
  span: Span.optional(),
  inferred: z.boolean().optional(),
});
export type TimeValue = z.infer<typeof TimeValue>;

export const Cue = TextSpan.extend({ kind: z.string(), rule: z.string() });
export type Cue = z.infer<typeof Cue>;

export const Event = z.object({
  id: z.string(),
  type: z.string(),
  cameo: z.object({ code: z.string(), label: z.string() }),
  plover: z.object({ type: z.string(), mode: z.string().optional() }).optional(),
  actors: z.array(z.string()),
  equipment: z.array(z.string()),
  places: z.array(z.string()),
  targets: z.array(z.string()).optional(),
  time: TimeValue,
  evidence: TextSpan,
  evidenceSpans: z.array(TextSpan).optional(),
  trigger: TextSpan,
  factuality: Factuality,
  confidence: z.number().min(0).max(1),
  sourceIds: z.array(z.string()),
  cues: z.array(Cue),
  rule: z.string(),
});
export type Event = z.infer<typeof Event>;

export const SourceType = z.enum([
  "article",
  "outlet",
  "official",
  "government",
  "military",
  "anonymous",
  "imagery",
  "photographs",
  "video",
  "document",
  "social-media",
  "analyst",
  "witness",
  "other",
]);
export const Source = z.object({
  id: z.string(),
  name: z.string(),
  type: SourceType,
  citedBy: z.string().optional(),
  entityId: z.string().optional(),
  spans: z.array(TextSpan),
  reliability: z.string().optional(),
  /** for the article itself: the knowledge base's outlet that published it (by its URL's domain or its feed) */
  outlet: z.string().optional(),
});
export type Source = z.infer<typeof Source>;

export const Severity = z.enum(["info", "warning", "error"]);
export const Finding = z.object({
  kind: z.string(),
  severity: Severity,
  message: z.string(),
  spans: z.array(TextSpan),
  rule: z.string().optional(),
  /**
   * For a place the gazetteer does not know: the resolved place the text names closest to it, as an
   * approximate location (never presented as the place itself).
   */
  near: z
    .object({
      entityId: z.string(),
      name: z.string(),
      lat: z.number(),
      lon: z.number(),
      rule: z.string(),
      confidence: z.number(),
    })
    .optional(),
  /**
   * For a toponym whose likeliest gazetteer reading was set aside as far from every other place the story
   * names (since 1.4.0): that reading, and its distance to the nearest of them.
   */
  setAside: z
    .object({
      kbId: z.string(),
      name: z.string(),
      lat: z.number(),
      lon: z.number(),
      km: z.number().optional(),
    })
    .optional(),
});
export type Finding = z.infer<typeof Finding>;

export const DocumentRecord = z.object({
  id: z.string(),
  title: z.string(),
  text: z.string(),
  url: z.string().optional(),
  source: z.string().optional(),
  byline: z.string().optional(),
  publishedAt: z.string().nullable(),
  publishedAtInferred: z.boolean(),
  language: z.string(),
  format: z.enum(["text", "html", "rss", "atom", "jsonl"]),
  contentHash: z.string(),
});
export type DocumentRecord = z.infer<typeof DocumentRecord>;

/** A word that looks like an event trigger but was read as no event, with the named rule that said so. */
export const NotEvent = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
  /** the event type the word would have told */
  type: z.string(),
  /** the sense rule that read it otherwise (src/stages/events/senses.ts), e.g. "noun-modifier" */
  rule: z.string(),
});
export type NotEvent = z.infer<typeof NotEvent>;

export const Analysis = z.object({
  schemaVersion: z.string().regex(/^1\.\d+\.\d+$/),
  document: DocumentRecord,
  entities: z.array(Entity),
  events: z.array(Event),
  sources: z.array(Source),
  findings: z.array(Finding),
  /** trigger words read as no event ("attack drones", "any attack"), so a reader can see why (since 1.2.0) */
  notEvents: z.array(NotEvent).optional(),
  provenance: z.object({
    orbatVersion: z.string(),
    /** a hash of the pipeline's code (since 1.5.0): analyses with another one were made by other code */
    pipeline: z.string().optional(),
    kb: z.record(z.string(), z.string()),
    timingsMs: z.record(z.string(), z.number()),
    stages: z.array(z.string()),
  }),
});
export type Analysis = z.infer<typeof Analysis>;
