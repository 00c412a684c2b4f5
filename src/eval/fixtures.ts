// Our fixture articles (fixtures/articles/*.yaml) with their gold annotations.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import YAML from "yaml";
import { z } from "zod";
import { ErrorCodes, OrbatError } from "../core/errors.js";
import type { RawDocument } from "../ingest/document.js";
import { ROOT } from "../kb/load.js";

const dateish = z
  .union([z.string(), z.date(), z.number()])
  .transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v)));

export const GoldEvent = z.object({
  type: z.string(),
  trigger: z.string(),
  actor: z.string().nullish(),
  equipment: z.array(z.string()).nullish(),
  place: z.string().nullish(),
  date: dateish.nullish(),
  factuality: z.string(),
  sources: z.array(z.string()).nullish(),
});
export type GoldEvent = z.infer<typeof GoldEvent>;

export const GoldArticle = z.object({
  id: z.string(),
  title: z.string(),
  source: z.string().optional(),
  url: z.string().optional(),
  publishedAt: dateish.nullish(),
  text: z.string(),
  gold: z.object({
    places: z
      .array(z.object({ text: z.string(), lat: z.number().optional(), lon: z.number().optional() }))
      .default([]),
    equipment: z.array(z.object({ text: z.string(), id: z.string().optional() })).default([]),
    actors: z.array(z.string()).default([]),
    events: z.array(GoldEvent).default([]),
  }),
});
export type GoldArticle = z.infer<typeof GoldArticle>;

/** A fixture article as the document the pipeline reads (the gold stays aside). */
export function fixtureDocument(g: GoldArticle): RawDocument {
  return {
    id: g.id,
    title: g.title,
    text: g.text,
    format: "text",
    publishedAt: g.publishedAt ?? null,
    ...(g.source ? { source: g.source } : {}),
    ...(g.url ? { url: g.url } : {}),
  };
}

export const FIXTURE_DIR = join(ROOT, "fixtures", "articles");

export function loadFixtures(dir = FIXTURE_DIR): GoldArticle[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".yaml"))
    .sort()
    .map((f) => {
      const parsed = GoldArticle.safeParse(YAML.parse(readFileSync(join(dir, f), "utf8")));
      if (!parsed.success) {
        throw new OrbatError(
          ErrorCodes.EVAL_DATA,
          `${f}: ${parsed.error.issues[0]?.path.join(".")}: ${parsed.error.issues[0]?.message}`,
        );
      }
      return parsed.data;
    });
}

/** Reads gold articles from a JSONL file (one GoldArticle per line) or a folder of YAML fixtures. */
export function readGold(path: string): GoldArticle[] {
  if (!path.endsWith(".jsonl")) return loadFixtures(path);
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l, i) => {
      const parsed = GoldArticle.safeParse(JSON.parse(l));
      if (!parsed.success)
        throw new OrbatError(ErrorCodes.EVAL_DATA, `${path}:${i + 1}: ${parsed.error.issues[0]?.message}`);
      return parsed.data;
    });
}
