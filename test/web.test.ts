// The API against a real server on a real SQLite store, and the web app in real Chromium (Debian's,
// driven by playwright-core). Screenshots go to test-artifacts/.
import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyzeRaw } from "../src/analyze.js";
import { startServer } from "../src/cli/serve-command.js";
import { fixtureDocument, loadFixtures } from "../src/eval/fixtures.js";
import { Store } from "../src/store/store.js";
import { chromiumAvailable, launchChromium } from "./browser.js";
import { kb } from "./helpers.js";

const ARTIFACTS = new URL("../test-artifacts/", import.meta.url).pathname;
const TOKEN = "test-token-0123456789";
let server: { url: string; close(): Promise<void> };
let browser: Browser | undefined;

beforeAll(async () => {
  const db = join(mkdtempSync(join(tmpdir(), "orbat-web-")), "web.db");
  const store = await Store.open(db);
  for (const g of loadFixtures()) {
    await store.ingest(analyzeRaw(fixtureDocument(g), kb));
  }
  await store.close();
  server = await startServer({ db, port: 0, host: "127.0.0.1", token: TOKEN }, kb);
  mkdirSync(ARTIFACTS, { recursive: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("HTTP API", () => {
  const get = (path: string) => fetch(new URL(path, server.url));
  it("answers health, stats, events and documents", async () => {
    expect(await (await get("/api/health")).json()).toMatchObject({ ok: true });
    const stats = await (await get("/api/stats")).json();
    expect(stats.documents).toBeGreaterThanOrEqual(40);
    const events = await (await get("/api/events?type=deployment&limit=5")).json();
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e: { type: string }) => e.type === "deployment")).toBe(true);
    const doc = await (await get(`/api/documents/${events[0].docId}`)).json();
    expect(doc.document.text.length).toBeGreaterThan(100);
    expect((await get("/openapi.json")).status).toBe(200);
  });
  it("lists entities with their events, and stories", async () => {
    const ents = await (await get("/api/entities?kind=equipment&limit=10")).json();
    expect(ents.length).toBeGreaterThan(3);
    expect(ents[0]).toMatchObject({ kind: "equipment" });
    const evs = await (await get(`/api/entities/${encodeURIComponent(ents[0].kbId)}/events`)).json();
    expect(evs.length).toBeGreaterThan(0);
    expect(evs.every((e: { entityIds: string[] }) => e.entityIds.includes(ents[0].kbId))).toBe(true);
    const stories = await (await get("/api/stories")).json();
    expect(stories.length).toBeGreaterThanOrEqual(40);
  });
  it("exports GeoJSON and CSV", async () => {
    expect((await (await get("/api/export?format=geojson")).json()).type).toBe("FeatureCollection");
    expect(await (await get("/api/export?format=csv")).text()).toMatch(/^doc_id,event_id/);
    expect((await (await get("/api/export?format=stix")).json()).type).toBe("bundle");
  });
  it("gives clear JSON errors and security headers", async () => {
    const r = await get("/api/documents/nope");
    expect(r.status).toBe(404);
    expect((await r.json()).error.code).toBeDefined();
    expect(r.headers.get("content-security-policy")).toMatch(/frame-ancestors 'none'/);
    expect(r.headers.get("x-content-type-options")).toBe("nosniff");
    const bad = await fetch(new URL("/api/analyze", server.url), {
      method: "POST",
      body: "{not json",
      headers: { "Content-Type": "application/json" },
    });
    expect(bad.status).toBe(400);
    expect((await get("/api/events?bbox=1,2")).status).toBe(400);
    expect((await get("/..%2f..%2fpackage.json")).status).toBe(400);
  });
  it("analyses pasted text; storing it needs the token", async () => {
    const body = JSON.stringify({
      text: "Russia deployed S-400 systems to Kaliningrad on Monday, Reuters reported.",
      publishedAt: "2025-03-11",
    });
    const r = await fetch(new URL("/api/analyze", server.url), {
      method: "POST",
      body,
      headers: { "Content-Type": "application/json" },
    });
    expect(r.status).toBe(200);
    expect((await r.json()).events[0].type).toBe("deployment");
    const page = await fetch(new URL("/api/analyze", server.url), {
      method: "POST",
      body: JSON.stringify({
        html: "<html><body><article><p>Russia deployed S-400 systems to Kaliningrad on Monday, Reuters reported.</p></article></body></html>",
        publishedAt: "2025-03-11",
      }),
      headers: { "Content-Type": "application/json" },
    });
    const fromHtml = await page.json();
    expect(fromHtml.document.format).toBe("html");
    expect(fromHtml.events[0].type).toBe("deployment");
    const store = JSON.stringify({ ...JSON.parse(body), store: true });
    expect(
      (
        await fetch(new URL("/api/analyze", server.url), {
          method: "POST",
          body: store,
          headers: { "Content-Type": "application/json" },
        })
      ).status,
    ).toBe(401);
    const ok = await fetch(new URL("/api/analyze", server.url), {
      method: "POST",
      body: store,
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${TOKEN}` },
    });
    expect(ok.status).toBe(200);
  });
});

describe.skipIf(!chromiumAvailable() && !process.env.CI)("web app in Chromium", () => {
  let page: Page;
  beforeAll(async () => {
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const t0 = Date.now();
    await page.goto(server.url);
    await page.waitForSelector("body[data-ready='true']", { timeout: 30_000 });
    await page.waitForSelector("body[data-map-events]", { timeout: 30_000 });
    console.log(`first render with events: ${Date.now() - t0} ms`);
    await page.screenshot({ path: join(ARTIFACTS, "web-overview.png") });
  }, 90_000);

  it("renders the map with events, the timeline and the event list", async () => {
    expect(await page.locator("[data-testid=map] canvas").count()).toBeGreaterThan(0);
    expect(Number(await page.getAttribute("body", "data-map-events"))).toBeGreaterThan(10);
    expect(await page.locator("[data-testid=timeline] svg rect[data-month]").count()).toBeGreaterThan(3);
    expect(Number(await page.getAttribute("[data-testid=event-list]", "data-count"))).toBeGreaterThan(20);
    expect(Number(await page.getAttribute("body", "data-map-areas"))).toBeGreaterThan(0);
    // each event says how many independent reports tell it
    expect(await page.locator("[data-testid=event-list] .event .meta").first().textContent()).toMatch(
      /\b\d+ independent reports?\b/,
    );
  });

  it("filters by brushing the timeline and keeps the state in the URL", async () => {
    const before = Number(await page.getAttribute("[data-testid=event-list]", "data-count"));
    const box = (await page.locator("[data-testid=timeline] svg").boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.85, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.99, box.y + box.height / 2);
    await page.mouse.up();
    await page.waitForFunction(
      (n) => Number(document.querySelector("[data-testid=event-list]")?.getAttribute("data-count")) !== n,
      before,
    );
    const after = Number(await page.getAttribute("[data-testid=event-list]", "data-count"));
    expect(after).toBeLessThan(before);
    expect(page.url()).toMatch(/since=\d{4}-\d{2}-01/);
    await page.click("#clear");
  });

  it("opens a document with highlighted spans and the attribution graph", async () => {
    await page.locator("[data-testid=event-list] .event").first().click();
    await page.waitForSelector("[data-testid=document-view] mark");
    expect(await page.locator("[data-testid=document-view] mark").count()).toBeGreaterThan(3);
    expect(await page.locator("[data-testid=document-view] .evidence").count()).toBeGreaterThan(0);
    expect(await page.locator("[data-testid=source-graph] svg text").count()).toBeGreaterThan(0);
    expect(page.url()).toMatch(/doc=/);
    await page.screenshot({ path: join(ARTIFACTS, "web-document.png") });
  });

  it("opens an entity page from a highlighted mention", async () => {
    // the first highlighted mention whose entity takes part in events (a dateline's town may take part in none)
    const marks = page.locator("[data-testid=document-view] mark[data-kb]");
    const ids = await marks.evaluateAll((ms) => ms.map((m) => m.getAttribute("data-kb") ?? ""));
    let chosen = -1;
    for (let i = 0; i < ids.length && chosen < 0; i++) {
      const res = await fetch(new URL(`/api/entities/${encodeURIComponent(ids[i]!)}/events`, server.url));
      if (res.ok && ((await res.json()) as unknown[]).length > 0) chosen = i;
    }
    expect(chosen).toBeGreaterThanOrEqual(0);
    await marks.nth(chosen).click();
    await page.waitForSelector("[data-testid=entity-view] .event");
    expect(await page.locator("[data-testid=entity-view] h3").textContent()).toMatch(/\d+ events/);
  });

  it("shows findings where they occur, and opens a document from a shared link", async () => {
    await page.goto(`${server.url}#doc=a02-us-caribbean-warships-trump`);
    await page.reload(); // a new hash on the same page does not reload it; a shared link opens fresh
    await page.waitForSelector("[data-testid=document-view] .finding-span");
    expect(
      await page.locator("[data-testid=document-view] .finding-span").first().getAttribute("title"),
    ).toMatch(/former/i);
    await page.goto(server.url);
    await page.reload();
    await page.waitForSelector("body[data-ready='true']");
  });

  it("analyses a pasted article, and article text is never run as markup", async () => {
    let alerted = false;
    page.on("dialog", (d) => {
      alerted = true;
      void d.dismiss();
    });
    await page.fill(
      "[data-testid=analyze-input]",
      'Iran tested a Fateh-110 missile near Bandar Abbas on Monday, state media said. <img src=x onerror="alert(1)"><script>alert(2)</script>',
    );
    await page.fill("#analyze-date", "2024-03-05");
    await page.click("#analyze-button");
    await page.waitForFunction(() =>
      /Fateh-110/.test(document.querySelector("[data-testid=document-view]")?.textContent ?? ""),
    );
    expect(await page.locator("[data-testid=document-view] mark.kind-equipment").count()).toBeGreaterThan(0);
    expect(await page.locator("[data-testid=document-view] img").count()).toBe(0);
    expect(alerted).toBe(false);
    await page.screenshot({ path: join(ARTIFACTS, "web-analyze.png") });
  });

  it("analyses an uploaded HTML page: the article text, not the page's navigation", async () => {
    await page.setInputFiles("[data-testid=analyze-file]", {
      name: "report.html",
      mimeType: "text/html",
      buffer: Buffer.from(
        "<!doctype html><html><head><title>Drills off Taiwan</title></head><body><nav>Home | World | Sport</nav><article><h1>Drills off Taiwan</h1><p>China held live-fire drills near the Taiwan Strait on Monday with J-16 fighters, the ministry said.</p></article></body></html>",
      ),
    });
    await page.waitForFunction(() =>
      /J-16 fighters/.test(document.querySelector("[data-testid=document-view]")?.textContent ?? ""),
    );
    const view = (await page.locator("[data-testid=document-view]").textContent()) ?? "";
    expect(view).not.toContain("Home | World | Sport");
    expect(await page.locator("[data-testid=document-view] mark.kind-equipment").count()).toBeGreaterThan(0);
  });
});
