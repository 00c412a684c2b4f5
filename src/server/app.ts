// The HTTP API and the web app's static files, in one Hono app. Errors become JSON with a status;
// writes need the token; bodies are size-limited; responses carry a strict Content-Security-Policy.
import { timingSafeEqual } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join, normalize, resolve, sep } from "node:path";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { HTTPException } from "hono/http-exception";
import { z } from "zod";
import { analyzeRaw, ORBAT_VERSION } from "../analyze.js";
import { isOrbatError } from "../core/errors.js";
import type { Kb } from "../kb/kb.js";
import { ROOT } from "../kb/load.js";
import { toCsv, toGeoJson } from "../store/export.js";
import { toStix } from "../store/stix.js";
import type { EventFilter, Store } from "../store/store.js";
import { basemap } from "./basemap.js";
import { openApi } from "./openapi.js";

export interface AppOptions {
  store: Store;
  kb: Kb;
  /** required for writes; when unset, writes are refused */
  token?: string;
  staticDir?: string;
}

const MAX_BODY = 2 * 1024 * 1024;
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "worker-src 'self' blob:",
  "child-src blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join("; ");

const AnalyzeBody = z.object({
  text: z.string().min(1).max(1_000_000),
  title: z.string().max(1000).optional(),
  url: z.string().max(2000).optional(),
  source: z.string().max(200).optional(),
  publishedAt: z.string().max(40).optional(),
  store: z.boolean().optional(),
});

function sameToken(given: string | undefined, expected: string | undefined): boolean {
  if (!expected || !given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function filterFromQuery(q: Record<string, string>): EventFilter {
  const f: EventFilter = {};
  for (const k of [
    "text",
    "country",
    "type",
    "cameo",
    "equipment",
    "entity",
    "factuality",
    "since",
    "until",
  ] as const)
    if (q[k]) f[k] = q[k];
  if (q.minCorroboration) f.minCorroboration = Number(q.minCorroboration) || 0;
  f.limit = Math.min(Number(q.limit) || 5000, 20000);
  if (q.bbox) {
    const b = q.bbox.split(",").map(Number);
    if (b.length !== 4 || b.some((x) => !Number.isFinite(x)))
      throw new HTTPException(400, { message: "bbox takes west,south,east,north" });
    f.bbox = b as [number, number, number, number];
  }
  return f;
}

export function createApp(o: AppOptions): Hono {
  const app = new Hono();
  const staticDir = resolve(o.staticDir ?? join(ROOT, "web-dist"));

  app.use("*", async (c, next) => {
    await next();
    c.header("Content-Security-Policy", CSP);
    c.header("X-Content-Type-Options", "nosniff");
    c.header("Referrer-Policy", "no-referrer");
    c.header("X-Frame-Options", "DENY");
  });
  app.use(
    "/api/*",
    bodyLimit({
      maxSize: MAX_BODY,
      onError: (c) =>
        c.json({ error: { code: "payload-too-large", message: `request body over ${MAX_BODY} bytes` } }, 413),
    }),
  );

  app.onError((err, c) => {
    if (err instanceof HTTPException)
      return c.json({ error: { code: `http-${err.status}`, message: err.message } }, err.status);
    if (isOrbatError(err)) return c.json({ error: err.toJSON() }, 400);
    console.error(err);
    return c.json({ error: { code: "internal", message: "internal error" } }, 500);
  });
  app.notFound((c) =>
    c.json({ error: { code: "not-found", message: `no route for ${c.req.method} ${c.req.path}` } }, 404),
  );

  app.get("/api/health", async (c) => c.json({ ok: true, version: ORBAT_VERSION, kb: o.kb.version }));
  app.get("/openapi.json", (c) => c.json(openApi(ORBAT_VERSION)));
  app.get("/api/stats", async (c) => c.json(await o.store.stats()));
  app.get("/api/events", async (c) => {
    const compact = c.req.query("compact") === "1";
    const rows = await o.store.queryEvents({ ...filterFromQuery(c.req.query()), compact });
    // compact=1: only what the map, timeline and list draw, so 10,000 events arrive and parse quickly;
    // the document view fetches the full record.
    if (!compact) return c.json(rows);
    return c.json(
      rows.map((r) => ({
        docId: r.docId,
        eventId: r.eventId,
        type: r.type,
        cameo: { code: r.cameo.code },
        factuality: r.factuality,
        confidence: r.confidence,
        time: { start: r.time.start },
        lat: r.lat,
        lon: r.lon,
        corroboration: r.corroboration,
        places: r.places.slice(0, 2),
        actors: r.actors.slice(0, 2),
        equipment: r.equipment.slice(0, 3),
        areas: r.areas,
        document: { title: r.document.title, publishedAt: r.document.publishedAt },
      })),
    );
  });
  app.get("/api/documents/:id", async (c) => {
    const a = await o.store.analysis(c.req.param("id"));
    if (!a) throw new HTTPException(404, { message: "no such document" });
    return c.json(a);
  });
  app.get("/api/entities", async (c) => {
    const q = c.req.query();
    return c.json(
      await o.store.entities({
        ...(q.kind ? { kind: q.kind } : {}),
        ...(q.q ? { q: q.q } : {}),
        limit: Math.min(Number(q.limit) || 200, 5000),
      }),
    );
  });
  app.get("/api/entities/:kbId/events", async (c) => c.json(await o.store.entityEvents(c.req.param("kbId"))));
  app.get("/api/stories", async (c) =>
    c.json(await o.store.stories(Math.min(Number(c.req.query("limit")) || 200, 5000))),
  );
  app.get("/api/export", async (c) => {
    const q = c.req.query();
    const rows = await o.store.queryEvents(filterFromQuery(q));
    if (q.format === "csv")
      return c.body(toCsv(rows), 200, {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": 'attachment; filename="orbat-events.csv"',
      });
    if (q.format === "stix") return c.json(toStix(rows));
    if (!q.format || q.format === "geojson") return c.json(toGeoJson(rows));
    throw new HTTPException(400, { message: "format is geojson, csv or stix" });
  });
  app.get("/api/basemap", (c) => {
    c.header("Cache-Control", "public, max-age=86400");
    return c.json(basemap());
  });
  app.post("/api/analyze", async (c) => {
    let raw: unknown;
    try {
      raw = await c.req.json();
    } catch {
      throw new HTTPException(400, { message: "body must be JSON: {text, title?, publishedAt?, store?}" });
    }
    const body = AnalyzeBody.safeParse(raw);
    if (!body.success)
      throw new HTTPException(400, {
        message: `invalid body: ${body.error.issues[0]?.path.join(".")} ${body.error.issues[0]?.message}`,
      });
    const { store, ...doc } = body.data;
    if (store && !sameToken(c.req.header("Authorization")?.replace(/^Bearer\s+/i, ""), o.token)) {
      throw new HTTPException(401, {
        message: "storing needs the server token (Authorization: Bearer <token>)",
      });
    }
    const a = analyzeRaw({ ...doc, format: "text", publishedAt: doc.publishedAt ?? null }, o.kb);
    if (store) await o.store.ingest(a);
    return c.json(a);
  });

  app.get("*", (c) => {
    if (c.req.path.startsWith("/api/")) throw new HTTPException(404, { message: "no such API route" });
    const rel = normalize(decodeURIComponent(c.req.path)).replace(/^([/\\])+/, "");
    const file = resolve(staticDir, rel || "index.html");
    if (!file.startsWith(staticDir + sep) && file !== staticDir)
      throw new HTTPException(403, { message: "outside the app folder" });
    const target =
      existsSync(file) && !file.endsWith(sep) && rel !== "" ? file : join(staticDir, "index.html");
    if (!existsSync(target)) return c.text("web app not built: run npm run build:web", 503);
    const type = target.endsWith(".js")
      ? "text/javascript"
      : target.endsWith(".css")
        ? "text/css"
        : target.endsWith(".json")
          ? "application/json"
          : target.endsWith(".svg")
            ? "image/svg+xml"
            : "text/html; charset=utf-8";
    return c.body(readFileSync(target), 200, { "Content-Type": type });
  });
  return app;
}
