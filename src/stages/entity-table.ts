// Entities of one document, deduplicated by their KB entry; each mention keeps its span and evidence.
import type { Entity, EntityMention } from "../core/analysis.js";

type NewEntity = Entity extends infer E ? (E extends Entity ? Omit<E, "id" | "mentions"> : never) : never;

export interface MentionRecord extends EntityMention {
  entityId: string;
  sentence: number;
}

/** The mention with its entity and sentence: the fields of an EntityMention written out (see EntityMention). */
function mentionRecord(m: EntityMention, entityId: string, sentence: number): MentionRecord {
  const r: MentionRecord = {
    start: m.start,
    end: m.end,
    text: m.text,
    role: m.role,
    confidence: m.confidence,
    evidence: m.evidence,
    entityId,
    sentence,
  };
  if (m.matchedVariant !== undefined) r.matchedVariant = m.matchedVariant;
  if (m.part !== undefined) r.part = m.part;
  if (m.partPoint !== undefined) r.partPoint = m.partPoint;
  return r;
}

/** Whether one of the mentions has this span (a loop: a closure would be made on every add). */
function hasSpan(mentions: EntityMention[], start: number, end: number): boolean {
  for (const m of mentions) if (m.start === start && m.end === end) return true;
  return false;
}

/**
 * Whether two lists of entities stand on one side: one entity in both, or an actor or place of each of one
 * country ("the Northern Fleet" and "Russia"). Entities of no country (an alliance, a sea) share no side by
 * it. The events stage merges tellings and the assessment pairs a claim with its denial by it.
 */
export function sameSide(table: EntityTable, a: readonly string[], b: readonly string[]): boolean {
  return a.some((x) => {
    const cx = countryOf(table, x);
    return b.some((y) => x === y || (!!cx && cx === countryOf(table, y)));
  });
}

/** The country of an actor or a place (none for equipment, units, or an entity of no country). */
export function countryOf(table: EntityTable, id: string): string | undefined {
  const e = table.get(id);
  return e?.kind === "actor" || e?.kind === "place" ? (e.countryCode ?? undefined) : undefined;
}

export class EntityTable {
  private byKey = new Map<string, Entity>();
  readonly list: Entity[] = [];
  readonly mentions: MentionRecord[] = [];
  /** the mentions by position, kept until the mentions change */
  private bySpan: readonly MentionRecord[] | undefined;

  /** Adds a mention to the entity for `key` (creating it from `make` the first time). */
  add(key: string, make: () => NewEntity, mention: EntityMention, sentence: number): Entity {
    return this.addMention(this.byKey.get(key) ?? this.create(key, make()), mention, sentence);
  }

  /** The entity for `key`, if made: a caller with the entity's fields at hand needs no `make` closure. */
  find(key: string): Entity | undefined {
    return this.byKey.get(key);
  }

  /** Makes the entity for `key` (not made before) from a fresh object without id or mentions. */
  create(key: string, fields: NewEntity): Entity {
    // adding id and mentions keeps the key order a spread into a new object would give, without the
    // spread's cost on objects of many shapes
    const e = fields as Entity;
    e.id = `e${this.list.length + 1}`;
    e.mentions = [];
    this.byKey.set(key, e);
    this.list.push(e);
    return e;
  }

  /** Adds a mention to an entity of this table, unless it has one with the same span. */
  addMention(e: Entity, mention: EntityMention, sentence: number): Entity {
    if (!hasSpan(e.mentions, mention.start, mention.end)) {
      e.mentions.push(mention);
      e.confidence = Math.max(e.confidence, mention.confidence);
      this.mentions.push(mentionRecord(mention, e.id, sentence));
      this.bySpan = undefined;
    }
    return e;
  }

  /** Whether a mention overlaps [start, end) (a loop: no closure made for each question). */
  overlaps(start: number, end: number): boolean {
    for (const m of this.mentions) if (m.start < end && start < m.end) return true;
    return false;
  }

  /**
   * Takes back every mention inside [start, end), or only the entity's with this id: a later, surer reading
   * of those words replaces them.
   */
  removeMentionsWithin(start: number, end: number, entityId?: string): void {
    const inside = (m: { start: number; end: number }) => m.start >= start && m.end <= end;
    for (const e of this.list) {
      if (entityId !== undefined && e.id !== entityId) continue;
      if (e.mentions.some(inside)) e.mentions = e.mentions.filter((m) => !inside(m));
    }
    for (let i = this.mentions.length - 1; i >= 0; i--) {
      const m = this.mentions[i]!;
      if (inside(m) && (entityId === undefined || m.entityId === entityId)) this.mentions.splice(i, 1);
    }
    this.bySpan = undefined;
  }

  /**
   * The entity with this id. Entity n (from 1) is list[n - 1] and has id "e<n>" (create() is the only maker,
   * and the list is only added to), so the number in the id finds it: no map of ids to fill for every
   * entity and hash for every question. Any other string names no entity, as in a map of the ids.
   */
  get(id: string): Entity | undefined {
    if (id.charCodeAt(0) !== 101) return undefined; // "e"
    // the number after the "e", read by character code (no substring made: asked for every mention
    // of every trigger)
    let n = 0;
    for (let k = 1; k < id.length; k++) {
      const c = id.charCodeAt(k) - 48;
      if (c < 0 || c > 9) return undefined;
      n = n * 10 + c;
    }
    const e = this.list[n - 1];
    return e !== undefined && e.id === id ? e : undefined;
  }

  byKbId(kbId: string): Entity | undefined {
    return this.list.find((e) => e.kbId === kbId);
  }

  /** Mentions sorted by position (one list, shared by the stages that read it: not to be changed). */
  sorted(): readonly MentionRecord[] {
    this.bySpan ??= [...this.mentions].sort((a, b) => a.start - b.start);
    return this.bySpan;
  }

  /** Drops entities that ended with no mentions and renumbers nothing (ids stay stable). */
  finish(): Entity[] {
    for (const e of this.list) e.mentions.sort((a, b) => a.start - b.start);
    return this.list.filter((e) => e.mentions.length > 0);
  }
}
