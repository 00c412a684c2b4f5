// The HTTP API and the web app's static files, in one Hono app. Errors become JSON with a status and a
// stable code; writes need the token and come from our own origin; bodies are size-limited; no CORS; a
// loopback server answers only loopback host names; responses carry a strict Content-Security-Policy.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { join, resolve } from "node:path";
import { type Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { HTTPException } from "hono/http-exception";
import { z } from "zod";
import { analyzeRaw, ORBAT_VERSION } from "../analyze.js";
import { isOrbatError } from "../core/errors.js";
import { encodeEvents } from "../core/event-columns.js";
import { fetchText } from "../ingest/fetch.js";
import { parseHtmlDocument } from "../ingest/html.js";
import { detectFormat } from "../ingest/read.js";
import type { Kb } from "../kb/kb.js";
import { ROOT } from "../kb/load.js";
import { toCsv, toGeoJson } from "../store/export.js";
import { toStix } from "../store/stix.js";
import type { EventFilter, Store } from "../store/store.js";
import { ApiError } from "./api-error.js";
import { basemap } from "./basemap.js";
import { isLoopbackHost } from "./hosts.js";
import { openApi } from "./openapi.js";
import { countParam, filterFromQuery, stringParam } from "./params.js";
import { type CachedBody, ResponseCache } from "./response-cache.js";
import { staticFile } from "./static-files.js";

export interface AppOptions {
  store: Store;
  kb: Kb;
  /** required for writes; when unset, writes are refused */
  token?: string;
  staticDir?: string;
  /**
   * Set for a server listening on loopback: requests must name a loopback host or one of these names, so a
   * web page whose DNS name is rebound to 127.0.0.1 cannot read the API from the user's browser.
   */
  allowedHosts?: string[];
}

const MAX_BODY = 2 * 1024 * 1024;
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "worker-src 'self' blob:",
  "child-src blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

// With `url` and no `text`, the server fetches the URL (token required; private targets refused).
const AnalyzeBody = z
  .object({
    text: z.string().min(1).max(1_000_000).optional(),
    /** an uploaded HTML page: its article text is extracted as for `orbat analyze page.html` */
    html: z.string().min(1).max(1_900_000).optional(),
    title: z.string().max(1000).optional(),
    url: z.string().max(2000).optional(),
    source: z.string().max(200).optional(),
    publishedAt: z.string().max(40).optional(),
    store: z.boolean().optional(),
  })
  .refine((b) => b.text !== undefined || b.html !== undefined || b.url !== undefined, {
    message: "give text, html or url",
    path: ["text"],
  });

// Tokens are compared as keyed digests: equal length always, so the time taken says nothing about either.
const TOKEN_KEY = randomBytes(32);
const tokenDigest = (t: string) => createHmac("sha256", TOKEN_KEY).update(t).digest();

function sameToken(given: string | undefined, expected: string | undefined): boolean {
  if (!expected || !given) return false;
  return timingSafeEqual(tokenDigest(given), tokenDigest(expected));
}

const bearer = (c: Context) => c.req.header("Authorization")?.replace(/^Bearer\s+/i, "");

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
/** POST routes that store nothing without the token; the route itself asks for it before writing. */
const OPEN_POSTS = new Set(["/api/analyze"]);

export function createApp(o: AppOptions): Hono {
  const app = new Hono();
  const staticDir = resolve(o.staticDir ?? join(ROOT, "web-dist"));

  app.use("*", async (c, next) => {
    await next();
    // A refused write may leave its body unread: the connection is not reused for another request.
    if (!SAFE_METHODS.has(c.req.method) && c.res.status >= 400) c.header("Connection", "close");
    c.header("Content-Security-Policy", CSP);
    c.header("X-Content-Type-Options", "nosniff");
    c.header("Referrer-Policy", "no-referrer");
    c.header("X-Frame-Options", "DENY");
    c.header("Cross-Origin-Resource-Policy", "same-origin");
  });
  if (o.allowedHosts) {
    const allowed = new Set(o.allowedHosts.map((h) => h.toLowerCase()));
    app.use("*", async (c, next) => {
      const host = new URL(c.req.url).hostname;
      if (!isLoopbackHost(host) && !allowed.has(host))
        throw new ApiError(
          403,
          "host-not-allowed",
          `this server answers requests for localhost, not for ${host.slice(0, 100)} (see --allowed-hosts)`,
        );
      await next();
    });
  }
  // Writes: from our own origin (or no browser at all), with the token, as JSON. Checked before the body
  // is read, so a refused request costs nothing.
  app.use("*", async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    const origin = c.req.header("Origin");
    if (origin !== undefined && originHost(origin) !== new URL(c.req.url).host)
      throw new ApiError(
        403,
        "cross-origin",
        `writes from another origin are refused (${origin.slice(0, 100)})`,
      );
    if (!(c.req.method === "POST" && OPEN_POSTS.has(c.req.path)) && !sameToken(bearer(c), o.token))
      throw new ApiError(
        401,
        "token-required",
        "writes need the server token (Authorization: Bearer <token>)",
      );
    const hasBody =
      c.req.header("Transfer-Encoding") !== undefined || Number(c.req.header("Content-Length")) > 0;
    if (hasBody && !/^application\/json\s*(;|$)/i.test(c.req.header("Content-Type") ?? ""))
      throw new ApiError(
        415,
        "unsupported-media-type",
        "send the body as JSON (Content-Type: application/json)",
      );
    await next();
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
    if (err instanceof ApiError)
      return c.json({ error: { code: err.code, message: err.message } }, err.status);
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
  // The answers every view asks for, kept a few seconds and shared by identical concurrent requests;
  // any write through this server clears them.
  const cache = new ResponseCache();
  app.use("*", async (c, next) => {
    await next();
    if (!SAFE_METHODS.has(c.req.method)) cache.clear();
  });
  const send = (c: Context, r: CachedBody) => {
    c.header("ETag", r.etag);
    c.header("Cache-Control", "no-cache");
    if (c.req.header("If-None-Match") === r.etag) return c.body(null, 304);
    return c.body(r.body, 200, { "Content-Type": "application/json; charset=utf-8" });
  };
  app.get("/api/stats", async (c) => send(c, await cache.get("stats", () => o.store.stats())));
  app.get("/api/events", async (c) => {
    const compact = c.req.query("compact") === "1";
    const filter = filterFromQuery(c.req.query());
    return send(
      c,
      await cache.get(`events?${new URL(c.req.url).search}`, () => eventsAnswer(o.store, filter, compact)),
    );
  });
  async function eventsAnswer(store: Store, filter: EventFilter, compact: boolean): Promise<unknown> {
    const rows = await store.queryEvents({ ...filter, compact });
    // compact=1: only what the map, timeline and list draw, in columns (src/core/event-columns.ts), so
    // 10,000 events arrive and parse quickly;
    // the document view fetches the full record.
    if (!compact) return rows;
    return encodeEvents(
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
  }
  app.get("/api/documents/:id", async (c) => {
    const a = await o.store.analysis(c.req.param("id"));
    if (!a) throw new ApiError(404, "not-found", "no such document");
    return c.json(a);
  });
  app.get("/api/entities", async (c) => {
    const q = c.req.query();
    const kind = stringParam(q, "kind");
    const text = stringParam(q, "q");
    return c.json(
      await o.store.entities({
        ...(kind ? { kind } : {}),
        ...(text ? { q: text } : {}),
        limit: countParam(q, "limit", 200, 5000),
      }),
    );
  });
  app.get("/api/entities/:kbId/events", async (c) =>
    c.json(await o.store.entityEvents(c.req.param("kbId"), countParam(c.req.query(), "limit", 5000, 50_000))),
  );
  app.get("/api/stories", async (c) =>
    c.json(await o.store.stories(countParam(c.req.query(), "limit", 200, 5000))),
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
    if (!q.format || q.format === "geojson") return c.json(toGeoJson(rows, (id) => o.kb.place(id)));
    throw new ApiError(400, "bad-query", "format is geojson, csv or stix");
  });
  app.get("/api/basemap", async (c) => {
    const r = await cache.get("basemap", basemap, Number.POSITIVE_INFINITY);
    const answer = send(c, r);
    c.header("Cache-Control", "public, max-age=86400");
    return answer;
  });
  app.post("/api/analyze", async (c) => {
    let raw: unknown;
    try {
      raw = await c.req.json();
    } catch {
      throw new HTTPException(400, {
        message: "body must be JSON: {text, html or url, title?, publishedAt?, store?}",
      });
    }
    const body = AnalyzeBody.safeParse(raw);
    if (!body.success)
      throw new HTTPException(400, {
        message: `invalid body: ${body.error.issues[0]?.path.join(".")} ${body.error.issues[0]?.message}`,
      });
    const { store, text, html, ...doc } = body.data;
    const fetching = text === undefined && html === undefined;
    if ((store || fetching) && !sameToken(bearer(c), o.token))
      throw new ApiError(
        401,
        "token-required",
        "storing or fetching a URL needs the server token (Authorization: Bearer <token>)",
      );
    const url = doc.url ?? "";
    const content = html ?? (fetching ? (await fetchText(url)).content : text!);
    const isHtml = html !== undefined || (fetching && detectFormat(url, content) === "html");
    const a = analyzeRaw(
      isHtml
        ? parseHtmlDocument(content, doc)
        : { ...doc, text: content, format: "text", publishedAt: doc.publishedAt ?? null },
      o.kb,
    );
    if (store) await o.store.ingest(a);
    return c.json(a);
  });

  app.get("*", (c) => {
    if (c.req.path.startsWith("/api/")) throw new ApiError(404, "not-found", "no such API route");
    const found = staticFile(staticDir, c.req.path);
    if (found.kind === "bad-path") throw new ApiError(400, "bad-path", `refused path: ${found.reason}`);
    if (found.kind === "not-built") return c.text("web app not built: run npm run build:web", 503);
    return c.body(new Uint8Array(found.body), 200, { "Content-Type": found.type });
  });
  return app;
}

/** host:port of an Origin header, or "" for "null" and anything unparseable (never equal to ours). */
function originHost(origin: string): string {
  try {
    return new URL(origin).host;
  } catch {
    return "";
  }
}
