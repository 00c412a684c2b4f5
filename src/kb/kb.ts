// The loaded knowledge base: records plus a compiled name index (compact key -> references) and a
// deletion index over equipment designators so a dropped or extra letter still finds its system.

import { KbBuilder, lowerCaseKeysOf, prefixesOf } from "./compile.js";
import { hashKey, hashUnit, KEY_HASH_START, KeyFilter, sizedKeyFilter } from "./key-filter.js";
import { KeyTable } from "./key-table.js";
import { compactKey, stripArticle } from "./normalize.js";
import {
  type CompiledKb,
  fromColumns,
  type KbActor,
  type KbEquipment,
  type KbPlace,
  RefKind,
  type RefKindName,
  type RefRow,
} from "./types.js";

export interface Ref {
  kind: RefKindName;
  index: number;
  surface: string;
  flags: number;
}

/** Bits of Kb.probe(): the string is a key of the name index; it is the start of a longer key. */
export const PROBE_KEY = 1;
export const PROBE_PREFIX = 2;

/** How many recent probe (and lookup) answers Kb keeps (all are dropped when it is full). */
const HOT_PROBES = 8192;

const KIND_NAMES = Object.fromEntries(Object.entries(RefKind).map(([k, v]) => [v, k])) as Record<
  number,
  RefKindName
>;

const NO_REFS: readonly Ref[] = Object.freeze([]);

export class Kb {
  readonly version: string;
  readonly places: KbPlace[];
  readonly equipment: KbEquipment[];
  readonly actors: KbActor[];
  private keyPos: Map<string, number>;
  private cols: CompiledKb["index"];
  /** groups materialised on first use (and all groups added by extensions) */
  private groups: Array<RefRow[] | undefined> = [];
  /** lookup()'s answers by key position, made on first use */
  private refs: Array<readonly Ref[] | undefined> = [];
  /** lookup()'s answers for the keys looked up lately, found without the large map (as hotProbes) */
  private hotRefs = new Map<string, readonly Ref[]>();
  private prefixes: Set<string>;
  /**
   * the keys and prefixes a span starting in lower case may be (CompiledKb.lowerCase); none in a file
   * compiled by an orbat before it, given by path, whose lower-case spans are then filtered by all keys
   */
  private lowerCase: string[] | undefined;
  /**
   * The answers for the strings probed lately. Most probes are common words ("the", "said"), and a small
   * map stays in the CPU cache where the large ones (some 140,000 keys, 50,000 prefixes) cost cache misses.
   */
  private hotProbes = new Map<string, number>();
  readonly common: Set<string>;
  private deletions?: Map<string, string[]>;
  private nameDeletions?: Map<string, string[]>;
  private equipmentNames?: Set<string>;
  private placeIds: Map<string, number>;
  private actorIds: Map<string, number>;
  /** equipment entries by id, made on first use (extend() drops it) */
  private equipmentIds?: Map<string, KbEquipment>;
  /** Longest key length in characters: bounds how far a matcher extends a candidate. */
  maxKeyLength = 0;
  extensions: string[] = [];
  counts: Record<string, number>;

  constructor(c: CompiledKb) {
    this.version = c.version;
    this.places = fromColumns(c.places);
    this.equipment = c.equipment;
    this.actors = c.actors;
    this.counts = c.counts;
    this.cols = c.index;
    this.keyPos = new Map();
    c.index.keys.forEach((k, i) => {
      this.keyPos.set(k, i);
      if (k.length > this.maxKeyLength) this.maxKeyLength = k.length;
    });
    this.prefixes = new Set(c.prefixes);
    this.lowerCase = c.lowerCase;
    // made with the index (some 20 ms, once), not on the first document's time
    this.filter = new KeyFilter([c.index.keys, c.prefixes]);
    this.table = new KeyTable(this.keyPos, this.prefixes, PROBE_KEY, PROBE_PREFIX);
    this.common = new Set(c.common);
    this.placeIds = new Map(this.places.map((p, i) => [p.id, i]));
    this.actorIds = new Map(this.actors.map((a, i) => [a.id, i]));
  }

  lookup(key: string): Ref[] {
    return this.refsOf(key).slice();
  }

  /** lookup()'s answer without a copy: the array is shared, not to be changed. */
  refsOf(key: string): readonly Ref[] {
    const hot = this.hotRefs.get(key);
    if (hot) return hot;
    const pos = this.keyPos.get(key);
    if (pos === undefined) return NO_REFS;
    const refs = this.refsAt(pos);
    if (this.hotRefs.size >= HOT_PROBES) this.hotRefs.clear();
    this.hotRefs.set(key, refs);
    return refs;
  }

  /** refsOf() for the key at this position of the index (KeyTable.keyPos gives it). */
  refsAt(pos: number): readonly Ref[] {
    let refs = this.refs[pos];
    if (!refs) {
      // made once per key (frozen, as every caller shares them); the caller gets its own array
      refs = this.group(pos).map(([k, i, s, f]) =>
        Object.freeze({ kind: KIND_NAMES[k]!, index: i, surface: s, flags: f }),
      );
      this.refs[pos] = refs;
    }
    return refs;
  }

  has(key: string): boolean {
    return this.keyPos.has(key);
  }

  /** True when some longer key starts with this one: worth reading the next token. */
  isPrefix(key: string): boolean {
    return this.prefixes.has(key);
  }

  /**
   * has() and isPrefix() at once, as PROBE_KEY | PROBE_PREFIX bits (0: neither). The matcher asks this for
   * every span it extends; the answers for recent strings come from a small map that stays in the CPU cache.
   */
  probe(key: string): number {
    const hot = this.hotProbes.get(key);
    if (hot !== undefined) return hot;
    const bits = (this.keyPos.has(key) ? PROBE_KEY : 0) | (this.prefixes.has(key) ? PROBE_PREFIX : 0);
    if (this.hotProbes.size >= HOT_PROBES) this.hotProbes.clear();
    this.hotProbes.set(key, bits);
    return bits;
  }

  private filter?: KeyFilter;

  /** A filter over the keys and prefixes: a string it rules out would probe() as 0 (remade after extend()). */
  keyFilter(): KeyFilter {
    this.filter ??= new KeyFilter([this.keyPos.keys(), this.prefixes]);
    return this.filter;
  }

  private lowerFilter?: KeyFilter;

  /**
   * keyFilter() for a span that starts with a lower-case letter: over the keys such a span may be read
   * as and their prefixes (some 10,000, mostly the leading characters of designators), in a filter small
   * enough to stay in the CPU's cache (16 KB; remade after extend()).
   */
  lowerCaseFilter(): KeyFilter {
    this.lowerFilter ??= this.lowerCase ? sizedKeyFilter([this.lowerCase]) : this.keyFilter();
    return this.lowerFilter;
  }

  private table?: KeyTable;

  /** The keys and prefixes found by their hash (see KeyTable); remade after extend(). */
  keyTable(): KeyTable {
    this.table ??= new KeyTable(this.keyPos, this.prefixes, PROBE_KEY, PROBE_PREFIX);
    return this.table;
  }

  place(id: string): KbPlace | undefined {
    const i = this.placeIds.get(id);
    return i === undefined ? undefined : this.places[i];
  }

  /** The first equipment entry with this id (as equipment.find would give), from a map made on first use. */
  equipmentEntry(id: string): KbEquipment | undefined {
    if (!this.equipmentIds) {
      this.equipmentIds = new Map();
      for (const e of this.equipment) if (!this.equipmentIds.has(e.id)) this.equipmentIds.set(e.id, e);
    }
    return this.equipmentIds.get(id);
  }

  actor(id: string): KbActor | undefined {
    const i = this.actorIds.get(id);
    return i === undefined ? undefined : this.actors[i];
  }

  private outletDomains?: Map<string, KbActor>;

  /** The outlet that published a document, from its URL's domain ("www.reuters.com") or its source name. */
  outletOf(doc: { source?: string; url?: string }): KbActor | undefined {
    if (doc.url) {
      if (!this.outletDomains) {
        this.outletDomains = new Map();
        for (const a of this.actors)
          if (a.type === "outlet") for (const dom of a.domains ?? []) this.outletDomains.set(dom, a);
      }
      let host = "";
      try {
        host = new URL(doc.url).hostname.toLowerCase();
      } catch {
        host = "";
      }
      // "edition.cnn.com" is cnn.com: try the host, then each parent domain
      for (let h = host; h.includes("."); h = h.slice(h.indexOf(".") + 1)) {
        const a = this.outletDomains.get(h);
        if (a) return a;
      }
    }
    if (doc.source) {
      const key = compactKey(stripArticle(doc.source.trim()));
      const ref = this.lookup(key).find((r) => r.kind === "actor" && this.actors[r.index]!.type === "outlet");
      if (ref) return this.actors[ref.index];
    }
    return undefined;
  }

  /** Equipment keys one edit away (a dropped, extra or changed letter or digit). */
  fuzzyEquipment(key: string, names = false): Array<{ key: string; ref: Ref }> {
    if (key.length < (names ? NAME_MIN : 4)) return [];
    const del = names ? this.nameDeletionIndex() : this.deletionIndex();
    const filter = names ? this.nameFuzzyFilter() : this.fuzzyFilter();
    const found = new Set<string>();
    // the text dropped a letter
    if (filter.mayHave(hashKey(KEY_HASH_START, key))) for (const k of del.get(key) ?? []) found.add(k);
    // Each of the key's deletions, hashed without being made: most ("33yearold" less a letter) are in
    // neither map, and the filter says so before a string is made and looked up in them.
    let before = KEY_HASH_START;
    for (let i = 0; i < key.length; i++) {
      let h = before;
      for (let k = i + 1; k < key.length; k++) h = hashUnit(h, key.charCodeAt(k));
      before = hashUnit(before, key.charCodeAt(i));
      if (!filter.mayHave(h)) continue;
      const d = key.slice(0, i) + key.slice(i + 1);
      // the text has an extra letter
      if (names ? this.nameKeys().has(d) : this.keyPos.has(d)) found.add(d);
      for (const k of del.get(d) ?? []) found.add(k); // a changed letter
    }
    found.delete(key);
    const out: Array<{ key: string; ref: Ref }> = [];
    for (const k of found) {
      for (const ref of this.lookup(k)) if (ref.kind === "equipment") out.push({ key: k, ref });
    }
    return out;
  }

  /**
   * Equipment names of NAME_MIN letters or more with no digit ("iskanderm", "patriot", "leopard"), whose
   * every reading is equipment: the names a misspelling may miss by one edit. Built on first use.
   */
  private nameKeys(): Set<string> {
    if (this.equipmentNames) return this.equipmentNames;
    const keys = new Set<string>();
    for (const [key, pos] of this.keyPos) {
      if (key.length < NAME_MIN || /\d/.test(key)) continue;
      const kinds = this.kindsAt(pos);
      if (kinds.length > 0 && kinds.every((k) => k === RefKind.equipment)) keys.add(key);
    }
    this.equipmentNames = keys;
    return keys;
  }

  private fuzzyFilterOf?: KeyFilter;
  private nameFuzzyFilterOf?: KeyFilter;

  /**
   * A filter over the strings fuzzyEquipment looks up for designators: the deletion index's and the keys
   * an equipment reading has (a deletion found as a key counts only as equipment). Made on first use.
   */
  private fuzzyFilter(): KeyFilter {
    if (this.fuzzyFilterOf) return this.fuzzyFilterOf;
    const keys: string[] = [];
    for (const [key, pos] of this.keyPos) if (this.kindsAt(pos).includes(RefKind.equipment)) keys.push(key);
    this.fuzzyFilterOf = sizedKeyFilter([keys, this.deletionIndex().keys()]);
    return this.fuzzyFilterOf;
  }

  /** fuzzyFilter for names: over the names' deletion index and the names themselves. */
  private nameFuzzyFilter(): KeyFilter {
    this.nameFuzzyFilterOf ??= sizedKeyFilter([this.nameKeys(), this.nameDeletionIndex().keys()]);
    return this.nameFuzzyFilterOf;
  }

  private nameDeletionIndex(): Map<string, string[]> {
    this.nameDeletions ??= deletionMap(this.nameKeys());
    return this.nameDeletions;
  }

  private deletionIndex(): Map<string, string[]> {
    if (this.deletions) return this.deletions;
    // Only designators with a digit: names of places and people are not fuzzed.
    const keys: string[] = [];
    for (const [key, pos] of this.keyPos)
      if (key.length >= 4 && /\d/.test(key) && this.kindsAt(pos).includes(RefKind.equipment)) keys.push(key);
    this.deletions = deletionMap(keys);
    return this.deletions;
  }

  /** Adds a user's data folder (same layout and formats as data/), validated with clear errors. */
  extend(dir: string): void {
    const b = new KbBuilder(new Set());
    b.addDataDir(dir);
    const offset = { place: this.places.length, equipment: this.equipment.length, actor: this.actors.length };
    for (const p of b.places) {
      if (this.placeIds.has(p.id)) continue;
      this.placeIds.set(p.id, this.places.push(p) - 1);
    }
    for (const e of b.equipment) this.equipment.push(e);
    for (const a of b.actors) this.actorIds.set(a.id, this.actors.push(a) - 1);
    for (const [key, refs] of b.index) {
      let pos = this.keyPos.get(key);
      if (pos === undefined) {
        pos = this.cols.keys.length + this.groups.length;
        this.keyPos.set(key, pos);
        this.groups[pos] = [];
      }
      const list = this.group(pos);
      for (const [k, i, s, f] of refs) {
        const base =
          k === RefKind.place || k === RefKind.demonym
            ? offset.place
            : k === RefKind.actor || k === RefKind.metonym
              ? offset.actor
              : offset.equipment;
        list.push([k, i + base, s, f]);
      }
      if (key.length > this.maxKeyLength) this.maxKeyLength = key.length;
    }
    for (const p of prefixesOf(b.index)) this.prefixes.add(p);
    if (this.lowerCase) this.lowerCase = [...this.lowerCase, ...lowerCaseKeysOf(b.index)];
    this.lowerFilter = undefined;
    this.deletions = undefined;
    this.nameDeletions = undefined;
    this.fuzzyFilterOf = undefined;
    this.nameFuzzyFilterOf = undefined;
    this.equipmentNames = undefined;
    this.filter = undefined;
    this.table = undefined;
    this.hotProbes.clear();
    this.equipmentIds = undefined;
    this.refs = [];
    this.hotRefs.clear();
    this.extensions.push(dir);
  }

  private group(pos: number): RefRow[] {
    let g = this.groups[pos];
    if (g) return g;
    const c = this.cols;
    g = [];
    for (let r = c.start[pos]!; r < c.start[pos + 1]!; r++) {
      const k = c.kind[r]!;
      const i = c.idx[r]!;
      g.push([k, i, c.surface[r] || this.nameOf(k, i), c.flags[r]!]);
    }
    this.groups[pos] = g;
    return g;
  }

  /**
   * The kinds of the readings of the key at this position, read from the index's columns without making
   * the key's group (unless one was made: an extension may have added to it). The searches over every key
   * above would otherwise keep a group for each, some 40 MB.
   */
  private kindsAt(pos: number): readonly number[] {
    const g = this.groups[pos];
    if (g) return g.map((r) => r[0]);
    return this.cols.kind.slice(this.cols.start[pos], this.cols.start[pos + 1]);
  }

  private nameOf(kind: number, i: number): string {
    if (kind === RefKind.place || kind === RefKind.demonym) return this.places[i]!.name;
    if (kind === RefKind.actor || kind === RefKind.metonym) return this.actors[i]!.name;
    return this.equipment[i]!.name;
  }

  keyOf(text: string): string {
    return compactKey(text);
  }
}

/** The shortest equipment name (letters only) a misspelling of is looked for: "patriot", not "buk". */
const NAME_MIN = 6;

/** Each key under every string one deletion from it (the index a one-edit search reads). */
function deletionMap(keys: Iterable<string>): Map<string, string[]> {
  const del = new Map<string, string[]>();
  for (const key of keys)
    for (const d of deletes(key)) {
      const list = del.get(d);
      if (list) list.push(key);
      else del.set(d, [key]);
    }
  return del;
}

function deletes(key: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < key.length; i++) out.push(key.slice(0, i) + key.slice(i + 1));
  return out;
}
