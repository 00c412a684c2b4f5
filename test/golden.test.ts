// Golden tests over our fixture articles: every Analysis validates against the published JSON Schema,
// every span slices exactly, key facts of chosen articles are found, and quality does not regress.
import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { analyzeRaw } from "../src/analyze.js";
import { Analysis } from "../src/core/analysis.js";
import { analysisJsonSchema } from "../src/core/json-schema.js";
import { spanErrors } from "../src/core/spans.js";
import { evaluateEvents } from "../src/eval/events.js";
import { fixtureDocument, loadFixtures } from "../src/eval/fixtures.js";
import { mentionRecall } from "../src/eval/mentions.js";
import { eventsMarkdown } from "../src/stages/events/ontology-doc.js";
import { haversineKm } from "../src/stages/resolve/place-ranker.js";
import { kb } from "./helpers.js";

const fixtures = loadFixtures();
const items = fixtures.map((g) => ({
  gold: g,
  analysis: analyzeRaw(fixtureDocument(g), kb),
}));
const byId = (id: string) => items.find((i) => i.gold.id.startsWith(id))!.analysis;
const names = (a: Analysis, kind: string) => a.entities.filter((e) => e.kind === kind).map((e) => e.name);

describe("contract", () => {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  const validate = ajv.compile(analysisJsonSchema());
  it("has at least 40 fixture articles", () => expect(fixtures.length).toBeGreaterThanOrEqual(40));
  it("docs/events.md matches the ontology in the code", () => {
    expect(readFileSync(new URL("../docs/events.md", import.meta.url), "utf8")).toBe(eventsMarkdown());
  });
  it("published schema file matches the code", () => {
    const published = JSON.parse(
      readFileSync(new URL("../docs/analysis.schema.json", import.meta.url), "utf8"),
    );
    expect(published).toEqual(analysisJsonSchema());
  });
  it.each(items.map((i) => [i.gold.id, i.analysis] as const))(
    "%s validates and every span slices exactly",
    (_id, a) => {
      expect(Analysis.safeParse(a).success).toBe(true);
      expect(validate(a), JSON.stringify(validate.errors?.slice(0, 2))).toBe(true);
      expect(spanErrors(a)).toEqual([]);
    },
  );
});

describe("key facts", () => {
  it("a01: Venezuelan air defences on the Paraguaná coast, attributed and hedged", () => {
    const a = byId("a01");
    expect(names(a, "equipment").join()).toMatch(/S-125/);
    expect(a.events.some((e) => e.type === "deployment" && e.factuality !== "asserted")).toBe(true);
    expect(a.sources.some((s) => s.type === "anonymous" || s.type === "photographs")).toBe(true);
  });
  it("a02: a 'former president' who the text says leads the current administration is a contradiction", () => {
    const a = byId("a02");
    const f = a.findings.find((x) => x.kind === "internal-contradiction");
    expect(f?.severity).toBe("error");
    expect(f?.spans[0]?.text).toMatch(/former president/i);
  });
  it("b07: a defence minister who had left office is a KB conflict", () => {
    const a = byId("b07");
    expect(a.findings.some((x) => x.kind === "kb-conflict" && /Shoigu/.test(x.message))).toBe(true);
  });
  it("a18: a missing publication date is inferred from the text and marked", () => {
    const a = byId("a18");
    expect(a.document.publishedAtInferred).toBe(true);
    expect(a.document.publishedAt).toBe("2024-01-14");
    expect(a.findings.some((f) => f.kind === "publication-date-inferred")).toBe(true);
  });
  it("a11: PLA drills around the Taiwan Strait", () => {
    const a = byId("a11");
    expect(a.entities.some((e) => e.kind === "place" && e.name === "Taiwan Strait")).toBe(true);
    expect(a.events.some((e) => e.type === "exercise")).toBe(true);
  });
  it("a14: a North Korean launch is a weapons test with a grounded date", () => {
    const a = byId("a14");
    const ev = a.events.find((e) => e.type === "weapons-test");
    expect(ev?.time.start).toMatch(/^20\d\d-\d\d-\d\d$/);
  });
});

describe("quality floor on our fixtures (raise these as the pipeline improves)", () => {
  const m = mentionRecall(items, haversineKm);
  const ev = evaluateEvents(items);
  it("finds places and resolves them", () => {
    expect(m.places.found / m.places.total).toBeGreaterThan(0.9);
    // 0.84 over 76 articles, 26 of them written blind with villages and bases the gazetteer lacks
    expect(m.places.within161 / m.places.withCoords).toBeGreaterThan(0.82);
  });
  it("finds equipment", () => expect(m.equipment.found / m.equipment.total).toBeGreaterThan(0.75));
  it("detects events", () => {
    // against the complete gold of fixtures/ANNOTATION.md (462 events over 76 articles, background and
    // planned included; c01-c14 and d01-d12 were annotated blind by a second writer): a few points under
    // today's figures
    expect(ev.recall).toBeGreaterThan(0.78);
    expect(ev.precision).toBeGreaterThan(0.87);
    expect(ev.f1).toBeGreaterThan(0.83);
    expect(ev.arguments.factuality!.accuracy).toBeGreaterThan(0.85);
    expect(ev.arguments.date!.accuracy).toBeGreaterThan(0.88);
    // who acts is read from the sentence's structure (subjects, lists, pronouns, accusations): 0.81
    expect(ev.arguments.actor!.accuracy).toBeGreaterThan(0.78);
  });
});
