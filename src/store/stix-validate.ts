// The STIX 2.1 rules a JSON Schema cannot express, checked over a whole bundle: an id's prefix is its
// object's type, timestamps are real calendar instants, modified is not before created, a relationship
// stops after it starts, ids are unique, and every *_ref / *_refs names an object in the same bundle
// (OpenCTI and MISP drop dangling references). The per-property rules are in docs/stix-2.1.schema.json,
// which the tests apply with ajv; this file has no dependencies so `orbat export` can run it on every
// bundle it writes.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const STAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?Z$/;
const TIME_PROPERTIES = [
  "created",
  "modified",
  "published",
  "start_time",
  "stop_time",
  "first_seen",
  "last_seen",
  "first_observed",
  "last_observed",
  "valid_from",
  "valid_until",
] as const;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/** Milliseconds since the epoch of a STIX timestamp, or null when it is not a real UTC instant. */
export function stixInstant(s: string): number | null {
  const m = STAMP.exec(s);
  if (!m) return null;
  const [, y, mo, d, h, mi, sec] = m.map(Number) as number[];
  // A leap second (:60) is legal in RFC 3339; count it as the last second of its minute.
  const t = Date.UTC(y!, mo! - 1, d!, h!, mi!, Math.min(sec!, 59));
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo! - 1 || back.getUTCDate() !== d) return null;
  return t + Math.floor(Number(m[7] ?? 0) * 1000);
}

/** Every reference in a value: [JSON path, id] for each *_ref string and each *_refs item, at any depth. */
function references(v: unknown, path: string, out: Array<[string, unknown]>): Array<[string, unknown]> {
  if (Array.isArray(v)) for (const [i, x] of v.entries()) references(x, `${path}/${i}`, out);
  else if (isObj(v)) {
    for (const [k, x] of Object.entries(v)) {
      if (k.endsWith("_ref")) out.push([`${path}/${k}`, x]);
      else if (k.endsWith("_refs") && Array.isArray(x))
        for (const [i, r] of x.entries()) out.push([`${path}/${k}/${i}`, r]);
      else references(x, `${path}/${k}`, out);
    }
  }
  return out;
}

/**
 * What is wrong with a STIX 2.1 bundle beyond its JSON Schema, one readable line per problem; empty when
 * nothing is. Pair it with docs/stix-2.1.schema.json for a full check.
 */
export function validateStixBundle(bundle: unknown): string[] {
  if (!isObj(bundle) || bundle.type !== "bundle") return ["the bundle is not an object of type 'bundle'"];
  const errors: string[] = [];
  if (typeof bundle.id !== "string" || !bundle.id.startsWith("bundle--"))
    errors.push(`bundle id ${JSON.stringify(bundle.id)} does not start with 'bundle--'`);
  else if (!UUID.test(bundle.id.slice("bundle--".length)))
    errors.push(`bundle id ${bundle.id}: not an RFC 4122 UUID`);
  const objects = bundle.objects ?? [];
  if (!Array.isArray(objects)) return [...errors, "bundle objects is not a list"];
  const ids = new Set<string>();
  for (const [i, o] of objects.entries()) {
    if (!isObj(o)) {
      errors.push(`/objects/${i}: not an object`);
      continue;
    }
    const at = `/objects/${i} (${typeof o.id === "string" ? o.id : o.type})`;
    if (typeof o.id !== "string" || typeof o.type !== "string") {
      errors.push(`${at}: needs a string type and id`);
      continue;
    }
    const sep = o.id.indexOf("--");
    if (sep < 0 || o.id.slice(0, sep) !== o.type)
      errors.push(`${at}: id prefix "${o.id.slice(0, Math.max(sep, 0))}" is not its type "${o.type}"`);
    else if (!UUID.test(o.id.slice(sep + 2)))
      errors.push(`${at}: "${o.id.slice(sep + 2)}" is not an RFC 4122 UUID`);
    if (ids.has(o.id)) errors.push(`${at}: id ${o.id} appears more than once in the bundle`);
    ids.add(o.id);
    const when: Partial<Record<(typeof TIME_PROPERTIES)[number], number>> = {};
    for (const p of TIME_PROPERTIES) {
      const v = o[p];
      if (v === undefined) continue;
      const t = typeof v === "string" ? stixInstant(v) : null;
      if (t === null)
        errors.push(`${at}: ${p} ${JSON.stringify(v)} is not a UTC RFC 3339 timestamp ending in Z`);
      else when[p] = t;
    }
    if (when.created !== undefined && when.modified !== undefined && when.modified < when.created)
      errors.push(`${at}: modified ${o.modified} is earlier than created ${o.created}`);
    if (when.start_time !== undefined && when.stop_time !== undefined && when.stop_time <= when.start_time)
      errors.push(`${at}: stop_time ${o.stop_time} is not later than start_time ${o.start_time}`);
    if (
      when.valid_from !== undefined &&
      when.valid_until !== undefined &&
      when.valid_until <= when.valid_from
    )
      errors.push(`${at}: valid_until ${o.valid_until} is not later than valid_from ${o.valid_from}`);
  }
  for (const [i, o] of objects.entries()) {
    if (!isObj(o)) continue;
    for (const [path, r] of references(o, `/objects/${i}`, [])) {
      if (typeof r !== "string")
        errors.push(`${path}: a reference must be an id string, got ${JSON.stringify(r)}`);
      else if (!ids.has(r)) errors.push(`${path}: ${r} is not in the bundle (dangling reference)`);
    }
  }
  return errors;
}
