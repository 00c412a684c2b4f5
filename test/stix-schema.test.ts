// STIX 2.1 conformance of the export: bundles from the real pipeline and the real CLI, checked against
// docs/stix-2.1.schema.json (our schema, written from the standard's normative statements) with ajv, and
// against the cross-object rules in src/store/stix-validate.ts. Then the checks are shown to bite.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ErrorObject } from "ajv";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { beforeAll, describe, expect, it } from "vitest";
import { analyzeRaw } from "../src/analyze.js";
import { fixtureDocument, loadFixtures } from "../src/eval/fixtures.js";
import { assertValidStix, StixBundle, toStix } from "../src/store/stix.js";
import { validateStixBundle } from "../src/store/stix-validate.js";
import { Store } from "../src/store/store.js";
import { kb } from "./helpers.js";

const ROOT = new URL("..", import.meta.url).pathname;
const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
addFormats.default(ajv);
const schemaCheck = ajv.compile(JSON.parse(readFileSync(join(ROOT, "docs/stix-2.1.schema.json"), "utf8")));

/** One line per ajv error, with the offending property named; 'if'/'then' wrappers left out. */
function readable(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? [])
    .filter((e) => e.keyword !== "if")
    .map((e) => {
      const p = e.params as Record<string, unknown>;
      const extra = p.unevaluatedProperty ?? p.additionalProperty ?? p.allowedValues ?? p.pattern ?? "";
      return `${e.instancePath || "/"} ${e.message}${extra ? ` (${JSON.stringify(extra)})` : ""}`;
    });
}

/** Every problem with a bundle: the JSON Schema, then the checks in code. */
function stixErrors(bundle: unknown): string[] {
  const ok = schemaCheck(bundle);
  return [...(ok ? [] : readable(schemaCheck.errors)), ...validateStixBundle(bundle)];
}

const tmp = mkdtempSync(join(tmpdir(), "orbat-stix-"));
const dbFile = join(tmp, "orbat.db");
const fixtures = loadFixtures();

describe("STIX 2.1 export from the real pipeline", () => {
  let rows: Awaited<ReturnType<Store["queryEvents"]>>;
  beforeAll(async () => {
    const store = await Store.open(dbFile);
    for (const g of fixtures.slice(0, 20)) await store.ingest(analyzeRaw(fixtureDocument(g), kb));
    // An article with a URL and one with neither URL nor outlet, beside the fixtures (which have an outlet, no URL).
    await store.ingest(
      analyzeRaw(
        {
          id: "stix-url",
          title: "Russia deploys S-400 to Kaliningrad",
          text: "Russia has deployed S-400 air-defence systems to Kaliningrad, the defence ministry said on Monday.",
          format: "text",
          source: "Atlas Wire",
          url: "https://news.example/atlas/s400-kaliningrad",
          publishedAt: "2025-03-11",
        },
        kb,
      ),
    );
    await store.ingest(
      analyzeRaw(
        {
          id: "stix-bare",
          title: "",
          text: "China sent two destroyers to the South China Sea near the Spratly Islands on Tuesday.",
          format: "text",
        },
        kb,
      ),
    );
    rows = await store.queryEvents({ limit: 100_000 });
    await store.close();
  }, 120_000);

  it("toStix over every stored event passes the schema and the integrity checks", () => {
    expect(rows.length).toBeGreaterThan(50);
    const bundle = toStix(rows);
    expect(new Set(bundle.objects.map((o) => o.type))).toEqual(
      new Set(["identity", "location", "note", "report"]),
    );
    expect(stixErrors(JSON.parse(JSON.stringify(bundle)))).toEqual([]);
    expect(StixBundle.safeParse(bundle).success).toBe(true);
    const refs = bundle.objects.flatMap((o) =>
      "external_references" in o ? (o.external_references ?? []) : [],
    );
    expect(refs).toContainEqual({
      source_name: "Atlas Wire",
      url: "https://news.example/atlas/s400-kaliningrad",
    });
    expect(refs.filter((r) => !r.url).every((r) => /^The article ".+"/.test(r.description ?? ""))).toBe(true);
  });

  it("bundles of single documents and single events are valid on their own (no dangling refs)", () => {
    const docs = [...new Set(rows.map((r) => r.docId))];
    for (const d of docs) expect(stixErrors(toStix(rows.filter((r) => r.docId === d))), d).toEqual([]);
    for (const r of rows.slice(0, 40)) expect(stixErrors(toStix([r])), `${r.docId}/${r.eventId}`).toEqual([]);
    expect(stixErrors(toStix([]))).toEqual([]);
  });

  it("an object keeps its created time whichever events are exported with it", () => {
    const all = toStix(rows);
    const byId = new Map(all.objects.map((o) => [o.id, o]));
    for (const r of rows.slice(0, 40))
      for (const o of toStix([r]).objects) expect(o.created, o.id).toBe(byId.get(o.id)!.created);
  });

  it("orbat export --format stix writes a valid bundle, to stdout and to a file", () => {
    const run = (args: string[]) =>
      spawnSync(
        process.execPath,
        [join(ROOT, "bin/orbat.js"), "export", "--format", "stix", "--db", dbFile, ...args],
        {
          cwd: ROOT,
          encoding: "utf8",
          env: { ...process.env, NO_COLOR: "1" },
          maxBuffer: 64 * 1024 * 1024,
        },
      );
    const out = run([]);
    expect(out.status, out.stderr).toBe(0);
    const bundle = JSON.parse(out.stdout);
    expect(bundle.objects.length).toBeGreaterThan(50);
    expect(stixErrors(bundle)).toEqual([]);
    const file = join(tmp, "bundle.json");
    const filtered = run(["--country", "RU", "-o", file]);
    expect(filtered.status, filtered.stderr).toBe(0);
    const small = JSON.parse(readFileSync(file, "utf8"));
    expect(small.objects.length).toBeLessThan(bundle.objects.length);
    expect(stixErrors(small)).toEqual([]);
  });
});

describe("the STIX checks reject what the standard forbids", () => {
  const U = (n: number) => `0e0c1a5e-4b1d-4c3a-8f00-${String(n).padStart(12, "0")}`;
  const T = "2025-03-11T00:00:00.000Z";
  const orbat = {
    type: "identity",
    spec_version: "2.1",
    id: `identity--${U(1)}`,
    created: T,
    modified: T,
    name: "orbat",
  };
  const place = {
    type: "location",
    spec_version: "2.1",
    id: `location--${U(2)}`,
    created: T,
    modified: T,
    latitude: 54.71,
    longitude: 20.5,
  };
  const note = {
    type: "note",
    spec_version: "2.1",
    id: `note--${U(3)}`,
    created: T,
    modified: T,
    created_by_ref: orbat.id,
    content: "S-400 moved to Kaliningrad",
    object_refs: [place.id],
    confidence: 80,
  };
  const opinion = {
    type: "opinion",
    spec_version: "2.1",
    id: `opinion--${U(4)}`,
    created: T,
    modified: T,
    opinion: "agree",
    object_refs: [note.id],
  };
  const report = {
    type: "report",
    spec_version: "2.1",
    id: `report--${U(5)}`,
    created: T,
    modified: T,
    name: "Russia deploys S-400",
    published: "2025-03-11T00:00:00Z",
    object_refs: [note.id, place.id, orbat.id],
    external_references: [{ source_name: "Atlas Wire", url: "https://news.example/a" }],
  };
  const relationship = {
    type: "relationship",
    spec_version: "2.1",
    id: `relationship--${U(6)}`,
    created: T,
    modified: T,
    relationship_type: "located-at",
    source_ref: orbat.id,
    target_ref: place.id,
  };
  const good = () =>
    structuredClone({
      type: "bundle",
      id: `bundle--${U(9)}`,
      objects: [orbat, place, note, opinion, report, relationship],
    }) as { [k: string]: unknown; objects: Array<Record<string, unknown>> };
  const obj = (b: ReturnType<typeof good>, type: string) => b.objects.find((o) => o.type === type)!;

  it("accepts the hand-made bundle the cases below break", () => {
    expect(stixErrors(good())).toEqual([]);
  });

  const cases: Array<[string, (b: ReturnType<typeof good>) => void, RegExp]> = [
    [
      "spec_version 2.0 on the bundle (2.0 style)",
      (b) => (b.spec_version = "2.0"),
      /unevaluated properties.*spec_version/,
    ],
    [
      "spec_version 2.0 on an object",
      (b) => (obj(b, "note").spec_version = "2.0"),
      /spec_version must be equal to constant/,
    ],
    [
      "an id whose prefix is not its type",
      (b) => (obj(b, "note").id = `report--${U(3)}`),
      /id prefix "report" is not its type "note"/,
    ],
    [
      "a UUID that is not RFC 4122 (version nibble 0)",
      (b) => (obj(b, "location").id = "location--0e0c1a5e-4b1d-0c3a-8f00-000000000002"),
      /not an RFC 4122 UUID/,
    ],
    [
      "a timestamp without Z",
      (b) => (obj(b, "note").modified = "2025-03-11T00:00:00.000+01:00"),
      /\/modified must match pattern/,
    ],
    [
      "created without milliseconds",
      (b) => (obj(b, "note").created = "2025-03-11T00:00:00Z"),
      /\/created must match pattern/,
    ],
    [
      "a date that does not exist",
      (b) => (obj(b, "report").published = "2025-02-30T00:00:00Z"),
      /published .* not a UTC RFC 3339/,
    ],
    [
      "modified before created",
      (b) => (obj(b, "note").modified = "2025-03-10T23:59:59.999Z"),
      /modified .* earlier than created/,
    ],
    [
      "a report without object_refs",
      (b) => delete obj(b, "report").object_refs,
      /required property 'object_refs'/,
    ],
    [
      "a report with empty object_refs",
      (b) => (obj(b, "report").object_refs = []),
      /object_refs must NOT have fewer than 1 items/,
    ],
    [
      "an opinion with a bad value",
      (b) => (obj(b, "opinion").opinion = "mostly-agree"),
      /\/opinion must be equal to one of the allowed values/,
    ],
    ["a location with latitude 95", (b) => (obj(b, "location").latitude = 95), /\/latitude must be <= 90/],
    [
      "a latitude without a longitude",
      (b) => delete obj(b, "location").longitude,
      /must have property longitude when property latitude is present/,
    ],
    [
      "a dangling ref",
      (b) => (obj(b, "report").object_refs = [`note--${U(77)}`]),
      /object_refs\/0: note--\S+ is not in the bundle/,
    ],
    [
      "created_by_ref to something other than an identity",
      (b) => (obj(b, "note").created_by_ref = place.id),
      /created_by_ref must match pattern/,
    ],
    ["confidence 101", (b) => (obj(b, "note").confidence = 101), /\/confidence must be <= 100/],
    [
      "a custom property with uppercase letters",
      (b) => (obj(b, "note").x_Orbat = 1),
      /unevaluated properties \("x_Orbat"\)/,
    ],
    [
      "an unknown property without the x_ prefix",
      (b) => (obj(b, "note").evidence = "x"),
      /unevaluated properties \("evidence"\)/,
    ],
    [
      "an external reference with only source_name",
      (b) => (obj(b, "report").external_references = [{ source_name: "Atlas Wire" }]),
      /external_references\/0 must have required property 'description'/,
    ],
    [
      "a relationship to a relationship",
      (b) => (obj(b, "relationship").target_ref = obj(b, "relationship").id),
      /target_ref must NOT be valid/,
    ],
    ["an id used twice", (b) => b.objects.push(structuredClone(place)), /appears more than once/],
    [
      "a type with uppercase letters",
      (b) => (obj(b, "opinion").type = "Opinion"),
      /\/type must match pattern/,
    ],
  ];
  it.each(cases)("rejects %s", (_name, breakIt, message) => {
    const b = good();
    breakIt(b);
    const errors = stixErrors(b);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.join("\n")).toMatch(message);
  });

  it("the export refuses to hand out a bundle that fails the integrity checks, with a typed error", () => {
    const b = good();
    obj(b, "report").object_refs = [`note--${U(77)}`];
    let thrown: unknown;
    try {
      assertValidStix(b);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toMatchObject({ code: "ORBAT_E_EXPORT_INVALID" });
    expect(String((thrown as Error).message)).toMatch(/dangling reference/);
    expect(() => assertValidStix(good())).not.toThrow();
  });
});
